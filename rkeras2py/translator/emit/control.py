"""`if`, `for`, `while`, `repeat`, `break`, `next` and `{}` blocks."""

from __future__ import annotations

import libcst as cst

from ...grammar import nodes as n
from .. import pyast as py
from ..emitter import DISCARD, Emitter, Mode, expression, kind_rule, statement
from ..kinds import SEQUENCES, Kind, element_of, join
from .functions import block
from .indexing import item_kind
from .operators import plus_one, sequence, whole
from .values import python_name


def statements_of(node: n.Node) -> list[n.Node]:
    return node.body if isinstance(node, n.Block) else [node]


def branch(emitter: Emitter, node: n.Node, mode: Mode) -> cst.IndentedBlock:
    """The body of an `if`/loop: never auto-printed, as R prints only whole top-level values."""
    saved = emitter.top_level
    emitter.top_level = False
    try:
        if mode.action == "print":
            emitter.top_level = True
            statements = statements_of(node)
            body = emitter.body(statements[:-1], DISCARD) if len(statements) > 1 else []
            emitter.top_level = False
            if statements:
                body += emitter.statement(statements[-1], mode)
        else:
            body = emitter.body(statements_of(node), mode)
    finally:
        emitter.top_level = saved
    return block(body, node)


@statement(n.If)
def if_statement(emitter: Emitter, node: n.If, mode: Mode) -> list[cst.BaseStatement]:
    test = emitter.expr(node.cond)
    body = branch(emitter, node.then, mode)
    orelse = None
    if isinstance(node.orelse, n.If):
        nested = if_statement(emitter, node.orelse, mode)
        if len(nested) == 1 and isinstance(nested[0], cst.If):
            orelse = nested[0]
        else:
            orelse = cst.Else(cst.IndentedBlock(nested))
    elif node.orelse is not None:
        orelse = cst.Else(branch(emitter, node.orelse, mode))
    elif mode.action == "assign":
        orelse = cst.Else(cst.IndentedBlock([py.assign(mode.target, py.name("None"))]))
    return [cst.If(test, body, orelse)]


@expression(n.If)
def if_expression(emitter: Emitter, node: n.If) -> cst.BaseExpression:
    """`a if cond else b` when both branches are expressions; else a hoisted `if`."""
    then = _single(node.then)
    orelse = _single(node.orelse) if node.orelse is not None else None
    if then is not None and (node.orelse is None or orelse is not None):
        mark = len(emitter.pending)
        test = emitter.expr(node.cond)
        body = emitter.expr(then)
        other = emitter.expr(orelse) if orelse is not None else py.name("None")
        if len(emitter.pending) == mark:
            return py.ternary(test, body, other)
        del emitter.pending[mark:]  # a branch needed statements: write an `if` instead
    target = py.name(emitter.fresh("value"))
    emitter.hoist(if_statement(emitter, node, Mode("assign", target)))
    return target


def simple_if(node: n.If) -> bool:
    """Whether both branches are single expressions (a ternary can hold the `if`)."""
    return _single(node.then) is not None and (
        node.orelse is None or _single(node.orelse) is not None
    )


def _single(node: n.Node | None) -> n.Node | None:
    if node is None:
        return None
    if isinstance(node, n.Block):
        return (
            node.body[0] if len(node.body) == 1 and not isinstance(node.body[0], n.Assign) else None
        )
    return None if isinstance(node, (n.Assign, n.For, n.While, n.Repeat)) else node


@kind_rule(n.If)
def _if_kind(emitter: Emitter, node: n.If) -> Kind:
    then = _single(node.then)
    orelse = _single(node.orelse) if node.orelse is not None else None
    if then is None or orelse is None:
        return Kind.UNKNOWN
    return join(emitter.kind(then), emitter.kind(orelse))


def loop_iterable(emitter: Emitter, node: n.Node) -> cst.BaseExpression:
    """What a `for` runs over: `range` for R's integer sequences."""
    if isinstance(node, n.Binary) and node.op == ":":
        return sequence(emitter, node.left, node.right, loop=True)
    if isinstance(node, n.Call) and isinstance(node.func, n.Name) and len(node.args) == 1:
        if node.func.id == "seq_len" and not emitter.analysis.is_user_name(
            "seq_len", emitter.scope
        ):
            return py.call("range", py.integer(1), plus_one(whole(emitter, node.args[0].value)))
        if node.func.id == "seq_along" and not emitter.analysis.is_user_name(
            "seq_along", emitter.scope
        ):
            length = py.call("len", emitter.expr(node.args[0].value))
            return py.call("range", py.integer(1), plus_one(length))
    if emitter.kind(node) is Kind.NAMED_LIST:  # R iterates over a list's values
        return py.call(py.attr(emitter.expr(node), "values"))
    return emitter.expr(node)


@statement(n.For)
def for_statement(emitter: Emitter, node: n.For, mode: Mode) -> list[cst.BaseStatement]:
    iterable = loop_iterable(emitter, node.iterable)
    kind = emitter.kind(node.iterable)
    if kind is Kind.DATASET:  # the elements of a tf.data pipeline are tensors
        emitter.set_kind(node.var.id, Kind.TENSOR)
    elif kind is Kind.PYOBJ:  # what a Python sequence holds is a Python object too
        emitter.set_kind(node.var.id, Kind.PYOBJ)
    elif item_kind(emitter, node.iterable) is not Kind.UNKNOWN:  # `model$layers`
        emitter.set_kind(node.var.id, item_kind(emitter, node.iterable))
    else:
        emitter.set_kind(node.var.id, element_of(kind) if kind in SEQUENCES else Kind.UNKNOWN)
    body = loop_body(emitter, node.body)
    loop = py.for_(py.name(python_name(node.var.id)), iterable, body)
    return [loop, *null_value(mode)]


@statement(n.While)
def while_statement(emitter: Emitter, node: n.While, mode: Mode) -> list[cst.BaseStatement]:
    loop = cst.While(emitter.expr(node.cond), loop_body(emitter, node.body))
    return [loop, *null_value(mode)]


@statement(n.Repeat)
def repeat_statement(emitter: Emitter, node: n.Repeat, mode: Mode) -> list[cst.BaseStatement]:
    loop = cst.While(py.name("True"), loop_body(emitter, node.body))
    return [loop, *null_value(mode)]


def loop_body(emitter: Emitter, body: n.Node) -> cst.IndentedBlock:
    """A loop's body, where `break` and `next` have a loop to leave."""
    emitter.loop_depth += 1
    try:
        return branch(emitter, body, DISCARD)
    finally:
        emitter.loop_depth -= 1


def null_value(mode: Mode) -> list[cst.BaseStatement]:
    """Loops are worth NULL in R."""
    if mode.action == "assign":
        return [py.assign(mode.target, py.name("None"))]
    return []


@statement(n.Break)
def break_statement(emitter: Emitter, node: n.Break, mode: Mode) -> list[cst.BaseStatement]:
    _in_a_loop(emitter, "break", node)
    return [py.simple(cst.Break())]


@statement(n.Next)
def next_statement(emitter: Emitter, node: n.Next, mode: Mode) -> list[cst.BaseStatement]:
    _in_a_loop(emitter, "next", node)
    return [py.simple(cst.Continue())]


def _in_a_loop(emitter: Emitter, word: str, node: n.Node) -> None:
    """R stops with an error at a `break` or `next` outside a loop of the same function;
    Python will not even compile it."""
    if not emitter.loop_depth:
        emitter.fail("RK102", f"`{word}` outside a loop: R stops here with an error", node)


@statement(n.Block)
def block_statement(emitter: Emitter, node: n.Block, mode: Mode) -> list[cst.BaseStatement]:
    return emitter.body(node.body, mode)


@expression(n.Block)
def block_expression(emitter: Emitter, node: n.Block) -> cst.BaseExpression:
    if not node.body:
        return py.name("None")
    for statement_node in node.body[:-1]:
        emitter.hoist(emitter.statement(statement_node, DISCARD))
    return emitter.expr(node.body[-1])


@kind_rule(n.Block)
def _block_kind(emitter: Emitter, node: n.Block) -> Kind:
    return emitter.kind(node.body[-1]) if node.body else Kind.NULL
