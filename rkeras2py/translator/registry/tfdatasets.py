"""R's tfdatasets package: `tf.data` pipelines written as functions (`dataset_batch(ds, 32)`
is `ds.batch(32)`).

CAVEATS: a map function runs as a TensorFlow graph; R control flow on tensors in it needs
`tf$cond` in R and in Python alike.
"""

from __future__ import annotations

from . import Table
from .convert import py_value

TABLE = Table("tfdatasets", pass_value=py_value)
