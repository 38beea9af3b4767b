"""Giving each comment to the statement it belongs to, so later stages can write it again."""

from __future__ import annotations

from bisect import bisect_right

from . import nodes as n


def attach_comments(module: n.Module, comments: list[n.Comment], blocks: list[n.Block]) -> None:
    """Give each comment to the statement it belongs to.

    A comment on the line where a statement ends, after it, trails that statement; any other
    comment goes before the next statement of the innermost `{}` (or file) around it, or
    after its last statement when none follows.
    """
    containers: list[n.Module | n.Block] = [module, *blocks]
    containers.sort(key=lambda c: (c.line, c.column, -c.end_line, -c.end_column))
    ends: dict[int, list[n.Node]] = {}
    for container in containers:
        for statement in container.body:
            ends.setdefault(statement.end_line, []).append(statement)
    starts: dict[int, list[tuple[int, int]]] = {}
    open_stack: list[n.Node] = []
    index = 0
    for comment in comments:
        where = (comment.line, comment.column)
        while (
            index < len(containers) and (containers[index].line, containers[index].column) <= where
        ):
            open_stack.append(containers[index])
            index += 1
        while open_stack and (open_stack[-1].end_line, open_stack[-1].end_column) <= where:
            open_stack.pop()
        _attach(open_stack[-1] if open_stack else module, comment, ends, starts)


def _attach(container, comment: n.Comment, ends, starts) -> None:
    before = [s for s in ends.get(comment.line, ()) if s.end_column <= comment.column]
    if before:
        last = max(before, key=lambda s: s.end_column)
        if last.trailing_comment is None:
            last.trailing_comment = comment
            return
    if id(container) not in starts:
        starts[id(container)] = [(s.line, s.column) for s in container.body]
    position = bisect_right(starts[id(container)], (comment.line, comment.column))
    if position and _contains(container.body[position - 1], comment):
        _comment_on(container.body[position - 1], comment)
    elif position < len(container.body):
        _comment_on(container.body[position], comment)
    else:
        container.trailing_comments.append(comment)


def _comment_on(statement: n.Node, comment: n.Comment) -> None:
    if not statement.comments:  # the shared empty tuple every node starts with
        statement.comments = []
    statement.comments.append(comment)


def _contains(node: n.Node, comment: n.Comment) -> bool:
    return (node.end_line, node.end_column) > (comment.line, comment.column)
