"""The emitter: walks the R tree once, statement by statement, and builds libcst nodes.

Expressions and statements are dispatched by node type to the modules in `emit/`; calls go
through the registry. An R expression becomes Python in one of four *modes*: its value is
discarded, returned (the last expression of a function), assigned to a target (an `if`
used as a value), or printed (R's top-level autoprint). Compound R expressions (`if`,
`{}`, `switch`, `tryCatch`) push the mode into their branches, so `y <- if (a) {...}`
becomes an `if` statement that assigns `y` in each branch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import libcst as cst

from ..grammar import nodes as n
from ..grammar.unparse import unparse
from . import pyast as py
from .analysis import Analysis, Scope
from .api import APIS
from .cstmake import make
from .diagnostics import CODES, Diagnostic
from .growth import loop_growth
from .imports import Imports
from .kinds import Kind, join
from .registry import Registry
from .shadowing import reads_before_binding


class Unsupported(Exception):
    """Raised by an emitter that cannot translate faithfully; the statement gets a marker."""

    def __init__(self, code: str, message: str, node: n.Node) -> None:
        super().__init__(message)
        self.code, self.message, self.node = code, message, node


@dataclass(frozen=True)
class Mode:
    """What to do with the value of an emitted R expression."""

    action: str  # "discard", "return", "assign" or "print"
    target: cst.BaseExpression | None = None
    name: str | None = None  # the R variable an "assign" sets, when it is one


DISCARD = Mode("discard")
RETURN = Mode("return")
PRINT = Mode("print")

ExpressionEmitter = Callable[["Emitter", n.Node], cst.BaseExpression]
StatementEmitter = Callable[["Emitter", n.Node, Mode], list[cst.BaseStatement]]
KindRule = Callable[["Emitter", n.Node], Kind]
VisibilityRule = Callable[["Emitter", n.Node, frozenset[int]], bool]

EXPRESSIONS: dict[type, ExpressionEmitter] = {}
STATEMENTS: dict[type, StatementEmitter] = {}
KINDS: dict[type, KindRule] = {}
VISIBILITY: dict[type, VisibilityRule] = {}


def _registrar(table: dict):
    """A decorator factory that files a function in `table` under the node types given."""

    def register_for(*node_types: type):
        def register(function):
            for node_type in node_types:
                table[node_type] = function
            return function

        return register

    return register_for


expression = _registrar(EXPRESSIONS)
statement = _registrar(STATEMENTS)
kind_rule = _registrar(KINDS)
visibility_rule = _registrar(VISIBILITY)


class Emitter:
    """State of one translation: imports, diagnostics, scopes and variable kinds."""

    def __init__(
        self,
        source: str,
        filename: str,
        analysis: Analysis,
        registry: Registry,
        api_clash: n.Node | None = None,
    ):
        self.source = source
        self._source_lines: list[str] | None = None
        self.filename = filename
        self.analysis = analysis
        self.registry = registry
        self.api = registry.api  # the R keras API the file is written against
        self.api_clash = api_clash  # where the file names the other one
        self.imports = Imports()
        self.diagnostics: list[Diagnostic] = []
        self._reported: set[Diagnostic] = set()
        self.scouting = False  # a throwaway pass: markers need no R source
        self.missing_flags: dict[str, str] = {}
        self.scope: Scope = analysis.module_scope
        self.kinds: list[dict[str, Kind]] = [{}]
        # R attributes the translation keeps beside a variable (`scale()`'s "scaled:center"
        # in a Python variable of its own): by frame, as kinds are, until it is assigned.
        self.attributes: list[dict[str, dict[str, cst.BaseExpression]]] = [{}]
        self._known_kinds: dict[int, tuple[n.Node, Kind]] = {}
        # Entries calls resolve to, by call (emit/calls.py): asked for a call's kind, then
        # for its code; kept as long as the kinds are, as they depend on the same facts.
        self.resolved: dict[int, tuple[n.Call, object]] = {}
        self.pending: list[cst.BaseStatement] = []
        self.loop_depth = 0  # loops around the statement, in the function being emitted
        self._outer_loop_depths: list[int] = []
        self.used_names: set[str] = set()
        self.local_names: set[str] = set()
        self.prelude: list[cst.BaseStatement] = []
        self.has_rng = False
        # Kinds of the arguments each user function is called with: recorded in one pass,
        # used for its parameters in the next (R functions are vectorised by their use).
        self.observed: dict[int, dict[str, Kind]] = {}
        self.seeded: dict[int, dict[str, Kind]] = {}
        self.returns: dict[int, Kind] = {}
        self.seeded_returns: dict[int, Kind] = {}
        self.top_level = True
        # `%py_class%` classes of this file: what their instances are (a layer, a model)
        self.class_kinds: dict[str, Kind] = {}
        self.class_inits: dict[str, n.Function] = {}  # a class's `initialize` method
        self.dots_keywords_only = False  # inside a method, `...` is `**kwargs`
        # functions the R code builds that behave like registry entries
        # (`layer_scale <- new_layer_class(...)` composes as `layer_*()` does)
        self.user_entries: dict = {}
        # models with several outputs (their predictions are lists): name → LIST/NAMED_LIST
        self.multiple_outputs: dict[str, Kind] = {}
        # `v[i] <- x` in loops that grow an empty `v` one element per step (growth.py), and
        # other positional writes in loops to a `v` empty when they start
        self.appends: set[int] = set()
        self.past_end: set[int] = set()
        # reads of an outer name in a function that binds its own later (shadowing.py)
        self.outer_reads: dict[int, str] = {}

    # ---- diagnostics -----------------------------------------------------------------
    def report(self, code: str, message: str, node: n.Node) -> None:
        assert code in CODES, code
        diagnostic = Diagnostic(code, message, node.line, node.column, self.filename)
        if diagnostic not in self._reported:
            self._reported.add(diagnostic)
            self.diagnostics.append(diagnostic)

    def fail(self, code: str, message: str, node: n.Node):
        raise Unsupported(code, message, node)

    def check_api(self, package: str, node: n.Node) -> None:
        """Fail on a use of the R keras API the file is not written against."""
        if package in APIS and package != self.api:
            self.fail(
                "RK114",
                f"this file is written for {self.api}: {package} gives the same names "
                "other meanings, and R cannot load both",
                node,
            )

    # ---- names, kinds and scopes -----------------------------------------------------
    def fresh(self, stem: str) -> str:
        """A Python name not used by the R code or earlier temporaries."""
        candidate, number = stem, 1
        while candidate in self.used_names or self.analysis.is_user_name(candidate, self.scope):
            number += 1
            candidate = f"{stem}{number}"
        self.used_names.add(candidate)
        return candidate

    def kind(self, node: n.Node | None) -> Kind:
        if node is None:
            return Kind.UNKNOWN
        # Emitters ask the kind of each operand at every level of an expression, and a
        # kind is worked out from the operands' kinds: remembered, that is linear work.
        known = self._known_kinds.get(id(node))
        if known is not None and known[0] is node:
            return known[1]
        rule = KINDS.get(type(node))
        kind = rule(self, node) if rule else Kind.UNKNOWN
        self._known_kinds[id(node)] = (node, kind)  # the node is kept: its id stays its own
        return kind

    def forget_kinds(self) -> None:
        """Drop remembered kinds: what they were worked out from has changed (a variable's
        kind, the scope, a class or layer the file defines, a user function's result)."""
        self._known_kinds = {}
        self.resolved = {}

    def variable_kind(self, name: str) -> Kind:
        for frame in reversed(self.kinds):
            if name in frame:
                return frame[name]
        return Kind.UNKNOWN

    def set_kind(self, name: str, kind: Kind) -> None:
        self.kinds[-1][name] = kind
        self.attributes[-1].pop(name, None)  # a new value: R's attributes went with the old
        self.forget_kinds()

    def push_kinds(self, frame: dict[str, Kind]) -> None:
        """Variables of an inner scope (a lambda's parameter), until `pop_kinds`."""
        self.kinds.append(frame)
        self.attributes.append({})
        self.forget_kinds()

    def pop_kinds(self) -> None:
        self.kinds.pop()
        self.attributes.pop()
        self.forget_kinds()

    def set_attributes(self, name: str, values: dict[str, cst.BaseExpression]) -> None:
        """R attributes of variable `name` (just assigned), as the Python values holding them."""
        self.attributes[-1][name] = values

    def attribute(self, name: str, which: str) -> cst.BaseExpression | None:
        """The Python value holding attribute `which` of R variable `name`, if known."""
        for kinds, attributes in zip(reversed(self.kinds), reversed(self.attributes)):
            if name in kinds or name in attributes:
                return attributes.get(name, {}).get(which)
        return None

    # ---- expressions -----------------------------------------------------------------
    def expr(self, node: n.Node) -> cst.BaseExpression:
        emitter = EXPRESSIONS.get(type(node))
        if emitter is None:
            self.fail("RK102", f"{type(node).__name__} is not translated yet", node)
        return emitter(self, node)

    def hoist(self, statements: list[cst.BaseStatement]) -> None:
        """Statements to write before the statement being emitted (a helper `def`, ...)."""
        self.pending.extend(statements)

    # ---- statements ------------------------------------------------------------------
    def body(
        self,
        statements: list[n.Node],
        mode: Mode,
        header: list[cst.EmptyLine] | None = None,
        footer: list[cst.EmptyLine] | None = None,
    ) -> list[cst.BaseStatement]:
        """A sequence of R statements; `mode` applies to the last one's value.

        The comments of a statement that becomes no Python (`library(keras)`) go before the
        next one; when given, `header` takes those before the first (a file's opening
        comments, written above the imports) and `footer` those after the last, else they
        stand before a `pass`."""
        result: list[cst.BaseStatement] = []
        previous_end = None
        carried: list[cst.EmptyLine] = []
        for position, node in enumerate(statements):
            last = position == len(statements) - 1
            if type(node) is n.For:
                self._grown_in(statements, position, node)
            emitted = self.statement(node, mode if last else self.statement_mode())
            if not emitted:
                at_top = header is not None and not result
                (header if at_top else carried).extend(comment_lines(node))
                previous_end = node.end_line
                continue
            if carried:
                emitted[0] = py.changed(
                    emitted[0], leading_lines=[*carried, *emitted[0].leading_lines]
                )
                carried = []
            first_line = node.comments[0].line if node.comments else node.line
            if emitted and previous_end and first_line - previous_end > 1:
                gap = [py.BLANK_LINE, *emitted[0].leading_lines]
                emitted[0] = py.changed(emitted[0], leading_lines=gap)
            previous_end = node.end_line
            result.extend(emitted)
        if not statements and mode.action in ("return", "assign"):
            result.extend(self.finish(py.name("None"), mode))
        if carried and footer is not None:
            footer.extend(carried)
        elif carried:
            result.append(py.simple(cst.Pass(), leading_lines=carried))
        return result

    def _grown_in(self, statements: list[n.Node], position: int, loop: n.For) -> None:
        """Note which assignments of `loop` (`statements[position]`) append to a vector it
        grows (growth.py)."""
        appended, unproven = loop_growth(statements, position, loop)
        self.appends.update(id(assign) for assign in appended)
        self.past_end.update(id(assign) for assign in unproven)

    def statement_mode(self) -> Mode:
        return PRINT if self.top_level else DISCARD

    def statement(self, node: n.Node, mode: Mode) -> list[cst.BaseStatement]:
        """One R statement with its comments, or a marker when it cannot be translated."""
        saved = self.pending
        self.pending = []
        self.forget_kinds()
        try:
            emitted = self.value_statement(node, mode)
            emitted = self.pending + emitted
        except Unsupported as problem:
            emitted = self.marker(problem, node)
        except (
            AttributeError,
            TypeError,
            ValueError,
            KeyError,
            IndexError,
            cst.CSTValidationError,
        ) as bug:
            # A bug of ours must not cost the user the whole file: mark this statement.
            problem = Unsupported("RK900", f"internal error: {type(bug).__name__}: {bug}", node)
            emitted = self.marker(problem, node)
        finally:
            self.pending = saved
        return attach_comments(emitted, node)

    def value_statement(self, node: n.Node, mode: Mode) -> list[cst.BaseStatement]:
        """`node` as statements, its value handled as `mode` says."""
        special = STATEMENTS.get(type(node))
        if special is not None:
            return special(self, node, mode)
        if mode.action == "print" and not self.is_visible(node):
            mode = DISCARD
        return self.finish(self.expr(node), mode)

    def finish(self, value: cst.BaseExpression, mode: Mode) -> list[cst.BaseStatement]:
        if mode.action == "return":
            return [py.return_(value)]
        if mode.action == "assign":
            return [py.assign(mode.target, value)]
        if mode.action == "print":
            return [py.expr_statement(py.call("print", value))]
        return [py.expr_statement(value)]

    def is_visible(self, node: n.Node, seen: frozenset[int] = frozenset()) -> bool:
        """Whether R's top level would print this expression's value (`seen`: the user
        functions whose last expression is being asked about, against recursion)."""
        rule = VISIBILITY.get(type(node))
        if rule is not None:
            return rule(self, node, seen)
        return not isinstance(node, (n.Assign, n.Function))

    def marker(self, problem: Unsupported, node: n.Node) -> list[cst.BaseStatement]:
        """A visible stand-in for what could not be translated: R source and a raise."""
        self.report(problem.code, problem.message, problem.node or node)
        if self.scouting:
            return [py.simple(cst.Pass())]
        lines = [py.comment_line(f"# rkeras2py {problem.code}: {problem.message}")]
        for r_line in self.r_text(node):
            lines.append(py.comment_line(f"# R: {r_line}".rstrip()))
        message = py.string(f"{problem.code}: {problem.message}")
        raise_ = cst.Raise(py.call("NotImplementedError", message))
        return [py.simple(raise_, leading_lines=lines)]

    def r_text(self, node: n.Node) -> list[str]:
        """The lines of R `node` was written as (unparsed, for a node the translator made)."""
        if not (node.line and node.end_line and node.end_column):
            return unparse(node).rstrip("\n").splitlines()
        if self._source_lines is None:  # lines as R reads them: CRLF and a lone CR end one
            self._source_lines = self.source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        lines = self._source_lines[node.line - 1 : node.end_line]
        lines[-1] = lines[-1][: node.end_column - 1]
        lines[0] = lines[0][node.column - 1 :]
        return lines

    # ---- functions -------------------------------------------------------------------
    def enter_function(self, function: n.Function) -> None:
        self.scope = self.analysis.scope_of(function)
        self.outer_reads.update(reads_before_binding(function, self.scope))
        self.push_kinds(dict(self.seeded.get(id(function), {})))
        self._outer_loop_depths.append(self.loop_depth)
        self.loop_depth = 0  # a function's `break` cannot leave a loop it is called from

    def observe_call(self, function: n.Function, args: list[n.Arg]) -> None:
        """Record the kinds a user function's parameters receive at this call."""
        params = [p.name for p in function.params if p.name != "..."]
        takes_dots = any(p.name == "..." for p in function.params)
        seen = self.observed.setdefault(id(function), {})
        positional = iter(p for p in params if p not in {a.name for a in args if a.name})
        for arg in args:
            param = (
                arg.name if arg.name in params else (None if arg.name else next(positional, None))
            )
            if param is None and takes_dots:
                # what `...` carries: names (a named list) or positions (a list)
                param, kind = "...", Kind.NAMED_LIST if arg.name else Kind.LIST
            elif param is None or arg.value is None:
                continue
            else:
                kind = self.kind(arg.value)
            seen[param] = join(seen[param], kind) if param in seen else kind

    def leave_function(self) -> None:
        self.scope = self.scope.parent
        self.pop_kinds()
        self.loop_depth = self._outer_loop_depths.pop()


_TWO_SPACES = cst.SimpleWhitespace("  ")


def comment_lines(node: n.Node) -> list[cst.EmptyLine]:
    """The R statement's comments, each on a line of its own."""
    texts = [c.text for c in node.comments]
    if node.trailing_comment is not None:
        texts.append(node.trailing_comment.text)
    return [py.comment_line(f"#{text}".rstrip()) for text in texts]


def attach_comments(emitted: list[cst.BaseStatement], node: n.Node) -> list[cst.BaseStatement]:
    """Put the R statement's comments on the first Python statement it became."""
    if not emitted:
        return emitted
    first = emitted[0]
    leading = [py.comment_line(f"#{c.text}".rstrip()) for c in node.comments]
    trailing = node.trailing_comment
    if trailing is not None and isinstance(emitted[-1], cst.SimpleStatementLine):
        comment = make.Comment(f"#{trailing.text}".rstrip())
        whitespace = make.TrailingWhitespace(_TWO_SPACES, comment)
        emitted[-1] = py.changed(emitted[-1], trailing_whitespace=whitespace)
    elif trailing is not None:
        leading.append(py.comment_line(f"#{trailing.text}".rstrip()))
    if leading:
        first = emitted[0]
        emitted[0] = py.changed(first, leading_lines=[*leading, *first.leading_lines])
    return emitted
