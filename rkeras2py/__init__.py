"""rkeras2py: translate R keras / tensorflow / tfdatasets code into tf.keras Python.

Importing this package never imports TensorFlow; only `rkeras2py.runtime` does.
"""

from .errors import RSyntaxError
from .grammar import nodes
from .grammar.parser import parse
from .grammar.unparse import unparse

__version__ = "0.1.0"
__all__ = ["RSyntaxError", "nodes", "parse", "unparse", "__version__"]
