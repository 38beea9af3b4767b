"""keras3's `op_*` functions (registry/keras3/ops.py): what each call becomes, and that the
Python computes what R keras3 1.5.1 computes.

- translations: `(R, Python)` pairs for each shape of entry (plain op, 1-based axis, index
  returned (+ 1), indices taken (- 1), `op_arange()` (R's seq()), `op_subset()`);
- behaviour: R snippets translated and run in one Python process, their printed values
  compared with what R keras3 1.5.1 + TensorFlow 2.21 printed (`/work/oracle3/run-r-keras3`,
  recorded below; R's layout dropped);
- every `op_*` export of keras3 has an entry.
"""

# ruff: noqa: E501  (R snippets and the values R printed are kept as recorded)

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from outputs import same_values
from snippets import Result, run_all, translate_all

from rkeras2py import translate
from rkeras2py.translator import registry

EXPORTS = Path(__file__).with_name("data") / "exports-keras3.txt"
PREAMBLE = """\
library(keras3)
x <- op_ones(c(2, 3))
y <- op_ones(c(2, 3))
"""


def last(source: str) -> str:
    """The translation of the last line of `source` (assigned to `z` unless it assigns
    itself), after the preamble's tensors."""
    *head, line = textwrap.dedent(source).strip().splitlines()
    if "<-" not in line:
        line = f"z <- {line}"
    result = translate(PREAMBLE + "\n".join([*head, line]) + "\n")
    assert not result.has_errors, [d.format() for d in result.diagnostics]
    tail = result.code.rstrip("\n").split("y = keras.ops.ones((2, 3))\n", 1)[1]
    tail = tail.split("\n")[-1] if not tail.startswith(("z", "x")) else tail
    return tail.removeprefix("z = ")


# ---- translations ------------------------------------------------------------------------

TRANSLATIONS = [
    # plain ops, R names for other Python names
    ("op_add(x, y)", "keras.ops.add(x, y)"),
    ("op_abs(x)", "keras.ops.absolute(x)"),
    ("op_conj(x)", "keras.ops.conjugate(x)"),
    ("op_pmax(x, y)", "keras.ops.maximum(x, y)"),
    ("op_sqrt(c(1, 4))", "keras.ops.sqrt([1.0, 4.0])"),
    ("op_image_resize(x, c(4, 4))", "keras.ops.image.resize(x, [4, 4])"),
    ("op_image_crop(x, 1, 1)", "keras.ops.image.crop_images(x, 1, 1)"),
    # 1-based axes
    ("op_sum(x, axis = 1)", "keras.ops.sum(x, axis=0)"),
    ("op_mean(x, axis = -1, keepdims = TRUE)", "keras.ops.mean(x, axis=-1, keepdims=True)"),
    ("op_max(x, axis = c(1, 2))", "keras.ops.max(x, axis=[0, 1])"),
    ("op_sum(x)", "keras.ops.sum(x)"),
    ("op_cumsum(x, 2)", "keras.ops.cumsum(x, 1)"),
    ("op_transpose(x, c(2, 1))", "keras.ops.transpose(x, [1, 0])"),
    ("op_moveaxis(x, 1, 2)", "keras.ops.moveaxis(x, 0, 1)"),
    ("op_diagonal(x, axis1 = 1, axis2 = 2)", "keras.ops.diagonal(x, axis1=0, axis2=1)"),
    ("op_concatenate(list(x, y), axis = 2)", "keras.ops.concatenate([x, y], axis=1)"),
    ("op_stack(list(x, y))", "keras.ops.stack([x, y])"),
    ("a <- 2\nop_sum(x, axis = a)", "keras.ops.sum(x, axis=as_axis(a))"),
    # integer coercions and shapes
    ("op_ones(c(2, 3))", "keras.ops.ones((2, 3))"),
    ("op_eye(3, k = 1)", "keras.ops.eye(3, k=1)"),
    ("op_round(x, 2)", "keras.ops.round(x, 2)"),
    ("op_reshape(x, c(NA, 2))", "keras.ops.reshape(x, (-1, 2))"),
    ("op_norm(x, ord = 2)", "keras.ops.norm(x, ord=2)"),
    # indices returned: 1-based unless zero_indexed = TRUE
    ("op_argmax(x, axis = 2)", "keras.ops.argmax(x, axis=1) + 1"),
    ("op_argmax(x)", "keras.ops.argmax(x) + 1"),
    ("op_argmin(x, axis = 1, zero_indexed = TRUE)", "keras.ops.argmin(x, axis=0)"),
    ("op_argsort(x)", "keras.ops.argsort(x) + 1"),
    ("op_argpartition(x, 2)", "keras.ops.argpartition(x, 1) + 1"),
    (
        "op_searchsorted(x, 2.5)",
        'keras.ops.searchsorted(x, np.array([2.5], dtype="float32")) + 1',
    ),
    ("op_digitize(x, c(1, 2))", "keras.ops.digitize(x, np.array([1.0, 2.0])) + 1"),
    ("op_nonzero(x)", "keras.ops.stack(keras.ops.nonzero(x), axis=-1) + 1"),
    ("op_top_k(x, 2)", "op_top_k(x, 2)"),
    # indices taken: positive ones moved down by one
    ("op_take(x, c(1, 3), axis = 2)", "keras.ops.take(x, [0, 2], axis=1)"),
    ("op_take(x, c(0, 2), axis = 2, zero_indexed = TRUE)", "keras.ops.take(x, [0, 2], axis=1)"),
    ("op_take(x, -1)", "keras.ops.take(x, -1)"),
    (
        "i <- op_argmax(x, axis = 2)\nop_take_along_axis(x, i, axis = 2)",
        "keras.ops.take_along_axis(x, keras.ops.where(i > 0, i - 1, i), axis=1)",
    ),
    ("j <- sample(3)\nop_take(x, j)", "keras.ops.take(x, as_py_index(j))"),
    ("op_one_hot(c(1, 3), 3)", "keras.ops.one_hot([0, 2], 3)"),
    ("op_one_hot(c(0, 2), 3, zero_indexed = TRUE)", "keras.ops.one_hot([0, 2], 3)"),
    ("op_slice(x, c(1, 2), c(2, 2))", "keras.ops.slice(x, [0, 1], (2, 2))"),
    (
        "op_segment_sum(x, c(1, 1, 2))",
        'keras.ops.segment_sum(x, np.array([0, 0, 1], dtype="int32"))',
    ),
    ("op_split(x, c(2, 4))", "keras.ops.split(x, [1, 3])"),
    ("op_split(x, 3, axis = 2)", "keras.ops.split(x, 3, axis=1)"),
    ("op_unravel_index(c(5, 6), c(2, 3))", "keras.ops.unravel_index([4, 5], (2, 3))"),
    # op_arange(): R's seq(), the end included
    ("op_arange(5)", "keras.ops.arange(1.0, 6.0)"),
    ("op_arange(5L)", "keras.ops.arange(1, 6)"),
    ("op_arange(2, 6, 2)", "keras.ops.arange(2.0, 8.0, 2.0)"),
    ("op_arange(1, 5, dtype = 'int32')", 'keras.ops.arange(1, 6, dtype="int32")'),
    ("op_arange(0, 1, 0.25)", "keras.ops.arange(0.0, 1.25, 0.25)"),
    ("op_arange(1, 5, include_end = FALSE)", "keras.ops.arange(1.0, 5.0)"),
    ("n <- 4\nop_arange(1, n)", "keras.ops.arange(1.0, n + 1)"),
    # op_subset(): R-style subscripts
    ("op_subset(x, 2, 1:2)", "x[1, :2]"),
    ("op_subset(x, , 2)", "x[:, 1]"),
    ("op_subset(x, -1, 2)", "x[-1, 1]"),
    ("op_subset(x, 2, c(1, 3))", "op_subset(x, 2.0, [1.0, 3.0])"),
    ("op_subset(x, 1, ) <- 0", "x = op_subset_set(x, 1.0, slice(None), value=0.0)"),
    # conversions: R doubles in a vector are float64, as keras3 sends them
    ("op_convert_to_tensor(c(1, 2))", 'keras.ops.convert_to_tensor([1.0, 2.0], dtype="float64")'),
    (
        "op_convert_to_tensor(c(1, 2), dtype = 'int32')",
        'keras.ops.convert_to_tensor([1, 2], dtype="int32")',
    ),
    ("op_convert_to_tensor(1)", "keras.ops.convert_to_tensor(1.0)"),
    ("op_top_k(c(1, 5, 3), 2)", "op_top_k(np.array([1.0, 5.0, 3.0]), 2)"),
    ("op_hstack(list(c(1, 2), x))", "keras.ops.hstack([np.array([1.0, 2.0]), x])"),
    ("op_map(x, function(v) v + 1)", "keras.ops.map(lambda v: v + 1, x)"),
    (
        "op_vectorized_map(x, op_sum)",
        "keras.ops.vectorized_map(lambda value: keras.ops.sum(value), x)",
    ),
]


@pytest.mark.parametrize(("source", "expected"), TRANSLATIONS)
def test_translation(source: str, expected: str) -> None:
    assert last(source) == expected


def test_zero_axis_is_an_error() -> None:
    result = translate(PREAMBLE + "op_sum(x, axis = 0)\n")
    assert result.has_errors
    assert "1 based" in " ".join(d.format() for d in result.diagnostics)


# ---- behaviour: the translations run, compared with R keras3 ------------------------------

BEHAVIOUR_PREAMBLE = "m <- op_convert_to_tensor(rbind(c(1, 5, 3), c(4, 2, 6)))\n"

# name: (R snippet, what R keras3 1.5.1 printed)
BEHAVIOUR = {
    "axis_sums": (
        "print(op_sum(m, axis = 1))\nprint(op_sum(m, axis = 2))\nprint(op_mean(m, axis = -1))\nprint(op_cumsum(m, axis = 2))",
        "tf.Tensor([5. 7. 9.], shape=(3), dtype=float64)\ntf.Tensor([ 9. 12.], shape=(2), dtype=float64)\ntf.Tensor([3. 4.], shape=(2), dtype=float64)\ntf.Tensor(\n[[ 1.  6.  9.]\n [ 4.  6. 12.]], shape=(2, 3), dtype=float64)\n",
    ),
    "argmax": (
        "print(op_argmax(m, axis = 2))\nprint(op_argmin(m, axis = 1))\nprint(op_argmax(m, axis = 2, zero_indexed = TRUE))",
        "tf.Tensor([2 3], shape=(2), dtype=int32)\ntf.Tensor([1 2 1], shape=(3), dtype=int32)\ntf.Tensor([1 2], shape=(2), dtype=int32)\n",
    ),
    "argsort": (
        "print(op_argsort(c(3, 1, 2)))\nprint(op_argpartition(c(3, 1, 2), 2))",
        "tf.Tensor([2 3 1], shape=(3), dtype=int32)\ntf.Tensor([2 3 1], shape=(3), dtype=int32)\n",
    ),
    "search": (
        "print(op_searchsorted(c(1, 2, 3), c(2.5, 0.5)))\nprint(op_digitize(c(0.5, 1.5, 2.5), c(1, 2)))",
        "tf.Tensor([3 1], shape=(2), dtype=int32)\ntf.Tensor([1 2 3], shape=(3), dtype=int32)\n",
    ),
    "nonzero": (
        "print(op_nonzero(m > 3))",
        "tf.Tensor(\n[[1 2]\n [2 1]\n [2 3]], shape=(3, 2), dtype=int32)\n",
    ),
    "top_k": (
        "r <- op_top_k(c(1, 5, 3), 2)\nprint(r$values)\nprint(r$indices)",
        "tf.Tensor([5. 3.], shape=(2), dtype=float64)\ntf.Tensor([2 3], shape=(2), dtype=int32)\n",
    ),
    "arange": (
        'print(op_arange(5))\nprint(op_arange(2, 6, 2))\nprint(op_arange(1, 5, dtype = "int32"))\nprint(op_arange(0, 1, 0.25))\nprint(op_arange(1, 5, include_end = FALSE))',
        "tf.Tensor([1. 2. 3. 4. 5.], shape=(5), dtype=float32)\ntf.Tensor([2. 4. 6.], shape=(3), dtype=float32)\ntf.Tensor([1 2 3 4 5], shape=(5), dtype=int32)\ntf.Tensor([0.   0.25 0.5  0.75 1.  ], shape=(5), dtype=float32)\ntf.Tensor([1. 2. 3. 4.], shape=(4), dtype=float32)\n",
    ),
    "take": (
        "print(op_take(c(10, 20, 30), c(1, 3)))\nprint(op_take(m, 2, axis = 2))\nprint(op_take(m, c(0, 2), axis = 2, zero_indexed = TRUE))\nprint(op_take_along_axis(m, op_convert_to_tensor(matrix(c(1L, 2L, 3L, 1L), 2)), axis = 2))",
        "tf.Tensor([10. 30.], shape=(2), dtype=float32)\ntf.Tensor([5. 2.], shape=(2), dtype=float64)\ntf.Tensor(\n[[1. 3.]\n [4. 6.]], shape=(2, 2), dtype=float64)\ntf.Tensor(\n[[1. 3.]\n [2. 4.]], shape=(2, 2), dtype=float64)\n",
    ),
    "one_hot": (
        "print(op_one_hot(c(1, 3), 3))\nprint(op_one_hot(c(0, 2), 3, zero_indexed = TRUE))",
        "tf.Tensor(\n[[1. 0. 0.]\n [0. 0. 1.]], shape=(2, 3), dtype=float32)\ntf.Tensor(\n[[1. 0. 0.]\n [0. 0. 1.]], shape=(2, 3), dtype=float32)\n",
    ),
    "split": (
        "s <- op_split(op_arange(6), c(2, 4))\nprint(s[[1]])\nprint(s[[3]])\ns <- op_split(op_arange(6), 3)\nprint(s[[2]])",
        "tf.Tensor([1.], shape=(1), dtype=float32)\ntf.Tensor([4. 5. 6.], shape=(3), dtype=float32)\ntf.Tensor([3. 4.], shape=(2), dtype=float32)\n",
    ),
    "slice": (
        "print(op_slice(m, c(1, 2), c(2, 2)))\nprint(op_segment_sum(op_convert_to_tensor(c(1, 2, 3)), c(1L, 1L, 2L)))",
        "tf.Tensor(\n[[5. 3.]\n [2. 6.]], shape=(2, 2), dtype=float64)\ntf.Tensor([3. 3.], shape=(2), dtype=float64)\n",
    ),
    "unravel": (
        "u <- op_unravel_index(c(5, 6), c(2, 3))\nprint(u[[1]])\nprint(u[[2]])",
        "tf.Tensor([1 1], shape=(2), dtype=int32)\ntf.Tensor([1 2], shape=(2), dtype=int32)\n",
    ),
    "shapes": (
        "print(op_transpose(op_ones(c(2, 3, 4)), c(3, 1, 2))$shape)\nprint(op_moveaxis(op_ones(c(2, 3, 4)), 1, 3)$shape)\nprint(op_expand_dims(m, 1)$shape)\nprint(op_reshape(op_arange(6), c(NA, 2))$shape)\nprint(op_swapaxes(m, 1, 2)$shape)",
        "([4, 2, 3])\n([3, 4, 2])\n([1, 2, 3])\n([3, 2])\n([3, 2])\n",
    ),
    "subset": (
        "print(op_subset(m, 2, 1:2))\nprint(op_subset(m, 2, c(1, 3)))\nprint(op_subset(m, , 2))\nprint(op_subset(m, -1, 2:3))",
        "tf.Tensor([4. 2.], shape=(2), dtype=float64)\ntf.Tensor([4. 6.], shape=(2), dtype=float64)\ntf.Tensor([5. 2.], shape=(2), dtype=float64)\ntf.Tensor([2. 6.], shape=(2), dtype=float64)\n",
    ),
    "dtypes": (
        'print(op_dtype(op_convert_to_tensor(c(1, 2))))\nprint(op_dtype(op_convert_to_tensor(1)))\nprint(op_convert_to_tensor(c(1, 2), dtype = "int32"))\nprint(op_dtype(op_sum(c(1, 2, 3))))',
        '[1] "float64"\n[1] "float32"\ntf.Tensor([1 2], shape=(2), dtype=int32)\n[1] "float32"\n',
    ),
    "misc": (
        "print(op_diagonal(m, axis1 = 1, axis2 = 2))\nprint(op_stack(list(c(1, 2), c(3, 4)), axis = 2))\nprint(op_concatenate(list(m, m), axis = 2)$shape)\nprint(op_norm(c(3, 4)))\nprint(op_pmax(c(1, 5), c(3, 2)))",
        "tf.Tensor([1. 2.], shape=(2), dtype=float64)\ntf.Tensor(\n[[1. 3.]\n [2. 4.]], shape=(2, 2), dtype=float32)\n([2, 6])\ntf.Tensor(5.0, shape=(), dtype=float32)\ntf.Tensor([3. 5.], shape=(2), dtype=float32)\n",
    ),
}


@pytest.fixture(scope="module")
def printed() -> dict[str, Result]:
    """What each behaviour snippet's translation printed; all run in one Python process."""
    sources = {
        name: "library(keras3)\n" + BEHAVIOUR_PREAMBLE + source + "\n"
        for name, (source, _) in BEHAVIOUR.items()
    }
    return run_all(translate_all(sources))


@pytest.mark.parametrize("name", list(BEHAVIOUR))
def test_translation_computes_what_r_computes(name: str, printed: dict[str, Result]) -> None:
    assert printed[name].error is None, printed[name].error
    same, why = same_values(BEHAVIOUR[name][1], printed[name].stdout)
    assert same, f"{why}\n--- Python printed:\n{printed[name].stdout}"


def test_comparison_can_fail(printed: dict[str, Result]) -> None:
    """The shifts matter: a 0-based argmax (1 2) is not R's (2 3)."""
    assert not same_values("tf.Tensor([1 2], shape=(2), dtype=int32)", printed["argmax"].stdout)[0]


# ---- coverage -----------------------------------------------------------------------------


def test_every_op_export_has_an_entry() -> None:
    names = [line.strip() for line in EXPORTS.read_text().splitlines() if line.startswith("op_")]
    assert len(names) == 287
    table = registry("keras3").tables["keras3"].entries
    assert [name for name in names if name not in table] == []


def test_r_integers_are_int32_tensors():
    """reticulate sends R integers as int32; numpy's default integer is int64."""
    code = translate(
        "library(keras3)\ncube <- op_convert_to_tensor(array(1:24, dim = c(2, 3, 4)))\n"
    ).code
    assert 'order="F"), dtype="int32")' in code.replace("\n", "").replace("    ", "")


def test_op_subset_reads_dotdot_and_open_ranges_statically():
    code = translate(
        "library(keras3)\nx <- op_ones(c(4, 5))\na <- op_subset(x, 2:-1, -2:-1)\n"
        "b <- op_subset(x, .., 1)\n"
    ).code
    assert code.endswith("a = x[1:, -2:]\nb = x[..., 0]\n")
