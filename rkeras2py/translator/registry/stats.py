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
from .helpers import expr, flag, float_expr, is_true, np

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
        na_rm = flag(emitter, bound, "na.rm")
        x = expr(emitter, bound, "x")
        if bound.extra:
            emitter.fail("RK103", f"{bound.entry.name}() argument not translated", bound.node)
        if bound.has("y") or emitter.kind(bound.get("x")) is Kind.ARRAY:
            # var(x, y) is the covariance; var(m) the covariance matrix of m's columns
            if na_rm:
                emitter.fail("RK103", "var() of two vectors or a matrix with na.rm", bound.node)
            if not bound.has("y"):
                return py.call(np(emitter, "cov"), x, rowvar=py.name("False"))
            covariance = py.call(np(emitter, "cov"), x, expr(emitter, bound, "y"))
            return py.subscript(covariance, py.integer(0), py.integer(1))
        name = "nan" + function if na_rm else function
        return py.call(np(emitter, name), x, ddof=py.integer(1))

    return emit


TABLE.add("sd", params="x na.rm", emit=_spread("std"), kind=Kind.FLOAT)
TABLE.add(
    "var",
    params="x y na.rm",
    emit=_spread("var"),
    kind=lambda e, b: Kind.ARRAY if e.kind(b.get("x")) is Kind.ARRAY else Kind.FLOAT,
)
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


@TABLE.special("cor", params="x y use method", kind=lambda e, b: _cor_kind(e, b))
def _cor(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """Pearson correlation of two vectors, or of a matrix's columns (other methods and
    `use` are reported)."""
    method = bound.get("method")
    if method is not None and getattr(method, "value", None) != "pearson":
        emitter.fail("RK103", "cor() is translated for Pearson's method", bound.node)
    if bound.has("use") or bound.extra:
        emitter.fail("RK103", "cor() argument not translated", bound.node)
    x = expr(emitter, bound, "x")
    if not bound.has("y"):
        if emitter.kind(bound.get("x")) is not Kind.ARRAY:
            emitter.fail("RK103", "cor() of one value is translated for a matrix", bound.node)
        return py.call(np(emitter, "corrcoef"), x, rowvar=py.name("False"))
    if Kind.ARRAY in (emitter.kind(bound.get("x")), emitter.kind(bound.get("y"))):
        emitter.fail("RK103", "cor() of two matrices is not translated", bound.node)
    matrix = py.call(np(emitter, "corrcoef"), x, expr(emitter, bound, "y"))
    return py.subscript(matrix, py.integer(0), py.integer(1))


def _cor_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    return Kind.FLOAT if bound.has("y") else Kind.ARRAY


def _weighted_mean(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    if bound.extra:
        emitter.fail("RK103", "weighted.mean() argument not translated", bound.node)
    x = expr(emitter, bound, "x")
    weights = expr(emitter, bound, "w", py.name("None"))
    if flag(emitter, bound, "na.rm"):  # R drops the NA values with their weights
        masked = py.call(np(emitter, "ma.masked_invalid"), x)
        return py.call(np(emitter, "ma.average"), masked, weights=weights)
    if not bound.has("w"):
        return py.call(np(emitter, "mean"), x)
    return py.call(np(emitter, "average"), x, weights=weights)


TABLE.add("weighted.mean", params="x w ... na.rm", kind=Kind.FLOAT, emit=_weighted_mean)
