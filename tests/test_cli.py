"""The `rkeras2py` command as a user runs it: exit codes, outputs, diagnostics."""

from __future__ import annotations

import subprocess
import sys

import pytest


def run(*args: str, stdin: str | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "rkeras2py.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
    )


def test_dump_ast_prints_the_tree(tmp_path):
    source = tmp_path / "model.R"
    source.write_text("model <- keras_model_sequential() %>% layer_dense(units = 3)\n")
    result = run("--dump-ast", str(source))
    assert result.returncode == 0, result.stderr
    assert "Assign(op='<-') @1:1" in result.stdout
    assert "Binary(op='%>%')" in result.stdout


def test_dump_ast_reads_stdin_and_writes_a_file(tmp_path):
    target = tmp_path / "tree.txt"
    result = run("--dump-ast", "-", "-o", str(target), stdin="x <- 1\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "Num(text='1')" in target.read_text()


def test_syntax_error_is_a_diagnostic_not_a_traceback(tmp_path):
    source = tmp_path / "bad.R"
    source.write_text("x <- 1\nif (x) {\n}\nelse {\n}\n")
    existing = tmp_path / "out.txt"
    existing.write_text("keep me")
    result = run("--dump-ast", str(source), "-o", str(existing))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first, line, caret = result.stderr.splitlines()
    assert (
        first
        == f"{source}:4:1: unexpected 'else': at top level it must follow '}}' on the same line"
    )
    assert line == "else {" and caret == "^"
    assert existing.read_text() == "keep me"


@pytest.mark.parametrize("args", [["missing.R"], ["--no-such-flag", "x.R"]])
def test_usage_and_io_errors_exit_2(tmp_path, args):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_never_writes_over_its_input(tmp_path):
    source = tmp_path / "model.R"
    source.write_text("x <- 1\n")
    result = run("--dump-ast", str(source), "-o", str(source))
    assert result.returncode == 2
    assert "refusing to write over the input" in result.stderr
    assert source.read_text() == "x <- 1\n"


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("rkeras2py ")


def test_translates_to_stdout_and_to_a_file(tmp_path):
    source = tmp_path / "prep.R"
    source.write_text("x <- c(1, 2, 3)\ncat(mean(x), '\\n')\n")
    result = run(str(source))
    assert result.returncode == 0, result.stderr
    assert "np.mean(x)" in result.stdout
    target = tmp_path / "prep.py"
    assert run(str(source), "-o", str(target)).returncode == 0
    assert target.read_text() == result.stdout
    ran = subprocess.run([sys.executable, str(target)], capture_output=True, text=True)
    assert ran.stdout.split() == ["2.0"]


def test_untranslatable_r_is_reported_and_marked(tmp_path):
    source = tmp_path / "dynamic.R"
    source.write_text('x <- 1\ny <- eval(parse(text = "x + 1"))\nprint(x)\n')
    result = run(str(source))
    assert result.returncode == 1
    assert f"{source}:2:6: RK101" in result.stderr
    assert '# R: y <- eval(parse(text = "x + 1"))' in result.stdout
    assert 'raise NotImplementedError("RK101' in result.stdout
    assert "print(x)" in result.stdout  # the rest is still translated
    existing = tmp_path / "dynamic.py"
    existing.write_text("previous")
    assert run(str(source), "-o", str(existing)).returncode == 1
    assert existing.read_text() == "previous"
