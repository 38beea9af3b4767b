"""keras3: models (to be filled)."""

from __future__ import annotations
