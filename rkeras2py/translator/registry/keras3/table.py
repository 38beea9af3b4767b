"""The keras3 table, filled by the topic modules of this package."""

from __future__ import annotations

from .. import Table
from ..convert import py_value

# Like keras 2.x, keras3's wrappers hand their arguments to Python through reticulate.
TABLE = Table("keras3", pass_value=py_value)
