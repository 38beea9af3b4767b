"""The typed R syntax tree.

Every node records where it came from (`line`, `column`, both 1-based, and `end_line`,
`end_column`, the column just past its last character) so that diagnostics can point at
the R source. Statements (the direct children of `Module.body` and `Block.body`) also carry
the comments that stood before them and on their last line, so later stages can write
them out again.

Nodes compare with `==` structurally, ignoring positions and comments, and without
recursion (see `walk.nodes_equal`), so a 2,000-stage pipe chain is as comparable as `x`.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field, fields
from typing import ClassVar


@dataclass(slots=True)
class Comment:
    """A `#` comment: its text without the `#`, and where it stood."""

    text: str
    line: int
    column: int


@dataclass(eq=False, repr=False, slots=True)
class Node:
    """Base class: source span and attached comments."""

    child_fields: ClassVar[tuple[str, ...]] = ()
    line: int = field(default=0, kw_only=True)
    column: int = field(default=0, kw_only=True)
    end_line: int = field(default=0, kw_only=True)
    end_column: int = field(default=0, kw_only=True)
    # Most nodes have no comments: a shared empty tuple until one is attached (a new list
    # per node made building the tree a tenth slower).
    comments: list[Comment] | tuple[()] = field(default=(), kw_only=True, repr=False)
    trailing_comment: Comment | None = field(default=None, kw_only=True, repr=False)

    def __eq__(self, other: object) -> bool:
        from .walk import nodes_equal

        return isinstance(other, Node) and nodes_equal(self, other)

    __hash__ = object.__hash__

    def __repr__(self) -> str:
        # The dataclass repr, written once here: generating one per node class is a third
        # of what importing this module costs, on every start of the translator.
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _repr_fields(type(self)))
        return f"{type(self).__qualname__}({shown})"


@functools.cache
def _repr_fields(cls: type[Node]) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls) if f.repr)


@dataclass(eq=False, repr=False, slots=True)
class Module(Node):
    """A whole file: its statements, and the comments after the last one."""

    child_fields: ClassVar[tuple[str, ...]] = ("body",)
    body: list[Node]
    trailing_comments: list[Comment] = field(default_factory=list, repr=False)
    filename: str = field(default="<string>", repr=False)


@dataclass(eq=False, repr=False, slots=True)
class Block(Node):
    """`{ ... }`: a sequence of statements whose value is the last one."""

    child_fields: ClassVar[tuple[str, ...]] = ("body",)
    body: list[Node]
    trailing_comments: list[Comment] = field(default_factory=list, repr=False)


@dataclass(eq=False, repr=False, slots=True)
class Paren(Node):
    """`( expr )`: R keeps parentheses in its syntax tree, and so do we."""

    child_fields: ClassVar[tuple[str, ...]] = ("expr",)
    expr: Node


@dataclass(eq=False, repr=False, slots=True)
class Num(Node):
    """A numeric literal, kept as written (`1L`, `0x10L`, `1e-3`, `.5`, `2i`)."""

    text: str

    @property
    def is_integer(self) -> bool:
        """True for an `L` literal R keeps as integer (`1L`, `1e3L`; not `1.5L`)."""
        return self.text.endswith("L") and float(self.value).is_integer()

    @property
    def is_complex(self) -> bool:
        return self.text.endswith("i")

    @property
    def value(self) -> int | float | complex:
        """The number R reads from the literal."""
        return _read_number(self.text)


@functools.lru_cache(maxsize=1024)
def _read_number(text: str) -> int | float | complex:
    """The number R reads from the literal `text` (remembered: the translator asks for a
    literal's value several times, and reading it is most of what asking costs)."""
    body = text.rstrip("Li")
    if body[:2] in ("0x", "0X"):
        number = _hex_value(body[2:])
    else:
        number = float(body)
    if text.endswith("i"):
        return complex(0, number)
    if text.endswith("L") and number.is_integer() and abs(number) < 2**31:
        return int(number)
    return number


def _hex_value(digits: str) -> float:
    mantissa, _, exponent = digits.lower().partition("p")
    whole, _, fraction = mantissa.partition(".")
    number = float(int(whole, 16)) if whole else 0.0
    for position, digit in enumerate(fraction, start=1):
        number += int(digit, 16) / 16**position
    return math.ldexp(number, int(exponent)) if exponent else number


@dataclass(eq=False, repr=False, slots=True)
class Str(Node):
    """A string literal, decoded (`raw` records that it was written `r"(...)"`)."""

    value: str
    raw: bool = False


@dataclass(eq=False, repr=False, slots=True)
class Const(Node):
    """`TRUE FALSE NULL NA NA_integer_ NA_real_ NA_character_ NA_complex_ Inf NaN`.

    `T` and `F` are ordinary names in R (they can be reassigned), so they are `Name`s.
    """

    name: str


@dataclass(eq=False, repr=False, slots=True)
class Name(Node):
    """A symbol; `quoted` when it was written in backticks."""

    id: str
    quoted: bool = False


@dataclass(eq=False, repr=False, slots=True)
class Placeholder(Node):
    """The `_` placeholder of the native pipe `|>`."""


@dataclass(eq=False, repr=False, slots=True)
class Unary(Node):
    """`-x`, `+x`, `!x`, `?x`."""

    child_fields: ClassVar[tuple[str, ...]] = ("operand",)
    op: str
    operand: Node


@dataclass(eq=False, repr=False, slots=True)
class Binary(Node):
    """Arithmetic, comparison, logic, `:`, `%any%` specials, `|>` and binary `?`.

    `op` is the operator as R names it: `**` is recorded as `^`.
    """

    child_fields: ClassVar[tuple[str, ...]] = ("left", "right")
    op: str
    left: Node
    right: Node


@dataclass(eq=False, repr=False, slots=True)
class Formula(Node):
    """`lhs ~ rhs`, or one-sided `~ rhs` (then `lhs` is None)."""

    child_fields: ClassVar[tuple[str, ...]] = ("lhs", "rhs")
    lhs: Node | None
    rhs: Node


@dataclass(eq=False, repr=False, slots=True)
class Assign(Node):
    """`target <- value`, also `<<-`, `=`, `:=`, and `value -> target` / `->>`.

    `target` is always what is assigned to, whichever way the arrow points; `op` keeps the
    operator as written.
    """

    child_fields: ClassVar[tuple[str, ...]] = ("target", "value")
    op: str
    target: Node
    value: Node

    @property
    def is_superassign(self) -> bool:
        return self.op in ("<<-", "->>")


@dataclass(eq=False, repr=False, slots=True)
class Arg(Node):
    """One argument of a call or index: `value`, `name = value`, or empty (`x[, 1]`).

    `name_quote` is `"`, `'` or `` ` `` when the name was quoted, and `NULL` for `NULL =`.
    """

    child_fields: ClassVar[tuple[str, ...]] = ("value",)
    value: Node | None
    name: str | None = None
    name_quote: str | None = None


@dataclass(eq=False, repr=False, slots=True)
class Call(Node):
    """`func(args)`."""

    child_fields: ClassVar[tuple[str, ...]] = ("func", "args")
    func: Node
    args: list[Arg]


@dataclass(eq=False, repr=False, slots=True)
class Index(Node):
    """`obj[args]`, or `obj[[args]]` when `double`."""

    child_fields: ClassVar[tuple[str, ...]] = ("obj", "args")
    obj: Node
    args: list[Arg]
    double: bool = False


@dataclass(eq=False, repr=False, slots=True)
class Extract(Node):
    """`obj$name` or `obj@name`; `quote` is the quote the name was written in, if any."""

    child_fields: ClassVar[tuple[str, ...]] = ("obj",)
    obj: Node
    op: str
    name: str
    quote: str | None = None


@dataclass(eq=False, repr=False, slots=True)
class Namespace(Node):
    """`package::name`, or `package:::name` when `internal`.

    `package_quote` / `name_quote` record a part written as a string (`"pkg"::f`).
    """

    package: str
    name: str
    internal: bool = False
    package_quote: str | None = None
    name_quote: str | None = None


@dataclass(eq=False, repr=False, slots=True)
class Param(Node):
    """A formal argument of a function, with its default if it has one."""

    child_fields: ClassVar[tuple[str, ...]] = ("default",)
    name: str
    default: Node | None = None


@dataclass(eq=False, repr=False, slots=True)
class Function(Node):
    """`function(params) body`, or `\\(params) body` when `lambda_syntax`."""

    child_fields: ClassVar[tuple[str, ...]] = ("params", "body")
    params: list[Param]
    body: Node
    lambda_syntax: bool = False


@dataclass(eq=False, repr=False, slots=True)
class If(Node):
    child_fields: ClassVar[tuple[str, ...]] = ("cond", "then", "orelse")
    cond: Node
    then: Node
    orelse: Node | None = None


@dataclass(eq=False, repr=False, slots=True)
class For(Node):
    child_fields: ClassVar[tuple[str, ...]] = ("var", "iterable", "body")
    var: Name
    iterable: Node
    body: Node


@dataclass(eq=False, repr=False, slots=True)
class While(Node):
    child_fields: ClassVar[tuple[str, ...]] = ("cond", "body")
    cond: Node
    body: Node


@dataclass(eq=False, repr=False, slots=True)
class Repeat(Node):
    child_fields: ClassVar[tuple[str, ...]] = ("body",)
    body: Node


@dataclass(eq=False, repr=False, slots=True)
class Break(Node):
    pass


@dataclass(eq=False, repr=False, slots=True)
class Next(Node):
    pass
