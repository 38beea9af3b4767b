"""base R → Python (numpy where R relies on vectorization, plain Python elsewhere).

CAVEATS
- `a:b` and `seq_len`/`seq_along` count up; R's `1:0` counts down (a warning says so when
  the ends are not literals).
- Numeric vectors become numpy float arrays (R doubles), character vectors Python lists;
  named vectors and named lists become dicts.
- `unique()` keeps first occurrences in order, as R does (not `np.unique`, which sorts);
  for a numeric vector held in a variable the NaNs are merged as R merges NAs.
- `sort()` drops NA as R does for a numeric vector in a variable or written in the call;
  of another expression (`sort(x * 2)`) NaNs are kept, last.
- Named vectors (dicts): `sum`/`mean`/`max`/`min`/`range` use the values, `which.max`
  gives the position (`names(which.max(x))` is `max(x, key=x.get)`), `sort`, `rev`,
  `round`, `which` and `sapply`/`vapply` over a named list keep the names (a dict).
- `round(x, digits)` of a number is Python's `round()`, which rounds the decimal value
  the double stands for, as R does (2.675 → 2.67); a numpy scalar (`round(np.mean(v), 2)`)
  still rounds numpy's way. Vectors use `np.round`.
- Number formatting is Python's (`5.0` where R prints `5`); only values are kept.
- `format()` with `nsmall`/`digits`, `environment()`, `eval()`, `assign()`/`get()` and S4
  are not translated: each use is reported with a marker.
"""

from __future__ import annotations

import math
import re

import libcst as cst

from ....grammar import nodes as n
from ....grammar.walk import walk
from ... import pyast as py
from ...emit.calls import resolve
from ...emit.control import branch
from ...emit.functions import inline_body, is_single_expression
from ...emit.indexing import item_kind
from ...emit.operators import literal_int, minus_one, plus_one, whole
from ...emit.values import python_name
from ...emitter import Emitter, Mode
from ...kinds import (
    NUMERIC_SCALARS,
    NUMERIC_VECTORS,
    SCALARS,
    VECTORS,
    Kind,
    element_of,
    join,
    vector_of,
)
from .. import BoundCall, Table, bind
from ..helpers import (
    comprehension,
    element,
    expr,
    flag,
    float_expr,
    is_false,
    is_true,
    np,
    r_kind,
    same_kind,
    scalar_of,
)

TABLE = Table("base")
special = TABLE.special
statement = TABLE.statement


# ---- vectors ---------------------------------------------------------------------------


def _is_dots(node: n.Node | None) -> bool:
    return isinstance(node, n.Name) and node.id == "..."


def _without_null(args: list[n.Arg]) -> list[n.Arg]:
    """c() drops NULL."""
    return [a for a in args if not (isinstance(a.value, n.Const) and a.value.name == "NULL")]


@special("c", params="...", kind=lambda e, b: _c_kind(e, b))
def c(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    args = _without_null(bound.extra)
    if not args:
        return py.list_([])
    if any(arg.name for arg in args):
        if not all(arg.name for arg in args):
            emitter.fail("RK102", "c() with some named and some unnamed values", bound.node)
        return py.dict_([(py.string(a.name), element(emitter, a.value)) for a in args])
    kinds = [emitter.kind(arg.value) for arg in args]
    if all(kind is Kind.STR for kind in kinds):
        return py.list_([emitter.expr(arg.value) for arg in args])
    has_na = any(isinstance(a.value, n.Const) and a.value.name == "NA" for a in args)
    if has_na and all(k is Kind.BOOL for k in kinds):
        emitter.fail("RK104", "NA in a logical vector has no numpy equivalent", bound.node)
    if (
        any(isinstance(a.value, n.Const) and a.value.name == "NA" for a in args)
        and Kind.STR in kinds
    ):
        emitter.fail("RK104", "NA in a character vector has no Python meaning", bound.node)
    numeric = [kind in NUMERIC_SCALARS or _is_na(arg.value) for kind, arg in zip(kinds, args)]
    if all(numeric):
        return py.call(np(emitter, "array"), py.list_([element(emitter, a.value) for a in args]))
    if Kind.STR in kinds or Kind.CHR_VECTOR in kinds or Kind.LIST in kinds:
        items = []
        for kind, arg in zip(kinds, args):
            value = emitter.expr(arg.value)
            if kind in (Kind.UNKNOWN, Kind.PYOBJ, Kind.TENSOR):
                # a number or an array from Python: R's c() takes its elements either way
                flat = py.call(np(emitter, "ravel"), value, order=py.string("F"))
                value = py.call(py.attr(flat, "tolist"))
            items.append(cst.StarredElement(value) if kind not in SCALARS else value)
        return cst.List([i if isinstance(i, cst.StarredElement) else cst.Element(i) for i in items])
    parts = [element(emitter, arg.value) for arg in args]
    if Kind.PYOBJ in kinds:
        # a Python attribute may still be None (R's NULL), which c() leaves out
        value = py.name("value")
        kept = cst.ListComp(
            py.call(np(emitter, "atleast_1d"), value),
            cst.CompFor(
                value,
                py.list_(
                    [_as_1d(emitter, k, p) if k in SCALARS else p for k, p in zip(kinds, parts)],
                    tuple_=True,
                ),
                ifs=[cst.CompIf(py.compare(value, "is not", py.name("None")))],
            ),
        )
        return py.call(np(emitter, "concatenate"), kept)
    pieces = [_as_1d(emitter, kind, part) for kind, part in zip(kinds, parts)]
    return py.call(np(emitter, "concatenate"), py.list_(pieces))


def _as_1d(emitter: Emitter, kind: Kind, value: cst.BaseExpression) -> cst.BaseExpression:
    if kind in SCALARS:
        return py.list_([value])
    if kind in VECTORS or kind is Kind.ARRAY:
        return value
    return py.call(np(emitter, "atleast_1d"), value)


def _is_na(node: n.Node) -> bool:
    return (
        isinstance(node, n.Const)
        and node.name in ("NA", "NA_real_", "NaN", "Inf")
        or (isinstance(node, n.Unary) and isinstance(node.operand, n.Const))
    )


def _c_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    args = _without_null(bound.extra)
    if not args:
        return Kind.LIST
    if any(arg.name for arg in args):
        return Kind.NAMED_LIST
    kinds = {r_kind(emitter, arg.value) for arg in args if not _is_na(arg.value)}
    if kinds <= {Kind.STR, Kind.CHR_VECTOR}:
        return Kind.CHR_VECTOR
    if kinds <= {Kind.BOOL, Kind.LGL_VECTOR}:
        return Kind.LGL_VECTOR
    if kinds <= {Kind.INT, Kind.INT_VECTOR, Kind.RANGE, Kind.BOOL}:
        return Kind.INT_VECTOR
    if kinds <= NUMERIC_SCALARS | NUMERIC_VECTORS:
        return Kind.NUM_VECTOR
    return Kind.UNKNOWN


@special("seq", params="from to by length.out along.with", kind=lambda e, b: _seq_kind(e, b))
def seq(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    start, stop = bound.get("from"), bound.get("to")
    if bound.extra:
        emitter.fail("RK103", "seq() argument not translated", bound.node)
    if bound.has("along.with"):
        length = py.call("len", emitter.expr(bound.get("along.with")))
        return py.call(np(emitter, "arange"), py.integer(1), plus_one(length))
    step = bound.get("by")
    if bound.has("length.out"):
        return _seq_length_out(emitter, bound)
    if stop is None and start is not None:  # seq(n) is 1:n, seq(v) is seq_along(v)
        if emitter.kind(start) in VECTORS:
            length = py.call("len", emitter.expr(start))
            return py.call(np(emitter, "arange"), py.integer(1), plus_one(length))
        count = literal_int(start)
        if count is not None:
            if count >= 1:
                return py.call(np(emitter, "arange"), py.integer(1), py.integer(count + 1))
            return py.call(
                np(emitter, "arange"), py.integer(1), py.integer(count - 1), py.integer(-1)
            )
        value = whole(emitter, start)
        up = py.call(np(emitter, "arange"), py.integer(1), plus_one(value))
        if not isinstance(start, n.Name):
            return up
        down = py.call(np(emitter, "arange"), py.integer(1), minus_one(value), py.integer(-1))
        return py.ternary(py.compare(value, ">=", py.integer(1)), up, down)
    first, last = literal_int(start), literal_int(stop)
    if step is None and first is not None and last is not None:
        by = 1 if last >= first else -1
    else:
        by = literal_int(step) if step is not None else 1
    if first is not None and last is not None and by:
        count = (last - first) // by
        end = first + count * by + (1 if by > 0 else -1)
        args = [py.integer(first), py.integer(end)] + ([py.integer(by)] if by != 1 else [])
        return py.call(np(emitter, "arange"), *args)
    if step is None:
        return py.call(np(emitter, "arange"), emitter.expr(start), plus_one(emitter.expr(stop)))
    if first is not None and by:  # whole start and step: every value is whole
        stop_bound = plus_one(emitter.expr(stop)) if by > 0 else minus_one(emitter.expr(stop))
        return py.call(np(emitter, "arange"), py.integer(first), stop_bound, py.integer(by))
    numbers = [_literal_number(node) for node in (start, stop, step)]
    if all(value is not None for value in numbers):
        low, high, size = numbers
        if size == 0 or (high - low) / size < 0:
            emitter.fail("RK103", "seq(): wrong sign in 'by'", bound.node)
        count = int((high - low) / size + 1e-10)  # R allows a 1e-10 fuzz
        end = low + count * size
        if abs(end - high) < 1e-10 * abs(size):
            end = high
        return py.call(
            np(emitter, "linspace"),
            py.number(float(low)),
            py.number(float(end)),
            py.integer(count + 1),
        )
    # R: from + (0:n) * by, n = floor((to - from) / by + 1e-10)
    count = py.binop(
        py.binop(py.binop(emitter.expr(stop), "-", emitter.expr(start)), "/", emitter.expr(step)),
        "+",
        py.number(1e-10),
    )
    steps = py.call(np(emitter, "arange"), plus_one(py.call("int", count)))
    return py.binop(float_expr(emitter, start), "+", py.binop(steps, "*", emitter.expr(step)))


def _plus_one(value: cst.BaseExpression) -> cst.BaseExpression:
    return plus_one(value)


def _literal_number(node: n.Node | None) -> float | None:
    """The value of a literal real number (`0.25`, `-3`), else None."""
    if isinstance(node, n.Paren):
        return _literal_number(node.expr)
    if isinstance(node, n.Unary) and node.op == "-":
        inner = _literal_number(node.operand)
        return -inner if inner is not None else None
    if isinstance(node, n.Num) and not node.is_complex:
        return float(node.value)
    return None


def _seq_length_out(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """seq(..., length.out = k): evenly spaced between the ends, or `by` apart from one."""
    start, stop, step = bound.get("from"), bound.get("to"), bound.get("by")
    size = expr(emitter, bound, "length.out")
    if start is not None and stop is not None and step is None:
        return py.call(
            np(emitter, "linspace"), float_expr(emitter, start), float_expr(emitter, stop), size
        )
    if start is not None and stop is not None:
        emitter.fail("RK103", "seq() with from, to, by and length.out", bound.node)
    steps = py.call(np(emitter, "arange"), size)
    if step is not None:
        steps = py.binop(steps, "*", emitter.expr(step))
    if start is not None:
        return py.binop(emitter.expr(start), "+", steps)
    if stop is not None:  # counts up to `to`
        width = (
            minus_one(size) if step is None else py.binop(minus_one(size), "*", emitter.expr(step))
        )
        return py.binop(py.binop(emitter.expr(stop), "-", width), "+", steps)
    return (
        py.binop(py.integer(1), "+", steps)
        if step is not None
        else py.call(np(emitter, "arange"), py.integer(1), _plus_one(size))
    )


def _seq_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    if bound.has("length.out") or bound.has("by") and emitter.kind(bound.get("by")) is Kind.FLOAT:
        if (
            bound.has("by")
            and literal_int(bound.get("by")) is not None
            and not bound.has("length.out")
        ):
            return Kind.INT_VECTOR
        return Kind.NUM_VECTOR
    return Kind.INT_VECTOR


@special("seq_len", params="length.out", kind=Kind.INT_VECTOR)
def seq_len(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    node = bound.get("length.out")
    number = _literal_number(node)
    if number is not None:  # R truncates: seq_len(2.5) is 1 2
        return py.call(np(emitter, "arange"), py.integer(1), py.integer(int(number) + 1))
    length_out = whole(emitter, node)
    return py.call(np(emitter, "arange"), py.integer(1), plus_one(length_out))


@special("seq_along", params="along.with", kind=Kind.INT_VECTOR)
def seq_along(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    length = py.call("len", expr(emitter, bound, "along.with"))
    return py.call(np(emitter, "arange"), py.integer(1), py.binop(length, "+", py.integer(1)))


@special("rep", params="x times each length.out", kind=lambda e, b: _rep_kind(e, b))
def rep(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("x")
    if bound.extra:
        emitter.fail("RK103", "rep() argument not translated", bound.node)
    kind = emitter.kind(x)
    value = element(emitter, x) if kind in SCALARS else emitter.expr(x)
    times_node = bound.get("times")
    if bound.has("length.out"):
        times_node = None  # R ignores `times` when `length.out` is given
    counts = times_node is not None and emitter.kind(times_node) in VECTORS
    if counts and bound.has("each"):
        emitter.fail("RK103", "rep() with `each` and a vector of `times`", bound.node)
    times = whole(emitter, times_node) if times_node is not None else None
    if kind in (Kind.STR, Kind.CHR_VECTOR):
        listed = py.list_([value]) if kind is Kind.STR else value
        if bound.has("each"):
            listed = cst.ListComp(
                py.name("item"),
                cst.CompFor(
                    py.name("item"),
                    listed,
                    inner_for_in=cst.CompFor(
                        py.name("_"), py.call("range", whole(emitter, bound.get("each")))
                    ),
                ),
            )
        if counts:
            item, count = emitter.fresh("item"), emitter.fresh("count")
            target = cst.Tuple(
                [cst.Element(py.name(item)), cst.Element(py.name(count))], lpar=[], rpar=[]
            )
            listed = cst.ListComp(
                py.name(item),
                cst.CompFor(
                    target,
                    py.call("zip", listed, emitter.expr(times_node)),
                    inner_for_in=cst.CompFor(
                        py.name("_"), py.call("range", py.call("int", py.name(count)))
                    ),
                ),
            )
        elif times is not None:
            listed = py.binop(listed, "*", times)
        if bound.has("length.out"):
            size = whole(emitter, bound.get("length.out"))
            return py.subscript(py.binop(listed, "*", size), py.slice_(upper=size))
        if not bound.has("each") and times is None:
            return py.binop(listed, "*", py.integer(1))
        return listed
    if bound.has("each"):
        value = py.call(np(emitter, "repeat"), value, whole(emitter, bound.get("each")))
    if counts:  # a count for each element
        integers = emitter.expr(times_node)
        if emitter.kind(times_node) not in (Kind.INT_VECTOR, Kind.RANGE):
            integers = py.call(py.attr(integers, "astype"), py.name("int"))
        value = py.call(np(emitter, "repeat"), value, integers)
    elif times is not None:
        value = py.call(np(emitter, "tile"), value, times)
    if bound.has("length.out"):
        value = py.call(np(emitter, "resize"), value, whole(emitter, bound.get("length.out")))
    return value


def _rep_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    kind = emitter.kind(bound.get("x"))
    if kind is Kind.STR:
        return Kind.CHR_VECTOR
    if kind is Kind.INT:
        return Kind.INT_VECTOR
    if kind in (Kind.FLOAT, Kind.BOOL):
        return Kind.NUM_VECTOR if kind is Kind.FLOAT else Kind.LGL_VECTOR
    return kind if kind in VECTORS else Kind.UNKNOWN


def _repeated(emitter: Emitter, bound: BoundCall, item: cst.BaseExpression) -> cst.BaseExpression:
    """`[item] * length`, a Python list of R's length; `[]` when that is 0."""
    length = bound.get("length")
    if length is None or (isinstance(length, n.Num) and length.value == 0):
        return py.list_([])
    return py.binop(py.list_([item]), "*", emitter.expr(length))


def _zeros(dtype: str | None, kind: Kind):
    def emit(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
        if dtype == "str":
            return _repeated(emitter, bound, py.string(""))
        length = expr(emitter, bound, "length", py.integer(0))
        if dtype is None:
            return py.call(np(emitter, "zeros"), length)
        return py.call(np(emitter, "zeros"), length, dtype=py.name(dtype))

    return emit


TABLE.add("numeric", params="length", emit=_zeros(None, Kind.NUM_VECTOR), kind=Kind.NUM_VECTOR)
TABLE.add("double", params="length", emit=_zeros(None, Kind.NUM_VECTOR), kind=Kind.NUM_VECTOR)
TABLE.add("integer", params="length", emit=_zeros("int", Kind.INT_VECTOR), kind=Kind.INT_VECTOR)
TABLE.add("logical", params="length", emit=_zeros("bool", Kind.LGL_VECTOR), kind=Kind.LGL_VECTOR)
TABLE.add("character", params="length", emit=_zeros("str", Kind.CHR_VECTOR), kind=Kind.CHR_VECTOR)


_VECTOR_MODES = {
    "list": Kind.LIST,
    "character": Kind.CHR_VECTOR,
    "numeric": Kind.NUM_VECTOR,
    "double": Kind.NUM_VECTOR,
    "integer": Kind.INT_VECTOR,
    "logical": Kind.LGL_VECTOR,
}


def _vector_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    mode = bound.get("mode")
    if mode is None:
        return Kind.LGL_VECTOR
    return _VECTOR_MODES.get(mode.value, Kind.UNKNOWN) if isinstance(mode, n.Str) else Kind.UNKNOWN


@special("vector", params="mode length", kind=_vector_kind)
def vector(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    mode = bound.get("mode")
    length = expr(emitter, bound, "length", py.integer(0))
    name = "logical" if mode is None else getattr(mode, "value", None)
    if not isinstance(mode, (n.Str, type(None))) or name not in _VECTOR_MODES:
        emitter.fail(
            "RK103",
            'vector(mode =) is translated for "list", "character", '
            '"numeric", "double", "integer" and "logical"',
            bound.node,
        )
    if name == "list":
        return _repeated(emitter, bound, py.name("None"))
    if name == "character":
        return _repeated(emitter, bound, py.string(""))
    if name in ("integer", "logical"):
        dtype = "int" if name == "integer" else "bool"
        return py.call(np(emitter, "zeros"), length, dtype=py.name(dtype))
    return py.call(np(emitter, "zeros"), length)


@special("length", params="x", kind=Kind.INT)
def length(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("x")
    if isinstance(x, n.Const) and x.name == "NULL":
        return py.integer(0)
    if emitter.kind(x) is Kind.ARRAY:
        return py.attr(emitter.expr(x), "size")
    if emitter.kind(x) in SCALARS:  # a string or a number is a vector of length 1
        return py.integer(1)
    if emitter.kind(x) is Kind.UNKNOWN:  # np.size: 1 for a number, the count for a vector
        return py.call(np(emitter, "size"), emitter.expr(x))
    return py.call("len", emitter.expr(x))


@special("list", params="...", kind=lambda e, b: _list_kind(b, e))
def list_(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    args = bound.extra
    if len(args) == 1 and _is_dots(args[0].value):  # list(...) inside a function
        carried = emitter.variable_kind("...")
        if carried is Kind.NAMED_LIST:  # every call names what it passes
            return py.call("dict", py.name("kwargs"))
        if carried is Kind.UNKNOWN and emitter.seeded.get(id(emitter.scope.node)):
            emitter.fail(
                "RK102", "list(...) of named and unnamed arguments is not translated", bound.node
            )
        return py.call("list", py.name("args"))
    if args and all(arg.name for arg in args):
        return py.dict_([(py.string(arg.name), emitter.expr(arg.value)) for arg in args])
    if any(arg.name for arg in args):
        emitter.fail("RK102", "a list with some named and some unnamed elements", bound.node)
    return py.list_([emitter.expr(arg.value) for arg in args])


def _list_kind(bound: BoundCall, emitter: Emitter | None = None) -> Kind:
    extra = bound.extra
    if emitter is not None and len(extra) == 1 and _is_dots(extra[0].value):
        return Kind.NAMED_LIST if emitter.variable_kind("...") is Kind.NAMED_LIST else Kind.LIST
    return Kind.NAMED_LIST if extra and all(a.name for a in extra) else Kind.LIST


def _named(emitter: Emitter, node: n.Node | None) -> bool:
    """Whether `node` is a named vector or list: a dict here."""
    return node is not None and emitter.kind(node) is Kind.NAMED_LIST


def _values(emitter: Emitter, node: n.Node) -> cst.BaseExpression:
    """`node` translated; a named vector as the list of its values (`list(x.values())`)."""
    value = emitter.expr(node)
    if _named(emitter, node):
        return py.call("list", py.call(py.attr(value, "values")))
    return value


def _items_comprehension(
    emitter: Emitter, node: n.Node, make, keep=None, *, position: bool = False
) -> cst.DictComp:
    """`{key: make(value) for key, value in x.items() if keep(value)}` over a named
    vector (`position`: `enumerate(x.items(), 1)`, and `make`/`keep` get the position too)."""
    from .extra import loop_name

    items = py.call(py.attr(emitter.expr(node), "items"))
    key, value = loop_name(emitter, "key"), loop_name(emitter, "value")
    pair = cst.Tuple([cst.Element(py.name(key)), cst.Element(py.name(value))])
    if position:
        where = loop_name(emitter, "position")
        target = cst.Tuple([cst.Element(py.name(where)), cst.Element(pair)], lpar=[], rpar=[])
        items = py.call("enumerate", items, py.integer(1))
        result = make(py.name(where), py.name(value))
        test = keep(py.name(where), py.name(value)) if keep else None
    else:
        target = pair.with_changes(lpar=[], rpar=[])
        result = make(py.name(value))
        test = keep(py.name(value)) if keep else None
    ifs = [cst.CompIf(test)] if test is not None else []
    return cst.DictComp(py.name(key), result, cst.CompFor(target, items, ifs=ifs))


def _extreme_call(emitter: Emitter, node: n.Node | None) -> BoundCall | None:
    """`which.max(x)` / `which.min(x)` of base R with a named vector `x`, bound."""
    if not isinstance(node, n.Call):
        return None
    entry = resolve(emitter, node)
    if entry is None or entry.package != "base" or entry.name not in ("which.max", "which.min"):
        return None
    bound = bind(node, entry)
    return bound if _named(emitter, bound.get("x")) else None


def _names_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    return Kind.STR if _extreme_call(emitter, bound.get("x")) else Kind.CHR_VECTOR


@special("names", params="x", kind=_names_kind)
def names(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    extreme = _extreme_call(emitter, bound.get("x"))
    if extreme is not None:  # names(which.max(x)): the key of the largest value
        function = "max" if extreme.entry.name == "which.max" else "min"
        x = extreme.get("x")
        value = emitter.expr(x)
        if isinstance(x, n.Name):
            return py.call(function, value, key=py.attr(value, "get"))
        pairs = py.call(py.attr(value, "items"))
        by_value = py.lambda_(["item"], py.subscript(py.name("item"), py.integer(1)))
        largest = py.call(function, pairs, key=by_value)
        return py.subscript(largest, py.integer(0))
    return py.call("list", expr(emitter, bound, "x"))


@special("names<-", params="x value", kind=Kind.NAMED_LIST)
def names_replace(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x, value = expr(emitter, bound, "x"), expr(emitter, bound, "value")
    values = x
    if emitter.kind(bound.get("x")) is Kind.NAMED_LIST:
        values = py.call(py.attr(x, "values"))
    return py.call("dict", py.call("zip", value, values))


@special("setNames", params="object nm", kind=Kind.NAMED_LIST)
def set_names(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    return py.call(
        "dict", py.call("zip", expr(emitter, bound, "nm"), expr(emitter, bound, "object"))
    )


def _named_vectors(emitter: Emitter, node: n.Node) -> bool | None:
    """Whether a named list written out holds vectors (True), only single values (False);
    None when its elements are not known (a variable, a Python API's dict)."""
    if not (isinstance(node, n.Call) and getattr(node.func, "id", None) == "list"):
        return None
    return any(emitter.kind(arg.value) not in SCALARS for arg in node.args)


def _unlist_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    """A named list of single values unlists to a named vector (a dict here), names kept."""
    x = bound.get("x")
    named = emitter.kind(x) is Kind.NAMED_LIST and not _named_vectors(emitter, x)
    return Kind.NAMED_LIST if named else Kind.NUM_VECTOR


@special("unlist", params="x", kind=_unlist_kind)
def unlist(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = expr(emitter, bound, "x")
    if emitter.kind(bound.get("x")) is Kind.NAMED_LIST:
        vectors = _named_vectors(emitter, bound.get("x"))
        if vectors:  # R names the pieces `a1`, `a2`, ...: the values are joined, unnamed
            emitter.report(
                "RK201", "unlist() of vectors: values joined, names dropped", bound.get("x")
            )
            return py.call(np(emitter, "hstack"), py.call("list", py.call(py.attr(x, "values"))))
        if vectors is None:
            emitter.report(
                "RK201",
                "unlist() of a named list: its elements are taken to be single values "
                "(R would name the pieces of a vector a1, a2, ...)",
                bound.get("x"),
            )
        return x if vectors is False else py.call("dict", x)
    if _holds_arrays(emitter, bound.get("x")):
        # a list of arrays (a model's weights): each read column by column, then joined
        item = py.name("array")
        flat = py.call(np(emitter, "ravel"), item, order=py.string("F"))
        return py.call(np(emitter, "concatenate"), comprehension(flat, "array", x))
    if emitter.kind(bound.get("x")) is Kind.PYOBJ:
        # a Python tuple such as a shape: R's unlist() drops its NULL (None) elements
        item = py.name("dim")
        kept = cst.ListComp(
            item,
            cst.CompFor(item, x, ifs=[cst.CompIf(py.compare(item, "is not", py.name("None")))]),
        )
        return py.call(np(emitter, "hstack"), kept)
    return py.call(np(emitter, "hstack"), x)


def _holds_arrays(emitter: Emitter, node: n.Node | None) -> bool:
    """Whether `node` is a list of arrays (`get_weights(model)`, `model$weights`)."""
    if node is None:
        return False
    if isinstance(node, n.Call):
        entry = resolve(emitter, node)
        if entry is not None and entry.item_kind in (Kind.ARRAY, Kind.TENSOR):
            return True
    return item_kind(emitter, node) in (Kind.ARRAY, Kind.TENSOR)


@special("rev", params="x", kind=same_kind("x"))
def rev(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    if _named(emitter, bound.get("x")):  # a named vector keeps its names, reversed
        items = py.call(py.attr(expr(emitter, bound, "x"), "items"))
        return py.call("dict", py.call("reversed", items))
    return py.subscript(expr(emitter, bound, "x"), py.slice_(step=py.integer(-1)))


def _base_call(emitter: Emitter, node: n.Node | None, name: str) -> bool:
    """Whether `node` calls base R's `name` (not a function of the R code)."""
    if not isinstance(node, n.Call):
        return False
    entry = resolve(emitter, node)
    return entry is not None and entry.package == "base" and entry.name == name


def _is_na_literal(node: n.Node | None) -> bool:
    return isinstance(node, n.Const) and node.name in ("NA", "NA_real_", "NA_integer_", "NaN")


@special("sort", params="x decreasing", kind=same_kind("x"))
def sort(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("x")
    reverse = {"reverse": py.name("True")} if is_true(bound.get("decreasing")) else {}
    if emitter.kind(x) is Kind.CHR_VECTOR:
        return py.call("sorted", emitter.expr(x), **reverse)
    if _named(emitter, x):  # by value, names kept; a stable sort, as R's
        by_value = py.lambda_(["item"], py.subscript(py.name("item"), py.integer(1)))
        items = py.call(py.attr(emitter.expr(x), "items"))
        return py.call("dict", py.call("sorted", items, key=by_value, **reverse))
    if _base_call(emitter, x, "c") and any(_is_na_literal(arg.value) for arg in x.args):
        # R drops NA: leave it out of the vector written here
        kept = n.Call(x.func, [arg for arg in x.args if not _is_na_literal(arg.value)])
        kept.line, kept.column = x.line, x.column
        value = emitter.expr(kept)
    elif isinstance(x, n.Name) and emitter.kind(x) in (Kind.NUM_VECTOR, Kind.INT_VECTOR):
        # R drops NA (NaN here) before sorting; np.sort would put it last
        value = emitter.expr(x)
        value = py.subscript(value, py.unary("~", py.call(np(emitter, "isnan"), value)))
    else:
        value = emitter.expr(x)
    result = py.call(np(emitter, "sort"), value)
    if is_true(bound.get("decreasing")):
        return py.subscript(result, py.slice_(step=py.integer(-1)))
    return result


@special("order", params="... decreasing", kind=Kind.INT_VECTOR)
def order(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    (first,) = bound.extra[:1] or [None]
    if first is None or len(bound.extra) > 1:
        emitter.fail("RK103", "order() is translated for one vector", bound.node)
    value = emitter.expr(first.value)
    decreasing = bound.get("decreasing")
    if decreasing is not None and not is_true(decreasing) and not is_false(decreasing):
        emitter.fail("RK103", "order(decreasing =) must be TRUE or FALSE", bound.node)
    if is_true(decreasing) and emitter.kind(first.value) not in NUMERIC_VECTORS:
        # strings (or anything not known to be numbers): a stable sort on the values,
        # largest first; ties keep their order, as in R
        positions = py.call(
            "sorted",
            py.call("range", py.call("len", value)),
            key=py.attr(value, "__getitem__"),
            reverse=py.name("True"),
        )
        return py.binop(py.call(np(emitter, "array"), positions), "+", py.integer(1))
    if is_true(decreasing):
        value = py.unary("-", value)
    argsort = py.call(np(emitter, "argsort"), value, kind=py.string("stable"))
    return py.binop(argsort, "+", py.integer(1))


@special("unique", params="x", kind=same_kind("x"))
def unique(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("x")
    if isinstance(x, n.Name) and emitter.kind(x) in (Kind.NUM_VECTOR, Kind.INT_VECTOR):
        # np.unique merges the NaNs as R merges NAs (NaN != NaN defeats dict.fromkeys);
        # its first positions, sorted, keep R's order of first occurrences
        value = emitter.expr(x)
        first = py.subscript(
            py.call(np(emitter, "unique"), value, return_index=py.name("True")), py.integer(1)
        )
        return py.subscript(value, py.call(np(emitter, "sort"), first))
    value = emitter.expr(x)
    if _base_call(emitter, x, "c") and sum(_is_na_literal(arg.value) for arg in x.args) > 1:
        # NaN != NaN: write the vector with its first NA only
        first_na = next(i for i, arg in enumerate(x.args) if _is_na_literal(arg.value))
        args = [a for i, a in enumerate(x.args) if i <= first_na or not _is_na_literal(a.value)]
        fewer = n.Call(x.func, args)
        fewer.line, fewer.column = x.line, x.column
        value = emitter.expr(fewer)
    kept = py.call("list", py.call(py.attr(py.name("dict"), "fromkeys"), value))
    if emitter.kind(x) in NUMERIC_VECTORS:
        return py.call(np(emitter, "array"), kept)
    return kept


@special("ifelse", params="test yes no", kind=lambda e, b: _ifelse_kind(e, b))
def ifelse(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    test = bound.get("test")
    yes, no = element(emitter, bound.get("yes")), element(emitter, bound.get("no"))
    if emitter.kind(test) in SCALARS:
        return py.ternary(emitter.expr(test), yes, no)
    return py.call(np(emitter, "where"), emitter.expr(test), yes, no)


def _ifelse_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    value = join(emitter.kind(bound.get("yes")), emitter.kind(bound.get("no")))
    if emitter.kind(bound.get("test")) in SCALARS:
        return value
    return vector_of(value) if value in SCALARS else Kind.UNKNOWN


@special(
    "which",
    params="x",
    kind=lambda e, b: Kind.NAMED_LIST if _named(e, b.get("x")) else Kind.INT_VECTOR,
)
def which(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("x")
    if _named(emitter, x):  # the positions of the TRUE values, named as they were
        return _items_comprehension(
            emitter, x, lambda where, value: where, lambda where, value: value, position=True
        )
    return py.binop(py.call(np(emitter, "flatnonzero"), emitter.expr(x)), "+", py.integer(1))


def _arg_extreme(function: str):
    def emit(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
        values = _values(emitter, bound.get("x"))  # a named vector: its position, not name
        return py.binop(py.call(np(emitter, function), values), "+", py.integer(1))

    return emit


TABLE.add("which.max", params="x", emit=_arg_extreme("argmax"), kind=Kind.INT)
TABLE.add("which.min", params="x", emit=_arg_extreme("argmin"), kind=Kind.INT)


# ---- summaries and elementwise maths ---------------------------------------------------

_NAN_VARIANTS = {
    "sum": "nansum",
    "mean": "nanmean",
    "max": "nanmax",
    "min": "nanmin",
    "prod": "nanprod",
}


def _summary(function: str, builtin: str | None, result: Kind):
    def emit(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
        values = bound.extra
        na_rm = flag(emitter, bound, "na.rm")
        name = _NAN_VARIANTS.get(function, function) if na_rm else function
        if not values and function in ("sum", "prod"):  # R: sum() is 0, prod() is 1
            return py.integer(0 if function == "sum" else 1)
        if builtin and all(emitter.kind(v.value) is Kind.CHR_VECTOR for v in values):
            # the largest / smallest string
            if len(values) == 1:
                return py.call(builtin, emitter.expr(values[0].value))
            chained = py.call(
                emitter.imports.path("itertools.chain"),
                *[emitter.expr(v.value) for v in values],
            )
            return py.call(builtin, chained)
        if len(values) == 1 and _named(emitter, values[0].value):
            if function == "sum" and not na_rm:  # a named vector: the sum of its values
                return py.call("sum", py.call(py.attr(emitter.expr(values[0].value), "values")))
            return py.call(np(emitter, name), _values(emitter, values[0].value))
        if len(values) == 1:
            return py.call(np(emitter, name), emitter.expr(values[0].value))
        if builtin and all(emitter.kind(v.value) in NUMERIC_SCALARS for v in values) and not na_rm:
            return py.call(builtin, *[emitter.expr(v.value) for v in values])
        stacked = py.call(
            np(emitter, "hstack"), py.list_([_values(emitter, v.value) for v in values])
        )
        return py.call(np(emitter, name), stacked)

    return emit


def _summary_kind(scalar: Kind | None):
    def rule(emitter: Emitter, bound: BoundCall) -> Kind:
        if scalar is not None:
            return scalar
        kinds = [emitter.kind(v.value) for v in bound.extra]
        element_kinds = {k if k in SCALARS else element_of(k) for k in kinds}
        return Kind.INT if element_kinds <= {Kind.INT, Kind.BOOL} else Kind.FLOAT

    return rule


for _name, _builtin, _kind in [
    ("sum", None, None),
    ("prod", None, None),
    ("max", "max", None),
    ("min", "min", None),
]:
    TABLE.add(
        _name, params="... na.rm", emit=_summary(_name, _builtin, _kind), kind=_summary_kind(_kind)
    )


@special("mean", params="x trim na.rm ...", kind=Kind.FLOAT)
def mean(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    na_rm = flag(emitter, bound, "na.rm")
    name = "nanmean" if na_rm else "mean"
    x = _values(emitter, bound.get("x"))
    trim = bound.get("trim")
    if trim is None or _literal_number(trim) == 0:
        return py.call(np(emitter, name), x)
    share = _literal_number(trim)
    if share is None or na_rm:
        emitter.fail("RK103", "mean(trim =) is translated for a literal trim, without na.rm", trim)
    if share >= 0.5:
        return py.call(np(emitter, "median"), x)
    if not _repeatable(bound.get("x")):
        emitter.fail("RK103", "mean(trim =) is translated for a variable", trim)
    # R drops floor(n * trim) values from each end of the sorted values
    size = py.call("len", x)
    drop = py.call("int", py.binop(size, "*", py.number(share)))
    kept = py.subscript(
        py.call(np(emitter, "sort"), x),
        py.slice_(drop, py.binop(size, "-", drop)),
    )
    return py.call(np(emitter, "mean"), kept)


def _repeatable(node: n.Node | None) -> bool:
    """Whether `node` can be written twice in Python: a name, a literal, c() of those."""
    if isinstance(node, (n.Name, n.Num, n.Str, n.Const)):
        return True
    if isinstance(node, n.Unary):
        return _repeatable(node.operand)
    if isinstance(node, n.Call) and getattr(node.func, "id", "") == "c":
        return all(arg.value is not None and _repeatable(arg.value) for arg in node.args)
    return False


@special("range", params="... na.rm", kind=Kind.NUM_VECTOR)
def range_(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    values = [_values(emitter, v.value) for v in bound.extra]
    data = values[0] if len(values) == 1 else py.call(np(emitter, "hstack"), py.list_(values))
    prefix = "nan" if is_true(bound.get("na.rm")) else ""
    pair = [py.call(np(emitter, prefix + "min"), data), py.call(np(emitter, prefix + "max"), data)]
    return py.call(np(emitter, "array"), py.list_(pair))


for _r_name, _np_name in [
    ("abs", "abs"),
    ("sqrt", "sqrt"),
    ("exp", "exp"),
    ("floor", "floor"),
    ("ceiling", "ceil"),
    ("trunc", "trunc"),
    ("sign", "sign"),
    ("cos", "cos"),
    ("sin", "sin"),
    ("tan", "tan"),
    ("tanh", "tanh"),
    ("log2", "log2"),
    ("log10", "log10"),
    ("log1p", "log1p"),
    ("cumsum", "cumsum"),
    ("cumprod", "cumprod"),
    ("cummax", "maximum.accumulate"),
    ("is.nan", "isnan"),
]:
    TABLE.add(_r_name, f"numpy.{_np_name}", params="x", kind=scalar_of("x"))


@special("diff", params="x lag differences", kind=scalar_of("x"))
def diff(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    if bound.extra:
        emitter.fail("RK103", "diff() argument not translated", bound.node)
    x = expr(emitter, bound, "x")
    lag = literal_int(bound.get("lag")) if bound.has("lag") else 1
    times = bound.get("differences")
    if lag is None or lag < 1:
        emitter.fail("RK103", "diff(lag =) is translated for a literal positive lag", bound.node)
    if lag == 1:
        if times is None:
            return py.call(np(emitter, "diff"), x)
        return py.call(np(emitter, "diff"), x, n=emitter.expr(times))
    if times is not None and literal_int(times) != 1:
        emitter.fail("RK103", "diff() with both lag and differences", bound.node)
    if not _repeatable(bound.get("x")):
        emitter.fail("RK103", "diff(lag =) is translated for a variable", bound.node)
    later = py.subscript(x, py.slice_(py.integer(lag)))
    earlier = py.subscript(x, py.slice_(upper=py.integer(-lag)))
    return py.binop(later, "-", earlier)


@special("log", params="x base", kind=scalar_of("x"))
def log(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    value = py.call(np(emitter, "log"), expr(emitter, bound, "x"))
    if bound.has("base"):
        return py.binop(value, "/", py.call(np(emitter, "log"), expr(emitter, bound, "base")))
    return value


@special("round", params="x digits", kind=lambda e, b: _round_kind(e, b))
def round_(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """R rounds the decimal value a double stands for (`round(2.675, 2)` is 2.67, as
    2.675 is 2.67499...): Python's `round()` of a float does too, numpy's does not."""
    x = bound.get("x")
    digits = expr(emitter, bound, "digits")
    if _named(emitter, x):  # each value, names kept
        return _items_comprehension(
            emitter,
            x,
            lambda value: (
                py.call("round", value, digits)
                if digits is not None
                else py.call(np(emitter, "round"), value)
            ),
        )
    if digits is None:  # to a whole number: numpy's too rounds half to even, as R
        return py.call(np(emitter, "round"), emitter.expr(x))
    if emitter.kind(x) in NUMERIC_SCALARS:
        return py.call("round", emitter.expr(x), digits)
    return py.call(np(emitter, "round"), emitter.expr(x), digits)


def _round_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    return Kind.NAMED_LIST if _named(emitter, bound.get("x")) else scalar_of("x")(emitter, bound)


@special("signif", params="x digits", kind=scalar_of("x"))
def signif(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    digits = expr(emitter, bound, "digits", py.integer(6))
    x = bound.get("x")
    if emitter.kind(x) in SCALARS:
        fmt = py.call("format", emitter.expr(x), py.binop(py.string(".%dg"), "%", digits))
        return py.call("float", fmt)
    rounded = py.call(
        "float", py.call("format", py.name("value"), py.binop(py.string(".%dg"), "%", digits))
    )
    source = emitter.expr(x)
    if emitter.kind(x) not in VECTORS and emitter.kind(x) is not Kind.ARRAY:
        source = py.call(np(emitter, "ravel"), source)  # a Python number or array alike
    values = comprehension(rounded, "value", source)
    if emitter.kind(x) is Kind.ARRAY:
        shape = py.attr(emitter.expr(x), "shape")
        flat = py.call(py.attr(emitter.expr(x), "ravel"))
        values = comprehension(rounded, "value", flat)
        return py.call(np(emitter, "reshape"), py.call(np(emitter, "array"), values), shape)
    return py.call(np(emitter, "array"), values)


@special("any", "all", params="... na.rm", kind=Kind.BOOL)
def any_all(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    function = bound.entry.name
    values = [_values(emitter, v.value) for v in bound.extra]
    if len(values) == 1:
        return py.call(np(emitter, function), values[0])
    return py.call(np(emitter, function), py.call(np(emitter, "hstack"), py.list_(values)))


@special("is.null", params="x", kind=Kind.BOOL)
def is_null(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("x")
    if isinstance(x, n.Const) and x.name == "NULL":
        return py.name("True")
    if isinstance(x, n.Extract) and x.op == "$" and emitter.kind(x.obj) is Kind.NAMED_LIST:
        # an absent element of a named list is NULL: `.get` instead of a KeyError
        lookup = py.call(py.attr(emitter.expr(x.obj), "get"), py.string(x.name))
        return py.compare(lookup, "is", py.name("None"))
    return py.compare(emitter.expr(x), "is", py.name("None"))


@special("is.na", params="x", kind=scalar_of("x", Kind.BOOL))
def is_na(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("x")
    kind = emitter.kind(x)
    # text has no NaN: a missing string is None here (as match() gives for no match)
    if isinstance(x, n.Str):
        return py.name("False")
    if kind is Kind.STR:
        return py.compare(emitter.expr(x), "is", py.name("None"))
    if kind is Kind.CHR_VECTOR:
        from .extra import loop_name

        texts = emitter.expr(x)
        item = loop_name(emitter, "text")
        test = py.compare(py.name(item), "is", py.name("None"))
        return py.call(
            np(emitter, "array"), comprehension(test, item, texts), dtype=py.name("bool")
        )
    return py.call(np(emitter, "isnan"), emitter.expr(x))


def _literal_type(node: n.Node | None) -> str | None:
    """R's type of a literal scalar (`1` double, `1L` integer, `TRUE` logical, text)."""
    if isinstance(node, n.Unary) and node.op in ("-", "+"):
        node = node.operand
        if not isinstance(node, n.Num):
            return None
    if isinstance(node, n.Num) and not node.is_complex:
        return "integer" if node.is_integer else "double"
    if isinstance(node, n.Const) and node.name in ("TRUE", "FALSE"):
        return "logical"
    if isinstance(node, n.Str):
        return "character"
    return None


@special("identical", params="x y", kind=Kind.BOOL)
def identical(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x, y = bound.get("x"), bound.get("y")
    types = {_literal_type(x), _literal_type(y)}
    if None not in types and len(types) == 2:  # identical(1L, 1): R's types differ
        return py.name("False")
    if emitter.kind(x) in SCALARS and emitter.kind(y) in SCALARS:
        return py.compare(emitter.expr(x), "==", emitter.expr(y))
    return py.call(np(emitter, "array_equal"), emitter.expr(x), emitter.expr(y))


@special("max.col", params="m ties.method", kind=Kind.INT_VECTOR)
def max_col(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    argmax = py.call(np(emitter, "argmax"), expr(emitter, bound, "m"), axis=py.integer(1))
    return py.binop(argmax, "+", py.integer(1))


# ---- conversions -----------------------------------------------------------------------


@special("as.numeric", "as.double", params="x", kind=lambda e, b: _as_kind(e, b, Kind.FLOAT))
def as_numeric(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("x")
    kind = emitter.kind(x)
    if kind in SCALARS:
        return py.call("float", emitter.expr(x))
    if kind is Kind.ARRAY:  # R reads a matrix column by column
        return py.call(py.attr(emitter.expr(x), "flatten"), order=py.string("F"))
    values = py.call(np(emitter, "asarray"), emitter.expr(x), dtype=py.name("float"))
    if kind in VECTORS or kind is Kind.LIST:
        return values
    # R's as.numeric() always gives a vector, read column by column (tensors too)
    return py.call(py.attr(values, "ravel"), order=py.string("F"))


@special("as.integer", params="x", kind=lambda e, b: _as_kind(e, b, Kind.INT))
def as_integer(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("x")
    kind = emitter.kind(x)
    if kind is Kind.STR and not (isinstance(x, n.Str) and _is_int_text(x.value)):
        # R reads "7.9" as a number, then truncates it
        return py.call("int", py.call("float", emitter.expr(x)))
    in_method = emitter.scope.parent is not None and emitter.scope.parent.is_class
    if kind in SCALARS or (in_method and kind in (Kind.UNKNOWN, Kind.PYOBJ)):
        # a class's settings (`units`, `state_size`) are numbers: Keras wants Python ints
        return py.call("int", emitter.expr(x))
    if kind in NUMERIC_VECTORS or kind is Kind.ARRAY:
        converted = py.call(np(emitter, "asarray"), emitter.expr(x))
    else:  # strings too: through float, as R does
        converted = py.call(np(emitter, "asarray"), emitter.expr(x), dtype=py.name("float"))
    return py.call(py.attr(converted, "astype"), py.name("int"))


@special("as.character", params="x", kind=lambda e, b: _as_kind(e, b, Kind.STR))
def as_character(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """R writes numbers with up to 15 significant digits (`1`, not `1.0`)."""
    x = bound.get("x")
    kind = emitter.kind(x)
    if kind in (Kind.FLOAT, Kind.NUM_VECTOR):
        if kind is Kind.FLOAT:
            return py.call("format", emitter.expr(x), py.string(".15g"))
        return comprehension(
            py.call("format", py.name("value"), py.string(".15g")), "value", emitter.expr(x)
        )
    if kind in (Kind.BOOL, Kind.LGL_VECTOR):
        word = py.ternary(py.name("value"), py.string("TRUE"), py.string("FALSE"))
        if kind is Kind.BOOL:
            return py.ternary(emitter.expr(x), py.string("TRUE"), py.string("FALSE"))
        return comprehension(word, "value", emitter.expr(x))
    if kind in SCALARS:
        return py.call("str", emitter.expr(x))
    return comprehension(py.call("str", py.name("value")), "value", emitter.expr(x))


@special("as.logical", params="x", kind=lambda e, b: _as_kind(e, b, Kind.BOOL))
def as_logical(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("x")
    kind = emitter.kind(x)
    if isinstance(x, n.Str):
        if x.value in _TRUE_WORDS or x.value in _FALSE_WORDS:
            return py.name("True" if x.value in _TRUE_WORDS else "False")
        emitter.fail("RK104", f"as.logical({x.value!r}) is NA in R", bound.node)
    if kind in (Kind.STR, Kind.CHR_VECTOR):
        # R's words for TRUE; other strings are FALSE here (NA in R)
        words = py.list_([py.string(word) for word in _TRUE_WORDS], tuple_=True)
        if kind is Kind.STR:
            return py.compare(emitter.expr(x), "in", words)
        tests = comprehension(py.compare(py.name("text"), "in", words), "text", emitter.expr(x))
        return py.call(np(emitter, "array"), tests)
    if kind in SCALARS:
        return py.call("bool", emitter.expr(x))
    values = py.call(np(emitter, "asarray"), emitter.expr(x), dtype=py.name("bool"))
    if kind in VECTORS or kind is Kind.LIST:
        return values
    # an array or a Python value: R's as.logical() gives a vector, read column by column
    return py.call(py.attr(values, "ravel"), order=py.string("F"))


def _is_int_text(text: str) -> bool:
    try:
        int(text)
    except ValueError:
        return False
    return True


_TRUE_WORDS = ("TRUE", "true", "True", "T")
_FALSE_WORDS = ("FALSE", "false", "False", "F")


def _as_kind(emitter: Emitter, bound: BoundCall, scalar: Kind) -> Kind:
    return scalar if emitter.kind(bound.get("x")) in SCALARS else vector_of(scalar)


@special("invisible", params="x", visible=False, kind=same_kind("x"))
def invisible(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    return expr(emitter, bound, "x", py.name("None"))


@statement("invisible", params="x")
def invisible_statement(emitter: Emitter, bound: BoundCall, mode: Mode):
    value = expr(emitter, bound, "x", py.name("None"))
    if mode.action == "print":
        return [py.expr_statement(value)] if not isinstance(value, cst.Name) else []
    return emitter.finish(value, mode)


# ---- strings ---------------------------------------------------------------------------


def _vector_argument(emitter: Emitter, nodes: list[n.Node]) -> int | None:
    vectors = [i for i, node in enumerate(nodes) if emitter.kind(node) in VECTORS]
    return vectors[0] if len(vectors) == 1 else (-1 if vectors else None)


def _format_piece(emitter: Emitter, node: n.Node, value: cst.BaseExpression):
    if isinstance(node, n.Str):
        return node.value.replace("{", "{{").replace("}", "}}"), None
    return None, value


def _fstring(emitter: Emitter, nodes: list[n.Node], values: list, sep: str) -> cst.BaseExpression:
    parts: list[cst.BaseFormattedStringContent] = []
    for position, (node, value) in enumerate(zip(nodes, values, strict=False)):
        if position and sep:
            parts.append(cst.FormattedStringText(sep.replace("{", "{{").replace("}", "}}")))
        text, expression_ = _format_piece(emitter, node, value)
        if text is not None:
            parts.append(
                cst.FormattedStringText(
                    text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                )
            )
        else:
            # R writes doubles with up to 15 significant digits and no ".0"
            spec = None
            if emitter.kind(node) is Kind.FLOAT:
                spec = [cst.FormattedStringText(".15g")]
            parts.append(cst.FormattedStringExpression(expression_, format_spec=spec))
    if all(isinstance(p, cst.FormattedStringText) for p in parts):
        return py.string("".join(p.value for p in parts).encode().decode("unicode_escape"))
    module = cst.Module([])
    inner = "".join(
        module.code_for_node(p.expression)
        for p in parts
        if isinstance(p, cst.FormattedStringExpression)
    )
    if '"' in inner:  # before Python 3.12 an f-string cannot reuse its own quote inside
        parts = [
            p.with_changes(expression=p.expression.visit(_SingleQuotes()))
            if isinstance(p, cst.FormattedStringExpression)
            else p
            for p in parts
        ]
        inner = "".join(
            module.code_for_node(p.expression)
            for p in parts
            if isinstance(p, cst.FormattedStringExpression)
        )
        if '"' in inner:
            emitter.fail(
                "RK102", "this string is too tangled to translate as an f-string", nodes[0]
            )
    return cst.FormattedString(parts, start='f"', end='"')


class _SingleQuotes(cst.CSTTransformer):
    """String literals inside an f-string's braces, rewritten with single quotes."""

    def leave_SimpleString(self, original, updated):
        text = updated.value
        if text.startswith('"') and "'" not in text:
            return updated.with_changes(value="'" + text[1:-1].replace('\\"', '"') + "'")
        return updated


def _paste(sep_default: str):
    def emit(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
        sep_node = bound.get("sep")
        if sep_node is not None and not isinstance(sep_node, n.Str):
            emitter.fail(
                "RK103", "paste(sep =) must be a string literal to be translated", sep_node
            )
        sep = sep_node.value if sep_node is not None else sep_default
        nodes = [arg.value for arg in bound.extra]
        vector_at = _vector_argument(emitter, nodes)
        collapse = bound.get("collapse")
        if isinstance(collapse, n.Const) and collapse.name == "NULL":
            collapse = None
        if vector_at == -1:
            return _paste_vectors(emitter, nodes, sep, collapse)
        if vector_at is None:
            result = _fstring(emitter, nodes, [emitter.expr(node) for node in nodes], sep)
            if collapse is not None:
                return result
            return result
        item = emitter.fresh("item")
        values = [
            emitter.expr(node) if i != vector_at else py.name(item) for i, node in enumerate(nodes)
        ]
        shown = list(nodes)
        shown[vector_at] = n.Name(item)
        emitter.local_names.add(item)
        emitter.push_kinds({item: element_of(emitter.kind(nodes[vector_at]))})
        try:
            body = _fstring(emitter, shown, values, sep)
        finally:
            emitter.pop_kinds()
            emitter.local_names.discard(item)
        if len(nodes) == 1 and collapse is not None:
            joined = py.call(
                py.attr(py.string(collapse.value), "join"), _as_strings(emitter, nodes[0])
            )
            return joined
        listed = comprehension(body, item, emitter.expr(nodes[vector_at]))
        if collapse is not None:
            generator = cst.GeneratorExp(listed.elt, listed.for_in)
            return py.call(py.attr(emitter.expr(collapse), "join"), generator)
        return listed

    return emit


def _paste_vectors(emitter: Emitter, nodes: list[n.Node], sep: str, collapse: n.Node | None):
    """paste() over several vectors: a comprehension over `zip` (R recycles scalars)."""
    names, values, shown, iterables = [], [], [], []
    for node in nodes:
        if emitter.kind(node) in VECTORS:
            name = emitter.fresh("part")
            names.append(name)
            iterables.append(emitter.expr(node))
            values.append(py.name(name))
            shown.append(n.Name(name))
        else:
            values.append(emitter.expr(node))
            shown.append(node)
    body = _fstring(emitter, shown, values, sep)
    target = cst.Tuple([cst.Element(py.name(name)) for name in names], lpar=[], rpar=[])
    listed = cst.ListComp(body, cst.CompFor(target, py.call("zip", *iterables)))
    if collapse is not None:
        return py.call(
            py.attr(emitter.expr(collapse), "join"), cst.GeneratorExp(listed.elt, listed.for_in)
        )
    return listed


def _as_strings(emitter: Emitter, node: n.Node) -> cst.BaseExpression:
    """The elements of a vector as R writes them: doubles with 15 significant digits, so
    2 is "2" (Python's str() writes "2.0")."""
    kind = emitter.kind(node)
    if kind is Kind.CHR_VECTOR:
        return emitter.expr(node)
    value = py.name("value")
    text = (
        py.call("format", value, py.string(".15g"))
        if kind is Kind.NUM_VECTOR
        else py.call("str", value)
    )
    return cst.GeneratorExp(text, cst.CompFor(value, emitter.expr(node)))


def _paste_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    if bound.has("collapse"):
        return Kind.STR
    vector = any(emitter.kind(arg.value) in VECTORS for arg in bound.extra)
    return Kind.CHR_VECTOR if vector else Kind.STR


TABLE.add("paste", params="... sep collapse", emit=_paste(" "), kind=_paste_kind)


@special("toString", params="x ...", kind=Kind.STR)
def to_string(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """`toString(x)` is `paste(x, collapse = ", ")` (R's default method ignores the rest)."""
    node = bound.node
    pasted = n.Call(n.Name("paste"), [n.Arg(bound.get("x")), n.Arg(n.Str(", "), "collapse")])
    pasted.line, pasted.column = node.line, node.column
    return emitter.expr(pasted)


TABLE.add("paste0", params="... collapse", emit=_paste(""), kind=_paste_kind)


@special("sprintf", params="fmt ...", kind=lambda e, b: _sprintf_kind(e, b))
def sprintf(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    fmt = expr(emitter, bound, "fmt")
    nodes = [arg.value for arg in bound.extra]
    vectors = [i for i, node in enumerate(nodes) if emitter.kind(node) in VECTORS]
    names = {i: emitter.fresh("value") for i in vectors}
    values = [
        py.name(names[i]) if i in names else emitter.expr(node) for i, node in enumerate(nodes)
    ]
    if len(values) == 1:
        formatted = py.binop(fmt, "%", values[0])
    else:
        formatted = py.binop(fmt, "%", py.list_(values, tuple_=True))
    if not vectors:
        return formatted
    if len(vectors) == 1:
        return comprehension(formatted, names[vectors[0]], emitter.expr(nodes[vectors[0]]))
    target = cst.Tuple([cst.Element(py.name(names[i])) for i in vectors], lpar=[], rpar=[])
    iterable = py.call("zip", *[emitter.expr(nodes[i]) for i in vectors])
    return cst.ListComp(formatted, cst.CompFor(target, iterable))


def _sprintf_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    vector = any(emitter.kind(arg.value) in VECTORS for arg in bound.extra)
    return Kind.CHR_VECTOR if vector else Kind.STR


def _string_method(method: str, result: Kind = Kind.STR):
    def emit(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
        x = bound.get("x")
        if emitter.kind(x) is Kind.CHR_VECTOR:
            return comprehension(py.call(py.attr(py.name("text"), method)), "text", emitter.expr(x))
        return py.call(py.attr(emitter.expr(x), method))

    return emit


TABLE.add("toupper", params="x", emit=_string_method("upper"), kind=same_kind("x"))
TABLE.add("tolower", params="x", emit=_string_method("lower"), kind=same_kind("x"))


@special("trimws", params="x which", kind=same_kind("x"))
def trimws(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    which = bound.get("which")
    if which is not None and not isinstance(which, n.Str):
        emitter.fail("RK103", "trimws(which =) must be a string literal", bound.node)
    side = which.value if isinstance(which, n.Str) else "both"
    method = {"both": "strip", "left": "lstrip", "right": "rstrip"}.get(side)
    if method is None:
        emitter.fail("RK103", 'trimws(which =) must be "both", "left" or "right"', bound.node)
    return _string_method(method)(emitter, bound)


@special("nchar", params="x", kind=scalar_of("x", Kind.INT))
def nchar(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("x")
    kind = emitter.kind(x)
    if isinstance(x, n.Num) and not x.is_complex:  # R counts the characters of "123"
        return py.integer(len(format(x.value, ".15g")))
    if kind is Kind.CHR_VECTOR:
        lengths = comprehension(py.call("len", py.name("text")), "text", emitter.expr(x))
        return py.call(np(emitter, "array"), lengths)
    if kind in NUMERIC_SCALARS:
        return py.call("len", py.call("format", emitter.expr(x), py.string(".15g")))
    if kind in NUMERIC_VECTORS or kind is Kind.ARRAY:
        text = py.call("format", py.name("value"), py.string(".15g"))
        lengths = comprehension(py.call("len", text), "value", emitter.expr(x))
        return py.call(np(emitter, "array"), lengths)
    return py.call("len", emitter.expr(x))


@special("substr", "substring", params="x start stop", kind=same_kind("x"))
def substr(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    first = literal_int(bound.get("start"))
    if first is not None:  # R reads a start below 1 as 1
        start = None if first <= 1 else py.integer(first - 1)
    else:
        start = py.call("max", minus_one(expr(emitter, bound, "start")), py.integer(0))
    stop = expr(emitter, bound, "stop")
    x = bound.get("x")
    piece = py.slice_(start, stop)
    if emitter.kind(x) is Kind.CHR_VECTOR:
        return comprehension(py.subscript(py.name("text"), piece), "text", emitter.expr(x))
    return py.subscript(emitter.expr(x), piece)


@special("startsWith", "endsWith", params="x prefix", kind=scalar_of("x", Kind.BOOL))
def starts_with(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    method = "startswith" if bound.entry.name == "startsWith" else "endswith"
    x, prefix = bound.get("x"), expr(emitter, bound, "prefix")
    if emitter.kind(x) is Kind.CHR_VECTOR:
        tests = comprehension(
            py.call(py.attr(py.name("text"), method), prefix), "text", emitter.expr(x)
        )
        return py.call(np(emitter, "array"), tests)
    return py.call(py.attr(emitter.expr(x), method), prefix)


_REGEX_SPECIAL = re.compile(r"[\\.^$*+?{}\[\]|()]")

# POSIX classes inside a bracket expression, as Python `re` writes them (ASCII letters)
_POSIX_CLASSES = {
    "space": r"\s",
    "digit": r"\d",
    "alpha": "a-zA-Z",
    "alnum": "a-zA-Z0-9",
    "upper": "A-Z",
    "lower": "a-z",
    "blank": r" \t",
    "xdigit": "0-9A-Fa-f",
    "punct": re.escape("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"),
    "cntrl": r"\x00-\x1f\x7f",
}
_POSIX_CLASS = re.compile(r"\[:(\w+):\]")


def _pattern(emitter: Emitter, bound: BoundCall, fixed: bool) -> cst.BaseExpression:
    """The regular expression of `pattern`, POSIX classes such as `[:space:]` rewritten."""
    pattern = bound.get("pattern") if bound.has("pattern") else bound.get("split")
    if fixed or not isinstance(pattern, n.Str) or "[:" not in pattern.value:
        return emitter.expr(pattern)

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in _POSIX_CLASSES:
            emitter.fail("RK103", f"the POSIX class [:{name}:] is not translated", pattern)
        return _POSIX_CLASSES[name]

    return py.string(_POSIX_CLASS.sub(replace, pattern.value))


def _regex_call(kind: str):
    def emit(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
        pattern = bound.get("pattern")
        fixed = flag(emitter, bound, "fixed")
        ignore_case = flag(emitter, bound, "ignore.case") and not fixed  # R ignores it then
        flag(emitter, bound, "perl")
        if bound.extra:
            emitter.fail("RK103", f"{kind}() argument not translated", bound.node)
        flags = {"flags": py.dotted(emitter.imports.path("re.IGNORECASE"))} if ignore_case else {}
        x = bound.get("x")
        is_vector = emitter.kind(x) is Kind.CHR_VECTOR
        subject = py.name("text") if is_vector else emitter.expr(x)
        if kind == "grepl":
            if fixed:
                result = py.compare(emitter.expr(pattern), "in", subject)
            else:
                search = py.call(
                    emitter.imports.path("re.search"),
                    _pattern(emitter, bound, fixed),
                    subject,
                    **flags,
                )
                result = py.compare(search, "is not", py.name("None"))
        else:
            replacement = bound.get("replacement")
            plain = isinstance(pattern, n.Str) and not _REGEX_SPECIAL.search(pattern.value)
            if fixed or (plain and not ignore_case):
                args = [emitter.expr(pattern), emitter.expr(replacement)]
                if kind == "sub":
                    args.append(py.integer(1))
                result = py.call(py.attr(subject, "replace"), *args)
            else:
                repl = emitter.expr(replacement)
                if isinstance(replacement, n.Str):
                    repl = py.string(re.sub(r"\\(\d)", r"\\\1", replacement.value))
                args = [_pattern(emitter, bound, fixed), repl, subject]
                if kind == "sub":
                    flags = {"count": py.integer(1), **flags}
                result = py.call(emitter.imports.path("re.sub"), *args, **flags)
        if is_vector:
            listed = comprehension(result, "text", emitter.expr(x))
            return py.call(np(emitter, "array"), listed) if kind == "grepl" else listed
        return result

    return emit


TABLE.add(
    "gsub",
    params="pattern replacement x ignore.case perl fixed",
    emit=_regex_call("gsub"),
    kind=same_kind("x"),
)
TABLE.add(
    "sub",
    params="pattern replacement x ignore.case perl fixed",
    emit=_regex_call("sub"),
    kind=same_kind("x"),
)
TABLE.add(
    "grepl",
    params="pattern x ignore.case perl fixed",
    emit=_regex_call("grepl"),
    kind=scalar_of("x", Kind.BOOL),
)


@special("strsplit", params="x split fixed perl", kind=Kind.LIST, item_kind=Kind.CHR_VECTOR)
def strsplit(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x, split = bound.get("x"), bound.get("split")
    fixed = flag(emitter, bound, "fixed")
    flag(emitter, bound, "perl")
    if bound.extra:
        emitter.fail("RK103", "strsplit() argument not translated", bound.node)
    literal = isinstance(split, n.Str) and (fixed or not _REGEX_SPECIAL.search(split.value))
    subject = py.name("text") if emitter.kind(x) is Kind.CHR_VECTOR else emitter.expr(x)
    # R drops the empty piece after a final separator: "a,b," gives "a" "b"
    if isinstance(split, n.Str) and split.value == "":
        pieces = py.call("list", subject)
    elif literal:
        separator = emitter.expr(split)
        if not (isinstance(x, n.Str) and not x.value.endswith(split.value)):
            subject = py.call(py.attr(subject, "removesuffix"), separator)
        pieces = py.call(py.attr(subject, "split"), separator)
    elif fixed:
        emitter.fail("RK103", "strsplit(fixed = TRUE) needs a string literal split", bound.node)
    else:
        if not isinstance(split, n.Str):
            emitter.fail("RK103", "strsplit() needs a string literal pattern", bound.node)
        pattern = _pattern(emitter, bound, False)
        final = "(?:" + pattern.evaluated_value + r")\Z"
        if not (isinstance(x, n.Str) and re.search(final, x.value) is None):
            subject = py.call(
                emitter.imports.path("re.sub"),
                py.string(final),
                py.string(""),
                subject,
                count=py.integer(1),
            )
        pieces = py.call(emitter.imports.path("re.split"), pattern, subject)
    if emitter.kind(x) is Kind.CHR_VECTOR:
        return comprehension(pieces, "text", emitter.expr(x))
    return py.list_([pieces])


@special(
    "format",
    params="x trim digits nsmall justify width na.encode scientific big.mark",
    kind=lambda e, b: Kind.CHR_VECTOR if e.kind(b.get("x")) in VECTORS else Kind.STR,
)
def format_(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """format() as a Python format spec: `width`, `big.mark = ","`, and `nsmall` where the
    decimals R shows are known (a literal, or `round(v, d)`); the rest is reported."""
    x = bound.get("x")
    kind = emitter.kind(x)
    if is_true(x) or is_false(x):
        return py.string("TRUE" if is_true(x) else "FALSE")
    if kind is Kind.BOOL:  # R writes TRUE / FALSE
        return py.ternary(emitter.expr(x), py.string("TRUE"), py.string("FALSE"))
    unknown = set(bound.named) - {"x", "nsmall", "width", "big.mark", "scientific"}
    big_mark = bound.get("big.mark")
    if unknown or bound.extra or (big_mark is not None and getattr(big_mark, "value", None) != ","):
        emitter.fail(
            "RK103", 'format() is translated for width, nsmall and big.mark = ","', bound.node
        )
    width = literal_int(bound.get("width")) if bound.has("width") else None
    if bound.has("width") and width is None:
        emitter.fail("RK103", "format(width =) must be a literal number", bound.node)
    numeric = kind in (Kind.INT, Kind.FLOAT, Kind.NUM_VECTOR, Kind.INT_VECTOR)
    align = "" if numeric else "<"
    spec = f"{align}{width or ''}" + ("," if big_mark is not None else "")
    if bound.has("nsmall"):
        decimals = _shown_decimals(x, literal_int(bound.get("nsmall")))
        if decimals is None:
            emitter.fail(
                "RK103", "format(nsmall =) is translated for a literal or round(x, d)", bound.node
            )
        spec += f".{decimals}f"
    elif numeric:
        spec += ".15g"  # R writes up to 15 significant digits, no ".0"
    if kind in VECTORS:
        value = py.name("value")
        return comprehension(py.call("format", value, py.string(spec)), "value", emitter.expr(x))
    if not spec:
        return py.call("str", emitter.expr(x))
    return py.call("format", emitter.expr(x), py.string(spec))


def _shown_decimals(x: n.Node, nsmall: int | None) -> int | None:
    """How many decimals R's format(x, nsmall =) shows, when that is known statically."""
    if nsmall is None:
        return None
    if isinstance(x, n.Num):
        shown = format(float(x.value), ".7g").partition(".")[2]
        return max(nsmall, len(shown) if "e" not in shown else 0)
    if isinstance(x, n.Call) and getattr(x.func, "id", None) == "round" and len(x.args) == 2:
        digits = literal_int(x.args[1].value)
        if digits is not None and digits <= nsmall:
            return nsmall
    return None


# ---- output and conditions -------------------------------------------------------------


@special("print", params="x digits", visible=False, kind=same_kind("x"))
def print_(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("x")
    if bound.has("digits"):
        digits = expr(emitter, bound, "digits")
        if emitter.kind(x) in (Kind.FLOAT, Kind.INT):  # significant digits, as R counts them
            spec = py.binop(
                py.string("%."), "+", py.binop(py.call("str", digits), "+", py.string("g"))
            )
            if isinstance(digits, cst.Integer):
                spec = py.string(f"%.{digits.value}g")
            return py.call("print", py.binop(spec, "%", emitter.expr(x)))
        emitter.fail("RK103", "print(digits =) is translated for a single number", bound.node)
    return py.call("print", emitter.expr(x))


@special("cat", params="... sep fill", visible=False, kind=Kind.NULL)
def cat(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    args = [arg.value for arg in bound.extra]
    end = ""
    sep = bound.get("sep")
    if bound.has("fill"):
        emitter.fail("RK103", "cat(fill =) is not translated", bound.node)
    last_separator = False
    if args and isinstance(args[-1], n.Str) and args[-1].value.endswith("\n"):
        last = args.pop()
        rest = last.value[:-1]
        end = "\n"
        if rest:
            args.append(n.Str(rest))
        else:  # R writes the separator before a final "\n" too
            last_separator = bool(args) and sep is not None
    values: list[cst.Arg] = []
    for node in args:
        value = emitter.expr(node)
        kind = emitter.kind(node)
        if kind is Kind.ARRAY and not _is_dots(node):  # R writes a matrix column by column
            value = py.call(py.attr(value, "ravel"), order=py.string("F"))
        if kind is Kind.NAMED_LIST:  # a named vector: cat() writes its values only
            value = py.call(py.attr(value, "values"))
            kind = Kind.NUM_VECTOR
        # a list too: cat() writes its elements (a history's metric values are a list)
        values.append(
            py.arg(value, star="*")
            if kind in VECTORS or kind in (Kind.ARRAY, Kind.LIST) or _is_dots(node)
            else py.arg(value)
        )
    keywords = {}
    if sep is not None:
        keywords["sep"] = emitter.expr(sep)
    if last_separator and not (isinstance(sep, n.Str) and sep.value in ("", " ")):
        if isinstance(sep, n.Str):
            keywords["end"] = py.string(sep.value + "\n")
        else:
            keywords["end"] = py.binop(emitter.expr(sep), "+", py.string("\n"))
    elif end != "\n":
        keywords["end"] = py.string("")
    return py.call("print", *values, **keywords)


@special("message", params="...", visible=False, kind=Kind.NULL)
def message(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    text = _fstring(
        emitter, [a.value for a in bound.extra], [emitter.expr(a.value) for a in bound.extra], ""
    )
    return py.call("print", text, file=py.dotted(emitter.imports.path("sys.stderr")))


def _message_of(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    nodes = [arg.value for arg in bound.extra if arg.name is None]
    if len(nodes) == 1:
        return emitter.expr(nodes[0])
    return _fstring(emitter, nodes, [emitter.expr(node) for node in nodes], "")


@statement("stop", params="... call.")
def stop(emitter: Emitter, bound: BoundCall, mode: Mode):
    return [py.simple(cst.Raise(py.call("RuntimeError", _message_of(emitter, bound))))]


@special("stop", params="... call.", visible=False)
def stop_expression(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    emitter.hoist(stop(emitter, bound, Mode("discard")))
    return py.name("None")


@special("warning", params="... call.", visible=False)
def warning(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    return py.call(emitter.imports.path("warnings.warn"), _message_of(emitter, bound))


@statement("stopifnot", params="...")
def stopifnot(emitter: Emitter, bound: BoundCall, mode: Mode):
    checks = []
    for arg in bound.extra:
        test = emitter.expr(arg.value)
        if emitter.kind(arg.value) in VECTORS:
            test = py.call(np(emitter, "all"), test)
        # stopifnot("message" = condition) fails with that message
        message = py.string(arg.name) if arg.name else None
        checks.append(py.simple(cst.Assert(test, msg=message)))
    return checks


@special("conditionMessage", params="c", kind=Kind.STR)
def condition_message(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    return py.call("str", expr(emitter, bound, "c"))


@statement("return", params="value")
def return_(emitter: Emitter, bound: BoundCall, mode: Mode):
    return [py.return_(expr(emitter, bound, "value", None))]


@special("missing", params="x", kind=Kind.BOOL)
def missing(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    return py.compare(expr(emitter, bound, "x"), "is", py.name("None"))


@statement("library", "require", "suppressPackageStartupMessages", params="package")
def library(emitter: Emitter, bound: BoundCall, mode: Mode):
    """Imports are written where names are used; library() itself leaves nothing."""
    package = bound.get("package")
    name = getattr(package, "id", None) or getattr(package, "value", None)
    if name is not None:
        emitter.check_api(name, bound.node)
    if name is not None and name not in KNOWN_PACKAGES:
        emitter.report("RK105", f"package '{name}' has no Python mapping", bound.node)
    return []


KNOWN_PACKAGES = {
    "base",
    "stats",
    "utils",
    "methods",
    "graphics",
    "grDevices",
    "datasets",
    "magrittr",
    "zeallot",
    "keras",
    "keras3",
    "tensorflow",
    "tfdatasets",
    "reticulate",
    "R6",
}


@statement("source", params="file")
def source(emitter: Emitter, bound: BoundCall, mode: Mode):
    emitter.fail("RK106", "source() of another R file: translate it too and import it", bound.node)


for _unsupported in (
    "eval",
    "parse",
    "assign",
    "get",
    "environment",
    "new.env",
    "sys.call",
    "substitute",
    "deparse",
    "local",
    "setClass",
    "setMethod",
    "new",
):
    TABLE.add(_unsupported, status="removed", note="is outside what rkeras2py translates")


# ---- functional helpers ----------------------------------------------------------------


def _function_call(emitter: Emitter, function: n.Node, values: list[cst.BaseExpression]):
    """`f(values...)`, inlining a one-expression anonymous function."""
    if isinstance(function, n.Function):
        params = [p.name for p in function.params]
        if len(params) == len(values) and all(isinstance(v, cst.Name) for v in values):
            renamed = all(python_name_of(p) == v.value for p, v in zip(params, values))
            if renamed:
                inlined = inline_body(emitter, function, values)
                if inlined is not None:
                    return inlined
    return py.call(emitter.expr(function), *values)


def python_name_of(r_name: str) -> str:
    return python_name(r_name)


def _loop_names(emitter: Emitter, function: n.Node, count: int) -> list[str]:
    if isinstance(function, n.Function) and len(function.params) == count:
        return [python_name_of(p.name) for p in function.params]
    return [
        emitter.fresh("item") if count == 1 else emitter.fresh(f"item{i + 1}") for i in range(count)
    ]


def _apply_list(
    emitter: Emitter, data: n.Node, function: n.Node, extra: list[n.Arg], named: bool = False
):
    """`[f(item, ...) for item in data]`, inlining `f` when R wrote it in place; with
    `named`, a named list gives `{key: f(item, ...) for key, item in data.items()}`."""
    (name,) = _loop_names(emitter, function, 1)
    element_expr = None
    if isinstance(function, n.Function) and not extra:
        body = is_single_expression(function)
        if body is not None:
            emitter.enter_function(function)
            try:
                emitter.set_kind(function.params[0].name, _item_kind(emitter, data))
                element_expr = emitter.expr(body)
            finally:
                emitter.leave_function()
    if element_expr is None and isinstance(function, (n.Name, n.Namespace, n.Str)):
        # a named function: translate the call itself, so R's argument rules apply
        callee = n.Name(function.value) if isinstance(function, n.Str) else function
        call = n.Call(callee, [n.Arg(n.Name(name)), *extra])
        call.line, call.column = function.line, function.column
        emitter.local_names.add(name)
        emitter.set_kind(name, element_of(emitter.kind(data)))
        try:
            element_expr = emitter.expr(call)
        finally:
            emitter.local_names.discard(name)
    if element_expr is None:
        extra_values = [emitter.expr(arg.value) for arg in extra]
        element_expr = py.call(emitter.expr(function), py.name(name), *extra_values)
    iterable = emitter.expr(data)
    if emitter.kind(data) is Kind.NAMED_LIST and named:
        # R names the results as the list was named: {key: f(value) for key, value in ...}
        from .extra import loop_name

        key = loop_name(emitter, "key")
        pair = cst.Tuple([cst.Element(py.name(key)), cst.Element(py.name(name))], lpar=[], rpar=[])
        items = py.call(py.attr(iterable, "items"))
        return cst.DictComp(py.name(key), element_expr, cst.CompFor(pair, items))
    if emitter.kind(data) is Kind.NAMED_LIST:
        iterable = py.call(py.attr(iterable, "values"))
    return comprehension(element_expr, name, iterable)


def _item_kind(emitter: Emitter, data: n.Node) -> Kind:
    """What one element of `data` is: a vector's scalars, a model's layers."""
    kind = item_kind(emitter, data)
    return kind if kind is not Kind.UNKNOWN else element_of(emitter.kind(data))


@special("lapply", params="X FUN ...", kind=Kind.LIST)
def lapply(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    return _apply_list(emitter, bound.get("X"), bound.get("FUN"), bound.extra)


def _sapply_named(emitter: Emitter, bound: BoundCall) -> bool:
    """sapply/vapply over a named list keep its names (vapply drops them when
    USE.NAMES = FALSE; sapply's USE.NAMES only names the results of a character X)."""
    if bound.entry.name == "vapply" and is_false(bound.get("USE.NAMES")):
        return False
    return emitter.kind(bound.get("X")) is Kind.NAMED_LIST


def _sapply_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    if _sapply_named(emitter, bound):
        return Kind.NAMED_LIST
    if is_false(bound.get("simplify")):
        return Kind.LIST
    item = _result_kind(emitter, bound.get("X"), bound.get("FUN"))
    if item in SCALARS:
        return vector_of(item)
    return Kind.ARRAY if item in VECTORS else Kind.UNKNOWN


def literal_int_of(node: n.Node | None) -> int | None:
    return literal_int(node) if node is not None else None


def _result_kind(emitter: Emitter, data: n.Node, function: n.Node) -> Kind:
    """What FUN returns for one element of `data`, as far as the translation can tell."""
    item = element_of(emitter.kind(data))
    if isinstance(function, n.Function) and len(function.params) == 1:
        body = is_single_expression(function)
        if body is None:
            return Kind.UNKNOWN
        emitter.enter_function(function)
        try:
            emitter.set_kind(function.params[0].name, item)
            return emitter.kind(body)
        finally:
            emitter.leave_function()
    if isinstance(function, n.Name):
        probe = emitter.fresh("probe")
        emitter.local_names.add(probe)
        emitter.push_kinds({probe: item})
        try:
            return emitter.kind(n.Call(function, [n.Arg(n.Name(probe))]))
        finally:
            emitter.pop_kinds()
            emitter.local_names.discard(probe)
    return Kind.UNKNOWN


def sapply(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    use_names = bound.get("USE.NAMES")
    if use_names is not None and not is_true(use_names) and not is_false(use_names):
        emitter.fail("RK103", f"{bound.entry.name}(USE.NAMES =) must be TRUE or FALSE", use_names)
    named = _sapply_named(emitter, bound)
    listed = _apply_list(emitter, bound.get("X"), bound.get("FUN"), bound.extra, named)
    value = bound.get("FUN.VALUE")
    if named or isinstance(value, n.Call) and getattr(value.func, "id", "") == "character":
        return listed
    if is_false(bound.get("simplify")):  # a list, as lapply() gives
        return listed
    simplified = py.call(np(emitter, "array"), listed)
    one_value = (
        isinstance(value, n.Call)
        and len(value.args) == 1
        and literal_int_of(value.args[0].value) == 1
    )
    if one_value or _result_kind(emitter, bound.get("X"), bound.get("FUN")) in SCALARS:
        return simplified
    # Results that may be vectors: R binds them as columns (a 1-D result is unchanged)
    return py.attr(simplified, "T")


TABLE.add("sapply", params="X FUN ... simplify USE.NAMES", emit=sapply, kind=_sapply_kind)
TABLE.add("vapply", params="X FUN FUN.VALUE ... USE.NAMES", emit=sapply, kind=_sapply_kind)


@special("Map", "mapply", params="f ...", kind=Kind.LIST)
def map_(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    function = bound.get("f") or bound.get("FUN")
    data = [arg.value for arg in bound.extra if arg.name is None]
    names = _loop_names(emitter, function, len(data))
    call = _function_call(emitter, function, [py.name(name) for name in names])
    target = cst.Tuple([cst.Element(py.name(name)) for name in names], lpar=[], rpar=[])
    iterable = py.call("zip", *[emitter.expr(node) for node in data])
    return cst.ListComp(call, cst.CompFor(target, iterable))


@special("Filter", params="f x", kind=same_kind("x"))
def filter_(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    function, data = bound.get("f"), bound.get("x")
    (name,) = _loop_names(emitter, function, 1)
    test = _function_call(emitter, function, [py.name(name)])
    listed = cst.ListComp(
        py.name(name), cst.CompFor(py.name(name), emitter.expr(data), ifs=[cst.CompIf(test)])
    )
    if emitter.kind(data) in NUMERIC_VECTORS:
        return py.call(np(emitter, "array"), listed)
    return listed


def _binary_function(emitter: Emitter, node: n.Node) -> cst.BaseExpression:
    """A two-argument function value: a package function becomes `lambda a, b: f(a, b)`."""
    if isinstance(node, n.Name) and not emitter.analysis.is_user_name(node.id, emitter.scope):
        entry = emitter.registry.lookup(node.id)
        if entry is not None and (entry.emit is not None or entry.convert):
            left, right = emitter.fresh("left"), emitter.fresh("right")
            call = n.Call(node, [n.Arg(n.Name(left)), n.Arg(n.Name(right))])
            call.line, call.column = node.line, node.column
            emitter.local_names.update((left, right))
            try:
                return py.lambda_([left, right], emitter.expr(call))
            finally:
                emitter.local_names.difference_update((left, right))
    return emitter.expr(node)


@special("Reduce", params="f x init right accumulate", kind=Kind.UNKNOWN)
def reduce_(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    function = _binary_function(emitter, bound.get("f"))
    data = expr(emitter, bound, "x")
    if flag(emitter, bound, "right"):
        if flag(emitter, bound, "accumulate"):
            emitter.fail("RK103", "Reduce() with right and accumulate", bound.node)
        # R folds from the right: f(x1, f(x2, x3)); reduce() over the reversed values
        # with the arguments swapped
        if isinstance(function, cst.Lambda) and len(function.params.params) == 2:
            first, second = function.params.params
            swapped = function.with_changes(
                params=function.params.with_changes(params=[second, first])
            )
        else:
            acc, item = emitter.fresh("acc"), emitter.fresh("item")
            swapped = py.lambda_([acc, item], py.call(function, py.name(item), py.name(acc)))
        args = [swapped, py.call("reversed", data)]
        args += [expr(emitter, bound, "init")] if bound.has("init") else []
        return py.call(emitter.imports.path("functools.reduce"), *args)
    if is_true(bound.get("accumulate")):
        extra = {"initial": expr(emitter, bound, "init")} if bound.has("init") else {}
        return py.call(
            "list", py.call(emitter.imports.path("itertools.accumulate"), data, function, **extra)
        )
    args = [function, data] + ([expr(emitter, bound, "init")] if bound.has("init") else [])
    return py.call(emitter.imports.path("functools.reduce"), *args)


@special("do.call", params="what args", kind=Kind.UNKNOWN)
def do_call(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    what, args = bound.get("what"), bound.get("args")
    callee = n.Name(what.value) if isinstance(what, n.Str) else what
    if isinstance(callee, n.Name):
        callee.line, callee.column = what.line, what.column
    package_function = (
        isinstance(callee, n.Name)
        and not emitter.analysis.is_user_name(callee.id, emitter.scope)
        and emitter.registry.lookup(callee.id) is not None
    )
    if package_function:
        if isinstance(args, n.Call) and getattr(args.func, "id", "") == "list":
            # do.call(f, list(a, b)) is f(a, b): the call itself, with R's argument rules
            call = n.Call(callee, list(args.args))
            call.line, call.column = bound.node.line, bound.node.column
            return emitter.expr(call)
        if callee.id in ("rbind", "cbind") and emitter.kind(args) in (Kind.LIST, Kind.NAMED_LIST):
            rows = emitter.expr(args)
            if emitter.kind(args) is Kind.NAMED_LIST:
                rows = py.call("list", py.call(py.attr(rows, "values")))
            stack = "vstack" if callee.id == "rbind" else "column_stack"
            return py.call(np(emitter, stack), rows)
        emitter.fail(
            "RK103",
            f"do.call() of {callee.id} is translated for an argument list written as list()",
            bound.node,
        )
    function = emitter.expr(callee)
    star = "**" if emitter.kind(args) is Kind.NAMED_LIST else "*"
    return py.call(function, py.arg(emitter.expr(args), star=star))


@special("Recall", params="...", kind=Kind.UNKNOWN)
def recall(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    emitter.fail("RK102", "Recall() is not translated", bound.node)


# ---- matrices and arrays ---------------------------------------------------------------


@special("matrix", params="data nrow ncol byrow dimnames", kind=Kind.ARRAY)
def matrix(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    data = bound.get("data")
    nrow, ncol = expr(emitter, bound, "nrow"), expr(emitter, bound, "ncol")
    shape = py.list_([nrow or py.integer(-1), ncol or py.integer(-1)], tuple_=True)
    if nrow is None and ncol is None:
        shape = py.list_([py.integer(-1), py.integer(1)], tuple_=True)
    if data is None or emitter.kind(data) in SCALARS:
        # one value fills the matrix: a missing dimension is 1, as R makes it
        shape = py.list_([nrow or py.integer(1), ncol or py.integer(1)], tuple_=True)
        fill = element(emitter, data) if data is not None else np(emitter, "nan")
        return py.call(np(emitter, "full"), shape, fill)
    order_ = "C" if is_true(bound.get("byrow")) else "F"
    values = element(emitter, data)
    if nrow is not None and ncol is not None:
        rows, cols = literal_int(bound.get("nrow")), literal_int(bound.get("ncol"))
        size = _literal_length(data)
        if size is None or rows is None or cols is None or size != rows * cols:
            # R recycles (or cuts) the data to fill nrow * ncol cells
            cells = (
                py.integer(rows * cols)
                if rows is not None and cols is not None
                else py.binop(nrow, "*", ncol)
            )
            values = py.call(np(emitter, "resize"), values, cells)
    return py.call(np(emitter, "reshape"), values, shape, order=py.string(order_))


def _literal_length(node: n.Node | None) -> int | None:
    """The length of a vector written out in R (`c(1, 2)`, `1:6`), else None."""
    if isinstance(node, n.Call) and getattr(node.func, "id", "") == "c":
        if all(isinstance(a.value, (n.Num, n.Str, n.Const)) for a in node.args if a.value):
            return len(node.args)
        return None
    if isinstance(node, n.Binary) and node.op == ":":
        first, last = literal_int(node.left), literal_int(node.right)
        if first is not None and last is not None:
            return abs(last - first) + 1
    return None


@special("array", params="data dim dimnames", kind=Kind.ARRAY)
def array(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    data, dim = bound.get("data"), bound.get("dim")
    if dim is None and data is not None:  # a 1-d array of the data, as long as it is
        if emitter.kind(data) in SCALARS:
            return py.call(np(emitter, "array"), py.list_([element(emitter, data)]))
        values = emitter.expr(data)
        if emitter.kind(data) in VECTORS and isinstance(values, cst.Call):
            return values  # `c(...)` is an array already
        return py.call(np(emitter, "array"), values)
    shape = _shape(emitter, dim)
    if data is None or emitter.kind(data) in SCALARS:
        fill = element(emitter, data) if data is not None else np(emitter, "nan")
        return py.call(np(emitter, "full"), shape, fill)
    values = emitter.expr(data)
    size, dims = _literal_length(_arithmetic_operand(data)), _literal_dims(dim)
    if size is not None and dims is not None and size != math.prod(dims):
        # R recycles the data to fill the array
        values = py.call(np(emitter, "resize"), values, py.integer(math.prod(dims)))
    return py.call(np(emitter, "reshape"), values, shape, order=py.string("F"))


def _arithmetic_operand(node: n.Node) -> n.Node:
    """The vector in `c(...) / 6`: arithmetic with a scalar keeps its length."""
    while isinstance(node, n.Binary) and node.op in ("+", "-", "*", "/", "^"):
        node = node.left if _literal_length(node.left) is not None else node.right
    return node


def _literal_dims(dim: n.Node | None) -> list[int] | None:
    if isinstance(dim, n.Call) and getattr(dim.func, "id", "") == "c":
        values = [literal_int(a.value) for a in dim.args if a.value is not None]
        return values if all(v is not None for v in values) else None
    value = literal_int(dim) if dim is not None else None
    return [value] if value is not None else None


def _shape(emitter: Emitter, dim: n.Node | None) -> cst.BaseExpression:
    if isinstance(dim, n.Call) and getattr(dim.func, "id", "") == "c":
        return py.list_([emitter.expr(arg.value) for arg in dim.args], tuple_=True)
    if dim is None:
        return py.list_([py.integer(-1)], tuple_=True)
    if emitter.kind(dim) in SCALARS:
        return py.list_([emitter.expr(dim)], tuple_=True)
    return py.call("tuple", emitter.expr(dim))


@special("dim<-", params="x value", kind=Kind.ARRAY)
def dim_replace(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    shape = _shape(emitter, bound.get("value"))
    return py.call(np(emitter, "reshape"), expr(emitter, bound, "x"), shape, order=py.string("F"))


@special("dim", params="x", kind=Kind.INT_VECTOR)
def dim(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    if emitter.kind(bound.get("x")) in VECTORS | SCALARS:  # a vector has no dim: NULL
        return py.name("None")
    return py.attr(expr(emitter, bound, "x"), "shape")


@special("nrow", "ncol", "NROW", "NCOL", params="x", kind=Kind.INT)
def nrow(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    axis = 0 if bound.entry.name.lower() == "nrow" else 1
    x = bound.get("x")
    kind = emitter.kind(x)
    if bound.entry.name in ("NROW", "NCOL") and kind is not Kind.ARRAY:
        # a vector is one column of length(x) rows
        if kind in SCALARS or bound.entry.name == "NCOL" and kind in VECTORS | {Kind.LIST}:
            return py.integer(1)
        if bound.entry.name == "NROW":
            return py.call("len", emitter.expr(x))
        padded = py.binop(
            py.call(np(emitter, "shape"), emitter.expr(x)),
            "+",
            py.list_([py.integer(1)], tuple_=True),
        )
        return py.subscript(padded, py.integer(1))
    return py.subscript(py.attr(emitter.expr(x), "shape"), py.integer(axis))


@special("t", params="x", kind=Kind.ARRAY)
def transpose(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("x")
    if emitter.kind(x) in VECTORS:  # R's t() of a vector is a one-row matrix
        return py.call(
            np(emitter, "reshape"),
            emitter.expr(x),
            py.list_([py.integer(1), py.integer(-1)], tuple_=True),
        )
    return py.attr(emitter.expr(x), "T")


def _bind(function: str):
    def emit(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
        kinds = [emitter.kind(arg.value) for arg in bound.extra]
        values = [emitter.expr(arg.value) for arg in bound.extra]
        if any(k in SCALARS for k in kinds) and any(k not in SCALARS for k in kinds):
            if Kind.ARRAY in kinds or Kind.UNKNOWN in kinds:
                emitter.fail("RK103", f"{bound.entry.name}() of a number with a matrix", bound.node)
            # R recycles a number along the vectors
            return py.call(np(emitter, function), py.call(np(emitter, "broadcast_arrays"), *values))
        return py.call(np(emitter, function), py.list_(values))

    return emit


TABLE.add("cbind", params="...", emit=_bind("column_stack"), kind=Kind.ARRAY)
TABLE.add("rbind", params="...", emit=_bind("vstack"), kind=Kind.ARRAY)


def _axis_summary(function: str, axis: int):
    def emit(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
        if bound.extra:
            emitter.fail("RK103", f"{bound.entry.name}() argument not translated", bound.node)
        name = "nan" + function if flag(emitter, bound, "na.rm") else function
        return py.call(np(emitter, name), expr(emitter, bound, "x"), axis=py.integer(axis))

    return emit


for _r_name, _function, _axis in [
    ("rowSums", "sum", 1),
    ("colSums", "sum", 0),
    ("rowMeans", "mean", 1),
    ("colMeans", "mean", 0),
]:
    TABLE.add(_r_name, params="x na.rm", emit=_axis_summary(_function, _axis), kind=Kind.NUM_VECTOR)

_AXIS_FUNCTIONS = {"sum": "sum", "mean": "mean", "max": "max", "min": "min", "prod": "prod"}


@special("apply", params="X MARGIN FUN ...", kind=Kind.UNKNOWN)
def apply(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    margin = literal_int(bound.get("MARGIN"))
    if margin not in (1, 2):
        emitter.fail("RK103", "apply() is translated for MARGIN = 1 or 2", bound.node)
    axis = 1 if margin == 1 else 0
    function = bound.get("FUN")
    data = expr(emitter, bound, "X")
    if isinstance(function, n.Name) and function.id in _AXIS_FUNCTIONS and not bound.extra:
        if not emitter.analysis.is_user_name(function.id, emitter.scope):
            return py.call(np(emitter, _AXIS_FUNCTIONS[function.id]), data, axis=py.integer(axis))
    return py.call(np(emitter, "apply_along_axis"), emitter.expr(function), py.integer(axis), data)


@special("outer", params="X Y FUN", kind=Kind.ARRAY)
def outer(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """outer(X, Y, FUN): an operator is a numpy ufunc's `.outer`; a function is called
    once on broadcast columns and rows, as R calls it once on expanded vectors."""
    function = bound.get("FUN")
    x, y = expr(emitter, bound, "X"), expr(emitter, bound, "Y")
    operator_ = None
    if isinstance(function, (n.Str, n.Name)):
        operator_ = function.value if isinstance(function, n.Str) else function.id
    if function is None or operator_ == "*":
        return py.call(np(emitter, "outer"), x, y)
    if operator_ in _OUTER_UFUNCS:
        return py.call(py.attr(np(emitter, _OUTER_UFUNCS[operator_]), "outer"), x, y)
    if isinstance(function, n.Str):
        emitter.fail("RK103", f"outer() with FUN = {operator_!r} is not translated", bound.node)
    columns = py.subscript(py.call(np(emitter, "asarray"), x), py.slice_(), py.name("None"))
    rows = py.subscript(py.call(np(emitter, "asarray"), y), py.name("None"), py.slice_())
    return py.call(emitter.expr(function), columns, rows)


_OUTER_UFUNCS = {
    "+": "add",
    "-": "subtract",
    "/": "divide",
    "^": "power",
    "==": "equal",
    "!=": "not_equal",
    "<": "less",
    ">": "greater",
    "<=": "less_equal",
    ">=": "greater_equal",
}


@special(
    "diag",
    params="x nrow",
    kind=lambda e, b: Kind.NUM_VECTOR if e.kind(b.get("x")) is Kind.ARRAY else Kind.ARRAY,
)
def diag(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("x")
    if emitter.kind(x) in (Kind.INT, Kind.FLOAT):
        return py.call(np(emitter, "eye"), emitter.expr(x))
    return py.call(np(emitter, "diag"), emitter.expr(x))


@special("solve", params="a b", kind=Kind.ARRAY)
def solve(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    if bound.has("b"):
        return py.call(
            np(emitter, "linalg.solve"), expr(emitter, bound, "a"), expr(emitter, bound, "b")
        )
    return py.call(np(emitter, "linalg.inv"), expr(emitter, bound, "a"))


TABLE.add(
    "crossprod",
    params="x y",
    emit=lambda e, b: py.binop(
        py.attr(expr(e, b, "x"), "T"), "@", expr(e, b, "y", expr(e, b, "x"))
    ),
    kind=Kind.ARRAY,
)
TABLE.add("Sys.time", "time.time", params="", kind=Kind.FLOAT)
TABLE.add("is.function", "callable", params="x", kind=Kind.BOOL)
TABLE.add(
    "is.numeric",
    params="x",
    emit=lambda e, b: py.call(
        "isinstance",
        expr(e, b, "x"),
        py.list_([py.name("int"), py.name("float"), np(e, "ndarray")], tuple_=True),
    ),
    kind=Kind.BOOL,
)
TABLE.add("is.character", params="x", emit=lambda e, b: _is_character(e, b), kind=Kind.BOOL)


def _is_character(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """Decided from the kind where it can be (a character vector is a Python list)."""
    kind = emitter.kind(bound.get("x"))
    if kind in (Kind.STR, Kind.CHR_VECTOR):
        return py.name("True")
    if kind in NUMERIC_SCALARS | NUMERIC_VECTORS | {Kind.ARRAY, Kind.NULL}:
        return py.name("False")
    return py.call("isinstance", expr(emitter, bound, "x"), py.name("str"))


TABLE.add("nlevels", status="removed", note="(factors) is not translated")
TABLE.add("factor", status="removed", note="(factors) is not translated")
TABLE.add(
    "data.frame", status="removed", note="(data frames) is not translated; use pandas by hand"
)
TABLE.add("xor", "numpy.logical_xor", params="x y", kind=Kind.BOOL)
TABLE.add(
    "isTRUE",
    params="x",
    emit=lambda e, b: py.compare(expr(e, b, "x"), "is", py.name("True")),
    kind=Kind.BOOL,
)
TABLE.add("nargs", status="removed", note="is not translated")
TABLE.add(
    "is.element",
    params="el table",
    emit=lambda e, b: _is_element(e, b),
    kind=scalar_of("el", Kind.BOOL),
)


def _is_element(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    el, table = expr(emitter, bound, "el"), expr(emitter, bound, "table")
    if emitter.kind(bound.get("el")) in SCALARS:
        return py.compare(el, "in", table)
    return py.call(np(emitter, "isin"), el, table)  # each element of `el`


# ---- switch, tryCatch, try -------------------------------------------------------------


def _switch_cases(bound: BoundCall) -> tuple[list[tuple[list[str], n.Node]], n.Node | None]:
    """`switch(x, a = , b = v, default)` as ([(["a", "b"], v)], default), fall-through merged."""
    cases: list[tuple[list[str], n.Node]] = []
    waiting: list[str] = []
    default = None
    for arg in bound.extra:
        if arg.name is None:
            default = arg.value
            continue
        waiting.append(arg.name)
        if arg.value is not None:
            cases.append((waiting, arg.value))
            waiting = []
    return cases, default


@statement("switch", params="EXPR ...")
def switch_statement(emitter: Emitter, bound: BoundCall, mode: Mode):
    """`switch()` as an if/elif chain; its value goes where `mode` says."""
    subject = bound.get("EXPR")
    numeric = emitter.kind(subject) in NUMERIC_SCALARS or not any(a.name for a in bound.extra)
    if numeric:  # switch(i, a, b, c) picks the i-th alternative, NULL out of range
        cases = [([str(i)], arg.value) for i, arg in enumerate(bound.extra, start=1)]
        default = None
    else:
        cases, default = _switch_cases(bound)
    value = emitter.expr(subject)
    if not isinstance(value, cst.Name):
        holder = py.name(emitter.fresh("choice"))
        emitter.hoist([py.assign(holder, value)])
        value = holder
    chain: cst.If | cst.Else | None = None
    if default is not None:
        chain = cst.Else(branch(emitter, default, mode))
    elif mode.action == "assign":
        chain = cst.Else(cst.IndentedBlock([py.assign(mode.target, py.name("None"))]))
    for labels, body in reversed(cases):
        if numeric:
            test = py.compare(value, "==", py.integer(int(labels[0])))
        elif len(labels) == 1:
            test = py.compare(value, "==", py.string(labels[0]))
        else:
            test = py.compare(
                value, "in", py.list_([py.string(label) for label in labels], tuple_=True)
            )
        chain = cst.If(test, branch(emitter, body, mode), chain)
    return [chain] if chain is not None else []


@special("switch", params="EXPR ...", kind=Kind.UNKNOWN)
def switch_expression(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    if not any(a.name for a in bound.extra) or emitter.kind(bound.get("EXPR")) in NUMERIC_SCALARS:
        target = py.name(emitter.fresh("value"))
        emitter.hoist(switch_statement(emitter, bound, Mode("assign", target)))
        return target
    cases, default = _switch_cases(bound)
    simple = all(isinstance(v, (n.Num, n.Str, n.Const, n.Name)) for _, v in cases)
    if simple and (default is None or isinstance(default, (n.Num, n.Str, n.Const, n.Name))):
        pairs = [
            (py.string(label), emitter.expr(value)) for labels, value in cases for label in labels
        ]
        lookup = py.dict_(pairs)
        fallback = [emitter.expr(default)] if default is not None else []
        return py.call(py.attr(lookup, "get"), emitter.expr(bound.get("EXPR")), *fallback)
    target = py.name(emitter.fresh("value"))
    emitter.hoist(switch_statement(emitter, bound, Mode("assign", target)))
    return target


def _handler(emitter: Emitter, handler: n.Node | None, mode: Mode, exception: str):
    """An `except` clause for a `tryCatch` handler `function(e) ...`."""
    if handler is None:
        return None
    if not isinstance(handler, n.Function) or len(handler.params) > 1:
        call = n.Call(handler, [n.Arg(n.Name("e"))])
        body = branch(emitter, call, mode)
        return cst.ExceptHandler(body, type=py.name(exception), name=cst.AsName(py.name("e")))
    name = handler.params[0].name if handler.params else None
    if name is not None and not any(
        isinstance(node, n.Name) and node.id == name for node in walk(handler.body)
    ):
        name = None
    emitter.enter_function(handler)
    try:
        body = branch(emitter, handler.body, mode)
    finally:
        emitter.leave_function()
    as_name = cst.AsName(py.name(python_name_of(name))) if name else None
    return cst.ExceptHandler(body, type=py.name(exception), name=as_name)


@statement("tryCatch", params="expr ... finally")
def try_catch(emitter: Emitter, bound: BoundCall, mode: Mode):
    handlers = {arg.name: arg.value for arg in bound.extra if arg.name}
    unknown = set(handlers) - {"error", "warning"}
    if unknown:
        emitter.fail(
            "RK103", f"tryCatch() handler {sorted(unknown)[0]} is not translated", bound.node
        )
    body = branch(emitter, bound.get("expr"), mode)
    if "warning" in handlers:  # R stops at a warning it catches: make warnings raise
        warnings = emitter.imports.module("warnings")
        inner = cst.With(
            [cst.WithItem(py.call(f"{warnings}.catch_warnings"))],
            cst.IndentedBlock(
                [
                    py.expr_statement(py.call(f"{warnings}.simplefilter", py.string("error"))),
                    *body.body,
                ]
            ),
        )
        body = cst.IndentedBlock([inner])
    excepts = [
        h
        for h in (
            _handler(emitter, handlers.get("warning"), mode, "Warning"),
            _handler(emitter, handlers.get("error"), mode, "Exception"),
        )
        if h is not None
    ]
    final = None
    if bound.has("finally"):
        final = cst.Finally(branch(emitter, bound.get("finally"), Mode("discard")))
    if not excepts and final is None:
        return body.body
    return [cst.Try(body, handlers=excepts, finalbody=final)]


@special("tryCatch", params="expr ... finally", kind=lambda e, b: e.kind(b.get("expr")))
def try_catch_expression(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    target = py.name(emitter.fresh("result"))
    emitter.hoist(try_catch(emitter, bound, Mode("assign", target)))
    return target


def _try_block(emitter: Emitter, bound: BoundCall, mode: Mode) -> list[cst.BaseStatement]:
    """try(expr): an error becomes the value (R's "try-error"), and is printed to stderr
    unless `silent = TRUE`."""
    silent = bound.get("silent")
    if silent is not None and not (is_true(silent) or is_false(silent)):
        emitter.fail("RK103", "try(silent =) must be TRUE or FALSE", silent)
    body = branch(emitter, bound.get("expr"), mode)
    handler: list[cst.BaseStatement] = []
    if not is_true(silent):
        stderr = py.dotted(emitter.imports.path("sys.stderr"))
        message = cst.FormattedString(
            [cst.FormattedStringText("Error : "), cst.FormattedStringExpression(py.name("error"))]
        )
        handler.append(py.expr_statement(py.call("print", message, file=stderr)))
    if mode.action in ("assign", "return", "print"):
        handler += emitter.finish(py.name("error"), mode)
    elif not handler:
        handler.append(py.simple(cst.Pass()))
    uses_error = mode.action in ("assign", "return", "print") or not is_true(silent)
    name = cst.AsName(py.name("error")) if uses_error else None
    except_ = cst.ExceptHandler(cst.IndentedBlock(handler), type=py.name("Exception"), name=name)
    return [cst.Try(body, handlers=[except_])]


@statement("try", params="expr silent")
def try_statement(emitter: Emitter, bound: BoundCall, mode: Mode):
    return _try_block(emitter, bound, mode)


@special("try", params="expr silent", kind=Kind.UNKNOWN)
def try_expression(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    target = py.name(emitter.fresh("result"))
    emitter.hoist(_try_block(emitter, bound, Mode("assign", target)))
    return target


@special("inherits", params="x what", kind=Kind.BOOL)
def inherits(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """inherits(x, "try-error") asks whether try() caught an error; other classes are R's
    class system, which is not translated."""
    what = bound.get("what")
    if isinstance(what, n.Str) and what.value == "try-error":
        return py.call("isinstance", expr(emitter, bound, "x"), py.name("Exception"))
    emitter.fail("RK102", "inherits() (R classes) is not translated", bound.node)


# ---- random numbers --------------------------------------------------------------------


# R's random draws, which the translation makes with its numpy Generator `rng`
R_DRAWS = frozenset({"sample", "sample.int", "runif", "rnorm", "rbinom", "rpois"})


def generator(emitter: Emitter) -> cst.BaseExpression:
    """The numpy Generator standing in for R's RNG (`rng`, made once per file)."""
    if not emitter.has_rng:
        emitter.has_rng = True
        emitter.prelude.append(
            py.assign(py.name("rng"), py.call(np(emitter, "random.default_rng")))
        )
    return py.name("rng")


@statement("options", params="...", status="dropped", visible=False)
def options(emitter: Emitter, bound: BoundCall, mode: Mode):
    """R's global options steer R itself (how it prints numbers, how long a download may
    take): a Python program has none of them, so the call is dropped, with a warning."""
    if mode.action in ("assign", "return"):
        emitter.fail(
            "RK102", "options() as a value (R's old options) is not translated", bound.node
        )
    emitter.report(
        "RK211",
        "options(): R's global options have no Python counterpart, dropped (digits = changes "
        "how R prints numbers, not what it computes)",
        bound.node,
    )
    return []


@statement("set.seed", params="seed")
def set_seed(emitter: Emitter, bound: BoundCall, mode: Mode):
    emitter.has_rng = True
    return [
        py.assign(
            py.name("rng"), py.call(np(emitter, "random.default_rng"), expr(emitter, bound, "seed"))
        )
    ]


@special("sample", params="x size replace prob", kind=lambda e, b: _sample_kind(e, b))
def sample(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("x")
    rng = generator(emitter)
    population = emitter.expr(x)
    if emitter.kind(x) in (Kind.INT, Kind.FLOAT):  # sample(n) draws from 1:n
        population = py.call(np(emitter, "arange"), py.integer(1), plus_one(population))
    return _draw(emitter, bound, rng, population)


def _draw(emitter: Emitter, bound: BoundCall, rng, population) -> cst.BaseExpression:
    """`size` draws from `population` (all of it, shuffled, without `size`)."""
    if not bound.has("size"):
        return py.call(py.attr(rng, "permutation"), population)
    keywords = {"size": expr(emitter, bound, "size")}
    keywords["replace"] = expr(emitter, bound, "replace", py.name("False"))
    if bound.has("prob"):
        keywords["p"] = expr(emitter, bound, "prob")
    return py.call(py.attr(rng, "choice"), population, **keywords)


@special("sample.int", params="n size replace prob useHash", kind=Kind.INT_VECTOR)
def sample_int(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """`sample.int(n, size)`: draws from 1:n, as `sample(n, size)` does."""
    n = plus_one(emitter.expr(bound.get("n")))
    return _draw(
        emitter, bound, generator(emitter), py.call(np(emitter, "arange"), py.integer(1), n)
    )


def _sample_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    kind = emitter.kind(bound.get("x"))
    return Kind.INT_VECTOR if kind in (Kind.INT, Kind.FLOAT) else kind
