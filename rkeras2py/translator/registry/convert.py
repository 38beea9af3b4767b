"""R values as the Python side of reticulate receives them, and the keras wrappers' coercions.

reticulate sends an R double as a float and an integer as an int, a vector longer than one
as a list, an unnamed `list()` as a list and a named one as a dict; NULL is None. The keras
wrappers coerce some arguments first (`as.integer(units)`, `normalize_shape(input_shape)`,
`as_axis(axis)`, which shifts R's 1-based axes). Each converter here is one of those steps,
applied statically where the value is written in the R code, through the runtime otherwise.
"""

from __future__ import annotations

import libcst as cst

from ...grammar import nodes as n
from .. import pyast as py
from ..kinds import Kind

# Python-side values of these kinds are numpy arrays; reticulate would send R vectors as lists
# (so `tf$constant(x)` is float32, not float64 as numpy's float arrays would make it).
_NUMPY_VECTORS = frozenset({Kind.NUM_VECTOR, Kind.INT_VECTOR, Kind.LGL_VECTOR, Kind.RANGE})


def _literal_number(node: n.Node) -> float | int | None:
    sign = 1
    while isinstance(node, n.Unary) and node.op in ("-", "+"):
        sign = -sign if node.op == "-" else sign
        node = node.operand
    if isinstance(node, n.Paren):
        return _literal_number(node.expr)
    if isinstance(node, n.Num) and not node.is_complex:
        return sign * node.value
    return None


def _is_call(node: n.Node, name: str) -> bool:
    return isinstance(node, n.Call) and isinstance(node.func, n.Name) and node.func.id == name


def is_null(node: n.Node | None) -> bool:
    return node is None or (isinstance(node, n.Const) and node.name == "NULL")


def _is_na(node: n.Node) -> bool:
    return isinstance(node, n.Const) and node.name in ("NA", "NA_integer_", "NA_real_")


def elements(node: n.Node) -> list[n.Node] | None:
    """The elements of an R vector written out (`c(1, 2)`, `list(1, NULL)`, `5`, `2:4`)."""
    if _is_call(node, "c") or _is_call(node, "list"):
        if any(arg.name or arg.value is None for arg in node.args):
            return None
        return [arg.value for arg in node.args]
    if isinstance(node, n.Binary) and node.op == ":":
        first, last = _literal_number(node.left), _literal_number(node.right)
        if first is not None and last is not None and first == int(first) and last == int(last):
            step = 1 if last >= first else -1
            values = range(int(first), int(last) + step, step)
            if len(values) <= 16:
                return [_int_node(value, node) for value in values]
        return None
    if _literal_number(node) is not None or isinstance(node, (n.Str, n.Const)):
        return [node]
    return None


def _int_node(value: int, at: n.Node) -> n.Node:
    number = n.Num(f"{abs(value)}L")
    node = number if value >= 0 else n.Unary("-", number)
    node.line, node.column = at.line, at.column
    return node


def py_value(emitter, node: n.Node) -> cst.BaseExpression:
    """`node` as reticulate hands it to Python: doubles as floats, vectors as lists."""
    number = _literal_number(node)
    if number is not None:
        return _number(node, number)
    if _is_call(node, "list"):
        if node.args and all(arg.name for arg in node.args):
            return cst.Dict(
                [
                    cst.DictElement(py.string(arg.name), py_value(emitter, arg.value))
                    for arg in node.args
                ]
            )
        values = elements(node)
        if values is not None:
            return py.list_([py_value(emitter, value) for value in values])
    if _is_call(node, "c") or (isinstance(node, n.Binary) and node.op == ":"):
        values = elements(node)
        if values is not None and len(values) == 1:
            return py_value(emitter, values[0])
        if values is not None:
            return py.list_([py_value(emitter, value) for value in values])
    if emitter.kind(node) in _NUMPY_VECTORS:  # an array, or a tuple such as dim()'s
        array = py.call(emitter.imports.path("numpy.asarray"), emitter.expr(node))
        return py.call(py.attr(array, "tolist"))
    return emitter.expr(node)


def _number(node: n.Node, value: float | int) -> cst.BaseExpression:
    inner = node
    while isinstance(inner, (n.Unary, n.Paren)):
        inner = inner.operand if isinstance(inner, n.Unary) else inner.expr
    as_int = isinstance(inner, n.Num) and inner.is_integer
    literal = py.integer(abs(int(value))) if as_int else py.number(abs(float(value)))
    return py.unary("-", literal) if value < 0 else literal


def as_double(emitter, node: n.Node) -> cst.BaseExpression:
    """An R double where Python insists on a float (an optimizer's learning rate): a
    variable holding an R double is `float(x)`, since R's whole doubles are Python ints
    in the translation (`new_model(lr = 2)`)."""
    if _literal_number(node) is None and emitter.kind(node) is Kind.FLOAT:
        return py.call("float", emitter.expr(node))
    return py_value(emitter, node)


def as_int(emitter, node: n.Node) -> cst.BaseExpression:
    """`as.integer(x)`: whole numbers as ints (a vector as a list of them), truncating."""
    number = _literal_number(node)
    if number is not None:
        return _signed_int(int(number))
    values = elements(node)
    if values is not None and all(_literal_number(value) is not None for value in values):
        ints = [_signed_int(int(_literal_number(value))) for value in values]
        return ints[0] if len(ints) == 1 else py.list_(ints)
    kind = emitter.kind(node)
    value = emitter.expr(node)
    if kind in (Kind.INT, Kind.TENSOR, Kind.NULL) or is_null(node):
        return value
    if kind in _NUMPY_VECTORS:
        return py.call(py.attr(py.call(py.attr(value, "astype"), py.name("int")), "tolist"))
    return py.call("int", value)


def _tuple(items) -> cst.BaseExpression:
    return py.list_(items, tuple_=True)


def _signed_int(value: int) -> cst.BaseExpression:
    return py.unary("-", py.integer(-value)) if value < 0 else py.integer(value)


def int_tuple(emitter, node: n.Node) -> cst.BaseExpression:
    """`as_integer_tuple(x)`: one int for a scalar, a tuple of ints for `c(3, 3)`."""
    values = elements(node)
    if (
        values is not None
        and len(values) > 1
        and all(_literal_number(v) is not None for v in values)
    ):
        return _tuple([_signed_int(int(_literal_number(v))) for v in values])
    if values is not None and len(values) > 1:
        return _tuple([as_int(emitter, value) for value in values])
    return as_int(emitter, node)


def shape(emitter, node: n.Node) -> cst.BaseExpression:
    """`normalize_shape(x)`: a tuple of ints, `NA`/`NULL` dimensions as None (`784` → `(784,)`)."""
    values = elements(node)
    if values is not None:
        return _tuple([_dimension(emitter, value) for value in values])
    kind = emitter.kind(node)
    value = emitter.expr(node)
    if kind in (Kind.INT, Kind.FLOAT):
        return py.list_([py.call("int", value) if kind is Kind.FLOAT else value], tuple_=True)
    if kind in _NUMPY_VECTORS:
        return py.call(
            "tuple", py.call(py.attr(py.call(py.attr(value, "astype"), py.name("int")), "tolist"))
        )
    return py.call(emitter.imports.path("rkeras2py.runtime.normalize_shape"), value)


def _dimension(emitter, node: n.Node) -> cst.BaseExpression:
    if _is_na(node) or is_null(node):
        return py.name("None")
    return as_int(emitter, node)


def axis(emitter, node: n.Node) -> cst.BaseExpression:
    """`as_axis(axis)`: R's 1-based axis as Python's 0-based one; negatives count from the end
    in both, so they stay."""
    number = _literal_number(node)
    if number is not None:
        if number == 0:
            emitter.fail("RK103", "`axis` argument is 1 based, received 0", node)
        return _signed_int(int(number) - 1 if number > 0 else int(number))
    values = elements(node)
    if values is not None and all(_literal_number(v) is not None for v in values):
        return py.list_([axis(emitter, value) for value in values])
    if is_null(node):
        return py.name("None")
    return py.call(emitter.imports.path("rkeras2py.runtime.as_axis"), emitter.expr(node))


def axis_tuple(emitter, node: n.Node) -> cst.BaseExpression:
    """An axis argument that may be a vector, sent as a tuple (tensorflow's reducers)."""
    converted = axis(emitter, node)
    if isinstance(converted, cst.List):
        return _tuple([element.value for element in converted.elements])
    return converted


def index(emitter, node: n.Node) -> cst.BaseExpression:
    """A 1-based position (`get_layer(index = 1)`) as a 0-based one; negatives stay."""
    return axis(emitter, node)


def int_list(emitter, node: n.Node) -> cst.BaseExpression:
    """An integer vector always sent as a list (`c(1, 2)` and `2` alike)."""
    converted = as_int(emitter, node)
    if isinstance(converted, (cst.Integer, cst.UnaryOperation)):
        return py.list_([converted])
    return converted


def tuple_value(emitter, node: n.Node) -> cst.BaseExpression:
    """An R list the wrapper passes as a tuple (`validation_data = list(x, y)`)."""
    values = elements(node) if _is_call(node, "list") else None
    if values is not None:
        return _tuple([emitter.expr(value) for value in values])
    return py.call("tuple", emitter.expr(node))


def as_list(emitter, node: n.Node) -> cst.BaseExpression:
    """A value the wrapper wraps in a list when it is not one (`callbacks`, `metrics`)."""
    if _is_call(node, "list") or _is_call(node, "c"):
        values = elements(node)
        if values is not None:
            return py.list_([py_value(emitter, value) for value in values])
        return py_value(emitter, node)
    if emitter.kind(node) in (Kind.LIST, Kind.CHR_VECTOR):
        return emitter.expr(node)
    return py.list_([py_value(emitter, node)])


def string(emitter, node: n.Node) -> cst.BaseExpression:
    return emitter.expr(node)
