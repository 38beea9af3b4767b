"""keras3: models and their verbs — building, compiling, training, saving, inspecting.

keras3's verbs call the same Python methods as keras 2.x's, so most entries are keras 2.x's
with keras3's formals (`inherit`, or `_method` for the S3 methods keras3 registers on
`keras.src.models.model.Model`, which have no row of their own in `signatures.tsv`). Where
keras3's wrappers differ, they are keras3's own:

* `keras_model_sequential(input_shape = ...)` takes the input first (keras 2.x: `layers`),
  and its `input_*` arguments build the `keras.Input`;
* `fit()` trains 1 epoch unless told (keras 2.x: 10), and `initial_epoch` is 1-based;
* `evaluate()`, `train_on_batch()` and `test_on_batch()` ask for `return_dict=True`: R gets
  a named list in Python's order (the batch verbs a bare number when only the loss is left);
* `compile()` sends only what the R code gives, `metrics` onwards by keyword (Python's third
  parameter is `loss_weights`);
* the saving functions are Keras 3's `.keras` files (`keras.models.save_model`; under
  `from tensorflow import keras` there is no `keras.saving`).

The functions keras3 re-exports from reticulate, tensorflow and tfruns are those packages'
entries, shared (`keras3::array_reshape()` works as `array_reshape()` does).
"""

from __future__ import annotations

import dataclasses

import libcst as cst

from ....grammar import nodes as n
from ... import pyast as py
from ...emit.calls import extra_arguments
from ...emit.values import keyword_name
from ...kinds import Kind
from .. import BoundCall, Entry
from ..convert import as_int, as_list, elements, is_null, py_value, shape
from ..keras import models as keras2
from ..keras.compose import SEQUENTIAL_BUILDERS, constructor, input_from_layer
from ..keras.objects import PATH_RENAMES as KERAS2_PATH_RENAMES
from ..keras.table import TABLE as KERAS2
from ..keras.utilities import custom_objects, keywords
from ..reticulate import TABLE as RETICULATE
from ..tensorflow import TABLE as TENSORFLOW
from ..tfdatasets import TABLE as TFDATASETS
from .signatures import add, inherit
from .table import TABLE

_RUNTIME = "rkeras2py.runtime."
MODELS = (Kind.MODEL, Kind.SEQUENTIAL)


def _method(name: str, params: str, **changes) -> Entry:
    """keras 2.x's entry for an S3 verb (`fit`, `compile`, ...) with keras3's formals."""
    entry = dataclasses.replace(
        KERAS2.entries[name], package="keras3", params=tuple(params.split()), **changes
    )
    TABLE.entries[name] = entry
    return entry


def _given(bound: BoundCall, param: str) -> n.Node | None:
    node = bound.get(param)
    return None if node is None or is_null(node) else node


def _literal(node: n.Node | None) -> float | None:
    sign = 1
    while isinstance(node, n.Unary) and node.op == "-":
        sign, node = -sign, node.operand
    return sign * node.value if isinstance(node, n.Num) and not node.is_complex else None


# ---- argument conversions ---------------------------------------------------------------


def as_index(emitter, node: n.Node) -> cst.BaseExpression:
    """keras3's `as_index()` (`as_py_index`): a 1-based position as a 0-based one; 0 and
    negatives stay as they are."""
    number = _literal(node)
    if number is not None:
        value = int(number)
        return py.integer(value - 1) if value > 0 else as_int(emitter, node)
    return py.call(py.dotted(emitter.imports.path(_RUNTIME + "as_py_index")), emitter.expr(node))


def _single(emitter, node: n.Node) -> cst.BaseExpression:
    """`keras_model()`'s inputs/outputs: an unnamed one-element `list(x)` is `x`."""
    values = elements(node) if isinstance(node, n.Call) else None
    if getattr(node, "func", None) is not None and getattr(node.func, "id", None) == "list":
        if values is not None and len(values) == 1:
            return emitter.expr(values[0])
    return py_value(emitter, node)


def _r_list(emitter, node: n.Node) -> cst.BaseExpression:
    """`as.list(x)`: a number is a one-element list, a named list a dict (`loss_weights`)."""
    values = elements(node)
    if _literal(node) is not None or (values is not None and len(values) == 1):
        return py.list_([py_value(emitter, node)])
    return py_value(emitter, node)


def _value_format(emitter, node: n.Node) -> cst.BaseExpression:
    """`get_state_tree(value_format =)`: R's "r_array"/"array" are numpy arrays."""
    if isinstance(node, n.Str) and node.value in ("r_array", "array"):
        return py.string("numpy_array")
    return emitter.expr(node)


def _split_size(emitter, node: n.Node) -> cst.BaseExpression:
    """`split_dataset(left_size =)`: a fraction below 1 stays a float, a count is an int."""
    number = _literal(node)
    if number is not None and number >= 1:
        return as_int(emitter, node)
    return py_value(emitter, node)


# ---- building: Sequential, functional, inputs --------------------------------------------

# keras3's `keras_model_sequential()` arguments that go to the `keras.Input` it starts with
_INPUT_ARGS = {
    "input_shape": "shape",
    "input_batch_size": "batch_size",
    "input_dtype": "dtype",
    "input_sparse": "sparse",
    "input_ragged": "ragged",
    "input_batch_shape": "batch_shape",
    "input_name": "name",
    "input_tensor": "tensor",
    "input_optional": "optional",
}
_INPUT_CONVERT = {"input_shape": shape, "input_batch_shape": shape, "input_batch_size": as_int}


def sequential_input(emitter, bound: BoundCall) -> cst.BaseExpression | None:
    """The `keras.Input(...)` keras3's `InputLayer()` makes when any `input_*` argument is
    given (`input_optional = FALSE`, the default, is not an argument given)."""
    args = []
    for r_name, python in _INPUT_ARGS.items():
        node = bound.get(r_name)
        if node is None:
            continue
        converter = _INPUT_CONVERT.get(r_name, py_value)
        args.append(py.arg(converter(emitter, node), python))
    return py.call(emitter.imports.path("keras.Input"), *args) if args else None


def new_sequential(emitter, model_call: BoundCall, stack: list[BoundCall]) -> cst.BaseExpression:
    """`keras.Sequential([...])` for keras3's `keras_model_sequential(...)` and the layers
    piped onto it: the input first, then `layers = list(...)`, then the piped layers."""
    first_input = sequential_input(emitter, model_call)
    given = _given(model_call, "layers")
    if given is not None and _layer_nodes(given) is None:
        emitter.fail("RK103", "keras_model_sequential(layers =) must be a list(...)", given)
    items = [first_input] if first_input is not None else []
    items += [emitter.expr(value) for value in _layer_nodes(given) or []]
    for position, layer_call in enumerate(stack):
        if not items and position == 0:
            layer_input = input_from_layer(emitter, layer_call)
            if layer_input is not None:
                items.append(layer_input)
        items.append(constructor(emitter, layer_call, skip=_LAYER_INPUT_ARGS))
    args = [py.arg(py.list_(items))] if items else []
    for param in ("trainable", "name"):
        node = _given(model_call, param)
        if node is not None:
            args.append(py.arg(emitter.expr(node), param))
    return py.call(emitter.imports.path("keras.Sequential"), *args)


_LAYER_INPUT_ARGS = ("input_shape", "batch_input_shape", "batch_size")


def _layer_nodes(node: n.Node | None) -> list[n.Node] | None:
    """`layers = list(a, b)` as its layers (None for a list R would name)."""
    if node is None:
        return None
    if isinstance(node, n.Call) and getattr(node.func, "id", None) == "list":
        return elements(node)
    return [node]  # keras3's as_list(): one layer is a list of one


def _keras_model_sequential(emitter, bound: BoundCall) -> cst.BaseExpression:
    return new_sequential(emitter, bound, [])


SEQUENTIAL_BUILDERS["keras3"] = new_sequential


def _no_layers_first(emitter, bound: BoundCall) -> None:
    """keras3 takes the input shape first (keras 2.x: layers): a layer there is R's error."""
    first = bound.get("input_shape")
    if first is not None and emitter.kind(first) is Kind.LAYER:
        emitter.fail("RK103", "`layers` must be passed in as a named argument.", first)


add(
    "keras_model_sequential",
    emit=_keras_model_sequential,
    kind=Kind.SEQUENTIAL,
    checks=(_no_layers_first,),
)


inherit("keras_model", convert={"inputs": _single, "outputs": _single})
for _name in ("keras_input", "layer_input"):
    add(
        _name,
        "keras.Input",
        params="shape batch_size dtype sparse ragged batch_shape name tensor optional",
        rename=keywords("shape batch_size dtype sparse ragged batch_shape name tensor optional"),
        kind=Kind.TENSOR,
        convert={"shape": shape, "batch_shape": shape, "batch_size": as_int},
    )

# ---- compile, fit, evaluate, predict ------------------------------------------------------

_COMPILE = (
    "object optimizer loss metrics ... loss_weights weighted_metrics run_eagerly "
    "steps_per_execution jit_compile auto_scale_loss"
)
_method(
    "compile",
    _COMPILE,
    convert={
        "metrics": as_list,
        "weighted_metrics": as_list,
        "loss_weights": _r_list,
        "steps_per_execution": as_int,
    },
    rename=keywords(_COMPILE, after=3),
)

_FIT = (
    "object x y ... batch_size epochs callbacks validation_split validation_data shuffle "
    "class_weight sample_weight initial_epoch steps_per_epoch validation_steps "
    "validation_batch_size validation_freq verbose view_metrics"
)
_FIT_CONVERT = {
    **keras2._FIT_CONVERT,
    "initial_epoch": as_index,
    "validation_batch_size": as_int,
    "validation_freq": as_int,
}


def _fit(emitter, bound: BoundCall) -> cst.BaseExpression:
    """Python's defaults are keras3's (1 epoch); RStudio's metrics viewer is dropped."""
    return keras2.method_call(emitter, bound, "fit", _FIT_CONVERT, drop=("view_metrics",))


_method("fit", _FIT, emit=_fit)

_VERB_CONVERT = {"batch_size": as_int, "verbose": keras2.verbose_value, "steps": as_int}
_RETURN_DICT = [py.arg(py.name("True"), "return_dict")]


def _evaluate(emitter, bound: BoundCall) -> cst.BaseExpression:
    """A named list in R, in the order Python's `return_dict=True` gives."""
    return keras2.method_call(emitter, bound, "evaluate", _VERB_CONVERT, tail=_RETURN_DICT)


_method(
    "evaluate",
    "object x y ... batch_size verbose sample_weight steps callbacks",
    emit=_evaluate,
)


def _predict(emitter, bound: BoundCall) -> cst.BaseExpression:
    return keras2.method_call(emitter, bound, "predict", _VERB_CONVERT)


_method("predict", "object x ... batch_size verbose steps callbacks", emit=_predict)
inherit("predict_on_batch")


def _on_batch(method: str):
    """`train_on_batch()`/`test_on_batch()`: R asks for a dict and gives the lone loss as a
    number (`rkeras2py.runtime.train_on_batch` does both)."""

    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        call = keras2.method_call(
            emitter, bound, method, {"class_weight": keras2.class_weight_value}
        )
        helper = py.dotted(emitter.imports.path(_RUNTIME + method))
        return py.call(helper, py.arg(call.func.value), *call.args)

    return emit


for _name in ("train_on_batch", "test_on_batch"):
    inherit(_name, emit=_on_batch(_name), kind=Kind.UNKNOWN, status="runtime")

# ---- inspecting and changing a model ------------------------------------------------------

# the same wrappers as keras 2.x's (1-based get_layer index and freeze ranges included)
for _name in (
    "get_layer get_weights set_weights count_params get_config from_config "
    "freeze_weights unfreeze_weights"
).split():
    inherit(_name)
inherit("pop_layer", rename={"rebuild": "rebuild"}, visible=True, kind=Kind.LAYER)
inherit(
    "clone_model", rename=keywords("model input_tensors clone_function call_function recursive")
)

add(
    "get_state_tree",
    "get_state_tree",
    method=True,
    convert={"value_format": _value_format},
    kind=Kind.NAMED_LIST,
)
add("set_state_tree", "set_state_tree", method=True, visible=False, kind=Kind.NULL)
add("quantize_weights", "quantize", method=True, visible=False, kind=Kind.NULL)
add(
    "reset_state",
    "reset_state",
    method=True,
    statement=keras2.inplace_statement,
    assigns=True,
    visible=False,
    kind=keras2.model_kind,
)
add("get_source_inputs", "keras.utils.get_source_inputs", kind=Kind.LIST, item_kind=Kind.TENSOR)
add(
    "keras_variable",
    "keras.Variable",
    rename=keywords(
        "initializer shape dtype trainable autocast aggregation synchronization name", after=1
    ),
    kind=Kind.TENSOR,
)

# ---- saving and loading -------------------------------------------------------------------


def _inplace(emit):
    """A saving verb that hands the model back invisibly (`model |> save_model(path)`)."""
    return {"emit": emit, "statement": keras2.inplace_statement, "assigns": True, "visible": False}


def _save_model(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`model.save(filepath)`; `zipped = TRUE` is Python's default too. Without a path, R
    returns the bytes of a `.keras` file (`rkeras2py.runtime.serialize_model`)."""
    model = emitter.expr(bound.get("model"))
    if _given(bound, "filepath") is None:
        return py.call(py.dotted(emitter.imports.path(_RUNTIME + "serialize_model")), model)
    args = [py.arg(emitter.expr(bound.get("filepath")))]
    args += _keywords(emitter, bound, ("overwrite", "zipped"))
    return py.call(py.attr(model, "save"), *args)


def _keywords(emitter, bound: BoundCall, params, convert=None) -> list[cst.Arg]:
    args = []
    for param in params:
        node = _given(bound, param)
        if node is not None:
            converter = (convert or {}).get(param, py_value)
            args.append(py.arg(converter(emitter, node), keyword_name(param)))
    return args + extra_arguments(emitter, bound)


def _save_model_statement(emitter, bound: BoundCall, mode) -> list[cst.BaseStatement]:
    """Saving to a file hands the model back invisibly; without a path, the bytes are the
    value."""
    if _given(bound, "filepath") is None:
        return emitter.finish(emitter.expr(bound.node), mode)
    return keras2.inplace_statement(emitter, bound, mode)


def _save_model_kind(emitter, bound: BoundCall) -> Kind:
    return keras2.model_kind(emitter, bound) if _given(bound, "filepath") else Kind.PYOBJ


add(
    "save_model",
    kind=_save_model_kind,
    **{**_inplace(_save_model), "statement": _save_model_statement},
)


def _load_model(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`keras.models.load_model(path)`; the bytes `save_model(model)` returns are read back
    through `rkeras2py.runtime.unserialize_model`."""
    source = bound.get("model")
    options = _keywords(
        emitter,
        bound,
        ("custom_objects", "compile", "safe_mode"),
        {"custom_objects": custom_objects},
    )
    if emitter.kind(source) is Kind.PYOBJ:
        helper = py.dotted(emitter.imports.path(_RUNTIME + "unserialize_model"))
        return py.call(helper, py.arg(emitter.expr(source)), *options)
    load = py.dotted(emitter.imports.path("keras.models.load_model"))
    return py.call(load, py.arg(emitter.expr(source)), *options)


add("load_model", emit=_load_model, kind=Kind.MODEL)


def _save_weights(emitter, bound: BoundCall) -> cst.BaseExpression:
    args = [py.arg(emitter.expr(bound.get("filepath")))]
    args += _keywords(emitter, bound, ("overwrite", "max_shard_size"))
    return py.call(py.attr(emitter.expr(bound.get("model")), "save_weights"), *args)


def _load_weights(emitter, bound: BoundCall) -> cst.BaseExpression:
    args = [py.arg(emitter.expr(bound.get("filepath")))]
    args += _keywords(emitter, bound, ("skip_mismatch",))
    return py.call(py.attr(emitter.expr(bound.get("model")), "load_weights"), *args)


add("save_model_weights", kind=keras2.model_kind, **_inplace(_save_weights))
add("load_model_weights", kind=keras2.model_kind, **_inplace(_load_weights))


def _save_config(emitter, bound: BoundCall) -> cst.BaseExpression:
    """R writes `model$to_json()` to the file."""
    target = py.call(
        py.dotted(emitter.imports.path("pathlib.Path")), emitter.expr(bound.get("filepath"))
    )
    json = py.call(py.attr(emitter.expr(bound.get("model")), "to_json"))
    return py.call(py.attr(target, "write_text"), json)


def _load_config(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`keras.models.model_from_json()` of the file's text."""
    source = py.call(
        py.dotted(emitter.imports.path("pathlib.Path")), emitter.expr(bound.get("filepath"))
    )
    args = [py.arg(py.call(py.attr(source, "read_text")))]
    node = _given(bound, "custom_objects")
    if node is not None:
        args.append(py.arg(custom_objects(emitter, node), "custom_objects"))
    return py.call(py.dotted(emitter.imports.path("keras.models.model_from_json")), *args)


add("save_model_config", kind=keras2.model_kind, **_inplace(_save_config))
add("load_model_config", emit=_load_config, kind=Kind.MODEL)

_EXPORT = "object export_dir_base ... format verbose input_signature"


def _export(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`model.export(dir)`: a TensorFlow SavedModel (R forces Python's default format)."""
    args = [py.arg(emitter.expr(bound.get("export_dir_base")))]
    args += _keywords(emitter, bound, ("format", "verbose", "input_signature"))
    return py.call(py.attr(emitter.expr(bound.get("object")), "export"), *args)


TABLE.add("export_savedmodel", params=_EXPORT, kind=keras2.model_kind, **_inplace(_export))
for _kind in MODELS:
    TABLE.s3("export_savedmodel", (_kind,), params=_EXPORT, kind=_kind, **_inplace(_export))

# ---- summary(), print(), format(), plot() of a model; the training history's methods ----

_SUMMARY = "object ... line_length positions expand_nested show_trainable layer_range"


def _summary(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`model.summary()`, with the options R passes on (keras3's `format()` of a model)."""
    options = ("line_length", "positions", "expand_nested", "show_trainable", "layer_range")
    args = _keywords(emitter, bound, options, {"line_length": as_int})
    return py.call(py.attr(emitter.expr(bound.get(bound.entry.params[0])), "summary"), *args)


def _format(emitter, bound: BoundCall) -> cst.BaseExpression:
    """The summary as one string (`rkeras2py.runtime.format_model`)."""
    options = ("line_length", "positions", "expand_nested", "show_trainable", "layer_range")
    args = _keywords(emitter, bound, options, {"line_length": as_int})
    helper = py.dotted(emitter.imports.path(_RUNTIME + "format_model"))
    return py.call(helper, emitter.expr(bound.get("x")), *args)


_PLOT = (
    "x show_shapes show_dtype show_layer_names ... rankdir expand_nested dpi layer_range "
    "show_layer_activations show_trainable to_file"
)


def _plot(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`keras.utils.plot_model(model, ...)`: keras3's defaults are Keras 3's; R draws the
    picture, Python writes it to `to_file` ("model.png")."""
    options = [p for p in _PLOT.split()[1:] if p != "..."]
    args = _keywords(emitter, bound, options, {"dpi": as_int})
    plot = py.dotted(emitter.imports.path("keras.utils.plot_model"))
    return py.call(plot, emitter.expr(bound.get("x")), *args)


for _kind in MODELS:
    TABLE.s3("summary", (_kind,), params=_SUMMARY, emit=_summary, visible=False)
    TABLE.s3(
        "print", (_kind,), params=_SUMMARY.replace("object", "x"), emit=_summary, visible=False
    )
    TABLE.s3(
        "format",
        (_kind,),
        params=_SUMMARY.replace("object", "x"),
        emit=_format,
        kind=Kind.STR,
        status="runtime",
    )
    TABLE.s3("plot", (_kind,), params=_PLOT, emit=_plot, visible=False)
# the training history: print(), plot(), as.data.frame() as keras 2.x's (same R code)
for _generic in ("print", "plot", "as.data.frame"):
    TABLE.methods[(_generic, Kind.HISTORY)] = dataclasses.replace(
        KERAS2.methods[(_generic, Kind.HISTORY)], package="keras3"
    )

# ---- keras3's own small helpers -----------------------------------------------------------


def _shape_dims(emitter, node: n.Node) -> list[cst.BaseElement]:
    """One argument of `shape()`: its dimensions, spliced into the tuple."""
    values = elements(node)
    if values is not None and isinstance(node, n.Call):
        return [item for value in values for item in _shape_dims(emitter, value)]
    number = _literal(node)
    if number is not None:
        return [cst.Element(py.name("None") if number == -1 else as_int(emitter, node))]
    if isinstance(node, n.Const) and node.name in ("NA", "NA_integer_", "NA_real_", "NULL"):
        return [] if node.name == "NULL" else [cst.Element(py.name("None"))]
    kind = emitter.kind(node)
    if kind in (Kind.TENSOR, Kind.ARRAY):
        ops_shape = py.dotted(emitter.imports.path("keras.ops.shape"))
        return [cst.StarredElement(py.call(ops_shape, emitter.expr(node)))]
    if kind in (Kind.INT, Kind.FLOAT):
        return [cst.Element(py.call("int", emitter.expr(node)))]
    helper = py.dotted(emitter.imports.path(_RUNTIME + "shape_dims"))
    return [cst.StarredElement(py.call(helper, emitter.expr(node)))]


def _shape(emitter, bound: BoundCall) -> cst.BaseExpression:
    """keras3's `shape(...)`: the dimensions of every argument (numbers, `NA`, tensors,
    arrays, other shapes) joined into one tuple; `NA` (and -1) is None."""
    items = [item for arg in bound.extra for item in _shape_dims(emitter, arg.value)]
    if len(items) == 1 and isinstance(items[0], cst.StarredElement):
        return py.call("tuple", items[0].value)
    return cst.Tuple(items) if items else py.call("tuple")


add("shape", emit=_shape, kind=Kind.LIST, item_kind=Kind.INT)


def _named_list(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`named_list(a, b = 2)`: a dict; an unnamed argument is named by its expression."""
    pairs = []
    for arg in bound.extra:
        name = arg.name
        if name is None and isinstance(arg.value, n.Name):
            name = arg.value.id
        if name is None:
            emitter.fail("RK103", "named_list(): name this argument", arg.value)
        pairs.append((py.string(name), py_value(emitter, arg.value)))
    return py.dict_(pairs)


add("named_list", emit=_named_list, kind=Kind.NAMED_LIST)
add("newaxis", "numpy.newaxis", status="object", kind=Kind.NULL)
TABLE.add("keras", "keras", kind=Kind.PYOBJ, status="object")
add(
    "split_dataset",
    "keras.utils.split_dataset",
    rename=keywords("dataset left_size right_size shuffle seed"),
    convert={"left_size": _split_size, "right_size": _split_size},
    kind=Kind.LIST,
    item_kind=Kind.DATASET,
)
inherit("mark_active")
inherit(
    "use_backend",
    note="the backend is TensorFlow here; another one is chosen with KERAS_BACKEND "
    "before Python starts",
)
inherit(
    "install_keras",
    params=(
        "envname",
        "...",
        "extra_packages",
        "python_version",
        "backend",
        "gpu",
        "restart_session",
    ),
)

# ---- re-exports of reticulate, tensorflow, tfdatasets and tfruns ---------------------------


def _reexport(name: str, package: str) -> None:
    source = {"tensorflow": TENSORFLOW, "tfdatasets": TFDATASETS, "reticulate": RETICULATE}
    TABLE.entries[name] = source[package].entries[name]


for _name in (
    "as_tensor all_dims np_array array_reshape tuple iterate import py_require use_python "
    "use_virtualenv run_dir tensorboard flags flag_numeric flag_integer flag_string "
    "flag_boolean zip_lists"
).split():
    _reexport(_name, "tensorflow")
for _name in ("as_iterator", "iter_next"):
    _reexport(_name, "tfdatasets")
for _name in ("py_to_r", "r_to_py"):
    _reexport(_name, "reticulate")
TABLE.add(
    "py_help",
    params="object",
    status="removed",
    note="opens R's help viewer for a Python object: use help(obj) in Python",
)

# ---- what models, histories and their methods hold (the registry's object descriptions) ----

# `history$metrics`, `model$layers`, `model$weights`: as in keras 2.x (keras3's history is
# the same `keras_training_history`)
ATTRIBUTES = dict(keras2.ATTRIBUTES)
METHOD_KINDS = dict(keras2.METHOD_KINDS)
# Keras 2 methods Keras 3 removed: keras3 code runs on Keras 3, where they fail in R too
METHOD_HELPERS: dict[tuple[str, ...], str] = {}
# `keras$losses$mean_squared_error` exists in `import keras` (R keras3's) but not under
# `from tensorflow import keras`: keras 2.x's renames apply
PATH_RENAMES = dict(KERAS2_PATH_RENAMES)
TABLE.add(
    "generate",
    params="x ...",
    status="removed",
    note="is generics::generate(), which keras3 re-exports with no method for Keras objects "
    "(R fails too): call the model's own method, model$generate(...)",
)
