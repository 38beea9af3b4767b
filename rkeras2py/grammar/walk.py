"""Iterative traversal of the syntax tree: children, pre-order walks, equality, dumps.

Nothing here recurses on the tree's depth: R code routinely nests deeper than Python's
recursion limit (a long `%>%` chain is a left-leaning tree thousands of levels deep).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from functools import cache

from . import nodes as n
from .nodes import Node

_NOT_DATA = frozenset(
    {"line", "column", "end_line", "end_column", "comments", "trailing_comment"}
    | {"trailing_comments", "filename"}
)


@cache
def data_fields(cls: type[Node]) -> tuple[str, ...]:
    """The fields of a node class that are plain values (not children, not positions)."""
    return tuple(
        f.name for f in fields(cls) if f.name not in _NOT_DATA and f.name not in cls.child_fields
    )


def child_nodes(node: Node) -> list[Node]:
    """The direct children of `node`, in source order (a list: building one costs less than
    resuming a generator once per child, and every caller walks them all)."""
    children: list[Node] = []
    for name in node.child_fields:
        value = getattr(node, name)
        if isinstance(value, list):
            children.extend(value)
        elif value is not None:
            children.append(value)
    return children


def walk(node: Node) -> Iterator[Node]:
    """Every node under `node` (itself first), in pre-order.

    The children are pushed last first straight from their fields, without building the
    list `child_nodes` returns: walks of whole files are frequent enough for it to count.
    """
    stack = [node]
    pop, push, extend = stack.pop, stack.append, stack.extend
    while stack:
        current = pop()
        yield current
        for name in reversed(current.child_fields):
            value = getattr(current, name)
            if isinstance(value, list):
                extend(reversed(value))
            elif value is not None:
                push(value)


def right_edge(node: Node) -> Iterator[Node]:
    """`node` and what ends it when written without parentheses: the right operand of an
    operator, the body of `function`/loops, the last branch of `if`, a prefix's operand.

    An operator written right after `node` would meet these first, innermost last.
    """
    while node is not None:
        yield node
        if isinstance(node, n.Binary):
            node = node.right
        elif isinstance(node, n.Assign):
            node = node.target if node.op in ("->", "->>") else node.value
        elif isinstance(node, n.Formula):
            node = node.rhs
        elif isinstance(node, n.Unary):
            node = node.operand
        elif isinstance(node, (n.Function, n.For, n.While, n.Repeat)):
            node = node.body
        elif isinstance(node, n.If):
            node = node.orelse or node.then
        else:
            return


def nodes_equal(left: Node, right: Node) -> bool:
    """Structural equality, ignoring positions and comments."""
    stack = [(left, right)]
    while stack:
        a, b = stack.pop()
        if type(a) is not type(b):
            return False
        if any(getattr(a, f) != getattr(b, f) for f in data_fields(type(a))):
            return False
        kids_a, kids_b = child_nodes(a), child_nodes(b)
        if len(kids_a) != len(kids_b):
            return False
        for name in a.child_fields:  # an absent optional child must be absent on both sides
            if (getattr(a, name) is None) != (getattr(b, name) is None):
                return False
        stack.extend(zip(kids_a, kids_b, strict=True))
    return True


def dump(node: Node, *, positions: bool = True) -> str:
    """An indented, one-node-per-line view of the tree (what `--dump-ast` prints)."""
    lines: list[str] = []
    stack: list[tuple[str, Node | list | None, int]] = [("", node, 0)]
    while stack:
        label, item, depth = stack.pop()
        pad = "  " * depth
        if item is None:
            lines.append(f"{pad}{label}None")
            continue
        if isinstance(item, list):
            lines.append(f"{pad}{label}[{'' if item else ']'}")
            if item:
                stack.append(("]", _CLOSE, depth))
                stack.extend(("", child, depth + 1) for child in reversed(item))
            continue
        if item is _CLOSE:
            lines.append(f"{pad}]")
            continue
        values = ", ".join(f"{f}={getattr(item, f)!r}" for f in data_fields(type(item)))
        where = (
            f" @{item.line}:{item.column}-{item.end_line}:{item.end_column}" if positions else ""
        )
        lines.append(f"{pad}{label}{type(item).__name__}({values}){where}")
        for name in reversed(item.child_fields):
            stack.append((f"{name}: ", getattr(item, name), depth + 1))
    return "\n".join(lines)


_CLOSE = object()
