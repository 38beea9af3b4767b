"""The keras table, filled by the topic modules of this package."""

from __future__ import annotations

from .. import Table
from ..convert import py_value

# R keras wrappers hand their arguments to Python through reticulate.
TABLE = Table("keras", pass_value=py_value)
