"""`[`, `[[` and `$`: R's 1-based, inclusive, drop-by-negative indexing on 0-based Python."""

from __future__ import annotations

import libcst as cst

from ...grammar import nodes as n
from .. import pyast as py
from ..emitter import Emitter, expression, kind_rule
from ..kinds import ARRAYS, NUMERIC_SCALARS, PYTHON_OBJECTS, Kind, element_of
from .calls import python_path, resolve
from .operators import literal_int, minus_one, plus_one, whole


def index_expression(emitter: Emitter, index: n.Node | None):
    """One R index as a Python subscript element (0-based)."""
    if index is None:
        return py.slice_()
    if isinstance(index, n.Paren):
        index = index.expr
    if isinstance(index, n.Str):
        return py.string(index.value)
    if isinstance(index, n.Binary) and index.op == ":":
        first, last = literal_int(index.left), literal_int(index.right)
        if first is not None and last is not None and first > last > 0:
            # `x[3:1]`: the positions counted down, as a list of indices
            return py.list_([py.integer(position - 1) for position in range(first, last - 1, -1)])
        if first is not None and last is not None and first > last:
            emitter.fail("RK102", "a descending index range through 0 is not translated", index)
        lower = minus_one(whole(emitter, index.left))
        upper = whole(emitter, index.right)
        return py.slice_(None if _is_zero(lower) else lower, upper)
    negative = _negated(index)
    if negative is not None:
        return None  # handled by the caller with np.delete
    kind = emitter.kind(index)
    if kind in (Kind.LGL_VECTOR,) or _is_mask(index):
        return emitter.expr(index)
    if kind is Kind.STR:
        return emitter.expr(index)
    literal = _literal_positions(index)
    if literal is not None:
        return py.list_([py.integer(position - 1) for position in literal])
    value = emitter.expr(index)
    if kind in (Kind.INT_VECTOR, Kind.RANGE):
        return py.binop(value, "-", py.integer(1))
    if kind is Kind.NUM_VECTOR:  # R truncates double positions
        return py.binop(py.call(py.attr(value, "astype"), py.name("int")), "-", py.integer(1))
    if kind is Kind.FLOAT:
        return py.binop(py.call("int", value), "-", py.integer(1))
    if kind not in NUMERIC_SCALARS and kind is not Kind.UNKNOWN:
        emitter.fail("RK102", f"indexing with a {kind.value} is not translated", index)
    return minus_one(value)


def _all_dims(value: n.Node | None) -> bool:
    """`all_dims()` (tensorflow) or `..` (keras3): every remaining axis, Python's `...`."""
    if isinstance(value, n.Name):
        return value.id == ".."
    return isinstance(value, n.Call) and getattr(value.func, "id", None) == "all_dims"


def tensor_index(emitter: Emitter, node: n.Index) -> cst.BaseExpression:
    """A tensor indexed as R's tensorflow does: 1-based and inclusive like R, but negative
    positions count from the end as in Python (`x[-1, ]` is the last row), `all_dims()` is
    `...`, and a range may end at a negative position (`x[2:-1]` runs to the end)."""
    elements: list = []
    options = {arg.name: arg.value for arg in node.args if arg.name is not None}
    keep = isinstance(options.get("drop"), n.Const) and options.pop("drop").name == "FALSE"
    for name in options:
        emitter.fail("RK103", f"tensor indexing takes no `{name}` argument", node)
    for arg in node.args:
        if arg.name is not None:
            continue
        value = arg.value
        if _all_dims(value):
            elements.append(cst.Ellipsis())
        elif value is None:
            elements.append(py.slice_())
        elif isinstance(value, n.Binary) and value.op == ":":
            first, last = literal_int(value.left), literal_int(value.right)
            lower = (
                py.integer(first - 1 if first > 0 else first)
                if first is not None
                else minus_one(whole(emitter, value.left))
            )
            if last is not None:
                upper = None if last == -1 else py.integer(last if last > 0 else last + 1)
            else:
                upper = whole(emitter, value.right)
            elements.append(py.slice_(None if _is_zero(lower) else lower, upper))
        else:
            position = literal_int(value)
            if position is not None:
                index = py.integer(position - 1 if position > 0 else position)
            else:
                index = minus_one(whole(emitter, value))
            # `drop = FALSE` keeps the axis: a one-long slice
            elements.append(_as_slice(index) if keep else index)
    return py.subscript(emitter.expr(node.obj), *elements)


# The arguments `[` and `[[` take by name; R reads any other name as nothing, positions
# (`x[i = 2]` is `x[2]`, `m[j = 1, i = 3]` is `m[1, 3]`).
_INDEX_OPTIONS = frozenset({"drop", "exact"})


def index_arguments(node: n.Index) -> list[n.Arg]:
    """The index arguments of `x[...]`: all but `drop` and `exact`, names ignored."""
    return [a for a in node.args if a.name not in _INDEX_OPTIONS]


def _literal_positions(node: n.Node) -> list[int] | None:
    """`c(1, 3)` as [1, 3] when every element is a literal whole number."""
    if isinstance(node, n.Call) and getattr(node.func, "id", None) == "c" and node.args:
        values = [literal_int(arg.value) for arg in node.args if arg.name is None]
        if len(values) == len(node.args) and all(v is not None and v > 0 for v in values):
            return values
    return None


def _is_zero(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Integer) and node.value == "0"


def _is_mask(node: n.Node) -> bool:
    return isinstance(node, n.Binary) and node.op in ("==", "!=", "<", ">", "<=", ">=", "&", "|")


def _negated(node: n.Node) -> n.Node | None:
    """`-i` or `-c(i, j)`: the indices to drop."""
    if isinstance(node, n.Unary) and node.op == "-":
        return node.operand
    return None


def drop_elements(emitter: Emitter, obj: cst.BaseExpression, dropped: n.Node, axis=None):
    """R's `x[-i]`: everything but the 1-based positions `dropped`."""
    if isinstance(dropped, n.Paren):
        dropped = dropped.expr
    single = literal_int(dropped)
    if single == 1 and axis is None:
        return py.subscript(obj, py.slice_(py.integer(1)))
    positions = emitter.expr(dropped)
    if single is not None:
        positions = py.integer(single - 1)
    elif isinstance(dropped, n.Call) and getattr(dropped.func, "id", "") == "c":
        positions = py.list_([minus_one(emitter.expr(a.value)) for a in dropped.args])
    elif isinstance(dropped, n.Binary) and dropped.op == ":":
        first, last = dropped.left, dropped.right
        positions = py.call("range", minus_one(emitter.expr(first)), emitter.expr(last))
    else:
        positions = minus_one(positions)
    delete = emitter.imports.path("numpy.delete")
    if axis is None:
        return py.call(delete, obj, positions)
    return py.call(delete, obj, positions, axis=py.integer(axis))


# keras3's subset styles: `x@r[...]` is `op_subset(x, ...)`, `x@py[...]` Python's indexing.
_R_STYLE = frozenset({"r", "R", "1", "one"})
_PY_STYLE = frozenset({"py", "Py", "0", "zero"})


def subset_call(emitter: Emitter, node: n.Index) -> n.Call | None:
    """keras3's `x@r[i, j]` as the call `op_subset(x, i, j)` it stands for."""
    style = node.obj
    if not (isinstance(style, n.Extract) and style.op == "@" and not node.double):
        return None
    if emitter.registry.lookup("op_subset") is None:
        return None  # not keras3: `@` is an S4 slot
    if style.name in _PY_STYLE:
        emitter.fail(
            "RK102", "keras3's Python-style `x@py[...]` is not translated: use x@r[...]", node
        )
    if style.name not in _R_STYLE:
        return None
    call = n.Call(n.Name("op_subset"), [n.Arg(style.obj), *node.args])
    call.line, call.column = node.line, node.column
    call.func.line, call.func.column = node.line, node.column
    return call


@expression(n.Index)
def index(emitter: Emitter, node: n.Index) -> cst.BaseExpression:
    subset = subset_call(emitter, node)
    if subset is not None:
        return emitter.expr(subset)
    if not node.double and emitter.kind(node.obj) is Kind.TENSOR:
        return tensor_index(emitter, node)
    obj = emitter.expr(node.obj)
    args = index_arguments(node)
    options = {a.name: a.value for a in node.args if a.name in _INDEX_OPTIONS}
    keep_dim = isinstance(options.get("drop"), n.Const) and options["drop"].name == "FALSE"
    if node.double or len(args) == 1:
        index_node = args[0].value if args else None
        dropped = _negated(index_node) if index_node is not None else None
        if dropped is not None:
            return drop_elements(emitter, obj, dropped)
        if (  # named_list[c("a", "b")]: the sub-list, names kept
            not node.double
            and index_node is not None
            and emitter.kind(index_node) is Kind.CHR_VECTOR
            and emitter.kind(node.obj) in (Kind.NAMED_LIST, Kind.UNKNOWN)
        ):
            key = py.name("key")
            return cst.DictComp(
                key, py.subscript(obj, key), cst.CompFor(key, emitter.expr(index_node))
            )
        if (
            not node.double
            and index_node is not None
            and emitter.kind(node.obj) in (Kind.CHR_VECTOR, Kind.LIST)
            and emitter.kind(index_node)
            in (Kind.INT_VECTOR, Kind.NUM_VECTOR, Kind.LGL_VECTOR, Kind.ARRAY)
        ):
            return _pick_from_list(emitter, obj, index_node)
        if (  # a named list (a dict) by a key computed in Python (`x[[m$name]]`)
            node.double
            and index_node is not None
            and emitter.kind(node.obj) is Kind.NAMED_LIST
            and emitter.kind(index_node) is Kind.PYOBJ
        ):
            return py.subscript(obj, emitter.expr(index_node))
        element = index_expression(emitter, index_node)
        if (  # a named list (a dict) by position: `x[[2]]` is its second value
            node.double
            and emitter.kind(node.obj) is Kind.NAMED_LIST
            and emitter.kind(index_node) in (Kind.INT, Kind.FLOAT)
        ):
            values = py.call("list", py.call(py.attr(obj, "values")))
            return py.subscript(values, element)
        if (  # `[x.split(",")][0]` is `x.split(",")`
            isinstance(obj, cst.List)
            and len(obj.elements) == 1
            and isinstance(element, cst.Integer)
            and element.value == "0"
        ):
            return obj.elements[0].value
        return py.subscript(obj, element)
    elements = []
    for axis, arg in enumerate(args):
        dropped = _negated(arg.value) if arg.value is not None else None
        if dropped is not None:
            if len(elements) or any(a.value is not None for a in args[axis + 1 :]):
                obj = drop_elements(emitter, obj, dropped, axis=axis)
                elements.append(py.slice_())
                continue
            return drop_elements(emitter, obj, dropped, axis=axis)
        elements.append(index_expression(emitter, arg.value))
    if keep_dim:
        elements = [
            _as_slice(element)
            if arg.value is not None and emitter.kind(arg.value) in NUMERIC_SCALARS
            else element
            for element, arg in zip(elements, args)
        ]
    return py.subscript(obj, *elements)


def _plain_reference(obj: cst.BaseExpression) -> bool:
    """A name, or attributes and constant subscripts of one (`h.history["loss"]`): cheap
    and side-effect free, so it can be written once per element picked."""
    while isinstance(obj, (cst.Attribute, cst.Subscript)):
        if isinstance(obj, cst.Subscript) and not all(
            isinstance(element.slice, cst.Index)
            and isinstance(element.slice.value, (cst.SimpleString, cst.Integer))
            for element in obj.slice
        ):
            return False
        obj = obj.value
    return isinstance(obj, cst.Name)


def _pick_from_list(emitter: Emitter, obj: cst.BaseExpression, index: n.Node):
    """A Python list indexed by an R vector of positions or a logical mask."""
    literal = _literal_positions(index)
    if literal is not None and _plain_reference(obj):
        return py.list_([py.subscript(obj, py.integer(position - 1)) for position in literal])
    values = emitter.expr(index)
    if emitter.kind(index) is Kind.LGL_VECTOR:
        pairs = cst.Tuple(
            [cst.Element(py.name("item")), cst.Element(py.name("keep"))], lpar=[], rpar=[]
        )
        return cst.ListComp(
            py.name("item"),
            cst.CompFor(pairs, py.call("zip", obj, values), ifs=[cst.CompIf(py.name("keep"))]),
        )
    position = py.name("position")
    if emitter.kind(index) is Kind.ARRAY:  # an array of positions, read column by column
        emitter.report(
            "RK201",
            "the array is taken to hold positions (a logical array would be a mask in R)",
            index,
        )
        values = py.call(emitter.imports.path("numpy.ravel"), values, order=py.string("F"))
    if emitter.kind(index) in (Kind.NUM_VECTOR, Kind.ARRAY):
        position = py.call("int", position)
    element = py.subscript(obj, py.binop(position, "-", py.integer(1)))
    return cst.ListComp(element, cst.CompFor(py.name("position"), values))


def _as_slice(element):
    if isinstance(element, cst.Slice):
        return element
    return py.slice_(None if _is_zero(element) else element, plus_one(element))


@kind_rule(n.Index)
def _index_kind(emitter: Emitter, node: n.Index) -> Kind:
    if node.double and isinstance(node.obj, n.Call):
        entry = resolve(emitter, node.obj)
        if entry is not None and entry.item_kind is not Kind.UNKNOWN:
            return entry.item_kind
    if node.double and item_kind(emitter, node.obj) is not Kind.UNKNOWN:
        return item_kind(emitter, node.obj)
    container = emitter.kind(node.obj)
    if container is Kind.TENSOR:
        return Kind.TENSOR
    args = index_arguments(node)
    if container is Kind.ARRAY:
        scalar_axes = [
            a for a in args if a.value is not None and emitter.kind(a.value) in NUMERIC_SCALARS
        ]
        if len(scalar_axes) == len(args):
            return Kind.FLOAT
        return Kind.ARRAY if len(args) - len(scalar_axes) > 1 else Kind.NUM_VECTOR
    if len(args) == 1 and args[0].value is not None:
        index_kind = emitter.kind(args[0].value)
        scalar_index = index_kind in NUMERIC_SCALARS or index_kind in (Kind.UNKNOWN, Kind.STR)
        if isinstance(args[0].value, n.Binary) and args[0].value.op == ":":
            scalar_index = False
        if index_kind is Kind.CHR_VECTOR and not node.double:
            return Kind.NAMED_LIST
        if scalar_index and _negated(args[0].value) is None:
            if node.double and container in (Kind.LIST, Kind.NAMED_LIST):
                return Kind.UNKNOWN
            return element_of(container)
        if container in ARRAYS or container is Kind.CHR_VECTOR:
            return container
    return Kind.UNKNOWN


_MACHINE = {
    "double.eps": "numpy.finfo(float).eps",
    "double.xmax": "numpy.finfo(float).max",
    "double.xmin": "numpy.finfo(float).tiny",
    "integer.max": "2147483647",
}


@expression(n.Extract)
def extract(emitter: Emitter, node: n.Extract) -> cst.BaseExpression:
    if isinstance(node.obj, n.Name) and node.obj.id == ".Machine" and node.name in _MACHINE:
        target = _MACHINE[node.name]
        if target.isdigit():
            return py.integer(int(target))
        emitter.imports.module("numpy")
        return cst.parse_expression(target.replace("numpy.", "np."))
    if (  # `x$dtype$name`: Keras 3 variables give their dtype as a string already
        node.name == "name"
        and isinstance(node.obj, n.Extract)
        and node.obj.name == "dtype"
        and emitter.kind(node.obj.obj) not in (Kind.LIST, Kind.NAMED_LIST)
    ):
        standardize = emitter.imports.path("keras.backend.standardize_dtype")
        return py.call(standardize, py.attr(emitter.expr(node.obj.obj), "dtype"))

    path = python_path(emitter, node)
    if path is not None and path in emitter.registry.path_renames:
        return py.dotted(emitter.imports.path(emitter.registry.path_renames[path]))
    if _is_private(emitter, node.obj):  # R-side private state: Python's `self._x`
        return py.attr(py.name("self"), "_" + node.name)
    obj = emitter.expr(node.obj)
    if path is not None:  # a module's attribute (`tf$keras$metrics`), not an object's
        return py.attr(obj, node.name)
    kind = emitter.kind(node.obj)
    attribute = emitter.registry.attributes.get((kind, node.name))
    if attribute is not None:
        return py.attr(obj, attribute.name)
    if node.op == "@" or kind in PYTHON_OBJECTS:
        return py.attr(obj, node.name)
    return py.subscript(obj, py.string(_renamed_key(emitter, node)))


def _renamed_key(emitter: Emitter, node: n.Extract) -> str:
    """The key Python uses for `x$name` where `x` is a registry attribute that renames keys."""
    if isinstance(node.obj, n.Extract):
        owner = emitter.registry.attributes.get((emitter.kind(node.obj.obj), node.obj.name))
        if owner is not None:
            return dict(owner.keys).get(node.name, node.name)
    return node.name


def _is_private(emitter: Emitter, node: n.Node) -> bool:
    """`private` in a `%py_class%` method."""
    scope = emitter.scope
    return (
        isinstance(node, n.Name)
        and node.id == "private"
        and "private" in scope.params
        and scope.parent is not None
        and scope.parent.is_class
    )


@kind_rule(n.Extract)
def _extract_kind(emitter: Emitter, node: n.Extract) -> Kind:
    if isinstance(node.obj, n.Name) and node.obj.id == ".Machine":
        return Kind.INT if node.name == "integer.max" else Kind.FLOAT

    if python_path(emitter, node) is not None:  # a module's attribute (`tf$keras$metrics`)
        return Kind.PYOBJ
    kind = emitter.kind(node.obj)
    attribute = emitter.registry.attributes.get((kind, node.name))
    if attribute is not None:
        return attribute.kind
    if kind is Kind.NAMED_LIST and item_kind(emitter, node.obj) is not Kind.UNKNOWN:
        return item_kind(emitter, node.obj)  # `history$metrics$loss`: one of its lists
    if kind in PYTHON_OBJECTS:
        return Kind.PYOBJ
    return Kind.UNKNOWN


def item_kind(emitter: Emitter, node: n.Node) -> Kind:
    """What one element of `node` holds, where a registry attribute says (`model$layers`)."""
    if isinstance(node, n.Extract):
        attribute = emitter.registry.attributes.get((emitter.kind(node.obj), node.name))
        if attribute is not None:
            return attribute.item_kind
    return Kind.UNKNOWN
