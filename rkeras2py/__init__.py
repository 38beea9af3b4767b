"""rkeras2py: translate R keras / tensorflow / tfdatasets code into tf.keras Python.

    parse(source, filename)      R source -> typed syntax tree (rkeras2py.nodes)
    unparse(node)                syntax tree -> R source
    translate(source, filename)  R source -> Translation(code, diagnostics)
    translate_file(path)         the same for a file

Importing this package never imports TensorFlow; only `rkeras2py.runtime` does.
"""

from .errors import RSyntaxError
from .grammar import nodes
from .grammar.parser import parse
from .grammar.unparse import unparse

_TRANSLATOR_NAMES = frozenset({"Translation", "TranslationError", "translate", "translate_file"})


def __getattr__(name: str):
    """The translator (and libcst) load on first use, keeping `import rkeras2py` light."""
    if name in _TRANSLATOR_NAMES:
        from . import translator

        return getattr(translator, name)
    raise AttributeError(f"module 'rkeras2py' has no attribute {name!r}")


__version__ = "0.1.0"
__all__ = [
    "RSyntaxError",
    "Translation",
    "TranslationError",
    "nodes",
    "parse",
    "translate",
    "translate_file",
    "unparse",
    "__version__",
]
