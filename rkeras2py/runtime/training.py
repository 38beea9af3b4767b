"""Training verbs whose R keras results Keras 3 shapes differently."""

from __future__ import annotations

__all__ = ["evaluate"]


def evaluate(model, *args, **kwargs) -> dict:
    """R keras's `evaluate()`: the results named as R names them (a named vector there, a
    dict here) and in R's order, loss first, then the metrics in the order they were
    compiled (Keras 3's `return_dict=True` sorts the names)."""
    logs = model.evaluate(*args, return_dict=True, **kwargs)
    order: list[str] = []
    for metric in model.metrics:
        compiled = type(metric).__name__ == "CompileMetrics"  # the metrics given to compile()
        order += [m.name for m in metric.metrics] if compiled else [metric.name]
    named = {name: logs[name] for name in order if name in logs}
    named.update((name, value) for name, value in logs.items() if name not in named)
    return named
