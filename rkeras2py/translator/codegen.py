"""Python source text from a libcst module, without libcst's position bookkeeping.

`Module.code` prints through a `CodegenState` whose `record_syntactic_position` is a
generator-based context manager entered for nearly every node, only so that a metadata
provider can override it; plain printing ignores the positions. This state hands back one
shared do-nothing context instead, which takes about a fifth off printing a large module.
The tokens, and so the text, are the same as `Module.code` gives (tests/test_translate.py
holds them equal, so a libcst release that prints otherwise is caught).
"""

from __future__ import annotations

import libcst as cst
from libcst._nodes.internal import CodegenState


class _NoPosition:
    """A reusable context manager that does nothing (positions are not wanted)."""

    __slots__ = ()

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc_info: object) -> None:
        return None


_NO_POSITION = _NoPosition()


class _PlainState(CodegenState):
    """A code-generation state that records no positions."""

    __slots__ = ()

    def record_syntactic_position(self, node, *, start_node=None, end_node=None) -> _NoPosition:
        return _NO_POSITION


def module_code(module: cst.Module) -> str:
    """The text of `module`, as `module.code` would print it."""
    state = _PlainState(
        default_indent=module.default_indent, default_newline=module.default_newline
    )
    module._codegen(state)
    return "".join(state.tokens)
