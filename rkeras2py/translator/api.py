"""Which R keras API a file is written against: keras 2.x (`library(keras)`) or `keras3`.

The two packages share most names but not their meaning (`layer_concatenate(axis = 2)` is
Python's axis 2 in keras 2.x and axis 1 in keras3), so the choice is made once per file:
`library(keras3)` or `keras3::` selects keras3 and `library(keras)` or `keras::` keras 2.x;
a file that names neither uses keras3 when it calls a function only keras3 has
(`op_add()`, `keras_input()`), keras 2.x otherwise.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache
from pathlib import Path

from ..grammar import nodes as n
from .analysis import Analysis

KERAS2 = "keras"
KERAS3 = "keras3"
APIS = (KERAS2, KERAS3)


def keras_api(analysis: Analysis, keras3_only: Collection[str]) -> tuple[str, n.Node | None]:
    """The API of the file, and the place that names the other one when it mixes both."""
    named = sorted(
        ((package, node) for package, node in analysis.package_uses if package in APIS),
        key=lambda use: (use[1].line, use[1].column),
    )
    if named:
        first = named[0][0]
        clash = next((node for package, node in named if package != first), None)
        return first, clash
    if any(name in keras3_only for name in analysis.called):
        return KERAS3, None
    return KERAS2, None


@cache
def keras3_exports() -> frozenset[str]:
    """The functions keras3 exports (the first column of its signature table), read without
    building the keras3 registry, which a keras 2.x file never needs."""
    path = Path(__file__).parent / "registry" / "keras3" / "signatures.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("\t", 1)[0] for line in lines if not line.startswith("#"))
