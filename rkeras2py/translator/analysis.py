"""The analysis pass: scopes and names, read before anything is emitted.

For every function (and the file itself) it records the parameters, the names assigned
locally, the names assigned with `<<-` and the names modified in place (`x[i] <- v`,
`names(x) <- v`), so that emitters can write `nonlocal`/`global`, copy an argument R
would have copied on modify, and tell user functions from package functions.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ..grammar import nodes as n


@dataclass
class Scope:
    """One R function body (or the whole file, when `node` is the Module)."""

    node: n.Node
    parent: Scope | None
    params: list[str] = field(default_factory=list)
    assigned: set[str] = field(default_factory=set)
    superassigned: set[str] = field(default_factory=set)
    modified: set[str] = field(default_factory=set)
    functions: set[str] = field(default_factory=set)
    definitions: dict[str, n.Function] = field(default_factory=dict)
    classes: set[str] = field(default_factory=set)
    # names whose elements are assigned by name here or in a nested function
    # (`x$a <- v`, `x[["a"]] <- v`, `x[[obj$key]] <- v`): `x <- list()` makes them a dict
    filled_by_name: set[str] = field(default_factory=set)
    # a `%py_class%` body: its assignments are class members, not variables of the file
    is_class: bool = False

    def defines(self, name: str) -> bool:
        return name in self.assigned or name in self.params

    def outer_definer(self, name: str) -> Scope | None:
        """The nearest enclosing scope (not this one) that defines `name`."""
        scope = self.parent
        while scope is not None:
            if scope.defines(name):
                return scope
            scope = scope.parent
        return None


@dataclass
class Analysis:
    scopes: dict[int, Scope]
    module_scope: Scope
    packages: list[str]
    # where the file names a package: `library(pkg)` calls and `pkg::name` (which R API)
    package_uses: list[tuple[str, n.Node]] = field(default_factory=list)
    called: set[str] = field(default_factory=set)  # names of the functions the file calls

    @functools.cached_property
    def class_methods(self) -> frozenset[str]:
        """Names of the methods the file's own classes define (in `%py_class%` bodies and
        class-constructor calls): R code receives R values when they are called."""
        names: set[str] = set()
        for scope in self.scopes.values():
            if not scope.is_class:
                continue
            names |= scope.functions
            if isinstance(scope.node, n.Call):
                names |= {arg.name for arg in scope.node.args if isinstance(arg.value, n.Function)}
        return frozenset(names)

    def scope_of(self, node: n.Node) -> Scope:
        return self.scopes[id(node)]

    def is_user_function(self, name: str, scope: Scope) -> bool:
        """Whether `name`, seen in `scope`, is a function the R code itself defines."""
        current: Scope | None = scope
        while current is not None:
            if name in current.functions:
                return True
            if current.defines(name):
                return False
            current = current.parent
        return False

    def definition(self, name: str, scope: Scope) -> n.Function | None:
        """The R function `name` refers to in `scope`, if the file defines it."""
        current: Scope | None = scope
        while current is not None:
            if name in current.definitions:
                return current.definitions[name]
            current = current.parent
        return None

    def is_user_name(self, name: str, scope: Scope) -> bool:
        """Whether `name` is bound by the R code (a variable or function), shadowing packages."""
        current: Scope | None = scope
        while current is not None:
            if current.defines(name) or name in current.functions:
                return True
            current = current.parent
        return False


def target_name(target: n.Node) -> str | None:
    """The variable an assignment target ultimately changes: `x` in `x$a[1] <- v`."""
    while True:
        if isinstance(target, n.Name):
            return target.id
        if isinstance(target, (n.Index, n.Extract)):
            target = target.obj
        elif isinstance(target, n.Call) and target.args:
            target = target.args[0].value  # `names(x) <- v`
        elif isinstance(target, n.Str):
            return target.value
        else:
            return None


def analyse(module: n.Module) -> Analysis:
    root = Scope(module, None)
    scopes = {id(module): root}
    packages: list[str] = []
    uses: list[tuple[str, n.Node]] = []
    called: set[str] = set()
    stack: list[tuple[n.Node, Scope]] = [(module, root)]
    while stack:
        node, scope = stack.pop()
        # Dispatch on the exact type (node classes have no subclasses): one comparison per
        # kind of node that matters, instead of a chain of isinstance calls on every node.
        kind = type(node)
        if kind is n.Binary:
            if node.op == "%py_class%":
                stack.extend(_class_scope(node, scope, scopes))
                continue
            if node.op == "%<-%":
                scope.assigned.update(_destructured_names(node.left))
            elif node.op == "%<>%":  # magrittr's `x %<>% f()` assigns x
                _record_assignment(n.Assign("<-", node.left, node.right), scope)
        elif kind is n.Call:
            if constructor_name(node) in CLASS_CONSTRUCTORS:
                stack.extend(_constructor_scope(node, scope, scopes))
                continue
            if type(node.func) is n.Name:
                _record_call(node, called, packages, uses)
        elif kind is n.Function:
            if node is not scope.node:
                stack.extend(_function_scope(node, scope, scopes))
                continue
        elif kind is n.Assign:
            _record_assignment(node, scope)
        elif kind is n.For:
            scope.assigned.add(node.var.id)
        elif kind is n.Namespace:
            uses.append((node.package, node))
        for name in kind.child_fields:  # the children, read straight from their fields
            value = getattr(node, name)
            if type(value) is list:
                stack.extend([(child, scope) for child in value])
            elif value is not None:
                stack.append((value, scope))
    return Analysis(scopes, root, packages, uses, called)


def _function_scope(node: n.Function, scope: Scope, scopes: dict) -> list[tuple[n.Node, Scope]]:
    """A function's own scope: its parameters, and their defaults and body to read in it."""
    params = [p.name for p in node.params]
    if scope.is_class:  # methods see `self`, `super` and `private` without naming them
        params += [name for name in METHOD_NAMES if name not in params]
    inner = Scope(node, scope, params=params)
    scopes[id(node)] = inner
    work = [(param.default, inner) for param in node.params if param.default is not None]
    work.append((node.body, inner))
    return work


def _record_call(node: n.Call, called: set[str], packages: list[str], uses: list) -> None:
    """A call of a named function: the name, and the package a `library()` call loads."""
    called.add(node.func.id)
    if node.func.id in ("library", "require", "requireNamespace") and node.args:
        package = node.args[0].value
        if isinstance(package, (n.Name, n.Str)):
            packages.append(package.id if isinstance(package, n.Name) else package.value)
            uses.append((packages[-1], node))


# Names every method of a `%py_class%` body can use without defining them.
METHOD_NAMES = ("self", "super", "private", "__class__")


def class_name(header: n.Node) -> str | None:
    """`Name` of `Name(Base) %py_class% {...}` or `Name %py_class% {...}`."""
    if isinstance(header, n.Call):
        header = header.func
    return header.id if isinstance(header, n.Name) else None


def _class_scope(node: n.Binary, scope: Scope, scopes: dict) -> list[tuple[n.Node, Scope]]:
    """The class name is bound where the class statement stands; the body is its own scope."""
    name = class_name(node.left)
    if name is not None:
        scope.assigned.add(name)
        scope.classes.add(name)
    work: list[tuple[n.Node, Scope]] = []
    if isinstance(node.left, n.Call):
        work.extend((arg.value, scope) for arg in node.left.args if arg.value is not None)
    body = Scope(node.right, scope, is_class=True)
    scopes[id(node.right)] = body
    work.append((node.right, body))
    return work


# Calls that build a class from functions given as arguments (`new_layer_class("X", call =
# function(inputs) ...)`, `R6Class("X", public = list(...))`): those functions are methods.
CLASS_CONSTRUCTORS = frozenset(
    {
        "new_layer_class",
        "new_model_class",
        "new_callback_class",
        "new_loss_class",
        "new_metric_class",
        "new_learning_rate_schedule_class",
        "Layer",
        "Model",
        "Callback",
        "Loss",
        "Metric",
        "Constraint",
        "R6Class",
    }
)


def constructor_name(call: n.Call) -> str | None:
    """`f` of `f(...)` or `pkg::f(...)`."""
    func = call.func
    if isinstance(func, n.Namespace):
        return func.name
    return func.id if isinstance(func, n.Name) else None


def _constructor_scope(node: n.Call, scope: Scope, scopes: dict) -> list[tuple[n.Node, Scope]]:
    """The arguments of a class-constructor call are read in a class scope of their own, so
    that the functions among them see `self`, `super` and `private` as methods do."""
    members = Scope(node, scope, is_class=True)
    scopes[id(node)] = members
    work: list[tuple[n.Node, Scope]] = [(node.func, scope)]
    work.extend((arg.value, members) for arg in node.args if arg.value is not None)
    return work


def _record_assignment(node: n.Assign, scope: Scope) -> None:
    filled = _filled_by_name(node.target)
    if filled is not None:
        outer: Scope | None = scope
        while outer is not None:
            outer.filled_by_name.add(filled)
            outer = outer.parent
    if _is_dotty(node.target):  # `.[a, b] <- value` binds a and b
        scope.assigned.update(_dotty_names(node.target))
        return
    name = target_name(node.target)
    if name is None:
        return
    if not isinstance(node.target, (n.Name, n.Str)):
        scope.modified.add(name)
        if not scope.defines(name) and not node.is_superassign:
            return
    if node.is_superassign:
        scope.superassigned.add(name)
    elif isinstance(node.value, n.Function):
        scope.functions.add(name)
        scope.assigned.add(name)
        scope.definitions[name] = node.value
    else:
        scope.assigned.add(name)


def _filled_by_name(target: n.Node) -> str | None:
    """`x` of `x$a <- v`, `x[["a"]] <- v` or `x[[obj$key]] <- v`."""
    if isinstance(target, n.Extract) and isinstance(target.obj, n.Name):
        return target.obj.id
    if (
        isinstance(target, n.Index)
        and target.double
        and isinstance(target.obj, n.Name)
        and len(target.args) == 1
        and isinstance(target.args[0].value, (n.Str, n.Extract))
    ):
        return target.obj.id
    return None


def _is_dotty(target: n.Node) -> bool:
    return isinstance(target, n.Index) and isinstance(target.obj, n.Name) and target.obj.id == "."


def _dotty_names(target: n.Index) -> list[str]:
    """Names bound by dotty's `.[a, .[b, c], d = key]`."""
    names: list[str] = []
    for arg in target.args:
        if arg.name is not None:
            names.append(arg.name)
        elif isinstance(arg.value, n.Name) and arg.value.id != "..":
            names.append(arg.value.id)
        elif arg.value is not None and _is_dotty(arg.value):
            names.extend(_dotty_names(arg.value))
    return names


def _destructured_names(target: n.Node) -> list[str]:
    """Names bound by zeallot's `c(a, c(b, d)) %<-% value`."""
    names: list[str] = []
    stack = [target]
    while stack:
        node = stack.pop()
        if isinstance(node, n.Name):
            names.append(node.id)
        elif isinstance(node, n.Call):  # `c(x, y = NULL)`: y, with a default
            names.extend(arg.name for arg in node.args if arg.name is not None)
            stack.extend(arg.value for arg in node.args if arg.value and arg.name is None)
    return names
