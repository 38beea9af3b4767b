"""Blank lines as `ruff format` wants them: two around top-level definitions, one around
nested ones, never more than R had elsewhere."""

from __future__ import annotations

import libcst as cst

from . import pyast as py

# By exact type (libcst's node classes are final): isinstance on libcst's abstract base
# classes goes through ABCMeta, for every statement of the file.
_DEFINITIONS = frozenset({cst.FunctionDef, cst.ClassDef})
_COMPOUNDS = frozenset({cst.If, cst.For, cst.While, cst.With, cst.Try})


def _blank_lines(statement: cst.BaseStatement) -> int:
    count = 0
    for line in statement.leading_lines:
        if line.comment is not None:
            break
        count += 1
    return count


def _with_blank_lines(statement: cst.BaseStatement, count: int) -> cst.BaseStatement:
    lines = statement.leading_lines
    blank = 0
    while blank < len(lines) and lines[blank].comment is None:
        blank += 1
    if not count and not blank:
        return statement  # most statements: no blank line wanted, none there to drop
    return py.changed(statement, leading_lines=[py.BLANK_LINE] * count + list(lines[blank:]))


def space_statements(body: list[cst.BaseStatement], *, top_level: bool) -> list[cst.BaseStatement]:
    around = 2 if top_level else 1
    result: list[cst.BaseStatement] = []
    for position, statement in enumerate(body):
        wanted = min(_blank_lines(statement), around if top_level else 1)
        if position:
            previous = body[position - 1]
            if type(statement) in _DEFINITIONS or type(previous) in _DEFINITIONS:
                wanted = around
        else:
            wanted = 0
        statement = _with_blank_lines(statement, wanted)
        result.append(_space_inside(statement))
    return result


def _space_inside(statement: cst.BaseStatement) -> cst.BaseStatement:
    kind = type(statement)
    if kind in _DEFINITIONS and type(statement.body) is cst.IndentedBlock:
        inner = space_statements(list(statement.body.body), top_level=False)
        return _with_body(statement, inner)
    if kind in _COMPOUNDS:
        if type(statement.body) is cst.IndentedBlock:
            inner = space_statements(list(statement.body.body), top_level=False)
            statement = _with_body(statement, inner)
    return statement


def _with_body(
    statement: cst.BaseCompoundStatement, inner: list[cst.BaseStatement]
) -> cst.BaseCompoundStatement:
    """`statement` with `inner` as its block's statements; itself when they are the same
    ones (rebuilding a compound statement rebuilds, and validates, its whole header)."""
    body = statement.body
    if len(inner) == len(body.body) and all(a is b for a, b in zip(inner, body.body)):
        return statement
    return statement.with_changes(body=body.with_changes(body=inner))
