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
    ModelCheckpoint requires for what TF2-Keras saved there."""
    from ..checkpoints import checkpoint_path

    return checkpoint_path(str(filepath), save_weights_only)


# ---- saving and loading: R keras's file formats on Keras 3 ------------------------------
# (added for registry/keras/saving.py; the names join `__all__` at the end of the file)

_H5_SUFFIXES = (".h5", ".hdf5")
_SHORT_LOSS_NAMES = {
    "mse": "mean_squared_error",
    "mae": "mean_absolute_error",
    "mape": "mean_absolute_percentage_error",
    "msle": "mean_squared_logarithmic_error",
    "kld": "kl_divergence",
}


def _expand(path) -> str:
    """R keras's `normalize_path()`: `~` expanded (R also makes the path absolute)."""
    import os

    return os.path.expanduser(str(path))


def _through_temporary(path: str, suffix: str, write) -> None:
    """Write a file Keras 3 only writes under `suffix` to `path`: through a temporary file."""
    import os
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as directory:
        temporary = os.path.join(directory, "file" + suffix)
        write(temporary)
        shutil.move(temporary, path)


def _read_through_temporary(path: str, suffix: str, read):
    """Read a file Keras 3 only reads under `suffix` from `path`: through a temporary copy."""
    import os
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as directory:
        temporary = os.path.join(directory, "file" + suffix)
        shutil.copyfile(path, temporary)
        return read(temporary)


def save_model_hdf5(model, filepath, overwrite=True, include_optimizer=True) -> bool:
    """R keras's `save_model_hdf5()`: the model as a (legacy) HDF5 file at `filepath`, whatever
    its suffix (Keras 3 wants `.h5`); TRUE, as R returns invisibly."""
    import os

    path = _expand(filepath)
    if not overwrite and os.path.exists(path):
        raise FileExistsError(
            f"File '{path}' already exists (pass overwrite = TRUE to force save)."
        )
    if path.endswith(_H5_SUFFIXES):
        model.save(path, include_optimizer=include_optimizer)
    else:
        _through_temporary(
            path, ".h5", lambda p: model.save(p, include_optimizer=include_optimizer)
        )
    return True


def load_model_hdf5(filepath, custom_objects=None, compile=True):
    """R keras's `load_model_hdf5()`: a model saved by `save_model_hdf5()` (HDF5) or as a
    `.keras` file, whatever the suffix of `filepath`."""
    import zipfile

    from tensorflow import keras

    # Keras 3 reads a loss saved in HDF5 under its short name ("mse") as a metric and
    # refuses it; the long names read back fine.
    custom_objects = {**_SHORT_LOSS_NAMES, **(custom_objects or {})}
    path = _expand(filepath)
    if path.endswith((*_H5_SUFFIXES, ".keras")):
        return keras.models.load_model(path, custom_objects=custom_objects, compile=compile)
    suffix = ".keras" if zipfile.is_zipfile(path) else ".h5"
    return _read_through_temporary(
        path,
        suffix,
        lambda p: keras.models.load_model(p, custom_objects=custom_objects, compile=compile),
    )


_SAVEDMODEL_FILE = "model.keras"


def save_model_tf(model, filepath, overwrite=True, include_optimizer=True) -> bool:
    """R keras's `save_model_tf()`: a directory at `filepath`, as R writes. Keras 3 no longer
    writes a SavedModel a model reloads from, so the directory holds the model as
    `model.keras` (`load_model_tf()` reads it back; `model.export()` writes a SavedModel
    for inference)."""
    import os

    path = _expand(filepath)
    target = os.path.join(path, _SAVEDMODEL_FILE)
    if not overwrite and os.path.exists(target):
        raise FileExistsError(
            f"File '{path}' already exists (pass overwrite = TRUE to force save)."
        )
    os.makedirs(path, exist_ok=True)
    model.save(target, include_optimizer=include_optimizer)
    return True


def load_model_tf(filepath, custom_objects=None, compile=True):
    """R keras's `load_model_tf()`: the model `save_model_tf()` wrote in the directory
    `filepath`. A SavedModel TensorFlow wrote reloads only for inference in Keras 3."""
    import os

    from tensorflow import keras

    path = _expand(filepath)
    target = os.path.join(path, _SAVEDMODEL_FILE)
    if not os.path.exists(target) and os.path.exists(os.path.join(path, "saved_model.pb")):
        raise ValueError(
            f"'{path}' is a TensorFlow SavedModel: Keras 3 cannot load it as a model "
            "(keras.layers.TFSMLayer(path) reloads it for inference)"
        )
    return keras.models.load_model(target, custom_objects=custom_objects, compile=compile)


def save_model_weights_hdf5(model, filepath, overwrite=True) -> bool:
    """R keras's `save_model_weights_hdf5()`: the weights as HDF5 at `filepath` (Keras 3 writes
    weights only under the suffix `.weights.h5`)."""
    import os

    path = _expand(filepath)
    if not overwrite and os.path.exists(path):
        raise FileExistsError(
            f"File '{path}' already exists (pass overwrite = TRUE to force save)."
        )
    if path.endswith(".weights.h5"):
        model.save_weights(path)
    else:
        _through_temporary(path, ".weights.h5", model.save_weights)
    return True


def load_model_weights_hdf5(model, filepath):
    """R keras's `load_model_weights_hdf5()`: weights saved by `save_model_weights_hdf5()`
    (Keras 3's layout) or by Keras 2 (legacy HDF5), whatever the suffix; the model back."""
    import h5py

    path = _expand(filepath)
    if path.endswith(".weights.h5"):
        model.load_weights(path)
        return model
    with h5py.File(path, "r") as file:
        legacy = "layer_names" in file.attrs or "model_weights" in file
    if legacy and path.endswith(_H5_SUFFIXES):
        model.load_weights(path)
    else:
        _read_through_temporary(path, ".h5" if legacy else ".weights.h5", model.load_weights)
    return model


def serialize_model(model, include_optimizer=True) -> bytes:
    """R keras's `serialize_model()`: the model as the bytes of a saved file (a raw vector in
    R, an HDF5 file there, a `.keras` file here), for `unserialize_model()`."""
    import os
    import tempfile

    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "model.keras")
        model.save(path)
        with open(path, "rb") as file:
            return file.read()


def unserialize_model(model, custom_objects=None, compile=True):
    """R keras's `unserialize_model()`: the model whose file bytes `serialize_model()` gave."""
    import os
    import tempfile

    from tensorflow import keras

    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "model.keras")
        with open(path, "wb") as file:
            file.write(bytes(model))
        return keras.models.load_model(path, custom_objects=custom_objects, compile=compile)


def from_config(config, custom_objects=None):
    """R keras's `from_config()`: R remembers the class a config came from; a Python dict
    does not, so a Functional config (it lists `input_layers`) is rebuilt as `keras.Model`
    and a Sequential one (`layers` alone) as `keras.Sequential`."""
    from tensorflow import keras

    kind = getattr(config, "config_class", None)
    if kind is None and "input_layers" in config:
        kind = keras.Model
    elif kind is None and "layers" in config:
        kind = keras.Sequential
    if kind is None:
        raise ValueError(
            "from_config(): not a model's config; rebuild a layer with its class's from_config()"
        )
    if custom_objects:
        with keras.utils.custom_object_scope(custom_objects):
            return kind.from_config(config)
    return kind.from_config(config)


# ---- freezing layers --------------------------------------------------------------------


def _layer_position(layers: list, at) -> int:
    """A 0-based position from R's way of naming a layer: a 1-based number (negative from
    the end), a name or the layer itself."""
    if isinstance(at, str):
        names = [layer.name for layer in layers]
        if at not in names:
            raise ValueError(f"no layer named '{at}'")
        return names.index(at)
    if hasattr(at, "trainable") and not isinstance(at, (int, float)):
        return next(i for i, layer in enumerate(layers) if layer is at)
    position = int(at)
    return len(layers) + position if position < 0 else position - 1


def _apply_trainable(model, first, last, trainable: bool) -> None:
    """R keras's `apply_trainable()`: layers `first` to `last` (inclusive) get `trainable`,
    all the others the opposite."""
    layers = list(model.layers)
    start = 0 if first is None else _layer_position(layers, first)
    end = len(layers) - 1 if last is None else _layer_position(layers, last)
    for position, layer in enumerate(layers):
        layer.trainable = trainable if start <= position <= end else not trainable


def _apply_which(model, which, trainable: bool):
    """R keras's `apply_which_trainable()`: the layers `which` selects (positions, names,
    layers, logicals or a predicate) get `trainable`, all the others the opposite."""
    model.trainable = True
    layers = list(model.layers)
    if callable(which) and not hasattr(which, "trainable"):
        which = [which(layer) for layer in layers]
    if not isinstance(which, (list, tuple)) and not hasattr(which, "tolist"):
        which = [which]
    which = which.tolist() if hasattr(which, "tolist") else list(which)
    if which and all(isinstance(w, bool) for w in which):
        which = [i + 1 for i, chosen in enumerate(which) if chosen]
    for layer in layers:
        layer.trainable = not trainable
    for item in which:
        layers[_layer_position(layers, item)].trainable = trainable
    return model


def freeze_weights(object, from_=None, to=None, which=None):
    """R keras's `freeze_weights()`: with no range, the whole model is frozen; with `from_`
    and/or `to` (1-based, inclusive, negative from the end, or layer names), the model stays
    trainable, the layers in the range are frozen and **all the others unfrozen**; `which`
    picks layers instead. The model back, as R returns it invisibly."""
    if which is not None:
        if from_ is not None and to is not None:
            raise ValueError("both `which` and `from`/`to` can not be supplied")
        return _apply_which(object, which, False)
    if from_ is None and to is None:
        object.trainable = False
    else:
        object.trainable = True
        _apply_trainable(object, from_, to, False)
    return object


def unfreeze_weights(object, from_=None, to=None, which=None):
    """R keras's `unfreeze_weights()`: the model becomes trainable; with a range (as in
    `freeze_weights()`) the layers in it are unfrozen and **all the others frozen**."""
    object.trainable = True
    if which is not None:
        if from_ is not None and to is not None:
            raise ValueError("both `which` and `from`/`to` can not be supplied")
        return _apply_which(object, which, True)
    if from_ is not None or to is not None:
        _apply_trainable(object, from_, to, True)
    return object


# ---- predicting, training from generators, recurrent state ------------------------------


def predict_classes(model, x, batch_size=None, verbose=0, steps=None):
    """R keras's `predict_classes()` (Keras 2.5's `Sequential.predict_classes`): the class
    with the highest score, or 0/1 by the 0.5 threshold for a single output unit."""
    import numpy as np

    scores = model.predict(x, batch_size=batch_size, verbose=verbose, steps=steps)
    if scores.shape[-1] > 1:
        return np.argmax(scores, axis=-1)
    return (scores > 0.5).astype("int32")


def as_generator(source):
    """R keras's `as_generator()`: an R function called for each batch (returning
    `list(x, y)`) becomes a Python generator of `(x, y)` tuples; anything else (a dataset,
    an iterator, a `keras.utils.PyDataset`) passes through."""
    if not callable(source) or hasattr(source, "__next__") or hasattr(source, "element_spec"):
        return source

    def batches():
        while True:
            batch = source()
            yield tuple(batch) if isinstance(batch, list) else batch

    return batches()


def reset_states(object):
    """R keras's `reset_states()`: the states of a stateful recurrent layer, or of every one
    in a model (Keras 3 models have no `reset_states()`); the object back."""
    if hasattr(object, "reset_state") and not hasattr(object, "layers"):
        object.reset_state()
        return object
    pending = list(getattr(object, "layers", []))
    while pending:
        layer = pending.pop(0)
        if getattr(layer, "stateful", False) and hasattr(layer, "reset_state"):
            layer.reset_state()
        pending.extend(getattr(layer, "layers", []))
    return object


# ---- the training history: print(), plot(), as.data.frame() ------------------------------


def _r_number(value) -> str:
    """A number as R's `prettyNum(x, big.mark = ",", digits = 4, scientific = FALSE)`."""
    import math

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "NA"
    value = float(value)
    if value == 0 or not math.isfinite(value):
        return "0" if value == 0 else ("Inf" if value > 0 else "-Inf")
    decimals = max(0, 3 - math.floor(math.log10(abs(value))))
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-')):,}"
    return sign + whole + ("." + fraction if fraction else "")


def format_history(history) -> str:
    """R keras's `print()` of a training history: the metrics of the last epoch trained."""
    metrics = history.history
    names = list(metrics)
    lengths = [len(values) for values in metrics.values()]
    epochs = min(history.params.get("epochs", max(lengths, default=0)), max(lengths, default=0))
    width = max((len(name) for name in names), default=0)
    lines = []
    for name in names:
        values = metrics[name]
        last = values[epochs - 1] if epochs - 1 < len(values) else None
        lines.append(f"{name:>{width}}: {_r_number(last)}")
    return "\nFinal epoch (plot to see history):\n" + "\n".join(lines) + " "


def history_data_frame(history) -> dict:
    """R keras's `as.data.frame()` of a training history, as a dict of columns (pandas is
    not assumed): `epoch`, `value`, `metric` (without `val_`) and `data` ("training" or
    "validation"), one row per metric and epoch, padded with NaN to the epochs asked for."""
    metrics = history.history
    epochs = int(history.params.get("epochs", max((len(v) for v in metrics.values()), default=0)))
    columns: dict = {"epoch": [], "value": [], "metric": [], "data": []}
    for name, values in metrics.items():
        validation = name.startswith("val_")
        for epoch in range(epochs):
            columns["epoch"].append(epoch + 1)
            columns["value"].append(float(values[epoch]) if epoch < len(values) else float("nan"))
            columns["metric"].append(name[4:] if validation else name)
            columns["data"].append("validation" if validation else "training")
    return columns


def plot_history(history, metrics=None):
    """R keras's `plot()` of a training history: one panel per metric, its `val_` partner
    drawn with it, epochs along the bottom; the matplotlib Figure (R returns a ggplot)."""
    import matplotlib.pyplot as plt

    values = history.history
    if metrics is None:
        metrics = [name for name in values if not name.startswith("val_")]
    elif isinstance(metrics, str):
        metrics = [metrics]
    figure, axes = plt.subplots(len(metrics), 1, sharex=True, squeeze=False)
    for axis, metric in zip(axes[:, 0], metrics):
        for name, marker, label in (
            (metric, "o", "training"),
            (f"val_{metric}", "x", "validation"),
        ):
            if name in values:
                epochs = range(1, len(values[name]) + 1)
                axis.plot(epochs, values[name], marker=marker, label=label)
        axis.set_ylabel(metric)
        if f"val_{metric}" in values:
            axis.legend()
    axes[-1, 0].set_xlabel("epoch")
    return figure


# ---- datasets, applications and preprocessing --------------------------------------------


def as_dataset_list(loaded) -> dict:
    """R keras's `dataset_*()` value: `((x, y), (x_test, y_test))` from `load_data()` as R's
    nested named list `list(train = list(x, y), test = list(x, y))`, a dict of dicts."""
    (x_train, y_train), (x_test, y_test) = loaded
    return {"train": {"x": x_train, "y": y_train}, "test": {"x": x_test, "y": y_test}}


def imagenet_decode_predictions(preds, top=5) -> list:
    """R keras's `imagenet_decode_predictions()`: for each sample, R's data frame of the `top`
    classes (`class_name`, `class_description`, `score`), as a dict of columns."""
    from tensorflow import keras

    decoded = keras.applications.imagenet_utils.decode_predictions(preds, top=int(top))
    return [
        {
            "class_name": [str(row[0]) for row in rows],
            "class_description": [str(row[1]) for row in rows],
            "score": [float(row[2]) for row in rows],
        }
        for rows in decoded
    ]


def image_array_resize(img, height, width, data_format="channels_last"):
    """R keras's `image_array_resize()`: `scipy.ndimage.zoom` with linear interpolation, as R
    does it (a 4-d array of one image stays 4-d)."""
    import numpy as np
    from scipy import ndimage

    img = np.copy(img)
    single = img.ndim == 4 and img.shape[0] == 1
    if single:
        img = img.reshape(img.shape[1:])
    if data_format == "channels_last":
        factors = (height / img.shape[0], width / img.shape[1], 1)
    else:
        factors = (1, height / img.shape[0], width / img.shape[1])
    img = ndimage.zoom(img, factors, order=1)
    return img.reshape((1, *img.shape)) if single else img


def get_file(
    fname=None,
    origin=None,
    file_hash=None,
    cache_subdir="datasets",
    hash_algorithm="auto",
    extract=False,
    archive_format="auto",
    cache_dir=None,
    untar=False,
):
    """R keras's `get_file()` as TensorFlow 2.15 did it: an archive is extracted next to the
    download (in `cache_subdir`) and the path returned is the archive's (`extract`) or the
    file name without `.tar.gz` (`untar`); Keras 3 extracts into a new folder and returns it.
    A `fname` with directories is kept (Keras 3 refuses one)."""
    import os
    import shutil
    import tarfile

    from tensorflow import keras

    cache_dir = None if cache_dir is None else _expand(cache_dir)
    subdir, name = os.path.split(fname) if fname else ("", fname)
    if subdir:
        if os.path.isabs(subdir):
            cache_dir, cache_subdir = subdir, ""
        else:
            cache_subdir = os.path.join(cache_subdir, subdir)
    downloaded = keras.utils.get_file(
        name + ".tar.gz" if untar else name,
        origin=origin,
        file_hash=file_hash,
        cache_subdir=cache_subdir,
        hash_algorithm=hash_algorithm,
        cache_dir=cache_dir,
    )
    directory = os.path.dirname(downloaded)
    if untar:
        unpacked = os.path.join(directory, name)
        if not os.path.exists(unpacked):
            with tarfile.open(downloaded) as archive:
                archive.extractall(directory, filter="data")
        return unpacked
    if extract:
        if archive_format in ("auto", "tar") and tarfile.is_tarfile(downloaded):
            with tarfile.open(downloaded) as archive:
                archive.extractall(directory, filter="data")
        elif archive_format in ("auto", "zip"):
            shutil.unpack_archive(downloaded, directory, "zip")
    return downloaded


def normalize(x, axis=-1, order=2):
    """R keras's `normalize()` (TensorFlow 2.15's `keras.utils.normalize`): `x` divided by its
    `order`-norm along `axis` (0-based here), zero norms left alone. Keras 3's version turns
    axis 0 into -1 for numpy arrays."""
    import numpy as np

    x = np.asarray(x)
    norm = np.atleast_1d(np.linalg.norm(x, order, axis))
    norm[norm == 0] = 1
    return x / np.expand_dims(norm, axis)


def keras_array(x, dtype=None):
    """R keras's `keras_array()`: R data as a C-ordered numpy array, doubles as the default
    float type (float32); lists element by element; Python objects and None pass through."""
    import numpy as np
    from tensorflow import keras

    if x is None:
        return None
    if isinstance(x, (list, tuple)) and any(
        isinstance(item, (list, tuple, np.ndarray)) for item in x
    ):
        return [keras_array(item, dtype) for item in x]
    if not isinstance(x, (list, tuple, int, float, bool, np.ndarray, np.generic)):
        return x
    array = np.asarray(x)
    if dtype is None and array.dtype.kind == "f":
        dtype = keras.config.floatx()
    return np.ascontiguousarray(array, dtype=dtype or array.dtype)


__all__ += [
    "as_dataset_list",
    "as_generator",
    "format_history",
    "freeze_weights",
    "from_config",
    "get_file",
    "history_data_frame",
    "image_array_resize",
    "imagenet_decode_predictions",
    "keras_array",
    "load_model_hdf5",
    "load_model_tf",
    "load_model_weights_hdf5",
    "normalize",
    "plot_history",
    "predict_classes",
    "reset_states",
    "save_model_hdf5",
    "save_model_tf",
    "save_model_weights_hdf5",
    "serialize_model",
    "unfreeze_weights",
    "unserialize_model",
]
