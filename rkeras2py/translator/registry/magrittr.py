"""magrittr: `%>%` is translated by the pipe emitter (`x %>% f(y)` is `f(x, y)`).

CAVEATS
- `.` as an argument places the left-hand side; `%<>%`, `%T>%` and `%$%` are reported.
"""

from __future__ import annotations

from . import Table

TABLE = Table("magrittr")
for _name in ("%<>%", "%T>%", "%$%"):
    TABLE.add(_name, status="removed", note="(a magrittr pipe variant) is not translated")
