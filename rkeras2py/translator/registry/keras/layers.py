"""Layer wrappers: `layer_*()`, the RNN cells and the layer wrappers (`bidirectional()`).

Each entry lists the R formals after `object` (R keras 2.15), so positional arguments match
as in R, and the coercions the R wrapper applies (`as.integer(units)`,
`as_integer_tuple(kernel_size)`, `normalize_shape(target_shape)`, `as_axis(axis)`).
"""

from __future__ import annotations

from ..convert import as_int
from .compose import layer

layer(
    "layer_dense",
    "Dense",
    "units activation use_bias kernel_initializer bias_initializer kernel_regularizer "
    "bias_regularizer activity_regularizer kernel_constraint bias_constraint",
    convert={"units": as_int},
)
layer("layer_dropout", "Dropout", "rate noise_shape seed", convert={"seed": as_int})
layer("layer_flatten", "Flatten", "data_format")
