"""Classes the R code builds with R keras's constructors, as Python `class` statements.

`new_layer_class()`, `new_model_class()`, `new_callback_class()`, `new_loss_class()`,
`new_metric_class()`, `new_learning_rate_schedule_class()` and the deprecated `Layer()` take
the class members as named arguments: functions are methods (`self` implicit, `initialize`
as `__init__`, the last value returned), `mark_active()` functions properties, other values
class attributes; NULL members are left out. The class statement stands where the R call
does; the Python class is named by R's `classname`, and the variable the R code assigns it
to aliases it when the names differ.

`new_layer_class()`, `Layer()` and `create_layer_wrapper()` give the R code a layer
*function* (`object` first, then the `initialize` formals) that composes as `layer_*()`
functions do: it is registered for this translation (`emitter.user_entries`), so
`x %>% layer_scale(2)` is `Scale(2.0)(x)` and `model %>% layer_scale(2)` is
`model.add(Scale(2.0))`, with no wrapper at run time. `create_layer(Class, object, args)` is
the same composition for a class and a `list()` of arguments.

The legacy R6 API (`R6Class(inherit = KerasLayer, public = list(...))`, `KerasCallback`,
`KerasConstraint`, `KerasWrapper`) becomes ordinary subclasses. Its R6 objects were not the
Python layer: R keras passed `name`, `input_shape`, ... (and a wrapper's `layer`) to a
Python shim, so the Python `__init__` takes `**kwargs` for them and calls
`super().__init__(**kwargs)` first. A KerasConstraint's `call` is `__call__`.

`keras_model_custom(model_fn)` runs `model_fn(self)` once and uses the closure it returns as
`call`: a `keras.Model` subclass whose `__init__` is the body before the closure, and an
instance of it.
An R6 generator's `X$new(...)` is the class called, `X(...)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from ....grammar import nodes as n
from ....grammar.walk import walk
from ... import pyast as py
from ...analysis import Scope, class_name
from ...emit.calls import python_path
from ...emit.classes import class_body, instance_kind, method
from ...emit.values import python_name
from ...emitter import Mode
from ...kinds import Kind
from .. import BoundCall, Entry, bind
from ..convert import as_int, is_null, py_value, shape
from .compose import STANDARD, compose, compose_statement, layer_kind
from .table import TABLE


@dataclass(frozen=True)
class ClassConstructor:
    """What one R class constructor makes."""

    base: str  # the Python base class
    kind: Kind  # what instances of the class are
    layer_function: bool = False  # R hands back a `layer_*()`-style function, not the type
    rename: dict[str, str] = field(default_factory=dict)  # R member -> Python method


CALLBACK_METHODS = " ".join(
    f"on_{event}"
    for event in (
        "epoch_begin epoch_end train_begin train_end batch_begin batch_end "
        "predict_batch_begin predict_batch_end predict_begin predict_end "
        "test_batch_begin test_batch_end test_begin test_end "
        "train_batch_begin train_batch_end"
    ).split()
)

CONSTRUCTORS: dict[str, tuple[str, ClassConstructor]] = {
    # R name: (R formals, what it makes)
    "new_layer_class": (
        "classname ... initialize build call get_config",
        ClassConstructor("keras.layers.Layer", Kind.LAYER, layer_function=True),
    ),
    "Layer": (
        "classname initialize build call compute_output_shape ... inherit",
        ClassConstructor("keras.layers.Layer", Kind.LAYER, layer_function=True),
    ),
    "new_model_class": (
        "classname ... initialize call train_step predict_step test_step compute_loss "
        "compute_metrics",
        ClassConstructor("keras.Model", Kind.MODEL),
    ),
    "new_callback_class": (
        f"classname ... {CALLBACK_METHODS}",
        ClassConstructor("keras.callbacks.Callback", Kind.PYOBJ),
    ),
    "new_loss_class": ("classname ... call", ClassConstructor("keras.losses.Loss", Kind.PYOBJ)),
    "new_metric_class": (
        "classname ... initialize update_state result",
        ClassConstructor("keras.metrics.Metric", Kind.PYOBJ),
    ),
    # the R `call` member is the schedule's `__call__(step)`
    "new_learning_rate_schedule_class": (
        "classname ... initialize call get_config",
        ClassConstructor(
            "keras.optimizers.schedules.LearningRateSchedule",
            Kind.PYOBJ,
            rename={"call": "__call__"},
        ),
    ),
}


@dataclass(frozen=True)
class LegacyBase:
    """A base class of R keras's R6 API: what it is in Keras 3."""

    base: str
    kind: Kind
    # R keras gave the common layer arguments to its Python shim, not to `initialize`
    init_kwargs: bool = False
    rename: dict[str, str] = field(default_factory=dict)


LEGACY_BASES = {
    "KerasLayer": LegacyBase("keras.layers.Layer", Kind.LAYER, init_kwargs=True),
    "KerasWrapper": LegacyBase("keras.layers.Wrapper", Kind.LAYER, init_kwargs=True),
    "KerasCallback": LegacyBase("keras.callbacks.Callback", Kind.PYOBJ),
    "KerasConstraint": LegacyBase(
        "keras.constraints.Constraint", Kind.PYOBJ, rename={"call": "__call__"}
    ),
}

# R keras's create_layer_wrapper() modifiers for the standard layer arguments.
_STANDARD_MODIFIERS = {"input_shape": shape, "batch_input_shape": shape, "batch_size": as_int}


# ---- the class statement ---------------------------------------------------------------


def member_scope(emitter, call: n.Call) -> Scope:
    """The class scope the analysis gave the constructor call's arguments."""
    return emitter.analysis.scope_of(call)


def _member(r_name: str, value: n.Node) -> n.Assign:
    """A class member as the `name <- value` a `%py_class%` body would hold."""
    target = n.Name(r_name)
    member = n.Assign("<-", target, value)
    for node in (target, member):
        node.line, node.column = value.line, value.column
        node.end_line, node.end_column = value.end_line, value.end_column
    return member


def active_call(function: n.Node) -> n.Call:
    """An R6 `active = list(x = function(value) ...)` binding as `mark_active(...)`."""
    marked = n.Call(n.Name("mark_active"), [n.Arg(function)])
    marked.line, marked.column = function.line, function.column
    return marked


def class_statement(
    emitter,
    name: str,
    bases: list[cst.BaseExpression],
    members: list[tuple[str, n.Node]],
    scope: Scope,
    *,
    init_kwargs: bool = False,
) -> cst.ClassDef:
    """`class name(bases): members`, each member translated as in a `%py_class%` body."""
    _seed_parameter_kinds(emitter, members)
    block = n.Block([_member(r_name, value) for r_name, value in members])
    body = class_body(emitter, block, scope)
    if init_kwargs:
        body = [_init_with_kwargs(member) for member in body]
    return cst.ClassDef(
        py.name(name),
        cst.IndentedBlock(body or [py.simple(cst.Pass())]),
        bases=[py.arg(base) for base in bases],
        lpar=cst.LeftParen() if bases else cst.MaybeSentinel.DEFAULT,
        rpar=cst.RightParen() if bases else cst.MaybeSentinel.DEFAULT,
    )


# What Keras passes to the methods it calls: tensors to `call(inputs)`, a loss's and a
# metric's `(y_true, y_pred)` and a schedule's `step`; a callback's epoch and batch numbers.
_FIRST_PARAMETER_KINDS = {"call": Kind.TENSOR, "__call__": Kind.TENSOR}
_PARAMETER_KINDS = {
    "y_true": Kind.TENSOR,
    "y_pred": Kind.TENSOR,
    "epoch": Kind.INT,
    "batch": Kind.INT,
}


def _seed_parameter_kinds(emitter, members: list[tuple[str, n.Node]]) -> None:
    """The kinds of the arguments Keras calls the methods with (`y_pred$dtype` is an
    attribute of a tensor), for the parameters whose kinds no R call site shows."""
    seeded = dict(emitter.seeded)
    for r_name, value in members:
        if not isinstance(value, n.Function):
            continue
        params = [p.name for p in value.params if p.name not in ("self", "...")]
        kinds = {name: _PARAMETER_KINDS[name] for name in params if name in _PARAMETER_KINDS}
        if params and r_name in _FIRST_PARAMETER_KINDS:
            kinds.setdefault(params[0], _FIRST_PARAMETER_KINDS[r_name])
        seeded[id(value)] = {**kinds, **seeded.get(id(value), {})}
    emitter.seeded = seeded


def _init_with_kwargs(member: cst.BaseStatement) -> cst.BaseStatement:
    """`__init__(self, ..., **kwargs)` starting with `super().__init__(**kwargs)`: the
    arguments R keras handed to its Python shim rather than to the R6 `initialize`."""
    if not (isinstance(member, cst.FunctionDef) and member.name.value == "__init__"):
        return member
    kwargs = py.name("kwargs")
    params = member.params
    if params.star_kwarg is None or isinstance(params.star_kwarg, cst.MaybeSentinel):
        params = params.with_changes(star_kwarg=cst.Param(kwargs, star="**"))
    parent = py.call(py.attr(py.call("super"), "__init__"), py.arg(kwargs, star="**"))
    statements = list(member.body.body)
    at = 1 if statements and _is_docstring(statements[0]) else 0
    statements.insert(at, py.expr_statement(parent))
    return member.with_changes(params=params, body=member.body.with_changes(body=statements))


def _is_docstring(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, cst.SimpleString)
    )


def class_name_of(emitter, bound: BoundCall) -> str:
    node = bound.get("classname")
    if not isinstance(node, n.Str):
        emitter.fail("RK103", f"{bound.entry.name}() needs `classname` as a string", bound.node)
    return python_name(node.value)


def _named_members(emitter, bound: BoundCall, skip: tuple[str, ...]) -> list[tuple[str, n.Node]]:
    """The members a constructor call gives, in the order the R code writes them; NULL
    members are left out (R keras drops them)."""
    param_of = {id(value): param for param, value in bound.named.items()}
    members = []
    for arg in bound.node.args:
        r_name = param_of.get(id(arg.value), arg.name)
        if r_name in skip or arg.value is None:
            continue
        if r_name is None:
            emitter.fail("RK103", f"{bound.entry.name}() members must be named", arg)
        if is_null(arg.value):
            continue
        members.append((r_name, arg.value))
    return members


def _renamed(members: list[tuple[str, n.Node]], rename: dict[str, str]) -> list:
    """R members under their Python names (`call` as a schedule's `__call__`); an explicit
    `__call__` wins over `call`, as in R keras."""
    given = {r_name for r_name, _ in members}
    result = []
    for r_name, value in members:
        python = rename.get(r_name)
        if python is not None and python in given:
            continue
        result.append((python or r_name, value))
    return result


def assigned_name(emitter, call: n.Call, mode: Mode) -> str | None:
    """The R variable `x` of `x <- constructor(...)`."""
    if mode.action != "assign" or not isinstance(mode.target, cst.Name):
        return None
    for node in walk(emitter.scope.node):
        if isinstance(node, n.Assign) and node.value is call:
            target = node.target
            if isinstance(target, (n.Name, n.Str)):
                return target.id if isinstance(target, n.Name) else target.value
    return mode.target.value


def finish_class(
    emitter, definition: cst.ClassDef, python: str, variable: str | None, mode: Mode
) -> list[cst.BaseStatement]:
    """The class statement, then what the R call's value is used for."""
    statements: list[cst.BaseStatement] = [definition]
    if mode.action == "assign" and variable is not None:
        if python_name(variable) != python:
            statements.append(py.assign(py.name(python_name(variable)), py.name(python)))
    elif mode.action in ("assign", "return"):
        statements += emitter.finish(py.name(python), mode)
    return statements


def register_class(emitter, variable: str | None, python: str, kind: Kind) -> None:
    """Later calls of the class make instances of `kind` (`model <- MyModel()` is a model)."""
    for r_name in {variable, python} - {None}:
        emitter.set_kind(r_name, Kind.FUNCTION)
        emitter.class_kinds[r_name] = kind
        emitter.forget_kinds()


# ---- new_*_class() and Layer() ---------------------------------------------------------


def _constructor_class(emitter, bound: BoundCall) -> tuple[cst.ClassDef, str, ClassConstructor]:
    spec = CONSTRUCTORS[bound.entry.name][1]
    python = class_name_of(emitter, bound)
    members = _renamed(_named_members(emitter, bound, ("classname", "inherit")), spec.rename)
    inherit = bound.get("inherit")
    if inherit is not None and not is_null(inherit):
        base = emitter.expr(inherit)
    else:
        base = py.dotted(emitter.imports.path(spec.base))
    scope = member_scope(emitter, bound.node)
    return class_statement(emitter, python, [base], members, scope), python, spec


def initialize_member(members: list[tuple[str, n.Node]]) -> n.Function | None:
    for r_name, value in members:
        if r_name in ("initialize", "__init__") and isinstance(value, n.Function):
            return value
    return None


def _constructor_statement(emitter, bound: BoundCall, mode: Mode) -> list[cst.BaseStatement]:
    definition, python, spec = _constructor_class(emitter, bound)
    variable = assigned_name(emitter, bound.node, mode)
    if spec.layer_function:
        members = _named_members(emitter, bound, ("classname", "inherit"))
        function = variable if variable is not None else python
        emitter.set_kind(function, Kind.FUNCTION)
        emitter.user_entries[function] = layer_function(
            function, python, initialize_member(members)
        )
        emitter.forget_kinds()
        if mode.action == "assign" and not _used_as_value(emitter, function):
            return [definition]  # the R layer function is the class, called as Python does
    else:
        register_class(emitter, variable, python, spec.kind)
    return finish_class(emitter, definition, python, variable, mode)


def _used_as_value(emitter, r_name: str) -> bool:
    """Whether the R code uses `r_name` other than by calling it: R keras hands the layer
    class to Python then (`custom_objects = list(Offset = layer_offset)`)."""
    called, assigned, names = set(), set(), []
    for node in walk(emitter.analysis.module_scope.node):
        if isinstance(node, n.Call):
            called.add(id(node.func))
        elif isinstance(node, n.Assign):
            assigned.add(id(node.target))
        elif isinstance(node, n.Name) and node.id == r_name:
            names.append(node)
    return any(id(name) not in called and id(name) not in assigned for name in names)


def _constructor_value(emitter, bound: BoundCall) -> cst.BaseExpression:
    """A constructor call used as a value: the class statement goes first."""
    definition, python, spec = _constructor_class(emitter, bound)
    emitter.hoist([definition])
    if not spec.layer_function:
        register_class(emitter, None, python, spec.kind)
    return py.name(python)


for _name, (_params, _spec) in CONSTRUCTORS.items():
    TABLE.special(_name, params=_params, kind=Kind.FUNCTION, assigns=True)(_constructor_value)
    TABLE.statement(_name)(_constructor_statement)


# ---- layer functions the R code makes ------------------------------------------------


def layer_function(
    r_name: str,
    target: str,
    initialize: n.Function | None,
    modifiers: dict | None = None,
    formals: list[str] | None = None,
) -> Entry:
    """A `layer_*()`-style entry for a layer class: `object`, then the `initialize` formals
    (R keras's create_layer_wrapper()); the standard layer arguments travel in `...`."""
    if formals is None:
        formals = [p.name for p in initialize.params] if initialize is not None else []
    formals = [name for name in formals if name not in ("self", "object")]
    params = ["object", *formals]
    if "..." in formals:
        params += [name for name in STANDARD.split() if name not in formals]
    return Entry(
        "keras",
        r_name,
        target,
        tuple(params),
        emit=compose,
        statement=compose_statement,
        assigns=True,
        kind=layer_kind,
        convert={**_STANDARD_MODIFIERS, **(modifiers or {})},
        visible=False,
        pass_value=py_value,
    )


def class_definition(emitter, r_name: str) -> tuple[str, n.Node] | None:
    """Where the file defines the class `r_name`: ("py_class", block), ("R6", call) or
    ("new", call) for `r_name <- new_*_class(...)`."""
    for node in walk(emitter.analysis.module_scope.node):
        if isinstance(node, n.Binary) and node.op == "%py_class%":
            if class_name(node.left) == r_name and isinstance(node.right, n.Block):
                return "py_class", node.right
        elif isinstance(node, n.Assign) and isinstance(node.target, n.Name):
            value = node.value
            if node.target.id == r_name and isinstance(value, n.Call):
                name = _function_name(value)
                if name == "R6Class":
                    return "R6", value
                if name in CONSTRUCTORS:
                    return "new", value
    return None


def _function_name(call: n.Call) -> str | None:
    func = call.func
    if isinstance(func, n.Namespace):
        return func.name
    return func.id if isinstance(func, n.Name) else None


def _class_initialize(emitter, r_name: str) -> tuple[n.Function | None, bool]:
    """The `initialize` of a class defined in the file, and whether the file defines it."""
    found = class_definition(emitter, r_name)
    if found is None:
        return None, False
    how, node = found
    if how == "py_class":
        for statement in node.body:
            if (
                isinstance(statement, n.Assign)
                and isinstance(statement.target, n.Name)
                and statement.target.id in ("initialize", "__init__")
                and isinstance(statement.value, n.Function)
            ):
                return statement.value, True
        return None, True
    if how == "R6":
        public = bind(node, TABLE.entries["R6Class"]).get("public")
        for r_name_, value in list_items(public):
            if r_name_ in ("initialize", "__init__") and isinstance(value, n.Function):
                return value, True
        return None, True
    return None, False


def list_items(node: n.Node | None) -> list[tuple[str | None, n.Node]]:
    if node is None or is_null(node):
        return []
    if isinstance(node, n.Call) and getattr(node.func, "id", None) == "list":
        return [(arg.name, arg.value) for arg in node.args if arg.value is not None]
    return []


def _modifier(function: n.Node):
    """An R modifier function (`as.integer`) applied to an argument, as the R code says."""
    if isinstance(function, n.Name) and function.id == "as.integer":
        return as_int

    def apply(emitter, value: n.Node) -> cst.BaseExpression:
        call = n.Call(function, [n.Arg(value)])
        call.line, call.column = value.line, value.column
        return emitter.expr(call)

    return apply


@TABLE.special(
    "create_layer_wrapper", params="Layer modifiers convert", kind=Kind.FUNCTION, assigns=True
)
def _create_layer_wrapper(emitter, bound: BoundCall) -> cst.BaseExpression:
    emitter.fail(
        "RK102",
        "create_layer_wrapper() is translated where it is assigned to a name "
        "(`layer_x <- create_layer_wrapper(X)`)",
        bound.node,
    )


@TABLE.statement("create_layer_wrapper")
def _create_layer_wrapper_statement(
    emitter, bound: BoundCall, mode: Mode
) -> list[cst.BaseStatement]:
    """`layer_x <- create_layer_wrapper(X)`: later `layer_x()` calls build `X` instances
    directly, so nothing is left to define."""
    variable = assigned_name(emitter, bound.node, mode)
    layer_class = bound.get("Layer")
    if variable is None or layer_class is None:
        return emitter.finish(_create_layer_wrapper(emitter, bound), mode)
    modifiers = {
        r_name: _modifier(value) for r_name, value in list_items(bound.get("modifiers")) if r_name
    }
    target, initialize, formals = _layer_class_target(emitter, layer_class)
    entry = layer_function(variable, target, initialize, modifiers, formals)
    emitter.set_kind(variable, Kind.FUNCTION)
    emitter.user_entries[variable] = entry
    emitter.forget_kinds()
    return []


def _layer_class_target(emitter, node: n.Node) -> tuple[str, n.Function | None, list | None]:
    """The Python class a layer class expression names, its `initialize`, and its formals
    when they cannot be read from R (a Python class: anything, through `...`)."""
    if isinstance(node, n.Name):
        initialize, defined = _class_initialize(emitter, node.id)
        if defined:
            return python_name(node.id), initialize, None
    path = python_path(emitter, node)
    if path is None:
        emitter.fail("RK103", "the layer class must be a class of this file or keras's", node)
    return path, None, ["..."]


# ---- create_layer() / create_wrapper() ----------------------------------------------------


def _create_layer_call(emitter, bound: BoundCall) -> BoundCall:
    """`create_layer(X, object, list(a = 1))` as the bound call `X(object, a = 1)` of a
    layer function for `X`, so that it composes as `layer_*()` calls do."""
    layer_class = bound.get("layer_class") or bound.get("wrapper_class")
    if layer_class is None:
        emitter.fail("RK103", f"{bound.entry.name}() needs the layer class", bound.node)
    target, _, _ = _layer_class_target(emitter, layer_class)
    args = bound.get("args")
    items = list_items(args)
    if args is not None and not is_null(args) and not items:
        emitter.fail("RK103", f"{bound.entry.name}(args =) must be written as list(...)", args)
    if any(r_name is None for r_name, _ in items):
        emitter.fail("RK103", f"{bound.entry.name}(args =) must name its elements", args)
    names = [r_name for r_name, _ in items]
    formals = names + [name for name in ("layer", *STANDARD.split()) if name not in names]
    entry = layer_function(bound.entry.name, target, None, formals=formals)
    call_args = [n.Arg(value, r_name) for r_name, value in items]
    obj = bound.get("object")
    if obj is not None and not is_null(obj):
        call_args.insert(0, n.Arg(obj, "object"))
    call = n.Call(layer_class, call_args)
    call.line, call.column = bound.node.line, bound.node.column
    return bind(call, entry)


def _create_layer(emitter, bound: BoundCall) -> cst.BaseExpression:
    return compose(emitter, _create_layer_call(emitter, bound))


def _create_layer_statement(emitter, bound: BoundCall, mode: Mode) -> list[cst.BaseStatement]:
    return compose_statement(emitter, _create_layer_call(emitter, bound), mode)


def _create_layer_kind(emitter, bound: BoundCall) -> Kind:
    obj = bound.get("object")
    if obj is None or is_null(obj):
        return Kind.LAYER
    return layer_kind(emitter, bound)


for _name, _params in (
    ("create_layer", "layer_class object args"),
    # the legacy R6 KerasWrapper API; `args$layer` is the wrapped layer
    ("create_wrapper", "wrapper_class object args"),
):
    TABLE.special(_name, params=_params, kind=_create_layer_kind, assigns=True, visible=False)(
        _create_layer
    )
    TABLE.statement(_name)(_create_layer_statement)


# ---- R6 classes ----------------------------------------------------------------------------


def _r6_class(emitter, bound: BoundCall) -> tuple[cst.ClassDef, str, Kind]:
    """`R6Class("X", inherit = Base, public = list(...), private = ..., active = ...)`."""
    python = class_name_of(emitter, bound)
    inherit = bound.get("inherit")
    legacy = LEGACY_BASES.get(inherit.id) if isinstance(inherit, n.Name) else None
    if legacy is not None:
        bases = [py.dotted(emitter.imports.path(legacy.base))]
        kind, rename, init_kwargs = legacy.kind, legacy.rename, legacy.init_kwargs
    elif inherit is not None and not is_null(inherit):
        header = n.Call(n.Name(python), [n.Arg(inherit)])
        bases, kind = [emitter.expr(inherit)], instance_kind(emitter, header)
        rename, init_kwargs = {}, False
    else:
        bases, kind, rename, init_kwargs = [], Kind.PYOBJ, {}, False
    members: list[tuple[str, n.Node]] = []
    for part, prefix in (("public", ""), ("private", "_"), ("active", "")):
        for r_name, value in list_items(bound.get(part)):
            if r_name is None:
                emitter.fail("RK103", f"R6Class({part} =) members must be named", value)
            if part == "active" and isinstance(value, n.Function):
                value = active_call(value)
            members.append((prefix + r_name, value))
    members = [(r, v) for r, v in _renamed(members, rename) if r != "clone"]
    scope = member_scope(emitter, bound.node)
    definition = class_statement(emitter, python, bases, members, scope, init_kwargs=init_kwargs)
    return definition, python, kind


def _r6_statement(emitter, bound: BoundCall, mode: Mode) -> list[cst.BaseStatement]:
    definition, python, kind = _r6_class(emitter, bound)
    variable = assigned_name(emitter, bound.node, mode)
    register_class(emitter, variable, python, kind)
    return finish_class(emitter, definition, python, variable, mode)


def _r6_value(emitter, bound: BoundCall) -> cst.BaseExpression:
    definition, python, kind = _r6_class(emitter, bound)
    emitter.hoist([definition])
    register_class(emitter, None, python, kind)
    return py.name(python)


TABLE.special(
    "R6Class",
    params="classname public private active inherit lock_objects class portable lock_class "
    "cloneable parent_env lock",
    kind=Kind.FUNCTION,
    assigns=True,
)(_r6_value)
TABLE.statement("R6Class")(_r6_statement)

# The base classes of the legacy R6 API, as the Keras 3 classes they stand for.
for _name, _legacy in LEGACY_BASES.items():
    TABLE.add(
        _name,
        _legacy.base,
        kind=Kind.PYOBJ,
        status="object",
        note="legacy R6 base class: an R6Class(inherit = ...) becomes a subclass of it",
    )


# ---- mark_active() -----------------------------------------------------------------------


@TABLE.special("mark_active", params="x", kind=Kind.FUNCTION)
def _mark_active(emitter, bound: BoundCall) -> cst.BaseExpression:
    """Outside a class body the mark means nothing to Python: the function itself (a
    member `mark_active(function(value) ...)` is a property, see emit/classes.py)."""
    return emitter.expr(bound.get("x"))


# ---- keras_model_custom() ----------------------------------------------------------------


@TABLE.special("keras_model_custom", params="model_fn name", kind=Kind.MODEL)
def _keras_model_custom(emitter, bound: BoundCall) -> cst.BaseExpression:
    """A `keras.Model` subclass (hoisted before the statement) and an instance of it."""
    model_fn = bound.get("model_fn")
    if isinstance(model_fn, n.Name):
        model_fn = emitter.analysis.definition(model_fn.id, emitter.scope) or model_fn
    if not isinstance(model_fn, n.Function):
        emitter.fail("RK103", "keras_model_custom() needs model_fn as function(self)", bound.node)
    if [p.name for p in model_fn.params] != ["self"]:
        emitter.fail("RK102", "keras_model_custom(): name model_fn's argument `self`", model_fn)
    statements = model_fn.body.body if isinstance(model_fn.body, n.Block) else [model_fn.body]
    closure = statements[-1] if statements else None
    if _is_call_named(closure, "return") and closure.args:
        closure = closure.args[0].value
    if not isinstance(closure, n.Function):
        emitter.fail(
            "RK102", "keras_model_custom(): model_fn must end with the call function", model_fn
        )
    name = bound.get("name")
    has_name = name is not None and not is_null(name)
    python = emitter.fresh("CustomModel")
    init = n.Function(model_fn.params, n.Block(statements[:-1]))
    init.line, init.column = model_fn.line, model_fn.column
    emitter.analysis.scopes[id(init)] = emitter.analysis.scope_of(model_fn)

    saved = emitter.scope
    try:
        init_def = _model_init(emitter, method(emitter, "initialize", init), has_name)
        call_def = method(emitter, "call", closure)
    finally:
        emitter.scope = saved
        emitter.forget_kinds()
    base = py.dotted(emitter.imports.path("keras.Model"))
    definition = cst.ClassDef(
        py.name(python),
        cst.IndentedBlock([init_def, call_def]),
        bases=[py.arg(base)],
        lpar=cst.LeftParen(),
        rpar=cst.RightParen(),
    )
    emitter.hoist([definition])
    args = [py.arg(emitter.expr(name), "name")] if has_name else []
    return py.call(py.name(python), *args)


def _model_init(emitter, init: cst.FunctionDef, has_name: bool) -> cst.FunctionDef:
    """R keras's RModel(name = name): `super().__init__(name=name)` before model_fn's body."""
    params = init.params
    parent_args = []
    if has_name:
        none = py.name("None")
        equal = cst.AssignEqual(
            whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")
        )
        name_param = cst.Param(py.name("name"), default=none, equal=equal)
        params = params.with_changes(params=[*params.params, name_param])
        parent_args = [py.arg(py.name("name"), "name")]
    parent = py.expr_statement(py.call(py.attr(py.call("super"), "__init__"), *parent_args))
    body = [parent, *[s for s in init.body.body if not _is_pass(s)]]
    return init.with_changes(params=params, body=init.body.with_changes(body=body))


def _is_pass(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Pass)
    )


def _is_call_named(node: n.Node | None, name: str) -> bool:
    return isinstance(node, n.Call) and getattr(node.func, "id", None) == name
