"""Property tests for the R front end: parse, unparse and reparse agree on any R text.

Two generators feed the properties. One derives R source from the Lark grammar itself, so
every rule of `r.lark` gets exercised without a hand-written list of cases; the other builds
syntax trees from `nodes` classes, so unparse has to find the parentheses R's precedence
needs. Deep-nesting tests then check that nothing recurses on the depth of the tree.
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lark import Lark
from lark.grammar import NonTerminal, Terminal

import rkeras2py.grammar as grammar_package
from rkeras2py import RSyntaxError, parse, translate, unparse
from rkeras2py.grammar import nodes as n
from rkeras2py.grammar.parser import get_parser
from rkeras2py.grammar.strings import is_syntactic_name
from rkeras2py.grammar.walk import dump, walk

PROPERTY_SETTINGS = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def round_trip(text: str) -> tuple[n.Module, str, n.Module]:
    """`parse`, `unparse`, `parse` again: the three stages every property compares."""
    first = parse(text)
    written = unparse(first)
    return first, written, parse(written)


# ---- R text derived from the grammar ------------------------------------------------

# Sample texts for the grammar's regular-expression terminals; string terminals write
# themselves (their `pattern.value`).
REGEX_SAMPLES: dict[str, tuple[str, ...]] = {
    "NAME": ("x", ".a", "été", "`a b`", "...", "`x`"),
    "NUMBER": ("1", "1L", "0x1F", "1e-3", ".5", "2i"),
    "STRING": ('"a"', "'b\\n'"),
    "RAW_STRING": ('r"(x)"',),
    "SPECIAL": ("%>%", "%in%", "%%", "%/%", "% op %"),
    "LEFT_ASSIGN": ("<-", "<<-", ":="),
    "RIGHT_ASSIGN": ("->", "->>"),
    "OR": ("|", "||"),
    "AND": ("&", "&&"),
    "COMPARE": ("==", "!=", "<", ">", "<=", ">="),
    "CARET": ("^", "**"),
    "NS_GET": ("::", ":::"),
    "_NL": ("\n", "# note\n"),
}
# Where the generator places the placeholder itself (R allows it only on a pipe's right).
_SKIPPED_ALIASES = frozenset({"placeholder"})
# What may head a pipe's right-hand call without becoming something other than a call.
_PIPE_HEADS = frozenset({"name", "namespace", "paren"})
_TAILS = frozenset({"extract", "index", "index2"})


def grammar_lark() -> Lark:
    """The Lark instance for `r.lark`: the parser's own if it keeps one, else a fresh one."""
    lark = getattr(get_parser(), "_lark", None)
    if lark is None:
        source = Path(grammar_package.__file__).with_name("r.lark").read_text(encoding="utf-8")
        lark = Lark(source, parser="lalr", start="module", maybe_placeholders=False)
    return lark


@dataclass(frozen=True)
class GrammarRule:
    """One expansion of `r.lark`, with how much depth budget it costs."""

    origin: str
    symbols: tuple[Terminal | NonTerminal, ...]
    alias: str | None
    cost: int
    passthrough: bool


class Grammar:
    """The Lark grammar's rules, indexed for random derivation with a depth budget.

    Only expansions that nest (more than one symbol, or a terminal) cost budget, so the
    long chain of precedence levels from `stmt` down to `primary` is free.
    """

    def __init__(self) -> None:
        lark = grammar_lark()
        self.patterns = {t.name: t.pattern for t in lark.terminals}
        self.rules: dict[str, list[GrammarRule]] = {}
        for rule in lark.rules:
            unit = len(rule.expansion) == 1 and isinstance(rule.expansion[0], NonTerminal)
            passthrough = unit and rule.options.expand1 and not rule.alias
            symbols = tuple(rule.expansion)
            cost = 0 if unit else 1
            entry = GrammarRule(rule.origin.name, symbols, rule.alias, cost, passthrough)
            if rule.alias not in _SKIPPED_ALIASES:
                self.rules.setdefault(entry.origin, []).append(entry)
        self.depth = self._minimal_depths()
        for rules in self.rules.values():
            rules.sort(key=lambda rule: (self.rule_depth(rule), not rule.passthrough))

    def _minimal_depths(self) -> dict[str, float]:
        depth = dict.fromkeys(self.rules, math.inf)
        changed = True
        while changed:
            changed = False
            for rules in self.rules.values():
                for rule in rules:
                    value = self.rule_depth(rule, depth)
                    if value < depth[rule.origin]:
                        depth[rule.origin] = value
                        changed = True
        return depth

    def rule_depth(self, rule: GrammarRule, depth: dict[str, float] | None = None) -> float:
        """The least budget a derivation starting with `rule` needs."""
        depth = self.depth if depth is None else depth
        inner = [depth[s.name] for s in rule.symbols if isinstance(s, NonTerminal)]
        return rule.cost + max(inner, default=0)

    def eligible(self, origin: str, budget: int, aliases=None) -> list[GrammarRule]:
        rules = [rule for rule in self.rules[origin] if self.rule_depth(rule) <= budget]
        if aliases is not None:
            rules = [rule for rule in rules if rule.alias in aliases]
        return rules

    def terminal_texts(self, name: str) -> tuple[str, ...]:
        if name in REGEX_SAMPLES:
            return REGEX_SAMPLES[name]
        pattern = self.patterns[name]
        assert pattern.type == "str", f"no sample text for terminal {name}"
        return (pattern.value,)


GRAMMAR = Grammar()


class _Derivation:
    """One random derivation from `module`, done with an explicit stack of work items.

    Work items are `("nt", nonterminal, budget)`, `("t", terminal)`, and markers for the
    context R's checks need: unique formal names, a legal right side for `|>`.
    """

    def __init__(self, draw, budget: int, used: set[GrammarRule] | None = None) -> None:
        self.draw = draw
        self.used = set() if used is None else used
        self.tokens: list[str] = []
        self.formal_scopes: list[set[str]] = []
        self.stack: list[tuple] = [("nt", "module", budget)]

    def run(self) -> str:
        while self.stack:
            item = self.stack.pop()
            getattr(self, "_" + item[0])(*item[1:])
        return " ".join(self.tokens)

    def _choose(self, origin: str, budget: int) -> GrammarRule:
        rules = GRAMMAR.eligible(origin, budget)
        if rules[0].passthrough and len(rules) > 1:
            # Mostly fall through to the next precedence level, or budget runs out at the top.
            if self.draw(st.integers(0, 7)) < 7:
                return rules[0]
            return self.draw(st.sampled_from(rules[1:]))
        shallow = GRAMMAR.rule_depth(rules[0])
        deeper = [rule for rule in rules if GRAMMAR.rule_depth(rule) > shallow]
        if deeper and self.draw(st.booleans()):
            # Half the time something that nests (`function`, `if`, braces), not a token.
            return self.draw(st.sampled_from(deeper))
        return self.draw(st.sampled_from(rules[: len(rules) - len(deeper)]))

    def push_rule(self, rule: GrammarRule, budget: int) -> None:
        self.used.add(rule)
        inner = budget - rule.cost
        items: list[tuple] = []
        for position, symbol in enumerate(rule.symbols):
            if isinstance(symbol, Terminal):
                if rule.origin == "formal" and position == 0:
                    items.append(("formal_name",))
                else:
                    items.append(("t", symbol.name))
            elif rule.alias == "pipe" and position == 2:
                items.append(("pipe_rhs", inner))
            else:
                items.append(("nt", symbol.name, inner))
        if rule.origin == "formals":
            self.formal_scopes.append(set())
            self.stack.append(("end_formals",))
        self.stack.extend(reversed(items))

    def _nt(self, origin: str, budget: int) -> None:
        self.push_rule(self._choose(origin, budget), budget)

    def _t(self, name: str) -> None:
        token = self.draw(st.sampled_from(GRAMMAR.terminal_texts(name)))
        self.tokens.append(token)

    def _formal_name(self) -> None:
        used = self.formal_scopes[-1]
        free = [name for name in REGEX_SAMPLES["NAME"] if name.strip("`") not in used]
        name = self.draw(st.sampled_from(free)) if free else f"v{len(used)}"
        used.add(name.strip("`"))
        self.tokens.append(name)

    def _end_formals(self) -> None:
        self.formal_scopes.pop()

    def _pipe_rhs(self, budget: int) -> None:
        """A right side R accepts: a call, perhaps with one `name = _`, or `_` extractions.

        It needs a little more budget than the `range` it stands for: a call and its args.
        """
        budget = max(budget, 3)
        form = self.draw(st.sampled_from(("call", "placeholder_arg", "extraction")))
        if form == "extraction":
            tails = GRAMMAR.eligible("postfix", budget, _TAILS)
            chosen = self.draw(st.lists(st.sampled_from(tails), min_size=1, max_size=2))
            items: list[tuple] = [("t", "PLACEHOLDER")]
            for rule in chosen:
                items.extend(self._tail_items(rule, budget - 1))
            self.stack.extend(reversed(items))
            return
        head = self.draw(st.sampled_from(GRAMMAR.eligible("primary", budget, _PIPE_HEADS)))
        args: list[tuple] = [("nt", "args", budget - 1)]
        if form == "placeholder_arg":
            args = [("t", "NAME"), ("t", "EQ_ASSIGN"), ("t", "PLACEHOLDER")]
            if self.draw(st.booleans()):
                args = [("nt", "arg", budget - 1), ("t", "COMMA"), *args]
            if self.draw(st.booleans()):
                args = [*args, ("t", "COMMA"), ("nt", "arg", budget - 1)]
        self.stack.extend(reversed([("t", "LPAR"), *args, ("t", "RPAR")]))
        self.push_rule(head, budget)

    @staticmethod
    def _tail_items(rule: GrammarRule, budget: int) -> list[tuple]:
        """The symbols after `postfix` in an extract or index rule, as work items."""
        return [
            ("t", s.name) if isinstance(s, Terminal) else ("nt", s.name, budget)
            for s in rule.symbols[1:]
        ]


@st.composite
def grammar_programs(draw, used: set[GrammarRule] | None = None) -> str:
    """R source derived at random from `r.lark`'s rules (the start symbol is `module`).

    `used`, if given, collects the rules the derivations expanded.
    """
    return _Derivation(draw, draw(st.integers(1, 10)), used).run()


def test_every_terminal_has_sample_text():
    """Each terminal the rules use has a text to write, so every rule can be derived."""
    used = {
        symbol.name
        for rules in GRAMMAR.rules.values()
        for rule in rules
        for symbol in rule.symbols
        if isinstance(symbol, Terminal)
    }
    missing = {name for name in used if name not in REGEX_SAMPLES}
    assert {GRAMMAR.patterns[name].type for name in missing} <= {"str"}
    for name, samples in REGEX_SAMPLES.items():
        regexp = GRAMMAR.patterns[name].to_regexp()
        for sample in samples:
            assert re.fullmatch(regexp, re.sub("#[^\n]*", "", sample)), (name, sample)


def test_generated_programs_mostly_parse_and_use_every_rule():
    """The generator emits R that our parser accepts, not a stream the property discards,
    and it reaches every rule of the grammar."""
    outcomes: list[bool] = []
    used: set[GrammarRule] = set()

    @settings(PROPERTY_SETTINGS, max_examples=400, database=None, derandomize=True)
    @given(grammar_programs(used))
    def record(program: str) -> None:
        try:
            parse(program)
        except RSyntaxError:
            outcomes.append(False)
        else:
            outcomes.append(True)

    record()
    assert len(outcomes) >= 300
    assert sum(outcomes) >= 0.9 * len(outcomes), f"{outcomes.count(False)} rejected"
    every_rule = {rule for rules in GRAMMAR.rules.values() for rule in rules}
    assert not every_rule - used, sorted(str(rule) for rule in every_rule - used)


COMPARISONS = frozenset({"==", "!=", "<", ">", "<=", ">="})


@PROPERTY_SETTINGS
@given(grammar_programs())
def test_grammar_derived_programs_round_trip(program: str):
    """`parse(unparse(parse(text))) == parse(text)`, and unparse output is a fixed point."""
    try:
        first = parse(program)
    except RSyntaxError:
        assume(False)
    written = unparse(first)
    second = parse(written)
    assert second == first, written
    assert unparse(second) == written
    assert parse(unparse(second)) == second


@settings(PROPERTY_SETTINGS, derandomize=True)  # the same programs in every run: CI decides
@given(grammar_programs())
def test_grammar_derived_programs_translate_to_python_that_compiles(program: str):
    """Whatever R the grammar allows, the translator writes a file Python compiles (what it
    cannot translate is marked, never written half-way), and no statement meets a bug of
    ours (RK900). Random runs of this property found five such bugs."""
    try:
        result = translate(program)
    except RSyntaxError:
        assume(False)
    assert not [d for d in result.diagnostics if d.code == "RK900"], result.diagnostics
    with warnings.catch_warnings():  # `True[1]` compiles, with a warning
        warnings.simplefilter("ignore", SyntaxWarning)
        compile(result.code, "<translation>", "exec")


@pytest.mark.parametrize(
    "text",
    ['r"(x)"', "`x`", "x$`a`", "f(`x` = 1)", "x$'a'", "f('a' = 1)", "'a'::b"],
)
def test_unparse_keeps_how_a_token_was_written(text):
    first, _, second = round_trip(text)
    assert second == first


@pytest.mark.parametrize(
    "text", ["!a == b == c", "~a == b == c", "function() a == b == c", "x + !a < b > c"]
)
def test_comparison_chained_through_a_prefix_form_is_rejected(text):
    with pytest.raises(RSyntaxError):
        parse(text)


# ---- syntax trees built from `nodes` ------------------------------------------------

NAME_IDS = ("x", "y", ".a", "été", "...", "T", "a b", "if", "_x", "1x", "a`b", "a\\b")
SYNTACTIC_IDS = tuple(name for name in NAME_IDS if is_syntactic_name(name))
# R's binary operators (`**` is read as `^`); `|>` gets its own node shape below.
BINARY_OPS = (*"? | || & && == != < > <= >= + - * / %% %/% %in% %>% : ^".split(), "% op %")
ASSIGN_OPS = ("<-", "<<-", "=", ":=", "->", "->>")
CONSTANTS = ("TRUE", "FALSE", "NULL", "NA", "NA_integer_", "NA_real_", "Inf", "NaN")


def name_nodes(ids=NAME_IDS) -> st.SearchStrategy[n.Name]:
    """Names, quoted exactly when R needs backticks (as the parser records them)."""
    return st.sampled_from(ids).map(lambda i: n.Name(i, quoted=not is_syntactic_name(i)))


def quoted_names() -> st.SearchStrategy[tuple[str, str | None]]:
    """A name and the quote the parser records for it: none, backtick or double quote."""
    return st.sampled_from(NAME_IDS).flatmap(
        lambda i: st.sampled_from([(i, None if is_syntactic_name(i) else "`"), (i, '"')])
    )


ATOMS = st.one_of(
    name_nodes(),
    st.sampled_from(REGEX_SAMPLES["NUMBER"]).map(n.Num),
    st.sampled_from(("a", "b c", "\n", 'q"', "é", "\\", "\t", "\x01", "\u200b")).map(n.Str),
    st.sampled_from(CONSTANTS).map(n.Const),
    st.builds(
        lambda pkg, name, internal: n.Namespace(pkg[0], name[0], internal, pkg[1], name[1]),
        st.tuples(st.sampled_from(NAME_IDS), st.sampled_from((None, '"'))),
        st.tuples(st.sampled_from(NAME_IDS), st.sampled_from((None, '"'))),
        st.booleans(),
    ),
    st.builds(n.Break),
    st.builds(n.Next),
)


def arguments(values, *, call: bool) -> st.SearchStrategy[list[n.Arg]]:
    """Argument lists as the parser builds them (`f()` has none, `x[]` one empty)."""
    value = st.none() | values

    def named(pair, v):
        name, quote = pair
        return n.Arg(v, name, quote)

    arg = st.one_of(
        values.map(n.Arg),
        st.builds(named, quoted_names(), value),
        st.builds(lambda v: n.Arg(v, "NULL", "NULL"), value),
        st.just(None).map(n.Arg),
    )
    result = st.lists(arg, min_size=0 if call else 1, max_size=3)
    if call:
        result = result.filter(lambda args: len(args) != 1 or args[0].value or args[0].name)
    return result


def extend(children: st.SearchStrategy[n.Node]) -> st.SearchStrategy[n.Node]:
    """One more level of tree: every compound node shape R can write."""

    def extract(obj, op, pair):
        name, quote = pair
        return n.Extract(obj, op, name, quote)

    def function(names, defaults, body, lambda_syntax):
        params = [n.Param(name, default) for name, default in zip(names, defaults, strict=False)]
        return n.Function(params, body, lambda_syntax)

    pipe_call = st.builds(n.Call, name_nodes(SYNTACTIC_IDS), arguments(children, call=True))
    return st.one_of(
        st.builds(n.Binary, st.sampled_from(BINARY_OPS), children, children),
        st.builds(n.Binary, st.just("|>"), children, pipe_call),
        st.builds(n.Unary, st.sampled_from(("-", "+", "!", "?")), children),
        st.builds(n.Assign, st.sampled_from(ASSIGN_OPS), name_nodes(), children),
        st.builds(n.Formula, st.none() | children, children),
        st.builds(n.Call, children, arguments(children, call=True)),
        st.builds(n.Index, children, arguments(children, call=False), st.booleans()),
        st.builds(extract, children, st.sampled_from(("$", "@")), quoted_names()),
        st.builds(
            function,
            st.lists(st.sampled_from(NAME_IDS), unique=True, max_size=3),
            st.lists(st.none() | children, min_size=3, max_size=3),
            children,
            st.booleans(),
        ),
        st.builds(n.If, children, children, st.none() | children),
        st.builds(n.For, name_nodes(), children, children),
        st.builds(n.While, children, children),
        st.builds(n.Repeat, children),
        st.builds(n.Block, st.lists(children, max_size=3)),
    )


TREES = st.recursive(ATOMS, extend, max_leaves=12)


def strip_parens(node: n.Node) -> n.Node:
    """`node` with every `Paren` replaced by what it holds (in place, without recursion)."""

    def unwrap(child):
        while isinstance(child, n.Paren):
            child = child.expr
        return child

    root = unwrap(node)
    stack = [root]
    while stack:
        current = stack.pop()
        for field in current.child_fields:
            value = getattr(current, field)
            if isinstance(value, list):
                value[:] = [unwrap(child) for child in value]
                stack.extend(value)
            elif value is not None:
                value = unwrap(value)
                setattr(current, field, value)
                stack.append(value)
    return root


def _offset(lines: list[str], line: int, column: int) -> int:
    return sum(len(text) + 1 for text in lines[: line - 1]) + column - 1


@PROPERTY_SETTINGS
@given(TREES)
def test_unparse_parenthesises_exactly_where_precedence_needs(tree: n.Node):
    """R reads unparse's text as the tree itself; no pair of parentheses is superfluous."""
    text = unparse(tree)
    assert strip_parens(parse(text)).body == [tree], text
    module = parse(text)  # again: strip_parens works in place
    lines = text.split("\n")
    for paren in (node for node in walk(module) if isinstance(node, n.Paren)):
        start = _offset(lines, paren.line, paren.column)
        stop = _offset(lines, paren.end_line, paren.end_column) - 1
        assert (text[start], text[stop]) == ("(", ")")
        without = text[:start] + " " + text[start + 1 : stop] + " " + text[stop + 1 :]
        try:
            reread = parse(without)
        except RSyntaxError:
            continue
        assert strip_parens(reread).body != [tree], f"needless parentheses in {text!r}"


@pytest.mark.parametrize(
    ("tree", "text"),
    [
        (n.Binary("^", n.Unary("-", n.Name("a")), n.Name("b")), "(-a)^b\n"),
        (n.Binary("-", n.Name("a"), n.Binary("-", n.Name("b"), n.Name("c"))), "a - (b - c)\n"),
        (n.Binary("+", n.Formula(None, n.Name("a")), n.Name("b")), "(~a) + b\n"),
        (
            n.If(
                n.Name("a"), n.Binary("+", n.Name("x"), n.If(n.Name("b"), n.Name("c"))), n.Name("d")
            ),
            "if (a) (x + if (b) c) else d\n",
        ),
        (n.Call(n.Name("f"), [n.Arg(n.Assign("=", n.Name("a"), n.Num("1")))]), "f((a = 1))\n"),
    ],
)
def test_parentheses_for_hand_built_trees(tree, text):
    """A few cases spelled out, as documentation of what the property checks."""
    written = unparse(n.Module([tree]))
    assert written == text
    assert strip_parens(parse(written)).body == [tree]


@pytest.mark.parametrize(
    "then",
    [
        n.If(n.Name("b"), n.Name("c")),
        n.Function([], n.If(n.Name("b"), n.Name("c"))),
        n.Unary("-", n.If(n.Name("b"), n.Name("c"))),
        n.Function([], n.Binary("+", n.Name("x"), n.If(n.Name("b"), n.Name("c")))),
    ],
    ids=["if", "function", "unary", "function_binary"],
)
def test_dangling_else_inside_a_prefix_form(then):
    tree = n.If(n.Name("a"), then, n.Name("d"))
    assert strip_parens(parse(unparse(tree))).body == [tree]


# ---- deep nesting -------------------------------------------------------------------


def _pipe_chain(op: str, stages: int) -> str:
    return "x" + "".join(f" {op} f({i})" for i in range(stages))


DEEP_SOURCES = {
    "magrittr_chain_2000": _pipe_chain("%>%", 2000),
    "native_pipe_chain_2000": _pipe_chain("|>", 2000),
    "parentheses_500": "(" * 500 + "x" + ")" * 500,
    "calls_500": "f(" * 500 + "x" + ")" * 500,
    "braces_300": "{" * 300 + "x" + "}" * 300,
    "right_assign_chain_1000": " <- ".join(f"a{i}" for i in range(1000)) + " <- 1",
}


@pytest.mark.parametrize("source", DEEP_SOURCES.values(), ids=DEEP_SOURCES.keys())
def test_deep_nesting_round_trips_without_recursion(source):
    """Real R nests far past Python's recursion limit; no stage may recurse on depth."""
    first, written, second = round_trip(source)
    assert second == first
    assert unparse(second) == written
    assert len(dump(first).splitlines()) > 300
    assert dump(second, positions=False) == dump(first, positions=False)
