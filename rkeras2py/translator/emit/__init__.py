"""Emitters, one module per kind of R construct; importing them registers them."""

from . import assign, calls, control, functions, indexing, operators, values

__all__ = ["assign", "calls", "control", "functions", "indexing", "operators", "values"]
