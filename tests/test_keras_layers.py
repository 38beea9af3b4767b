"""Layer wrappers (`registry/keras/layers.py`): what each translates to, and what it computes.

Three kinds of tests:
- `(R snippet, expected Python)` pairs, imports aside: the coercions (`as.integer`,
  `as_integer_tuple`, `normalize_shape`), which axes are shifted, renamed and removed
  arguments, R defaults written out, merge layers, RNN cells, `adapt()`;
- diagnostics: removed layers (RK110 naming the replacement), arguments Keras 3 no longer
  takes (RK111), R keras bugs reproduced (RK201), replaced layers (RK210);
- behaviour: R programs translated and run under TensorFlow (all in one Python process),
  their printed values compared with what R keras 2.15 (TensorFlow 2.15) printed for the
  same programs, recorded below.
"""

from __future__ import annotations

import textwrap

import pytest
from outputs import same_values
from programs import run_python
from snippets import Result, run_all, translate_all

from rkeras2py import translate


def body(source: str) -> str:
    """The translation without its import lines (no error diagnostics allowed)."""
    result = translate("library(keras)\n" + textwrap.dedent(source))
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    lines = result.code.splitlines()
    return "\n".join(line for line in lines if not line.startswith(("import ", "from "))).strip()


def diagnostics(source: str) -> list[tuple[str, str]]:
    result = translate("library(keras)\n" + textwrap.dedent(source))
    return [(d.code, d.message) for d in result.diagnostics]


# ---- what each call becomes ------------------------------------------------------------

TRANSLATIONS = [
    # core: as.integer(units), normalize_shape(target_shape / noise_shape), forced tuple dims
    ("d <- layer_dense(units = 32.7)", "d = keras.layers.Dense(units=32)"),
    (
        "d <- layer_dropout(rate = 0.5, noise_shape = c(NA, 1), seed = 3)",
        "d = keras.layers.Dropout(rate=0.5, noise_shape=(None, 1), seed=3)",
    ),
    ("r <- layer_reshape(target_shape = c(2, 3))", "r = keras.layers.Reshape(target_shape=(2, 3))"),
    ("p <- layer_permute(dims = 1)", "p = keras.layers.Permute(dims=(1,))"),
    ("p <- layer_repeat_vector(n = 3)", "p = keras.layers.RepeatVector(n=3)"),
    (
        "l <- layer_lambda(f = function(x) x * 2, output_shape = 4)",
        "l = keras.layers.Lambda(function=lambda x: x * 2, output_shape=(4,))",
    ),
    # activations: alpha renamed, softmax axis not shifted, SELU is Activation("selu")
    (
        "a <- layer_activation_leaky_relu(alpha = 0.1)",
        "a = keras.layers.LeakyReLU(negative_slope=0.1)",
    ),
    ("a <- layer_activation_softmax(axis = 1)", "a = keras.layers.Softmax(axis=1)"),
    ("a <- layer_activation_selu()", 'a = keras.layers.Activation("selu")'),
    (
        "a <- layer_activation_parametric_relu(shared_axes = c(1, 2))",
        "a = keras.layers.PReLU(shared_axes=[1, 2])",
    ),
    # convolution: as_integer_tuple
    (
        "c2 <- layer_conv_2d(filters = 8, kernel_size = c(3, 3), strides = 2)",
        "c2 = keras.layers.Conv2D(filters=8, kernel_size=(3, 3), strides=2)",
    ),
    (
        "c1 <- layer_conv_1d(filters = 16, kernel_size = 5, activation = 'relu')",
        'c1 = keras.layers.Conv1D(filters=16, kernel_size=5, activation="relu")',
    ),
    # ConvLSTM: R sends recurrent_activation = "hard_sigmoid" (Keras 3: "sigmoid")
    (
        "c <- layer_conv_lstm_2d(filters = 2, kernel_size = c(3, 3))",
        "c = keras.layers.ConvLSTM2D(\n"
        '    filters=2, kernel_size=(3, 3), recurrent_activation="hard_sigmoid"\n'
        ")",
    ),
    (
        "c <- layer_conv_lstm_1d(filters = 2, kernel_size = 3, recurrent_activation = 'tanh')",
        'c = keras.layers.ConvLSTM1D(filters=2, kernel_size=3, recurrent_activation="tanh")',
    ),
    # pooling and padding: as.integer of vectors, normalize_padding of pairs
    (
        "p <- layer_max_pooling_2d(pool_size = c(2, 2))",
        "p = keras.layers.MaxPooling2D(pool_size=[2, 2])",
    ),
    (
        "z <- layer_zero_padding_2d(padding = list(c(1, 1), c(2, 2)))",
        "z = keras.layers.ZeroPadding2D(padding=[[1, 1], [2, 2]])",
    ),
    (
        "g <- layer_global_average_pooling_1d(keepdims = TRUE)",
        "g = keras.layers.GlobalAveragePooling1D(keepdims=True)",
    ),
    # normalization: which axes are 1-based
    ("b <- layer_batch_normalization(axis = 2)", "b = keras.layers.BatchNormalization(axis=1)"),
    ("b <- layer_batch_normalization(axis = -1)", "b = keras.layers.BatchNormalization(axis=-1)"),
    ("n <- layer_normalization(axis = 3)", "n = keras.layers.Normalization(axis=2)"),
    ("n <- layer_unit_normalization(axis = 2)", "n = keras.layers.UnitNormalization(axis=1)"),
    ("n <- layer_layer_normalization(axis = 1)", "n = keras.layers.LayerNormalization(axis=1)"),
    # embedding: input_length is the input shape (as Keras 2's Embedding made it); sparse gone
    (
        "e <- layer_embedding(input_dim = 100, output_dim = 8, input_length = 10, sparse = TRUE)",
        "e = keras.layers.Embedding(input_dim=100, output_dim=8, input_shape=(10,))",
    ),
    # recurrent: time_major = FALSE is left out; cells have no object
    (
        "l <- layer_lstm(units = 4, time_major = FALSE, return_sequences = TRUE)",
        "l = keras.layers.LSTM(units=4, return_sequences=True)",
    ),
    ("c <- layer_lstm_cell(8)", "c = keras.layers.LSTMCell(8)"),
    (
        "s <- layer_stacked_rnn_cells(list(layer_gru_cell(2), layer_simple_rnn_cell(3)))",
        "s = keras.layers.StackedRNNCells(\n"
        "    [keras.layers.GRUCell(2), keras.layers.SimpleRNNCell(3)]\n"
        ")",
    ),
    (
        "r <- layer_rnn(cell = layer_simple_rnn_cell(units = 2), return_sequences = TRUE)",
        "r = keras.layers.RNN(cell=keras.layers.SimpleRNNCell(units=2), return_sequences=True)",
    ),
    # wrappers
    (
        "b <- bidirectional(layer = layer_gru(units = 2), merge_mode = 'sum')",
        'b = keras.layers.Bidirectional(layer=keras.layers.GRU(units=2), merge_mode="sum")',
    ),
    (
        "t <- time_distributed(layer = layer_dense(units = 2))",
        "t = keras.layers.TimeDistributed(layer=keras.layers.Dense(units=2))",
    ),
    # preprocessing layers
    (
        "t <- layer_text_vectorization(max_tokens = 100, output_sequence_length = 5)",
        "t = keras.layers.TextVectorization(max_tokens=100, output_sequence_length=5)",
    ),
    ("r <- layer_rescaling(scale = 1/255)", "r = keras.layers.Rescaling(scale=1 / 255)"),
    (
        "h <- layer_hashing(num_bins = 4, salt = 7)",
        "h = keras.layers.Hashing(num_bins=4, salt=7)",
    ),
    (
        "f <- layer_random_flip(mode = 'horizontal', seed = 1)",
        'f = keras.layers.RandomFlip(mode="horizontal", seed=1)',
    ),
    (
        "l <- layer_string_lookup(vocabulary = c('a', 'b'), num_oov_indices = 2)",
        'l = keras.layers.StringLookup(num_oov_indices=2, vocabulary=["a", "b"])',
    ),
]


@pytest.mark.parametrize("r_code, python", TRANSLATIONS)
def test_translation(r_code: str, python: str):
    assert body(r_code) == python


def test_first_positional_argument_is_the_object_as_in_r():
    # R matches `16` to `object`: the layer is composed onto it (an error in R too)
    assert body("c <- layer_conv_1d(16, kernel_size = 5)") == (
        "c = compose_layer(16, keras.layers.Conv1D(kernel_size=5))"
    )


def test_layers_stack_into_one_sequential_list():
    code = body(
        """
        model <- keras_model_sequential(input_shape = c(6, 6, 1)) %>%
          layer_conv_2d(filters = 2, kernel_size = c(3, 3)) %>%
          layer_max_pooling_2d(pool_size = 2) %>%
          layer_flatten()
        """
    )
    assert code == (
        "model = keras.Sequential(\n"
        "    [\n"
        "        keras.Input(shape=(6, 6, 1)),\n"
        "        keras.layers.Conv2D(filters=2, kernel_size=(3, 3)),\n"
        "        keras.layers.MaxPooling2D(pool_size=2),\n"
        "        keras.layers.Flatten(),\n"
        "    ]\n"
        ")"
    )


def test_layers_on_tensors_are_one_line_each():
    code = body(
        """
        inp <- layer_input(shape = c(4, 3))
        out <- inp %>% bidirectional(layer_lstm(units = 2)) %>% layer_dense(1)
        """
    )
    assert code.splitlines()[1:] == [
        "out = keras.layers.Bidirectional(keras.layers.LSTM(units=2))(inp)",
        "out = keras.layers.Dense(1)(out)",
    ]


def test_a_multi_statement_function_becomes_a_def():
    code = body(
        """
        l <- layer_lambda(f = function(x) {
          y <- x + 1
          y * 3
        })
        """
    )
    assert "def " in code and "return y * 3" in code
    assert code.splitlines()[-1].startswith("l = keras.layers.Lambda(function=")


def test_adapt_fits_in_place():
    code = body(
        """
        norm <- layer_normalization()
        norm %>% adapt(c(1, 2, 3), batch_size = 2)
        """
    )
    assert code.splitlines()[-1] == "norm.adapt(np.array([1.0, 2.0, 3.0]), batch_size=2)"


# ---- merge layers ----------------------------------------------------------------------

MERGES = [
    ("m <- layer_add()", "m = keras.layers.Add()"),
    ("m <- layer_concatenate(axis = 1)", "m = keras.layers.Concatenate(axis=1)"),
    ("m <- layer_add(list(a, b))", "m = keras.layers.Add()([a, b])"),
    # unnamed tensors in `...` are appended; named arguments go to the constructor
    ("m <- layer_multiply(a, b, name = 'm')", 'm = keras.layers.Multiply(name="m")([a, b])'),
    ("m <- layer_average(list(a, b), a)", "m = keras.layers.Average()([a, b, a])"),
    # axis is Python's, 0-based (as.integer); a number after a list is the axis
    (
        "m <- layer_concatenate(list(a, b), axis = 1)",
        "m = keras.layers.Concatenate(axis=1)([a, b])",
    ),
    ("m <- layer_concatenate(list(a, b), 1)", "m = keras.layers.Concatenate(axis=1)([a, b])"),
    ("m <- layer_dot(list(a, b), axes = 1)", "m = keras.layers.Dot(axes=1)([a, b])"),
    ("m <- layer_dot(list(a, b), 1, TRUE)", "m = keras.layers.Dot(axes=1, normalize=True)([a, b])"),
]


@pytest.mark.parametrize("r_code, python", MERGES)
def test_merge_layer(r_code: str, python: str):
    code = body("a <- layer_input(shape = 3)\nb <- layer_input(shape = 3)\n" + r_code)
    assert code.splitlines()[-1] == python


def test_concatenate_of_separate_tensors_ignores_axis_as_r_does():
    source = "a <- layer_input(shape = 3)\nb <- layer_input(shape = 3)\n"
    source += "m <- layer_concatenate(a, b, axis = 1)"
    assert body(source).splitlines()[-1] == "m = keras.layers.Concatenate()([a, b])"
    [(code, message)] = diagnostics(source)
    assert code == "RK201" and "ignores `axis`" in message


def test_merge_of_unknown_inputs_goes_through_the_runtime():
    code = body("f <- function(xs, y) layer_add(xs, y)")
    assert "keras.layers.Add()(merge_inputs(xs, y))" in code


def test_multi_head_attention_is_called_on_the_inputs():
    source = """
        q <- layer_input(shape = c(4, 8))
        v <- layer_input(shape = c(6, 8))
        o <- layer_multi_head_attention(list(q, v), num_heads = 2, key_dim = 3)
        """
    assert body(source).splitlines()[-1] == (
        "o = keras.layers.MultiHeadAttention(num_heads=2, key_dim=3)(q, v)"
    )
    assert [code for code, _ in diagnostics(source)] == ["RK201"]


def test_attention_composes_onto_its_inputs():
    code = body(
        """
        q <- layer_input(shape = c(4, 8))
        o <- layer_attention(list(q, q), use_scale = TRUE)
        """
    )
    assert code.splitlines()[-1] == "o = keras.layers.Attention(use_scale=True)([q, q])"


# ---- what Keras 3 removed --------------------------------------------------------------

REMOVED = [
    ("layer_dense_features(feature_columns = cols)", "RK110", "FeatureSpace"),
    ("layer_locally_connected_2d(filters = 2, kernel_size = 3)", "RK110", "layer_conv_2d()"),
    ("layer_random_height(factor = 0.2)", "RK110", "RandomZoom"),
    ("layer_random_width(factor = 0.2)", "RK110", "RandomZoom"),
    ("layer_additive_attention(causal = TRUE)", "RK111", "use_causal_mask"),
    ("layer_cudnn_lstm(units = 2)", "RK210", "keras.layers.LSTM"),
    ("layer_activation_thresholded_relu(theta = 2)", "RK210", "ReLU(threshold = theta)"),
]


@pytest.mark.parametrize("r_code, code, named", REMOVED)
def test_removed_api_is_reported_with_its_replacement(r_code: str, code: str, named: str):
    found = diagnostics(f"x <- {r_code}")
    assert any(c == code and named in message for c, message in found), found


def test_removed_layer_inside_a_stack_is_reported():
    found = diagnostics(
        "m <- keras_model_sequential() %>% layer_random_height(0.2) %>% layer_flatten()"
    )
    assert [code for code, _ in found] == ["RK110"]


def test_replacements_compute_the_removed_layers():
    assert body("x <- layer_cudnn_gru(units = 2)") == "x = keras.layers.GRU(units=2)"
    assert body("x <- layer_activation_thresholded_relu()") == (
        "x = keras.layers.ReLU(threshold=1.0)"
    )


# ---- behaviour: translations run, compared with R keras 2.15 ---------------------------

# (R program, what R keras 2.15 printed)
PROGRAMS = {
    "conv_pool_count_params": (
        """
        m <- keras_model_sequential(input_shape = c(6, 6, 1)) %>%
          layer_conv_2d(filters = 2, kernel_size = c(3, 3)) %>%
          layer_max_pooling_2d(pool_size = 2) %>%
          layer_flatten()
        cat("params", count_params(m), "\\n")
        """,
        "params 20",
    ),
    "embedding_input_length": (
        """
        m <- keras_model_sequential() %>%
          layer_embedding(input_dim = 100, output_dim = 8, input_length = 10) %>%
          layer_flatten() %>%
          layer_dense(1)
        cat("params", count_params(m), "\\n")
        """,
        "params 881",
    ),
    "recurrent_stack": (
        """
        m <- keras_model_sequential(input_shape = c(5, 3)) %>%
          layer_conv_1d(filters = 4, kernel_size = 2, padding = "same") %>%
          layer_lstm(units = 3, return_sequences = TRUE) %>%
          layer_gru(units = 2) %>%
          layer_dense(1)
        cat("params", count_params(m), "\\n")
        """,
        "params 169",
    ),
    "wrappers_and_cells": (
        """
        inp <- layer_input(shape = c(4, 3))
        x <- inp %>% bidirectional(layer_lstm(units = 2, return_sequences = TRUE)) %>%
          time_distributed(layer_dense(units = 5)) %>%
          layer_rnn(cell = list(layer_simple_rnn_cell(4), layer_gru_cell(units = 3)))
        cat("params", count_params(keras_model(inp, x)), "\\n")
        """,
        "params 242",
    ),
    "merge_layers": (
        """
        i1 <- layer_input(shape = c(3))
        i2 <- layer_input(shape = c(3))
        m <- keras_model(list(i1, i2), list(layer_add(i1, i2), layer_subtract(list(i1, i2)),
          layer_dot(list(i1, i2), axes = 1), layer_maximum(i1, i2)))
        r <- predict(m, list(matrix(c(1, 2, 3), 1), matrix(c(3, 1, 2), 1)), verbose = 0)
        cat("add", r[[1]], "\\n")
        cat("subtract", r[[2]], "\\n")
        cat("dot", r[[3]], "\\n")
        cat("maximum", r[[4]], "\\n")
        """,
        "add 4 3 5\nsubtract -2 1 1\ndot 11\nmaximum 3 2 3",
    ),
    "concatenate_axis": (
        """
        i1 <- layer_input(shape = c(2, 3))
        i2 <- layer_input(shape = c(2, 3))
        a <- layer_concatenate(list(i1, i2), axis = 1) %>% layer_dense(1)
        b <- layer_concatenate(i1, i2, axis = 1) %>% layer_dense(1)
        c <- layer_concatenate(list(i1, i2), 1) %>% layer_dense(1)
        cat("list", count_params(keras_model(list(i1, i2), a)), "\\n")
        cat("separate", count_params(keras_model(list(i1, i2), b)), "\\n")
        cat("positional", count_params(keras_model(list(i1, i2), c)), "\\n")
        """,
        "list 4\nseparate 7\npositional 4",
    ),
    "normalization_axes": (
        """
        bn <- keras_model_sequential(input_shape = c(3, 4)) %>%
          layer_batch_normalization(axis = 2)
        ln <- keras_model_sequential(input_shape = c(3, 4)) %>%
          layer_layer_normalization(axis = 1)
        pr <- keras_model_sequential(input_shape = c(3, 4)) %>%
          layer_activation_parametric_relu(shared_axes = 1)
        cat("bn", count_params(bn), "ln", count_params(ln), "prelu", count_params(pr), "\\n")
        norm <- layer_normalization(axis = 2)
        norm %>% adapt(matrix(c(1, 2, 3, 4, 5, 6), 2))
        cat("norm", as.numeric(norm(matrix(c(2, 4, 6), 1))), "\\n")
        """,
        "bn 12 ln 6 prelu 4\nnorm 1 1 1",
    ),
    "activations": (
        """
        th <- layer_activation_thresholded_relu(theta = 1)
        cat("thresholded", as.numeric(th(matrix(c(0.5, 1, 2), 1))), "\\n")
        cat("selu", round(as.numeric(layer_activation_selu()(matrix(c(-1, 1), 1))), 5), "\\n")
        m <- keras_model_sequential(input_shape = c(4)) %>%
          layer_dense(2, kernel_initializer = "ones") %>%
          layer_activation_leaky_relu(alpha = 0.1)
        cat("leaky", as.numeric(predict(m, matrix(c(-1, -1, -1, -1), 1), verbose = 0)), "\\n")
        """,
        "thresholded 0 0 2\nselu -1.11133 1.0507\nleaky -0.4 -0.4",
    ),
    "conv_lstm_and_shapes": (
        """
        cl <- keras_model_sequential(input_shape = c(2, 5, 5, 1)) %>%
          layer_conv_lstm_2d(filters = 2, kernel_size = 3)
        td <- keras_model_sequential(input_shape = c(4, 3)) %>%
          time_distributed(layer_dense(units = 2))
        cat("convlstm", count_params(cl), "td", count_params(td), "\\n")
        """,
        "convlstm 224 td 8",
    ),
    "lambda_and_text": (
        """
        inp <- layer_input(shape = c(3))
        out <- inp %>% layer_lambda(function(x) x * 2) %>% layer_lambda(f = function(x) {
          y <- x + 1
          y * 3
        })
        p <- predict(keras_model(inp, out), matrix(c(1, 2, 3), 1), verbose = 0)
        cat("lambda", as.numeric(p), "\\n")
        tv <- layer_text_vectorization(max_tokens = 10, output_sequence_length = 4)
        adapt(tv, c("the cat sat", "the dog"))
        cat("tv", as.numeric(tv(c("the dog sat"))), "\\n")
        """,
        "lambda 9 15 21\ntv 2 4 3 0",
    ),
}


@pytest.fixture(scope="module")
def program_results() -> dict[str, Result]:
    """Every program translated, then all run in one Python process (TensorFlow once)."""
    sources = {
        name: "library(keras)\n" + textwrap.dedent(source) for name, (source, _) in PROGRAMS.items()
    }
    return run_all(translate_all(sources))


@pytest.mark.parametrize("name", PROGRAMS)
def test_python_prints_what_r_printed(name: str, program_results):
    printed, error = program_results[name].stdout, program_results[name].error
    assert error is None, error
    same, why = same_values(PROGRAMS[name][1] + "\n", printed)
    assert same, (why, printed)


def test_time_major_input_is_transposed_around_the_layer_by_the_runtime():
    source = """
library(keras)
inputs <- layer_input(shape = c(2, 1))
outputs <- inputs %>% layer_lstm(units = 1, time_major = TRUE, return_sequences = TRUE,
  kernel_initializer = initializer_constant(0.5),
  recurrent_initializer = initializer_constant(0.1))
model <- keras_model(inputs, outputs)
x <- array(1:6, dim = c(3, 2, 1))
cat(round(as.numeric(predict(model, x, verbose = 0)), 5), "\\n")
"""
    result = translate(source)
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    assert "time_major(\n" in result.code or "time_major(keras.layers.LSTM(" in result.code
    run = run_python(result.code)
    assert run.returncode == 0, run.stderr[-2000:]
    # R keras 2.15 printed: 0.17427 0.49524 0.74851 0.60828 0.87313 0.94717
    assert run.stdout.split() == ["0.17427", "0.49524", "0.74851", "0.60828", "0.87313", "0.94717"]


def test_a_first_embedding_input_length_is_the_models_input():
    """Keras 3 warns about `input_shape` on a layer: the model starts with keras.Input."""
    code = translate(
        "library(keras)\nm <- keras_model_sequential() %>%\n"
        "  layer_embedding(input_dim = 10, output_dim = 2, input_length = 4)\n"
    ).code
    assert "keras.Input(shape=(4,)), keras.layers.Embedding(input_dim=10, output_dim=2)" in code
