"""keras3's formals and coercions (`signatures.tsv`), and entries derived from keras 2.x's.

Most keras3 wrappers call the same Python as their keras 2.x namesakes, with other formals
(keras3 follows Keras 3's signatures, taking the common layer arguments through `...`) and
other coercions (every axis is 1-based). `inherit()` shares keras 2.x's entry — its target,
kinds and emitters — and takes the formals and coercions from keras3's own sources, so
positional arguments match as keras3 matches them and axes shift as keras3 shifts them.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

import libcst as cst

from ....grammar import nodes as n
from ...kinds import Kind
from .. import Entry
from ..convert import as_int, axis, elements, int_tuple, py_value, shape
from ..keras.compose import STANDARD
from ..keras.table import TABLE as KERAS2
from .table import TABLE

_NUMBERS = frozenset(
    {Kind.INT, Kind.FLOAT, Kind.NUM_VECTOR, Kind.INT_VECTOR, Kind.RANGE, Kind.ARRAY}
)


def as_integer(emitter, node: n.Node) -> cst.BaseExpression:
    """keras3's `as_integer()`: numbers become ints; anything else (a string such as
    `output_mode = "int"`, a layer, a tensor, a value of unknown kind) is sent as it is."""
    values = elements(node)
    literal = values is not None and all(
        isinstance(v, n.Num) or (isinstance(v, n.Unary) and isinstance(v.operand, n.Num))
        for v in values
    )
    if literal or emitter.kind(node) in _NUMBERS:
        return as_int(emitter, node)
    return py_value(emitter, node)


# keras3's coercion helpers, as the converters that do the same statically.
COERCIONS = {
    "as_integer": as_integer,
    "as.integer": as_int,
    "as_nullable_integer": as_int,
    "normalize_shape": shape,
    "as_axis": axis,
    "as_integer_tuple": int_tuple,
}


@dataclasses.dataclass(frozen=True)
class Signature:
    formals: tuple[str, ...]
    coercions: dict[str, str]

    @property
    def params(self) -> str:
        """The formals to bind a call with: a layer wrapper with `...` (its `capture_args()`
        coerces `input_shape`) also takes the common layer arguments, by exact name."""
        names = list(self.formals)
        if "..." in names and "input_shape" in self.coercions:
            names += [arg for arg in STANDARD.split() if arg not in names]
        return " ".join(names)

    def converters(self) -> dict:
        return {
            param: COERCIONS[function]
            for param, function in self.coercions.items()
            if function in COERCIONS
        }


@cache
def signatures() -> dict[str, Signature]:
    """Every keras3 export defined in its R sources, by name."""
    table: dict[str, Signature] = {}
    path = Path(__file__).with_name("signatures.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, formals, coercions = (line.split("\t") + ["", ""])[:3]
        pairs = (item.split(":", 1) for item in coercions.split())
        table[name] = Signature(tuple(formals.split()), dict(pairs))
    return table


def signature(name: str) -> Signature:
    return signatures()[name]


def inherit(name: str, base: str | None = None, **changes) -> Entry:
    """keras3's `name`: keras 2.x's entry for `base` (default: the same name) with keras3's
    formals and coercions, and `changes` (Entry fields) where keras3 differs further."""
    source = KERAS2.entries[base or name]
    own = signature(name)
    convert = {param: c for param, c in source.convert.items() if param in own.params.split()}
    convert.update(own.converters())
    fields = {"package": "keras3", "name": name, "convert": convert}
    fields["params"] = tuple(own.params.split())
    fields.update(changes)
    entry = dataclasses.replace(source, **fields)
    TABLE.entries[name] = entry
    return entry


def add(name: str, target: str | None = None, **options) -> Entry:
    """A keras3 entry of its own, bound with keras3's formals and coercions."""
    own = signature(name)
    convert = {**own.converters(), **options.pop("convert", {})}
    return TABLE.add(name, target, options.pop("params", own.params), convert=convert, **options)
