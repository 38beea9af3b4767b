"""zeallot: `c(a, c(b, d)) %<-% value` is translated as tuple unpacking by the assignment
emitter (`a, (b, d) = value`).

CAVEATS
- `...rest` collectors and default values in the pattern are not translated.
"""

from __future__ import annotations

from . import Table

TABLE = Table("zeallot")
TABLE.add("%->%", status="removed", note="(right-pointing unpacking) is not translated")
