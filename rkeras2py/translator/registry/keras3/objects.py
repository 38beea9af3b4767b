"""keras3: objects (to be filled)."""

from __future__ import annotations
