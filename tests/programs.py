"""Translate fixture programs, run the Python, and compare with what R printed.

`python tests/programs.py adopt fixtures/r-core` writes the expected `.py` beside every
program whose translation runs and prints R's values; the tests then hold those files
fixed. Programs without a `.py` are the ones still to be translated faithfully.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from outputs import same_values  # noqa: E402

import rkeras2py  # noqa: E402
from rkeras2py.translator import translate  # noqa: E402


@dataclass
class Outcome:
    program: Path
    code: str | None
    ok: bool
    reason: str = ""


def run_python(code: str, timeout: float = 120) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp, "program.py")
        script.write_text(code, encoding="utf-8")
        env = {**os.environ, "PYTHONHASHSEED": "0", "TF_CPP_MIN_LOG_LEVEL": "3"}
        return subprocess.run(
            [sys.executable, str(script)],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=tmp,
            env=env,
        )


def check(program: Path, rel: float = 1e-6) -> Outcome:
    source = program.read_text(encoding="utf-8")
    try:
        result = translate(source, str(program))
    except rkeras2py.RSyntaxError as error:
        return Outcome(program, None, False, f"syntax error: {error.msg}")
    if result.has_errors:
        codes = ", ".join(f"{d.code} {d.message}" for d in result.diagnostics if d.is_error)
        return Outcome(program, result.code, False, f"diagnostics: {codes}")
    try:
        run = run_python(result.code)
    except subprocess.TimeoutExpired:
        return Outcome(program, result.code, False, "timed out")
    if run.returncode != 0:
        last = run.stderr.strip().splitlines()[-1:] or ["?"]
        return Outcome(program, result.code, False, f"python failed: {last[0]}")
    expected = program.with_suffix(".out").read_text(encoding="utf-8")
    ok, reason = same_values(expected, run.stdout, rel=rel)
    return Outcome(program, result.code, ok, reason)


def main(argv: list[str]) -> int:
    command, folder = argv[0], Path(argv[1])
    rel = 1e-4 if folder.name == "keras" else 1e-6  # float32, summed in another order
    outcomes = [check(program, rel) for program in sorted(folder.glob("*.R"))]
    for outcome in outcomes:
        status = "ok  " if outcome.ok else "FAIL"
        print(f"{status} {outcome.program.name} {outcome.reason}")
        if command == "adopt" and outcome.ok:
            outcome.program.with_suffix(".py").write_text(outcome.code, encoding="utf-8")
    passed = sum(outcome.ok for outcome in outcomes)
    print(f"{passed} of {len(outcomes)} programs translate and print R's values")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
