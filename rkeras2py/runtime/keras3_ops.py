"""keras3's `op_*` semantics that only a run time can decide: 1-based indices of unknown
type (`as_py_index()`), R-style subsetting of tensors (`op_subset()`, `op_subset<-`), and
`op_top_k()`'s 1-based indices (keras3:R/ops.R, R/op-subset.R, R/r-utils.R)."""

from __future__ import annotations

import collections

import keras
import numpy as np

__all__ = ["TopK", "as_py_index", "op_subset", "op_subset_set", "op_top_k", "split_positions"]


def as_py_index(x):
    """keras3's `as_py_index()`: 1-based indices as 0-based, positive ones moved down by one
    and negative ones (counted from the end) kept; R doubles become integers."""
    if x is None:
        return None
    if isinstance(x, (bool, np.bool_)):
        return x
    if isinstance(x, (int, float, np.integer, np.floating)):
        x = int(x)
        return x - 1 if x > 0 else x
    if isinstance(x, (list, tuple)) and any(isinstance(v, (list, tuple)) for v in x):
        return [as_py_index(v) for v in x]
    if isinstance(x, (list, tuple, np.ndarray)):
        array = np.asarray(x)
        if array.dtype.kind == "f":
            array = array.astype("int32")
        return np.where(array > 0, array - 1, array)
    return keras.ops.where(x > 0, x - 1, x)


def split_positions(n):
    """`op_split(indices_or_sections)`: a number of sections as an int, a vector of 1-based
    split positions as 0-based ones."""
    if keras.ops.is_tensor(n) or isinstance(n, np.ndarray):
        return as_py_index(n) if len(n.shape) > 0 else n
    if isinstance(n, (list, tuple)):
        return as_py_index(n) if len(n) > 1 else int(n[0])
    return int(n)


TopK = collections.namedtuple("TopK", ["values", "indices"])


def op_top_k(x, k, sorted=True, zero_indexed=False):
    """keras3's `op_top_k()`: values and (1-based unless `zero_indexed`) indices, by name."""
    values, indices = keras.ops.top_k(x, int(k), sorted=sorted)
    return TopK(values, indices if zero_indexed else indices + 1)


def _slice_of(values: list[int]):
    """keras3's `try_into_slice()`: an arithmetic run of 1-based positions of one sign as
    (first, last, step), or None."""
    start, end = values[0], values[-1]
    step = values[1] - values[0]
    if step == 0 or (start > 0) != (end > 0):
        return None
    if values != list(range(start, end + (1 if step > 0 else -1), step)):
        return None
    return start, end, step


def _python_slice(run) -> slice:
    """The inclusive 1-based run (first, last, step) as a 0-based Python slice."""
    first, last, step = run
    start = first - 1 if first > 0 else first
    if step > 0:
        stop = last if last > 0 else (last + 1 or None)
    else:
        stop = last - 2 if last > 0 else last - 1
        stop = None if stop == -1 and last > 0 else stop
    return slice(start, stop, None if step == 1 else step)


def _key(x, keys):
    """keras3's `r_extract_args_into_py_get_item_key()`: R subscripts (as reticulate sends
    them; a missing one is `slice(None)`, `NULL` a new axis) as a numpy-style key."""
    shape = tuple(x.shape)
    advanced: list[int] = []
    key: list = []
    for axis, arg in enumerate(keys):
        key.append(_axis_key(arg, axis, shape, advanced))
    if len(keys) == 1 and isinstance(key[0], tuple):
        return key[0]  # an integer matrix of coordinates
    if len(advanced) > 1:  # advanced indices broadcast against each other, R's outer way
        for position, axis in enumerate(advanced):
            dims = [1] * len(advanced)
            dims[position] = -1
            key[axis] = np.reshape(key[axis], dims)
    return tuple(key)


def _axis_key(arg, axis, shape, advanced):
    if arg is None:
        return None  # numpy's newaxis
    if isinstance(arg, slice) or arg is Ellipsis:
        return arg
    if isinstance(arg, (bool, np.bool_)):
        arg = [arg]
    if isinstance(arg, (int, float, np.integer, np.floating)):
        position = int(arg)
        if position == 0:
            raise ValueError("indexing is 1 based")
        return position - 1 if position > 0 else position
    if keras.ops.is_tensor(arg):
        if arg.dtype == "bool":
            advanced.append(axis)
            return keras.ops.nonzero(arg)[0]
        if len(arg.shape) == 2 and len(shape) == arg.shape[1]:
            shifted = keras.ops.where(arg > 0, arg - 1, arg)
            return tuple(keras.ops.unstack(shifted, axis=1))
        if len(arg.shape) == 1:
            advanced.append(axis)
        return keras.ops.where(arg > 0, arg - 1, arg)
    array = np.asarray(arg)
    if array.dtype == bool:
        if array.shape == tuple(shape) and len(shape) > 1:
            return array
        advanced.append(axis)
        return np.nonzero(array)[0]
    if array.ndim == 2 and array.shape[1] == len(shape):
        shifted = np.where(array > 0, array - 1, array).astype("int64")
        return tuple(shifted[:, i] for i in range(array.shape[1]))
    values = [int(v) for v in array.reshape(-1)]
    if len(values) == 1:
        return _axis_key(values[0], axis, shape, advanced)
    run = _slice_of(values)
    if run is not None:
        return _python_slice(run)
    advanced.append(axis)
    return np.asarray([v - 1 if v > 0 else v for v in values])


def op_subset(x, *keys):
    """keras3's `op_subset(x, ...)` / `x@r[...]`: 1-based, inclusive R subscripts; negative
    positions count from the end; vectors pick elements; one integer matrix picks points."""
    key = _key(x, keys)
    getitem = getattr(x, "_numpy_style_getitem", None)
    return getitem(key) if getitem is not None else x[key]


def op_subset_set(x, *keys, value):
    """keras3's `op_subset<-`: a variable's elements assigned (the variable returned), a
    numpy array's set in place."""
    key = _key(x, keys)
    if hasattr(x, "assign"):
        if hasattr(x, "_numpy_style_getitem") or hasattr(x, "__getitem__"):
            part = x[key]
            if hasattr(part, "assign"):
                return part.assign(value)
        updated = keras.ops.convert_to_numpy(x).copy()
        updated[key] = value
        x.assign(updated)
        return x
    x[key] = value
    return x
