"""keras3: the objects a model is built from — losses, metrics, activations, initializers,
optimizers, learning-rate schedules, callbacks, constraints, regularizers — and the
`config_*`, `random_*` and custom-object functions (R keras3 1.5.1).

Every keras3 wrapper here uses `capture_args()`: only the arguments the R call gives are
sent, so Keras 3's defaults apply (keras 2.x's written-out R defaults must not leak in:
`regularizer_l1_l2()` sends nothing, `callback_remote_monitor()` no https root,
`initializer_variance_scaling()` no rewritten distribution). Entries are keras 2.x's
(`inherit`) where keras3 calls the same Python, with keras3's formals and coercions; where
keras 2.x's emitter bakes in keras 2 behaviour it is replaced (see each group).

keras3's `as_integer()` converts numbers only: strings ("epoch") and Python objects (a
`SeedGenerator` as `seed`) pass, hence `as_integer` below in place of `convert.as_int`.

Losses, metrics and activations are also used uncalled (`loss = loss_huber`): their
entries keep `convert` empty, so the bare name is the Python function, and an emitter
applies keras3's coercions when they are called.

What keras3 does otherwise than keras 2.x (checked against R keras3 1.5.1):
- `metric_binary_accuracy(y_true, y_pred)` is Keras 3's per-element value (no mean);
- `activation_sigmoid()` is the sigmoid, `activation_hard_sigmoid()` Keras 3's;
- `callback_lambda()` hooks get 1-based epochs and batches (keras3's `wrap_sig_idx_logs`),
  and a named list they return updates the logs;
- `callback_early_stopping(min_delta =)` goes through as_integer(): 0.001 is sent as 0;
- `callback_model_checkpoint(filepath =)` is sent as written (Keras 3 checks the suffix);
- `optimizer_*(lr =)` fails in Keras 3 (as in R keras3); `decay =` is ignored by Keras 3;
- `random_categorical()` returns 1-based classes unless `zero_indexed = TRUE`;
- `random_integer(maxval =)` is rounded up (`as_integer(ceiling(x))`).
"""

from __future__ import annotations

import math

import libcst as cst

from ....grammar import nodes as n
from ... import pyast as py
from ...kinds import Kind
from .. import BoundCall, Entry
from ..convert import as_double, axis, int_list
from ..helpers import flag
from ..keras import objects as keras2
from ..keras.objects import argument, emitting, named_dots, removed, via, without
from ..keras.utilities import custom_objects
from ..tensorflow import seed_statement
from .signatures import add, as_integer, inherit, signature
from .table import TABLE

OBJECT = {"kind": Kind.PYOBJ}
NOTHING = {"kind": Kind.NULL, "visible": False}  # Python's None, invisible in R as well


# ---- keras3's coercions -------------------------------------------------------------------


def _literal(node: n.Node) -> float | None:
    if isinstance(node, n.Num) and not node.is_complex:
        return node.value
    if isinstance(node, n.Unary) and node.op == "-" and isinstance(node.operand, n.Num):
        return -node.operand.value
    return None


def truncated(label: str):
    """as_integer() on an argument meant as a double (keras3's early stopping `min_delta`):
    R truncates it, so does the translation, with a warning when that changes the value."""

    def convert(emitter, node: n.Node) -> cst.BaseExpression:
        value = _literal(node)
        if value is not None and value != int(value):
            emitter.report(
                "RK201",
                f"{label} goes through as_integer() in R keras3: {value:g} is sent as {int(value)}",
                node,
            )
        return as_integer(emitter, node)

    return convert


def ceiling(emitter, node: n.Node) -> cst.BaseExpression:
    """`as_integer(ceiling(x))` (random_integer's `maxval`)."""
    value = _literal(node)
    if value is not None:
        whole = math.ceil(value)
        return py.integer(whole) if whole >= 0 else py.unary("-", py.integer(-whole))
    if emitter.kind(node) in (Kind.INT, Kind.TENSOR):
        return emitter.expr(node)
    return py.call(emitter.imports.path("math.ceil"), emitter.expr(node))


def coercions(name: str, **extra) -> dict:
    """keras3's coercions for `name`'s arguments, with `extra` ones."""
    own = signature(name)
    convert = own.converters()
    convert.update(extra)
    return convert


def computes(bound: BoundCall) -> bool:
    """A loss or metric called with `y_true` or `y_pred` computes; otherwise it is built."""
    return bound.has("y_true") or bound.has("y_pred")


def _function_or_object(emitter, bound: BoundCall) -> Kind:
    return Kind.TENSOR if computes(bound) else Kind.PYOBJ


def valued(name: str, base: str | None = None, **changes) -> Entry:
    """A shared entry also used as a value: no `convert`, so the bare name is its target."""
    return inherit(name, base, convert={}, **changes)


def own_valued(name: str, target: str, params: str | None = None, **options) -> Entry:
    """A keras3-only entry also used as a value (see `valued`)."""
    params = signature(name).params if params is None else params
    return TABLE.add(name, target, params, **options)


# ---- losses -------------------------------------------------------------------------------
# With y_true/y_pred the function computes, without them the class is built; `axis` is
# 1-based; "sum_over_batch_size" is already keras3's default reduction (no "auto").

# keras3 name: keras 2.x name, for losses keras 2.x has (class and function from its table)
_SHARED_LOSSES = {
    name: name
    for name in (
        "loss_binary_crossentropy",
        "loss_categorical_crossentropy",
        "loss_categorical_hinge",
        "loss_cosine_similarity",
        "loss_hinge",
        "loss_huber",
        "loss_kl_divergence",
        "loss_mean_absolute_error",
        "loss_mean_absolute_percentage_error",
        "loss_mean_squared_error",
        "loss_mean_squared_logarithmic_error",
        "loss_poisson",
        "loss_sparse_categorical_crossentropy",
        "loss_squared_hinge",
    )
} | {"loss_log_cosh": "loss_logcosh"}

# keras3 only: (class, function)
_NEW_LOSSES = {
    "loss_binary_focal_crossentropy": ("BinaryFocalCrossentropy", "binary_focal_crossentropy"),
    "loss_categorical_focal_crossentropy": (
        "CategoricalFocalCrossentropy",
        "categorical_focal_crossentropy",
    ),
    "loss_categorical_generalized_cross_entropy": (
        "CategoricalGeneralizedCrossEntropy",
        "categorical_generalized_cross_entropy",
    ),
    "loss_circle": ("Circle", "circle"),
    "loss_ctc": ("CTC", "ctc"),
    "loss_dice": ("Dice", "dice"),
    "loss_tversky": ("Tversky", "tversky"),
}

LOSSES: dict[str, tuple[str, str]] = {
    **{name: keras2._LOSSES[base][:2] for name, base in _SHARED_LOSSES.items()},
    **_NEW_LOSSES,
}


def _loss(emitter, bound: BoundCall) -> cst.BaseExpression:
    named_dots(emitter, bound)
    class_name, function = LOSSES[bound.entry.name]
    target = f"keras.losses.{function if computes(bound) else class_name}"
    return via(emitter, bound, target, convert=coercions(bound.entry.name))


for _name, _base in _SHARED_LOSSES.items():
    valued(_name, _base, emit=_loss, kind=_function_or_object)
for _name, (_class, _function) in _NEW_LOSSES.items():
    own_valued(_name, f"keras.losses.{_function}", emit=_loss, kind=_function_or_object)


# ---- metrics ------------------------------------------------------------------------------
# As losses: a metric with y_true/y_pred formals computes when given them. keras3 calls
# Keras 3's functions directly (binary_accuracy is per element, no mean as keras 2.x added).

_SHARED_METRICS = {
    name: name
    for name in (
        "metric_auc",
        "metric_binary_accuracy",
        "metric_binary_crossentropy",
        "metric_categorical_accuracy",
        "metric_categorical_crossentropy",
        "metric_cosine_similarity",
        "metric_false_negatives",
        "metric_false_positives",
        "metric_hinge",
        "metric_mean",
        "metric_mean_absolute_error",
        "metric_mean_absolute_percentage_error",
        "metric_mean_iou",
        "metric_mean_squared_error",
        "metric_mean_squared_logarithmic_error",
        "metric_mean_wrapper",
        "metric_poisson",
        "metric_precision",
        "metric_precision_at_recall",
        "metric_recall",
        "metric_recall_at_precision",
        "metric_root_mean_squared_error",
        "metric_sensitivity_at_specificity",
        "metric_sparse_categorical_accuracy",
        "metric_sparse_categorical_crossentropy",
        "metric_sparse_top_k_categorical_accuracy",
        "metric_specificity_at_sensitivity",
        "metric_squared_hinge",
        "metric_sum",
        "metric_top_k_categorical_accuracy",
        "metric_true_negatives",
        "metric_true_positives",
    )
} | {
    "metric_kl_divergence": "metric_kullback_leibler_divergence",
    "metric_log_cosh_error": "metric_logcosh_error",
}

# keras3 only, or with a function keras 2.x's lacks: (class or None, function or None)
_OWN_METRICS = {
    "metric_categorical_hinge": ("CategoricalHinge", "categorical_hinge"),
    "metric_binary_focal_crossentropy": (None, "binary_focal_crossentropy"),
    "metric_categorical_focal_crossentropy": (None, "categorical_focal_crossentropy"),
    "metric_huber": (None, "huber"),
    "metric_log_cosh": (None, "logcosh"),  # `log_cosh` under `from tensorflow import keras`
    "metric_binary_iou": ("BinaryIoU", None),
    "metric_concordance_correlation": ("ConcordanceCorrelation", "concordance_correlation"),
    "metric_f1_score": ("F1Score", None),
    "metric_fbeta_score": ("FBetaScore", None),
    "metric_iou": ("IoU", None),
    "metric_one_hot_iou": ("OneHotIoU", None),
    "metric_one_hot_mean_iou": ("OneHotMeanIoU", None),
    "metric_pearson_correlation": ("PearsonCorrelation", "pearson_correlation"),
    "metric_r2_score": ("R2Score", None),
}

METRICS: dict[str, tuple[str | None, str | None]] = {
    **{name: keras2._METRICS[base][:2] for name, base in _SHARED_METRICS.items()},
    **_OWN_METRICS,
}

# `target_class_ids` is always a list of ints (`as.list(as_integer(x))`).
_METRIC_CONVERT = {"target_class_ids": int_list}


def _metric(emitter, bound: BoundCall) -> cst.BaseExpression:
    named_dots(emitter, bound)
    class_name, function = METRICS[bound.entry.name]
    use_function = function is not None and (class_name is None or computes(bound))
    target = f"keras.metrics.{function if use_function else class_name}"
    convert = coercions(bound.entry.name, **_METRIC_CONVERT)
    return via(emitter, bound, target, convert=convert)


def _metric_kind(emitter, bound: BoundCall) -> Kind:
    class_name, _ = METRICS[bound.entry.name]
    return Kind.TENSOR if class_name is None else _function_or_object(emitter, bound)


for _name, (_class, _function) in METRICS.items():
    _target = f"keras.metrics.{_function or _class}"
    if _name in _SHARED_METRICS:
        valued(_name, _SHARED_METRICS[_name], target=_target, emit=_metric, kind=_metric_kind)
    else:
        own_valued(_name, _target, emit=_metric, kind=_metric_kind)

# py_func2(metric_fn, name = name): the R function under that name, as keras 2.x's.
inherit("custom_metric")


# ---- activations --------------------------------------------------------------------------
# Called with `x` they compute; uncalled they are the activation function. `axis` is 1-based.

_AXIS = emitting(convert={"axis": axis})

for _name in (
    "activation_elu",
    "activation_exponential",
    "activation_gelu",
    "activation_linear",
    "activation_selu",
    "activation_softplus",
    "activation_softsign",
    "activation_tanh",
):
    valued(_name)
valued("activation_relu", rename={})  # keras3's formal is Keras 3's `negative_slope`
valued("activation_softmax", emit=_AXIS)  # keras 2.x's axis was Python's; keras3's is R's

# keras3's own, and the two keras 2.x computed otherwise (its sigmoid called softmax, its
# hard sigmoid was TF2-Keras's): Keras 3's functions.
_ACTIVATIONS = {
    "activation_celu": None,
    "activation_glu": None,
    "activation_hard_shrink": None,
    "activation_hard_sigmoid": None,
    "activation_hard_silu": "x",  # structure(function(x) ...): formals not in the table
    "activation_hard_swish": "x",
    "activation_hard_tanh": None,
    "activation_leaky_relu": None,
    "activation_log_sigmoid": None,
    "activation_log_softmax": None,
    "activation_mish": None,
    "activation_relu6": None,
    "activation_sigmoid": None,
    "activation_silu": None,
    "activation_soft_shrink": None,
    "activation_sparse_plus": None,
    "activation_sparse_sigmoid": None,
    "activation_sparsemax": None,
    "activation_squareplus": None,
    "activation_tanh_shrink": None,
    "activation_threshold": "x threshold default_value",
}
for _name, _params in _ACTIVATIONS.items():
    _params = _params or signature(_name).params
    own_valued(
        _name,
        f"keras.activations.{_name.removeprefix('activation_')}",
        _params,
        emit=_AXIS if "axis" in _params.split() else None,
        kind=Kind.TENSOR,
    )


# ---- optimizers ---------------------------------------------------------------------------
# Keras 3's own signatures: no `lr`, no `decay`; counts through as_integer().

_OPTIMIZERS = {
    "optimizer_adadelta": "Adadelta",
    "optimizer_adafactor": "Adafactor",
    "optimizer_adagrad": "Adagrad",
    "optimizer_adam": "Adam",
    "optimizer_adam_w": "AdamW",
    "optimizer_adamax": "Adamax",
    "optimizer_ftrl": "Ftrl",
    "optimizer_lamb": "Lamb",
    "optimizer_lion": "Lion",
    "optimizer_loss_scale": "LossScaleOptimizer",
    "optimizer_muon": "Muon",
    "optimizer_nadam": "Nadam",
    "optimizer_rmsprop": "RMSprop",
    "optimizer_sgd": "SGD",
}


def _optimizer(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`lr` and `jit_compile` fail in Keras 3 (R keras3 sends them on); `decay` is ignored
    by Keras 3 with a warning."""
    removed(
        emitter,
        bound,
        ("lr",),
        "is refused by Keras 3 optimizers (R keras3 fails on it too): write learning_rate =",
    )
    removed(
        emitter,
        bound,
        ("jit_compile",),
        "is refused by Keras 3 optimizers (R keras3 fails on it too): it is a compile() argument",
    )
    decay = argument(bound, "decay")
    if decay is not None:
        emitter.report(
            "RK201",
            f"{bound.entry.name}(decay =) is ignored by Keras 3 (with a warning), as in R "
            "keras3: dropped; give a learning_rate_schedule_*() as learning_rate to decay",
            decay,
        )
    bound = without(bound, "decay")
    named_dots(emitter, bound)
    return via(emitter, bound, bound.entry.target)


for _name, _class in _OPTIMIZERS.items():
    _options = {"emit": _optimizer, "convert": coercions(_name, learning_rate=as_double), **OBJECT}
    if _name in keras2.TABLE.entries:
        inherit(_name, **_options)
    else:
        add(_name, f"keras.optimizers.{_class}", **_options)


# ---- learning-rate schedules --------------------------------------------------------------
# No `...`: only keras3's own coercions (inverse_time_decay's decay_steps is not one).

for _name in (
    "learning_rate_schedule_cosine_decay",
    "learning_rate_schedule_cosine_decay_restarts",
    "learning_rate_schedule_exponential_decay",
    "learning_rate_schedule_inverse_time_decay",
    "learning_rate_schedule_piecewise_constant_decay",
    "learning_rate_schedule_polynomial_decay",
):
    inherit(_name, emit=None, convert=coercions(_name))


# ---- initializers -------------------------------------------------------------------------
# Only the arguments given are sent (keras 2.x sent all): variance scaling's distribution
# is Keras 3's default, and "normal" is sent as written.

for _name in (
    "initializer_constant",
    "initializer_glorot_normal",
    "initializer_glorot_uniform",
    "initializer_he_normal",
    "initializer_he_uniform",
    "initializer_identity",
    "initializer_lecun_normal",
    "initializer_lecun_uniform",
    "initializer_ones",
    "initializer_orthogonal",
    "initializer_random_normal",
    "initializer_random_uniform",
    "initializer_truncated_normal",
    "initializer_variance_scaling",
    "initializer_zeros",
):
    inherit(_name, emit=None, convert=coercions(_name))
add("initializer_stft", "keras.initializers.STFT", **OBJECT)


# ---- constraints and regularizers ---------------------------------------------------------
# Constraint axes are 1-based (keras 2.x's were Python's); regularizers take Keras 3's
# argument names and defaults (keras 2.x's `l` and 0.01 defaults are gone).

for _name in (
    "constraint_maxnorm",
    "constraint_minmaxnorm",
    "constraint_nonneg",
    "constraint_unitnorm",
):
    inherit(_name, convert=coercions(_name))
for _name in ("regularizer_l1", "regularizer_l2", "regularizer_l1_l2", "regularizer_orthogonal"):
    inherit(_name, emit=None, rename={}, convert=coercions(_name))


# ---- callbacks ----------------------------------------------------------------------------
# Counts through as_integer(), which leaves "epoch" / "batch" strings alone.

for _name, _base in (
    ("callback_backup_and_restore", None),
    ("callback_csv_logger", None),
    ("callback_learning_rate_scheduler", None),  # its schedule gets 0-based epochs
    ("callback_model_checkpoint", None),  # the file name as written: Keras 3 checks it
    ("callback_reduce_lr_on_plateau", None),
    ("callback_remote_monitor", None),  # keras3 sends no root: Keras 3's http default
    ("callback_tensorboard", None),
    ("callback_terminate_on_nan", "callback_terminate_on_naan"),
):
    inherit(_name, _base, emit=None, convert=coercions(_name))
# the table's formals read `separator = ","` badly
TABLE.entries["callback_csv_logger"].params = ("filename", "separator", "append")
inherit(
    "callback_early_stopping",
    emit=None,
    convert=coercions(
        "callback_early_stopping",
        min_delta=truncated("callback_early_stopping(min_delta =)"),
    ),
)
add("callback_swap_ema_weights", "keras.callbacks.SwapEMAWeights", **OBJECT)

# callback_lambda(): each hook wrapped as keras3 wraps it (kerastools' wrap_sig_*).
_INDEXED_HOOKS = (
    "on_epoch_begin on_epoch_end on_train_batch_begin on_train_batch_end on_test_batch_begin "
    "on_test_batch_end on_predict_batch_begin on_predict_batch_end"
).split()
_LOGS_HOOKS = (
    "on_train_begin on_train_end on_test_begin on_test_end on_predict_begin on_predict_end"
).split()


def _hook(helper: str):
    def convert(emitter, node: n.Node) -> cst.BaseExpression:
        wrap = emitter.imports.path(f"rkeras2py.runtime.{helper}")
        return py.call(wrap, emitter.expr(node))

    return convert


def _callback_lambda(emitter, bound: BoundCall) -> cst.BaseExpression:
    named_dots(emitter, bound)
    return via(emitter, bound, bound.entry.target)


_LAMBDA_FORMALS = signature("callback_lambda").formals
inherit(
    "callback_lambda",
    # the hooks keras3 wraps in `...` too, by exact name
    params=(
        *_LAMBDA_FORMALS,
        *(h for h in _INDEXED_HOOKS + _LOGS_HOOKS if h not in _LAMBDA_FORMALS),
    ),
    emit=_callback_lambda,
    convert={
        **{hook: _hook("callback_hook") for hook in _INDEXED_HOOKS},
        **{hook: _hook("callback_logs_hook") for hook in _LOGS_HOOKS},
    },
)


# ---- config_* -----------------------------------------------------------------------------
# keras.config.<name>(), as keras3 calls it. Setters return None, invisibly in R too.

_CONFIG = {
    "config_backend": Kind.STR,
    "config_dtype_policy": Kind.PYOBJ,
    "config_epsilon": Kind.FLOAT,
    "config_floatx": Kind.STR,
    "config_image_data_format": Kind.STR,
    "config_is_flash_attention_enabled": Kind.UNKNOWN,  # None until it is set
    "config_is_interactive_logging_enabled": Kind.BOOL,
    "config_is_nnx_enabled": Kind.BOOL,
    "config_is_traceback_filtering_enabled": Kind.BOOL,
    "config_max_epochs": Kind.UNKNOWN,  # None or an int
    "config_max_steps_per_epoch": Kind.UNKNOWN,
}
for _name, _kind in _CONFIG.items():
    add(_name, f"keras.config.{_name.removeprefix('config_')}", kind=_kind)

for _name in (
    "config_disable_flash_attention",
    "config_disable_interactive_logging",
    "config_disable_traceback_filtering",
    "config_enable_flash_attention",
    "config_enable_interactive_logging",
    "config_enable_traceback_filtering",
    "config_enable_unsafe_deserialization",
    "config_set_dtype_policy",
    "config_set_epsilon",
    "config_set_floatx",
    "config_set_image_data_format",
    "config_set_max_epochs",
    "config_set_max_steps_per_epoch",
):
    add(
        _name,
        f"keras.config.{_name.removeprefix('config_')}",
        convert=coercions(_name),
        **NOTHING,
    )

add(
    "config_set_backend",
    "keras.config.set_backend",
    **NOTHING,
    status="replaced",
    note=(
        "the translation runs Keras from TensorFlow (`from tensorflow import keras`); "
        "keras.config.set_backend() reloads Keras, and `keras` in this program keeps the "
        "modules loaded before: set the KERAS_BACKEND environment variable instead"
    ),
)


# ---- random_* -----------------------------------------------------------------------------
# keras.random.<name>(); shapes are tuples of ints, seeds ints or a SeedGenerator.

_RANDOM = {
    "random_beta": "beta",
    "random_binomial": "binomial",
    "random_dropout": "dropout",
    "random_gamma": "gamma",
    "random_integer": "randint",
    "random_normal": "normal",
    "random_shuffle": "shuffle",
    "random_truncated_normal": "truncated_normal",
    "random_uniform": "uniform",
}
for _name, _function in _RANDOM.items():
    add(
        _name,
        f"keras.random.{_function}",
        convert=coercions(_name, maxval=ceiling) if _name == "random_integer" else coercions(_name),
        kind=Kind.TENSOR,
    )
add(
    "random_seed_generator",
    "keras.random.SeedGenerator",
    convert=coercions("random_seed_generator"),
    **OBJECT,
)


def _random_categorical(emitter, bound: BoundCall) -> cst.BaseExpression:
    """Keras 3's 0-based classes, plus one unless `zero_indexed = TRUE` (keras3 >= 1.4)."""
    zero_based = flag(emitter, bound, "zero_indexed")
    sample = via(emitter, without(bound, "zero_indexed"), bound.entry.target)
    return sample if zero_based else py.binop(sample, "+", py.integer(1))


add(
    "random_categorical",
    "keras.random.categorical",
    convert=coercions("random_categorical"),
    emit=_random_categorical,
    kind=Kind.TENSOR,
)


# ---- seeds, sessions and custom objects ---------------------------------------------------
# `from tensorflow import keras` has the saving functions under keras.utils (the same ones).

add(
    "set_random_seed",
    "keras.utils.set_random_seed",
    convert=coercions("set_random_seed"),
    statement=seed_statement,  # it calls R's set.seed() too
    **NOTHING,
)
add("clear_session", "keras.utils.clear_session", **NOTHING)
add("get_custom_objects", "keras.utils.get_custom_objects", kind=Kind.NAMED_LIST)
add(
    "set_custom_objects",
    "rkeras2py.runtime.set_custom_objects",
    convert={"objects": custom_objects},
    kind=Kind.NAMED_LIST,
)
add("serialize_keras_object", "keras.utils.serialize_keras_object", kind=Kind.NAMED_LIST)
add(
    "deserialize_keras_object",
    "keras.utils.deserialize_keras_object",
    convert={"custom_objects": custom_objects},
    **OBJECT,
)
add("get_registered_name", "keras.utils.get_registered_name", kind=Kind.STR)
add(
    "get_registered_object",
    "keras.utils.get_registered_object",
    convert={"custom_objects": custom_objects, "module_objects": custom_objects},
    **OBJECT,
)
# `with keras.utils.custom_object_scope(objects):` around the expression, as keras 2.x's
inherit("with_custom_object_scope")


def entries() -> dict[str, Entry]:
    """The entries this module defines (for tests and coverage)."""
    prefixes = (
        "loss_",
        "metric_",
        "activation_",
        "initializer_",
        "optimizer_",
        "callback_",
        "learning_rate_schedule_",
        "constraint_",
        "regularizer_",
        "config_",
        "random_",
    )
    singles = {
        "custom_metric",
        "set_random_seed",
        "clear_session",
        "get_custom_objects",
        "set_custom_objects",
        "with_custom_object_scope",
        "serialize_keras_object",
        "deserialize_keras_object",
        "get_registered_name",
        "get_registered_object",
    }
    return {
        name: entry
        for name, entry in TABLE.entries.items()
        if name.startswith(prefixes) or name in singles
    }
