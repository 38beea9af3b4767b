"""keras3's layer wrappers (`registry/keras3/layers.py`): what each translates to, and what
it computes.

- `(R snippet, expected Python)` pairs, imports aside: keras3's coercions (1-based axes in
  every layer, `layer_reshape()`'s NA as -1, numeric-only `as_integer`), merge layers with
  separate input tensors, keras 2.x's written-out defaults no longer sent, the layers
  keras 2.x never wrapped, RNN cells, `feature_*()`;
- behaviour: R programs translated and run under TensorFlow (all in one Python process),
  their printed values compared with what R keras3 1.5.1 (TensorFlow 2.21) printed for the
  same programs, recorded below.
"""

from __future__ import annotations

import textwrap

import pytest
from outputs import same_values
from snippets import Result, run_all, translate_all

from rkeras2py import translate


def translated(source: str):
    return translate("library(keras3)\n" + textwrap.dedent(source))


def body(source: str) -> str:
    """The translation without its import lines (no error diagnostics allowed)."""
    result = translated(source)
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    lines = result.code.splitlines()
    return "\n".join(line for line in lines if not line.startswith(("import ", "from "))).strip()


def last_line(source: str) -> str:
    return body(source).splitlines()[-1]


# ---- what each call becomes ------------------------------------------------------------

TRANSLATIONS = [
    # core: as_integer(units), a positional first argument stays positional
    ("d <- layer_dense(units = 32.7)", "d = keras.layers.Dense(units=32)"),
    ("d <- layer_dense(, 8, lora_rank = 2)", "d = keras.layers.Dense(8, lora_rank=2)"),
    (
        "d <- layer_dropout(rate = 0.5, noise_shape = c(NA, 1), seed = 3)",
        "d = keras.layers.Dropout(rate=0.5, noise_shape=(None, 1), seed=3)",
    ),
    # layer_reshape: NA/NULL dimensions are -1 in keras3 (None in keras 2.x)
    (
        "r <- layer_reshape(target_shape = c(NA, 3))",
        "r = keras.layers.Reshape(target_shape=(-1, 3))",
    ),
    (
        "r <- layer_reshape(target_shape = list(2, NULL))",
        "r = keras.layers.Reshape(target_shape=(2, -1))",
    ),
    ("r <- layer_reshape(target_shape = 6)", "r = keras.layers.Reshape(target_shape=(6,))"),
    (
        "f <- function(s) layer_reshape(target_shape = s)",
        "    return keras.layers.Reshape(target_shape=reshape_target(s))",
    ),
    ("p <- layer_permute(dims = c(2, 1))", "p = keras.layers.Permute(dims=(2, 1))"),
    (
        "l <- layer_lambda(f = function(x) x * 2, output_shape = 4)",
        "l = keras.layers.Lambda(function=lambda x: x * 2, output_shape=(4,))",
    ),
    # every layer axis is 1-based in keras3
    ("s <- layer_activation_softmax(axis = 1)", "s = keras.layers.Softmax(axis=0)"),
    ("s <- layer_activation_softmax(axis = -1)", "s = keras.layers.Softmax(axis=-1)"),
    (
        "n <- layer_layer_normalization(axis = c(2, 3))",
        "n = keras.layers.LayerNormalization(axis=[1, 2])",
    ),
    ("n <- layer_batch_normalization(axis = 2)", "n = keras.layers.BatchNormalization(axis=1)"),
    (
        "n <- layer_group_normalization(groups = 4, axis = 2)",
        "n = keras.layers.GroupNormalization(groups=4, axis=1)",
    ),
    ("n <- layer_rms_normalization(axis = 3)", "n = keras.layers.RMSNormalization(axis=2)"),
    (
        "p <- layer_activation_parametric_relu(shared_axes = c(1, 2))",
        "p = keras.layers.PReLU(shared_axes=[0, 1])",
    ),
    # keras3's formal is negative_slope (keras 2.x renamed alpha)
    (
        "a <- layer_activation_leaky_relu(negative_slope = 0.1)",
        "a = keras.layers.LeakyReLU(negative_slope=0.1)",
    ),
    # convolution: as_integer_tuple
    (
        "c <- layer_conv_2d(filters = 8, kernel_size = c(3, 3), strides = 2)",
        "c = keras.layers.Conv2D(filters=8, kernel_size=(3, 3), strides=2)",
    ),
    (
        "c <- layer_conv_1d_transpose(filters = 2, kernel_size = c(3))",
        "c = keras.layers.Conv1DTranspose(filters=2, kernel_size=3)",
    ),
    # ConvLSTM: keras3 sends only what the call gives (keras 2.x wrote out hard_sigmoid)
    (
        "c <- layer_conv_lstm_2d(filters = 2, kernel_size = 3)",
        "c = keras.layers.ConvLSTM2D(filters=2, kernel_size=3)",
    ),
    (
        "c <- layer_conv_lstm_1d(filters = 2, kernel_size = 3, seed = 1)",
        "c = keras.layers.ConvLSTM1D(filters=2, kernel_size=3, seed=1)",
    ),
    # reshaping: normalize_padding / normalize_cropping
    (
        "z <- layer_zero_padding_2d(padding = list(c(1, 1), c(2, 2)))",
        "z = keras.layers.ZeroPadding2D(padding=[[1, 1], [2, 2]])",
    ),
    ("c <- layer_cropping_1d(cropping = c(1, 2))", "c = keras.layers.Cropping1D(cropping=[1, 2])"),
    # as_integer is numeric-only: strings, logicals and cells pass as they are
    (
        "l <- layer_string_lookup(vocabulary = c('a', 'b'), mask_token = '', invert = TRUE)",
        'l = keras.layers.StringLookup(mask_token="", vocabulary=["a", "b"], invert=True)',
    ),
    (
        "l <- layer_integer_lookup(vocabulary = c(1, 2), oov_token = -1, output_mode = 'int')",
        'l = keras.layers.IntegerLookup(oov_token=-1, vocabulary=[1, 2], output_mode="int")',
    ),
    (
        "e <- layer_category_encoding(num_tokens = 4, output_mode = 'one_hot')",
        'e = keras.layers.CategoryEncoding(num_tokens=4, output_mode="one_hot")',
    ),
    (
        "t <- layer_text_vectorization(max_tokens = 10, ngrams = c(1, 2), ragged = TRUE)",
        "t = keras.layers.TextVectorization(max_tokens=10, ngrams=(1, 2), ragged=True)",
    ),
    ("t <- layer_text_vectorization(ngrams = 2)", "t = keras.layers.TextVectorization(ngrams=2)"),
    (
        "r <- layer_rnn(cell = rnn_cell_lstm(4))",
        "r = keras.layers.RNN(cell=keras.layers.LSTMCell(4))",
    ),
    (
        "r <- layer_rnn(cell = list(rnn_cell_simple(4), rnn_cell_gru(units = 3)))",
        "r = keras.layers.RNN(\n"
        "    cell=[keras.layers.SimpleRNNCell(4), keras.layers.GRUCell(units=3)]\n"
        ")",
    ),
    # recurrent
    (
        "l <- layer_lstm(units = 4, return_sequences = TRUE, seed = 2)",
        "l = keras.layers.LSTM(units=4, seed=2, return_sequences=True)",
    ),
    # wrappers: keras3 names and their keras 2.x aliases
    (
        "b <- layer_bidirectional(layer = layer_gru(units = 2), merge_mode = 'sum')",
        'b = keras.layers.Bidirectional(layer=keras.layers.GRU(units=2), merge_mode="sum")',
    ),
    (
        "b <- bidirectional(layer = layer_gru(units = 2))",
        "b = keras.layers.Bidirectional(layer=keras.layers.GRU(units=2))",
    ),
    (
        "t <- time_distributed(layer = layer_dense(units = 2))",
        "t = keras.layers.TimeDistributed(layer=keras.layers.Dense(units=2))",
    ),
    # Embedding: `weights` is its own argument; the ignored input_length is left out
    (
        "e <- layer_embedding(input_dim = 10, output_dim = 3, input_length = 5)",
        "e = keras.layers.Embedding(input_dim=10, output_dim=3)",
    ),
    (
        "m <- matrix(0, 10, 3)\n"
        "e <- layer_embedding(input_dim = 10, output_dim = 3, weights = list(m))",
        "e = keras.layers.Embedding(input_dim=10, output_dim=3, weights=[m])",
    ),
    # attention: object first in keras3 (a list of query and value composes)
    (
        "q <- op_ones(c(2, 3, 4))\nv <- q\na <- layer_attention(list(q, v))",
        "a = keras.layers.Attention()([q, v])",
    ),
    (
        "a <- layer_additive_attention(use_scale = FALSE)",
        "a = keras.layers.AdditiveAttention(use_scale=False)",
    ),
    (
        "a <- layer_multi_head_attention(num_heads = 2, key_dim = 4, attention_axes = 2)",
        "a = keras.layers.MultiHeadAttention(num_heads=2, key_dim=4, attention_axes=2)",
    ),
    (
        "q <- op_ones(c(2, 3, 4))\nv <- q\n"
        "a <- layer_multi_head_attention(list(q, v), num_heads = 2, key_dim = 4)",
        "a = keras.layers.MultiHeadAttention(num_heads=2, key_dim=4)(q, v)",
    ),
    (
        "q <- op_ones(c(2, 3, 4))\nv <- q\n"
        "a <- layer_multi_head_attention(list(query = q, value = v), num_heads = 2, key_dim = 4)",
        "a = keras.layers.MultiHeadAttention(num_heads=2, key_dim=4)(query=q, value=v)",
    ),
    # RNN cells: rnn_cell_*() and rnn_cells_stack(), which takes the cells one by one too
    ("c <- rnn_cell_gru(units = 3.5)", "c = keras.layers.GRUCell(units=3)"),
    (
        "s <- rnn_cells_stack(rnn_cell_lstm(2), rnn_cell_lstm(3))",
        "s = keras.layers.StackedRNNCells(\n"
        "    cells=[keras.layers.LSTMCell(2), keras.layers.LSTMCell(3)]\n"
        ")",
    ),
    (
        "a <- rnn_cell_lstm(2)\nb <- rnn_cell_gru(2)\n"
        "s <- rnn_cells_stack(list(a, b), name = 'cells')",
        's = keras.layers.StackedRNNCells(cells=[a, b], name="cells")',
    ),
    # layers keras 2.x never wrapped
    ("i <- layer_identity()", "i = keras.layers.Identity()"),
    (
        "e <- layer_einsum_dense(equation = 'ab,bc->ac', output_shape = 4)",
        'e = keras.layers.EinsumDense(equation="ab,bc->ac", output_shape=(4,))',
    ),
    (
        "a <- layer_auto_contrast(value_range = c(0, 1))",
        "a = keras.layers.AutoContrast(value_range=(0.0, 1.0))",
    ),
    (
        "s <- layer_solarization(addition_factor = 0.2, threshold_factor = c(0, 0.5))",
        "s = keras.layers.Solarization(addition_factor=0.2, threshold_factor=(0.0, 0.5))",
    ),
    (
        "c <- layer_random_contrast(factor = 0.2, value_range = c(0, 1))",
        "c = keras.layers.RandomContrast(factor=0.2, value_range=(0.0, 1.0))",
    ),
    (
        "r <- layer_random_posterization(factor = 4.5, seed = 1)",
        "r = keras.layers.RandomPosterization(factor=4, seed=1)",
    ),
    (
        "m <- layer_mel_spectrogram(fft_length = 512, num_mel_bins = 64)",
        "m = keras.layers.MelSpectrogram(fft_length=512, num_mel_bins=64)",
    ),
    (
        "s <- layer_stft_spectrogram(frame_length = 8, frame_step = 4)",
        "s = keras.layers.STFTSpectrogram(frame_length=8, frame_step=4)",
    ),
    (
        "s <- layer_spectral_normalization(layer = layer_dense(units = 2))",
        "s = keras.layers.SpectralNormalization(layer=keras.layers.Dense(units=2))",
    ),
    (
        "t <- layer_tfsm(filepath = 'path/to/saved')",
        't = keras.layers.TFSMLayer(filepath="path/to/saved")',
    ),
    (
        "p <- layer_pipeline(list(layer_rescaling(scale = 2), layer_random_flip()))",
        "p = keras.layers.Pipeline(\n"
        "    [keras.layers.Rescaling(scale=2.0), keras.layers.RandomFlip()]\n"
        ")",
    ),
    # keras3's layer_input is keras_input
    (
        "i <- layer_input(shape = c(28, 28), batch_size = 4, optional = TRUE)",
        "i = keras.Input(shape=(28, 28), batch_size=4, optional=True)",
    ),
    # FeatureSpace and its features
    (
        "f <- feature_integer_categorical(max_tokens = 5, num_oov_indices = 1, "
        "output_mode = 'int')",
        "f = keras.utils.FeatureSpace.integer_categorical(\n"
        '    max_tokens=5, num_oov_indices=1, output_mode="int"\n'
        ")",
    ),
    ("f <- feature_float_normalized()", "f = keras.utils.FeatureSpace.float_normalized()"),
    (
        "f <- feature_cross(c('a', 'b'), crossing_dim = 8)",
        'f = keras.utils.FeatureSpace.cross(["a", "b"], crossing_dim=8)',
    ),
    (
        "f <- feature_string_hashed(num_bins = 16)",
        "f = keras.utils.FeatureSpace.string_hashed(num_bins=16)",
    ),
    (
        "s <- layer_feature_space(features = c(age = 'float_normalized', "
        "city = 'string_categorical'))",
        "s = keras.utils.FeatureSpace(\n"
        '    features={"age": "float_normalized", "city": "string_categorical"}\n'
        ")",
    ),
]


@pytest.mark.parametrize("r_code, python", TRANSLATIONS)
def test_translation(r_code: str, python: str):
    lines = python.count("\n") + 1  # the call's lines, after any definitions it uses
    assert body(r_code).splitlines()[-lines:] == python.splitlines()


def test_layers_compose_onto_tensors_one_line_each():
    code = body(
        """
        inp <- layer_input(shape = c(4, 3))
        out <- inp |> bidirectional(layer_lstm(units = 2)) |> layer_dense(1)
        """
    )
    assert code.splitlines()[1:] == [
        "out = keras.layers.Bidirectional(keras.layers.LSTM(units=2))(inp)",
        "out = keras.layers.Dense(1)(out)",
    ]


def test_vocabulary_and_adapt_are_methods():
    code = body(
        """
        tv <- layer_text_vectorization()
        tv |> adapt(c("a b", "b c"), batch_size = 2)
        v <- get_vocabulary(tv)
        set_vocabulary(tv, c("x", "y"))
        """
    )
    assert code.splitlines()[1:] == [
        'tv.adapt(np.array(["a b", "b c"]), batch_size=2)',
        "v = tv.get_vocabulary()",
        'tv.set_vocabulary(["x", "y"])',
    ]


def test_other_backends_wrappers_are_flagged():
    result = translated("w <- layer_torch_module_wrapper(module = NULL)")
    assert [(d.code, "torch" in d.message) for d in result.diagnostics] == [("RK201", True)]


# ---- merge layers: inputs as a list or one by one, axis 1-based ------------------------

MERGES = [
    ("m <- layer_add()", "m = keras.layers.Add()"),
    ("m <- layer_concatenate(axis = 1)", "m = keras.layers.Concatenate(axis=0)"),
    ("m <- layer_add(list(a, b))", "m = keras.layers.Add()([a, b])"),
    ("m <- layer_add(a, b)", "m = keras.layers.Add()([a, b])"),
    ("m <- a |> layer_subtract(b)", "m = keras.layers.Subtract()([a, b])"),
    ("m <- layer_multiply(a, b, name = 'm')", 'm = keras.layers.Multiply(name="m")([a, b])'),
    ("m <- layer_average(list(a, b), a)", "m = keras.layers.Average()([a, b, a])"),
    ("m <- layer_maximum(a, b, a)", "m = keras.layers.Maximum()([a, b, a])"),
    # keras3 honours axis with separate tensors too (keras 2.x dropped it), and shifts it
    ("m <- layer_concatenate(a, b, axis = 2)", "m = keras.layers.Concatenate(axis=1)([a, b])"),
    (
        "m <- layer_concatenate(list(a, b), axis = 1)",
        "m = keras.layers.Concatenate(axis=0)([a, b])",
    ),
    ("m <- layer_concatenate(a, b, axis = -1)", "m = keras.layers.Concatenate(axis=-1)([a, b])"),
    ("m <- layer_dot(a, b, axes = 2)", "m = keras.layers.Dot(axes=1)([a, b])"),
    (
        "m <- layer_dot(list(a, b), axes = c(2, 2), normalize = TRUE)",
        "m = keras.layers.Dot(axes=[1, 1], normalize=True)([a, b])",
    ),
]


@pytest.mark.parametrize("r_code, python", MERGES)
def test_merge_layer(r_code: str, python: str):
    source = "a <- op_ones(c(2, 3))\nb <- op_ones(c(2, 3))\n" + r_code
    assert last_line(source) == python


def test_merge_of_unknown_inputs_goes_through_the_runtime():
    code = body("f <- function(xs, y) layer_add(xs, y)")
    assert "keras.layers.Add()(merge_inputs(xs, y))" in code


def test_a_zero_axis_is_an_error_as_in_r():
    result = translated("m <- layer_concatenate(axis = 0)")
    assert [d.code for d in result.diagnostics] == ["RK103"]


# ---- layers piped onto a Sequential model ----------------------------------------------


def test_layers_stack_into_one_sequential_list():
    code = body(
        """
        model <- keras_model_sequential(input_shape = c(6, 6, 1)) |>
          layer_conv_2d(filters = 2, kernel_size = c(3, 3)) |>
          layer_max_pooling_2d(pool_size = 2) |>
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


# ---- behaviour: translations run, compared with R keras3 1.5.1 -------------------------

# (R program, what R keras3 1.5.1 printed)
PROGRAMS = {
    "merge_layers": (
        """
        a <- op_ones(c(2, 3))
        b <- a * 2
        cc <- layer_concatenate(a, b, axis = 2)
        cat("concat2", dim(cc), sum(as.array(cc)), "\\n")
        cat("concat1", dim(layer_concatenate(list(a, b), axis = 1)), "\\n")
        cat("pipe", dim(a |> layer_concatenate(b)), "\\n")
        cat("add", as.array(layer_add(a, b, a))[1, ], "\\n")
        cat("dot", as.array(layer_dot(a, b, axes = 2)), "\\n")
        dt <- layer_dot(op_ones(c(2, 3, 4)), op_ones(c(2, 3, 5)), axes = c(2, 2))
        cat("dot3", dim(dt), "\\n")
        """,
        "concat2 2 6 18\nconcat1 4 3\npipe 2 6\nadd 4 4 4\ndot 6 6\ndot3 2 4 5",
    ),
    "axes_and_parameters": (
        """
        x <- op_ones(c(2, 3, 4))
        pr <- layer_activation_parametric_relu(shared_axes = 1)
        y <- pr(x)
        ln <- layer_layer_normalization(axis = 2)
        y <- ln(x)
        gn <- layer_group_normalization(groups = 2)
        y <- gn(x)
        bn <- layer_batch_normalization(axis = 2)
        y <- bn(x)
        rms <- layer_rms_normalization(axis = -1)
        y <- rms(x)
        cat("prelu", pr$count_params(), "ln", ln$count_params(), "gn", gn$count_params(),
            "bn", bn$count_params(), "rms", rms$count_params(), "\\n")
        s <- op_ones(c(2, 3)) |> layer_activation_softmax(axis = 1)
        cat("softmax", as.array(s)[, 1], "\\n")
        cl <- layer_conv_lstm_2d(filters = 1, kernel_size = 1, kernel_initializer = "ones",
                                 recurrent_initializer = "ones")
        out <- cl(op_ones(c(1, 2, 1, 1, 1)))
        cat("convlstm", cl$count_params(), round(as.array(out)[1, 1, 1, 1], 5), "\\n")
        """,
        "prelu 3 ln 6 gn 8 bn 12 rms 4\nsoftmax 0.5 0.5\nconvlstm 12 0.66702",
    ),
    "recurrent_and_attention": (
        """
        seq <- op_ones(c(2, 4, 3))
        em <- layer_embedding(input_dim = 100, output_dim = 8, input_length = 10)
        e <- em(op_ones(c(2, 10)))
        cat("embedding", em$count_params(), dim(e), "\\n")
        bi <- bidirectional(layer = layer_lstm(units = 2, return_sequences = TRUE))
        td <- layer_time_distributed(layer = layer_dense(units = 5))
        rn <- layer_rnn(cell = list(rnn_cell_simple(4), rnn_cell_gru(units = 3)))
        out <- seq |> bi() |> td() |> rn()
        cat("wrappers", bi$count_params(), td$count_params(), rn$count_params(), dim(out), "\\n")
        stack <- rnn_cells_stack(rnn_cell_lstm(2), rnn_cell_lstm(3))
        rs <- layer_rnn(cell = stack, return_sequences = TRUE)
        cat("stack", dim(rs(seq)), rs$count_params(), "\\n")
        mha <- layer_multi_head_attention(list(seq, seq), num_heads = 2, key_dim = 2)
        cat("mha", dim(mha), "\\n")
        q <- op_ones(c(2, 1, 3))
        att <- list(q, seq) |> layer_attention()
        cat("attention", dim(att), "\\n")
        """,
        "embedding 800 2 10 8\nwrappers 96 25 121 2 3\nstack 2 4 3 120\nmha 2 4 3\nattention 2 1 3",
    ),
    "preprocessing_and_reshaping": (
        """
        sl <- layer_string_lookup(vocabulary = c("a", "b", "c"), output_mode = "int")
        cat("string", as.array(sl(c("b", "z", "a"))), "\\n")
        il <- layer_integer_lookup(vocabulary = c(10, 20, 30))
        cat("integer", as.array(il(c(20L, 30L, 99L))), "\\n")
        tv <- layer_text_vectorization(max_tokens = 10, output_sequence_length = 4)
        adapt(tv, c("the cat sat", "the dog"))
        cat("tv", as.array(tv(c("the dog sat"))), "\\n")
        ce <- layer_category_encoding(num_tokens = 4, output_mode = "one_hot")
        cat("onehot", as.array(ce(c(2L)))[1, ], "\\n")
        norm <- layer_normalization(axis = 2)
        norm |> adapt(matrix(c(1, 2, 3, 4, 5, 6), 2))
        cat("norm", as.array(norm(matrix(c(2, 4, 6), 1))), "\\n")
        p <- layer_pipeline(list(layer_rescaling(scale = 2),
                                 layer_rescaling(scale = 3, offset = 1)))
        cat("pipeline", as.array(p(op_ones(c(1, 2)))), "\\n")
        r <- op_ones(c(2, 6)) |> layer_reshape(target_shape = c(NA, 2))
        cat("reshape", dim(r), "\\n")
        r <- op_ones(c(2, 6)) |> layer_reshape(c(3, 2))
        cat("reshape2", dim(r), "\\n")
        cr <- op_ones(c(1, 4, 4, 1)) |> layer_cropping_2d(cropping = list(c(1, 0), c(0, 2)))
        cat("crop", dim(cr), "\\n")
        zp <- op_ones(c(1, 2, 2, 1)) |> layer_zero_padding_2d(padding = c(1, 2))
        cat("pad", dim(zp), "\\n")
        pm <- op_ones(c(2, 3, 4)) |> layer_permute(c(2, 1))
        cat("permute", dim(pm), "\\n")
        """,
        "string 2 0 1\ninteger 2 3 0\ntv 2 4 3 0\nonehot 0 0 1 0\nnorm 1 1 1\n"
        "pipeline 7 7\nreshape 2 3 2\nreshape2 2 3 2\ncrop 1 3 2 1\npad 1 4 6 1\n"
        "permute 2 4 3",
    ),
    "keras3_only_layers": (
        """
        img <- op_reshape(op_cast(op_arange(0, 7), "float32"), c(1, 2, 2, 2))
        ac <- layer_auto_contrast(value_range = c(0, 255))
        cat("autocontrast", round(as.array(ac(img))[1, , , 1], 3), "\\n")
        ed <- layer_einsum_dense(equation = "ab,bc->ac", output_shape = 4, bias_axes = "c")
        y <- ed(op_ones(c(2, 3)))
        cat("einsum", ed$count_params(), dim(y), "\\n")
        sn <- layer_spectral_normalization(layer = layer_dense(units = 2))
        y <- sn(op_ones(c(1, 3)))
        cat("spectral", sn$count_params(), "\\n")
        id <- op_ones(c(2, 2)) |> layer_identity()
        cat("identity", dim(id), "\\n")
        fl <- layer_random_flip(mode = "horizontal", seed = 1)
        cat("flip", as.array(fl(img))[1, , , 1], "\\n")
        st <- layer_stft_spectrogram(frame_length = 8, frame_step = 4)
        cat("stft", dim(st(op_ones(c(1, 32, 1)))), "\\n")
        """,
        "autocontrast 0 170 85 255\neinsum 16 2 4\nspectral 10\nidentity 2 2\n"
        "flip 0 4 2 6\nstft 1 7 5",
    ),
}


@pytest.fixture(scope="module")
def program_results() -> dict[str, Result]:
    """Every program translated, then all run in one Python process (TensorFlow once)."""
    sources = {
        name: "library(keras3)\n" + textwrap.dedent(source)
        for name, (source, _) in PROGRAMS.items()
    }
    return run_all(translate_all(sources))


@pytest.mark.parametrize("name", PROGRAMS)
def test_python_prints_what_r_keras3_printed(name: str, program_results):
    printed, error = program_results[name].stdout, program_results[name].error
    assert error is None, error
    same, why = same_values(PROGRAMS[name][1] + "\n", printed)
    assert same, (why, printed)
