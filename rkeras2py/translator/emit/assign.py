"""Assignments: names, `def` for functions, `x[i] <- v`, `x$a <- v`, replacement calls
(`names(x) <- v`, `dim(x) <- d`) and zeallot's `c(a, b) %<-% value`."""

from __future__ import annotations

import libcst as cst

from ...grammar import nodes as n
from .. import pyast as py
from ..analysis import target_name
from ..emitter import Emitter, Mode, expression, kind_rule, statement
from ..kinds import NUMERIC_SCALARS, PYTHON_OBJECTS, Kind
from ..registry import bind
from .calls import call_statement, entry_call, resolve
from .classes import py_class_statement
from .control import if_statement, simple_if
from .functions import define
from .indexing import subset_call
from .operators import pipe_call
from .values import python_name


def target_expression(emitter: Emitter, target: n.Node) -> cst.BaseExpression:
    """An R assignment target as a Python one."""
    if isinstance(target, n.Str):
        target = n.Name(target.value)
    if isinstance(target, n.Name):
        return py.name(python_name(target.id))
    if isinstance(target, (n.Index, n.Extract)):
        converted = emitter.expr(target)
        if isinstance(converted, (cst.Subscript, cst.Attribute)):
            return converted
        emitter.fail("RK102", "this indexed assignment is not translated", target)
    emitter.fail("RK102", "this assignment target is not translated", target)


@statement(n.Assign)
def assign_statement(emitter: Emitter, node: n.Assign, mode: Mode) -> list[cst.BaseStatement]:
    target, value = node.target, node.value
    if is_dotty(target):
        return _dotty_statement(emitter, node) + _value_after(emitter, value, mode)
    if node.is_superassign and emitter.scope.parent is not None:
        name = target_name(target)
        if name is not None and emitter.scope.defines(name):
            emitter.fail(
                "RK102",
                f"`{name} <<-` sets the outer {name}, hidden here by the function's own "
                f"{name}: Python has one {name} per function",
                node,
            )
    if isinstance(value, n.Const) and value.name == "NA":
        # a placeholder (`self$last <- NA`): NaN, which is.na() finds as R's NA
        emitter.report("RK201", "NA assigned is NaN (math.nan): printed, it shows nan", value)
        value = n.Const("NaN", line=value.line, column=value.column)
        node = n.Assign(target=target, value=value, op=node.op, line=node.line, column=node.column)
    if isinstance(target, n.Index) and (subset := subset_call(emitter, target)) is not None:
        # keras3's `x@r[i] <- v` is `op_subset(x, i) <- v`
        node = n.Assign(target=subset, value=value, op=node.op, line=node.line, column=node.column)
        return _replacement(emitter, node, mode)
    if isinstance(target, n.Call):
        return _replacement(emitter, node, mode)
    if isinstance(target, (n.Name, n.Str)) and isinstance(value, n.Function):
        name = target.id if isinstance(target, n.Name) else target.value
        emitter.set_kind(name, Kind.FUNCTION)
        return [define(emitter, python_name(name), value), *_value_after(emitter, target, mode)]
    if (
        _is_null(value)
        and _names_an_element(target)
        and emitter.kind(target.obj) not in PYTHON_OBJECTS
    ):
        # `x$a <- NULL` removes the element `a`
        owner = target_expression(emitter, target.obj)
        key = (
            py.string(target.name)
            if isinstance(target, n.Extract)
            else emitter.expr(target.args[0].value)
        )
        return [py.expr_statement(py.call(py.attr(owner, "pop"), key, py.name("None")))]
    if isinstance(target, (n.Name, n.Str)) and isinstance(value, n.If) and not simple_if(value):
        # `x <- if (c) {...} else {...}` with statements in a branch: assign in each branch
        name = target.id if isinstance(target, n.Name) else target.value
        emitter.set_kind(name, emitter.kind(value))
        assigned = Mode("assign", target_expression(emitter, target))
        return if_statement(emitter, value, assigned) + _value_after(emitter, target, mode)
    if isinstance(value, n.Binary) and value.op in ("%>%", "|>"):
        value = pipe_call(emitter, value)
    if isinstance(target, (n.Name, n.Str)) and isinstance(value, n.Call):
        entry = resolve(emitter, value)
        if (
            entry is not None
            and entry.statement
            and (entry.name in _ASSIGNS_IN_BRANCHES or entry.assigns)
        ):
            # `x <- tryCatch(...)`: each branch assigns x, no temporary
            name = target.id if isinstance(target, n.Name) else target.value
            emitter.set_kind(name, emitter.kind(value))
            assigned = Mode("assign", target_expression(emitter, target), name)
            return entry.statement(emitter, bind(value, entry), assigned) + _value_after(
                emitter, target, mode
            )
    if isinstance(target, (n.Name, n.Str)) and _empty_list(value):
        name = target.id if isinstance(target, n.Name) else target.value
        if name in emitter.scope.filled_by_name:
            # `x <- list()` then `x$a <- ...` / `x[[key]] <- ...`: a named list, a dict
            emitter.set_kind(name, Kind.NAMED_LIST)
            return [py.assign(py.name(python_name(name)), cst.Dict([]))] + _value_after(
                emitter, target, mode
            )
    if (
        isinstance(target, n.Index)
        and target.double
        and len(target.args) == 1
        and emitter.kind(target.obj) is Kind.LIST
        and emitter.kind(target.args[0].value) is Kind.STR
    ):  # `x <- list()` then `x[[key]] <- v` with a name in a variable: x was made a list
        emitter.fail(
            "RK102",
            "a list filled by names held in a variable: its `list()` was translated as a "
            'Python list, which takes no names (write the names out, x[["a"]] <- v, and '
            "it is a dict)",
            node,
        )
    appended = _append_idiom(emitter, node, target, value)
    if appended is not None:
        return appended + _value_after(emitter, target.obj, mode)
    if id(node) in emitter.past_end and emitter.kind(target.args[0].value) in NUMERIC_SCALARS:
        name = target.obj.id
        emitter.report(
            "RK201",
            f"R extends {name} when this position is past its end; Python raises IndexError "
            f"there: make {name} long enough first (numeric(n), vector('list', n)) or grow "
            "it with c()",
            node,
        )
    if isinstance(value, n.Assign):  # `a <- b <- 5`: assign the inner, then the outer
        inner = assign_statement(emitter, value, Mode("discard"))
        statements = inner + [
            py.assign(target_expression(emitter, target), target_expression(emitter, value.target))
        ]
    else:
        python_value = emitter.expr(value)
        if (
            isinstance(target, n.Name)
            and isinstance(value, n.Name)
            and target.id in emitter.scope.modified
            and emitter.kind(value) in _COPYABLE
        ):
            # `b <- a` then `b[i] <- v`: R copies, Python would share the object
            python_value = py.call(py.attr(python_value, "copy"))
        statements = [py.assign(target_expression(emitter, target), python_value)]
    if isinstance(target, (n.Name, n.Str)):
        name = target.id if isinstance(target, n.Name) else target.value
        emitter.set_kind(name, emitter.kind(value))
    return statements + _value_after(emitter, target, mode)


_COPYABLE = frozenset(
    {Kind.NUM_VECTOR, Kind.INT_VECTOR, Kind.LGL_VECTOR, Kind.CHR_VECTOR, Kind.ARRAY, Kind.LIST}
    | {Kind.NAMED_LIST}
)


_ASSIGNS_IN_BRANCHES = frozenset({"tryCatch", "try"})


def _is_null(node: n.Node) -> bool:
    return isinstance(node, n.Const) and node.name == "NULL"


def _names_an_element(target: n.Node) -> bool:
    if isinstance(target, n.Extract) and target.op == "$":
        return True
    return (
        isinstance(target, n.Index)
        and target.double
        and len(target.args) == 1
        and isinstance(target.args[0].value, n.Str)
    )


def _append_idiom(emitter: Emitter, node: n.Assign, target: n.Node, value: n.Node):
    """`x[[length(x) + 1]] <- v` grows `x` by one: `x.append(v)` (or `np.append`); so does
    `x[i] <- v` in a loop that grows an empty `x` one position per step (growth.py)."""
    if not isinstance(target, n.Index) or len(target.args) != 1:
        return None
    index = target.args[0].value
    grown_in_loop = id(node) in emitter.appends
    if not grown_in_loop and not (
        isinstance(index, n.Binary)
        and index.op == "+"
        and isinstance(index.right, n.Num)
        and index.right.value == 1
        and isinstance(index.left, n.Call)
        and getattr(index.left.func, "id", None) == "length"
        and len(index.left.args) == 1
        and index.left.args[0].value == target.obj
    ):
        return None
    kind = emitter.kind(target.obj)
    owner = target_expression(emitter, target.obj)
    if kind in (Kind.NUM_VECTOR, Kind.INT_VECTOR, Kind.LGL_VECTOR):
        grown = py.call(emitter.imports.path("numpy.append"), owner, emitter.expr(value))
        return [py.assign(owner, grown)]
    if grown_in_loop and kind is Kind.NAMED_LIST:  # `x <- list()` filled by name: a dict
        return None
    return [py.expr_statement(py.call(py.attr(owner, "append"), emitter.expr(value)))]


def _empty_list(node: n.Node) -> bool:
    return isinstance(node, n.Call) and getattr(node.func, "id", None) == "list" and not node.args


def _value_after(emitter: Emitter, target: n.Node, mode: Mode) -> list[cst.BaseStatement]:
    """An assignment's value is the assigned value (invisible, so never printed)."""
    if mode.action in ("return", "assign"):
        return emitter.finish(target_expression(emitter, target), mode)
    return []


@expression(n.Assign)
def assign_expression(emitter: Emitter, node: n.Assign) -> cst.BaseExpression:
    """An assignment used as a value (`while (!is.null(x <- next_one())) ...`): `:=`."""
    if node.is_superassign or not isinstance(node.target, (n.Name, n.Str)):
        emitter.fail("RK102", "only `name <- value` can be used as a value in Python", node)
    name = node.target.id if isinstance(node.target, n.Name) else node.target.value
    emitter.set_kind(name, emitter.kind(node.value))
    walrus = cst.NamedExpr(py.name(python_name(name)), emitter.expr(node.value))
    return py.parens(walrus)


@kind_rule(n.Assign)
def _assign_kind(emitter: Emitter, node: n.Assign) -> Kind:
    return emitter.kind(node.value)


def _replacement(emitter: Emitter, node: n.Assign, mode: Mode) -> list[cst.BaseStatement]:
    """`f(x, ...) <- value` is `x <- `f<-`(x, ..., value = value)` in R."""
    call = node.target
    if not isinstance(call.func, n.Name) or not call.args:
        emitter.fail("RK102", "this replacement form is not translated", call)
    entry = emitter.registry.lookup(call.func.id + "<-")
    if entry is None:
        emitter.fail("RK101", f"no translation for `{call.func.id}<-`", call)
    replaced = n.Call(n.Name(call.func.id + "<-"), [*call.args, n.Arg(node.value, "value")])
    replaced.line, replaced.column = call.line, call.column
    new_value = entry_call(emitter, bind(replaced, entry))
    owner = call.args[0].value
    statements = [py.assign(target_expression(emitter, owner), new_value)]
    return statements + _value_after(emitter, owner, mode)


@statement(n.Binary)
def binary_statement(emitter: Emitter, node: n.Binary, mode: Mode) -> list[cst.BaseStatement]:
    """zeallot's `c(a, c(b, d)) %<-% value` unpacks, magrittr's `x %<>% f()` assigns; other
    operators are expressions."""
    if node.op in ("%>%", "|>"):
        call = pipe_call(emitter, node)
        if isinstance(call, n.Call):
            return call_statement(emitter, call, mode)
        if mode.action == "print" and not emitter.is_visible(node):
            mode = Mode("discard")
        return emitter.finish(emitter.expr(call), mode)
    if node.op == "%py_class%":
        return py_class_statement(emitter, node, mode)
    if node.op == "%<>%":  # magrittr's `x %<>% f()` is `x <- x %>% f()`
        piped = n.Binary("%>%", node.left, node.right)
        assign = n.Assign("<-", node.left, piped)
        for new in (piped, assign):
            new.line, new.column = node.line, node.column
            new.end_line, new.end_column = node.end_line, node.end_column
        return assign_statement(emitter, assign, mode)
    if node.op != "%<-%":
        return emitter.finish(emitter.expr(node), mode)
    left = node.left
    optional = _null_defaults(left)
    if optional:  # `c(x, y = NULL) %<-% data`: names past the end of `data` are NULL
        left = n.Call(
            left.func, [n.Arg(n.Name(arg.name) if arg.name else arg.value) for arg in left.args]
        )
    targets = _unpack_targets(emitter, left, outer=True)
    value = _unpacked_value(emitter, node.right, targets, node)
    if optional:
        padded = cst.Tuple([cst.StarredElement(value), *[cst.Element(py.name("None"))] * optional])
        count = len(targets.elements)
        value = cst.Subscript(padded, [cst.SubscriptElement(cst.Slice(None, py.integer(count)))])
    return [py.assign(targets, value)]


def _null_defaults(target: n.Node) -> int:
    """How many trailing `name = NULL` defaults a zeallot target has (`c(x, y = NULL)`)."""
    if not (isinstance(target, n.Call) and getattr(target.func, "id", None) in ("c", "list")):
        return 0
    count = 0
    for arg in reversed(target.args):
        if arg.name is None or not _is_null(arg.value):
            break
        count += 1
    if any(arg.name is not None for arg in target.args[: len(target.args) - count]):
        return 0
    return count


def _unpacked_value(
    emitter: Emitter, value: n.Node, targets: cst.Tuple, node: n.Node
) -> cst.BaseExpression:
    """The value unpacked by position: a named list's values (Python would unpack a dict's
    keys), except from the keras dataset loaders, whose Python results are tuples."""
    converted = emitter.expr(value)
    entry = resolve(emitter, value) if isinstance(value, n.Call) else None
    from_keras = entry is not None and entry.package in ("keras", "keras3")
    if emitter.kind(value) is Kind.NAMED_LIST and not from_keras:
        nested = any(isinstance(element.value, cst.Tuple) for element in targets.elements)
        if nested:
            emitter.fail("RK102", "unpacking of nested named lists is not translated", node)
        converted = py.call(py.attr(converted, "values"))
    return converted


def is_dotty(target: n.Node) -> bool:
    """dotty's (and keras3's) destructuring target `.[a, b]`."""
    return isinstance(target, n.Index) and isinstance(target.obj, n.Name) and target.obj.id == "."


def _dotty_statement(emitter: Emitter, node: n.Assign) -> list[cst.BaseStatement]:
    """`.[a, b] <- value` is `a, b = value`; `..` skips (`a, *_, z = value`); `.[x = key]`
    takes an element by name (`x = value["key"]`); `.[a, .[b, c]]` unpacks nested values."""
    named = [arg for arg in node.target.args if arg.name is not None]
    if not named:
        targets = _dotty_targets(emitter, node.target, outer=True)
        return [py.assign(targets, _unpacked_value(emitter, node.value, targets, node))]
    if len(named) != len(node.target.args) or not all(
        isinstance(arg.value, (n.Name, n.Str)) for arg in named
    ):
        emitter.fail("RK102", "this destructuring of `.[...]` is not translated", node.target)
    source = emitter.expr(node.value)
    statements: list[cst.BaseStatement] = []
    if not isinstance(node.value, n.Name):
        holder = emitter.fresh("unpacked")
        statements.append(py.assign(py.name(holder), source))
        source = py.name(holder)
    for arg in named:
        key = arg.value.id if isinstance(arg.value, n.Name) else arg.value.value
        emitter.set_kind(arg.name, Kind.UNKNOWN)
        element = cst.Subscript(source, [cst.SubscriptElement(cst.Index(py.string(key)))])
        statements.append(py.assign(py.name(python_name(arg.name)), element))
    return statements


def _dotty_targets(emitter: Emitter, node: n.Node, outer: bool = False) -> cst.BaseExpression:
    if isinstance(node, n.Name) and node.id == "..":
        return cst.StarredElement(py.name("_"))
    if isinstance(node, n.Name):
        emitter.set_kind(node.id, Kind.UNKNOWN)
        return py.name(python_name(node.id))
    if is_dotty(node) and not any(arg.name for arg in node.args):
        items = [_dotty_targets(emitter, arg.value) for arg in node.args]
        elements = [
            item if isinstance(item, cst.StarredElement) else cst.Element(item) for item in items
        ]
        parens = {"lpar": [], "rpar": []} if outer else {}
        return cst.Tuple(elements, **parens)
    emitter.fail("RK102", "this destructuring of `.[...]` is not translated", node)


def _unpack_targets(emitter: Emitter, node: n.Node, outer: bool = False) -> cst.BaseExpression:
    if isinstance(node, n.Name):
        emitter.set_kind(node.id, Kind.UNKNOWN)
        return py.name(python_name(node.id))
    if isinstance(node, n.Call) and getattr(node.func, "id", None) in ("c", "list"):
        items = [_unpack_targets(emitter, arg.value) for arg in node.args]
        parens = {"lpar": [], "rpar": []} if outer else {}
        return cst.Tuple([cst.Element(item) for item in items], **parens)
    emitter.fail("RK102", "this %<-% target is not translated", node)
