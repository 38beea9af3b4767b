"""base R's file functions: a temporary file written, read back, tested and removed."""

from __future__ import annotations

import subprocess
import sys

from rkeras2py import translate

PROGRAM = """
f <- tempfile(fileext = ".txt")
cat(file.exists(f), "\\n")
writeLines(c("first", "second"), f)
lines <- readLines(f)
cat(length(lines), lines[2], file.exists(f), grepl("[.]txt$", f), "\\n")
unlink(f)
unlink(f)
cat(file.exists(f), basename(file.path("a", "b.csv")), "\\n")
"""


def test_files_round_trip_as_in_r():
    result = translate(PROGRAM)
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    run = subprocess.run([sys.executable, "-c", result.code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    # what R 4.2 prints for PROGRAM
    assert run.stdout.split() == ["False", "2", "second", "True", "True", "False", "b.csv"]


def test_a_matrix_of_one_value_gets_the_missing_dimension_as_one():
    code = translate("x <- matrix(5, 1)\ncat(dim(x), '\\n')\n").code
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.stdout.split() == ["1", "1"]


def test_cat_writes_a_matrix_column_by_column():
    code = translate("m <- matrix(1:6, nrow = 2, byrow = TRUE)\ncat(m, '\\n')\n").code
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.stdout.split() == ["1", "4", "2", "5", "3", "6"]
