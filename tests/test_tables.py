"""The LALR tables on disk (grammar/tables.py): computed by Lark once per grammar, then read
back as plain data, so a process that parses R does not import Lark."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys

import pytest

from rkeras2py.grammar import diskcache, tables
from rkeras2py.grammar.parser import RParser

SOURCE = "f <- function(x, y = 2) { x[-1] + y }\nf(1:3) |> print()\n"


def test_tables_are_computed_when_missing_and_read_back_the_same(tmp_path, monkeypatch):
    monkeypatch.setattr(diskcache.tempfile, "gettempdir", lambda: str(tmp_path))
    computed = tables.load()
    (stored,) = tmp_path.glob(".rkeras2py_tables_*.marshal")
    assert tables.load() == computed
    assert computed.actions[computed.start] and computed.rules and computed.terminals
    expected = RParser().parse(SOURCE)
    assert [type(node).__name__ for node in expected.body] == ["Assign", "Binary"]
    for damage in (b"not marshal data", b"N", b""):  # unreadable, None, empty
        stored.write_bytes(damage)
        assert RParser().parse(SOURCE) == expected  # computed again
        assert tables.load() is not None and stored.read_bytes() != damage


def test_every_rule_that_builds_a_node_names_a_tree_builder_method():
    from rkeras2py.grammar.builder import TreeBuilder

    for rule in tables.load().rules:
        assert rule.passthrough or callable(getattr(TreeBuilder, rule.builder, None)), rule


def test_parsing_does_not_import_lark():
    tables.load()  # the tables are on disk
    code = "import sys, rkeras2py; rkeras2py.translate('x <- 1'); print('lark' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


@pytest.mark.skipif(getattr(os, "getuid", lambda: 1)() != 0, reason="needs root to chown")
def test_a_tables_file_another_user_owns_is_not_trusted(tmp_path, monkeypatch):
    """The temp directory is shared: a file planted there must not decide how R parses."""
    monkeypatch.setattr(diskcache.tempfile, "gettempdir", lambda: str(tmp_path))
    tables.load()
    (stored,) = tmp_path.glob(".rkeras2py_tables_*.marshal")
    planted = marshal.loads(stored.read_bytes())
    planted = (planted[1], *planted[1:])  # starts in the end state: nothing would parse
    stored.write_bytes(marshal.dumps(planted))
    os.chown(stored, 12345, 12345)
    assert RParser().parse(SOURCE) == RParser().parse(SOURCE)  # parsed: not the planted file
    assert stored.stat().st_uid == 0
