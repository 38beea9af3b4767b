"""Layers and shapes: what R keras's `create_layer()` and `normalize_shape()` decide at run
time."""

from __future__ import annotations

from tensorflow import keras

__all__ = ["compose_layer", "merge_inputs", "normalize_shape", "time_major"]


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
    return tuple(_dimension(dim) for dim in shape)


def _dimension(dim):
    """One dimension: None for NA/NULL; a symbolic size (a tensor, inside a traced
    function) kept as it is."""
    if dim is None:
        return None
    if keras.ops.is_tensor(dim):
        return dim
    return None if dim != dim else int(dim)


def merge_inputs(inputs, *more):
    """The inputs of R keras's merge layers (`layer_add(inputs, ...)`, `layer_concatenate()`,
    ...): `c(inputs, <unnamed ...>)`, where `inputs` is a list of tensors or one tensor."""
    first = list(inputs) if isinstance(inputs, (list, tuple)) else [inputs]
    return first + list(more)


class _TimeMajor(keras.layers.Layer):
    """An RNN layer reading time-major input, (time, batch, features)."""

    def __init__(self, layer, **kwargs):
        super().__init__(**kwargs)
        self.layer = layer

    def call(self, inputs, *args, **kwargs):
        outputs = self.layer(keras.ops.swapaxes(inputs, 0, 1), *args, **kwargs)
        sequences = getattr(self.layer, "return_sequences", False)

        def back(tensor):
            return keras.ops.swapaxes(tensor, 0, 1) if sequences else tensor

        if isinstance(outputs, (list, tuple)):  # return_state: the states are per sample
            return [back(outputs[0]), *outputs[1:]]
        return back(outputs)


def time_major(layer):
    """R keras 2.x's `time_major = TRUE` on `layer_rnn()`, `layer_lstm()` and `layer_gru()`,
    which Keras 3 removed: `layer` reads (time, batch, features) input and gives its
    sequences back time-major, as TF2-Keras did."""
    return _TimeMajor(layer)
