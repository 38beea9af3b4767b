"""R source text to the typed syntax tree.

Lark's LALR parser (tables cached on disk, so they are built once, not per process start)
calls `_ToNodes` at each reduction, so the tree is built during the parse, without a
recursive walk. Errors become `RSyntaxError`s that name the line R itself reports.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from pathlib import Path

from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from ..errors import RSyntaxError
from . import nodes as n
from .lexer import RPostLexer
from .strings import EscapeError, decode_escapes, decode_string
from .walk import child_nodes, walk

GRAMMAR = Path(__file__).with_name("r.lark")

# Functions R refuses as the right-hand side of `|>` (IS_SPECIAL_SYMBOL in R's names.c).
_PIPE_SPECIALS = frozenset(
    "if while repeat for break next return function ( { + - * / ^ %% %/% %*% : == != < > <= "
    ">= & | && || ! <- <<- = $ [ [[ $<- [<- [[<-".split()
)


class _Context:
    """Per-parse facts the tree builder needs: where we are, what placeholders are legal."""

    def __init__(self, filename: str, text: str) -> None:
        self.filename = filename
        self.text = text
        self.lines = text.splitlines() or [""]
        self.placeholders: list[n.Placeholder] = []
        self.piped: set[int] = set()

    def error(self, message: str, line: int, column: int) -> RSyntaxError:
        source = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return RSyntaxError(message, self.filename, line, column, source)


def _at(node: n.Node, first: object, last: object) -> n.Node:
    node.line, node.column = first.line, first.column
    node.end_line, node.end_column = last.end_line, last.end_column
    return node


def _name_value(token: Token, context: _Context) -> tuple[str, str | None]:
    """A NAME or STRING token used as a name: its text and the quote it was written in."""
    text = token.value
    if text[0] in "`\"'":
        try:
            value = decode_escapes(text, 1, len(text) - 1, backtick=text[0] == "`")
        except EscapeError as error:
            raise context.error(str(error), token.line, token.column) from None
        if not value and text[0] == "`":
            raise context.error("attempt to use zero-length variable name", token.line, token.column)
        return value, text[0]
    return text, None


class _ToNodes(Transformer):
    """Builds `nodes` objects as the LALR parser reduces (one method per grammar alias)."""

    def __init__(self) -> None:
        super().__init__(visit_tokens=False)
        self.context = _Context("<string>", "")

    # ---- atoms --------------------------------------------------------------------
    def name(self, children):
        (token,) = children
        value, quote = _name_value(token, self.context)
        return _at(n.Name(value, quote == "`"), token, token)

    def number(self, children):
        (token,) = children
        return _at(n.Num(token.value), token, token)

    def string(self, children):
        (token,) = children
        try:
            value = decode_string(token.value)
        except EscapeError as error:
            line, column = _offset_position(token, error.offset)
            raise self.context.error(str(error), line, column) from None
        return _at(n.Str(value, raw=token.type == "RAW_STRING"), token, token)

    def constant(self, children):
        (token,) = children
        return _at(n.Const(token.value), token, token)

    def placeholder(self, children):
        (token,) = children
        node = _at(n.Placeholder(), token, token)
        self.context.placeholders.append(node)
        return node

    def namespace(self, children):
        package, op, name = children
        package_value, package_quote = _name_value(package, self.context)
        name_value, name_quote = _name_value(name, self.context)
        node = n.Namespace(
            package_value,
            name_value,
            internal=op.value == ":::",
            package_quote=package_quote if package_quote != "`" else None,
            name_quote=name_quote if name_quote != "`" else None,
        )
        return _at(node, package, name)

    def paren(self, children):
        lpar, expr, rpar = children
        return _at(n.Paren(expr), lpar, rpar)

    def block(self, children):
        return _at(n.Block(children[1:-1]), children[0], children[-1])

    # ---- operators ----------------------------------------------------------------
    def unary(self, children):
        op, operand = children
        return _at(n.Unary(op.value, operand), op, operand)

    def binary(self, children):
        left, op, right = children
        symbol = "^" if op.value == "**" else op.value
        return _at(n.Binary(symbol, left, right), left, right)

    def pipe(self, children):
        left, op, right = children
        self._check_pipe_rhs(right, op)
        return _at(n.Binary("|>", left, right), left, right)

    def formula(self, children):
        if len(children) == 2:
            tilde, rhs = children
            return _at(n.Formula(None, rhs), tilde, rhs)
        lhs, _, rhs = children
        return _at(n.Formula(lhs, rhs), lhs, rhs)

    def assign(self, children):
        left, op, right = children
        if op.value in ("->", "->>"):
            return _at(n.Assign(op.value, right, left), left, right)
        return _at(n.Assign(op.value, left, right), left, right)

    # ---- postfix ------------------------------------------------------------------
    def call(self, children):
        func, _, args, rpar = children
        if len(args) == 1 and args[0].value is None and args[0].name is None:
            args = []  # `f()` has no arguments, while `x[]` keeps its one empty index
        return _at(n.Call(func, args), func, rpar)

    def index(self, children):
        obj, _, args, rbracket = children
        return _at(n.Index(obj, args), obj, rbracket)

    def index2(self, children):
        obj, _, args, _, rbracket = children
        return _at(n.Index(obj, args, double=True), obj, rbracket)

    def extract(self, children):
        obj, op, token = children
        value, quote = _name_value(token, self.context)
        return _at(n.Extract(obj, op.value, value, quote), obj, token)

    def args(self, children):
        commas = [child for child in children if isinstance(child, Token)]
        result = [child for child in children if not isinstance(child, Token)]
        for position, arg in enumerate(result):
            if arg.line == 0:  # an empty argument sits at the comma after (or before) it
                comma = commas[min(position, len(commas) - 1)] if commas else None
                if comma is not None:
                    arg.line, arg.column = comma.line, comma.column
                    arg.end_line, arg.end_column = comma.line, comma.column
        return result

    def positional_arg(self, children):
        if not children:
            return n.Arg(None)
        (value,) = children
        return _at(n.Arg(value), value, value)

    def named_arg(self, children):
        token, eq = children[0], children[1]
        value = children[2] if len(children) == 3 else None
        if token.type == "NULL":
            name, quote = "NULL", "NULL"
        else:
            name, quote = _name_value(token, self.context)
        return _at(n.Arg(value, name, quote), token, value or eq)

    # ---- functions and control flow -----------------------------------------------
    def formals(self, children):
        params = [child for child in children if isinstance(child, n.Param)]
        seen: set[str] = set()
        for param in params:
            if param.name in seen:
                message = f"repeated formal argument '{param.name}' on line {param.line}"
                raise self.context.error(message, param.line, param.column)
            seen.add(param.name)
        return params

    def formal(self, children):
        token = children[0]
        name = _name_value(token, self.context)[0]
        if len(children) == 1:
            return _at(n.Param(name), token, token)
        return _at(n.Param(name, children[2]), token, children[2])

    def function(self, children):
        keyword, _, params, _, body = children
        node = n.Function(params, body, lambda_syntax=keyword.type == "BACKSLASH")
        return _at(node, keyword, body)

    def if_(self, children):
        keyword, cond, then = children[0], children[2], children[4]
        orelse = children[6] if len(children) == 7 else None
        return _at(n.If(cond, then, orelse), keyword, orelse or then)

    def for_(self, children):
        keyword, _, var, _, iterable, _, body = children
        name = _at(n.Name(*_var_name(var, self.context)), var, var)
        return _at(n.For(name, iterable, body), keyword, body)

    def while_(self, children):
        keyword, _, cond, _, body = children
        return _at(n.While(cond, body), keyword, body)

    def repeat(self, children):
        keyword, body = children
        return _at(n.Repeat(body), keyword, body)

    def break_(self, children):
        return _at(n.Break(), children[0], children[0])

    def next_(self, children):
        return _at(n.Next(), children[0], children[0])

    def module(self, children):
        return n.Module(children)

    # ---- the native pipe's rules (R's xxpipe) -----------------------------------------
    def _check_pipe_rhs(self, rhs: n.Node, op: Token) -> None:
        context = self.context
        head = rhs
        while isinstance(head, (n.Extract, n.Index)):  # R 4.3: `x |> _$a[[1]]`
            head = head.obj
        if isinstance(head, n.Placeholder) and head is not rhs:
            context.piped.add(id(head))
            return
        if not isinstance(rhs, n.Call):
            if isinstance(rhs, n.Function):
                message = "function 'function' not supported in RHS call of a pipe"
            else:
                message = "The pipe operator requires a function call as RHS"
            raise context.error(message, rhs.line, rhs.column)
        func = rhs.func
        if isinstance(func, n.Name) and func.id in _PIPE_SPECIALS:
            raise context.error(
                f"function '{func.id}' not supported in RHS call of a pipe", func.line, func.column
            )
        placeholders = [arg for arg in rhs.args if isinstance(arg.value, n.Placeholder)]
        for arg in placeholders:
            if arg.name is None:
                message = "pipe placeholder can only be used as a named argument"
                raise context.error(message, arg.line, arg.column)
        if len(placeholders) > 1:
            second = placeholders[1]
            raise context.error("pipe placeholder may only appear once", second.line, second.column)
        for arg in placeholders:
            context.piped.add(id(arg.value))


def _var_name(token: Token, context: _Context) -> tuple[str, bool]:
    value, quote = _name_value(token, context)
    return value, quote == "`"


def _offset_position(token: Token, offset: int) -> tuple[int, int]:
    text = token.value[:offset]
    newlines = text.count("\n")
    if not newlines:
        return token.line, token.column + offset
    return token.line + newlines, offset - text.rfind("\n")


class RParser:
    """One Lark LALR parser for R; `parse` is what `rkeras2py.parse` calls."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._builder = _ToNodes()
        self._postlex = RPostLexer()
        self._comments: list[Token] = []
        self._lark = Lark(
            GRAMMAR.read_text(encoding="utf-8"),
            parser="lalr",
            lexer="contextual",
            postlex=self._postlex,
            transformer=self._builder,
            lexer_callbacks={"COMMENT": self._comments.append},
            maybe_placeholders=False,
            start="module",
            cache=True,
        )
        self.keywords = _keywords(self._lark)
        self._postlex.keywords = self.keywords

    def _hint(self, error: UnexpectedToken) -> str | None:
        """Advice for common mistakes, recognised by the parser state they fail in."""

        def parse_example(text: str) -> None:
            self._postlex.start(text)
            self._lark.parse(text)

        try:
            return error.match_examples(parse_example, _HINTS, use_accepts=True)
        except Exception:  # an example that parses or fails otherwise gives no hint
            return None

    def parse(self, source: str, filename: str = "<string>") -> n.Module:
        # R reads a file line by line: CRLF and a lone CR both end a line.
        source = source.replace("\r\n", "\n").replace("\r", "\n")
        with self._lock:
            context = _Context(filename, source)
            self._builder.context = context
            self._comments.clear()
            self._postlex.start(source)
            try:
                module = self._lark.parse(source)
            except UnexpectedInput as error:
                state = self._postlex.state
                hint = self._hint(error) if isinstance(error, UnexpectedToken) else None
                raise _describe(error, context, state, hint) from None
            comments = [_comment(token) for token in self._comments]
        _check_placeholders(context)
        module.filename = filename
        _span_module(module, source)
        if comments:
            attach_comments(module, comments)
        return module


def _keywords(lark: Lark) -> dict[str, str]:
    """Reserved words, read off the grammar: string terminals that look like names."""
    name = re.compile(r"(?:[^\W\d_]|\.(?![0-9]))[\w.]*\Z")
    return {
        terminal.pattern.value: terminal.name
        for terminal in lark.terminals
        if terminal.pattern.type == "str" and name.match(terminal.pattern.value)
    }


def _comment(token: Token) -> n.Comment:
    return n.Comment(token.value[1:].rstrip("\r"), token.line, token.column)


def _check_placeholders(context: _Context) -> None:
    for placeholder in context.placeholders:
        if id(placeholder) not in context.piped:
            raise context.error(
                "invalid use of pipe placeholder", placeholder.line, placeholder.column
            )


def _span_module(module: n.Module, source: str) -> None:
    module.line, module.column = 1, 1
    module.end_line = source.count("\n") + 1
    module.end_column = len(source) - source.rfind("\n")


# ---- syntax errors -------------------------------------------------------------------

_TOKEN_WORDS = {
    "NAME": "symbol",
    "NUMBER": "numeric constant",
    "STRING": "string constant",
    "RAW_STRING": "string constant",
    "SPECIAL": "SPECIAL",
    "LEFT_ASSIGN": "assignment",
    "RIGHT_ASSIGN": "assignment",
    "EQ_ASSIGN": "'='",
    "_NL": "end of line",
    "$END": "end of input",
    "FUNCTION": "'function'",
    "PLACEHOLDER": "'_'",
}
_QUOTES = re.compile(r"[\"'`]")


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


def _describe(error: UnexpectedInput, context: _Context, state, hint: str | None) -> RSyntaxError:
    """Turn Lark's error into R's words, at the line R reports, with a hint where we can."""
    if isinstance(error, UnexpectedCharacters):
        char = context.text[error.pos_in_stream]
        line, column = error.line, error.column
        if _QUOTES.match(char):
            what = "string" if char != "`" else "backtick name"
            return context.error(f"unterminated {what} starting at {line}:{column}", line, column)
        if char == "%":
            return context.error("unterminated %operator% (it must close on the same line)", line, column)
        return context.error(f"unexpected input {char!r}", line, column)
    assert isinstance(error, UnexpectedToken)
    token = error.token
    if token.type == "$END":
        line = context.text.count("\n") + (0 if context.text.endswith("\n") else 1) + 1
        open_brackets = state.open_brackets()
        if open_brackets:
            scope = open_brackets[-1]
            closer = {"(": ")", "[": "]", "{": "}"}[scope.kind]
            opener = scope.token
            message = (
                f"unexpected end of input: missing '{closer}' for '{scope.kind}' opened at "
                f"{opener.line}:{opener.column}"
            )
        else:
            message = "unexpected end of input"
        return context.error(message, line, 1)
    word = _TOKEN_WORDS.get(token.type) or f"'{token.value}'"
    message = f"unexpected {word}"
    if token.type == "ELSE":
        message = "unexpected 'else': at top level it must follow '}' on the same line"
    elif token.type == "_NL" and context.text[token.start_pos : token.start_pos + 1] == "\n":
        # R places an unexpected newline at the start of the next line.
        return context.error("unexpected end of line", token.line + 1, 1)
    elif token.type in ("RPAR", "RBRACKET", "RBRACE") and not state.open_brackets():
        message += " with no matching opening bracket"
    elif hint:
        message += f": {hint}"
    return context.error(message, token.line, token.column)


# ---- comments ------------------------------------------------------------------------


def attach_comments(module: n.Module, comments: list[n.Comment]) -> None:
    """Give each comment to the statement it belongs to.

    A comment on the line where a statement ends, after it, trails that statement; any other
    comment goes before the next statement of the innermost `{}` (or file) around it, or
    after its last statement when none follows.
    """
    containers = [node for node in walk(module) if isinstance(node, (n.Module, n.Block))]
    containers.sort(key=lambda c: (c.line, c.column, -c.end_line, -c.end_column))
    ends: dict[int, list[n.Node]] = {}
    for container in containers:
        for statement in container.body:
            ends.setdefault(statement.end_line, []).append(statement)
    open_stack: list[n.Node] = []
    index = 0
    for comment in comments:
        where = (comment.line, comment.column)
        while index < len(containers) and (containers[index].line, containers[index].column) <= where:
            open_stack.append(containers[index])
            index += 1
        while open_stack and (open_stack[-1].end_line, open_stack[-1].end_column) <= where:
            open_stack.pop()
        _attach(open_stack[-1] if open_stack else module, comment, ends)


def _attach(container, comment: n.Comment, ends) -> None:
    before = [s for s in ends.get(comment.line, ()) if s.end_column <= comment.column]
    if before:
        last = max(before, key=lambda s: s.end_column)
        if last.trailing_comment is None:
            last.trailing_comment = comment
            return
    starts = [(s.line, s.column) for s in container.body]
    position = bisect_right(starts, (comment.line, comment.column))
    if position and _contains(container.body[position - 1], comment):
        container.body[position - 1].comments.append(comment)
    elif position < len(container.body):
        container.body[position].comments.append(comment)
    else:
        container.trailing_comments.append(comment)


def _contains(node: n.Node, comment: n.Comment) -> bool:
    return (node.end_line, node.end_column) > (comment.line, comment.column)


_PARSER: RParser | None = None


def get_parser() -> RParser:
    """The process-wide parser (built on first use; its tables come from Lark's cache)."""
    global _PARSER
    if _PARSER is None:
        _PARSER = RParser()
    return _PARSER


def parse(source: str, filename: str = "<string>") -> n.Module:
    """Parse R source into a `Module`; raises `RSyntaxError` where R would refuse it."""
    return get_parser().parse(source, filename)


__all__ = ["parse", "get_parser", "attach_comments", "child_nodes"]
