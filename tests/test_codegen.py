"""The translator's printer (translator/codegen.py) prints what libcst's `Module.code` prints:
on trees libcst parsed (every fixture's and example's Python) and on trees the translator
built (every fixture's R), whose defaults (MaybeSentinel commas, spacing) parsed trees lack.
The built trees also pass libcst's validation, node by node: the builders skip it."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest
from conftest import FIXTURES, ROOT

import rkeras2py.translator as translator
from rkeras2py import RSyntaxError
from rkeras2py.translator.codegen import module_code
from rkeras2py.translator.cstmake import make

PYTHON_FILES = sorted([*FIXTURES.rglob("*.py"), *(ROOT / "examples").glob("*.py")])
R_FOLDERS = sorted(folder for folder in FIXTURES.iterdir() if folder.is_dir())


@pytest.mark.parametrize("path", PYTHON_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_parsed_python_prints_as_libcst_prints(path: Path) -> None:
    module = cst.parse_module(path.read_text(encoding="utf-8"))
    assert module_code(module) == module.code


@pytest.mark.parametrize("folder", R_FOLDERS, ids=lambda p: p.name)
def test_translations_print_as_libcst_prints(folder: Path, monkeypatch) -> None:
    printed = []

    def both(module: cst.Module) -> str:
        assert_valid(module)
        text = module_code(module)
        assert text == module.code
        printed.append(text)
        return text

    monkeypatch.setattr(translator, "module_code", both)
    for path in sorted(folder.rglob("*.R")):
        try:
            translator.translate(path.read_text(encoding="utf-8"), str(path))
        except RSyntaxError:
            continue
    assert printed


def assert_valid(module: cst.Module) -> None:
    """Every node of `module` passes libcst's own checks (the builders skip them: cstmake)."""
    stack: list[cst.CSTNode] = [module]
    while stack:
        node = stack.pop()
        node._validate()
        stack.extend(node.children)


def test_unchecked_nodes_fail_validation_here() -> None:
    bad = make.Call(cst.Name("f"), [], lpar=[cst.LeftParen()])  # unbalanced parentheses
    module = cst.Module(body=[cst.SimpleStatementLine([cst.Expr(bad)])])
    with pytest.raises(cst.CSTValidationError):
        assert_valid(module)


def test_made_nodes_equal_checked_nodes() -> None:
    checked = cst.Call(cst.Name("f"), [cst.Arg(cst.Name("x"))])
    made = make.Call(cst.Name("f"), [make.Arg(cst.Name("x"))])
    assert made.deep_equals(checked)
    assert module_code(cst.Module([cst.SimpleStatementLine([cst.Expr(made)])])) == "f(x)\n"


def _statement(code: str) -> cst.BaseStatement:
    return cst.parse_statement(code)


BUILT = [
    cst.Module(body=[]),
    cst.Module(body=[], has_trailing_newline=False),
    cst.Module(body=[cst.SimpleStatementLine([cst.Expr(cst.Tuple([cst.Element(cst.Name("a"))]))])]),
    cst.Module(
        body=[
            cst.SimpleStatementLine(
                [cst.Expr(cst.Name("a")), cst.Pass(), cst.Return(None), cst.Break()]
            ),
            cst.SimpleStatementLine([]),
            cst.FunctionDef(
                cst.Name("f"),
                cst.Parameters(
                    params=[cst.Param(cst.Name("x"), default=cst.Integer("1"))],
                    star_arg=cst.Param(cst.Name("args")),
                    star_kwarg=cst.Param(cst.Name("kw")),
                ),
                cst.IndentedBlock(
                    [
                        cst.If(
                            cst.Name("x"),
                            cst.IndentedBlock([]),
                            orelse=cst.If(
                                cst.Name("y"),
                                cst.IndentedBlock([_statement("raise E from e\n")]),
                                orelse=cst.Else(cst.IndentedBlock([_statement("return\n")])),
                            ),
                        ),
                        cst.While(cst.Name("z"), cst.IndentedBlock([_statement("continue\n")])),
                    ]
                ),
            ),
            cst.FunctionDef(
                cst.Name("g"),
                cst.Parameters(kwonly_params=[cst.Param(cst.Name("k"))]),
                cst.IndentedBlock([_statement("x = {1: 2, **d}, {*s}, (yield)\n")]),
                asynchronous=cst.Asynchronous(),
            ),
        ]
    ),
]


PARSED = (
    "import numpy as np\n\n\ndef f(x, *, y=2):\n    return [a for a in x if a > y]  # c\n"
    "class A(B):\n    z: int = (1 + 2) * -3\n    async def g(self): await h(**k)\n"
    "if a is not b and c not in d:\n    x[1:2:3, ::] = (yield)\nelif e: pass\nelse: del f\n"
)


def test_rarer_python_prints_as_libcst_prints() -> None:
    module = cst.parse_module(PARSED)
    assert module_code(module) == module.code == PARSED


@pytest.mark.parametrize("module", BUILT, ids=range(len(BUILT)))
def test_built_trees_print_as_libcst_prints(module: cst.Module) -> None:
    assert module_code(module) == module.code
