"""Translate R snippets and run all their Python in one child process.

Importing TensorFlow costs seconds, so the behaviour tests run every translation of a module
in one Python process; each program still gets a fresh namespace and a fresh working
directory, so none sees what another defined or wrote.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import os
import subprocess
import sys
import warnings
from dataclasses import dataclass

from rkeras2py import translate

_MARK = "@@snippets-results@@"

# For `before_each`: Keras's auto-generated layer names count from zero again for each program.
CLEAR_SESSION = "from tensorflow import keras\nkeras.backend.clear_session()\n"

# The child: reads {"codes": ..., "before_each": ...} as JSON on stdin, writes the results as
# JSON on one line after _MARK (the programs' own output goes to their StringIO).
_CHILD = r"""
import contextlib, io, json, os, sys, tempfile, traceback, warnings
job = json.loads(sys.stdin.read())
home = os.getcwd()
results = {}
for name, code in job["codes"].items():
    out, error, files = io.StringIO(), None, {}
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        try:
            with contextlib.redirect_stdout(out), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                exec(compile(job["before_each"], "<before_each>", "exec"), {})
                exec(compile(code, name, "exec"), {"__name__": "__main__"})
        except BaseException:  # the program's own failure is the finding
            error = traceback.format_exc()[-3000:]
        finally:
            os.chdir(home)
        for entry in sorted(os.listdir(tmp)):
            path = os.path.join(tmp, entry)
            text = None
            if os.path.isfile(path) and os.path.getsize(path) <= 65536:
                try:
                    with open(path, encoding="utf-8") as handle:
                        text = handle.read()
                except UnicodeDecodeError:
                    pass
            files[entry] = text
    results[name] = {"stdout": out.getvalue(), "error": error, "files": files}
sys.stdout.write("\n" + MARK + json.dumps(results) + "\n")
""".replace("MARK", repr(_MARK))


@dataclass(frozen=True)
class Result:
    """What one program printed, its traceback's tail if it raised, and what it left in its
    working directory (name -> text for small UTF-8 files, None for anything else)."""

    stdout: str
    error: str | None
    files: dict[str, str | None]


def translate_all(sources: dict[str, str], *, filename: str = "<string>") -> dict[str, str]:
    """Each R source's Python; fails on error diagnostics, since running a translation the
    translator refused would test nothing. `filename` may name the program as `{name}`."""
    codes = {}
    for name, source in sources.items():
        result = translate(source, filename.format(name=name))
        assert not result.has_errors, (name, [d.format() for d in result.diagnostics])
        codes[name] = result.code
    return codes


def run_all(
    codes: dict[str, str], *, before_each: str = "", timeout: float = 600
) -> dict[str, Result]:
    """Run every program in one Python process (TensorFlow is imported once), each with
    `exec` in a fresh `__main__` namespace and a fresh temporary working directory, its
    stdout captured and warnings silenced. `before_each` runs first in each directory (e.g.
    `keras.backend.clear_session()`, so auto-generated names do not depend on the order)."""
    env = {
        **os.environ,
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "PYTHONHASHSEED": "0",
        "CUDA_VISIBLE_DEVICES": "",
    }
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=json.dumps({"codes": codes, "before_each": before_each}),
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )
    assert done.returncode == 0 and _MARK in done.stdout, (
        f"the Python running the programs died (exit status {done.returncode}):\n"
        + done.stderr[-3000:]
    )
    line = done.stdout.partition(_MARK)[2].split("\n", 1)[0]
    return {name: Result(**fields) for name, fields in json.loads(line).items()}


def missing_targets_program(targets: list[str]) -> str:
    """A program printing, as a JSON list, the dotted `keras.…` paths that `from tensorflow
    import keras` lacks: run beside the programs, it shares their TensorFlow import."""
    return f"""\
import json
from tensorflow import keras
missing = []
for target in {sorted(targets)!r}:
    obj = keras
    try:
        for part in target.split(".")[1:]:
            obj = getattr(obj, part)
    except AttributeError:
        missing.append(target)
print(json.dumps(missing))
"""


def exec_translation(source: str, scope: dict | None = None) -> tuple[dict, str]:
    """Translate `source` and run its Python in this process, for tests that inspect the
    values it leaves: its namespace afterwards (`scope`, or a fresh `__main__` one) and what
    it printed. Fails on error diagnostics."""
    result = translate(source)
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    scope = {"__name__": "__main__"} if scope is None else scope
    out = io.StringIO()
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(compile(result.code, "<translation>", "exec"), scope)
    return scope, out.getvalue()


def assigned_value(preamble: str, call: str) -> tuple[str, list[str]]:
    """The Python expression `z <- call` assigns after `preamble` (normalised by `ast`),
    and the diagnostics."""
    result = translate(preamble + f"z <- {call}\n")
    tree = ast.parse(result.code)
    assigns = [node for node in tree.body if isinstance(node, ast.Assign)]
    assert assigns and ast.unparse(assigns[-1].targets[0]) == "z", result.code
    return ast.unparse(assigns[-1].value), [f"{d.code} {d.message}" for d in result.diagnostics]


def normal(python: str) -> str:
    """A Python expression as `ast` writes it, to compare translations by meaning."""
    return ast.unparse(ast.parse(python, mode="eval").body)
