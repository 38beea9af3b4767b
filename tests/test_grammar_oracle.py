"""The grammar against R itself.

Every file R accepts, we accept; every file R rejects, we reject at the line R names. For
accepted files, R must read our `unparse()` output as the very same expressions: equal
`deparse()` and an equal structural dump (call heads, argument names, literal types).
That proves precedence and associativity by R's reading, not by ours.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import R_SYNTAX, r_parse

import rkeras2py

VALID = sorted((R_SYNTAX / "valid").glob("*.R"))
INVALID = sorted((R_SYNTAX / "invalid").glob("*.R"))
R43 = sorted((R_SYNTAX / "r43").glob("*.R"))


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


@pytest.fixture(scope="module")
def oracle(tmp_path_factory):
    """R's verdict on every fixture, and on our unparse of every one we accept."""
    originals = dict(zip(VALID + INVALID + R43, r_parse(VALID + INVALID + R43), strict=True))
    out_dir = tmp_path_factory.mktemp("unparsed")
    unparsed: dict[Path, Path] = {}
    for path in VALID:
        try:
            text = rkeras2py.unparse(rkeras2py.parse(_read(path), str(path)))
        except rkeras2py.RSyntaxError:
            continue
        target = out_dir / path.name
        target.write_text(text, encoding="utf-8")
        unparsed[path] = target
    again = dict(zip(unparsed, r_parse(list(unparsed.values())), strict=True))
    return originals, again


def test_corpus_is_large_enough():
    assert len(VALID) >= 300
    assert len(INVALID) >= 40


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_file_round_trips_through_r(path, oracle):
    originals, again = oracle
    assert originals[path].ok, f"R rejects this 'valid' fixture: {originals[path].message}"
    rkeras2py.parse(_read(path), str(path))
    reread = again[path]
    assert reread.ok, f"R rejects our unparse: {reread.message}"
    assert reread.deparsed == originals[path].deparsed
    assert reread.structure == originals[path].structure


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_file_rejected_at_rs_line(path, oracle):
    originals, _ = oracle
    verdict = originals[path]
    assert not verdict.ok, "R accepts this 'invalid' fixture"
    with pytest.raises(rkeras2py.RSyntaxError) as raised:
        rkeras2py.parse(_read(path), str(path))
    if verdict.line is not None:
        assert raised.value.lineno == verdict.line, (verdict.message, str(raised.value))


@pytest.mark.parametrize("path", R43, ids=lambda p: p.name)
def test_r43_placeholder_extraction(path, oracle):
    """R 4.3 syntax: R 4.2 (the oracle here) refuses it, we accept it and round-trip it."""
    originals, _ = oracle
    assert not originals[path].ok and "pipe" in originals[path].message
    module = rkeras2py.parse(_read(path), str(path))
    assert rkeras2py.parse(rkeras2py.unparse(module)) == module
