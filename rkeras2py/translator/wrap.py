"""Splitting lines longer than 88 characters the way `ruff format` (black's style) does.

The emitters write every statement on one line; this pass splits the long ones with
black's rules, simplified to the shapes the emitters produce:
- a statement is split at a bracket pair (the right-hand split: the last pair whose
  opening part still fits); an assignment or `return` whose value is an operator
  expression gets its value wrapped in parentheses instead;
- inside brackets, contents split at their highest-priority delimiter first: commas (one
  element per line, with a trailing comma), comprehension clauses, then operators (each
  continuation line starting with its operator); only then at a bracket pair.
Lines with a trailing comment are left alone.
"""

from __future__ import annotations

import io
import tokenize

LIMIT = 88
_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = frozenset(_OPEN.values())
# Words after which a bracket opens a display (a list, dict or tuple), not a call.
_KEYWORDS = frozenset({"return", "yield", "in", "else", "if", "and", "or", "not", "await"})

# black's delimiter priorities (higher splits first), for the operators the emitters write.
_PRIORITIES = {
    "if": 16,
    "else": 16,
    "or": 14,
    "and": 14,
    "not": 14,
    "in": 10,
    "is": 10,
    "<": 10,
    ">": 10,
    "==": 10,
    "!=": 10,
    "<=": 10,
    ">=": 10,
    "|": 9,
    "^": 8,
    "&": 7,
    "<<": 6,
    ">>": 6,
    "+": 5,
    "-": 5,
    "*": 4,
    "/": 4,
    "//": 4,
    "%": 4,
    "@": 4,
}


def wrap_code(code: str) -> str:
    out: list[str] = []
    for line in code.split("\n"):
        if len(line) <= LIMIT:
            out.append(line)
            continue
        code_part, comment = _trailing_comment(line)
        if comment is None:
            out.extend(wrap_line(line, inside=False))
            continue
        # the comment counts towards the length and stays on the last line, as in ruff
        wrapped = wrap_line(code_part, inside=False, reserve=len(comment) + 2)
        wrapped[-1] += "  " + comment
        out.extend(wrapped)
    return "\n".join(out)


def _trailing_comment(line: str) -> tuple[str, str | None]:
    """A line's code and its trailing comment (None when it has none)."""
    tokens = _tokens(line)
    if not tokens or tokens[-1].type != tokenize.COMMENT or tokens[0].type == tokenize.COMMENT:
        return line, None
    indent = line[: len(line) - len(line.lstrip())]
    start = len(indent) + tokens[-1].start[1]
    return line[:start].rstrip(), line[start:]


def _tokens(text: str):
    try:
        return [
            t
            for t in tokenize.generate_tokens(io.StringIO(text.strip() + "\n").readline)
            if t.type not in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER)
        ]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None


def _scan(text: str):
    """Top-level facts about `text`: bracket pairs (offsets), commas, clause keywords and
    binary operators with their priorities; None if it cannot be tokenized or has a comment."""
    tokens = _tokens(text)
    if tokens is None:
        return None
    base = len(text) - len(text.lstrip())
    pairs, commas, clauses, operators, equals = [], [], [], [], []
    stack: list[int] = []
    in_lambda = False
    previous = None
    # `for x in y` opening a comprehension clause: its `in` is not an operator.
    clause_in = bool(tokens) and tokens[0].string in ("for", "if")
    for token in tokens:
        at = base + token.start[1]
        kind, value = token.type, token.string
        if kind == tokenize.COMMENT:
            return None
        if kind == tokenize.OP and value in _OPEN:
            stack.append(at)
        elif kind == tokenize.OP and value in _CLOSE:
            opened = stack.pop()
            if not stack:
                pairs.append((opened, at))
        elif not stack:
            if kind == tokenize.NAME and value == "lambda":
                in_lambda = True
            elif kind == tokenize.OP and value == ":" and in_lambda:
                in_lambda = False
            elif kind == tokenize.OP and value == "," and not in_lambda:
                commas.append(at)
            elif kind == tokenize.OP and value in ("=", "+=", "-=") and not in_lambda:
                equals.append(at)
            elif kind == tokenize.NAME and value in ("for", "async"):
                if at > base:
                    clauses.append(at)
            elif kind == tokenize.NAME and value == "if" and clauses:
                clauses.append(at)
            elif clause_in and kind == tokenize.NAME and value == "in":
                clause_in = False
            elif value in _PRIORITIES and not in_lambda and _is_binary(previous):
                operators.append((at, value))
        previous = token
    return pairs, commas, clauses, operators, equals


def _is_binary(previous) -> bool:
    """An operator is binary when what precedes it ends an operand."""
    if previous is None:
        return False
    if previous.type in (tokenize.NUMBER, tokenize.STRING):
        return True
    if previous.type == tokenize.NAME:
        return previous.string not in (
            "and",
            "or",
            "not",
            "in",
            "is",
            "if",
            "else",
            "return",
            "lambda",
        )
    return previous.type == tokenize.OP and previous.string in _CLOSE


def wrap_line(line: str, *, inside: bool, reserve: int = 0) -> list[str]:
    """`line` split to fit; `reserve` characters are taken by what follows it (a comment)."""
    if len(line) + reserve <= LIMIT:
        return [line]
    facts = _scan(line)
    if facts is None:
        return [line]
    pairs, commas, clauses, operators, equals = facts
    indent = line[: len(line) - len(line.lstrip())]
    if commas and commas[-1] == len(line.rstrip()) - 1:
        commas = commas[:-1]  # the trailing comma of an element
    if not commas and not operators:
        fluent = _fluent_split(line, indent, pairs, equals, inside)
        if fluent is not None:
            return fluent
    if inside and not commas and not clauses and operators:
        return _operator_split(line, indent, operators)
    if not inside:
        value_at = None
        if equals:
            value_at = equals[-1] + len(line[equals[-1] :].split(" ", 1)[0]) + 1
        elif line.lstrip().startswith("return "):
            value_at = len(indent) + len("return ")
        if (
            value_at is not None
            and _has_operator(line[value_at:])
            and not _split_last_call(line, value_at, pairs, operators)
        ):
            # `x = a + b` too long: the value goes in parentheses, as ruff writes it
            body = wrap_line(indent + "    " + line[value_at:].strip(), inside=True)
            return [line[:value_at] + "(", *body, indent + ")"]
    return _bracket_split(line, indent, pairs, inside)


def _fluent_split(line: str, indent: str, pairs, equals, inside: bool) -> list[str] | None:
    """A chain of two or more method calls (`ds.map(f).batch(2)`) one call a line, as ruff
    formats a call chain that does not fit: in parentheses of its own at statement level
    (on one line there if it fits), as it stands inside brackets."""
    value_at = len(indent)
    if equals and not inside:
        value_at = equals[-1] + len(line[equals[-1] :].split(" ", 1)[0]) + 1
    elif line.lstrip().startswith("return ") and not inside:
        value_at = len(indent) + len("return ")
    links = [
        closed + 1
        for opened, closed in pairs
        if opened > value_at and line[closed + 1 : closed + 2] == "."
    ]
    if len(links) < 2 or not line.rstrip().rstrip(",").endswith(")"):
        return None
    if inside:
        pieces, start = [], len(indent)
        for link in links:
            pieces.append(line[start:link].strip())
            start = link
        pieces.append(line[start:].strip())
        out: list[str] = []
        for piece in pieces:
            out.extend(wrap_line(indent + piece, inside=True))
        return out
    inner = indent + "    "
    head = line[:value_at]
    if len(inner + line[value_at:].strip()) <= LIMIT:
        return [head + "(", inner + line[value_at:].strip(), indent + ")"]
    pieces, start = [], value_at
    for link in links:
        pieces.append(line[start:link].strip())
        start = link
    pieces.append(line[start:].strip())
    body: list[str] = []
    for piece in pieces:
        body.extend(wrap_line(inner + piece, inside=True))
    if not head.strip():
        return [indent + "(", *body, indent + ")"]
    return [head + "(", *body, indent + ")"]


def _split_last_call(line: str, value_at: int, pairs, operators) -> bool:
    """Whether ruff splits `x = a * f(...)` at the last call's brackets instead of wrapping
    the value in parentheses: one operator at the top priority, the value ending in that
    call, and other brackets before it or its opening part fitting (black's rule for
    omitting optional parentheses)."""
    inside_value = [(at, value) for at, value in operators if at >= value_at]
    if not inside_value or not line.rstrip().endswith(")"):
        return False
    top = max(_PRIORITIES[value] for _, value in inside_value)
    if sum(1 for _, value in inside_value if _PRIORITIES[value] == top) != 1:
        return False
    opened, closed = pairs[-1]
    if closed != len(line.rstrip()) - 1 or closed == opened + 1:
        return False
    others = any(o >= value_at and c < opened for o, c in pairs)
    return others or len(line[: opened + 1]) <= LIMIT


def _has_operator(text: str) -> bool:
    facts = _scan(text)
    return bool(facts and facts[3] and not facts[1])


def _operator_split(line: str, indent: str, operators) -> list[str]:
    top = max(_PRIORITIES[value] for _, value in operators)
    cuts = [at for at, value in operators if _PRIORITIES[value] == top]
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(line[start:cut].strip())
        start = cut
    pieces.append(line[start:].strip())
    out: list[str] = []
    for piece in pieces:
        out.extend(wrap_line(indent + piece, inside=True))
    return out


def _bracket_split(line: str, indent: str, pairs, inside: bool) -> list[str]:
    pairs = [(o, c) for o, c in pairs if c > o + 1]
    if not pairs:
        return [line]
    chosen = pairs[-1]
    for opened, closed in reversed(pairs):
        if len(line[: opened + 1]) <= LIMIT:
            chosen = (opened, closed)
            break
    opened, closed = chosen
    head, body = line[: opened + 1], line[opened + 1 : closed].strip()
    tail = indent + line[closed:]
    inner = indent + "    "
    pieces, with_commas = _split_body(body)
    before = line[:opened].rstrip()
    keyword_before = bool(before) and before.split()[-1] in _KEYWORDS
    display = keyword_before or not before or not (before[-1].isalnum() or before[-1] in "_)]}\"'")
    if display and with_commas and len(pieces) > 1:
        middle = []  # a list, dict or tuple display splits one element per line
        for piece in pieces:
            middle.extend(wrap_line(inner + piece + ",", inside=True))
    elif len(inner + body) <= LIMIT:
        middle = [inner + body]
    elif len(pieces) == 1:
        middle = wrap_line(inner + pieces[0], inside=True)
    else:
        middle = []
        for piece in pieces:
            middle.extend(wrap_line(inner + piece + ("," if with_commas else ""), inside=True))
    return [*wrap_line(head, inside=inside), *middle, *wrap_line(tail, inside=inside)]


def _split_body(body: str) -> tuple[list[str], bool]:
    """A bracket's contents split at comprehension clauses or top-level commas."""
    facts = _scan(body)
    if facts is None:
        return [body], True
    _, commas, clauses, _, _ = facts
    cuts, skip = (clauses, 0) if clauses else (commas, 1)
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(body[start:cut].strip())
        start = cut + skip
    pieces.append(body[start:].strip())
    return [piece for piece in pieces if piece], not clauses
