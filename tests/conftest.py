"""Shared test helpers: where fixtures live, and R as the oracle."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
R_SYNTAX = FIXTURES / "r-syntax"
ORACLE_SCRIPT = Path(__file__).parent / "r" / "parse_oracle.R"


@dataclass
class RParseResult:
    """What R's own parser said about one file."""

    ok: bool
    deparsed: str = ""
    structure: str = ""
    message: str = ""

    @property
    def line(self) -> int | None:
        """The line R's error message names, if it names one."""
        for pattern in (r":(\d+):\d+:", r"\(line (\d+)\)", r"on line (\d+)"):
            match = re.search(pattern, self.message)
            if match:
                return int(match.group(1))
        return None


def _unescape(field: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), field)


def rscript() -> str | None:
    return shutil.which("Rscript")


def require_r() -> str:
    """Rscript's path; CI must have R, a developer's machine may skip."""
    path = rscript()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Rscript is not installed, but CI must run R as the oracle")
        pytest.skip("Rscript is not installed")
    return path


def r_parse(paths: list[Path]) -> list[RParseResult]:
    """Ask R to parse each file; one Rscript process for the whole list."""
    executable = require_r()
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp, "files.txt")
        output = Path(tmp, "out.txt")
        listing.write_text("\n".join(str(p) for p in paths) + "\n", encoding="utf-8")
        subprocess.run(
            [executable, "--vanilla", str(ORACLE_SCRIPT), str(listing), str(output)],
            check=True,
            capture_output=True,
            env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
        )
        lines = output.read_text(encoding="utf-8").split("\n")[: len(paths)]
    results = []
    for line in lines:
        fields = line.split("\t")
        if fields[0] == "OK":
            results.append(RParseResult(True, _unescape(fields[1]), _unescape(fields[2])))
        else:
            results.append(RParseResult(False, message=_unescape(fields[1])))
    return results


def run_r_snippets(snippets: list[str], *, autoprint: bool = False) -> list[str]:
    """What R prints for each snippet, in one Rscript process. With `autoprint`, visible
    top-level values print and messages go to stdout, as under Rscript."""
    executable = require_r()
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for position, code in enumerate(snippets):
            path = Path(tmp, f"snippet{position}.R")
            path.write_text(code, encoding="utf-8")
            files.append(path.as_posix())
        if autoprint:
            run_one = (
                '  sink(stdout(), type = "message")\n'
                "  source(f, local = new.env(), print.eval = TRUE)\n"
                '  sink(type = "message")\n'
            )
        else:
            run_one = "  sys.source(f, envir = new.env())\n"
        driver = Path(tmp, "driver.R")
        driver.write_text(
            'for (f in commandArgs(TRUE)) {\n  cat("@@@@\\n")\n' + run_one + "}\n",
            encoding="utf-8",
        )
        env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        printed = subprocess.run(
            [executable, "--vanilla", str(driver), *files],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout
    return printed.split("@@@@\n")[1:]
