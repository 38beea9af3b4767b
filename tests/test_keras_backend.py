"""R keras's backend (`k_*()` and `backend()`, registry/keras/backend.py): what each call
becomes, and that the Python computes what R keras 2.15 computes.

- translations: `(R, Python)` pairs for representative calls (1-based axes shifted, R
  defaults Keras 3 does not share written out, renamed and reordered arguments, dtypes);
- behaviour: R snippets translated and run (all in one Python process) and their printed
  values compared with what R keras 2.15 + TensorFlow 2.15 printed for the same snippets
  (`/work/oracle/run-r-keras`; recorded below as value tokens, R's layout dropped).
  `BROKEN_IN_R` holds functions R keras 2.15 cannot run with TensorFlow 2.15 (`k_tile()`
  calls `keras$backend$is_tensor`, `k_pool2d()` sends strides as a list, ...): their
  expected values are what the R function means to compute, worked out by hand;
- removed functions give error RK110 naming the Keras 3 replacement;
- every backend export of R keras 2.15 has an entry and is exercised here.
"""

# ruff: noqa: E501  (R snippets and the values R printed are kept as recorded)

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from outputs import same_values
from snippets import Result, run_all, translate_all

from rkeras2py import translate
from rkeras2py.translator import registry

CATEGORIES = Path("/work/shared/api/categories.tsv")
PREAMBLE = """\
library(keras)
x <- k_ones(c(2, 3))
y <- k_ones(c(2, 3))
v <- k_variable(c(1, 2))
i <- k_argmax(x)
"""


def last(source: str, lines: int = 1) -> str:
    """The last `lines` lines of the translation of `source` after the preamble's tensors."""
    result = translate(PREAMBLE + textwrap.dedent(source))
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    return "\n".join(result.code.rstrip("\n").splitlines()[-lines:])


# ---- translations ------------------------------------------------------------------------

TRANSLATIONS = [
    # 1-based axes, and R defaults keras.ops does not share
    ("k_sum(x, axis = 1)", "keras.ops.sum(x, axis=0)"),
    ("k_mean(x, axis = -1, keepdims = TRUE)", "keras.ops.mean(x, axis=-1, keepdims=True)"),
    ("k_max(x, axis = c(1, 2))", "keras.ops.max(x, axis=[0, 1])"),
    ("k_argmax(x)", "keras.ops.argmax(x, axis=-1)"),
    ("k_argmin(x, 1)", "keras.ops.argmin(x, 0)"),
    ("k_argmax(x, axis = NULL)", "keras.ops.argmax(x)"),
    ("k_cumsum(x)", "keras.ops.cumsum(x, axis=0)"),
    ("k_cumprod(x, axis = 2)", "keras.ops.cumprod(x, axis=1)"),
    ("k_concatenate(list(x, y))", "keras.ops.concatenate([x, y], axis=-1)"),
    ("k_concatenate(list(x, y), axis = 1)", "keras.ops.concatenate([x, y], axis=0)"),
    ("k_concatenate(tensors = list(x, y))", "keras.ops.concatenate(xs=[x, y], axis=-1)"),
    ("k_stack(list(x, y))", "keras.ops.stack([x, y], axis=0)"),
    ("k_stack(list(x, y), axis = 3)", "keras.ops.stack([x, y], axis=2)"),
    ("k_unstack(x, num = 2)", "keras.ops.unstack(x, num=2, axis=0)"),
    ("k_expand_dims(x)", "keras.ops.expand_dims(x, axis=-1)"),
    ("k_squeeze(x, 2)", "keras.ops.squeeze(x, 1)"),
    ("k_softmax(x)", "keras.ops.softmax(x)"),
    ("k_l2_normalize(x)", "keras.ops.normalize(x, axis=None)"),
    ("k_l2_normalize(x, axis = 2)", "keras.ops.normalize(x, axis=1)"),
    ("k_permute_dimensions(x, c(2, 1))", "keras.ops.transpose(x, (1, 0))"),
    ("k_reverse(x, axes = c(1, 2))", "keras.ops.flip(x, axis=(0, 1))"),
    ("k_repeat_elements(x, 2, axis = 2)", "keras.ops.repeat(x, 2, axis=1)"),
    ("a <- 2\nk_sum(x, axis = a)", "keras.ops.sum(x, axis=as_axis(a))"),
    # indices: R-side ones are 1-based, tensors are not shifted, unknown ones at run time
    ("k_gather(x, c(1L, 2L))", "keras.ops.take(x, [0, 1], axis=0)"),
    ("k_gather(x, 2)", "keras.ops.take(x, 1, axis=0)"),
    ("k_gather(x, i)", "keras.ops.take(x, i, axis=0)"),
    ("f <- function(idx) k_gather(x, idx)", "    return k_gather(x, idx)"),
    ("k_one_hot(i, 3)", "keras.ops.one_hot(i, 3)"),
    ("k_arange(1, 10, 2)", "keras.ops.arange(1, 10, 2)"),
    ("k_arange(2.7)", "keras.ops.arange(2)"),
    # renamed, reordered and coerced arguments
    ("k_in_top_k(x, i, 2)", "keras.ops.in_top_k(i, x, 2)"),
    ("k_pow(x, 2.7)", "keras.ops.power(x, 2)"),
    ("k_clip(x, 0, 1)", "keras.ops.clip(x, 0.0, 1.0)"),
    ("k_clip(x, min_value = 0)", "keras.ops.clip(x, 0.0, np.inf)"),
    ("k_clip(x, max_value = 1)", "keras.ops.clip(x, -np.inf, 1.0)"),
    ("k_relu(x, alpha = 0.1)", "keras.activations.relu(x, negative_slope=0.1)"),
    ("k_relu(x, 0.1, 6)", "keras.activations.relu(x, 0.1, 6.0)"),
    ("k_hard_sigmoid(x)", "keras.ops.clip(x * 0.2 + 0.5, 0.0, 1.0)"),
    ("k_dropout(x, 0.5)", "keras.random.dropout(x, 0.5)"),
    ("k_dropout(x, level = 0.5, seed = 1)", "keras.random.dropout(x, rate=0.5, seed=1)"),
    ("k_equal(x, y)", "keras.ops.equal(x, y)"),
    ("k_maximum(x = x, y = 0)", "keras.ops.maximum(x1=x, x2=0.0)"),
    ("k_tile(x, c(2, 1))", "keras.ops.tile(x, [2, 1])"),
    ('k_eye(3, "float64")', 'keras.ops.eye(3, dtype="float64")'),
    ("k_reshape(x, c(NA, 2))", "keras.ops.reshape(x, (-1, 2))"),
    ("k_reshape(x, c(3, 2))", "keras.ops.reshape(x, (3, 2))"),
    ('k_zeros(c(2, 3), name = "z")', "keras.ops.zeros((2, 3))"),
    (
        "k_batch_normalization(x, x, y, x, y)",
        "keras.ops.batch_normalization(x, x, y, offset=x, scale=y, axis=-1)",
    ),
    ("k_batch_dot(x, y, axes = c(2, 2))", "k_batch_dot(x, y, (1, 1))"),
    ("k_pool2d(x, c(2, 2))", "keras.ops.max_pool(x, (2, 2), strides=(1, 1))"),
    (
        'k_pool2d(x, 2, strides = 2, pool_mode = "avg")',
        "keras.ops.average_pool(x, 2, strides=2)",
    ),
    ("k_conv2d(x, y, strides = c(2, 2))", "keras.ops.conv(x, y, strides=(2, 2))"),
    ("k_repeat(x, 3)", "keras.ops.repeat(keras.ops.expand_dims(x, 1), 3, axis=1)"),
    ("k_flatten(x)", "keras.ops.reshape(x, (-1,))"),
    ("k_batch_flatten(x)", "keras.ops.reshape(x, (-1, math.prod(x.shape[1:])))"),
    ("k_temporal_padding(x, c(2, 1))", "keras.ops.pad(x, [[0, 0], [2, 1], [0, 0]])"),
    ("k_bias_add(x, y)", "keras.ops.add(x, y)"),
    ("k_switch(x > 0, x, y)", "keras.ops.where(x > 0, x, y)"),
    ("k_map_fn(function(r) k_sum(r), x)", "keras.ops.map(lambda r: keras.ops.sum(r), x)"),
    # shapes, dtypes and values
    ("k_identity(x)", "tf.identity(x)"),
    ("k_shape(x)", "tf.shape(x)"),
    ("k_int_shape(x)", "tuple(x.shape)"),
    ("k_int_shape(x)[[2]]", "tuple(x.shape)[1]"),
    ("k_ndim(x)", "keras.ops.ndim(x)"),
    ("k_count_params(v)", "math.prod(v.shape)"),
    ('k_cast(x, "int32")', 'keras.ops.cast(x, "int32")'),
    ("k_cast(x, k_floatx())", "keras.ops.cast(x, keras.config.floatx())"),
    ("k_constant(c(1, 2))", "keras.ops.convert_to_tensor([1.0, 2.0])"),
    ("k_constant(1:3)", 'keras.ops.convert_to_tensor([1, 2, 3], dtype="float32")'),
    ('k_constant(1L, dtype = "int32")', 'keras.ops.convert_to_tensor(1, dtype="int32")'),
    ("k_constant(0, shape = c(2, 3))", "keras.ops.full((2, 3), 0.0)"),
    (
        "k_constant(1:6, shape = c(2, 3))",
        'tf.constant([1, 2, 3, 4, 5, 6], dtype="float32", shape=(2, 3))',
    ),
    ("m <- matrix(0, 2, 2)\nk_variable(m)", 'keras.Variable(m, dtype="float32")'),
    ('k_variable(c(1, 2), name = "w")', 'keras.Variable([1.0, 2.0], name="w")'),
    ("k_cast_to_floatx(1:2)", 'np.asarray([1, 2], dtype="float32")'),
    (
        'k_set_floatx("float64")\nk_constant(1:3)',
        "keras.ops.convert_to_tensor([1, 2, 3], dtype=keras.config.floatx())",
    ),
    ("k_get_value(x)", "keras.ops.convert_to_numpy(x)"),
    ("k_eval(k_sum(x))", "float(keras.ops.sum(x))"),
    ("k_eval(k_any(x > 0))", "bool(keras.ops.any(x > 0))"),
    ("k_batch_get_value(list(x, y))", "[keras.ops.convert_to_numpy(tensor) for tensor in [x, y]]"),
    ("k_set_value(v, c(3, 4))", "v.assign([3.0, 4.0])"),
    ("k_update_add(v, 1)", "v.assign_add(1.0)"),
    ("k_batch_set_value(list(list(v, c(0, 0))))", "v.assign([0.0, 0.0])"),
    (
        "p <- list(list(v, 1))\nk_batch_set_value(p)",
        "for variable, value in p:\n    variable.assign(value)",
    ),
    ("x %>% k_sum(axis = 2)", "print(keras.ops.sum(x, axis=1))"),
    # random numbers
    ("k_random_normal(c(2, 3), seed = 42)", "keras.random.normal((2, 3), seed=42)"),
    ("k_random_uniform(3, maxval = 2)", "keras.random.uniform((3,), maxval=2.0)"),
    ('k_random_uniform(3, dtype = "int32")', 'keras.random.randint((3,), 0, 1, dtype="int32")'),
    (
        "k_random_binomial(c(2, 2), p = 0.3)",
        "keras.random.binomial((2, 2), counts=1, probabilities=0.3)",
    ),
    ("k_random_bernoulli(4)", "keras.random.binomial((4,), counts=1, probabilities=0.0)"),
    ("k_random_uniform_variable(2, 0, 1)", "keras.Variable(keras.random.uniform((2,), 0.0, 1.0))"),
    # configuration
    ("k_floatx()", "keras.config.floatx()"),
    ("k_epsilon()", "keras.config.epsilon()"),
    ("k_set_epsilon(1e-5)", "keras.config.set_epsilon(1e-05)"),
    (
        'k_set_image_data_format("channels_first")',
        'keras.config.set_image_data_format("channels_first")',
    ),
    ("k_clear_session()", "keras.utils.clear_session()"),
    ("k_backend()", "keras.config.backend()"),
    ("k_get_uid()", "keras.backend.get_uid()"),
    ("k_is_sparse(x)", "isinstance(x, tf.SparseTensor)"),
]


@pytest.mark.parametrize(("source", "expected"), TRANSLATIONS)
def test_translation(source: str, expected: str) -> None:
    lines = expected.count("\n") + 1
    got = last(source, lines)
    if not expected.startswith(("print(", "for ", "    ")) and got.startswith("print("):
        got = got[len("print(") : -1]
    assert got == expected


def test_replaced_functions_warn_and_name_the_replacement() -> None:
    cases = {
        "K <- backend()": ("keras.backend", "keras.ops"),
        "k_logsumexp(x, axis = 1)": ("keras.ops.logsumexp(x, axis=0)", "logsumexp"),
        "k_foldl(function(a, b) a + b, x)": ("tf.foldl(", "tf.foldl"),
        "k_placeholder(shape = c(NA, 3))": ("keras.Input(batch_shape=(None, 3))", "keras.Input"),
        'k_resize_images(x, 2L, 2L, "channels_last")': (
            "keras.layers.UpSampling2D(",
            "UpSampling2D",
        ),
        "k_conv2d_transpose(x, y, c(1, 4, 4, 1))": (
            "keras.ops.conv_transpose(x, y)",
            "output_padding",
        ),
    }
    for source, (code, named) in cases.items():
        result = translate(PREAMBLE + source)
        assert code in result.code, result.code
        warnings = [d for d in result.diagnostics if d.code == "RK210"]
        assert len(warnings) == 1 and named in warnings[0].message, result.diagnostics


REMOVED = {
    "k_function(list(x), list(y))": "keras.Model",
    "k_gradients(x, list(v))": "tf.GradientTape",
    "k_placeholder_was_not_removed": None,
    "k_get_session()": "sessions",
    "k_set_session(NULL)": "sessions",
    "k_learning_phase()": "training",
    "k_set_learning_phase(1)": "training",
    "k_in_train_phase(x, y)": "training",
    "k_in_test_phase(x, y)": "training",
    "k_rnn(f, x, list())": "keras.layers.RNN",
    "k_local_conv1d(x, y, 2, 1)": "no Keras 3 replacement",
    "k_local_conv2d(x, y, 2, 1, c(2, 2))": "no Keras 3 replacement",
    "k_normalize_batch_in_training(x, y, y, 1)": "keras.ops.moments",
    "k_reset_uids()": "keras.utils.clear_session",
    "k_manual_variable_initialization(TRUE)": "drop",
    "k_is_placeholder(x)": "keras.backend.is_keras_tensor",
    "k_ctc_label_dense_to_sparse(x, y)": "keras.ops.ctc_loss",
}
REMOVED = {source: named for source, named in REMOVED.items() if named is not None}


@pytest.mark.parametrize(("source", "named"), REMOVED.items())
def test_removed_functions_are_errors_naming_the_replacement(source: str, named: str) -> None:
    result = translate(PREAMBLE + "f <- function(x) x\n" + source)
    errors = [d for d in result.diagnostics if d.code == "RK110"]
    assert len(errors) == 1, result.diagnostics
    name = source.split("(")[0]
    assert errors[0].message.startswith(f"{name}() was removed in Keras 3: ")
    assert named in errors[0].message
    assert "raise NotImplementedError" in result.code


def test_variable_constraint_is_refused() -> None:
    result = translate(PREAMBLE + "w <- k_variable(1, constraint = function(w) w)")
    assert [d.code for d in result.diagnostics] == ["RK111"]
    assert "assign" in result.diagnostics[0].message


# ---- behaviour: values R keras 2.15 printed ----------------------------------------------------------------------------

BEHAVIOUR = {
    "reductions": (
        """\
        m <- k_constant(matrix(1:6, 2))
        print(k_get_value(k_sum(m, axis = 1)))
        print(k_get_value(k_mean(m, axis = 2)))
        print(k_get_value(k_max(m, axis = -1, keepdims = TRUE)))
        print(k_get_value(k_min(m)))
        print(k_get_value(k_prod(m, axis = c(1, 2))))
        print(k_get_value(k_std(m, axis = 1)))
        print(k_get_value(k_var(m, axis = 2)))
        """,
        "3 7 11 3 4 5 6 1 720 0.5 0.5 0.5 2.666667 2.666667",
    ),
    "all_any": (
        """\
        m <- k_constant(matrix(1:6, 2))
        print(k_get_value(k_all(k_greater(m, 1), axis = 1)))
        print(k_get_value(k_any(k_greater_equal(m, 6), axis = 2)))
        print(k_eval(k_all(k_less(m, 7))))
        """,
        "FALSE TRUE TRUE FALSE TRUE TRUE",
    ),
    "argmax": (
        """\
        m <- k_constant(matrix(1:6, 2))
        print(k_get_value(k_argmax(m)))
        print(k_get_value(k_argmax(m, axis = 1)))
        print(k_get_value(k_argmin(m, 2)))
        """,
        "2 2 1 1 1 0 0",
    ),
    "cumulative": (
        """\
        m <- k_constant(matrix(1:6, 2))
        print(k_get_value(k_cumsum(m)))
        print(k_get_value(k_cumsum(m, axis = 2)))
        print(k_get_value(k_cumprod(m)))
        print(k_get_value(k_cumprod(m, 2)))
        """,
        "1 3 5 3 7 11 1 4 9 2 6 12 1 3 5 2 12 30 1 3 15 2 8 48",
    ),
    "concat_stack": (
        """\
        m <- k_constant(matrix(1:6, 2))
        print(k_int_shape(k_concatenate(list(m, m))))
        print(k_get_value(k_concatenate(list(m, m), axis = 1)))
        print(k_int_shape(k_stack(list(m, m))))
        print(k_int_shape(k_stack(list(m, m), axis = 3)))
        parts <- k_unstack(m, axis = 2)
        print(length(parts))
        print(k_get_value(parts[[3]]))
        print(length(k_unstack(m)))
        """,
        "2 6 1 3 5 2 4 6 1 3 5 2 4 6 2 2 3 2 3 2 3 5 6 2",
    ),
    "dims": (
        """\
        m <- k_constant(matrix(1:6, 2))
        print(k_int_shape(k_expand_dims(m)))
        print(k_int_shape(k_expand_dims(m, 1)))
        print(k_int_shape(k_squeeze(k_ones(c(1, 3, 1)), axis = 3)))
        print(k_int_shape(k_squeeze(k_ones(c(1, 3, 1)))))
        print(k_ndim(m))
        print(k_get_value(k_shape(m)))
        print(k_dtype(m))
        print(k_int_shape(k_transpose(m)))
        """,
        "2 3 1 1 2 3 1 3 3 2 2 3 float32 3 2",
    ),
    "permute_reshape": (
        """\
        x <- k_constant(array(1:24, c(2, 3, 4)))
        p <- k_permute_dimensions(x, c(3, 1, 2))
        print(k_int_shape(p))
        print(k_get_value(p)[2, 1, 3])
        print(k_get_value(k_reshape(x, c(4, 6)))[2, ])
        print(k_get_value(k_flatten(x))[1:5])
        print(k_int_shape(k_batch_flatten(x)))
        print(k_int_shape(k_reshape(x, list(6L, -1L))))
        """,
        "4 2 3 11 15 21 5 11 17 23 1 7 13 19 3 2 12 6 4",
    ),
    "gather": (
        """\
        tbl <- k_constant(matrix(1:8, 4))
        print(k_get_value(k_gather(tbl, c(1L, 3L))))
        print(k_get_value(k_gather(tbl, 4)))
        rows <- c(2, 4)
        print(k_get_value(k_gather(tbl, rows)))
        idx <- k_constant(c(0L, 2L), dtype = "int32")
        print(k_get_value(k_gather(tbl, idx)))
        """,
        "1 5 3 7 4 8 2 6 4 8 1 5 3 7",
    ),
    "elementwise": (
        """\
        x <- k_constant(c(-2, -0.5, 0.25, 1.5, 3))
        for (f in list(k_abs, k_square, k_sign, k_round, k_sigmoid, k_tanh, k_softplus, k_softsign, k_exp, k_sin, k_cos)) print(round(k_get_value(f(x)), 4))
        print(round(k_get_value(k_sqrt(k_abs(x))), 4))
        print(round(k_get_value(k_log(k_abs(x))), 4))
        """,
        "2.00 0.50 0.25 1.50 3.00 4.0000 0.2500 0.0625 2.2500 9.0000 -1 -1 1 1 1 -2 0 0 2 3 0.1192 0.3775 0.5622 0.8176 0.9526 -0.9640 -0.4621 0.2449 0.9051 0.9951 0.1269 0.4741 0.8259 1.7014 3.0486 -0.6667 -0.3333 0.2000 0.6000 0.7500 0.1353 0.6065 1.2840 4.4817 20.0855 -0.9093 -0.4794 0.2474 0.9975 0.1411 -0.4161 0.8776 0.9689 0.0707 -0.9900 1.4142 0.7071 0.5000 1.2247 1.7321 0.6931 -0.6931 -1.3863 0.4055 1.0986",
    ),
    "compare": (
        """\
        m <- k_constant(matrix(1:6, 2))
        print(k_get_value(k_equal(m, 3)))
        print(k_get_value(k_not_equal(m, 3)))
        print(k_get_value(k_less_equal(m, 3)))
        print(k_get_value(k_maximum(m, 3)))
        print(k_get_value(k_minimum(m, 3)))
        """,
        "FALSE TRUE FALSE FALSE FALSE FALSE TRUE FALSE TRUE TRUE TRUE TRUE TRUE TRUE FALSE TRUE FALSE FALSE 3 3 5 3 4 6 1 3 3 2 3 3",
    ),
    "clip_pow": (
        """\
        x <- k_constant(c(-2, 0.5, 5))
        print(k_get_value(k_clip(x, -1, 1)))
        print(k_get_value(k_clip(x, min_value = 0)))
        print(k_get_value(k_clip(x, max_value = 1)))
        b <- k_constant(c(1, 2, 3))
        print(k_get_value(k_pow(b, 2.9)))
        print(k_get_value(k_pow(b, 0.5)))
        print(k_get_value(k_pow(b, 3L)))
        """,
        "-1.0 0.5 1.0 0.0 0.5 5.0 -2.0 0.5 1.0 1 4 9 1 1 1 1 8 27",
    ),
    "activations": (
        """\
        h <- k_constant(c(-3, -1, 0, 1, 8))
        print(k_get_value(k_relu(h)))
        print(k_get_value(k_relu(h, alpha = 0.5, max_value = 6)))
        print(round(k_get_value(k_elu(h, 0.5)), 4))
        print(k_get_value(k_hard_sigmoid(h)))
        print(round(k_get_value(k_softmax(k_constant(matrix(c(1, 2, 3, 1, 1, 4), 2, byrow = TRUE)))), 4))
        print(round(k_get_value(k_softmax(k_constant(matrix(c(1, 2, 3, 1, 1, 4), 2, byrow = TRUE)), axis = 1)), 4))
        """,
        "0 0 0 1 8 -1.5 -0.5 0.0 1.0 6.0 -0.4751 -0.3161 0.0000 1.0000 8.0000 0.0 0.3 0.5 0.7 1.0 0.0900 0.2447 0.6652 0.0453 0.0453 0.9094 0.5 0.7311 0.2689 0.5 0.2689 0.7311",
    ),
    "normalize": (
        """\
        v <- k_constant(matrix(c(3, 4, 6, 8), 2, byrow = TRUE))
        print(round(k_get_value(k_l2_normalize(v, axis = 2)), 4))
        print(round(k_get_value(k_l2_normalize(v)), 4))
        bn <- k_batch_normalization(k_constant(matrix(1:6, 2)), k_constant(c(1, 3, 5)), k_constant(c(4, 4, 4)), k_constant(c(0, 0, 1)), k_constant(c(1, 2, 1)))
        print(round(k_get_value(bn), 4))
        """,
        "0.6 0.8 0.6 0.8 0.2683 0.3578 0.5367 0.7155 0.0000 0.0000 1.0000 0.4999 0.9999 1.4999",
    ),
    "losses": (
        """\
        yt <- k_constant(matrix(c(0, 1, 0, 1, 0, 0), 2, byrow = TRUE))
        yp <- k_constant(matrix(c(0.2, 0.7, 0.1, 0.5, 0.25, 0.25), 2, byrow = TRUE))
        print(round(k_get_value(k_categorical_crossentropy(yt, yp)), 5))
        print(round(k_get_value(k_categorical_crossentropy(yt, yp, from_logits = TRUE)), 5))
        print(round(k_get_value(k_sparse_categorical_crossentropy(k_constant(c(1, 0)), yp)), 5))
        print(round(k_get_value(k_binary_crossentropy(yt, yp)), 4))
        """,
        "0.35667 0.69315 0.76795 0.93907 0.35667 0.69315 0.2231 0.3567 0.1054 0.6931 0.2877 0.2877",
    ),
    "dot": (
        """\
        a <- k_constant(matrix(1:6, 2))
        b <- k_constant(matrix(7:12, 2))
        print(k_get_value(k_dot(a, k_transpose(b))))
        x <- k_constant(array(1:24, c(2, 3, 4)))
        y <- k_constant(array(1:24, c(2, 4, 3)))
        print(k_get_value(k_batch_dot(x, y, axes = c(3, 2)))[2, , ])
        print(k_get_value(k_batch_dot(a, b, axes = 2)))
        """,
        "89 98 116 128 280 632 984 320 736 1152 360 840 1320 89 128",
    ),
    "repeat_reverse": (
        """\
        m <- k_constant(matrix(1:6, 2))
        print(k_int_shape(k_repeat(m, 4)))
        print(k_get_value(k_repeat(m, 2))[1, 2, ])
        print(k_get_value(k_repeat_elements(m, 2, axis = 2)))
        print(k_get_value(k_reverse(m, axes = 2)))
        print(k_get_value(k_reverse(m, c(1, 2))))
        """,
        "2 4 3 1 3 5 1 1 3 3 5 5 2 2 4 4 6 6 5 3 1 6 4 2 6 4 2 5 3 1",
    ),
    "one_hot_in_top_k": (
        """\
        print(k_get_value(k_one_hot(k_constant(c(0L, 2L), dtype = "int32"), 3)))
        preds <- k_constant(matrix(c(0.1, 0.8, 0.1, 0.6, 0.3, 0.1), 2, byrow = TRUE))
        print(k_get_value(k_in_top_k(preds, k_constant(c(1L, 1L), dtype = "int32"), 1)))
        print(k_get_value(k_in_top_k(preds, k_constant(c(1L, 1L), dtype = "int32"), k = 2)))
        """,
        "1 0 0 0 0 1 TRUE FALSE TRUE TRUE",
    ),
    "creation": (
        """\
        print(k_get_value(k_arange(5)))
        print(k_get_value(k_arange(1, 10, 2)))
        print(k_get_value(k_arange(2.7, 6.2)))
        print(k_arange(3)$dtype$name)
        print(k_get_value(k_eye(3)))
        print(k_get_value(k_zeros(c(2, 3))))
        print(k_get_value(k_ones(c(3, 2))))
        m <- k_constant(matrix(1:6, 2))
        print(k_get_value(k_ones_like(m)))
        print(k_get_value(k_zeros_like(m, dtype = "int32")))
        """,
        "0 1 2 3 4 1 3 5 7 9 2 3 4 5 int32 1 0 0 0 1 0 0 0 1 0 0 0 0 0 0 1 1 1 1 1 1 1 1 1 1 1 1 0 0 0 0 0 0",
    ),
    "constant": (
        """\
        print(k_constant(c(1, 2))$dtype$name)
        print(k_constant(1:3)$dtype$name)
        print(k_constant(matrix(1:6, 2))$dtype$name)
        print(k_get_value(k_constant(2.5, shape = c(2, 3))))
        print(k_get_value(k_constant(1:6, shape = c(2, 3))))
        print(k_constant(1L, dtype = "int32")$dtype$name)
        print(k_cast(k_constant(c(2.9, -1.7)), "int32") |> k_get_value())
        print(k_floatx())
        """,
        "float32 float32 float32 2.5 2.5 2.5 2.5 2.5 2.5 1 2 3 4 5 6 int32 2 -1 float32",
    ),
    "variables": (
        """\
        v <- k_variable(c(1, 2, 3))
        k_set_value(v, c(4, 5, 6))
        print(k_get_value(v))
        k_update_add(v, c(1, 1, 1))
        print(k_eval(v))
        k_update_sub(v, c(2, 2, 2))
        print(k_get_value(v))
        k_update(v, c(9, 9, 9))
        print(k_get_value(v))
        k_batch_set_value(list(list(v, c(1, 1, 1))))
        print(k_get_value(v))
        pairs <- list(list(v, c(2, 2, 2)))
        k_batch_set_value(pairs)
        values <- k_batch_get_value(list(v, k_constant(c(7, 8))))
        print(values[[1]])
        print(values[[2]])
        k_moving_average_update(v, c(0, 0, 0), 0.9)
        print(k_get_value(v))
        w <- k_variable(1:3)
        print(k_get_value(w))
        print(k_count_params(k_variable(matrix(0, 3, 4))))
        print(k_int_shape(k_variable(matrix(0, 3, 4))))
        """,
        "4 5 6 5 6 7 3 4 5 9 9 9 1 1 1 2 2 2 7 8 1.8 1.8 1.8 1 2 3 12 3 4",
    ),
    "config": (
        """\
        print(k_epsilon())
        k_set_epsilon(1e-4)
        print(k_epsilon())
        k_set_epsilon(1e-7)
        print(k_image_data_format())
        print(k_backend())
        print(k_get_uid("abc"))
        print(k_get_uid("abc"))
        k_clear_session()
        print(k_is_keras_tensor(k_constant(1)))
        print(k_is_sparse(k_constant(1)))
        print(k_is_keras_tensor(layer_input(shape = 3)))
        K <- backend()
        print(K$epsilon())
        """,
        "1e-07 1e-04 channels_last tensorflow 1 2 FALSE FALSE TRUE 1e-07",
    ),
    "random": (
        """\
        print(k_int_shape(k_random_normal(c(2, 3), seed = 1)))
        print(k_int_shape(k_truncated_normal(c(3, 2), stddev = 0.5)))
        u <- k_get_value(k_random_uniform(c(200), 2, 3))
        print(c(min(u) >= 2, max(u) < 3))
        r <- k_get_value(k_random_uniform(c(200), 0, 3, dtype = "int32", seed = 1L))
        print(range(r))
        print(k_random_binomial(c(4), p = 0.5, dtype = "int32")$dtype$name)
        print(sum(k_get_value(k_random_bernoulli(c(50)))))
        print(k_get_value(k_random_binomial(c(3), p = 1)))
        print(k_int_shape(k_random_normal_variable(c(3, 2), 0, 1)))
        print(k_int_shape(k_random_uniform_variable(c(5), 0, 1, seed = 3)))
        print(k_int_shape(k_dropout(k_ones(c(2, 3)), 0.5)))
        """,
        "2 3 3 2 TRUE TRUE 0 2 int32 0 1 1 1 3 2 5 2 3",
    ),
    "conv_pool": (
        """\
        img <- k_constant(array(1:16, c(1, 4, 4, 1)))
        ker <- k_ones(c(2, 2, 1, 1))
        print(k_get_value(k_conv2d(img, ker))[1, , , 1])
        print(k_get_value(k_conv2d(img, ker, strides = c(2, 2), padding = "same"))[1, , , 1])
        print(k_get_value(k_conv1d(k_constant(array(1:6, c(1, 6, 1))), k_ones(c(3, 1, 1))))[1, , 1])
        print(k_int_shape(k_conv3d(k_ones(c(1, 3, 3, 3, 1)), k_ones(c(2, 2, 2, 1, 2)))))
        print(k_get_value(k_separable_conv2d(img, k_ones(c(2, 2, 1, 1)), k_ones(c(1, 1, 1, 1))))[1, , , 1])
        """,
        "14 30 46 18 34 50 22 38 54 14 46 22 54 6 9 12 15 1 2 2 2 2 14 30 46 18 34 50 22 38 54",
    ),
    "padding_bias": (
        """\
        print(k_int_shape(k_temporal_padding(k_ones(c(1, 3, 2)), c(2, 1))))
        print(k_int_shape(k_temporal_padding(k_ones(c(1, 3, 2)))))
        print(k_int_shape(k_spatial_2d_padding(k_ones(c(1, 2, 2, 1)), padding = list(list(1L, 2L), list(0L, 1L)))))
        print(k_int_shape(k_spatial_3d_padding(k_ones(c(1, 2, 2, 2, 1)), padding = list(list(1L, 1L), list(0L, 0L), list(2L, 0L)))))
        m <- k_constant(matrix(1:6, 2))
        print(k_get_value(k_bias_add(m, k_constant(c(10, 20, 30)))))
        print(k_get_value(k_bias_add(k_constant(array(0, c(1, 2, 3))), k_constant(c(1, 2)), data_format = "channels_first"))[1, , ])
        print(k_get_value(k_resize_images(k_constant(array(1:4, c(1, 2, 2, 1))), 2L, 3L, "channels_last"))[1, , , 1])
        print(k_int_shape(k_resize_volumes(k_ones(c(1, 2, 2, 2, 1)), 2L, 1L, 3L, "channels_last")))
        """,
        "1 6 2 1 5 2 1 5 3 1 1 4 2 4 1 11 23 35 12 24 36 1 1 1 2 2 2 1 1 1 3 3 3 1 1 1 3 3 3 2 2 2 4 4 4 2 2 2 4 4 4 1 4 2 6 1",
    ),
    "functional": (
        """\
        m <- k_constant(matrix(1:6, 2))
        print(k_get_value(k_map_fn(function(r) k_sum(r), m)))
        print(k_get_value(k_switch(k_greater(m, 3), m, -m)))
        print(k_get_value(k_switch(k_constant(TRUE, dtype = "bool"), function() k_constant(1), function() k_constant(2))))
        print(k_get_value(k_foldl(function(acc, x) acc + x, k_constant(c(1, 2, 3)))))
        print(k_get_value(k_foldr(function(acc, x) acc * 10 + x, k_constant(c(1, 2, 3)))))
        print(k_get_value(k_stop_gradient(m)))
        print(k_get_value(k_to_dense(m)))
        """,
        "9 12 -1 -3 5 -2 4 6 1 6 321 1 3 5 2 4 6 1 3 5 2 4 6",
    ),
    "ctc": (
        """\
        p <- k_permute_dimensions(k_constant(array(c(0.7, 0.1, 0.1, 0.1, 0.1, 0.6, 0.1, 0.1, 0.7, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.7, 0.1, 0.1, 0.7, 0.1), c(4, 5, 1))), c(3, 2, 1))
        cost <- k_ctc_batch_cost(k_constant(matrix(c(0, 1), 1)), p, k_constant(matrix(5, 1, 1)), k_constant(matrix(2, 1, 1)))
        print(round(k_get_value(cost), 4))
        greedy <- k_ctc_decode(p, k_constant(5L, shape = 1))
        print(k_get_value(greedy[[1]][[1]]))
        print(round(k_get_value(greedy[[2]]), 4))
        beam <- k_ctc_decode(p, k_constant(5L, shape = 1), greedy = FALSE, beam_width = 3, top_paths = 2)
        print(k_get_value(beam[[1]][[2]]))
        print(round(k_get_value(beam[[2]]), 4))
        """,
        "4.0468 0 1 0 2 -1 1.9375 0 1 2 -1 -1 -1.6574 -2.8416",
    ),
    "pipes_and_tensors": (
        """\
        x <- k_constant(matrix(1:6, 2))
        s <- x %>% k_sum(axis = 2)
        print(k_get_value(s + 1))
        print(k_int_shape(x)[[2]])
        print(k_get_value(k_square(x))[2, 3])
        print(k_get_value(k_mean(x, axis = 1))[3])
        """,
        "10 13 3 36 5.5",
    ),
}

BEHAVIOUR["print_tensor"] = (
    """\
    shown <- k_print_tensor(k_constant(c(1, 2)), message = "msg")
    print(k_get_value(shown))
    """,
    "msg 1 2 1 2",
)

BROKEN_IN_R = {
    "tile": (
        """\
        m <- k_constant(matrix(1:6, 2))
        print(k_get_value(k_tile(m, c(1, 2))))
        """,
        "1 3 5 1 3 5 2 4 6 2 4 6",
    ),
    "is_tensor": (
        """\
        print(k_is_tensor(k_constant(1)))
        print(k_is_tensor(1))
        """,
        "TRUE FALSE",
    ),
    "identity": (
        """\
        m <- k_constant(matrix(1:6, 2))
        print(k_get_value(k_identity(m)))
        """,
        "1 3 5 2 4 6",
    ),
    "get_variable_shape": (
        """\
        print(k_get_variable_shape(k_variable(matrix(0, 3, 4))))
        """,
        "3 4",
    ),
    "pool": (
        """\
        img <- k_constant(array(1:16, c(1, 4, 4, 1)))
        print(k_get_value(k_pool2d(img, c(2, 2)))[1, , , 1])
        print(k_get_value(k_pool2d(img, c(2, 2), strides = c(2, 2), pool_mode = "avg"))[1, , , 1])
        print(k_int_shape(k_pool3d(k_ones(c(1, 4, 4, 4, 1)), c(2, 2, 2))))
        """,
        "6 10 14 7 11 15 8 12 16 3.5 11.5 5.5 13.5 1 3 3 3 1",
    ),
    "depthwise": (
        """\
        img <- k_constant(array(1:16, c(1, 4, 4, 1)))
        print(k_get_value(k_depthwise_conv2d(img, k_ones(c(2, 2, 1, 1))))[1, , , 1])
        """,
        "14 30 46 18 34 50 22 38 54",
    ),
    "conv_transpose": (
        """\
        img <- k_constant(array(1:4, c(1, 2, 2, 1)))
        print(k_get_value(k_conv2d_transpose(img, k_ones(c(2, 2, 1, 1)), output_shape = c(1, 4, 4, 1), strides = c(2, 2)))[1, , , 1])
        print(k_int_shape(k_conv3d_transpose(k_ones(c(1, 2, 2, 2, 1)), k_ones(c(2, 2, 2, 1, 1)), c(1, 3, 3, 3, 1))))
        """,
        "1 1 3 3 1 1 3 3 2 2 4 4 2 2 4 4 1 3 3 3 1",
    ),
    "logsumexp": (
        """\
        m <- k_constant(matrix(c(0, 0, 0, 0), 2))
        print(round(k_get_value(k_logsumexp(m, axis = 1)), 4))
        """,
        "0.6931 0.6931",
    ),
    "placeholder": (
        """\
        p <- k_placeholder(shape = c(NA, 3))
        print(k_int_shape(p))
        print(k_is_keras_tensor(p))
        """,
        "NULL 3 TRUE",
    ),
}


@pytest.fixture(scope="module")
def printed() -> dict[str, Result]:
    """What each behaviour snippet's translation printed; all run in one Python process,
    each with Keras's default float type and epsilon (a snippet may change them)."""
    sources = {
        name: "library(keras)\n" + textwrap.dedent(source)
        for name, (source, _) in {**BEHAVIOUR, **BROKEN_IN_R}.items()
    }
    return run_all(translate_all(sources), before_each=_DEFAULTS)


_DEFAULTS = """
from tensorflow import keras
keras.config.set_floatx("float32")
keras.config.set_epsilon(1e-7)
"""


@pytest.mark.parametrize("name", [*BEHAVIOUR, *BROKEN_IN_R])
def test_translation_computes_what_r_computes(name: str, printed: dict[str, Result]) -> None:
    expected = {**BEHAVIOUR, **BROKEN_IN_R}[name][1]
    assert printed[name].error is None, printed[name].error
    same, why = same_values(expected, printed[name].stdout)
    assert same, f"{why}\n--- Python printed:\n{printed[name].stdout}"


def test_comparison_can_fail(printed: dict[str, Result]) -> None:
    """The shifted axis matters: R's axis 1 sums the columns (3 7 11), Python's would not."""
    assert not same_values("3 7 11", "9 12")[0]
    assert same_values("3 7 11", printed["reductions"].stdout.split("\n")[0])[0]


# ---- coverage -----------------------------------------------------------------------------


def _backend_names() -> list[str]:
    rows = CATEGORIES.read_text(encoding="utf-8").splitlines()
    return [row.split("\t")[0] for row in rows if "\tbackend_k\t" in row]


def test_every_backend_export_has_an_entry_and_is_exercised() -> None:
    if not CATEGORIES.exists():
        pytest.skip("the API facts are not on this machine")
    names = _backend_names()
    assert len(names) == 153
    table = registry().tables["keras"].entries
    missing = [name for name in names if name not in table]
    assert not missing
    sources = " ".join(
        [source for source, _ in TRANSLATIONS]
        + list(REMOVED)
        + [source for source, _ in [*BEHAVIOUR.values(), *BROKEN_IN_R.values()]]
        + ["backend() k_logsumexp k_foldl k_placeholder k_resize_images k_conv2d_transpose"]
    )
    unexercised = [name for name in names if not re.search(rf"\b{name}\b", sources)]
    assert not unexercised
