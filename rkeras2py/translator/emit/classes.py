"""`%py_class%`: an R block of assignments as a Python `class` statement.

R keras (since 2.6) builds a Python class from `Name(Base) %py_class% { ... }`: every
function assigned in the block is a method, with `self` implicit in R and explicit in Python,
`initialize` as `__init__` and `finalize` as `__del__`; other assignments are class
attributes; a leading string is the docstring; `mark_active(function(value) ...)` is a
property (a setter too when it takes `value`). In methods, `super$initialize(...)` is
`super().__init__(...)`, `private$x` is Python's `self._x`, and the last expression is
returned, except from `__init__`, which R makes return nothing.
"""

from __future__ import annotations

import libcst as cst

from ...grammar import nodes as n
from ...grammar.walk import walk
from .. import pyast as py
from ..analysis import class_name
from ..emitter import DISCARD, RETURN, Emitter, Mode, Unsupported, attach_comments
from ..kinds import Kind
from .calls import python_path
from .functions import define
from .values import keyword_name, python_name

# R method names that are Python's special methods.
SPECIAL_METHODS = {"initialize": "__init__", "finalize": "__del__"}

# What instances of classes derived from these bases are, for the kinds of later code.
_INSTANCE_KINDS = (
    ("keras.layers.Layer", Kind.LAYER),
    ("keras.layers.", Kind.LAYER),
    ("keras.Model", Kind.MODEL),
    ("keras.models.Model", Kind.MODEL),
    ("keras.Sequential", Kind.SEQUENTIAL),
)


def method_name(r_name: str) -> str:
    return SPECIAL_METHODS.get(r_name, python_name(r_name))


def py_class_statement(emitter: Emitter, node: n.Binary, mode: Mode) -> list[cst.BaseStatement]:
    name = class_name(node.left)
    if name is None:
        emitter.fail("RK102", "the left side of %py_class% must be Name or Name(Base)", node.left)
    if not isinstance(node.right, n.Block):
        emitter.fail("RK102", "the right side of %py_class% must be a { } block", node.right)
    bases, keywords = _header(emitter, node.left)
    emitter.set_kind(name, Kind.PYOBJ)  # the class object: `$` on it is an attribute
    emitter.class_kinds[name] = instance_kind(emitter, node.left)
    emitter.forget_kinds()
    initializer = _initializer(node.right)
    if initializer is not None:  # calls of the class tell the kinds of its arguments
        emitter.class_inits[name] = initializer
    scope = emitter.analysis.scope_of(node.right)
    body = class_body(emitter, node.right, scope)
    if len(body) > 1 and _is_docstring(body[0]):  # ruff leaves a blank line after it
        body[1] = body[1].with_changes(leading_lines=[cst.EmptyLine(), *body[1].leading_lines])
    definition = cst.ClassDef(
        py.name(python_name(name)),
        cst.IndentedBlock(body or [py.simple(cst.Pass())]),
        bases=bases,
        keywords=keywords,
        lpar=cst.LeftParen() if bases or keywords else cst.MaybeSentinel.DEFAULT,
        rpar=cst.RightParen() if bases or keywords else cst.MaybeSentinel.DEFAULT,
    )
    if _rebuilt_from_config(emitter, name):
        # Keras 3's Bidirectional makes its backward copy from the config, which finds a
        # custom class only when it is registered (R keras 2 needed no registration)
        register = py.call(emitter.imports.path("keras.utils.register_keras_serializable"))
        definition = definition.with_changes(decorators=[cst.Decorator(register)])
    statements: list[cst.BaseStatement] = [definition]
    if mode.action in ("assign", "return"):
        statements += emitter.finish(py.name(python_name(name)), mode)
    return statements


def _rebuilt_from_config(emitter: Emitter, name: str) -> bool:
    """Whether the file wraps instances of class `name` in `bidirectional()`."""
    for node in walk(emitter.analysis.module_scope.node):
        if isinstance(node, n.Call) and getattr(node.func, "id", None) == "bidirectional":
            for inner in walk(node):
                if isinstance(inner, n.Call) and getattr(inner.func, "id", None) == name:
                    return True
    return False


def _is_docstring(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, cst.SimpleString)
    )


def _initializer(block: n.Block) -> n.Function | None:
    """The `initialize` method of a class body, if it has one."""
    for statement in block.body:
        if (
            isinstance(statement, n.Assign)
            and isinstance(statement.target, (n.Name, n.Str))
            and (getattr(statement.target, "id", None) or statement.target.value) == "initialize"
            and isinstance(statement.value, n.Function)
        ):
            return statement.value
    return None


def _header(emitter: Emitter, header: n.Node) -> tuple[list[cst.Arg], list[cst.Arg]]:
    """The bases and class keywords (`metaclass =`); R's `convert`/`delay_load` are R-only."""
    if not isinstance(header, n.Call):
        return [], []
    bases, keywords = [], []
    for arg in header.args:
        if arg.name in ("convert", "delay_load"):
            continue
        value = emitter.expr(arg.value)
        if arg.name:
            keywords.append(py.arg(value, keyword_name(arg.name)))
        else:
            bases.append(py.arg(value))
    return bases, keywords


def instance_kind(emitter: Emitter, header: n.Node) -> Kind:
    """LAYER for a subclass of a keras layer, MODEL of a model, else a Python object."""
    if isinstance(header, n.Call):
        for arg in header.args:
            path = python_path(emitter, arg.value) if arg.value is not None else None
            if path is None and isinstance(arg.value, n.Name):
                known = emitter.class_kinds.get(arg.value.id)
                if known is not None:
                    return known
            for prefix, kind in _INSTANCE_KINDS:
                if path is not None and (path == prefix or path.startswith(prefix)):
                    return kind
    return Kind.PYOBJ


def class_body(emitter: Emitter, block: n.Block, scope) -> list[cst.BaseStatement]:
    """Members in the order the R block defines them."""
    saved_scope, saved_top = emitter.scope, emitter.top_level
    emitter.scope, emitter.top_level = scope, False
    members: list[cst.BaseStatement] = []
    try:
        for position, statement in enumerate(block.body):
            members.extend(_member(emitter, statement, position))
    finally:
        emitter.scope, emitter.top_level = saved_scope, saved_top
    return members


def _member(emitter: Emitter, node: n.Node, position: int) -> list[cst.BaseStatement]:
    try:
        if position == 0 and isinstance(node, n.Str):
            return attach_comments([py.expr_statement(py.docstring(node.value))], node)
        if _is_active_binding(node):  # `name %<-active% function(value) ...`
            return attach_comments(active_property(emitter, node.left.id, node.right), node)
        if not isinstance(node, n.Assign) or node.is_superassign:
            emitter.fail("RK102", "a %py_class% body holds only `name <- value` members", node)
        target = node.target
        if not isinstance(target, (n.Name, n.Str)):
            emitter.fail("RK102", "a class member needs a plain name", target)
        r_name = target.id if isinstance(target, n.Name) else target.value
        value = node.value
        if isinstance(value, n.Function):
            members = [method(emitter, r_name, value)]
        elif _is_active(value):
            members = active_property(emitter, r_name, value.args[0].value)
        else:
            members = [py.assign(py.name(python_name(r_name)), emitter.expr(value))]
        return attach_comments(members, node)
    except Unsupported as problem:
        return emitter.marker(problem, node)


def _is_active(node: n.Node) -> bool:
    """`mark_active(function() ...)` (keras 2.x) or `active_property(...)` (keras3)."""
    return (
        isinstance(node, n.Call)
        and getattr(node.func, "id", None) in ("mark_active", "active_property")
        and len(node.args) == 1
        and isinstance(node.args[0].value, n.Function)
    )


def _is_active_binding(node: n.Node) -> bool:
    return (
        isinstance(node, n.Binary)
        and node.op == "%<-active%"
        and isinstance(node.left, n.Name)
        and isinstance(node.right, n.Function)
    )


def method(emitter: Emitter, r_name: str, function: n.Function, decorators=()) -> cst.FunctionDef:
    """One method: `self` first, the R body, and its last value returned (not by
    `__init__`)."""
    name = method_name(r_name)
    body = function.body.body if isinstance(function.body, n.Block) else [function.body]
    # R returns an assignment's value too; only a call's result is used, by Keras
    ends_in_assignment = bool(body) and isinstance(body[-1], n.Assign)
    # Keras ignores what `__init__`, `build` and the callbacks' `on_*` hooks return
    returns = name not in ("__init__", "build") and not name.startswith("on_")
    returns = returns and not (ends_in_assignment and name not in ("call", "__call__"))
    mode = RETURN if returns else DISCARD
    definition = define(emitter, name, function, method=True, mode=mode)
    return definition.with_changes(decorators=list(decorators))


def active_property(emitter: Emitter, r_name: str, function: n.Function) -> list[cst.FunctionDef]:
    """`mark_active(function(value) ...)`: R calls the same function to get (with no
    argument) and to set (with the value as its first argument, whatever its name);
    Python has a getter and, when the function takes an argument, a setter."""
    name = python_name(r_name)
    getter = method(emitter, r_name, function, [cst.Decorator(py.name("property"))])
    if not function.params:
        return [getter]
    # the getter runs the same body with the value missing: a default of None
    params = [
        param.with_changes(default=py.name("None"), equal=_equal())
        if param.name.value != "self" and param.default is None
        else param
        for param in getter.params.params
    ]
    getter = getter.with_changes(params=getter.params.with_changes(params=params))
    setter_decorator = cst.Decorator(py.attr(py.name(name), "setter"))
    setter = method(emitter, r_name, function, [setter_decorator])
    return [getter, setter]


def _equal() -> cst.AssignEqual:
    none = cst.SimpleWhitespace("")
    return cst.AssignEqual(whitespace_before=none, whitespace_after=none)
