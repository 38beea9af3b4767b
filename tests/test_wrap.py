"""Long lines split as `ruff format` splits them: checked against ruff itself."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from rkeras2py.translator.wrap import wrap_code

CASES = [
    # a trailing comment counts towards the length and stays after the closing bracket
    'x = np.reshape(np.array([0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0]), (-1, 2), order="F")'
    "  # 4 rows",
    # a call chain in parentheses of its own, on one line when it fits there
    "squares = tf.data.Dataset.from_tensor_slices([1.0, 2.0, 3.0]).map(map_fn).cache().repeat(2)",
    # ... one call a line when it does not
    "big = tf.data.Dataset.from_tensor_slices([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).filter(predicate)"
    ".map(map_fn).batch(4)",
    # inside brackets, a chain splits where it stands
    'print("counts:", *count(keras.ops.convert_to_tensor([1, 1, 2, 1], dtype="int32"))'
    '.numpy().ravel(order="F"))',
    # one operator and a call at the end: the call's brackets split, no parentheses added
    "def f(self, inputs, x):\n    return keras.ops.sign(inputs) * keras.ops.log("
    "1 + keras.ops.abs(x) / self.scale_value_x)",
    # a dict after `return` is a display: one element a line
    "def f(self):\n"
    '    return {"initial_rate": self.initial_rate, "drop": self.drop, "every": self.every_n_x}',
    # a plain call splits at its last bracket pair
    "model = keras.Model(inputs=[first_input, second_input], outputs=[first_out, second_out])",
]


@pytest.mark.parametrize("line", CASES)
def test_wrapped_line_is_what_ruff_writes(line: str, tmp_path):
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed")
    wrapped = wrap_code(line) + "\n"
    source = tmp_path / "case.py"
    source.write_text(wrapped, encoding="utf-8")
    result = subprocess.run(
        [ruff, "format", "--isolated", "--diff", str(source)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
    assert max(len(text) for text in wrapped.splitlines()) <= 88
