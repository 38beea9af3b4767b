"""R to Python: `translate(source)` parses, analyses and emits, and says what it could not do."""

from __future__ import annotations

import functools
import gc
from dataclasses import dataclass, field
from pathlib import Path

import libcst as cst

from ..grammar.parser import parse
from . import emit as _emitters  # noqa: F401  (registers the emitters)
from . import pyast as py
from .analysis import analyse
from .api import KERAS2, keras3_exports, keras_api
from .codegen import module_code
from .diagnostics import Diagnostic
from .emitter import Emitter
from .layout import space_statements
from .registry import Registry
from .wrap import wrap_code

_REGISTRIES: dict[str, Registry] = {}


def registry(api: str = KERAS2) -> Registry:
    """The registry of one R keras API, built once per process."""
    if api not in _REGISTRIES:
        _REGISTRIES[api] = Registry(api)
    return _REGISTRIES[api]


@functools.cache
def _keras3_only() -> frozenset[str]:
    """Names only keras3 exports (keras 2.x files know them from no package): calling one
    means the file is written for keras3."""
    keras2 = registry(KERAS2)
    return frozenset(name for name in keras3_exports() if keras2.lookup(name) is None)


@dataclass
class Translation:
    """The Python code and what the translator has to say about the R it came from."""

    code: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


class TranslationError(Exception):
    """Raised by `translate(..., strict=True)` when there are diagnostics."""

    def __init__(self, translation: Translation) -> None:
        self.translation = translation
        self.diagnostics = translation.diagnostics
        super().__init__("\n".join(f"{d.code} {d.message}" for d in translation.diagnostics))


def _calls_own_functions(analysis) -> bool:
    """Whether the file calls a function (or class) it defines: only then can scouting
    learn anything."""
    bound = set()
    for scope in analysis.scopes.values():
        bound |= scope.assigned | scope.functions | scope.classes | set(scope.params)
    return not bound.isdisjoint(analysis.called)


def translate(source: str, filename: str = "<string>", *, strict: bool = False) -> Translation:
    """Translate R source text to Python. Raises `RSyntaxError` for invalid R."""
    # A translation builds many small objects and few cycles: the collector's full passes
    # over them cost up to a third of the time on long files, and free almost nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _translate(source, filename, strict=strict)
    finally:
        if collecting:
            gc.enable()


def _translate(source: str, filename: str, *, strict: bool) -> Translation:
    module = parse(source, filename)
    analysis = analyse(module)
    api, clash = keras_api(analysis, _keras3_only())
    # Scouting passes learn what each user function is called with and returns (the
    # second sees the first's parameter kinds); the last pass writes the code.
    seeded: dict = {}
    returns: dict = {}
    for _ in range(2 if _calls_own_functions(analysis) else 0):
        scout = Emitter(source, filename, analysis, registry(api), clash)
        scout.seeded, scout.seeded_returns = seeded, returns
        scout.scouting = True
        scout.body(module.body, scout.statement_mode())
        if (scout.observed, scout.returns) == (seeded, returns):
            break
        seeded, returns = scout.observed, scout.returns
    emitter = Emitter(source, filename, analysis, registry(api), clash)
    emitter.seeded, emitter.seeded_returns = seeded, returns
    header: list[cst.EmptyLine] = []
    footer: list[cst.EmptyLine] = []
    body = emitter.body(module.body, emitter.statement_mode(), header, footer)
    footer += [
        cst.EmptyLine(comment=cst.Comment(f"#{c.text}".rstrip())) for c in module.trailing_comments
    ]
    imports = emitter.imports.statements()
    statements = space_statements([*emitter.prelude, *body], top_level=True)
    if statements:
        first = statements[0]
        gap = 2 if isinstance(first, (cst.FunctionDef, cst.ClassDef)) else 1
        if imports:
            lines = [line for line in first.leading_lines if line.comment is not None]
            statements[0] = first.with_changes(leading_lines=[py.BLANK_LINE] * gap + lines)
        elif header:  # the file's opening comments, then the first statement
            header += [py.BLANK_LINE] * gap
    if header and imports:
        header.append(py.BLANK_LINE)
    if footer and statements and isinstance(statements[-1], (cst.FunctionDef, cst.ClassDef)):
        footer[:0] = [py.BLANK_LINE] * 2  # as ruff format sets a comment after a definition
    module_node = cst.Module(body=[*imports, *statements], header=header, footer=footer)
    code = wrap_code(module_code(module_node))
    result = Translation(code, sorted(emitter.diagnostics, key=lambda d: (d.line, d.column)))
    if strict and result.diagnostics:
        raise TranslationError(result)
    return result


def translate_file(path: str | Path, *, strict: bool = False) -> Translation:
    """Translate the R file at `path` (UTF-8)."""
    text = Path(path).read_text(encoding="utf-8")
    return translate(text, str(path), strict=strict)


__all__ = ["Translation", "TranslationError", "translate", "translate_file"]
