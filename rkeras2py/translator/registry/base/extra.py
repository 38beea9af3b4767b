"""More base R functions: predicates, sets, element-wise extremes, string helpers.

CAVEATS
- Set operations (`union`, `intersect`, `setdiff`) and `duplicated`/`anyDuplicated` keep
  R's order: first occurrences, in the order they appear (`dict.fromkeys`). `NaN` is never
  equal to itself in Python, so repeated `NA`s are not merged or flagged as R does.
- Predicates (`is.list`, `is.vector`, ...) are answered from what the translation knows of
  the argument when that decides it (`True`/`False`), else checked at run time. At run
  time Python lists also stand for character vectors and dicts for named vectors, and an
  integral R double is a Python int, so `is.integer()` decided at run time is reported.
  A variable holding a named vector has the kind of a named list, so `is.list()` of it
  is TRUE here (a `c(a = 1)` written in the call is known to be a vector).
- `match()` gives `np.nan` for no match when `x` is numeric; for character `x` it is a
  comprehension with `.index` whose misses are NaN (R's NA position).
- `all.equal()` is translated as a logical (`np.allclose(x, y, rtol=1.5e-8)`): R returns
  TRUE or a description of the differences, so only its use as a condition keeps R's
  meaning (`isTRUE(all.equal(...))` is translated without a note). R compares the mean
  relative difference, numpy each element with an absolute floor of 1e-8, so values that
  differ by about the tolerance can be judged differently; numpy broadcasts unequal
  lengths where R reports them as a difference.
- `suppressWarnings(expr)` standing as a statement is a `warnings.catch_warnings()` block;
  as a value it is just `expr` (Python's warnings then still show on stderr).
  `suppressMessages(expr)` is `expr`: `message()` output still goes to stderr.
- `pmin`/`pmax` broadcast as numpy does: R's recycling of a shorter vector whose length
  divides the longer one is not reproduced.
- `rank()` averages ties as R does; `NA`s are not put last. `factorial()` of a negative
  whole number raises in Python (R gives NaN with a warning).
- `modifyList(x, val)` is `{**x, **val}`: R merges nested lists recursively and drops
  elements set to NULL; a literal `val` that would need either is reported.
- `as.vector()` of a value whose type is not known (a prediction, a tensor) is
  `np.ravel(x, order="F")`: numbers are assumed.
- `Negate(f)` is a one-argument lambda with `not`: negating a vectorised predicate's
  logical vector needs `~` instead.
- `sweep()` is written for matrices (`stats[:, None]` / `stats[None, :]`).
- `tabulate()` uses `np.bincount`, which rejects negative bins (R ignores them).
- Matrix dimnames (`rownames`, `colnames`, `dimnames`) and factors are not translated.
"""

from __future__ import annotations

import libcst as cst

from ....grammar import nodes as n
from ....grammar.walk import walk
from ... import pyast as py
from ...emit.calls import entry_call, resolve
from ...emit.control import branch
from ...emit.operators import literal_int
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
from .. import BoundCall, bind
from ..helpers import comprehension, expr, is_false, is_true, np, same_kind, scalar_of
from .core import R_DRAWS, TABLE

__all__ = ["TABLE"]

special = TABLE.special
statement = TABLE.statement

NUMERIC = NUMERIC_SCALARS | NUMERIC_VECTORS
CHARACTER = frozenset({Kind.STR, Kind.CHR_VECTOR})
# What the translation cannot see into: the value's type is only known at run time.
OPAQUE = frozenset({Kind.UNKNOWN, Kind.PYOBJ, Kind.TENSOR})


# ---- shared pieces ---------------------------------------------------------------------

# Functions whose calls change state (random streams, the clock, input) even when visible.
_IMPURE = R_DRAWS | {"set.seed", "Sys.time", "readline"}
# Base R's `%op%` operators: arithmetic and matching, no side effects.
_PURE_SPECIALS = frozenset({"%%", "%/%", "%in%", "%*%", "%o%"})


def pure(emitter: Emitter, node: n.Node) -> bool:
    """Whether evaluating `node` twice (or not at all) is the same as evaluating it once:
    names, literals, operators and calls of side-effect-free base R functions."""
    for part in walk(node):
        if isinstance(part, (n.Assign, n.Function, n.Block, n.If, n.For, n.While, n.Repeat)):
            return False
        if isinstance(part, n.Binary) and (
            part.op in ("%>%", "|>", "%<-%")
            or (part.op.startswith("%") and part.op not in _PURE_SPECIALS)
        ):
            return False  # a pipe calls what it pipes into; `%op%` may be the R code's own
        if isinstance(part, n.Call):
            entry = resolve(emitter, part)
            if (
                entry is None
                or entry.package not in ("base", "stats", "utils")
                or not entry.visible
                or entry.statement is not None
                or entry.status != "mapped"
                or entry.name in _IMPURE
            ):
                return False
    return True


def _require_pure(emitter: Emitter, bound: BoundCall, param: str) -> n.Node:
    node = bound.get(param)
    if node is not None and not pure(emitter, node):
        emitter.fail(
            "RK103",
            f"{bound.entry.name}() uses {param} more than once in Python: "
            "assign it to a variable first",
            node,
        )
    return node


def _literal_str(node: n.Node | None) -> str | None:
    return node.value if isinstance(node, n.Str) else None


def _whole_literal(node: n.Node | None) -> int | None:
    return literal_int(node) if node is not None else None


def _r_double_literal(node: n.Node) -> bool:
    """`1`, `-2.5` (R doubles), not `1L`."""
    if isinstance(node, n.Unary) and node.op in ("-", "+"):
        node = node.operand
    return isinstance(node, n.Num) and not node.is_integer and not node.is_complex


def _numeric_named_c(emitter: Emitter, node: n.Node) -> bool:
    """`c(a = 1, b = 2)`: a named numeric vector written out (a dict of numbers here)."""
    return (
        isinstance(node, n.Call)
        and getattr(node.func, "id", None) == "c"
        and bool(node.args)
        and all(arg.name and emitter.kind(arg.value) in NUMERIC_SCALARS for arg in node.args)
    )


def _literal_list(node: n.Node | None) -> bool:
    return isinstance(node, n.Call) and getattr(node.func, "id", None) == "list"


def _items(emitter: Emitter, node: n.Node) -> cst.BaseExpression:
    """An iterable of `node`'s elements as R sees them: a scalar is a vector of one, a
    named vector its values, a matrix its elements column by column."""
    kind, value = emitter.kind(node), emitter.expr(node)
    if kind in SCALARS:
        return py.list_([value])
    if kind is Kind.NAMED_LIST:
        return py.call(py.attr(value, "values"))
    if kind is Kind.ARRAY:
        return py.call(py.attr(value, "flatten"), order=py.string("F"))
    return value


def _spread(emitter: Emitter, nodes: list[n.Node]) -> cst.List:
    """The elements of `nodes` in one list display: scalars as themselves, a list written
    out element by element, other vectors spread with `*`."""
    elements: list[cst.BaseElement] = []
    for node in nodes:
        if emitter.kind(node) in SCALARS:
            elements.append(cst.Element(emitter.expr(node)))
            continue
        items = _items(emitter, node)
        if isinstance(items, cst.List):
            elements.extend(cst.Element(element.value) for element in items.elements)
        else:
            elements.append(cst.StarredElement(items))
    return cst.List(elements)


def loop_name(emitter: Emitter, stem: str) -> str:
    """A comprehension variable: `stem` itself unless the R code or an earlier temporary
    uses that name (comprehension variables do not leak, so plain names can repeat).
    Call it after translating the expressions the comprehension holds."""
    taken = (
        stem in emitter.used_names
        or stem in emitter.local_names
        or emitter.analysis.is_user_name(stem, emitter.scope)
    )
    return emitter.fresh(stem) if taken else stem


def merged_dict(*values: cst.BaseExpression) -> cst.Dict:
    """`{**a, **b}`, with a dict written out here spliced in (`{**a, "b": 2}`)."""
    elements: list[cst.BaseDictElement] = []
    for value in values:
        if isinstance(value, cst.Dict) and not value.lpar:
            elements.extend(value.elements)
        else:
            elements.append(cst.StarredDictElement(value))
    return cst.Dict(elements)


def _element_kind(kind: Kind) -> Kind:
    return kind if kind in SCALARS else element_of(kind)


def _numeric(kind: Kind) -> bool:
    return kind in NUMERIC


# ---- names -----------------------------------------------------------------------------


@special("unname", params="obj force", kind=lambda e, b: _unname_kind(e, b))
def unname(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("obj")
    kind = emitter.kind(x)
    if kind is Kind.NAMED_LIST:
        values = py.call("list", py.call(py.attr(emitter.expr(x), "values")))
        if _numeric_named_c(emitter, x):
            return py.call(np(emitter, "array"), values)
        return values
    if kind in OPAQUE:
        if not pure(emitter, x):
            emitter.fail(
                "RK103", "unname() of a value of unknown type: assign it to a variable first", x
            )
        value = emitter.expr(x)
        values = py.call("list", py.call(py.attr(value, "values")))
        test = py.call("isinstance", value, py.name("dict"))
        return py.ternary(test, values, value)
    return emitter.expr(x)  # vectors, matrices, unnamed lists: nothing to drop


def _unname_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    x = bound.get("obj")
    kind = emitter.kind(x)
    if kind is Kind.NAMED_LIST:
        return Kind.NUM_VECTOR if _numeric_named_c(emitter, x) else Kind.LIST
    return kind


for _name in ("rownames", "colnames", "dimnames", "rownames<-", "colnames<-", "dimnames<-"):
    TABLE.add(_name, status="removed", note="is not translated: matrix dimnames are not kept")
for _name in ("levels", "levels<-"):
    TABLE.add(_name, status="removed", note="(factors) is not translated")


# ---- element-wise extremes -------------------------------------------------------------


def _parallel(smallest: bool):
    def emit(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
        values = [arg.value for arg in bound.extra if arg.name is None]
        named = [arg for arg in bound.extra if arg.name is not None]
        if not values or named:
            emitter.fail(
                "RK103", f"{bound.entry.name}() takes unnamed vectors and na.rm", bound.node
            )
        if is_true(bound.get("na.rm")):  # fmin/fmax skip NaN as na.rm = TRUE skips NA
            function = "fmin" if smallest else "fmax"
        else:
            function = "minimum" if smallest else "maximum"
        result = emitter.expr(values[0])
        for node in values[1:]:  # more than two arguments: fold left, as R does
            result = py.call(np(emitter, function), result, emitter.expr(node))
        return result

    return emit


def _parallel_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    kinds = [emitter.kind(arg.value) for arg in bound.extra if arg.name is None]
    if not kinds:
        return Kind.UNKNOWN
    if Kind.ARRAY in kinds:
        return Kind.ARRAY
    scalar = _element_kind(kinds[0])
    for kind in kinds[1:]:
        scalar = join(scalar, _element_kind(kind))
    if all(kind in SCALARS for kind in kinds):
        return scalar
    return vector_of(scalar)


TABLE.add("pmin", params="... na.rm", emit=_parallel(True), kind=_parallel_kind)
TABLE.add("pmax", params="... na.rm", emit=_parallel(False), kind=_parallel_kind)


# ---- type predicates -------------------------------------------------------------------


def _predicate(emitter: Emitter, bound: BoundCall, decided: bool | None, runtime):
    """`True`/`False` when the argument's kind decides it (and dropping the argument's
    evaluation changes nothing), else the run-time check `runtime(value)`."""
    x = bound.get("x")
    if decided is not None and pure(emitter, x):
        return py.name("True" if decided else "False")
    return runtime(emitter.expr(x))


def _decide(kind: Kind, yes: frozenset[Kind], no: frozenset[Kind]) -> bool | None:
    if kind in yes:
        return True
    if kind in no:
        return False
    return None


_NOT_LIST = SCALARS | VECTORS | {Kind.ARRAY, Kind.NULL, Kind.FUNCTION}


@special("is.list", params="x", kind=Kind.BOOL)
def is_list(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("x")
    kind = emitter.kind(x)
    decided = _decide(kind, frozenset({Kind.LIST, Kind.NAMED_LIST}), _NOT_LIST)
    if kind is Kind.NAMED_LIST and isinstance(x, n.Call) and getattr(x.func, "id", "") == "c":
        decided = not _numeric_named_c(emitter, x)  # c(a = 1) is a named vector, not a list
    return _predicate(
        emitter,
        bound,
        decided,
        lambda value: py.call(
            "isinstance", value, py.list_([py.name("list"), py.name("dict")], tuple_=True)
        ),
    )


@special("is.integer", params="x", kind=Kind.BOOL)
def is_integer(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("x")
    kind = emitter.kind(x)
    if isinstance(x, n.Num) or (isinstance(x, n.Unary) and isinstance(x.operand, n.Num)):
        decided = not _r_double_literal(x)
    elif kind is Kind.RANGE or _integer_sequence(emitter, x):
        decided = True
    elif kind in (Kind.INT, Kind.INT_VECTOR, Kind.ARRAY) or kind in OPAQUE:
        decided = None  # whole R doubles are Python ints: only the run time can tell
    else:
        decided = False
    if decided is None or not pure(emitter, x):
        emitter.report(
            "RK201",
            "is.integer() is checked on the Python value, where whole-number R doubles are ints",
            bound.node,
        )
    return _predicate(
        emitter,
        bound,
        decided,
        lambda value: py.call(
            np(emitter, "issubdtype"),
            py.attr(py.call(np(emitter, "asarray"), value), "dtype"),
            np(emitter, "integer"),
        ),
    )


def _integer_sequence(emitter: Emitter, node: n.Node) -> bool:
    """`1:n` from a whole number, `seq_len()`, `seq_along()`: R integers."""
    if isinstance(node, n.Paren):
        return _integer_sequence(emitter, node.expr)
    if isinstance(node, n.Binary) and node.op == ":":
        return _whole_literal(node.left) is not None
    if isinstance(node, n.Call) and getattr(node.func, "id", None) in ("seq_len", "seq_along"):
        return not emitter.analysis.is_user_function(node.func.id, emitter.scope)
    return False


@special("is.logical", params="x", kind=Kind.BOOL)
def is_logical(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    kind = emitter.kind(bound.get("x"))
    yes = frozenset({Kind.BOOL, Kind.LGL_VECTOR})
    no = frozenset(
        {Kind.INT, Kind.FLOAT, Kind.STR, Kind.NUM_VECTOR, Kind.INT_VECTOR, Kind.CHR_VECTOR}
        | {Kind.RANGE, Kind.LIST, Kind.NAMED_LIST, Kind.NULL, Kind.FUNCTION}
    )
    return _predicate(
        emitter,
        bound,
        _decide(kind, yes, no),
        lambda value: py.compare(
            py.attr(py.call(np(emitter, "asarray"), value), "dtype"), "==", py.name("bool")
        ),
    )


@special("is.matrix", params="x", kind=Kind.BOOL)
def is_matrix(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    kind = emitter.kind(bound.get("x"))
    not_matrix = (_NOT_LIST - {Kind.ARRAY}) | {Kind.LIST, Kind.NAMED_LIST}
    decided = _decide(kind, frozenset(), not_matrix)
    if kind is Kind.ARRAY:  # a matrix or a higher array: count the dimensions
        return py.compare(py.attr(expr(emitter, bound, "x"), "ndim"), "==", py.integer(2))
    return _predicate(
        emitter,
        bound,
        decided,
        lambda value: py.compare(py.call(np(emitter, "ndim"), value), "==", py.integer(2)),
    )


@special("is.vector", params="x mode", kind=Kind.BOOL)
def is_vector(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    mode = bound.get("mode")
    if mode is not None and _literal_str(mode) != "any":
        emitter.fail("RK103", "is.vector() with a mode is not translated", mode)
    x = bound.get("x")
    kind = emitter.kind(x)
    yes = SCALARS | VECTORS | {Kind.LIST, Kind.NAMED_LIST}
    no = frozenset({Kind.ARRAY, Kind.NULL, Kind.FUNCTION, Kind.MODEL, Kind.LAYER})
    decided = _decide(kind, yes, no)
    if decided is None and not pure(emitter, x):
        emitter.fail(
            "RK103", "is.vector() of a value of unknown type: assign it to a variable first", x
        )

    def runtime(value: cst.BaseExpression) -> cst.BaseExpression:
        types = ["list", "dict", "str", "int", "float", "complex"]
        plain = py.call(
            "isinstance",
            value,
            py.list_([*map(py.name, types), np(emitter, "generic")], tuple_=True),
        )
        array = py.boolop(
            py.call("isinstance", value, np(emitter, "ndarray")),
            "and",
            py.compare(py.attr(value, "ndim"), "==", py.integer(1)),
        )
        return py.boolop(plain, "or", array)

    return _predicate(emitter, bound, decided, runtime)


def _finite_test(function: str):
    """is.finite / is.infinite: numpy's element-wise tests; text is neither."""

    def emit(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
        x = bound.get("x")
        kind = emitter.kind(x)
        if kind is Kind.STR and pure(emitter, x):
            return py.name("False")
        if kind is Kind.CHR_VECTOR:
            size = py.call("len", emitter.expr(x))
            return py.call(np(emitter, "zeros"), size, dtype=py.name("bool"))
        return py.call(np(emitter, function), emitter.expr(x))

    return emit


TABLE.add("is.finite", params="x", emit=_finite_test("isfinite"), kind=scalar_of("x", Kind.BOOL))
TABLE.add("is.infinite", params="x", emit=_finite_test("isinf"), kind=scalar_of("x", Kind.BOOL))


# ---- matching and comparing ------------------------------------------------------------


@special("match", params="x table nomatch incomparables", kind=lambda e, b: _match_kind(e, b))
def match(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    if bound.has("incomparables"):
        emitter.fail("RK103", "match() with incomparables is not translated", bound.node)
    x = _require_pure(emitter, bound, "x")
    table = _require_pure(emitter, bound, "table")
    x_kind, table_kind = emitter.kind(x), emitter.kind(table)
    numeric = _numeric(x_kind)
    if bound.has("nomatch") and not (
        isinstance(bound.get("nomatch"), n.Const) and bound.get("nomatch").name.startswith("NA")
    ):
        missing = expr(emitter, bound, "nomatch")
    else:
        missing = np(emitter, "nan")  # R's NA position: NaN keeps the result numeric
    values = emitter.expr(table)
    if table_kind in SCALARS:
        searched = pool = py.list_([values])
    elif table_kind is Kind.NAMED_LIST:
        searched = pool = py.call("list", py.call(py.attr(values, "values")))
    elif table_kind in (Kind.CHR_VECTOR, Kind.LIST):
        searched = pool = values
    else:  # `in` works on a numpy array as it is; `.index` needs a list
        searched, pool = py.call("list", values), values

    def position(item: cst.BaseExpression) -> cst.BaseExpression:
        found = py.binop(py.call(py.attr(searched, "index"), item), "+", py.integer(1))
        return py.ternary(py.compare(item, "in", pool), found, missing)

    if x_kind in SCALARS:
        return position(emitter.expr(x))
    values_of_x = _items(emitter, x)
    item = loop_name(emitter, "value")
    listed = comprehension(position(py.name(item)), item, values_of_x)
    return py.call(np(emitter, "array"), listed) if numeric else listed


def _match_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    x_kind = emitter.kind(bound.get("x"))
    if x_kind in SCALARS:
        return Kind.INT
    return Kind.INT_VECTOR if _numeric(x_kind) else Kind.LIST


def _all_equal_value(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    for arg in bound.extra:
        if arg.name not in ("check.names", "check.class"):
            emitter.fail("RK103", "all.equal() with this argument is not translated", arg)
    for param in ("scale", "countEQ", "formatFUN"):
        if bound.has(param):
            emitter.fail("RK103", f"all.equal() with {param} is not translated", bound.node)
    target, current = bound.get("target"), bound.get("current")
    kinds = {emitter.kind(target), emitter.kind(current)}
    if kinds <= CHARACTER:
        return py.compare(emitter.expr(target), "==", emitter.expr(current))
    # R compares the mean relative difference with `tolerance`: close to numpy's test with
    # both tolerances (near-zero elements are compared absolutely, as R's mean does)
    tolerance = expr(emitter, bound, "tolerance", cst.Float("1.5e-8"))
    if kinds & {Kind.LIST, Kind.NAMED_LIST}:
        if Kind.NAMED_LIST in kinds:
            emitter.fail("RK103", "all.equal() of named lists is not translated", bound.node)
        # lists of arrays (a model's weights): the same length, each element all.equal
        a, b = py.name("a"), py.name("b")
        close = py.call(np(emitter, "allclose"), a, b, rtol=tolerance, atol=tolerance)
        pairs = py.call("zip", emitter.expr(target), emitter.expr(current))
        target_tuple = cst.Tuple([cst.Element(a), cst.Element(b)], lpar=[], rpar=[])
        each = py.call("all", cst.GeneratorExp(close, cst.CompFor(target_tuple, pairs)))
        same_length = py.compare(
            py.call("len", emitter.expr(target)), "==", py.call("len", emitter.expr(current))
        )
        return py.boolop(same_length, "and", each)
    return py.call(
        np(emitter, "allclose"),
        emitter.expr(target),
        emitter.expr(current),
        rtol=tolerance,
        atol=tolerance,
    )


@special(
    "all.equal",
    params="target current tolerance scale countEQ formatFUN ... check.attributes",
    kind=Kind.BOOL,
)
def all_equal(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    value = _all_equal_value(emitter, bound)
    emitter.report(
        "RK201",
        "all.equal() is translated as TRUE/FALSE; R returns a description of the "
        "differences instead of FALSE (wrap it in isTRUE())",
        bound.node,
    )
    return value


_CORE_IS_TRUE = TABLE.entries["isTRUE"]


@special("isTRUE", params="x", kind=Kind.BOOL)
def is_true_(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """`isTRUE(all.equal(x, y))` is the bool `np.allclose(...)`; other values as before."""
    x = bound.get("x")
    if isinstance(x, n.Call):
        entry = resolve(emitter, x)
        if entry is not None and entry.name == "all.equal" and entry.package == "base":
            return _all_equal_value(emitter, bind(x, entry))
    return entry_call(emitter, bind(bound.node, _CORE_IS_TRUE))


# ---- suppressing conditions ------------------------------------------------------------


@special("suppressWarnings", "suppressMessages", params="expr classes", kind=same_kind("expr"))
def suppress(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    return expr(emitter, bound, "expr", py.name("None"))


def _suppressed_body(emitter: Emitter, bound: BoundCall, mode: Mode) -> list[cst.BaseStatement]:
    inner = bound.get("expr")
    if inner is None:
        return []
    body = list(branch(emitter, inner, mode).body)
    if len(body) == 1 and isinstance(body[0], cst.SimpleStatementLine):
        if isinstance(body[0].body[0], cst.Pass):  # library() and friends leave nothing
            return []
    return body


@statement("suppressWarnings", params="expr classes")
def suppress_warnings_statement(emitter: Emitter, bound: BoundCall, mode: Mode):
    """`with warnings.catch_warnings(): warnings.simplefilter("ignore")` around the body."""
    body = _suppressed_body(emitter, bound, mode)
    if not body:
        return []
    warnings = emitter.imports.module("warnings")
    ignore = py.expr_statement(py.call(f"{warnings}.simplefilter", py.string("ignore")))
    return [
        cst.With(
            [cst.WithItem(py.call(f"{warnings}.catch_warnings"))],
            cst.IndentedBlock([ignore, *body]),
        )
    ]


@statement("suppressMessages", params="expr classes")
def suppress_messages_statement(emitter: Emitter, bound: BoundCall, mode: Mode):
    return _suppressed_body(emitter, bound, mode)


# ---- sets and duplicates ---------------------------------------------------------------


def _set_result(emitter: Emitter, kinds: list[Kind], listed: cst.BaseExpression):
    if all(_numeric(kind) for kind in kinds):
        return py.call(np(emitter, "array"), listed)
    return listed


def _set_kind(params: tuple[str, ...]):
    def rule(emitter: Emitter, bound: BoundCall) -> Kind:
        kinds = [emitter.kind(bound.get(param)) for param in params]
        if all(kind in CHARACTER for kind in kinds):
            return Kind.CHR_VECTOR
        if all(_numeric(kind) for kind in kinds):
            scalar = _element_kind(kinds[0])
            for kind in kinds[1:]:
                scalar = join(scalar, _element_kind(kind))
            return vector_of(scalar)
        return Kind.LIST

    return rule


def _check_set_types(emitter: Emitter, bound: BoundCall) -> list[Kind]:
    kinds = [emitter.kind(bound.get("x")), emitter.kind(bound.get("y"))]
    if any(_numeric(k) for k in kinds) and any(k in CHARACTER for k in kinds):
        emitter.fail(
            "RK103", f"{bound.entry.name}() of numbers and strings (R compares text)", bound.node
        )
    return kinds


@special("union", params="x y", kind=_set_kind(("x", "y")))
def union(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    kinds = _check_set_types(emitter, bound)
    both = _spread(emitter, [bound.get("x"), bound.get("y")])
    kept = py.call("list", py.call(py.attr(py.name("dict"), "fromkeys"), both))
    return _set_result(emitter, kinds, kept)


def _filtered_set(keep: bool):
    """intersect (keep the elements of x found in y) and setdiff (keep those not found)."""

    def emit(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
        kinds = _check_set_types(emitter, bound)
        y = _require_pure(emitter, bound, "y")
        others = _items(emitter, y)
        first = py.call(py.attr(py.name("dict"), "fromkeys"), _items(emitter, bound.get("x")))
        item = loop_name(emitter, "value")
        test = py.compare(py.name(item), "in" if keep else "not in", others)
        listed = cst.ListComp(
            py.name(item), cst.CompFor(py.name(item), first, ifs=[cst.CompIf(test)])
        )
        return _set_result(emitter, kinds[:1], listed)

    return emit


TABLE.add("intersect", params="x y", emit=_filtered_set(True), kind=_set_kind(("x",)))
TABLE.add("setdiff", params="x y", emit=_filtered_set(False), kind=_set_kind(("x",)))


@special("duplicated", params="x incomparables fromLast nmax ...", kind=Kind.LGL_VECTOR)
def duplicated(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    _no_incomparables(emitter, bound)
    x = _require_pure(emitter, bound, "x")
    values = _items(emitter, x)
    position, item = loop_name(emitter, "i"), loop_name(emitter, "value")
    if is_true(bound.get("fromLast")):
        seen = py.slice_(lower=py.binop(py.name(position), "+", py.integer(1)))
    else:
        seen = py.slice_(upper=py.name(position))
    earlier = py.subscript(values, seen)
    test = py.compare(py.name(item), "in", earlier)
    pair = cst.Tuple([cst.Element(py.name(position)), cst.Element(py.name(item))], lpar=[], rpar=[])
    listed = cst.ListComp(test, cst.CompFor(pair, py.call("enumerate", values)))
    return py.call(np(emitter, "array"), listed, dtype=py.name("bool"))


def _no_incomparables(emitter: Emitter, bound: BoundCall) -> None:
    incomparables = bound.get("incomparables")
    if incomparables is not None and not is_false(incomparables):
        emitter.fail(
            "RK103", f"{bound.entry.name}() with incomparables is not translated", incomparables
        )


@special("anyDuplicated", params="x incomparables fromLast ...", kind=Kind.INT)
def any_duplicated(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    _no_incomparables(emitter, bound)
    if is_true(bound.get("fromLast")):
        emitter.fail("RK103", "anyDuplicated(fromLast = TRUE) is not translated", bound.node)
    x = _require_pure(emitter, bound, "x")
    values = _items(emitter, x)
    position, item = loop_name(emitter, "i"), loop_name(emitter, "value")
    earlier = py.subscript(values, py.slice_(upper=py.binop(py.name(position), "-", py.integer(1))))
    pair = cst.Tuple([cst.Element(py.name(position)), cst.Element(py.name(item))], lpar=[], rpar=[])
    found = cst.GeneratorExp(
        py.name(position),
        cst.CompFor(
            pair,
            py.call("enumerate", values, py.integer(1)),
            ifs=[cst.CompIf(py.compare(py.name(item), "in", earlier))],
        ),
    )
    return py.call("next", found, py.integer(0))


# ---- building vectors ------------------------------------------------------------------


@special("append", params="x values after", kind=lambda e, b: _append_kind(e, b))
def append(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x, values, after = bound.get("x"), bound.get("values"), bound.get("after")
    x_kind, values_kind = emitter.kind(x), emitter.kind(values)
    if after is not None:
        _require_pure(emitter, bound, "x")
    where = _whole_literal(after)
    if x_kind is Kind.NAMED_LIST:
        if after is not None or values_kind is not Kind.NAMED_LIST:
            emitter.fail(
                "RK103", "append() to a named list is translated for a named list at the end", x
            )
        return merged_dict(emitter.expr(x), emitter.expr(values))
    if x_kind in (Kind.CHR_VECTOR, Kind.LIST, Kind.STR):
        if values_kind in SCALARS:
            added = py.list_([emitter.expr(values)])
        elif values_kind in (Kind.CHR_VECTOR, Kind.LIST):
            added = emitter.expr(values)
        elif values_kind in VECTORS and x_kind is Kind.LIST:
            added = py.call("list", emitter.expr(values))
        else:
            emitter.fail(
                "RK103", "append() of these values to a list is not translated", bound.node
            )
        start = py.list_([emitter.expr(x)]) if x_kind is Kind.STR else emitter.expr(x)
        if after is None:
            return py.binop(start, "+", added)
        if where == 0:
            return py.binop(added, "+", start)
        head, tail = _split_at(emitter, start, after)
        return py.binop(py.binop(head, "+", added), "+", tail)
    if not _numeric(x_kind):
        emitter.fail("RK103", "append() to a value whose type is not known", x)
    if after is None:
        return py.call(np(emitter, "append"), emitter.expr(x), emitter.expr(values))
    whole_values = values_kind in (Kind.INT, Kind.INT_VECTOR) or _whole_literal(values) is not None
    if _element_kind(x_kind) is Kind.FLOAT or whole_values:
        # np.insert casts the values to x's dtype: safe when that loses nothing
        position = py.integer(where) if where is not None else emitter.expr(after)
        return py.call(np(emitter, "insert"), emitter.expr(x), position, emitter.expr(values))
    middle = emitter.expr(values)
    if values_kind in SCALARS:
        middle = py.list_([middle])
    elif values_kind not in VECTORS:
        middle = py.call(np(emitter, "atleast_1d"), middle)
    start = emitter.expr(x)
    if x_kind in SCALARS:
        start = py.list_([start])
    if where == 0:
        return py.call(np(emitter, "concatenate"), py.list_([middle, start]))
    head, tail = _split_at(emitter, start, after)
    return py.call(np(emitter, "concatenate"), py.list_([head, middle, tail]))


def _split_at(emitter: Emitter, value: cst.BaseExpression, after: n.Node):
    """`value[:after]` and `value[after:]`."""
    where = _whole_literal(after)
    position = py.integer(where) if where is not None else emitter.expr(after)
    return (
        py.subscript(value, py.slice_(upper=position)),
        py.subscript(value, py.slice_(lower=position)),
    )


def _append_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    x_kind = emitter.kind(bound.get("x"))
    values_kind = emitter.kind(bound.get("values"))
    if x_kind in (Kind.LIST, Kind.NAMED_LIST, Kind.CHR_VECTOR):
        return x_kind
    if x_kind is Kind.STR:
        return Kind.CHR_VECTOR
    if _numeric(x_kind) and _numeric(values_kind):
        return vector_of(join(_element_kind(x_kind), _element_kind(values_kind)))
    return Kind.UNKNOWN


def _cumulative(ufunc: str):
    """cummin / cummax: a ufunc's running reduction (NaN propagates as NA does in R)."""

    def emit(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
        x = bound.get("x")
        kind = emitter.kind(x)
        value = _items(emitter, x) if kind in SCALARS or kind is Kind.ARRAY else emitter.expr(x)
        return py.call(np(emitter, f"{ufunc}.accumulate"), value)

    return emit


def _cumulative_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    kind = emitter.kind(bound.get("x"))
    if kind in NUMERIC_SCALARS:
        return vector_of(kind)
    if kind in NUMERIC_VECTORS:
        return Kind.INT_VECTOR if kind is Kind.RANGE else kind
    return Kind.NUM_VECTOR if kind is Kind.ARRAY else Kind.UNKNOWN


# `target` is what a bare `cummax` passed as a function becomes (`sapply(x, cummax)`).
TABLE.add(
    "cummax",
    "numpy.maximum.accumulate",
    params="x",
    emit=_cumulative("maximum"),
    kind=_cumulative_kind,
)
TABLE.add(
    "cummin",
    "numpy.minimum.accumulate",
    params="x",
    emit=_cumulative("minimum"),
    kind=_cumulative_kind,
)


@special("rank", params="x na.last ties.method", kind=lambda e, b: _rank_kind(b))
def rank(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("x")
    kind = emitter.kind(x)
    if bound.has("na.last"):
        emitter.fail("RK103", "rank() with na.last is not translated", bound.get("na.last"))
    if kind in CHARACTER or kind in SCALARS or kind in (Kind.ARRAY, Kind.LIST, Kind.NAMED_LIST):
        emitter.fail(
            "RK103", f"rank() of a {kind.value} is not translated (numeric vectors are)", x
        )
    ties = bound.get("ties.method")
    method = _literal_str(ties) if ties is not None else "average"
    if method == "first":  # the position of each element in a stable sort
        order = py.call(np(emitter, "argsort"), emitter.expr(x), kind=py.string("stable"))
        return py.binop(py.call(np(emitter, "argsort"), order), "+", py.integer(1))
    if method not in ("average", "min", "max"):
        emitter.fail(
            "RK103", "rank() is translated for ties.method average, first, min and max", bound.node
        )
    x = _require_pure(emitter, bound, "x")
    values = emitter.expr(x)
    item = loop_name(emitter, "value")

    def count(op: str) -> cst.BaseExpression:
        return py.call(np(emitter, "sum"), py.compare(values, op, py.name(item)))

    if method == "average":  # below it, plus the middle of its ties
        ties_middle = py.binop(py.binop(count("=="), "+", py.integer(1)), "/", py.integer(2))
        each = py.binop(count("<"), "+", ties_middle)
    elif method == "min":
        each = py.binop(count("<"), "+", py.integer(1))
    else:
        each = count("<=")
    return py.call(np(emitter, "array"), comprehension(each, item, values))


def _rank_kind(bound: BoundCall) -> Kind:
    ties = bound.get("ties.method")
    if ties is None or _literal_str(ties) == "average":
        return Kind.NUM_VECTOR
    return Kind.INT_VECTOR


# ---- numbers ---------------------------------------------------------------------------


@special("factorial", params="x", kind=scalar_of("x"))
def factorial(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """R's factorial(x) is gamma(x + 1): `math.factorial` for whole numbers."""
    x = bound.get("x")
    kind = emitter.kind(x)
    whole = _whole_literal(x)
    if (whole is not None and whole >= 0) or kind is Kind.INT:
        return py.call(emitter.imports.path("math.factorial"), emitter.expr(x))
    gamma = emitter.imports.path("math.gamma")
    if kind in NUMERIC_SCALARS:
        return py.call(gamma, py.binop(emitter.expr(x), "+", py.integer(1)))
    if kind in NUMERIC_VECTORS:
        values = emitter.expr(x)
        item = loop_name(emitter, "value")
        each = py.call(gamma, py.binop(py.name(item), "+", py.integer(1)))
        return py.call(np(emitter, "array"), comprehension(each, item, values))
    emitter.fail("RK103", "factorial() of a value whose type is not known", x)


@special("choose", params="n k", kind=Kind.FLOAT)
def choose(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    comb = emitter.imports.path("math.comb")
    args = []
    for param in ("n", "k"):
        node = bound.get(param)
        kind = emitter.kind(node)
        if kind not in NUMERIC_SCALARS:
            emitter.fail("RK103", "choose() is translated for two numbers (not vectors)", node)
        whole = _whole_literal(node)
        if whole is not None:
            args.append(py.integer(whole))
        elif kind is Kind.INT:
            args.append(emitter.expr(node))
        else:
            emitter.report(
                "RK201", "choose() is translated for whole numbers: R also takes real n", node
            )
            args.append(py.call("round", emitter.expr(node)))
    return py.call(comb, *args)


# ---- strings ---------------------------------------------------------------------------


def _per_text(emitter: Emitter, node: n.Node, make) -> cst.BaseExpression:
    """`make(text)` for one string, or a comprehension over a character vector."""
    if emitter.kind(node) is Kind.CHR_VECTOR:
        texts = emitter.expr(node)
        item = loop_name(emitter, "text")
        return comprehension(make(py.name(item)), item, texts)
    return make(emitter.expr(node))


@special("strrep", params="x times", kind=lambda e, b: _strrep_kind(e, b))
def strrep(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x, times = bound.get("x"), bound.get("times")
    times_kind = emitter.kind(times)
    if times_kind in VECTORS:
        if emitter.kind(x) is not Kind.STR:
            emitter.fail("RK103", "strrep() of two vectors is not translated", bound.node)
        text, counts = emitter.expr(x), emitter.expr(times)
        item = loop_name(emitter, "count")
        count = py.name(item)
        if times_kind not in (Kind.INT_VECTOR, Kind.RANGE):
            count = py.call("int", count)  # R truncates a double count
        return comprehension(py.binop(text, "*", count), item, counts)
    count = emitter.expr(times)
    if _whole_literal(times) is None and times_kind is not Kind.INT:
        count = py.call("int", count)  # R truncates a double count
    return _per_text(emitter, x, lambda text: py.binop(text, "*", count))


def _strrep_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    kinds = {emitter.kind(bound.get("x")), emitter.kind(bound.get("times"))}
    return Kind.CHR_VECTOR if kinds & VECTORS else Kind.STR


@special("casefold", params="x upper", kind=same_kind("x"))
def casefold(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    upper = bound.get("upper")
    if upper is not None and not (is_true(upper) or is_false(upper)):
        emitter.fail("RK103", "casefold(upper =) must be TRUE or FALSE to be translated", upper)
    method = "upper" if is_true(upper) else "lower"
    return _per_text(emitter, bound.get("x"), lambda text: py.call(py.attr(text, method)))


def _expand_ranges(spec: str) -> str:
    """chartr's `a-c` ranges written out (`abc`), as R reads them."""
    out, position = [], 0
    while position < len(spec):
        if position + 2 < len(spec) and spec[position + 1] == "-":
            first, last = ord(spec[position]), ord(spec[position + 2])
            out.extend(chr(code) for code in range(first, last + 1))
            position += 3
        else:
            out.append(spec[position])
            position += 1
    return "".join(out)


@special("chartr", params="old new x", kind=same_kind("x"))
def chartr(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    old, new = _literal_str(bound.get("old")), _literal_str(bound.get("new"))
    if old is not None and new is not None:
        old, new = _expand_ranges(old), _expand_ranges(new)
        if len(old) > len(new):
            emitter.fail("RK103", "chartr(): 'old' is longer than 'new'", bound.node)
        table = py.call("str.maketrans", py.string(old), py.string(new[: len(old)]))
    else:
        table = py.call("str.maketrans", expr(emitter, bound, "old"), expr(emitter, bound, "new"))
    return _per_text(
        emitter, bound.get("x"), lambda text: py.call(py.attr(text, "translate"), table)
    )


@special(
    "grep",
    params="pattern x ignore.case perl value fixed useBytes invert",
    kind=lambda e, b: Kind.CHR_VECTOR if is_true(b.get("value")) else Kind.INT_VECTOR,
)
def grep(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    pattern_node, x = bound.get("pattern"), bound.get("x")
    fixed, ignore_case = is_true(bound.get("fixed")), is_true(bound.get("ignore.case"))
    literal = _literal_str(pattern_node)
    if literal is not None and "[[:" in literal and not fixed:
        emitter.fail("RK103", "grep() with a POSIX class like [[:alpha:]] is not translated", x)
    if fixed and ignore_case:
        emitter.fail("RK103", "grep(fixed = TRUE, ignore.case = TRUE) is not translated", x)
    pattern = emitter.expr(pattern_node)
    texts = _items(emitter, x)
    item = loop_name(emitter, "text")
    invert = is_true(bound.get("invert"))
    if fixed:
        test = py.compare(pattern, "not in" if invert else "in", py.name(item))
    else:
        flags = {"flags": py.dotted(emitter.imports.path("re.IGNORECASE"))} if ignore_case else {}
        search = py.call(emitter.imports.path("re.search"), pattern, py.name(item), **flags)
        test = py.compare(search, "is" if invert else "is not", py.name("None"))
    if is_true(bound.get("value")):
        return cst.ListComp(
            py.name(item), cst.CompFor(py.name(item), texts, ifs=[cst.CompIf(test)])
        )
    hits = py.call(np(emitter, "flatnonzero"), comprehension(test, item, texts))
    return py.binop(hits, "+", py.integer(1))


# ---- conversions -----------------------------------------------------------------------


@special("as.vector", params="x mode", kind=lambda e, b: _as_vector_kind(e, b))
def as_vector(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    mode = bound.get("mode")
    if mode is not None and _literal_str(mode) != "any":
        emitter.fail("RK103", "as.vector() with a mode is not translated", mode)
    x = bound.get("x")
    kind = emitter.kind(x)
    if kind is Kind.ARRAY:  # R reads a matrix column by column
        return py.call(py.attr(emitter.expr(x), "flatten"), order=py.string("F"))
    if kind is Kind.NAMED_LIST:
        if _numeric_named_c(emitter, x):
            values = py.call("list", py.call(py.attr(emitter.expr(x), "values")))
            return py.call(np(emitter, "array"), values)
        emitter.fail(
            "RK103",
            "as.vector() of a named vector or list (R drops a vector's names, keeps a list's)",
            x,
        )
    if kind in OPAQUE:  # a keras prediction, a tensor: numbers, flattened as R would
        return py.call(np(emitter, "ravel"), emitter.expr(x), order=py.string("F"))
    return emitter.expr(x)


def _as_vector_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    kind = emitter.kind(bound.get("x"))
    if kind is Kind.ARRAY or kind in OPAQUE or kind is Kind.NAMED_LIST:
        return Kind.NUM_VECTOR
    return kind


@special("as.list", params="x ...", kind=lambda e, b: _as_list_kind(e, b))
def as_list(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x = bound.get("x")
    kind = emitter.kind(x)
    if kind is Kind.NULL:
        return py.list_([])
    value = emitter.expr(x)
    if kind in SCALARS:
        return py.list_([value])
    if kind in NUMERIC_VECTORS:  # Python numbers, not numpy scalars
        return py.call(py.attr(value, "tolist"))
    if kind is Kind.ARRAY:
        return py.call(py.attr(py.call(py.attr(value, "flatten"), order=py.string("F")), "tolist"))
    if isinstance(value, (cst.List, cst.Dict)):  # written out here: nothing to copy
        return value
    if kind is Kind.NAMED_LIST:
        return py.call("dict", value)
    if kind in (Kind.CHR_VECTOR, Kind.LIST):
        return py.call("list", value)
    if not pure(emitter, x):
        emitter.fail(
            "RK103", "as.list() of a value of unknown type: assign it to a variable first", x
        )
    test = py.call("isinstance", value, py.name("dict"))
    return py.ternary(test, py.call("dict", value), py.call("list", value))


def _as_list_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    kind = emitter.kind(bound.get("x"))
    if kind is Kind.NAMED_LIST:
        return Kind.NAMED_LIST
    return Kind.LIST if kind not in OPAQUE else Kind.UNKNOWN


# ---- matrices and arrays ---------------------------------------------------------------

TABLE.add("det", "numpy.linalg.det", params="x", kind=Kind.FLOAT)


@special("aperm", params="a perm resize ...", kind=Kind.ARRAY)
def aperm(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    if is_false(bound.get("resize")):
        emitter.fail("RK103", "aperm(resize = FALSE) is not translated", bound.node)
    a = expr(emitter, bound, "a")
    perm = bound.get("perm")
    if perm is None:  # R reverses the dimensions, as np.transpose does
        return py.call(np(emitter, "transpose"), a)
    if isinstance(perm, n.Call) and getattr(perm.func, "id", None) == "c":
        positions = [_whole_literal(arg.value) for arg in perm.args]
        if all(position is not None for position in positions):
            axes = py.list_([py.integer(position - 1) for position in positions], tuple_=True)
            return py.call(np(emitter, "transpose"), a, axes)
    positions = py.call(np(emitter, "asarray"), emitter.expr(perm), dtype=py.name("int"))
    axes = py.binop(positions, "-", py.integer(1))
    return py.call(np(emitter, "transpose"), a, axes)


_SWEEP_OPERATORS = ("-", "+", "*", "/")


@special("sweep", params="x MARGIN STATS FUN check.margin ...", kind=Kind.ARRAY)
def sweep(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    margin = _whole_literal(bound.get("MARGIN"))
    if margin not in (1, 2):
        emitter.fail("RK103", "sweep() is translated for MARGIN = 1 or 2", bound.node)
    function = bound.get("FUN")
    op = "-"
    if isinstance(function, n.Str):
        op = function.value
    elif isinstance(function, n.Name):
        op = function.id
    elif function is not None:
        op = ""
    if op not in _SWEEP_OPERATORS or bound.extra:
        emitter.fail("RK103", 'sweep() is translated for FUN "-", "+", "*" or "/"', bound.node)
    stats_node = bound.get("STATS")
    stats = emitter.expr(stats_node)
    if emitter.kind(stats_node) not in SCALARS:
        if emitter.kind(stats_node) not in NUMERIC_VECTORS | {Kind.ARRAY}:
            stats = py.call(np(emitter, "asarray"), stats)
        # one value per row (MARGIN = 1) or per column (MARGIN = 2)
        where = [py.slice_(), py.name("None")] if margin == 1 else [py.name("None"), py.slice_()]
        stats = py.subscript(stats, *where)
    return py.binop(expr(emitter, bound, "x"), op, stats)


# ---- lists and functions ---------------------------------------------------------------


@special("modifyList", params="x val keep.null", kind=Kind.NAMED_LIST)
def modify_list(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    if is_true(bound.get("keep.null")):
        emitter.fail("RK103", "modifyList(keep.null = TRUE) is not translated", bound.node)
    val = bound.get("val")
    if _literal_list(val):
        for arg in val.args:
            value = arg.value
            if isinstance(value, n.Const) and value.name == "NULL":
                emitter.fail("RK103", "modifyList() with NULL (R removes the element)", value)
            if _literal_list(value) and any(a.name for a in value.args):
                emitter.fail(
                    "RK103", "modifyList() of nested named lists (R merges them recursively)", value
                )
    return merged_dict(expr(emitter, bound, "x"), emitter.expr(val))


@special("tabulate", params="bin nbins", kind=Kind.INT_VECTOR)
def tabulate(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    bins = bound.get("bin")
    values = emitter.expr(bins)
    if emitter.kind(bins) not in (Kind.INT_VECTOR, Kind.RANGE):  # R truncates doubles
        values = py.call(np(emitter, "asarray"), values, dtype=py.name("int"))
    if not bound.has("nbins"):
        return py.subscript(py.call(np(emitter, "bincount"), values), py.slice_(py.integer(1)))
    count = _whole_literal(bound.get("nbins"))
    if count is not None:
        length, stop = py.integer(count + 1), py.integer(count + 1)
    else:
        nbins = expr(emitter, bound, "nbins")
        length = stop = py.binop(nbins, "+", py.integer(1))
    counts = py.call(np(emitter, "bincount"), values, minlength=length)
    return py.subscript(counts, py.slice_(py.integer(1), stop))  # bins past nbins are dropped


_OPPOSITES = {
    cst.Is: cst.IsNot,
    cst.IsNot: cst.Is,
    cst.In: cst.NotIn,
    cst.NotIn: cst.In,
    cst.Equal: cst.NotEqual,
    cst.NotEqual: cst.Equal,
}


def negation(value: cst.BaseExpression) -> cst.BaseExpression:
    """`not value`, written `a is not b` / `a not in b` / `a != b` where Python can
    (the same for NaN too); `<` and friends keep the `not`, as NaN compares false."""
    if isinstance(value, cst.Comparison) and len(value.comparisons) == 1 and not value.lpar:
        target = value.comparisons[0]
        opposite = _OPPOSITES.get(type(target.operator))
        if opposite is not None:
            return value.with_changes(comparisons=[target.with_changes(operator=opposite())])
    return py.unary("not", value)


@special("Negate", params="f", kind=Kind.FUNCTION)
def negate(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """`Negate(f)` as a one-argument lambda: the predicates R code negates take one value."""
    from .core import _function_call, _loop_names

    function = bound.get("f")
    if isinstance(function, n.Function) and len(function.params) == 1:
        (parameter,) = _loop_names(emitter, function, 1)
        body = _function_call(emitter, function, [py.name(parameter)])
        return py.lambda_([parameter], negation(body))
    if isinstance(function, (n.Name, n.Str)):
        name = function.id if isinstance(function, n.Name) else function.value
        parameter = emitter.fresh("value")
        call = n.Call(n.Name(name), [n.Arg(n.Name(parameter))])
        call.line, call.column = function.line, function.column
        emitter.local_names.add(parameter)
        try:
            body = emitter.expr(call)
        finally:
            emitter.local_names.discard(parameter)
        return py.lambda_([parameter], negation(body))
    value = emitter.expr(function)
    arguments = py.call(value, py.arg(py.name("args"), star="*"))
    parameters = cst.Parameters(star_arg=cst.Param(py.name("args")))
    return cst.Lambda(parameters, negation(arguments))


# ---- more predicates, sets and number formatting ---------------------------------------


@TABLE.special("is.double", "is.numeric", params="x", kind=Kind.BOOL)
def _is_double(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """Decided from the kind where it can be, else a runtime type check."""
    kind = emitter.kind(bound.get("x"))
    if kind in (Kind.BOOL, Kind.LGL_VECTOR):  # R's logicals are not numbers
        return py.name("False")
    if kind in (Kind.FLOAT, Kind.NUM_VECTOR) or (
        bound.entry.name == "is.numeric" and (kind in NUMERIC_VECTORS or kind is Kind.INT)
    ):
        return py.name("True")
    if kind in (Kind.STR, Kind.CHR_VECTOR, Kind.NULL, Kind.LIST, Kind.NAMED_LIST):
        return py.name("False")
    numbers = py.list_(
        [py.name("float"), py.dotted(emitter.imports.path("numpy.floating"))], tuple_=True
    )
    if bound.entry.name == "is.numeric":
        numbers = py.list_(
            [py.name("int"), py.name("float"), py.dotted(emitter.imports.path("numpy.number"))],
            tuple_=True,
        )
    else:  # a whole R double (`x <- 2`) is written as a Python int: say so
        emitter.report(
            "RK201",
            "is.double() checks the Python value; a whole R double such as 2 is written as "
            "the int 2, so the answer can differ from R's",
            bound.node,
        )
    return py.call("isinstance", emitter.expr(bound.get("x")), numbers)


# R's storage types of the kinds the translation knows statically.
_TYPEOF = {
    Kind.BOOL: "logical",
    Kind.LGL_VECTOR: "logical",
    Kind.INT: "integer",
    Kind.INT_VECTOR: "integer",
    Kind.RANGE: "integer",
    Kind.FLOAT: "double",
    Kind.NUM_VECTOR: "double",
    Kind.STR: "character",
    Kind.CHR_VECTOR: "character",
    Kind.LIST: "list",
    Kind.NAMED_LIST: "list",
    Kind.NULL: "NULL",
    Kind.FUNCTION: "closure",
}
# numpy dtype kinds as R storage types, for arrays (`as.array()` of a tensor)
_DTYPE_KINDS = {"b": "logical", "i": "integer", "u": "integer", "f": "double", "U": "character"}


@TABLE.special("typeof", params="x", kind=Kind.STR)
def _typeof(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """The kind says it where it can; an array's dtype says it otherwise."""
    x = bound.get("x")
    kind = emitter.kind(x)
    if isinstance(x, n.Num) and not x.is_complex:
        return py.string("integer" if x.is_integer else "double")
    if kind in (Kind.INT, Kind.INT_VECTOR):
        emitter.report(
            "RK201",
            "typeof(): a whole R double such as 2 is held as an int, so this says "
            '"integer" where R may say "double"',
            bound.node,
        )
    if kind in _TYPEOF:
        return py.string(_TYPEOF[kind])
    if kind not in (Kind.ARRAY, Kind.TENSOR):
        emitter.fail("RK103", "typeof() of a value whose type is known only in R", bound.node)
    table = py.dict_([(py.string(k), py.string(v)) for k, v in _DTYPE_KINDS.items()])
    dtype = py.attr(py.call(emitter.imports.path("numpy.asarray"), emitter.expr(x)), "dtype")
    return cst.Subscript(table, [cst.SubscriptElement(cst.Index(py.attr(dtype, "kind")))])


@TABLE.special("setequal", params="x y", kind=Kind.BOOL)
def _setequal(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    x, y = emitter.expr(bound.get("x")), emitter.expr(bound.get("y"))
    return py.compare(py.call("set", x), "==", py.call("set", y))


_FORMATC_TYPES = {"d": "d", "f": "f", "e": "e", "g": "g", "s": "s"}
_FORMATC_FLAGS = {"": ">", "-": "<", "0": "0>", " ": " >"}


@TABLE.special("formatC", params="x width digits format flag", kind=Kind.STR)
def _format_c(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """formatC() with literal width/digits/format/flag, as a Python format spec."""

    def literal_text(param: str, default: str) -> str | None:
        node = bound.get(param)
        if node is None:
            return default
        return node.value if isinstance(node, n.Str) else None

    width = literal_int(bound.get("width")) if bound.has("width") else 0
    digits = literal_int(bound.get("digits")) if bound.has("digits") else None
    kind = emitter.kind(bound.get("x"))
    default_type = "d" if kind is Kind.INT else ("s" if kind is Kind.STR else "g")
    type_, flag = literal_text("format", default_type), literal_text("flag", "")
    if width is None or type_ not in _FORMATC_TYPES or flag not in _FORMATC_FLAGS:
        emitter.fail(
            "RK103", "formatC() is translated for literal width/digits/format/flag", bound.node
        )
    if bound.has("digits") and digits is None:
        emitter.fail("RK103", "formatC() is translated for a literal digits", bound.node)
    align = _FORMATC_FLAGS[flag]
    if width < 0:  # a negative width left-justifies, as flag = "-" does
        align, width = "<", -width
    precision = f".{digits}" if digits is not None and type_ in "feg" else ""
    spec = f"{align}{width or ''}{precision}{_FORMATC_TYPES[type_]}"
    if type_ == "d":
        value = py.call("int", emitter.expr(bound.get("x")))
    else:
        value = emitter.expr(bound.get("x"))
    if kind in (Kind.NUM_VECTOR, Kind.INT_VECTOR, Kind.CHR_VECTOR):
        item = emitter.fresh("value")
        element = py.call(
            "format",
            py.call("int", py.name(item)) if type_ == "d" else py.name(item),
            py.string(spec),
        )
        return cst.ListComp(element, cst.CompFor(py.name(item), emitter.expr(bound.get("x"))))
    return py.call("format", value, py.string(spec))


@TABLE.special("isSymmetric", params="object", kind=Kind.BOOL)
def _is_symmetric(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    matrix = emitter.expr(bound.get("object"))
    return py.call(emitter.imports.path("numpy.allclose"), matrix, py.attr(matrix, "T"))
