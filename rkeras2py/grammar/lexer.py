"""Tokens for the LALR driver: a scanner built from the grammar's terminals, and R's
context rules for newlines.

The scanner is one regular expression made of the terminals `r.lark` defines, tried in
Lark's order (priority, then width). It is context-free on purpose: a per-parser-state
(contextual) lexer reads `if (a) b elsewhere` as `... else where` and `for (i inx)` as
`for (i in x)`, because where `else`/`in` are expected and names are not, the keyword
pattern matches a prefix of the name. R's own lexer reads whole words first; so does this
one, and gives reserved words their own token type afterwards.

What R's lexer does decide from context is newlines: inside `(` and `[` they vanish, after
a binary operator or `,` they are eaten (R's `EatLines`), and after the `)` of an
`if (...)`, `for (...)`, `while (...)` or `function(...)` header too. Inside brackets, a
newline between an `if` body and `else` is dropped (R's `'i'` context); at top level it is
not, which is why `else` on a new line is an error there. `Newlines` mirrors `yylex()` in
R's gram.y, as lark's `indenter.py` mirrors Python's tokenizer.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .diskcache import remembered

# Token types after which newlines are eaten (R's EatLines = 1).
_EAT_AFTER = frozenset(
    "PLUS MINUS STAR SLASH CARET COMPARE OR AND PIPE SPECIAL FUNCTION WHILE REPEAT FOR IN "
    "HELP BANG EQ_ASSIGN COLON TILDE DOLLAR AT LEFT_ASSIGN RIGHT_ASSIGN IF ELSE".split()
)
# Token types that end an operand (R's EatLines = 0).
_STOP_EATING = frozenset(
    "NAME STRING RAW_STRING NUMBER NULL TRUE FALSE NA NA_INTEGER NA_REAL NA_CHARACTER "
    "NA_COMPLEX INF NAN NEXT BREAK PLACEHOLDER RBRACKET RPAR LBRACE".split()
)
# Tokens that open or close a context; every other token only sets or clears EatLines.
STRUCTURAL = frozenset(
    "IF ELSE FOR WHILE FUNCTION BACKSLASH LPAR LBRACKET LBB LBRACE RPAR RBRACKET RBRACE "
    "COMMA SEMICOLON".split()
)
EAT_AFTER = _EAT_AFTER
# Keywords whose next `(` opens a header, after whose `)` newlines are eaten.
_HEADER_KEYWORDS = frozenset({"IF", "FOR", "WHILE", "FUNCTION", "BACKSLASH"})
_CLOSERS = {"RPAR": "(", "RBRACKET": "[", "RBRACE": "{"}

# What follows a newline: skipped blanks, newlines and comments, then the next token.
_AFTER_NEWLINE = re.compile(r"(?:[ \t\f\n]+|#[^\n]*)*")
_ELSE_WORD = re.compile(r"else(?![\w.])")


class Tok:
    """A token: its type (a terminal of r.lark), text and span (1-based lines and columns)."""

    __slots__ = (
        "type",
        "value",
        "start_pos",
        "end_pos",
        "line",
        "column",
        "end_line",
        "end_column",
    )

    def __init__(self, type_, value, start_pos, end_pos, line, column, end_line, end_column):
        self.type = type_
        self.value = value
        self.start_pos = start_pos
        self.end_pos = end_pos
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column

    def __repr__(self) -> str:
        return f"Tok({self.type}, {self.value!r}, {self.line}:{self.column})"


class Scanner:
    """The grammar's terminals as regexes, one per possible first character.

    Python's `re` tries an alternation's branches in order, so a single regex for all
    terminals costs a failed attempt per terminal before the right one. Knowing which
    terminals can start with a character (found by probing each terminal's regex with
    every ASCII character and short continuations) leaves a handful per character: the
    same matches, in the same order, several times faster. The probing is done once per
    grammar and kept in the temp directory beside the parse tables; the per-character
    regexes are compiled when a character is first met. Text no per-character regex
    matches, and non-ASCII text, goes to the regex of all terminals.
    """

    def __init__(self, terminals) -> None:
        word = re.compile(r"(?:[^\W\d_]|\.(?![0-9]))[\w.]*\Z")
        self.keywords = {t.value: t.name for t in terminals if t.is_literal and word.match(t.value)}
        self._ordered = sorted(
            (
                t
                for t in terminals
                if t.name not in self.keywords.values() and t.name != "WHITESPACE"
            ),
            key=lambda t: (-t.priority, -t.max_width, -len(t.value), t.name),
        )
        self._firsts = _cached_first_chars(
            [*self._ordered, *(t for t in terminals if t.name == "WHITESPACE")]
        )
        whitespace = self._firsts["WHITESPACE"]
        self.blanks = frozenset(chr(c) for c in range(128) if whitespace >> c & 1)
        self.by_char: dict[str, re.Pattern] = {}
        # Characters with the same candidates (all letters, all digits) share one regex:
        # compiling is most of what a short file's first translation costs.
        self._by_candidates: dict[tuple[str, ...], re.Pattern] = {}

    @functools.cached_property
    def any(self) -> re.Pattern:
        """The regex of all terminals (for non-ASCII text, and text no other regex takes)."""
        return _alternation(self._ordered)

    def for_char(self, char: str) -> re.Pattern:
        """The regex for tokens starting with `char` (compiled on first use)."""
        code = ord(char)
        if code >= 128:
            return self.any
        candidates = tuple(t.name for t in self._ordered if self._firsts[t.name] >> code & 1)
        if not candidates:
            return self.any
        pattern = self._by_candidates.get(candidates)
        if pattern is None:
            chosen = [t for t in self._ordered if t.name in candidates]
            pattern = self._by_candidates[candidates] = _alternation(chosen)
        self.by_char[char] = pattern
        return pattern


def _cached_first_chars(terminals) -> dict[str, int]:
    """Each terminal's first-character set, computed once per grammar and kept on disk."""
    source = "\n".join(f"{t.name}={t.regexp}" for t in terminals)
    names = {t.name for t in terminals}

    def read(firsts) -> dict[str, int]:
        if not isinstance(firsts, dict) or set(firsts) != names:
            raise ValueError("first characters of other terminals")
        return firsts

    return remembered(
        "first_chars", source, lambda: {t.name: _first_chars(t.regexp) for t in terminals}, read
    )


def _regex(terminals, name: str) -> str:
    return next(t for t in terminals if t.name == name).regexp


def _alternation(terminals) -> re.Pattern:
    return re.compile("|".join(f"(?P<{t.name}>{t.regexp})" for t in terminals))


def _first_chars(pattern: str) -> int:
    """The ASCII characters a match of `pattern` can start with, as a bit set."""
    probe = re.compile(pattern)
    first = 0
    for code in range(128):
        if _can_start(probe, chr(code)):
            first |= 1 << code
    return first


_CONTINUATIONS = ("", "a", "1", 'x)"', "a%", "`", "'", "\n", "=", "-", ">", "|", "&", "[", ":", "*")


def _can_start(probe: re.Pattern, char: str) -> bool:
    """Whether some text beginning with `char` matches `probe` (checked on short probes:
    every terminal in r.lark is decided by its first two characters)."""
    for tail in _CONTINUATIONS:
        for text in (char + tail, char + "(" + tail, char + '"(' + tail, char + "'(" + tail):
            found = probe.match(text)
            if found and found.end() > 0:
                return True
    return False


@dataclass(slots=True)
class Scope:
    """One open bracket (`(`, `[`, `{`) or an `if` body inside brackets (`i`)."""

    kind: str
    token: Tok | None = None
    header: bool = False


@dataclass
class Newlines:
    """R's newline rules for one source, fed every token in order."""

    text: str
    scopes: list[Scope] = field(default_factory=list)
    eat_lines: bool = False
    header_pending: bool = False

    def top(self) -> str:
        return self.scopes[-1].kind if self.scopes else ""

    def open_brackets(self) -> list[Scope]:
        return [s for s in self.scopes if s.kind != "i"]

    def _pop_if(self) -> None:
        if self.scopes and self.scopes[-1].kind == "i":
            self.scopes.pop()

    def track(self, token: Tok) -> None:
        """Update the context after a token other than a newline."""
        kind = token.type
        if kind in _EAT_AFTER:
            self.eat_lines = True
            if kind == "IF" and self.top() in ("{", "[", "(", "i"):
                self.scopes.append(Scope("i"))
            elif kind == "ELSE":
                self._pop_if()
        elif kind in _STOP_EATING:
            self.eat_lines = False
        if kind in _HEADER_KEYWORDS:
            self.header_pending = True
        elif kind == "LPAR":
            self.scopes.append(Scope("(", token, header=self.header_pending))
            self.header_pending = False
        elif kind == "LBRACKET":
            self.scopes.append(Scope("[", token))
        elif kind == "LBB":
            self.scopes.append(Scope("[[", token))
            self.scopes.append(Scope("[", token))
        elif kind == "LBRACE":
            self.scopes.append(Scope("{", token))
        elif kind in _CLOSERS:
            while self.scopes and self.scopes[-1].kind == "i":
                self.scopes.pop()
            if self.scopes and self.scopes[-1].kind.startswith(_CLOSERS[kind]):
                closed = self.scopes.pop()
                if closed.header:
                    self.eat_lines = True
        elif kind in ("COMMA", "SEMICOLON"):
            self._pop_if()

    def newline(self, token: Tok) -> Tok | None:
        """The newline token the parser should see, or None where R drops it."""
        top = self.scopes[-1].kind if self.scopes else ""
        if self.eat_lines or top in ("(", "[", "[["):
            return None
        if top != "i":
            return token
        text = self.text
        start = _AFTER_NEWLINE.match(text, token.end_pos).end()
        if _ELSE_WORD.match(text, start) or text[start : start + 1] in ("}", ")", "]", ","):
            return None
        # Any other token ends the `if`: the newline stands, and R reports it where that
        # next token starts.
        self._pop_if()
        line = token.line + 1 + text.count("\n", token.end_pos, start)
        column = start - text.rfind("\n", 0, start)
        return Tok("_NL", "\n", start, start, line, column, line, column)
