"""reticulate's bridge functions are plain Python operations in a Python program."""

from __future__ import annotations

import subprocess
import sys

from rkeras2py import translate

PROGRAM = """
library(reticulate)
builtins <- reticulate::import_builtins()
x <- builtins$list(c(1L, 2L))
cat(py_has_attr(x, "append"), py_has_attr(x, "nope"), py_len(x), "\\n")
y <- r_to_py(x)
cat(py_to_r(y)[[2]], "\\n")
"""


def test_bridge_functions_translate_to_python_operations():
    result = translate(PROGRAM)
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    assert 'hasattr(x, "append")' in result.code
    assert "builtins.list([1, 2])" in result.code
    run = subprocess.run([sys.executable, "-c", result.code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    # what R printed with reticulate: TRUE FALSE 2 / 2
    assert run.stdout.split() == ["True", "False", "2", "2"]
