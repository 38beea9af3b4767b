"""Comparing what R printed with what the translated Python printed: values, not formatting.

R's `[1]` and `[,1]` prefixes, `$name` headers, brackets, commas and quotes are layout;
what remains are tokens. Numbers compare within a small relative tolerance (`5` and `5.0`
and `5e+00` are equal), and R's `TRUE`/`NULL`/`NA` equal Python's `True`/`None`/`nan`.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

_INDEX_LABELS = re.compile(r"\[\[?\d*,?\d*\]\]?")
_NUMPY_SCALARS = re.compile(r"np\.(?:float|int|bool|str)_?\d*\((.*?)\)")
_SPLIT = re.compile(r"[\s()\[\]{},:'\"=$]+")
_WORDS = {
    "true": "TRUE",
    "false": "FALSE",
    "null": "NULL",
    "none": "NULL",
    "na": "NaN",
    "nan": "NaN",
    "inf": "Inf",
    "-inf": "-Inf",
}


def tokens(text: str, *, r_labels: bool = True) -> list[str]:
    """Value tokens; `r_labels` strips R's `[1]`/`[,1]` labels (R's output only: Python's
    `[107]` is a one-element list, not a label)."""
    text = _NUMPY_SCALARS.sub(r"\1", text)
    if r_labels:
        text = _INDEX_LABELS.sub(" ", text)
    return [_WORDS.get(token.lower(), token) for token in _SPLIT.split(text) if token]


def r_tokens(text: str) -> list[str]:
    """Tokens of R's output, with a named vector's rows of names and of values paired up
    (R prints `a b` over `1 2`; a dict prints `a: 1, b: 2`)."""
    lines = [tokens(line) for line in text.splitlines()]
    out: list[str] = []
    position = 0
    while position < len(lines):
        names = lines[position]
        values = lines[position + 1] if position + 1 < len(lines) else []
        if (
            names
            and len(names) == len(values)
            and all(_number(t) is None for t in names)
            and all(_number(t) is not None or t in ("TRUE", "FALSE", "NaN") for t in values)
        ):
            for name, value in zip(names, values):
                out += [name, value]
            position += 2
        else:
            out += names
            position += 1
    return out


def _number(token: str) -> float | None:
    try:
        return float(token)
    except ValueError:
        return None


def _matches(left: list[str], right: list[str], rel: float) -> bool:
    if len(left) != len(right):
        return False
    for a, b in zip(left, right):
        if a == b:
            continue
        x, y = _number(a), _number(b)
        if x is None or y is None or not math.isclose(x, y, rel_tol=rel, abs_tol=1e-9):
            return False
    return True


def same_values(expected: str, actual: str, rel: float = 1e-6) -> tuple[bool, str]:
    """Whether two outputs hold the same values; the reason when they do not."""
    left, right = tokens(expected), tokens(actual, r_labels=False)
    if left != right and r_tokens(expected) != left:
        paired = r_tokens(expected)
        if _matches(paired, right, rel):
            return True, ""
    for position, (a, b) in enumerate(zip(left, right, strict=False)):
        if a == b:
            continue
        x, y = _number(a), _number(b)
        if x is not None and y is not None and math.isclose(x, y, rel_tol=rel, abs_tol=1e-9):
            continue
        return False, f"token {position}: R printed {a!r}, Python printed {b!r}"
    if len(left) != len(right):
        return False, f"R printed {len(left)} values, Python printed {len(right)}"
    return True, ""


def program_key(path: Path) -> str:
    """A fixture program's name in reports: its folder and file (pairs share a file name)."""
    return f"{path.parent.name}/{path.name}"
