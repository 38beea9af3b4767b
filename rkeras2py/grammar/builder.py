"""Building the syntax tree from reductions, with the checks R's parser makes as it goes
(escapes, zero-length names, repeated formals, and the native pipe's rules)."""

from __future__ import annotations

from ..errors import RSyntaxError
from . import nodes as n
from .lexer import Tok
from .strings import EscapeError, decode_escapes, decode_string
from .walk import right_edge

# Functions R refuses as the right-hand side of `|>` (IS_SPECIAL_SYMBOL in R's names.c).
_PIPE_SPECIALS = frozenset(
    "if while repeat for break next return function ( { + - * / ^ %% %/% %*% : == != < > "
    "<= >= & | && || ! <- <<- = $ [ [[ $<- [<- [[<-".split()
)


class Context:
    """Per-parse facts the tree builder needs: where we are, what placeholders are legal."""

    def __init__(self, filename: str, text: str) -> None:
        self.filename = filename
        self.text = text
        self.lines = text.splitlines() or [""]
        self.placeholders: list[n.Placeholder] = []
        self.blocks: list[n.Block] = []
        self.piped: set[int] = set()

    def error(self, message: str, line: int, column: int) -> RSyntaxError:
        source = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return RSyntaxError(message, self.filename, line, column, source)


def _at(node: n.Node, first, last) -> n.Node:
    node.line, node.column = first.line, first.column
    node.end_line, node.end_column = last.end_line, last.end_column
    return node


def _name_value(token: Tok, context: Context) -> tuple[str, str | None]:
    """A NAME or STRING token used as a name: its text and the quote it was written in."""
    text = token.value
    if text[0] in "`\"'":
        try:
            value = decode_escapes(text, 1, len(text) - 1, backtick=text[0] == "`")
        except EscapeError as error:
            raise context.error(str(error), token.line, token.column) from None
        if not value and text[0] == "`":
            raise context.error(
                "attempt to use zero-length variable name", token.line, token.column
            )
        return value, text[0]
    return text, None


class TreeBuilder:
    """Builds `nodes` objects as the LALR parser reduces (one method per grammar alias,
    or rule name where a rule has no alias); each gets the rule's children, less the
    anonymous tokens Lark's tree would drop."""

    def __init__(self) -> None:
        self.context = Context("<string>", "")

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

    # ---- sequences, built by appending as the left-recursive rules reduce -------------
    def empty_list(self, children):
        return []

    def first_item(self, children):
        return children

    def toplevel(self, children):
        items = children[0]
        if len(children) == 2:
            items.append(children[1])
        return items

    def block_items(self, children):
        items = children[0]
        if len(children) == 2:
            items.append(children[1])
        return items

    def formal_list(self, children):
        items, _, formal = children
        items.append(formal)
        return items

    def args(self, children):
        items, comma, arg = children
        if items[-1].line == 0:  # an empty argument before this comma sits at the comma
            _at(items[-1], comma, comma)
        if arg.line == 0:
            _at(arg, comma, comma)
        items.append(arg)
        return items

    def module(self, children):
        items = children[0]
        if len(children) == 2:
            items.append(children[1])
        return n.Module(items)

    def block(self, children):
        node = _at(n.Block(children[1]), children[0], children[-1])
        self.context.blocks.append(node)
        return node

    # ---- operators ----------------------------------------------------------------
    def unary(self, children):
        op, operand = children
        return _at(n.Unary(op.value, operand), op, operand)

    def binary(self, children):
        left, op, right = children
        symbol = "^" if op.value == "**" else op.value
        if op.type == "COMPARE" and _ends_in_comparison(left):
            # `!a == b == c`: R's comparisons do not associate, even through a prefix form.
            raise self.context.error(f"unexpected '{op.value}'", op.line, op.column)
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
        _place_empty(args, rbracket)
        return _at(n.Index(obj, args), obj, rbracket)

    def index2(self, children):
        obj, _, args, first_close, last_close = children
        _place_empty(args, first_close)
        return _at(n.Index(obj, args, double=True), obj, last_close)

    def extract(self, children):
        obj, op, token = children
        value, quote = _name_value(token, self.context)
        return _at(n.Extract(obj, op.value, value, quote), obj, token)

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
        params = children[0] if children else []
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

    # ---- the native pipe's rules (R's xxpipe) -----------------------------------------
    def _check_pipe_rhs(self, rhs: n.Node, op: Tok) -> None:
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


_COMPARISONS = frozenset({"==", "!=", "<", ">", "<=", ">="})


def _ends_in_comparison(node: n.Node) -> bool:
    """Whether `node`, written out, ends with an unparenthesised comparison."""
    return any(isinstance(x, n.Binary) and x.op in _COMPARISONS for x in right_edge(node))


def _place_empty(args: list[n.Arg], bracket: Tok) -> None:
    if args and args[-1].line == 0:  # `x[]`: the empty index sits at the bracket
        _at(args[-1], bracket, bracket)


def _var_name(token: Tok, context: Context) -> tuple[str, bool]:
    value, quote = _name_value(token, context)
    return value, quote == "`"


def _offset_position(token: Tok, offset: int) -> tuple[int, int]:
    text = token.value[:offset]
    newlines = text.count("\n")
    if not newlines:
        return token.line, token.column + offset
    return token.line + newlines, offset - text.rfind("\n")
