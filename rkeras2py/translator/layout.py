"""Blank lines as `ruff format` wants them: two around top-level definitions, one around
nested ones, never more than R had elsewhere."""

from __future__ import annotations

import libcst as cst

_DEFINITIONS = (cst.FunctionDef, cst.ClassDef)


def _blank_lines(statement: cst.BaseStatement) -> int:
    count = 0
    for line in statement.leading_lines:
        if line.comment is not None:
            break
        count += 1
    return count


def _with_blank_lines(statement: cst.BaseStatement, count: int) -> cst.BaseStatement:
    lines = list(statement.leading_lines)
    while lines and lines[0].comment is None:
        lines.pop(0)
    return statement.with_changes(leading_lines=[cst.EmptyLine(indent=False)] * count + lines)


def space_statements(body: list[cst.BaseStatement], *, top_level: bool) -> list[cst.BaseStatement]:
    around = 2 if top_level else 1
    result: list[cst.BaseStatement] = []
    for position, statement in enumerate(body):
        wanted = min(_blank_lines(statement), around if top_level else 1)
        if position:
            previous = body[position - 1]
            if isinstance(statement, _DEFINITIONS) or isinstance(previous, _DEFINITIONS):
                wanted = around
        else:
            wanted = 0
        statement = _with_blank_lines(statement, wanted)
        result.append(_space_inside(statement))
    return result


def _space_inside(statement: cst.BaseStatement) -> cst.BaseStatement:
    if isinstance(statement, (cst.FunctionDef, cst.ClassDef)) and isinstance(
        statement.body, cst.IndentedBlock
    ):
        inner = space_statements(list(statement.body.body), top_level=False)
        return statement.with_changes(body=statement.body.with_changes(body=inner))
    if isinstance(statement, (cst.If, cst.For, cst.While, cst.With, cst.Try)):
        body = statement.body
        if isinstance(body, cst.IndentedBlock):
            statement = statement.with_changes(
                body=body.with_changes(body=space_statements(list(body.body), top_level=False))
            )
    return statement
