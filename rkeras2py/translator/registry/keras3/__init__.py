"""R keras3: the R package that wraps Keras 3 directly (`library(keras3)`).

Entries share keras 2.x's where keras3 calls the same Python (`signatures.inherit`), with
keras3's own formals and coercions; the topic modules add what keras3 alone has (`op_*`,
`config_*`, `random_*`, the `Layer()` family) and override what it means otherwise.
"""

from . import (  # noqa: F401  (each fills TABLE)
    classes,
    layers,
    models,
    objects,
    ops,
    utilities,
)
from .models import ATTRIBUTES, METHOD_HELPERS, METHOD_KINDS, PATH_RENAMES
from .table import TABLE

__all__ = ["ATTRIBUTES", "METHOD_HELPERS", "METHOD_KINDS", "PATH_RENAMES", "TABLE"]
