"""The backend: axes and dtypes as R keras's `k_*()` wrappers handle them."""

from __future__ import annotations

from tensorflow import keras

__all__ = ["as_axis", "k_cast", "k_floatx"]


def as_axis(axis):
    """R keras's `as_axis()`: a 1-based axis (or several) as 0-based; negative axes count
    from the end in R and Python alike and stay; 0 is an error, as in R."""
    if axis is None:
        return None
    if isinstance(axis, (list, tuple)) or hasattr(axis, "tolist"):
        values = axis.tolist() if hasattr(axis, "tolist") else axis
        if not isinstance(values, list):
            return as_axis(values)
        return [as_axis(value) for value in values]
    axis = int(axis)
    if axis == 0:
        raise ValueError("`axis` argument is 1 based, received 0")
    return axis - 1 if axis > 0 else axis


def k_cast(x, dtype):
    """R keras's `k_cast(x, dtype)`: `x` as a tensor of `dtype`."""
    return keras.ops.cast(x, dtype)


def k_floatx():
    """R keras's `k_floatx()`: the default float type's name, "float32" unless changed."""
    return keras.config.floatx()
