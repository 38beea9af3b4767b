"""R6: only `R6Class()`, as the legacy R keras layer API used it (`inherit = KerasLayer`);
the class statement it becomes is written by the keras package's `classes` module."""

from __future__ import annotations

from . import Table
from .keras import TABLE as KERAS

TABLE = Table("R6")
TABLE.entries["R6Class"] = KERAS.entries["R6Class"]
