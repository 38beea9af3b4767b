"""Datasets: `dataset_mnist()` and friends, `keras.datasets.*.load_data()`.

R keras turns Python's `((x_train, y_train), (x_test, y_test))` into the nested named list
`list(train = list(x, y), test = list(x, y))`. R code uses it two ways:

- unpacked, `c(c(x_train, y_train), c(x_test, y_test)) %<-% dataset_mnist()`: zeallot
  ignores the names, so Python unpacks the tuples themselves:
  `(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()`;
- kept, `mnist <- dataset_mnist()` then `mnist$train$x`: the runtime's `as_dataset_list()`
  builds the dict of dicts that `mnist["train"]["x"]` reads.

A call is unpacked when it is the right-hand side of a `%<-%` in the file.

CAVEATS: the loaders download their data, as in R. R makes `x` of imdb/reuters a list of
integer vectors and `y` integers; Python keeps numpy arrays (of lists for the sequences),
which index, measure and pad the same. `dataset_reuters_word_index()`'s R default file name
(`reuters_word_index.pkl`) only names the cache file, so Keras 3's default is kept.
"""

from __future__ import annotations

import libcst as cst

from ....grammar import nodes as n
from ....grammar.walk import child_nodes
from ... import pyast as py
from ...kinds import Kind
from .. import BoundCall
from ..convert import as_int
from .table import TABLE
from .utilities import keywords, table, with_target


def unpacked_calls(emitter) -> set[int]:
    """The calls standing on the right of a `%<-%` anywhere in the file (by identity)."""
    found: set[int] = set()
    pending = [emitter.analysis.module_scope.node]
    while pending:
        node = pending.pop()
        if isinstance(node, n.Binary) and node.op == "%<-%":
            value = node.right
            while isinstance(value, n.Paren):
                value = value.expr
            found.add(id(value))
        pending.extend(child_nodes(node))
    return found


def load_dataset(module: str):
    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        call = table(emitter, with_target(bound, f"keras.datasets.{module}.load_data"))
        if id(bound.node) in unpacked_calls(emitter):
            return call
        return py.call(py.dotted(emitter.imports.path("rkeras2py.runtime.as_dataset_list")), call)

    return emit


_SEQUENCES = "path num_words skip_top maxlen {split}seed start_char oov_char index_from"
_SEQUENCE_CONVERT = {
    name: as_int
    for name in ("num_words", "skip_top", "maxlen", "seed", "start_char", "oov_char", "index_from")
}

for _name, _module, _params, _convert in (
    ("dataset_mnist", "mnist", "path", {}),
    ("dataset_fashion_mnist", "fashion_mnist", "", {}),
    ("dataset_cifar10", "cifar10", "", {}),
    ("dataset_cifar100", "cifar100", "label_mode", {}),
    ("dataset_imdb", "imdb", _SEQUENCES.format(split=""), _SEQUENCE_CONVERT),
    ("dataset_reuters", "reuters", _SEQUENCES.format(split="test_split "), _SEQUENCE_CONVERT),
    ("dataset_boston_housing", "boston_housing", "path test_split seed", {"seed": as_int}),
):
    TABLE.add(
        _name,
        params=_params,
        emit=load_dataset(_module),
        convert=_convert,
        rename=keywords(_params),
        kind=Kind.NAMED_LIST,
    )

for _name, _module in (
    ("dataset_imdb_word_index", "imdb"),
    ("dataset_reuters_word_index", "reuters"),
):
    TABLE.add(
        _name,
        f"keras.datasets.{_module}.get_word_index",
        "path",
        kind=Kind.NAMED_LIST,
    )
