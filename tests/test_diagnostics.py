"""Diagnostic codes: documented, and shown as `path:line:col: CODE message` with a caret."""

from __future__ import annotations

import os

import pytest
from conftest import ROOT

from rkeras2py.translator import translate
from rkeras2py.translator.diagnostics import CODES, markdown

DOCS = ROOT / "docs" / "diagnostics.md"


def test_docs_list_every_code():
    if os.environ.get("UPDATE_EXPECTED") == "1":
        DOCS.write_text(markdown(), encoding="utf-8")
    assert DOCS.read_text(encoding="utf-8") == markdown()
    for code in CODES:
        assert f"## {code}:" in DOCS.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("source", "code", "line", "column"),
    [
        ("x <- 1\ny <- my_helper(x)\n", "RK101", 2, 6),
        ('z <- eval(parse(text = "1"))\n', "RK101", 1, 6),
        ('s <- c("a", NA)\n', "RK104", 1, 6),
        ("library(ggplot2)\n", "RK105", 1, 1),
        ('source("helpers.R")\n', "RK106", 1, 1),
        ("f <- function(n) {\n  for (i in 1:n) print(i)\n}\n", "RK201", 2, 13),
    ],
)
def test_diagnostics_have_a_code_and_a_place(source, code, line, column):
    result = translate(source, "script.R")
    found = [d for d in result.diagnostics if d.code == code]
    assert found, result.diagnostics
    diagnostic = found[0]
    assert (diagnostic.line, diagnostic.column) == (line, column)
    shown = diagnostic.format(source).splitlines()
    assert shown[0].startswith(f"script.R:{line}:{column}: {code} ")
    assert shown[-1] == " " * (column - 1) + "^"
    if diagnostic.is_error:
        assert "raise NotImplementedError" in result.code
        compile(result.code, "<translation>", "exec")  # the marker is valid Python


def test_an_error_marks_only_its_statement():
    result = translate("a <- 1\nb <- mystery(a)\nprint(a)\n")
    assert result.code.splitlines()[0] == "a = 1"
    assert "# R: b <- mystery(a)" in result.code
    assert result.code.rstrip().endswith("print(a)")
