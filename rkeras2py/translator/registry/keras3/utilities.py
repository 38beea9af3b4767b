"""keras3: utilities (to be filled)."""

from __future__ import annotations
