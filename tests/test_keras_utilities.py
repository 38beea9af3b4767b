"""R keras's utilities, preprocessing, applications, datasets and the model functions beyond
the core verbs (`registry/keras/{utilities,saving,applications,datasets}.py` and their
runtime helpers in `rkeras2py/runtime/models.py`).

- `(R snippet, expected Python)` pairs: the last line(s) of the translation, imports aside;
- behaviour: translated snippets run under TensorFlow in this process and their values
  are checked against what R keras 2.15 gives (recorded from `/work/oracle/run-r-keras`:
  freeze_weights()'s trainable flags, print() of a history, timeseries windows, ...);
- removed APIs: an RK110 error whose message names the Keras 3 replacement, and the
  `NotImplementedError` marker where R's statement was.
"""

from __future__ import annotations

import ast
import os

import numpy as np
import pytest
from snippets import exec_translation

from rkeras2py.translator import translate

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


# Names the snippets use, defined first (the translator reports undefined names).
PRELUDE = (
    "library(keras)\n"
    "x <- 1\ny <- 1\nlabels <- 1\ns <- 1\nimg <- 1\narr <- 1\np <- 1\ncfg <- 1\n"
    "j <- 'j'\npath <- 'p'\ndir <- 'd'\nds <- keras$utils$PyDataset()\ntok <- 1\n"
    "texts <- 1\nlayer <- 1\nseq <- 1\nCustomLayer <- 1\nmy_layer <- 1\n"
    "gen <- keras$utils$PyDataset()\nmodel <- keras_model_sequential()\n"
)


def last_statements(source: str, count: int, allow=("RK210", "RK211")) -> str:
    """The last `count` statements of the translation of `source`, as `ast.unparse` writes
    them (line wrapping aside); only the diagnostics `allow`ed."""
    result = translate(PRELUDE + source)
    unexpected = [d.format() for d in result.diagnostics if d.code not in allow]
    assert not unexpected, unexpected
    return "\n".join(ast.unparse(node) for node in ast.parse(result.code).body[-count:])


def same_code(source: str, expected: str) -> None:
    wanted = ast.parse(expected).body
    assert last_statements(source, len(wanted)) == "\n".join(ast.unparse(s) for s in wanted)


def codes(source: str) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in translate(PRELUDE + source).diagnostics]


def run(source: str, scope: dict | None = None) -> tuple[dict, str]:
    """Translate `source`, run it; its globals and what it printed."""
    return exec_translation("library(keras)\n" + source, scope)


MODEL = (
    "model <- keras_model_sequential(input_shape = 3) %>% layer_dense(2) %>% "
    "layer_dense(2) %>% layer_dense(2) %>% layer_dense(1)\n"
)

# ---- translation text ------------------------------------------------------------------

TRANSLATIONS = [
    # labels, sequences, normalisation
    ("y <- to_categorical(c(0, 2, 1))", "y = keras.utils.to_categorical([0.0, 2.0, 1.0])"),
    (
        'y <- to_categorical(labels, num_classes = 10, dtype = "int32")',
        'y = keras.utils.to_categorical(labels, num_classes=10).astype("int32")',
    ),
    ("z <- normalize(x, axis = 2, order = 1)", "z = keras.utils.normalize(x, axis=1, order=1)"),
    # Keras 3 mistakes axis 0 for -1 on numpy arrays: TF 2.15's computation in the runtime
    ("z <- normalize(x, axis = 1)", "z = normalize(x, axis=0)"),
    ("z <- normalize(x)", "z = keras.utils.normalize(x)"),
    (
        "p <- pad_sequences(list(c(1, 2), 3), maxlen = 4)",
        "p = keras.utils.pad_sequences([[1.0, 2.0], [3.0]], maxlen=4)",
    ),
    (
        'p <- pad_sequences(s, padding = "post")',
        # a lone number in R's list is a sequence of one, as the R wrapper makes it
        "p = keras.utils.pad_sequences(\n"
        '    [np.atleast_1d(sequence) for sequence in s], padding="post"\n)',
    ),
    # images
    (
        'img <- image_load("cat.png", grayscale = TRUE, target_size = c(28, 28))',
        'img = keras.utils.load_img("cat.png", color_mode="grayscale", target_size=(28, 28))',
    ),
    ('image_array_save(arr, "out.png")', 'keras.utils.save_img("out.png", arr)'),
    ("a <- image_to_array(img)", "a = keras.utils.img_to_array(img)"),
    (
        'ds <- image_dataset_from_directory("d", image_size = c(180, 180), batch_size = 16)',
        'ds = keras.utils.image_dataset_from_directory(\n    "d", batch_size=16, '
        "image_size=(180, 180)\n)",
    ),
    (
        'ds <- image_dataset_from_directory("d", labels = NULL)',
        'ds = keras.utils.image_dataset_from_directory("d", labels=None)',
    ),
    (
        'ds <- text_dataset_from_directory("d", batch_size = 32, seed = 42)',
        'ds = keras.utils.text_dataset_from_directory("d", batch_size=32, seed=42)',
    ),
    (
        "ds <- timeseries_dataset_from_array(x, NULL, sequence_length = 3, start_index = 2,"
        " end_index = -1)",
        "ds = keras.utils.timeseries_dataset_from_array(\n    x, sequence_length=3, "
        "start_index=1, end_index=None, targets=None\n)",
    ),
    # files
    (
        'f <- get_file("a.csv", "http://h/a.csv")',
        'f = keras.utils.get_file("a.csv", "http://h/a.csv")',
    ),
    (
        'f <- get_file("data", "http://h/d.tgz", untar = TRUE)',
        'f = get_file("data", "http://h/d.tgz", untar=True)',
    ),
    # saving and loading
    ('save_model_hdf5(model, "m.h5")', 'model.save("m.h5")'),
    ('save_model_hdf5(model, "m")', 'save_model_hdf5(model, "m")'),
    ('m <- load_model_hdf5("m.h5")', 'm = keras.models.load_model("m.h5")'),
    ("m <- load_model_hdf5(path, compile = FALSE)", "m = load_model_hdf5(path, compile=False)"),
    ('save_model_tf(model, "saved/")', 'save_model_tf(model, "saved/")'),
    ('m <- load_model_tf("saved")', 'm = load_model_tf("saved")'),
    ("m <- load_model_tf(path, compile = FALSE)", "m = load_model_tf(path, compile=False)"),
    ('save_model_weights_hdf5(model, "w.weights.h5")', 'model.save_weights("w.weights.h5")'),
    ('save_model_weights_hdf5(model, "w.h5")', 'save_model_weights_hdf5(model, "w.h5")'),
    ('save_model_weights_tf(model, "ck/w")', 'model.save_weights("ck/w.weights.h5")'),
    ('model %>% load_model_weights_tf("ck/w")', 'model.load_weights("ck/w.weights.h5")'),
    ("b <- serialize_model(model)", "b = serialize_model(model)"),
    ("j <- model_to_json(model)", "j = model.to_json()"),
    (
        "m <- model_from_json(j, custom_objects = list(CustomLayer))",
        "m = keras.models.model_from_json(\n    j, custom_objects={item.__name__: item for "
        "item in [CustomLayer]}\n)",
    ),
    ("cfg <- get_config(model)", "cfg = model.get_config()"),
    ("m <- from_config(cfg)", "m = from_config(cfg)"),
    ("m <- clone_model(model)", "m = keras.models.clone_model(model)"),
    # freezing
    (MODEL + "freeze_weights(model, from = 2, to = -1)", "freeze_weights(model, from_=2, to=-1)"),
    (MODEL + 'unfreeze_weights(model, from = "dense")', 'unfreeze_weights(model, from_="dense")'),
    # removed verbs and their replacements
    ("cl <- predict_classes(model, x)", "cl = predict_classes(model, x)"),
    ("p <- predict_proba(model, x)", "p = model.predict(x, verbose=0)"),
    (
        "gen <- function() list(x, y)\nmodel %>% fit_generator(gen, steps_per_epoch = 5, "
        "epochs = 2, workers = 4)",
        "model.fit(as_generator(gen), steps_per_epoch=5, epochs=2)",
    ),
    (
        "s <- evaluate_generator(model, ds, steps = 2)",
        "s = evaluate(model, ds, steps=2)",
    ),
    (
        MODEL + "p <- predict_generator(model, tensor_slices_dataset(x), steps = 2)",
        "p = model.predict(tf.data.Dataset.from_tensor_slices(x), steps=2, verbose=0)",
    ),
    ("layer <- layer_lstm(units = 2, stateful = TRUE)\nreset_states(layer)", "layer.reset_state()"),
    (MODEL + "reset_states(model)", "reset_states(model)"),
    (MODEL + "export_savedmodel(model, 'exported')", 'model.export("exported")'),
    # the training history's methods
    (MODEL + "h <- fit(model, x, y)\nprint(h)", "print(format_history(h))"),
    (MODEL + "h <- fit(model, x, y)\nplot(h)", "plot_history(h)"),
    (MODEL + "h <- fit(model, x, y)\nd <- as.data.frame(h)", "d = history_data_frame(h)"),
    (MODEL + "plot(model)", "keras.utils.plot_model(model, show_layer_names=True, dpi=96)"),
    # applications
    (
        "m <- application_vgg16(weights = NULL, include_top = FALSE, input_shape = c(32, 32, 3))",
        "m = keras.applications.VGG16(\n    include_top=False, input_shape=(32, 32, 3), "
        "weights=None\n)",
    ),
    (
        "m <- application_mobilenet(alpha = 0.5, depth_multiplier = 1, classes = 10, "
        "weights = NULL)",
        "m = keras.applications.MobileNet(\n    alpha=0.5, depth_multiplier=1, classes=10, "
        "weights=None\n)",
    ),
    ("m <- application_nasnetmobile()", "m = keras.applications.NASNetMobile(weights=None)"),
    (
        "m <- application_densenet(c(6, 12, 32, 32))",
        "m = keras.applications.DenseNet169()",
    ),
    ("x <- resnet_preprocess_input(x)", "x = keras.applications.resnet.preprocess_input(x)"),
    (
        'x <- imagenet_preprocess_input(x, mode = "tf")',
        "x = keras.applications.imagenet_utils.preprocess_input(x)",
    ),
    ("d <- imagenet_decode_predictions(p, top = 3)", "d = imagenet_decode_predictions(p, top=3)"),
    # datasets: unpacked as Python's tuples, kept as R's nested named list
    (
        "c(c(x_train, y_train), c(x_test, y_test)) %<-% dataset_mnist()",
        "(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()",
    ),
    (
        "mnist <- dataset_mnist()\nx <- mnist$train$x",
        'mnist = as_dataset_list(keras.datasets.mnist.load_data())\nx = mnist["train"]["x"]',
    ),
    (
        "c(c(x, y), c(xt, yt)) %<-% dataset_imdb(num_words = 10000)",
        "(x, y), (xt, yt) = keras.datasets.imdb.load_data(num_words=10000)",
    ),
    ("w <- dataset_imdb_word_index()", "w = keras.datasets.imdb.get_word_index()"),
    # reticulate helpers and set-up
    ("nx <- generator_next(gen)", "nx = next(gen, None)"),
    ("k <- implementation()", "k = keras"),
    ("ok <- is_keras_available()", "ok = True"),
]


@pytest.mark.parametrize(("source", "expected"), TRANSLATIONS)
def test_translation(source: str, expected: str) -> None:
    same_code(source, expected)


def test_set_up_calls_are_dropped_with_a_note() -> None:
    result = translate("library(keras)\ninstall_keras()\nuse_backend('tensorflow')\nx <- 1\n")
    assert [d.code for d in result.diagnostics] == ["RK211", "RK211"]
    assert "install_keras" not in result.code and "x = 1" in result.code


def test_with_custom_object_scope_is_a_with_statement() -> None:
    source = (
        "with_custom_object_scope(list(MyLayer = my_layer), {\n  m <- load_model_hdf5('m.h5')\n})"
    )
    same_code(
        source,
        'with keras.utils.custom_object_scope({"MyLayer": my_layer}):\n'
        '    m = keras.models.load_model("m.h5")',
    )


# ---- text_tokenizer(): Keras 2's Tokenizer, kept by the runtime ------------------------

TOKENIZER = [
    ("tok <- text_tokenizer(num_words = 100)", "tok = Tokenizer(num_words=100)"),
    (
        "tok <- text_tokenizer() %>% fit_text_tokenizer(texts)",
        "tok = Tokenizer().fit_on_texts(texts)",
    ),
    ("fit_text_tokenizer(tok, 'one text')", 'tok.fit_on_texts(["one text"])'),
    ("fit_text_tokenizer(tok, list(c(1L, 2L)))", "tok.fit_on_sequences([np.array([1, 2])])"),
    ("s <- texts_to_sequences(tok, texts)", "s = tok.texts_to_sequences(texts)"),
    (
        "m <- texts_to_matrix(tok, texts, mode = 'count')",
        'm = tok.texts_to_matrix(texts, mode="count")',
    ),
    ("i <- tok$word_index$cat", 'i = tok.word_index["cat"]'),
    ("save_text_tokenizer(tok, 'f')", 'pathlib.Path("f").write_bytes(pickle.dumps(tok))'),
    ("t <- load_text_tokenizer('f')", 't = pickle.loads(pathlib.Path("f").read_bytes())'),
]


@pytest.mark.parametrize(("source", "python"), TOKENIZER)
def test_text_tokenizer_is_the_runtime_tokenizer(source: str, python: str) -> None:
    prelude = "tok <- text_tokenizer()\ntexts <- c('a b', 'b c')\n"
    result = translate(PRELUDE + prelude + source + "\n")
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    assert python in result.code


def test_texts_to_matrix_without_mode_fails_as_in_r_keras() -> None:
    """R keras 2.15 hands Keras all four modes when `mode` is left out, which Keras refuses."""
    result = translate(PRELUDE + "tok <- text_tokenizer()\nm <- texts_to_matrix(tok, 'a')\n")
    assert [d.code for d in result.diagnostics] == ["RK103"]


# ---- removed APIs name their replacement -----------------------------------------------

REMOVED = [
    ("h <- text_one_hot('a b', 10)", "keras.layers.Hashing"),
    ("g <- image_data_generator(rescale = 1/255)", "image_dataset_from_directory"),
    ("it <- flow_images_from_directory('d', g)", "layer_random_flip"),
    ("g <- timeseries_generator(x, y, length = 3)", "keras.utils.timeseries_dataset_from_array"),
    ("s <- skipgrams(seq, 10)", "tf_keras"),
    ("t <- make_sampling_table(10)", "numpy"),
    ("y <- model_to_yaml(model)", "model_to_json"),
    ("m <- multi_gpu_model(model, gpus = 2)", "tf.distribute.MirroredStrategy"),
    ("i <- get_input_at(layer, 1)", "layer.input"),
    ("m <- application_nasnet()", "keras.applications.NASNetLarge"),
    ("m <- application_densenet(c(1, 2, 3, 4))", "DenseNet121"),
    ("m <- hdf5_matrix('d.h5', 'x')", "h5py"),
]


@pytest.mark.parametrize(("source", "replacement"), REMOVED)
def test_removed_api_names_its_replacement(source: str, replacement: str) -> None:
    diagnostics = [(code, message) for code, message in codes(source) if code != "RK210"]
    assert [code for code, _ in diagnostics] == ["RK110"], diagnostics
    assert replacement in diagnostics[0][1]
    assert "raise NotImplementedError" in translate(PRELUDE + source).code


def test_arguments_keras_3_no_longer_takes() -> None:
    for source in (
        "load_model_weights_hdf5(model, 'w.h5', by_name = TRUE)",
        "save_model_tf(model, 'd', signatures = x)",
    ):
        assert "RK111" in [code for code, _ in codes(source)], source


def test_replaced_verbs_warn_with_the_replacement() -> None:
    messages = dict(codes("gen <- function() list(1, 2)\nfit_generator(model, gen, 2)"))
    assert "fit() takes the generator" in messages["RK210"]
    messages = dict(codes("cl <- predict_classes(model, x)"))
    assert "np.argmax(model.predict(x), axis=-1)" in messages["RK210"]


# ---- behaviour: translations run under TensorFlow ---------------------------------------


def test_labels_sequences_and_normalize_compute_what_r_computes() -> None:
    scope, _ = run(
        "a <- to_categorical(c(0, 2, 1))\n"
        'b <- to_categorical(c(1, 2), num_classes = 4, dtype = "int32")\n'
        "n1 <- normalize(matrix(c(3, 4, 6, 8), 2), axis = 1)\n"
        "n2 <- normalize(matrix(c(3, 4, 6, 8), 2))\n"
        "p1 <- pad_sequences(list(c(1, 2, 3), 4, c(5, 6)), maxlen = 2)\n"
        "p2 <- pad_sequences(list(c(1, 2, 3), 4, c(5, 6)), padding = 'post', "
        "truncating = 'post', value = 9)\n"
    )
    # R keras 2.15 printed these (oracle)
    np.testing.assert_array_equal(scope["a"], [[1, 0, 0], [0, 0, 1], [0, 1, 0]])
    assert scope["b"].dtype == np.int32
    np.testing.assert_array_equal(scope["b"], [[0, 1, 0, 0], [0, 0, 1, 0]])
    np.testing.assert_allclose(scope["n1"], [[0.6, 0.6], [0.8, 0.8]])
    np.testing.assert_allclose(scope["n2"], [[0.4472136, 0.8944272]] * 2, rtol=1e-6)
    np.testing.assert_array_equal(scope["p1"], [[2, 3], [0, 4], [5, 6]])
    np.testing.assert_array_equal(scope["p2"], [[1, 2, 3], [4, 9, 9], [5, 6, 9]])


# R keras 2.15: `cat(model$trainable, sapply(model$layers, function(l) l$trainable))` after
# each call, on a fresh model of 4 dense layers.
FREEZE_CASES = [
    ("freeze_weights(model)", [False, False, False, False, False]),
    ("freeze_weights(model, from = 2, to = 3)", [True, True, False, False, True]),
    ("freeze_weights(model, from = 2)", [True, True, False, False, False]),
    ("freeze_weights(model, to = -2)", [True, False, False, False, True]),
    ("freeze_weights(model, from = -2, to = -1)", [True, True, True, False, False]),
    ("freeze_weights(model, which = c(1, 4))", [True, False, True, True, False]),
    ("freeze_weights(model)\nunfreeze_weights(model, from = 3)", [True, False, False, True, True]),
    (
        "nm <- model$layers[[3]]$name\nfreeze_weights(model, from = nm)",
        [True, True, True, False, False],
    ),
]


def test_freeze_weights_flips_the_layers_outside_the_range_as_r_does() -> None:
    source = ""
    for position, (call, _) in enumerate(FREEZE_CASES):
        source += MODEL + call + "\n"
        layers = ", ".join(f"model$layers[[{i}]]$trainable" for i in range(1, 5))
        source += f"flags{position} <- c(model$trainable, {layers})\n"
    scope, _ = run(source)
    found = [list(map(bool, scope[f"flags{i}"])) for i in range(len(FREEZE_CASES))]
    assert found == [expected for _, expected in FREEZE_CASES]


def test_freeze_weights_counts_a_functional_models_input_layer() -> None:
    # R: a functional model's layers include its InputLayer (3 layers here)
    scope, _ = run(
        "inp <- layer_input(shape = 3)\n"
        "out <- inp %>% layer_dense(2) %>% layer_dense(1)\n"
        "f <- keras_model(inp, out)\nfreeze_weights(f, from = 2)\n"
        "flags <- c(f$trainable, f$layers[[1]]$trainable, f$layers[[2]]$trainable, "
        "f$layers[[3]]$trainable)\n"
    )
    assert list(map(bool, scope["flags"])) == [True, True, False, False]


def test_runtime_save_model_tf_keeps_rs_directory(tmp_path) -> None:
    from tensorflow import keras

    from rkeras2py.runtime import load_model_tf, save_model_tf

    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    directory = tmp_path / "saved"
    assert save_model_tf(model, str(directory)) is True
    assert directory.is_dir()
    assert load_model_tf(str(directory)).count_params() == model.count_params()
    with pytest.raises(FileExistsError, match="overwrite = TRUE"):
        save_model_tf(model, str(directory), overwrite=False)
    exported = tmp_path / "exported"
    exported.mkdir()
    (exported / "saved_model.pb").write_bytes(b"")
    with pytest.raises(ValueError, match="TFSMLayer"):
        load_model_tf(str(exported))


@pytest.mark.parametrize("loss", ["mse", "mae", "mape", "msle", "kld"])
def test_runtime_load_model_hdf5_reads_a_short_loss_name(tmp_path, loss) -> None:
    """Keras 3 refuses a loss saved in HDF5 under its short name; R keras 2.15 reads it."""
    from tensorflow import keras

    from rkeras2py.runtime import load_model_hdf5, save_model_hdf5

    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss=loss)
    x, y = np.ones((4, 3)), np.full((4, 1), 0.5)
    path = str(tmp_path / "m.h5")
    save_model_hdf5(model, path)
    restored = load_model_hdf5(path)
    np.testing.assert_allclose(restored.evaluate(x, y, verbose=0), model.evaluate(x, y, verbose=0))


def test_saved_models_and_weights_round_trip(tmp_path) -> None:
    source = (
        MODEL
        + "x <- matrix(c(1, 2, 3, 4, 5, 6), 2)\np <- predict(model, x)\n"
        + "save_model_hdf5(model, 'm.h5')\nq1 <- predict(load_model_hdf5('m.h5'), x)\n"
        + "save_model_hdf5(model, 'm_noext')\nq2 <- predict(load_model_hdf5('m_noext'), x)\n"
        + "save_model_tf(model, 'saved')\nq3 <- predict(load_model_tf('saved'), x)\n"
        + "b <- serialize_model(model)\nq4 <- predict(unserialize_model(b), x)\n"
        + "m5 <- model_from_json(model_to_json(model))\n"
        + "m6 <- from_config(get_config(model))\n"
        + MODEL.replace("model <-", "other <-")
        + "save_model_weights_hdf5(model, 'w.h5')\n"
        + "other %>% load_model_weights_hdf5('w.h5')\nq5 <- predict(other, x)\n"
        + "save_model_weights_tf(model, 'ck')\nload_model_weights_tf(m5, 'ck')\n"
        + "q6 <- predict(m5, x)\n"
    )
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        scope, _ = run(source)
    finally:
        os.chdir(cwd)
    for name in ("q1", "q2", "q3", "q4", "q5", "q6"):
        np.testing.assert_allclose(scope[name], scope["p"], rtol=1e-6, err_msg=name)
    assert isinstance(scope["b"], bytes) and len(scope["b"]) > 1000
    assert (tmp_path / "m_noext").exists()
    assert (tmp_path / "saved").is_dir()  # R's save_model_tf() writes a directory
    assert type(scope["m6"]).__name__ == "Sequential" and len(scope["m6"].layers) == 4


def test_generators_predictions_and_states() -> None:
    scope, _ = run(
        "tensorflow::set_random_seed(1)\n"
        "x <- matrix(runif(40), 20)\ny <- matrix(runif(20), 20)\n"
        "model <- keras_model_sequential(input_shape = 2) %>% layer_dense(3, activation = "
        "'softmax')\n"
        "model %>% compile(loss = 'mse', optimizer = 'sgd')\n"
        "gen <- function() list(x, y)\n"
        "h <- model %>% fit_generator(gen, steps_per_epoch = 2, epochs = 2, verbose = 0)\n"
        "s <- evaluate_generator(model, gen, steps = 1)\n"
        "p <- predict_generator(model, gen, steps = 1)\n"
        "cl <- predict_classes(model, x)\n"
        "pr <- predict_proba(model, x)\n"
        "binary <- keras_model_sequential(input_shape = 2) %>% layer_dense(1, activation = "
        "'sigmoid')\n"
        "cb <- predict_classes(binary, x)\n"
        "rnn <- keras_model_sequential(batch_input_shape = c(1, 2, 1)) %>%\n"
        "  layer_lstm(2, stateful = TRUE)\n"
        "o <- predict(rnn, array(1, c(1, 2, 1)))\nreset_states(rnn)\n"
    )
    assert len(scope["h"].history["loss"]) == 2
    assert list(scope["s"]) == ["loss"]
    assert scope["p"].shape == (20, 3)
    np.testing.assert_array_equal(scope["cl"], np.argmax(scope["pr"], axis=-1))
    assert set(np.unique(scope["cb"])) <= {0, 1} and scope["cb"].shape == (20, 1)
    state = scope["rnn"].layers[-1].states[0]
    assert np.all(np.asarray(state) == 0)


class _History:
    """A Keras History as R's `keras_training_history(params, metrics)` builds one."""

    def __init__(self, epochs: int, metrics: dict) -> None:
        self.params, self.history = {"epochs": epochs}, metrics


def test_history_print_and_data_frame_match_r() -> None:
    from rkeras2py.runtime import format_history, history_data_frame

    history = _History(
        3,
        {
            "loss": [0.5, 0.25, 12345.678],
            "accuracy": [0.1, 0.2, 0.98765],
            "val_loss": [1, 2, 0.000012345],
            "val_accuracy": [0.3, 0.4, 1],
        },
    )
    # what R keras 2.15's print() wrote for the same history (cat() ends it with " \n")
    assert format_history(history) + "\n" == (
        "\nFinal epoch (plot to see history):\n"
        "        loss: 12,346\n"
        "    accuracy: 0.9877\n"
        "    val_loss: 0.00001234\n"
        "val_accuracy: 1 \n"
    )
    short = _History(5, {"loss": [0.5, 0.25], "mae": [3, 2]})
    assert format_history(short) == "\nFinal epoch (plot to see history):\nloss: 0.25\n mae: 2 "
    frame = history_data_frame(short)
    assert frame["epoch"] == [1, 2, 3, 4, 5] * 2
    assert frame["metric"] == ["loss"] * 5 + ["mae"] * 5
    assert frame["data"] == ["training"] * 10
    assert frame["value"][:2] == [0.5, 0.25] and np.isnan(frame["value"][2])


def test_plot_history_draws_one_panel_per_metric() -> None:
    import matplotlib

    matplotlib.use("Agg")
    from rkeras2py.runtime import plot_history

    history = _History(2, {"loss": [2, 1], "mae": [3, 2], "val_loss": [3, 2], "val_mae": [4, 3]})
    figure = plot_history(history)
    assert [axis.get_ylabel() for axis in figure.axes] == ["loss", "mae"]
    assert [len(axis.lines) for axis in figure.axes] == [2, 2]


def test_timeseries_windows_are_1_based_and_inclusive() -> None:
    scope, _ = run(
        "x <- matrix(1:20, 10)\n"
        "ds <- timeseries_dataset_from_array(x, NULL, sequence_length = 3, start_index = 2, "
        "end_index = 8, batch_size = 100)\n"
    )
    batch = next(iter(scope["ds"])).numpy()
    # R keras 2.15: the windows start at x[2, ] and the last one ends at x[8, ]
    np.testing.assert_array_equal(
        batch[:, :, 0], [[2, 3, 4], [3, 4, 5], [4, 5, 6], [5, 6, 7], [6, 7, 8]]
    )


def test_datasets_unpack_as_tuples_and_keep_r_names(monkeypatch) -> None:
    from tensorflow import keras

    fake = ((np.zeros((3, 2, 2)), np.arange(3)), (np.ones((1, 2, 2)), np.arange(1)))
    monkeypatch.setattr(keras.datasets.mnist, "load_data", lambda *a, **k: fake)
    scope, _ = run(
        "c(c(x_train, y_train), c(x_test, y_test)) %<-% dataset_mnist()\n"
        "mnist <- dataset_mnist()\nx <- mnist$train$x\nyt <- mnist$test$y\n"
        "n <- names(mnist)\n"
    )
    assert scope["x_train"].shape == (3, 2, 2) and list(scope["y_test"]) == [0]
    assert scope["x"].shape == (3, 2, 2) and list(scope["yt"]) == [0]
    assert scope["n"] == ["train", "test"]


def test_applications_build_with_r_arguments(monkeypatch) -> None:
    from tensorflow import keras

    def decode(preds, top=5):  # the ImageNet class index is downloaded: not here
        return [[("n1", "cat", 0.5), ("n2", "dog", 0.25)][:top] for _ in preds]

    monkeypatch.setattr(keras.applications.imagenet_utils, "decode_predictions", decode)
    scope, _ = run(
        "m <- application_mobilenet(input_shape = c(32, 32, 3), alpha = 0.25, weights = NULL,"
        " classes = 3)\n"
        "d <- imagenet_decode_predictions(array(runif(2000), c(2, 1000)), top = 2)\n",
    )
    assert scope["m"].output.shape == (None, 3)
    assert scope["d"][1] == {
        "class_name": ["n1", "n2"],
        "class_description": ["cat", "dog"],
        "score": [0.5, 0.25],
    }


def test_images_load_save_and_resize(tmp_path) -> None:
    path = str(tmp_path / "img.png")
    scope, _ = run(
        "arr <- array(runif(4 * 6 * 3) * 255, c(4, 6, 3))\n"
        f"image_array_save(arr, '{path}')\n"
        f"img <- image_load('{path}', grayscale = TRUE, target_size = c(2, 3))\n"
        "a <- image_to_array(img)\n"
        "r <- image_array_resize(arr, 8, 12)\n"
    )
    assert scope["a"].shape == (2, 3, 1)
    assert scope["r"].shape == (8, 12, 3)


def test_get_file_extracts_next_to_the_archive_as_tensorflow_2_15_did(tmp_path) -> None:
    import tarfile

    from rkeras2py.runtime import get_file

    source = tmp_path / "src" / "aclImdb"
    source.mkdir(parents=True)
    (source / "a.txt").write_text("x")
    archive = tmp_path / "aclImdb_v1.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(source, arcname="aclImdb")
    cache = tmp_path / "cache"
    cache.mkdir()  # get_file() writes to ~/.keras (or /tmp/.keras) when it cannot write there
    path = get_file(
        "aclImdb_v1", archive.as_uri(), untar=True, cache_dir=str(cache), cache_subdir=""
    )
    # R code then reads file.path(dirname(path), "aclImdb")
    assert path == str(cache / "aclImdb_v1")
    assert (cache / "aclImdb" / "a.txt").read_text() == "x"


def test_runtime_tokenizer_takes_sequences_of_one_number_as_r_gives_them() -> None:
    from rkeras2py.runtime import Tokenizer

    tokenizer = Tokenizer(num_words=4).fit_on_sequences([np.array([1, 2]), 3])
    assert tokenizer.document_count == 2 and tokenizer.index_docs == {1: 1, 2: 1, 3: 1}
    matrix = tokenizer.sequences_to_matrix([np.array([1, 1]), 3], mode="count")
    assert matrix.tolist() == [[0, 2, 0, 0], [0, 0, 0, 1]]


def test_a_saved_tokenizer_loads_back(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    scope, _ = exec_translation(
        "library(keras)\ntok <- text_tokenizer() %>% fit_text_tokenizer(c('b a', 'b'))\n"
        "save_text_tokenizer(tok, 'tok')\nback <- load_text_tokenizer('tok')\n"
        "i <- back$word_index$b\n"
    )
    assert scope["i"] == 1 and scope["back"].document_count == 2


def test_fitting_a_tokenizer_on_a_value_of_unknown_kind_says_it_takes_texts() -> None:
    """R decides at run time (a list is sequences): where the kind is not known, say so."""
    result = translate(
        PRELUDE + "tok <- text_tokenizer()\ng <- function(d) fit_text_tokenizer(tok, d)\n"
    )
    assert "tok.fit_on_texts(d)" in result.code
    assert [d.code for d in result.diagnostics] == ["RK201"]
