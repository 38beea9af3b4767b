"""stats → numpy.

CAVEATS
- Random draws use a numpy Generator (`rng`), so their values differ from R's streams;
  shapes, ranges and seeds' reproducibility are kept.
- `sd()` and `var()` use the sample (n - 1) denominator, as R does (`ddof=1`).
"""

from __future__ import annotations

import libcst as cst

from .. import pyast as py
from ..emitter import Emitter
from ..kinds import Kind
from . import BoundCall, Table
from .base.core import generator
from .helpers import expr, float_expr, is_true, np

TABLE = Table("stats")


def _draw(method: str, params: list[tuple[str, cst.BaseExpression | None]]):
    def emit(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
        rng = generator(emitter)
        values = []
        for param, default in params:
            node = bound.get(param)
            values.append(float_expr(emitter, node) if node is not None else default)
        return py.call(py.attr(rng, method), *values, size=expr(emitter, bound, "n"))

    return emit


TABLE.add(
    "runif",
    params="n min max",
    kind=Kind.NUM_VECTOR,
    emit=_draw("uniform", [("min", py.number(0.0)), ("max", py.number(1.0))]),
)
TABLE.add(
    "rnorm",
    params="n mean sd",
    kind=Kind.NUM_VECTOR,
    emit=_draw("normal", [("mean", py.number(0.0)), ("sd", py.number(1.0))]),
)
TABLE.add(
    "rbinom",
    params="n size prob",
    kind=Kind.INT_VECTOR,
    emit=_draw("binomial", [("size", None), ("prob", None)]),
)
TABLE.add(
    "rpois", params="n lambda", kind=Kind.INT_VECTOR, emit=_draw("poisson", [("lambda", None)])
)


def _spread(function: str):
    def emit(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
        return py.call(np(emitter, function), expr(emitter, bound, "x"), ddof=py.integer(1))

    return emit


TABLE.add("sd", params="x na.rm", emit=_spread("std"), kind=Kind.FLOAT)
TABLE.add("var", params="x y na.rm", emit=_spread("var"), kind=Kind.FLOAT)
TABLE.add(
    "median",
    params="x na.rm",
    kind=Kind.FLOAT,
    emit=lambda e, b: py.call(
        np(e, "nanmedian" if is_true(b.get("na.rm")) else "median"), expr(e, b, "x")
    ),
)
TABLE.add(
    "quantile",
    params="x probs",
    kind=Kind.NUM_VECTOR,
    emit=lambda e, b: py.call(
        np(e, "quantile"),
        expr(e, b, "x"),
        expr(e, b, "probs", py.list_([py.number(p) for p in (0.0, 0.25, 0.5, 0.75, 1.0)])),
    ),
)


@TABLE.special("cor", params="x y use method", kind=Kind.FLOAT)
def _cor(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """Pearson correlation of two vectors (a matrix or another method is reported)."""
    method = bound.get("method")
    if not bound.has("y") or (method is not None and getattr(method, "value", None) != "pearson"):
        emitter.fail("RK103", "cor() is translated for two vectors, Pearson's method", bound.node)
    matrix = py.call(np(emitter, "corrcoef"), expr(emitter, bound, "x"), expr(emitter, bound, "y"))
    return py.subscript(matrix, py.integer(0), py.integer(1))


TABLE.add(
    "weighted.mean",
    params="x w",
    kind=Kind.FLOAT,
    emit=lambda e, b: py.call(np(e, "average"), expr(e, b, "x"), weights=expr(e, b, "w")),
)
