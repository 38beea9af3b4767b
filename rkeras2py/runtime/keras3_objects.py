"""Runtime helpers for R keras3's objects: callback_lambda()'s hooks and
set_custom_objects()."""

from __future__ import annotations

import functools

__all__ = ["callback_hook", "callback_logs_hook", "set_custom_objects"]


def _update(logs, result) -> None:
    if isinstance(result, dict) and logs is not None:
        logs.update(result)


def callback_hook(fn):
    """A `callback_lambda()` hook taking (epoch or batch, logs), as keras3 wraps it: the
    index is 1-based, and a dict (an R named list) the hook returns updates the logs."""

    @functools.wraps(fn)
    def hook(index, logs=None):
        _update(logs, fn(index + 1, logs))

    return hook


def callback_logs_hook(fn):
    """A `callback_lambda()` hook taking logs only (`on_train_begin`), as keras3 wraps it."""

    @functools.wraps(fn)
    def hook(logs=None):
        _update(logs, fn(logs))

    return hook


def set_custom_objects(objects=None, clear=True):
    """R keras3's `set_custom_objects()`: replaces (or, with `clear=False`, extends) Keras's
    global custom objects, keeping its name registry in step; returns the previous ones."""
    from keras.src.saving import object_registration as registry

    previous = dict(registry.GLOBAL_CUSTOM_OBJECTS)
    if clear:
        registry.GLOBAL_CUSTOM_NAMES.clear()
        registry.GLOBAL_CUSTOM_OBJECTS.clear()
    if objects:
        registry.GLOBAL_CUSTOM_OBJECTS.update(objects)
        registry.GLOBAL_CUSTOM_NAMES.clear()
        registry.GLOBAL_CUSTOM_NAMES.update(
            {obj: name for name, obj in registry.GLOBAL_CUSTOM_OBJECTS.items()}
        )
    return previous
