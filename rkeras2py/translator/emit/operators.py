"""R's operators: arithmetic, comparison, logic, sequences, specials and the pipes."""

from __future__ import annotations

import dataclasses

import libcst as cst

from ...grammar import nodes as n
from ...grammar.walk import child_nodes
from .. import pyast as py
from ..emitter import Emitter, expression, kind_rule
from ..kinds import NUMERIC_SCALARS, SCALARS, VECTORS, Kind, arithmetic, comparison

_ARITHMETIC = {"+": "+", "-": "-", "*": "*", "/": "/", "^": "**", "%%": "%", "%/%": "//"}
_COMPARISONS = {"==", "!=", "<", ">", "<=", ">="}
_IS_NOT = cst.IsNot()


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
            return py.changed(operand, comparisons=[py.changed(target, operator=_IS_NOT)])
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
    """`x %>% f(y)` as the R call `f(x, y)`; `.` (magrittr) or `_` (native) place `x`.

    magrittr also reads `.` further in: `x %>% f(g(.))` is `f(x, g(x))`, `x %>% .[[1]]` is
    `x[[1]]` and `x %>% {h(a, .)}` is `h(a, x)`.
    """
    lhs, rhs = node.left, node.right
    if isinstance(rhs, n.Paren):
        rhs = rhs.expr
    magrittr = node.op == "%>%"
    if isinstance(rhs, (n.Name, n.Namespace, n.Function)):
        return _at(n.Call(rhs, [n.Arg(lhs)]), node)
    if magrittr and isinstance(rhs, n.Block) and len(rhs.body) == 1:
        return _with_dot(emitter, rhs.body[0], lhs, 0)
    if isinstance(rhs, n.Call) and magrittr:
        counts = [0 if arg.value is None else _dot_count(arg.value) for arg in rhs.args]
        if not any(counts):  # the common case: the value goes first
            return _at(n.Call(rhs.func, [n.Arg(lhs), *rhs.args]), node)
        direct = any(_is_dot(arg.value) for arg in rhs.args)
        _evaluated_once(emitter, lhs, sum(counts) + (0 if direct else 1), rhs)
        args = [
            n.Arg(_substituted(arg.value, lhs), arg.name, arg.name_quote) if count else arg
            for arg, count in zip(rhs.args, counts)
        ]
        return _at(n.Call(rhs.func, args if direct else [n.Arg(lhs), *args]), node)
    if isinstance(rhs, n.Call):
        args = list(rhs.args)
        for position, arg in enumerate(args):
            if isinstance(arg.value, n.Placeholder):
                args[position] = n.Arg(lhs, arg.name, arg.name_quote)
                return _at(n.Call(rhs.func, args), node)
        return _at(n.Call(rhs.func, [n.Arg(lhs), *args]), node)
    if isinstance(rhs, (n.Extract, n.Index)) and not magrittr:
        return _replace_head(rhs, lhs)
    if magrittr and isinstance(rhs, (n.Extract, n.Index)) and _dot_count(rhs):
        return _with_dot(emitter, rhs, lhs, 0)
    emitter.fail("RK102", "this pipe right-hand side is not translated", rhs)


# R's operators are functions too: `` `/`(x, 255) ``, `` x %>% `*`(2) ``.
_BINARY_FUNCTIONS = frozenset(
    {*_ARITHMETIC, *_COMPARISONS, "&", "|", "&&", "||", ":", "%in%", "%*%", "%o%"}
)


_OPERATOR_FUNCTIONS = _BINARY_FUNCTIONS | {"!", "[", "[[", "("}


def operator_form(emitter: Emitter, node: n.Call) -> n.Node | None:
    """A call of an operator by its name (`` `/`(x, 2) ``) as the operator expression."""
    func = node.func
    if type(func) is not n.Name or func.id not in _OPERATOR_FUNCTIONS:
        return None
    if emitter.analysis.is_user_name(func.id, emitter.scope):
        return None
    args = node.args
    if not args or args[0].name is not None or any(arg.value is None for arg in args):
        return None
    values = [arg.value for arg in args]
    if func.id in _BINARY_FUNCTIONS and len(args) == 2 and args[1].name is None:
        return _at(n.Binary(func.id, values[0], values[1]), node)
    if func.id in ("-", "+", "!") and len(args) == 1:
        return _at(n.Unary(func.id, values[0]), node)
    if func.id in ("[", "[["):
        return _at(n.Index(values[0], list(args[1:]), func.id == "[["), node)
    if func.id == "(" and len(args) == 1:
        return values[0]
    return None


def _is_dot(node: n.Node) -> bool:
    return type(node) is n.Name and node.id == "."


def _dot_count(node: n.Node) -> int:
    """How often magrittr's `.` stands in `node` for the value piped into it: not inside a
    function or a formula (which have their own), nor right of an inner `%>%` (its own)."""
    if _is_dot(node):
        return 1
    if isinstance(node, (n.Function, n.Formula)):
        return 0
    if isinstance(node, n.Binary) and node.op == "%>%":
        return _dot_count(node.left)
    return sum(_dot_count(child) for child in child_nodes(node))


def _evaluated_once(emitter: Emitter, lhs: n.Node, uses: int, node: n.Node) -> None:
    """R evaluates a piped value once: written out more than once, it must be plain."""
    if uses > 1 and not isinstance(lhs, (n.Name, n.Num, n.Str, n.Const)):
        emitter.fail(
            "RK102",
            "`.` stands for the piped value more than once: assign that value to a name "
            "first, then pipe the name",
            node,
        )


def _with_dot(emitter: Emitter, node: n.Node, lhs: n.Node, placed: int) -> n.Node:
    """`node` with each `.` standing for `lhs`, which is already `placed` times beside it."""
    count = _dot_count(node)
    if not count:
        return node
    _evaluated_once(emitter, lhs, count + placed, node)
    return _substituted(node, lhs)


def _substituted(node: n.Node, value: n.Node) -> n.Node:
    """A copy of `node` with `value` for each magrittr `.` (a pipe's right-hand side is
    short: recursion is fine here)."""
    if _is_dot(node):
        return value
    if not _dot_count(node):
        return node
    if isinstance(node, n.Binary) and node.op == "%>%":
        return dataclasses.replace(node, left=_substituted(node.left, value))
    changes = {}
    for name in node.child_fields:
        child = getattr(node, name)
        if isinstance(child, list):
            changes[name] = [_substituted(item, value) for item in child]
        elif child is not None:
            changes[name] = _substituted(child, value)
    return dataclasses.replace(node, **changes)


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
