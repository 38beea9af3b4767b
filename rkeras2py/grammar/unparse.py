"""The syntax tree back to R source.

This is how the grammar is proven: R's own parser must read `unparse(parse(f))` into the
same expression as `f`. Parentheses are written where the tree has `Paren` nodes and,
for trees built by hand, wherever R's precedence would otherwise regroup the operands —
never elsewhere, because R keeps parentheses in its own tree. Written with an explicit
work stack, so a tree of any depth unparses.
"""

from __future__ import annotations

from . import nodes as n
from .strings import quote_name, quote_string, raw_string
from .walk import right_edge

# Binding levels, lowest first (R's ?Syntax); operands of a level-L operator must bind
# at least as tightly, or be parenthesised.
HELP, EQ, LEFT, RIGHT, TILDE, OR, AND, NOT, COMPARE, ADD, MUL, SPECIAL, RANGE = range(1, 14)
UNARY, POWER, POSTFIX, ATOM = 15, 16, 17, 18

_BINARY_LEVELS = {
    "?": HELP,
    "|": OR,
    "||": OR,
    "&": AND,
    "&&": AND,
    "==": COMPARE,
    "!=": COMPARE,
    "<": COMPARE,
    ">": COMPARE,
    "<=": COMPARE,
    ">=": COMPARE,
    "+": ADD,
    "-": ADD,
    "*": MUL,
    "/": MUL,
    "|>": SPECIAL,
    ":": RANGE,
    "^": POWER,
}
_ASSIGN_LEVELS = {"=": EQ, "<-": LEFT, "<<-": LEFT, ":=": LEFT, "->": RIGHT, "->>": RIGHT}
# How far right the operand of a prefix form reaches: it takes in every operator that binds
# more tightly than this.
_PREFIX_REACH = {"-": UNARY, "+": UNARY, "!": NOT, "?": HELP}
_KEYWORD_REACH = HELP
_RIGHT_ASSOCIATIVE = {POWER, LEFT, EQ}
_NON_ASSOCIATIVE = {COMPARE}
_TIGHT = {":", "^"}
_NO_LIMIT = 99


def _binary_level(op: str) -> int:
    return _BINARY_LEVELS.get(op, SPECIAL)


def level(node: n.Node) -> int:
    """How tightly `node` binds when written without parentheses."""
    if isinstance(node, n.Binary):
        return _binary_level(node.op)
    if isinstance(node, n.Assign):
        return _ASSIGN_LEVELS[node.op]
    if isinstance(node, n.Formula) and node.lhs is not None:
        return TILDE
    if isinstance(node, (n.Call, n.Index, n.Extract)):
        return POSTFIX
    return ATOM


def _operands(node: n.Node) -> tuple[int, int, int]:
    """For an infix node: its level, and the least level its left and right operands need."""
    lvl = level(node)
    if lvl in _RIGHT_ASSOCIATIVE:
        if isinstance(node, n.Assign) and node.op == "=":
            return lvl, LEFT, EQ
        return lvl, lvl + 1, lvl
    if lvl in _NON_ASSOCIATIVE:
        return lvl, lvl + 1, lvl + 1
    return lvl, lvl, lvl + 1


def _reach(node: n.Node) -> int:
    """The loosest operator an unparenthesised `node` would swallow from its right."""
    reach = _NO_LIMIT
    while True:
        if isinstance(node, n.Unary):
            reach, node, need = (
                min(reach, _PREFIX_REACH[node.op]),
                node.operand,
                _operand_need(node),
            )
        elif isinstance(node, n.Formula) and node.lhs is None:
            reach, node, need = min(reach, TILDE), node.rhs, OR
        elif isinstance(node, (n.Function, n.For, n.While, n.Repeat)):
            reach, node, need = min(reach, _KEYWORD_REACH), node.body, EQ
        elif isinstance(node, n.If):
            reach = min(reach, _KEYWORD_REACH)
            node, need = (node.orelse or node.then), EQ
        elif isinstance(node, (n.Binary, n.Assign)) or (
            isinstance(node, n.Formula) and node.lhs is not None
        ):
            right = _written_right(node)
            need = _operands(node)[2]
            node = right
        else:
            return reach
        if level(node) < need:
            return reach


def _operand_need(node: n.Unary) -> int:
    return {"-": POWER, "+": POWER, "!": COMPARE, "?": EQ}[node.op]


def _written_left(node: n.Node) -> n.Node:
    if isinstance(node, n.Assign):
        return node.value if node.op in ("->", "->>") else node.target
    if isinstance(node, n.Formula):
        return node.lhs
    return node.left


def _written_right(node: n.Node) -> n.Node:
    if isinstance(node, n.Assign):
        return node.target if node.op in ("->", "->>") else node.value
    if isinstance(node, n.Formula):
        return node.rhs
    return node.right


def _dangles(node: n.Node) -> bool:
    """Whether `node` ends in an `if` without `else` that a following `else` would join."""
    return any(isinstance(x, n.If) and x.orelse is None for x in right_edge(node))


class _Writer:
    """Expands nodes onto a work stack of text pieces."""

    def __init__(self, indent: str) -> None:
        self.indent = indent
        self.out: list[str] = []

    def run(self, root: n.Node) -> str:
        stack: list = [(root, 0, 0, _NO_LIMIT)]
        out = self.out
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                out.append(item)
                continue
            node, depth, need, follower = item
            wrap = level(node) < need or (follower < _NO_LIMIT and _reach(node) < follower)
            if wrap:
                stack.append(")")
                stack.extend(reversed(self.pieces(node, depth)))
                stack.append("(")
            else:
                stack.extend(reversed(self.pieces(node, depth)))
        return "".join(out)

    # Each `pieces` call returns strings and (node, depth, need, follower) work items, where
    # `need` is the least level the child must have and `follower` the level of the operator
    # written right after it (a prefix form reaching past it would swallow it).
    def pieces(self, node: n.Node, depth: int) -> list:
        method = getattr(self, "_" + type(node).__name__.lower())
        return method(node, depth)

    def _statements(self, body: list[n.Node], trailing: list[n.Comment], depth: int) -> list:
        pad = self.indent * depth
        result: list = []
        previous_end = None
        for statement in body:
            if previous_end and statement.line and statement.line - previous_end > 1:
                first = statement.comments[0].line if statement.comments else statement.line
                if first - previous_end > 1:
                    result.append("\n")
            for comment in statement.comments:
                result.append(f"{pad}#{comment.text}\n")
            result.append(pad)
            result.append((statement, depth, 0, _NO_LIMIT))
            if statement.trailing_comment is not None:
                result.append(f"  #{statement.trailing_comment.text}")
            result.append("\n")
            previous_end = statement.end_line
        result.extend(f"{pad}#{comment.text}\n" for comment in trailing)
        return result

    def _module(self, node: n.Module, depth: int) -> list:
        return self._statements(node.body, node.trailing_comments, depth)

    def _block(self, node: n.Block, depth: int) -> list:
        inner = self._statements(node.body, node.trailing_comments, depth + 1)
        return ["{\n", *inner, self.indent * depth + "}"]

    def _paren(self, node: n.Paren, depth: int) -> list:
        return ["(", (node.expr, depth, 0, _NO_LIMIT), ")"]

    def _num(self, node: n.Num, depth: int) -> list:
        return [node.text]

    def _str(self, node: n.Str, depth: int) -> list:
        if node.raw and "\n" not in node.value and all(c.isprintable() for c in node.value):
            return [raw_string(node.value)]
        return [quote_string(node.value)]

    def _const(self, node: n.Const, depth: int) -> list:
        return [node.name]

    def _name(self, node: n.Name, depth: int) -> list:
        return [quote_name(node.id, backticks=node.quoted)]

    def _placeholder(self, node: n.Placeholder, depth: int) -> list:
        return ["_"]

    def _namespace(self, node: n.Namespace, depth: int) -> list:
        op = ":::" if node.internal else "::"
        return [
            _spelled(node.package, node.package_quote) + op + _spelled(node.name, node.name_quote)
        ]

    def _unary(self, node: n.Unary, depth: int) -> list:
        return [node.op, (node.operand, depth, _operand_need(node), _NO_LIMIT)]

    def _infix(self, node: n.Node, op: str, depth: int) -> list:
        lvl, left_need, right_need = _operands(node)
        space = "" if op in _TIGHT else " "
        return [
            (_written_left(node), depth, left_need, lvl),
            f"{space}{op}{space}",
            (_written_right(node), depth, right_need, _NO_LIMIT),
        ]

    def _binary(self, node: n.Binary, depth: int) -> list:
        return self._infix(node, node.op, depth)

    def _assign(self, node: n.Assign, depth: int) -> list:
        return self._infix(node, node.op, depth)

    def _formula(self, node: n.Formula, depth: int) -> list:
        if node.lhs is None:
            return ["~", (node.rhs, depth, OR, _NO_LIMIT)]
        return self._infix(node, "~", depth)

    def _arguments(self, args: list[n.Arg], depth: int) -> list:
        result: list = []
        for position, arg in enumerate(args):
            if position:
                result.append(", ")
            if arg.name is not None:
                name = "NULL" if arg.name_quote == "NULL" else _spelled(arg.name, arg.name_quote)
                result.append(name + " = ")
            if arg.value is not None:
                result.append((arg.value, depth, *_argument_need(arg.value)))
        return result

    def _call(self, node: n.Call, depth: int) -> list:
        args = self._arguments(node.args, depth)
        return [(node.func, depth, POSTFIX, POSTFIX), "(", *args, ")"]

    def _index(self, node: n.Index, depth: int) -> list:
        opener, closer = ("[[", "]]") if node.double else ("[", "]")
        args = self._arguments(node.args, depth)
        return [(node.obj, depth, POSTFIX, POSTFIX), opener, *args, closer]

    def _extract(self, node: n.Extract, depth: int) -> list:
        return [(node.obj, depth, POSTFIX, POSTFIX), node.op, _spelled(node.name, node.quote)]

    def _function(self, node: n.Function, depth: int) -> list:
        result: list = ["\\(" if node.lambda_syntax else "function("]
        for position, param in enumerate(node.params):
            if position:
                result.append(", ")
            result.append(quote_name(param.name))
            if param.default is not None:
                result.append(" = ")
                result.append((param.default, depth, *_argument_need(param.default)))
        result.append(") ")
        result.append((node.body, depth, EQ, _NO_LIMIT))
        return result

    def _if(self, node: n.If, depth: int) -> list:
        result: list = ["if (", (node.cond, depth, *_argument_need(node.cond)), ") "]
        if node.orelse is None:
            result.append((node.then, depth, EQ, _NO_LIMIT))
            return result
        then_need = ATOM + 1 if _dangles(node.then) else EQ  # wrap even a prefix form
        result.append((node.then, depth, then_need, _NO_LIMIT))
        result.append(" else ")
        result.append((node.orelse, depth, EQ, _NO_LIMIT))
        return result

    def _for(self, node: n.For, depth: int) -> list:
        iterable = (node.iterable, depth, *_argument_need(node.iterable))
        return [
            f"for ({quote_name(node.var.id, backticks=node.var.quoted)} in ",
            iterable,
            ") ",
            (node.body, depth, EQ, _NO_LIMIT),
        ]

    def _while(self, node: n.While, depth: int) -> list:
        cond = (node.cond, depth, *_argument_need(node.cond))
        return ["while (", cond, ") ", (node.body, depth, EQ, _NO_LIMIT)]

    def _repeat(self, node: n.Repeat, depth: int) -> list:
        return ["repeat ", (node.body, depth, EQ, _NO_LIMIT)]

    def _break(self, node: n.Break, depth: int) -> list:
        return ["break"]

    def _next(self, node: n.Next, depth: int) -> list:
        return ["next"]


def _spelled(name: str, quote: str | None) -> str:
    """A name as it was written: bare, in backticks, or as a string in its quotes."""
    if quote in ('"', "'"):
        return quote_string(name, quote)
    return quote_name(name, backticks=quote == "`")


def _argument_need(value: n.Node) -> tuple[int, int]:
    """Arguments, defaults and conditions take any expression but an unparenthesised `=`."""
    if isinstance(value, n.Assign) and value.op == "=":
        return ATOM, _NO_LIMIT
    return HELP, _NO_LIMIT


def unparse(node: n.Node, indent: str = "  ") -> str:
    """R source for `node`: a whole module, or any expression."""
    return _Writer(indent).run(node)
