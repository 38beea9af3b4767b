"""Models: saving, loading and the training history as R keras handles them."""

from __future__ import annotations

__all__: list[str] = []
