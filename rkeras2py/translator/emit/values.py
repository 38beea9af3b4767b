"""Literals, names and parentheses."""

from __future__ import annotations

import functools
import keyword

import libcst as cst

from ...grammar import nodes as n
from .. import pyast as py
from ..emitter import Emitter, expression, kind_rule
from ..kinds import Kind

# R constants that are ordinary (reassignable) names.
_NAMED_CONSTANTS = {"T": "True", "F": "False"}
_MATH_CONSTANTS = {"pi": "math.pi"}


# Python builtins the translations call: an R variable of that name gets a `_`, so it
# cannot shadow them (R keeps functions and variables apart; Python does not).
_BUILTINS = frozenset(
    "abs all any bool bytes dict enumerate filter float format input int isinstance iter len "
    "list map max min next object open print range round set sorted str sum super tuple type "
    "zip".split()
)


def python_name(r_name: str) -> str:
    """A Python variable for an R name: dots become underscores, keywords and the builtins
    the translation relies on get a `_`."""
    name = keyword_name(r_name)
    return name + "_" if name in _BUILTINS else name


@functools.lru_cache(maxsize=4096)
def keyword_name(r_name: str) -> str:
    """A Python identifier for an R name: dots become underscores, keywords get a `_`.
    (Remembered: every use of a variable asks again.)"""
    name = r_name.replace(".", "_")
    if name.startswith("_") and r_name.startswith("."):
        name = "dot" + name
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or not name.isidentifier():
        name = "".join(c if c.isalnum() or c == "_" else "_" for c in name)
        if not name.isidentifier():  # empty, or starting with a digit (`1x`)
            name = "_" + name
        if keyword.iskeyword(name) or keyword.issoftkeyword(name):
            name += "_"
    return name


def number(emitter: Emitter, node: n.Num, *, as_float: bool = False) -> cst.BaseExpression:
    """An R number; integral doubles print as ints unless `as_float` (inside vectors)."""
    value = node.value
    if isinstance(value, complex):
        return cst.Imaginary(f"{value.imag!r}j".replace(".0j", "j"))
    if isinstance(value, int) or (value.is_integer() and not as_float and abs(value) < 2**53):
        return py.integer(int(value))
    return py.number(float(value))


@expression(n.Num)
def _num(emitter: Emitter, node: n.Num) -> cst.BaseExpression:
    return number(emitter, node)


@kind_rule(n.Num)
def _num_kind(emitter: Emitter, node: n.Num) -> Kind:
    """Kinds describe the Python value: an integral R double is written as an int."""
    return _literal_kind(node.text)


@functools.lru_cache(maxsize=1024)
def _literal_kind(text: str) -> Kind:
    """The kind of the number literal written `text`: each operator and call around a
    literal asks for it, and reading the number each time costs more than remembering."""
    literal = n.Num(text)
    if literal.is_complex:
        return Kind.UNKNOWN
    value = literal.value
    return Kind.INT if isinstance(value, int) or value.is_integer() else Kind.FLOAT


def r_double(node: n.Node) -> bool:
    """Whether `node` is an R double literal (`1`, `-2.5`; not `1L`)."""
    if isinstance(node, n.Unary) and node.op in ("-", "+"):
        node = node.operand
    return isinstance(node, n.Num) and not node.is_integer and not node.is_complex


@expression(n.Str)
def _str(emitter: Emitter, node: n.Str) -> cst.BaseExpression:
    return py.string(node.value)


@kind_rule(n.Str)
def _str_kind(emitter: Emitter, node: n.Str) -> Kind:
    return Kind.STR


@expression(n.Const)
def constant(emitter: Emitter, node: n.Const) -> cst.BaseExpression:
    if node.name in ("TRUE", "FALSE"):
        return py.name("True" if node.name == "TRUE" else "False")
    if node.name == "NULL":
        return py.name("None")
    if node.name == "Inf":
        return py.dotted(emitter.imports.path("math.inf"))
    if node.name in ("NaN", "NA_real_"):
        return py.dotted(emitter.imports.path("math.nan"))
    emitter.fail("RK104", f"{node.name} has no meaning here in Python", node)


@kind_rule(n.Const)
def _const_kind(emitter: Emitter, node: n.Const) -> Kind:
    if node.name in ("TRUE", "FALSE", "NA"):
        return Kind.BOOL
    if node.name == "NULL":
        return Kind.NULL
    return Kind.FLOAT


_OPERATORS = {
    "+": "operator.add",
    "-": "operator.sub",
    "*": "operator.mul",
    "/": "operator.truediv",
    "^": "operator.pow",
    "%%": "operator.mod",
    "%/%": "operator.floordiv",
    "==": "operator.eq",
    "!=": "operator.ne",
    "<": "operator.lt",
    ">": "operator.gt",
    "<=": "operator.le",
    ">=": "operator.ge",
    "&": "operator.and_",
    "|": "operator.or_",
}
_CHARACTER_CONSTANTS = {"letters": "ascii_lowercase", "LETTERS": "ascii_uppercase"}


@expression(n.Name)
def name(emitter: Emitter, node: n.Name) -> cst.BaseExpression:
    r_name = node.id
    if r_name == "...":
        return py.name("args")
    if id(node) in emitter.outer_reads:
        emitter.fail(
            "RK102",
            f"`{r_name}` here is the {r_name} outside the function, which binds its own "
            f"{r_name} later: one Python function cannot have both (UnboundLocalError): "
            f"rename the function's {r_name}",
            node,
        )
    if emitter.analysis.is_user_name(r_name, emitter.scope) or r_name in emitter.local_names:
        return py.name(python_name(r_name))
    if r_name in _NAMED_CONSTANTS:
        return py.name(_NAMED_CONSTANTS[r_name])
    if r_name in _MATH_CONSTANTS:
        return py.dotted(emitter.imports.path(_MATH_CONSTANTS[r_name]))
    if r_name in _CHARACTER_CONSTANTS:
        return py.call(
            "list", py.dotted(emitter.imports.path("string." + _CHARACTER_CONSTANTS[r_name]))
        )
    if r_name in _OPERATORS:  # `Reduce(`+`, x)`
        return py.dotted(emitter.imports.path(_OPERATORS[r_name]))
    from .calls import function_value

    value = function_value(emitter, node)
    if value is not None:
        return value
    emitter.fail("RK101", f"unknown name '{r_name}': it is not defined in this file", node)


@kind_rule(n.Name)
def _name_kind(emitter: Emitter, node: n.Name) -> Kind:
    if emitter.analysis.is_user_name(node.id, emitter.scope) or node.id in emitter.local_names:
        if emitter.analysis.is_user_function(node.id, emitter.scope):
            return Kind.FUNCTION
        return emitter.variable_kind(node.id)
    if node.id in _NAMED_CONSTANTS:
        return Kind.BOOL
    if node.id in _MATH_CONSTANTS:
        return Kind.FLOAT
    if node.id in _CHARACTER_CONSTANTS:
        return Kind.CHR_VECTOR
    entry = emitter.registry.lookup(node.id)
    if entry is not None and entry.status == "object":
        return entry.result_kind(emitter, None)
    return Kind.FUNCTION


@expression(n.Namespace)
def namespace(emitter: Emitter, node: n.Namespace) -> cst.BaseExpression:
    """`pkg::name` as a value: what `name` is in that package."""
    from .calls import function_value

    value = function_value(emitter, node)
    if value is None:
        emitter.fail("RK101", f"unknown name '{node.package}::{node.name}'", node)
    return value


@kind_rule(n.Namespace)
def _namespace_kind(emitter: Emitter, node: n.Namespace) -> Kind:
    entry = emitter.registry.lookup(node.name, node.package)
    if entry is not None and entry.status == "object":
        return entry.result_kind(emitter, None)
    return Kind.FUNCTION


@expression(n.Paren)
def _paren(emitter: Emitter, node: n.Paren) -> cst.BaseExpression:
    # Python's precedence is applied by the builders; R's grouping is already in the tree.
    inner = node.expr
    if (
        isinstance(inner, n.Assign)
        and isinstance(inner.target, n.Name)
        and not inner.is_superassign
    ):
        # `(z <- y + 1)` assigns and shows the value: Python's `:=`.
        emitter.set_kind(inner.target.id, emitter.kind(inner.value))
        return py.parens(
            cst.NamedExpr(py.name(python_name(inner.target.id)), emitter.expr(inner.value))
        )
    return emitter.expr(inner)


@kind_rule(n.Paren)
def _paren_kind(emitter: Emitter, node: n.Paren) -> Kind:
    return emitter.kind(node.expr)
