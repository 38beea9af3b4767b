"""Keras programs (fixtures/keras; custom classes in fixtures/classes): translation, golden
file, execution under TensorFlow.

Each program's translation must be exactly its expected `.py` (UPDATE_EXPECTED=1 rewrites
them after a deliberate change), free of error diagnostics, pyflakes-clean and stable under
`ruff format`. Run under TensorFlow CPU, it must print what R keras printed (`.out`), and its
models must match the hand-written twin's (`.twin.py`): same config, same outputs with the
same weights. The twins themselves must print R's values too, which keeps the fixtures
honest.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import FIXTURES
from outputs import program_key as key
from outputs import same_values

from rkeras2py.translator import translate

# Each folder and how many of its programs must be translated (the floor only rises).
FLOORS = {"keras": 77, "classes": 41, "keras3": 37}
PROGRAMS = sorted(p for folder in FLOORS for p in (FIXTURES / folder).glob("*.R"))
TRANSLATED = [p for p in PROGRAMS if p.with_suffix(".py").exists()]
UPDATE = os.environ.get("UPDATE_EXPECTED") == "1"
RUNNER = Path(__file__).resolve().parent / "keras_runner.py"
TOLERANCE = 1e-4  # float32 sums may be added up in another order than TF 2.15 did


def _expected_output(program: Path) -> str:
    return program.with_suffix(".out").read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", FLOORS)
def test_enough_programs_are_translated(folder: str):
    """The floor only rises: translated programs are held by the tests below."""
    translated = [p for p in TRANSLATED if p.parent.name == folder]
    assert len(translated) >= FLOORS[folder]


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture_is_complete(program: Path):
    assert program.with_suffix(".out").exists(), "R keras's output is missing"
    assert program.with_suffix(".twin.py").exists(), "the hand-written twin is missing"


@pytest.mark.parametrize("program", TRANSLATED, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_translation_is_the_expected_python(program: Path):
    result = translate(program.read_text(encoding="utf-8"), program.name)
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    expected = program.with_suffix(".py")
    if UPDATE:
        expected.write_text(result.code, encoding="utf-8")
    assert result.code == expected.read_text(encoding="utf-8")


def _run_batches(programs: list[Path]) -> dict:
    """Run the translations and twins in two processes (two cores), TensorFlow loaded once
    in each."""
    if not programs:
        return {}
    halves = [programs[0::2], programs[1::2]]

    def run_half(half: list[Path]) -> dict:
        if not half:
            return {}
        env = {
            **os.environ,
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "PYTHONHASHSEED": "0",
            "CUDA_VISIBLE_DEVICES": "",
        }
        run = subprocess.run(
            [sys.executable, str(RUNNER), *(str(p.with_suffix(".py")) for p in half)],
            capture_output=True,
            text=True,
            env=env,
            timeout=1500,
        )
        marker = "@@keras-runner@@"
        if marker not in run.stdout:
            raise AssertionError(f"the keras runner failed:\n{run.stderr[-4000:]}")
        return json.loads(run.stdout.split(marker, 1)[1])

    with ThreadPoolExecutor(2) as pool:
        results: dict = {}
        for part in pool.map(run_half, halves):
            results.update(part)
    return results


@pytest.fixture(scope="module")
def executed() -> dict:
    return _run_batches(TRANSLATED)


@pytest.mark.parametrize("program", TRANSLATED, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_translation_prints_what_r_keras_printed(program: Path, executed: dict):
    result = executed[key(program.with_suffix(".py"))]["translation"]
    assert result["error"] is None, result["error"]
    ok, reason = same_values(_expected_output(program), result["stdout"], rel=TOLERANCE)
    assert ok, reason


@pytest.mark.parametrize("program", TRANSLATED, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_twin_prints_what_r_keras_printed(program: Path, executed: dict):
    result = executed[key(program.with_suffix(".py"))]["twin"]
    assert result["error"] is None, result["error"]
    ok, reason = same_values(_expected_output(program), result["stdout"], rel=TOLERANCE)
    assert ok, reason


@pytest.mark.parametrize("program", TRANSLATED, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_models_match_the_twin(program: Path, executed: dict):
    for name, comparison in executed[key(program.with_suffix(".py"))]["models"].items():
        assert comparison["config_equal"], f"{name}: {comparison['detail']}"
        assert comparison["outputs_equal"] in (True, None), f"{name}: outputs differ"


# Programs written for both R keras APIs: fixtures/keras3/pair-NAME.R and fixtures/keras/pair-NAME.R
PAIRS = [
    (program, FIXTURES / "keras" / program.name)
    for program in TRANSLATED
    if program.parent.name == "keras3" and program.stem.startswith("pair-")
]


@pytest.mark.parametrize(("keras3", "keras2"), PAIRS, ids=lambda p: p.stem)
def test_pairs_compute_the_same(keras3: Path, keras2: Path, executed: dict):
    """The same program written for keras3 and for keras 2.x: R prints the same values, and
    so do the two translations."""
    assert keras2 in TRANSLATED, "the keras 2.x half of the pair is not translated"
    assert _expected_output(keras2) == _expected_output(keras3), "R prints different things"
    outputs = [
        executed[key(p.with_suffix(".py"))]["translation"]["stdout"] for p in (keras2, keras3)
    ]
    ok, reason = same_values(*outputs, rel=TOLERANCE)
    assert ok, reason


def test_translations_are_pyflakes_clean():
    files = [str(p.with_suffix(".py")) for p in TRANSLATED]
    if not files:
        pytest.skip("no translated programs yet")
    result = subprocess.run(
        [sys.executable, "-m", "pyflakes", *files], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_translations_are_ruff_format_stable():
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed")
    files = [str(p.with_suffix(".py")) for p in TRANSLATED]
    if not files:
        pytest.skip("no translated programs yet")
    result = subprocess.run(
        [ruff, "format", "--check", "--diff", "--isolated", *files], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-3000:]
