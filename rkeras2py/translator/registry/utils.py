"""utils → Python slicing.

CAVEATS
- `head()`/`tail()` are slices of the first dimension; `n` may be negative as in R.
"""

from __future__ import annotations

import libcst as cst

from .. import pyast as py
from ..emit.operators import literal_int, whole
from ..emitter import Emitter
from . import BoundCall, Table
from .helpers import expr, same_kind

TABLE = Table("utils")


def _head_tail(first: bool):
    def emit(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
        x = expr(emitter, bound, "x")
        count_node = bound.get("n")
        count = literal_int(count_node) if count_node is not None else 6
        if count is not None:
            if count == 0:
                piece = py.slice_(upper=py.integer(0))
            elif first:
                piece = py.slice_(upper=py.integer(count))
            else:
                piece = (
                    py.slice_(lower=py.integer(-count))
                    if count > 0
                    else py.slice_(py.integer(-count))
                )
            return py.subscript(x, piece)

        size = whole(emitter, bound.get("n"))
        if first:
            return py.subscript(x, py.slice_(upper=size))
        return py.subscript(x, py.slice_(lower=py.unary("-", size)))

    return emit


TABLE.add("head", params="x n", emit=_head_tail(True), kind=same_kind("x"))
TABLE.add("tail", params="x n", emit=_head_tail(False), kind=same_kind("x"))
