"""Calls: registry entries, the R code's own functions, and calls of computed functions."""

from __future__ import annotations

import libcst as cst

from ...grammar import nodes as n
from .. import pyast as py
from ..emitter import Emitter, Mode, expression, kind_rule, statement, visibility_rule
from ..kinds import PYTHON_OBJECTS, Kind
from ..registry import BoundCall, Entry, bind, without_trailing_empty
from ..registry.convert import py_value
from .operators import operator_form, pipe_call
from .values import keyword_name, python_name


def resolve(emitter: Emitter, node: n.Call) -> Entry | None:
    """The registry entry a call refers to, unless the R code defines that function itself;
    an S3 method when the first argument's kind has one (`summary(model)`)."""
    known = emitter.resolved.get(id(node))
    if known is not None and known[0] is node:
        return known[1]
    entry = _resolved(emitter, node)
    emitter.resolved[id(node)] = (node, entry)
    return entry


def _resolved(emitter: Emitter, node: n.Call) -> Entry | None:
    entry = _resolve_name(emitter, node)
    registry = emitter.registry
    generic = entry.name if entry is not None else getattr(node.func, "id", None)
    if generic in registry.generics and node.args and (entry is not None or _free(emitter, node)):
        first = node.args[0].value
        method = registry.method(generic, emitter.kind(first)) if first is not None else None
        if method is not None:
            return method
    return entry


@visibility_rule(n.Binary)
def _pipe_visible(emitter: Emitter, node: n.Binary, seen: frozenset[int]) -> bool:
    if node.op in ("%>%", "|>"):
        return emitter.is_visible(pipe_call(emitter, node), seen)
    return True


@visibility_rule(n.Call)
def _call_visible(emitter: Emitter, node: n.Call, seen: frozenset[int]) -> bool:
    if isinstance(node.func, n.Extract):
        # a Python function or method: R shows what it returns, unless that is None
        path = python_path(emitter, node.func)
        if path is not None:
            return emitter.registry.chain_kind(path) is not Kind.NULL
        return emitter.registry.method_kinds.get(node.func.name) is not Kind.NULL
    entry = resolve(emitter, node)
    if entry is not None:
        return entry.visible
    definition = emitter.analysis.definition(getattr(node.func, "id", ""), emitter.scope)
    if definition is None or id(definition) in seen:
        return True
    body = definition.body
    last = body.body[-1] if isinstance(body, n.Block) and body.body else body
    if isinstance(last, (n.For, n.While, n.Repeat)):
        return False
    return emitter.is_visible(last, seen | {id(definition)})


def _free(emitter: Emitter, node: n.Call) -> bool:
    """Whether the call's function name is not one the R code defines."""
    return isinstance(node.func, n.Name) and not emitter.analysis.is_user_name(
        node.func.id, emitter.scope
    )


def _resolve_name(emitter: Emitter, node: n.Call) -> Entry | None:
    func = node.func
    if isinstance(func, n.Name) and func.id in emitter.user_entries:
        return emitter.user_entries[func.id]  # a layer function the R code made itself
    if isinstance(func, n.Namespace):
        emitter.check_api(func.package, func)
        return emitter.registry.lookup(func.name, func.package)
    if isinstance(func, n.Str):
        func = n.Name(func.value)
    if isinstance(func, n.Name) and not emitter.analysis.is_user_function(func.id, emitter.scope):
        if emitter.analysis.is_user_name(func.id, emitter.scope) and (
            emitter.kind(func) is Kind.FUNCTION or emitter.kind(func) in PYTHON_OBJECTS
        ):  # R calls a variable holding a function (a Python callable), not the package's
            return None
        return emitter.registry.lookup(func.id)
    return None


@expression(n.Call)
def call(emitter: Emitter, node: n.Call) -> cst.BaseExpression:
    operator = operator_form(emitter, node)
    if operator is not None:
        return emitter.expr(operator)
    if (  # missing(b) for a parameter with a default: the flag set on entry
        isinstance(node.func, n.Name)
        and node.func.id == "missing"
        and node.args
        and isinstance(node.args[0].value, n.Name)
        and node.args[0].value.id in emitter.missing_flags
    ):
        return py.name(emitter.missing_flags[node.args[0].value.id])
    entry = resolve(emitter, node)
    if entry is not None:
        return entry_call(emitter, bind(node, entry))
    func = node.func
    if isinstance(func, (n.Name, n.Str)):
        r_name = func.id if isinstance(func, n.Name) else func.value
        if not emitter.analysis.is_user_name(r_name, emitter.scope):
            _unknown_function(emitter, r_name, node)
        if (  # at top level: a function body runs later, when the class may exist
            emitter.scope.parent is None
            and r_name not in emitter.class_kinds
            and _defined_as_class(emitter, r_name)
        ):
            emitter.fail("RK113", f"class '{r_name}' is used before it is defined", node)
        definition = emitter.analysis.definition(r_name, emitter.scope)
        if definition is not None:
            emitter.observe_call(definition, node.args)
        if r_name in emitter.class_kinds:  # a `%py_class%` class: a Python constructor
            # arguments as the R code writes them (`Scaler(factor=2)`): the kinds the
            # class's initialize() sees are the ones recorded here
            if r_name in emitter.class_inits:
                emitter.observe_call(emitter.class_inits[r_name], node.args)
            return py.call(py.name(python_name(r_name)), *arguments(emitter, node.args))
        if emitter.kind(func) in (Kind.LAYER, Kind.MODEL):
            from ..registry.keras.compose import call_layer_object

            added = call_layer_object(emitter, node)
            if added is not None:
                return added
            return py.call(py.name(python_name(r_name)), *arguments(emitter, node.args, py_value))
        # the R code's own function: its parameters are named as its variables are
        return py.call(
            py.name(python_name(r_name)), *arguments(emitter, node.args, names=python_name)
        )
    if isinstance(func, n.Namespace):
        emitter.fail("RK101", f"unknown function '{func.package}::{func.name}'", node)
    if is_super_call(emitter, node):
        # `super$initialize(...)`, `super()$method(...)`: Python's `super().method(...)`
        from .classes import method_name

        parent = py.attr(py.call("super"), method_name(func.name))
        return py.call(parent, *arguments(emitter, node.args, py_value))
    if (  # R6's `Class$new(...)`: Python instantiates by calling the class
        isinstance(func, n.Extract)
        and func.name == "new"
        and isinstance(func.obj, n.Name)
        and func.obj.id in emitter.class_kinds
    ):
        return py.call(emitter.expr(func.obj), *arguments(emitter, node.args, py_value))
    if is_method_call(emitter, node):
        # `obj$method(...)`: a Python object's method, given R values as reticulate does
        rewritten = _keras2_method(emitter, node)
        if rewritten is not None:
            return rewritten
        path = python_path(emitter, func)
        if path is not None and path in emitter.registry.path_renames:
            attribute = py.dotted(emitter.imports.path(emitter.registry.path_renames[path]))
        else:
            attribute = py.attr(emitter.expr(func.obj), func.name)
        if func.name in emitter.analysis.class_methods:
            # a method the R code defines gets R values (numpy arrays, not lists)
            return py.call(attribute, *arguments(emitter, node.args))
        return py.call(attribute, *arguments(emitter, node.args, py_value))
    return py.call(emitter.expr(func), *arguments(emitter, node.args))


_KERAS_PACKAGES = frozenset({"keras", "keras3", "tensorflow", "tfdatasets"})
# Name prefixes of the keras, tensorflow and tfdatasets R packages.
_KERAS_PREFIXES = (
    "layer_",
    "k_",
    "optimizer_",
    "loss_",
    "metric_",
    "callback_",
    "initializer_",
    "regularizer_",
    "constraint_",
    "activation_",
    "application_",
    "dataset_",
    "keras_",
    "tf_",
    "learning_rate_schedule_",
    "text_",
    "image_",
    "save_model",
    "load_model",
    "op_",
    "config_",
    "random_",
    "rnn_cell_",
)


def _unknown_function(emitter: Emitter, r_name: str, node: n.Call):
    if r_name.startswith(_KERAS_PREFIXES):
        import difflib

        known = [
            name
            for package in (emitter.api, "tensorflow", "tfdatasets")
            for name in emitter.registry.tables[package].entries
        ]
        close = difflib.get_close_matches(r_name, known, n=1)
        hint = f": did you mean {close[0]}()?" if close else ""
        emitter.fail("RK112", f"unknown function '{r_name}'{hint}", node)
    emitter.fail("RK101", f"unknown function '{r_name}': no Python mapping", node)


def _keras2_method(emitter: Emitter, node: n.Call) -> cst.BaseExpression | None:
    """A method Keras 3 removed, as the registry's runtime helper taking the object first
    (`self$compiled_loss(y, y_pred)` in a custom train_step written for Keras 2)."""
    names: list[str] = []
    owner = node.func
    while isinstance(owner, n.Extract) and len(names) < 2:
        names.insert(0, owner.name)
        owner = owner.obj
    for length in (1, 2):
        chain = tuple(names[-length:])
        helpers = emitter.registry.method_helpers
        if len(names) >= length and chain in helpers:
            receiver = node.func
            for _ in range(length):
                receiver = receiver.obj
            helper = py.dotted(emitter.imports.path(helpers[chain]))
            args = arguments(emitter, node.args, py_value)
            return py.call(helper, py.arg(emitter.expr(receiver)), *args)
    return None


def _defined_as_class(emitter: Emitter, name: str) -> bool:
    """Whether `name` is a `%py_class%` class of the file (its statement not yet seen)."""
    scope = emitter.scope
    while scope is not None:
        if name in scope.classes:
            return True
        if scope.defines(name):
            return False
        scope = scope.parent
    return False


def is_super_call(emitter: Emitter, node: n.Call) -> bool:
    """`super$name(...)`, `super()$name(...)` or `super(Class, self)$name(...)` in a method."""
    func = node.func
    if not isinstance(func, n.Extract):
        return False
    head = func.obj.func if isinstance(func.obj, n.Call) else func.obj
    return (
        isinstance(head, n.Name)
        and head.id == "super"
        and "super" in emitter.scope.params
        and emitter.scope.parent is not None
        and emitter.scope.parent.is_class
    )


def is_method_call(emitter: Emitter, node: n.Call) -> bool:
    """`x$f(...)` calls a method unless `x` is an R list holding functions."""
    func = node.func
    return (
        isinstance(func, n.Extract)
        and func.op == "$"
        and emitter.kind(func.obj) not in (Kind.LIST, Kind.NAMED_LIST)
    )


def namespaced_entry(emitter: Emitter, node: n.Name | n.Namespace) -> Entry | None:
    """The registry entry `name` or `pkg::name` stands for."""
    if isinstance(node, n.Namespace):
        emitter.check_api(node.package, node)
        return emitter.registry.lookup(node.name, node.package)
    return emitter.registry.lookup(node.id)


def python_path(emitter: Emitter, node: n.Node) -> str | None:
    """`tf$random$uniform` as the Python path `tensorflow.random.uniform`, when the chain
    starts at a package's module object."""
    names: list[str] = []
    while isinstance(node, n.Extract) and node.op == "$":
        names.append(node.name)
        node = node.obj
    if isinstance(node, n.Name) and emitter.analysis.is_user_name(node.id, emitter.scope):
        return None
    if not isinstance(node, (n.Name, n.Namespace)):  # `tensorflow::tf$keras` too
        return None
    entry = namespaced_entry(emitter, node)
    if entry is None or entry.status != "object" or entry.target is None:
        return None
    return ".".join([entry.target, *reversed(names)])


@statement(n.Call)
def call_statement(emitter: Emitter, node: n.Call, mode: Mode) -> list[cst.BaseStatement]:
    """A call standing as a statement: some R functions are statements in Python."""
    entry = resolve(emitter, node)
    if entry is not None and entry.statement is not None:
        return entry.statement(emitter, bind(node, entry), mode)
    if mode.action == "print" and not emitter.is_visible(node):
        mode = Mode("discard")
    return emitter.finish(call(emitter, node), mode)


def entry_call(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    entry = bound.entry
    collects_all = entry.params[:1] == ("...",)  # c(...), cat(...), paste(...), sum(...)
    if not collects_all and any(
        isinstance(arg.value, n.Name) and arg.value.id == "..." for arg in bound.node.args
    ):
        message = f"`...` forwarded into {entry.name}(): name the arguments it carries"
        emitter.fail("RK103", message, bound.node)
    check_arguments(emitter, bound)
    if entry.status == "removed":
        keras_api = entry.package in ("keras", "tensorflow", "tfdatasets")
        emitter.fail("RK110" if keras_api else "RK101", f"{entry.name}() {entry.note}", bound.node)
    if entry.status == "replaced":
        emitter.report("RK210", f"{entry.name}(): {entry.note}", bound.node)
    if entry.emit is not None:
        return entry.emit(emitter, bound)
    if entry.target is None:
        emitter.fail("RK102", f"{entry.name}() is only translated as a statement", bound.node)
    return table_call(emitter, bound)


def check_arguments(emitter: Emitter, bound: BoundCall) -> None:
    """An argument the R wrapper does not take is an error in R: report it (keras,
    tensorflow and tfdatasets, whose formals the tables list in full)."""
    entry = bound.entry
    if entry.package in _KERAS_PACKAGES and bound.extra and "..." not in entry.params:
        extra = bound.extra[0]
        what = f"argument '{extra.name}'" if extra.name else "so many arguments"
        emitter.fail("RK103", f"{entry.name}() takes no {what}", extra)
    for check in entry.checks:
        check(emitter, bound)
    if entry.caveat:
        emitter.report("RK201", f"{entry.name}(): {entry.caveat}", bound.node)


def table_call(emitter: Emitter, bound: BoundCall) -> cst.BaseExpression:
    """A call through a plain table entry: target, converted and renamed arguments.

    Arguments R matched by position stay positional while they come in order; after a
    gap, a dropped argument or a `NULL` (R's "use the default"), they become keywords.
    A method entry calls its target on the first argument (`fit(model, x)` → `model.fit(x)`).
    """
    entry = bound.entry
    params = entry.params[1:] if entry.method else entry.params
    receiver = None
    if entry.method:  # first: a pipeline's earlier steps hoist their helpers first
        receiver_node = bound.get(entry.params[0])
        if receiver_node is None:
            emitter.fail("RK103", f"{entry.name}() needs its first argument", bound.node)
        receiver = emitter.expr(receiver_node)
    args: list[cst.Arg] = []
    in_order = True
    for param in params:
        value = bound.named.get(param)
        if param == "...":
            continue
        if value is None or param in entry.drop or _is_null(value):
            in_order = False
            continue
        converted = convert_argument(emitter, entry, param, value)
        if entry.positional is not None and len(args) >= entry.positional:
            in_order = False
        if in_order and param not in bound.by_name and param not in entry.rename:
            args.append(py.arg(converted))
        else:
            args.append(py.arg(converted, keyword_name(entry.rename.get(param, param))))
            in_order = False
    args.extend(extra_arguments(emitter, bound))
    if receiver is not None:
        return py.call(py.attr(receiver, entry.target), *args)
    return py.call(emitter.imports.path(entry.target), *args)


def convert_argument(
    emitter: Emitter, entry: Entry, param: str, value: n.Node
) -> cst.BaseExpression:
    """One argument as the entry's conversion for it (or the package's default) makes it."""
    converter = entry.convert.get(param) or entry.pass_value
    return converter(emitter, value) if converter else emitter.expr(value)


def extra_arguments(emitter: Emitter, bound: BoundCall) -> list[cst.Arg]:
    """The arguments R's `...` took, passed on as the entry's package passes values."""
    if bound.entry.pass_value is None:
        return arguments(emitter, bound.extra)
    return arguments(emitter, bound.extra, bound.entry.pass_value)


def _is_null(node: n.Node) -> bool:
    return isinstance(node, n.Const) and node.name == "NULL"


def arguments(
    emitter: Emitter, args: list[n.Arg], convert=None, names=keyword_name
) -> list[cst.Arg]:
    """R arguments as Python ones: `...` spreads, names lose their dots; `convert` turns
    each value into what Python receives (R values into what reticulate sends)."""
    result = []
    for arg in without_trailing_empty(args):
        if arg.value is None:
            emitter.fail("RK103", "an empty argument cannot be passed in Python", arg)
        if isinstance(arg.value, n.Name) and arg.value.id == "...":
            if not emitter.dots_keywords_only:
                result.append(py.arg(py.name("args"), star="*"))
            result.append(py.arg(py.name("kwargs"), star="**"))
            continue
        value = convert(emitter, arg.value) if convert else emitter.expr(arg.value)
        result.append(py.arg(value, names(arg.name) if arg.name else None))
    return result


def function_value(emitter: Emitter, node: n.Name | n.Namespace) -> cst.BaseExpression | None:
    """A package function (or module object) used as a value (`sapply(x, sqrt)`,
    `tensorflow::tf`): its Python target."""
    entry = namespaced_entry(emitter, node)
    if entry is None:
        return None
    # a function passed uncalled says what a call would (`activation = activation_sigmoid`)
    if entry.status == "removed":
        emitter.fail("RK110", f"{entry.name}() {entry.note}", node)
    if entry.status == "replaced":
        emitter.report("RK210", f"{entry.name}(): {entry.note}", node)
    if entry.caveat:
        emitter.report("RK201", f"{entry.name}(): {entry.caveat}", node)
    if entry.target is not None and not entry.convert:
        return py.dotted(emitter.imports.path(entry.target))
    parameter = emitter.fresh("value")
    fake = n.Call(node, [n.Arg(n.Name(parameter))])
    fake.line, fake.column = node.line, node.column
    emitter.local_names.add(parameter)
    try:
        body = entry_call(emitter, bind(fake, entry))
    finally:
        emitter.local_names.discard(parameter)
    return py.lambda_([parameter], body)


@kind_rule(n.Call)
def _call_kind(emitter: Emitter, node: n.Call) -> Kind:
    operator = operator_form(emitter, node)
    if operator is not None:
        return emitter.kind(operator)
    entry = resolve(emitter, node)
    if entry is None:
        if isinstance(node.func, n.Name):
            definition = emitter.analysis.definition(node.func.id, emitter.scope)
            if definition is not None:
                return emitter.seeded_returns.get(id(definition), Kind.UNKNOWN)
        return _computed_call_kind(emitter, node)
    return entry.result_kind(emitter, bind(node, entry))


def _computed_call_kind(emitter: Emitter, node: n.Call) -> Kind:
    """Kinds of calls through module paths (`tf$constant(...)`) and of known methods."""
    func = node.func
    if isinstance(func, n.Extract) and func.op == "$":
        path = python_path(emitter, func)
        if path is not None:
            return emitter.registry.chain_kind(path)
        if emitter.kind(func.obj) in (Kind.UNKNOWN, Kind.LIST, Kind.NAMED_LIST):
            return emitter.registry.method_kinds.get(func.name, Kind.UNKNOWN)
        # a Python object's method gives a Python object, unless the registry knows better
        return emitter.registry.method_kinds.get(func.name, Kind.PYOBJ)
    if isinstance(func, n.Name) and func.id in emitter.class_kinds:
        return emitter.class_kinds[func.id]
    if (
        isinstance(func, n.Extract)
        and func.name == "new"
        and isinstance(func.obj, n.Name)
        and func.obj.id in emitter.class_kinds
    ):
        return emitter.class_kinds[func.obj.id]
    if isinstance(func, n.Name) and emitter.kind(func) in (Kind.LAYER, Kind.MODEL):
        from ..registry.keras.compose import composed_kind

        first = node.args[0].value if node.args else None
        return composed_kind(emitter.kind(first)) if first is not None else Kind.UNKNOWN
    return Kind.UNKNOWN
