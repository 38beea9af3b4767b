"""The LALR(1) tables Lark computes from `r.lark`, kept on disk as plain data.

The parser drives the tables itself (parser.py), so all it needs from Lark is what Lark
computed: each state's actions, each rule's size, name and which children its builder
keeps, and the terminals. Lark is imported and asked only when the grammar (or this
format) is new to the machine; the answer is kept as plain data (diskcache.py), so a
process start reads a small file instead of importing Lark and unpickling its own cache,
which cost more than everything else a short file's translation does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .diskcache import remembered

GRAMMAR = Path(__file__).with_name("r.lark")
_FORMAT = "rkeras2py-tables-1"  # part of the file's key: a new layout of the data needs a new one


@dataclass(frozen=True, slots=True)
class Terminal:
    """A terminal of the grammar: its name, regex, literal text (for keywords), and what
    orders it against other terminals matching the same text."""

    name: str
    regexp: str
    value: str
    is_literal: bool
    priority: int
    max_width: int


@dataclass(frozen=True, slots=True)
class Rule:
    """A grammar rule as the driver reduces it. `builder` names the `TreeBuilder` method;
    `keep` lists the children it receives (None: all), since Lark drops anonymous tokens."""

    size: int
    origin: str
    passthrough: bool
    builder: str | None
    keep: tuple[int, ...] | None


@dataclass(frozen=True, slots=True)
class Tables:
    start: int
    end: int
    # per state: symbol -> (True, next state) for a shift, (False, rule index) for a reduce
    actions: list[dict[str, tuple[bool, int]]]
    rules: list[Rule]
    terminals: list[Terminal]


def load() -> Tables:
    """The tables for `r.lark`: kept from an earlier run, or computed by Lark."""
    text = GRAMMAR.read_text(encoding="utf-8")
    return remembered("tables", f"{_FORMAT}\n{text}", lambda: _compute(text), _tables)


def _tables(data: tuple) -> Tables:
    start, end, actions, rules, terminals = data
    return Tables(
        start,
        end,
        actions,
        [Rule(*rule) for rule in rules],
        [Terminal(*terminal) for terminal in terminals],
    )


class _Names:
    """Stands in for the tree builder while Lark makes its callbacks: each callback then
    shows which builder method it calls, and Lark's wrappers which children they keep."""

    def __getattr__(self, name: str) -> _Named:
        if name.startswith("__") or not name.islower():  # terminals are upper case
            raise AttributeError(name)
        return _Named(name)


class _Named:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, children):  # never called: the callbacks are only inspected
        raise AssertionError(self.name)


def _compute(text: str) -> tuple:
    """Ask Lark for the LALR(1) tables of `text` (seconds; done once per grammar)."""
    from lark import Lark
    from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders
    from lark.parsers.lalr_analysis import Shift

    lark = Lark(
        text,
        parser="lalr",
        lexer="basic",
        transformer=_Names(),
        start="module",
        maybe_placeholders=False,
    )
    lalr = lark.parser.parser.parser
    table = lalr.parse_table
    rule_index: dict = {}
    rules = []
    for rule, callback in lalr.callbacks.items():
        passthrough = len(rule.expansion) == 1 and rule.options.expand1 and not rule.alias
        builder = keep = None
        if not passthrough:
            if isinstance(callback, ChildFilterLALR_NoPlaceholders):
                if any(expand for _, expand in callback.to_include):
                    raise ValueError(f"rule {rule}: inlined children are not supported")
                keep = tuple(index for index, _ in callback.to_include)
                callback = callback.node_builder
            if not isinstance(callback, _Named):
                raise ValueError(f"rule {rule}: no TreeBuilder method builds it")
            builder = str(callback.name)
        rule_index[rule] = len(rules)
        origin = str(rule.origin.name)  # marshal takes plain strings, not Lark's Tokens
        rules.append((len(rule.expansion), origin, bool(passthrough), builder, keep))
    actions = [{} for _ in range(len(table.states))]
    for state, row in table.states.items():
        for symbol, (action, argument) in row.items():
            if action is Shift:
                actions[state][str(symbol)] = (True, argument)
            else:
                actions[state][str(symbol)] = (False, rule_index[argument])
    terminals = [
        (
            str(t.name),
            str(t.pattern.to_regexp()),
            str(t.pattern.value),
            t.pattern.type == "str",
            int(t.priority),
            int(t.pattern.max_width),
        )
        for t in lark.terminals
    ]
    start, end = table.start_states["module"], table.end_states["module"]
    return start, end, actions, rules, terminals
