"""Layer wrappers: `layer_*()`, the RNN cells, the merge layers, `bidirectional()`,
`time_distributed()` and `adapt()`.

Each entry lists the R formals after `object` as R keras 2.15 has them, so positional
arguments match as in R, and the coercions the R wrapper applies (`as.integer(units)`,
`as_integer_tuple(kernel_size)`, `normalize_shape(target_shape)`, `as_axis(axis)`). Wrappers
written with `...` (R keras's `capture_args()`) pass the `...` to the layer's constructor
and take the standard layer arguments (`input_shape`, `name`, ...) by exact name only.

Axes: only `layer_batch_normalization()`, `layer_normalization()` and
`layer_unit_normalization()` shift a 1-based `axis` (`as_axis`); `layer_concatenate()`,
`layer_dot()`, `layer_layer_normalization()` and `layer_activation_softmax()` pass it on as
Python's 0-based axis (`as.integer`), as R keras 2.x does.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from ....grammar import nodes as n
from ... import pyast as py
from ...emit.calls import convert_argument, extra_arguments
from ...emit.values import keyword_name
from ...kinds import Kind
from .. import BoundCall, Entry
from ..convert import as_int, axis, elements, int_list, int_tuple, is_null, py_value, shape
from ..helpers import is_false
from .compose import STANDARD, compose, compose_statement, layer, layer_kind
from .models import inplace_verb
from .table import TABLE

_STANDARD = STANDARD.split()


def wrapper(name: str, target: str, formals: str, **options) -> Entry:
    """A `layer_*()` entry with R's formals after `object`; a `...` wrapper also takes the
    standard layer arguments, by exact name (R's `capture_args()` forwards them)."""
    names = formals.split()
    if "..." in names:
        names += [arg for arg in _STANDARD if arg not in names]
    return layer(name, target, " ".join(names), standard=False, **options)


# ---- converters: the R wrappers' coercions ---------------------------------------------


def int_tuple_always(emitter, node: n.Node) -> cst.BaseExpression:
    """`as_integer_tuple(x, force_tuple = TRUE)`: a tuple even for one number (`dims`)."""
    values = elements(node)
    if values is not None:
        return py.list_([as_int(emitter, value) for value in values], tuple_=True)
    return py.call("tuple", as_int(emitter, node))


def padding(emitter, node: n.Node) -> cst.BaseExpression:
    """`normalize_padding()`/`normalize_cropping()`: numbers as a list of ints, a list of
    pairs (`list(c(1, 1), c(2, 2))`) as a list of int lists."""
    values = elements(node)
    if values is not None and any(
        elements(value) is None or len(elements(value)) > 1 for value in values
    ):
        return py.list_([as_int(emitter, value) for value in values])
    return as_int(emitter, node)


def keras_array(emitter, node: n.Node) -> cst.BaseExpression:
    """`keras_array(data)`: R vectors written out become numpy arrays (`adapt()` wants
    arrays, not Python lists); arrays, tensors and datasets pass as they are."""
    if _is_list_call(node) or (isinstance(node, n.Binary) and node.op == ":"):
        return py.call(py.dotted(emitter.imports.path("numpy.array")), py_value(emitter, node))
    return emitter.expr(node)


# ---- calls rewritten before R keras's composition applies -------------------------------

Prepare = Callable[["object", BoundCall], BoundCall]


def prepared(entry: Entry, prepare: Prepare) -> Entry:
    """`entry`, with its call rewritten by `prepare` (R defaults that the wrapper always
    sends written out, `inputs` taken as `object`) before composing the layer.

    Such a layer cannot join a `keras.Sequential([...])` list from below (compose only
    stacks plain entries), so it goes through `compose_layer()` there: correct, if wordier.
    """

    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        return compose(emitter, prepare(emitter, bound))

    def statement(emitter, bound: BoundCall, mode) -> list[cst.BaseStatement]:
        if entry.status == "replaced":
            emitter.report("RK210", f"{entry.name}(): {entry.note}", bound.node)
        return compose_statement(emitter, prepare(emitter, bound), mode)

    entry.emit, entry.statement = emit, statement
    entry.kind = lambda emitter, bound: layer_kind(emitter, prepare(emitter, bound))
    return entry


def _literal(value: str | float, at: n.Node) -> n.Node:
    node = n.Str(value) if isinstance(value, str) else n.Num(repr(float(value)))
    node.line, node.column = at.line, at.column
    return node


def sending(defaults: dict[str, str | float]) -> Prepare:
    """R defaults the wrapper always sends that Keras 3 does not share (or, for
    `layer_activation_selu()`, fixed arguments), written out when the call omits them."""

    def prepare(emitter, bound: BoundCall) -> BoundCall:
        named = dict(bound.named)
        for param, value in defaults.items():
            named.setdefault(param, _literal(value, bound.node))
        return BoundCall(bound.node, bound.entry, named, bound.extra, bound.by_name)

    return prepare


def inputs_as_object(emitter, bound: BoundCall) -> BoundCall:
    """Layers whose first formal is `inputs` compose onto it as others do onto `object`."""
    named = dict(bound.named)
    if "inputs" in named:
        named["object"] = named.pop("inputs")
    return BoundCall(bound.node, bound.entry, named, bound.extra, bound.by_name)


def removed_argument(argument: str, replacement: str) -> Callable:
    """A check: `argument = TRUE` has no Keras 3 counterpart (RK111 naming `replacement`);
    `FALSE`, R's default, is simply left out (the entry drops the argument)."""

    def check(emitter, bound: BoundCall) -> None:
        value = bound.get(argument)
        if value is not None and not is_null(value) and not is_false(value):
            emitter.fail("RK111", f"{bound.entry.name}({argument} =) {replacement}", value)

    return check


def checking(entry: Entry, check: Callable) -> Entry:
    """`entry`, with `check` run on every call of it (inside a Sequential stack too)."""
    entry.checks = (*entry.checks, check)
    return entry


# ---- core --------------------------------------------------------------------------------

wrapper(
    "layer_dense",
    "Dense",
    "units activation use_bias kernel_initializer bias_initializer kernel_regularizer "
    "bias_regularizer activity_regularizer kernel_constraint bias_constraint " + STANDARD,
    convert={"units": as_int},
)
wrapper(
    "layer_dropout",
    "Dropout",
    "rate noise_shape seed input_shape batch_input_shape batch_size name trainable weights",
    convert={"noise_shape": shape, "seed": as_int},
)
wrapper("layer_flatten", "Flatten", "data_format input_shape dtype name trainable weights")
wrapper("layer_reshape", "Reshape", "target_shape " + STANDARD, convert={"target_shape": shape})
wrapper("layer_permute", "Permute", "dims " + STANDARD, convert={"dims": int_tuple_always})
wrapper(
    "layer_repeat_vector",
    "RepeatVector",
    "n batch_size name trainable weights",
    convert={"n": as_int},
)
# `f` is the Python `function` argument; an R function becomes a lambda or a def
wrapper(
    "layer_lambda",
    "Lambda",
    "f output_shape mask arguments " + STANDARD,
    rename={"f": "function"},
    convert={"output_shape": shape},
)
wrapper("layer_activity_regularization", "ActivityRegularization", "l1 l2 " + STANDARD)
wrapper("layer_masking", "Masking", "mask_value " + STANDARD)

# ---- activations -------------------------------------------------------------------------

wrapper("layer_activation", "Activation", "activation " + STANDARD)
wrapper(
    "layer_activation_leaky_relu",
    "LeakyReLU",
    "alpha " + STANDARD,
    rename={"alpha": "negative_slope"},
)
wrapper("layer_activation_elu", "ELU", "alpha " + STANDARD)
wrapper("layer_activation_relu", "ReLU", "max_value negative_slope threshold " + STANDARD)
wrapper(
    "layer_activation_parametric_relu",
    "PReLU",
    "alpha_initializer alpha_regularizer alpha_constraint shared_axes " + STANDARD,
    convert={"shared_axes": int_list},
)
# `axis` is Python's (0-based): R keras 2.x sends `as.integer(axis)`
wrapper("layer_activation_softmax", "Softmax", "axis " + STANDARD, convert={"axis": as_int})
# Keras 3 has no SELU layer: R keras itself builds `Activation("selu")`
prepared(
    wrapper("layer_activation_selu", "Activation", "activation " + STANDARD),
    sending({"activation": "selu"}),
)
# ThresholdedReLU(theta) is ReLU(threshold = theta): zero unless x > theta; R sends theta = 1
prepared(
    wrapper(
        "layer_activation_thresholded_relu",
        "ReLU",
        "theta " + STANDARD,
        status="replaced",
        note="ThresholdedReLU was removed in Keras 3: keras.layers.ReLU(threshold = theta) "
        "computes the same",
        rename={"theta": "threshold"},
    ),
    sending({"theta": 1.0}),
)

# ---- convolution -------------------------------------------------------------------------

_CONV_TAIL = (
    "activation use_bias kernel_initializer bias_initializer kernel_regularizer "
    "bias_regularizer activity_regularizer kernel_constraint bias_constraint " + STANDARD
)
_CONV = {
    "filters": as_int,
    "kernel_size": int_tuple,
    "strides": int_tuple,
    "dilation_rate": int_tuple,
    "groups": as_int,
    "output_padding": int_tuple,
    "depth_multiplier": as_int,
}
for _name, _target in (("1d", "Conv1D"), ("2d", "Conv2D"), ("3d", "Conv3D")):
    wrapper(
        f"layer_conv_{_name}",
        _target,
        "filters kernel_size strides padding data_format dilation_rate groups " + _CONV_TAIL,
        convert=_CONV,
    )
for _name, _target in (("2d", "Conv2DTranspose"), ("3d", "Conv3DTranspose")):
    wrapper(
        f"layer_conv_{_name}_transpose",
        _target,
        "filters kernel_size strides padding output_padding data_format dilation_rate "
        + _CONV_TAIL,
        convert=_CONV,
    )
# the 1-D transposed convolution coerces with as.integer, not as_integer_tuple
wrapper(
    "layer_conv_1d_transpose",
    "Conv1DTranspose",
    "filters kernel_size strides padding output_padding data_format dilation_rate " + _CONV_TAIL,
    convert={
        **_CONV,
        "kernel_size": as_int,
        "strides": as_int,
        "output_padding": as_int,
        "dilation_rate": as_int,
    },
)
_SEPARABLE_TAIL = (
    "activation use_bias depthwise_initializer pointwise_initializer bias_initializer "
    "depthwise_regularizer pointwise_regularizer bias_regularizer activity_regularizer "
    "depthwise_constraint pointwise_constraint bias_constraint " + STANDARD
)
for _name, _target in (("1d", "SeparableConv1D"), ("2d", "SeparableConv2D")):
    wrapper(
        f"layer_separable_conv_{_name}",
        _target,
        "filters kernel_size strides padding data_format dilation_rate depth_multiplier "
        + _SEPARABLE_TAIL,
        convert={**_CONV, "dilation_rate": as_int},
    )
wrapper(
    "layer_depthwise_conv_1d",
    "DepthwiseConv1D",
    "kernel_size strides padding depth_multiplier data_format dilation_rate activation "
    "use_bias depthwise_initializer bias_initializer ...",
    convert={
        "kernel_size": as_int,
        "strides": as_int,
        "depth_multiplier": as_int,
        "dilation_rate": as_int,
    },
)
wrapper(
    "layer_depthwise_conv_2d",
    "DepthwiseConv2D",
    "kernel_size strides padding depth_multiplier data_format dilation_rate activation "
    "use_bias depthwise_initializer bias_initializer depthwise_regularizer bias_regularizer "
    "activity_regularizer depthwise_constraint bias_constraint " + STANDARD,
    convert=_CONV,
)

# ConvLSTM: R keras (and TF2-keras) default recurrent_activation = "hard_sigmoid", Keras 3's
# is "sigmoid": it is written out. (Keras 3's hard_sigmoid is relu6(x + 3) / 6, no longer
# clip(0.2 x + 0.5, 0, 1).)
_CONV_LSTM = (
    "filters kernel_size strides padding data_format dilation_rate activation "
    "recurrent_activation use_bias kernel_initializer recurrent_initializer bias_initializer "
    "unit_forget_bias "
)
_CONV_LSTM_FLAGS = "return_sequences return_state go_backwards stateful dropout recurrent_dropout "
_CONV_LSTM_CONVERT = {**_CONV, "dilation_rate": as_int}
_HARD_SIGMOID = sending({"recurrent_activation": "hard_sigmoid"})
for _name, _target in (("1d", "ConvLSTM1D"), ("3d", "ConvLSTM3D")):
    prepared(
        wrapper(
            f"layer_conv_lstm_{_name}",
            _target,
            _CONV_LSTM + "recurrent_regularizer recurrent_constraint " + _CONV_LSTM_FLAGS + "...",
            convert=_CONV_LSTM_CONVERT,
        ),
        _HARD_SIGMOID,
    )
prepared(
    wrapper(
        "layer_conv_lstm_2d",
        "ConvLSTM2D",
        _CONV_LSTM
        + "kernel_regularizer recurrent_regularizer bias_regularizer activity_regularizer "
        "kernel_constraint recurrent_constraint bias_constraint "
        + _CONV_LSTM_FLAGS
        + "batch_size name trainable weights input_shape",
        convert=_CONV_LSTM_CONVERT,
    ),
    _HARD_SIGMOID,
)

# ---- pooling, padding, cropping, upsampling ----------------------------------------------

_POOL = {"pool_size": as_int, "strides": as_int}
for _kind, _prefix in (("max", "MaxPooling"), ("average", "AveragePooling")):
    for _dim in ("1d", "2d", "3d"):
        wrapper(
            f"layer_{_kind}_pooling_{_dim}",
            f"{_prefix}{_dim.upper()}",
            "pool_size strides padding data_format batch_size name trainable weights",
            convert=_POOL,
        )
    for _dim in ("1d", "2d", "3d"):
        wrapper(
            f"layer_global_{_kind}_pooling_{_dim}",
            f"Global{_prefix}{_dim.upper()}",
            "data_format keepdims ...",
        )

_TAIL = "batch_size name trainable weights"
wrapper("layer_upsampling_1d", "UpSampling1D", f"size {_TAIL}", convert={"size": as_int})
wrapper(
    "layer_upsampling_2d",
    "UpSampling2D",
    f"size data_format interpolation {_TAIL}",
    convert={"size": as_int},
)
wrapper(
    "layer_upsampling_3d", "UpSampling3D", f"size data_format {_TAIL}", convert={"size": as_int}
)
wrapper("layer_zero_padding_1d", "ZeroPadding1D", f"padding {_TAIL}", convert={"padding": as_int})
wrapper("layer_cropping_1d", "Cropping1D", f"cropping {_TAIL}", convert={"cropping": as_int})
for _dim in ("2d", "3d"):
    wrapper(
        f"layer_zero_padding_{_dim}",
        f"ZeroPadding{_dim.upper()}",
        f"padding data_format {_TAIL}",
        convert={"padding": padding},
    )
    wrapper(
        f"layer_cropping_{_dim}",
        f"Cropping{_dim.upper()}",
        f"cropping data_format {_TAIL}",
        convert={"cropping": padding},
    )

# ---- dropout and noise -------------------------------------------------------------------

for _dim in ("1d", "2d", "3d"):
    wrapper(
        f"layer_spatial_dropout_{_dim}",
        f"SpatialDropout{_dim.upper()}",
        "rate " + ("" if _dim == "1d" else "data_format ") + _TAIL,
    )
wrapper("layer_gaussian_noise", "GaussianNoise", "stddev seed ...", convert={"seed": as_int})
wrapper("layer_gaussian_dropout", "GaussianDropout", "rate seed ...", convert={"seed": as_int})
wrapper(
    "layer_alpha_dropout",
    "AlphaDropout",
    "rate noise_shape seed ...",
    convert={"seed": as_int, "noise_shape": shape},
)

# ---- normalization -----------------------------------------------------------------------

# 1-based `axis` (as_axis) since R keras 2.13
wrapper(
    "layer_batch_normalization",
    "BatchNormalization",
    "axis momentum epsilon center scale beta_initializer gamma_initializer "
    "moving_mean_initializer moving_variance_initializer beta_regularizer gamma_regularizer "
    "beta_constraint gamma_constraint synchronized ...",
    convert={"axis": axis},
)
# `axis` passed as Python's (as.integer)
wrapper(
    "layer_layer_normalization",
    "LayerNormalization",
    "axis epsilon center scale beta_initializer gamma_initializer beta_regularizer "
    "gamma_regularizer beta_constraint gamma_constraint trainable name",
    convert={"axis": as_int},
)
wrapper("layer_unit_normalization", "UnitNormalization", "axis ...", convert={"axis": axis})

# ---- embedding ---------------------------------------------------------------------------

# Keras 2's Embedding turned `input_length` into `input_shape = (input_length,)`, which is
# what Keras 3 still takes; `sparse` (gradients as IndexedSlices) is gone, the values are
# the same. `weights` is still an Embedding argument, passed through `...`.
wrapper(
    "layer_embedding",
    "Embedding",
    "input_dim output_dim embeddings_initializer embeddings_regularizer activity_regularizer "
    "embeddings_constraint mask_zero input_length sparse ... "
    "input_shape batch_input_shape batch_size dtype name trainable",
    convert={"input_dim": as_int, "output_dim": as_int, "input_length": shape},
    rename={"input_length": "input_shape"},
    drop=frozenset({"sparse"}),
)

# ---- recurrent ---------------------------------------------------------------------------

_RNN_TAIL = (
    "kernel_initializer recurrent_initializer bias_initializer {forget}kernel_regularizer "
    "recurrent_regularizer bias_regularizer activity_regularizer kernel_constraint "
    "recurrent_constraint bias_constraint dropout recurrent_dropout ..."
)
_RNN_FLAGS = "return_sequences return_state go_backwards stateful"
# `time_major` is gone from Keras 3: FALSE (R's default) is left out, TRUE wraps the layer in
# the runtime's `time_major()` (see compose.constructor)
_NO_TIME_MAJOR = frozenset({"time_major"})
wrapper(
    "layer_simple_rnn",
    "SimpleRNN",
    f"units activation use_bias {_RNN_FLAGS} unroll " + _RNN_TAIL.format(forget=""),
    convert={"units": as_int},
)
wrapper(
    "layer_lstm",
    "LSTM",
    f"units activation recurrent_activation use_bias {_RNN_FLAGS} time_major unroll "
    + _RNN_TAIL.format(forget="unit_forget_bias "),
    convert={"units": as_int},
    drop=_NO_TIME_MAJOR,
)
wrapper(
    "layer_gru",
    "GRU",
    f"units activation recurrent_activation use_bias {_RNN_FLAGS} unroll time_major "
    "reset_after " + _RNN_TAIL.format(forget=""),
    convert={"units": as_int},
    drop=_NO_TIME_MAJOR,
)
# `cell` may be a list of cells: Keras stacks them (StackedRNNCells)
wrapper(
    "layer_rnn",
    "RNN",
    f"cell {_RNN_FLAGS} unroll time_major ... zero_output_for_mask",
    drop=_NO_TIME_MAJOR,
)
# cuDNN is used by LSTM/GRU themselves when it can be
for _name, _target in (("lstm", "LSTM"), ("gru", "GRU")):
    prepared(
        wrapper(
            f"layer_cudnn_{_name}",
            _target,
            "units kernel_initializer recurrent_initializer bias_initializer "
            + ("unit_forget_bias " if _name == "lstm" else "")
            + "kernel_regularizer recurrent_regularizer bias_regularizer activity_regularizer "
            "kernel_constraint recurrent_constraint bias_constraint return_sequences "
            "return_state stateful " + STANDARD,
            convert={"units": as_int},
            status="replaced",
            note=f"CuDNN{_target} was removed in Keras 3: keras.layers.{_target} uses cuDNN "
            "by itself",
        ),
        lambda emitter, bound: bound,
    )

# The cells have no `object`: they are made, then given to layer_rnn()
_CELL = (
    "units activation {recurrent}use_bias kernel_initializer recurrent_initializer "
    "bias_initializer {forget}kernel_regularizer recurrent_regularizer bias_regularizer "
    "kernel_constraint recurrent_constraint bias_constraint dropout recurrent_dropout {more}..."
)
for _name, _target, _formals in (
    ("layer_simple_rnn_cell", "SimpleRNNCell", _CELL.format(recurrent="", forget="", more="")),
    (
        "layer_gru_cell",
        "GRUCell",
        _CELL.format(recurrent="recurrent_activation ", forget="", more="reset_after "),
    ),
    (
        "layer_lstm_cell",
        "LSTMCell",
        _CELL.format(recurrent="recurrent_activation ", forget="unit_forget_bias ", more=""),
    ),
):
    TABLE.add(
        _name, f"keras.layers.{_target}", _formals, convert={"units": as_int}, kind=Kind.LAYER
    )
TABLE.add("layer_stacked_rnn_cells", "keras.layers.StackedRNNCells", "cells ...", kind=Kind.LAYER)

# ---- wrappers ----------------------------------------------------------------------------

wrapper("bidirectional", "Bidirectional", "layer merge_mode weights backward_layer ...")
wrapper("time_distributed", "TimeDistributed", "layer ...")

# ---- attention ---------------------------------------------------------------------------

# `inputs` (a list: query, value[, key]) is what the layer is called on
_attention = prepared(
    wrapper("layer_attention", "Attention", "inputs use_scale score_mode ... dropout"),
    inputs_as_object,
)
_attention.params = (*_attention.params[1:], "object")  # `inputs` is the first formal
checking(
    wrapper(
        "layer_additive_attention",
        "AdditiveAttention",
        "use_scale ... causal dropout",
        drop=frozenset({"causal"}),
    ),
    removed_argument(
        "causal", "was removed in Keras 3: call the layer with use_causal_mask = TRUE"
    ),
)


@TABLE.special(
    "layer_multi_head_attention",
    params="inputs num_heads key_dim value_dim dropout use_bias output_shape attention_axes "
    "kernel_initializer bias_initializer kernel_regularizer bias_regularizer "
    "activity_regularizer kernel_constraint bias_constraint ...",
    kind=lambda emitter, bound: Kind.LAYER if bound.get("inputs") is None else Kind.TENSOR,
    convert={"num_heads": as_int, "key_dim": as_int, "value_dim": as_int, "output_shape": shape},
    pass_value=py_value,
)
def _multi_head_attention(emitter, bound: BoundCall) -> cst.BaseExpression:
    """The layer, called on `inputs` unpacked (`list(query, value)` is `(query, value)`).

    R keras 2.15 itself fails here: it hands `inputs` to the constructor too; the
    translation does what the R code means, and says so."""
    entry = bound.entry
    args = []
    for param in entry.params[1:]:
        value = bound.get(param)
        if param == "..." or value is None or is_null(value):
            continue
        converted = convert_argument(emitter, entry, param, value)
        args.append(py.arg(converted, keyword_name(param)))
    layer_value = py.call(
        emitter.imports.path("keras.layers.MultiHeadAttention"),
        *args,
        *extra_arguments(emitter, bound),
    )
    inputs = bound.get("inputs")
    if inputs is None or is_null(inputs):
        return layer_value
    emitter.report(
        "RK201",
        "layer_multi_head_attention(inputs =) fails in R keras 2.15 (it also passes `inputs` "
        "to the constructor); translated as the layer called on the inputs",
        inputs,
    )
    values = elements(inputs) if _is_list_call(inputs) else None
    if values is not None:
        call_args = [py.arg(emitter.expr(value)) for value in values]
    elif emitter.kind(inputs) is Kind.LIST:
        call_args = [py.arg(emitter.expr(inputs), star="*")]
    else:
        call_args = [py.arg(emitter.expr(inputs))]
    return py.call(layer_value, *call_args)


def _is_list_call(node: n.Node) -> bool:
    return (
        isinstance(node, n.Call) and isinstance(node.func, n.Name) and node.func.id in ("list", "c")
    )


# ---- merge layers ------------------------------------------------------------------------
#
# The first formal is `inputs`: missing, the layer itself; otherwise the layer called on
# the inputs, with unnamed tensors in `...` appended (named ones go to the constructor).


def _merge_kind(emitter, bound: BoundCall) -> Kind:
    return Kind.LAYER if bound.get("inputs") is None else Kind.TENSOR


def _merge_inputs(emitter, bound: BoundCall, more: list[n.Node]) -> cst.BaseExpression:
    """The list of input tensors: R's `c(inputs, <unnamed ...>)`."""
    inputs = bound.get("inputs")
    if _is_list_call(inputs) and elements(inputs) is not None:
        items = [emitter.expr(value) for value in elements(inputs)]
        return py.list_(items + [emitter.expr(value) for value in more])
    kind = emitter.kind(inputs)
    if not more:
        value = emitter.expr(inputs)
        return value if kind is Kind.LIST else py.list_([value]) if kind is Kind.TENSOR else value
    if kind is Kind.TENSOR:
        return py.list_([emitter.expr(inputs)] + [emitter.expr(value) for value in more])
    if kind is Kind.LIST:
        return py.list_(
            [cst.StarredElement(emitter.expr(inputs))] + [emitter.expr(v) for v in more]
        )
    runtime = emitter.imports.path("rkeras2py.runtime.merge_inputs")
    return py.call(runtime, emitter.expr(inputs), *[emitter.expr(value) for value in more])


def _is_list_input(emitter, node: n.Node) -> bool | None:
    """R's `is.list(inputs)`, when it can be known."""
    if _is_list_call(node):
        return True
    kind = emitter.kind(node)
    if kind is Kind.LIST:
        return True
    if kind is Kind.TENSOR:
        return False
    return None


def merge_layer(name: str, target: str, params: str = "inputs ...", convert=None, special=None):
    """A merge layer entry: `layer_add(inputs, ...)` and friends."""

    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        keywords, more = _merge_arguments(emitter, bound, special)
        layer_value = py.call(emitter.imports.path(f"keras.layers.{target}"), *keywords)
        if bound.get("inputs") is None:
            return layer_value
        return py.call(layer_value, _merge_inputs(emitter, bound, more))

    TABLE.add(
        name, params=params, emit=emit, kind=_merge_kind, convert=convert or {}, pass_value=py_value
    )


def _merge_arguments(emitter, bound: BoundCall, special) -> tuple[list[cst.Arg], list[n.Node]]:
    """Constructor keywords (the formals after `...`, then the named `...`), and the
    unnamed `...` (more input tensors)."""
    entry = bound.entry
    keywords: list[cst.Arg] = []
    more = [arg.value for arg in bound.extra if arg.name is None]
    if special is not None:
        more = special(emitter, bound, more)
    for param in entry.params[entry.params.index("...") + 1 :]:
        value = bound.get(param)
        if value is not None and not is_null(value):
            keywords.append(py.arg(convert_argument(emitter, entry, param, value), param))
    for arg in bound.extra:
        if arg.name is not None:
            keywords.append(py.arg(py_value(emitter, arg.value), keyword_name(arg.name)))
    return keywords, more


def _concatenate(emitter, bound: BoundCall, more: list[n.Node]) -> list[n.Node]:
    """R keras 2.15's axis rules: with a list, an unnamed number right after it is `axis`
    (back-compatibility); with tensors given one by one, `axis` is ignored (an R bug)."""
    inputs = bound.get("inputs")
    if inputs is None:
        return more
    is_list = _is_list_input(emitter, inputs)
    given = bound.get("axis")
    if is_list and given is None and more and _is_number(more[0]):
        bound.named["axis"] = more[0]
        return more[1:]
    if is_list is False and given is not None:
        emitter.report(
            "RK201",
            "layer_concatenate() ignores `axis` when the tensors are not given as a list "
            "(R keras 2.x bug): concatenated on the last axis, as R does",
            given,
        )
        del bound.named["axis"]
    elif is_list is None and given is not None:
        emitter.report(
            "RK201",
            "layer_concatenate(inputs, axis =) assumes `inputs` is a list (R ignores `axis` "
            "for a single tensor)",
            given,
        )
    return more


def _dot(emitter, bound: BoundCall, more: list[n.Node]) -> list[n.Node]:
    """With a list, unnamed arguments after it are `axes`, then `normalize`."""
    inputs = bound.get("inputs")
    if inputs is not None and _is_list_input(emitter, inputs):
        for param in ("axes", "normalize"):
            if bound.get(param) is None and more:
                bound.named[param] = more.pop(0)
    return more


def _is_number(node: n.Node) -> bool:
    return isinstance(node, n.Num) or (
        isinstance(node, n.Unary) and isinstance(node.operand, n.Num)
    )


for _name, _target in (
    ("layer_add", "Add"),
    ("layer_subtract", "Subtract"),
    ("layer_multiply", "Multiply"),
    ("layer_average", "Average"),
    ("layer_maximum", "Maximum"),
    ("layer_minimum", "Minimum"),
):
    merge_layer(_name, _target)
# `axis`/`axes` are Python's, 0-based (as.integer), in R keras 2.x
merge_layer("layer_concatenate", "Concatenate", "inputs ... axis", {"axis": as_int}, _concatenate)
merge_layer("layer_dot", "Dot", "inputs ... axes normalize", {"axes": as_int}, _dot)

# ---- preprocessing -----------------------------------------------------------------------

wrapper(
    "layer_resizing",
    "Resizing",
    "height width interpolation crop_to_aspect_ratio ...",
    convert={"height": as_int, "width": as_int},
)
wrapper("layer_rescaling", "Rescaling", "scale offset ...")
wrapper(
    "layer_center_crop",
    "CenterCrop",
    "height width ...",
    convert={"height": as_int, "width": as_int},
)
wrapper(
    "layer_random_crop",
    "RandomCrop",
    "height width seed ...",
    convert={"height": as_int, "width": as_int, "seed": as_int},
)
wrapper("layer_random_flip", "RandomFlip", "mode seed ...", convert={"seed": as_int})
wrapper(
    "layer_random_translation",
    "RandomTranslation",
    "height_factor width_factor fill_mode interpolation seed fill_value ...",
    convert={"seed": as_int},
)
wrapper(
    "layer_random_rotation",
    "RandomRotation",
    "factor fill_mode interpolation seed fill_value ...",
    convert={"seed": as_int},
)
wrapper(
    "layer_random_zoom",
    "RandomZoom",
    "height_factor width_factor fill_mode interpolation seed fill_value ...",
    convert={"seed": as_int},
)
wrapper("layer_random_contrast", "RandomContrast", "factor seed ...", convert={"seed": as_int})
wrapper(
    "layer_random_brightness",
    "RandomBrightness",
    "factor value_range seed ...",
    convert={"seed": as_int},
)
wrapper(
    "layer_category_encoding",
    "CategoryEncoding",
    "num_tokens output_mode sparse ...",
    convert={"num_tokens": as_int},
)
wrapper(
    "layer_hashing",
    "Hashing",
    "num_bins mask_value salt output_mode sparse ...",
    convert={"num_bins": as_int, "salt": as_int},
)
wrapper(
    "layer_integer_lookup",
    "IntegerLookup",
    "max_tokens num_oov_indices mask_token oov_token vocabulary vocabulary_dtype idf_weights "
    "invert output_mode sparse pad_to_max_tokens ...",
    convert={
        "num_oov_indices": as_int,
        "oov_token": as_int,
        "max_tokens": as_int,
        "mask_token": as_int,
    },
)
wrapper(
    "layer_string_lookup",
    "StringLookup",
    "max_tokens num_oov_indices mask_token oov_token vocabulary idf_weights encoding invert "
    "output_mode sparse pad_to_max_tokens ...",
    convert={"num_oov_indices": as_int, "max_tokens": as_int},
)
# R's layer_normalization() is the preprocessing Normalization layer: 1-based `axis`
wrapper(
    "layer_normalization",
    "Normalization",
    "axis mean variance invert ...",
    convert={"axis": axis},
)
wrapper(
    "layer_discretization",
    "Discretization",
    "bin_boundaries num_bins epsilon output_mode sparse ...",
    convert={"num_bins": as_int},
)
wrapper(
    "layer_text_vectorization",
    "TextVectorization",
    "max_tokens standardize split ngrams output_mode output_sequence_length "
    "pad_to_max_tokens vocabulary ...",
    convert={"max_tokens": as_int, "output_sequence_length": as_int, "ngrams": as_int},
)

# `adapt(layer, data)` fits a preprocessing layer's state in place and returns it invisibly
inplace_verb(
    "adapt",
    "adapt",
    "object data ... batch_size steps",
    convert={"data": keras_array, "batch_size": as_int, "steps": as_int},
    pass_value=py_value,
)

# ---- removed in Keras 3 ------------------------------------------------------------------

for _name, _formals, _note in (
    (
        "layer_dense_features",
        "object feature_columns name trainable " + STANDARD,
        "was removed in Keras 3 with feature columns: use keras.utils.FeatureSpace or "
        "preprocessing layers (layer_normalization(), layer_string_lookup(), "
        "layer_category_encoding())",
    ),
    (
        "layer_locally_connected_1d",
        "object filters kernel_size ...",
        "was removed in Keras 3 (LocallyConnected1D), with no replacement: use "
        "layer_conv_1d() (shared weights) or a custom layer",
    ),
    (
        "layer_locally_connected_2d",
        "object filters kernel_size ...",
        "was removed in Keras 3 (LocallyConnected2D), with no replacement: use "
        "layer_conv_2d() (shared weights) or a custom layer",
    ),
    (
        "layer_random_height",
        "object factor interpolation seed ...",
        "was removed in Keras 3 (RandomHeight): no layer resizes the height at random; "
        "use layer_random_zoom() (keras.layers.RandomZoom) to zoom within a fixed size or "
        "layer_resizing() (keras.layers.Resizing)",
    ),
    (
        "layer_random_width",
        "object factor interpolation seed ...",
        "was removed in Keras 3 (RandomWidth): no layer resizes the width at random; "
        "use layer_random_zoom() (keras.layers.RandomZoom) to zoom within a fixed size or "
        "layer_resizing() (keras.layers.Resizing)",
    ),
):
    TABLE.add(_name, None, _formals, status="removed", note=_note)
