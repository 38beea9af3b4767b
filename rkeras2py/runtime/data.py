"""Data: tf.data pipelines and R arrays as R tfdatasets and keras hand them over."""

from __future__ import annotations

__all__: list[str] = []
