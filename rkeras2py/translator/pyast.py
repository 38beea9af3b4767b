"""Small builders for libcst nodes, in the layout `ruff format` gives them.

libcst prints exactly the tree it is given, parentheses included, so the builders here
add parentheses where Python's precedence needs them and nowhere else. Structure is built
with `cstmake.make` (unchecked: the tests validate what the builders make); leaves holding
text from the R source (names, numbers, strings) with libcst's own checked constructors,
each once per distinct text.
"""

from __future__ import annotations

import functools
from keyword import iskeyword

import libcst as cst

from ..errors import one_line
from .cstmake import changed, make

# Python precedence, loosest first.
LAMBDA, TERNARY, OR, AND, NOT, COMPARE, BITOR, BITXOR, BITAND, SHIFT, ADD, MUL = range(1, 13)
UNARY, POWER, PRIMARY, ATOM = 13, 14, 16, 17

_BINARY = {
    "+": (cst.Add, ADD),
    "-": (cst.Subtract, ADD),
    "*": (cst.Multiply, MUL),
    "/": (cst.Divide, MUL),
    "//": (cst.FloorDivide, MUL),
    "%": (cst.Modulo, MUL),
    "@": (cst.MatrixMultiply, MUL),
    "**": (cst.Power, POWER),
    "&": (cst.BitAnd, BITAND),
    "|": (cst.BitOr, BITOR),
    "^": (cst.BitXor, BITXOR),
}
_COMPARE = {
    "==": cst.Equal,
    "!=": cst.NotEqual,
    "<": cst.LessThan,
    ">": cst.GreaterThan,
    "<=": cst.LessThanEqual,
    ">=": cst.GreaterThanEqual,
    "in": cst.In,
    "not in": cst.NotIn,
    "is": cst.Is,
    "is not": cst.IsNot,
}
# Shared spacing leaves. Left out, a field's default is a new node built (and validated)
# for every node that has it, about half of all nodes a translation makes; libcst nodes
# are immutable, so one instance can stand wherever the same spacing is printed.
_SPACE = cst.SimpleWhitespace(" ")
_NONE = cst.SimpleWhitespace("")
_NEWLINE = cst.Newline()
_END_OF_LINE = cst.TrailingWhitespace(whitespace=_NONE, newline=_NEWLINE)
_LBRACKET = cst.LeftSquareBracket(whitespace_after=_NONE)
_RBRACKET = cst.RightSquareBracket(whitespace_before=_NONE)
_TIGHT_EQUAL = cst.AssignEqual(whitespace_before=_NONE, whitespace_after=_NONE)
_TIGHT_COLON = cst.Colon(whitespace_before=_NONE, whitespace_after=_NONE)
_TIGHT_POWER = cst.Power(whitespace_before=_NONE, whitespace_after=_NONE)
_SPACED_OPERATORS = {
    op: operator(whitespace_before=_SPACE, whitespace_after=_SPACE)
    for op, (operator, _) in _BINARY.items()
}
_COMPARE_OPERATORS = {op: operator() for op, operator in _COMPARE.items()}
_HEADER = cst.TrailingWhitespace(whitespace=_NONE, newline=_NEWLINE)
_LPAR = (cst.LeftParen(),)
_RPAR = (cst.RightParen(),)


# Levels by node type, looked up by exact type (libcst's node classes are final): one
# dictionary lookup instead of a chain of isinstance checks for every operand built.
_TYPE_LEVELS = {
    cst.Lambda: LAMBDA,
    cst.IfExp: TERNARY,
    cst.Comparison: COMPARE,
    cst.Call: PRIMARY,
    cst.Subscript: PRIMARY,
    cst.Attribute: PRIMARY,
}
_OPERATOR_LEVELS = {operator: level for operator, level in _BINARY.values()}
_NUMBERS = frozenset({cst.Integer, cst.Float, cst.Imaginary})
_SIMPLE_ATOMS = frozenset({cst.Name, cst.Integer, cst.Float})
_SIGNS = frozenset({cst.Minus, cst.Plus})


def precedence(node: cst.BaseExpression) -> int:
    """How tightly `node` binds when printed without parentheses."""
    if node.lpar:
        return ATOM
    node_type = type(node)
    level = _TYPE_LEVELS.get(node_type)
    if level is not None:
        return level
    if node_type is cst.BinaryOperation:
        return _OPERATOR_LEVELS.get(type(node.operator), ATOM)
    if node_type is cst.BooleanOperation:
        return OR if type(node.operator) is cst.Or else AND
    if node_type is cst.UnaryOperation:
        return NOT if type(node.operator) is cst.Not else UNARY
    if node_type in _NUMBERS and node.value.startswith("-"):
        return UNARY
    return ATOM


def parens(node: cst.BaseExpression) -> cst.BaseExpression:
    return changed(node, lpar=_LPAR, rpar=_RPAR)


def at_least(node: cst.BaseExpression, level: int) -> cst.BaseExpression:
    """`node`, parenthesised if it binds more loosely than `level`."""
    return parens(node) if precedence(node) < level else node


# Leaves (names, numbers, strings, dotted paths) are remembered by their text: a file
# names the same few things again and again, and building a node validates its text.
_REMEMBERED = 4096


@functools.lru_cache(maxsize=_REMEMBERED)
def name(identifier: str) -> cst.Name:
    return cst.Name(identifier)


@functools.lru_cache(maxsize=_REMEMBERED)
def dotted(path: str) -> cst.BaseExpression:
    """`a.b.c` as attribute accesses."""
    parts = path.split(".")
    node: cst.BaseExpression = name(parts[0])
    for part in parts[1:]:
        node = attr(node, part)
    return node


def attr(obj: cst.BaseExpression, attribute: str) -> cst.BaseExpression:
    """`obj.attribute`; `getattr(obj, "attribute")` where R names an attribute Python cannot
    spell (`` x$`a b` ``, `x@.a`, `x$.a()`)."""
    if not attribute.isidentifier() or iskeyword(attribute):
        return call("getattr", obj, string(attribute))
    if type(obj) is cst.Integer and not obj.lpar:  # `1.real` reads as a float: `(1).real`
        obj = parens(obj)
    return make.Attribute(at_least(obj, PRIMARY), name(attribute))


@functools.lru_cache(maxsize=_REMEMBERED, typed=True)
def integer(value: int) -> cst.BaseExpression:
    if value < 0:
        return make.UnaryOperation(make.Minus(), cst.Integer(str(-value)))
    return cst.Integer(str(value))


def number(value: float | int) -> cst.BaseExpression:
    if isinstance(value, bool):
        return name("True" if value else "False")
    if isinstance(value, int):
        return integer(value)
    return _float(repr(float(value)))


@functools.lru_cache(maxsize=_REMEMBERED)
def _float(text: str) -> cst.BaseExpression:
    """A float from its `repr` (remembered by text: 0.0 and -0.0 are equal floats)."""
    text = text.replace("e+", "e")
    if text in ("inf", "-inf", "nan"):
        raise ValueError(text)
    if text.startswith("-"):
        return make.UnaryOperation(make.Minus(), cst.Float(text[1:]))
    return cst.Float(text)


@functools.lru_cache(maxsize=_REMEMBERED)
def string(value: str) -> cst.SimpleString:
    """A string literal as ruff format writes it: double quotes unless that needs escapes."""
    quote = "'" if '"' in value and "'" not in value else '"'
    if value.isprintable() and "\\" not in value and quote not in value:
        return cst.SimpleString(quote + value + quote)  # nothing to escape: the usual case
    body = []
    for char in value:
        if char == "\\":
            body.append("\\\\")
        elif char == quote:
            body.append("\\" + quote)
        elif char == "\n":
            body.append("\\n")
        elif char == "\t":
            body.append("\\t")
        elif char == "\r":
            body.append("\\r")
        elif 0xDC80 <= ord(char) <= 0xDCFF:
            body.append(f"\\udc{ord(char) & 0xFF:02x}")
        elif not char.isprintable():
            code = ord(char)
            body.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            body.append(char)
    return cst.SimpleString(quote + "".join(body) + quote)


def docstring(text: str) -> cst.SimpleString:
    """A docstring as ruff format writes it: triple double quotes."""
    body = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if body.endswith('"'):
        body = body[:-1] + '\\"'
    return cst.SimpleString(f'"""{body}"""')


def arg(value: cst.BaseExpression, keyword: str | None = None, star: str = "") -> cst.Arg:
    """A positional or keyword argument; a keyword Python cannot spell goes in `**{...}`."""
    if keyword is None:
        return make.Arg(value, star=star, whitespace_after_star=_NONE, whitespace_after_arg=_NONE)
    if not keyword.isidentifier() or iskeyword(keyword):
        return arg(dict_([(string(keyword), value)]), star="**")
    return make.Arg(
        value,
        keyword=name(keyword),
        equal=_TIGHT_EQUAL,
        whitespace_after_star=_NONE,
        whitespace_after_arg=_NONE,
    )


def call(func: cst.BaseExpression | str, *args, **kwargs) -> cst.Call:
    """`func(*args, **kwargs)`; args may be expressions or ready `cst.Arg`s."""
    if isinstance(func, str):
        func = dotted(func)
    items = [a if type(a) is cst.Arg else arg(a) for a in args]
    items += [arg(value, keyword) for keyword, value in kwargs.items()]
    return make.Call(
        at_least(func, PRIMARY), items, whitespace_after_func=_NONE, whitespace_before_args=_NONE
    )


def _simple_power_operand(node: cst.BaseExpression) -> bool:
    """ruff hugs `**` when both sides are names, numbers or attribute chains."""
    if node.lpar:
        return False
    if type(node) is cst.UnaryOperation and type(node.operator) in _SIGNS:
        return _simple_power_operand(node.expression)
    while type(node) is cst.Attribute:
        node = node.value
    return type(node) in _SIMPLE_ATOMS


def binop(left: cst.BaseExpression, op: str, right: cst.BaseExpression) -> cst.BaseExpression:
    level = _BINARY[op][1]
    if op == "**":  # right-associative, and binds tighter than a unary minus on its left
        left, right = at_least(left, POWER + 1), at_least(right, UNARY)
        if _simple_power_operand(left) and _simple_power_operand(right):
            return make.BinaryOperation(left, _TIGHT_POWER, right)
    else:
        left, right = at_least(left, level), at_least(right, level + 1)
    return make.BinaryOperation(left, _SPACED_OPERATORS[op], right)


def compare(left: cst.BaseExpression, op: str, right: cst.BaseExpression) -> cst.Comparison:
    target = make.ComparisonTarget(_COMPARE_OPERATORS[op], at_least(right, COMPARE + 1))
    return make.Comparison(at_least(left, COMPARE + 1), [target])


def boolop(left: cst.BaseExpression, op: str, right: cst.BaseExpression) -> cst.BaseExpression:
    operator, level = (make.And(), AND) if op == "and" else (make.Or(), OR)
    return make.BooleanOperation(at_least(left, level), operator, at_least(right, level + 1))


def unary(op: str, operand: cst.BaseExpression) -> cst.BaseExpression:
    if op == "not":
        return make.UnaryOperation(make.Not(), at_least(operand, NOT))
    operator = {"-": make.Minus(), "+": make.Plus(), "~": make.BitInvert()}[op]
    if isinstance(operand, cst.BinaryOperation) and isinstance(operand.operator, cst.Power):
        return make.UnaryOperation(operator, parens(operand))  # ruff writes -(x**2)
    return make.UnaryOperation(operator, at_least(operand, UNARY))


def ternary(test, body, orelse) -> cst.IfExp:
    return make.IfExp(
        test=at_least(test, TERNARY + 1),
        body=at_least(body, TERNARY + 1),
        orelse=at_least(orelse, TERNARY),
    )


def subscript(obj: cst.BaseExpression, *indices: cst.BaseExpression | cst.Slice) -> cst.Subscript:
    """`obj[indices]`; `obj[:]` (all of it, as R's `x[drop = FALSE]`) when there are none."""
    indices = indices or (slice_(),)
    elements = [
        make.SubscriptElement(i if type(i) is cst.Slice else make.Index(i)) for i in indices
    ]
    return make.Subscript(
        at_least(obj, PRIMARY),
        elements,
        lbracket=_LBRACKET,
        rbracket=_RBRACKET,
        whitespace_after_value=_NONE,
    )


def _simple_bound(node: cst.BaseExpression | None) -> bool:
    if node is None:
        return True
    if type(node) is cst.UnaryOperation and not node.lpar:
        return _simple_bound(node.expression)
    return type(node) in _SIMPLE_ATOMS and not node.lpar


def slice_(lower=None, upper=None, step=None) -> cst.Slice:
    """A slice, with spaces around `:` when a bound is an expression (as ruff writes it)."""
    if all(_simple_bound(part) for part in (lower, upper, step)):
        return make.Slice(lower=lower, upper=upper, step=step, first_colon=_TIGHT_COLON)
    colon = make.Colon(
        whitespace_before=_SPACE if lower is not None else _NONE,
        whitespace_after=_SPACE if upper is not None else _NONE,
    )
    return make.Slice(lower=lower, upper=upper, step=step, first_colon=colon)


def list_(items, *, tuple_: bool = False) -> cst.BaseExpression:
    elements = [make.Element(at_least(item, TERNARY)) for item in items]
    if tuple_:
        if len(elements) == 1:
            elements = [make.Element(elements[0].value, comma=make.Comma())]
        return make.Tuple(elements)
    return make.List(elements, lbracket=_LBRACKET, rbracket=_RBRACKET)


def dict_(pairs) -> cst.Dict:
    return make.Dict([make.DictElement(key, at_least(value, TERNARY)) for key, value in pairs])


def lambda_(params: list[str], body: cst.BaseExpression) -> cst.Lambda:
    parameters = make.Parameters([make.Param(name(p)) for p in params])
    return make.Lambda(parameters, at_least(body, TERNARY))


def block(body: list[cst.BaseStatement], footer=()) -> cst.IndentedBlock:
    """An indented block; `pass` when `body` is empty."""
    return make.IndentedBlock(body or [simple(make.Pass())], header=_HEADER, footer=footer)


def param(identifier: str, default: cst.BaseExpression | None = None, star: str = "") -> cst.Param:
    """A parameter `identifier`, `identifier=default`, `*identifier` or `**identifier`."""
    return make.Param(
        name(identifier),
        default=default,
        equal=_TIGHT_EQUAL if default is not None else cst.MaybeSentinel.DEFAULT,
        star=star,
        whitespace_after_star=_NONE,
        whitespace_after_param=_NONE,
    )


def function_def(
    identifier: str, params: cst.Parameters, body: cst.IndentedBlock
) -> cst.FunctionDef:
    return make.FunctionDef(
        name(identifier),
        params,
        body,
        whitespace_after_def=_SPACE,
        whitespace_after_name=_NONE,
        whitespace_after_type_parameters=_NONE,
        whitespace_before_params=_NONE,
        whitespace_before_colon=_NONE,
    )


def for_(target: cst.BaseAssignTargetExpression, iterable, body: cst.IndentedBlock) -> cst.For:
    return make.For(
        target,
        iterable,
        body,
        whitespace_after_for=_SPACE,
        whitespace_before_in=_SPACE,
        whitespace_after_in=_SPACE,
        whitespace_before_colon=_NONE,
    )


def list_comp(element: cst.BaseExpression, target, iterable) -> cst.ListComp:
    """`[element for target in iterable]`."""
    loop = make.CompFor(
        target=target,
        iter=iterable,
        whitespace_before=_SPACE,
        whitespace_after_for=_SPACE,
        whitespace_before_in=_SPACE,
        whitespace_after_in=_SPACE,
    )
    return make.ListComp(element, loop, lbracket=_LBRACKET, rbracket=_RBRACKET)


def expr_statement(value: cst.BaseExpression) -> cst.SimpleStatementLine:
    return simple(make.Expr(value))


def assign(target: cst.BaseExpression, value: cst.BaseExpression) -> cst.SimpleStatementLine:
    equals = make.AssignTarget(
        target, whitespace_before_equal=_SPACE, whitespace_after_equal=_SPACE
    )
    return simple(make.Assign([equals], value))


def aug_assign(target, op: str, value) -> cst.SimpleStatementLine:
    operator = {"+": make.AddAssign(), "-": make.SubtractAssign()}[op]
    return simple(make.AugAssign(target, operator, value))


def return_(value: cst.BaseExpression | None) -> cst.SimpleStatementLine:
    return simple(make.Return(value))


def simple(statement: cst.BaseSmallStatement, leading_lines=()) -> cst.SimpleStatementLine:
    return make.SimpleStatementLine(
        [statement], leading_lines=leading_lines, trailing_whitespace=_END_OF_LINE
    )


def comment_line(text: str) -> cst.EmptyLine:
    """A line holding only the comment `text` (which starts with `#`)."""
    return make.EmptyLine(whitespace=_NONE, comment=make.Comment(one_line(text)), newline=_NEWLINE)


# A blank line, unindented: shared, as nothing in it differs from one place to another.
BLANK_LINE = make.EmptyLine(indent=False, whitespace=_NONE, newline=_NEWLINE)
