"""The backend: axes and dtypes as R keras's `k_*()` wrappers handle them."""

from __future__ import annotations

import math
import sys

import tensorflow as tf
from tensorflow import keras

__all__ = [
    "as_axis",
    "k_batch_dot",
    "k_batch_flatten",
    "k_batch_set_value",
    "k_bias_add",
    "k_cast",
    "k_ctc_batch_cost",
    "k_ctc_decode",
    "k_floatx",
    "k_gather",
    "k_moving_average_update",
    "k_print_tensor",
    "k_spatial_2d_padding",
    "k_spatial_3d_padding",
    "k_temporal_padding",
]


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


def k_gather(reference, indices):
    """R keras's `k_gather(reference, indices)`: rows `indices` of `reference`; R-side
    indices are 1-based (shifted as `as_axis()` shifts them), tensors are used as they are."""
    if not keras.ops.is_tensor(indices):
        indices = as_axis(indices)
    return keras.ops.take(reference, indices, axis=0)


def k_batch_dot(x, y, axes):
    """R keras's `k_batch_dot(x, y, axes)` (axes already 0-based): for each sample, the dot
    product of `x` and `y` over the axes given, as Keras 2's `batch_dot()`; two 2-D inputs
    give a (batch, 1) result."""
    x, y = keras.ops.convert_to_tensor(x), keras.ops.convert_to_tensor(y)
    if isinstance(axes, int):
        axes = (axes, axes)
    x_axis, y_axis = (a + len(t.shape) if a < 0 else a for a, t in zip(axes, (x, y)))
    if x_axis == 0 or y_axis == 0:
        raise ValueError("Cannot perform batch_dot over axis 0 (the batch axis)")
    x = keras.ops.moveaxis(x, x_axis, -1)  # (batch, *x_rest, n)
    y = keras.ops.moveaxis(y, y_axis, 1)  # (batch, n, *y_rest)
    x_rest, y_rest = tuple(x.shape[1:-1]), tuple(y.shape[2:])
    flat_x = keras.ops.reshape(x, (-1, math.prod(x_rest), x.shape[-1]))
    flat_y = keras.ops.reshape(y, (-1, y.shape[1], math.prod(y_rest)))
    result = keras.ops.reshape(keras.ops.matmul(flat_x, flat_y), (-1, *x_rest, *y_rest))
    return keras.ops.expand_dims(result, 1) if len(result.shape) == 1 else result


def k_batch_flatten(x):
    """R keras's `k_batch_flatten(x)`: (batch, everything else)."""
    x = keras.ops.convert_to_tensor(x)
    return keras.ops.reshape(x, (-1, math.prod(x.shape[1:])))


def k_temporal_padding(x, padding=(1, 1)):
    """R keras's `k_temporal_padding(x, padding)`: zeros before and after the time axis."""
    before, after = (int(p) for p in padding)
    return keras.ops.pad(x, [[0, 0], [before, after], [0, 0]])


def _spatial_padding(x, padding, data_format):
    widths = [[int(before), int(after)] for before, after in padding]
    if (data_format or keras.config.image_data_format()) == "channels_first":
        return keras.ops.pad(x, [[0, 0], [0, 0], *widths])
    return keras.ops.pad(x, [[0, 0], *widths, [0, 0]])


def k_spatial_2d_padding(x, padding=((1, 1), (1, 1)), data_format=None):
    """R keras's `k_spatial_2d_padding(x, padding, data_format)`: zeros around the rows and
    columns of 4-D images, ((top, bottom), (left, right))."""
    return _spatial_padding(x, padding, data_format)


def k_spatial_3d_padding(x, padding=((1, 1), (1, 1), (1, 1)), data_format=None):
    """R keras's `k_spatial_3d_padding(x, padding, data_format)`: zeros around the three
    spatial axes of 5-D volumes."""
    return _spatial_padding(x, padding, data_format)


def k_bias_add(x, bias, data_format=None):
    """R keras's `k_bias_add(x, bias, data_format)`: `bias` added along the channel axis,
    the second one for "channels_first"."""
    x, bias = keras.ops.convert_to_tensor(x), keras.ops.convert_to_tensor(bias)
    if (data_format or keras.config.image_data_format()) == "channels_first":
        channels = bias.shape[-1]
        rest = tuple(bias.shape[:-1]) or (1,) * (len(x.shape) - 2)
        bias = keras.ops.reshape(
            keras.ops.moveaxis(bias, -1, 0) if len(bias.shape) > 1 else bias, (1, channels, *rest)
        )
    return keras.ops.add(x, bias)


def k_moving_average_update(x, value, momentum):
    """R keras's `k_moving_average_update(x, value, momentum)`: `x` moves towards `value`,
    `x * momentum + value * (1 - momentum)`."""
    return x.assign(x * momentum + keras.ops.convert_to_tensor(value, x.dtype) * (1 - momentum))


def k_batch_set_value(lists):
    """R keras's `k_batch_set_value(lists)`: each `list(variable, value)` pair assigned."""
    for variable, value in lists:
        variable.assign(value)


def k_print_tensor(x, message=""):
    """R keras's `k_print_tensor(x, message)`: prints the message and the tensor's values
    (as `tf.print` formats them), returns `x`. Eagerly through Python's stdout, so the line
    comes in order with the program's other output."""
    if tf.executing_eagerly():
        print(message, tf.strings.format("{}", x).numpy().decode())
    else:
        tf.print(message, x, output_stream=sys.stdout)
    return x


def k_ctc_batch_cost(y_true, y_pred, input_length, label_length):
    """R keras's `k_ctc_batch_cost()`: the CTC loss of each sample, shape (samples, 1), as
    Keras 2 computed it: `y_pred` holds softmax probabilities, the blank is the last class,
    the lengths are (samples, 1) columns."""
    y_pred = keras.ops.convert_to_tensor(y_pred)
    loss = keras.ops.ctc_loss(
        y_true,
        keras.ops.log(y_pred + keras.config.epsilon()),
        keras.ops.cast(keras.ops.reshape(label_length, (-1,)), "int32"),
        keras.ops.cast(keras.ops.reshape(input_length, (-1,)), "int32"),
        mask_index=y_pred.shape[-1] - 1,
    )
    return keras.ops.expand_dims(loss, 1)


def k_ctc_decode(y_pred, input_length, greedy=True, beam_width=100, top_paths=1):
    """R keras's `k_ctc_decode()`: a list of the `top_paths` decoded label tensors (padded
    with -1) and the log probabilities, as Keras 2 decoded softmax probabilities whose
    blank is the last class."""
    y_pred = keras.ops.convert_to_tensor(y_pred)
    decoded, log_prob = keras.ops.ctc_decode(
        keras.ops.log(y_pred + keras.config.epsilon()),
        keras.ops.cast(keras.ops.reshape(input_length, (-1,)), "int32"),
        strategy="greedy" if greedy else "beam_search",
        beam_width=int(beam_width),
        top_paths=int(top_paths),
        mask_index=y_pred.shape[-1] - 1,
    )
    return [decoded[path] for path in range(decoded.shape[0])], log_prob
