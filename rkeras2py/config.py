"""`[tool.rkeras2py]` in pyproject.toml: the settings command-line flags override.

The file is found as ruff finds its own: the nearest `pyproject.toml` upward from the
input that has a `[tool.rkeras2py]` table (files without one are passed over). Paths in it
(`out-dir`, `exclude`) are relative to the directory holding it.

    [tool.rkeras2py]
    strict = false                    # warnings fail the run, as --strict
    exclude = ["legacy/**", "*_old.R"]
    out-dir = "python"                # as --out-dir
    to = "ipynb"                      # R Markdown / Quarto become "ipynb" or "qmd"
    python-name = "{stem}.py"         # output names; {stem} is the input's name
    notebook-name = "{stem}.ipynb"    #   without its suffix
    quarto-name = "{stem}.qmd"
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

FORMATS = ("ipynb", "qmd")


class ConfigError(Exception):
    """A pyproject.toml that cannot be read or has settings rkeras2py does not know."""


@dataclass
class Config:
    strict: bool = False
    exclude: list[str] = field(default_factory=list)
    out_dir: Path | None = None
    to: str = "ipynb"
    python_name: str = "{stem}.py"
    notebook_name: str = "{stem}.ipynb"
    quarto_name: str = "{stem}.qmd"
    # the directory of the pyproject.toml the settings came from (None: defaults)
    root: Path | None = None
    path: Path | None = None

    def output_name(self, stem: str, kind: str) -> str:
        """The output file name for an input named `stem` + suffix, of kind py/ipynb/qmd."""
        template = {
            "py": self.python_name,
            "ipynb": self.notebook_name,
            "qmd": self.quarto_name,
        }[kind]
        return template.format(stem=stem)


_KEYS = {
    "strict": bool,
    "exclude": list,
    "out-dir": str,
    "to": str,
    "python-name": str,
    "notebook-name": str,
    "quarto-name": str,
}


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start` with a [tool.rkeras2py] table."""
    start = start.resolve()
    directory = start if start.is_dir() else start.parent
    for candidate in (directory, *directory.parents):
        path = candidate / "pyproject.toml"
        if path.is_file() and "rkeras2py" in _read(path).get("tool", {}):
            return path
    return None


def _read(path: Path) -> dict:
    # imported here: most runs find no pyproject.toml, and start-up time counts
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None


def load(path: Path) -> Config:
    """The settings in `path`'s [tool.rkeras2py] table, checked."""
    table = _read(path).get("tool", {}).get("rkeras2py", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.rkeras2py] must be a table")
    config = Config(root=path.parent.resolve(), path=path)
    for key, value in table.items():
        expected = _KEYS.get(key)
        if expected is None:
            known = ", ".join(sorted(_KEYS))
            raise ConfigError(f"{path}: unknown setting {key!r} in [tool.rkeras2py] ({known})")
        if not isinstance(value, expected):
            raise ConfigError(
                f"{path}: [tool.rkeras2py] {key} must be a {expected.__name__}, "
                f"not {type(value).__name__}"
            )
    if "strict" in table:
        config.strict = table["strict"]
    if "exclude" in table:
        if not all(isinstance(item, str) for item in table["exclude"]):
            raise ConfigError(f"{path}: [tool.rkeras2py] exclude must be a list of strings")
        config.exclude = list(table["exclude"])
    if "out-dir" in table:
        config.out_dir = config.root / table["out-dir"]
    if "to" in table:
        if table["to"] not in FORMATS:
            raise ConfigError(f"{path}: [tool.rkeras2py] to must be one of {', '.join(FORMATS)}")
        config.to = table["to"]
    for key in ("python-name", "notebook-name", "quarto-name"):
        if key in table:
            template = table[key]
            try:
                name = template.format(stem="x")
            except (KeyError, IndexError, ValueError):
                name = ""
            if "{stem}" not in template or not name or "/" in name or "\\" in name:
                raise ConfigError(
                    f"{path}: [tool.rkeras2py] {key} must be a file name containing "
                    f"{{stem}}, such as '{{stem}}.py'"
                )
            setattr(config, key.replace("-", "_"), template)
    return config


def discover(start: Path) -> Config:
    """The settings that apply to `start` (defaults when no pyproject.toml has any)."""
    path = find_pyproject(start)
    return load(path) if path else Config()
