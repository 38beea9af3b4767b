"""Which R keras API a file is written for, and keras3's own syntax (dotty's `.[a, b] <-`)."""

from __future__ import annotations

import pytest
from programs import run_python

from rkeras2py import parse, translate
from rkeras2py.translator.analysis import analyse
from rkeras2py.translator.api import KERAS2, KERAS3, keras_api


def api_of(source: str) -> str:
    analysis = analyse(parse(source))
    return keras_api(analysis, {"op_add", "keras_input"})[0]


@pytest.mark.parametrize(
    ("source", "api"),
    [
        ("library(keras3)\nx <- 1\n", KERAS3),
        ("library(keras)\nx <- 1\n", KERAS2),
        ('require("keras3")\n', KERAS3),
        ("m <- keras3::keras_model_sequential()\n", KERAS3),
        ("y <- keras::k_mean(x)\n", KERAS2),
        ("y <- op_add(1, 2)\n", KERAS3),  # a keras3-only name
        ("y <- layer_dense(units = 2)\n", KERAS2),  # names both have: keras 2.x
        ("x <- 1\n", KERAS2),
    ],
)
def test_the_file_says_which_api_it_uses(source: str, api: str):
    assert api_of(source) == api


def test_a_keras3_file_does_not_see_keras2_only_names():
    result = translate("library(keras3)\ny <- k_mean(op_ones(c(2, 2)))\n")
    codes = [d.code for d in result.diagnostics]
    assert "RK112" in codes, codes


@pytest.mark.parametrize(
    "source",
    [
        "library(keras3)\nlibrary(keras)\n",
        "library(keras3)\nm <- keras::keras_model_sequential()\n",
        "library(keras)\nm <- keras3::keras_model_sequential()\n",
    ],
)
def test_mixing_both_apis_is_an_error(source: str):
    result = translate(source)
    assert [d.code for d in result.diagnostics] == ["RK114"]
    assert result.diagnostics[0].line == 2
    assert "NotImplementedError" in result.code


@pytest.mark.parametrize(
    ("r_source", "python"),
    [
        (".[nr, nc] <- dim(m)\n", "nr, nc = m.shape\n"),
        (".[first, .., last] <- v\n", "first, *_, last = v\n"),
        (".[x, .[y, .[z]]] <- v\n", "x, (y, (z,)) = v\n"),
        (".[b = beta] <- params\n", 'b = params["beta"]\n'),
    ],
)
def test_dotty_destructuring_is_python_unpacking(r_source: str, python: str):
    prefix = "library(keras3)\nm <- matrix(1:6, 2)\nv <- list(1, 2)\nparams <- list(beta = 2)\n"
    code = translate(prefix + r_source).code
    assert code.endswith(python), code


def test_dotty_destructuring_computes_what_r_computes():
    source = (
        "library(keras3)\n"
        ".[nr, nc] <- dim(matrix(1:6, 2))\n"
        ".[first, .., last] <- c(1, 2, 3, 4, 5)\n"
        ".[beta = beta] <- list(alpha = 1, beta = 2, gamma = 3)\n"
        ".[x, .[y, .[z]]] <- list(1, list(2, list(3)))\n"
        ".[p, q] <- list(a = 10, b = 20)\n"
        'cat(nr, nc, first, last, beta, x, y, z, p, q, "\\n")\n'
    )
    result = translate(source)
    assert not result.diagnostics
    run = run_python(result.code)
    assert [float(v) for v in run.stdout.split()] == [2, 3, 1, 5, 2, 1, 2, 3, 10, 20], run.stderr


def test_r_style_subset_accessor_is_op_subset():
    source = (
        "library(keras3)\n"
        "x <- op_convert_to_tensor(matrix(c(1, 2, 3, 4, 5, 6), 2))\n"
        "y <- x@r[1, 2:3]\n"
        "v <- keras_variable(op_zeros(c(2, 3)))\n"
        "v@r[1, 2] <- 5\n"
        'cat(as.numeric(y), as.numeric(v), "\\n")\n'
    )
    result = translate(source)
    assert not result.diagnostics, result.diagnostics
    assert "y = x[0, 1:3]" in result.code
    run = run_python(result.code)
    assert [float(v) for v in run.stdout.split()] == [3, 5, 0, 0, 5, 0, 0, 0], run.stderr


def test_python_style_subset_accessor_is_reported():
    result = translate("library(keras3)\ny <- x@py[0]\n")
    assert "RK102" in [d.code for d in result.diagnostics]


def test_at_is_a_slot_outside_keras3():
    code = translate("x <- list()\ny <- x@r[1]\n").code
    assert "op_subset" not in code and ".r[" in code, code


def test_zeallot_null_defaults_pad_short_values():
    """keras3's train_step idiom: `c(x, y = NULL, sample_weight = NULL) %<-% data`."""
    source = (
        "unpack <- function(data) {\n"
        "  c(x, y = NULL, sample_weight = NULL) %<-% data\n"
        "  list(x, y, sample_weight)\n"
        "}\n"
        "r <- unpack(list(1, 2))\n"
        "cat(length(r), is.null(r[[3]]), r[[2]], '\\n')\n"
    )
    result = translate(source)
    assert "x, y, sample_weight = (*data, None, None)[:3]" in result.code
    run = run_python(result.code)
    assert run.stdout.split() == ["3", "True", "2"], run.stderr


def test_names_keras2_files_know_from_other_packages_do_not_select_keras3():
    """`shape()` is keras3's and tensorflow's: a tensorflow file keeps tensorflow's."""
    code = translate("library(tensorflow)\nones <- tf$ones(shape(3, 2))\n").code
    assert "tf.ones(tf.TensorShape([3, 2]))" in code


@pytest.mark.parametrize("package", ["keras", "keras3"])
def test_a_learning_rate_held_in_a_variable_is_a_float(package: str):
    """R's `2` is a double; the translation writes it `2`, and Keras 3 refuses an int rate."""
    source = (
        f"library({package})\n"
        "make <- function(lr = 0.1) optimizer_sgd(learning_rate = lr)\n"
        "opt <- make(lr = 2)\n"
        "cat(as.numeric(opt$learning_rate), '\\n')\n"
    )
    result = translate(source)
    assert "keras.optimizers.SGD(learning_rate=float(lr))" in result.code
    run = run_python(result.code)
    assert [float(v) for v in run.stdout.split()] == [2.0], run.stderr


def test_a_variable_holding_a_python_callable_is_called():
    """R calls `double(a, b)` on the loss object bound to `double`, not base R's double()."""
    code = translate(
        "library(keras3)\ndouble <- loss_mean_squared_error()\ny <- double(c(1, 2), c(1, 3))\n"
    ).code
    assert "y = double(" in code and "zeros" not in code


def test_methods_the_r_code_defines_get_r_values():
    """Inside an R method, `c(1, 2)` is an R vector: numpy, not reticulate's list."""
    source = (
        "library(keras3)\n"
        "Counter <- Metric('Counter', update_state = function(y_true, y_pred) {\n"
        "  self$n <- y_true - y_pred\n"
        "})\n"
        "m <- Counter()\n"
        "m$update_state(c(1, 2), c(0, 1))\n"
    )
    assert "m.update_state(np.array([1.0, 2.0]), np.array([0.0, 1.0]))" in translate(source).code


def test_loops_over_a_models_metrics_see_metric_objects():
    source = (
        "library(keras3)\n"
        "M <- Model('M', train_step = function(data) {\n"
        "  for (metric in self$metrics) if (metric$name == 'loss') metric$reset_state()\n"
        "  sapply(self$metrics, function(m) m$name)\n"
        "})\n"
    )
    code = translate(source).code
    assert 'if metric.name == "loss":' in code and "m.name for m in self.metrics" in code


def test_set_random_seed_reseeds_the_r_generator_too():
    """keras3's and tensorflow's set_random_seed() call R's set.seed(): R draws repeat."""
    code = translate("library(keras3)\nset_random_seed(3)\nx <- runif(2)\n").code
    assert "keras.utils.set_random_seed(3)\nrng = np.random.default_rng(3)\n" in code
