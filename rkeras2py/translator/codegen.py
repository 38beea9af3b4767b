"""Python source text from a libcst module, printed faster than `Module.code`.

`Module.code` prints every node through `CSTNode._codegen`: a hook before and after each
node, a generator-based context manager for its parentheses and another for its position
(kept only for metadata providers), and a method call per token. Printing was a quarter of a
translation's time. `module_code` prints the node types the emitters make with one plain
function each, appending to one token list; any other node (and any node reached through
it) is printed by libcst itself, into the same list and with the same indentation, so the
text is always libcst's. tests/test_codegen.py holds the two equal on every fixture's
Python, parsed and as built by the translator, so a libcst release that prints otherwise
is caught.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst
from libcst import MaybeSentinel
from libcst._nodes.internal import CodegenState
from libcst._nodes.op import BaseUnaryOp, _BaseOneTokenOp, _BaseTwoTokenOp

_DEFAULT = MaybeSentinel.DEFAULT
_SPACE = cst.SimpleWhitespace


class _NoPosition:
    """A reusable context manager that does nothing (positions are not wanted)."""

    __slots__ = ()

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc_info: object) -> None:
        return None


_NO_POSITION = _NoPosition()


class _PlainState(CodegenState):
    """libcst's code-generation state, recording no positions, for the nodes libcst prints."""

    __slots__ = ()

    def record_syntactic_position(self, node, *, start_node=None, end_node=None) -> _NoPosition:
        return _NO_POSITION


class _Printer:
    """Appends the tokens of a tree to `state.tokens`, as libcst's `_codegen` would."""

    __slots__ = ("state", "tokens", "add")

    def __init__(self, state: _PlainState) -> None:
        self.state = state
        self.tokens = state.tokens
        self.add = state.tokens.append

    def node(self, node: cst.CSTNode) -> None:
        node_type = type(node)
        if node_type is _SPACE:  # half of all nodes printed: no call for them
            self.add(node.value)
            return
        printer = _PRINTERS.get(node_type)
        if printer is None:
            node._codegen(self.state)
        else:
            printer(self, node)

    # Leaves and one-token operators

    def value(self, node) -> None:
        self.add(node.value)

    def newline(self, node: cst.Newline) -> None:
        value = node.value
        self.add(self.state.default_newline if value is None else value)

    def atom(self, node) -> None:
        if node.lpar:
            self.parenthesised(node, _ATOM_BODY)
        else:
            self.add(node.value)

    def operator(self, node) -> None:
        self.node(node.whitespace_before)
        self.add(node._get_token())
        self.node(node.whitespace_after)

    def two_token_operator(self, node) -> None:
        first, second = node._get_tokens()
        self.node(node.whitespace_before)
        self.add(first)
        self.node(node.whitespace_between)
        self.add(second)
        self.node(node.whitespace_after)

    def unary_operator(self, node) -> None:
        self.add(node._get_token())
        self.node(node.whitespace_after)

    def opening(self, node) -> None:
        self.add(_OPENING[type(node)])
        self.node(node.whitespace_after)

    def closing(self, node) -> None:
        self.node(node.whitespace_before)
        self.add(_CLOSING[type(node)])

    def fields(self, node, spec: tuple[str, ...]) -> None:
        """`node`'s fields in the order `spec` names them (a `_Word` is printed as it is);
        a field that is None is left out, one holding a sequence prints each item."""
        for item in spec:
            if type(item) is _Word:
                self.add(item)
                continue
            value = getattr(node, item)
            if value is None:
                continue
            if type(value) in _SEQUENCES:
                for part in value:
                    self.node(part)
            else:
                self.node(value)

    def sequence(self, node) -> None:
        self.fields(node, _FIELDS[type(node)])

    def compound(self, node) -> None:
        """A compound statement whose header is a plain sequence of fields (`for`, `while`,
        `else`): its leading lines, the indentation, then the fields."""
        for line in node.leading_lines:
            self.node(line)
        self.tokens.extend(self.state.indent_tokens)
        self.fields(node, _FIELDS[type(node)])

    # Expressions

    def parenthesised(self, node, body: Callable[[_Printer, cst.CSTNode], None]) -> None:
        for lpar in node.lpar:
            self.node(lpar)
        body(self, node)
        for rpar in node.rpar:
            self.node(rpar)

    def expression(self, node) -> None:
        body = _EXPRESSION_BODIES[type(node)]
        if node.lpar:
            self.parenthesised(node, body)
        else:
            body(self, node)

    def call_body(self, node: cst.Call) -> None:
        self.node(node.func)
        self.node(node.whitespace_after_func)
        self.add("(")
        self.node(node.whitespace_before_args)
        last = len(node.args) - 1
        for i, argument in enumerate(node.args):
            self.arg(argument, i != last)
        self.add(")")

    def arg(self, node: cst.Arg, default_comma: bool) -> None:
        self.add(node.star)
        self.node(node.whitespace_after_star)
        keyword = node.keyword
        if keyword is not None:
            self.node(keyword)
        self.token(node.equal, keyword is not None, " = ")
        self.node(node.value)
        self.token(node.comma, default_comma, ", ")
        self.node(node.whitespace_after_arg)

    def token(self, token, wanted: bool, default_text: str) -> None:
        """An optional one-token operator (a comma, `=`, `:`): `default_text` where the node
        leaves it to its context (MaybeSentinel.DEFAULT) and the context wants it."""
        if token is _DEFAULT:
            if wanted:
                self.add(default_text)
        else:
            self.operator(token)

    def comparison_body(self, node: cst.Comparison) -> None:
        self.node(node.left)
        for target in node.comparisons:
            self.node(target.operator)
            self.node(target.comparator)

    def subscript_body(self, node: cst.Subscript) -> None:
        self.node(node.value)
        self.node(node.whitespace_after_value)
        self.node(node.lbracket)
        last = len(node.slice) - 1
        for i, element in enumerate(node.slice):
            self.node(element.slice)
            self.token(element.comma, i != last, ", ")
        self.node(node.rbracket)

    def index(self, node: cst.Index) -> None:
        star = node.star
        if star is not None:
            self.add(star)
        whitespace = node.whitespace_after_star
        if whitespace is not None:
            self.node(whitespace)
        self.node(node.value)

    def slice(self, node: cst.Slice) -> None:
        if node.lower is not None:
            self.node(node.lower)
        self.node(node.first_colon)
        if node.upper is not None:
            self.node(node.upper)
        self.token(node.second_colon, node.step is not None, ":")
        if node.step is not None:
            self.node(node.step)

    def elements(self, elements) -> None:
        """The elements of a list, set, dict or tuple, with a comma between each two."""
        last = len(elements) - 1
        for i, element in enumerate(elements):
            element_type = type(element)
            if element_type is cst.Element:
                self.node(element.value)
            elif element_type is cst.DictElement:
                self.fields(element, _FIELDS[cst.DictElement])
            else:
                element._codegen(self.state, default_comma=i != last, default_comma_whitespace=True)
                continue
            self.token(element.comma, i != last, ", ")

    def bracketed_body(self, node) -> None:
        opening, closing = _BRACKETS[type(node)]
        self.node(getattr(node, opening))
        self.elements(node.elements)
        self.node(getattr(node, closing))

    def tuple_body(self, node: cst.Tuple) -> None:
        elements = node.elements
        if len(elements) == 1 and type(elements[0]) is cst.Element:
            self.node(elements[0].value)
            self.token(elements[0].comma, True, ",")
        elif len(elements) == 1:
            elements[0]._codegen(self.state, default_comma=True, default_comma_whitespace=False)
        else:
            self.elements(elements)

    def comprehension_body(self, node) -> None:
        opening, closing = _BRACKETS[type(node)]
        self.node(getattr(node, opening))
        self.node(node.elt)
        self.node(node.for_in)
        self.node(getattr(node, closing))

    # Statements

    def module(self, node: cst.Module) -> None:
        self.fields(node, ("header", "body", "footer"))
        if node.has_trailing_newline:
            if not self.tokens:
                self.add(self.state.default_newline)
        elif self.tokens:
            self.tokens.pop()

    def empty_line(self, node: cst.EmptyLine) -> None:
        if node.indent:
            self.tokens.extend(self.state.indent_tokens)
        self.node(node.whitespace)
        if node.comment is not None:
            self.add(node.comment.value)
        self.newline(node.newline)

    def trailing_whitespace(self, node: cst.TrailingWhitespace) -> None:
        self.node(node.whitespace)
        if node.comment is not None:
            self.add(node.comment.value)
        self.newline(node.newline)

    def simple_statement_line(self, node: cst.SimpleStatementLine) -> None:
        for line in node.leading_lines:
            self.node(line)
        self.tokens.extend(self.state.indent_tokens)
        body = node.body
        if body:
            last = len(body) - 1
            for i, statement in enumerate(body):
                printer = _SMALL_STATEMENTS.get(type(statement))
                if printer is None:
                    statement._codegen(self.state, default_semicolon=i != last)
                else:
                    printer(self, statement)
                    self.token(statement.semicolon, i != last, "; ")
        else:
            self.add("pass")
        self.node(node.trailing_whitespace)

    def assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self.fields(target, _FIELDS[cst.AssignTarget])
        self.node(node.value)

    def return_(self, node: cst.Return) -> None:
        self.keyword("return", node.whitespace_after_return, node.value)

    def raise_(self, node: cst.Raise) -> None:
        self.keyword("raise", node.whitespace_after_raise, node.exc)
        if node.cause is not None:
            node.cause._codegen(self.state, default_space=" ")

    def keyword(self, keyword: str, whitespace, value) -> None:
        """A statement's keyword, then its value if it has one."""
        self.add(keyword)
        if whitespace is _DEFAULT:
            if value is not None:
                self.add(" ")
        else:
            self.node(whitespace)
        if value is not None:
            self.node(value)

    def word(self, node) -> None:
        self.add(_WORDS[type(node)])

    def indented_block(self, node: cst.IndentedBlock) -> None:
        state = self.state
        self.node(node.header)
        state.indent_tokens.append(state.default_indent if node.indent is None else node.indent)
        if node.body:
            for statement in node.body:
                self.node(statement)
        else:
            self.tokens.extend(state.indent_tokens)
            self.add("pass")
            self.add(state.default_newline)
        for line in node.footer:
            self.node(line)
        state.indent_tokens.pop()

    def if_(self, node: cst.If, keyword: str = "if") -> None:
        for line in node.leading_lines:
            self.node(line)
        self.tokens.extend(self.state.indent_tokens)
        self.add(keyword)
        self.node(node.whitespace_before_test)
        self.node(node.test)
        self.node(node.whitespace_after_test)
        self.add(":")
        self.node(node.body)
        orelse = node.orelse
        if type(orelse) is cst.If:
            self.if_(orelse, "elif")
        elif orelse is not None:
            self.node(orelse)

    def function_def(self, node: cst.FunctionDef) -> None:
        if node.asynchronous is not None or node.type_parameters is not None:
            node._codegen(self.state)
            return
        self.fields(node, ("leading_lines", "decorators", "lines_after_decorators"))
        self.tokens.extend(self.state.indent_tokens)
        self.add("def")
        self.node(node.whitespace_after_def)
        self.node(node.name)
        self.node(node.whitespace_after_name)
        self.node(node.whitespace_after_type_parameters)
        self.add("(")
        self.node(node.whitespace_before_params)
        self.node(node.params)
        self.add(")")
        if node.returns is not None:
            node.returns._codegen(self.state, default_indicator="->")
        self.node(node.whitespace_before_colon)
        self.add(":")
        self.node(node.body)

    def parameters(self, node: cst.Parameters) -> None:
        """Plain parameters, `*args` and `**kwargs`; anything rarer is libcst's to print."""
        star_arg = node.star_arg
        if node.posonly_params or node.kwonly_params or type(star_arg) not in _PLAIN_STARS:
            node._codegen_impl(self.state)
            return
        more = star_arg is not _DEFAULT or node.star_kwarg is not None
        last = len(node.params) - 1
        for i, param in enumerate(node.params):
            self.param(param, "", i < last or more)
        if star_arg is not _DEFAULT:
            self.param(star_arg, "*", node.star_kwarg is not None)
        if node.star_kwarg is not None:
            self.param(node.star_kwarg, "**", False)

    def param(self, node: cst.Param, default_star: str, default_comma: bool) -> None:
        star = node.star
        self.add(default_star if star is _DEFAULT else star)
        self.node(node.whitespace_after_star)
        self.node(node.name)
        if node.annotation is not None:
            node.annotation._codegen(self.state, default_indicator=":")
        self.token(node.equal, node.default is not None, " = ")
        if node.default is not None:
            self.node(node.default)
        self.token(node.comma, default_comma, ", ")
        self.node(node.whitespace_after_param)


def _operators(base: type) -> list[type]:
    """libcst's public operator classes derived from `base` (read from each class's MRO:
    `issubclass` on libcst's abstract classes walks every subclass, tens of milliseconds)."""
    return [cls for cls in vars(cst).values() if base in getattr(cls, "__mro__", ())]


class _Word(str):
    """Text a `_FIELDS` entry prints as it is, between the fields it names."""


_SEQUENCES = frozenset({list, tuple})
_IF, _ELSE, _FOR, _IN, _COLON = _Word("if"), _Word("else"), _Word("for"), _Word("in"), _Word(":")
# Nodes printed as their fields in order, with the words between them.
_FIELDS: dict[type, tuple[str, ...]] = {
    cst.BinaryOperation: ("left", "operator", "right"),
    cst.BooleanOperation: ("left", "operator", "right"),
    cst.UnaryOperation: ("operator", "expression"),
    cst.Attribute: ("value", "dot", "attr"),
    cst.AugAssign: ("target", "operator", "value"),
    cst.Expr: ("value",),
    cst.IfExp: (
        *("body", "whitespace_before_if", _IF, "whitespace_after_if", "test"),
        *("whitespace_before_else", _ELSE, "whitespace_after_else", "orelse"),
    ),
    cst.CompFor: (
        *("whitespace_before", "asynchronous", _FOR, "whitespace_after_for", "target"),
        *("whitespace_before_in", _IN, "whitespace_after_in", "iter", "ifs", "inner_for_in"),
    ),
    cst.CompIf: ("whitespace_before", _IF, "whitespace_before_test", "test"),
    cst.For: (
        *("asynchronous", _FOR, "whitespace_after_for", "target", "whitespace_before_in", _IN),
        *("whitespace_after_in", "iter", "whitespace_before_colon", _COLON, "body", "orelse"),
    ),
    cst.While: (
        *(_Word("while"), "whitespace_after_while", "test", "whitespace_before_colon"),
        *(_COLON, "body", "orelse"),
    ),
    cst.Else: (_ELSE, "whitespace_before_colon", _COLON, "body"),
    cst.DictElement: ("key", "whitespace_before_colon", _COLON, "whitespace_after_colon", "value"),
    cst.AssignTarget: ("target", "whitespace_before_equal", _Word("="), "whitespace_after_equal"),
}
_ATOM_BODY = _Printer.value
_PLAIN_STARS = frozenset({type(_DEFAULT), cst.Param})
_OPENING = {cst.LeftParen: "(", cst.LeftSquareBracket: "[", cst.LeftCurlyBrace: "{"}
_CLOSING = {cst.RightParen: ")", cst.RightSquareBracket: "]", cst.RightCurlyBrace: "}"}
_BRACKETS = {
    cst.List: ("lbracket", "rbracket"),
    cst.ListComp: ("lbracket", "rbracket"),
    cst.Set: ("lbrace", "rbrace"),
    cst.SetComp: ("lbrace", "rbrace"),
    cst.Dict: ("lbrace", "rbrace"),
}
_WORDS = {cst.Pass: "pass", cst.Break: "break", cst.Continue: "continue"}
_EXPRESSION_BODIES: dict[type, Callable[[_Printer, cst.CSTNode], None]] = {
    cst.Call: _Printer.call_body,
    cst.BinaryOperation: _Printer.sequence,
    cst.BooleanOperation: _Printer.sequence,
    cst.UnaryOperation: _Printer.sequence,
    cst.Comparison: _Printer.comparison_body,
    cst.Attribute: _Printer.sequence,
    cst.Subscript: _Printer.subscript_body,
    cst.List: _Printer.bracketed_body,
    cst.Set: _Printer.bracketed_body,
    cst.Dict: _Printer.bracketed_body,
    cst.Tuple: _Printer.tuple_body,
    cst.ListComp: _Printer.comprehension_body,
    cst.SetComp: _Printer.comprehension_body,
    cst.IfExp: _Printer.sequence,
}
_SMALL_STATEMENTS: dict[type, Callable[[_Printer, cst.CSTNode], None]] = {
    cst.Assign: _Printer.assign,
    cst.AugAssign: _Printer.sequence,
    cst.Expr: _Printer.sequence,
    cst.Return: _Printer.return_,
    cst.Raise: _Printer.raise_,
    cst.Pass: _Printer.word,
    cst.Break: _Printer.word,
    cst.Continue: _Printer.word,
}
_PRINTERS: dict[type, Callable[[_Printer, cst.CSTNode], None]] = {
    cst.SimpleWhitespace: _Printer.value,
    cst.Comment: _Printer.value,
    cst.Newline: _Printer.newline,
    cst.Name: _Printer.atom,
    cst.Integer: _Printer.atom,
    cst.Float: _Printer.atom,
    cst.Imaginary: _Printer.atom,
    cst.SimpleString: _Printer.atom,
    **dict.fromkeys(_EXPRESSION_BODIES, _Printer.expression),
    **dict.fromkeys(_OPENING, _Printer.opening),
    **dict.fromkeys(_CLOSING, _Printer.closing),
    **dict.fromkeys(_operators(_BaseOneTokenOp), _Printer.operator),
    **dict.fromkeys(_operators(_BaseTwoTokenOp), _Printer.two_token_operator),
    **dict.fromkeys(_operators(BaseUnaryOp), _Printer.unary_operator),
    cst.Index: _Printer.index,
    cst.Slice: _Printer.slice,
    cst.CompFor: _Printer.sequence,
    cst.CompIf: _Printer.sequence,
    cst.Module: _Printer.module,
    cst.EmptyLine: _Printer.empty_line,
    cst.TrailingWhitespace: _Printer.trailing_whitespace,
    cst.SimpleStatementLine: _Printer.simple_statement_line,
    cst.IndentedBlock: _Printer.indented_block,
    cst.If: _Printer.if_,
    cst.Else: _Printer.compound,
    cst.For: _Printer.compound,
    cst.While: _Printer.compound,
    cst.FunctionDef: _Printer.function_def,
    cst.Parameters: _Printer.parameters,
}


def module_code(module: cst.Module) -> str:
    """The text of `module`, as `module.code` would print it."""
    state = _PlainState(
        default_indent=module.default_indent, default_newline=module.default_newline
    )
    _Printer(state).module(module)
    return "".join(state.tokens)
