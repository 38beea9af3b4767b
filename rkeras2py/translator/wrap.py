"""Splitting lines longer than 88 characters the way `ruff format` (black's style) does.

The emitters write every statement on one line. A line that is too long is split at a
bracket pair: the last one whose opening part still fits (black's right-hand split). Its
contents go on their own indented line if they fit there, else one element per line with a
trailing comma; each new line is split again if it is still too long. Lines with a
trailing comment are left alone.
"""

from __future__ import annotations

import io
import tokenize

LIMIT = 88
_OPEN = {"(": ")", "[": "]", "{": "}"}


def wrap_code(code: str) -> str:
    out: list[str] = []
    for line in code.split("\n"):
        if len(line) > LIMIT:
            out.extend(wrap_line(line))
        else:
            out.append(line)
    return "\n".join(out)


def _tokens(text: str):
    try:
        return [
            t
            for t in tokenize.generate_tokens(io.StringIO(text.strip() + "\n").readline)
            if t.type not in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER)
        ]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None


def _top_level(text: str, tokens) -> tuple[list[tuple[int, int]], list[int]]:
    """Bracket pairs at depth 0 (as string offsets) and the top-level commas."""
    offset_of_column = len(text) - len(text.lstrip())
    pairs: list[tuple[int, int]] = []
    commas: list[int] = []
    stack: list[int] = []
    for token in tokens:
        position = offset_of_column + token.start[1]
        if token.type == tokenize.OP and token.string in _OPEN:
            stack.append(position)
        elif token.type == tokenize.OP and token.string in (")", "]", "}"):
            opened = stack.pop()
            if not stack:
                pairs.append((opened, position))
        elif token.type == tokenize.OP and token.string == "," and len(stack) == 0:
            commas.append(position)
        if token.type == tokenize.COMMENT:
            return [], []
    return pairs, commas


def _split_commas(body: str) -> list[str]:
    tokens = _tokens(body)
    if tokens is None:
        return [body]
    depth, cuts = 0, []
    for token in tokens:
        if token.type == tokenize.OP and token.string in _OPEN:
            depth += 1
        elif token.type == tokenize.OP and token.string in (")", "]", "}"):
            depth -= 1
        elif token.type == tokenize.OP and token.string == "," and depth == 0:
            cuts.append(token.start[1])
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(body[start:cut].strip())
        start = cut + 1
    last = body[start:].strip()
    if last:
        pieces.append(last)
    return pieces


def wrap_line(line: str) -> list[str]:
    if len(line) <= LIMIT:
        return [line]
    indent = line[: len(line) - len(line.lstrip())]
    text = line
    tokens = _tokens(line)
    if tokens is None:
        return [line]
    pairs, _ = _top_level(text, tokens)
    pairs = [(o, c) for o, c in pairs if c > o + 1]
    if not pairs:
        return [line]
    chosen = pairs[-1]
    for opened, closed in reversed(pairs):
        if len(text[: opened + 1]) <= LIMIT:
            chosen = (opened, closed)
            break
    opened, closed = chosen
    head, body, tail = text[: opened + 1], text[opened + 1 : closed].strip(), indent + text[closed:]
    inner = indent + "    "
    pieces = _split_commas(body)
    if len(inner + body) <= LIMIT and not body.endswith(","):
        middle = [inner + body]
    elif len(pieces) == 1:
        middle = wrap_line(inner + pieces[0])
    else:
        middle = []
        for piece in pieces:
            middle.extend(wrap_line(inner + piece + ","))
    return [*wrap_line(head), *middle, *wrap_line(tail)]
