"""`%py_class%`: the class statement it becomes, and what the class computes under TensorFlow.

The expected values are what R keras 2.15 printed for the same programs (recorded with a
local R keras 2.15 / TensorFlow 2.15 build).
"""

from __future__ import annotations

import textwrap

from programs import run_python

from rkeras2py import translate

CONSTRAINT = """
library(keras)
NonNegative(keras$constraints$Constraint) %py_class% {
  "__call__" <- function(w) {
    w * k_cast(w >= 0, k_floatx())
  }
}
"""

SCALER = """
library(keras)
Scaler(keras$layers$Layer) %py_class% {
  "A layer that scales its input."
  initialize <- function(factor = 0.5, ...) {
    super$initialize(...)
    self$factor <- factor
  }
  call <- function(inputs) {
    inputs * self$factor
  }
}
print(as.numeric(Scaler(factor = 2)(k_constant(c(1, 2)))))
"""

COUNTER = """
library(keras)
Counter(keras$callbacks$Callback) %py_class% {
  initialize <- function() {
    super$initialize()
    private$n <- 0
  }
  on_epoch_end <- function(epoch, logs = NULL) {
    private$n <- private$n + 1
  }
  count <- mark_active(function() private$n)
}
cb <- Counter()
model <- keras_model_sequential(input_shape = 2) %>% layer_dense(1)
model %>% compile(loss = "mse", optimizer = "sgd")
model %>% fit(matrix(1, 4, 2), c(1, 2, 3, 4), epochs = 3, verbose = 0, callbacks = list(cb))
cat(cb$count, "\\n")
"""


def code_of(source: str) -> str:
    result = translate(textwrap.dedent(source))
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    return result.code


def run(source: str) -> str:
    done = run_python(code_of(source))
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_the_constraint_of_the_issue_is_a_class_with_call():
    code = code_of(CONSTRAINT)
    assert "class NonNegative(keras.constraints.Constraint):\n" in code
    assert "    def __call__(self, w):\n" in code
    assert "        return w * keras.ops.cast(w >= 0, keras.config.floatx())\n" in code


def test_initialize_super_and_fields():
    code = code_of(SCALER)
    assert '    """A layer that scales its input."""' in code
    assert "    def __init__(self, factor=0.5, **kwargs):\n" in code
    assert "        super().__init__(**kwargs)\n        self.factor = factor\n" in code
    assert "        return inputs * self.factor\n" in code


def test_a_custom_layer_computes_what_r_keras_computed():
    # R keras 2.15 printed: [1] 2 4
    assert run(SCALER).split() == ["[2.", "4.]"]


def test_private_state_and_an_active_property():
    code = code_of(COUNTER)
    assert "self._n = self._n + 1" in code
    assert "    @property\n    def count(self):\n        return self._n\n" in code
    # R keras 2.15 printed: 3
    assert run(COUNTER).split() == ["3"]


def test_a_body_that_is_not_assignments_is_reported_and_marked():
    result = translate("A %py_class% {\n  print(1)\n}\n")
    assert [d.code for d in result.diagnostics] == ["RK102"]
    assert "raise NotImplementedError" in result.code
    assert "class A:" in result.code


def test_a_class_used_before_its_definition_is_reported():
    source = (
        "library(keras)\nl <- Scaler(2)\n"
        "Scaler(keras$layers$Layer) %py_class% {\n  call <- function(x) x\n}\n"
        "make <- function() Scaler(3)\nm <- make()\n"
    )
    result = translate(source)
    assert [(d.code, d.line) for d in result.diagnostics] == [("RK113", 2)]
    assert "def make():\n    return Scaler(3)" in result.code


def test_a_class_wrapped_by_bidirectional_is_registered():
    source = (
        "library(keras)\n"
        "Cell(keras$layers$Layer) %py_class% {\n  call <- function(x, states) list(x, states)\n}\n"
        "Other(keras$layers$Layer) %py_class% {\n  call <- function(x) x\n}\n"
        "b <- bidirectional(layer = layer_rnn(cell = Cell()))\n"
    )
    code = translate(source).code
    assert "@keras.utils.register_keras_serializable()\nclass Cell(" in code
    assert "\nclass Other(" in code and "register_keras_serializable()\nclass Other" not in code
