"""Imports requested by the emitters as they go, written once, sorted, at the top."""

from __future__ import annotations

import sys

import libcst as cst

# Modules imported under their conventional alias.
ALIASES = {"numpy": "np", "tensorflow": "tf", "matplotlib.pyplot": "plt"}


class Imports:
    """The imports a translation needs; `use` returns the name code should refer to."""

    def __init__(self) -> None:
        self._modules: dict[str, str | None] = {}
        self._names: dict[str, set[str]] = {}

    def module(self, module: str) -> str:
        """`import module [as alias]`; returns the name to write in code."""
        alias = ALIASES.get(module)
        self._modules[module] = alias
        return alias or module

    def from_(self, module: str, name: str) -> str:
        """`from module import name`; returns `name`."""
        self._names.setdefault(module, set()).add(name)
        return name

    def path(self, dotted: str) -> str:
        """The code for a dotted Python target such as `numpy.mean` or `keras.layers.Dense`.

        Aliased modules are imported whole (`np.mean`); `tensorflow.keras` is reached as
        `from tensorflow import keras`; anything else imports its top-level module.
        """
        for module, alias in sorted(ALIASES.items(), key=lambda item: -len(item[0])):
            if dotted == module or dotted.startswith(module + "."):
                self.module(module)
                return alias + dotted[len(module) :]
        if dotted.startswith("rkeras2py.runtime."):
            return self.from_("rkeras2py.runtime", dotted.rsplit(".", 1)[1])
        if dotted.startswith("keras.") or dotted == "keras":
            self.from_("tensorflow", "keras")
            return dotted
        head = dotted.split(".")[0]
        if head != dotted or head in sys.stdlib_module_names:
            self.module(head)
        return dotted

    def statements(self) -> list[cst.SimpleStatementLine]:
        """The import lines, stdlib first, then third party (isort's order)."""
        entries: list[tuple[int, str, str]] = []
        for module, alias in self._modules.items():
            text = f"import {module}" + (f" as {alias}" if alias else "")
            entries.append((_group(module), module, text))
        for module, names in self._names.items():
            text = f"from {module} import {', '.join(sorted(names))}"
            if len(text) > 100:  # as ruff format writes it: one name a line
                listed = "".join(f"    {name},\n" for name in sorted(names))
                text = f"from {module} import (\n{listed})"
            entries.append((_group(module), module, text))
        entries.sort(key=lambda entry: (entry[0], entry[2].startswith("from"), entry[1]))
        lines: list[cst.SimpleStatementLine] = []
        previous_group = None
        for group, _, text in entries:
            line = cst.parse_statement(text + "\n")
            if previous_group is not None and group != previous_group:
                line = line.with_changes(leading_lines=[cst.EmptyLine()])
            lines.append(line)
            previous_group = group
        return lines


def _group(module: str) -> int:
    return 0 if module.split(".")[0] in sys.stdlib_module_names else 1
