"""Models beyond the core verbs: saving and loading, configs, freezing layers, the old
generator and class-prediction verbs, recurrent state and the training history's methods.

Keras 3 changed the file formats: a model file is `.keras` (legacy `.h5` still reads and
writes), a weights file must end in `.weights.h5`, and a TensorFlow SavedModel is no longer
a model format (`model.export(dir)` writes one for inference only). So:

- `save_model_hdf5()`/`load_model_hdf5()` and `save/load_model_weights_hdf5()` are the
  methods when the path written in the R code has the suffix Keras 3 wants, and otherwise go
  through the runtime, which keeps R's path;
- `save_model_tf(model, "dir")`/`load_model_tf("dir")` go through the runtime, which keeps
  R's directory and saves the model in it as `model.keras` (warning RK210): a SavedModel
  directory written by TensorFlow itself only reloads for inference, with
  `keras.layers.TFSMLayer`;
- `save/load_model_weights_tf()` use `path.weights.h5` (TF checkpoints are gone).

`freeze_weights(model, from, to)` also unfreezes every layer outside the range (R keras's
`apply_trainable()`), so it goes through the runtime. `predict_classes()`,
`predict_proba()` and the `*_generator()` verbs were removed in TF 2.6 and Keras 3: they
become `predict()` (with the class rule Keras 2.5 used), `fit()`, `evaluate()` and
`predict()`; an R function passed as a generator becomes a Python generator
(`rkeras2py.runtime.as_generator`).

CAVEATS: `overwrite = FALSE` in a method call prompts in Keras 3 where R stops.
`freeze_weights(model, from = NULL, to = NULL)` written out is taken as no range (R then
keeps the model trainable and freezes each layer: the same layers end up frozen). An R
generator function's batches are converted to tuples, nothing more. `plot(model)` needs
pydot and graphviz, as in R.
"""

from __future__ import annotations

import dataclasses

import libcst as cst

from ....grammar import nodes as n
from ... import pyast as py
from ...kinds import MODELS, Kind
from .. import BoundCall
from ..convert import as_int, as_list, is_null, tuple_value
from .models import inplace_statement, method_call, verb, verbose_value
from .table import TABLE
from .utilities import custom_objects, keywords, path, table, with_target

_RUNTIME = "rkeras2py.runtime."


def _model_kind(emitter, bound: BoundCall) -> Kind:
    kind = emitter.kind(bound.get(bound.entry.params[0]))
    return kind if kind in MODELS or kind is Kind.LAYER else Kind.MODEL


def _literal(node: n.Node | None) -> str | None:
    return node.value if isinstance(node, n.Str) else None


def _given(bound: BoundCall, param: str) -> n.Node | None:
    node = bound.get(param)
    return None if node is None or is_null(node) else node


def _removed_arguments(emitter, bound: BoundCall, why: dict[str, str]) -> None:
    """RK111 for each argument Keras 3 no longer takes, `why` naming what to use."""
    for param, note in why.items():
        node = _given(bound, param)
        if node is not None and not (isinstance(node, n.Const) and node.name == "FALSE"):
            emitter.fail("RK111", f"{bound.entry.name}({param} =) {note}", node)


def _with_suffix(emitter, node: n.Node, suffix: str) -> cst.BaseExpression:
    """A path with `suffix` added: at translation time when it is written in the R code."""
    literal = _literal(node)
    if literal is not None:
        stem = literal.rstrip("/")
        return path(emitter, n.Str(stem if stem.endswith(suffix) else stem + suffix))
    return py.binop(py.call("str", emitter.expr(node)), "+", py.string(suffix))


def _method(emitter, bound: BoundCall, method: str, args: list[cst.Arg]) -> cst.Call:
    return py.call(py.attr(emitter.expr(bound.get("object")), method), *args)


def _options(emitter, bound: BoundCall, params: tuple[str, ...], convert=None) -> list[cst.Arg]:
    """Keyword arguments for the `params` the R call gives (not NULL)."""
    args = []
    for param in params:
        node = _given(bound, param)
        if node is not None:
            value = convert[param](emitter, node) if convert and param in convert else None
            args.append(py.arg(value or emitter.expr(node), param))
    return args


# ---- whole models: HDF5 and .keras files --------------------------------------------------

_H5 = (".h5", ".hdf5")


@TABLE.special(
    "save_model_hdf5",
    params="object filepath overwrite include_optimizer",
    visible=False,
    kind=Kind.BOOL,
    note="paths without .h5/.hdf5 go through rkeras2py.runtime.save_model_hdf5",
)
def _save_model_hdf5(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`model.save("m.h5")` (legacy HDF5, as R forces `save_format = "h5"`)."""
    literal = _literal(bound.get("filepath"))
    if literal is not None and literal.endswith(_H5):
        options = _options(emitter, bound, ("overwrite", "include_optimizer"))
        return _method(
            emitter, bound, "save", [py.arg(path(emitter, bound.get("filepath")))] + options
        )
    return table(emitter, with_target(bound, _RUNTIME + "save_model_hdf5"))


_LOAD_PARAMS = "filepath custom_objects compile"


@TABLE.special(
    "load_model_hdf5",
    params=_LOAD_PARAMS,
    kind=Kind.MODEL,
    convert={"filepath": path, "custom_objects": custom_objects},
    rename=keywords(_LOAD_PARAMS),
    note="paths without .h5/.hdf5/.keras go through rkeras2py.runtime.load_model_hdf5",
)
def _load_model_hdf5(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`keras.models.load_model("m.h5")`."""
    literal = _literal(bound.get("filepath"))
    if literal is not None and literal.endswith((*_H5, ".keras")):
        return table(emitter, with_target(bound, "keras.models.load_model"))
    return table(emitter, with_target(bound, _RUNTIME + "load_model_hdf5"))


_SAVEDMODEL_NOTE = (
    "Keras 3 no longer saves a model as a TensorFlow SavedModel: the directory holds it as "
    "model.keras (rkeras2py.runtime.save_model_tf; load_model_tf() reads it back); "
    "model.export(dir) writes a SavedModel for inference"
)


@TABLE.special(
    "save_model_tf",
    params="object filepath overwrite include_optimizer signatures options",
    visible=False,
    kind=Kind.BOOL,
    convert={"filepath": path},
    status="replaced",
    note=_SAVEDMODEL_NOTE,
)
def _save_model_tf(emitter, bound: BoundCall) -> cst.BaseExpression:
    _removed_arguments(
        emitter,
        bound,
        {
            "signatures": "is SavedModel-only: use model.export(dir, input_signature=...)",
            "options": "is SavedModel-only: use model.export(dir)",
        },
    )
    return table(emitter, with_target(bound, _RUNTIME + "save_model_tf"))


@TABLE.special(
    "load_model_tf",
    params=_LOAD_PARAMS,
    kind=Kind.MODEL,
    convert={"filepath": path, "custom_objects": custom_objects},
    rename=keywords(_LOAD_PARAMS),
    status="replaced",
    note="Keras 3 cannot load a SavedModel as a model: loads the model.keras that the "
    "translated save_model_tf() wrote in the directory (rkeras2py.runtime.load_model_tf; "
    "keras.layers.TFSMLayer(dir) reloads a SavedModel for inference)",
)
def _load_model_tf(emitter, bound: BoundCall) -> cst.BaseExpression:
    return table(emitter, with_target(bound, _RUNTIME + "load_model_tf"))


@TABLE.special(
    "mobilenet_load_model_hdf5",
    "mobilenet_v2_load_model_hdf5",
    params="filepath",
    kind=Kind.MODEL,
    convert={"filepath": path},
    status="replaced",
    note="Keras 3 loads MobileNet models without custom objects: keras.models.load_model()",
)
def _load_mobilenet(emitter, bound: BoundCall) -> cst.BaseExpression:
    return _load_model_hdf5(emitter, bound)


# ---- weights --------------------------------------------------------------------------------


@TABLE.special(
    "save_model_weights_hdf5",
    params="object filepath overwrite",
    visible=False,
    kind=Kind.BOOL,
    note="paths not ending in .weights.h5 go through rkeras2py.runtime.save_model_weights_hdf5",
)
def _save_weights_hdf5(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`model.save_weights("w.weights.h5")`: Keras 3 requires that suffix."""
    literal = _literal(bound.get("filepath"))
    if literal is not None and literal.endswith(".weights.h5"):
        options = _options(emitter, bound, ("overwrite",))
        filepath = py.arg(path(emitter, bound.get("filepath")))
        return _method(emitter, bound, "save_weights", [filepath, *options])
    return table(emitter, with_target(bound, _RUNTIME + "save_model_weights_hdf5"))


_BY_NAME = {
    "by_name": "was removed in Keras 3: load the weights into layers of the same names, "
    "or use layer.set_weights()"
}
_LOAD_WEIGHTS = "object filepath by_name skip_mismatch reshape"


@TABLE.special(
    "load_model_weights_hdf5",
    params=_LOAD_WEIGHTS,
    statement=inplace_statement,
    assigns=True,
    visible=False,
    kind=_model_kind,
    drop=frozenset({"by_name", "skip_mismatch", "reshape"}),
    note="paths not ending in .weights.h5 go through rkeras2py.runtime.load_model_weights_hdf5",
)
def _load_weights_hdf5(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`model.load_weights("w.weights.h5")`; R's TensorFlow implementation ignores
    `skip_mismatch` and `reshape`, so they are dropped too."""
    _removed_arguments(emitter, bound, _BY_NAME)
    literal = _literal(bound.get("filepath"))
    if literal is not None and literal.endswith(".weights.h5"):
        filepath = py.arg(path(emitter, bound.get("filepath")))
        return _method(emitter, bound, "load_weights", [filepath])
    return table(emitter, with_target(bound, _RUNTIME + "load_model_weights_hdf5"))


_CHECKPOINT_NOTE = (
    "Keras 3 no longer writes TensorFlow checkpoints: the weights go to `<path>.weights.h5`"
)


@TABLE.special(
    "save_model_weights_tf",
    params="object filepath overwrite",
    visible=False,
    status="replaced",
    note=_CHECKPOINT_NOTE,
)
def _save_weights_tf(emitter, bound: BoundCall) -> cst.BaseExpression:
    filepath = py.arg(_with_suffix(emitter, bound.get("filepath"), ".weights.h5"))
    options = _options(emitter, bound, ("overwrite",))
    return _method(emitter, bound, "save_weights", [filepath, *options])


@TABLE.special(
    "load_model_weights_tf",
    params=_LOAD_WEIGHTS,
    statement=inplace_statement,
    assigns=True,
    visible=False,
    kind=_model_kind,
    status="replaced",
    note="Keras 3 no longer reads TensorFlow checkpoints: loads `<path>.weights.h5`, "
    "written by the translated save_model_weights_tf()",
)
def _load_weights_tf(emitter, bound: BoundCall) -> cst.BaseExpression:
    _removed_arguments(emitter, bound, _BY_NAME)
    filepath = py.arg(_with_suffix(emitter, bound.get("filepath"), ".weights.h5"))
    return _method(emitter, bound, "load_weights", [filepath])


# ---- in memory: bytes, JSON, configs --------------------------------------------------------

TABLE.add(
    "serialize_model",
    _RUNTIME + "serialize_model",
    "model include_optimizer",
    kind=Kind.PYOBJ,
    status="runtime",
    note="the bytes of a .keras file (R: of an HDF5 file)",
)
TABLE.add(
    "unserialize_model",
    _RUNTIME + "unserialize_model",
    "model custom_objects compile",
    convert={"custom_objects": custom_objects},
    rename=keywords("model custom_objects compile"),
    kind=Kind.MODEL,
    status="runtime",
    note="the model from serialize_model()'s bytes",
)
verb("model_to_json", "to_json", "object", kind=Kind.STR)
TABLE.add(
    "model_from_json",
    "keras.models.model_from_json",
    "json custom_objects",
    convert={"custom_objects": custom_objects},
    kind=Kind.MODEL,
)
verb("get_config", "get_config", "object", kind=Kind.NAMED_LIST)
TABLE.add(
    "from_config",
    _RUNTIME + "from_config",
    "config custom_objects",
    convert={"custom_objects": custom_objects},
    kind=Kind.MODEL,
    status="runtime",
    note="R keeps the config's class; the runtime tells a Functional from a Sequential config",
)
TABLE.add(
    "clone_model",
    "keras.models.clone_model",
    "model input_tensors clone_function",
    rename=keywords("model input_tensors clone_function"),
    kind=lambda emitter, bound: _model_kind(emitter, bound),
)

_YAML = "was removed in TensorFlow 2.6 (unsafe): use model_to_json() / model_from_json()"
TABLE.add("model_to_yaml", params="object", status="removed", note=_YAML)
TABLE.add("model_from_yaml", params="yaml custom_objects", status="removed", note=_YAML)
TABLE.add(
    "model_to_saved_model",
    params="model saved_model_path custom_objects as_text input_signature serving_only",
    status="removed",
    note="was removed in TensorFlow 2.1: use model.export(dir) for a SavedModel, or "
    'save_model_hdf5() / model.save("m.keras")',
)
TABLE.add(
    "model_from_saved_model",
    params="saved_model_path custom_objects",
    status="removed",
    note="was removed in TensorFlow 2.1: reload a SavedModel for inference with "
    "keras.layers.TFSMLayer(dir), or load a model file with load_model_hdf5()",
)


def _export(emitter, bound: BoundCall) -> cst.BaseExpression:
    return _method(emitter, bound, "export", [py.arg(emitter.expr(bound.get("export_dir_base")))])


for _kind in MODELS:
    TABLE.s3(
        "export_savedmodel",
        (_kind,),
        params="object export_dir_base overwrite versioned remove_learning_phase as_text ...",
        emit=_export,
        visible=False,
        status="replaced",
        note="Keras 3 writes a SavedModel with model.export(dir)",
    )

# ---- freezing layers ------------------------------------------------------------------------


def _layer_at(emitter, node: n.Node) -> cst.BaseExpression:
    """A layer named by its 1-based position (an int, shifted by the runtime), its name or
    itself."""
    number = node.operand if isinstance(node, n.Unary) else node
    return as_int(emitter, node) if isinstance(number, n.Num) else emitter.expr(node)


for _name in ("freeze_weights", "unfreeze_weights"):
    TABLE.add(
        _name,
        _RUNTIME + _name,
        "object from to which",
        convert={"from": _layer_at, "to": _layer_at},
        kind=_model_kind,
        visible=False,
        status="runtime",
        note="R also flips the layers outside from/to (1-based, inclusive)",
    )

# ---- verbs Keras 3 removed --------------------------------------------------------------------

_PREDICT_CONVERT = {"batch_size": as_int, "verbose": verbose_value, "steps": as_int}

TABLE.add(
    "predict_classes",
    _RUNTIME + "predict_classes",
    "object x batch_size verbose steps",
    convert=_PREDICT_CONVERT,
    kind=Kind.ARRAY,
    status="replaced",
    note="was removed in TensorFlow 2.6: np.argmax(model.predict(x), axis=-1), or "
    '(model.predict(x) > 0.5).astype("int32") for one output unit '
    "(rkeras2py.runtime.predict_classes picks as Keras 2.5 did)",
)


@TABLE.special(
    "predict_proba",
    params="object x batch_size verbose steps",
    kind=Kind.ARRAY,
    status="replaced",
    note="was removed in TensorFlow 2.6: model.predict()",
)
def _predict_proba(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`model.predict(x)`, quiet as R's `verbose = 0` default."""
    return method_call(
        emitter, bound, "predict", _PREDICT_CONVERT, defaults={"verbose": py.integer(0)}
    )


def _generator(emitter, node: n.Node) -> cst.BaseExpression:
    """An R function called for each batch becomes a Python generator; datasets and
    iterators pass as they are."""
    if emitter.kind(node) in (Kind.FUNCTION, Kind.UNKNOWN):
        return py.call(
            py.dotted(emitter.imports.path(_RUNTIME + "as_generator")), emitter.expr(node)
        )
    return emitter.expr(node)


def _validation(emitter, node: n.Node) -> cst.BaseExpression:
    if isinstance(node, n.Call) and getattr(node.func, "id", None) == "list":
        return tuple_value(emitter, node)
    return _generator(emitter, node)


def _generator_verb(method: str, converters: dict, defaults: dict | None = None):
    """`fit_generator()` & co.: `method` with the generator as `x`; Keras 3 has no
    `max_queue_size`/`workers` there (keras.utils.PyDataset takes them), so they go."""

    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        renamed = dict(bound.named)
        if "generator" in renamed:
            renamed["x"] = renamed.pop("generator")
        params = tuple("x" if p == "generator" else p for p in bound.entry.params)
        entry = dataclasses.replace(bound.entry, params=params)
        rebound = BoundCall(bound.node, entry, renamed, bound.extra, frozenset())
        return method_call(
            emitter,
            rebound,
            method,
            {"x": _generator, **converters},
            defaults=defaults,
            drop=("max_queue_size", "workers", "view_metrics"),
        )

    return emit


_DROPPED = "max_queue_size and workers are dropped (keras.utils.PyDataset takes them)"
TABLE.special(
    "fit_generator",
    params="object generator steps_per_epoch epochs verbose callbacks view_metrics "
    "validation_data validation_steps class_weight max_queue_size workers initial_epoch",
    kind=Kind.HISTORY,
    visible=False,
    status="replaced",
    note=f"was removed in Keras 3: fit() takes the generator; {_DROPPED}",
)(
    _generator_verb(
        "fit",
        {
            "steps_per_epoch": as_int,
            "epochs": as_int,
            "verbose": verbose_value,
            "callbacks": as_list,
            "validation_data": _validation,
            "validation_steps": as_int,
            "initial_epoch": as_int,
        },
    )
)


@TABLE.special(
    "evaluate_generator",
    params="object generator steps max_queue_size workers callbacks",
    kind=Kind.NAMED_LIST,
    status="replaced",
    note=f"was removed in Keras 3: evaluate() takes the generator; {_DROPPED}",
)
def _evaluate_generator(emitter, bound: BoundCall) -> cst.BaseExpression:
    """As `evaluate()`: R's named results, in R's order (`rkeras2py.runtime.evaluate`)."""
    call = _generator_verb("evaluate", {"steps": as_int, "callbacks": as_list})(emitter, bound)
    runtime = py.dotted(emitter.imports.path(_RUNTIME + "evaluate"))
    return py.call(runtime, py.arg(call.func.value), *call.args)


TABLE.special(
    "predict_generator",
    params="object generator steps max_queue_size workers verbose callbacks",
    kind=Kind.ARRAY,
    status="replaced",
    note=f"was removed in Keras 3: predict() takes the generator; {_DROPPED}",
)(
    _generator_verb(
        "predict",
        {"steps": as_int, "verbose": verbose_value, "callbacks": as_list},
        defaults={"verbose": py.integer(0)},
    )
)


@TABLE.special("reset_states", params="object", visible=False, kind=_model_kind)
def _reset_states(emitter, bound: BoundCall) -> cst.BaseExpression:
    """A recurrent layer's `layer.reset_state()`; a model has no such method in Keras 3, so
    its stateful layers are reset by `rkeras2py.runtime.reset_states`."""
    if emitter.kind(bound.get("object")) is Kind.LAYER:
        return _method(emitter, bound, "reset_state", [])
    return table(emitter, with_target(bound, _RUNTIME + "reset_states"))


TABLE.add(
    "multi_gpu_model",
    params="model gpus cpu_merge cpu_relocation",
    status="removed",
    note="was removed in TensorFlow 2.2: build and compile the model inside "
    "`with tf.distribute.MirroredStrategy().scope():`",
)
for _name, _instead in (
    ("get_input_at", "layer.input"),
    ("get_output_at", "layer.output"),
    ("get_input_shape_at", "layer.input.shape"),
    ("get_output_shape_at", "layer.output.shape"),
    ("get_input_mask_at", "the mask the layer's call computes"),
    ("get_output_mask_at", "layer.compute_mask()"),
):
    TABLE.add(
        _name,
        params="object node_index",
        status="removed",
        note=f"was removed in Keras 3 (layers keep no nodes by index): use {_instead}",
    )

# ---- preprocessing layers' vocabulary -------------------------------------------------------

verb(
    "get_vocabulary",
    "get_vocabulary",
    "object include_special_tokens",
    kind=Kind.CHR_VECTOR,
    rename=keywords("object include_special_tokens"),
)
TABLE.add(
    "set_vocabulary",
    "set_vocabulary",
    "object vocabulary idf_weights ...",
    method=True,
    statement=inplace_statement,
    assigns=True,
    visible=False,
    kind=lambda emitter, bound: emitter.kind(bound.get("object")),
)

# ---- the training history's methods: print(), plot(), as.data.frame() ---------------------


def _history_call(helper: str):
    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        return table(emitter, with_target(bound, _RUNTIME + helper))

    return emit


def _print_history(emitter, bound: BoundCall) -> cst.BaseExpression:
    """R's "Final epoch (plot to see history):" and the last value of each metric."""
    return py.call("print", table(emitter, with_target(bound, _RUNTIME + "format_history")))


TABLE.s3(
    "print",
    (Kind.HISTORY,),
    params="x ...",
    emit=_print_history,
    visible=False,
    status="runtime",
)
TABLE.s3(
    "plot",
    (Kind.HISTORY,),
    params="x y metrics method smooth theme_bw ...",
    emit=_history_call("plot_history"),
    drop=frozenset({"y", "method", "smooth", "theme_bw"}),
    kind=Kind.PYOBJ,
    visible=False,
    status="runtime",
    note="a matplotlib Figure, one panel per metric with its val_ partner",
)
TABLE.s3(
    "as.data.frame",
    (Kind.HISTORY,),
    params="x ...",
    emit=_history_call("history_data_frame"),
    kind=Kind.NAMED_LIST,
    status="runtime",
    note="R's long data frame as a dict of columns (epoch, value, metric, data)",
)

_PLOT_MODEL = (
    "x show_shapes show_dtype show_layer_names ... rankdir expand_nested dpi layer_range "
    "show_layer_activations to_file"
)


def _plot_model(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`keras.utils.plot_model(model)`: TensorFlow 2.15's defaults, which R relied on, are
    written out where Keras 3 changed them (`show_layer_names=True`, `dpi=96`)."""
    args = [py.arg(emitter.expr(bound.get("x")))]
    written = {"show_layer_names": py.name("True"), "dpi": py.integer(96)}
    for param in bound.entry.params[1:]:
        node = _given(bound, param)
        if param == "...":
            continue
        if node is not None:
            value = as_int(emitter, node) if param == "dpi" else emitter.expr(node)
            args.append(py.arg(value, param))
        elif param in written:
            args.append(py.arg(written[param], param))
    return py.call(py.dotted(emitter.imports.path("keras.utils.plot_model")), *args)


for _kind in MODELS:
    TABLE.s3("plot", (_kind,), params=_PLOT_MODEL, emit=_plot_model, visible=False)
