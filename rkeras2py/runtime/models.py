"""Models: saving, loading and the training history as R keras handles them, and the model
objects (metrics, activations, callbacks) whose R keras 2.x behaviour Keras 3 changed."""

from __future__ import annotations

__all__ = ["checkpoint_filepath", "custom_metric", "keras2_hard_sigmoid"]


def custom_metric(name, metric_fn):
    """R keras's `custom_metric(name, metric_fn)`: `metric_fn` under the name `name`, which
    Keras uses for the metric in the logs and the history."""

    def metric(y_true, y_pred):
        return metric_fn(y_true, y_pred)

    metric.__name__ = metric.__qualname__ = name
    return metric


def keras2_hard_sigmoid(x):
    """R keras 2.x's `activation_hard_sigmoid(x)`: TF2-Keras's `clip(0.2 * x + 0.5, 0, 1)`.

    Keras 3's `keras.activations.hard_sigmoid` is `relu6(x + 3) / 6` (slope 1/6), so it
    gives other numbers (0.667 rather than 0.7 at x = 1)."""
    from keras import ops

    x = ops.convert_to_tensor(x)
    return ops.clip(0.2 * x + 0.5, 0.0, 1.0)


def checkpoint_filepath(filepath, save_weights_only=False):
    """The `filepath` of R keras's `callback_model_checkpoint()`, named as Keras 3's
    ModelCheckpoint requires for what TF2-Keras saved there: weights to `.weights.h5`
    (`.h5`/`.hdf5` files were HDF5 weights), a model to `.keras` (`.h5`/`.hdf5` stay
    HDF5 as `.h5`; no extension was a SavedModel directory)."""
    path = str(filepath)
    if save_weights_only:
        if path.endswith(".weights.h5"):
            return path
        for extension in (".hdf5", ".h5"):
            if path.endswith(extension):
                return path[: -len(extension)] + ".weights.h5"
        return path + ".weights.h5"
    if path.endswith((".keras", ".h5")):
        return path
    if path.endswith(".hdf5"):
        return path[: -len(".hdf5")] + ".h5"
    return path + ".keras"
