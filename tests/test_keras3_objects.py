"""keras3's objects (registry/keras3/objects.py): losses, metrics, activations,
initializers, optimizers, learning-rate schedules, callbacks, constraints, regularizers,
`config_*`, `random_*` and the custom-object functions.

- translations: `(R, Python)` pairs per group: keras3's coercions (1-based loss, metric,
  activation and constraint axes; as_integer() counts, which leave strings alone), only
  the arguments given sent (none of keras 2.x's written-out R defaults), losses and
  metrics computing with y_true/y_pred and built without, keras3's own names;
- diagnostics: what keras3 refuses or changes (`lr`, `decay`, `min_delta` truncated);
- behaviour: one R program translated and run under TensorFlow, its printed values
  compared with what R keras3 1.5.1 printed for it (`/work/oracle3/run-r-keras3`,
  recorded below; `test_recorded_r_output_is_current` runs it again when asked);
- every keras3 export of these groups has an entry, and every Python path exists.
"""

# ruff: noqa: E501  (R programs and the values R printed are kept as recorded)

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from outputs import same_values
from snippets import assigned_value, missing_targets_program, normal, run_all, translate_all

from rkeras2py import translate
from rkeras2py.translator.registry import Registry
from rkeras2py.translator.registry.keras3 import objects

ORACLE = Path("/work/oracle3/run-r-keras3")
EXPORTS = Path("/work/shared/api/exports-keras3.txt")
PREAMBLE = """\
library(keras3)
x <- op_ones(c(2, 3))
yt <- op_ones(c(2, 3))
yp <- op_ones(c(2, 3))
g <- random_seed_generator(1)
"""


def value(call: str) -> tuple[str, list[str]]:
    """The Python expression `call` becomes, and the diagnostics."""
    return assigned_value(PREAMBLE, call)


# ---- translations ------------------------------------------------------------------------

LOSSES = [
    # computed with y_true/y_pred, built without; the axis is 1-based
    (
        "loss_categorical_crossentropy(yt, yp, axis = 1)",
        "keras.losses.categorical_crossentropy(yt, yp, axis=0)",
    ),
    (
        "loss_binary_crossentropy(from_logits = TRUE, axis = -1)",
        "keras.losses.BinaryCrossentropy(from_logits=True, axis=-1)",
    ),
    # "auto" is not keras3's: sent as written (Keras 3 refuses it, as in R)
    ("loss_huber(delta = 2, reduction = 'sum')", "keras.losses.Huber(delta=2.0, reduction='sum')"),
    ("loss_mean_squared_error(yt, yp)", "keras.losses.mse(yt, yp)"),
    ("loss_log_cosh()", "keras.losses.LogCosh()"),
    ("loss_log_cosh(yt, yp)", "keras.losses.logcosh(yt, yp)"),
    (
        "loss_kl_divergence(y_pred = yp, y_true = yt)",
        "keras.losses.kullback_leibler_divergence(y_true=yt, y_pred=yp)",
    ),
    (
        "loss_sparse_categorical_crossentropy(ignore_class = 0)",
        "keras.losses.SparseCategoricalCrossentropy(ignore_class=0)",
    ),
    # keras3 only
    (
        "loss_binary_focal_crossentropy(gamma = 3)",
        "keras.losses.BinaryFocalCrossentropy(gamma=3.0)",
    ),
    ("loss_dice(yt, yp, axis = c(2, 3))", "keras.losses.dice(yt, yp, axis=[1, 2])"),
    (
        "loss_circle(gamma = 64, ref_labels = c(1, 2))",
        "keras.losses.Circle(ref_labels=[1, 2], gamma=64)",
    ),
    ("loss_tversky(alpha = 0.3)", "keras.losses.Tversky(alpha=0.3)"),
    ("loss_ctc()", "keras.losses.CTC()"),
    # positional as keras3's formals match them
    (
        "loss_binary_crossentropy(yt, yp, FALSE, 0.1, 2)",
        "keras.losses.binary_crossentropy(yt, yp, False, 0.1, 1)",
    ),
    (
        "loss_categorical_generalized_cross_entropy(q = 0.7)",
        "keras.losses.CategoricalGeneralizedCrossEntropy(q=0.7)",
    ),
]

METRICS = [
    # Keras 3's per-element binary accuracy: no mean (keras 2.x averaged)
    ("metric_binary_accuracy(yt, yp)", "keras.metrics.binary_accuracy(yt, yp)"),
    ("metric_binary_accuracy(threshold = 0.6)", "keras.metrics.BinaryAccuracy(threshold=0.6)"),
    (
        "metric_sparse_categorical_crossentropy(axis = 2)",
        "keras.metrics.SparseCategoricalCrossentropy(axis=1)",
    ),
    ("metric_cosine_similarity(axis = 1)", "keras.metrics.CosineSimilarity(axis=0)"),
    (
        "metric_top_k_categorical_accuracy(yt, yp, k = 2)",
        "keras.metrics.top_k_categorical_accuracy(yt, yp, k=2)",
    ),
    (
        "metric_auc(num_thresholds = 50, curve = 'PR')",
        "keras.metrics.AUC(num_thresholds=50, curve='PR')",
    ),
    ("metric_precision(top_k = 1, class_id = 2)", "keras.metrics.Precision(top_k=1, class_id=2)"),
    ("metric_kl_divergence()", "keras.metrics.KLDivergence()"),
    ("metric_log_cosh_error()", "keras.metrics.LogCoshError()"),
    ("metric_categorical_hinge(yt, yp)", "keras.metrics.categorical_hinge(yt, yp)"),
    # function-only metrics compute; keras3-only classes
    ("metric_huber(yt, yp, delta = 2)", "keras.metrics.huber(yt, yp, delta=2.0)"),
    ("metric_log_cosh(yt, yp)", "keras.metrics.logcosh(yt, yp)"),
    (
        "metric_iou(num_classes = 3, target_class_ids = 1)",
        "keras.metrics.IoU(num_classes=3, target_class_ids=[1])",
    ),
    (
        "metric_one_hot_mean_iou(num_classes = 3, axis = 2)",
        "keras.metrics.OneHotMeanIoU(num_classes=3, axis=1)",
    ),
    ("metric_f1_score(average = 'micro')", "keras.metrics.F1Score(average='micro')"),
    ("metric_r2_score(num_regressors = 2)", "keras.metrics.R2Score(num_regressors=2)"),
    (
        "metric_pearson_correlation(yt, yp, axis = 1)",
        "keras.metrics.pearson_correlation(yt, yp, axis=0)",
    ),
    (
        "metric_mean_wrapper(fn = function(y_true, y_pred) y_pred)",
        "keras.metrics.MeanMetricWrapper(fn=lambda y_true, y_pred: y_pred)",
    ),
    (
        "custom_metric('mine', function(y_true, y_pred) y_pred)",
        "custom_metric('mine', lambda y_true, y_pred: y_pred)",
    ),
]

ACTIVATIONS = [
    ("activation_softmax(x, axis = 1)", "keras.activations.softmax(x, axis=0)"),
    ("activation_log_softmax(x, axis = -1)", "keras.activations.log_softmax(x, axis=-1)"),
    (
        "activation_relu(x, negative_slope = 0.1, max_value = 6)",
        "keras.activations.relu(x, negative_slope=0.1, max_value=6.0)",
    ),
    ("activation_sigmoid(x)", "keras.activations.sigmoid(x)"),
    ("activation_hard_sigmoid(x)", "keras.activations.hard_sigmoid(x)"),
    ("activation_hard_silu(x)", "keras.activations.hard_silu(x)"),
    ("activation_leaky_relu(x, 0.3)", "keras.activations.leaky_relu(x, 0.3)"),
    ("activation_glu(x, axis = 2)", "keras.activations.glu(x, axis=1)"),
    ("activation_threshold(x, 0.5, 0)", "keras.activations.threshold(x, 0.5, 0.0)"),
    # uncalled: the function itself
    ("activation_softmax", "keras.activations.softmax"),
    ("loss_huber", "keras.losses.huber"),
    ("metric_binary_accuracy", "keras.metrics.binary_accuracy"),
]

OPTIMIZERS = [
    ("optimizer_adam(learning_rate = 0.01)", "keras.optimizers.Adam(learning_rate=0.01)"),
    ("optimizer_sgd(0.1, 0.9)", "keras.optimizers.SGD(0.1, 0.9)"),
    (
        "optimizer_rmsprop(use_ema = TRUE, ema_overwrite_frequency = 10, gradient_accumulation_steps = 2)",
        "keras.optimizers.RMSprop(use_ema=True, ema_overwrite_frequency=10, gradient_accumulation_steps=2)",
    ),
    ("optimizer_adam_w(weight_decay = 0.01)", "keras.optimizers.AdamW(weight_decay=0.01)"),
    ("optimizer_lion()", "keras.optimizers.Lion()"),
    ("optimizer_muon(ns_steps = 5)", "keras.optimizers.Muon(ns_steps=5)"),
    (
        "optimizer_loss_scale(optimizer_sgd(), dynamic_growth_steps = 100)",
        "keras.optimizers.LossScaleOptimizer(keras.optimizers.SGD(), dynamic_growth_steps=100)",
    ),
    # schedules: only keras3's own coercions (inverse time decay has none)
    (
        "learning_rate_schedule_exponential_decay(0.1, 1000, 0.96)",
        "keras.optimizers.schedules.ExponentialDecay(0.1, 1000, 0.96)",
    ),
    (
        "learning_rate_schedule_inverse_time_decay(0.1, 10, 0.5)",
        "keras.optimizers.schedules.InverseTimeDecay(0.1, 10.0, 0.5)",
    ),
    (
        "learning_rate_schedule_cosine_decay(0.1, 100, warmup_steps = 10, warmup_target = 1)",
        "keras.optimizers.schedules.CosineDecay(0.1, 100, warmup_target=1.0, warmup_steps=10)",
    ),
]

BUILDING_BLOCKS = [
    # keras3 sends only what is given (keras 2.x wrote out "untruncated_normal" and 0.01s)
    ("initializer_variance_scaling(scale = 2)", "keras.initializers.VarianceScaling(scale=2.0)"),
    (
        "initializer_variance_scaling(distribution = 'normal')",
        "keras.initializers.VarianceScaling(distribution='normal')",
    ),
    (
        "initializer_random_normal(stddev = 0.1, seed = 3)",
        "keras.initializers.RandomNormal(stddev=0.1, seed=3)",
    ),
    ("initializer_glorot_uniform(seed = g)", "keras.initializers.GlorotUniform(seed=g)"),
    ("initializer_stft(window = 'hamming')", "keras.initializers.STFT(window='hamming')"),
    ("regularizer_l1_l2(l1 = 0.1)", "keras.regularizers.L1L2(l1=0.1)"),
    ("regularizer_l1_l2()", "keras.regularizers.L1L2()"),
    ("regularizer_l2(0.001)", "keras.regularizers.L2(0.001)"),
    (
        "regularizer_orthogonal(factor = 0.1)",
        "keras.regularizers.OrthogonalRegularizer(factor=0.1)",
    ),
    # constraint axes are 1-based in keras3 (Python's in keras 2.x)
    ("constraint_maxnorm(2, axis = 1)", "keras.constraints.MaxNorm(2, axis=0)"),
    ("constraint_unitnorm(axis = c(1, 2))", "keras.constraints.UnitNorm(axis=[0, 1])"),
    ("constraint_minmaxnorm(0, 2, axis = 2)", "keras.constraints.MinMaxNorm(0.0, 2.0, axis=1)"),
    ("constraint_nonneg()", "keras.constraints.NonNeg()"),
]

CALLBACKS = [
    (
        "callback_early_stopping(patience = 2, start_from_epoch = 1)",
        "keras.callbacks.EarlyStopping(patience=2, start_from_epoch=1)",
    ),
    # the file name as written; save_freq "epoch" stays a string, a count is an int
    (
        "callback_model_checkpoint('best.weights.h5', save_weights_only = TRUE, save_freq = 10)",
        "keras.callbacks.ModelCheckpoint('best.weights.h5', save_weights_only=True, save_freq=10)",
    ),
    (
        "callback_model_checkpoint('m.keras', save_freq = 'epoch')",
        "keras.callbacks.ModelCheckpoint('m.keras', save_freq='epoch')",
    ),
    (
        "callback_tensorboard('logs', update_freq = 'batch', profile_batch = c(2, 4))",
        "keras.callbacks.TensorBoard('logs', update_freq='batch', profile_batch=[2, 4])",
    ),
    (
        "callback_backup_and_restore('backup', save_freq = 5)",
        "keras.callbacks.BackupAndRestore('backup', save_freq=5)",
    ),
    (
        "callback_csv_logger('log.csv', ';', TRUE)",
        "keras.callbacks.CSVLogger('log.csv', ';', True)",
    ),
    ("callback_remote_monitor()", "keras.callbacks.RemoteMonitor()"),
    (
        "callback_reduce_lr_on_plateau(patience = 3, cooldown = 1)",
        "keras.callbacks.ReduceLROnPlateau(patience=3, cooldown=1)",
    ),
    (
        "callback_learning_rate_scheduler(function(epoch, lr) lr * 0.9, verbose = 1)",
        "keras.callbacks.LearningRateScheduler(lambda epoch, lr: lr * 0.9, verbose=1)",
    ),
    ("callback_terminate_on_nan()", "keras.callbacks.TerminateOnNaN()"),
    ("callback_swap_ema_weights(TRUE)", "keras.callbacks.SwapEMAWeights(True)"),
    # hooks wrapped as keras3 wraps them: 1-based epochs and batches
    (
        "callback_lambda(on_epoch_end = function(epoch, logs) print(epoch), on_test_begin = function(logs) print(logs))",
        "keras.callbacks.LambdaCallback(on_epoch_end=callback_hook(lambda epoch, logs: print(epoch)), on_test_begin=callback_logs_hook(lambda logs: print(logs)))",
    ),
]

CONFIG_AND_RANDOM = [
    ("config_floatx()", "keras.config.floatx()"),
    ("config_epsilon()", "keras.config.epsilon()"),
    ("config_image_data_format()", "keras.config.image_data_format()"),
    ("config_is_interactive_logging_enabled()", "keras.config.is_interactive_logging_enabled()"),
    ("config_dtype_policy()", "keras.config.dtype_policy()"),
    # shapes as tuples of ints, seeds as ints or a SeedGenerator
    ("random_uniform(c(2, 3), seed = 1)", "keras.random.uniform((2, 3), seed=1)"),
    ("random_normal(5, mean = 1, seed = g)", "keras.random.normal((5,), mean=1.0, seed=g)"),
    ("random_truncated_normal(c(NA, 2))", "keras.random.truncated_normal((None, 2))"),
    # minval as.integer, maxval rounded up
    ("random_integer(c(2, 2), 1, 5.5)", "keras.random.randint((2, 2), 1, 6)"),
    ("random_integer(2, -3.5, -1.5)", "keras.random.randint((2,), -3, -1)"),
    # 1-based classes unless zero_indexed
    ("random_categorical(x, 2, seed = 3)", "keras.random.categorical(x, 2, seed=3) + 1"),
    ("random_categorical(x, 2, zero_indexed = TRUE)", "keras.random.categorical(x, 2)"),
    ("random_shuffle(x, axis = 2)", "keras.random.shuffle(x, axis=1)"),
    (
        "random_dropout(x, 0.5, noise_shape = c(1, 3))",
        "keras.random.dropout(x, 0.5, noise_shape=(1, 3))",
    ),
    ("random_gamma(c(2), alpha = 2)", "keras.random.gamma((2,), alpha=2.0)"),
    ("random_seed_generator(42)", "keras.random.SeedGenerator(42)"),
    ("get_custom_objects()", "keras.utils.get_custom_objects()"),
    ("get_registered_name(x)", "keras.utils.get_registered_name(x)"),
    ("serialize_keras_object(x)", "keras.utils.serialize_keras_object(x)"),
    (
        "deserialize_keras_object(x, custom_objects = list(f = x))",
        "keras.utils.deserialize_keras_object(x, custom_objects={'f': x})",
    ),
    ("set_custom_objects(list(f = x), clear = FALSE)", "set_custom_objects({'f': x}, clear=False)"),
]

TRANSLATIONS = (
    LOSSES + METRICS + ACTIVATIONS + OPTIMIZERS + BUILDING_BLOCKS + CALLBACKS + CONFIG_AND_RANDOM
)


@pytest.mark.parametrize(("r", "python"), TRANSLATIONS, ids=[r for r, _ in TRANSLATIONS])
def test_translation(r: str, python: str) -> None:
    expression, diagnostics = value(r)
    assert not diagnostics, diagnostics
    assert expression == normal(python)


STATEMENTS = [
    ("config_set_floatx('float64')", "keras.config.set_floatx('float64')"),
    ("config_set_max_epochs(3)", "keras.config.set_max_epochs(3)"),
    ("config_enable_unsafe_deserialization()", "keras.config.enable_unsafe_deserialization()"),
    ("set_random_seed(42)", "keras.utils.set_random_seed(42)"),
    ("clear_session()", "keras.utils.clear_session()"),
]


@pytest.mark.parametrize(("r", "python"), STATEMENTS, ids=[r for r, _ in STATEMENTS])
def test_setters_are_statements_printing_nothing(r: str, python: str) -> None:
    """R's reticulate returns Python's None invisibly: nothing is printed at top level."""
    code = translate(f"library(keras3)\n{r}\n").code
    assert code.rstrip().splitlines()[-1] == python.replace("'", '"')


def test_with_custom_object_scope_is_a_with_block() -> None:
    code = translate(
        "library(keras3)\nf <- function(x) x\nwith_custom_object_scope(list(f = f), m <- 1)\n"
    ).code
    assert 'with keras.utils.custom_object_scope({"f": f}):\n    m = 1' in code


# ---- diagnostics -------------------------------------------------------------------------

WARNED = [
    # keras3's as_integer(min_delta) truncates (R keras3 1.5.1 sends 0)
    (
        "callback_early_stopping(min_delta = 0.001)",
        "keras.callbacks.EarlyStopping(min_delta=0)",
        "0.001 is sent as 0",
    ),
    ("optimizer_adam(decay = 0.01)", "keras.optimizers.Adam()", "is ignored by Keras 3"),
    ("config_set_backend('jax')", "keras.config.set_backend('jax')", "KERAS_BACKEND"),
]


@pytest.mark.parametrize(("r", "python", "message"), WARNED, ids=[r for r, _, _ in WARNED])
def test_warned_translation(r: str, python: str, message: str) -> None:
    expression, diagnostics = value(r)
    assert expression == normal(python)
    assert any(message in d for d in diagnostics), diagnostics


REFUSED = [
    ("optimizer_adam(lr = 0.01)", "RK111", "write learning_rate ="),
    ("optimizer_sgd(jit_compile = TRUE)", "RK111", "compile() argument"),
    (
        "optimizer_adam(0.1, 0.9, 0.999, 1e-7, FALSE, NULL, NULL, NULL, NULL, FALSE, 0.99, NULL, 'a', 3)",
        "RK103",
        "must be named",
    ),
    ("loss_huber(yt, yp, 1, 'sum')", "RK103", "must be named"),
    ("loss_dice(yt, yp, axis = 0)", "RK103", "1 based"),
    ("callback_model_checkpoint('m.keras', period = 2)", "RK103", "takes no argument 'period'"),
]


@pytest.mark.parametrize(("r", "code", "message"), REFUSED, ids=[r for r, _, _ in REFUSED])
def test_refused(r: str, code: str, message: str) -> None:
    result = translate(PREAMBLE + f"z <- {r}\n")
    errors = [d for d in result.diagnostics if d.is_error]
    assert errors and errors[0].code == code, [d.format() for d in result.diagnostics]
    assert message in errors[0].message


# ---- coverage ----------------------------------------------------------------------------

_PREFIXES = (
    "loss_", "metric_", "activation_", "initializer_", "optimizer_", "callback_",
    "learning_rate_schedule_", "constraint_", "regularizer_", "config_", "random_",
)  # fmt: skip
_SINGLES = {
    "custom_metric", "set_random_seed", "clear_session", "get_custom_objects",
    "set_custom_objects", "with_custom_object_scope", "serialize_keras_object",
    "deserialize_keras_object", "get_registered_name", "get_registered_object",
}  # fmt: skip


def exported() -> list[str]:
    names = [line.split()[0] for line in EXPORTS.read_text().splitlines() if line.strip()]
    return [name for name in names if name.startswith(_PREFIXES) or name in _SINGLES]


def test_every_export_has_an_entry() -> None:
    names = exported()
    assert len(names) == 192 + len(_SINGLES)
    registry = Registry("keras3")
    missing = [name for name in names if registry.lookup(name, "keras3") is None]
    assert missing == []
    assert set(names) <= set(objects.entries())


def python_targets() -> list[str]:
    """Every `keras....` path the entries can emit (targets, loss and metric classes)."""
    targets = {
        e.target for e in objects.entries().values() if e.target and e.target.startswith("keras.")
    }
    targets |= {f"keras.losses.{name}" for pair in objects.LOSSES.values() for name in pair}
    targets |= {
        f"keras.metrics.{name}" for pair in objects.METRICS.values() for name in pair if name
    }
    return sorted(targets)


# ---- behaviour ---------------------------------------------------------------------------

PROGRAM = """\
library(keras3)
yt <- rbind(c(1, 0, 0), c(0, 1, 0))
yp <- rbind(c(0.7, 0.2, 0.1), c(0.2, 0.5, 0.3))
cat("loss", as.numeric(loss_categorical_crossentropy(yt, yp)), "\\n")
cat("loss axis", as.numeric(loss_categorical_crossentropy(yt, yp, axis = 1)), "\\n")
l <- loss_categorical_crossentropy(axis = 2)
cat("loss object", as.numeric(l(yt, yp)), "\\n")
cat("binary accuracy", as.numeric(metric_binary_accuracy(c(1, 0, 1), c(0.8, 0.3, 0.2))), "\\n")
m <- metric_binary_accuracy(threshold = 0.25)
m$update_state(c(1, 0, 1), c(0.8, 0.3, 0.2))
cat("metric", as.numeric(m$result()), "\\n")
auc <- metric_auc(num_thresholds = 50)
auc$update_state(c(0, 0, 1, 1), c(0.1, 0.4, 0.35, 0.8))
cat("auc", as.numeric(auc$result()), "\\n")
cat("floatx", config_floatx(), config_epsilon(), config_image_data_format(), "\\n")
cat("softmax", as.numeric(activation_softmax(rbind(c(1, 2), c(3, 5)), axis = 1)), "\\n")
cat("log_softmax", as.numeric(activation_log_softmax(rbind(c(1, 2), c(3, 5)))), "\\n")
cat("sigmoid", as.numeric(activation_sigmoid(c(0, 1))), "\\n")
cat("hard_sigmoid", as.numeric(activation_hard_sigmoid(c(0, 1))), "\\n")
opt <- optimizer_adam(learning_rate = 0.01)
cat("lr", as.numeric(opt$learning_rate), "\\n")
sgd <- optimizer_sgd(learning_rate = learning_rate_schedule_exponential_decay(0.1, 10, 0.5))
cat("schedule", as.numeric(sgd$learning_rate), "\\n")
es <- callback_early_stopping(monitor = "loss", min_delta = 0.5, patience = 3)
cat("early stopping", es$patience, es$min_delta, "\\n")
u1 <- random_uniform(c(2, 3), seed = 7)
u2 <- random_uniform(c(2, 3), seed = 7)
cat("uniform", dim(u1), all(as.array(u1) == as.array(u2)), "\\n")
ri <- random_integer(c(4), 1, 3.5, seed = 3)
cat("integer", all(as.array(ri) >= 1 & as.array(ri) <= 3), "\\n")
rc <- random_categorical(rbind(c(-100, -100, 100)), 2, seed = 1)
cat("categorical", as.numeric(rc), "\\n")
k <- constraint_maxnorm(1, axis = 1)
cat("maxnorm", as.numeric(k(rbind(c(3, 0), c(4, 1)))), "\\n")
r <- regularizer_l1_l2(l2 = 0.5)
cat("l1_l2", as.numeric(r(as.array(c(1, 2)))), "\\n")
iou <- metric_iou(num_classes = 2, target_class_ids = 1)
invisible(iou$update_state(c(0, 0, 1, 1), c(0, 1, 0, 1)))
cat("iou", as.numeric(iou$result()), "\\n")
init <- initializer_constant(0.5)
cat("initializer", as.numeric(init(shape = c(1, 2))), "\\n")
g <- random_seed_generator(3)
cat("seed generator", dim(random_normal(c(3), seed = g)), "\\n")
x <- rbind(c(1, 2), c(3, 4)); y <- c(1, 0)
set_random_seed(1)
model <- keras_model_sequential(input_shape = 2) |> layer_dense(1, kernel_initializer = initializer_ones())
model |> compile(loss = loss_mean_squared_error, optimizer = optimizer_sgd(0.01))
cb <- callback_lambda(on_epoch_end = function(epoch, logs) cat("epoch", epoch, "\\n"),
                      on_train_begin = function(logs) cat("begin\\n"))
h <- model |> fit(x, y, epochs = 2, verbose = 0, callbacks = list(cb))
"""

# What R keras3 1.5.1 (TF 2.21) printed for PROGRAM (the space cat() leaves before each
# newline stripped).
R_PRINTED = """\
loss 0.356675 0.6931472
loss axis 0.2513144 0.3364722 0
loss object 0.524911
binary accuracy 1 1 0
metric 0.3333333
auc 0.75
floatx float32 1e-07 channels_last
softmax 0.1192029 0.8807971 0.04742587 0.9525741
log_softmax -1.313262 -2.126928 -0.3132617 -0.126928
sigmoid 0.5 0.7310586
hard_sigmoid 0.5 0.6666667
lr 0.01
schedule 0.1
early stopping 3 0
uniform 2 3 TRUE
integer TRUE
categorical 3 3
maxnorm 0.6 0.8 0 0.9999999
l1_l2 2.5
iou 0.3333333
initializer 0.5 0.5
seed generator 3
begin
epoch 1
epoch 2
"""


@pytest.fixture(scope="module")
def run() -> dict:
    """PROGRAM translated and run, and the emitted paths looked up, in one Python process."""
    codes = translate_all({"objects": PROGRAM}, filename="{name}.R")
    results = run_all({**codes, "@missing": missing_targets_program(python_targets())})
    missing = results["@missing"]
    assert missing.error is None, missing.error
    program = results["objects"]
    return {"out": program.stdout, "error": program.error, "missing": json.loads(missing.stdout)}


def test_prints_what_r_keras3_printed(run: dict) -> None:
    assert run["error"] is None, run["error"]
    same, why = same_values(R_PRINTED, run["out"], rel=1e-5)
    assert same, f"{why}\n--- R:\n{R_PRINTED}\n--- Python:\n{run['out']}"


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("loss axis", [0.2513144, 0.3364722, 0.0]),  # axis = 1 is Python's 0
        ("softmax", [0.1192029, 0.8807971, 0.04742587, 0.9525741]),  # over rows
        ("binary accuracy", [1.0, 1.0, 0.0]),  # per element, no mean
        ("categorical", [3.0, 3.0]),  # 1-based class
        ("early stopping", [3.0, 0.0]),  # min_delta truncated, as R keras3 does
        ("lr", [0.01]),
        ("epoch", [1.0]),  # callback_lambda's epochs are 1-based
    ],
)
def test_values(run: dict, label: str, expected: list[float]) -> None:
    line = next(line for line in run["out"].splitlines() if line.startswith(label + " "))
    numbers = [float(word) for word in line[len(label) :].split()]
    assert numbers == pytest.approx(expected, rel=1e-5, abs=1e-7)


def test_random_uniform_has_the_shape_and_repeats_with_its_seed(run: dict) -> None:
    assert "uniform 2 3 True" in run["out"]


def test_every_target_exists_under_tensorflow_keras(run: dict) -> None:
    assert run["missing"] == []


@pytest.mark.skipif(
    not ORACLE.exists() or not os.environ.get("RKERAS2PY_ORACLE"),
    reason="set RKERAS2PY_ORACLE=1 to run R keras3 (/work/oracle3, ~15 s)",
)
def test_recorded_r_output_is_current(tmp_path: Path) -> None:
    program = tmp_path / "objects.R"
    program.write_text(PROGRAM)
    done = subprocess.run(
        [str(ORACLE), str(program), str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert [line.rstrip() for line in done.stdout.splitlines()] == R_PRINTED.splitlines()
