"""The objects models are built from (registry/keras/objects.py): optimizers, learning-rate
schedules, losses, metrics, activations, initializers, regularizers, constraints, callbacks.

- translations: `(R, Python)` pairs for representative calls: R's integer coercions, 1-based
  loss axes, renamed arguments (`alpha` → `negative_slope`, `l` → `l1`), R defaults Keras 3
  does not share written out, losses and metrics called (a value) or not (an object);
- diagnostics: arguments R keras 2.15 ignores or fails on, its bugs kept, removed names;
- behaviour: R programs translated and run (all in one Python process), their printed values
  compared with what R keras 2.15 + TensorFlow 2.15 printed for the same programs
  (`/work/oracle/run-r-keras`, recorded below; `test_recorded_r_output_is_current` runs them
  again when the oracle is installed): training losses per optimizer and schedule,
  metrics in the history and from evaluate(), losses computed directly, callbacks'
  effects, regularization penalties, constraints, activations (R's softmax-computing
  `activation_sigmoid` and TF2-Keras's hard sigmoid included) and initializers;
- every export of these categories has an entry.
"""

# ruff: noqa: E501  (R programs and the values R printed are kept as recorded)

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from outputs import same_values
from snippets import (
    CLEAR_SESSION,
    assigned_value,
    missing_targets_program,
    normal,
    run_all,
    translate_all,
)

from rkeras2py import translate
from rkeras2py.translator import registry
from rkeras2py.translator.registry.keras import objects

ORACLE = Path("/work/oracle/run-r-keras")
CATEGORIES = Path("/work/shared/api/categories.tsv")
PREAMBLE = """\
library(keras)
x <- k_ones(c(2, 3))
yt <- k_ones(c(2, 3))
yp <- k_ones(c(2, 3))
path <- "ckpt.h5"
flag <- TRUE
"""


def value(call: str) -> tuple[str, list[str]]:
    """The Python expression `call` becomes, and the diagnostics."""
    return assigned_value(PREAMBLE, call)


# ---- translations ------------------------------------------------------------------------

TRANSLATIONS = [
    # optimizers: only the arguments given (capture_args), `ema_overwrite_frequency` an int
    (
        "optimizer_sgd(learning_rate = 0.1, momentum = 0.9, nesterov = TRUE)",
        "keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True)",
    ),
    ("optimizer_sgd(0.05)", "keras.optimizers.SGD(0.05)"),
    (
        "optimizer_adam(learning_rate = 0.001, clipnorm = 1, amsgrad = TRUE)",
        "keras.optimizers.Adam(learning_rate=0.001, amsgrad=True, clipnorm=1.0)",
    ),
    (
        "optimizer_rmsprop(ema_overwrite_frequency = 10, use_ema = TRUE)",
        "keras.optimizers.RMSprop(use_ema=True, ema_overwrite_frequency=10)",
    ),
    (
        "optimizer_adadelta(learning_rate = 1, rho = 0.9)",
        "keras.optimizers.Adadelta(learning_rate=1.0, rho=0.9)",
    ),
    (
        "optimizer_adagrad(initial_accumulator_value = 0.5)",
        "keras.optimizers.Adagrad(initial_accumulator_value=0.5)",
    ),
    ("optimizer_adamax(global_clipnorm = 2)", "keras.optimizers.Adamax(global_clipnorm=2.0)"),
    (
        "optimizer_ftrl(l1_regularization_strength = 0.01)",
        "keras.optimizers.Ftrl(l1_regularization_strength=0.01)",
    ),
    (
        "optimizer_sgd(learning_rate = learning_rate_schedule_exponential_decay(0.1, 100, 0.9))",
        "keras.optimizers.SGD(learning_rate=keras.optimizers.schedules.ExponentialDecay(0.1, 100, 0.9))",
    ),
    # learning-rate schedules: decay_steps as.integer
    (
        "learning_rate_schedule_exponential_decay(0.1, 1000, 0.96)",
        "keras.optimizers.schedules.ExponentialDecay(0.1, 1000, 0.96)",
    ),
    (
        "learning_rate_schedule_cosine_decay(0.1, decay_steps = 1e3)",
        "keras.optimizers.schedules.CosineDecay(0.1, decay_steps=1000)",
    ),
    (
        "learning_rate_schedule_cosine_decay_restarts(0.1, 100.5)",
        "keras.optimizers.schedules.CosineDecayRestarts(0.1, 100)",
    ),
    (
        "learning_rate_schedule_inverse_time_decay(0.1, decay_steps = 10, decay_rate = 0.5, staircase = TRUE)",
        "keras.optimizers.schedules.InverseTimeDecay(0.1, decay_steps=10, decay_rate=0.5, staircase=True)",
    ),
    (
        "learning_rate_schedule_piecewise_constant_decay(c(100, 200), c(0.1, 0.01, 0.001))",
        "keras.optimizers.schedules.PiecewiseConstantDecay([100.0, 200.0], [0.1, 0.01, 0.001])",
    ),
    (
        "learning_rate_schedule_polynomial_decay(0.1, 100, end_learning_rate = 0.01, power = 2)",
        "keras.optimizers.schedules.PolynomialDecay(0.1, 100, end_learning_rate=0.01, power=2.0)",
    ),
    # losses: the class without y_true/y_pred, the function with them; 1-based axis;
    # reduction "auto" is "sum_over_batch_size"; tf.keras's names for some functions
    ("loss_mean_squared_error()", "keras.losses.MeanSquaredError()"),
    ("loss_mean_squared_error(yt, yp)", "keras.losses.mse(yt, yp)"),
    (
        "loss_binary_crossentropy(from_logits = TRUE, axis = 2)",
        "keras.losses.BinaryCrossentropy(from_logits=True, axis=1)",
    ),
    (
        "loss_categorical_crossentropy(label_smoothing = 0.1, reduction = 'auto')",
        "keras.losses.CategoricalCrossentropy(label_smoothing=0.1, reduction='sum_over_batch_size')",
    ),
    (
        "loss_sparse_categorical_crossentropy(yt, yp, from_logits = TRUE)",
        "keras.losses.sparse_categorical_crossentropy(yt, yp, from_logits=True)",
    ),
    ("loss_huber(delta = 0.5, name = 'h')", "keras.losses.Huber(delta=0.5, name='h')"),
    ("loss_kullback_leibler_divergence()", "keras.losses.KLDivergence()"),
    ("loss_kl_divergence(yt, yp)", "keras.losses.kullback_leibler_divergence(yt, yp)"),
    ("loss_logcosh(yt, yp)", "keras.losses.logcosh(yt, yp)"),
    ("loss_logcosh()", "keras.losses.LogCosh()"),
    ("loss_cosine_similarity(axis = 1)", "keras.losses.CosineSimilarity(axis=0)"),
    (
        "loss_mean_absolute_error(y_pred = yp, y_true = yt)",
        "keras.losses.mae(y_true=yt, y_pred=yp)",
    ),
    ("loss_mean_absolute_percentage_error(yt, yp)", "keras.losses.mape(yt, yp)"),
    ("loss_mean_squared_logarithmic_error()", "keras.losses.MeanSquaredLogarithmicError()"),
    ("loss_poisson(reduction = 'sum')", "keras.losses.Poisson(reduction='sum')"),
    ("loss_hinge()", "keras.losses.Hinge()"),
    ("loss_squared_hinge(yt, yp)", "keras.losses.squared_hinge(yt, yp)"),
    ("loss_categorical_hinge()", "keras.losses.CategoricalHinge()"),
    # uncalled, as values: the function Keras calls with (y_true, y_pred)
    (
        "list(loss_huber, loss_mean_squared_error, loss_kl_divergence)",
        "[keras.losses.huber, keras.losses.mse, keras.losses.kullback_leibler_divergence]",
    ),
    # metrics: the same two forms; class-only metrics take named arguments only
    (
        "metric_auc(num_thresholds = 50, curve = 'PR')",
        "keras.metrics.AUC(num_thresholds=50, curve='PR')",
    ),
    ("metric_binary_accuracy()", "keras.metrics.BinaryAccuracy()"),
    (
        "metric_binary_accuracy(yt, yp, threshold = 0.7)",
        "keras.ops.mean(keras.metrics.binary_accuracy(yt, yp, threshold=0.7), axis=-1)",
    ),
    ("metric_top_k_categorical_accuracy(k = 3)", "keras.metrics.TopKCategoricalAccuracy(k=3)"),
    (
        "metric_sparse_top_k_categorical_accuracy(yt, yp, k = 2)",
        "keras.metrics.sparse_top_k_categorical_accuracy(yt, yp, k=2)",
    ),
    (
        "metric_precision(thresholds = 0.5, top_k = 2)",
        "keras.metrics.Precision(thresholds=0.5, top_k=2)",
    ),
    ("metric_recall(class_id = 1)", "keras.metrics.Recall(class_id=1)"),
    ("metric_mean_iou(num_classes = 3)", "keras.metrics.MeanIoU(num_classes=3)"),
    (
        "metric_precision_at_recall(recall = 0.8, num_thresholds = 100)",
        "keras.metrics.PrecisionAtRecall(recall=0.8, num_thresholds=100)",
    ),
    (
        "metric_kullback_leibler_divergence(yt, yp)",
        "keras.metrics.kullback_leibler_divergence(yt, yp)",
    ),
    ("metric_mean_absolute_error(yt, yp)", "keras.metrics.mae(yt, yp)"),
    ("metric_mean(name = 'avg')", "keras.metrics.Mean(name='avg')"),
    (
        "metric_mean_wrapper(fn = loss_hinge)",
        "keras.metrics.MeanMetricWrapper(fn=keras.losses.hinge)",
    ),
    ("metric_root_mean_squared_error()", "keras.metrics.RootMeanSquaredError()"),
    ("metric_logcosh_error()", "keras.metrics.LogCoshError()"),
    (
        "list(metric_binary_accuracy, metric_mean_squared_error, metric_auc())",
        "[keras.metrics.binary_accuracy, keras.metrics.mse, keras.metrics.AUC()]",
    ),
    (
        "custom_metric('m', function(y_true, y_pred) y_pred)",
        "custom_metric('m', lambda y_true, y_pred: y_pred)",
    ),
    # activations: called they compute, uncalled they are the function
    ("activation_relu(x, alpha = 0.1)", "keras.activations.relu(x, negative_slope=0.1)"),
    (
        "activation_relu(x, max_value = 6, threshold = 1)",
        "keras.activations.relu(x, max_value=6.0, threshold=1.0)",
    ),
    ("activation_softmax(x, axis = 1)", "keras.activations.softmax(x, axis=1)"),
    ("activation_elu(x, 0.5)", "keras.activations.elu(x, 0.5)"),
    ("activation_gelu(x, approximate = TRUE)", "keras.activations.gelu(x, approximate=True)"),
    ("activation_hard_sigmoid(x)", "keras2_hard_sigmoid(x)"),
    (
        "layer_dense(units = 2, activation = activation_relu)",
        "keras.layers.Dense(units=2, activation=keras.activations.relu)",
    ),
    (
        "layer_dense(units = 2, activation = activation_softmax)",
        "keras.layers.Dense(units=2, activation=keras.activations.softmax)",
    ),
    (
        "layer_dense(units = 2, activation = activation_hard_sigmoid)",
        "keras.layers.Dense(units=2, activation=keras2_hard_sigmoid)",
    ),
    # initializers: seeds as ints; R's VarianceScaling distribution "normal" is untruncated
    (
        "initializer_random_normal(stddev = 0.1, seed = 42)",
        "keras.initializers.RandomNormal(stddev=0.1, seed=42)",
    ),
    (
        "initializer_variance_scaling()",
        "keras.initializers.VarianceScaling(distribution='untruncated_normal')",
    ),
    (
        "initializer_variance_scaling(scale = 2, mode = 'fan_avg', distribution = 'normal')",
        "keras.initializers.VarianceScaling(scale=2.0, mode='fan_avg', distribution='untruncated_normal')",
    ),
    (
        "initializer_variance_scaling(distribution = 'uniform')",
        "keras.initializers.VarianceScaling(distribution='uniform')",
    ),
    ("initializer_he_normal(seed = 1.9)", "keras.initializers.HeNormal(seed=1)"),
    ("initializer_glorot_uniform()", "keras.initializers.GlorotUniform()"),
    ("initializer_lecun_normal(7)", "keras.initializers.LecunNormal(7)"),
    ("initializer_constant(c(1, 2))", "keras.initializers.Constant([1.0, 2.0])"),
    ("initializer_identity(gain = 2)", "keras.initializers.Identity(gain=2.0)"),
    # regularizers: `l` is `l1`/`l2`; l1_l2 sends R's 0.01 defaults
    ("regularizer_l1(0.001)", "keras.regularizers.L1(l1=0.001)"),
    ("regularizer_l2(l = 1e-4)", "keras.regularizers.L2(l2=0.0001)"),
    ("regularizer_l2()", "keras.regularizers.L2()"),
    ("regularizer_l1_l2()", "keras.regularizers.L1L2(l1=0.01, l2=0.01)"),
    ("regularizer_l1_l2(l1 = 0.1)", "keras.regularizers.L1L2(l1=0.1, l2=0.01)"),
    (
        "regularizer_orthogonal(factor = 0.1, mode = 'columns')",
        "keras.regularizers.OrthogonalRegularizer(factor=0.1, mode='columns')",
    ),
    # constraints: as.integer(max_value) (1.5 is 1), axis not shifted
    (
        "constraint_maxnorm(max_value = 1.5, axis = 1)",
        "keras.constraints.MaxNorm(max_value=1, axis=1)",
    ),
    (
        "constraint_minmaxnorm(min_value = 0.5, max_value = 2, axis = 1)",
        "keras.constraints.MinMaxNorm(min_value=0.5, max_value=2.0, axis=1)",
    ),
    ("constraint_unitnorm()", "keras.constraints.UnitNorm()"),
    ("constraint_nonneg()", "keras.constraints.NonNeg()"),
    # callbacks: counts as ints, R's https default root, file names Keras 3 accepts
    (
        "callback_early_stopping(monitor = 'val_loss', patience = 5.0, verbose = 1)",
        "keras.callbacks.EarlyStopping(monitor='val_loss', patience=5, verbose=1)",
    ),
    (
        "callback_reduce_lr_on_plateau(factor = 0.2, patience = 3, cooldown = 1, min_lr = 1e-5)",
        "keras.callbacks.ReduceLROnPlateau(factor=0.2, patience=3, cooldown=1, min_lr=1e-05)",
    ),
    (
        "callback_csv_logger('log.csv', append = TRUE)",
        "keras.callbacks.CSVLogger('log.csv', append=True)",
    ),
    ("callback_tensorboard()", "keras.callbacks.TensorBoard()"),
    (
        "callback_tensorboard('logs/run1', histogram_freq = 1, profile_batch = 2)",
        "keras.callbacks.TensorBoard('logs/run1', histogram_freq=1, profile_batch=2)",
    ),
    (
        "callback_model_checkpoint('model.keras', monitor = 'loss', verbose = 1)",
        "keras.callbacks.ModelCheckpoint('model.keras', monitor='loss', verbose=1)",
    ),
    (
        "callback_model_checkpoint('w.weights.h5', save_weights_only = TRUE, save_freq = 100)",
        "keras.callbacks.ModelCheckpoint('w.weights.h5', save_weights_only=True, save_freq=100)",
    ),
    (
        "callback_model_checkpoint(path, save_weights_only = flag)",
        "keras.callbacks.ModelCheckpoint(checkpoint_filepath(path, save_weights_only=flag), save_weights_only=flag)",
    ),
    ("callback_remote_monitor()", "keras.callbacks.RemoteMonitor(root='https://localhost:9000')"),
    (
        "callback_remote_monitor(root = 'http://example.org:8080')",
        "keras.callbacks.RemoteMonitor(root='http://example.org:8080')",
    ),
    ("callback_terminate_on_naan()", "keras.callbacks.TerminateOnNaN()"),
    ("callback_backup_and_restore('backup')", "keras.callbacks.BackupAndRestore('backup')"),
    ("callback_progbar_logger()", "keras.callbacks.ProgbarLogger()"),
    (
        "callback_learning_rate_scheduler(function(epoch, lr) lr * 0.9)",
        "keras.callbacks.LearningRateScheduler(lambda epoch, lr: lr * 0.9)",
    ),
    (
        "callback_lambda(on_epoch_end = function(epoch, logs) print(logs$loss))",
        "keras.callbacks.LambdaCallback(on_epoch_end=lambda epoch, logs: print(logs['loss']))",
    ),
    (
        "callback_lambda(on_batch_begin = function(batch, logs) print(batch))",
        "keras.callbacks.LambdaCallback(on_batch_begin=lambda batch, logs: print(batch))",
    ),
]


@pytest.mark.parametrize(("r", "python"), TRANSLATIONS, ids=[r for r, _ in TRANSLATIONS])
def test_translation(r: str, python: str) -> None:
    expression, diagnostics = value(r)
    assert not diagnostics, diagnostics
    assert expression == normal(python)


# ---- diagnostics -------------------------------------------------------------------------

WARNED = [
    # R keras 2.15 ignores `lr` (TF 2.15 drops it): what R computed is kept
    (
        "optimizer_adam(lr = 0.01)",
        "keras.optimizers.Adam()",
        "RK201 optimizer_adam(lr =) is ignored by R keras 2.15",
    ),
    (
        "optimizer_sgd(lr = 0.5, learning_rate = 0.2)",
        "keras.optimizers.SGD(learning_rate=0.2)",
        "the learning rate was the `learning_rate` given",
    ),
    (
        "optimizer_adagrad(decay = 0)",
        "keras.optimizers.Adagrad()",
        "RK201 optimizer_adagrad(decay = 0) means no decay",
    ),
    (
        "optimizer_adamax(learning_rate = 0.002, jit_compile = FALSE)",
        "keras.optimizers.Adamax(learning_rate=0.002)",
        "compile(jit_compile =)",
    ),
    ("optimizer_nadam()", "keras.optimizers.Nadam()", "RK201 optimizer_nadam(): TF 2.15's Nadam"),
    # R keras 2.x's activation_sigmoid() computes softmax
    (
        "activation_sigmoid(x)",
        "keras.activations.softmax(x)",
        "RK201 activation_sigmoid(): computes softmax",
    ),
    # deprecated in R keras 2.15, computing what their replacement computes
    (
        "loss_cosine_proximity(yt, yp)",
        "keras.losses.cosine_similarity(yt, yp)",
        "RK210 loss_cosine_proximity(): is deprecated",
    ),
    ("loss_cosine_proximity(axis = 1)", "keras.losses.CosineSimilarity(axis=0)", "RK210"),
    (
        "metric_cosine_proximity(yt, yp)",
        "keras.losses.cosine_similarity(yt, yp)",
        "RK210 metric_cosine_proximity(): is deprecated",
    ),
    # R keras 2.15's metric wrappers fail on `axis`; translated with the documented shift
    (
        "metric_cosine_similarity(axis = 2)",
        "keras.metrics.CosineSimilarity(axis=1)",
        "RK201 metric_cosine_similarity(axis =) fails in R keras 2.15",
    ),
    (
        "metric_binary_crossentropy(yt, yp, axis = 1)",
        "keras.metrics.binary_crossentropy(yt, yp, axis=0)",
        "fails in R keras 2.15",
    ),
    # arguments R keras 2.15 never sends on
    (
        "callback_tensorboard('logs/run1', histogram_freq = 1, write_grads = TRUE)",
        "keras.callbacks.TensorBoard('logs/run1', histogram_freq=1)",
        "RK201 callback_tensorboard(write_grads =) is ignored",
    ),
    (
        "callback_tensorboard(embeddings_freq = 1, batch_size = 32)",
        "keras.callbacks.TensorBoard()",
        "callback_tensorboard(embeddings_freq =) is never sent",
    ),
    (
        "callback_model_checkpoint('model.keras', period = 5)",
        "keras.callbacks.ModelCheckpoint('model.keras')",
        "RK201 callback_model_checkpoint(period =) is ignored",
    ),
    (
        "callback_progbar_logger(count_mode = 'steps')",
        "keras.callbacks.ProgbarLogger()",
        "RK201 callback_progbar_logger(count_mode =)",
    ),
    (
        "callback_lambda(on_epoch_begin = function(epoch, logs) print(epoch), on_predict_end = function(logs) print(1))",
        "keras.callbacks.LambdaCallback(on_epoch_begin=lambda epoch, logs: print(epoch))",
        "RK201 callback_lambda(on_predict_end =) is never sent",
    ),
    # file names Keras 3's ModelCheckpoint accepts
    (
        "callback_model_checkpoint('best.hdf5', monitor = 'val_loss', save_best_only = TRUE)",
        "keras.callbacks.ModelCheckpoint('best.h5', monitor='val_loss', save_best_only=True)",
        'saves to "best.h5"',
    ),
    (
        "callback_model_checkpoint('ckpt', save_weights_only = TRUE)",
        "keras.callbacks.ModelCheckpoint('ckpt.weights.h5', save_weights_only=True)",
        'saves to "ckpt.weights.h5"',
    ),
    (
        "callback_model_checkpoint('weights.{epoch:02d}.hdf5', save_weights_only = TRUE)",
        "keras.callbacks.ModelCheckpoint('weights.{epoch:02d}.weights.h5', save_weights_only=True)",
        "RK201",
    ),
    (
        "callback_model_checkpoint('saved_model_dir')",
        "keras.callbacks.ModelCheckpoint('saved_model_dir.keras')",
        'saves to "saved_model_dir.keras"',
    ),
]


@pytest.mark.parametrize(("r", "python", "message"), WARNED, ids=[r for r, _, _ in WARNED])
def test_warned_translation(r: str, python: str, message: str) -> None:
    expression, diagnostics = value(r)
    assert expression == normal(python)
    assert any(message in d for d in diagnostics), diagnostics
    assert all(d.startswith(("RK201", "RK210")) for d in diagnostics), diagnostics


REFUSED = [
    (
        "optimizer_sgd(learning_rate = 0.1, decay = 1e-4)",
        "RK111",
        "learning_rate_schedule_inverse_time_decay",
    ),
    ("optimizer_adam(decay = 0.01)", "RK111", "keras.optimizers.schedules.InverseTimeDecay"),
    ("optimizer_sgd(amsgrad = TRUE)", "RK111", "is not an SGD argument"),
    ("metric_auc(200)", "RK103", "must be named"),
    (
        "optimizer_adam(0.1, 0.9, 0.999, 1e-7, FALSE, NULL, NULL, NULL, NULL, FALSE, 0.99, NULL, TRUE, 'a', 3)",
        "RK103",
        "must be named",
    ),
    (
        "metric_mean_relative_error(normalizer = c(1, 2))",
        "RK110",
        "keras.metrics.MeanMetricWrapper",
    ),
    ("metric_mean_tensor()", "RK110", "keras.metrics.Mean"),
]


@pytest.mark.parametrize(("r", "code", "message"), REFUSED, ids=[r for r, _, _ in REFUSED])
def test_refused(r: str, code: str, message: str) -> None:
    result = translate(PREAMBLE + f"z <- {r}\n")
    errors = [d for d in result.diagnostics if d.is_error]
    assert errors and errors[0].code == code, [d.format() for d in result.diagnostics]
    assert message in errors[0].message
    assert "raise NotImplementedError(" in result.code and f'"{code}: ' in result.code


def test_every_export_has_an_entry() -> None:
    categories = (
        "optimizer",
        "loss",
        "metric",
        "callback",
        "initializer",
        "regularizer",
        "constraint",
        "activation",
    )
    names = []
    for line in CATEGORIES.read_text().splitlines()[1:]:
        fields = line.split("\t")
        if fields[1] in categories or fields[0].startswith("learning_rate_schedule_"):
            names.append(fields[0])
    keras_table = registry().tables["keras"].entries
    missing = [name for name in names if name not in keras_table]
    assert not missing
    assert set(names) <= set(objects.entries())


# ---- behaviour: R programs, and what R keras 2.15 printed -----------------------------------
# Nadam is left out of OPTIMIZERS: TF 2.15's Nadam trains differently (see test_warned...).

OPTIMIZERS_R = r"""library(keras)
x <- matrix(seq(0, 1, length.out = 24), ncol = 3)
y <- matrix(c(0.1, 0.5, 0.9, 0.3, 0.7, 0.2, 0.8, 0.4), ncol = 1)
train <- function(optimizer, loss = "mse") {
  model <- keras_model_sequential() %>%
    layer_dense(units = 1, input_shape = 3, kernel_initializer = initializer_constant(0.1))
  model %>% compile(optimizer = optimizer, loss = loss)
  history <- model %>% fit(x, y, epochs = 3, batch_size = 4, shuffle = FALSE, verbose = 0)
  round(history$metrics$loss, 5)
}
cat("sgd", train(optimizer_sgd(learning_rate = 0.1, momentum = 0.9)), "\n")
cat("sgd_lr", train(optimizer_sgd(lr = 0.5)), "\n")
cat("adam", train(optimizer_adam(learning_rate = 0.05)), "\n")
cat("rms", train(optimizer_rmsprop(learning_rate = 0.01, rho = 0.8)), "\n")
cat("clip", train(optimizer_sgd(learning_rate = 0.5, clipvalue = 0.01)), "\n")
cat("adagrad", train(optimizer_adagrad(learning_rate = 0.1)), "\n")
cat("adadelta", train(optimizer_adadelta(learning_rate = 1)), "\n")
cat("adamax", train(optimizer_adamax(learning_rate = 0.05)), "\n")
cat("ftrl", train(optimizer_ftrl(learning_rate = 0.1)), "\n")
sched <- learning_rate_schedule_exponential_decay(0.2, decay_steps = 2, decay_rate = 0.5, staircase = TRUE)
cat("sched", train(optimizer_sgd(learning_rate = sched)), "\n")
pw <- learning_rate_schedule_piecewise_constant_decay(boundaries = c(2, 4), values = c(0.3, 0.1, 0.01))
cat("piecewise", train(optimizer_sgd(learning_rate = pw)), "\n")
cat("huber", train(optimizer_sgd(learning_rate = 0.1), loss = loss_huber(delta = 0.1)), "\n")
cat("mae", train(optimizer_sgd(learning_rate = 0.1), loss = loss_mean_absolute_error), "\n")
cat("logcosh", train(optimizer_sgd(learning_rate = 0.1), loss = loss_logcosh()), "\n")
"""
OPTIMIZERS_OUT = """\
sgd 0.14857 0.09167 0.13869
sgd_lr 0.18086 0.16428 0.1502
adam 0.14704 0.07779 0.09292
rms 0.16582 0.12141 0.10034
clip 0.18061 0.16462 0.1499
adagrad 0.13423 0.07288 0.07143
adadelta 0.18395 0.17905 0.17431
adamax 0.14704 0.07807 0.07756
ftrl 0.15659 0.07643 0.07132
sched 0.12879 0.07122 0.07101
piecewise 0.12594 0.07167 0.07097
huber 0.02913 0.0269 0.02506
mae 0.30454 0.24253 0.24246
logcosh 0.07854 0.05438 0.04345
"""

METRICS_R = r"""library(keras)
x <- matrix(seq(0, 1, length.out = 24), ncol = 3)
y <- matrix(c(1, 0, 1, 0, 1, 1, 0, 0), ncol = 1)
model <- keras_model_sequential() %>%
  layer_dense(units = 1, input_shape = 3, activation = "sigmoid",
              kernel_initializer = initializer_constant(0.2))
mean_pred <- function(y_true, y_pred) k_mean(y_pred)
model %>% compile(
  optimizer = optimizer_sgd(learning_rate = 0.1),
  loss = loss_binary_crossentropy,
  metrics = list(metric_binary_accuracy, metric_auc(num_thresholds = 20),
                 metric_precision(thresholds = 0.55), custom_metric("mean_pred", mean_pred),
                 metric_mean_squared_error)
)
history <- model %>% fit(x, y, epochs = 2, batch_size = 8, verbose = 0)
cat(sort(names(history$metrics)), "\n")
res <- model %>% evaluate(x, y, verbose = 0)
print(round(res[sort(names(res))], 4))
yt <- matrix(c(0, 1, 0, 1, 0, 0), nrow = 2, byrow = TRUE)
yp <- matrix(c(0.1, 0.7, 0.2, 0.6, 0.3, 0.1), nrow = 2, byrow = TRUE)
cat("cce", round(as.numeric(loss_categorical_crossentropy(yt, yp)), 4), "\n")
cat("cat_acc", as.numeric(metric_categorical_accuracy(yt, yp)), "\n")
cat("kl", round(as.numeric(loss_kullback_leibler_divergence(yt, yp)), 4), "\n")
cat("mse", round(as.numeric(loss_mean_squared_error(yt, yp)), 4), "\n")
cat("bce axis", round(as.numeric(loss_binary_crossentropy(yt, yp, axis = 1)), 4), "\n")
cat("cos", round(as.numeric(loss_cosine_similarity(yt, yp)), 4), "\n")
l <- loss_mean_squared_error()
print(round(as.numeric(l(yt, yp)), 4))
h <- loss_huber(delta = 0.2, reduction = "sum")
print(round(as.numeric(h(yt, yp)), 4))
m <- metric_mean()
invisible(m$update_state(c(1, 2, 3, 4)))
print(as.numeric(m$result()))
"""
METRICS_OUT = """\
auc binary_accuracy loss mean_pred mean_squared_error precision
               auc    binary_accuracy               loss          mean_pred
            0.2500             0.5000             0.7116             0.5660
mean_squared_error          precision
            0.2591             0.4286
cce 0.3567 0.5108
cat_acc 1 1
kl 0.3567 0.5108
mse 0.0467 0.0867
bce axis 0.3081 0.3567 0.1643
cos -0.9526 -0.8847
[1] 0.0667
[1] 0.0567
[1] 2.5
"""

CALLBACKS_R = r"""library(keras)
x <- matrix(seq(0, 1, length.out = 24), ncol = 3)
y <- matrix(c(0.1, 0.5, 0.9, 0.3, 0.7, 0.2, 0.8, 0.4), ncol = 1)
build <- function(kernel_regularizer = NULL, bias_regularizer = NULL, kernel_constraint = NULL) {
  model <- keras_model_sequential() %>%
    layer_dense(units = 1, input_shape = 3, kernel_initializer = initializer_constant(0.1),
                kernel_regularizer = kernel_regularizer, bias_regularizer = bias_regularizer,
                kernel_constraint = kernel_constraint)
  model %>% compile(optimizer = optimizer_sgd(learning_rate = 0.1), loss = "mse")
  model
}
model <- build()
cb <- callback_lambda(on_epoch_end = function(epoch, logs) {
  cat("end", epoch, round(logs$loss, 4), "\n")
})
sched <- function(epoch, lr) {
  if (epoch < 1) lr else lr * 0.5
}
history <- model %>% fit(x, y, epochs = 3, batch_size = 4, shuffle = FALSE, verbose = 0,
  callbacks = list(cb, callback_learning_rate_scheduler(sched)))
model <- build()
history <- model %>% fit(x, y, epochs = 20, batch_size = 8, shuffle = FALSE, verbose = 0,
  callbacks = callback_early_stopping(monitor = "loss", min_delta = 0.01, patience = 1))
cat("stopped after", length(history$metrics$loss), "\n")
model <- build()
history <- model %>% fit(x, y, epochs = 4, batch_size = 8, shuffle = FALSE, verbose = 0,
  callbacks = list(callback_reduce_lr_on_plateau(monitor = "loss", factor = 0.5, patience = 0, min_delta = 0.05),
                   callback_csv_logger("log.csv", separator = ";"), callback_terminate_on_naan()))
cat("plateau", round(history$metrics$loss, 4), "\n")
model <- build(kernel_regularizer = regularizer_l2(0.5), bias_regularizer = regularizer_l1_l2())
cat("l2 loss", round(evaluate(model, x, y, verbose = 0)[["loss"]], 4), "\n")
model <- build(kernel_regularizer = regularizer_l1_l2())
cat("l1_l2 loss", round(evaluate(model, x, y, verbose = 0)[["loss"]], 5), "\n")
model <- build(kernel_regularizer = regularizer_l1(l = 0.3))
cat("l1 loss", round(evaluate(model, x, y, verbose = 0)[["loss"]], 4), "\n")
model <- build(kernel_constraint = constraint_maxnorm(max_value = 0.15))
model %>% fit(x, y * 10, epochs = 2, batch_size = 8, verbose = 0)
cat("maxnorm", round(sqrt(sum(get_weights(model)[[1]]^2)), 4), "\n")
model <- build(kernel_constraint = constraint_unitnorm())
model %>% fit(x, y, epochs = 1, batch_size = 8, verbose = 0)
cat("unitnorm", round(sqrt(sum(get_weights(model)[[1]]^2)), 4), "\n")
model <- build(kernel_constraint = constraint_nonneg())
model %>% fit(x, -y * 10, epochs = 2, batch_size = 8, verbose = 0)
cat("nonneg", min(get_weights(model)[[1]]) >= 0, "\n")
"""
CALLBACKS_OUT = """\
end 0 0.1486
end 1 0.0833
end 2 0.0766
stopped after 4
plateau 0.1853 0.112 0.0857 0.0762
l2 loss 0.2003
l1_l2 loss 0.1886
l1 loss 0.2753
maxnorm 0
unitnorm 1
nonneg TRUE
"""

ACTIVATIONS_R = r"""library(keras)
library(tensorflow)
x <- tf$constant(c(-3, -1, -0.5, 0, 0.5, 1, 3))
cat("relu", round(as.numeric(activation_relu(x, alpha = 0.1, max_value = 2)), 4), "\n")
cat("relu_t", round(as.numeric(activation_relu(x, threshold = 0.75)), 4), "\n")
cat("elu", round(as.numeric(activation_elu(x, alpha = 0.5)), 4), "\n")
cat("selu", round(as.numeric(activation_selu(x)), 4), "\n")
cat("hard", round(as.numeric(activation_hard_sigmoid(x)), 4), "\n")
cat("sigmoid", round(as.numeric(activation_sigmoid(tf$reshape(x, c(1L, 7L)))), 4), "\n")
cat("softplus", round(as.numeric(activation_softplus(x)), 4), "\n")
cat("softsign", round(as.numeric(activation_softsign(x)), 4), "\n")
cat("tanh", round(as.numeric(activation_tanh(x)), 4), "\n")
cat("swish", round(as.numeric(activation_swish(x)), 4), "\n")
cat("gelu", round(as.numeric(activation_gelu(x)), 4), "\n")
cat("gelu_a", round(as.numeric(activation_gelu(x, approximate = TRUE)), 4), "\n")
cat("exp", round(as.numeric(activation_exponential(x)), 4), "\n")
cat("linear", round(as.numeric(activation_linear(x)), 4), "\n")
m <- tf$constant(matrix(c(1, 2, 3, 4, 5, 6), 2))
cat("softmax0", round(as.numeric(activation_softmax(m, axis = 0)), 4), "\n")
cat("softmax", round(as.numeric(activation_softmax(m)), 4), "\n")
inp <- matrix(c(-1, 0.5, 2), nrow = 1)
for (act in list(activation_relu, activation_sigmoid, activation_hard_sigmoid, activation_tanh)) {
  model <- keras_model_sequential() %>%
    layer_dense(units = 2, input_shape = 3, activation = act,
                kernel_initializer = initializer_constant(0.3))
  cat("dense", round(as.numeric(predict(model, inp, verbose = 0)), 4), "\n")
}
w <- function(init, rows = 4L, cols = 4L) {
  layer <- layer_dense(units = cols, kernel_initializer = init, use_bias = FALSE)
  layer$build(list(NULL, rows))
  layer$get_weights()[[1]]
}
o <- w(initializer_orthogonal(seed = 1))
cat("orth", round(sum(abs(crossprod(o) - diag(4))), 4), "\n")
cat("ident", sum(diag(w(initializer_identity(gain = 2)))), "\n")
cat("ones", sum(w(initializer_ones())), "zeros", sum(w(initializer_zeros())), "\n")
cat("const", sum(w(initializer_constant(0.5))), "\n")
u <- w(initializer_random_uniform(minval = 2, maxval = 3, seed = 3), 50L, 20L)
cat("unif", min(u) >= 2, max(u) <= 3, "\n")
tn <- w(initializer_truncated_normal(stddev = 1, seed = 3), 50L, 20L)
cat("trunc", max(abs(tn)) <= 2, "\n")
vs <- w(initializer_variance_scaling(scale = 2, mode = "fan_out", distribution = "uniform", seed = 2), 50L, 20L)
cat("vs", max(abs(vs)) <= sqrt(3 * 2 / 20), "\n")
gu <- w(initializer_glorot_uniform(seed = 5), 30L, 10L)
cat("glorot", max(abs(gu)) <= sqrt(6 / 40), "\n")
hu <- w(initializer_he_uniform(seed = 5), 30L, 10L)
cat("he", max(abs(hu)) <= sqrt(6 / 30), max(abs(hu)) > sqrt(6 / 40), "\n")
lu <- w(initializer_lecun_uniform(seed = 5), 30L, 10L)
cat("lecun", max(abs(lu)) <= sqrt(3 / 30), "\n")
"""
ACTIVATIONS_OUT = """\
relu -0.3 -0.1 -0.05 0 0.5 1 2
relu_t 0 0 0 0 0 1 3
elu -0.4751 -0.3161 -0.1967 0 0.5 1 3
selu -1.6706 -1.1113 -0.6918 0 0.5254 1.0507 3.1521
hard 0 0.3 0.4 0.5 0.6 0.7 1
sigmoid 0.0019 0.0139 0.0229 0.0378 0.0623 0.1027 0.7586
softplus 0.0486 0.3133 0.4741 0.6931 0.9741 1.3133 3.0486
softsign -0.75 -0.5 -0.3333 0 0.3333 0.5 0.75
tanh -0.9951 -0.7616 -0.4621 0 0.4621 0.7616 0.9951
swish -0.1423 -0.2689 -0.1888 0 0.3112 0.7311 2.8577
gelu -0.004 -0.1587 -0.1543 0 0.3457 0.8413 2.996
gelu_a -0.0036 -0.1588 -0.1543 0 0.3457 0.8412 2.9964
exp 0.0498 0.3679 0.6065 1 1.6487 2.7183 20.0855
linear -3 -1 -0.5 0 0.5 1 3
softmax0 0.2689 0.7311 0.2689 0.7311 0.2689 0.7311
softmax 0.0159 0.0159 0.1173 0.1173 0.8668 0.8668
dense 0.45 0.45
dense 0.5 0.5
dense 0.59 0.59
dense 0.4219 0.4219
orth 0
ident 8
ones 16 zeros 0
const 8
unif TRUE TRUE
trunc TRUE
vs TRUE
glorot TRUE
he TRUE TRUE
lecun TRUE
"""

# Files the callbacks write (checked in Python: R keras 2.15 wrote weights.01.hdf5, ...).
CHECKPOINTS_R = r"""library(keras)
x <- matrix(seq(0, 1, length.out = 24), ncol = 3)
y <- matrix(c(0.1, 0.5, 0.9, 0.3, 0.7, 0.2, 0.8, 0.4), ncol = 1)
model <- keras_model_sequential() %>% layer_dense(units = 1, input_shape = 3)
model %>% compile(optimizer = "sgd", loss = "mse")
path <- "model.{epoch:02d}.hdf5"
weights_only <- FALSE
history <- model %>% fit(x, y, epochs = 2, verbose = 0, callbacks = list(
  callback_model_checkpoint("weights.{epoch:02d}.hdf5", save_weights_only = TRUE),
  callback_model_checkpoint(path, monitor = "loss", save_weights_only = weights_only),
  callback_backup_and_restore(backup_dir = "backup"),
  callback_progbar_logger(count_mode = "steps")))
cat(length(history$metrics$loss), "\n")
"""

PROGRAMS = {
    "optimizers": (OPTIMIZERS_R, OPTIMIZERS_OUT),
    "metrics": (METRICS_R, METRICS_OUT),
    "callbacks": (CALLBACKS_R, CALLBACKS_OUT),
    "activations": (ACTIVATIONS_R, ACTIVATIONS_OUT),
    "checkpoints": (CHECKPOINTS_R, "2\n"),
}

CHECKPOINT_PATHS = ["w.hdf5", "w.h5", "w.weights.h5", "w.keras", "dir", "w.{epoch:02d}.hdf5"]

# The runtime's names for the checkpoint paths, printed as JSON.
CHECKPOINT_NAMES = f"""\
import json
from rkeras2py.runtime import checkpoint_filepath
paths = {CHECKPOINT_PATHS!r}
print(json.dumps({{path: [checkpoint_filepath(path, True), checkpoint_filepath(path)] for path in paths}}))
"""

# tf.functions run eagerly (the same ops, without tracing each tiny model's training step:
# several times faster here).
EAGER = CLEAR_SESSION + "import tensorflow as tf\ntf.config.run_functions_eagerly(True)\n"


def python_targets() -> list[str]:
    """Every `keras....` path the entries can emit (targets, loss and metric classes)."""
    return sorted(
        {e.target for e in objects.entries().values() if e.target and e.target.startswith("keras.")}
        | {f"keras.losses.{c}" for c, _, _ in objects._LOSSES.values()}
        | {f"keras.metrics.{c}" for c, _, _, _ in objects._METRICS.values()}
    )


@pytest.fixture(scope="module")
def runs() -> dict:
    """Every program translated, then all run in one Python process, and the lookups."""
    codes = translate_all(
        {name: source for name, (source, _) in PROGRAMS.items()}, filename="{name}.R"
    )
    lookups = {  # "@": no program's name ("checkpoints" is one)
        "@missing": missing_targets_program(python_targets()),
        "@checkpoints": CHECKPOINT_NAMES,
    }
    results = run_all({**codes, **lookups}, before_each=EAGER)
    runs = {"programs": results}
    for name in lookups:
        looked_up = results.pop(name)
        assert looked_up.error is None, looked_up.error
        runs[name[1:]] = json.loads(looked_up.stdout)
    return runs


@pytest.mark.parametrize("name", ["optimizers", "metrics", "callbacks", "activations"])
def test_prints_what_r_keras_printed(runs: dict, name: str) -> None:
    run = runs["programs"][name]
    assert run.error is None, run.error
    same, why = same_values(PROGRAMS[name][1], run.stdout, rel=2e-3)
    assert same, f"{why}\n--- R:\n{PROGRAMS[name][1]}\n--- Python:\n{run.stdout}"


def test_callbacks_write_their_files(runs: dict) -> None:
    csv = runs["programs"]["callbacks"].files.get("log.csv") or ""
    assert csv.splitlines()[0].startswith("epoch;")  # separator = ";"
    assert len(csv.splitlines()) == 5  # a header and 4 epochs
    run = runs["programs"]["checkpoints"]
    assert run.error is None, run.error
    assert run.stdout.split() == ["2"]
    # weights to .weights.h5, the .hdf5 model (a computed path) to .h5
    assert {
        "weights.01.weights.h5",
        "weights.02.weights.h5",
        "model.01.h5",
        "model.02.h5",
    } <= set(run.files), sorted(run.files)


@pytest.mark.skipif(
    not ORACLE.exists() or not os.environ.get("RKERAS2PY_ORACLE"),
    reason="set RKERAS2PY_ORACLE=1 to run R keras 2.15 (/work/oracle, ~25 s)",
)
def test_recorded_r_output_is_current(tmp_path: Path) -> None:
    """The recorded outputs are what R keras 2.15 prints (all programs in one R run)."""
    names = ["optimizers", "metrics", "callbacks", "activations"]
    program = tmp_path / "all.R"
    program.write_text("\nlibrary(tensorflow)\n".join(PROGRAMS[name][0] for name in names))
    done = subprocess.run(
        [str(ORACLE), str(program), str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    printed = [line.rstrip() for line in done.stdout.splitlines()]
    assert printed == "".join(PROGRAMS[name][1] for name in names).splitlines()


def test_every_target_exists_under_tensorflow_keras(runs: dict) -> None:
    """`from tensorflow import keras` has every path emitted (it lacks `keras.losses
    .mean_squared_error` and friends, hence `mse`, `mae`, `logcosh`, ...)."""
    assert runs["missing"] == []


def test_checkpoint_names_agree_with_the_runtime(runs: dict) -> None:
    """The translator renames literal paths as the runtime renames computed ones."""
    for path, (weights, model) in runs["checkpoints"].items():
        assert objects.checkpoint_path(path, True) == weights
        assert objects.checkpoint_path(path, False) == model
    assert runs["checkpoints"]["w.{epoch:02d}.hdf5"] == [
        "w.{epoch:02d}.weights.h5",
        "w.{epoch:02d}.h5",
    ]
    assert runs["checkpoints"]["dir"] == ["dir.weights.h5", "dir.keras"]
