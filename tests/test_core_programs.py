"""Plain-R programs (fixtures/r-core): translation, golden file, and the values it prints.

Each program with an expected `.py` beside it must translate to exactly that file (set
UPDATE_EXPECTED=1 to rewrite them after a deliberate change), without errors; the
Python must run, print the values R printed (`.out`, recorded with Rscript), pass pyflakes
and be left unchanged by `ruff format`. When R is installed the `.out` files are checked
against a fresh run, so a stale expectation fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import FIXTURES, require_r
from outputs import same_values
from programs import run_python

from rkeras2py.translator import translate

CORE = FIXTURES / "r-core"
PROGRAMS = sorted(CORE.glob("*.R"))
TRANSLATED = [p for p in PROGRAMS if p.with_suffix(".py").exists()]
UPDATE = os.environ.get("UPDATE_EXPECTED") == "1"


def test_enough_programs_are_translated():
    """The floor only rises: translated programs are held by the tests below."""
    assert len(PROGRAMS) >= 120
    assert len(TRANSLATED) >= 120


@pytest.mark.parametrize("program", TRANSLATED, ids=lambda p: p.stem)
def test_translation_is_the_expected_python(program: Path):
    result = translate(program.read_text(encoding="utf-8"), program.name)
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    expected = program.with_suffix(".py")
    if UPDATE:
        expected.write_text(result.code, encoding="utf-8")
    assert result.code == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("program", TRANSLATED, ids=lambda p: p.stem)
def test_translation_prints_what_r_printed(program: Path):
    run = run_python(program.with_suffix(".py").read_text(encoding="utf-8"))
    assert run.returncode == 0, run.stderr
    ok, reason = same_values(program.with_suffix(".out").read_text(encoding="utf-8"), run.stdout)
    assert ok, reason


def test_translations_are_pyflakes_clean():
    result = subprocess.run(
        [sys.executable, "-m", "pyflakes", *map(str, (p.with_suffix(".py") for p in TRANSLATED))],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_translations_are_ruff_format_stable():
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed")
    files = [str(p.with_suffix(".py")) for p in TRANSLATED]
    result = subprocess.run(
        [ruff, "format", "--check", "--diff", "--isolated", *files], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-3000:]


def _fresh_r_output(program: Path, executable: str) -> str:
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    run = subprocess.run(
        [executable, "--vanilla", str(program)], capture_output=True, text=True, env=env
    )
    return run.stdout


def test_recorded_r_output_is_current():
    executable = require_r()
    with ThreadPoolExecutor(max_workers=4) as pool:
        fresh = list(pool.map(lambda p: _fresh_r_output(p, executable), PROGRAMS))
    stale = [
        p.name
        for p, output in zip(PROGRAMS, fresh, strict=True)
        if output != p.with_suffix(".out").read_text(encoding="utf-8")
    ]
    assert not stale, stale
