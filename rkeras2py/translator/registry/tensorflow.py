"""R's tensorflow package: the `tf` module object, tensors and their S3 methods.

`tf$...` chains are Python already: they pass through, with R values converted as
reticulate converts them (so `tf$constant(c(1, 2))` is float32, `2L` an int). The kinds of
what common chains return are listed so `$` and `[` on the results translate right.

CAVEATS: a raw `tf$` axis is 0-based, as the R code wrote it; tensorflow's own S3 methods
(`sum(x, axis = 1)`, `x[1, ]`) are 1-based and shifted.
"""

from __future__ import annotations

from ..kinds import Kind
from . import Table
from .convert import py_value

TABLE = Table("tensorflow", pass_value=py_value)

TABLE.add("tf", "tensorflow", kind=Kind.PYOBJ, status="object")

CHAIN_KINDS = {
    "tensorflow": Kind.TENSOR,
    "tensorflow.data.Dataset": Kind.DATASET,
    "tensorflow.data.TextLineDataset": Kind.DATASET,
    "tensorflow.data.TFRecordDataset": Kind.DATASET,
    "tensorflow.GradientTape": Kind.PYOBJ,
    "tensorflow.function": Kind.FUNCTION,
    "tensorflow.keras": Kind.PYOBJ,
    "tensorflow.random.set_seed": Kind.NULL,
    "tensorflow.TensorShape": Kind.PYOBJ,
    "tensorflow.shape": Kind.TENSOR,
    "keras": Kind.PYOBJ,
    "keras.layers.": Kind.LAYER,
    "keras.layers.Input": Kind.TENSOR,
    "keras.Input": Kind.TENSOR,
    "keras.Sequential": Kind.SEQUENTIAL,
    "keras.models.Sequential": Kind.SEQUENTIAL,
    "keras.Model": Kind.MODEL,
    "keras.models.Model": Kind.MODEL,
    "keras.ops": Kind.TENSOR,
    "keras.random": Kind.TENSOR,
    "keras.activations": Kind.TENSOR,
}
