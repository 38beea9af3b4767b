"""keras3: ops (to be filled)."""

from __future__ import annotations
