"""keras3: applications, datasets, image/audio/text/time-series utilities, label helpers.

keras3's wrappers here are thin `capture_args()` calls: only the arguments the R code gives
are sent, all by keyword, with a few coercions (`classes` and `seed` integers, `input_shape`
a tuple). Where they call what keras 2.x's did they share its entry (`inherit`); they differ
in these places:

* `application_*()`: only the given arguments are sent (keras 2.x's NASNet builders sent
  `weights = NULL`); a `NULL` given for `weights`/`classifier_activation` is still None.
  keras3 attaches the model's `preprocess_input`/`decode_predictions`, which
  `application_preprocess_inputs()`/`application_decode_predictions()` look up
  (`rkeras2py.runtime`, by the model's name), replacing keras 2.x's `<model>_preprocess_input()`;
* `timeseries_dataset_from_array(start_index, end_index)` are plain integers (keras 2.x
  shifted them from 1-based);
* `get_file()` is Keras 3's (keras 2.x emulated TensorFlow 2.15's archive extraction);
* `image_to_array()` gives doubles (`dtype = "float64"`) unless told otherwise;
* `imagenet_preprocess_input(mode =)` is passed on (keras 2.x ignored it).
"""

from __future__ import annotations

import libcst as cst

from ....grammar import nodes as n
from ... import pyast as py
from ...emit.calls import extra_arguments
from ...kinds import Kind
from .. import BoundCall
from ..convert import as_int, int_tuple, is_null, shape
from ..keras.datasets import load_dataset
from ..keras.utilities import keep_null, keywords, nulls_kept, table, with_target
from .signatures import add, inherit, signature
from .table import TABLE

_RUNTIME = "rkeras2py.runtime."


def _all_keywords(name: str, after: int = 0) -> dict[str, str]:
    """capture_args() sends every argument by keyword: keep Python's names, from `after`."""
    return keywords(signature(name).params, after=after)


# ---- applications -------------------------------------------------------------------------

# R name → keras.applications class (keras3:R/applications.R)
_APPLICATIONS = {
    **{f"application_convnext_{s.lower()}": f"ConvNeXt{s}" for s in ("Base", "Large", "Small")},
    **{f"application_convnext_{s.lower()}": f"ConvNeXt{s}" for s in ("Tiny", "XLarge")},
    **{f"application_densenet{d}": f"DenseNet{d}" for d in (121, 169, 201)},
    **{f"application_efficientnet_b{i}": f"EfficientNetB{i}" for i in range(8)},
    **{
        f"application_efficientnet_v2{v.lower()}": f"EfficientNetV2{v}"
        for v in ("B0", "B1", "B2", "B3", "L", "M", "S")
    },
    "application_inception_resnet_v2": "InceptionResNetV2",
    "application_inception_v3": "InceptionV3",
    "application_mobilenet": "MobileNet",
    "application_mobilenet_v2": "MobileNetV2",
    "application_mobilenet_v3_large": "MobileNetV3Large",
    "application_mobilenet_v3_small": "MobileNetV3Small",
    "application_nasnet_large": "NASNetLarge",
    "application_nasnet_mobile": "NASNetMobile",
    **{f"application_resnet{d}": f"ResNet{d}" for d in (50, 101, 152)},
    **{f"application_resnet{d}_v2": f"ResNet{d}V2" for d in (50, 101, 152)},
    "application_vgg16": "VGG16",
    "application_vgg19": "VGG19",
    "application_xception": "Xception",
}
# `weights = NULL` (random weights) and `classifier_activation = NULL` (logits) are sent
_NULLS = ("weights", "classifier_activation")
_APPLICATION_CONVERT = {"input_shape": shape, "classes": as_int, "depth_multiplier": as_int}

for _name, _class in _APPLICATIONS.items():
    add(
        _name,
        f"keras.applications.{_class}",
        emit=nulls_kept(*_NULLS),
        convert=_APPLICATION_CONVERT,
        rename=_all_keywords(_name),
        kind=Kind.MODEL,
    )

# the old names: keras3 warns and calls the new ones
for _old, _new in (
    ("application_nasnetlarge", "application_nasnet_large"),
    ("application_nasnetmobile", "application_nasnet_mobile"),
):
    TABLE.add(
        _old,
        TABLE.entries[_new].target,
        " ".join(signature(_new).params.split()),
        emit=nulls_kept(*_NULLS),
        convert=_APPLICATION_CONVERT,
        rename=_all_keywords(_new),
        kind=Kind.MODEL,
        status="replaced",
        note=f"was renamed {_new}()",
    )

add(
    "application_preprocess_inputs",
    _RUNTIME + "application_preprocess_inputs",
    rename={"data_format": "data_format"},
    kind=Kind.ARRAY,
    status="runtime",
    note="the preprocessing of the keras.applications module the model was built by",
)
add(
    "application_decode_predictions",
    _RUNTIME + "application_decode_predictions",
    rename={"top": "top"},
    kind=Kind.LIST,
    item_kind=Kind.NAMED_LIST,
    status="runtime",
    note="R's data frames (class_name, class_description, score) as dicts of columns",
)
add(
    "imagenet_preprocess_input",
    "keras.applications.imagenet_utils.preprocess_input",
    rename=_all_keywords("imagenet_preprocess_input", after=1),
    kind=Kind.ARRAY,
)
inherit("imagenet_decode_predictions")

# ---- datasets -----------------------------------------------------------------------------

# keras3 adds `convert = FALSE` (numpy arrays, which Python's loaders return anyway)
_NO_CONVERT = frozenset({"convert"})
for _name in (
    "dataset_mnist",
    "dataset_fashion_mnist",
    "dataset_cifar10",
    "dataset_cifar100",
    "dataset_imdb",
    "dataset_reuters",
    "dataset_boston_housing",
):
    inherit(_name, drop=_NO_CONVERT, rename=_all_keywords(_name))
for _name in ("dataset_imdb_word_index", "dataset_reuters_word_index"):
    inherit(_name)


def _california_housing(emitter, bound: BoundCall) -> cst.BaseExpression:
    return load_dataset("california_housing")(emitter, bound)


add(
    "dataset_california_housing",
    emit=_california_housing,
    drop=_NO_CONVERT,
    rename=_all_keywords("dataset_california_housing"),
    kind=Kind.NAMED_LIST,
)

# ---- labels, sequences, arrays ------------------------------------------------------------

inherit("to_categorical")  # keras3 sends only x and num_classes, as keras 2.x without dtype
inherit("normalize")
inherit("pad_sequences", rename=_all_keywords("pad_sequences", after=1))

# ---- files and images ---------------------------------------------------------------------

add("get_file", "keras.utils.get_file", rename=_all_keywords("get_file", after=2), kind=Kind.STR)
add(
    "image_load",
    "keras.utils.load_img",
    convert={"target_size": lambda emitter, node: _size(emitter, node)},  # defined below
    rename=_all_keywords("image_load", after=1),
    kind=Kind.PYOBJ,
)


def _size(emitter, node: n.Node) -> cst.BaseExpression:
    """`as_integer_tuple()`: `c(224, 224)` is `(224, 224)`."""
    converted = int_tuple(emitter, node)
    return converted if isinstance(converted, cst.Tuple) else py.call("tuple", converted)


def _image_to_array(emitter, bound: BoundCall) -> cst.BaseExpression:
    """R asks for doubles (`"float64"`) unless `dtype` says otherwise ("integer" is int32)."""
    call = table(emitter, with_target(bound, "keras.utils.img_to_array", drop=frozenset({"dtype"})))
    dtype = bound.get("dtype")
    if dtype is None or is_null(dtype) or (isinstance(dtype, n.Str) and dtype.value == "double"):
        value = py.string("float64")
    elif isinstance(dtype, n.Str) and dtype.value == "integer":
        value = py.string("int32")
    else:
        value = emitter.expr(dtype)
    return call.with_changes(args=[*call.args, py.arg(value, "dtype")])


add(
    "image_to_array",
    emit=_image_to_array,
    rename=_all_keywords("image_to_array", after=1),
    kind=Kind.ARRAY,
)
add(
    "image_from_array",
    "keras.utils.array_to_img",
    rename=_all_keywords("image_from_array", after=1),
    kind=Kind.PYOBJ,
)


def _image_array_save(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`keras.utils.save_img(path, x, ...)`: the path comes first in Python."""
    args = [py.arg(emitter.expr(bound.get("path"))), py.arg(emitter.expr(bound.get("x")))]
    for param in ("data_format", "file_format", "scale"):
        value = bound.get(param)
        if value is not None and not is_null(value):
            args.append(py.arg(emitter.expr(value), param))
    args += extra_arguments(emitter, bound)
    return py.call(py.dotted(emitter.imports.path("keras.utils.save_img")), *args)


add("image_array_save", emit=_image_array_save, visible=False)
add(
    "image_smart_resize",
    "keras.preprocessing.image.smart_resize",
    convert={"size": _size},
    rename=_all_keywords("image_smart_resize", after=1),
    kind=Kind.ARRAY,
)

# ---- datasets from directories and arrays -------------------------------------------------


def _labels(emitter, node: n.Node) -> cst.BaseExpression:
    """keras3's `as_integer()`: numbers become ints, a string ("inferred") stays."""
    if isinstance(node, n.Str) or emitter.kind(node) in (Kind.STR, Kind.CHR_VECTOR):
        return emitter.expr(node)
    return as_int(emitter, node)


for _name, _extra in (
    ("image_dataset_from_directory", {"image_size": _size}),
    ("text_dataset_from_directory", {}),
    ("audio_dataset_from_directory", {}),
):
    add(
        _name,
        f"keras.utils.{_name}",
        emit=nulls_kept("labels", "label_mode"),
        convert={
            "labels": _labels,
            "label_mode": _labels,
            "batch_size": as_int,
            "seed": as_int,
            **_extra,
        },
        rename=_all_keywords(_name, after=1),
        kind=Kind.DATASET,
    )


def _timeseries(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`targets = NULL` (no targets) is passed on: Python's `targets` has no default."""
    call = table(emitter, with_target(bound, "keras.utils.timeseries_dataset_from_array"))
    return keep_null(emitter, bound, call, ("targets",))


# keras3's start_index/end_index are 0-based integers, as in Python (keras 2.x shifted them)
add(
    "timeseries_dataset_from_array",
    emit=_timeseries,
    convert={"sequence_length": as_int},
    rename=_all_keywords("timeseries_dataset_from_array", after=2),
    kind=Kind.DATASET,
)
