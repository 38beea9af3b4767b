"""The post-lexer: what R's lexer decides from context rather than from characters.

R ends an expression at a newline only where one could end: inside `(` and `[` newlines
vanish, after a binary operator or `,` they are eaten (R's `EatLines`), and after the `)`
of an `if (...)`, `for (...)`, `while (...)` or `function(...)` header too. Inside braces,
a newline between an `if` body and `else` is dropped (R's `'i'` context); at top level it
is not, which is why `else` on a new line is an error there. This mirrors `yylex()` in R's
gram.y, as lark's `indenter.py` mirrors Python's tokenizer.

It also gives reserved words back their own token type where the contextual lexer read them
as names (`x$if` is an error in R, not the name `if`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lark import Token
from lark.lark import PostLex

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
# Keywords whose next `(` opens a header, after whose `)` newlines are eaten.
_HEADER_KEYWORDS = frozenset({"IF", "FOR", "WHILE", "FUNCTION", "BACKSLASH"})
_CLOSERS = {"RPAR": "(", "RBRACKET": "[", "RBRACE": "{"}

# What follows a newline: skipped blanks, newlines and comments, then the next character(s).
_AFTER_NEWLINE = re.compile(r"(?:[ \t\f\n]+|#[^\n]*)*")
_ELSE_WORD = re.compile(r"else(?![\w.])")


@dataclass(slots=True)
class Scope:
    """One open bracket (`(`, `[`, `{`) or an `if` body inside brackets (`i`)."""

    kind: str
    token: Token | None = None
    header: bool = False


@dataclass
class LexState:
    """What the post-lexer knows while one source is being read."""

    text: str
    scopes: list[Scope] = field(default_factory=list)
    eat_lines: bool = False
    header_pending: bool = False

    def top(self) -> str:
        return self.scopes[-1].kind if self.scopes else ""

    def pop_ifs(self) -> None:
        while self.scopes and self.scopes[-1].kind == "i":
            self.scopes.pop()

    def pop_if(self) -> None:
        if self.scopes and self.scopes[-1].kind == "i":
            self.scopes.pop()

    def open_brackets(self) -> list[Scope]:
        return [s for s in self.scopes if s.kind != "i"]


class RPostLexer(PostLex):
    """Filters and retypes the token stream as R's `yylex()` does."""

    always_accept = ("_NL",)

    def __init__(self, keywords: dict[str, str] | None = None) -> None:
        self.keywords = keywords or {}
        self.state = LexState("")

    def start(self, text: str) -> LexState:
        """Reset for a new source; the parser calls this before each parse."""
        self.state = LexState(text)
        return self.state

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        state = self.state
        keywords = self.keywords
        for token in stream:
            kind = token.type
            if kind == "_NL":
                newline = self._newline(state, token)
                if newline is not None:
                    yield newline
                continue
            if kind == "NAME" and token.value in keywords:
                token.type = kind = keywords[token.value]
            self._track(state, kind, token)
            yield token

    @staticmethod
    def _track(state: LexState, kind: str, token: Token) -> None:
        if kind in _EAT_AFTER:
            state.eat_lines = True
            if kind == "IF" and state.top() in ("{", "[", "(", "i"):
                state.scopes.append(Scope("i"))
            elif kind == "ELSE":
                state.pop_if()
        elif kind in _STOP_EATING:
            state.eat_lines = False
        if kind in _HEADER_KEYWORDS:
            state.header_pending = True
        elif kind == "LPAR":
            state.scopes.append(Scope("(", token, header=state.header_pending))
            state.header_pending = False
        elif kind == "LBRACKET":
            state.scopes.append(Scope("[", token))
        elif kind == "LBB":
            state.scopes.append(Scope("[", token))
            state.scopes.append(Scope("[", token))
        elif kind == "LBRACE":
            state.scopes.append(Scope("{", token))
        elif kind in _CLOSERS:
            state.pop_ifs()
            if state.scopes and state.scopes[-1].kind == _CLOSERS[kind]:
                closed = state.scopes.pop()
                if closed.header:
                    state.eat_lines = True
        elif kind in ("COMMA", "SEMICOLON", ";"):
            state.pop_if()

    @staticmethod
    def _newline(state: LexState, token: Token) -> Token | None:
        top = state.top()
        if state.eat_lines or top in ("(", "["):
            return None
        if top != "i":
            return token
        text = state.text
        start = _AFTER_NEWLINE.match(text, token.end_pos).end()
        if _ELSE_WORD.match(text, start) or text[start : start + 1] in ("}", ")", "]", ","):
            return None
        # Any other token ends the `if`: the newline stands, and R reports it where that
        # next token starts.
        state.pop_if()
        line = token.line + 1 + text.count("\n", token.end_pos, start)
        column = start - text.rfind("\n", 0, start)
        return Token("_NL", "\n", start, line, column, line, column + 1, start + 1)
