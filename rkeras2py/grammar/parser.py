"""R source text to the typed syntax tree.

Lark reads `r.lark` and computes the LALR(1) tables (tables.py keeps them on disk, so
they are computed once per grammar, not per process start). The loop below drives those
tables over the tokens of `lexer.py`, calling a `TreeBuilder` method at each reduction: the
tree is built as the parse goes, never by a recursive walk. Two things make it several
times faster than Lark's general-purpose loop: light tokens, and chains of pass-through reductions
(`stmt <- eq_expr <- expr <- ... <- postfix`, one per precedence level) collapsed into one
cached step, since where such a chain ends depends only on the two states on top of the
stack and the lookahead.

Errors become `RSyntaxError`s at the line R itself reports, in R's words, with a hint
where the mistake is a common one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import RSyntaxError
from . import nodes as n
from . import tables
from .builder import Context, TreeBuilder
from .comments import attach_comments
from .lexer import EAT_AFTER, STRUCTURAL, Newlines, Scanner, Tok

GRAMMAR = tables.GRAMMAR

# Terminals whose text may span lines.
_MULTILINE = frozenset({"STRING", "RAW_STRING", "NAME"})


@dataclass(slots=True, frozen=True)
class _Reduce:
    """A reduce action: pop `size` values, call `callback`, go to `origin`'s state."""

    size: int
    origin: str
    callback: Callable | None
    passthrough: bool


def _callback(builder: TreeBuilder, rule: tables.Rule) -> Callable | None:
    """What a reduction by `rule` calls: its builder method, given the children it keeps.
    (Pass-through rules call nothing: the driver skips them.)"""
    if rule.builder is None:
        return None
    method = getattr(builder, rule.builder)
    keep = rule.keep
    if keep is None:
        return method
    return lambda children: method([children[index] for index in keep])


class _Unexpected(Exception):
    """The driver met a token its table has no action for (or text no terminal matches)."""

    def __init__(self, token: Tok | None, state: int, newlines: Newlines, pos: int = 0) -> None:
        super().__init__()
        self.token, self.state, self.newlines, self.pos = token, state, newlines, pos


class RParser:
    """One LALR parser for R; `parse` is what `rkeras2py.parse` calls."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._builder = TreeBuilder()
        table = tables.load()
        self._scanner = Scanner(table.terminals)
        self.keywords = self._scanner.keywords
        self._start, self._end = table.start, table.end
        reductions = [
            _Reduce(rule.size, rule.origin, _callback(self._builder, rule), rule.passthrough)
            for rule in table.rules
        ]
        rows: list[dict[str, tuple]] = [
            {
                symbol: (True, target) if shift else (False, reductions[target])
                for symbol, (shift, target) in actions.items()
            }
            for actions in table.actions
        ]
        self._rows = rows
        # Each state's targets by symbol, for the goto after a reduction (one lookup, no
        # unpacking of the action).
        self._gotos = [{symbol: action[1] for symbol, action in row.items()} for row in rows]
        self._chains: dict[tuple[int, int, str], int] = {}
        self._hint_signatures: dict[tuple[int, str], str] | None = None

    def parse(self, source: str, filename: str = "<string>") -> n.Module:
        # R reads a file line by line: CRLF and a lone CR both end a line.
        source = source.replace("\r\n", "\n").replace("\r", "\n")
        context = Context(filename, source)
        comments: list[n.Comment] = []
        with self._lock:
            self._builder.context = context
            try:
                module = self._drive(source, comments)
            except _Unexpected as failure:
                raise self._describe(failure, context) from None
        for placeholder in context.placeholders:
            if id(placeholder) not in context.piped:
                line, column = placeholder.line, placeholder.column
                raise context.error("invalid use of pipe placeholder", line, column)
        module.filename = filename
        module.line, module.column = 1, 1
        module.end_line = source.count("\n") + 1
        module.end_column = len(source) - source.rfind("\n")
        if comments:
            attach_comments(module, comments, context.blocks)
        return module

    def _drive(self, text: str, comments: list[n.Comment]) -> n.Module:
        """Scan and parse in one loop; returns the module the callbacks built."""
        scanner = self._scanner
        by_char, blanks = scanner.by_char, scanner.blanks
        keywords = self.keywords
        rows = self._rows
        gotos = self._gotos
        chains = self._chains
        end_state = self._end
        newlines = Newlines(text)
        states = [self._start]
        values: list = []
        pos, line, line_start, length = 0, 1, 0, len(text)
        while True:
            if pos < length:
                char = text[pos]
                if char in blanks:
                    pos += 1
                    continue
                found = (by_char.get(char) or scanner.for_char(char)).match(text, pos)
                if found is None:
                    found = scanner.any.match(text, pos)
                    if found is None:
                        raise _Unexpected(None, states[-1], newlines, pos)
                kind = found.lastgroup
                end = found.end()
                start = pos
                value = found.group()
                column = start - line_start + 1
                if kind == "COMMENT":
                    comments.append(n.Comment(value[1:], line, column))
                    pos = end
                    continue
                if kind == "_NL":
                    token = newlines.newline(
                        Tok(kind, value, start, end, line, column, line, column + 1)
                    )
                    line += 1
                    pos = line_start = end
                    if token is None:
                        continue
                else:
                    if kind == "NAME":
                        kind = keywords.get(value, kind)
                    if kind in _MULTILINE and "\n" in value:
                        breaks = value.count("\n")
                        last_break = start + value.rfind("\n")
                        token = Tok(
                            kind, value, start, end, line, column, line + breaks, end - last_break
                        )
                        line += breaks
                        line_start = last_break + 1
                    else:
                        token = Tok(
                            kind, value, start, end, line, column, line, column + end - start
                        )
                    pos = end
                    if kind in STRUCTURAL:
                        newlines.track(token)
                    else:
                        newlines.eat_lines = kind in EAT_AFTER
            else:
                column = pos - line_start + 1
                token = Tok("$END", "", pos, pos, line, column, line, column)
            kind = token.type
            while True:
                top = states[-1]
                action = rows[top].get(kind)
                if action is None:
                    raise _Unexpected(token, top, newlines)
                shift, target = action
                if shift:
                    states.append(target)
                    values.append(token)
                    break
                if target.passthrough:
                    key = (states[-2], top, kind)
                    landing = chains.get(key)
                    if landing is None:
                        landing = chains[key] = self._chase(states[-2], top, kind)
                    states[-1] = landing
                    continue
                size = target.size
                if size == 1:  # most reductions: replace the top in place
                    values[-1] = target.callback([values[-1]])
                    states[-1] = gotos[states[-2]][target.origin]
                else:
                    if size:
                        children = values[-size:]
                        del values[-size:]
                        del states[-size:]
                    else:
                        children = []
                    values.append(target.callback(children))
                    states.append(gotos[states[-1]][target.origin])
                if kind == "$END" and states[-1] == end_state:
                    return values[-1]

    def _chase(self, below: int, top: int, kind: str) -> int:
        """Where a run of pass-through reductions from `top` (above `below`) ends."""
        rows = self._rows
        while True:
            action = rows[top].get(kind)
            if action is None or action[0] or not action[1].passthrough:
                return top
            top = rows[below][action[1].origin][1]

    # ---- syntax errors ---------------------------------------------------------------

    def _describe(self, failure: _Unexpected, context: Context) -> RSyntaxError:
        """R's words for the failure, at the line R reports."""
        token, newlines, text = failure.token, failure.newlines, context.text
        if token is None:
            return _bad_character(context, failure.pos)
        if token.type == "$END":
            return _end_of_input(context, newlines)
        if token.type == "_NL" and text[token.start_pos : token.start_pos + 1] == "\n":
            # R places an unexpected newline at the start of the next line.
            return context.error("unexpected end of line", token.line + 1, 1)
        message = f"unexpected {_TOKEN_WORDS.get(token.type) or repr(token.value)}"
        if token.type == "ELSE":
            message = "unexpected 'else': at top level it must follow '}' on the same line"
        elif token.type in ("RPAR", "RBRACKET", "RBRACE") and not newlines.open_brackets():
            message += " with no matching opening bracket"
        else:
            hint = self._hints().get((failure.state, token.type))
            if hint:
                message += f": {hint}"
        return context.error(message, token.line, token.column)

    def _hints(self) -> dict[tuple[int, str], str]:
        """Where each example of a common mistake fails: (parser state, token) -> advice."""
        if self._hint_signatures is None:
            signatures: dict[tuple[int, str], str] = {}
            for advice, examples in _HINTS.items():
                for example in examples:
                    try:
                        self._drive(example, [])
                    except _Unexpected as failure:
                        if failure.token is not None:
                            signatures.setdefault((failure.state, failure.token.type), advice)
            self._hint_signatures = signatures
        return self._hint_signatures


_TOKEN_WORDS = {
    "NAME": "symbol",
    "NUMBER": "numeric constant",
    "STRING": "string constant",
    "RAW_STRING": "string constant",
    "SPECIAL": "SPECIAL",
    "LEFT_ASSIGN": "assignment",
    "RIGHT_ASSIGN": "assignment",
    "_NL": "end of line",
}

_HINTS = {
    "comparisons do not chain in R; parenthesise one side": [
        "a == b == c",
        "a < b > c",
        "f(a <= b != c)",
    ],
    "only a name or a string can be given a value with '=' in a call": [
        "f(a + b = 1)",
        "f(x = a = b)",
        "x[a$b = 2]",
    ],
    "a condition compares with '==', not '='": ["if (a = b) c", "while (a = b) c"],
    "two values with no operator or newline between them": ["a b", "f(a b)", "x <- 1 2"],
}


def _bad_character(context: Context, pos: int) -> RSyntaxError:
    text = context.text
    line = text.count("\n", 0, pos) + 1
    column = pos - text.rfind("\n", 0, pos)
    char = text[pos]
    if char in "\"'`":
        what = "backtick name" if char == "`" else "string"
        return context.error(f"unterminated {what} starting at {line}:{column}", line, column)
    if char == "%":
        message = "unterminated %operator% (it must close on the same line)"
        return context.error(message, line, column)
    return context.error(f"unexpected input {char!r}", line, column)


def _end_of_input(context: Context, newlines: Newlines) -> RSyntaxError:
    text = context.text
    line = text.count("\n") + (0 if text.endswith("\n") or not text else 1) + 1
    brackets = newlines.open_brackets()
    if not brackets:
        return context.error("unexpected end of input", line, 1)
    scope = brackets[-1]
    opener = scope.kind
    if opener == "[" and len(brackets) > 1 and brackets[-2].token is scope.token:
        opener = "[["
    closer = {"(": ")", "[": "]", "[[": "]]", "{": "}"}[opener]
    where = f"{scope.token.line}:{scope.token.column}"
    message = f"unexpected end of input: missing '{closer}' for '{opener}' opened at {where}"
    return context.error(message, line, 1)


_PARSER: RParser | None = None


def get_parser() -> RParser:
    """The process-wide parser (built on first use; its tables come from tables.py's cache)."""
    global _PARSER
    if _PARSER is None:
        _PARSER = RParser()
    return _PARSER


def parse(source: str, filename: str = "<string>") -> n.Module:
    """Parse R source into a `Module`; raises `RSyntaxError` where R would refuse it."""
    return get_parser().parse(source, filename)
