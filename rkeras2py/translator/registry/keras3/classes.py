"""keras3's class constructors: `Layer()`, `Model()`, `Callback()`, `Loss()`, `Metric()`,
`Constraint()` and their `new_*_class()` aliases, as Python `class` statements.

They build on keras 2.x's machinery (`registry/keras/classes.py`): functions given as
members are methods, `initialize` is `__init__`, `super$initialize()` is
`super().__init__()`, `private$x` is `self._x`, and `Layer()` hands back a layer function
that composes as `layer_*()` calls do. keras3 (`R/Layer.R`, `Model.R`, `Callback.R`,
`Loss.R`, `Metric.R`, `Constraint.R`, `LearningRateSchedule.R`, `py-classes.R`) differs
from keras 2.x in what the constructors take and do:

* every constructor takes its own member formals positionally after `classname`
  (`Layer("X", initialize, call, build, get_config, ...)`), then `public = list(...)`
  (members, overriding those given before), `private = list(...)` (members the methods
  reach as `private$x`: Python's `self._x`), `inherit` (a base class, or a layer function
  such as `layer_dense`, which stands for its class) and `parent_env` (R only);
* `Model()`, `Callback()`, `Loss()`, `Metric()` and `Constraint()` return a function that
  calls the class with the arguments given: in Python, the class itself;
* `Constraint()` and the learning-rate schedule name their `call` member `__call__`;
* a `from_config` member is a class method;
* a `Callback()`'s epoch and batch hooks receive R's 1-based numbers (kerastools'
  `wrap_sig_self_idx_logs()` adds 1 to what Keras passes).
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from ....grammar import nodes as n
from ....grammar.walk import walk
from ... import pyast as py
from ...emitter import DISCARD, Mode
from ...kinds import Kind
from .. import BoundCall
from ..convert import is_null
from ..keras.classes import (
    CALLBACK_METHODS,
    ClassConstructor,
    active_call,
    assigned_name,
    class_name_of,
    class_statement,
    finish_class,
    initialize_member,
    layer_function,
    list_items,
    member_scope,
    register_class,
)
from .signatures import signature
from .table import TABLE

_TAIL = "... public private inherit parent_env"


def _formals(name: str) -> str:
    """keras3's formals of `name` (members come by exact name through `...`)."""
    return " ".join(signature(name).formals)


@dataclass(frozen=True)
class Constructor:
    """One keras3 class constructor: its R formals and what it makes."""

    formals: str
    spec: ClassConstructor
    # members that drop a NULL given through `...` (Callback's modifyList(keep.null = FALSE))
    drops_null_extras: bool = False
    # methods whose first argument R numbers from 1 (kerastools' wrap_sig_self_idx_logs)
    numbered: frozenset[str] = frozenset()


_SCHEDULE = "keras.optimizers.schedules.LearningRateSchedule"
_NUMBERED_CALLBACK_METHODS = frozenset(
    name for name in CALLBACK_METHODS.split() if name.startswith(("on_epoch_", "on_batch_"))
) | frozenset(
    f"on_{stage}_batch_{edge}"
    for stage in ("train", "test", "predict")
    for edge in ("begin", "end")
)

CONSTRUCTORS: dict[str, Constructor] = {
    "Layer": Constructor(
        _formals("Layer"),
        ClassConstructor("keras.layers.Layer", Kind.LAYER, layer_function=True),
    ),
    "Model": Constructor(_formals("Model"), ClassConstructor("keras.Model", Kind.MODEL)),
    "Callback": Constructor(
        _formals("Callback"),
        ClassConstructor("keras.callbacks.Callback", Kind.PYOBJ),
        drops_null_extras=True,
        numbered=_NUMBERED_CALLBACK_METHODS,
    ),
    "Loss": Constructor(_formals("Loss"), ClassConstructor("keras.losses.Loss", Kind.PYOBJ)),
    "Metric": Constructor(_formals("Metric"), ClassConstructor("keras.metrics.Metric", Kind.PYOBJ)),
    "Constraint": Constructor(
        _formals("Constraint"),
        ClassConstructor("keras.constraints.Constraint", Kind.PYOBJ, rename={"call": "__call__"}),
    ),
    # keras3 does not export LearningRateSchedule(); new_learning_rate_schedule_class() is it
    "LearningRateSchedule": Constructor(
        f"classname call initialize get_config {_TAIL}",
        ClassConstructor(_SCHEDULE, Kind.PYOBJ, rename={"call": "__call__"}),
    ),
}

# keras3's `new_*_class()` are the same functions under their keras 2.x names.
ALIASES = {
    "new_layer_class": "Layer",
    "new_model_class": "Model",
    "new_callback_class": "Callback",
    "new_loss_class": "Loss",
    "new_metric_class": "Metric",
    "new_learning_rate_schedule_class": "LearningRateSchedule",
}

_NOT_MEMBERS = ("classname", "public", "private", "inherit", "parent_env")


def _constructor(bound: BoundCall) -> Constructor:
    name = bound.entry.name
    return CONSTRUCTORS[ALIASES.get(name, name)]


# ---- the members -------------------------------------------------------------------------


def _as_member(value: n.Node) -> n.Node:
    """`active_property(function ...)` as the `mark_active(...)` the class body reads as a
    property (keras3's mark_active is active_property)."""
    if (
        isinstance(value, n.Call)
        and getattr(value.func, "id", None) == "active_property"
        and len(value.args) == 1
        and isinstance(value.args[0].value, n.Function)
    ):
        return active_call(value.args[0].value)
    return value


def _members(emitter, bound: BoundCall, constructor: Constructor) -> list[tuple[str, n.Node]]:
    """The members in keras3's order: the named formals (NULL ones left out), then `...`
    (a NULL there is a None attribute, as modifyList(keep.null = TRUE) keeps it), then
    `public`, each replacing a member of its name in place; `private` members last, as
    `_name`. Constraint's and the schedule's `call` is `__call__` unless that is given."""
    formals = set(constructor.formals.split()) - set(_NOT_MEMBERS)
    param_of = {id(value): param for param, value in bound.named.items()}
    members: dict[str, n.Node] = {}
    for arg in bound.node.args:
        r_name = param_of.get(id(arg.value), arg.name)
        if r_name in _NOT_MEMBERS or arg.value is None:
            continue
        if r_name is None:
            emitter.fail("RK103", f"{bound.entry.name}() members must be named", arg)
        if is_null(arg.value) and (r_name in formals or constructor.drops_null_extras):
            continue
        members[r_name] = _as_member(arg.value)
    for part in ("public", "private"):
        node = bound.get(part)
        items = list_items(node)
        if node is not None and not is_null(node) and not items:
            emitter.fail("RK103", f"{bound.entry.name}({part} =) must be written as list()", node)
        for r_name, value in items:
            if r_name is None:
                emitter.fail("RK103", f"{bound.entry.name}({part} =) members must be named", value)
            members[r_name if part == "public" else f"_{r_name}"] = _as_member(value)
    for r_name, python in constructor.spec.rename.items():
        if r_name in members and python not in members:
            members = {python if key == r_name else key: value for key, value in members.items()}
    return list(members.items())


# ---- the class statement -----------------------------------------------------------------


def _base(emitter, inherit: n.Node | None, default: str) -> cst.BaseExpression:
    """The base class: keras3's default, a layer function's class (`inherit = layer_dense`
    is `keras.layers.Dense`; a `Layer()` function of this file is its class), or the class
    the R code names."""
    if inherit is None or is_null(inherit):
        return py.dotted(emitter.imports.path(default))
    if isinstance(inherit, n.Name):
        user = emitter.user_entries.get(inherit.id)
        if user is not None and user.target:
            return py.dotted(user.target)
        if not emitter.analysis.is_user_name(inherit.id, emitter.scope):
            entry = emitter.registry.lookup(inherit.id)
            if entry is not None and entry.target and entry.status in ("mapped", "object"):
                return py.dotted(emitter.imports.path(entry.target))
    return emitter.expr(inherit)


def _class(emitter, bound: BoundCall) -> tuple[cst.ClassDef, str, Constructor]:
    constructor = _constructor(bound)
    python = class_name_of(emitter, bound)
    members = _members(emitter, bound, constructor)
    base = _base(emitter, bound.get("inherit"), constructor.spec.base)
    scope = member_scope(emitter, bound.node)
    _seed_config(emitter, members)
    definition = class_statement(emitter, python, [base], members, scope)
    body = [_adjust(member, constructor) for member in definition.body.body]
    return (
        definition.with_changes(body=definition.body.with_changes(body=body)),
        python,
        constructor,
    )


def _seed_config(emitter, members: list[tuple[str, n.Node]]) -> None:
    """`from_config(config)` receives the dict `get_config()` made: an R named list, so
    `do.call(cls, config)` is `cls(**config)`."""
    seeded = dict(emitter.seeded)
    for r_name, value in members:
        if r_name == "from_config" and isinstance(value, n.Function):
            params = [p.name for p in value.params if p.name not in ("cls", "self", "...")]
            if params:
                seeded[id(value)] = {params[0]: Kind.NAMED_LIST, **seeded.get(id(value), {})}
    emitter.seeded = seeded


def _adjust(member: cst.BaseStatement, constructor: Constructor) -> cst.BaseStatement:
    """What keras3 does to some methods: `from_config` is a class method; a callback's
    epoch and batch numbers are R's, counted from 1."""
    if not isinstance(member, cst.FunctionDef):
        return member
    if member.name.value == "from_config":
        return _class_method(member)
    if member.name.value in constructor.numbered:
        return _one_based(member)
    return member


def _class_method(member: cst.FunctionDef) -> cst.FunctionDef:
    """`@classmethod def from_config(cls, config)`: keras3 puts `cls` first, as the R
    function names it or not."""
    params = list(member.params.params)
    if len(params) > 1 and params[0].name.value == "self" and params[1].name.value == "cls":
        params = params[1:]
    elif params and params[0].name.value == "self":
        params[0] = params[0].with_changes(name=py.name("cls"))
    decorator = cst.Decorator(py.name("classmethod"))
    return member.with_changes(
        params=member.params.with_changes(params=params),
        decorators=[decorator, *member.decorators],
    )


class _Uses(cst.CSTVisitor):
    def __init__(self, name: str) -> None:
        self.name, self.found = name, False

    def visit_Name(self, node: cst.Name) -> None:
        self.found = self.found or node.value == self.name


def _one_based(member: cst.FunctionDef) -> cst.FunctionDef:
    """`number += 1` first in a callback hook that uses its epoch or batch number: keras3
    hands the R function Keras's 0-based number plus 1."""
    params = [p for p in member.params.params if p.name.value != "self"]
    if not params:
        return member
    number = params[0].name.value
    uses = _Uses(number)
    member.body.visit(uses)
    if not uses.found:
        return member
    shift = py.simple(
        cst.AugAssign(py.name(number), cst.AddAssign(), cst.Integer("1")),
    )
    statements = list(member.body.body)
    at = 1 if statements and _is_docstring(statements[0]) else 0
    statements.insert(at, shift)
    return member.with_changes(body=member.body.with_changes(body=statements))


def _is_docstring(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, cst.SimpleString)
    )


# ---- the constructor calls ---------------------------------------------------------------


def _statement(emitter, bound: BoundCall, mode: Mode) -> list[cst.BaseStatement]:
    """`x <- Layer("X", ...)`: the class statement; a `Layer()` function is registered so
    that its calls compose as `layer_*()` calls do, the other constructors' functions call
    the class, which Python does directly."""
    definition, python, constructor = _class(emitter, bound)
    variable = assigned_name(emitter, bound.node, mode)
    if constructor.spec.layer_function:
        members = _members(emitter, bound, constructor)
        function = variable if variable is not None else python
        emitter.set_kind(function, Kind.FUNCTION)
        initialize = initialize_member(members)
        # without `initialize`, keras3's function takes what the base class's __init__ does
        formals = None if initialize is not None else ["..."]
        emitter.user_entries[function] = layer_function(function, python, initialize, None, formals)
        emitter.forget_kinds()
        if mode.action == "assign" and not _used_as_value(emitter, function):
            return [definition]
    else:
        register_class(emitter, variable, python, constructor.spec.kind)
    return finish_class(emitter, definition, python, variable, mode)


def _used_as_value(emitter, r_name: str) -> bool:
    """Whether the R code uses the layer function `r_name` other than by calling it,
    naming it as a base class (`inherit = layer_x`) or registering it: it hands the
    function to Python then, which is the class (`custom_objects = list(X = layer_x)`)."""
    resolved = set()
    for node in walk(emitter.analysis.module_scope.node):
        if isinstance(node, n.Call):
            resolved.add(id(node.func))
            name = getattr(node.func, "id", None)
            for arg in node.args:
                if (name in _CLASS_ARGUMENTS and arg.name == _CLASS_ARGUMENTS[name]) or (
                    name == "register_keras_serializable" and arg is node.args[0]
                ):
                    resolved.add(id(arg.value))
        elif isinstance(node, n.Assign):
            resolved.add(id(node.target))
    return any(
        isinstance(node, n.Name) and node.id == r_name and id(node) not in resolved
        for node in walk(emitter.analysis.module_scope.node)
    )


_CLASS_ARGUMENTS = {name: "inherit" for name in [*CONSTRUCTORS, *ALIASES]}


def _value(emitter, bound: BoundCall) -> cst.BaseExpression:
    """A constructor call used as a value: the class statement goes first."""
    definition, python, constructor = _class(emitter, bound)
    emitter.hoist([definition])
    if not constructor.spec.layer_function:
        register_class(emitter, None, python, constructor.spec.kind)
    return py.name(python)


for _name in [*CONSTRUCTORS, *ALIASES]:
    _formals = CONSTRUCTORS[ALIASES.get(_name, _name)].formals
    if _name == "LearningRateSchedule":
        continue  # not exported by keras3
    TABLE.special(_name, params=_formals, kind=Kind.FUNCTION, assigns=True)(_value)
    TABLE.statement(_name)(_statement)


# ---- properties ----------------------------------------------------------------------------


@TABLE.special("active_property", "mark_active", params="fn", kind=Kind.FUNCTION)
def _active_property(emitter, bound: BoundCall) -> cst.BaseExpression:
    """Outside a class body the mark means nothing to Python: the function itself (a
    member marked so is a property, see emit/classes.py)."""
    return emitter.expr(bound.get("fn"))


# ---- register_keras_serializable() -------------------------------------------------------


def _serializable_object(emitter, node: n.Node) -> cst.BaseExpression:
    """What keras3 registers: a `Layer()` function's class, or the object itself."""
    if isinstance(node, n.Name):
        user = emitter.user_entries.get(node.id)
        if user is not None and user.target:
            return py.dotted(user.target)
    return emitter.expr(node)


def _serializable_kind(emitter, bound: BoundCall) -> Kind:
    obj = bound.get("object")
    return emitter.kind(obj) if obj is not None else Kind.PYOBJ


@TABLE.special(
    "register_keras_serializable",
    params=signature("register_keras_serializable").params,
    kind=_serializable_kind,
    assigns=True,
    visible=False,  # R prints the function it returns; Python has nothing to show
)
def _register_keras_serializable(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`keras.saving.register_keras_serializable(package=, name=)(obj)`. keras3's package
    is "Custom" outside an R package, as Python's default is; the name defaults to the
    class's or function's own in both."""
    obj = bound.get("object")
    if obj is None:
        emitter.fail("RK103", "register_keras_serializable() needs the object", bound.node)
    args = [
        py.arg(emitter.expr(bound.get(param)), param)
        for param in ("package", "name")
        if bound.get(param) is not None and not is_null(bound.get(param))
    ]
    decorator = py.call(emitter.imports.path("keras.saving.register_keras_serializable"), *args)
    return py.call(decorator, py.arg(_serializable_object(emitter, obj)))


@TABLE.statement("register_keras_serializable")
def _register_keras_serializable_statement(
    emitter, bound: BoundCall, mode: Mode
) -> list[cst.BaseStatement]:
    """`layer_x <- register_keras_serializable(layer_x)` keeps the layer function: keras3
    registers its class in place, and Python's registration returns the class itself."""
    obj = bound.get("object")
    variable = assigned_name(emitter, bound.node, mode)
    value = _register_keras_serializable(emitter, bound)
    if (
        isinstance(obj, n.Name)
        and variable == obj.id
        and obj.id in emitter.user_entries
        and not _used_as_value(emitter, obj.id)
    ):
        return [py.expr_statement(value)]
    return emitter.finish(value, DISCARD if mode.action == "print" else mode)
