"""Run keras programs and their hand-written twins in one Python process, so TensorFlow is
imported once, and report as JSON what each printed and how their models compare.

    python tests/keras_runner.py NAME.py ...   (each beside its NAME.twin.py)

For each pair: both programs run in a fresh namespace in a fresh working directory; every
Keras model the twin leaves in a top-level variable is looked up under the same name in the
translation; their configs are compared with layer names replaced by positions (auto names
differ with the order of creation), then the twin's weights are copied into the translation's
model and both are run on the same input.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import sys
import tempfile
import traceback
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
from outputs import program_key  # noqa: E402
from tensorflow import keras  # noqa: E402

RESULT_MARK = "@@keras-runner@@"


def run(path: Path) -> tuple[str, str | None, dict]:
    """Execute the program at `path`; its output, its error (a traceback) and namespace."""
    keras.backend.clear_session()
    keras.config.set_floatx("float32")
    keras.config.set_epsilon(1e-7)
    output = io.StringIO()
    namespace: dict = {"__name__": "__main__", "__file__": str(path)}
    cwd = os.getcwd()
    error = None
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        try:
            code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
            with contextlib.redirect_stdout(output):
                exec(code, namespace)
        except BaseException:  # the program's own failure is the finding
            error = traceback.format_exc()[-4000:]
        finally:
            os.chdir(cwd)
    return output.getvalue(), error, namespace


def models(namespace: dict) -> dict[str, keras.Model]:
    return {
        name: value
        for name, value in namespace.items()
        if isinstance(value, keras.Model) and not name.startswith("_")
    }


def canonical_config(model: keras.Model) -> str:
    """The model's config as JSON, every name replaced by its order of first appearance
    (auto-generated names depend on how many layers were made before)."""
    config = model.get_config()
    names: list[str] = []

    def collect(value) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "name" and isinstance(item, str) and item not in names:
                    names.append(item)
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    def numbers(value):
        """`1.0` and `1` alike: R doubles reach Python as floats where a port writes ints."""
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, dict):  # a Lambda's marshalled code names its file: skip it
            return {k: _normalised(k, item) for k, item in value.items()}
        if isinstance(value, list):
            return [numbers(item) for item in value]
        return value

    def _normalised(key, item):
        if key == "code":
            return "<code>"
        if key == "registered_name" and isinstance(item, str):
            return item.split(">")[-1]  # the package a class is registered under is a name
        return numbers(item)

    collect(config)
    text = json.dumps(numbers(config), sort_keys=True, default=str)
    for position, name in enumerate(names):
        text = re.sub(rf'"{re.escape(name)}"', f'"#{position}"', text)
    return text


def _config_detail(twin: keras.Model, translated: keras.Model) -> str:
    try:
        return f"twin {canonical_config(twin)[:1500]}\nours {canonical_config(translated)[:1500]}"
    except NotImplementedError:
        return f"twin {type(twin).__name__}, ours {type(translated).__name__}"


def sample_input(model: keras.Model):
    """A fixed input matching the model's input shapes (unknown dimensions are 2)."""
    rng = np.random.default_rng(0)
    arrays = []
    for tensor in model.inputs:
        shape = [2 if dim is None else dim for dim in tensor.shape]
        dtype = str(tensor.dtype)
        if "string" in dtype:  # text models: a few words from a small vocabulary
            words = np.array(["the cat", "a dog sat", "the end"], dtype=object)
            arrays.append(np.resize(words, shape))
        elif "int" in dtype:
            arrays.append(rng.integers(0, 3, size=shape).astype(dtype))
        else:
            arrays.append(rng.uniform(size=shape).astype(dtype))
    return arrays[0] if len(arrays) == 1 else arrays


def compare(twin: keras.Model, translated: keras.Model) -> dict:
    """Same config (modulo names)? With the twin's weights, the same outputs?"""
    try:
        same_config = canonical_config(twin) == canonical_config(translated)
    except NotImplementedError:  # a subclassed model without get_config(): outputs only
        same_config = type(twin).__name__ == type(translated).__name__
    result = {"config_equal": same_config, "outputs_equal": None, "detail": ""}
    if not same_config:
        result["detail"] = (
            f"twin {canonical_config(twin)[:1500]}\nours {canonical_config(translated)[:1500]}"
        )
        return result
    try:
        inputs = twin.inputs
    except (AttributeError, ValueError):
        inputs = None
    if not inputs:
        result["detail"] = "model has no defined inputs: outputs not compared"
        return result
    translated.set_weights(twin.get_weights())
    x = sample_input(twin)
    expected = keras.tree.flatten(twin(x, training=False))
    actual = keras.tree.flatten(translated(x, training=False))
    result["outputs_equal"] = len(expected) == len(actual) and all(
        np.allclose(np.asarray(a), np.asarray(b), rtol=1e-5, atol=1e-6, equal_nan=True)
        for a, b in zip(expected, actual)
    )
    return result


def check_pair(translation: Path) -> dict:
    twin_path = translation.with_name(translation.name.replace(".py", ".twin.py"))
    twin_out, twin_error, twin_space = run(twin_path)
    out, error, space = run(translation)
    comparisons = {}
    for name, twin_model in models(twin_space).items():
        ours = space.get(name)
        if not isinstance(ours, keras.Model):
            comparisons[name] = {
                "config_equal": False,
                "outputs_equal": None,
                "detail": f"the translation has no model named {name}",
            }
            continue
        try:
            comparisons[name] = compare(twin_model, ours)
        except Exception:  # a comparison that cannot run is reported, not raised
            comparisons[name] = {
                "config_equal": False,
                "outputs_equal": None,
                "detail": traceback.format_exc()[-2000:],
            }
    return {
        "translation": {"stdout": out, "error": error},
        "twin": {"stdout": twin_out, "error": twin_error},
        "models": comparisons,
    }


def main(paths: list[str]) -> None:
    results = {program_key(Path(path)): check_pair(Path(path)) for path in paths}
    sys.stdout.write(RESULT_MARK + json.dumps(results) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
