"""The parser's tree, positions, comments and error messages, case by case."""

from __future__ import annotations

import pytest

import rkeras2py
from rkeras2py import nodes as n
from rkeras2py.grammar.parser import get_parser
from rkeras2py.grammar.strings import RESERVED, quote_string
from rkeras2py.grammar.walk import dump


def expr(source: str) -> n.Node:
    (statement,) = rkeras2py.parse(source).body
    return statement


def shape(node: n.Node | None) -> str:
    """A compact prefix form of a tree, for precedence assertions."""
    if node is None:
        return "_"
    if isinstance(node, n.Name):
        return node.id
    if isinstance(node, n.Num):
        return node.text
    if isinstance(node, n.Binary):
        return f"({node.op} {shape(node.left)} {shape(node.right)})"
    if isinstance(node, n.Unary):
        return f"({node.op} {shape(node.operand)})"
    if isinstance(node, n.Assign):
        return f"({node.op} {shape(node.target)} {shape(node.value)})"
    if isinstance(node, n.Formula):
        return f"(~ {shape(node.lhs)} {shape(node.rhs)})"
    if isinstance(node, n.Paren):
        return f"[{shape(node.expr)}]"
    if isinstance(node, n.Function):
        return f"(function {shape(node.body)})"
    if isinstance(node, n.If):
        return f"(if {shape(node.cond)} {shape(node.then)} {shape(node.orelse)})"
    if isinstance(node, n.Call):
        return f"{shape(node.func)}({' '.join(shape(a.value) for a in node.args)})"
    return type(node).__name__


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("-2^2", "(- (^ 2 2))"),
        ("-1:3", "(: (- 1) 3)"),
        ("a^b^c", "(^ a (^ b c))"),
        ("a^-b", "(^ a (- b))"),
        ("a - b - c", "(- (- a b) c)"),
        ("a + !b == c", "(+ a (! (== b c)))"),
        ("a + !b & c", "(& (+ a (! b)) c)"),
        ("!a %in% b", "(! (%in% a b))"),
        ("-a %in% b", "(%in% (- a) b)"),
        ("a = b <- c", "(= a (<- b c))"),
        ("a <- b ? c", "(? (<- a b) c)"),
        ("a -> b -> c", "(-> c (-> b a))"),
        ("y ~ x + z", "(~ y (+ x z))"),
        ("~ a | b", "(~ _ (| a b))"),
        ("1 + if (a) b else c + 1", "(+ 1 (if a b (+ c 1)))"),
        ("function(x) x + 1", "(function (+ x 1))"),
        ("x %>% f() %>% g()", "(%>% (%>% x f()) g())"),
        ("a ** b", "(^ a b)"),
        ("(a + b) * c", "(* [(+ a b)] c)"),
    ],
)
def test_precedence_and_associativity(source, expected):
    assert shape(expr(source)) == expected


def test_literals_keep_their_text_and_value():
    numbers = {"1L": 1, "0x10L": 16, "1e-3": 0.001, ".5": 0.5, "5.": 5.0, "0x1p3": 8.0, "2i": 2j}
    for text, value in numbers.items():
        node = expr(text)
        assert isinstance(node, n.Num) and node.text == text and node.value == value
    assert expr("1L").is_integer and not expr("1").is_integer and not expr("1.5L").is_integer
    assert expr("TRUE") == n.Const("TRUE")
    assert expr("T") == n.Name("T")
    assert expr("NA_integer_") == n.Const("NA_integer_")


@pytest.mark.parametrize(
    ("source", "value"),
    [
        (r'"a\tb\n"', "a\tb\n"),
        (r"'\x41\101'", "AA"),
        (r'"\u00e9\U0001F600"', "é😀"),
        (r'"\u{e9}"', "é"),
        ('r"(a"b)"', 'a"b'),
        ('R"---[x]--]---"', "x]--"),
        (r'"\xff"', "\udcff"),  # a raw byte, as R keeps it
    ],
)
def test_strings_decode_as_r_does(source, value):
    node = expr(source)
    assert isinstance(node, n.Str) and node.value == value


def test_raw_byte_strings_unparse_as_hex_escapes():
    assert quote_string("\udcff") == r'"\xff"'


def test_calls_keep_argument_names_and_empty_arguments():
    call = expr('f(a, b = 2, , "c" = 3, `d e` = 4, NULL = 5)')
    assert [arg.name for arg in call.args] == [None, "b", None, "c", "d e", "NULL"]
    assert call.args[2].value is None
    assert expr("f()").args == []
    index = expr("m[, 2]")
    assert isinstance(index, n.Index) and index.args[0].value is None
    assert len(expr("x[]").args) == 1  # R keeps the one empty index of x[]
    assert expr("x[[1]]").double


def test_positions_are_one_based_spans():
    module = rkeras2py.parse("x <- 1\nmodel %>%\n  fit(x, y)\n")
    first, second = module.body
    assert (first.line, first.column, first.end_line, first.end_column) == (1, 1, 1, 7)
    assert (second.line, second.column, second.end_line, second.end_column) == (2, 1, 3, 12)
    call = second.right
    assert (call.line, call.column) == (3, 3)


def test_else_after_newline_inside_braces_only():
    node = expr("f <- function(x) {\n  if (x) 1\n  else 2\n}")
    body = node.value.body.body[0]
    assert isinstance(body, n.If) and body.orelse is not None
    with pytest.raises(rkeras2py.RSyntaxError) as raised:
        rkeras2py.parse("if (x) {\n  1\n}\nelse {\n  2\n}\n", "model.R")
    assert raised.value.lineno == 4
    assert "at top level it must follow '}' on the same line" in raised.value.msg


def test_comments_attach_to_statements():
    source = (
        "# leading\n"
        "x <- 1  # trailing\n"
        "f <- function() {\n"
        "  # inside\n"
        "  y\n"
        "  # end of block\n"
        "}\n"
        "model %>% compile(\n"
        "  loss = 'mse'  # in a call\n"
        ")\n"
        "# end of file\n"
    )
    module = rkeras2py.parse(source)
    x, f, compile_call = module.body
    assert [c.text for c in x.comments] == [" leading"]
    assert x.trailing_comment.text == " trailing"
    block = f.value.body
    assert [c.text for c in block.body[0].comments] == [" inside"]
    assert [c.text for c in block.trailing_comments] == [" end of block"]
    assert [c.text for c in compile_call.comments] == [" in a call"]
    assert [c.text for c in module.trailing_comments] == [" end of file"]
    again = rkeras2py.unparse(module)
    assert "# leading\nx <- 1  # trailing\n" in again and "# end of file" in again


@pytest.mark.parametrize(
    ("source", "line", "column", "words"),
    [
        ("a b\n", 1, 3, "unexpected symbol: two values with no operator"),
        ("x <- 1\na == b == c\n", 2, 8, "comparisons do not chain"),
        ("f(1,\n  2\n", 3, 1, "missing ')' for '(' opened at 1:2"),
        ("x[[1]\n", 2, 1, "missing ']]' for '[[' opened at 1:2"),
        ('x <- "abc\n\n', 1, 6, "unterminated string"),
        ("f(a + b = 1)\n", 1, 9, "only a name or a string"),
        ("x |> f\n", 1, 6, "requires a function call"),
        ("x |> f(_)\n", 1, 8, "named argument"),
        ("f(y = _)\n", 1, 7, "invalid use of pipe placeholder"),
        ("'\\d'\n", 1, 2, "unrecognized escape"),
        ("function(a, a) 1\n", 1, 13, "repeated formal argument 'a'"),
        (")\n", 1, 1, "no matching opening bracket"),
        ("a::\nb\n", 2, 1, "unexpected end of line"),
        # text no token matches: right after a token, after blanks, at the very end
        ("x <- 1§2\n", 1, 7, "unexpected input '§'"),
        ("x <-  \t §\n", 1, 9, "unexpected input '§'"),
        ("x <- 1\ny ?? §", 2, 6, "unexpected input '§'"),
        ("x <- 1  §", 1, 9, "unexpected input '§'"),
        ("f(x %in y)\n", 1, 5, "unterminated %operator%"),
    ],
)
def test_syntax_errors_name_the_place_and_the_problem(source, line, column, words):
    with pytest.raises(rkeras2py.RSyntaxError) as raised:
        rkeras2py.parse(source, "in.R")
    error = raised.value
    assert isinstance(error, SyntaxError)
    assert (error.filename, error.lineno, error.offset) == ("in.R", line, column)
    assert words in error.msg
    text = str(error)
    assert text.startswith(f"in.R:{line}:{column}: ")
    assert text.splitlines()[-1] == " " * (column - 1) + "^"


def test_reserved_words_match_the_grammar():
    assert set(get_parser().keywords) == set(RESERVED)


def test_dump_shows_types_fields_and_positions():
    text = dump(rkeras2py.parse("x <- f(1)"))
    assert "Assign(op='<-') @1:1-1:10" in text
    assert "Num(text='1') @1:8-1:9" in text


def test_per_character_scanner_agrees_with_the_full_regex():
    """The first-character dispatch is an optimisation: it must match what the regex of
    all terminals matches, token for token, on every fixture."""
    from conftest import FIXTURES

    scanner = get_parser()._scanner
    for path in sorted(FIXTURES.rglob("*.R")):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
        pos = 0
        while pos < len(text):
            if text[pos] in scanner.blanks:
                pos += 1
                continue
            fast = scanner.for_char(text[pos]).match(text, pos)
            full = scanner.any.match(text, pos)
            if full is None:
                break
            assert fast is not None, (path.name, pos)
            assert (fast.lastgroup, fast.group()) == (full.lastgroup, full.group()), path.name
            pos = full.end()
