"""Calls: registry entries, the R code's own functions, and calls of computed functions."""

from __future__ import annotations

import libcst as cst

from ...grammar import nodes as n
from .. import pyast as py
from ..emitter import Emitter, Mode, expression, kind_rule, statement
from ..kinds import Kind
from ..registry import BoundCall, Entry, bind
from .values import python_name


def resolve(emitter: Emitter, node: n.Call) -> Entry | None:
    """The registry entry a call refers to, unless the R code defines that function itself."""
    func = node.func
    if isinstance(func, n.Namespace):
        return emitter.registry.lookup(func.name, func.package)
    if isinstance(func, n.Str):
        func = n.Name(func.value)
    if isinstance(func, n.Name) and not emitter.analysis.is_user_function(func.id, emitter.scope):
        if (
            emitter.analysis.is_user_name(func.id, emitter.scope)
            and emitter.kind(func) is Kind.FUNCTION
        ):
            return None
        return emitter.registry.lookup(func.id)
    return None


@expression(n.Call)
def call(emitter: Emitter, node: n.Call) -> cst.BaseExpression:
    if (  # missing(b) for a parameter with a default: the flag set on entry
        isinstance(node.func, n.Name)
        and node.func.id == "missing"
        and node.args
        and isinstance(node.args[0].value, n.Name)
        and node.args[0].value.id in emitter.missing_flags
    ):
        return py.name(emitter.missing_flags[node.args[0].value.id])
    entry = resolve(emitter, node)
    if entry is not None:
        return entry_call(emitter, bind(node, entry))
    func = node.func
    if isinstance(func, (n.Name, n.Str)):
        r_name = func.id if isinstance(func, n.Name) else func.value
        if not emitter.analysis.is_user_name(r_name, emitter.scope):
            emitter.fail("RK101", f"unknown function '{r_name}': no Python mapping", node)
        definition = emitter.analysis.definition(r_name, emitter.scope)
        if definition is not None:
            emitter.observe_call(definition, node.args)
        return py.call(py.name(python_name(r_name)), *arguments(emitter, node.args))
    if isinstance(func, n.Namespace):
        emitter.fail("RK101", f"unknown function '{func.package}::{func.name}'", node)
    return py.call(emitter.expr(func), *arguments(emitter, node.args))


@statement(n.Call)
def call_statement(emitter: Emitter, node: n.Call, mode: Mode) -> list[cst.BaseStatement]:
    """A call standing as a statement: some R functions are statements in Python."""
    entry = resolve(emitter, node)
    if entry is not None and entry.statement is not None:
        return entry.statement(emitter, bind(node, entry), mode)
    if mode.action == "print" and not emitter.is_visible(node):
        mode = Mode("discard")
    return emitter.finish(call(emitter, node), mode)


def entry_call(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    entry = bound.entry
    collects_all = entry.params[:1] == ("...",)  # c(...), cat(...), paste(...), sum(...)
    if not collects_all and any(
        isinstance(arg.value, n.Name) and arg.value.id == "..." for arg in bound.node.args
    ):
        message = f"`...` forwarded into {entry.name}(): name the arguments it carries"
        emitter.fail("RK103", message, bound.node)
    if entry.status == "removed":
        emitter.fail("RK101", f"{entry.name}() {entry.note}", bound.node)
    if entry.emit is not None:
        return entry.emit(emitter, bound)
    if entry.target is None:
        emitter.fail("RK102", f"{entry.name}() is only translated as a statement", bound.node)
    return table_call(emitter, bound)


def table_call(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """A call through a plain table entry: target, converted and renamed arguments.

    Arguments R matched by position stay positional while they come in order; after a
    gap, a dropped argument or a `NULL` (R's "use the default"), they become keywords.
    """
    entry = bound.entry
    args: list[cst.Arg] = []
    in_order = True
    for param in entry.params:
        value = bound.named.get(param)
        if param == "...":
            continue
        if value is None or param in entry.drop or _is_null(value):
            in_order = False
            continue
        converter = entry.convert.get(param)
        converted = converter(emitter, value) if converter else emitter.expr(value)
        if in_order and param not in bound.by_name and param not in entry.rename:
            args.append(py.arg(converted))
        else:
            args.append(py.arg(converted, python_name(entry.rename.get(param, param))))
            in_order = False
    for extra in bound.extra:
        args.extend(arguments(emitter, [extra]))
    return py.call(emitter.imports.path(entry.target), *args)


def _is_null(node: n.Node) -> bool:
    return isinstance(node, n.Const) and node.name == "NULL"


def arguments(emitter: Emitter, args: list[n.Arg]) -> list[cst.Arg]:
    """R arguments as Python ones: `...` spreads, names lose their dots."""
    result = []
    for arg in args:
        if arg.value is None:
            emitter.fail("RK103", "an empty argument cannot be passed in Python", arg)
        if isinstance(arg.value, n.Name) and arg.value.id == "...":
            result.append(py.arg(py.name("args"), star="*"))
            result.append(py.arg(py.name("kwargs"), star="**"))
            continue
        value = emitter.expr(arg.value)
        result.append(py.arg(value, python_name(arg.name) if arg.name else None))
    return result


def function_value(emitter: Emitter, node: n.Name) -> cst.BaseExpression | None:
    """A package function used as a value (`sapply(x, sqrt)`): its Python target."""
    entry = emitter.registry.lookup(node.id)
    if entry is None:
        return None
    if entry.target is not None and not entry.convert:
        return py.dotted(emitter.imports.path(entry.target))
    parameter = emitter.fresh("value")
    fake = n.Call(node, [n.Arg(n.Name(parameter))])
    fake.line, fake.column = node.line, node.column
    emitter.local_names.add(parameter)
    try:
        body = entry_call(emitter, bind(fake, entry))
    finally:
        emitter.local_names.discard(parameter)
    return py.lambda_([parameter], body)


@kind_rule(n.Call)
def _call_kind(emitter: Emitter, node: n.Call) -> Kind:
    entry = resolve(emitter, node)
    if entry is None:
        if isinstance(node.func, n.Name):
            definition = emitter.analysis.definition(node.func.id, emitter.scope)
            if definition is not None:
                return emitter.seeded_returns.get(id(definition), Kind.UNKNOWN)
        return Kind.UNKNOWN
    return entry.result_kind(emitter, bind(node, entry))
