"""The pre-commit hooks in .pre-commit-hooks.yaml, run by pre-commit itself.

`pre-commit try-repo` installs the hook repository into a fresh virtualenv with
`pip install .`. To run offline and fast, the test points it at a copy of this project
(try-repo only sees committed and tracked files, so the copy is committed in its own
temporary repository) and sets, for pre-commit's virtualenv and pip only:

- VIRTUALENV_SYSTEM_SITE_PACKAGES=1: the hook's environment sees the packages already
  installed here (lark, libcst, nbformat, setuptools), so pip downloads nothing;
- PIP_NO_INDEX=1: and may not try;
- PIP_NO_BUILD_ISOLATION=0: builds with the installed setuptools (pip reads this
  variable inverted: 0 turns build isolation off).

The hooks themselves are the real `language: python` definitions.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")

GOOD = 'x <- c(1, 2)\ncat(mean(x), "\\n")\n'
BAD = 'y <- eval(parse(text = "1"))\n'


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def hook_repository(target: Path) -> Path:
    """A committed copy of the project's installable files and hook manifest."""
    target.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, target / name)
    shutil.copytree(
        ROOT / "rkeras2py", target / "rkeras2py", ignore=shutil.ignore_patterns("__pycache__")
    )
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-qm", "hooks")
    return target


def pre_commit(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "VIRTUALENV_SYSTEM_SITE_PACKAGES": "1",
        "PIP_NO_INDEX": "1",
        "PIP_NO_BUILD_ISOLATION": "0",
        "NO_COLOR": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_manifest_is_valid(tmp_path):
    pytest.importorskip("pre_commit")
    manifest = str(ROOT / ".pre-commit-hooks.yaml")
    done = pre_commit(ROOT, tmp_path / "home", "validate-manifest", manifest)
    assert done.returncode == 0, done.stdout + done.stderr


def test_hooks_keep_twins_and_reject_untranslatable_r(tmp_path):
    pytest.importorskip("pre_commit")
    hooks = hook_repository(tmp_path / "hooks")
    project = tmp_path / "project"
    (project / "models").mkdir(parents=True)
    (project / "models" / "model.R").write_text(GOOD)
    (project / "bad.R").write_text(BAD)
    (project / "notes.md").write_text("not R\n")
    git(project, "init", "-q")
    git(project, "add", "-A")

    first = pre_commit(project, tmp_path / "home", "try-repo", str(hooks))
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    # rkeras2py wrote the twin of the good file (and fails so it gets staged) ...
    twin = project / "models" / "model.py"
    assert "np.mean(x)" in twin.read_text()
    assert not (project / "bad.py").exists() and not (project / "notes.py").exists()
    # ... and both hooks report the R that cannot be translated, where it is
    assert output.count("bad.R:1:6: RK101") == 2, output
    assert "models/model.R:" not in output

    # the user stages the twin and fixes the bad file: both hooks pass, nothing changes
    (project / "bad.R").write_text("y <- 1\n")
    (project / "bad.py").write_text("y = 1\n")
    git(project, "add", "-A")
    stamp = twin.stat().st_mtime_ns
    second = pre_commit(project, tmp_path / "home", "try-repo", str(hooks))
    output = second.stdout + second.stderr
    assert second.returncode == 0, output
    assert output.count("Passed") == 2, output
    assert twin.stat().st_mtime_ns == stamp
