"""Model building and the model verbs: what the translation says, and what it computes.

The text tests pin the idioms (one `keras.Sequential([...])` for a whole stack, `model.add`
for a model built over statements, one line per layer on tensors); the behaviour tests run
translations under TensorFlow and check values R keras 2.15 printed for the same programs
(recorded with R keras 2.15 and TensorFlow 2.15; quoted in each test).
"""

from __future__ import annotations

import textwrap

from programs import run_python

from rkeras2py import translate


def body(source: str) -> str:
    """The translation without its import lines."""
    result = translate(textwrap.dedent(source))
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    lines = result.code.splitlines()
    return "\n".join(line for line in lines if not line.startswith(("import ", "from "))).strip()


def run(source: str) -> str:
    done = run_python(translate(textwrap.dedent(source)).code, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_a_whole_stack_is_one_sequential_list():
    code = body(
        """
        model <- keras_model_sequential(input_shape = c(28, 28, 1), name = "m") %>%
          layer_flatten() %>%
          layer_dense(units = 10, activation = "softmax")
        """
    )
    assert code == (
        "model = keras.Sequential(\n"
        "    [\n"
        "        keras.Input(shape=(28, 28, 1)),\n"
        "        keras.layers.Flatten(),\n"
        '        keras.layers.Dense(units=10, activation="softmax"),\n'
        "    ],\n"
        '    name="m",\n'
        ")"
    )


def test_input_shape_on_the_first_layer_becomes_the_input():
    code = body(
        """
        model <- keras_model_sequential() %>%
          layer_dense(32, input_shape = 784) %>%
          layer_dropout(0.5)
        """
    )
    assert "keras.Input(shape=(784,))" in code
    assert "keras.layers.Dense(32)" in code
    assert "input_shape" not in code


def test_layers_added_over_statements_are_model_add():
    code = body(
        """
        model <- keras_model_sequential()
        model %>% layer_dense(units = 4, input_shape = c(3))
        model %>% layer_dense(units = 1)
        """
    )
    assert code.splitlines() == [
        "model = keras.Sequential()",
        "model.add(keras.Input(shape=(3,)))",
        "model.add(keras.layers.Dense(units=4))",
        "model.add(keras.layers.Dense(units=1))",
    ]


def test_a_layer_on_a_tensor_is_called_one_line_per_layer():
    code = body(
        """
        inputs <- layer_input(shape = c(3))
        outputs <- inputs %>% layer_dense(units = 2) %>% layer_dense(units = 1)
        model <- keras_model(inputs, outputs)
        """
    )
    assert code.splitlines() == [
        "inputs = keras.Input(shape=(3,))",
        "outputs = keras.layers.Dense(units=2)(inputs)",
        "outputs = keras.layers.Dense(units=1)(outputs)",
        "model = keras.Model(inputs, outputs)",
    ]


def test_native_pipe_and_a_layer_object_compose_alike():
    code = body(
        """
        dense <- layer_dense(units = 2)
        inputs <- layer_input(shape = 3)
        y <- inputs |> dense()
        """
    )
    assert code.splitlines()[-1] == "y = dense(inputs)"


def test_unknown_object_kind_goes_through_the_runtime():
    code = translate("f <- function(x) x %>% layer_dense(units = 2)\n").code
    assert "from rkeras2py.runtime import compose_layer" in code
    assert "compose_layer(x, keras.layers.Dense(units=2))" in code


def test_fit_writes_r_keras_default_epochs_and_tuple_validation_data():
    code = body(
        """
        x <- xv <- matrix(1, 4, 2)
        y <- yv <- c(1, 2, 3, 4)
        model <- keras_model_sequential(input_shape = 2) %>% layer_dense(1)
        history <- model %>% fit(x, y, batch_size = 4, validation_data = list(xv, yv),
                                 view_metrics = FALSE)
        """
    )
    assert "history = model.fit(x, y, batch_size=4, epochs=10, validation_data=(xv, yv))" in code


def test_removed_layer_argument_is_reported():
    result = translate("l <- layer_dense(units = 2, batch_input_shape = c(4, 3))\n")
    assert [d.code for d in result.diagnostics] == ["RK111"]
    assert "NotImplementedError" in result.code


def test_misspelled_keras_function_suggests_the_name():
    result = translate("model <- keras_model_sequential() %>% layer_dens(units = 2)\n")
    assert result.diagnostics[0].code == "RK112"
    assert "did you mean layer_dense()" in result.diagnostics[0].message


def test_training_computes_what_r_keras_computed():
    # R keras 2.15 printed: params: 19 / 0.12 0.15 / 2.09845 1.09940
    output = run(
        """
        model <- keras_model_sequential(input_shape = c(4)) %>%
          layer_dense(units = 3, activation = "relu",
                      kernel_initializer = initializer_constant(0.1)) %>%
          layer_dense(units = 1, kernel_initializer = initializer_constant(0.2))
        cat("params:", count_params(model), "\\n")
        x <- matrix(1:8 / 8, nrow = 2)
        print(predict(model, x, verbose = 0))
        model %>% compile(optimizer = optimizer_sgd(learning_rate = 0.1), loss = "mse")
        h <- model %>% fit(x, c(1, 2), epochs = 2, batch_size = 2, shuffle = FALSE, verbose = 0)
        print(round(h$metrics$loss, 5))
        cat(length(model$layers), h$params$epochs, "\\n")
        """
    )
    lines = output.splitlines()
    assert lines[0] == "params: 19"
    assert [round(float(v), 4) for v in lines[1:3] for v in v.strip("[] ").split()] == [
        0.12,
        0.15,
    ]
    assert lines[3].strip("[] ").split() == ["2.09845", "1.0994"]
    assert lines[4].split() == ["2", "2"]


def test_evaluate_is_named_in_r_keras_order():
    # R keras 2.15: names(evaluate(...)) is loss, then the metrics in compile order
    output = run(
        """
        model <- keras_model_sequential(input_shape = 2) %>% layer_dense(1)
        model %>% compile(optimizer = "sgd", loss = "mse", metrics = c("mae", "accuracy"))
        score <- model %>% evaluate(matrix(1, 4, 2), c(1, 1, 1, 1), verbose = 0)
        print(names(score))
        cat(score[[1]] == score[["loss"]], "\\n")
        """
    )
    assert output.splitlines() == ["['loss', 'mae', 'accuracy']", "True"]


def test_an_argument_the_wrapper_does_not_take_is_reported_where_it_is():
    result = translate("library(keras)\nl <- layer_dense(units = 2, foo = 3)\n")
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("RK103", 2, 29)]
    assert "takes no argument 'foo'" in result.diagnostics[0].message
    assert "raise NotImplementedError" in result.code
