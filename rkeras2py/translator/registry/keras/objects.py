"""The objects a model is built from: optimizers, losses, metrics, callbacks, initializers,
regularizers, constraints, activations and learning-rate schedules (R keras 2.15).

Two styles of R wrapper decide what is sent to Python. The newer ones (optimizers, losses,
metrics, schedules) use `capture_args()`: only the arguments the R call gives are sent, so
Keras 3's defaults apply, and `...` must be named. The older ones (initializers, callbacks,
regularizers, constraints) always send every R default; where one differs from Keras 3's
(`regularizer_l1_l2()`, `initializer_variance_scaling()`, `callback_remote_monitor()`) it
is written out.

Losses, metrics and activations are also used uncalled, as values (`loss = loss_huber`,
`metrics = metric_binary_accuracy`, `activation = activation_relu`): Keras then calls the R
function with `(y_true, y_pred)` (or `x`), which reaches the Python function. So an entry's
`target` is that function (what the bare name translates to), its `convert` is left empty,
and a special emitter decides what a call becomes: the function when the R call gives
`y_true`/`y_pred`, the class (`keras.losses.Huber()`) otherwise.

CAVEATS (R keras 2.15 with TF 2.15, checked with R keras itself):
- `optimizer_*(lr = )` is ignored: TF 2.15 optimizers drop `lr` with a warning, so the
  default learning rate is used; the translation drops it too, with a warning.
- `optimizer_*(decay = )` makes TF 2.15 fail; Keras 3 takes a learning-rate schedule.
- `activation_sigmoid()` computes softmax (R keras's body calls softmax): translated to
  `keras.activations.softmax`, as R computed, with a warning where it is called.
- `activation_hard_sigmoid()` is TF2-Keras's `clip(0.2 * x + 0.5, 0, 1)`; Keras 3's
  `hard_sigmoid` is `relu6(x + 3) / 6`: the runtime's `keras2_hard_sigmoid` keeps R's numbers.
- `metric_*(axis = )` makes R keras 2.15 fail (its wrapper applies a symbol); translated
  with the 1-based axis the wrapper documents, with a warning.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import libcst as cst

from ....checkpoints import checkpoint_path
from ....grammar import nodes as n
from ... import pyast as py
from ...emit.calls import table_call
from ...kinds import Kind
from .. import BoundCall, Entry, bind
from ..convert import as_double, as_int, axis, is_null
from .table import TABLE

OBJECT = {"kind": Kind.PYOBJ}


# ---- shared emitting helpers ----------------------------------------------------------------


def via(
    emitter,
    bound: BoundCall,
    target: str,
    *,
    convert: dict | None = None,
    defaults: dict[str, n.Node] | None = None,
) -> cst.BaseExpression:
    """`bound` called as a plain entry with `target` and these conversions, and `defaults`
    (R values) written by name where the R call leaves an argument out, as the R wrapper
    sends its own default."""
    entry = dataclasses.replace(
        bound.entry,
        target=target,
        emit=None,
        convert={**bound.entry.convert, **(convert or {})},
    )
    named, by_name = dict(bound.named), set(bound.by_name)
    for param, value in (defaults or {}).items():
        if param not in named:
            named[param] = _at(value, bound.node)
            by_name.add(param)
    complete = dataclasses.replace(bound, entry=entry, named=named, by_name=frozenset(by_name))
    return table_call(emitter, complete)


def _at(node: n.Node, place: n.Node) -> n.Node:
    """A copy of the R value `node` located at `place` (for diagnostics)."""
    return dataclasses.replace(node, line=place.line, column=place.column)


def r_string(value: str) -> n.Str:
    """An R string literal (an R default written out)."""
    return n.Str(value)


def r_double(text: str) -> n.Num:
    """An R double literal written as `text` (an R default written out)."""
    return n.Num(text)


def named_dots(emitter, bound: BoundCall) -> None:
    """`capture_args()` wrappers refuse unnamed arguments in `...`, as R keras does."""
    for arg in bound.extra:
        if arg.name is None:
            emitter.fail(
                "RK103",
                f"{bound.entry.name}(): all arguments provided to `...` must be named",
                arg.value if arg.value is not None else bound.node,
            )


def without(bound: BoundCall, *names: str) -> BoundCall:
    """`bound` without these arguments (named ones in `...` included)."""
    named = {key: value for key, value in bound.named.items() if key not in names}
    extra = [arg for arg in bound.extra if arg.name not in names]
    return dataclasses.replace(bound, named=named, extra=extra)


def argument(bound: BoundCall, name: str) -> n.Node | None:
    """An argument by name, whether it matched a formal or went to `...`; None if NULL."""
    value = bound.get(name)
    if value is None:
        value = next((arg.value for arg in bound.extra if arg.name == name), None)
    return None if is_null(value) else value


def ignored(emitter, bound: BoundCall, names: tuple[str, ...], why: str) -> BoundCall:
    """Arguments R keras 2.15 accepts but never hands on (or Keras 3 no longer takes, with no
    effect on what is computed): dropped, with a warning."""
    for name in names:
        value = argument(bound, name)
        if value is not None:
            emitter.report("RK201", f"{bound.entry.name}({name} =) {why}: dropped", value)
    return without(bound, *names)


def removed(emitter, bound: BoundCall, names: tuple[str, ...], why: str) -> None:
    """Arguments whose effect Keras 3 cannot reproduce: error RK111 naming the replacement."""
    for name in names:
        value = argument(bound, name)
        if value is not None:
            emitter.fail("RK111", f"{bound.entry.name}({name} =) {why}", value)


def _literal(node: n.Node | None):
    """A literal string, number or logical as a Python value (None if not a literal)."""
    if isinstance(node, n.Str):
        return node.value
    if isinstance(node, n.Num) and not node.is_complex:
        return node.value
    if isinstance(node, n.Unary) and node.op == "-" and isinstance(node.operand, n.Num):
        return -node.operand.value
    if isinstance(node, n.Const) and node.name in ("TRUE", "FALSE"):
        return node.name == "TRUE"
    return None


def emitting(
    *, convert: dict | None = None, defaults: dict | None = None
) -> Callable[..., cst.BaseExpression]:
    """A special emitter applying `convert`, so that the entry's own `convert` stays empty
    and its bare name translates to its target (`activation = activation_softmax`)."""

    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        named_dots(emitter, bound)
        return via(emitter, bound, bound.entry.target, convert=convert, defaults=defaults)

    return emit


def captured(emitter, bound: BoundCall) -> cst.BaseExpression:
    """A `capture_args()` wrapper: its entry as it is, `...` checked to be named."""
    named_dots(emitter, bound)
    return via(emitter, bound, bound.entry.target)


# ---- optimizers -------------------------------------------------------------------------------
# capture_args(): only what the R call gives is sent. Keras 3 has the same defaults.

_OPTIMIZER_TAIL = (
    "weight_decay clipnorm clipvalue global_clipnorm use_ema ema_momentum "
    "ema_overwrite_frequency jit_compile name ..."
)
_OPTIMIZERS = {
    "optimizer_adadelta": ("Adadelta", 0.001, "learning_rate rho epsilon"),
    "optimizer_adagrad": ("Adagrad", 0.001, "learning_rate initial_accumulator_value epsilon"),
    "optimizer_adam": ("Adam", 0.001, "learning_rate beta_1 beta_2 epsilon amsgrad"),
    "optimizer_adamax": ("Adamax", 0.001, "learning_rate beta_1 beta_2 epsilon"),
    "optimizer_ftrl": (
        "Ftrl",
        0.001,
        "learning_rate learning_rate_power initial_accumulator_value "
        "l1_regularization_strength l2_regularization_strength "
        "l2_shrinkage_regularization_strength beta",
    ),
    "optimizer_nadam": ("Nadam", 0.001, "learning_rate beta_1 beta_2 epsilon"),
    "optimizer_rmsprop": ("RMSprop", 0.001, "learning_rate rho momentum epsilon centered"),
    "optimizer_sgd": ("SGD", 0.01, "learning_rate momentum nesterov amsgrad"),
}
_DECAY_ADVICE = (
    "is refused by Keras 3 optimizers (and by R keras 2.15, which fails on it): give "
    "learning_rate = learning_rate_schedule_inverse_time_decay(<rate>, decay_steps = 1, "
    "decay_rate = <decay>) (keras.optimizers.schedules.InverseTimeDecay), which is the "
    "Keras 2 decay"
)


_NADAM = (
    "optimizer_nadam(): TF 2.15's Nadam, which R keras 2.15 drives, keeps its momentum-cache "
    "product with a Python counter and updates differently from Keras 3's Nadam: losses "
    "after the first step differ slightly from R's"
)


def _optimizer(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`lr` is ignored by R keras 2.15 (as there), `decay` is an error (as there)."""
    name = bound.entry.name
    _, default_rate, _ = _OPTIMIZERS[name]
    lr = argument(bound, "lr")
    if lr is not None:
        rate = "the `learning_rate` given" if bound.has("learning_rate") else default_rate
        emitter.report(
            "RK201",
            f"{name}(lr =) is ignored by R keras 2.15 (TF 2.15 optimizers drop `lr` with a "
            f"warning), so the learning rate was {rate}: dropped; write learning_rate = to "
            "set it",
            lr,
        )
    decay = argument(bound, "decay")
    if decay is not None and _literal(decay) != 0:
        emitter.fail("RK111", f"{name}(decay =) {_DECAY_ADVICE}", decay)
    if decay is not None:
        emitter.report("RK201", f"{name}(decay = 0) means no decay: dropped", decay)
    if name == "optimizer_nadam":
        emitter.report("RK201", _NADAM, bound.node)
    if name == "optimizer_sgd":
        removed(
            emitter,
            bound,
            ("amsgrad",),
            "is not an SGD argument (R keras 2.15 fails on it too): remove it",
        )
    bound = ignored(
        emitter,
        bound,
        ("jit_compile",),
        "is a model setting in Keras 3 (compile(jit_compile =)), not an optimizer's",
    )
    named_dots(emitter, without(bound, "lr", "decay"))
    convert = {"ema_overwrite_frequency": as_int}
    return via(emitter, without(bound, "lr", "decay"), bound.entry.target, convert=convert)


for _name, (_class, _rate, _params) in _OPTIMIZERS.items():
    TABLE.add(
        _name,
        f"keras.optimizers.{_class}",
        f"{_params} {_OPTIMIZER_TAIL}",
        emit=_optimizer,
        convert={"learning_rate": as_double},
        **OBJECT,
    )


# ---- learning-rate schedules -------------------------------------------------------------------
# capture_args(); `decay_steps` goes through as_integer().

_SCHEDULES = {
    "learning_rate_schedule_cosine_decay": (
        "CosineDecay",
        "initial_learning_rate decay_steps alpha ... name",
    ),
    "learning_rate_schedule_cosine_decay_restarts": (
        "CosineDecayRestarts",
        "initial_learning_rate first_decay_steps t_mul m_mul alpha ... name",
    ),
    "learning_rate_schedule_exponential_decay": (
        "ExponentialDecay",
        "initial_learning_rate decay_steps decay_rate staircase ... name",
    ),
    "learning_rate_schedule_inverse_time_decay": (
        "InverseTimeDecay",
        "initial_learning_rate decay_steps decay_rate staircase ... name",
    ),
    "learning_rate_schedule_piecewise_constant_decay": (
        "PiecewiseConstantDecay",
        "boundaries values ... name",
    ),
    "learning_rate_schedule_polynomial_decay": (
        "PolynomialDecay",
        "initial_learning_rate decay_steps end_learning_rate power cycle ... name",
    ),
}
for _name, (_class, _params) in _SCHEDULES.items():
    TABLE.add(
        _name,
        f"keras.optimizers.schedules.{_class}",
        _params,
        emit=captured,
        convert={"decay_steps": as_int, "first_decay_steps": as_int},
        **OBJECT,
    )


# ---- losses -----------------------------------------------------------------------------------
# capture_args(); with y_true/y_pred the loss function computes, without them the class is
# built. `axis` is 1-based (as_axis); reduction "auto" is Keras 3's "sum_over_batch_size".

_LOSSES = {
    # R name: (class, function, R formals between y_pred and `...`); `from tensorflow import
    # keras` names some functions by their tf.keras aliases (`mse`, `logcosh`, ...)
    "loss_binary_crossentropy": (
        "BinaryCrossentropy",
        "binary_crossentropy",
        "from_logits label_smoothing axis",
    ),
    "loss_categorical_crossentropy": (
        "CategoricalCrossentropy",
        "categorical_crossentropy",
        "from_logits label_smoothing axis",
    ),
    "loss_categorical_hinge": ("CategoricalHinge", "categorical_hinge", ""),
    "loss_cosine_similarity": ("CosineSimilarity", "cosine_similarity", "axis"),
    "loss_hinge": ("Hinge", "hinge", ""),
    "loss_huber": ("Huber", "huber", "delta"),
    "loss_kullback_leibler_divergence": ("KLDivergence", "kullback_leibler_divergence", ""),
    "loss_kl_divergence": ("KLDivergence", "kullback_leibler_divergence", ""),
    "loss_logcosh": ("LogCosh", "logcosh", ""),
    "loss_mean_absolute_error": ("MeanAbsoluteError", "mae", ""),
    "loss_mean_absolute_percentage_error": (
        "MeanAbsolutePercentageError",
        "mape",
        "",
    ),
    "loss_mean_squared_error": ("MeanSquaredError", "mse", ""),
    "loss_mean_squared_logarithmic_error": (
        "MeanSquaredLogarithmicError",
        "msle",
        "",
    ),
    "loss_poisson": ("Poisson", "poisson", ""),
    "loss_sparse_categorical_crossentropy": (
        "SparseCategoricalCrossentropy",
        "sparse_categorical_crossentropy",
        "from_logits axis",
    ),
    "loss_squared_hinge": ("SquaredHinge", "squared_hinge", ""),
}


def _reduction(emitter, node: n.Node) -> cst.BaseExpression:
    """R keras's default reduction "auto" no longer exists: Keras 3 calls it
    "sum_over_batch_size"."""
    if isinstance(node, n.Str) and node.value == "auto":
        return py.string("sum_over_batch_size")
    return emitter.expr(node)


def _computes(bound: BoundCall) -> bool:
    """Whether the R call computes (gives y_true or y_pred) rather than builds the object."""
    return bound.has("y_true") or bound.has("y_pred")


def _function_or_object(emitter, bound: BoundCall) -> Kind:
    return Kind.TENSOR if _computes(bound) else Kind.PYOBJ


def _loss(emitter, bound: BoundCall) -> cst.BaseExpression:
    named_dots(emitter, bound)
    class_name, function, _ = _LOSSES[bound.entry.name]
    if _computes(bound):
        return via(emitter, bound, f"keras.losses.{function}", convert={"axis": axis})
    convert = {"axis": axis, "reduction": _reduction}
    return via(emitter, bound, f"keras.losses.{class_name}", convert=convert)


for _name, (_class, _function, _formals) in _LOSSES.items():
    TABLE.add(
        _name,
        f"keras.losses.{_function}",
        " ".join(f"y_true y_pred {_formals} ... reduction name".split()),
        emit=_loss,
        kind=_function_or_object,
    )

_COSINE_PROXIMITY = (
    "is deprecated in R keras 2.15, which computes loss_cosine_similarity() (the negative "
    "cosine): keras.losses.CosineSimilarity / keras.losses.cosine_similarity"
)


def _loss_cosine_proximity(emitter, bound: BoundCall) -> cst.BaseExpression:
    """R keras 2.15 hands every argument on to loss_cosine_similarity()."""
    return _loss(emitter, bind(bound.node, TABLE.entries["loss_cosine_similarity"]))


TABLE.add(
    "loss_cosine_proximity",
    "keras.losses.cosine_similarity",
    "...",
    emit=_loss_cosine_proximity,
    kind=lambda emitter, bound: _function_or_object(
        emitter, bind(bound.node, TABLE.entries["loss_cosine_similarity"])
    ),
    status="replaced",
    note=_COSINE_PROXIMITY,
)


# ---- metrics ----------------------------------------------------------------------------------
# py_metric_wrapper(): capture_args(). A metric with a Python function takes y_true, y_pred
# first and computes when given them; a class-only metric takes `...` first.

_METRICS = {
    # R name: (class, function or None, R formals, formals R sends as.integer())
    "metric_accuracy": ("Accuracy", None, "", ""),
    "metric_auc": (
        "AUC",
        None,
        "num_thresholds curve summation_method thresholds multi_label num_labels "
        "label_weights from_logits",
        "num_thresholds",
    ),
    "metric_binary_accuracy": ("BinaryAccuracy", "binary_accuracy", "threshold", ""),
    "metric_binary_crossentropy": (
        "BinaryCrossentropy",
        "binary_crossentropy",
        "from_logits label_smoothing axis",
        "",
    ),
    "metric_categorical_accuracy": ("CategoricalAccuracy", "categorical_accuracy", "", ""),
    "metric_categorical_crossentropy": (
        "CategoricalCrossentropy",
        "categorical_crossentropy",
        "from_logits label_smoothing axis",
        "",
    ),
    "metric_categorical_hinge": ("CategoricalHinge", None, "", ""),
    "metric_cosine_similarity": ("CosineSimilarity", None, "axis name", ""),
    "metric_false_negatives": ("FalseNegatives", None, "thresholds", ""),
    "metric_false_positives": ("FalsePositives", None, "thresholds", ""),
    "metric_hinge": ("Hinge", "hinge", "", ""),
    "metric_kullback_leibler_divergence": ("KLDivergence", "kullback_leibler_divergence", "", ""),
    "metric_logcosh_error": ("LogCoshError", None, "name", ""),
    "metric_mean": ("Mean", None, "name", ""),
    "metric_mean_absolute_error": ("MeanAbsoluteError", "mae", "", ""),
    "metric_mean_absolute_percentage_error": (
        "MeanAbsolutePercentageError",
        "mape",
        "",
        "",
    ),
    "metric_mean_iou": ("MeanIoU", None, "num_classes", "num_classes"),
    "metric_mean_squared_error": ("MeanSquaredError", "mse", "", ""),
    "metric_mean_squared_logarithmic_error": (
        "MeanSquaredLogarithmicError",
        "msle",
        "",
        "",
    ),
    "metric_mean_wrapper": ("MeanMetricWrapper", None, "fn", ""),
    "metric_poisson": ("Poisson", "poisson", "", ""),
    "metric_precision": ("Precision", None, "thresholds top_k class_id", "top_k"),
    "metric_precision_at_recall": (
        "PrecisionAtRecall",
        None,
        "recall num_thresholds class_id",
        "num_thresholds",
    ),
    "metric_recall": ("Recall", None, "thresholds top_k class_id", "top_k class_id"),
    "metric_recall_at_precision": (
        "RecallAtPrecision",
        None,
        "precision num_thresholds class_id",
        "num_thresholds",
    ),
    "metric_root_mean_squared_error": ("RootMeanSquaredError", None, "", ""),
    "metric_sensitivity_at_specificity": (
        "SensitivityAtSpecificity",
        None,
        "specificity num_thresholds class_id",
        "num_thresholds",
    ),
    "metric_sparse_categorical_accuracy": (
        "SparseCategoricalAccuracy",
        "sparse_categorical_accuracy",
        "",
        "",
    ),
    "metric_sparse_categorical_crossentropy": (
        "SparseCategoricalCrossentropy",
        "sparse_categorical_crossentropy",
        "from_logits axis",
        "",
    ),
    "metric_sparse_top_k_categorical_accuracy": (
        "SparseTopKCategoricalAccuracy",
        "sparse_top_k_categorical_accuracy",
        "k",
        "k",
    ),
    "metric_specificity_at_sensitivity": (
        "SpecificityAtSensitivity",
        None,
        "sensitivity num_thresholds class_id",
        "num_thresholds",
    ),
    "metric_squared_hinge": ("SquaredHinge", "squared_hinge", "", ""),
    "metric_sum": ("Sum", None, "", ""),
    "metric_top_k_categorical_accuracy": (
        "TopKCategoricalAccuracy",
        "top_k_categorical_accuracy",
        "k",
        "k",
    ),
    "metric_true_negatives": ("TrueNegatives", None, "thresholds", ""),
    "metric_true_positives": ("TruePositives", None, "thresholds", ""),
}


def _metric(emitter, bound: BoundCall) -> cst.BaseExpression:
    named_dots(emitter, bound)
    class_name, function, _, integers = _METRICS[bound.entry.name]
    convert = {name: as_int for name in integers.split()}
    if bound.get("axis") is not None and not is_null(bound.get("axis")):
        emitter.report(
            "RK201",
            f"{bound.entry.name}(axis =) fails in R keras 2.15 (its wrapper's as_axis "
            "modifier is a symbol, not a function); translated with the 1-based axis it "
            "documents",
            bound.get("axis"),
        )
        convert["axis"] = axis
    if function is not None and _computes(bound):
        computed = via(emitter, bound, f"keras.metrics.{function}", convert=convert)
        if function in _PER_ELEMENT:
            # Keras 2 averaged over the last axis; Keras 3 gives one value per element
            mean = emitter.imports.path("keras.ops.mean")
            return py.call(mean, computed, py.arg(py.integer(-1), "axis"))
        return computed
    return via(emitter, bound, f"keras.metrics.{class_name}", convert=convert)


# Metric functions that Keras 3 no longer averages over the last axis.
_PER_ELEMENT = frozenset({"binary_accuracy"})


def _metric_params(function: str | None, formals: str) -> str:
    head = "y_true y_pred" if function else "..."
    tail = "... name dtype" if function else "name dtype"
    words = f"{head} {formals} {tail}".split()
    return " ".join(dict.fromkeys(words))  # `name` once, where R's formals put it


for _name, (_class, _function, _formals, _ints) in _METRICS.items():
    TABLE.add(
        _name,
        f"keras.metrics.{_function or _class}",
        _metric_params(_function, _formals),
        emit=_metric,
        kind=_function_or_object,
    )

TABLE.add(
    "metric_cosine_proximity",
    "keras.losses.cosine_similarity",
    "y_true y_pred",
    kind=Kind.TENSOR,
    status="replaced",
    note=(
        "is deprecated in R keras 2.15, where it computes the negative cosine as "
        "loss_cosine_similarity() does: keras.losses.cosine_similarity "
        "(keras.metrics.CosineSimilarity is the positive cosine)"
    ),
)
TABLE.add(
    "metric_mean_relative_error",
    params="... normalizer name dtype",
    status="removed",
    note=(
        "was removed in Keras 3 (keras.metrics.MeanRelativeError is gone): use "
        "metric_mean_wrapper(fn = function(y_true, y_pred) abs(y_true - y_pred) / normalizer) "
        "(keras.metrics.MeanMetricWrapper)"
    ),
)
TABLE.add(
    "metric_mean_tensor",
    params="... shape name dtype",
    status="removed",
    note="was removed in Keras 3 (keras.metrics.MeanTensor is gone): use metric_mean() "
    "(keras.metrics.Mean) per element, or keep a running sum in a custom metric",
)

# custom_metric(name, fn): the R function, named `name` in the logs.
TABLE.add("custom_metric", "rkeras2py.runtime.custom_metric", "name metric_fn", kind=Kind.FUNCTION)


# ---- activations ------------------------------------------------------------------------------
# Called with `x` they compute; uncalled they are the activation function itself.

for _name, _params in (
    ("activation_elu", "x alpha"),
    ("activation_exponential", "x"),
    ("activation_gelu", "x approximate"),
    ("activation_linear", "x"),
    ("activation_selu", "x"),
    ("activation_softplus", "x"),
    ("activation_softsign", "x"),
    ("activation_swish", "x"),
    ("activation_tanh", "x"),
):
    TABLE.add(_name, f"keras.activations.{_name[11:]}", _params, kind=Kind.TENSOR)

# R's `alpha` is Keras 3's `negative_slope`.
TABLE.add(
    "activation_relu",
    "keras.activations.relu",
    "x alpha max_value threshold",
    rename={"alpha": "negative_slope"},
    kind=Kind.TENSOR,
)
# `axis` is as.integer(), not shifted: Python's axis.
TABLE.add(
    "activation_softmax",
    "keras.activations.softmax",
    "x axis",
    emit=emitting(convert={"axis": as_int}),
    kind=Kind.TENSOR,
)
# TF2-Keras's hard sigmoid (0.2 * x + 0.5, clipped), which Keras 3 changed.
TABLE.add("activation_hard_sigmoid", "rkeras2py.runtime.keras2_hard_sigmoid", "x", kind=Kind.TENSOR)


def _activation_sigmoid(emitter, bound: BoundCall) -> cst.BaseExpression:
    """R keras 2.x's activation_sigmoid() calls softmax: what R computed is kept."""
    return via(emitter, bound, "keras.activations.softmax")


TABLE.add(
    "activation_sigmoid",
    "keras.activations.softmax",
    "x",
    emit=_activation_sigmoid,
    caveat="computes softmax in R keras 2.x (its body calls keras$activations$softmax): "
    "translated as keras.activations.softmax; use keras.activations.sigmoid if the sigmoid "
    "was meant",
    kind=Kind.TENSOR,
)


# ---- initializers -----------------------------------------------------------------------------
# Every argument is sent; R's defaults are Keras 3's except VarianceScaling's distribution.

_SEED = {"seed": as_int}
for _name, _class, _params in (
    ("initializer_zeros", "Zeros", ""),
    ("initializer_ones", "Ones", ""),
    ("initializer_constant", "Constant", "value"),
    ("initializer_random_normal", "RandomNormal", "mean stddev seed"),
    ("initializer_random_uniform", "RandomUniform", "minval maxval seed"),
    ("initializer_truncated_normal", "TruncatedNormal", "mean stddev seed"),
    ("initializer_orthogonal", "Orthogonal", "gain seed"),
    ("initializer_identity", "Identity", "gain"),
    ("initializer_lecun_normal", "LecunNormal", "seed"),
    ("initializer_lecun_uniform", "LecunUniform", "seed"),
    ("initializer_glorot_normal", "GlorotNormal", "seed"),
    ("initializer_glorot_uniform", "GlorotUniform", "seed"),
    ("initializer_he_normal", "HeNormal", "seed"),
    ("initializer_he_uniform", "HeUniform", "seed"),
):
    TABLE.add(
        _name,
        f"keras.initializers.{_class}",
        _params,
        convert=_SEED if "seed" in _params else {},
        **OBJECT,
    )


def _distribution(emitter, node: n.Node) -> cst.BaseExpression:
    """R rewrites "normal" to "untruncated_normal" (Keras 3 would read it as truncated)."""
    if isinstance(node, n.Str):
        return py.string("untruncated_normal" if node.value == "normal" else node.value)
    value = emitter.expr(node)
    normal = py.compare(value, "==", py.string("normal"))
    return py.ternary(normal, py.string("untruncated_normal"), value)


TABLE.add(
    "initializer_variance_scaling",
    "keras.initializers.VarianceScaling",
    "scale mode distribution seed",
    emit=emitting(
        convert={"distribution": _distribution, "seed": as_int},
        defaults={"distribution": r_string("untruncated_normal")},
    ),
    **OBJECT,
)


# ---- regularizers -----------------------------------------------------------------------------
# R's `l` is Keras 3's `l1` / `l2`; regularizer_l1_l2() sends 0.01 for both (Keras 3: 0.0).

TABLE.add("regularizer_l1", "keras.regularizers.L1", "l", rename={"l": "l1"}, **OBJECT)
TABLE.add("regularizer_l2", "keras.regularizers.L2", "l", rename={"l": "l2"}, **OBJECT)
TABLE.add(
    "regularizer_l1_l2",
    "keras.regularizers.L1L2",
    "l1 l2",
    emit=emitting(defaults={"l1": r_double("0.01"), "l2": r_double("0.01")}),
    **OBJECT,
)
TABLE.add(
    "regularizer_orthogonal",
    "keras.regularizers.OrthogonalRegularizer",
    "factor mode ...",
    emit=captured,
    **OBJECT,
)


# ---- constraints ------------------------------------------------------------------------------
# as.integer(): `max_value = 1.5` is sent as 1 (as R keras does); `axis` is Python's (0-based).

TABLE.add(
    "constraint_maxnorm",
    "keras.constraints.MaxNorm",
    "max_value axis",
    convert={"max_value": as_int, "axis": as_int},
    **OBJECT,
)
TABLE.add(
    "constraint_minmaxnorm",
    "keras.constraints.MinMaxNorm",
    "min_value max_value rate axis",
    convert={"axis": as_int},
    **OBJECT,
)
TABLE.add("constraint_nonneg", "keras.constraints.NonNeg", **OBJECT)
TABLE.add(
    "constraint_unitnorm",
    "keras.constraints.UnitNorm",
    "axis",
    convert={"axis": as_int},
    **OBJECT,
)


# ---- callbacks --------------------------------------------------------------------------------
# Every argument is sent; counts go through as.integer().

TABLE.add(
    "callback_early_stopping",
    "keras.callbacks.EarlyStopping",
    "monitor min_delta patience verbose mode baseline restore_best_weights",
    convert={"patience": as_int, "verbose": as_int},
    **OBJECT,
)
TABLE.add(
    "callback_reduce_lr_on_plateau",
    "keras.callbacks.ReduceLROnPlateau",
    "monitor factor patience verbose mode min_delta cooldown min_lr",
    convert={"patience": as_int, "verbose": as_int, "cooldown": as_int},
    **OBJECT,
)
TABLE.add(
    "callback_csv_logger",
    "keras.callbacks.CSVLogger",
    "filename separator append",
    **OBJECT,
)
TABLE.add(
    "callback_learning_rate_scheduler",
    "keras.callbacks.LearningRateScheduler",
    "schedule",
    **OBJECT,
)
TABLE.add("callback_terminate_on_naan", "keras.callbacks.TerminateOnNaN", **OBJECT)
TABLE.add(
    "callback_backup_and_restore",
    "keras.callbacks.BackupAndRestore",
    "backup_dir ...",
    emit=captured,
    **OBJECT,
)
# R's default root is https (Python's is http), and R sends it.
TABLE.add(
    "callback_remote_monitor",
    "keras.callbacks.RemoteMonitor",
    "root path field headers send_as_json",
    emit=emitting(defaults={"root": r_string("https://localhost:9000")}),
    **OBJECT,
)


def _progbar_logger(emitter, bound: BoundCall) -> cst.BaseExpression:
    why = "only changes the progress display, and Keras 3's ProgbarLogger takes no arguments"
    bound = ignored(emitter, bound, ("count_mode", "stateful_metrics"), why)
    return via(emitter, bound, bound.entry.target)


TABLE.add(
    "callback_progbar_logger",
    "keras.callbacks.ProgbarLogger",
    "count_mode stateful_metrics",
    emit=_progbar_logger,
    **OBJECT,
)


def _tensorboard(emitter, bound: BoundCall) -> cst.BaseExpression:
    """R keras 2.15 never sends `batch_size`, `write_grads` or the `embeddings_*` arguments
    to TF's TensorBoard; `log_dir = NULL` is "logs", Keras 3's default too."""
    bound = ignored(
        emitter,
        bound,
        ("batch_size", "write_grads"),
        "is ignored by R keras 2.15 (TensorFlow >= 1.14)",
    )
    bound = ignored(
        emitter,
        bound,
        ("embeddings_freq", "embeddings_layer_names", "embeddings_metadata", "embeddings_data"),
        "is never sent by R keras 2.15 to TensorFlow's TensorBoard",
    )
    convert = {"histogram_freq": as_int, "profile_batch": as_int}
    return via(emitter, bound, bound.entry.target, convert=convert)


TABLE.add(
    "callback_tensorboard",
    "keras.callbacks.TensorBoard",
    "log_dir histogram_freq batch_size write_graph write_grads write_images embeddings_freq "
    "embeddings_layer_names embeddings_metadata embeddings_data update_freq profile_batch",
    emit=_tensorboard,
    **OBJECT,
)

_LAMBDA_HOOKS = (
    "on_epoch_begin on_epoch_end on_batch_begin on_batch_end on_train_batch_begin "
    "on_train_batch_end on_train_begin on_train_end on_predict_batch_begin "
    "on_predict_batch_end on_predict_begin on_predict_end on_test_batch_begin "
    "on_test_batch_end on_test_begin on_test_end"
)


def _lambda_callback(emitter, bound: BoundCall) -> cst.BaseExpression:
    """R functions become Python functions; Keras 3 takes the hooks beyond its six named
    ones as keyword arguments too."""
    bound = ignored(
        emitter, bound, ("on_predict_end",), "is never sent by R keras 2.15 (a bug in its wrapper)"
    )
    return via(emitter, bound, bound.entry.target)


TABLE.add(
    "callback_lambda",
    "keras.callbacks.LambdaCallback",
    _LAMBDA_HOOKS,
    emit=_lambda_callback,
    **OBJECT,
)


def _checkpoint_filepath(emitter, bound: BoundCall) -> cst.BaseExpression:
    node = bound.get("filepath")
    weights = bound.get("save_weights_only")
    weights_value = False if weights is None else _literal(weights)
    if isinstance(node, n.Str) and isinstance(weights_value, bool):
        path = checkpoint_path(node.value, weights_value)
        if path != node.value:
            emitter.report(
                "RK201",
                f'callback_model_checkpoint(filepath = "{node.value}") saves to "{path}": '
                "Keras 3 wants .weights.h5 for weights and .keras (or .h5) for a model; "
                "code reading the file afterwards must use the new name",
                node,
            )
        return py.string(path)
    helper = emitter.imports.path("rkeras2py.runtime.checkpoint_filepath")
    flag = py.name("False") if weights is None else emitter.expr(weights)
    return py.call(helper, emitter.expr(node), py.arg(flag, "save_weights_only"))


def _save_freq(emitter, node: n.Node) -> cst.BaseExpression:
    """A string stays ("epoch"), a number of batches is an integer."""
    return emitter.expr(node) if emitter.kind(node) is Kind.STR else as_int(emitter, node)


def _model_checkpoint(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`period` is ignored by R keras 2.15 (with a warning); the file name follows Keras 3's
    rules for what is saved."""
    if bound.get("filepath") is None:
        emitter.fail("RK103", "callback_model_checkpoint() needs `filepath`", bound.node)
    bound = ignored(
        emitter,
        bound,
        ("period",),
        "is ignored by R keras 2.15 (deprecated since TF 1.14): use save_freq",
    )
    convert = {
        "filepath": lambda e, node: _checkpoint_filepath(e, bound),
        "verbose": as_int,
        "save_freq": _save_freq,
    }
    return via(emitter, bound, bound.entry.target, convert=convert)


TABLE.add(
    "callback_model_checkpoint",
    "keras.callbacks.ModelCheckpoint",
    "filepath monitor verbose save_best_only save_weights_only mode period save_freq",
    emit=_model_checkpoint,
    **OBJECT,
)


def entries() -> dict[str, Entry]:
    """The entries this module defines (for tests and coverage)."""
    prefixes = (
        "optimizer_",
        "learning_rate_schedule_",
        "loss_",
        "metric_",
        "custom_metric",
        "activation_",
        "initializer_",
        "regularizer_",
        "constraint_",
        "callback_",
    )
    return {name: e for name, e in TABLE.entries.items() if name.startswith(prefixes)}


# `keras$losses$mean_squared_error` written out in R: `from tensorflow import keras` (TF 2.21)
# knows these functions under their short names only.
PATH_RENAMES = {
    f"keras.{group}.{long}": f"keras.{group}.{short}"
    for group in ("losses", "metrics")
    for long, short in (
        ("mean_squared_error", "mse"),
        ("mean_absolute_error", "mae"),
        ("mean_absolute_percentage_error", "mape"),
        ("mean_squared_logarithmic_error", "msle"),
        ("kl_divergence", "kullback_leibler_divergence"),
        ("log_cosh", "logcosh"),
    )
}
