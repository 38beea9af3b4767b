"""R functions as `def` (named, or hoisted before use) and `lambda` (one expression).

The last expression of an R function is its value: the body is emitted in `return` mode,
which pushes a `return` into every branch. `<<-` becomes `nonlocal` or `global`; an
argument modified in place is copied first, as R's copy-on-modify would have; defaults that
refer to other arguments are evaluated in the body, as R's lazy defaults are.
"""

from __future__ import annotations

import libcst as cst

from ...grammar import nodes as n
from ...grammar.walk import walk
from .. import pyast as py
from ..analysis import METHOD_NAMES
from ..emitter import RETURN, Emitter, expression, kind_rule
from ..kinds import Kind
from .values import python_name

_CONSTANT_DEFAULTS = (n.Num, n.Str, n.Const)


def _is_constant(node: n.Node) -> bool:
    if isinstance(node, n.Unary) and node.op == "-":
        return isinstance(node.operand, n.Num)
    return isinstance(node, _CONSTANT_DEFAULTS)


def _tested_by_missing(function: n.Function) -> set[str]:
    names = set()
    for node in walk(function.body):
        if (
            isinstance(node, n.Call)
            and isinstance(node.func, n.Name)
            and node.func.id == "missing"
            and node.args
            and isinstance(node.args[0].value, n.Name)
        ):
            names.add(node.args[0].value.id)
    return names


def parameters(emitter: Emitter, function: n.Function) -> tuple[cst.Parameters, list]:
    """The Python parameters, and statements that compute lazy defaults."""
    missing = _tested_by_missing(function)
    params: list[cst.Param] = []
    prelude: list[cst.BaseStatement] = []
    star_arg = star_kwarg = None
    for param in function.params:
        if param.name == "...":
            if not emitter.dots_keywords_only:
                star_arg = py.param("args", star="*")
            star_kwarg = py.param("kwargs", star="**")
            continue
        name = python_name(param.name)
        default = param.default
        if default is None:
            if param.name in missing or params and params[-1].default is not None:
                params.append(py.param(name, py.name("None")))
            else:
                params.append(py.param(name, None))
        elif param.name in missing:
            # missing(b) must tell "not passed" from the default: a flag set on entry
            params.append(py.param(name, py.name("None")))
            flag = emitter.fresh(f"{name}_missing")
            emitter.missing_flags[param.name] = flag
            prelude.append(
                py.assign(py.name(flag), py.compare(py.name(name), "is", py.name("None")))
            )
            body = cst.IndentedBlock([py.assign(py.name(name), emitter.expr(default))])
            prelude.append(cst.If(py.compare(py.name(name), "is", py.name("None")), body))
        elif _is_constant(default):
            params.append(py.param(name, emitter.expr(default)))
            emitter.set_kind(param.name, emitter.kind(default))
        else:
            params.append(py.param(name, py.name("None")))
            test = py.compare(py.name(name), "is", py.name("None"))
            body = cst.IndentedBlock([py.assign(py.name(name), emitter.expr(default))])
            prelude.append(cst.If(test, body))
    return cst.Parameters(
        params=params, star_arg=star_arg or cst.MaybeSentinel.DEFAULT, star_kwarg=star_kwarg
    ), prelude


def _sets_seed(function: n.Function) -> bool:
    return any(
        isinstance(node, n.Call) and getattr(node.func, "id", None) == "set.seed"
        for node in walk(function.body)
    )


def define(
    emitter: Emitter, name: str, function: n.Function, *, method: bool = False, mode=RETURN
) -> cst.FunctionDef:
    """`def name(...)` for an R function; a `method` takes `self` first (R's is implicit)."""
    saved_top, saved_flags = emitter.top_level, emitter.missing_flags
    saved_keywords_only = emitter.dots_keywords_only
    emitter.top_level, emitter.missing_flags = False, {}
    emitter.dots_keywords_only = method  # a method's `...` carries keyword arguments
    emitter.enter_function(function)
    try:
        params, prelude = parameters(emitter, function)
        if method:
            emitter.set_kind("self", Kind.PYOBJ)
            if not (function.params and function.params[0].name == "self"):
                params = params.with_changes(params=[py.param("self", None), *params.params])
        scope = emitter.scope
        declarations: list[cst.BaseStatement] = []
        outer = {}
        if _sets_seed(function):  # set.seed() in a function reseeds the file's generator
            scope.superassigned.add("rng")
        for variable in sorted(scope.superassigned):
            if scope.defines(variable):  # its `<<-` statements are marked (assign.py)
                continue
            definer = scope.outer_definer(variable)
            is_module = definer is None or definer.parent is None
            outer.setdefault("global" if is_module else "nonlocal", []).append(
                python_name(variable)
            )
        if "global" in outer:
            declarations.append(
                py.simple(cst.Global([cst.NameItem(py.name(v)) for v in outer["global"]]))
            )
        if "nonlocal" in outer:
            names = [cst.NameItem(py.name(v)) for v in outer["nonlocal"]]
            declarations.append(py.simple(cst.Nonlocal(names)))
        copies = [
            py.assign(py.name(python_name(p)), py.call(py.attr(py.name(python_name(p)), "copy")))
            for p in scope.params
            if p in scope.modified and not (method and p in METHOD_NAMES)
        ]
        statements = function.body.body if isinstance(function.body, n.Block) else [function.body]
        docstring = []
        if method and statements and isinstance(statements[0], n.Str) and len(statements) > 1:
            # R keras makes a method's leading string its `__doc__`
            docstring = [py.expr_statement(py.docstring(statements[0].value))]
            statements = statements[1:]
        body = emitter.body(statements, mode)
        if statements:
            emitter.returns[id(function)] = emitter.kind(statements[-1])
            emitter.forget_kinds()
        body = docstring + declarations + prelude + copies + _drop_final_none(body)
    finally:
        emitter.leave_function()
        emitter.top_level, emitter.missing_flags = saved_top, saved_flags
        emitter.dots_keywords_only = saved_keywords_only
    return py.function_def(name, params, block(body, function.body))


def block(body: list[cst.BaseStatement], r_body: n.Node) -> cst.IndentedBlock:
    """An indented block, keeping the comments that closed the R block."""
    footer = []
    if isinstance(r_body, n.Block):
        footer = [
            cst.EmptyLine(indent=True, comment=cst.Comment(f"#{c.text}".rstrip()))
            for c in r_body.trailing_comments
        ]
    return py.block(body, footer)


def _drop_final_none(body: list[cst.BaseStatement]) -> list[cst.BaseStatement]:
    """A trailing `return None` says nothing a Python reader needs."""
    if body and isinstance(body[-1], cst.SimpleStatementLine) and len(body[-1].body) == 1:
        only = body[-1].body[0]
        if (
            (
                isinstance(only, cst.Return)
                and isinstance(only.value, cst.Name)
                and only.value.value == "None"
            )
            and not body[-1].leading_lines
            and len(body) > 1
        ):
            return body[:-1]
    return body


def is_single_expression(function: n.Function) -> n.Node | None:
    """The body's one expression, if a `lambda` can hold it."""
    body = function.body
    if isinstance(body, n.Block):
        if len(body.body) != 1:
            return None
        body = body.body[0]
    for node in walk(body):
        if isinstance(node, (n.Assign, n.Block, n.For, n.While, n.Repeat, n.Function)):
            return None
        if isinstance(node, n.Call) and getattr(node.func, "id", "") in (
            "return",
            "stop",
            "invisible",
        ):
            return None
    return body


@expression(n.Function)
def function_expression(emitter: Emitter, node: n.Function) -> cst.BaseExpression:
    """An anonymous function: a `lambda` when it is one expression, else a hoisted `def`."""
    body = is_single_expression(node)
    if body is not None and all(p.default is None or _is_constant(p.default) for p in node.params):
        if not any(p.name == "..." for p in node.params):
            emitter.enter_function(node)
            try:
                value = emitter.expr(body)
            finally:
                emitter.leave_function()
            return py.lambda_([python_name(p.name) for p in node.params], value)
    name = emitter.fresh("fn")
    emitter.hoist([define(emitter, name, node)])
    return py.name(name)


@kind_rule(n.Function)
def _function_kind(emitter: Emitter, node: n.Function) -> Kind:
    return Kind.FUNCTION


def inline_body(emitter: Emitter, function: n.Function, arguments: list[cst.BaseExpression]):
    """The body of a one-expression R function with its parameters bound to `arguments`.

    Returns None when the function does not fit in an expression.
    """
    body = is_single_expression(function)
    if body is None or len(function.params) != len(arguments):
        return None
    emitter.enter_function(function)
    try:
        return emitter.expr(body)
    finally:
        emitter.leave_function()
