"""Training verbs whose R keras results Keras 3 shapes differently."""

from __future__ import annotations

__all__ = ["compiled_loss", "evaluate", "update_compiled_metrics"]


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


def compiled_loss(model, y, y_pred, sample_weight=None, regularization_losses=None):
    """R keras 2.x's `model$compiled_loss(y, y_pred)` in a custom `train_step`: the compiled
    loss plus the layers' regularization losses (Keras 3's `compute_loss` adds both), also
    counted in the model's `loss` metric as Keras 2's loss container counted it."""
    loss = model.compute_loss(y=y, y_pred=y_pred, sample_weight=sample_weight)
    for metric in model.metrics:
        if metric.name == "loss":
            metric.update_state(loss)
    return loss


def update_compiled_metrics(model, y, y_pred, sample_weight=None):
    """R keras 2.x's `model$compiled_metrics$update_state(y, y_pred)`: every compiled metric
    but the loss (which `compiled_loss` counts)."""
    for metric in model.metrics:
        if metric.name != "loss":
            metric.update_state(y, y_pred, sample_weight=sample_weight)
