"""keras3's models and utilities (registry/keras3/models.py, utilities.py): what each call
becomes, and that the Python computes what R keras3 1.5.1 computes.

- translations: `(R, Python)` pairs for building (a `|>` stack is one `keras.Sequential`,
  `keras_input()` + `keras_model()`), the verbs (`fit()` trains 1 epoch and shifts
  `initial_epoch`, `evaluate()` asks for a dict), saving, and the utilities;
- behaviour: R programs translated and run in one Python process, their printed values
  compared with what R keras3 1.5.1 + TensorFlow 2.21 printed (`/work/oracle3/run-r-keras3`,
  recorded below).
"""

# ruff: noqa: E501  (R programs and the values R printed are kept as recorded)

from __future__ import annotations

import textwrap

import pytest
from outputs import same_values
from snippets import Result, run_all, translate_all

from rkeras2py import translate

PREAMBLE = """\
library(keras3)
x <- matrix(seq(0.1, 4, by = 0.1), 10, 4)
y <- matrix(seq(1, 10) / 10, 10, 1)
model <- keras_model_sequential(input_shape = 4, layers = list(layer_dense(units = 1)))
"""
_PREAMBLE_END = "keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(units=1)])\n"


def body(source: str) -> str:
    """The translation of `source` after the preamble (its data and Sequential model)."""
    result = translate(PREAMBLE + textwrap.dedent(source).strip() + "\n")
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    return result.code.split(_PREAMBLE_END, 1)[1].strip()


# ---- building models ---------------------------------------------------------------------


def test_a_piped_stack_is_one_sequential() -> None:
    code = body("m <- keras_model_sequential(input_shape = 4) |> layer_dense(8) |> layer_dense(1)")
    assert _flat(code) == (
        "m = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(8), keras.layers.Dense(1)])"
    )


def test_magrittr_pipe_stacks_too() -> None:
    code = body("m <- keras_model_sequential(input_shape = c(28, 28)) %>% layer_flatten()")
    assert _flat(code) == (
        "m = keras.Sequential([keras.Input(shape=(28, 28)), keras.layers.Flatten()])"
    )


TRANSLATIONS = [
    # the input shape comes first in keras3 (keras 2.x: layers), and input_* build the Input
    (
        'keras_model_sequential(input_shape = c(28, 28), name = "m")',
        'keras.Sequential([keras.Input(shape=(28, 28))], name="m")',
    ),
    (
        'keras_model_sequential(10, input_batch_size = 32, input_dtype = "int32", trainable = FALSE)',
        'keras.Sequential([keras.Input(shape=(10,), batch_size=32, dtype="int32")], trainable=False)',
    ),
    ("keras_model_sequential()", "keras.Sequential()"),
    (
        "keras_model_sequential(input_shape = c(NA, 3), layers = list(layer_dense(units = 2)))",
        "keras.Sequential([keras.Input(shape=(None, 3)), keras.layers.Dense(units=2)])",
    ),
    # functional models
    # fit: Python's 1 epoch (keras 2.x wrote epochs=10), initial_epoch 1-based
    ("fit(model, x, y)", "model.fit(x, y)"),
    (
        "fit(model, x, y, initial_epoch = 2, epochs = 3)",
        "model.fit(x, y, epochs=3, initial_epoch=1)",
    ),
    (
        "fit(model, x, y, epochs = 5, batch_size = 2, validation_data = list(x, y), view_metrics = FALSE, verbose = 0)",
        "model.fit(x, y, batch_size=2, epochs=5, validation_data=(x, y), verbose=0)",
    ),
    (
        "e <- 3\nfit(model, x, y, initial_epoch = e)",
        "model.fit(x, y, initial_epoch=as_py_index(e))",
    ),
    # evaluate: R's named list is Python's dict, in Python's order
    ("keras_input(shape = c(4))", "keras.Input(shape=(4,))"),
    ('keras_input(c(NA, 3), name = "x")', 'keras.Input((None, 3), name="x")'),
    ("layer_input(shape = 4, batch_size = 8)", "keras.Input(shape=(4,), batch_size=8)"),
    ("i <- keras_input(4)\nkeras_model(list(i), list(i))", "keras.Model(i, i)"),
    ("evaluate(model, x, y, verbose = 0)", "model.evaluate(x, y, verbose=0, return_dict=True)"),
    ("predict(model, x, batch_size = 5)", "model.predict(x, batch_size=5)"),
    ("predict_on_batch(model, x)", "model.predict_on_batch(x)"),
    ("train_on_batch(model, x, y)", "train_on_batch(model, x, y)"),
    ("test_on_batch(model, x, y)", "test_on_batch(model, x, y)"),
    # inspecting
    ("get_layer(model, index = 1)", "model.get_layer(index=0)"),
    ("count_params(model)", "model.count_params()"),
    ("pop_layer(model)", "model.pop()"),
    ('get_state_tree(model, "r_array")', 'model.get_state_tree("numpy_array")'),
    ("summary(model)", "model.summary()"),
    ("format(model)", "format_model(model)"),
    ("plot(model, show_shapes = TRUE)", "keras.utils.plot_model(model, show_shapes=True)"),
    # saving (under `from tensorflow import keras` there is no keras.saving)
    ('load_model("m.keras", compile = FALSE)', 'keras.models.load_model("m.keras", compile=False)'),
    ("save_model(model)", "serialize_model(model)"),
    (
        'load_model_config("m.json")',
        'keras.models.model_from_json(pathlib.Path("m.json").read_text())',
    ),
    # keras3's own helpers
    ("shape(3, NA, 4)", "(3, None, 4)"),
    ("shape(c(2, 3), 4)", "(2, 3, 4)"),
    ("i <- keras_input(4)\nshape(i)", "tuple(keras.ops.shape(i))"),
    ("named_list(x, b = 2)", '{"x": x, "b": 2.0}'),
    (
        'keras_variable(initializer = "zeros", shape = c(2, 3))',
        'keras.Variable(initializer="zeros", shape=(2, 3))',
    ),
    (
        "split_dataset(x, left_size = 0.8, seed = 1)",
        "keras.utils.split_dataset(x, left_size=0.8, seed=1)",
    ),
    ("keras3::array_reshape(x, c(5, 8))", "np.reshape(x, (5, 8))"),
    # utilities
    (
        "application_resnet50(weights = NULL, include_top = FALSE, input_shape = c(32, 32, 3))",
        "keras.applications.ResNet50(include_top=False, input_shape=(32, 32, 3), weights=None)",
    ),
    (
        "application_convnext_tiny(classes = 10, weights = NULL)",
        "keras.applications.ConvNeXtTiny(classes=10, weights=None)",
    ),
    ("application_preprocess_inputs(model, x)", "application_preprocess_inputs(model, x)"),
    (
        'imagenet_preprocess_input(x, mode = "tf")',
        'keras.applications.imagenet_utils.preprocess_input(x, mode="tf")',
    ),
    (
        "to_categorical(c(0, 1, 2), num_classes = 3)",
        "keras.utils.to_categorical([0, 1, 2], num_classes=3)",
    ),
    ("normalize(x, axis = 2)", "keras.utils.normalize(x, axis=1)"),
    (
        "pad_sequences(list(c(1, 2), c(3)), maxlen = 4)",
        "keras.utils.pad_sequences([[1.0, 2.0], [3.0]], maxlen=4)",
    ),
    # keras3's start/end are 0-based ints (keras 2.x shifted them)
    (
        "timeseries_dataset_from_array(x, NULL, sequence_length = 3, start_index = 2, end_index = 8)",
        "keras.utils.timeseries_dataset_from_array(x, sequence_length=3, start_index=2, end_index=8, targets=None)",
    ),
    (
        'image_to_array(image_load("a.png", target_size = c(8, 8)))',
        'keras.utils.img_to_array(keras.utils.load_img("a.png", target_size=(8, 8)), dtype="float64")',
    ),
    (
        "h <- dataset_california_housing()",
        "h = as_dataset_list(keras.datasets.california_housing.load_data())",
    ),
]


def _flat(code: str) -> str:
    """Code on one line, as the formatter's line breaks and magic trailing commas aside."""
    text = " ".join(code.split())
    for wrapped, plain in (
        ("( ", "("),
        ("[ ", "["),
        (", )", ")"),
        (", ]", "]"),
        (" )", ")"),
        (" ]", "]"),
    ):
        text = text.replace(wrapped, plain)
    return text


@pytest.mark.parametrize(("source", "expected"), TRANSLATIONS)
def test_translation(source: str, expected: str) -> None:
    """The last line's translation (assigned to `z` unless it assigns itself)."""
    *head, line = source.splitlines()
    if "<-" not in line:
        line, expected = f"z <- {line}", f"z = {expected}"
    assert _flat(body("\n".join([*head, line]))).endswith(_flat(expected))


# verbs that change the model and hand it back invisibly: statements of their own
STATEMENTS = [
    # compile: only what is given; metrics on by keyword (Python's third is loss_weights)
    (
        'compile(model, optimizer = "adam", loss = "mse", metrics = c("mae", "mse"))',
        'model.compile(optimizer="adam", loss="mse", metrics=["mae", "mse"])',
    ),
    ('compile(model, "adam", "mse", "mae")', 'model.compile("adam", "mse", metrics=["mae"])'),
    (
        'compile(model, loss = "mse", loss_weights = 1, steps_per_execution = 2)',
        'model.compile(loss="mse", loss_weights=[1.0], steps_per_execution=2)',
    ),
    ('save_model(model, "m.keras")', 'model.save("m.keras")'),
    ('save_model_weights(model, "m.weights.h5")', 'model.save_weights("m.weights.h5")'),
    ('load_model_weights(model, "m.weights.h5")', 'model.load_weights("m.weights.h5")'),
    ('save_model_config(model, "m.json")', 'pathlib.Path("m.json").write_text(model.to_json())'),
    ('export_savedmodel(model, "exported")', 'model.export("exported")'),
]


@pytest.mark.parametrize(("source", "expected"), STATEMENTS)
def test_statement(source: str, expected: str) -> None:
    assert _flat(body(source)).endswith(_flat(expected))


def test_fit_keeps_r_keras2_defaults_out() -> None:
    """keras 2.x writes `epochs=10`; keras3's default is Python's."""
    assert "epochs" not in body("h <- model |> fit(x, y)")


def test_history_metrics_is_the_history_dict() -> None:
    code = body("h <- fit(model, x, y, epochs = 2)\nh$metrics$loss")
    assert code.endswith('print(h.history["loss"])')


def test_zero_initial_epoch_stays_zero() -> None:
    """keras3's as_index() shifts positives only."""
    assert body("fit(model, x, y, initial_epoch = 0)").endswith("initial_epoch=0)")


def test_tfruns_flags_are_refused() -> None:
    result = translate(PREAMBLE + "FLAGS <- flags(flag_numeric('dropout', 0.4))\n")
    assert result.has_errors
    assert "tfruns" in " ".join(d.format() for d in result.diagnostics)


def test_setup_calls_are_dropped() -> None:
    code = body('use_backend("tensorflow")\npy_require("scipy")\nz <- 1')
    assert code == "z = 1"


# ---- behaviour: the translations run, compared with R keras3 ------------------------------

BEHAVIOUR_PREAMBLE = """\
x <- matrix(seq(0.1, 4, by = 0.1), 10, 4)
y <- matrix(seq(1, 10) / 10, 10, 1)
"""

# name: (R program, what R keras3 1.5.1 printed)
BEHAVIOUR = {
    "parameters": (
        """
        model <- keras_model_sequential(input_shape = 4, layers = list(layer_dense(units = 8), layer_dense(units = 1)))
        cat(count_params(model), "\\n")
        inputs <- keras_input(shape = 4)
        outputs <- inputs |> layer_dense(units = 3) |> layer_dense(units = 2)
        fmodel <- keras_model(inputs, outputs)
        cat(count_params(fmodel), length(fmodel$layers), "\\n")
        """,
        "49\n23 3\n",
    ),
    "training": (
        """
        model <- keras_model_sequential(input_shape = 4, layers = list(layer_dense(units = 8, kernel_initializer = "ones"), layer_dense(units = 1, kernel_initializer = "ones")))
        model |> compile(optimizer = "sgd", loss = "mse", metrics = c("mae", "mse"))
        history <- model |> fit(x, y, epochs = 3, verbose = 0, batch_size = 5)
        cat(names(history$metrics), "\\n")
        cat(length(history$metrics$loss), history$params$epochs, "\\n")
        h2 <- model |> fit(x, y, initial_epoch = 2, epochs = 3, verbose = 0)
        cat(length(h2$metrics$loss), "\\n")
        score <- model |> evaluate(x, y, verbose = 0)
        cat(names(score), "\\n")
        r <- train_on_batch(model, x, y)
        cat(names(r), "\\n")
        """,
        "loss mae mse\n3 3\n2\nloss mae mse\nloss mae mse\n",
    ),
    "history": (
        """
        model <- keras_model_sequential(input_shape = 4, layers = list(layer_dense(units = 1, kernel_initializer = "zeros")))
        model |> compile(optimizer = optimizer_sgd(0.01), loss = "mse", metrics = "mae")
        history <- model |> fit(x, y, epochs = 2, verbose = 0, shuffle = FALSE, batch_size = 10)
        print(history)
        print(round(unlist(history$metrics$loss), 4))
        sh <- shape(3, NA, 4)
        cat(length(sh), "\\n")
        tr <- test_on_batch(model, x, y)
        cat(names(tr), "\\n")
        """,
        "\nFinal epoch (plot to see history):\nloss: 0.1488\n mae: 0.3158 \n[1] 0.3850 0.1488\n3\nloss mae\n",
    ),
    "saving": (
        """
        model <- keras_model_sequential(input_shape = 4, layers = list(layer_dense(units = 2, kernel_initializer = "ones")))
        model |> compile(optimizer = "adam", loss = "mse")
        p1 <- predict(model, x, verbose = 0)
        d <- tempfile()
        dir.create(d)
        path <- file.path(d, "m.keras")
        save_model(model, path)
        reloaded <- load_model(path)
        p2 <- predict(reloaded, x, verbose = 0)
        cat(max(abs(p1 - p2)), dim(p2), "\\n")
        wpath <- file.path(d, "m.weights.h5")
        save_model_weights(model, wpath)
        other <- keras_model_sequential(input_shape = 4, layers = list(layer_dense(units = 2)))
        other |> load_model_weights(wpath)
        cat(max(abs(predict(other, x, verbose = 0) - p1)), "\\n")
        cpath <- file.path(d, "m.json")
        save_model_config(model, cpath)
        copy <- load_model_config(cpath)
        cat(count_params(copy), "\\n")
        r <- train_on_batch(model, x, p1)
        cat(is.numeric(r), length(r), "\\n")
        cat(p1[1, ], "\\n")
        """,
        "0 10 2\n0\n10\nTRUE 1\n6.4 6.4\n",
    ),
}


@pytest.fixture(scope="module")
def printed() -> dict[str, Result]:
    """What each behaviour program's translation printed; all run in one Python process."""
    sources = {
        name: "library(keras3)\n" + BEHAVIOUR_PREAMBLE + textwrap.dedent(source)
        for name, (source, _) in BEHAVIOUR.items()
    }
    return run_all(translate_all(sources))


@pytest.mark.parametrize("name", list(BEHAVIOUR))
def test_translation_computes_what_r_computes(name: str, printed: dict[str, Result]) -> None:
    assert printed[name].error is None, printed[name].error
    same, why = same_values(BEHAVIOUR[name][1], printed[name].stdout)
    assert same, f"{why}\n--- Python printed:\n{printed[name].stdout}"


def test_comparison_can_fail(printed: dict[str, Result]) -> None:
    """keras 2.x's 0-based initial_epoch would train 3 epochs where R trains 2."""
    assert not same_values(
        "loss mae mse\n3 3\n3\nloss mae mse\nloss mae mse\n", printed["training"].stdout
    )[0]
