"""R's tensorflow package (`registry/tensorflow.py`): what each call becomes, and that the
Python computes what R computes.

Translation tests pin the Python written for representative calls; behaviour tests run
translations in this process (TensorFlow is imported once) and compare with what R
tensorflow printed for the same code (R keras 2.15 / TensorFlow 2.15 oracle, quoted in each
test); diagnostic tests check that removed and dropped names say what to do instead.
"""

from __future__ import annotations

import os
import textwrap

import numpy as np
import pytest
from snippets import exec_translation

from rkeras2py import translate

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def body(source: str) -> str:
    """The translation without its import lines; no diagnostics allowed."""
    result = translate(textwrap.dedent(source))
    assert not result.diagnostics, [d.format() for d in result.diagnostics]
    lines = result.code.splitlines()
    return "\n".join(line for line in lines if not line.startswith(("import ", "from "))).strip()


def run(source: str) -> dict:
    """Translate and execute `source`; the module namespace afterwards."""
    return exec_translation(textwrap.dedent(source))[0]


def codes(source: str) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in translate(textwrap.dedent(source)).diagnostics]


# ---- translations ---------------------------------------------------------------------

TRANSLATIONS = [
    # reductions with R's 1-based axis
    ("x <- tf$ones(c(2L, 3L))\ny <- sum(x, axis = 2)", "y = tf.reduce_sum(x, axis=1)"),
    ("x <- tf$ones(c(2L, 3L))\ny <- sum(x)", "y = tf.reduce_sum(x)"),
    (
        "x <- tf$ones(c(2L, 3L))\ny <- mean(x, axis = c(1, 2), keepdims = TRUE)",
        "y = tf.reduce_mean(x, axis=(0, 1), keepdims=True)",
    ),
    ("x <- tf$ones(c(2L, 3L))\ny <- max(x, axis = -1)", "y = tf.reduce_max(x, axis=-1)"),
    ("x <- tf$ones(c(2L, 3L))\ny <- all(tf$equal(x, 1))", "y = tf.reduce_all(tf.equal(x, 1.0))"),
    # shapes, transposes
    ("x <- tf$ones(c(2L, 3L))\nd <- dim(x)", "d = np.array(x.shape)"),
    ("x <- tf$ones(c(2L, 3L))\nk <- length(x)", "k = x.shape.num_elements()"),
    (
        "x <- tf$ones(c(2L, 3L, 4L))\ny <- aperm(x, c(3, 1, 2))",
        "y = tf.transpose(x, [2, 0, 1])",
    ),
    ("x <- tf$ones(c(2L, 3L))\ny <- t(x)", "y = tensor_t(x)"),
    ("s <- shape(2, NA, -1)", "s = tf.TensorShape([2, None, None])"),
    ("s <- shape()", "s = tf.TensorShape([])"),
    ("s <- shape(dims = NULL)", "s = tf.TensorShape(None)"),
    # maths
    ("x <- tf$ones(c(2L, 3L))\ny <- sqrt(abs(x))", "y = tf.math.sqrt(tf.math.abs(x))"),
    ("x <- tf$ones(2L)\ny <- ceiling(x)", "y = tf.math.ceil(x)"),
    (
        "x <- tf$ones(2L)\ny <- log(x, base = 2)",
        "y = tf.math.log(x) / tf.math.log(tf.convert_to_tensor(2, x.dtype))",
    ),
    ("x <- tf$ones(2L)\ny <- round(x)", "y = tf.math.round(x)"),
    # R values
    ("x <- tf$ones(2L)\ny <- as.array(x)", "y = x.numpy()"),
    ("x <- tf$ones(2L)\ny <- as.numeric(x)", 'y = np.asarray(x, dtype=float).ravel(order="F")'),
    ("x <- tf$ones(2L)\ny <- as.integer(x)", 'y = np.asarray(x, dtype=int).ravel(order="F")'),
    ("x <- tf$ones(2L)\ny <- as.vector(x)", 'y = x.numpy().ravel(order="F")'),
    # as_tensor: R doubles are float64
    ("x <- as_tensor(c(1, 2))", 'x = tf.convert_to_tensor([1.0, 2.0], dtype="float64")'),
    ("x <- as_tensor(1:3)", 'x = tf.convert_to_tensor([1, 2, 3], dtype="int32")'),
    (
        'x <- as_tensor(2.7, "int32")',
        'x = tf.cast(tf.convert_to_tensor(2.7, dtype="float64"), "int32")',
    ),
    # reticulate's helpers
    ("a <- array_reshape(1:6, c(2, 3))", "a = np.reshape(np.arange(1, 7), (2, 3))"),
    (
        'a <- array_reshape(1:6, c(2, 3), order = "F")',
        'a = np.reshape(np.arange(1, 7), (2, 3), order="F")',
    ),
    ("d <- dict(a = 1, b = 2L)", 'd = {"a": 1.0, "b": 2}'),
    ("t2 <- tuple(1L, 2L)", "t2 = (1, 2)"),
    ('np <- import("numpy")\ny <- np$zeros(3L)', "y = np.zeros(3)"),
    ("z <- zip_lists(a, b)", "z = list(zip(a, b))"),
    ("set_random_seed(42)", "keras.utils.set_random_seed(42)"),
    ("x <- tf$ones(c(2L, 3L))\ny <- x[all_dims(), 1]", "y = x[..., 0]"),
    ("f <- tf_function(g)", "f = tf.function(g)"),
    (
        "f <- tf_function(g, autograph = FALSE)",
        "f = tf.function(g, autograph=False)",
    ),
]


@pytest.mark.parametrize("source, expected", TRANSLATIONS)
def test_translation(source, expected):
    if "zip_lists(a, b)" in source:
        source = "a <- list(1)\nb <- list(2)\n" + source
    if "tf_function(g" in source:
        source = "g <- function(x) x\n" + source
    assert body(source).splitlines()[-1] == expected


def test_import_of_another_module_is_an_import_statement():
    code = translate('m <- import("math")\ny <- m$sqrt(4)').code
    assert code == "import math as m\ny = m.sqrt(4.0)\n"  # an R double


def test_with_as_is_a_with_statement():
    code = body(
        """
        x <- tf$Variable(3)
        with(tf$GradientTape() %as% tape, {
          y <- x * x
        })
        g <- tape$gradient(y, x)
        """
    )
    assert code == (
        "x = tf.Variable(3.0)\n"
        "with tf.GradientTape() as tape:\n"
        "    y = x * x\n"
        "g = tape.gradient(y, x)"
    )


def test_with_a_python_context_manager():
    code = body('with(tf$device("cpu"), {\n  y <- tf$ones(2L)\n})')
    assert code == 'with tf.device("cpu"):\n    y = tf.ones(2)'


def test_tf_function_of_an_r_function_is_a_decorated_def():
    code = body("f <- tf_function(function(x) {\n  y <- x + 1\n  y * 2\n})")
    assert code == "@tf.function\ndef f(x):\n    y = x + 1\n    return y * 2"


# ---- diagnostics ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source, replacement",
    [
        ("x <- evaluate(est)", "evaluate()"),
        ("x <- export_savedmodel(m, 'dir')", "model.export"),
        ("FLAGS <- flags(flag_integer('units', 32))", "argparse"),
        ("use_session_with_seed(1)", "set_random_seed"),
    ],
)
def test_removed_names_say_what_to_use(source, replacement):
    if "evaluate(" in source:  # keras's evaluate() comes first: call tensorflow's own
        source = source.replace("evaluate(", "tensorflow::evaluate(")
    found = codes(source)
    assert found and found[0][0] == "RK110", found
    assert replacement in found[0][1]


@pytest.mark.parametrize(
    "call", ["install_tensorflow()", 'use_python("/usr/bin/python3")', "use_condaenv('r')"]
)
def test_setup_calls_are_dropped_with_a_note(call):
    result = translate(f"library(tensorflow)\n{call}\nx <- 1\n")
    assert [d.code for d in result.diagnostics] == ["RK211"]
    assert result.code.strip() == "x = 1"


# ---- behaviour (values from R tensorflow 2.15, quoted) ------------------------------------


@pytest.fixture(scope="module")
def tensors() -> dict:
    return run(
        """
        x <- tf$constant(matrix(c(1, 2, 3, 4, 5, 6), 2, 3))
        numbers <- as.numeric(x)
        vector <- as.vector(x)
        integers <- as.integer(x)
        d <- dim(x)
        n <- length(x)
        row_sums <- sum(x, axis = 2)
        col_means <- mean(x, axis = 1, keepdims = TRUE)
        both <- sum(tf$constant(c(1, 2)), tf$constant(c(3, 4)))
        r <- range(tf$constant(c(1, 5, 2)))
        half <- round(tf$constant(2.5))
        l2 <- log(tf$constant(8), base = 2)
        sorted <- sort(tf$constant(c(3, 1, 2)), decreasing = TRUE)
        row <- t(tf$constant(c(1, 2, 3)))
        moved <- aperm(tf$zeros(shape(2L, 3L, 4L)), c(3, 1, 2))
        d64 <- as_tensor(c(1, 2))
        i32 <- as_tensor(1:3)
        cut <- as_tensor(c(1.7, -2.7), "int32")
        filled <- as_tensor(0, shape = c(2, 2))
        reshaped <- array_reshape(1:6, c(2, 3))
        v <- tf$Variable(3)
        with(tf$GradientTape() %as% tape, {
          y <- v * v
        })
        grad <- tape$gradient(y, v)
        twice <- tf_function(function(a) a * 2)
        doubled <- twice(tf$constant(c(1, 2)))
        set_random_seed(42)
        draw1 <- tf$random$uniform(shape(1L))
        set_random_seed(42)
        draw2 <- tf$random$uniform(shape(1L))
        tenfold <- iterate(list(1, 2), function(e) e * 10)
        """
    )


def test_column_major_flattening(tensors):
    # R: as.numeric(x), as.vector(x), as.integer(x) all print 1 2 3 4 5 6
    for name in ("numbers", "vector", "integers"):
        assert tensors[name].tolist() == [1, 2, 3, 4, 5, 6]
    assert tensors["numbers"].dtype == np.float64
    assert tensors["integers"].dtype.kind == "i"


def test_dim_and_length(tensors):
    assert tensors["d"].tolist() == [2, 3]  # R: [1] 2 3
    assert tensors["n"] == 6  # R: [1] 6


def test_reductions_shift_the_axis(tensors):
    assert tensors["row_sums"].numpy().tolist() == [9, 12]  # R: [ 9. 12.]
    assert tensors["col_means"].numpy().tolist() == [[1.5, 3.5, 5.5]]  # shape (1, 3)
    assert float(tensors["both"]) == 10  # R: sum(a, b) is 10
    assert tensors["r"].numpy().tolist() == [1, 5]


def test_elementwise_maths(tensors):
    assert float(tensors["half"]) == 2  # R: round(2.5) is 2 (half to even)
    assert float(tensors["l2"]) == pytest.approx(3)
    assert tensors["sorted_"].numpy().tolist() == [3, 2, 1]
    assert tensors["row"].shape == (1, 3)  # R: t() of a vector is one row
    assert tuple(tensors["moved"].shape) == (4, 2, 3)  # R: TensorShape([4, 2, 3])


def test_as_tensor_dtypes(tensors):
    assert tensors["d64"].dtype.name == "float64"  # R: tf.float64
    assert tensors["i32"].dtype.name == "int32"  # R: tf.int32
    assert tensors["cut"].numpy().tolist() == [1, -2]  # R: [ 1 -2], int32
    assert tensors["filled"].numpy().tolist() == [[0, 0], [0, 0]]
    assert tensors["filled"].dtype.name == "float64"


def test_array_reshape_is_row_major(tensors):
    assert tensors["reshaped"].tolist() == [[1, 2, 3], [4, 5, 6]]


def test_gradient_tape_and_tf_function(tensors):
    assert float(tensors["grad"]) == 6
    assert tensors["doubled"].numpy().tolist() == [2, 4]


def test_set_random_seed_reproduces_draws(tensors):
    assert tensors["draw1"].numpy().tolist() == tensors["draw2"].numpy().tolist()


def test_iterate_collects_the_results(tensors):
    assert tensors["tenfold"] == [10, 20]
