"""Layers and shapes: what R keras's `create_layer()` and `normalize_shape()` decide at run
time."""

from __future__ import annotations

from tensorflow import keras

__all__ = ["compose_layer", "merge_inputs", "normalize_shape"]


def compose_layer(obj, layer, *args, **kwargs):
    """R keras's `compose_layer()`: `obj %>% layer` adds the layer to a Sequential model
    (and returns the model), and calls it on anything else (a tensor, a list of them)."""
    if obj is None:  # no object: the layer itself, as R returns it
        return layer
    if isinstance(obj, keras.Sequential):
        obj.add(layer)
        return obj
    return layer(obj, *args, **kwargs)


def normalize_shape(shape):
    """R keras's `normalize_shape()`: a tuple of ints, missing dimensions as None."""
    if shape is None:
        return None
    if hasattr(shape, "as_list"):
        return tuple(shape.as_list())
    if not isinstance(shape, (list, tuple)) and not hasattr(shape, "__len__"):
        shape = [shape]
    return tuple(None if dim is None or dim != dim else int(dim) for dim in shape)


def merge_inputs(inputs, *more):
    """The inputs of R keras's merge layers (`layer_add(inputs, ...)`, `layer_concatenate()`,
    ...): `c(inputs, <unnamed ...>)`, where `inputs` is a list of tensors or one tensor."""
    first = list(inputs) if isinstance(inputs, (list, tuple)) else [inputs]
    return first + list(more)
