"""base R → Python. One table for the package, filled by the topic modules below.

CAVEATS (each topic module lists its own)
- Numeric vectors become numpy float arrays (R doubles), character vectors Python lists;
  named vectors and named lists become dicts.
- Number formatting is Python's (`5.0` where R prints `5`); only values are kept.
"""

from __future__ import annotations

from . import attributes, extra, files  # noqa: F401  (each adds its entries to TABLE)
from .core import TABLE

__all__ = ["TABLE"]
