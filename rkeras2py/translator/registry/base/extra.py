"""More base R functions: predicates, sets, element-wise extremes, string helpers.

CAVEATS
- Set operations keep R's order: first occurrences, in the order they appear.
"""

from __future__ import annotations

from .core import TABLE

__all__ = ["TABLE"]
