"""Which files a run translates, where each translation goes, and how it is written.

Inputs are R scripts (`.R`, `.r`) and R Markdown / Quarto documents (`.Rmd`, `.rmd`,
`.qmd`). A directory is walked in sorted order, skipping hidden directories, the usual
tool directories (renv, packrat, virtualenvs, caches) and what `exclude` globs match.
Writes are atomic: the text goes to a temporary file beside the target, then is renamed
over it, so a reader never sees half a file and a failure leaves the old file as it was.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import tempfile
from pathlib import Path, PurePath

SCRIPT_SUFFIXES = (".R", ".r")
DOCUMENT_SUFFIXES = (".Rmd", ".rmd", ".qmd")
SUFFIXES = SCRIPT_SUFFIXES + DOCUMENT_SUFFIXES

# Never walked into: version control, R and Python tool directories, caches.
SKIPPED_DIRECTORIES = frozenset(
    {
        "__pycache__",
        "node_modules",
        "renv",
        "packrat",
        "venv",
        "site-packages",
        "_freeze",
        "_site",
    }
)


def is_source(path: PurePath) -> bool:
    return path.suffix in SUFFIXES


def is_document(path: PurePath) -> bool:
    return path.suffix in DOCUMENT_SUFFIXES


def is_excluded(path: Path, patterns: list[str], roots: list[Path]) -> bool:
    """Whether a glob in `patterns` matches `path`'s name, or its path relative to a root.

    `*` matches across `/` (so `legacy/*` excludes the whole `legacy` tree), as in
    `fnmatch`; a pattern without `/` is also tried against each path component.
    """
    if not patterns:
        return False
    resolved = path.resolve()
    relatives = []
    for root in roots:
        try:
            relatives.append(resolved.relative_to(root.resolve()).as_posix())
        except ValueError:
            continue
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if "/" not in pattern:
            if any(fnmatch.fnmatchcase(part, pattern) for part in path.parts):
                return True
            continue
        pattern = pattern.removeprefix("./")
        for relative in relatives:
            if fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(
                relative, pattern + "/*"
            ):
                return True
    return False


def walk(directory: Path, patterns: list[str], roots: list[Path], skip: list[Path]) -> list[Path]:
    """The R sources under `directory`, sorted, without excluded or skipped paths."""
    skipped = {p.resolve() for p in skip}
    found: list[Path] = []
    for current, dirnames, filenames in os.walk(directory):
        here = Path(current)
        dirnames[:] = sorted(
            name
            for name in dirnames
            if not name.startswith(".")
            and name not in SKIPPED_DIRECTORIES
            and (here / name).resolve() not in skipped
            and not is_excluded(here / name, patterns, [directory, *roots])
        )
        for name in sorted(filenames):
            path = here / name
            if is_source(path) and not is_excluded(path, patterns, [directory, *roots]):
                found.append(path)
    return found


def read_text(path: Path) -> str:
    """The file's text as UTF-8, its line endings kept."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def read_if_exists(path: Path) -> str | None:
    try:
        return read_text(path)
    except FileNotFoundError:
        return None


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` in one step; raises OSError, leaving `path` as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        if path.exists():
            mode = path.stat().st_mode & 0o7777
        else:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()
