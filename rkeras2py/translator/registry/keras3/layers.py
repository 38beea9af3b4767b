"""keras3: the `layer_*()` wrappers, the RNN cells, `adapt()`, the vocabulary verbs and the
`feature_*()` helpers of `layer_feature_space()`.

keras3 builds a layer and composes it as keras 2.x does (`create_layer()` /
`compose_layer()` in keras3's R/layer-r-helpers.R: no object, the layer; a Sequential
model, `model$add(layer)`; anything else, `layer(object)`), so the layers keras 2.x also
wraps share its entries (`inherit`), with keras3's formals and coercions. Where they differ:

- every layer `axis` is 1-based (`as_axis`): `layer_concatenate`, `layer_dot(axes)`,
  `layer_layer_normalization`, `layer_activation_softmax`, `layer_activation_parametric_relu
  (shared_axes)` too, which keras 2.x sends as Python's axes;
- keras3 forwards only the arguments the call gives (`capture_args()`): the R defaults
  keras 2.x writes out (ConvLSTM's `recurrent_activation = "hard_sigmoid"`) are not sent;
- merge layers take their input tensors as separate arguments as well as a list, and
  always honour `axis`;
- `layer_reshape(target_shape)` turns NA/NULL dimensions into -1;
- `as_integer` coerces numbers only: strings (`output_mode = "int"`), logicals and cells
  pass as they are.
"""

from __future__ import annotations

import dataclasses

import libcst as cst

from ....grammar import nodes as n
from ... import pyast as py
from ...emit.calls import convert_argument
from ...emit.values import keyword_name
from ...kinds import Kind
from .. import BoundCall, Entry
from ..convert import (
    _is_na,
    as_int,
    elements,
    int_tuple,
    is_null,
    py_value,
)
from ..keras.compose import compose, compose_statement, layer_kind
from .signatures import add, as_integer, inherit, signature
from .table import TABLE

# ---- converters: keras3's coercions --------------------------------------------------------


def target_shape(emitter, node: n.Node) -> cst.BaseExpression:
    """keras3's `layer_reshape(target_shape)`: a tuple of ints, NA/NULL dimensions as -1."""
    values = elements(node)
    if values is not None:
        return py.list_(
            [
                py.unary("-", py.integer(1)) if _is_na(v) or is_null(v) else as_int(emitter, v)
                for v in values
            ],
            tuple_=True,
        )
    runtime = emitter.imports.path("rkeras2py.runtime.reshape_target")
    return py.call(runtime, emitter.expr(node))


def as_tuple(emitter, node: n.Node) -> cst.BaseExpression:
    """keras3's `as_tuple()`: an R vector or list as a tuple (`value_range = c(0, 1)`)."""
    values = elements(node)
    if values is not None:
        return py.list_([py_value(emitter, v) for v in values], tuple_=True)
    return py.call("tuple", emitter.expr(node))


def scalar_or_tuple(emitter, node: n.Node) -> cst.BaseExpression:
    """keras3's `as_scalar_or_tuple()`: one number stays one, a vector is a tuple."""
    values = elements(node)
    if values is not None and len(values) == 1:
        return py_value(emitter, values[0])
    return as_tuple(emitter, node)


def named_list(emitter, node: n.Node) -> cst.BaseExpression:
    """`as.list(features)`: a named vector or list as a dict (`c(age = "float")`)."""
    if (
        isinstance(node, n.Call)
        and isinstance(node.func, n.Name)
        and node.func.id in ("c", "list")
        and node.args
        and all(arg.name and arg.value is not None for arg in node.args)
    ):
        return cst.Dict(
            [
                cst.DictElement(py.string(arg.name), py_value(emitter, arg.value))
                for arg in node.args
            ]
        )
    return py_value(emitter, node)


# ---- entries --------------------------------------------------------------------------------

# keras3's `as_integer` is numeric-only: these arguments often hold strings, logicals or
# layers, which the shared `as_int` would wrap in int()
_MAYBE_NUMERIC = ("output_mode", "vocabulary", "invert", "mask_token", "oov_token", "ragged")

# keras 2.x entries whose emitters do keras-2-only work (R defaults written out, `inputs`
# first, removed arguments checked): keras3 composes them plainly
_PLAIN = {
    "emit": compose,
    "statement": compose_statement,
    "kind": layer_kind,
    "checks": (),
    "rename": {},
    "drop": frozenset(),
}


def _numeric_only(entry: Entry, params: tuple[str, ...] = _MAYBE_NUMERIC) -> Entry:
    for param in params:
        if param in entry.convert:
            entry.convert[param] = as_integer
    return entry


def shared(name: str, base: str | None = None, plain: bool = False, **changes) -> Entry:
    """A keras3 layer keras 2.x also wraps, with keras3's formals and coercions."""
    return _numeric_only(inherit(name, base, **({**_PLAIN, **changes} if plain else changes)))


def new(name: str, target: str, **options) -> Entry:
    """A layer keras 2.x never wrapped: `keras.layers.<target>`, composed as every layer."""
    path = target if "." in target else f"keras.layers.{target}"
    options = {
        "emit": compose,
        "statement": compose_statement,
        "assigns": True,
        "kind": layer_kind,
        "visible": False,
        **options,
    }
    return _numeric_only(add(name, path, **options))


def alias(name: str, of: str) -> Entry:
    """keras3's backward-compatible names (`bidirectional <- layer_bidirectional`)."""
    entry = dataclasses.replace(TABLE.entries[of], name=name)
    TABLE.entries[name] = entry
    return entry


def _params_without(name: str, *drop: str, extra: str = "") -> tuple[str, ...]:
    params = [p for p in signature(name).params.split() if p not in drop]
    return (*params, *extra.split())


# core, activations, convolution, pooling, reshaping, regularization, normalization,
# preprocessing and recurrent layers: the same Python as keras 2.x
for _name in (
    "layer_dense layer_dropout layer_flatten layer_permute layer_repeat_vector layer_lambda "
    "layer_activity_regularization layer_masking "
    "layer_activation layer_activation_elu layer_activation_leaky_relu "
    "layer_activation_relu layer_activation_parametric_relu layer_activation_softmax "
    "layer_conv_1d layer_conv_2d layer_conv_3d layer_conv_1d_transpose "
    "layer_conv_2d_transpose layer_conv_3d_transpose layer_separable_conv_1d "
    "layer_separable_conv_2d layer_depthwise_conv_1d layer_depthwise_conv_2d "
    "layer_max_pooling_1d layer_max_pooling_2d layer_max_pooling_3d "
    "layer_average_pooling_1d layer_average_pooling_2d layer_average_pooling_3d "
    "layer_global_max_pooling_1d layer_global_max_pooling_2d layer_global_max_pooling_3d "
    "layer_global_average_pooling_1d layer_global_average_pooling_2d "
    "layer_global_average_pooling_3d "
    "layer_upsampling_1d layer_upsampling_2d layer_upsampling_3d layer_zero_padding_1d "
    "layer_zero_padding_2d layer_zero_padding_3d layer_cropping_1d layer_cropping_2d "
    "layer_cropping_3d "
    "layer_spatial_dropout_1d layer_spatial_dropout_2d layer_spatial_dropout_3d "
    "layer_gaussian_noise layer_gaussian_dropout layer_alpha_dropout "
    "layer_batch_normalization layer_layer_normalization layer_unit_normalization "
    "layer_resizing layer_rescaling layer_center_crop layer_random_crop layer_random_flip "
    "layer_random_translation layer_random_rotation layer_random_zoom "
    "layer_random_contrast layer_random_brightness layer_category_encoding layer_hashing "
    "layer_integer_lookup layer_string_lookup layer_normalization layer_discretization "
    "layer_simple_rnn layer_lstm layer_gru layer_rnn"
).split():
    shared(_name)

# keras 2.x entries with keras-2-only emitters: keras3 composes them plainly
for _name in ("layer_conv_lstm_1d", "layer_conv_lstm_2d", "layer_conv_lstm_3d"):
    shared(_name, plain=True)  # recurrent_activation: Keras 3's "sigmoid", as keras3's R
shared("layer_attention", plain=True)  # `object` first: a list(query, value) composes
shared("layer_additive_attention", plain=True)  # no `causal` formal: `...` passes it on

# `layer_reshape(target_shape)`: NA/NULL dimensions are -1
shared(
    "layer_reshape",
    convert={**signature("layer_reshape").converters(), "target_shape": target_shape},
)
# `ngrams`: one number an int, several a tuple
_text = shared("layer_text_vectorization")
_text.convert["ngrams"] = int_tuple
# `cell` is a cell (or a list of them); keras3's `as_integer` leaves it alone
_numeric_only(TABLE.entries["layer_rnn"], ("cell",))

# `weights` is an Embedding/Bidirectional constructor argument, passed on by name through
# `...` (compose rejects a `weights` formal: other Keras 3 layers no longer take it).
# keras3's Embedding forwards `input_length`, which Keras 3 ignores (with a warning): left out.
shared(
    "layer_embedding",
    params=_params_without("layer_embedding", "weights", extra="input_length"),
    rename={},
    drop=frozenset({"input_length"}),
)
shared(
    "layer_bidirectional",
    "bidirectional",
    params=_params_without("layer_bidirectional", "weights"),
)
shared("layer_time_distributed", "time_distributed")
alias("bidirectional", "layer_bidirectional")
alias("time_distributed", "layer_time_distributed")

# ---- layers keras 2.x never wrapped ----------------------------------------------------------

for _name, _target in (
    ("layer_identity", "Identity"),
    ("layer_einsum_dense", "EinsumDense"),
    ("layer_group_normalization", "GroupNormalization"),
    ("layer_rms_normalization", "RMSNormalization"),
    ("layer_spectral_normalization", "SpectralNormalization"),
    ("layer_group_query_attention", "GroupQueryAttention"),
    ("layer_hashed_crossing", "HashedCrossing"),
    ("layer_max_num_bounding_boxes", "MaxNumBoundingBoxes"),
    ("layer_mel_spectrogram", "MelSpectrogram"),
    ("layer_stft_spectrogram", "STFTSpectrogram"),
    ("layer_tfsm", "TFSMLayer"),
    # image augmentation
    ("layer_aug_mix", "AugMix"),
    ("layer_cut_mix", "CutMix"),
    ("layer_mix_up", "MixUp"),
    ("layer_rand_augment", "RandAugment"),
    ("layer_equalization", "Equalization"),
    ("layer_random_color_degeneration", "RandomColorDegeneration"),
    ("layer_random_color_jitter", "RandomColorJitter"),
    ("layer_random_elastic_transform", "RandomElasticTransform"),
    ("layer_random_erasing", "RandomErasing"),
    ("layer_random_gaussian_blur", "RandomGaussianBlur"),
    ("layer_random_grayscale", "RandomGrayscale"),
    ("layer_random_hue", "RandomHue"),
    ("layer_random_invert", "RandomInvert"),
    ("layer_random_perspective", "RandomPerspective"),
    ("layer_random_posterization", "RandomPosterization"),
    ("layer_random_saturation", "RandomSaturation"),
    ("layer_random_sharpness", "RandomSharpness"),
    ("layer_random_shear", "RandomShear"),
):
    new(_name, _target)
new("layer_auto_contrast", "AutoContrast", convert={"value_range": as_tuple})
new(
    "layer_solarization",
    "Solarization",
    convert={
        "value_range": as_tuple,
        "addition_factor": scalar_or_tuple,
        "threshold_factor": scalar_or_tuple,
    },
)
TABLE.entries["layer_random_contrast"].convert["value_range"] = as_tuple
# FeatureSpace is a layer (keras.utils): its `features` a dict of feature names
new("layer_feature_space", "keras.utils.FeatureSpace", convert={"features": named_list})

# Layers of another backend's modules: the translation runs on TensorFlow, where they fail
for _name, _target, _backend in (
    ("layer_torch_module_wrapper", "TorchModuleWrapper", "torch"),
    ("layer_flax_module_wrapper", "FlaxLayer", "JAX"),
    ("layer_jax_model_wrapper", "JaxLayer", "JAX"),
):
    new(_name, _target, caveat=f"keras.layers.{_target} needs the {_backend} backend")

# `layer_pipeline(layers, name)` takes no object: the Pipeline layer itself
add("layer_pipeline", "keras.layers.Pipeline", kind=Kind.LAYER)

# ---- RNN cells: made, then given to layer_rnn() ---------------------------------------------

for _name, _base in (
    ("rnn_cell_simple", "layer_simple_rnn_cell"),
    ("rnn_cell_gru", "layer_gru_cell"),
    ("rnn_cell_lstm", "layer_lstm_cell"),
):
    inherit(_name, _base)

# ---- calls whose first formal is `inputs` ---------------------------------------------------


def _is_list_call(node: n.Node | None) -> bool:
    return isinstance(node, n.Call) and isinstance(node.func, n.Name) and node.func.id == "list"


def _given(node: n.Node | None) -> bool:
    return node is not None and not is_null(node)


def _input_list(emitter, first: n.Node | None, more: list[n.Node]) -> cst.BaseExpression:
    """R's `c(<first as a list>, <more>)`: the list of input tensors, as Python writes it."""
    if not _given(first):
        return py.list_([emitter.expr(value) for value in more])
    rest = [emitter.expr(value) for value in more]
    listed = elements(first) if _is_list_call(first) else None
    if listed is not None:
        return py.list_([emitter.expr(value) for value in listed] + rest)
    kind = emitter.kind(first)
    if kind is Kind.LIST:
        if not rest:
            return emitter.expr(first)
        return py.list_([cst.StarredElement(emitter.expr(first)), *rest])
    if kind in (Kind.TENSOR, Kind.LAYER, Kind.MODEL, Kind.SEQUENTIAL):
        return py.list_([emitter.expr(first), *rest])
    runtime = emitter.imports.path("rkeras2py.runtime.merge_inputs")
    return py.call(runtime, emitter.expr(first), *rest)


def _keywords(emitter, bound: BoundCall, formals) -> list[cst.Arg]:
    """Constructor keywords: the given `formals`, then the named `...` arguments."""
    entry = bound.entry
    args = []
    for param in formals:
        value = bound.get(param)
        if param != "..." and _given(value):
            converted = convert_argument(emitter, entry, param, value)
            args.append(py.arg(converted, keyword_name(param)))
    for arg in bound.extra:
        if arg.name is not None:
            args.append(py.arg(py_value(emitter, arg.value), keyword_name(arg.name)))
    return args


def _unnamed(bound: BoundCall) -> list[n.Node]:
    return [arg.value for arg in bound.extra if arg.name is None]


def _inputs_kind(emitter, bound: BoundCall) -> Kind:
    return Kind.TENSOR if _given(bound.get("inputs")) or _unnamed(bound) else Kind.LAYER


def merge_layer(name: str, target: str) -> Entry:
    """`layer_add(inputs, ...)` and friends: `inputs` and the unnamed `...` are the input
    tensors, the named `...` layer arguments; with no inputs, the layer itself."""

    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        params = bound.entry.params
        layer = py.call(
            emitter.imports.path(f"keras.layers.{target}"),
            *_keywords(emitter, bound, params[params.index("...") + 1 :]),
        )
        if _inputs_kind(emitter, bound) is Kind.LAYER:
            return layer
        return py.call(layer, _input_list(emitter, bound.get("inputs"), _unnamed(bound)))

    return add(name, emit=emit, kind=_inputs_kind)


for _name, _target in (
    ("layer_add", "Add"),
    ("layer_subtract", "Subtract"),
    ("layer_multiply", "Multiply"),
    ("layer_average", "Average"),
    ("layer_maximum", "Maximum"),
    ("layer_minimum", "Minimum"),
    ("layer_concatenate", "Concatenate"),  # axis: 1-based
    ("layer_dot", "Dot"),  # axes: 1-based
):
    merge_layer(_name, _target)


def _multi_head_attention(emitter, bound: BoundCall) -> cst.BaseExpression:
    """The layer, called on `inputs` spread out as R's `do.call(layer, inputs)` does
    (`list(query, value)` is `(query, value)`, `list(query = q, ...)` keywords)."""
    layer = py.call(
        emitter.imports.path("keras.layers.MultiHeadAttention"),
        *_keywords(emitter, bound, bound.entry.params[1:]),
    )
    inputs = bound.get("inputs")
    if not _given(inputs):
        return layer
    if _is_list_call(inputs) and all(arg.value is not None for arg in inputs.args):
        args = [
            py.arg(emitter.expr(arg.value), keyword_name(arg.name) if arg.name else None)
            for arg in inputs.args
        ]
        return py.call(layer, *args)
    kind = emitter.kind(inputs)
    if kind is Kind.TENSOR:
        return py.call(layer, emitter.expr(inputs))
    if kind is Kind.LIST:
        return py.call(layer, py.arg(emitter.expr(inputs), star="*"))
    spread = py.call(emitter.imports.path("rkeras2py.runtime.merge_inputs"), emitter.expr(inputs))
    return py.call(layer, py.arg(spread, star="*"))


# `attention_axes` is `as_integer`: Python's axes, not shifted
add(
    "layer_multi_head_attention",
    emit=_multi_head_attention,
    kind=lambda emitter, bound: Kind.TENSOR if _given(bound.get("inputs")) else Kind.LAYER,
)


def _cells_stack(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`rnn_cells_stack(cells, ...)`: `cells` and the unnamed `...` are the cells."""
    cells = _input_list(emitter, bound.get("cells"), _unnamed(bound))
    params = bound.entry.params
    return py.call(
        emitter.imports.path("keras.layers.StackedRNNCells"),
        py.arg(cells, "cells"),
        *_keywords(emitter, bound, params[params.index("...") + 1 :]),
    )


add("rnn_cells_stack", emit=_cells_stack, kind=Kind.LAYER)

# ---- adapt(), the vocabulary --------------------------------------------------

# `layer_input` (keras3's alias of `keras_input`) is with `keras_input` in models.py
# fits a preprocessing layer's state in place; keras3 coerces a misspelt `step`, so `steps`
# would reach Python as a double: it is sent as an int, which Keras needs
inherit("adapt")
inherit("get_vocabulary")
inherit("set_vocabulary")

# ---- feature_*(): the FeatureSpace feature helpers ------------------------------------------

for _name, _method in (
    ("feature_cross", "cross"),
    ("feature_custom", "feature"),
    ("feature_float", "float"),
    ("feature_float_rescaled", "float_rescaled"),
    ("feature_float_normalized", "float_normalized"),
    ("feature_float_discretized", "float_discretized"),
    ("feature_integer_categorical", "integer_categorical"),
    ("feature_string_categorical", "string_categorical"),
    ("feature_string_hashed", "string_hashed"),
    ("feature_integer_hashed", "integer_hashed"),
):
    _numeric_only(add(_name, f"keras.utils.FeatureSpace.{_method}", kind=Kind.PYOBJ))
