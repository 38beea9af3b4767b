"""Vectors a `for` loop grows one element per step: `v[i] <- x`, where `v` starts empty and
`i` counts 1, 2, 3, ...

R extends a vector assigned past its end; Python's `v[i - 1] = x` stops with an IndexError.
When the positions are provably the next one at each step, the assignment appends
(`v.append(x)`, or `np.append` for a numpy vector). Anything else (another write to `v` or
`i` in the loop, a `next` that could skip a position, a `v` not known to be empty when the
loop starts) keeps the indexed assignment; a write by position to a vector empty when the
loop starts is then warned about (RK201) where it is emitted.

CAVEAT: the value appended is taken to be one element, as R's `v[i] <- x` needs (given
more, R keeps the first and warns; `np.append` would add them all).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..grammar import nodes as n
from ..grammar.walk import walk
from .analysis import target_name

# R's makers of a vector, called with no length (or length 0): an empty vector.
_EMPTY_MAKERS = frozenset({"numeric", "double", "integer", "logical", "character"})


def loop_growth(
    statements: Sequence[n.Node], position: int, loop: n.For
) -> tuple[list[n.Assign], list[n.Assign]]:
    """The assignments in `loop` (`statements[position]` of its block) that grow an empty
    vector by the loop's position (to append), and the other positional assignments to a
    vector empty when the loop starts (which Python refuses past its end)."""
    written: dict[str, list[n.Assign]] = {}
    for node in walk(loop.body):
        if isinstance(node, n.Assign) and _by_position(node.target):
            written.setdefault(node.target.obj.id, []).append(node)
    empty = [name for name in written if _starts_empty(statements, position, name)]
    if not empty:
        return [], []
    appended = [statement for statement in _appended(loop) if statement.target.obj.id in empty]
    unproven = [
        statement
        for name in empty
        for statement in written[name]
        if not any(statement is other for other in appended)
    ]
    return appended, unproven


def _by_position(target: n.Node) -> bool:
    """`v[i]` or `v[[i]]` of a variable `v`, the index not a name in quotes."""
    return (
        isinstance(target, n.Index)
        and isinstance(target.obj, n.Name)
        and len(target.args) == 1
        and target.args[0].name is None
        and not isinstance(target.args[0].value, n.Str)
    )


def _appended(loop: n.For) -> list[n.Assign]:
    """The assignments that put one element at the loop's position at every step."""
    if not _counts_from_one(loop.iterable):
        return []
    position = loop.var.id
    body = loop.body.body if isinstance(loop.body, n.Block) else [loop.body]
    candidates: dict[str, n.Assign | None] = {}
    for statement in body:
        name = _grown_name(statement, position)
        if name is not None:  # twice in one step: not one element per step
            candidates[name] = None if name in candidates else statement
    if not candidates:
        return []
    for node in walk(loop.body):
        if isinstance(node, n.Next):
            return []  # a skipped step would leave R a gap (NA) where Python appends nothing
        if isinstance(node, n.Assign):
            name = target_name(node.target)
            if name == position:
                return []
            if name in candidates and candidates[name] is not node:
                candidates[name] = None
    return [statement for statement in candidates.values() if statement is not None]


def _counts_from_one(iterable: n.Node) -> bool:
    """`1:n`, `seq_len(n)` or `seq_along(x)`: positions 1, 2, 3, ..."""
    if isinstance(iterable, n.Binary) and iterable.op == ":":
        left = iterable.left
        return isinstance(left, n.Num) and left.value == 1
    if isinstance(iterable, n.Call) and isinstance(iterable.func, n.Name):
        return iterable.func.id in ("seq_len", "seq_along") and len(iterable.args) == 1
    return False


def _grown_name(statement: n.Node, position: str) -> str | None:
    """`v` when `statement` is `v[position] <- x` (or `[[`), x not NULL (which deletes)."""
    if not isinstance(statement, n.Assign) or statement.is_superassign:
        return None
    target = statement.target
    if not (
        isinstance(target, n.Index)
        and isinstance(target.obj, n.Name)
        and len(target.args) == 1
        and target.args[0].name is None
        and isinstance(target.args[0].value, n.Name)
        and target.args[0].value.id == position
    ):
        return None
    value = statement.value
    if isinstance(value, n.Const) and value.name == "NULL":
        return None
    return target.obj.id


def _starts_empty(statements: Sequence[n.Node], position: int, name: str) -> bool:
    """Whether the last statement before `statements[position]` that mentions `name` is
    `name <- <empty>`."""
    for statement in reversed(statements[:position]):
        if any(isinstance(node, n.Name) and node.id == name for node in walk(statement)):
            return (
                isinstance(statement, n.Assign)
                and not statement.is_superassign
                and isinstance(statement.target, n.Name)
                and statement.target.id == name
                and _is_empty(statement.value)
            )
    return False


def _is_empty(value: n.Node) -> bool:
    if not (isinstance(value, n.Call) and isinstance(value.func, n.Name)):
        return False
    maker, args = value.func.id, value.args
    if maker in ("c", "list"):
        return not args
    if maker not in _EMPTY_MAKERS:
        return False
    if not args:
        return True
    (arg,) = args if len(args) == 1 else (None,)
    return (
        arg is not None
        and arg.name in (None, "length")
        and isinstance(arg.value, n.Num)
        and arg.value.value == 0
    )
