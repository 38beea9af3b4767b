"""base R's files and paths (temporary files, existence tests, reading and writing lines),
and `as.array()` of what a Python API returns.

CAVEATS
- `tempfile()` names a file that does not exist yet, as R's does (`tempfile.mktemp`); the
  directory is Python's temporary directory, not a per-session one.
- `unlink()` of a missing file is silent, as in R.
"""

from __future__ import annotations

import libcst as cst

from ....grammar import nodes as n
from ... import pyast as py
from ...emitter import Emitter, Mode
from ...kinds import Kind
from .. import BoundCall
from ..helpers import expr, is_true
from .core import TABLE
from .extra import loop_name

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


def _each_path(function: str):
    """basename()/dirname(): of one path, or of each of a vector of them."""

    def emit(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
        target = emitter.imports.path(function)
        path = bound.get("path")
        if emitter.kind(path) is not Kind.CHR_VECTOR:
            return py.call(target, emitter.expr(path))
        paths = emitter.expr(path)
        each = py.name(loop_name(emitter, "path"))
        return py.list_comp(py.call(target, each), each, paths)

    return emit


def _path_kind(emitter: Emitter, bound: BoundCall) -> Kind:
    return Kind.CHR_VECTOR if emitter.kind(bound.get("path")) is Kind.CHR_VECTOR else Kind.STR


TABLE.add("basename", params="path", emit=_each_path("os.path.basename"), kind=_path_kind)
TABLE.add("dirname", params="path", emit=_each_path("os.path.dirname"), kind=_path_kind)
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


@TABLE.special(
    "list.files",
    params="path pattern all.files full.names recursive ignore.case include.dirs no..",
    kind=Kind.CHR_VECTOR,
    caveat="sorted by code point (B before a), where R follows the locale (a before B)",
)
def _list_files(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """The names in a directory (as paths with `full.names = TRUE`), sorted, those that
    `pattern` (a regular expression) finds, hidden ones only with `all.files = TRUE`."""
    if is_true(bound.get("recursive")):
        emitter.fail(
            "RK103", "list.files(recursive = TRUE) is not translated: use os.walk()", bound.node
        )
    directory = expr(emitter, bound, "path", py.string("."))
    pattern = bound.get("pattern")
    regex = None if pattern is None else emitter.expr(pattern)
    name = py.name(loop_name(emitter, "name"))
    conditions = []
    if regex is not None:
        ignore_case = is_true(bound.get("ignore.case"))
        flags = [py.dotted(emitter.imports.path("re.IGNORECASE"))] if ignore_case else []
        conditions.append(py.call(emitter.imports.path("re.search"), regex, name, *flags))
    if not is_true(bound.get("all.files")):
        conditions.append(py.unary("not", py.call(py.attr(name, "startswith"), py.string("."))))
    elif not is_true(bound.get("no..")):
        emitter.report(
            "RK201",
            'list.files(all.files = TRUE): R lists "." and ".." too (not with no.. = TRUE); '
            "os.listdir() does not",
            bound.node,
        )
    element = name
    if is_true(bound.get("full.names")):
        element = py.call(emitter.imports.path("os.path.join"), directory, name)
    listed = py.call(emitter.imports.path("os.listdir"), directory)
    if len(conditions) == 2:
        conditions = [py.boolop(conditions[0], "and", conditions[1])]
    loop = cst.CompFor(target=name, iter=listed, ifs=[cst.CompIf(c) for c in conditions])
    return py.call("sorted", cst.GeneratorExp(element, loop, lpar=[], rpar=[]))


@TABLE.special("download.file", params="url destfile method quiet mode", visible=False)
def _download_file(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """The file at `url`, saved as `destfile` (urllib writes binary, as mode = "wb")."""
    retrieve = emitter.imports.path("urllib.request.urlretrieve")
    return py.call(retrieve, emitter.expr(bound.get("url")), emitter.expr(bound.get("destfile")))


@TABLE.special("unzip", params="zipfile files list overwrite junkpaths exdir", visible=False)
def _unzip(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """A zip archive extracted into `exdir` (the working directory by default); `files`
    picks members."""
    if is_true(bound.get("list")) or is_true(bound.get("junkpaths")):
        emitter.fail("RK103", "unzip(list =, junkpaths =) is not translated", bound.node)
    if bound.get("overwrite") is not None and not is_true(bound.get("overwrite")):
        emitter.fail(
            "RK103", "unzip(overwrite = FALSE) is not translated: Python overwrites", bound.node
        )
    archive = emitter.expr(bound.get("zipfile"))
    directory = expr(emitter, bound, "exdir", py.string("."))
    files = bound.get("files")
    if files is None:
        unpack = emitter.imports.path("shutil.unpack_archive")
        return py.call(unpack, archive, directory, py.string("zip"))
    opened = py.call(emitter.imports.path("zipfile.ZipFile"), archive)
    members = emitter.expr(files)
    if emitter.kind(files) is Kind.STR:
        members = py.list_([members])
    return py.call(py.attr(opened, "extractall"), directory, py.arg(members, "members"))


@TABLE.special("untar", params="tarfile files list exdir compressed extras verbose", visible=False)
def _untar(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """A tar archive (compressed or not) extracted into `exdir` (the working directory by
    default)."""
    if bound.get("files") is not None or is_true(bound.get("list")):
        emitter.fail("RK103", "untar(files =, list =) is not translated", bound.node)
    archive = py.call(emitter.imports.path("tarfile.open"), emitter.expr(bound.get("tarfile")))
    directory = expr(emitter, bound, "exdir", py.string("."))
    return py.call(py.attr(archive, "extractall"), directory)


_RDS_CAVEAT = "the file is a Python pickle: an .rds file R wrote does not read back"


def pickled_to(emitter: Emitter, value: n.Node, path: n.Node) -> cst.BaseExpression:
    """`pathlib.Path(path).write_bytes(pickle.dumps(value))`: an object saved to a file."""
    pickled = py.call(emitter.imports.path("pickle.dumps"), emitter.expr(value))
    target = py.call(emitter.imports.path("pathlib.Path"), emitter.expr(path))
    return py.call(py.attr(target, "write_bytes"), pickled)


def unpickled_from(emitter: Emitter, path: n.Node) -> cst.BaseExpression:
    """`pickle.loads(pathlib.Path(path).read_bytes())`: the object saved by pickled_to()."""
    source = py.call(emitter.imports.path("pathlib.Path"), emitter.expr(path))
    return py.call(emitter.imports.path("pickle.loads"), py.call(py.attr(source, "read_bytes")))


@TABLE.special("saveRDS", params="object file ascii version compress refhook", visible=False)
def _save_rds(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """An R object saved to a file: a Python object pickled to one."""
    emitter.report("RK201", f"saveRDS(): {_RDS_CAVEAT}", bound.node)
    return pickled_to(emitter, bound.get("object"), bound.get("file"))


@TABLE.special("readRDS", params="file refhook")
def _read_rds(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    emitter.report("RK201", f"readRDS(): {_RDS_CAVEAT}", bound.node)
    return unpickled_from(emitter, bound.get("file"))


# Read by TensorFlow or Keras when Python imports them, which the translated program does
# first: R loads them later, at their first use.
_READ_AT_IMPORT = ("TF_", "KERAS_", "CUDA_")
_TF_PACKAGES = {"keras", "keras3", "tensorflow", "tfdatasets"}


@TABLE.statement("Sys.setenv", params="...", visible=False)
def _sys_setenv(emitter: Emitter, bound: BoundCall, mode: Mode) -> list[cst.BaseStatement]:
    """`os.environ["NAME"] = "value"` for each `NAME = value` (R stores them as strings)."""
    if mode.action in ("assign", "return"):
        emitter.fail("RK102", "Sys.setenv() as a value is not translated", bound.node)
    statements = []
    for arg in bound.extra:
        if not arg.name or arg.value is None:
            emitter.fail("RK103", "Sys.setenv() takes name = value pairs", bound.node)
        if arg.name.startswith(_READ_AT_IMPORT) and set(emitter.analysis.packages) & _TF_PACKAGES:
            emitter.report(
                "RK201",
                f"Sys.setenv({arg.name} =): set after the program imports TensorFlow, which "
                "reads it on import (R loads it later): set it in the shell instead",
                arg,
            )
        value = emitter.expr(arg.value)
        if emitter.kind(arg.value) is not Kind.STR:
            value = py.call("str", value)
        environ = py.dotted(emitter.imports.path("os.environ"))
        target = py.subscript(environ, py.string(arg.name))
        statements.append(py.assign(target, value))
    return statements


@TABLE.special("Sys.getenv", params="x unset names", kind=Kind.STR)
def _sys_getenv(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """An environment variable, "" (or `unset`) when it is not set."""
    name = bound.get("x")
    if name is None or emitter.kind(name) is not Kind.STR:
        emitter.fail("RK103", "Sys.getenv() is translated for one variable's name", bound.node)
    environ = py.dotted(emitter.imports.path("os.environ"))
    unset = expr(emitter, bound, "unset", py.string(""))
    return py.call(py.attr(environ, "get"), emitter.expr(name), unset)
