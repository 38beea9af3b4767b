"""The `rkeras2py` command as a user runs it: exit codes, outputs, diagnostics."""

from __future__ import annotations

import os
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


# --- trees, modes and settings (in-process, to keep the suite fast) ----------------------

from pathlib import Path  # noqa: E402

import nbformat  # noqa: E402

from rkeras2py import cli  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GOOD = 'x <- c(1, 2)\ncat(mean(x), "\\n")\n'
BAD = 'y <- eval(parse(text = "1"))\nprint(2)\n'
WARNS = "install_keras()\nx <- 1\n"  # RK211: dropped set-up call, a warning
REPORT = """\
---
title: "Scores"
---

Some prose.

```{r setup}
n <- 3
```

```{r}
for (i in 1:n) print(i)
```
"""


def tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def main(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def listing(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_tree_mirrors_layout_and_translates_every_kind(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    tree(
        tmp_path / "src",
        {
            "a.R": GOOD,
            "models/b.r": "z <- 2\nprint(z)\n",
            "reports/report.Rmd": REPORT,
            "reports/deck.qmd": REPORT,
            "notes.txt": "not R",
            ".hidden/c.R": GOOD,
            "renv/library/d.R": GOOD,
        },
    )
    code, out, err = main(capsys, "src", "--out-dir", "py", "-j", "1")
    assert code == 0, err
    assert out == ""
    assert listing(tmp_path / "py") == [
        "a.py",
        "models/b.py",
        "reports/deck.ipynb",
        "reports/report.ipynb",
    ]
    assert "np.mean(x)" in (tmp_path / "py/a.py").read_text()
    notebook = nbformat.reads((tmp_path / "py/reports/report.ipynb").read_text(), as_version=4)
    assert [cell.cell_type for cell in notebook.cells] == ["markdown", "markdown", "code", "code"]
    assert "4 files written" in err


def test_parallel_run_gives_the_same_outputs(tmp_path, capsys):
    # later files longer: the workers take them first, the outcomes still come in order
    files = {f"m{i}.R": f"x{i} <- c({i}, 2)\ncat(sum(x{i}), '\\n')\n" * (i + 1) for i in range(4)}
    tree(tmp_path / "src", {**files, "bad.R": BAD, "zbad.R": BAD * 9})
    one = main(capsys, str(tmp_path / "src"), "--out-dir", str(tmp_path / "one"), "-j", "1")
    two = main(capsys, str(tmp_path / "src"), "--out-dir", str(tmp_path / "two"), "-j", "2")
    assert one[0] == two[0] == 1  # bad.R and zbad.R fail, the others are written
    assert one[2] == two[2]  # same diagnostics, in the same (input) order
    assert one[2].index("bad.R:1:") < one[2].index("zbad.R:1:")
    assert listing(tmp_path / "one") == listing(tmp_path / "two") == [f"m{i}.py" for i in range(4)]
    for i in range(4):
        assert (tmp_path / f"one/m{i}.py").read_text() == (tmp_path / f"two/m{i}.py").read_text()


def _worker_dies_on_m2(job, settings):
    """Stands in for `cli.process` in the workers: the one given m2.R dies there."""
    if job.source.endswith("m2.R"):
        os._exit(1)
    return _PROCESS(job, settings)


_PROCESS = cli.process


def test_a_worker_that_dies_fails_its_files_and_the_run_goes_on(tmp_path, capsys, monkeypatch):
    files = {f"m{i}.R": GOOD * (i + 1) for i in range(6)}
    tree(tmp_path / "src", files)
    monkeypatch.setattr(cli, "process", _worker_dies_on_m2)
    code, _, err = main(capsys, str(tmp_path / "src"), "--out-dir", str(tmp_path / "py"), "-j", "2")
    assert code == 1
    assert "m2.R: internal error in rkeras2py: the worker translating it stopped" in err
    assert "Traceback" not in err
    written = listing(tmp_path / "py")
    assert "m2.py" not in written and written  # files finished before the crash are kept


def test_check_and_diff_write_nothing(tmp_path, capsys):
    src = tree(tmp_path / "src", {"a.R": GOOD})
    out = tmp_path / "py"
    code, _, err = main(capsys, str(src), "--out-dir", str(out), "--check")
    assert code == 1 and "would write" in err and not out.exists()  # missing output
    assert main(capsys, str(src), "--out-dir", str(out))[0] == 0
    before = (out / "a.py").stat().st_mtime_ns
    assert main(capsys, str(src), "--out-dir", str(out), "--check")[0] == 0
    (src / "a.R").write_text(GOOD.replace("c(1, 2)", "c(1, 2, 3)"))
    code, diff, err = main(capsys, str(src), "--out-dir", str(out), "--check", "--diff")
    assert code == 1
    assert f"--- {out / 'a.py'}" in diff
    assert "-x = np.array([1.0, 2.0])" in diff and "+x = np.array([1.0, 2.0, 3.0])" in diff
    code, diff, _ = main(capsys, str(src), "--out-dir", str(out), "--diff")
    assert code == 0 and "+x = np.array([1.0, 2.0, 3.0])" in diff  # --diff alone: exit 0
    assert (out / "a.py").stat().st_mtime_ns == before
    assert "2.0, 3.0" not in (out / "a.py").read_text()


def test_unchanged_outputs_are_not_rewritten(tmp_path, capsys):
    src = tree(tmp_path, {"a.R": GOOD})
    assert main(capsys, str(src / "a.R"), "--twin")[0] == 0
    stamp = (src / "a.py").stat().st_mtime_ns
    code, _, err = main(capsys, str(src / "a.R"), "--twin", "--exit-non-zero-on-write")
    assert code == 0 and (src / "a.py").stat().st_mtime_ns == stamp
    (src / "a.py").write_text("stale\n")
    code, _, err = main(capsys, str(src / "a.R"), "--twin", "--exit-non-zero-on-write")
    assert code == 1 and "wrote" in err
    assert "np.mean" in (src / "a.py").read_text()


def test_strict_turns_warnings_into_errors(tmp_path, capsys):
    src = tree(tmp_path, {"setup.R": WARNS})
    code, _, err = main(capsys, str(src / "setup.R"), "--twin")
    assert code == 0 and "RK211" in err and (src / "setup.py").exists()
    (src / "setup.py").unlink()
    code, _, err = main(capsys, str(src / "setup.R"), "--twin", "--strict")
    assert code == 1 and "RK211" in err and not (src / "setup.py").exists()


def test_quiet_shows_errors_only(tmp_path, capsys):
    src = tree(tmp_path, {"setup.R": WARNS, "bad.R": BAD})
    code, _, err = main(capsys, str(src), "--out-dir", str(tmp_path / "py"), "-q", "-j", "1")
    assert code == 1
    assert "RK101" in err and "RK211" not in err and "rkeras2py:" not in err


def test_lint_writes_nothing_and_fails_only_on_errors(tmp_path, capsys):
    src = tree(tmp_path, {"a.R": GOOD, "setup.R": WARNS})
    assert main(capsys, str(src), "--lint", "-j", "1")[0] == 0
    (src / "bad.R").write_text(BAD)
    code, out, err = main(capsys, str(src), "--lint", "-j", "1")
    assert code == 1 and f"{src / 'bad.R'}:1:6: RK101" in err and out == ""
    assert listing(src) == ["a.R", "bad.R", "setup.R"]


def test_settings_come_from_the_nearest_pyproject(tmp_path, monkeypatch, capsys):
    (tmp_path / "pyproject.toml").write_text(
        "[tool.rkeras2py]\n"
        'exclude = ["legacy/**", "scratch_*.R"]\n'
        'out-dir = "python"\n'
        'python-name = "{stem}_tf.py"\n'
        "strict = true\n"
    )
    tree(tmp_path / "r", {"a.R": GOOD, "legacy/old.R": BAD, "scratch_1.R": BAD, "setup.R": WARNS})
    (tmp_path / "r" / "pyproject.toml").write_text('[project]\nname = "not-ours"\n')  # no table
    monkeypatch.chdir(tmp_path / "r")
    code, _, err = main(capsys, ".", "-j", "1")
    assert code == 1 and "RK211" in err  # strict from the settings
    assert listing(tmp_path / "python") == ["a_tf.py"]
    code, _, err = main(capsys, ".", "--no-config", "--out-dir", "../flags", "-j", "1")
    assert code == 1 and "RK101" in err  # no excludes: legacy/old.R and scratch_1.R fail
    assert listing(tmp_path / "flags") == ["a.py", "setup.py"]


def test_bad_settings_are_a_usage_error(tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text("[tool.rkeras2py]\nstrikt = true\n")
    (tmp_path / "a.R").write_text(GOOD)
    code, _, err = main(capsys, str(tmp_path / "a.R"))
    assert code == 2 and "unknown setting 'strikt'" in err and "Traceback" not in err
    (tmp_path / "pyproject.toml").write_text('[tool.rkeras2py]\npython-name = "{stem}.R"\n')
    code, _, err = main(capsys, str(tmp_path / "a.R"), "--twin")
    assert code == 2 and "refusing to write over the input" in err
    assert (tmp_path / "a.R").read_text() == GOOD


def test_io_errors_exit_2_and_other_files_go_on(tmp_path, capsys):
    src = tree(tmp_path / "src", {"a.R": GOOD, "b.R": GOOD})
    out = tmp_path / "py"
    out.mkdir()
    (out / "a.py").mkdir()  # cannot be replaced by a file
    code, _, err = main(capsys, str(src), "--out-dir", str(out), "-j", "1")
    assert code == 2 and f"{out / 'a.py'}: cannot write" in err
    assert "np.mean" in (out / "b.py").read_text()
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []  # no temp files left


def test_an_internal_error_names_its_file_and_the_others_are_translated(
    tmp_path, monkeypatch, capsys
):
    import rkeras2py.translator as translator

    real = translator.translate

    def flaky(source, filename="<string>", **kwargs):
        if filename.endswith("boom.R"):
            raise KeyError("surprise")
        return real(source, filename, **kwargs)

    monkeypatch.setattr(translator, "translate", flaky)
    src = tree(tmp_path, {"a.R": GOOD, "boom.R": GOOD, "c.R": GOOD})
    code, _, err = main(capsys, str(src), "-j", "1")
    assert code == 1
    assert f"{src / 'boom.R'}: internal error in rkeras2py: KeyError" in err
    assert "Traceback" not in err
    assert (src / "a.py").exists() and (src / "c.py").exists() and not (src / "boom.py").exists()


def test_document_becomes_a_notebook_or_quarto(tmp_path, capsys):
    (tmp_path / "report.Rmd").write_text(REPORT)
    code, out, err = main(capsys, str(tmp_path / "report.Rmd"))
    assert code == 0 and out == "" and "wrote" in err
    notebook = nbformat.reads((tmp_path / "report.ipynb").read_text(), as_version=4)
    assert notebook.cells[0].source == "# Scores"
    code, out, _ = main(capsys, str(tmp_path / "report.Rmd"), "--to", "qmd")
    assert code == 0 and "```{python}\n#| label: setup\nn = 3\n```" in out
    assert not (tmp_path / "report.qmd").exists()  # text formats print unless asked


def test_diagnostics_are_coloured_only_when_asked(tmp_path, monkeypatch):
    (tmp_path / "bad.R").write_text(BAD)
    plain = run("--lint", str(tmp_path / "bad.R"))
    assert plain.returncode == 1 and "\033[" not in plain.stderr
    forced = subprocess.run(
        [sys.executable, "-m", "rkeras2py.cli", "--lint", str(tmp_path / "bad.R")],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "FORCE_COLOR": "1"},
    )
    assert forced.returncode == 1
    assert "\033[1;31mRK101\033[0m" in forced.stderr


def test_progress_bar_only_on_a_terminal():
    class Terminal(__import__("io").StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    reporter = cli.Reporter(quiet=False, stream=screen)
    reporter.started -= 10  # a long run
    reporter.progress(3, 10, "src/model.R")
    assert "[#########---------------------] 3/10 src/model.R" in screen.getvalue()
    piped = __import__("io").StringIO()
    reporter = cli.Reporter(quiet=False, stream=piped)
    reporter.started -= 10
    reporter.progress(3, 10, "src/model.R")
    assert piped.getvalue() == ""


def test_help_shows_examples():
    result = run("--help")
    assert result.returncode == 0
    assert "rkeras2py src/ --out-dir py/" in result.stdout and "--check" in result.stdout


def test_examples_are_up_to_date(monkeypatch, capsys):
    """The bundled examples' translations are what the translator writes now."""
    monkeypatch.chdir(ROOT)
    regenerate = (
        "regenerate with: rkeras2py examples && rkeras2py examples/training_report.Rmd "
        "--to qmd -o examples/quarto/training_report.qmd"
    )
    code, _, err = main(capsys, "examples", "--check", "-j", "1")
    assert code == 0, f"{err}\n{regenerate}"
    assert "6 files unchanged" in err
    code, _, err = main(
        capsys,
        "examples/training_report.Rmd",
        "--to",
        "qmd",
        "-o",
        "examples/quarto/training_report.qmd",
        "--check",
    )
    assert code == 0, f"{err}\n{regenerate}"
    for script in sorted(Path("examples").glob("*.py")):
        compile(script.read_text(), str(script), "exec")
    ran = subprocess.run(
        [sys.executable, "examples/prepare_scores.py"], capture_output=True, text=True
    )
    assert ran.returncode == 0 and "pass rate: 80%" in ran.stdout
