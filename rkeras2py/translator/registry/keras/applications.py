"""Pre-trained applications: `application_*()` builders, their `*_preprocess_input()` and
`*_decode_predictions()` companions.

The builders are `keras.applications.*` with R keras's coercions (`input_shape` a tuple,
`classes` an int) and every argument by keyword, as R passes them. The NASNet builders
always sent R's `weights = NULL` (random weights), where Keras 3 defaults to "imagenet":
it is written out. `application_densenet(blocks)` is one of DenseNet121/169/201 when the
blocks written in the R code are one of theirs. `imagenet_decode_predictions()` gives R's
data frames, as dicts of columns (`rkeras2py.runtime.imagenet_decode_predictions`).

CAVEATS: `weights = "imagenet"` downloads the weights, as in R. `imagenet_preprocess_input
(mode =)` and `densenet_preprocess_input(data_format =)` are ignored by R keras 2.15 (with
TensorFlow >= 2.2), so they are dropped here too.
"""

from __future__ import annotations

import libcst as cst

from ....grammar import nodes as n
from ... import pyast as py
from ...kinds import Kind
from .. import BoundCall
from ..convert import as_int, elements, shape
from .table import TABLE
from .utilities import keywords, nulls_kept, with_target

_CONVERT = {"input_shape": shape, "classes": as_int, "depth_multiplier": as_int}
_IMAGENET = "include_top weights input_tensor input_shape pooling classes"

# R name, Keras 3 class, R formals (after which `...`, when R takes it)
_APPLICATIONS = [
    ("application_xception", "Xception", f"{_IMAGENET} classifier_activation ..."),
    ("application_vgg16", "VGG16", f"{_IMAGENET} classifier_activation"),
    ("application_vgg19", "VGG19", f"{_IMAGENET} classifier_activation"),
    ("application_resnet50", "ResNet50", f"{_IMAGENET} ..."),
    ("application_resnet101", "ResNet101", f"{_IMAGENET} ..."),
    ("application_resnet152", "ResNet152", f"{_IMAGENET} ..."),
    ("application_resnet50_v2", "ResNet50V2", f"{_IMAGENET} classifier_activation ..."),
    ("application_resnet101_v2", "ResNet101V2", f"{_IMAGENET} classifier_activation ..."),
    ("application_resnet152_v2", "ResNet152V2", f"{_IMAGENET} classifier_activation ..."),
    ("application_inception_v3", "InceptionV3", f"{_IMAGENET} classifier_activation ..."),
    (
        "application_inception_resnet_v2",
        "InceptionResNetV2",
        f"{_IMAGENET} classifier_activation ...",
    ),
    (
        "application_mobilenet",
        "MobileNet",
        "input_shape alpha depth_multiplier dropout include_top weights input_tensor pooling "
        "classes classifier_activation ...",
    ),
    (
        "application_mobilenet_v2",
        "MobileNetV2",
        "input_shape alpha include_top weights input_tensor pooling classes "
        "classifier_activation ...",
    ),
    *[
        (
            f"application_mobilenet_v3_{size.lower()}",
            f"MobileNetV3{size}",
            "input_shape alpha minimalistic include_top weights input_tensor classes pooling "
            "dropout_rate classifier_activation include_preprocessing",
        )
        for size in ("Large", "Small")
    ],
    *[
        (
            f"application_efficientnet_b{i}",
            f"EfficientNetB{i}",
            f"{_IMAGENET} classifier_activation ...",
        )
        for i in range(8)
    ],
    ("application_densenet121", "DenseNet121", _IMAGENET),
    ("application_densenet169", "DenseNet169", _IMAGENET),
    ("application_densenet201", "DenseNet201", _IMAGENET),
]

# `weights = NULL` (random weights) and `classifier_activation = NULL` (logits) are passed
_NULLS = ("weights", "classifier_activation")

for _name, _class, _params in _APPLICATIONS:
    TABLE.add(
        _name,
        f"keras.applications.{_class}",
        _params,
        emit=nulls_kept(*_NULLS),
        convert=_CONVERT,
        rename=keywords(_params, after=0),
        kind=Kind.MODEL,
    )


def _random_weights(emitter, bound: BoundCall) -> cst.BaseExpression:
    """R's NASNet wrappers send `weights = NULL` unless told otherwise (Keras 3: imagenet)."""
    call = nulls_kept(*_NULLS)(emitter, bound)
    if bound.get("weights") is None:
        call = call.with_changes(args=[*call.args, py.arg(py.name("None"), "weights")])
    return call


_NASNET = "input_shape include_top weights input_tensor pooling classes"
for _name, _class in (
    ("application_nasnetlarge", "NASNetLarge"),
    ("application_nasnetmobile", "NASNetMobile"),
):
    TABLE.add(
        _name,
        f"keras.applications.{_class}",
        _NASNET,
        emit=_random_weights,
        convert=_CONVERT,
        rename=keywords(_NASNET, after=0),
        kind=Kind.MODEL,
    )

# ---- the generic builders Keras 3 removed -------------------------------------------------

_DENSENET_BLOCKS = {
    (6, 12, 24, 16): "DenseNet121",
    (6, 12, 32, 32): "DenseNet169",
    (6, 12, 48, 32): "DenseNet201",
}


@TABLE.special(
    "application_densenet",
    params=f"blocks {_IMAGENET}",
    convert=_CONVERT,
    rename=keywords(_IMAGENET, after=0),
    kind=Kind.MODEL,
    status="replaced",
    note="was removed in Keras 3 (DenseNet(blocks)): blocks c(6, 12, 24, 16), "
    "c(6, 12, 32, 32) and c(6, 12, 48, 32) are application_densenet121/169/201()",
)
def _densenet(emitter, bound: BoundCall) -> cst.BaseExpression:
    values = elements(bound.get("blocks")) if bound.get("blocks") is not None else None
    numbers = tuple(int(v.value) for v in values or () if isinstance(v, n.Num))
    model = _DENSENET_BLOCKS.get(numbers) if values and len(numbers) == len(values) else None
    if model is None:
        emitter.fail(
            "RK110",
            "application_densenet() was removed in Keras 3: use application_densenet121(), "
            "application_densenet169() or application_densenet201() "
            "(keras.applications.DenseNet121/169/201)",
            bound.node,
        )
    named = {param: value for param, value in bound.named.items() if param != "blocks"}
    rebound = with_target(bound, f"keras.applications.{model}")
    rebound.named = named
    return nulls_kept(*_NULLS)(emitter, rebound)


TABLE.add(
    "application_nasnet",
    params="input_shape penultimate_filters num_blocks stem_block_filters skip_reduction "
    "filter_multiplier include_top weights input_tensor pooling classes default_size",
    status="removed",
    note="was removed in Keras 3 (NASNet with custom blocks): use application_nasnetlarge() "
    "or application_nasnetmobile() (keras.applications.NASNetLarge/NASNetMobile)",
)

# ---- preprocessing and decoding ------------------------------------------------------------

for _name, _module in (
    ("xception_preprocess_input", "xception"),
    ("resnet_preprocess_input", "resnet"),
    ("resnet_v2_preprocess_input", "resnet_v2"),
    ("inception_v3_preprocess_input", "inception_v3"),
    ("inception_resnet_v2_preprocess_input", "inception_resnet_v2"),
    ("mobilenet_preprocess_input", "mobilenet"),
    ("mobilenet_v2_preprocess_input", "mobilenet_v2"),
    ("nasnet_preprocess_input", "nasnet"),
):
    TABLE.add(_name, f"keras.applications.{_module}.preprocess_input", "x", kind=Kind.ARRAY)

TABLE.add(
    "densenet_preprocess_input",
    "keras.applications.densenet.preprocess_input",
    "x data_format",
    drop=frozenset({"data_format"}),
    kind=Kind.ARRAY,
)
TABLE.add(
    "imagenet_preprocess_input",
    "keras.applications.imagenet_utils.preprocess_input",
    "x data_format mode",
    drop=frozenset({"mode"}),
    rename=keywords("x data_format mode"),
    kind=Kind.ARRAY,
)
for _name in (
    "imagenet_decode_predictions",
    "mobilenet_decode_predictions",
    "mobilenet_v2_decode_predictions",
):
    TABLE.add(
        _name,
        "rkeras2py.runtime.imagenet_decode_predictions",
        "preds top",
        convert={"top": as_int},
        kind=Kind.LIST,
        item_kind=Kind.NAMED_LIST,
        status="runtime",
        note="R's data frames (class_name, class_description, score) as dicts of columns",
    )
