"""Names a function reads from outside before binding its own of the same name.

In R, `f <- function() { x <- sort(x); x }` sorts the file's `x` into a new local `x`: until
the function binds its own, `x` is the outer one. A Python function that assigns `x` has no
outer `x` at all (UnboundLocalError), so such reads cannot be translated as written.
"""

from __future__ import annotations

from ..grammar import nodes as n
from ..grammar.walk import child_nodes
from .analysis import Scope

# Position of a node's start, to compare with where a binding ends.
_Position = tuple[int, int]


def reads_before_binding(function: n.Function, scope: Scope) -> dict[int, str]:
    """The reads (by node id) of names `function` binds later, while R still finds them
    outside it. Only names whose first binding is a plain one (`x <- v`, `for (x in ...)`,
    `x %<>% f()`) are considered: where it is not, no read is reported."""
    candidates = {
        name
        for name in scope.assigned
        if name not in scope.params and scope.outer_definer(name) is not None
    }
    if not candidates:
        return {}
    first_end: dict[str, _Position] = {}
    targets: set[int] = set()
    reads: list[n.Name] = []
    stack: list[n.Node] = [function.body]
    while stack:  # pre-order, children in source order: the first binding seen is the first
        node = stack.pop()
        kind = type(node)
        if kind is n.Function:
            continue  # a nested function reads when it is called, which cannot be known
        bound = _bound_name(node)
        if bound is not None and bound[0] in candidates:
            name, target, at = bound
            targets.add(id(target))
            first_end.setdefault(name, (at.end_line, at.end_column))
        if kind is n.Name and node.id in candidates:
            reads.append(node)
        stack.extend(reversed(child_nodes(node)))
    return {
        id(read): read.id
        for read in reads
        if id(read) not in targets
        and read.id in first_end
        and (read.line, read.column) < first_end[read.id]
    }


def _bound_name(node: n.Node) -> tuple[str, n.Node, n.Node] | None:
    """The name a plain binding binds, the node naming it, and the node after which it is
    bound (an assignment's value is read first; a loop binds before its body runs)."""
    if type(node) is n.Assign and not node.is_superassign and type(node.target) is n.Name:
        return node.target.id, node.target, node
    if type(node) is n.For:
        return node.var.id, node.var, node.iterable
    if type(node) is n.Binary and node.op == "%<>%" and type(node.left) is n.Name:
        return node.left.id, _NOT_A_TARGET, node  # it reads the outer value first
    return None


_NOT_A_TARGET = n.Name("")
