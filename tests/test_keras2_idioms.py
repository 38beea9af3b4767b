"""Keras 2 idioms R code still uses, as the Keras 3 code that computes the same."""

from __future__ import annotations

import textwrap

from rkeras2py import translate


def code_of(source: str) -> str:
    result = translate(textwrap.dedent(source))
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    return result.code


def test_a_list_filled_by_name_is_a_dict():
    code = code_of('res <- list()\nres$a <- 1\nres[["b"]] <- 2\nprint(names(res))\n')
    assert code.splitlines()[:3] == ["res = {}", 'res["a"] = 1', 'res["b"] = 2']


def test_long_loss_names_are_the_short_ones_under_tf_keras():
    code = code_of("library(keras)\nl <- keras$losses$mean_squared_error(c(1, 2), c(1, 3))\n")
    assert "l = keras.losses.mse([1.0, 2.0], [1.0, 3.0])" in code


def test_compiled_loss_and_metrics_of_a_keras2_train_step_use_the_runtime():
    code = code_of(
        """
        library(keras)
        M <- new_model_class("M",
          train_step = function(data) {
            c(x, y) %<-% data
            y_pred <- self(x, training = TRUE)
            loss <- self$compiled_loss(y, y_pred)
            self$compiled_metrics$update_state(y, y_pred)
            loss
          }
        )
        """
    )
    assert "from rkeras2py.runtime import compiled_loss, update_compiled_metrics" in code
    assert "loss = compiled_loss(self, y, y_pred)" in code
    assert "update_compiled_metrics(self, y, y_pred)" in code


def test_a_layer_functions_class_is_its_layer_attribute():
    code = code_of(
        """
        library(keras)
        layer_scale <- new_layer_class("Scale",
          initialize = function(factor) {
            super$initialize()
            self$factor <- factor
          },
          call = function(inputs) inputs * self$factor
        )
        cls <- attr(layer_scale, "Layer")
        """
    )
    assert code.rstrip().endswith("cls = Scale")


def test_an_argument_keras3_dropped_marks_the_statement_even_in_a_stack():
    result = translate(
        "library(keras)\n"
        "model <- keras_model_sequential(input_shape = 3) %>%\n"
        "  layer_dense(2) %>% layer_additive_attention(causal = TRUE)\n"
    )
    assert [d.code for d in result.diagnostics] == ["RK111"]
    assert "raise NotImplementedError" in result.code
    assert "AdditiveAttention" not in result.code.replace("layer_additive_attention", "")


def test_a_function_passed_uncalled_reports_what_a_call_would():
    result = translate(
        "library(keras)\n"
        "model <- keras_model_sequential(input_shape = 3) %>%\n"
        "  layer_dense(2, activation = activation_sigmoid)\n"
    )
    assert [d.code for d in result.diagnostics] == ["RK201"]
    assert "softmax" in result.diagnostics[0].message
    removed = translate("library(keras)\nf <- metric_mean_relative_error\n")
    assert [d.code for d in removed.diagnostics] == ["RK110"]
    assert "raise NotImplementedError" in removed.code


def test_unpacking_a_named_list_takes_its_values():
    import subprocess
    import sys

    code = code_of('cfg <- list(a = 1, b = "x")\nc(first, second) %<-% cfg\nprint(second)\n')
    assert "first, second = cfg.values()" in code
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.stdout.strip() == "x"


def test_compile_metrics_by_position_stay_metrics():
    """R's third formal is `metrics`, Python's `loss_weights`: it goes by keyword."""
    code = translate(
        'library(keras)\nmodel <- keras_model_sequential()\ncompile(model, "adam", "mse", "mae")\n'
    ).code
    assert 'model.compile("adam", "mse", metrics=["mae"])' in code
