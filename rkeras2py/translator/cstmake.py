"""libcst nodes made without libcst's per-node validation, for the builders on the hot path.

A libcst node's constructor is a dataclass `__init__` followed by `_validate()`; for the
nodes a translation makes (ninety thousand for a 10,000-line file) that validation is half
of their cost and a tenth of a translation's time. `make.Call(func, args, ...)` takes the
same arguments as `cst.Call` and fills the same fields (a field's default factory is called
once per class: libcst nodes are immutable, so one default can be shared), but checks
nothing. The tests check instead: every tree the translator builds for the fixtures is
validated node by node (tests/test_codegen.py), so a builder that makes an invalid node
fails there, not silently in a user's output.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import libcst as cst


def _maker(cls: type) -> Callable:
    """A function taking `cls`'s constructor arguments and returning the node, unchecked."""
    fields = dataclasses.fields(cls)
    if any(not field.init for field in fields):
        return cls
    namespace: dict[str, object] = {"_new": object.__new__, "_cls": cls}
    params = []
    for field in fields:
        # The slot's own setter: twice as fast as object.__setattr__, which looks it up.
        owner = next(base for base in cls.__mro__ if field.name in vars(base))
        namespace[f"_set_{field.name}"] = vars(owner)[field.name].__set__
        if field.default is not dataclasses.MISSING:
            namespace[f"_default_{field.name}"] = field.default
        elif field.default_factory is not dataclasses.MISSING:
            namespace[f"_default_{field.name}"] = field.default_factory()
        else:
            params.append(field.name)
            continue
        params.append(f"{field.name}=_default_{field.name}")
    sets = "".join(f"    _set_{field.name}(node, {field.name})\n" for field in fields)
    source = f"def make({', '.join(params)}):\n    node = _new(_cls)\n{sets}    return node\n"
    exec(source, namespace)  # the way dataclasses writes __init__: one plain function
    maker = namespace["make"]
    maker.field_names = tuple(field.name for field in fields)  # type: ignore[attr-defined]
    return maker  # type: ignore[return-value]


class _Makers:
    """`make.Name` is the unchecked maker of `cst.Name`, written on first use."""

    def __getattr__(self, class_name: str) -> Callable:
        maker = _maker(getattr(cst, class_name))
        setattr(self, class_name, maker)
        return maker


make = _Makers()


def changed(node: cst.CSTNode, **changes: object) -> cst.CSTNode:
    """`node.with_changes(**changes)`, unchecked like `make`."""
    maker = getattr(make, type(node).__name__)
    names = getattr(maker, "field_names", None)
    if names is None:  # a class `make` leaves to libcst
        return node.with_changes(**changes)
    fields = {name: getattr(node, name) for name in names}
    fields.update(changes)
    return maker(**fields)
