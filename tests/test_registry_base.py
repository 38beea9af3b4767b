"""Base R functions added in `registry/base/extra.py`: what each call becomes, and that
the Python computes what R computes.

Three kinds of tests, in the libcst-codemod spirit:
- `(R snippet, expected Python)` pairs: the last line(s) of the translation, imports aside;
- behaviour: each R snippet is translated, the Python run, and its printed values compared
  with R's output for the same snippet, recorded below. Every recorded output was checked
  with `Rscript --vanilla` (R 4.2.2); `test_recorded_r_output_is_current` checks them again
  whenever R is installed;
- "reports this" / "leaves this alone": calls that cannot be translated faithfully get a
  diagnostic (and a marker in the code); calls that are not base R's are not touched.
"""

from __future__ import annotations

import contextlib
import io
import warnings

import pytest
from conftest import run_r_snippets
from outputs import same_values

from rkeras2py.translator import registry, translate


def tail(source: str, lines: int = 1) -> str:
    """The last `lines` lines of the Python translation of `source`."""
    result = translate(source)
    errors = [f"{d.code} {d.message}" for d in result.diagnostics if d.is_error]
    assert not errors, errors
    return "\n".join(result.code.rstrip("\n").splitlines()[-lines:])


def run(code: str) -> tuple[str, str, list[warnings.WarningMessage]]:
    """Execute translated code; what it printed on stdout and stderr, and its warnings."""
    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        warnings.catch_warnings(record=True) as caught,
    ):
        warnings.simplefilter("always")
        exec(compile(code, "<translation>", "exec"), {"__name__": "__main__"})
    return out.getvalue(), err.getvalue(), list(caught)


def codes(source: str) -> list[str]:
    return [d.code for d in translate(source).diagnostics]


# ---- R snippet → Python ----------------------------------------------------------------

A = "a <- c(3, 1)\n"
S = 's <- c("a", "b")\n'
M = "m <- matrix(1:4, 2)\n"
X = "x <- c(1.5, 2.5)\ntab <- c(2.5, 1.5)\n"

TRANSLATIONS = [
    # unname: a named vector/list (a dict) gives its values; a plain vector is itself
    ("x <- c(a = 1, b = 2)\ny <- unname(x)", "y = list(x.values())"),
    ("y <- unname(c(a = 1, b = 2))", 'y = np.array(list({"a": 1.0, "b": 2.0}.values()))'),
    ("v <- 1:3\ny <- unname(v)", "y = v"),
    (
        "f <- function(v) unname(v)",
        "    return list(v.values()) if isinstance(v, dict) else v",
    ),
    # pmin / pmax: element-wise, folded left; na.rm = TRUE skips NaN
    (X + "y <- pmin(x, 2)", "y = np.minimum(x, 2)"),
    (X + "y <- pmax(x, 0, 1)", "y = np.maximum(np.maximum(x, 0), 1)"),
    (X + "y <- pmax(x, 0, na.rm = TRUE)", "y = np.fmax(x, 0)"),
    # predicates: decided by the kind when it can be, else checked at run time
    ("l <- list(1)\ny <- is.list(l)", "y = True"),
    ("f <- function(v) is.list(v)", "    return isinstance(v, (list, dict))"),
    ("y <- is.integer(1L)", "y = True"),
    ("y <- is.integer(1)", "y = False"),
    ("y <- is.integer(1:3)", "y = True"),
    ('y <- typeof("a")', 'y = "character"'),
    ("y <- typeof(2)", 'y = "double"'),
    ("y <- typeof(list(1))", 'y = "list"'),
    (
        "m <- matrix(1:4, 2)\ny <- typeof(m)",
        'y = {"b": "logical", "i": "integer", "u": "integer", "f": "double", "U": "character"}[\n'
        "    np.asarray(m).dtype.kind\n]",
    ),
    (M + "y <- is.matrix(m)", "y = m.ndim == 2"),
    ("f <- function(v) is.matrix(v)", "    return np.ndim(v) == 2"),
    ("y <- is.logical(c(TRUE, NA))", "y = True"),
    ("f <- function(v) is.logical(v)", "    return np.asarray(v).dtype == bool"),
    (M + "y <- is.vector(m)", "y = False"),
    ("y <- is.vector(list(1, 2))", "y = True"),
    ("x <- c(1.5, Inf)\ny <- is.finite(x)", "y = np.isfinite(x)"),
    ("x <- c(1.5, Inf)\ny <- is.infinite(x)", "y = np.isinf(x)"),
    # match: 1-based positions; np.nan for numeric misses, None for character ones
    (
        S + 'y <- match(s, c("b", "c"))',
        'y = [["b", "c"].index(value) + 1 if value in ["b", "c"] else np.nan for value in s]',
    ),
    (
        X + "y <- match(x, tab)",
        "y = np.array([list(tab).index(value) + 1 if value in tab else np.nan for value in x])",
    ),
    (S + 'y <- match("b", s)', 'y = s.index("b") + 1 if "b" in s else np.nan'),
    (
        S + 'y <- match(s, "b", nomatch = 0)',
        'y = [["b"].index(value) + 1 if value in ["b"] else 0 for value in s]',
    ),
    # all.equal as a condition
    (X + "ok <- isTRUE(all.equal(x, tab))", "ok = np.allclose(x, tab, rtol=1.5e-8, atol=1.5e-8)"),
    (
        X + "ok <- isTRUE(all.equal(x, tab, tolerance = 1e-3))",
        "ok = np.allclose(x, tab, rtol=0.001, atol=0.001)",
    ),
    (
        X + "if (!isTRUE(all.equal(x, tab))) print(x)",
        "if not np.allclose(x, tab, rtol=1.5e-8, atol=1.5e-8):\n    print(x)",
    ),
    ("flag <- TRUE\nok <- isTRUE(flag)", "ok = flag is True"),
    # suppressWarnings: a statement is wrapped, a value is just the value
    (
        "f <- function() 1\nsuppressWarnings(y <- f())",
        'with warnings.catch_warnings():\n    warnings.simplefilter("ignore")\n    y = f()',
    ),
    ('y <- suppressWarnings(as.integer("3"))', 'y = int("3")'),
    ("x <- 2.5\nsuppressMessages(print(x))", "print(x)"),
    # sets keep first occurrences in order
    (A + "b <- c(2, 1)\ny <- union(a, b)", "y = np.array(list(dict.fromkeys([*a, *b])))"),
    (
        A + "b <- c(2, 1)\ny <- intersect(a, b)",
        "y = np.array([value for value in dict.fromkeys(a) if value in b])",
    ),
    (S + 'y <- setdiff(s, "b")', 'y = [value for value in dict.fromkeys(s) if value not in ["b"]]'),
    (S + 'y <- union(s, c("c", "a"))', 'y = list(dict.fromkeys([*s, "c", "a"]))'),
    (
        A + "y <- duplicated(a)",
        "y = np.array([value in a[:i] for i, value in enumerate(a)], dtype=bool)",
    ),
    (
        A + "y <- duplicated(a, fromLast = TRUE)",
        "y = np.array([value in a[i + 1 :] for i, value in enumerate(a)], dtype=bool)",
    ),
    (
        A + "y <- anyDuplicated(a)",
        "y = next((i for i, value in enumerate(a, 1) if value in a[: i - 1]), 0)",
    ),
    # append
    ("v <- 1:3\ny <- append(v, 99, after = 1)", "y = np.insert(v, 1, 99)"),
    ("v <- 1:3\ny <- append(v, 2.5, after = 1)", "y = np.concatenate([v[:1], [2.5], v[1:]])"),
    (A + "y <- append(a, 4)", "y = np.append(a, 4)"),
    (S + 'y <- append(s, "z", after = 1)', 'y = s[:1] + ["z"] + s[1:]'),
    (S + 'y <- append(s, "z", after = 0)', 'y = ["z"] + s'),
    ("l <- list(1)\nl <- append(l, list(2))", "l = l + [2]"),
    ("h <- list(a = 1)\nh <- append(h, list(b = 2))", 'h = {**h, "b": 2}'),
    # cumulative extremes
    (A + "y <- cummax(a)", "y = np.maximum.accumulate(a)"),
    (A + "y <- cummin(a)", "y = np.minimum.accumulate(a)"),
    (M + "y <- cummax(m)", 'y = np.maximum.accumulate(m.flatten(order="F"))'),
    # rank
    (
        A + "y <- rank(a)",
        "y = np.array([np.sum(a < value) + (np.sum(a == value) + 1) / 2 for value in a])",
    ),
    (A + 'y <- rank(a, ties.method = "first")', 'y = np.argsort(np.argsort(a, kind="stable")) + 1'),
    (
        A + 'y <- rank(a, ties.method = "min")',
        "y = np.array([np.sum(a < value) + 1 for value in a])",
    ),
    (A + 'y <- rank(a, ties.method = "max")', "y = np.array([np.sum(a <= value) for value in a])"),
    # numbers
    ("y <- factorial(5)", "y = math.factorial(5)"),
    ("y <- factorial(2.5)", "y = math.gamma(2.5 + 1)"),
    ("y <- choose(5, 2)", "y = math.comb(5, 2)"),
    # strings
    ('y <- strrep("ab", 3)', 'y = "ab" * 3'),
    (S + "y <- strrep(s, 2)", "y = [text * 2 for text in s]"),
    ('y <- strrep("x", 1:3)', 'y = ["x" * count for count in np.arange(1, 4)]'),
    (S + "y <- casefold(s, upper = TRUE)", "y = [text.upper() for text in s]"),
    ('y <- casefold("AbC")', 'y = "AbC".lower()'),
    (
        S + 'y <- chartr("abc", "xyz", s)',
        'y = [text.translate(str.maketrans("abc", "xyz")) for text in s]',
    ),
    ('y <- chartr("a-c", "A-C", "cab")', 'y = "cab".translate(str.maketrans("abc", "ABC"))'),
    (
        S + 'y <- grep("a", s)',
        'y = np.flatnonzero([re.search("a", text) is not None for text in s]) + 1',
    ),
    (
        S + 'y <- grep("a", s, value = TRUE)',
        'y = [text for text in s if re.search("a", text) is not None]',
    ),
    (S + 'y <- grep(".", s, fixed = TRUE)', 'y = np.flatnonzero(["." in text for text in s]) + 1'),
    (
        S + 'y <- grep("a", s, invert = TRUE, value = TRUE)',
        'y = [text for text in s if re.search("a", text) is None]',
    ),
    # conversions
    (M + "y <- as.vector(m)", 'y = m.flatten(order="F")'),
    (A + "y <- as.vector(a)", "y = a"),
    (A + "y <- as.list(a)", "y = a.tolist()"),
    ("x <- c(a = 1, b = 2)\ny <- as.list(x)", "y = dict(x)"),
    # matrices and arrays
    (M + "y <- det(m)", "y = np.linalg.det(m)"),
    (
        "arr <- array(1:24, c(2, 3, 4))\ny <- aperm(arr, c(3, 1, 2))",
        "y = np.transpose(arr, (2, 0, 1))",
    ),
    ("arr <- array(1:24, c(2, 3, 4))\ny <- aperm(arr)", "y = np.transpose(arr)"),
    (M + A + "y <- sweep(m, 1, a)", "y = m - a[:, None]"),
    (M + A + 'y <- sweep(m, 2, a, "/")', "y = m / a[None, :]"),
    (M + A + "y <- sweep(m, 2, a, FUN = `*`)", "y = m * a[None, :]"),
    # lists and functions
    ("h <- list(a = 1)\ny <- modifyList(h, list(b = 2))", 'y = {**h, "b": 2}'),
    ("v <- 1:3\ny <- tabulate(v, nbins = 3)", "y = np.bincount(v, minlength=4)[1:4]"),
    ("f <- Negate(is.null)", "f = lambda value: value is not None"),
    ("f <- Negate(function(v) v > 2)", "f = lambda v: not v > 2"),
]


@pytest.mark.parametrize(("r_code", "python"), TRANSLATIONS, ids=lambda value: value[-40:])
def test_translation(r_code: str, python: str):
    assert tail(r_code + "\n", python.count("\n") + 1) == python


def test_imports_are_written_for_what_is_used():
    code = translate('s <- c("a", "b")\ny <- grep("a", s)\nz <- factorial(2.5)\n').code
    assert code.startswith("import math\nimport re\n\nimport numpy as np\n")


def test_library_inside_suppress_leaves_nothing():
    assert translate("suppressMessages(library(stats))\n").code.strip() == ""
    assert translate("suppressWarnings(library(stats))\n").code.strip() == ""


# ---- behaviour: the Python prints what R printed ---------------------------------------

# (name, R snippet, what R printed: checked with Rscript --vanilla, R 4.2.2)
BEHAVIOUR = [
    (
        "unname",
        """\
x <- c(a = 1, b = 2)
print(unname(x))
l <- list(a = 1, b = "x")
print(length(unname(l)))
print(unname(c(a = 3, b = 4)))
""",
        """\
[1] 1 2
[1] 2
[1] 3 4
""",
    ),
    (
        "unname-runtime",
        """\
f <- function(v) unname(v)
print(f(c(3, 1)))
""",
        """\
[1] 3 1
""",
    ),
    (
        "pmin-pmax",
        """\
x <- c(1, 5, 3)
print(pmin(x, c(4, 2, 6)))
print(pmax(x, 2, c(0, 7, 1)))
print(pmax(c(1, NA, 3), 2))
print(pmax(c(1, NA, 3), 2, na.rm = TRUE))
print(pmin(2.5, 1.5))
""",
        """\
[1] 1 2 3
[1] 2 7 3
[1]  2 NA  3
[1] 2 2 3
[1] 1.5
""",
    ),
    (
        "predicates-static",
        """\
m <- matrix(1:4, 2)
print(is.list(list(1)))
print(is.list(c(1, 2)))
print(is.list(c(a = 1)))
print(is.integer(1L))
print(is.integer(2.5))
print(is.integer(1:3))
print(is.matrix(m))
print(is.matrix(1:3))
print(is.logical(NA))
print(is.logical(c(TRUE, FALSE)))
print(is.logical("a"))
print(is.vector(1))
print(is.vector(list(1)))
print(is.vector(m))
""",
        """\
[1] TRUE
[1] FALSE
[1] FALSE
[1] TRUE
[1] FALSE
[1] TRUE
[1] TRUE
[1] FALSE
[1] TRUE
[1] TRUE
[1] FALSE
[1] TRUE
[1] TRUE
[1] FALSE
""",
    ),
    (
        "predicates-runtime",
        """\
f <- function(v) is.list(v)
g <- function(v) is.matrix(v)
h <- function(v) is.vector(v)
print(f(list(1)))
print(f(c(1, 2)))
print(g(matrix(1:4, 2)))
print(g(c(1, 2)))
print(h(1))
print(h(list(1)))
print(h(matrix(1:4, 2)))
print(h(NULL))
""",
        """\
[1] TRUE
[1] FALSE
[1] TRUE
[1] FALSE
[1] TRUE
[1] TRUE
[1] FALSE
[1] FALSE
""",
    ),
    (
        "finite",
        """\
x <- c(1, Inf, -Inf, NA, NaN)
print(is.infinite(x))
print(is.finite(x))
print(is.finite("a"))
""",
        """\
[1] FALSE  TRUE  TRUE FALSE FALSE
[1]  TRUE FALSE FALSE FALSE FALSE
[1] FALSE
""",
    ),
    (
        "match",
        """\
print(match(c(2, 5, 3, 2), c(3, 2, 1)))
print(match(c(2, 5), c(3, 2), nomatch = 0L))
print(match(3, c(1, 3)))
words <- c("b", "c", "a")
print(match(words, c("a", "b", "c"), nomatch = 0))
""",
        """\
[1]  2 NA  1  2
[1] 2 0
[1] 2
[1] 2 3 1
""",
    ),
    (
        "all-equal",
        """\
probs <- c(0.1, 0.2, 0.3, 0.4)
print(isTRUE(all.equal(sum(probs), 1)))
print(isTRUE(all.equal(1, 1 + 1e-10)))
print(isTRUE(all.equal(1, 1.1)))
print(isTRUE(all.equal(1, 1.1, tolerance = 0.2)))
print(isTRUE(all.equal(c(1, 2), c(1, 2.0000001))))
print(isTRUE(all.equal("a", "a")))
""",
        """\
[1] TRUE
[1] TRUE
[1] FALSE
[1] TRUE
[1] FALSE
[1] TRUE
""",
    ),
    (
        "suppress",
        """\
f <- function(x) {
  warning("careful")
  x * 2
}
suppressWarnings(print(f(2)))
y <- suppressWarnings(f(3))
print(y)
suppressMessages(message("hidden"))
suppressWarnings(z <- f(4))
print(z)
""",
        """\
[1] 4
[1] 6
[1] 8
""",
    ),
    (
        "sets",
        """\
a <- c(3, 1, 3)
b <- c(2, 1, 5)
print(union(a, b))
print(intersect(c(4, 2, 2, 3, 1), c(3, 2, 9)))
print(setdiff(c(5, 1, 5, 2, 3), c(2, 9)))
print(union(c("b", "a"), c("a", "c")))
print(setdiff(c("x", "y", "x"), "y"))
print(length(intersect(1:3, 5:6)))
""",
        """\
[1] 3 1 2 5
[1] 2 3
[1] 5 1 3
[1] "b" "a" "c"
[1] "x"
[1] 0
""",
    ),
    (
        "duplicated",
        """\
x <- c(1, 2, 1, 3, 2)
print(duplicated(x))
print(duplicated(x, fromLast = TRUE))
print(anyDuplicated(x))
print(anyDuplicated(c(1, 2, 3)))
print(duplicated(c("a", "b", "a")))
""",
        """\
[1] FALSE FALSE  TRUE FALSE  TRUE
[1]  TRUE  TRUE FALSE FALSE FALSE
[1] 3
[1] 0
[1] FALSE FALSE  TRUE
""",
    ),
    (
        "append",
        """\
v <- 1:3
print(append(v, 99, after = 1))
print(append(c(1, 2), c(7, 8)))
print(append(v, 2.5, after = 0))
print(append(v, 2.5, after = 2))
print(append(c("a", "b"), "z", after = 1))
l <- list(1, 2)
l <- append(l, list(3))
print(length(l))
h <- list(a = 1)
h <- append(h, list(b = 2))
print(names(h))
""",
        """\
[1]  1 99  2  3
[1] 1 2 7 8
[1] 2.5 1.0 2.0 3.0
[1] 1.0 2.0 2.5 3.0
[1] "a" "z" "b"
[1] 3
[1] "a" "b"
""",
    ),
    (
        "cumulative",
        """\
print(cummin(c(3, 1, 2, 0, 5)))
print(cummax(c(1, 3, 2, 5, 4)))
print(cummax(c(1L, 3L, 2L)))
print(cummax(c(1, NA, 3)))
print(cummax(5.5))
m <- matrix(c(1, 5, 2, 3), 2)
print(cummax(m))
""",
        """\
[1] 3 1 1 0 0
[1] 1 3 3 5 5
[1] 1 3 3
[1]  1 NA NA
[1] 5.5
[1] 1 5 5 5
""",
    ),
    (
        "rank",
        """\
x <- c(10, 20, 10, 30)
print(rank(x))
y <- c(3, 1, 4, 1, 5)
print(rank(y, ties.method = "first"))
print(rank(y, ties.method = "min"))
print(rank(y, ties.method = "max"))
print(rank(y))
""",
        """\
[1] 1.5 3.0 1.5 4.0
[1] 3 1 4 2 5
[1] 3 1 4 1 5
[1] 3 2 4 2 5
[1] 3.0 1.5 4.0 1.5 5.0
""",
    ),
    (
        "factorial-choose",
        """\
print(factorial(5))
print(factorial(0))
print(factorial(2.5))
print(factorial(c(1, 2, 3, 4)))
print(choose(5, 2))
print(choose(10, 3))
n <- 6L
print(factorial(n))
""",
        """\
[1] 120
[1] 1
[1] 3.323351
[1]  1  2  6 24
[1] 10
[1] 120
[1] 720
""",
    ),
    (
        "strings",
        """\
print(strrep("ab", 3))
print(strrep(c("a", "bc"), 2))
print(strrep("x", 1:3))
print(casefold("AbC"))
print(casefold(c("AbC", "dE"), upper = TRUE))
print(chartr("abc", "xyz", "aabbcc"))
print(chartr("a-c", "A-C", c("abcd", "cab")))
print(chartr("ab", "xyz", "abc"))
""",
        """\
[1] "ababab"
[1] "aa"   "bcbc"
[1] "x"   "xx"  "xxx"
[1] "abc"
[1] "ABC" "DE"
[1] "xxyyzz"
[1] "ABCd" "CAB"
[1] "xyc"
""",
    ),
    (
        "grep",
        """\
x <- c("apple", "berry", "banana")
print(grep("a", x))
print(grep("a", x, value = TRUE))
print(grep("^a", x, invert = TRUE))
print(grep("A", x, ignore.case = TRUE))
print(grep("an", x, fixed = TRUE, value = TRUE))
print(length(grep("z", x)))
print(x[grep("an", x)])
""",
        """\
[1] 1 3
[1] "apple"  "banana"
[1] 2 3
[1] 1 3
[1] "banana"
[1] 0
[1] "banana"
""",
    ),
    (
        "conversions",
        """\
m <- matrix(1:6, 2)
print(as.vector(m))
print(as.vector(c(a = 1, b = 2)))
l <- as.list(c(1, 2))
print(length(l))
print(l[[2]])
n <- as.list(c(a = 1, b = 2))
print(n$b)
print(length(as.list(m)))
""",
        """\
[1] 1 2 3 4 5 6
[1] 1 2
[1] 2
[1] 2
[1] 2
[1] 6
""",
    ),
    (
        "matrices",
        """\
print(det(matrix(c(2, 1, 1, 3), 2)))
a <- array(1:24, c(2, 3, 4))
b <- aperm(a, c(3, 1, 2))
print(dim(b))
print(b[2, 1, 3])
print(as.vector(b)[1:6])
print(dim(aperm(a)))
m <- matrix(1:6, 2)
print(sweep(m, 2, c(1, 2, 3)))
print(sweep(m, 1, c(10, 20), "+"))
print(sweep(m, 2, colMeans(m), FUN = "/"))
""",
        """\
[1] 5
[1] 4 2 3
[1] 11
[1]  1  7 13 19  2  8
[1] 4 3 2
     [,1] [,2] [,3]
[1,]    0    1    2
[2,]    1    2    3
     [,1] [,2] [,3]
[1,]   11   13   15
[2,]   22   24   26
          [,1]      [,2]      [,3]
[1,] 0.6666667 0.8571429 0.9090909
[2,] 1.3333333 1.1428571 1.0909091
""",
    ),
    (
        "lists-functions",
        """\
merged <- modifyList(list(a = 1, b = 2), list(b = 3, c = 4))
print(merged$b)
print(names(merged))
print(tabulate(c(2, 3, 3, 5), nbins = 3))
print(tabulate(c(2, 3, 3, 5)))
print(tabulate(c(2L, 3L, 3L), nbins = 4))
not_null <- Negate(is.null)
print(not_null(NULL))
print(not_null(3))
small <- Filter(Negate(function(v) v > 2), c(1, 5, 2, 7))
print(small)
""",
        """\
[1] 3
[1] "a" "b" "c"
[1] 0 1 2
[1] 0 1 2 0 1
[1] 0 1 2 0
[1] FALSE
[1] TRUE
[1] 1 2
""",
    ),
]


@pytest.mark.parametrize(("name", "r_code", "r_output"), BEHAVIOUR, ids=[b[0] for b in BEHAVIOUR])
def test_python_prints_what_r_printed(name: str, r_code: str, r_output: str):
    result = translate(r_code)
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    printed, _, _ = run(result.code)
    ok, reason = same_values(r_output, printed)
    assert ok, f"{reason}\n{result.code}\n{printed}"


def test_recorded_r_output_is_current():
    """The R outputs above are what R prints today (one Rscript run for all snippets)."""
    outputs = run_r_snippets([r_code for _, r_code, _ in BEHAVIOUR])
    for (name, _, recorded), fresh in zip(BEHAVIOUR, outputs, strict=True):
        fresh = "\n".join(line.rstrip() for line in fresh.split("\n"))
        assert fresh == recorded, name


def test_suppress_warnings_statement_silences_python_warnings():
    code = translate(
        'f <- function(x) {\n  warning("careful")\n  x * 2\n}\nsuppressWarnings(print(f(2)))\n'
    ).code
    printed, _, caught = run(code)
    assert printed == "4\n"
    assert not caught


def test_suppress_messages_does_not_print_the_message_value():
    """R's `suppressMessages(message("hi"))` prints nothing; the message itself still goes
    to stderr in Python (see the caveats)."""
    printed, errors, _ = run(translate('suppressMessages(message("hi"))\n').code)
    assert printed == ""
    assert errors == "hi\n"


def test_match_of_strings_misses_are_nan():
    """R prints `[1]  2 NA  1` (checked with Rscript); the translation gives NaN for NA."""
    code = translate('x <- match(c("b", "z", "a"), c("a", "b", "b"))\nprint(x)\n').code
    assert run(code)[0] == "[2, nan, 1]\n"


def test_bare_all_equal_is_a_bool_with_a_note():
    """R prints "Mean relative difference: 0.1" (checked with Rscript); Python prints
    False, and the translation says so."""
    result = translate("print(all.equal(1, 1.1))\n")
    assert [d.code for d in result.diagnostics] == ["RK201"]
    assert not result.has_errors
    assert run(result.code)[0] == "False\n"


def test_all_equal_judges_like_r_away_from_the_tolerance():
    """isTRUE(all.equal(x, y)) for differences well inside and well outside 1.5e-8."""
    cases = [("1", "1 + 1e-12", True), ("1", "1 + 1e-6", False), ("c(1, 2)", "c(1, 2)", True)]
    for left, right, expected in cases:
        code = translate(f"print(isTRUE(all.equal({left}, {right})))\n").code
        assert run(code)[0] == f"{expected}\n"


# ---- reports this ----------------------------------------------------------------------

REPORTED = [
    (M + "print(rownames(m))", "RK101"),
    (M + 'rownames(m) <- c("a", "b")', "RK101"),
    (M + "print(colnames(m))", "RK101"),
    (M + 'colnames(m) <- c("a", "b")', "RK101"),
    (M + "d <- dimnames(m)", "RK101"),
    ("f <- c(1, 2)\nprint(levels(f))", "RK101"),
    (A + 'y <- rank(a, ties.method = "random")', "RK103"),
    (A + "y <- rank(a, na.last = FALSE)", "RK103"),
    (S + "y <- rank(s)", "RK103"),
    ("y <- choose(c(5, 6), 2)", "RK103"),
    (S + 'y <- chartr("abc", "x", s)', "RK103"),
    (S + 'y <- grep("[[:digit:]]", s)', "RK103"),
    (S + 'y <- grep("a", s, fixed = TRUE, ignore.case = TRUE)', "RK103"),
    (M + A + "y <- sweep(m, 2, a, FUN = max)", "RK103"),
    (M + A + "y <- sweep(m, 3, a)", "RK103"),
    ("h <- list(a = 1)\ny <- modifyList(h, list(a = NULL))", "RK103"),
    ("h <- list(a = list(b = 1))\ny <- modifyList(h, list(a = list(c = 2)))", "RK103"),
    ("f <- function(v) append(v, 1)", "RK103"),
    (A + "y <- match(a, sample(3))", "RK103"),
    (A + "y <- match(a, c(1, 2), incomparables = 1)", "RK103"),
    (A + "y <- duplicated(runif(3))", "RK103"),
    (A + 'y <- as.vector(a, mode = "list")', "RK103"),
    (A + 'y <- is.vector(a, mode = "numeric")', "RK103"),
    ("x <- c(a = 1)\ny <- as.vector(x)", "RK103"),
    (S + "u <- TRUE\ny <- casefold(s, upper = u)", "RK103"),
    (A + 'y <- union(a, c("x"))', "RK103"),
    ("y <- pmax(c(1, 2), na = TRUE, 3)", "RK103"),
    # scale(): what numpy's column statistics cannot say, attributes it does not keep
    ("m <- matrix(1:6, 3)\ny <- scale(m, center = FALSE)", "RK102"),
    ("m <- matrix(1:6, 3)\ny <- scale(m, center = c(1, 2))", "RK102"),
    ("y <- sum(scale(matrix(runif(6), 3)))", "RK103"),
    ("m <- matrix(1:6, 3)\ns <- scale(m)\ns <- s * 2\ny <- attr(s, 'scaled:center')", "RK101"),
    ("m <- matrix(1:6, 3)\ny <- attr(m, 'scaled:center')", "RK101"),
    (
        "`%r%` <- function(a, b) runif(1)\nm <- matrix(1:6, 3)\ny <- sum(scale(m[, 1 %r% 2]))",
        "RK103",
    ),
    ("f <- function(x) {\n  s <- scale(x)\n  s\n}", "RK201"),
    # translated, with a note
    (A + "b <- c(3, 1)\ny <- all.equal(a, b)", "RK201"),
    ("f <- function(v) is.integer(v)", "RK201"),
    ("y <- choose(5.5, 2)", "RK201"),
]


@pytest.mark.parametrize(("r_code", "code"), REPORTED, ids=lambda value: value[-40:])
def test_reported(r_code: str, code: str):
    result = translate(r_code + "\n")
    assert code in [d.code for d in result.diagnostics], result.code
    if code != "RK201":  # errors leave a marker that raises where R's statement was
        assert "raise NotImplementedError" in result.code


def test_scale_keeps_its_attributes_in_variables_beside_the_result():
    r_code = """\
library(keras3)
library(magrittr)
train <- matrix(runif(6), 3)
test <- matrix(runif(6), 3)
train %<>% scale()
f <- function(m) {
  m <- scale(m, center = attr(train, "scaled:center"), scale = attr(train, "scaled:scale"))
  attr(m, "scaled:scale")
}
scaled <- f(test)
"""
    result = translate(r_code)
    assert not result.diagnostics, [d.format() for d in result.diagnostics]
    assert (
        "train_center = np.nanmean(train, axis=0)\n"
        "train_scale = np.nanstd(train, axis=0, ddof=1)\n"
        "train = (train - train_center) / train_scale\n"
    ) in result.code
    assert (
        "    m_center = train_center\n"
        "    m_scale = train_scale\n"
        "    m = (m - m_center) / m_scale\n"
        "    return m_scale\n"
    ) in result.code


def test_scale_reads_an_expression_once_and_names_do_not_clash():
    code = translate("m_center <- 1\nm <- scale(matrix(runif(6), 3))\n").code
    assert 'm = np.reshape(rng.uniform(0.0, 1.0, size=6), (3, -1), order="F")\n' in code
    assert "m_center2 = np.nanmean(m, axis=0)\n" in code
    assert "m = (m - m_center2) / m_scale\n" in code


def test_dimnames_are_registered_as_removed():
    for name in ("rownames", "colnames", "dimnames", "rownames<-", "colnames<-", "dimnames<-"):
        entry = registry().lookup(name)
        assert entry is not None and entry.status == "removed", name
        assert "dimnames" in entry.note


# ---- leaves this alone -----------------------------------------------------------------


def test_a_function_of_the_r_code_shadows_base_r():
    result = translate("union <- function(a, b) a\ny <- union(1, 2)\n")
    assert not result.diagnostics
    assert result.code.rstrip().endswith("y = union(1, 2)")


def test_is_true_of_all_equal_has_no_note():
    assert not translate("ok <- isTRUE(all.equal(1, 1))\n").diagnostics


def test_predicate_of_a_call_with_side_effects_is_checked_at_run_time():
    """The argument is still evaluated (here: a random draw), not folded away."""
    assert (
        tail("y <- is.list(sample(3))\n")
        == "y = isinstance(rng.permutation(np.arange(1, 4)), (list, dict))"
    )


def test_cummax_as_a_function_value_is_the_numpy_ufunc():
    assert "np.maximum.accumulate" in tail("l <- list(c(1, 3, 2))\ny <- lapply(l, cummax)\n")
