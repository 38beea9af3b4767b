"""R attributes the translation can keep: `scale()`'s, in variables of their own, and the
class behind a layer function the R code made (`attr(layer_scale, "Layer")`).

`scale()` centres and scales columns with numpy.

`v <- scale(x)` becomes

    v_center = np.nanmean(x, axis=0)
    v_scale = np.nanstd(x, axis=0, ddof=1)
    v = (x - v_center) / v_scale

and `attr(v, "scaled:center")` / `attr(v, "scaled:scale")` read `v_center` / `v_scale`
(until `v` is assigned again, as R's attributes go with the value), so that the idiom
`val <- scale(val, center = attr(train, "scaled:center"), scale = attr(train,
"scaled:scale"))` keeps its meaning. R's column means and standard deviations leave NA out:
so do `np.nanmean` and `np.nanstd`.

CAVEATS
- `scale(x)` used as a value (not assigned to a variable) has no attributes; its `x` is
  then read three times, so it must be free of side effects (`pure()`), else RK103.
- A vector becomes a one-column matrix, as in R; a value of unknown type is taken to be a
  matrix (RK201), and so is a numpy array: R makes an array of three or more dimensions one
  column (`as.matrix()`), which no scaling of image data means. A data frame is not
  translated.
- An assignment inside `if` keeps the attributes for what follows: where the branch did
  not run, `attr()` then reads a Python variable never set (NameError, where R gives NULL).
- `scale = TRUE` with `center = FALSE` or a numeric `center` (R then divides by the root
  mean square of the columns) is RK102. A matrix of one row: R divides by 1 where numpy's
  `ddof=1` divides by 0 (NaN, with a warning).
- Only the two attributes above are known to `attr()`; arithmetic on `v` keeps them in R
  but not here (`attr(v * 2, "scaled:center")` is RK101). R prints them after the matrix
  (`print(v)`); Python prints the matrix alone.
"""

from __future__ import annotations

import libcst as cst

from ....grammar import nodes as n
from ... import pyast as py
from ...emitter import Emitter, Mode
from ...kinds import VECTORS, Kind
from .. import BoundCall
from ..helpers import is_false, is_true, np
from .core import TABLE
from .extra import _require_pure, pure

_CENTER, _SCALE = "scaled:center", "scaled:scale"


def _plan(emitter: Emitter, bound: BoundCall) -> tuple[str | n.Node | None, str | n.Node | None]:
    """What `center` and `scale` ask for: "columns" (computed from x), None (not done), or
    the R node of the given values."""
    center_node = bound.get("center")
    scale_node = bound.get("scale")
    center = "columns" if center_node is None or is_true(center_node) else center_node
    if is_false(center_node):
        center = None
    scale = "columns" if scale_node is None or is_true(scale_node) else scale_node
    if is_false(scale_node):
        scale = None
    if scale == "columns" and center != "columns":
        emitter.fail(
            "RK102",
            "scale(scale = TRUE) without centring on the column means divides by the "
            "columns' root mean square: not translated (give scale = the values)",
            bound.node,
        )
    return center, scale


def _matrix(emitter: Emitter, x: n.Node, value: cst.BaseExpression) -> cst.BaseExpression:
    """`x` as R's scale() sees it (`as.matrix(x)`): a vector is a one-column matrix."""
    kind = emitter.kind(x)
    if kind in VECTORS:
        return py.call(
            np(emitter, "reshape"), value, py.list_([py.integer(-1), py.integer(1)], tuple_=True)
        )
    if kind is not Kind.ARRAY:
        emitter.report(
            "RK201",
            "scale(): x is taken to be a matrix (R makes a vector a one-column matrix, so "
            "the result would be n x 1 where Python's stays 1-d)",
            x,
        )
    return value


def _column_stat(emitter: Emitter, function: str, data: cst.BaseExpression) -> cst.BaseExpression:
    keywords = {"axis": py.integer(0)}
    if function == "nanstd":
        keywords["ddof"] = py.integer(1)
    return py.call(np(emitter, function), data, **keywords)


def _scaled(data, center, scale) -> cst.BaseExpression:
    value = data if center is None else py.binop(data, "-", center)
    return value if scale is None else py.binop(value, "/", scale)


@TABLE.special("scale", params="x center scale", kind=Kind.ARRAY, assigns=True)
def scale(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """`scale(x)` as a value: no attributes to keep."""
    x = _require_pure(emitter, bound, "x")
    center, scale_ = _plan(emitter, bound)
    data = _matrix(emitter, x, emitter.expr(x))
    center_value = _column_stat(emitter, "nanmean", data) if center == "columns" else center
    if isinstance(center_value, n.Node):
        center_value = emitter.expr(center_value)
    scale_value = _column_stat(emitter, "nanstd", data) if scale_ == "columns" else scale_
    if isinstance(scale_value, n.Node):
        scale_value = emitter.expr(scale_value)
    return _scaled(data, center_value, scale_value)


@TABLE.statement("scale")
def scale_statement(emitter: Emitter, bound: BoundCall, mode: Mode) -> list[cst.BaseStatement]:
    """`v <- scale(x, ...)`: the centre and scale in variables of their own, so that
    `attr(v, "scaled:center")` and `attr(v, "scaled:scale")` can be read."""
    if mode.action != "assign" or mode.name is None or not isinstance(mode.target, cst.Name):
        return emitter.finish(scale(emitter, bound), mode)
    x = bound.get("x")
    center, scale_ = _plan(emitter, bound)
    target = mode.target
    statements: list[cst.BaseStatement] = []
    data = emitter.expr(x)
    as_matrix = _matrix(emitter, x, data)
    if as_matrix is not data or not pure(emitter, x):
        statements.append(py.assign(target, as_matrix))  # x read once
        data = target
    attributes: dict[str, cst.BaseExpression] = {}
    values: dict[str, cst.BaseExpression | None] = {}
    for which, how, function in ((_CENTER, center, "nanmean"), (_SCALE, scale_, "nanstd")):
        if how is None:
            values[which] = None
            attributes[which] = py.name("None")  # R's attr() gives NULL
            continue
        holder = py.name(emitter.fresh(f"{target.value}_{which.split(':')[1]}"))
        computed = _column_stat(emitter, function, data) if how == "columns" else emitter.expr(how)
        statements.append(py.assign(holder, computed))
        attributes[which] = values[which] = holder
    statements.append(py.assign(target, _scaled(data, values[_CENTER], values[_SCALE])))
    emitter.set_attributes(mode.name, attributes)
    return statements


@TABLE.special("attr", params="x which exact", kind=Kind.PYOBJ)
def attr(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """An attribute the translation keeps; R's other attributes have no Python counterpart."""
    x, which = bound.get("x"), bound.get("which")
    if isinstance(x, n.Name) and isinstance(which, n.Str):
        kept = emitter.attribute(x.id, which.value)
        if kept is not None:
            return kept
        if which.value == "Layer" and x.id in emitter.user_entries:
            return py.dotted(emitter.user_entries[x.id].target)
    emitter.fail(
        "RK101",
        "attr() is translated only as attr(<layer function>, 'Layer') and for the attributes "
        'of a variable assigned scale() ("scaled:center", "scaled:scale")',
        bound.node,
    )
