"""base R's files and paths (temporary files, existence tests, reading and writing lines),
and `as.array()` of what a Python API returns.

CAVEATS
- `tempfile()` names a file that does not exist yet, as R's does (`tempfile.mktemp`); the
  directory is Python's temporary directory, not a per-session one.
- `unlink()` of a missing file is silent, as in R.
"""

from __future__ import annotations

import libcst as cst

from ... import pyast as py
from ...emitter import Emitter
from ...kinds import Kind
from .. import BoundCall
from ..helpers import expr, is_true
from .core import TABLE

__all__ = ["TABLE"]


@TABLE.special("tempfile", params="pattern tmpdir fileext", kind=Kind.STR)
def _tempfile(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    args = [py.arg(expr(emitter, bound, "pattern", py.string("file")), "prefix")]
    if bound.get("fileext") is not None:
        args.insert(0, py.arg(emitter.expr(bound.get("fileext")), "suffix"))
    if bound.get("tmpdir") is not None:
        args.append(py.arg(emitter.expr(bound.get("tmpdir")), "dir"))
    return py.call(emitter.imports.path("tempfile.mktemp"), *args)


TABLE.add("tempdir", "tempfile.gettempdir", "check", kind=Kind.STR, drop=frozenset({"check"}))
TABLE.add("file.path", "os.path.join", "... fsep", kind=Kind.STR)
TABLE.add("basename", "os.path.basename", "path", kind=Kind.STR)
TABLE.add("dirname", "os.path.dirname", "path", kind=Kind.STR)
TABLE.add("dir.exists", "os.path.isdir", "paths", kind=Kind.BOOL)
TABLE.add("file.exists", "os.path.exists", "...", kind=Kind.BOOL)


@TABLE.special("unlink", params="x recursive force expand", visible=False)
def _unlink(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """R's unlink() is silent when the file is missing; recursive removes directories."""
    path = emitter.expr(bound.get("x"))
    if is_true(bound.get("recursive")):
        remove = emitter.imports.path("shutil.rmtree")
        return py.call(remove, path, py.arg(py.name("True"), "ignore_errors"))
    target = py.call(emitter.imports.path("pathlib.Path"), path)
    return py.call(py.attr(target, "unlink"), py.arg(py.name("True"), "missing_ok"))


@TABLE.special("file.remove", params="...", kind=Kind.BOOL)
def _file_remove(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    return py.call(emitter.imports.path("os.remove"), emitter.expr(bound.extra[0].value))


@TABLE.special("dir.create", params="path showWarnings recursive mode", visible=False)
def _dir_create(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    return py.call(
        emitter.imports.path("os.makedirs"),
        emitter.expr(bound.get("path")),
        py.arg(py.name("True"), "exist_ok"),
    )


@TABLE.special("writeLines", params="text con sep useBytes", visible=False)
def _write_lines(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """Each element of `text` on its own line, to a file or to the console."""
    text = emitter.expr(bound.get("text"))
    if emitter.kind(bound.get("text")) is Kind.STR:
        text = py.list_([text])
    separator = expr(emitter, bound, "sep", py.string("\n"))
    if bound.get("con") is None:
        return py.call("print", py.arg(text, star="*"), py.arg(separator, "sep"))
    joined = py.binop(py.call(py.attr(separator, "join"), text), "+", separator)
    target = py.call(emitter.imports.path("pathlib.Path"), emitter.expr(bound.get("con")))
    return py.call(py.attr(target, "write_text"), joined)


@TABLE.special("readLines", params="con n ok warn encoding skipNul", kind=Kind.CHR_VECTOR)
def _read_lines(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    source = py.call(emitter.imports.path("pathlib.Path"), emitter.expr(bound.get("con")))
    return py.call(py.attr(py.call(py.attr(source, "read_text")), "splitlines"))


@TABLE.special("is.raw", params="x", kind=Kind.BOOL)
def _is_raw(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    return py.call("isinstance", emitter.expr(bound.get("x")), py.name("bytes"))


@TABLE.special("as.array", params="x ...", kind=Kind.ARRAY)
def _as_array(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """An R array of the value: numpy's (a Python object, such as a tensor, converts)."""
    x = bound.get("x")
    if emitter.kind(x) is Kind.ARRAY:
        return emitter.expr(x)
    return py.call(emitter.imports.path("numpy.asarray"), emitter.expr(x))
