"""The R → Python mapping tables: one module per R package, one entry per R function.

An entry says what a call becomes. Most are data: a Python target, the R formals (to match
positional and partially named arguments as R does), per-argument conversions and
renames, and the kind of the result. Calls whose translation depends on their arguments
(`c()`, `paste0()`, `seq()`) have an emitter function instead, registered with the same
table. Either way, a new R function is a new entry, never a new `if` in the emitters.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..kinds import Kind

if TYPE_CHECKING:
    import libcst as cst

    from ...grammar import nodes as n
    from ..emitter import Emitter

# Conversions applied to an argument's translated value before it is passed on.
Converter = Callable[["Emitter", "n.Node"], "cst.BaseExpression"]
KindRule = Kind | Callable[["Emitter", "BoundCall"], Kind]
SpecialEmitter = Callable[["Emitter", "BoundCall"], "cst.BaseExpression"]


@dataclass
class Entry:
    """How one R function translates."""

    package: str
    name: str
    target: str | None = None
    params: tuple[str, ...] = ()
    emit: SpecialEmitter | None = None
    statement: Callable | None = None
    convert: dict[str, Converter] = field(default_factory=dict)
    rename: dict[str, str] = field(default_factory=dict)
    drop: frozenset[str] = frozenset()
    kind: KindRule = Kind.UNKNOWN
    item_kind: Kind = Kind.UNKNOWN  # what `[[i]]` of a list result holds
    visible: bool = True
    status: str = "mapped"
    note: str = ""
    # `target` is a method called on the first argument (`fit(model, x)` is `model.fit(x)`)
    method: bool = False
    # how arguments without their own conversion are passed (R values as reticulate sends them)
    pass_value: Converter | None = None
    # its `statement` also handles `x <- call(...)` (a layer piped onto a Sequential model)
    assigns: bool = False
    # checks of the bound call that fail (a marker) on R the translation cannot keep
    checks: tuple = ()
    # a warning every use reports, called or passed as a value
    caveat: str = ""
    # how many leading arguments may stay positional, where Python's parameter order
    # parts from R's (`compile(optimizer, loss, metrics)`: Python's third is loss_weights)
    positional: int | None = None

    def result_kind(self, emitter: Emitter, call: BoundCall) -> Kind:
        return self.kind(emitter, call) if callable(self.kind) else self.kind


@dataclass
class BoundCall:
    """An R call with its arguments matched to the entry's formals, as R matches them."""

    node: n.Call
    entry: Entry
    named: dict[str, n.Node]
    extra: list[n.Arg]
    by_name: frozenset[str] = frozenset()

    def get(self, param: str) -> n.Node | None:
        return self.named.get(param)

    def has(self, param: str) -> bool:
        return param in self.named


class Table:
    """The entries of one R package."""

    def __init__(self, package: str, **defaults) -> None:
        self.package = package
        self.entries: dict[str, Entry] = {}
        self.defaults = defaults  # Entry options every entry of this package starts from
        self.methods: dict[tuple[str, Kind], Entry] = {}  # S3 methods: (generic, kind)

    def add(self, name: str, target: str | None = None, params: str = "", **options) -> Entry:
        options = {**self.defaults, **options}
        entry = Entry(self.package, name, target, tuple(params.split()), **options)
        self.entries[name] = entry
        return entry

    def s3(self, name: str, kinds, target: str | None = None, params: str = "", **options):
        """An S3 method: `name(x, ...)` when `x` is of one of `kinds` (`summary(model)`)."""
        options = {**self.defaults, **options}
        entry = Entry(self.package, name, target, tuple(params.split()), **options)
        for kind in kinds:
            self.methods[(name, kind)] = entry
        return entry

    def special(self, *names: str, params: str = "", **options):
        """Register an emitter function for calls that need more than a table entry."""

        def register(function: SpecialEmitter) -> SpecialEmitter:
            for name in names:
                existing = self.entries.get(name)
                self.add(name, params=params, emit=function, **options)
                if existing is not None and existing.statement is not None:
                    self.entries[name].statement = existing.statement
            return function

        return register

    def statement(self, *names: str, params: str = "", **options):
        """Register a function that turns a call standing as a statement into statements
        (`stop()` is `raise`, `library()` is nothing, `return()` is `return`)."""

        def register(function: Callable) -> Callable:
            for name in names:
                entry = self.entries.get(name) or self.add(name, params=params, **options)
                entry.statement = function
            return function

        return register


PACKAGE_MODULES = (
    "base",
    "stats",
    "utils",
    "magrittr",
    "zeallot",
    "keras",
    "keras3",
    "tensorflow",
    "tfdatasets",
    "r6",
    "reticulate",
)


# The R keras APIs: a file is written against one of them (see `translator.api`).
_KERAS_APIS = ("keras", "keras3")


@dataclass(frozen=True)
class Attribute:
    """`obj$name` on an object of a known kind: the Python attribute and what it holds."""

    name: str
    kind: Kind = Kind.PYOBJ
    item_kind: Kind = Kind.UNKNOWN
    # keys of the dict it holds that Python spells otherwise (`lr` is `learning_rate`)
    keys: tuple[tuple[str, str], ...] = ()


class Registry:
    """All tables; looks a name up in the packages a file can see, base R first.

    A registry serves one R keras API (`api.KERAS2` or `api.KERAS3`), and holds no table of
    the other one.

    Packages of Python objects also describe those objects: `ATTRIBUTES` maps (kind, R
    name) to an `Attribute` (`history$metrics` is `history.history`), `METHOD_KINDS` the
    kind a method call returns, `CHAIN_KINDS` the kind a call through a module path returns
    (`tf$constant(...)` is a tensor), longest prefix first; `PATH_RENAMES` Python paths
    spelt otherwise under `from tensorflow import keras`; `METHOD_HELPERS` methods Keras 3
    removed, as runtime helpers taking the object first.
    """

    def __init__(self, api: str = "keras") -> None:
        self.api = api
        self.tables: dict[str, Table] = {}
        self.search: list[Table] = []  # the tables an unqualified name is looked up in
        self.attributes: dict[tuple[Kind, str], Attribute] = {}
        self.method_kinds: dict[str, Kind] = {}
        self.chain_kinds: dict[str, Kind] = {}
        self.path_renames: dict[str, str] = {}  # Python paths spelt otherwise in Python
        self.method_helpers: dict[tuple[str, ...], str] = {}  # removed methods → runtime
        self.methods: dict[tuple[str, Kind], Entry] = {}
        for module_name in PACKAGE_MODULES:
            if module_name in _KERAS_APIS and module_name != api:
                continue  # a file names the other API only to be told it cannot (RK114)
            module = importlib.import_module(f"{__name__}.{module_name}")
            table: Table = module.TABLE
            self.tables[table.package] = table
            self.search.append(table)
            self.methods.update(table.methods)
            self.attributes.update(getattr(module, "ATTRIBUTES", {}))
            self.method_kinds.update(getattr(module, "METHOD_KINDS", {}))
            self.chain_kinds.update(getattr(module, "CHAIN_KINDS", {}))
            self.path_renames.update(getattr(module, "PATH_RENAMES", {}))
            self.method_helpers.update(getattr(module, "METHOD_HELPERS", {}))
        self._prefixes = sorted(self.chain_kinds, key=len, reverse=True)
        self.generics = frozenset(name for name, _ in self.methods)

    def method(self, name: str, kind: Kind) -> Entry | None:
        """The S3 method of generic `name` for objects of `kind`, if a package has one."""
        return self.methods.get((name, kind))

    def chain_kind(self, path: str) -> Kind:
        """The kind of what calling the Python function at `path` returns."""
        for prefix in self._prefixes:
            if path == prefix or path.startswith(prefix if prefix.endswith(".") else prefix + "."):
                return self.chain_kinds[prefix]
        return Kind.UNKNOWN

    def lookup(self, name: str, package: str | None = None) -> Entry | None:
        if package is not None:
            table = self.tables.get(package)
            return table.entries.get(name) if table else None
        for table in self.search:
            if name in table.entries:
                return table.entries[name]
        return None


def without_trailing_empty(args: list[n.Arg]) -> list[n.Arg]:
    """The arguments less a trailing comma's empty one (`fit(x, y, )`), which the `...` of
    R keras's functions ignore (where an empty argument means something, as in
    `op_subset(x, 2, )`, the entry reads it from `extra` itself)."""
    if args and args[-1].value is None and args[-1].name is None:
        return args[:-1]
    return args


def bind(call: n.Call, entry: Entry) -> BoundCall:
    """Match `call`'s arguments to `entry.params` the way R does.

    Exact names first, then unique partial names (not after `...`), then positions in
    order. Arguments that match nothing go to `extra` (R's `...`).
    """
    params, before_dots = _formals(tuple(entry.params))  # a tuple when a list was given
    named: dict[str, n.Node] = {}
    by_name: set[str] = set()
    unmatched: list[n.Arg] = []
    for arg in call.args:
        if arg.name is None:
            unmatched.append(arg)
        elif arg.name in params and arg.name not in named:
            named[arg.name] = arg.value
            by_name.add(arg.name)
        else:
            candidates = [p for p in before_dots if p.startswith(arg.name) and p not in named]
            if len(candidates) == 1:
                named[candidates[0]] = arg.value
                by_name.add(candidates[0])
            else:
                unmatched.append(arg)
    extra: list[n.Arg] = []
    free = [p for p in before_dots if p not in named]
    for arg in unmatched:
        if arg.name is None and free:
            named[free.pop(0)] = arg.value
        else:
            extra.append(arg)
    return BoundCall(call, entry, named, extra, frozenset(by_name))


@functools.lru_cache(maxsize=2048)
def _formals(params: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """An entry's named formals, and those before its `...` (all of them when it has none,
    in order): the same for every call of the entry, so worked out once."""
    dots_at = params.index("...") if "..." in params else len(params)
    return frozenset(p for p in params if p != "..."), params[:dots_at]
