"""Base R's core functions (`registry/base/core.py`), stats (`registry/stats.py`) and utils
(`registry/utils.py`): what each call becomes, and that the Python computes what R computes.

Four kinds of tests, in the libcst-codemod spirit:
- `(R snippet, expected Python)` pairs: the last line(s) of the translation, imports aside;
- behaviour: each R snippet is translated, the Python run (in this process, stdout captured)
  and its printed values compared with what R printed for the same snippet, recorded below.
  Every recorded output was checked with `Rscript --vanilla` (R 4.2.2, LANG=C.UTF-8);
  `test_recorded_r_output_is_current` checks them all again, in one Rscript run, whenever
  R is installed. Random draws are checked for shapes, ranges and seeds' reproducibility;
- "reports this": calls an entry does not translate get an error diagnostic with the right
  code, and the code raises `NotImplementedError` where R's statement was;
- known wrong: translations that compute something other than R (or crash, or are not
  valid Python) are kept as `xfail(strict=True)` tests with what R gives; when one is fixed
  the test starts passing and strict xfail says so: drop its entry from `KNOWN_WRONG`.

`test_every_entry_is_exercised` reads the three tables and fails when an entry has no R
snippet here that calls it.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
import time
import warnings

import numpy as np
import pytest
from conftest import ROOT, run_r_snippets
from outputs import same_values

from rkeras2py.translator import registry, translate

CORE = ROOT / "rkeras2py" / "translator" / "registry" / "base" / "core.py"


def tail(source: str, lines: int = 1) -> str:
    """The last `lines` lines of the Python translation of `source` (no diagnostics)."""
    result = translate(source)
    assert not result.diagnostics, [d.format() for d in result.diagnostics]
    return "\n".join(result.code.rstrip("\n").splitlines()[-lines:])


def run(code: str, merge: bool = False) -> tuple[str, str, list[warnings.WarningMessage]]:
    """Execute translated code; what it printed on stdout and stderr, and its warnings.
    With `merge`, stderr goes to the same buffer as stdout (as R's messages are sunk below).
    """
    out = io.StringIO()
    err = out if merge else io.StringIO()
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        warnings.catch_warnings(record=True) as caught,
    ):
        warnings.simplefilter("always")
        exec(compile(code, "<translation>", "exec"), {"__name__": "__main__"})
    return out.getvalue(), ("" if merge else err.getvalue()), list(caught)


def namespace(code: str) -> dict:
    """The module globals after running translated code (printing nothing)."""
    scope: dict = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(compile(code, "<translation>", "exec"), scope)
    return scope


def lines_rstripped(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.split("\n"))


# ---- every entry is exercised ----------------------------------------------------------


def _core_names() -> set[str]:
    """The R names `registry/base/core.py` registers: decorators, `TABLE.add` and loops."""
    tree = ast.parse(CORE.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") in (
                    "special",
                    "statement",
                ):
                    found.update(a.value for a in decorator.args if isinstance(a, ast.Constant))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "add" and getattr(node.func.value, "id", "") == "TABLE":
                if node.args and isinstance(node.args[0], ast.Constant):
                    found.add(node.args[0].value)
        elif isinstance(node, ast.For) and isinstance(node.iter, (ast.List, ast.Tuple)):
            adds = [
                c
                for c in ast.walk(node)
                if isinstance(c, ast.Call)
                and isinstance(c.func, ast.Attribute)
                and c.func.attr == "add"
                and c.args
                and isinstance(c.args[0], ast.Name)
            ]
            if adds:
                for item in node.iter.elts:
                    first = item.elts[0] if isinstance(item, ast.Tuple) else item
                    found.add(first.value)
    return found


def registered_names() -> set[str]:
    tables = registry().tables
    return _core_names() | set(tables["stats"].entries) | set(tables["utils"].entries)


def _calls(name: str) -> re.Pattern:
    if name.endswith("<-"):  # replacement functions: `names(x) <- value`
        return re.compile(rf"(?<![\w.]){re.escape(name[:-2])}\([^()]*\)\s*<-")
    return re.compile(rf"(?<![\w.]){re.escape(name)}\(")


def test_core_table_is_read():
    """The static reading of core.py finds its entries, and they are in the base table."""
    names = _core_names()
    assert {"c", "seq", "stop", "library", "names<-", "sum", "rowSums", "eval", "abs"} <= names
    assert names <= set(registry().tables["base"].entries)


def test_every_entry_is_exercised():
    snippets = "\n".join(
        [r for r, _ in TRANSLATIONS]
        + [case[1] for case in BEHAVIOUR + KNOWN_WRONG + EXACT + EXACT_WRONG]
        + [r for r, _ in REPORTED]
    )
    missing = sorted(name for name in registered_names() if not _calls(name).search(snippets))
    assert not missing, f"entries with no R snippet in this file: {missing}"


# ---- R snippet → Python ----------------------------------------------------------------

A = "a <- c(3, 1, 2)\n"
S = 's <- c("a", "b")\n'
M = "m <- matrix(1:6, 2)\n"
L = "l <- list(a = 1, b = 2)\n"
N = "x <- c(b = 2, a = 1)\n"

TRANSLATIONS = [
    ('y <- outer(1:2, 1:3, "^")', "y = np.power.outer(np.arange(1, 3), np.arange(1, 4))"),
    (
        "y <- outer(1:2, 1:3, function(a, b) a^b)",
        "y = (lambda a, b: a**b)(\n"
        "    np.asarray(np.arange(1, 3))[:, None], np.asarray(np.arange(1, 4))[None, :]\n)",
    ),
    ("y <- c(1, 2.5, 3)", "y = np.array([1.0, 2.5, 3.0])"),
    ("y <- c(1L, 2L)", "y = np.array([1, 2])"),
    ('y <- c("a", "b")', 'y = ["a", "b"]'),
    ("y <- c(TRUE, FALSE)", "y = np.array([True, False])"),
    ("y <- c(a = 1, b = 2)", 'y = {"a": 1.0, "b": 2.0}'),
    ("y <- c()", "y = []"),
    ("y <- c(1, NA)", "y = np.array([1.0, np.nan])"),
    ("y <- c(1, NULL, 2)", "y = np.array([1.0, 2.0])"),
    ("v <- 1:3\ny <- c(v, 4)", "y = np.concatenate([v, [4.0]])"),
    (S + 'y <- c(s, "z")', 'y = [*s, "z"]'),
    ("y <- seq(1, 10, by = 2)", "y = np.arange(1, 10, 2)"),
    ("y <- seq(10)", "y = np.arange(1, 11)"),
    ("y <- seq(0, 1, length.out = 5)", "y = np.linspace(0.0, 1.0, 5)"),
    ("y <- seq(10, 1, by = -3)", "y = np.arange(10, 0, -3)"),
    ("y <- seq(0, 1, by = 0.25)", "y = np.linspace(0.0, 1.0, 5)"),
    ("y <- seq(10, 1)", "y = np.arange(10, 0, -1)"),
    ("y <- seq(5, by = 2, length.out = 3)", "y = 5 + np.arange(3) * 2"),
    (
        "x <- 0.1\ny <- seq(0, 0.3, by = x)",
        "y = 0.0 + np.arange(int((0.3 - 0) / x + 1e-10) + 1) * x",
    ),
    ("n <- 5\ny <- seq(1, n)", "y = np.arange(1, n + 1)"),
    ("n <- 5\ny <- seq(1, n, by = 2)", "y = np.arange(1, n + 1, 2)"),
    (A + "y <- seq(along.with = a)", "y = np.arange(1, len(a) + 1)"),
    ("y <- seq_len(3)", "y = np.arange(1, 4)"),
    ("n <- 4\ny <- seq_len(n)", "y = np.arange(1, n + 1)"),
    (A + "y <- seq_along(a)", "y = np.arange(1, len(a) + 1)"),
    (
        A + "for (i in seq_along(a)) print(a[i])",
        ("for i in range(1, len(a) + 1):\n    print(a[i - 1])"),
    ),
    ("y <- rep(1, 3)", "y = np.tile(1.0, 3)"),
    (A + "y <- rep(a, times = 2)", "y = np.tile(a, 2)"),
    (A + "y <- rep(a, each = 2)", "y = np.repeat(a, 2)"),
    (A + "y <- rep(a, times = 2, each = 2)", "y = np.tile(np.repeat(a, 2), 2)"),
    (A + "y <- rep(a, length.out = 5)", "y = np.resize(a, 5)"),
    ('y <- rep("a", 3)', 'y = ["a"] * 3'),
    (S + "y <- rep(s, 2)", "y = s * 2"),
    (S + "y <- rep(s, each = 2)", "y = [item for item in s for _ in range(2)]"),
    ("y <- numeric(3)", "y = np.zeros(3)"),
    ("y <- double(2)", "y = np.zeros(2)"),
    ("y <- integer(2)", "y = np.zeros(2, dtype=int)"),
    ("y <- logical(2)", "y = np.zeros(2, dtype=bool)"),
    ("y <- character(2)", 'y = [""] * 2'),
    ("y <- numeric()", "y = np.zeros(0)"),
    ('y <- vector("list", 2)', "y = [None] * 2"),
    ("y <- character(0)", "y = []"),
    ('y <- vector("list")', "y = []"),
    ('y <- vector("character", 2)', 'y = [""] * 2'),
    ('y <- vector("numeric", 2)', "y = np.zeros(2)"),
    (A + "y <- length(a)", "y = len(a)"),
    (M + "y <- length(m)", "y = m.size"),
    ("y <- length(NULL)", "y = 0"),
    ('y <- list(1, "a")', 'y = [1, "a"]'),
    ('y <- list(a = 1, b = "x")', 'y = {"a": 1, "b": "x"}'),
    ("y <- list()", "y = []"),
    (L + "y <- names(l)", "y = list(l)"),
    ('x <- c(1, 2)\nnames(x) <- c("a", "b")', 'x = dict(zip(["a", "b"], x))'),
    (L + 'names(l) <- c("x", "y")', 'l = dict(zip(["x", "y"], l.values()))'),
    ('y <- setNames(c(1, 2), c("a", "b"))', 'y = dict(zip(["a", "b"], np.array([1.0, 2.0])))'),
    ('y <- setNames(list(1, 2), c("a", "b"))', 'y = dict(zip(["a", "b"], [1, 2]))'),
    ("y <- unlist(list(a = 1, b = 2))", 'y = {"a": 1, "b": 2}'),
    ("l <- list(1, 2)\ny <- unlist(l)", "y = np.hstack(l)"),
    (A + "y <- rev(a)", "y = a[::-1]"),
    (N + "y <- sum(x)", "y = sum(x.values())"),
    (N + "y <- sum(x, na.rm = TRUE)", "y = np.nansum(list(x.values()))"),
    (N + "y <- mean(x)", "y = np.mean(list(x.values()))"),
    (N + "y <- max(x)", "y = np.max(list(x.values()))"),
    (N + "y <- min(x)", "y = np.min(list(x.values()))"),
    (N + "y <- max(x, 5)", "y = np.max(np.hstack([list(x.values()), 5]))"),
    (N + "y <- range(x)", "y = np.array([np.min(list(x.values())), np.max(list(x.values()))])"),
    (N + "y <- which.max(x)", "y = np.argmax(list(x.values())) + 1"),
    (N + "y <- which.min(x)", "y = np.argmin(list(x.values())) + 1"),
    (N + "y <- names(which.max(x))", "y = max(x, key=x.get)"),
    (N + "y <- names(which.min(x))", "y = min(x, key=x.get)"),
    (
        "y <- names(which.max(c(a = 1, b = 3)))",
        'y = max({"a": 1.0, "b": 3.0}.items(), key=lambda item: item[1])[0]',
    ),
    (N + "y <- sort(x)", "y = dict(sorted(x.items(), key=lambda item: item[1]))"),
    (
        N + "y <- sort(x, decreasing = TRUE)",
        "y = dict(sorted(x.items(), key=lambda item: item[1], reverse=True))",
    ),
    (N + "y <- rev(x)", "y = dict(reversed(x.items()))"),
    (N + "y <- round(x, 1)", "y = {key: round(value, 1) for key, value in x.items()}"),
    (N + "y <- length(x)", "y = len(x)"),
    (N + "y <- names(x)", "y = list(x)"),
    (
        "b <- c(a = TRUE, b = FALSE)\ny <- which(b)",
        "y = {key: position for position, (key, value) in enumerate(b.items(), 1) if value}",
    ),
    (A + "y <- sort(a)", "y = np.sort(a[~np.isnan(a)])"),
    (A + "y <- sort(a, decreasing = TRUE)", "y = np.sort(a[~np.isnan(a)])[::-1]"),
    ("y <- sort(c(3, NA, 1))", "y = np.sort(np.array([3.0, 1.0]))"),
    (S + "y <- sort(s)", "y = sorted(s)"),
    (S + "y <- sort(s, decreasing = TRUE)", "y = sorted(s, reverse=True)"),
    (A + "y <- order(a)", 'y = np.argsort(a, kind="stable") + 1'),
    (A + "y <- order(a, decreasing = TRUE)", 'y = np.argsort(-a, kind="stable") + 1'),
    (A + "y <- unique(a)", "y = a[np.sort(np.unique(a, return_index=True)[1])]"),
    ("y <- unique(c(NA, 1, NA))", "y = np.array(list(dict.fromkeys(np.array([np.nan, 1.0]))))"),
    (S + "y <- unique(s)", "y = list(dict.fromkeys(s))"),
    (A + 'y <- ifelse(a > 1, "big", "small")', 'y = np.where(a > 1, "big", "small")'),
    ("x <- 3\ny <- ifelse(x > 2, 1, 0)", "y = 1.0 if x > 2 else 0.0"),
    (A + "y <- ifelse(a > 1, a, 0)", "y = np.where(a > 1, a, 0.0)"),
    (A + "y <- which(a > 1)", "y = np.flatnonzero(a > 1) + 1"),
    (A + "y <- which.max(a)", "y = np.argmax(a) + 1"),
    (A + "y <- which.min(a)", "y = np.argmin(a) + 1"),
    (A + "y <- sum(a)", "y = np.sum(a)"),
    (A + "y <- prod(a)", "y = np.prod(a)"),
    (A + "y <- max(a)", "y = np.max(a)"),
    (A + "y <- min(a)", "y = np.min(a)"),
    (A + "y <- mean(a)", "y = np.mean(a)"),
    (A + "y <- range(a)", "y = np.array([np.min(a), np.max(a)])"),
    (A + "y <- max(a, 10)", "y = np.max(np.hstack([a, 10]))"),
    ("y <- max(2, 3)", "y = max(2, 3)"),
    ("y <- min(2, 3)", "y = min(2, 3)"),
    ("y <- prod(2, 3)", "y = np.prod(np.hstack([2, 3]))"),
    (A + "y <- sum(a, na.rm = TRUE)", "y = np.nansum(a)"),
    (A + "y <- mean(a, na.rm = TRUE)", "y = np.nanmean(a)"),
    (A + "y <- max(a, na.rm = TRUE)", "y = np.nanmax(a)"),
    (A + "y <- min(a, na.rm = TRUE)", "y = np.nanmin(a)"),
    (A + "y <- prod(a, na.rm = TRUE)", "y = np.nanprod(a)"),
    (A + "y <- range(a, na.rm = TRUE)", "y = np.array([np.nanmin(a), np.nanmax(a)])"),
    (A + "y <- abs(a)", "y = np.abs(a)"),
    (A + "y <- sqrt(a)", "y = np.sqrt(a)"),
    (A + "y <- exp(a)", "y = np.exp(a)"),
    (A + "y <- floor(a)", "y = np.floor(a)"),
    (A + "y <- ceiling(a)", "y = np.ceil(a)"),
    (A + "y <- trunc(a)", "y = np.trunc(a)"),
    (A + "y <- sign(a)", "y = np.sign(a)"),
    (A + "y <- cos(a)", "y = np.cos(a)"),
    (A + "y <- sin(a)", "y = np.sin(a)"),
    (A + "y <- tan(a)", "y = np.tan(a)"),
    (A + "y <- tanh(a)", "y = np.tanh(a)"),
    (A + "y <- log2(a)", "y = np.log2(a)"),
    (A + "y <- log10(a)", "y = np.log10(a)"),
    (A + "y <- log1p(a)", "y = np.log1p(a)"),
    (A + "y <- cumsum(a)", "y = np.cumsum(a)"),
    (A + "y <- cumprod(a)", "y = np.cumprod(a)"),
    (A + "y <- cummax(a)", "y = np.maximum.accumulate(a)"),
    (A + "y <- diff(a)", "y = np.diff(a)"),
    (A + "y <- is.nan(a)", "y = np.isnan(a)"),
    (A + "y <- log(a)", "y = np.log(a)"),
    ("y <- log(100, 10)", "y = np.log(100) / np.log(10)"),
    ("y <- log(8, base = 2)", "y = np.log(8) / np.log(2)"),
    ("y <- round(2.567, 2)", "y = round(2.567, 2)"),
    (A + "y <- round(a, 1)", "y = np.round(a, 1)"),
    (A + "y <- round(a)", "y = np.round(a)"),
    ("y <- signif(123456, 2)", 'y = float(format(123456, ".%dg" % 2))'),
    ("y <- signif(3.14159)", 'y = float(format(3.14159, ".%dg" % 6))'),
    ("x <- c(TRUE, FALSE)\ny <- any(x)", "y = np.any(x)"),
    ("x <- c(TRUE, FALSE)\ny <- all(x)", "y = np.all(x)"),
    ("x <- c(TRUE, FALSE)\ny <- any(x, TRUE)", "y = np.any(np.hstack([x, True]))"),
    ("f <- function(v) is.null(v)", "    return v is None"),
    (A + "y <- is.na(a)", "y = np.isnan(a)"),
    ("y <- identical(1, 1)", "y = 1 == 1"),
    ("y <- identical(1L, 1)", "y = False"),
    ('y <- is.na("a")', "y = False"),
    (S + "y <- is.na(s)", "y = np.array([text is None for text in s], dtype=bool)"),
    ("y <- format(TRUE)", 'y = "TRUE"'),
    ("x <- 1 > 2\ny <- format(x)", 'y = "TRUE" if x else "FALSE"'),
    (A + "y <- identical(a, c(3, 1, 2))", "y = np.array_equal(a, np.array([3.0, 1.0, 2.0]))"),
    (M + "y <- max.col(m)", "y = np.argmax(m, axis=1) + 1"),
    ('y <- as.numeric("3.5")', 'y = float("3.5")'),
    ('x <- c("1", "2")\ny <- as.numeric(x)', "y = np.asarray(x, dtype=float)"),
    (M + "y <- as.numeric(m)", 'y = m.flatten(order="F")'),
    ('y <- as.double("2")', 'y = float("2")'),
    ("y <- as.integer(3.9)", "y = int(3.9)"),
    (A + "y <- as.integer(a)", "y = np.asarray(a).astype(int)"),
    ("y <- as.character(1.5)", 'y = format(1.5, ".15g")'),
    (A + "y <- as.character(a)", 'y = [format(value, ".15g") for value in a]'),
    ("y <- as.logical(0)", "y = bool(0)"),
    (A + "y <- as.logical(a)", "y = np.asarray(a, dtype=bool)"),
    ("f <- function(x) invisible(x)", "    return x"),
    ("y <- invisible(4)", "y = 4"),
    ("x <- 3\ninvisible(x)", "x = 3"),
    ('x <- 3\ny <- paste("a", x)', 'y = f"a {x}"'),
    ('y <- paste("a", "b", sep = "-")', 'y = "a-b"'),
    (S + 'y <- paste(s, "x")', 'y = [f"{item} x" for item in s]'),
    (S + 'y <- paste(s, collapse = "+")', 'y = "+".join(s)'),
    (
        S + "y <- paste0(s, 1:2)",
        'y = [f"{part}{part2}" for part, part2 in zip(s, np.arange(1, 3))]',
    ),
    (
        S + 'y <- paste0(s, 1:2, collapse = "|")',
        'y = "|".join((f"{part}{part2}" for part, part2 in zip(s, np.arange(1, 3))))',
    ),
    (S + 'y <- paste0("<", s, ">", collapse = "")', 'y = "".join((f"<{item}>" for item in s))'),
    ('y <- paste0("a", "b")', 'y = "ab"'),
    ('y <- paste0("a{", 1L, "}")', 'y = f"a{{{1}}}"'),
    ('y <- sprintf("%d items", 3L)', 'y = "%d items" % 3'),
    ('y <- sprintf("%.2f and %s", 3.14159, "x")', 'y = "%.2f and %s" % (3.14159, "x")'),
    (A + 'y <- sprintf("%.1f", a)', 'y = ["%.1f" % value for value in a]'),
    (
        A + S + 'y <- sprintf("%s=%.1f", s, a)',
        'y = ["%s=%.1f" % (value, value2) for value, value2 in zip(s, a)]',
    ),
    ('y <- toupper("abc")', 'y = "abc".upper()'),
    ('y <- tolower("ABC")', 'y = "ABC".lower()'),
    ('y <- trimws("  a  ")', 'y = "  a  ".strip()'),
    (S + "y <- toupper(s)", "y = [text.upper() for text in s]"),
    (S + "y <- tolower(s)", "y = [text.lower() for text in s]"),
    (S + "y <- trimws(s)", "y = [text.strip() for text in s]"),
    ('y <- trimws("  a  ", which = "left")', 'y = "  a  ".lstrip()'),
    ('y <- trimws("  a  ", which = "right")', 'y = "  a  ".rstrip()'),
    ('y <- nchar("hello")', 'y = len("hello")'),
    (S + "y <- nchar(s)", "y = np.array([len(text) for text in s])"),
    ('y <- substr("hello", 2, 4)', 'y = "hello"[1:4]'),
    (S + "y <- substr(s, 1, 3)", "y = [text[:3] for text in s]"),
    ('y <- substring("hello", 3)', 'y = "hello"[2:]'),
    ('y <- startsWith("hello", "he")', 'y = "hello".startswith("he")'),
    ('y <- endsWith("hello", "lo")', 'y = "hello".endswith("lo")'),
    (S + 'y <- startsWith(s, "a")', 'y = np.array([text.startswith("a") for text in s])'),
    ('y <- gsub("a", "o", "banana")', 'y = "banana".replace("a", "o")'),
    ('y <- sub("a", "o", "banana")', 'y = "banana".replace("a", "o", 1)'),
    ('y <- gsub("[aeiou]", "", "banana")', 'y = re.sub("[aeiou]", "", "banana")'),
    (
        'y <- sub("(a)(n)", "\\\\2\\\\1", "banana")',
        'y = re.sub("(a)(n)", "\\\\2\\\\1", "banana", count=1)',
    ),
    ('y <- gsub(".", "-", "a.b", fixed = TRUE)', 'y = "a.b".replace(".", "-")'),
    (S + 'y <- gsub("a", "x", s)', 'y = [text.replace("a", "x") for text in s]'),
    ('y <- grepl("an", "banana")', 'y = re.search("an", "banana") is not None'),
    ('y <- grepl(".", "abc", fixed = TRUE)', 'y = "." in "abc"'),
    (S + 'y <- grepl("^a", s)', 'y = np.array([re.search("^a", text) is not None for text in s])'),
    ('y <- strsplit("a,b,c", ",")', 'y = ["a,b,c".split(",")]'),
    (S + 'y <- strsplit(s, " ")', 'y = [text.removesuffix(" ").split(" ") for text in s]'),
    ('y <- strsplit("a,b,", ",")', 'y = ["a,b,".removesuffix(",").split(",")]'),
    (
        'x <- "a1b2"\ny <- strsplit(x, "[0-9]")',
        'y = [re.split("[0-9]", re.sub("(?:[0-9])\\\\Z", "", x, count=1))]',
    ),
    (
        'y <- gsub("A", "x", "aA", ignore.case = TRUE)',
        'y = re.sub("A", "x", "aA", flags=re.IGNORECASE)',
    ),
    ('y <- gsub("[[:space:]]+", " ", "a  b")', 'y = re.sub("[\\\\s]+", " ", "a  b")'),
    ('y <- as.integer("7.9")', 'y = int(float("7.9"))'),
    ("y <- nchar(123)", "y = 3"),
    ('y <- substr("hello", 0, 2)', 'y = "hello"[:2]'),
    ('y <- strsplit("abc", "")', 'y = [list("abc")]'),
    ('y <- strsplit("a1b22c", "[0-9]+")', 'y = [re.split("[0-9]+", "a1b22c")]'),
    ('y <- strsplit("a.b", ".", fixed = TRUE)', 'y = ["a.b".split(".")]'),
    ('y <- strsplit("a,b", ",")[[1]]', 'y = "a,b".split(",")'),
    ("y <- format(3.5)", 'y = format(3.5, ".15g")'),
    # R shows 7 significant digits, then at least nsmall decimals (checked with Rscript:
    # "3.14159", "2.00", "0.500")
    ("y <- format(3.14159, nsmall = 2)", 'y = format(3.14159, ".5f")'),
    ("y <- format(2, nsmall = 2)", 'y = format(2, ".2f")'),
    ("v <- 0.12345\ny <- format(round(v, 3), nsmall = 3)", 'y = format(round(v, 3), ".3f")'),
    ('y <- format(1234567, big.mark = ",")', 'y = format(1234567, ",.15g")'),
    ('y <- format("abc", width = 6)', 'y = format("abc", "<6")'),
    (A + "print(a)", "print(a)"),
    ('cat("a", "b\\n")', 'print("a", "b")'),
    (A + 'cat(a, "\\n")', "print(*a)"),
    ('cat("a", "b", sep = "")', 'print("a", "b", sep="", end="")'),
    ('message("x is ", 2)', 'print(f"x is {2}", file=sys.stderr)'),
    ('stop("bad input")', 'raise RuntimeError("bad input")'),
    ('n <- 3\nstop("bad ", n)', 'raise RuntimeError(f"bad {n}")'),
    (
        'y <- if (TRUE) 1 else stop("no")',
        ('if True:\n    value = 1\nelse:\n    raise RuntimeError("no")\ny = value'),
    ),
    ('warning("careful")', 'warnings.warn("careful")'),
    (
        A + "stopifnot(a > 0, length(a) == 3)",
        ("assert np.all(a > 0)\nassert len(a) == 3"),
    ),
    (
        'r <- tryCatch(stop("boom"), error = function(e) conditionMessage(e))',
        ('try:\n    raise RuntimeError("boom")\nexcept Exception as e:\n    r = str(e)'),
    ),
    (
        'r <- try(stop("boom"), silent = TRUE)',
        ('try:\n    raise RuntimeError("boom")\nexcept Exception as error:\n    r = error'),
    ),
    (
        'r <- try(stop("boom"), silent = TRUE)\nok <- inherits(r, "try-error")',
        "ok = isinstance(r, Exception)",
    ),
    (
        "f <- function(x) {\n  return(x + 1)\n}",
        ("def f(x):\n    return x + 1"),
    ),
    (
        "f <- function() {\n  return()\n}",
        ("def f():\n    return"),
    ),
    (
        "f <- function(x) {\n  if (missing(x)) 0 else x\n}",
        ("def f(x=None):\n    if x is None:\n        return 0\n    else:\n        return x"),
    ),
    ("library(stats)\nrequire(utils)\nx <- 1", "x = 1"),
    (A + "y <- lapply(a, function(v) v * 2)", "y = [v * 2 for v in a]"),
    (A + "y <- sapply(a, function(v) v * 2)", "y = np.array([v * 2 for v in a])"),
    (A + "y <- sapply(a, sqrt)", "y = np.array([np.sqrt(item) for item in a])"),
    (L + "y <- sapply(l, function(v) v + 1)", "y = {key: v + 1 for key, v in l.items()}"),
    (
        L + "y <- vapply(l, function(v) v + 1, numeric(1), USE.NAMES = FALSE)",
        "y = np.array([v + 1 for v in l.values()])",
    ),
    (A + "y <- sapply(a, function(v) v + 1, simplify = FALSE)", "y = [v + 1 for v in a]"),
    (
        L + "y <- vapply(l, function(v) v > 1, logical(1))",
        "y = {key: v > 1 for key, v in l.items()}",
    ),
    (A + "y <- vapply(a, function(v) v * 2, numeric(1))", "y = np.array([v * 2 for v in a])"),
    (
        "f <- function(v, k) v * k\ny <- lapply(1:3, f, k = 10)",
        "y = [f(item, k=10) for item in np.arange(1, 4)]",
    ),
    (
        "y <- Map(function(a, b) a + b, 1:3, 4:6)",
        "y = [a + b for a, b in zip(np.arange(1, 4), np.arange(4, 7))]",
    ),
    (
        "y <- mapply(function(a, b) a + b, 1:3, 4:6)",
        "y = [a + b for a, b in zip(np.arange(1, 4), np.arange(4, 7))]",
    ),
    (A + "y <- Filter(function(v) v > 1, a)", "y = np.array([v for v in a if v > 1])"),
    (S + "y <- Filter(function(v) nchar(v) > 1, s)", "y = [v for v in s if len(v) > 1]"),
    (
        "y <- Reduce(function(a, b) a + b, 1:4)",
        "y = functools.reduce(lambda a, b: a + b, np.arange(1, 5))",
    ),
    (
        "y <- Reduce(`+`, 1:4, accumulate = TRUE)",
        "y = list(itertools.accumulate(np.arange(1, 5), operator.add))",
    ),
    (
        "y <- Reduce(function(a, b) a * b, 1:4, 100)",
        "y = functools.reduce(lambda a, b: a * b, np.arange(1, 5), 100)",
    ),
    ("f <- function(a, b) a - b\ny <- do.call(f, list(a = 5, b = 2))", 'y = f(**{"a": 5, "b": 2})'),
    ('f <- function(a, b) a - b\ny <- do.call("f", list(5, 2))', "y = f(*[5, 2])"),
    ("m <- matrix(1:6, nrow = 2)", 'm = np.reshape(np.arange(1, 7), (2, -1), order="F")'),
    (
        "m <- matrix(1:6, ncol = 2, byrow = TRUE)",
        'm = np.reshape(np.arange(1, 7), (-1, 2), order="C")',
    ),
    ("m <- matrix(0, 2, 3)", "m = np.full((2, 3), 0.0)"),
    ("m <- matrix(1:6)", 'm = np.reshape(np.arange(1, 7), (-1, 1), order="F")'),
    ("m <- matrix(nrow = 2, ncol = 2)", "m = np.full((2, 2), np.nan)"),
    (
        "y <- array(1:24, dim = c(2, 3, 4))",
        'y = np.reshape(np.arange(1, 25), (2, 3, 4), order="F")',
    ),
    ("y <- array(0, c(2, 2))", "y = np.full((2, 2), 0.0)"),
    ("x <- 1:6\ndim(x) <- c(2, 3)", 'x = np.reshape(x, (2, 3), order="F")'),
    (M + "y <- dim(m)", "y = m.shape"),
    (M + "y <- nrow(m)", "y = m.shape[0]"),
    (M + "y <- ncol(m)", "y = m.shape[1]"),
    (M + "y <- NROW(m)", "y = m.shape[0]"),
    (M + "y <- NCOL(m)", "y = m.shape[1]"),
    (M + "y <- t(m)", "y = m.T"),
    (A + "y <- t(a)", "y = np.reshape(a, (1, -1))"),
    (A + "y <- cbind(a, a)", "y = np.column_stack([a, a])"),
    (A + "y <- rbind(a, a)", "y = np.vstack([a, a])"),
    (M + "y <- rowSums(m)", "y = np.sum(m, axis=1)"),
    (M + "y <- colSums(m)", "y = np.sum(m, axis=0)"),
    (M + "y <- rowMeans(m)", "y = np.mean(m, axis=1)"),
    (M + "y <- colMeans(m)", "y = np.mean(m, axis=0)"),
    (M + "y <- apply(m, 1, sum)", "y = np.sum(m, axis=1)"),
    (M + "y <- apply(m, 2, max)", "y = np.max(m, axis=0)"),
    (
        M + "y <- apply(m, 1, function(r) r[1] * 10)",
        "y = np.apply_along_axis(lambda r: r[0] * 10, 1, m)",
    ),
    ("y <- outer(1:2, 1:3)", "y = np.outer(np.arange(1, 3), np.arange(1, 4))"),
    ('y <- outer(1:2, 1:3, "+")', "y = np.add.outer(np.arange(1, 3), np.arange(1, 4))"),
    ('y <- outer(1:2, 1:3, "-")', "y = np.subtract.outer(np.arange(1, 3), np.arange(1, 4))"),
    ('y <- outer(1:2, 1:3, "/")', "y = np.divide.outer(np.arange(1, 3), np.arange(1, 4))"),
    ("y <- diag(3)", "y = np.eye(3)"),
    (A + "y <- diag(a)", "y = np.diag(a)"),
    (M + "y <- diag(m)", "y = np.diag(m)"),
    (M + "y <- solve(m)", "y = np.linalg.inv(m)"),
    (M + "y <- solve(m, c(1, 2))", "y = np.linalg.solve(m, np.array([1.0, 2.0]))"),
    (M + "y <- crossprod(m)", "y = m.T @ m"),
    (M + "y <- crossprod(m, m)", "y = m.T @ m"),
    ('y <- switch("b", a = 1, b = 2, 3)', 'y = {"a": 1, "b": 2}.get("b", 3)'),
    (
        'k <- "z"\ny <- switch(k, a = , b = "ab", "other")',
        'y = {"a": "ab", "b": "ab"}.get(k, "other")',
    ),
    (
        'y <- switch(2, "x", "y", "z")',
        (
            "choice = 2\n"
            "if choice == 1:\n"
            '    value = "x"\n'
            "elif choice == 2:\n"
            '    value = "y"\n'
            "elif choice == 3:\n"
            '    value = "z"\n'
            "else:\n"
            "    value = None\n"
            "y = value"
        ),
    ),
    (
        'k <- "a"\nswitch(k, a = print("A"), b = print("B"))',
        ('if k == "a":\n    print("A")\nelif k == "b":\n    print("B")'),
    ),
    (
        (
            "r <- tryCatch({\n"
            '  warning("w")\n'
            "  1\n"
            "}, warning = function(w) 2,\n"
            'error = function(e) 3, finally = cat("done\\n"))'
        ),
        (
            "try:\n"
            "    with warnings.catch_warnings():\n"
            '        warnings.simplefilter("error")\n'
            '        warnings.warn("w")\n'
            "        r = 1\n"
            "except Warning:\n"
            "    r = 2\n"
            "except Exception:\n"
            "    r = 3\n"
            "finally:\n"
            '    print("done")'
        ),
    ),
    (
        "tryCatch(print(1), finally = print(2))",
        ("try:\n    print(1)\nfinally:\n    print(2)"),
    ),
    ("set.seed(42)", "rng = np.random.default_rng(42)"),
    ("set.seed(42)\ny <- runif(3)", "y = rng.uniform(0.0, 1.0, size=3)"),
    ("y <- runif(3)", "y = rng.uniform(0.0, 1.0, size=3)"),
    ("y <- runif(3, 1, 2)", "y = rng.uniform(1.0, 2.0, size=3)"),
    ("y <- runif(3, max = 5)", "y = rng.uniform(0.0, 5.0, size=3)"),
    ("y <- rnorm(2)", "y = rng.normal(0.0, 1.0, size=2)"),
    ("y <- rnorm(2, mean = 5, sd = 2)", "y = rng.normal(5.0, 2.0, size=2)"),
    ("y <- rbinom(4, 10, 0.5)", "y = rng.binomial(10.0, 0.5, size=4)"),
    ("y <- rpois(6, 3)", "y = rng.poisson(3.0, size=6)"),
    ("y <- sample(5)", "y = rng.permutation(np.arange(1, 6))"),
    ("y <- sample.int(5)", "y = rng.permutation(np.arange(1, 6))"),
    ("y <- sample.int(10, 2)", "y = rng.choice(np.arange(1, 11), size=2, replace=False)"),
    (A + "y <- sample(a, 2)", "y = rng.choice(a, size=2, replace=False)"),
    (
        "y <- sample(1:10, 3, replace = TRUE)",
        "y = rng.choice(np.arange(1, 11), size=3, replace=True)",
    ),
    (
        'y <- sample(c("a", "b"), 5, replace = TRUE, prob = c(0.2, 0.8))',
        'y = rng.choice(["a", "b"], size=5, replace=True, p=np.array([0.2, 0.8]))',
    ),
    (A + "y <- sd(a)", "y = np.std(a, ddof=1)"),
    (A + "y <- var(a)", "y = np.var(a, ddof=1)"),
    (A + "y <- median(a)", "y = np.median(a)"),
    (A + "y <- quantile(a, 0.5)", "y = np.quantile(a, 0.5)"),
    (A + "y <- quantile(a, c(0.1, 0.9))", "y = np.quantile(a, np.array([0.1, 0.9]))"),
    (A + "y <- cor(a, c(2, 4, 7))", "y = np.corrcoef(a, np.array([2.0, 4.0, 7.0]))[0, 1]"),
    (
        A + "y <- weighted.mean(a, c(1, 1, 2))",
        "y = np.average(a, weights=np.array([1.0, 1.0, 2.0]))",
    ),
    ("x <- 1:10\ny <- head(x)", "y = x[:6]"),
    ("x <- 1:10\ny <- head(x, 3)", "y = x[:3]"),
    ("x <- 1:10\ny <- head(x, -2)", "y = x[:-2]"),
    ("x <- 1:10\ny <- tail(x)", "y = x[-6:]"),
    ("x <- 1:10\ny <- tail(x, 3)", "y = x[-3:]"),
    ("x <- 1:10\ny <- tail(x, -2)", "y = x[2:]"),
    ("x <- 1:10\nk <- 3\ny <- head(x, k)", "y = x[:k]"),
    ("x <- 1:10\nk <- 3\ny <- tail(x, k)", "y = x[-k:]"),
    ("t0 <- Sys.time()", "t0 = time.time()"),
    ("f <- function() 1\ny <- is.function(f)", "y = callable(f)"),
    ("y <- is.numeric(2)", "y = True"),
    ('y <- is.character("a")', "y = True"),
    ('cat("a", "b", "\\n", sep = ",")', 'print("a", "b", sep=",", end=",\\n")'),
    ("y <- xor(TRUE, FALSE)", "y = np.logical_xor(True, False)"),
    ("flag <- TRUE\ny <- isTRUE(flag)", "y = flag is True"),
    ("y <- is.element(2, c(1, 2))", "y = 2 in np.array([1.0, 2.0])"),
]


@pytest.mark.parametrize(("r_code", "python"), TRANSLATIONS, ids=lambda value: value[-40:])
def test_translation(r_code: str, python: str):
    assert tail(r_code + "\n", python.count("\n") + 1) == python


def test_imports_are_written_for_what_is_used():
    code = translate(
        'x <- gsub("[ab]", "", "abc")\n'
        "y <- Reduce(function(a, b) a + b, 1:3)\n"
        "z <- Reduce(`+`, 1:3, accumulate = TRUE)\n"
        'message("m")\n'
        'warning("w")\n'
        "t0 <- Sys.time()\n"
    ).code
    header = "".join(line + "\n" for line in code.splitlines() if line.startswith("import "))
    for module in ("functools", "itertools", "operator", "re", "sys", "time", "warnings"):
        assert f"import {module}\n" in header, code
    assert "import numpy as np\n" in header


def test_library_leaves_nothing():
    for source in ("library(stats)\n", "require(utils)\n", 'library("stats")\n'):
        result = translate(source)
        assert result.code.strip() == "" and not result.diagnostics, source
    result = translate("suppressPackageStartupMessages(library(keras))\n")
    assert result.code.strip() == "" and not result.diagnostics


def test_rng_is_made_once_per_file():
    code = translate("x <- runif(2)\ny <- rnorm(2)\nz <- sample(3)\n").code
    assert code.count("np.random.default_rng(") == 1
    assert code.splitlines()[2] == "rng = np.random.default_rng()"


def test_set_seed_makes_the_generator():
    code = translate("set.seed(42)\nx <- runif(2)\n").code
    assert "rng = np.random.default_rng(42)\nx = rng.uniform(0.0, 1.0, size=2)" in code
    assert code.count("default_rng(") == 1


def test_stop_in_a_function_is_raise():
    code = translate('f <- function(x) {\n  if (x < 0) stop("negative")\n  x\n}\n').code
    assert code.rstrip().endswith(
        'def f(x):\n    if x < 0:\n        raise RuntimeError("negative")\n    return x'
    )


def test_seq_along_loop_is_a_range():
    assert tail(A + "for (i in seq_len(length(a))) print(i)\n", 2) == (
        "for i in range(1, len(a) + 1):\n    print(i)"
    )


# ---- behaviour: the Python prints what R printed ---------------------------------------

# (name, R snippet, what R printed: checked with Rscript --vanilla, R 4.2.2)
BEHAVIOUR = [
    (
        "c",
        """\
print(c(1, 2.5, 3))
print(c(1L, 2L))
print(c("a", "b"))
print(c(TRUE, FALSE))
v <- 1:3
print(c(v, 4))
s <- c("a")
print(c(s, "b"))
print(c(1, NA))
x <- c(a = 1, b = 2)
print(x[["b"]])
print(length(c()))
print(c(1, NULL, 2))
""",
        """\
[1] 1.0 2.5 3.0
[1] 1 2
[1] "a" "b"
[1]  TRUE FALSE
[1] 1 2 3 4
[1] "a" "b"
[1]  1 NA
[1] 2
[1] 0
[1] 1 2
""",
    ),
    (
        "seq",
        """\
print(seq(1, 10, by = 2))
print(seq(10))
print(seq(0, 1, length.out = 5))
print(seq(10, 1, by = -3))
print(seq(0, 1, by = 0.25))
n <- 5
print(seq(1, n))
print(seq(1, n, by = 2))
v <- c(4, 5)
print(seq(along.with = v))
print(seq(2, 11, length.out = 4))
print(seq(2, 8, by = 2.5))
""",
        """\
[1] 1 3 5 7 9
 [1]  1  2  3  4  5  6  7  8  9 10
[1] 0.00 0.25 0.50 0.75 1.00
[1] 10  7  4  1
[1] 0.00 0.25 0.50 0.75 1.00
[1] 1 2 3 4 5
[1] 1 3 5
[1] 1 2
[1]  2  5  8 11
[1] 2.0 4.5 7.0
""",
    ),
    (
        "seq_len-seq_along",
        """\
print(seq_len(3))
print(length(seq_len(0)))
n <- 4
print(seq_len(n))
v <- c(4, 5, 6)
print(seq_along(v))
print(seq_along(c("a", "b")))
print(length(seq_along(c())))
""",
        """\
[1] 1 2 3
[1] 0
[1] 1 2 3 4
[1] 1 2 3
[1] 1 2
[1] 0
""",
    ),
    (
        "rep",
        """\
print(rep(1, 3))
print(rep(c(1, 2), times = 2))
print(rep(c(1, 2), each = 2))
print(rep(c(1, 2), times = 2, each = 2))
print(rep(c(1, 2, 3), length.out = 5))
print(rep("a", 3))
print(rep(c("a", "b"), 2))
print(rep(c("a", "b"), each = 2))
print(rep(c("a", "b"), times = 2, each = 2))
print(rep(TRUE, 2))
print(rep(1:2, 2))
""",
        """\
[1] 1 1 1
[1] 1 2 1 2
[1] 1 1 2 2
[1] 1 1 2 2 1 1 2 2
[1] 1 2 3 1 2
[1] "a" "a" "a"
[1] "a" "b" "a" "b"
[1] "a" "a" "b" "b"
[1] "a" "a" "b" "b" "a" "a" "b" "b"
[1] TRUE TRUE
[1] 1 2 1 2
""",
    ),
    (
        "zero-vectors",
        """\
print(numeric(3))
print(double(2))
print(integer(2))
print(logical(2))
print(character(2))
print(length(numeric()))
""",
        """\
[1] 0 0 0
[1] 0 0
[1] 0 0
[1] FALSE FALSE
[1] "" ""
[1] 0
""",
    ),
    (
        "vector",
        """\
print(length(vector("list", 2)))
print(is.null(vector("list", 2)[[1]]))
print(vector("character", 2))
print(vector("numeric", 2))
""",
        """\
[1] 2
[1] TRUE
[1] "" ""
[1] 0 0
""",
    ),
    (
        "length",
        """\
x <- c(1, 2, 3)
print(length(x))
m <- matrix(1:6, 2)
print(length(m))
print(length(list(1, "a", 3)))
print(length(list(a = 1, b = 2)))
print(length(c("a", "b")))
print(length(NULL))
""",
        """\
[1] 3
[1] 6
[1] 3
[1] 2
[1] 2
[1] 0
""",
    ),
    (
        "list",
        """\
l <- list(1, "a")
print(l[[2]])
h <- list(a = 1, b = "x")
print(h$b)
print(h[["a"]])
print(length(list()))
""",
        """\
[1] "a"
[1] "x"
[1] 1
[1] 0
""",
    ),
    (
        "names",
        """\
l <- list(a = 1, b = 2)
print(names(l))
x <- c(1, 2)
names(x) <- c("a", "b")
print(x[["b"]])
print(names(x))
h <- list(a = 1, b = 2)
names(h) <- c("x", "y")
print(h$y)
print(names(h))
""",
        """\
[1] "a" "b"
[1] 2
[1] "a" "b"
[1] 2
[1] "x" "y"
""",
    ),
    (
        "setNames",
        """\
x <- setNames(c(1, 2), c("a", "b"))
print(x[["b"]])
print(names(x))
y <- setNames(list(1, "z"), c("p", "q"))
print(y$q)
""",
        """\
[1] 2
[1] "a" "b"
[1] "z"
""",
    ),
    (
        "unlist",
        """\
l <- list(a = 1, b = 2)
print(unname(unlist(l)))
print(sum(unlist(l)))
print(unlist(list(1, 2)))
print(unlist(list(c(1, 2), 3)))
print(unlist(list("a", "b")))
""",
        """\
[1] 1 2
[1] 3
[1] 1 2
[1] 1 2 3
[1] "a" "b"
""",
    ),
    (
        "rev-sort",
        """\
x <- c(3, 1, 2)
print(rev(x))
print(rev(c("a", "b")))
print(rev(list(1, "a"))[[1]])
print(sort(x))
print(sort(x, decreasing = TRUE))
print(sort(c("b", "c", "a")))
print(sort(c("b", "a", "c"), decreasing = TRUE))
print(sort(c(2L, 3L, 1L)))
""",
        """\
[1] 2 1 3
[1] "b" "a"
[1] "a"
[1] 1 2 3
[1] 3 2 1
[1] "a" "b" "c"
[1] "c" "b" "a"
[1] 1 2 3
""",
    ),
    (
        "order",
        """\
x <- c(3, 1, 2)
print(order(x))
print(order(c(2, 1, 2, 1)))
print(order(c(1, 2, 2), decreasing = TRUE))
print(order(c("b", "a", "c")))
print(x[order(x)])
print(order(c(3, NA, 1)))
""",
        """\
[1] 2 3 1
[1] 2 4 1 3
[1] 2 3 1
[1] 2 1 3
[1] 1 2 3
[1] 3 1 2
""",
    ),
    (
        "unique",
        """\
print(unique(c(3, 1, 3, 2)))
print(unique(c("b", "a", "b")))
print(unique(c(2L, 2L, 1L)))
print(length(unique(list(1, 1, 2))))
""",
        """\
[1] 3 1 2
[1] "b" "a"
[1] 2 1
[1] 2
""",
    ),
    (
        "ifelse",
        """\
x <- c(1, 5, 3)
print(ifelse(x > 2, "big", "small"))
y <- 3
print(ifelse(y > 2, 1, 0))
print(ifelse(x > 2, x, 0))
print(ifelse(x > 2, x, -x))
""",
        """\
[1] "small" "big"   "big"
[1] 1
[1] 0 5 3
[1] -1  5  3
""",
    ),
    (
        "which",
        """\
x <- c(1, 5, 3, 7)
print(which(x > 2))
print(length(which(c(FALSE, FALSE))))
print(which(c(TRUE, FALSE, TRUE)))
print(which.max(x))
print(which.min(x))
print(which.max(c(2, 9, 9)))
print(which.min(c(4, 1, 1)))
""",
        """\
[1] 2 3 4
[1] 0
[1] 1 3
[1] 4
[1] 1
[1] 2
[1] 2
""",
    ),
    (
        "summaries",
        """\
x <- c(1, 5, 3)
print(sum(x))
print(prod(x))
print(max(x))
print(min(x))
print(mean(x))
print(range(x))
print(max(x, 10))
print(min(2, 3))
print(max(2, 3))
print(prod(2, 3))
print(sum(x, c(1, 1)))
print(range(x, c(-1, 2)))
print(sum(1:4))
print(sum(c(TRUE, TRUE, FALSE)))
print(mean(c(TRUE, FALSE)))
print(mean(1:4))
print(prod(1:5))
""",
        """\
[1] 9
[1] 15
[1] 5
[1] 1
[1] 3
[1] 1 5
[1] 10
[1] 2
[1] 3
[1] 6
[1] 11
[1] -1  5
[1] 10
[1] 2
[1] 0.5
[1] 2.5
[1] 120
""",
    ),
    (
        "summaries-na-rm",
        """\
x <- c(1, NA, 3)
print(sum(x))
print(sum(x, na.rm = TRUE))
print(mean(x, na.rm = TRUE))
print(max(x, na.rm = TRUE))
print(min(x, na.rm = TRUE))
print(prod(x, na.rm = TRUE))
print(range(x, na.rm = TRUE))
""",
        """\
[1] NA
[1] 4
[1] 2
[1] 3
[1] 1
[1] 3
[1] 1 3
""",
    ),
    (
        "elementwise-maths",
        """\
x <- c(1, 4, 9)
print(abs(c(-1, 2)))
print(abs(-3L))
print(sqrt(x))
print(exp(c(0, 1)))
print(floor(c(1.5, -1.5)))
print(ceiling(c(1.5, -1.5)))
print(trunc(c(1.7, -1.7)))
print(sign(c(-2, 0, 3)))
print(cos(0))
print(sin(c(0, 1)))
print(tan(1))
print(tanh(0.5))
print(log2(8))
print(log10(c(10, 1000)))
print(log1p(0.5))
print(cumsum(x))
print(cumsum(1:3))
print(cumprod(x))
print(cummax(c(1, 3, 2, 5)))
print(diff(c(1, 4, 9, 16)))
print(is.nan(c(1, NaN)))
""",
        """\
[1] 1 2
[1] 3
[1] 1 2 3
[1] 1.000000 2.718282
[1]  1 -2
[1]  2 -1
[1]  1 -1
[1] -1  0  1
[1] 1
[1] 0.000000 0.841471
[1] 1.557408
[1] 0.4621172
[1] 3
[1] 1 3
[1] 0.4054651
[1]  1  5 14
[1] 1 3 6
[1]  1  4 36
[1] 1 3 3 5
[1] 3 5 7
[1] FALSE  TRUE
""",
    ),
    (
        "log",
        """\
print(log(100, 10))
print(log(8, base = 2))
print(log(c(1, exp(1))))
x <- c(1, 10, 100)
print(log(x, 10))
""",
        """\
[1] 2
[1] 3
[1] 0 1
[1] 0 1 2
""",
    ),
    (
        "round",
        """\
print(round(2.567, 2))
print(round(2.5))
print(round(-1.5))
print(round(c(1.234, 5.678), 1))
print(round(-2.567, 1))
print(round(1234.5, -2))
""",
        """\
[1] 2.57
[1] 2
[1] -2
[1] 1.2 5.7
[1] -2.6
[1] 1200
""",
    ),
    (
        "signif",
        """\
print(signif(123456, 2))
print(signif(0.000123456))
print(signif(3.14159, 3))
x <- 2 / 3
print(signif(x, 2))
""",
        """\
[1] 120000
[1] 0.000123456
[1] 3.14
[1] 0.67
""",
    ),
    (
        "any-all",
        """\
x <- c(TRUE, FALSE)
print(any(x))
print(all(x))
print(any(x, TRUE))
print(all(c(1, 2) > 0))
print(any(c(1, 2) > 5))
print(all(logical(0)))
print(all(x, TRUE))
""",
        """\
[1] TRUE
[1] FALSE
[1] TRUE
[1] TRUE
[1] FALSE
[1] TRUE
[1] FALSE
""",
    ),
    (
        "is.null",
        """\
f <- function(v) is.null(v)
print(f(NULL))
print(f(1))
l <- list(a = 1, b = NULL)
print(is.null(l$a))
""",
        """\
[1] TRUE
[1] FALSE
[1] FALSE
""",
    ),
    (
        "is.na",
        """\
x <- c(1, NA, NaN)
print(is.na(x))
print(is.na(2))
print(sum(is.na(x)))
""",
        """\
[1] FALSE  TRUE  TRUE
[1] FALSE
[1] 2
""",
    ),
    (
        "identical",
        """\
print(identical(1, 1))
print(identical(c(1, 2), c(1, 2)))
print(identical(c(1, 2), c(1, 3)))
print(identical("a", "a"))
s <- c("a", "b")
print(identical(s, c("a", "b")))
print(identical(c(1, 2), c(1, 2, 3)))
""",
        """\
[1] TRUE
[1] TRUE
[1] FALSE
[1] TRUE
[1] TRUE
[1] FALSE
""",
    ),
    (
        "max.col",
        """\
m <- matrix(c(1, 5, 3, 2, 0, 9), 2)
print(max.col(m))
""",
        "[1] 2 3\n",
    ),
    (
        "as-numeric-integer",
        """\
print(as.numeric("3.5"))
print(as.numeric(c("1", "2.5")))
m <- matrix(1:4, 2)
print(as.numeric(t(m)))
print(as.double("2"))
print(as.numeric(TRUE))
print(as.integer(3.9))
print(as.integer(c(1.5, -2.5)))
print(as.integer("7"))
print(as.integer(TRUE))
print(as.integer(round(c(1.5, 2.5))))
""",
        """\
[1] 3.5
[1] 1.0 2.5
[1] 1 3 2 4
[1] 2
[1] 1
[1] 3
[1]  1 -2
[1] 7
[1] 1
[1] 2 2
""",
    ),
    (
        "as-character-logical",
        """\
print(as.character(1.5))
print(as.character(2L))
print(as.character(c(1.5, 2.25)))
print(as.character("a"))
print(as.logical(0))
print(as.logical(c(0, 2)))
print(as.logical("TRUE"))
print(as.logical(1L))
""",
        """\
[1] "1.5"
[1] "2"
[1] "1.5"  "2.25"
[1] "a"
[1] FALSE
[1] FALSE  TRUE
[1] TRUE
[1] TRUE
""",
    ),
    (
        "invisible",
        """\
f <- function(x) invisible(x * 2)
f(3)
y <- f(4)
print(y)
invisible(print("shown"))
print(invisible(5))
""",
        """\
[1] 8
[1] "shown"
[1] 5
""",
    ),
    (
        "paste",
        """\
x <- 3
print(paste("a", x))
print(paste("a", "b", sep = "-"))
s <- c("a", "b")
print(paste(s, "x"))
print(paste(s, collapse = "+"))
print(paste0(s, 1:2))
print(paste0(s, 1:2, collapse = "|"))
print(paste0("a", "b"))
print(paste0("<", s, ">", collapse = ""))
print(paste("a", "b", collapse = "+"))
print(paste0("a{", 1L, "}"))
print(paste(c("x", "y"), c("p", "q"), sep = "_"))
print(nchar(paste0('say "hi"')))
""",
        """\
[1] "a 3"
[1] "a-b"
[1] "a x" "b x"
[1] "a+b"
[1] "a1" "b2"
[1] "a1|b2"
[1] "ab"
[1] "<a><b>"
[1] "a b"
[1] "a{1}"
[1] "x_p" "y_q"
[1] 8
""",
    ),
    (
        "sprintf",
        """\
print(sprintf("%d items", 3L))
print(sprintf("%.2f and %s", 3.14159, "x"))
x <- c(1.5, 2.25)
print(sprintf("%.1f", x))
s <- c("a", "b")
print(sprintf("%s=%.1f", s, x))
print(sprintf("%5.1f%%", 12.345))
print(sprintf("%03d", 7L))
print(sprintf("%s", "plain"))
print(sprintf("%e", 12345.6789))
print(sprintf("%x", 255L))
print(sprintf("%-5s|", "ab"))
n <- 2
print(sprintf("%d", n))
""",
        """\
[1] "3 items"
[1] "3.14 and x"
[1] "1.5" "2.2"
[1] "a=1.5" "b=2.2"
[1] " 12.3%"
[1] "007"
[1] "plain"
[1] "1.234568e+04"
[1] "ff"
[1] "ab   |"
[1] "2"
""",
    ),
    (
        "case-trim",
        """\
print(toupper("abc"))
print(tolower("ABC"))
print(trimws("  a  "))
s <- c("ab", " c ")
print(toupper(s))
print(tolower(c("A", "Bc")))
print(trimws(s))
print(trimws("  a  ", which = "left") == "a  ")
print(trimws("  a  ", which = "right") == "  a")
""",
        """\
[1] "ABC"
[1] "abc"
[1] "a"
[1] "AB"  " C "
[1] "a"  "bc"
[1] "ab" "c"
[1] TRUE
[1] TRUE
""",
    ),
    (
        "nchar-substr",
        """\
print(nchar("hello"))
print(nchar(c("ab", "cde", "")))
print(substr("hello", 2, 4))
print(substr(c("hello", "world"), 1, 3))
print(substring("hello", 3))
print(substring("hello", 2, 3))
k <- 2
print(substr("hello", k, k + 1))
print(substr("hello", 4, 100))
""",
        """\
[1] 5
[1] 2 3 0
[1] "ell"
[1] "hel" "wor"
[1] "llo"
[1] "el"
[1] "el"
[1] "lo"
""",
    ),
    (
        "startsWith-endsWith",
        """\
print(startsWith("hello", "he"))
print(endsWith("hello", "lo"))
print(startsWith(c("hello", "yo"), "he"))
print(endsWith(c("hello", "yo"), "o"))
""",
        """\
[1] TRUE
[1] TRUE
[1]  TRUE FALSE
[1] TRUE TRUE
""",
    ),
    (
        "gsub-sub-grepl",
        """\
print(gsub("a", "o", "banana"))
print(sub("a", "o", "banana"))
print(gsub("[aeiou]", "", "banana"))
print(sub("(a)(n)", "\\\\2\\\\1", "banana"))
print(gsub(".", "-", "a.b", fixed = TRUE))
s <- c("ab", "ba")
print(gsub("a", "x", s))
print(sub("^.", "_", s))
print(grepl("^a", s))
print(grepl("an", "banana"))
print(grepl(".", "abc", fixed = TRUE))
print(grepl("z", "abc"))
print(gsub("\\\\s+", " ", "a   b"))
print(gsub("(\\\\w+)@(\\\\w+)", "\\\\2 at \\\\1", "user@example"))
""",
        """\
[1] "bonono"
[1] "bonana"
[1] "bnn"
[1] "bnaana"
[1] "a-b"
[1] "xb" "bx"
[1] "_b" "_a"
[1]  TRUE FALSE
[1] TRUE
[1] FALSE
[1] FALSE
[1] "a b"
[1] "example at user"
""",
    ),
    (
        "strsplit",
        """\
x <- strsplit("a,b,c", ",")
print(x[[1]])
y <- strsplit(c("a b", "c d e"), " ")
print(y[[2]])
print(length(y))
print(strsplit("abc", "")[[1]])
print(strsplit("a1b22c", "[0-9]+")[[1]])
print(strsplit("a.b", ".", fixed = TRUE)[[1]])
print(length(strsplit("a.b", "[.]")[[1]]))
""",
        """\
[1] "a" "b" "c"
[1] "c" "d" "e"
[1] 2
[1] "a" "b" "c"
[1] "a" "b" "c"
[1] "a" "b"
[1] 2
""",
    ),
    (
        "format",
        """\
print(format(3.5))
print(format("x"))
print(format(12L))
""",
        """\
[1] "3.5"
[1] "x"
[1] "12"
""",
    ),
    (
        "print",
        """\
x <- c(1, 2)
print(x)
print("a")
print(list(1, 2)[[2]])
m <- matrix(1:4, 2)
print(m)
""",
        """\
[1] 1 2
[1] "a"
[1] 2
     [,1] [,2]
[1,]    1    3
[2,]    2    4
""",
    ),
    (
        "stop-conditionMessage",
        """\
f <- function(x) {
  if (x < 0) stop("negative: ", x)
  x
}
r <- tryCatch(f(-2), error = function(e) conditionMessage(e))
print(r)
print(f(3))
g <- function() stop("plain")
print(tryCatch(g(), error = function(e) conditionMessage(e)))
""",
        """\
[1] "negative: -2"
[1] 3
[1] "plain"
""",
    ),
    (
        "warning",
        """\
g <- function() {
  warning("careful")
  1
}
r <- tryCatch(g(), warning = function(w) conditionMessage(w))
print(r)
""",
        '[1] "careful"\n',
    ),
    (
        "stopifnot",
        """\
x <- c(1, 2)
stopifnot(x > 0, length(x) == 2)
r <- tryCatch({
  stopifnot(x > 1)
  "passed"
}, error = function(e) "failed")
print(r)
""",
        '[1] "failed"\n',
    ),
    (
        "return",
        """\
f <- function(x) {
  return(x + 1)
  x
}
print(f(1))
g <- function() {
  return()
}
print(is.null(g()))
h <- function(x) {
  if (x > 0) return("positive")
  "other"
}
print(h(1))
print(h(-1))
""",
        """\
[1] 2
[1] TRUE
[1] "positive"
[1] "other"
""",
    ),
    (
        "missing",
        """\
f <- function(x) {
  if (missing(x)) 0 else x
}
print(f())
print(f(5))
""",
        """\
[1] 0
[1] 5
""",
    ),
    (
        "library-require",
        """\
library(stats)
require(utils)
suppressPackageStartupMessages(library(stats))
f <- function() {
  library(stats)
  1
}
print(f())
""",
        "[1] 1\n",
    ),
    (
        "lapply-sapply-vapply",
        """\
x <- c(1, 2, 3)
y <- lapply(x, function(v) v * 2)
print(y[[3]])
print(length(y))
print(sapply(x, function(v) v * 2))
print(sapply(c(1, 4), sqrt))
l <- list(a = 1, b = 2)
print(unname(sapply(l, function(v) v + 1)))
print(vapply(c(1, 2), function(v) v * 2, numeric(1)))
print(vapply(c(1, 5), function(v) v > 2, logical(1)))
f <- function(v, k) v * k
print(lapply(1:3, f, k = 10)[[2]])
z <- lapply(1:2, function(v) {
  w <- v + 1
  w * 2
})
print(z[[2]])
s <- c("a", "b")
print(unname(vapply(s, toupper, character(1))))
e <- list(list(v = 1), list(v = 2))
print(sapply(e, function(item) item$v))
""",
        """\
[1] 6
[1] 3
[1] 2 4 6
[1] 1 2
[1] 2 3
[1] 2 4
[1] FALSE  TRUE
[1] 20
[1] 6
[1] "A" "B"
[1] 1 2
""",
    ),
    (
        "Map-mapply",
        """\
y <- Map(function(a, b) a + b, 1:3, 4:6)
print(y[[3]])
f <- function(a, b) a * b
print(Map(f, 1:3, 4:6)[[2]])
print(mapply(function(a, b) a + b, 1:3, 4:6))
""",
        """\
[1] 9
[1] 10
[1] 5 7 9
""",
    ),
    (
        "Filter",
        """\
print(Filter(function(v) v > 1, c(1, 2, 3)))
s <- c("a", "bb", "ccc")
print(Filter(function(v) nchar(v) > 1, s))
print(Filter(function(e) e > 1, list(1, 2, 3))[[1]])
""",
        """\
[1] 2 3
[1] "bb"  "ccc"
[1] 2
""",
    ),
    (
        "Reduce",
        """\
print(Reduce(function(a, b) a + b, 1:4))
print(Reduce(`+`, 1:4, accumulate = TRUE))
print(Reduce(function(a, b) a * b, 1:4, 100))
print(Reduce(function(a, b) a + b, 1:3, accumulate = TRUE, 10))
print(Reduce(function(a, b) paste0(a, b), c("a", "b", "c")))
print(Reduce(function(a, b) a + b, list(1, 2, 3), accumulate = TRUE))
""",
        """\
[1] 10
[1]  1  3  6 10
[1] 2400
[1] 10 11 13 16
[1] "abc"
[1] 1 3 6
""",
    ),
    (
        "do.call",
        """\
f <- function(a, b) a - b
print(do.call(f, list(a = 5, b = 2)))
print(do.call("f", list(5, 2)))
print(do.call(f, list(b = 5, a = 2)))
""",
        """\
[1] 3
[1] 3
[1] -3
""",
    ),
    (
        "matrix-array-dim",
        """\
m <- matrix(1:6, nrow = 2)
print(m)
print(matrix(1:6, ncol = 2, byrow = TRUE))
print(matrix(0, 2, 3))
print(dim(matrix(1:6)))
print(is.na(matrix(nrow = 2, ncol = 2)))
a <- array(1:24, dim = c(2, 3, 4))
print(a[2, 3, 4])
print(dim(a))
print(array(0, c(2, 2)))
print(array(1:3))
x <- 1:6
dim(x) <- c(2, 3)
print(x)
""",
        """\
     [,1] [,2] [,3]
[1,]    1    3    5
[2,]    2    4    6
     [,1] [,2]
[1,]    1    2
[2,]    3    4
[3,]    5    6
     [,1] [,2] [,3]
[1,]    0    0    0
[2,]    0    0    0
[1] 6 1
     [,1] [,2]
[1,] TRUE TRUE
[2,] TRUE TRUE
[1] 24
[1] 2 3 4
     [,1] [,2]
[1,]    0    0
[2,]    0    0
[1] 1 2 3
     [,1] [,2] [,3]
[1,]    1    3    5
[2,]    2    4    6
""",
    ),
    (
        "dims-t-bind",
        """\
m <- matrix(1:6, 2)
print(dim(m))
print(nrow(m))
print(ncol(m))
print(NROW(c(1, 2, 3)))
print(NROW(m))
print(NCOL(m))
print(t(m))
print(t(c(1, 2)))
a <- c(1, 2)
b <- c(3, 4)
print(unname(cbind(a, b)))
print(unname(rbind(a, b)))
print(rbind(m, c(7, 8, 9)))
print(cbind(1:2, 3:4))
""",
        """\
[1] 2 3
[1] 2
[1] 3
[1] 3
[1] 2
[1] 3
     [,1] [,2]
[1,]    1    2
[2,]    3    4
[3,]    5    6
     [,1] [,2]
[1,]    1    2
     [,1] [,2]
[1,]    1    3
[2,]    2    4
     [,1] [,2]
[1,]    1    2
[2,]    3    4
     [,1] [,2] [,3]
[1,]    1    3    5
[2,]    2    4    6
[3,]    7    8    9
     [,1] [,2]
[1,]    1    3
[2,]    2    4
""",
    ),
    (
        "row-col-summaries",
        """\
m <- matrix(1:6, 2)
print(rowSums(m))
print(colSums(m))
print(rowMeans(m))
print(colMeans(m))
""",
        """\
[1]  9 12
[1]  3  7 11
[1] 3 4
[1] 1.5 3.5 5.5
""",
    ),
    (
        "apply",
        """\
m <- matrix(1:6, 2)
print(apply(m, 1, sum))
print(apply(m, 2, max))
print(apply(m, 1, function(r) r[1] * 10))
print(apply(m, 2, range))
print(apply(m, 1, mean))
print(apply(m, 1, function(r) sum(r > 2)))
""",
        """\
[1]  9 12
[1] 2 4 6
[1] 10 20
     [,1] [,2] [,3]
[1,]    1    3    5
[2,]    2    4    6
[1] 3 4
[1] 2 2
""",
    ),
    (
        "outer",
        """\
print(outer(1:2, 1:3))
print(outer(1:2, 1:3, "+"))
print(outer(1:2, 1:3, "-"))
print(outer(1:2, 1:3, "/"))
""",
        """\
     [,1] [,2] [,3]
[1,]    1    2    3
[2,]    2    4    6
     [,1] [,2] [,3]
[1,]    2    3    4
[2,]    3    4    5
     [,1] [,2] [,3]
[1,]    0   -1   -2
[2,]    1    0   -1
     [,1] [,2]      [,3]
[1,]    1  0.5 0.3333333
[2,]    2  1.0 0.6666667
""",
    ),
    (
        "diag-solve-crossprod",
        """\
print(diag(3))
print(diag(c(1, 2)))
print(diag(matrix(1:4, 2)))
m <- matrix(c(2, 1, 1, 3), 2)
print(solve(m))
m2 <- matrix(1:4, 2)
print(crossprod(m2))
print(crossprod(m2, matrix(c(1, 0, 0, 1), 2)))
""",
        """\
     [,1] [,2] [,3]
[1,]    1    0    0
[2,]    0    1    0
[3,]    0    0    1
     [,1] [,2]
[1,]    1    0
[2,]    0    2
[1] 1 4
     [,1] [,2]
[1,]  0.6 -0.2
[2,] -0.2  0.4
     [,1] [,2]
[1,]    5   11
[2,]   11   25
     [,1] [,2]
[1,]    1    2
[2,]    3    4
""",
    ),
    (
        "switch",
        """\
print(switch("b", a = 1, b = 2, 3))
k <- "z"
print(switch(k, a = , b = "ab", "other"))
print(switch("a", a = , b = "ab", "other"))
f <- function(k) switch(k, a = "A", b = {
  x <- 1
  x + 1
})
print(f("b"))
print(is.null(f("q")))
print(switch(2, "x", "y", "z"))
print(is.null(switch(4, "x", "y", "z")))
k <- "a"
switch(k, a = print("A"), b = print("B"))
""",
        """\
[1] 2
[1] "other"
[1] "ab"
[1] 2
[1] TRUE
[1] "y"
[1] TRUE
[1] "A"
""",
    ),
    (
        "tryCatch",
        """\
r <- tryCatch({
  warning("w")
  1
}, warning = function(w) 2, error = function(e) 3, finally = cat("done\\n"))
print(r)
r2 <- tryCatch(stop("boom"), error = function(e) conditionMessage(e))
print(r2)
r3 <- tryCatch(10, error = function(e) -1)
print(r3)
tryCatch(print(1), finally = print(2))
""",
        """\
done
[1] 2
[1] "boom"
[1] 10
[1] 1
[1] 2
""",
    ),
    (
        "stats",
        """\
x <- c(1, 2, 3, 4)
print(sd(x))
print(var(x))
print(median(x))
print(median(c(5, 1, 3)))
print(median(1:4))
print(unname(quantile(x, 0.5)))
print(unname(quantile(x, c(0.1, 0.9))))
print(quantile(1:9, 0.25, names = FALSE))
print(cor(x, c(2, 4, 6, 9)))
print(weighted.mean(x, c(1, 1, 1, 5)))
""",
        """\
[1] 1.290994
[1] 1.666667
[1] 2.5
[1] 3
[1] 2.5
[1] 2.5
[1] 1.3 3.7
[1] 3
[1] 0.9943767
[1] 3.25
""",
    ),
    (
        "head-tail",
        """\
x <- 1:10
print(head(x))
print(head(x, 3))
print(tail(x, 3))
print(head(x, -2))
print(tail(x, -2))
print(tail(x))
k <- 3
print(head(x, k))
print(tail(x, k))
k <- -8
print(tail(x, k))
m <- matrix(1:20, 10)
print(head(m, 2))
print(head(c("a", "b", "c"), 2))
print(tail(c("a", "b", "c"), 1))
""",
        """\
[1] 1 2 3 4 5 6
[1] 1 2 3
[1]  8  9 10
[1] 1 2 3 4 5 6 7 8
[1]  3  4  5  6  7  8  9 10
[1]  5  6  7  8  9 10
[1] 1 2 3
[1]  8  9 10
[1]  9 10
     [,1] [,2]
[1,]    1   11
[2,]    2   12
[1] "a" "b"
[1] "c"
""",
    ),
    (
        "predicates",
        """\
f <- function() 1
print(is.function(f))
print(is.function(1))
print(is.numeric(2))
print(is.numeric(c(1, 2)))
print(is.numeric("a"))
print(is.character("a"))
print(is.character(1))
print(xor(TRUE, FALSE))
print(xor(TRUE, TRUE))
print(xor(c(TRUE, FALSE), c(TRUE, TRUE)))
print(isTRUE(TRUE))
print(isTRUE(c(TRUE, TRUE)))
print(isTRUE(FALSE))
print(is.element(2, c(1, 2)))
print(is.element("z", c("a", "b")))
""",
        """\
[1] TRUE
[1] FALSE
[1] TRUE
[1] TRUE
[1] FALSE
[1] TRUE
[1] FALSE
[1] TRUE
[1] FALSE
[1] FALSE  TRUE
[1] TRUE
[1] FALSE
[1] FALSE
[1] TRUE
[1] FALSE
""",
    ),
    (
        "random-seeded",
        """\
set.seed(42)
x <- runif(3)
set.seed(42)
y <- runif(3)
print(identical(x, y))
set.seed(7)
z <- runif(3)
print(identical(x, z))
set.seed(1)
u <- runif(100, 1, 2)
print(length(u))
print(all(u >= 1 & u <= 2))
v <- runif(10, max = 5)
print(all(v >= 0 & v <= 5))
n <- rnorm(50, mean = 5, sd = 2)
print(length(n))
print(abs(mean(n) - 5) < 1)
b <- rbinom(40, 10, 0.5)
print(all(b >= 0 & b <= 10))
print(all(b == round(b)))
p <- rpois(30, 3)
print(all(p >= 0))
print(length(p))
print(sort(sample(5)))
print(length(unique(sample(c(1, 2, 3), 2))))
r <- sample(1:10, 20, replace = TRUE)
print(length(r))
print(all(r >= 1 & r <= 10))
k <- sample(c("a", "b"), 5, replace = TRUE, prob = c(0.2, 0.8))
print(all(k %in% c("a", "b")))
print(length(sample(10, 3)))
""",
        """\
[1] TRUE
[1] FALSE
[1] 100
[1] TRUE
[1] TRUE
[1] 50
[1] TRUE
[1] TRUE
[1] TRUE
[1] TRUE
[1] 30
[1] 1 2 3 4 5
[1] 2
[1] 20
[1] TRUE
[1] TRUE
[1] 3
""",
    ),
    (
        "Sys.time",
        """\
t0 <- Sys.time()
t1 <- Sys.time()
print(t1 >= t0)
""",
        "[1] TRUE\n",
    ),
    (
        "solve-system",
        """\
m <- matrix(c(2, 1, 1, 3), 2)
print(solve(m, c(1, 2)))
""",
        "[1] 0.2 0.6\n",
    ),
    (
        "sum-scalars",
        "print(sum(1, 2, 3))\n",
        "[1] 6\n",
    ),
    (
        "is.null-NULL",
        "print(is.null(NULL))\n",
        "[1] TRUE\n",
    ),
    (
        "is.null-missing-element",
        "l <- list(a = 1)\nprint(is.null(l$b))\n",
        "[1] TRUE\n",
    ),
    (
        "paste-collapse-null",
        'print(paste0(c("a", "b"), collapse = NULL))\n',
        '[1] "a" "b"\n',
    ),
    (
        "quantile-default-probs",
        "print(unname(quantile(c(1, 2, 3, 4))))\n",
        "[1] 1.00 1.75 2.50 3.25 4.00\n",
    ),
    (
        "median-na-rm",
        "print(median(c(1, 2, NA), na.rm = TRUE))\n",
        "[1] 1.5\n",
    ),
    (
        "tail-zero",
        "print(length(tail(1:10, 0)))\n",
        "[1] 0\n",
    ),
    (
        "seq-counts-down",
        "print(seq(10, 1))\n",
        " [1] 10  9  8  7  6  5  4  3  2  1\n",
    ),
    (
        "seq-by-fraction",
        "print(seq(0, 0.3, by = 0.1))\n",
        "[1] 0.0 0.1 0.2 0.3\n",
    ),
    (
        "seq-by-length-out",
        "print(seq(5, by = 2, length.out = 3))\n",
        "[1] 5 7 9\n",
    ),
    (
        "seq-of-zero",
        """\
n <- 0
print(seq(n))
""",
        "[1] 1 0\n",
    ),
    (
        "seq_len-fraction",
        "print(seq_len(2.5))\n",
        "[1] 1 2\n",
    ),
    (
        "rep-times-vector",
        "print(rep(c(1, 2), times = c(2, 3)))\n",
        "[1] 1 1 2 2 2\n",
    ),
    (
        "rep-chr-length-out",
        'print(rep(c("a", "b"), length.out = 3))\n',
        '[1] "a" "b" "a"\n',
    ),
    (
        "vector-logical",
        'print(vector("logical", 2))\n',
        "[1] FALSE FALSE\n",
    ),
    (
        "length-of-string",
        'print(length("abc"))\n',
        "[1] 1\n",
    ),
    (
        "order-chr-decreasing",
        'print(order(c("b", "a", "c"), decreasing = TRUE))\n',
        "[1] 3 1 2\n",
    ),
    (
        "mean-trim",
        "print(mean(c(1, 2, 3, 100), trim = 0.25))\n",
        "[1] 2.5\n",
    ),
    (
        "diff-lag",
        "print(diff(c(1, 4, 9), lag = 2))\n",
        "[1] 8\n",
    ),
    (
        "diff-differences",
        "print(diff(c(1, 4, 9, 16), differences = 2))\n",
        "[1] 2 2\n",
    ),
    (
        "signif-vector",
        "print(signif(c(123.456, 0.01234), 2))\n",
        "[1] 120.000   0.012\n",
    ),
    (
        "as.logical-FALSE",
        'print(as.logical("FALSE"))\n',
        "[1] FALSE\n",
    ),
    (
        "as.logical-strings",
        'print(as.logical(c("TRUE", "false", "T")))\n',
        "[1]  TRUE FALSE  TRUE\n",
    ),
    (
        "as.integer-decimal-string",
        'print(as.integer("7.9"))\n',
        "[1] 7\n",
    ),
    (
        "nchar-number",
        "print(nchar(123))\n",
        "[1] 3\n",
    ),
    (
        "nchar-numeric-vector",
        "print(nchar(c(1.5, 10)))\n",
        "[1] 3 2\n",
    ),
    (
        "substr-start-zero",
        'print(substr("hello", 0, 2))\n',
        '[1] "he"\n',
    ),
    (
        "gsub-ignore-case",
        'print(gsub("A", "x", "aA", ignore.case = TRUE))\n',
        '[1] "xx"\n',
    ),
    (
        "grepl-ignore-case",
        'print(grepl("A", "abc", ignore.case = TRUE))\n',
        "[1] TRUE\n",
    ),
    (
        "gsub-posix-class",
        'print(nchar(gsub("[[:space:]]+", " ", "a   b")))\n',
        "[1] 3\n",
    ),
    (
        "strsplit-trailing-empty",
        'print(length(strsplit("a,b,", ",")[[1]]))\n',
        "[1] 2\n",
    ),
    (
        "sum-empty",
        "print(sum())\n",
        "[1] 0\n",
    ),
    (
        "max-chr",
        'print(max(c("a", "b")))\n',
        '[1] "b"\n',
    ),
    (
        "is.null-dim-of-vector",
        "print(is.null(dim(c(1, 2))))\n",
        "[1] TRUE\n",
    ),
    (
        "Reduce-right",
        "print(Reduce(`-`, c(1, 2, 3), right = TRUE))\n",
        "[1] 2\n",
    ),
    (
        "do.call-package-function",
        "print(do.call(sum, list(1, 2)))\n",
        "[1] 3\n",
    ),
    (
        "do.call-rbind",
        "print(do.call(rbind, list(c(1, 2), c(3, 4))))\n",
        """\
     [,1] [,2]
[1,]    1    2
[2,]    3    4
""",
    ),
    (
        "do.call-paste",
        'print(do.call(paste, list("a", "b")))\n',
        '[1] "a b"\n',
    ),
    (
        "matrix-recycles",
        "print(matrix(c(1, 2), 2, 2))\n",
        """\
     [,1] [,2]
[1,]    1    1
[2,]    2    2
""",
    ),
    (
        "NCOL-of-vector",
        "print(NCOL(c(1, 2, 3)))\n",
        "[1] 1\n",
    ),
    (
        "cbind-scalar",
        """\
x <- c(1, 2)
print(cbind(1, x)[, 1])
""",
        "[1] 1 1\n",
    ),
    (
        "rbind-scalar",
        "print(rbind(1:2, 5))\n",
        """\
     [,1] [,2]
[1,]    1    2
[2,]    5    5
""",
    ),
    (
        "rowSums-na-rm",
        """\
m <- matrix(c(1, NA, 3, 4), 2)
print(rowSums(m, na.rm = TRUE))
""",
        "[1] 4 4\n",
    ),
    (
        "sd-na-rm",
        "print(sd(c(1, 2, NA), na.rm = TRUE))\n",
        "[1] 0.7071068\n",
    ),
    (
        "var-two-vectors",
        "print(var(c(1, 2, 3), c(1, 3, 2)))\n",
        "[1] 0.5\n",
    ),
    (
        "cor-matrix",
        """\
m <- matrix(c(1, 2, 3, 5, 4, 6), 3)
print(cor(m))
""",
        """\
     [,1] [,2]
[1,]  1.0  0.5
[2,]  0.5  1.0
""",
    ),
    (
        "weighted.mean-na-rm",
        """\
print(weighted.mean(c(1, 2, NA), c(1, 1, 1), na.rm = TRUE))
""",
        "[1] 1.5\n",
    ),
    (
        "is.character-vector",
        'print(is.character(c("a", "b")))\n',
        "[1] TRUE\n",
    ),
    (
        "is.element-vector",
        "print(is.element(c(1, 5), c(1, 2)))\n",
        "[1]  TRUE FALSE\n",
    ),
    (
        "as.character-whole-numbers",
        "print(nchar(as.character(c(1, 2))))\n",
        "[1] 1 1\n",
    ),
    (
        "sort-drops-na",
        "print(sort(c(3, 1, NA)))\n",
        "[1] 1 3\n",
    ),
    (
        "sort-named",
        """\
x <- c(b = 2, a = 1)
print(names(sort(x)))
""",
        '[1] "a" "b"\n',
    ),
    (
        "rev-named",
        """\
x <- c(a = 1, b = 2)
print(rev(x)[["a"]])
""",
        "[1] 1\n",
    ),
    (
        "unique-na",
        "print(unique(c(NA, 1, NA)))\n",
        "[1] NA  1\n",
    ),
    (
        "which-named",
        "print(unname(which(c(a = TRUE, b = FALSE, c = TRUE))))\n",
        "[1] 1 3\n",
    ),
    (
        "sum-named",
        """\
x <- c(a = 1, b = 2)
print(sum(x))
""",
        "[1] 3\n",
    ),
    (
        "round-half",
        "print(round(2.675, 2))\n",
        "[1] 2.67\n",
    ),
    (
        "is.na-chr",
        'print(is.na(c("a", "b")))\n',
        "[1] FALSE FALSE\n",
    ),
    (
        "identical-int-double",
        "print(identical(1L, 1))\n",
        "[1] FALSE\n",
    ),
    (
        "format-logical",
        'print(format(TRUE) == "TRUE")\n',
        "[1] TRUE\n",
    ),
    (
        "set.seed-in-function",
        """\
g <- function() {
  x <- runif(1)
  set.seed(2)
  x
}
print(length(g()))
""",
        "[1] 1\n",
    ),
    (
        "missing-with-default",
        """\
f <- function(a, b = 2) if (missing(b)) a else a + b
print(f(1))
""",
        "[1] 1\n",
    ),
    (
        "is.numeric-logical",
        "print(is.numeric(TRUE))\n",
        "[1] FALSE\n",
    ),
    (
        "named-vectors",
        """\
x <- c(b = 2, a = 1, c = 3)
print(sum(x))
print(mean(x))
print(max(x))
print(min(x))
print(range(x))
print(unname(which.max(x)))
print(unname(which.min(x)))
print(names(which.max(x)))
print(names(which.min(x)))
print(names(sort(x)))
print(names(sort(x, decreasing = TRUE)))
print(unname(sort(x)))
print(names(rev(x)))
print(rev(x)[["a"]])
print(round(c(p = 2.675, q = 1.005), 2)[["p"]])
print(length(x))
print(names(which(c(a = TRUE, b = FALSE, c = TRUE))))
print(unname(which(c(a = TRUE, b = FALSE, c = TRUE))))
print(sum(x, na.rm = TRUE))
""",
        """\
[1] 6
[1] 2
[1] 3
[1] 1
[1] 1 3
[1] 3
[1] 2
[1] "c"
[1] "a"
[1] "a" "b" "c"
[1] "c" "b" "a"
[1] 1 2 3
[1] "c" "a" "b"
[1] 1
[1] 2.67
[1] 3
[1] "a" "c"
[1] 1 3
[1] 6
""",
    ),
    (
        "na-and-types",
        """\
v <- c(3, NA, 1, 3, NA)
print(sort(v))
print(sort(v, decreasing = TRUE))
print(unique(v))
s <- c("a", "b")
print(is.na(s))
print(is.na("a"))
print(identical(1L, 1))
print(identical(TRUE, 1))
print(format(1 > 2) == "FALSE")
x <- 2.675
print(round(x, 2))
print(round(-0.125, 2))
print(is.numeric(c(TRUE, FALSE)))
""",
        """\
[1] 1 3 3
[1] 3 3 1
[1]  3 NA  1
[1] FALSE FALSE
[1] FALSE
[1] FALSE
[1] FALSE
[1] TRUE
[1] 2.67
[1] -0.12
[1] FALSE
""",
    ),
    (
        "sapply-named",
        """\
l <- list(loss = c(0.5, 0.4), acc = c(0.8, 0.85))
m <- sapply(l, mean)
print(names(m))
print(m[["acc"]])
print(unname(vapply(l, length, numeric(1))))
print(unname(sapply(l, mean, USE.NAMES = FALSE)))
print(length(sapply(c(1, 2), function(v) v * 2, simplify = FALSE)))
print(vapply(l, length, numeric(1), USE.NAMES = FALSE))
""",
        """\
[1] "loss" "acc"
[1] 0.825
[1] 2 2
[1] 0.450 0.825
[1] 2
[1] 2 2
""",
    ),
    (
        "tostring-and-collapsed-doubles",
        """\
x <- c(1.5, 2, 3)
cat(toString(x), "\\n")
cat(toString(c("a", "b")), "\\n")
cat(paste(x, collapse = "+"), "\\n")
""",
        """\
1.5, 2, 3
a, b
1.5+2+3
""",
    ),
    (
        "saverds-readrds-round-trip",  # with a warning (RK201): the file is a pickle
        """\
f <- tempfile()
saveRDS(list(a = 1, b = "x"), f)
back <- readRDS(f)
cat(back$a, back$b, "\\n")
""",
        """\
1 x
""",
    ),
    (
        "environment-variables",
        """\
Sys.setenv(MY_VAR = "a", N = 2)
cat(Sys.getenv("MY_VAR"), Sys.getenv("N"), Sys.getenv("NOT_SET_HERE", unset = "none"), "\\n")
cat(Sys.getenv("NOT_SET_HERE_EITHER") == "", "\\n")
""",
        """\
a 2 none
TRUE
""",
    ),
    (
        "options-dropped",  # with a warning (RK211): R's options steer R itself
        """\
options(timeout = 600)
cat(1 / 4, "\\n")
""",
        """\
0.25
""",
    ),
    (
        "vectors-grown-in-a-loop",
        """\
losses <- numeric(0)
for (epoch in 1:5) losses[epoch] <- epoch / 2
cat(losses, "\\n")
out <- c()
for (i in seq_along(losses)) {
  out[i] <- losses[i] * 2
}
cat(out, "\\n")
models <- list()
for (k in seq_len(2)) models[[k]] <- k * 10
cat(length(models), unlist(models), "\\n")
words <- character(0)
for (i in 1:3) words[i] <- paste0("w", i)
cat(words, "\\n")
""",
        """\
0.5 1 1.5 2 2.5
1 2 3 4 5
2 10 20
w1 w2 w3
""",
    ),
    (
        "scale-and-its-attributes",
        """\
x <- matrix(c(1, 2, 3, 4, 5, 7, NA, 2, 8), nrow = 3)
train <- x
train <- scale(train)
print(round(train[, 2], 4))
print(is.na(train[1, 3]))
print(round(attr(train, "scaled:center"), 4))
print(round(attr(train, "scaled:scale"), 4))
val <- matrix(c(2, 3, 4, 1, 0, 9), nrow = 2)
val <- scale(val, center = attr(train, "scaled:center"), scale = attr(train, "scaled:scale"))
print(round(val[2, ], 4))
v <- scale(c(1, 2, 3, 4))
print(dim(v))
print(attr(v, "scaled:center"))
centred <- scale(x, scale = FALSE)
print(round(centred[, 2], 4))
w <- scale(x, center = FALSE, scale = c(1, 2, 4))
print(w[2, ])
print(is.null(attr(w, "scaled:center")))
print(round(sum(scale(x[, 1:2])), 4))
""",
        """\
[1] -0.8729 -0.2182  1.0911
[1] TRUE
[1] 2.0000 5.3333 5.0000
[1] 1.0000 1.5275 4.2426
[1]  1.0000 -2.8368  0.9428
[1] 4 1
[1] 2.5
[1] -1.3333 -0.3333  1.6667
[1] 2.0 2.5 0.5
[1] TRUE
[1] 0
""",
    ),
]

# Translations that compute something other than R, crash, or are not valid Python:
# (name, minimal R snippet, what R printed: checked with Rscript, what goes wrong).
KNOWN_WRONG = [
    (
        "sort-collation",
        'print(sort(c("b", "A", "a")))\n',
        '[1] "a" "A" "b"\n',
        "Python sorts by code point (A a b); R in C.UTF-8 with ICU collates a A b",
    ),
    (
        "is.nan-of-na",
        "print(is.nan(c(1, NaN, NA)))\n",
        "[1] FALSE  TRUE FALSE\n",
        "NA and NaN are both np.nan, so is.nan(NA) is True",
    ),
    (
        "set.seed-via-helper",
        """\
init <- function(seed) set.seed(seed)
init(5)
x <- runif(2)
print(length(x))
""",
        "[1] 2\n",
        "the module never defines rng (NameError), and init(5) prints None",
    ),
    (
        "print-returns-value",
        """\
y <- print(2)
print(y)
""",
        """\
[1] 2
[1] 2
""",
        "print() returns its argument in R; Python's print returns None",
    ),
]

# Text output compared exactly: (name, R snippet, what R wrote: checked with Rscript).
EXACT = [
    (
        "cat-sep-before-newline",
        'cat("a", "b", "\\n", sep = ",")\n',
        "a,b,\n",
    ),
    (
        "cat",
        """\
cat("a", "b\\n")
cat("a", 1L, "\\n")
x <- 1:2
cat(x, "\\n")
cat("a", "b", sep = "")
cat("\\n")
cat("x\\n", "y\\n")
cat("a\\n", sep = "")
cat("one", "two", sep = "-")
cat("\\n")
""",
        """\
a b
a 1
1 2
ab
x
 y
a
one-two
""",
    ),
    (
        "message",
        """\
message("hello ", 3)
x <- 2
message("x is ", x)
cat("after\\n")
""",
        """\
hello 3
x is 2
after
""",
    ),
]

# (name, minimal R snippet, what R wrote: checked with Rscript, what goes wrong)
EXACT_WRONG: list = []


def _behaviour_params(cases: list, wrong: list) -> list:
    params = [pytest.param(name, r_code, r_output, id=name) for name, r_code, r_output in cases]
    for name, r_code, r_output, reason in wrong:
        mark = pytest.mark.xfail(strict=True, reason=reason)
        params.append(pytest.param(name, r_code, r_output, id=name, marks=mark))
    return params


@pytest.mark.parametrize(("name", "r_code", "r_output"), _behaviour_params(BEHAVIOUR, KNOWN_WRONG))
def test_python_prints_what_r_printed(name: str, r_code: str, r_output: str):
    result = translate(r_code)
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    printed, _, _ = run(result.code)
    ok, reason = same_values(r_output, printed)
    assert ok, f"{reason}\n{result.code}\n{printed}"


@pytest.mark.parametrize(("name", "r_code", "r_output"), _behaviour_params(EXACT, EXACT_WRONG))
def test_python_writes_exactly_what_r_wrote(name: str, r_code: str, r_output: str):
    """Text output compared character for character (trailing spaces aside: R's cat()
    writes its separator before a final "\\n" argument). stderr is merged into stdout, as
    R's messages are in the recording."""
    result = translate(r_code)
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    printed, _, _ = run(result.code, merge=True)
    assert lines_rstripped(printed) == r_output, result.code


def test_recorded_r_output_is_current():
    """The R outputs above are what R prints today: one Rscript run for every snippet,
    messages sunk into stdout, visible top-level values printed as Rscript prints them."""
    cases = [case[:3] for case in BEHAVIOUR + KNOWN_WRONG + EXACT + EXACT_WRONG]
    outputs = run_r_snippets([r_code for _, r_code, _ in cases], autoprint=True)
    assert len(outputs) == len(cases)
    for (name, _, recorded), fresh in zip(cases, outputs, strict=True):
        assert lines_rstripped(fresh) == recorded, name


# ---- conditions: Python exceptions and warnings carry R's messages ---------------------


def test_stop_raises_with_r_message():
    """R: `Error in f(2) : bad 2` (checked with Rscript); conditionMessage() is "bad 2"."""
    code = translate('f <- function(x) stop("bad ", x)\nf(2)\n').code
    with pytest.raises(RuntimeError, match="^bad 2$"):
        run(code)


def test_warning_is_a_python_warning():
    """R: `Warning message: careful: 2` (checked with Rscript)."""
    printed, errors, caught = run(translate('x <- 2\nwarning("careful: ", x)\n').code)
    assert printed == "" and errors == ""
    assert [str(w.message) for w in caught] == ["careful: 2"]


def test_stopifnot_raises_when_a_condition_fails():
    """R: `Error: x > 1 are not all TRUE` (checked with Rscript)."""
    code = translate("x <- c(1, 2)\nstopifnot(x > 0)\nstopifnot(x > 1)\n").code
    with pytest.raises(AssertionError):
        run(code)


def test_message_goes_to_stderr():
    """R writes "hello 3" to stderr and nothing to stdout (checked with Rscript)."""
    printed, errors, _ = run(translate('message("hello ", 3)\n').code)
    assert (printed, errors) == ("", "hello 3\n")


def test_try_catch_finally_runs_after_an_error():
    """R prints "cleanup" then "[1] -1" (checked with Rscript)."""
    code = translate(
        'r <- tryCatch(stop("x"), error = function(e) -1, finally = cat("cleanup\\n"))\nprint(r)\n'
    ).code
    assert run(code)[0] == "cleanup\n-1\n"


# ---- random draws: shapes, ranges, reproducibility (values differ from R's streams) ----

RANDOM = """\
set.seed(42)
u <- runif(1000)
v <- runif(1000, 1, 2)
w <- runif(5, max = 5)
z <- rnorm(4000)
g <- rnorm(4000, mean = 5, sd = 2)
b <- rbinom(500, 10, 0.5)
p <- rpois(500, 3)
s1 <- sample(5)
s2 <- sample(c(10, 20, 30), 2)
s3 <- sample(1:10, 50, replace = TRUE)
s4 <- sample(c("a", "b"), 200, replace = TRUE, prob = c(0.2, 0.8))
s5 <- sample(10, 3)
"""


def test_random_draws_have_r_shapes_and_ranges():
    """What R guarantees for the same calls (checked with Rscript for lengths, ranges and
    the sample() populations)."""
    scope = namespace(translate(RANDOM).code)
    u, v, w = scope["u"], scope["v"], scope["w"]
    assert u.shape == (1000,) and u.min() >= 0 and u.max() < 1
    assert v.shape == (1000,) and v.min() >= 1 and v.max() < 2
    assert w.shape == (5,) and w.min() >= 0 and w.max() < 5
    z, g = scope["z"], scope["g"]
    assert z.shape == (4000,) and abs(z.mean()) < 0.1 and abs(z.std() - 1) < 0.1
    assert abs(g.mean() - 5) < 0.2 and abs(g.std(ddof=1) - 2) < 0.2
    b, p = scope["b"], scope["p"]
    assert b.shape == (500,) and b.min() >= 0 and b.max() <= 10
    assert np.issubdtype(b.dtype, np.integer) and abs(b.mean() - 5) < 0.5
    assert p.shape == (500,) and p.min() >= 0 and np.issubdtype(p.dtype, np.integer)
    assert abs(p.mean() - 3) < 0.5
    assert sorted(scope["s1"].tolist()) == [1, 2, 3, 4, 5]
    s2 = scope["s2"].tolist()
    assert len(s2) == 2 and len(set(s2)) == 2 and set(s2) <= {10, 20, 30}
    s3 = scope["s3"]
    assert s3.shape == (50,) and s3.min() >= 1 and s3.max() <= 10
    s4 = list(scope["s4"])
    assert len(s4) == 200 and set(s4) <= {"a", "b"} and s4.count("b") > s4.count("a")
    s5 = scope["s5"].tolist()
    assert len(s5) == 3 and len(set(s5)) == 3 and set(s5) <= set(range(1, 11))


def test_a_seed_reproduces_the_draws():
    code = translate(RANDOM).code
    first, second = namespace(code), namespace(code)
    for name in ("u", "z", "b", "p", "s1", "s3", "s4"):
        assert np.array_equal(first[name], second[name]), name
    other = namespace(code.replace("default_rng(42)", "default_rng(7)"))
    assert not np.array_equal(first["u"], other["u"])


def test_draws_without_a_seed_differ_between_runs():
    code = translate("u <- runif(20)\n").code
    assert "default_rng()" in code
    assert not np.array_equal(namespace(code)["u"], namespace(code)["u"])


def test_sys_time_is_seconds_since_the_epoch():
    before = time.time()
    t0 = namespace(translate("t0 <- Sys.time()\n").code)["t0"]
    assert before <= t0 <= time.time()


# ---- reports this ----------------------------------------------------------------------

REPORTED = [
    ('print(cor(c(1, 2, 3), c(1, 2, 4), method = "spearman"))', "RK103"),  # cor-method
    ('w <- "left"\nprint(trimws("  a  ", which = w) == "a  ")', "RK103"),  # trimws-which-variable
    ("print(ifelse(c(TRUE, NA, FALSE), 1, 2))", "RK104"),  # ifelse-na-test
    # vectors and lists
    ("y <- c(a = 1, 2)", "RK102"),
    ('y <- c("a", NA)', "RK104"),
    ("y <- list(a = 1, 2)", "RK102"),
    (A + "y <- order(a, c(1, 2, 3))", "RK103"),
    ("y <- order()", "RK103"),
    # strings
    ('sp <- "-"\ny <- paste("a", "b", sep = sp)', "RK103"),
    ('y <- trimws("  a  ", which = "middle")', "RK103"),
    ('y <- gsub("[[:print:]]", "", "a")', "RK103"),
    ('y <- as.logical("yes")', "RK104"),
    ("x <- 1.5\ny <- format(x, nsmall = 2)", "RK103"),
    ("y <- format(3.14159, digits = 3)", "RK103"),
    ("y <- format(3.14159, width = w)", "RK103"),
    # files, environments, evaluation, S4: outside what rkeras2py translates
    ('source("helpers.R")', "RK106"),
    ('y <- eval(parse(text = "1 + 1"))', "RK101"),
    ('y <- parse(text = "1 + 1")', "RK101"),
    ('assign("a", 1)', "RK101"),
    ('y <- get("a")', "RK101"),
    ("e <- environment()", "RK101"),
    ("e <- new.env()", "RK101"),
    ("f <- function() sys.call()", "RK101"),
    ("f <- function(x) substitute(x)", "RK101"),
    ("y <- deparse(1)", "RK101"),
    ("y <- local(1)", "RK101"),
    ('setClass("P", representation(x = "numeric"))', "RK101"),
    ('setMethod("show", "P", function(object) 1)', "RK101"),
    ('p <- new("P")', "RK101"),
    # factors, data frames, introspection
    ('f <- factor(c("a", "b"))', "RK101"),
    ("f <- 1\nk <- nlevels(f)", "RK101"),
    ("d <- data.frame(a = 1)", "RK101"),
    ("f <- function(...) nargs()", "RK101"),
    ('y <- inherits(1, "numeric")', "RK102"),
    ("f <- function(n) if (n <= 1) 1 else n * Recall(n - 1)", "RK102"),
    # matrices
    (M + "y <- apply(m, c(1, 2), sum)", "RK103"),
    (M + "y <- apply(m, 3, sum)", "RK103"),
    # conditions
    ("r <- tryCatch(1, message = function(m) 2)", "RK103"),
]


@pytest.mark.parametrize(("r_code", "code"), REPORTED, ids=lambda value: value[-40:])
def test_reported(r_code: str, code: str):
    result = translate(r_code + "\n")
    found = [d for d in result.diagnostics if d.code == code]
    assert found and all(d.is_error for d in found), [d.format() for d in result.diagnostics]
    assert "raise NotImplementedError" in result.code
    compile(result.code, "<translation>", "exec")  # the marker is valid Python


def test_marker_raises_where_the_r_statement_was():
    code = translate('x <- 1\nprint(x)\ny <- get("a")\nprint(2)\n').code
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(NotImplementedError, match="RK101"):
        exec(compile(code, "<translation>", "exec"), {})
    assert out.getvalue() == "1\n"


def test_library_of_an_unknown_package_is_a_warning_only():
    result = translate("library(ggplot2)\nx <- 1\n")
    assert [d.code for d in result.diagnostics] == ["RK105"]
    assert not result.has_errors
    assert "NotImplementedError" not in result.code
    assert result.code.strip() == "x = 1"


UNSUPPORTED = [
    "eval",
    "parse",
    "assign",
    "get",
    "environment",
    "new.env",
    "sys.call",
    "substitute",
    "deparse",
    "local",
    "setClass",
    "setMethod",
    "new",
    "factor",
    "nlevels",
    "data.frame",
    "nargs",
]


@pytest.mark.parametrize("name", UNSUPPORTED)
def test_unsupported_functions_are_reported_with_a_marker(name):
    """R features outside the translator: an error naming the function, a marker that
    raises if reached, and the rest of the file translated."""
    result = translate(f"a <- 1\ny <- {name}(a)\nprint(a)\n")
    assert [(d.code, d.line) for d in result.diagnostics if d.is_error] == [("RK101", 2)]
    assert name in result.diagnostics[0].message
    assert f"# R: y <- {name}(a)" in result.code
    assert "raise NotImplementedError" in result.code
    assert result.code.rstrip().endswith("print(a)")


def test_is_double_of_a_whole_number_carries_a_note():
    result = translate("x <- 2\ny <- is.double(x)\n")
    assert [d.code for d in result.diagnostics] == ["RK201"]


def test_a_function_of_the_r_code_shadows_base_r():
    result = translate("rev <- function(x) x\ny <- rev(c(1, 2))\n")
    assert not result.diagnostics
    assert result.code.rstrip().endswith("y = rev(np.array([1.0, 2.0]))")
