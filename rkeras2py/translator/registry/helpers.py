"""Shared pieces for registry emitters: argument access, vector idioms, kinds."""

from __future__ import annotations

import libcst as cst

from ...grammar import nodes as n
from .. import pyast as py
from ..emit.values import number, r_double
from ..kinds import NUMERIC_SCALARS, SCALARS, VECTORS, Kind, vector_of
from . import BoundCall


def expr(emitter, bound: BoundCall, param: str, default=None):
    """The translated argument `param`, or `default` when R's call leaves it out."""
    node = bound.get(param)
    if node is None or (isinstance(node, n.Const) and node.name == "NULL"):
        return default
    return emitter.expr(node)


def is_true(node: n.Node | None) -> bool:
    return (
        isinstance(node, n.Const)
        and node.name == "TRUE"
        or (isinstance(node, n.Name) and node.id == "T")
    )


def is_false(node: n.Node | None) -> bool:
    return (
        isinstance(node, n.Const)
        and node.name == "FALSE"
        or (isinstance(node, n.Name) and node.id == "F")
    )


def np(emitter, name: str) -> cst.BaseExpression:
    """`np.<name>`, importing numpy."""
    return py.dotted(emitter.imports.path(f"numpy.{name}"))


def float_expr(emitter, node: n.Node) -> cst.BaseExpression:
    """A value whose R type is double written so Python keeps it a float (`1` → `1.0`)."""
    if isinstance(node, n.Num):
        return number(emitter, node, as_float=True)
    if isinstance(node, n.Unary) and node.op == "-" and isinstance(node.operand, n.Num):
        return py.unary("-", number(emitter, node.operand, as_float=True))
    return emitter.expr(node)


def element(emitter, node: n.Node) -> cst.BaseExpression:
    """One element of a vector literal: R doubles as floats, NA as NaN."""
    if isinstance(node, n.Const) and node.name in ("NA", "NA_real_", "NaN"):
        return np(emitter, "nan")
    if isinstance(node, n.Const) and node.name == "Inf":
        return np(emitter, "inf")
    if isinstance(node, n.Unary) and node.op == "-" and isinstance(node.operand, n.Const):
        if node.operand.name == "Inf":
            return py.unary("-", np(emitter, "inf"))

    if r_double(node) or emitter.kind(node) is Kind.FLOAT:
        return float_expr(emitter, node)
    return emitter.expr(node)


def r_kind(emitter, node: n.Node) -> Kind:
    """The kind R gives `node`: unlike the Python kind, `1` is a double here."""
    return Kind.FLOAT if r_double(node) else emitter.kind(node)


def is_vector(emitter, node: n.Node) -> bool:
    return emitter.kind(node) in VECTORS or emitter.kind(node) is Kind.ARRAY


def is_scalar(emitter, node: n.Node) -> bool:
    return emitter.kind(node) in SCALARS


def first_kind(emitter, bound: BoundCall, param: str) -> Kind:
    return emitter.kind(bound.get(param))


def same_kind(param: str):
    """Result kind: that of argument `param`."""
    return lambda emitter, bound: emitter.kind(bound.get(param))


def scalar_of(param: str, scalar: Kind = Kind.FLOAT):
    """Result kind: `scalar`, or a vector of it when argument `param` is a vector."""

    def rule(emitter, bound: BoundCall) -> Kind:
        kind = emitter.kind(bound.get(param))
        if kind in NUMERIC_SCALARS or kind in (Kind.STR,):
            return scalar
        # numpy makes a vector of a list (a history's metric values)
        if kind in VECTORS or kind is Kind.LIST:
            return vector_of(scalar)
        if kind is Kind.ARRAY:
            return Kind.ARRAY
        return Kind.UNKNOWN

    return rule


def comprehension(element_expr, target: str, iterable) -> cst.ListComp:
    return py.list_comp(element_expr, py.name(target), iterable)


def collect_args(emitter, bound: BoundCall) -> list[n.Arg]:
    """The `...` arguments of a call, unnamed first as R keeps them."""
    return [arg for arg in bound.extra]


def flag(emitter, bound: BoundCall, param: str) -> bool:
    """A logical argument given as TRUE or FALSE (a computed value is reported)."""
    node = bound.get(param)
    if node is None or is_false(node):
        return False
    if is_true(node):
        return True
    emitter.fail("RK103", f"{bound.entry.name}({param} =) must be TRUE or FALSE", node)
