"""R's operators: arithmetic, comparison, logic, sequences, specials and the pipes."""

from __future__ import annotations

import libcst as cst

from ...grammar import nodes as n
from .. import pyast as py
from ..emitter import Emitter, expression, kind_rule
from ..kinds import NUMERIC_SCALARS, SCALARS, VECTORS, Kind, arithmetic, comparison

_ARITHMETIC = {"+": "+", "-": "-", "*": "*", "/": "/", "^": "**", "%%": "%", "%/%": "//"}
_COMPARISONS = {"==", "!=", "<", ">", "<=", ">="}


@expression(n.Binary)
def binary(emitter: Emitter, node: n.Binary) -> cst.BaseExpression:
    op = node.op
    if op in ("%>%", "|>"):
        return emitter.expr(pipe_call(emitter, node))
    if (op in _ARITHMETIC or op in _COMPARISONS) and Kind.NAMED_LIST in (
        emitter.kind(node.left),
        emitter.kind(node.right),
    ):
        return _named_elementwise(emitter, node)
    if op in _ARITHMETIC:
        left, right = emitter.expr(node.left), emitter.expr(node.right)
        if op == "^" and _is_square_root(node.right) and emitter.kind(node.left) is not Kind.TENSOR:
            return py.call(emitter.imports.path("numpy.sqrt"), left)
        return py.binop(left, _ARITHMETIC[op], right)
    if op in _COMPARISONS:
        left, right = emitter.expr(node.left), emitter.expr(node.right)
        # a character vector is a Python list: compare element by element through numpy
        if emitter.kind(node.left) is Kind.CHR_VECTOR:
            left = py.call(emitter.imports.path("numpy.array"), left)
        elif emitter.kind(node.right) is Kind.CHR_VECTOR:
            right = py.call(emitter.imports.path("numpy.array"), right)
        return py.compare(left, op, right)
    if op in ("&&", "||"):
        word = "and" if op == "&&" else "or"
        return py.boolop(emitter.expr(node.left), word, emitter.expr(node.right))
    if op in ("&", "|"):
        left_kind, right_kind = emitter.kind(node.left), emitter.kind(node.right)
        left, right = emitter.expr(node.left), emitter.expr(node.right)
        if left_kind in SCALARS and right_kind in SCALARS:
            return py.boolop(left, "and" if op == "&" else "or", right)
        return py.binop(left, op, right)
    if op == "%in%":
        left, right = emitter.expr(node.left), emitter.expr(node.right)
        if emitter.kind(node.left) in SCALARS:
            return py.compare(left, "in", right)
        return py.call(emitter.imports.path("numpy.isin"), left, right)
    if op == ":":
        return sequence(emitter, node.left, node.right)
    if op == "%*%":
        return py.binop(emitter.expr(node.left), "@", emitter.expr(node.right))
    if op == "%o%":
        return py.call(
            emitter.imports.path("numpy.outer"), emitter.expr(node.left), emitter.expr(node.right)
        )
    emitter.fail("RK101", f"unknown operator {op}", node)


def _named_elementwise(emitter: Emitter, node: n.Binary) -> cst.BaseExpression:
    """A named vector (a dict) in arithmetic or a comparison keeps its names, as in R."""
    left_named = emitter.kind(node.left) is Kind.NAMED_LIST
    right_named = emitter.kind(node.right) is Kind.NAMED_LIST
    key, value = py.name("key"), py.name("value")
    if left_named and right_named:
        left = py.subscript(emitter.expr(node.left), key)
        right = py.subscript(emitter.expr(node.right), key)
        source, target = emitter.expr(node.left), key
    else:
        named = node.left if left_named else node.right
        other = emitter.expr(node.right if left_named else node.left)
        left, right = (value, other) if left_named else (other, value)
        source = py.call(py.attr(emitter.expr(named), "items"))
        target = cst.Tuple([cst.Element(key), cst.Element(value)], lpar=[], rpar=[])
    if node.op in _ARITHMETIC:
        combined = py.binop(left, _ARITHMETIC[node.op], right)
    else:
        combined = py.compare(left, node.op, right)
    return cst.DictComp(key, combined, cst.CompFor(target, source))


def _is_square_root(node: n.Node) -> bool:
    return isinstance(node, n.Num) and node.value == 0.5


@kind_rule(n.Binary)
def _binary_kind(emitter: Emitter, node: n.Binary) -> Kind:
    op = node.op
    if op in ("%>%", "|>"):
        return emitter.kind(pipe_call(emitter, node))
    # Each operand's kind is worked out once: asking again at every level of a nested
    # expression would cost twice the work per level.
    left, right = emitter.kind(node.left), emitter.kind(node.right)
    if Kind.NAMED_LIST in (left, right) and (op in _ARITHMETIC or op in _COMPARISONS):
        return Kind.NAMED_LIST
    if op in _ARITHMETIC:
        return arithmetic(left, right, op)
    if op in _COMPARISONS or op in ("&", "|"):
        return comparison(left, right)
    if op in ("&&", "||"):
        return Kind.BOOL
    if op == "%in%":
        return Kind.BOOL if left in SCALARS else Kind.LGL_VECTOR
    if op == ":":
        return Kind.INT_VECTOR
    if op in ("%*%", "%o%"):
        return Kind.ARRAY
    return Kind.UNKNOWN


def whole(emitter: Emitter, node: n.Node) -> cst.BaseExpression:
    """`node` as a Python int where R would truncate a double (`1:n`, `x[a:b]`)."""
    value = emitter.expr(node)
    if emitter.kind(node) is Kind.FLOAT and not isinstance(node, n.Num):
        return py.call("int", value)
    return value


def sequence(emitter: Emitter, start: n.Node, stop: n.Node, *, loop: bool = False):
    """R's `start:stop` (both ends included) as `range` in a loop, else `np.arange`."""
    first, last = _literal_int(start), _literal_int(stop)
    make = "range" if loop else emitter.imports.path("numpy.arange")
    if first is not None and last is not None:
        if first <= last:
            args = (
                [py.integer(last + 1)]
                if first == 0 and loop
                else [py.integer(first), py.integer(last + 1)]
            )
        else:
            args = [py.integer(first), py.integer(last - 1), py.integer(-1)]
        return py.call(make, *args)
    if last is None:
        stop_expr = plus_one(whole(emitter, stop))
    else:
        stop_expr = py.integer(last + 1)
    emitter.report(
        "RK201",
        "`a:b` is translated as counting up; R counts down when a > b (1:0 is c(1, 0))",
        start,
    )
    return py.call(make, whole(emitter, start), stop_expr)


def plus_one(expression_: cst.BaseExpression) -> cst.BaseExpression:
    """`x + 1`, folded into a literal or a literal offset where there is one."""
    return _offset(expression_, 1)


def minus_one(expression_: cst.BaseExpression) -> cst.BaseExpression:
    """`x - 1`, folded into a literal or a literal offset where there is one."""
    return _offset(expression_, -1)


def _offset(expression_: cst.BaseExpression, delta: int) -> cst.BaseExpression:
    if isinstance(expression_, cst.Integer):
        return py.integer(int(expression_.value) + delta)
    if (
        isinstance(expression_, cst.UnaryOperation)
        and isinstance(expression_.operator, cst.Minus)
        and isinstance(expression_.expression, cst.Integer)
    ):
        return py.integer(-int(expression_.expression.value) + delta)
    if (
        isinstance(expression_, cst.BinaryOperation)
        and isinstance(expression_.operator, (cst.Add, cst.Subtract))
        and isinstance(expression_.right, cst.Integer)
        and not expression_.lpar
    ):
        sign = 1 if isinstance(expression_.operator, cst.Add) else -1
        total = sign * int(expression_.right.value) + delta
        if total == 0:
            return expression_.left
        op = "+" if total > 0 else "-"
        return py.binop(expression_.left, op, py.integer(abs(total)))
    return py.binop(expression_, "+" if delta > 0 else "-", py.integer(abs(delta)))


def _literal_int(node: n.Node) -> int | None:
    if isinstance(node, n.Num) and not node.is_complex and float(node.value).is_integer():
        return int(node.value)
    if isinstance(node, n.Unary) and node.op == "-" and isinstance(node.operand, n.Num):
        inner = _literal_int(node.operand)
        return -inner if inner is not None else None
    if isinstance(node, n.Paren):
        return _literal_int(node.expr)
    return None


literal_int = _literal_int


@expression(n.Unary)
def unary(emitter: Emitter, node: n.Unary) -> cst.BaseExpression:
    operand = emitter.expr(node.operand)
    if node.op == "-":
        if isinstance(operand, (cst.Integer, cst.Float)):
            return cst.UnaryOperation(cst.Minus(), operand)
        return py.unary("-", operand)
    if node.op == "+":
        return operand
    if node.op == "!":
        kind = emitter.kind(node.operand)
        if kind is Kind.TENSOR:
            return py.call(emitter.imports.path("tensorflow.logical_not"), operand)
        if kind in VECTORS or kind is Kind.ARRAY:
            return py.unary("~", operand)
        if (  # `!is.null(x)`: `x is not None`
            isinstance(operand, cst.Comparison)
            and len(operand.comparisons) == 1
            and isinstance(operand.comparisons[0].operator, cst.Is)
            and not operand.lpar
        ):
            target = operand.comparisons[0]
            return operand.with_changes(comparisons=[target.with_changes(operator=cst.IsNot())])
        return py.unary("not", operand)
    emitter.fail("RK102", "the `?` help operator has no Python translation", node)


@kind_rule(n.Unary)
def _unary_kind(emitter: Emitter, node: n.Unary) -> Kind:
    kind = emitter.kind(node.operand)
    if node.op == "!":
        return Kind.BOOL if kind in SCALARS else (Kind.LGL_VECTOR if kind in VECTORS else kind)
    if kind is Kind.BOOL:
        return Kind.INT
    return (
        kind if kind in NUMERIC_SCALARS or kind in VECTORS or kind is Kind.ARRAY else Kind.UNKNOWN
    )


def pipe_call(emitter: Emitter, node: n.Binary) -> n.Node:
    """`x %>% f(y)` as the R call `f(x, y)`; `.` (magrittr) or `_` (native) place `x`."""
    lhs, rhs = node.left, node.right
    if isinstance(rhs, n.Paren):
        rhs = rhs.expr
    if isinstance(rhs, (n.Name, n.Namespace, n.Function)):
        return _at(n.Call(rhs, [n.Arg(lhs)]), node)
    if isinstance(rhs, n.Call):
        placeholder = n.Name if node.op == "%>%" else n.Placeholder
        args = list(rhs.args)
        for position, arg in enumerate(args):
            value = arg.value
            if isinstance(value, placeholder) and (node.op == "|>" or value.id == "."):
                args[position] = n.Arg(lhs, arg.name, arg.name_quote)
                return _at(n.Call(rhs.func, args), node)
        return _at(n.Call(rhs.func, [n.Arg(lhs), *args]), node)
    if isinstance(rhs, (n.Extract, n.Index)) and node.op == "|>":
        return _replace_head(rhs, lhs)
    emitter.fail("RK102", "this pipe right-hand side is not translated", rhs)


def _replace_head(chain: n.Node, value: n.Node) -> n.Node:
    """R 4.3's `x |> _$a[[1]]`: the chain with `x` where `_` stood."""
    if isinstance(chain, n.Placeholder):
        return value
    if isinstance(chain, n.Extract):
        return _at(
            n.Extract(_replace_head(chain.obj, value), chain.op, chain.name, chain.quote), chain
        )
    return _at(n.Index(_replace_head(chain.obj, value), chain.args, chain.double), chain)


def _at(new: n.Node, old: n.Node) -> n.Node:
    new.line, new.column, new.end_line, new.end_column = (
        old.line,
        old.column,
        old.end_line,
        old.end_column,
    )
    return new
