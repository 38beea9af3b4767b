"""R keras's class constructors as Python class statements: what the translation says, and
what it computes.

The text tests pin the idioms (`new_layer_class()` is a `class`, and its R layer function
composes as `layer_*()` calls do, with no wrapper; the legacy R6 API becomes ordinary
subclasses). The behaviour tests run the translations under TensorFlow, all in one Python
process, and check the values R keras 2.15 printed for the same programs (recorded with
/work/oracle/run-r-keras: R keras 2.15, TensorFlow 2.15; quoted beside each program).
"""

from __future__ import annotations

import textwrap

import pytest
from snippets import CLEAR_SESSION, Result, run_all, translate_all

from rkeras2py import translate


def body(source: str) -> str:
    """The translation without its import lines."""
    result = translate(textwrap.dedent(source))
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    lines = result.code.splitlines()
    return "\n".join(line for line in lines if not line.startswith(("import ", "from "))).strip()


def codes(source: str) -> list[str]:
    return [d.code for d in translate(textwrap.dedent(source)).diagnostics]


# ---- new_layer_class() and the layer functions ---------------------------------------------

SCALE = """
library(keras)
library(tensorflow)
layer_scale <- new_layer_class(
  "Scale",
  initialize = function(factor, ...) {
    super$initialize(...)
    self$factor <- factor
  },
  build = function(input_shape) {
    self$w <- self$add_weight(shape = shape(input_shape[[2]], 1), initializer = "ones",
                              name = "w")
  },
  call = function(inputs) {
    tf$matmul(inputs * self$factor, self$w)
  },
  get_config = NULL
)
"""


def test_new_layer_class_is_a_class_and_its_function_composes_without_a_wrapper():
    code = body(
        SCALE
        + """
        x <- layer_input(shape = 3)
        y <- x %>% layer_scale(2)
        m2 <- keras_model_sequential(input_shape = 3) %>% layer_scale(factor = 3, name = "sc")
        """
    )
    assert code == textwrap.dedent(
        """\
        class Scale(keras.layers.Layer):
            def __init__(self, factor, **kwargs):
                super().__init__(**kwargs)
                self.factor = factor

            def build(self, input_shape):
                self.w = self.add_weight(
                    shape=tf.TensorShape([int(input_shape[1]), 1]), initializer="ones", name="w"
                )

            def call(self, inputs):
                return tf.matmul(inputs * self.factor, self.w)


        x = keras.Input(shape=(3,))
        y = Scale(2.0)(x)
        m2 = keras.Sequential([keras.Input(shape=(3,)), Scale(factor=3.0, name="sc")])"""
    )


def test_a_layer_function_added_to_a_model_over_statements_is_model_add():
    code = body(
        SCALE
        + """
        model <- keras_model_sequential()
        model %>% layer_scale(2, input_shape = 3)
        """
    )
    assert code.splitlines()[-3:] == [
        "model = keras.Sequential()",
        "model.add(keras.Input(shape=(3,)))",
        "model.add(Scale(2.0))",
    ]


def test_a_layer_function_rejects_arguments_its_initialize_does_not_take():
    source = """
    library(keras)
    layer_id <- new_layer_class("Id", call = function(x) x)
    y <- layer_input(shape = 2) %>% layer_id(units = 3)
    """
    assert "RK103" in codes(source)


def test_deprecated_layer_takes_members_by_position_and_inherit():
    code = body(
        """
        library(keras)
        lay <- Layer("Doubler",
          function(k) {
            super()$`__init__`()
            self$k <- k
          },
          call = function(x, mask = NULL) x * self$k,
          inherit = keras$layers$Layer
        )
        out <- layer_input(shape = 2) %>% lay(k = 3)
        """
    )
    assert code == textwrap.dedent(
        """\
        class Doubler(keras.layers.Layer):
            def __init__(self, k):
                super().__init__()
                self.k = k

            def call(self, x, mask=None):
                return x * self.k


        out = Doubler(k=3.0)(keras.Input(shape=(2,)))"""
    )


def test_create_layer_wrapper_applies_the_modifiers():
    code = body(
        """
        library(keras)
        library(tensorflow)
        Twice(keras$layers$Layer) %py_class% {
          initialize <- function(units, ...) {
            super$initialize(...)
            self$units <- units
          }
          call <- function(x) tf$concat(list(x, x), axis = -1L)
        }
        layer_twice <- create_layer_wrapper(Twice, modifiers = list(units = as.integer))
        inp <- layer_input(shape = 2)
        out <- inp %>% layer_twice(units = 5.7)
        """
    )
    assert code.splitlines()[-2:] == ["inp = keras.Input(shape=(2,))", "out = Twice(units=5)(inp)"]
    assert "layer_twice" not in code


# ---- new_model_class(), callbacks, losses, metrics, schedules -----------------------------


def test_types_keep_their_classname_and_the_variable_aliases_them():
    code = body(
        """
        library(keras)
        model_cls <- new_model_class("MyModel", call = function(x) x + 1, train_step = NULL)
        m <- model_cls()
        m %>% compile(optimizer = "sgd", loss = "mse")
        """
    )
    assert code == textwrap.dedent(
        """\
        class MyModel(keras.Model):
            def call(self, x):
                return x + 1


        model_cls = MyModel
        m = model_cls()
        m.compile(optimizer="sgd", loss="mse")"""
    )


def test_callback_loss_metric_and_schedule_bases_and_members():
    code = body(
        """
        library(keras)
        Recorder <- new_callback_class("Recorder",
          on_epoch_end = function(epoch, logs = NULL) { self$last <- epoch },
          on_train_end = NULL)
        Twice <- new_loss_class("Twice", call = function(y_true, y_pred) 2 * (y_true - y_pred))
        Last <- new_metric_class("Last",
          update_state = function(y_true, y_pred, sample_weight = NULL) NULL,
          result = function() 1)
        Halve <- new_learning_rate_schedule_class("Halve",
          initialize = function(lr) { self$lr <- lr },
          call = function(step) self$lr / 2)
        """
    )
    assert code == textwrap.dedent(
        """\
        class Recorder(keras.callbacks.Callback):
            def on_epoch_end(self, epoch, logs=None):
                self.last = epoch


        class Twice(keras.losses.Loss):
            def call(self, y_true, y_pred):
                return 2 * (y_true - y_pred)


        class Last(keras.metrics.Metric):
            def update_state(self, y_true, y_pred, sample_weight=None):
                return None

            def result(self):
                return 1


        class Halve(keras.optimizers.schedules.LearningRateSchedule):
            def __init__(self, lr):
                self.lr = lr

            def __call__(self, step):
                return self.lr / 2"""
    )


def test_mark_active_members_and_active_bindings_are_properties():
    code = body(
        """
        library(keras)
        Counter <- new_model_class("Counter",
          doubled = mark_active(function() self$n * 2),
          count = 10)
        Temp(keras$layers$Layer) %py_class% {
          celsius %<-active% function() self$t
        }
        """
    )
    assert code == textwrap.dedent(
        """\
        class Counter(keras.Model):
            @property
            def doubled(self):
                return self.n * 2

            count = 10


        class Temp(keras.layers.Layer):
            @property
            def celsius(self):
                return self.t"""
    )


def test_a_constructor_used_as_a_value_goes_first():
    code = body(
        """
        library(keras)
        make <- function() {
          new_model_class("Plain", call = function(x) x)
        }
        """
    )
    assert code == textwrap.dedent(
        """\
        def make():
            class Plain(keras.Model):
                def call(self, x):
                    return x

            return Plain"""
    )


def test_classname_must_be_a_string():
    source = """
    library(keras)
    nm <- "X"
    X <- new_model_class(nm, call = function(x) x)
    """
    assert "RK103" in codes(source)


# ---- the legacy R6 API ---------------------------------------------------------------------

CUSTOM_R6 = """
library(keras)
library(R6)
CustomLayer <- R6Class("CustomLayer",
  inherit = KerasLayer,
  public = list(
    output_dim = NULL,
    kernel = NULL,
    initialize = function(output_dim) {
      self$output_dim <- output_dim
    },
    build = function(input_shape) {
      self$kernel <- self$add_weight(
        name = 'kernel',
        shape = list(input_shape[[2]], self$output_dim),
        initializer = initializer_constant(0.5),
        trainable = TRUE
      )
    },
    call = function(x, mask = NULL) {
      k_dot(x, self$kernel)
    },
    compute_output_shape = function(input_shape) {
      list(input_shape[[1]], self$output_dim)
    }
  )
)
"""


def test_a_keras_layer_r6_class_takes_the_common_layer_arguments_as_kwargs():
    code = body(
        CUSTOM_R6
        + """
        model <- keras_model_sequential(input_shape = 2)
        model %>% create_layer(CustomLayer, ., list(output_dim = 3L, name = "custom"))
        """
    )
    assert code == textwrap.dedent(
        """\
        class CustomLayer(keras.layers.Layer):
            output_dim = None
            kernel = None

            def __init__(self, output_dim, **kwargs):
                super().__init__(**kwargs)
                self.output_dim = output_dim

            def build(self, input_shape):
                self.kernel = self.add_weight(
                    name="kernel",
                    shape=[input_shape[1], self.output_dim],
                    initializer=keras.initializers.Constant(0.5),
                    trainable=True,
                )

            def call(self, x, mask=None):
                return keras.ops.dot(x, self.kernel)

            def compute_output_shape(self, input_shape):
                return [input_shape[0], self.output_dim]


        model = keras.Sequential([keras.Input(shape=(2,))])
        model.add(CustomLayer(output_dim=3, name="custom"))"""
    )


def test_create_layer_in_a_wrapper_function_composes_at_run_time():
    code = body(
        CUSTOM_R6
        + """
        layer_custom <- function(object, output_dim, name = NULL) {
          create_layer(CustomLayer, object, list(output_dim = 3L, name = name))
        }
        """
    )
    assert code.splitlines()[-2:] == [
        "def layer_custom(object_, output_dim, name=None):",
        "    return compose_layer(object_, CustomLayer(output_dim=3, name=name))",
    ]


def test_r6_callback_constraint_and_private_members():
    code = body(
        """
        library(keras)
        library(R6)
        History <- R6Class("History", inherit = KerasCallback,
          public = list(on_epoch_end = function(epoch, logs = NULL) private$n <- epoch),
          private = list(n = 0))
        NonNeg <- R6Class("NonNeg", inherit = KerasConstraint,
          public = list(call = function(w) w * k_cast(w >= 0, "float32")))
        """
    )
    assert code == textwrap.dedent(
        """\
        class History(keras.callbacks.Callback):
            def on_epoch_end(self, epoch, logs=None):
                self._n = epoch

            _n = 0


        class NonNeg(keras.constraints.Constraint):
            def __call__(self, w):
                return w * keras.ops.cast(w >= 0, "float32")"""
    )


def test_keras_model_custom_is_a_model_subclass_and_an_instance():
    code = body(
        """
        library(keras)
        build_mlp <- function(units, name = NULL) {
          keras_model_custom(name = name, function(self) {
            self$d1 <- layer_dense(units = units, kernel_initializer = "ones")
            function(inputs, mask = NULL, ...) {
              inputs %>% self$d1()
            }
          })
        }
        """
    )
    assert code == textwrap.dedent(
        """\
        def build_mlp(units, name=None):
            class CustomModel(keras.Model):
                def __init__(self, name=None):
                    super().__init__(name=name)
                    self.d1 = keras.layers.Dense(units=int(units), kernel_initializer="ones")

                def call(self, inputs, mask=None, **kwargs):
                    return self.d1(inputs)

            return CustomModel(name=name)"""
    )


def test_keras_model_custom_needs_self_and_a_closure():
    wrong_name = """
    library(keras)
    m <- keras_model_custom(function(model) {
      function(inputs, mask = NULL) inputs
    })
    """
    no_closure = """
    library(keras)
    m <- keras_model_custom(function(self) {
      self$d <- layer_dense(units = 1)
    })
    """
    assert "RK102" in codes(wrong_name)
    assert "RK102" in codes(no_closure)


# ---- behaviour: translations run under TensorFlow -------------------------------------------

PROGRAMS = {
    # R keras 2.15 printed: [1] 6 6 / [1] 9 9
    "layer_class": (
        SCALE
        + """
        x <- layer_input(shape = 3)
        y <- x %>% layer_scale(2)
        model <- keras_model(x, y)
        m2 <- keras_model_sequential(input_shape = 3) %>% layer_scale(factor = 3, name = "sc")
        print(as.numeric(predict(model, matrix(1, 2, 3), verbose = 0)))
        print(as.numeric(predict(m2, matrix(1, 2, 3), verbose = 0)))
        """,
        [[6, 6], [9, 9]],
    ),
    # R keras 2.15 printed: 0.1 / 0.025 / 2 / 5 / 0 1 2 / 30.0000 20.8350 14.4755
    "types": (
        """
        library(keras)
        library(tensorflow)
        EpochRecorder <- new_callback_class(
          "EpochRecorder",
          initialize = function() {
            super$initialize()
            self$epochs <- list()
          },
          on_epoch_end = function(epoch, logs = NULL) {
            self$epochs[[length(self$epochs) + 1]] <- epoch
          },
          on_train_end = NULL
        )
        MyModel <- new_model_class(
          "MyModel",
          initialize = function(...) {
            super$initialize(...)
            self$dense <- layer_dense(units = 1, kernel_initializer = "zeros")
          },
          call = function(inputs, training = NULL) {
            self$dense(inputs)
          },
          train_step = function(data) {
            x <- data[[1]]
            y <- data[[2]]
            with(tf$GradientTape() %as% tape, {
              y_pred <- self(x, training = TRUE)
              loss <- tf$reduce_mean(tf$square(y - y_pred))
            })
            grads <- tape$gradient(loss, self$trainable_variables)
            self$optimizer$apply_gradients(zip_lists(grads, self$trainable_variables))
            list(my_loss = loss)
          }
        )
        ScaledMSE <- new_loss_class(
          "ScaledMSE",
          call = function(y_true, y_pred) {
            k_mean(k_square(y_true - y_pred)) * 2
          }
        )
        CountAbove <- new_metric_class(
          "CountAbove",
          initialize = function(threshold = 0.5, name = "count_above", ...) {
            super$initialize(name = name, ...)
            self$threshold <- threshold
            self$count <- self$add_weight(name = "count", initializer = "zeros")
          },
          update_state = function(y_true, y_pred, sample_weight = NULL) {
            self$count$assign_add(k_sum(k_cast(y_pred > self$threshold, "float32")))
          },
          result = function() {
            self$count
          }
        )
        HalfEvery <- new_learning_rate_schedule_class(
          "HalfEvery",
          initialize = function(initial, every) {
            self$initial <- initial
            self$every <- every
          },
          call = function(step) {
            self$initial * (0.5 ^ tf$floor(tf$cast(step, "float32") / self$every))
          }
        )
        sched <- HalfEvery(0.1, 2)
        print(as.numeric(sched(0)))
        print(round(as.numeric(sched(5)), 4))
        m <- CountAbove(threshold = 0.3)
        invisible(m$update_state(k_constant(c(0, 1, 1)), k_constant(c(0.2, 0.4, 0.9))))
        print(as.numeric(m$result()))
        l <- ScaledMSE()
        print(as.numeric(l(k_constant(c(1, 2)), k_constant(c(0, 0)))))
        x <- matrix(c(1, 2, 3, 4), ncol = 1)
        y <- 2 * x
        model <- MyModel()
        model %>% compile(optimizer = optimizer_sgd(learning_rate = 0.01))
        rec <- EpochRecorder()
        history <- model %>% fit(x, y, epochs = 3, verbose = 0, callbacks = list(rec))
        print(unlist(rec$epochs))
        print(round(history$metrics$my_loss, 4))
        """,
        [[0.1], [0.025], [2], [5], [0, 1, 2], [30.0, 20.835, 14.4755]],
    ),
    # R keras 2.15 printed: 6 6 6 / 3 6 / 1 4 / 3 3 / "mlp"
    "legacy": (
        CUSTOM_R6
        + """
        library(tensorflow)
        layer_custom <- function(object, output_dim, name = NULL, trainable = TRUE) {
          create_layer(CustomLayer, object, list(
            output_dim = as.integer(output_dim),
            name = name,
            trainable = trainable
          ))
        }
        model <- keras_model_sequential()
        model %>%
          layer_dense(units = 4, input_shape = c(2), kernel_initializer = "ones") %>%
          layer_custom(output_dim = 3, name = "custom")
        print(predict(model, matrix(c(1, 2), nrow = 1), verbose = 0))

        lay <- Layer("Doubler",
          initialize = function(k) {
            super()$`__init__`()
            self$k <- k
          },
          call = function(x, mask = NULL) x * self$k
        )
        inp <- layer_input(shape = 2)
        out <- inp %>% lay(k = 3)
        print(predict(keras_model(inp, out), matrix(c(1, 2), nrow = 1), verbose = 0))

        Twice(keras$layers$Layer) %py_class% {
          initialize <- function(units, ...) {
            super$initialize(...)
            self$units <- units
          }
          call <- function(x) tf$concat(list(x, x), axis = -1L)
        }
        layer_twice <- create_layer_wrapper(Twice, modifiers = list(units = as.integer))
        out2 <- inp %>% layer_twice(units = 5)
        print(dim(predict(keras_model(inp, out2), matrix(c(1, 2), nrow = 1), verbose = 0)))

        cm <- keras_model_custom(name = "mlp", function(self) {
          self$d1 <- layer_dense(units = 2, kernel_initializer = "ones")
          function(inputs, mask = NULL, ...) {
            inputs %>% self$d1()
          }
        })
        print(predict(cm, matrix(c(1, 2), nrow = 1), verbose = 0))
        cat(cm$name, "\\n")
        """,
        [[6, 6, 6], [3, 6], [1, 4], [3, 3]],
    ),
}


@pytest.fixture(scope="module")
def outputs() -> dict[str, Result]:
    sources = {name: textwrap.dedent(source) for name, (source, _) in PROGRAMS.items()}
    return run_all(translate_all(sources), before_each=CLEAR_SESSION)


def _numbers(text: str) -> list[list[float]]:
    """The numbers of each printed line that has any."""
    import re

    rows = []
    for line in text.splitlines():
        found = re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", line)
        if found:
            rows.append([float(value) for value in found])
    return rows


@pytest.mark.parametrize("name", list(PROGRAMS))
def test_translations_compute_what_r_keras_computed(outputs, name):
    result = outputs[name]
    assert result.error is None, result.error
    expected = PROGRAMS[name][1]
    got = _numbers(result.stdout)[: len(expected)]
    assert len(got) == len(expected), result.stdout
    for row, want in zip(got, expected):
        assert row == pytest.approx(want, rel=1e-4), result.stdout
    if name == "legacy":
        assert result.stdout.strip().splitlines()[-1] == "mlp"


def test_a_layer_function_used_as_a_value_is_the_class():
    code = body(
        """
        library(keras)
        layer_id <- new_layer_class("Id", call = function(x) x)
        objects <- list(Id = layer_id)
        """
    )
    assert code.splitlines()[-2:] == ["layer_id = Id", 'objects = {"Id": layer_id}']


def test_keras_passes_tensors_and_epoch_numbers_to_the_methods():
    code = body(
        """
        library(keras)
        Acc <- new_metric_class("Acc",
          update_state = function(y_true, y_pred, sample_weight = NULL) {
            k_cast(y_true, y_pred$dtype)
          },
          result = function() 0)
        Log <- new_callback_class("Log",
          on_epoch_end = function(epoch, logs = NULL) { self$seen <- c(self$seen, epoch) })
        """
    )
    assert "keras.ops.cast(y_true, y_pred.dtype)" in code
    assert "for value in (self.seen, [epoch])" in code  # an int, not a sequence to spread
