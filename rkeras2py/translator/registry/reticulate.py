"""reticulate: the R ↔ Python bridge. In Python there is no bridge, so most of it is the
plain Python operation (`py_has_attr(x, "a")` is `hasattr(x, "a")`) or nothing at all
(`r_to_py(x)` is `x`).
"""

from __future__ import annotations

import libcst as cst

from .. import pyast as py
from ..kinds import Kind
from . import BoundCall, Table
from .convert import py_value

TABLE = Table("reticulate", pass_value=py_value)

TABLE.add("py_has_attr", "hasattr", "x name", kind=Kind.BOOL)
TABLE.add("py_get_attr", "getattr", "x name silent", kind=Kind.PYOBJ, drop=frozenset({"silent"}))
TABLE.add("py_set_attr", "setattr", "x name value", kind=Kind.NULL, visible=False)
TABLE.add("py_len", "len", "x default", kind=Kind.INT, drop=frozenset({"default"}))
TABLE.add("py_str", "str", "object ...", kind=Kind.STR)
TABLE.add("py_id", "id", "object", kind=Kind.INT)


@TABLE.special("import_builtins", params="convert", kind=Kind.PYOBJ)
def _import_builtins(emitter, bound: BoundCall) -> cst.BaseExpression:
    """The module of Python's built-in functions."""
    return py.dotted(emitter.imports.path("builtins"))


@TABLE.special("import_main", params="convert", kind=Kind.PYOBJ)
def _import_main(emitter, bound: BoundCall) -> cst.BaseExpression:
    return py.dotted(emitter.imports.path("__main__"))


@TABLE.special("py_to_r", "r_to_py", params="x convert", kind=lambda e, b: e.kind(b.get("x")))
def _same_value(emitter, bound: BoundCall) -> cst.BaseExpression:
    """No conversion between R and Python objects is needed in Python."""
    return emitter.expr(bound.get("x"))


TABLE.special("py_none", kind=Kind.NULL)(lambda emitter, bound: py.name("None"))
