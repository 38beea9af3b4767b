"""What the parser computes once per grammar, kept in the temp directory between runs.

Files are named by a hash of what they were computed from, written whole or not at all
(temp file and rename), and read back only when this user owns them: the temp directory is
shared, and a file planted there must not decide how R is parsed. Anything unreadable,
foreign or malformed is computed again; a read-only temp directory only costs computing it
in every run.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def remembered(
    kind: str, source: str, compute: Callable[[], object], read: Callable[[object], T]
) -> T:
    """`read(data)` for the plain data (`marshal`-able) `compute()` gives for `source`: from
    the file of an earlier run when there is a good one. `read` raises TypeError or
    ValueError on data of the wrong shape."""
    key = hashlib.sha256(source.encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f".rkeras2py_{kind}_{key}.marshal"
    try:
        if _owned(path):
            return read(marshal.loads(path.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError):
        pass  # not there yet, or damaged: computed again
    data = compute()
    try:
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(data))
        os.replace(temporary, path)
    except (OSError, ValueError):
        pass
    return read(data)


def _owned(path: Path) -> bool:
    """Whether this user owns `path` (always, where the system has no user ids)."""
    getuid = getattr(os, "getuid", None)
    return getuid is None or path.stat().st_uid == getuid()
