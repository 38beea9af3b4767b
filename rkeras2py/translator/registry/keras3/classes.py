"""keras3: classes (to be filled)."""

from __future__ import annotations
