"""Utilities and preprocessing: labels, sequences, images, files, datasets from directories.

R keras's wrappers of `keras.utils` and `keras.preprocessing`. What they do on the way is
reproduced: `normalize(axis)` is 1-based, `pad_sequences()` wraps one-element sequences in
lists, `image_load(grayscale = TRUE)` is `color_mode="grayscale"`, `image_array_save(img,
path)` swaps its arguments for `keras.utils.save_img(path, img)`,
`timeseries_dataset_from_array(start_index, end_index)` are 1-based and inclusive, and
`get_file(untar = TRUE)` extracts as TensorFlow 2.15 did (next to the archive; Keras 3
extracts into a new folder, so such calls go through the runtime).

`text_tokenizer()` and its verbs use `rkeras2py.runtime.Tokenizer`, which numbers words
as Keras 2's Tokenizer did (Keras 3 has none).

CAVEATS: the other old `keras.preprocessing` objects (ImageDataGenerator,
TimeseriesGenerator, skipgrams) are gone from Keras 3: their calls are reported with the
Keras 3 way to do it. Paths are not made absolute (R's `normalizePath()`); only `~` is
expanded. R doubles handed to the datasets are not cast to float32 as `keras_array()` does. A
computed `timeseries_dataset_from_array(end_index)` is passed as it is (R maps -1 to the
end and moves other negatives up by one; written-out values are mapped here).
"""

from __future__ import annotations

import dataclasses

import libcst as cst

from ....grammar import nodes as n
from ... import pyast as py
from ...emit.calls import table_call
from ...kinds import Kind
from .. import Attribute, BoundCall, Entry
from ..base.files import pickled_to, unpickled_from
from ..convert import as_int, axis, elements, int_tuple, is_null, py_value
from ..helpers import comprehension, flag, np
from .table import TABLE

# ---- argument conversions -------------------------------------------------------------


def path(emitter, node: n.Node) -> cst.BaseExpression:
    """R keras's `normalize_path()`: a path written with `~` is expanded."""
    if isinstance(node, n.Str) and node.value.startswith("~"):
        return py.call(py.dotted(emitter.imports.path("os.path.expanduser")), py.string(node.value))
    return emitter.expr(node)


def custom_objects(emitter, node: n.Node) -> cst.BaseExpression:
    """R keras's `objects_with_py_function_names()`: a named list is a dict; an unnamed one
    is named after each object's Python `__name__`."""
    if isinstance(node, n.Call) and getattr(node.func, "id", None) in ("list", "c"):
        if node.args and all(arg.name for arg in node.args):
            return py_value(emitter, node)
        values = elements(node)
        if values is not None:
            item = py.name(emitter.fresh("item"))
            return cst.DictComp(
                py.attr(item, "__name__"),
                item,
                cst.CompFor(item, py.list_([emitter.expr(v) for v in values])),
            )
    return py_value(emitter, node)


def _string_or_ints(emitter, node: n.Node) -> cst.BaseExpression:
    """`labels`: a string ("inferred") as it is, numbers as a list of ints."""
    if isinstance(node, n.Str) or emitter.kind(node) in (Kind.STR, Kind.CHR_VECTOR):
        return emitter.expr(node)
    return as_int(emitter, node)


def _sequences(emitter, node: n.Node) -> cst.BaseExpression:
    """`pad_sequences(sequences)`: R wraps a one-element sequence in a list (reticulate would
    send it as a bare number)."""
    values = elements(node) if isinstance(node, n.Call) else None
    if values is None:
        # each element as a sequence, as R's wrapper makes it (a lone number too)
        item = py.call(np(emitter, "atleast_1d"), py.name("sequence"))
        return comprehension(item, "sequence", emitter.expr(node))
    items = []
    for value in values:
        inner = elements(value)
        single = inner is not None and len(inner) == 1
        items.append(py.list_([py_value(emitter, value)]) if single else py_value(emitter, value))
    return py.list_(items)


def _slice_start(emitter, node: n.Node) -> cst.BaseExpression:
    """`as_slice_start()`: a 1-based first index as a 0-based one (0 stays 0)."""
    number = _number(node)
    if number is not None:
        return py.integer(int(number) - 1 if number >= 1 else int(number))
    value = py.call("int", emitter.expr(node))
    return py.call("max", py.binop(value, "-", py.integer(1)), py.integer(0))


def _slice_end(emitter, node: n.Node) -> cst.BaseExpression:
    """`as_slice_end()`: an inclusive 1-based last index is an exclusive 0-based end; -1 is
    the end (None), other negatives move up by one."""
    number = _number(node)
    if number is None:
        return as_int(emitter, node)
    number = int(number)
    if number == -1:
        return py.name("None")
    return py.integer(number + 1) if number < -1 else py.integer(number)


def _number(node: n.Node) -> float | None:
    sign = 1
    while isinstance(node, n.Unary) and node.op == "-":
        sign, node = -sign, node.operand
    return sign * node.value if isinstance(node, n.Num) and not node.is_complex else None


# ---- shared emitter pieces --------------------------------------------------------------


def keywords(params: str, after: int = 1) -> dict[str, str]:
    """Renames that keep each parameter's name: from position `after` on, the arguments are
    passed by keyword (the Python function orders its parameters differently)."""
    return {param: param for param in params.split()[after:] if param != "..."}


def with_target(bound: BoundCall, target: str, **changes) -> BoundCall:
    """`bound`, calling another target (a runtime helper) through the same table entry."""
    entry: Entry = dataclasses.replace(bound.entry, target=target, emit=None, **changes)
    return dataclasses.replace(bound, entry=entry)


def table(emitter, bound: BoundCall) -> cst.BaseExpression:
    return table_call(emitter, bound)


def keep_null(emitter, bound: BoundCall, call: cst.Call, params: tuple[str, ...]) -> cst.Call:
    """`call` with `param=None` added where the R code passes NULL to a Python argument that
    has no default (table calls drop NULL, R's "use the default")."""
    extra = [py.arg(py.name("None"), param) for param in params if _given_null(bound, param)]
    return call.with_changes(args=[*call.args, *extra]) if extra else call


def _given_null(bound: BoundCall, param: str) -> bool:
    return bound.get(param) is not None and is_null(bound.get(param))


def nulls_kept(*params: str):
    """An emitter for a table entry whose `params` given as NULL are passed as None: R
    sends them, and Python's default is not None (`weights = NULL` is "no weights")."""

    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        return keep_null(
            emitter, bound, table(emitter, with_target(bound, bound.entry.target)), params
        )

    return emit


# ---- labels and sequences ---------------------------------------------------------------


@TABLE.special(
    "to_categorical",
    params="y num_classes dtype",
    kind=Kind.ARRAY,
    convert={"num_classes": as_int},
)
def _to_categorical(emitter, bound: BoundCall) -> cst.BaseExpression:
    """Classes are 0-based, as in Python. Keras 3 has no `dtype` (it returns float64 where
    R's float32 arrives as R doubles anyway): another dtype becomes `.astype(dtype)`."""
    call = table(
        emitter, with_target(bound, "keras.utils.to_categorical", drop=frozenset({"dtype"}))
    )
    dtype = bound.get("dtype")
    if dtype is None or is_null(dtype) or (isinstance(dtype, n.Str) and dtype.value == "float32"):
        return call
    return py.call(py.attr(call, "astype"), emitter.expr(dtype))


@TABLE.special(
    "normalize",
    params="x axis order",
    convert={"axis": axis, "order": as_int},
    kind=Kind.ARRAY,
)
def _normalize(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`keras.utils.normalize()`, whose axis R gives 1-based; Keras 3 mistakes axis 0 for -1
    on numpy arrays, so R's `axis = 1` (or an axis known only at run time) goes through
    `rkeras2py.runtime.normalize`, TensorFlow 2.15's computation."""
    given = bound.get("axis")
    number = None if given is None else _number(given)
    if given is None or (number is not None and number != 1):
        return table(emitter, with_target(bound, "keras.utils.normalize"))
    return table(emitter, with_target(bound, "rkeras2py.runtime.normalize"))


TABLE.add(
    "pad_sequences",
    "keras.utils.pad_sequences",
    "sequences maxlen dtype padding truncating value",
    convert={"sequences": _sequences, "maxlen": as_int},
    kind=Kind.ARRAY,
)

# ---- files --------------------------------------------------------------------------------

_GET_FILE = (
    "fname origin file_hash cache_subdir hash_algorithm extract archive_format cache_dir untar"
)


@TABLE.special(
    "get_file",
    params=_GET_FILE,
    kind=Kind.STR,
    convert={"cache_dir": path},
    rename=keywords(_GET_FILE, after=2),
)
def _get_file(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`keras.utils.get_file()`, unless an archive is extracted or `fname` has directories:
    Keras 3 extracts into a new folder and refuses directories, so those calls go through
    `rkeras2py.runtime.get_file`, which does it as TensorFlow 2.15 did."""
    extracts = any(
        bound.get(param) is not None and not _is_false(bound.get(param))
        for param in ("extract", "untar")
    )
    fname = bound.get("fname")
    nested = not isinstance(fname, n.Str) or "/" in fname.value
    if extracts or (fname is not None and nested and not is_null(fname)):
        return table(emitter, with_target(bound, "rkeras2py.runtime.get_file"))
    return table(emitter, with_target(bound, "keras.utils.get_file"))


def _is_false(node: n.Node) -> bool:
    return isinstance(node, n.Const) and node.name == "FALSE"


# ---- images -------------------------------------------------------------------------------


@TABLE.special(
    "image_load",
    params="path grayscale color_mode target_size interpolation",
    kind=Kind.PYOBJ,
)
def _image_load(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`keras.utils.load_img()`: Keras 3 has no `grayscale`, which R sends and which won over
    `color_mode`; `target_size` is a tuple of two ints."""
    args = [py.arg(path(emitter, bound.get("path")))]
    if flag(emitter, bound, "grayscale"):
        args.append(py.arg(py.string("grayscale"), "color_mode"))
    elif bound.get("color_mode") is not None:
        args.append(py.arg(emitter.expr(bound.get("color_mode")), "color_mode"))
    size = bound.get("target_size")
    if size is not None and not is_null(size):
        converted = int_tuple(emitter, size)
        if not isinstance(converted, cst.Tuple):
            converted = py.call("tuple", converted)
        args.append(py.arg(converted, "target_size"))
    if bound.get("interpolation") is not None:
        args.append(py.arg(emitter.expr(bound.get("interpolation")), "interpolation"))
    return py.call(py.dotted(emitter.imports.path("keras.utils.load_img")), *args)


TABLE.add(
    "image_to_array",
    "keras.utils.img_to_array",
    "img data_format",
    kind=Kind.ARRAY,
)


@TABLE.special(
    "image_array_save",
    params="img path data_format file_format scale",
    visible=False,
)
def _image_array_save(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`keras.utils.save_img(path, img, ...)`: the path comes first in Python."""
    args = [py.arg(path(emitter, bound.get("path"))), py.arg(emitter.expr(bound.get("img")))]
    for param in ("data_format", "file_format", "scale"):
        value = bound.get(param)
        if value is not None and not is_null(value):
            args.append(py.arg(emitter.expr(value), param))
    return py.call(py.dotted(emitter.imports.path("keras.utils.save_img")), *args)


TABLE.add(
    "image_array_resize",
    "rkeras2py.runtime.image_array_resize",
    "img height width data_format",
    kind=Kind.ARRAY,
    status="runtime",
    note="R's scipy.ndimage.zoom (linear), as R keras did it",
)

_IMAGE_DATASET = (
    "directory labels label_mode class_names color_mode batch_size image_size shuffle seed "
    "validation_split subset interpolation follow_links crop_to_aspect_ratio ..."
)
TABLE.add(
    "image_dataset_from_directory",
    "keras.utils.image_dataset_from_directory",
    _IMAGE_DATASET,
    emit=nulls_kept("labels", "label_mode"),
    convert={
        "directory": path,
        "labels": _string_or_ints,
        "batch_size": as_int,
        "image_size": int_tuple,
        "seed": as_int,
    },
    kind=Kind.DATASET,
)

_TEXT_DATASET = (
    "directory labels label_mode class_names batch_size max_length shuffle seed "
    "validation_split subset follow_links ..."
)
TABLE.add(
    "text_dataset_from_directory",
    "keras.utils.text_dataset_from_directory",
    _TEXT_DATASET,
    emit=nulls_kept("labels", "label_mode"),
    convert={
        "directory": path,
        "labels": _string_or_ints,
        "batch_size": as_int,
        "max_length": as_int,
        "seed": as_int,
    },
    kind=Kind.DATASET,
)

# ---- time series --------------------------------------------------------------------------

_TIMESERIES = (
    "data targets sequence_length sequence_stride sampling_rate batch_size shuffle ... "
    "seed start_index end_index"
)


@TABLE.special(
    "timeseries_dataset_from_array",
    params=_TIMESERIES,
    kind=Kind.DATASET,
    convert={
        "sequence_length": as_int,
        "sequence_stride": as_int,
        "sampling_rate": as_int,
        "batch_size": as_int,
        "seed": as_int,
        "start_index": _slice_start,
        "end_index": _slice_end,
    },
)
def _timeseries_dataset(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`targets = NULL` (no targets) is passed on: Python's `targets` has no default."""
    call = table(emitter, with_target(bound, "keras.utils.timeseries_dataset_from_array"))
    return keep_null(emitter, bound, call, ("targets",))


# ---- reticulate and R keras helpers -----------------------------------------------------

TABLE.add(
    "keras_array",
    "rkeras2py.runtime.keras_array",
    "x dtype",
    kind=Kind.ARRAY,
    status="runtime",
    note="R data as a C-ordered numpy array, doubles as float32",
)


@TABLE.special("generator_next", params="generator completed")
def _generator_next(emitter, bound: BoundCall) -> cst.BaseExpression:
    """reticulate's `iter_next()`: the next item, or `completed` (NULL) at the end."""
    completed = bound.get("completed")
    default = py.name("None") if completed is None else emitter.expr(completed)
    return py.call("next", emitter.expr(bound.get("generator")), default)


@TABLE.special("implementation", kind=Kind.PYOBJ)
def _implementation(emitter, bound: BoundCall) -> cst.BaseExpression:
    """The Python module R keras drives: `keras`."""
    return py.dotted(emitter.imports.path("keras"))


@TABLE.statement("with_custom_object_scope", params="objects expr", assigns=True)
def _with_custom_object_scope(emitter, bound: BoundCall, mode) -> list[cst.BaseStatement]:
    """`with keras.utils.custom_object_scope(objects):` around the R expression."""
    objects, body = bound.get("objects"), bound.get("expr")
    if objects is None or body is None:
        emitter.fail("RK103", "with_custom_object_scope() needs `objects` and `expr`", bound.node)
    scope = py.call(
        py.dotted(emitter.imports.path("keras.utils.custom_object_scope")),
        custom_objects(emitter, objects),
    )
    statements = body.body if isinstance(body, n.Block) else [body]
    inner = emitter.body(statements, mode if mode.action != "print" else emitter.statement_mode())
    block = cst.IndentedBlock(inner or [py.simple(cst.Pass())])
    return [cst.With([cst.WithItem(scope)], block)]


# ---- set-up calls: nothing to do in a Python program ------------------------------------


def _dropped(emitter, bound: BoundCall, mode) -> list[cst.BaseStatement]:
    emitter.report("RK211", f"{bound.entry.name}(): {bound.entry.note}", bound.node)
    return []


for _name, _params, _note in (
    ("install_keras", "method conda version tensorflow extra_packages ...",
     "install Keras with `pip install tensorflow` (Keras 3 comes with it)"),
    ("use_implementation", "implementation",
     "Keras 3 is the only implementation: `from tensorflow import keras`"),
    ("use_backend", "backend",
     "choose Keras 3's backend with the KERAS_BACKEND environment variable"),
    ("py_require_legacy_keras", "extra_packages",
     "the translation targets Keras 3; for Keras 2 run it with tf_keras"),
):  # fmt: skip
    TABLE.add(
        _name, params=_params, statement=_dropped, status="dropped", note=_note, visible=False
    )


@TABLE.special(
    "is_keras_available",
    params="version",
    kind=Kind.BOOL,
    status="dropped",
    note="Keras is imported by the translated script: TRUE",
)
def _is_keras_available(emitter, bound: BoundCall) -> cst.BaseExpression:
    return py.name("True")


# ---- text_tokenizer(): Keras 2's Tokenizer, in the runtime ---------------------------------

_TOKENIZER_NOTE = (
    "Keras 3 has no Tokenizer: rkeras2py.runtime.Tokenizer numbers words as Keras 2's did "
    "(layer_text_vectorization() is Keras 3's way)"
)
TABLE.add(
    "text_tokenizer",
    "rkeras2py.runtime.Tokenizer",
    "num_words filters lower split char_level oov_token",
    convert={"num_words": as_int},
    kind=Kind.PYOBJ,
    status="runtime",
    note=_TOKENIZER_NOTE,
)


# what R code reads off a tokenizer: its dicts (named lists in R)
ATTRIBUTES = {
    (Kind.PYOBJ, name): Attribute(name, Kind.NAMED_LIST)
    for name in ("word_index", "index_word", "word_counts", "word_docs", "index_docs")
}


def _texts(emitter, node: n.Node) -> cst.BaseExpression:
    """R keras's `as_texts()`: one string is a list of one text (not its characters)."""
    value = emitter.expr(node)
    return py.list_([value]) if emitter.kind(node) is Kind.STR else value


def _tokenizer_method(method: str, data: str, convert=_texts):
    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        tokenizer = emitter.expr(bound.get(bound.entry.params[0]))
        args = [convert(emitter, bound.get(data))]
        if "mode" in bound.entry.params:
            mode = bound.get("mode")
            if mode is None:  # R keras passes all four modes, and Keras 2 refuses them
                emitter.fail(
                    "RK103",
                    f'{bound.entry.name}() needs mode = ("binary", "count", "tfidf" or '
                    '"freq"): R keras 2.15 fails without it',
                    bound.node,
                )
            args.append(py.arg(emitter.expr(mode), "mode"))
        return py.call(py.attr(tokenizer, method), *args)

    return emit


@TABLE.special(
    "fit_text_tokenizer", params="object x", kind=Kind.PYOBJ, visible=False, status="runtime"
)
def _fit_text_tokenizer(emitter, bound: BoundCall) -> cst.BaseExpression:
    """Fits on texts, or on sequences when `x` is a list (R's is.list()); the fitting
    returns the tokenizer, as R's does invisibly."""
    kind = emitter.kind(bound.get("x"))
    fits_sequences = kind is Kind.LIST
    if kind not in (Kind.LIST, Kind.CHR_VECTOR, Kind.STR):
        emitter.report(
            "RK201",
            "fit_text_tokenizer(): taken as texts; R fits on sequences when it is given a list",
            bound.node,
        )
    method = "fit_on_sequences" if fits_sequences else "fit_on_texts"
    return _tokenizer_method(method, "x")(emitter, bound)


for _name, _method, _params, _kind in (
    ("texts_to_sequences", "texts_to_sequences", "tokenizer texts", Kind.LIST),
    ("texts_to_sequences_generator", "texts_to_sequences_generator", "tokenizer texts",
     Kind.PYOBJ),
    ("texts_to_matrix", "texts_to_matrix", "tokenizer texts mode", Kind.ARRAY),
    ("sequences_to_matrix", "sequences_to_matrix", "tokenizer sequences mode", Kind.ARRAY),
):  # fmt: skip
    TABLE.add(
        _name,
        params=_params,
        emit=_tokenizer_method(_method, _params.split()[1]),
        kind=_kind,
        status="runtime",
    )


@TABLE.special("save_text_tokenizer", params="object filename", kind=Kind.PYOBJ, visible=False)
def _save_text_tokenizer(emitter, bound: BoundCall) -> cst.BaseExpression:
    """R keras pickles the tokenizer (reticulate's py_save_object())."""
    return pickled_to(emitter, bound.get("object"), bound.get("filename"))


@TABLE.special("load_text_tokenizer", params="filename", kind=Kind.PYOBJ)
def _load_text_tokenizer(emitter, bound: BoundCall) -> cst.BaseExpression:
    return unpickled_from(emitter, bound.get("filename"))


# ---- removed from Keras 3 -----------------------------------------------------------------

_IMAGE_GENERATOR = (
    "was removed in Keras 3 (ImageDataGenerator): use image_dataset_from_directory() "
    "(keras.utils.image_dataset_from_directory) or tf.data, with augmentation layers "
    "(layer_rescaling(), layer_random_flip(), layer_random_rotation(), layer_random_zoom())"
)
for _name, _params, _note in (
    ("text_to_word_sequence", "text filters lower split",
     "was removed in Keras 3: use layer_text_vectorization()'s standardize and split "
     "(keras.layers.TextVectorization), or Python's str.split()"),
    ("text_one_hot", "input_text n filters lower split text",
     "was removed in Keras 3: use layer_hashing() (keras.layers.Hashing)"),
    ("text_hashing_trick", "text n hash_function filters lower split",
     "was removed in Keras 3: use layer_hashing() (keras.layers.Hashing)"),
    ("skipgrams", "sequence vocabulary_size window_size negative_samples shuffle "
     "categorical sampling_table seed",
     "was removed in Keras 3, with no replacement in Keras (tf_keras.preprocessing."
     "sequence.skipgrams has it): generate the pairs with tf.data or numpy"),
    ("make_sampling_table", "size sampling_factor",
     "was removed in Keras 3, with no replacement in Keras (tf_keras.preprocessing."
     "sequence.make_sampling_table has it): compute the table with numpy"),
    ("timeseries_generator", "data targets length sampling_rate stride start_index "
     "end_index shuffle reverse batch_size",
     "was removed in Keras 3 (TimeseriesGenerator): use timeseries_dataset_from_array() "
     "(keras.utils.timeseries_dataset_from_array)"),
    ("image_data_generator", "...", _IMAGE_GENERATOR),
    ("fit_image_data_generator", "object x augment rounds seed", _IMAGE_GENERATOR),
    ("flow_images_from_data", "x y generator ...", _IMAGE_GENERATOR),
    ("flow_images_from_dataframe", "dataframe directory ...", _IMAGE_GENERATOR),
    ("flow_images_from_directory", "directory generator ...", _IMAGE_GENERATOR),
    ("hdf5_matrix", "datapath dataset start end normalizer",
     "was removed in TensorFlow 2.4 (HDF5Matrix): read the data with h5py "
     "(h5py.File(path)[dataset][start:end])"),
):  # fmt: skip
    TABLE.add(_name, params=_params, status="removed", note=_note)
