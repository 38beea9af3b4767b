"""What an R expression holds, as far as the translation can tell before running it.

Kinds decide idioms: `length(v)` is `len(v)` for a vector and `m.size` for a matrix;
`x$a` is `x["a"]` on a named list and `x.a` on a Python object; R doubles stay floats
inside vectors.
"""

from __future__ import annotations

from enum import Enum


class Kind(Enum):
    # Members are singletons compared by identity: hashing them by identity too keeps the
    # set and dict lookups kinds go through in C (Enum's own __hash__ is Python code).
    __hash__ = object.__hash__

    UNKNOWN = "unknown"
    NULL = "NULL"
    BOOL = "logical scalar"
    INT = "integer scalar"
    FLOAT = "double scalar"
    STR = "character scalar"
    NUM_VECTOR = "double vector"
    INT_VECTOR = "integer vector"
    LGL_VECTOR = "logical vector"
    CHR_VECTOR = "character vector"
    ARRAY = "matrix or array"
    LIST = "list"
    NAMED_LIST = "named list"
    FUNCTION = "function"
    RANGE = "integer range"
    PYOBJ = "Python object"
    # keras and friends (their registry modules produce these)
    MODEL = "keras model"
    SEQUENTIAL = "keras Sequential model"
    LAYER = "keras layer"
    TENSOR = "tensor"
    DATASET = "tf.data dataset"
    HISTORY = "keras training history"


SCALARS = frozenset({Kind.BOOL, Kind.INT, Kind.FLOAT, Kind.STR})
NUMERIC_SCALARS = frozenset({Kind.BOOL, Kind.INT, Kind.FLOAT})
NUMERIC_VECTORS = frozenset({Kind.NUM_VECTOR, Kind.INT_VECTOR, Kind.LGL_VECTOR, Kind.RANGE})
VECTORS = NUMERIC_VECTORS | {Kind.CHR_VECTOR}
ARRAYS = NUMERIC_VECTORS | {Kind.ARRAY}
SEQUENCES = VECTORS | {Kind.ARRAY, Kind.LIST}
# Python objects: `$` on them is attribute access, their methods take reticulate's values.
PYTHON_OBJECTS = frozenset(
    {
        Kind.PYOBJ,
        Kind.MODEL,
        Kind.SEQUENTIAL,
        Kind.LAYER,
        Kind.TENSOR,
        Kind.DATASET,
        Kind.HISTORY,
    }
)
MODELS = frozenset({Kind.MODEL, Kind.SEQUENTIAL})


_VECTOR_OF = {
    Kind.BOOL: Kind.LGL_VECTOR,
    Kind.INT: Kind.INT_VECTOR,
    Kind.FLOAT: Kind.NUM_VECTOR,
    Kind.STR: Kind.CHR_VECTOR,
}
_ELEMENT_OF = {vector: scalar for scalar, vector in _VECTOR_OF.items()} | {Kind.RANGE: Kind.INT}


def vector_of(scalar: Kind) -> Kind:
    """The vector kind whose elements are `scalar`."""
    return _VECTOR_OF.get(scalar, Kind.UNKNOWN)


def element_of(vector: Kind) -> Kind:
    """The scalar kind of one element of `vector`."""
    return _ELEMENT_OF.get(vector, Kind.UNKNOWN)


_NUMERIC_ORDER = [Kind.BOOL, Kind.INT, Kind.FLOAT]


def arithmetic(left: Kind, right: Kind, op: str) -> Kind:
    """The kind of `left op right` for R's arithmetic operators."""
    if left in (Kind.ARRAY,) or right in (Kind.ARRAY,):
        return Kind.ARRAY
    if left is Kind.TENSOR or right is Kind.TENSOR:
        return Kind.TENSOR
    left_scalar = left if left in NUMERIC_SCALARS else element_of(left)
    right_scalar = right if right in NUMERIC_SCALARS else element_of(right)
    if Kind.UNKNOWN in (left_scalar, right_scalar) or Kind.STR in (left_scalar, right_scalar):
        return Kind.UNKNOWN
    if op == "/" or op == "^":
        scalar = Kind.FLOAT
    else:
        rank = max(_NUMERIC_ORDER.index(left_scalar), _NUMERIC_ORDER.index(right_scalar), 1)
        scalar = _NUMERIC_ORDER[rank]
    if left in NUMERIC_SCALARS and right in NUMERIC_SCALARS:
        return scalar
    return vector_of(scalar)


def comparison(left: Kind, right: Kind) -> Kind:
    if left is Kind.TENSOR or right is Kind.TENSOR:
        return Kind.TENSOR
    if left is Kind.ARRAY or right is Kind.ARRAY:
        return Kind.ARRAY
    if left in SCALARS and right in SCALARS:
        return Kind.BOOL
    if left in VECTORS or right in VECTORS:
        return Kind.LGL_VECTOR
    return Kind.UNKNOWN


def join(first: Kind, second: Kind) -> Kind:
    """One kind for a variable assigned both: equal kinds stay, numbers widen."""
    if first is second:
        return first
    if first in NUMERIC_SCALARS and second in NUMERIC_SCALARS:
        return _NUMERIC_ORDER[max(_NUMERIC_ORDER.index(first), _NUMERIC_ORDER.index(second))]
    if {first, second} <= {Kind.NUM_VECTOR, Kind.INT_VECTOR, Kind.RANGE}:
        return Kind.NUM_VECTOR
    return Kind.UNKNOWN
