"""Models and their verbs: building, compiling, training, evaluating, predicting.

R keras's verbs are S3 generics dispatched on the model (`fit(model, x, y)`); Python's are
methods (`model.fit(x, y)`). What the R wrappers do on the way is reproduced: `fit()`
trains 10 epochs when `epochs` is left out, `validation_data = list(x, y)` is a tuple,
`evaluate()` returns a named vector (a dict here, `return_dict=True`), `compile()` and
friends change the model in place and hand it back invisibly.
"""

from __future__ import annotations

import libcst as cst

from ... import pyast as py
from ...emit.values import keyword_name
from ...kinds import Kind
from .. import Attribute, BoundCall
from ..convert import as_int, as_list, is_null, py_value, shape, tuple_value
from .table import TABLE

_SEQUENTIAL_INPUT = {"input_shape": "shape", "batch_input_shape": "batch_shape"}


def sequential_input(emitter, bound: BoundCall) -> cst.BaseExpression | None:
    """`keras.Input(...)` for `keras_model_sequential(input_shape = ...)`, if given."""
    extras = {arg.name: arg.value for arg in bound.extra if arg.name}
    args = []
    for r_name, python in _SEQUENTIAL_INPUT.items():
        if r_name in extras and not is_null(extras[r_name]):
            args.append(py.arg(shape(emitter, extras[r_name]), python))
    if not args:
        return None
    if "batch_size" in extras and not is_null(extras["batch_size"]):
        args.append(py.arg(as_int(emitter, extras["batch_size"]), "batch_size"))
    for r_name in ("dtype", "sparse", "ragged"):
        if r_name in extras and not is_null(extras[r_name]):
            args.append(py.arg(emitter.expr(extras[r_name]), r_name))
    return py.call(emitter.imports.path("keras.Input"), *args)


@TABLE.special("keras_model_sequential", params="layers name ...", kind=Kind.SEQUENTIAL)
def _keras_model_sequential(emitter, bound: BoundCall) -> cst.BaseExpression:
    from .compose import new_sequential

    return new_sequential(emitter, bound, [])


def _keras_model_statement(emitter, bound: BoundCall, mode) -> list[cst.BaseStatement]:
    """`model <- keras_model(inputs, list(a, b))`: remember that `model` has several
    outputs, so `predict(model, x)` is a list (a dict for named outputs), as in R."""
    from ....grammar import nodes as n

    outputs = bound.get("outputs")
    several = None
    if isinstance(outputs, n.Call) and getattr(outputs.func, "id", None) in ("list", "c"):
        if len(outputs.args) > 1:
            several = Kind.NAMED_LIST if all(arg.name for arg in outputs.args) else Kind.LIST
    elif outputs is not None and emitter.kind(outputs) in (Kind.LIST, Kind.NAMED_LIST):
        several = emitter.kind(outputs)
    if several is not None and mode.action == "assign" and isinstance(mode.target, cst.Name):
        emitter.multiple_outputs[mode.target.value] = several
        emitter.forget_kinds()
    return emitter.finish(emitter.expr(bound.node), mode)


TABLE.add(
    "keras_model",
    "keras.Model",
    "inputs outputs ...",
    kind=Kind.MODEL,
    statement=_keras_model_statement,
    assigns=True,
)


def _prediction_kind(emitter, bound: BoundCall) -> Kind:
    """An array, or a list of them for a model with several outputs."""
    from ....grammar import nodes as n

    model = bound.get("object")
    if isinstance(model, n.Name) and model.id in emitter.multiple_outputs:
        return emitter.multiple_outputs[model.id]
    return Kind.ARRAY


TABLE.add(
    "layer_input",
    "keras.Input",
    "shape batch_shape name dtype sparse tensor ragged",
    kind=Kind.TENSOR,
    convert={"shape": shape, "batch_shape": shape},
)


def inplace_statement(emitter, bound: BoundCall, mode) -> list[cst.BaseStatement]:
    """A verb that changes the model and returns it invisibly: the method call, then the
    model itself where the R code goes on using the returned value."""
    call = emitter.expr(bound.node)
    statements = [py.expr_statement(call)]
    if mode.action == "print" or mode.action == "discard":
        return statements
    model = emitter.expr(bound.get(bound.entry.params[0]))
    if mode.action == "assign" and isinstance(mode.target, cst.Name):
        if isinstance(model, cst.Name) and model.value == mode.target.value:
            return statements
    return statements + emitter.finish(model, mode)


def model_kind(emitter, bound: BoundCall) -> Kind:
    return emitter.kind(bound.get(bound.entry.params[0]))


def verb(name: str, method: str, params: str, **options):
    """A model verb: R's `name(object, ...)` is Python's `object.method(...)`."""
    return TABLE.add(name, method, params, method=True, **options)


def inplace_verb(name: str, method: str, params: str, **options):
    return verb(
        name,
        method,
        params,
        statement=inplace_statement,
        assigns=True,
        visible=False,
        kind=model_kind,
        **options,
    )


inplace_verb(
    "compile",
    "compile",
    "object optimizer loss metrics loss_weights weighted_metrics run_eagerly "
    "steps_per_execution ... target_tensors sample_weight_mode",
    convert={"metrics": as_list, "weighted_metrics": as_list},
    positional=2,
)


def _removed_argument(emitter, bound: BoundCall, names: tuple[str, ...], why: str) -> None:
    for name in names:
        if bound.get(name) is not None and not is_null(bound.get(name)):
            emitter.fail("RK111", f"{bound.entry.name}({name} =) {why}", bound.get(name))


_FIT_PARAMS = (
    "object x y batch_size epochs verbose callbacks view_metrics validation_split "
    "validation_data shuffle class_weight sample_weight initial_epoch steps_per_epoch "
    "validation_steps ..."
)


def verbose_value(emitter, node):
    """`verbose`: "auto" stays, numbers become ints (R keras's as_model_verbose_arg)."""
    return emitter.expr(node) if emitter.kind(node) is Kind.STR else as_int(emitter, node)


def class_weight_value(emitter, node):
    """R's `list("0" = 1, "1" = 5)` becomes `{0: 1.0, 1: 5.0}`: class ids are numbers."""
    from ....grammar import nodes as n

    if isinstance(node, n.Call) and getattr(node.func, "id", None) == "list":
        pairs = []
        for arg in node.args:
            key = py.integer(int(arg.name)) if arg.name and arg.name.isdigit() else None
            if key is None:
                return py_value(emitter, node)
            pairs.append((key, py_value(emitter, arg.value)))
        return py.dict_(pairs)
    return py_value(emitter, node)


_FIT_CONVERT = {
    "batch_size": as_int,
    "epochs": as_int,
    "verbose": verbose_value,
    "callbacks": as_list,
    "validation_split": py_value,
    "validation_data": tuple_value,
    "shuffle": py_value,
    "class_weight": class_weight_value,
    "initial_epoch": as_int,
    "steps_per_epoch": as_int,
    "validation_steps": as_int,
}


@TABLE.special("fit", params=_FIT_PARAMS, kind=Kind.HISTORY, visible=False)
def _fit(emitter, bound: BoundCall) -> cst.BaseExpression:
    """R keras 2.x trains 10 epochs unless told otherwise; RStudio's metrics viewer has no
    Python counterpart (`view_metrics` is dropped)."""
    return method_call(
        emitter,
        bound,
        "fit",
        _FIT_CONVERT,
        defaults={"epochs": py.integer(10)},
        drop=("view_metrics",),
    )


@TABLE.special(
    "evaluate",
    params="object x y batch_size verbose sample_weight steps callbacks ...",
    kind=Kind.NAMED_LIST,
)
def _evaluate(emitter, bound: BoundCall) -> cst.BaseExpression:
    """A named vector in R (`c(loss = , accuracy = )`), in the order R keras names it: loss,
    then the metrics in compile order. Keras 3's `return_dict=True` sorts the names, so
    positions (`score[[2]]`) would differ: the runtime's `evaluate` keeps R's order."""
    call = method_call(
        emitter,
        bound,
        "evaluate",
        {"batch_size": as_int, "verbose": verbose_value, "steps": as_int},
    )
    runtime = py.dotted(emitter.imports.path("rkeras2py.runtime.evaluate"))
    receiver = call.func.value
    return py.call(runtime, py.arg(receiver), *call.args)


def method_call(
    emitter,
    bound: BoundCall,
    method: str,
    converters: dict,
    tail: list[cst.Arg] = (),
    defaults: dict | None = None,
    drop: tuple[str, ...] = (),
) -> cst.BaseExpression:
    """`object.method(...)`: x and y as the R code places them, the rest as keywords;
    `defaults` are written where the R call leaves an argument out."""
    from ...emit.calls import extra_arguments

    args: list[cst.Arg] = []
    positional = True
    for param in bound.entry.params[1:]:
        value = bound.get(param)
        if value is None and defaults and param in defaults:
            args.append(py.arg(defaults[param], keyword_name(param)))
            positional = False
            continue
        if param == "..." or param in drop or value is None or is_null(value):
            positional = False
            continue
        converter = converters.get(param)
        converted = converter(emitter, value) if converter else emitter.expr(value)
        keep = positional and param in ("x", "y") and param not in bound.by_name
        args.append(py.arg(converted, None if keep else keyword_name(param)))
        positional = keep
    args.extend(extra_arguments(emitter, bound))
    args.extend(tail)
    return py.call(py.attr(emitter.expr(bound.get("object")), method), *args)


@TABLE.special(
    "predict",
    params="object x batch_size verbose steps callbacks ...",
    kind=_prediction_kind,
    item_kind=Kind.ARRAY,
)
def _predict(emitter, bound: BoundCall) -> cst.BaseExpression:
    return method_call(
        emitter, bound, "predict", {"batch_size": as_int, "verbose": verbose_value, "steps": as_int}
    )


for _name, _method, _params, _kind in (
    ("predict_on_batch", "predict_on_batch", "object x", Kind.ARRAY),
    ("train_on_batch", "train_on_batch", "object x y class_weight sample_weight", Kind.UNKNOWN),
    ("test_on_batch", "test_on_batch", "object x y sample_weight", Kind.UNKNOWN),
):
    TABLE.special(_name, params=_params, kind=_kind)(
        lambda emitter, bound, _method=_method: method_call(emitter, bound, _method, {})
    )


verb("count_params", "count_params", "object", kind=Kind.INT)
verb("pop_layer", "pop", "object", visible=False)


@TABLE.special("get_weights", params="object trainable", kind=Kind.LIST, item_kind=Kind.ARRAY)
def _get_weights(emitter, bound: BoundCall) -> cst.BaseExpression:
    """R arrays of the weights; `trainable = TRUE/FALSE` picks one group of them."""
    from ..helpers import is_false, is_true

    model = emitter.expr(bound.get("object"))
    trainable = bound.get("trainable")
    if trainable is None or (hasattr(trainable, "name") and trainable.name == "NA"):
        return py.call(py.attr(model, "get_weights"))
    group = "trainable_weights" if is_true(trainable) else "non_trainable_weights"
    if not (is_true(trainable) or is_false(trainable)):
        emitter.fail("RK103", "get_weights(trainable =) must be TRUE, FALSE or NA", trainable)
    weight = py.name("weight")
    return cst.ListComp(
        py.call(py.attr(weight, "numpy")), cst.CompFor(weight, py.attr(model, group))
    )


inplace_verb(
    "set_weights", "set_weights", "object weights", convert={"weights": lambda e, v: e.expr(v)}
)


@TABLE.special("get_layer", params="object name index", kind=Kind.LAYER)
def _get_layer(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`index` is 1-based in R keras (as_layer_index)."""
    from ..convert import index

    model = emitter.expr(bound.get("object"))
    if bound.get("name") is not None and not is_null(bound.get("name")):
        return py.call(py.attr(model, "get_layer"), py.arg(emitter.expr(bound.get("name")), "name"))
    position = bound.get("index")
    if position is None:
        emitter.fail("RK103", "get_layer() needs `name` or `index`", bound.node)
    return py.call(py.attr(model, "get_layer"), py.arg(index(emitter, position), "index"))


def _summary(emitter, bound: BoundCall) -> cst.BaseExpression:
    return py.call(py.attr(emitter.expr(bound.get("object")), "summary"))


for _kind in (Kind.MODEL, Kind.SEQUENTIAL):
    TABLE.s3("summary", (_kind,), params="object ...", emit=_summary, visible=False)

ATTRIBUTES = {
    # Keras 3 logs the learning rate (ReduceLROnPlateau, LearningRateScheduler) as
    # "learning_rate" where Keras 2 wrote "lr"
    (Kind.HISTORY, "metrics"): Attribute(
        "history", Kind.NAMED_LIST, Kind.LIST, keys=(("lr", "learning_rate"),)
    ),
    (Kind.HISTORY, "params"): Attribute("params", Kind.NAMED_LIST),
    **{
        (model, name): Attribute(name, Kind.LIST, Kind.LAYER)
        for model in (Kind.MODEL, Kind.SEQUENTIAL)
        for name in ("layers",)
    },
    # a model's metric objects (`m$name`, `m$result()` are their attributes); `self` in a
    # method of a Model subclass is a Python object
    **{
        (model, "metrics"): Attribute("metrics", Kind.LIST, Kind.PYOBJ)
        for model in (Kind.MODEL, Kind.SEQUENTIAL, Kind.PYOBJ)
    },
    **{
        (model, name): Attribute(name, Kind.LIST, Kind.TENSOR)
        for model in (Kind.MODEL, Kind.SEQUENTIAL, Kind.LAYER)
        for name in (
            "weights",
            "trainable_weights",
            "non_trainable_weights",
            "variables",
            "trainable_variables",
            "non_trainable_variables",
        )
    },
}

# Keras 2 model methods that Keras 3 removed, as runtime helpers taking the model first:
# (the attribute chain after the model) → helper.
METHOD_HELPERS = {
    ("compiled_loss",): "rkeras2py.runtime.compiled_loss",
    ("compiled_metrics", "update_state"): "rkeras2py.runtime.update_compiled_metrics",
    # a Keras 3 tensor's shape is a tuple, not a TensorShape: `x$shape$as_list()`
    ("as_list",): "list",
}

# Methods that return None (R shows nothing when they stand alone at top level).
_RETURN_NONE = (
    "add set_weights compile summary save save_weights load_weights reset_states reset_state "
    "update_state build pop adapt set_vocabulary"
)
METHOD_KINDS = {
    **{method: Kind.NULL for method in _RETURN_NONE.split()},
    "get_weights": Kind.LIST,
    "count_params": Kind.INT,
    "predict": Kind.ARRAY,
    "numpy": Kind.ARRAY,
    "get_layer": Kind.LAYER,
    "gradient": Kind.LIST,  # tape$gradient(loss, variables): one gradient per variable
    "get_config": Kind.NAMED_LIST,  # dicts come to R as named lists
    "get_vocabulary": Kind.LIST,
    "to_json": Kind.STR,
}

TABLE.add("keras", "keras", kind=Kind.PYOBJ, status="object")
