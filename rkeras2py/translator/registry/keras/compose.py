"""Layers, and what R keras does with the object a layer is piped onto.

Every `layer_*()` wrapper builds its layer first, then looks at `object` (R keras's
`create_layer()` / `compose_layer()`): without one it returns the layer; onto a Sequential
model it calls `model$add(layer)` and hands back the model, invisibly; onto anything else
(a tensor, a list of tensors) it returns `layer(object)`. Here the kind of `object` decides
statically; a whole `keras_model_sequential() %>% layer_a() %>% layer_b()` stack becomes one
`keras.Sequential([...])`, a stack added to an existing model becomes `model.add(...)`
statements, and an object of unknown kind goes through `rkeras2py.runtime.compose_layer`.
"""

from __future__ import annotations

import libcst as cst

from ....grammar import nodes as n
from ... import pyast as py
from ...emit.calls import check_arguments, convert_argument, extra_arguments, resolve
from ...emit.operators import pipe_call
from ...emit.values import keyword_name
from ...kinds import Kind
from .. import BoundCall, Entry, bind
from ..convert import as_int, elements, is_null, py_value, shape
from ..helpers import is_true
from .models import sequential_input
from .table import TABLE

# Arguments every R layer wrapper takes (R keras's create_layer() handles them).
STANDARD = "input_shape batch_input_shape batch_size dtype name trainable weights"
_STANDARD_CONVERT = {"input_shape": shape, "batch_input_shape": shape, "batch_size": as_int}
# Arguments Keras 3 layers no longer take: they say where the model's input starts.
_INPUT_ARGS = ("input_shape", "batch_input_shape", "batch_size")


def layer(
    name: str,
    target: str,
    params: str = "",
    *,
    standard: bool = True,
    convert: dict | None = None,
    **options,
) -> Entry:
    """A `layer_*()` entry: R formals after `object` (the standard ones are added)."""
    formals = " ".join(part for part in ("object", params, STANDARD if standard else "") if part)
    path = target if "." in target else f"keras.layers.{target}"
    return TABLE.add(
        name,
        path,
        formals,
        emit=compose,
        statement=compose_statement,
        assigns=True,
        kind=layer_kind,
        convert={**_STANDARD_CONVERT, **(convert or {})},
        visible=False,
        **options,
    )


def constructor(emitter, bound: BoundCall, skip: tuple[str, ...] = ()) -> cst.BaseExpression:
    """The layer instance: `keras.layers.Dense(units=32, ...)`.

    The first argument stays positional when R matched it by position; the rest are
    keywords, so a difference in argument order between R and Python cannot bite.
    """
    check_arguments(emitter, bound)
    entry = bound.entry
    if entry.status == "removed":
        emitter.fail("RK110", f"{entry.name}() {entry.note}", bound.node)
    if entry.status == "replaced":
        emitter.report("RK210", f"{entry.name}(): {entry.note}", bound.node)
    args: list[cst.Arg] = []
    params = [p for p in entry.params if p not in ("object", "...")]
    for position, param in enumerate(params):
        value = bound.named.get(param)
        if value is None or param in entry.drop or param in skip or is_null(value):
            continue
        if param == "weights":
            emitter.fail(
                "RK111",
                "Keras 3 layers take no `weights` argument: call set_weights() once built",
                value,
            )
        converted = convert_argument(emitter, entry, param, value)
        keyword = keyword_name(entry.rename.get(param, param))
        if position == 0 and param not in bound.by_name and param not in entry.rename:
            keyword = None
        args.append(py.arg(converted, keyword))
    args.extend(extra_arguments(emitter, bound))
    layer = py.call(emitter.imports.path(entry.target), *args)

    if "time_major" in entry.params and is_true(bound.get("time_major")):
        # Keras 3 removed time_major: the runtime transposes around the layer
        return py.call(emitter.imports.path("rkeras2py.runtime.time_major"), layer)
    return layer


def _unpipe(emitter, node: n.Node) -> n.Node:
    while True:
        if isinstance(node, n.Paren):
            node = node.expr
        elif isinstance(node, n.Binary) and node.op in ("%>%", "|>"):
            node = pipe_call(emitter, node)
        else:
            return node


def is_layer_call(emitter, node: n.Node) -> BoundCall | None:
    """`node` as a bound `layer_*()` call, if it is one."""
    node = _unpipe(emitter, node)
    if isinstance(node, n.Call):
        entry = resolve(emitter, node)
        if entry is not None and entry.emit is compose:
            return bind(node, entry)
    return None


def layer_kind(emitter, bound: BoundCall) -> Kind:
    obj = bound.get("object")
    if obj is None:
        return Kind.LAYER
    kind = composed_kind(emitter.kind(obj))
    if kind is Kind.TENSOR and is_true(bound.get("return_state")):
        return Kind.LIST  # the output and the states: R gets a list
    return kind


def composed_kind(object_kind: Kind) -> Kind:
    """The kind of `object %>% layer`: the model, or the layer's output."""
    if object_kind is Kind.SEQUENTIAL:
        return Kind.SEQUENTIAL
    if object_kind in (Kind.TENSOR, Kind.LIST):
        return Kind.TENSOR
    return Kind.UNKNOWN


def compose(emitter, bound: BoundCall) -> cst.BaseExpression:
    obj = bound.get("object")
    if obj is None:
        return _standalone(emitter, bound)
    kind = emitter.kind(obj)
    if kind is Kind.SEQUENTIAL:
        statements, value = sequential(emitter, bound)
        emitter.hoist(statements)
        return value
    if kind in (Kind.TENSOR, Kind.LIST):
        return py.call(_standalone(emitter, bound), _layer_input(emitter, obj))
    runtime = emitter.imports.path("rkeras2py.runtime.compose_layer")
    return py.call(runtime, emitter.expr(obj), _standalone(emitter, bound))


def _layer_input(emitter, obj: n.Node) -> cst.BaseExpression:
    return py_value(emitter, obj)


def _standalone(emitter, bound: BoundCall) -> cst.BaseExpression:
    for param in ("batch_input_shape", "batch_size"):
        if bound.get(param) is not None and not is_null(bound.get(param)):
            emitter.fail(
                "RK111",
                f"Keras 3 layers take no `{param}`: start the model with "
                "layer_input(batch_shape = ...)",
                bound.get(param),
            )
    return constructor(emitter, bound)


def compose_statement(emitter, bound: BoundCall, mode) -> list[cst.BaseStatement]:
    """`model %>% layer_x()` as a statement: `model.add(...)`, and nothing else to show."""
    obj = bound.get("object")
    if obj is not None and mode.action == "assign" and isinstance(mode.target, cst.Name):
        inner = is_layer_call(emitter, obj)
        if inner is not None and emitter.kind(obj) is Kind.TENSOR:
            # `y <- x %>% layer_a() %>% layer_b()`: one line per layer, as Python is written
            first = compose_statement(emitter, inner, mode)
            step = py.call(_standalone(emitter, bound), mode.target)
            return first + emitter.finish(step, mode)
    if obj is None or emitter.kind(obj) is not Kind.SEQUENTIAL:
        if mode.action == "print":
            mode = type(mode)("discard")
        return emitter.finish(compose(emitter, bound), mode)
    statements, value = sequential(emitter, bound)
    if mode.action == "assign" and _same_target(mode.target, value):
        return statements
    if mode.action in ("print", "discard") and isinstance(value, cst.Name):
        return statements
    return statements + emitter.finish(value, mode)


def _same_target(target, value) -> bool:
    return (
        isinstance(target, cst.Name) and isinstance(value, cst.Name) and target.value == value.value
    )


def sequential(emitter, bound: BoundCall) -> tuple[list[cst.BaseStatement], cst.BaseExpression]:
    """A stack of layers piped onto a Sequential model: statements to run first, and the
    value (the model)."""
    stack = [bound]
    bottom = bound.get("object")
    while True:
        inner = is_layer_call(emitter, bottom)
        if inner is None or inner.get("object") is None:
            break
        stack.insert(0, inner)
        bottom = inner.get("object")
    bottom = _unpipe(emitter, bottom)

    entry = resolve(emitter, bottom) if isinstance(bottom, n.Call) else None
    if entry is not None and entry.name == "keras_model_sequential":
        build = SEQUENTIAL_BUILDERS[entry.package]
        return [], build(emitter, bind(bottom, entry), stack)
    model = emitter.expr(bottom)
    if not isinstance(model, cst.Name):
        runtime = emitter.imports.path("rkeras2py.runtime.compose_layer")
        for layer_call in stack:
            model = py.call(runtime, model, _standalone(emitter, layer_call))
        return [], model
    items = _stack_items(emitter, stack, first_input=None)
    adds = [py.expr_statement(py.call(py.attr(model, "add"), item)) for item in items]
    return adds, model


def _stack_items(
    emitter, stack: list[BoundCall], first_input: cst.BaseExpression | None
) -> list[cst.BaseExpression]:
    """The layers of a stack, with `keras.Input(...)` first when the R code gives the input
    shape on the first layer (Keras 3 layers no longer take it)."""
    items: list[cst.BaseExpression] = []
    if first_input is not None:
        items.append(first_input)
    for position, layer_call in enumerate(stack):
        if position == 0 and first_input is None:
            input_item = input_from_layer(emitter, layer_call)
            if input_item is not None:
                items.append(input_item)
        items.append(constructor(emitter, layer_call, skip=_input_params(layer_call)))
    return items


def _renamed_to_input_shape(bound: BoundCall) -> tuple[str, ...]:
    """R parameters a layer passes as `input_shape` (Embedding's `input_length`)."""
    return tuple(r for r, python in bound.entry.rename.items() if python == "input_shape")


def _input_params(bound: BoundCall) -> tuple[str, ...]:
    """The R parameters that give a layer's input shape."""
    return _INPUT_ARGS + _renamed_to_input_shape(bound)


def input_from_layer(emitter, bound: BoundCall) -> cst.BaseExpression | None:
    """`keras.Input(...)` for a first layer's `input_shape`/`batch_input_shape`."""
    args = []
    batch_shape = bound.get("batch_input_shape")
    input_shape = bound.get("input_shape")
    for param in _renamed_to_input_shape(bound):
        input_shape = bound.get(param) if input_shape is None else input_shape
    if batch_shape is not None and not is_null(batch_shape):
        args.append(py.arg(shape(emitter, batch_shape), "batch_shape"))
    elif input_shape is not None and not is_null(input_shape):
        args.append(py.arg(shape(emitter, input_shape), "shape"))
        batch_size = bound.get("batch_size")
        if batch_size is not None and not is_null(batch_size):
            args.append(py.arg(as_int(emitter, batch_size), "batch_size"))
    else:
        return None
    dtype = bound.get("dtype")
    if dtype is not None and not is_null(dtype):
        args.append(py.arg(emitter.expr(dtype), "dtype"))
    return py.call(emitter.imports.path("keras.Input"), *args)


def new_sequential(emitter, model_call: BoundCall, stack: list[BoundCall]) -> cst.BaseExpression:
    """`keras.Sequential([...])` for `keras_model_sequential(...) %>% layers`."""
    first_input = sequential_input(emitter, model_call)
    listed = model_call.get("layers")
    given: list[cst.BaseExpression] = []
    if listed is not None and not is_null(listed):
        values = elements(listed)
        if values is None:
            emitter.fail("RK103", "keras_model_sequential(layers =) must be a list(...)", listed)
        given = [emitter.expr(value) for value in values]
    if given:
        items = ([first_input] if first_input is not None else []) + given
        items += [
            constructor(emitter, layer_call, skip=_input_params(layer_call)) for layer_call in stack
        ]
    else:
        items = _stack_items(emitter, stack, first_input=first_input)
    args = [py.arg(py.list_(items))] if items else []
    name = model_call.get("name")
    if name is not None and not is_null(name):
        args.append(py.arg(emitter.expr(name), "name"))
    return py.call(emitter.imports.path("keras.Sequential"), *args)


def call_layer_object(emitter, node: n.Call) -> cst.BaseExpression | None:
    """`x %>% dense()` with `dense` a layer (or model) object: R keras's compose_layer()."""
    if not node.args or node.args[0].name is not None or node.args[0].value is None:
        return None
    obj = node.args[0].value
    if emitter.kind(obj) is not Kind.SEQUENTIAL:
        return None
    model = emitter.expr(obj)
    layer_value = emitter.expr(node.func)
    if isinstance(model, cst.Name):
        emitter.hoist([py.expr_statement(py.call(py.attr(model, "add"), layer_value))])
        return model
    runtime = emitter.imports.path("rkeras2py.runtime.compose_layer")
    return py.call(runtime, model, layer_value)


# How each R keras API's `keras_model_sequential()` call builds `keras.Sequential([...])`
# with the layers piped onto it (keras3 takes the input shape as a formal).
SEQUENTIAL_BUILDERS = {"keras": new_sequential}
