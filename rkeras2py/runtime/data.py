"""Data: tf.data pipelines and tensors as R tfdatasets and tensorflow hand them over."""

from __future__ import annotations

import math

import tensorflow as tf

__all__ = ["dataset_length", "dataset_options", "tensor_t"]


def dataset_length(dataset):
    """tfdatasets' `length(dataset)`: the number of elements; Inf for an infinite dataset
    (`dataset_repeat()`), NA (NaN here) when TensorFlow cannot tell (`dataset_filter()`)."""
    cardinality = int(dataset.cardinality())
    if cardinality == int(tf.data.INFINITE_CARDINALITY):
        return math.inf
    if cardinality == int(tf.data.UNKNOWN_CARDINALITY):
        return math.nan
    return cardinality


_INTEGER_OPTIONS = (
    "threading.private_threadpool_size",
    "threading.max_intra_op_parallelism",
    "experimental_distribute.num_devices",
)


def dataset_options(dataset, options=None):
    """tfdatasets' `dataset_options(dataset, ...)`: with no options, the dataset's current
    `tf.data.Options`; otherwise the dataset with these options set. Names may be dotted
    paths into the options (`"threading.private_threadpool_size"`)."""
    if not options:
        return dataset.options()
    merged = tf.data.Options()
    for name, value in options.items():
        if isinstance(value, tf.data.Options):
            merged = merged.merge(value)
            continue
        if name in _INTEGER_OPTIONS:  # R's wrapper sends these through as.integer()
            value = int(value)
        *path, last = name.split(".")
        target = merged
        for part in path:
            target = getattr(target, part)
        setattr(target, last, value)
    return dataset.with_options(merged)


def tensor_t(x):
    """tensorflow's `t(x)` for a tensor: a matrix transposed, a 1-d tensor as one row,
    a scalar as a 1x1 matrix."""
    rank = len(x.shape)
    if rank == 0:
        return tf.reshape(x, (1, 1))
    if rank == 1:
        return tf.expand_dims(x, 0)
    if rank == 2:
        return tf.transpose(x)
    raise ValueError("x must be a matrix or 1d vector. Use aperm() for nd arrays.")
