"""keras3's layer wrappers: the coercions that can only be decided at run time."""

from __future__ import annotations

from .layers import normalize_shape

__all__ = ["reshape_target"]


def reshape_target(shape) -> tuple:
    """keras3's `layer_reshape(target_shape)`: `normalize_shape()`, then a missing (NA or
    NULL) dimension is -1, the one Reshape infers."""
    return tuple(-1 if dim is None else dim for dim in normalize_shape(shape))
