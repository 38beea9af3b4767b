"""keras3's model helpers whose R results differ from what the Python call returns, or whose
argument can only be converted at run time."""

from __future__ import annotations

__all__ = [
    "application_decode_predictions",
    "application_preprocess_inputs",
    "as_py_index",
    "format_model",
    "shape_dims",
    "test_on_batch",
    "train_on_batch",
]


def as_py_index(x):
    """keras3's `as_index()`: R's 1-based positions as 0-based ones; 0 and negatives stay
    (`fit(initial_epoch =)`)."""
    import numpy as np

    if isinstance(x, (list, tuple)):
        return [as_py_index(item) for item in x]
    if isinstance(x, (int, float, np.integer, np.floating)):
        x = int(x)
        return x - 1 if x > 0 else x
    array = np.asarray(x).astype(int)
    return np.where(array > 0, array - 1, array)


def _batch_result(logs: dict):
    """R's `train_on_batch()`/`test_on_batch()`: a dict of the logs, or the lone loss."""
    return next(iter(logs.values())) if len(logs) == 1 else logs


def train_on_batch(model, *args, **kwargs):
    """keras3's `train_on_batch()`: the logs as a named list, a number when only the loss."""
    return _batch_result(model.train_on_batch(*args, return_dict=True, **kwargs))


def test_on_batch(model, *args, **kwargs):
    """keras3's `test_on_batch()`: as `train_on_batch()`, without training."""
    return _batch_result(model.test_on_batch(*args, return_dict=True, **kwargs))


def format_model(model, **options) -> str:
    """keras3's `format()` of a model: its summary as one string, blank lines dropped."""
    lines: list[str] = []
    model.summary(print_fn=lambda line, **_: lines.append(line), **options)
    text = "\n".join(lines).strip()
    return "\n".join(line for line in text.splitlines() if line.strip())


def shape_dims(x) -> tuple:
    """The dimensions one argument of keras3's `shape()` stands for: a tensor's or an
    array's shape, a number (-1 and NaN are None), or the items of a list or shape."""
    import math

    if hasattr(x, "shape") and not isinstance(x, (int, float)):
        if hasattr(x, "as_list"):  # a TensorShape
            return tuple(x.as_list())
        from tensorflow import keras

        return tuple(keras.ops.shape(x))
    if x is None:
        return (None,)
    if isinstance(x, (list, tuple)):
        return tuple(dim for item in x for dim in shape_dims(item))
    if isinstance(x, float) and math.isnan(x):
        return (None,)
    return (None,) if int(x) == -1 else (int(x),)


# keras.applications modules, by the names the keras3 `application_*()` builders give their
# models (keras3 attaches the module's preprocess_input/decode_predictions to the model)
_APPLICATION_MODULES = {
    **{f"convnext_{size}": "convnext" for size in ("tiny", "small", "base", "large", "xlarge")},
    **{f"densenet{depth}": "densenet" for depth in (121, 169, 201)},
    **{f"efficientnetb{i}": "efficientnet" for i in range(8)},
    **{f"efficientnetv2-{v}": "efficientnet_v2" for v in ("b0", "b1", "b2", "b3", "s", "m", "l")},
    "inception_resnet_v2": "inception_resnet_v2",
    "inception_v3": "inception_v3",
    "mobilenetv3large": "mobilenet_v3",
    "mobilenetv3small": "mobilenet_v3",
    "nasnet_large": "nasnet",
    "nasnet_mobile": "nasnet",
    "nasnet": "nasnet",
    **{f"resnet{depth}": "resnet" for depth in (50, 101, 152)},
    **{f"resnet{depth}v2": "resnet_v2" for depth in (50, 101, 152)},
    "vgg16": "vgg16",
    "vgg19": "vgg19",
    "xception": "xception",
}


def _application_module(model):
    from tensorflow import keras

    name = model.name.lower()
    module = _APPLICATION_MODULES.get(name)
    if module is None and name.startswith("mobilenetv2_"):
        module = "mobilenet_v2"
    elif module is None and name.startswith("mobilenet_"):
        module = "mobilenet"
    if module is None:
        raise ValueError("No preprocessing/decoding utilities found for this model.")
    return getattr(keras.applications, module)


def application_preprocess_inputs(model, x=None, data_format=None, **kwargs):
    """keras3's `application_preprocess_inputs()`: the preprocessing of the application
    `model` was built by (a copy of `x`, as R hands over one); without `x`, the function."""
    import numpy as np

    preprocess = _application_module(model).preprocess_input
    if x is None:
        return lambda x, **more: preprocess(x, data_format=data_format, **kwargs, **more)
    if isinstance(x, np.ndarray):
        x = x.astype("float32") if x.dtype == np.float64 else x.copy()
    return preprocess(x, data_format=data_format, **kwargs)


def application_decode_predictions(model, preds=None, top=5, **kwargs):
    """keras3's `application_decode_predictions()`: the top classes of each prediction, as
    R's data frames (dicts of columns: class_name, class_description, score)."""
    decode = _application_module(model).decode_predictions

    def frames(preds, top=top):
        return [
            {
                "class_name": [row[0] for row in rows],
                "class_description": [row[1] for row in rows],
                "score": [float(row[2]) for row in rows],
            }
            for rows in decode(preds, top=int(top), **kwargs)
        ]

    return frames if preds is None else frames(preds)
