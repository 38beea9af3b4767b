"""R's tfdatasets package (`registry/tfdatasets.py`): pipelines as Dataset method chains.

Translation tests pin the Python for representative pipelines (map functions become named
defs written before the statement); behaviour tests run translated pipelines in this process
and check their elements against what R tfdatasets printed for the same code (R keras 2.15
oracle with tfdatasets 2.9, quoted in each test); diagnostic tests check that the removed
feature-spec API names its Keras 3 replacement.
"""

from __future__ import annotations

import math
import os
import textwrap

import pytest
from snippets import exec_translation

from rkeras2py import translate

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def body(source: str) -> str:
    """The translation without its import lines; no diagnostics allowed."""
    result = translate(textwrap.dedent(source))
    assert not result.diagnostics, [d.format() for d in result.diagnostics]
    lines = result.code.splitlines()
    return "\n".join(line for line in lines if not line.startswith(("import ", "from "))).strip()


def last(source: str) -> str:
    return body(source).splitlines()[-1]


def run(source: str) -> dict:
    return exec_translation(textwrap.dedent(source))[0]


DS = "ds <- range_dataset(0, 10)\n"

TRANSLATIONS = [
    (DS + "b <- dataset_batch(ds, 32)", "b = ds.batch(32)"),
    (
        DS + "b <- ds %>% dataset_batch(32, drop_remainder = TRUE)",
        "b = ds.batch(32, drop_remainder=True)",
    ),
    (DS + "p <- dataset_prefetch(ds)", "p = ds.prefetch(tf.data.AUTOTUNE)"),
    (DS + "p <- dataset_prefetch(ds, 2)", "p = ds.prefetch(2)"),
    (DS + "r <- dataset_repeat(ds)", "r = ds.repeat()"),
    (DS + "r <- dataset_repeat(ds, 3)", "r = ds.repeat(3)"),
    (DS + "s <- dataset_shuffle(ds, 100, seed = 1)", "s = ds.shuffle(100, seed=1)"),
    (DS + "s <- dataset_take(ds, 5)", "s = ds.take(5)"),
    (DS + "s <- dataset_cache(ds)", "s = ds.cache()"),
    (DS + "s <- dataset_shard(ds, 2, 0)", "s = ds.shard(2, 0)"),
    (
        DS + "s <- dataset_shuffle_and_repeat(ds, 10, count = 2)",
        "s = ds.shuffle(10).repeat(2)",
    ),
    (DS + "s <- dataset_concatenate(ds, ds, ds)", "s = ds.concatenate(ds).concatenate(ds)"),
    (DS + "n <- length(ds)", "n = dataset_length(ds)"),
    (DS + "l <- dataset_collect(ds)", "l = list(ds)"),
    (DS + "l <- dataset_collect(ds, iter_max = 3)", "l = list(ds.take(3))"),
    (DS + "it <- as_iterator(ds)", "it = iter(ds)"),
    (DS + "it <- as_array_iterator(ds)", "it = ds.as_numpy_iterator()"),
    (DS + "it <- as_iterator(ds)\ne <- iter_next(it)", "e = next(it, None)"),
    ("ds <- range_dataset(from = 1, to = 6)", "ds = tf.data.Dataset.range(1, 6)"),
    ("ds <- range_dataset(to = 6)", "ds = tf.data.Dataset.range(6)"),
    ("ds <- range_dataset(1, 10, 2)", "ds = tf.data.Dataset.range(1, 10, 2)"),
    (
        "ds <- tensor_slices_dataset(list(c(1, 2), c(3, 4)))",
        "ds = tf.data.Dataset.from_tensor_slices(([1.0, 2.0], [3.0, 4.0]))",
    ),
    (
        "ds <- tensor_slices_dataset(list(x = c(1, 2), y = 1:2))",
        'ds = tf.data.Dataset.from_tensor_slices({"x": [1.0, 2.0], "y": [1, 2]})',
    ),
    (
        "a <- range_dataset(0, 3)\nb <- range_dataset(3, 6)\nz <- zip_datasets(a, b)",
        "z = tf.data.Dataset.zip((a, b))",
    ),
    (
        DS + "d <- dataset_map(ds, function(x) x * 2L, num_parallel_calls = tf$data$AUTOTUNE)",
        "d = ds.map(map_fn, num_parallel_calls=tf.data.AUTOTUNE)",
    ),
]


@pytest.mark.parametrize("source, expected", TRANSLATIONS)
def test_translation(source, expected):
    assert last(source) == expected


def test_a_formula_is_a_named_def_before_the_pipeline():
    code = body(
        """
        ds <- tensor_slices_dataset(list(c(1, 2), c(3, 4))) %>%
          dataset_map(~ list(.x / 2, .y)) %>%
          dataset_filter(~ .y > 3) %>%
          dataset_batch(2)
        """
    )
    definitions, pipeline = code.split("\n\n\nds = ")
    assert definitions == (
        "def map_fn(x, y, *_):\n"
        "    return (x / 2, y)\n"
        "\n"
        "\n"
        "def predicate(x, y, *_):\n"
        "    return y > 3"
    )
    # a long call chain is parenthesized, one call a line, as ruff writes it
    assert "".join(pipeline.split()) == (
        "(tf.data.Dataset.from_tensor_slices(([1.0,2.0],[3.0,4.0]))"
        ".map(map_fn).filter(predicate).batch(2))"
    )


def test_an_r_function_on_a_dict_element_reads_its_fields():
    code = body(
        """
        ds <- tensor_slices_dataset(list(a = c(1, 2), b = c(3, 4))) %>%
          dataset_map(function(r) r$a + r$b)
        """
    )
    assert 'return r["a"] + r["b"]' in code


def test_a_map_function_argument_is_a_tensor():
    code = body(
        """
        ds <- range_dataset(0, 4) %>% dataset_map(function(x) sum(x, axis = 1))
        """
    )
    assert "return tf.reduce_sum(x, axis=0)" in code


# ---- diagnostics ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "spec <- feature_spec(ds, y ~ .)",
        "spec <- step_numeric_column(spec, all_numeric())",
        "layer <- layer_input_from_dataset(ds)",
    ],
)
def test_feature_spec_api_names_feature_space(source):
    found = translate("ds <- range_dataset(0, 3)\n" + source).diagnostics
    assert found and found[0].code == "RK110"
    assert "keras.utils.FeatureSpace" in found[0].message


def test_tf1_iterators_are_removed():
    found = translate("it <- make_iterator_initializable(ds)").diagnostics
    assert found[0].code == "RK110" and "for" in found[0].message


# ---- behaviour (elements R tfdatasets printed, quoted) -----------------------------------


@pytest.fixture(scope="module")
def pipelines() -> dict:
    return run(
        """
        ints <- tensor_slices_dataset(1:3)
        pairs <- tensor_slices_dataset(list(c(1, 2, 3), c(4, 5, 6)))
        doubled <- dataset_collect(pairs %>% dataset_map(~ .x * 2))
        summed <- dataset_collect(pairs %>% dataset_map(function(x, y) x + y))
        swapped <- dataset_collect(pairs %>% dataset_map(~ list(.y, .x)))
        n_pairs <- length(pairs)
        n_forever <- length(dataset_repeat(pairs))
        n_filtered <- length(dataset_filter(ints, function(x) x > 1L))
        it <- as_iterator(range_dataset(1, 3))
        first <- iter_next(it)
        second <- iter_next(it)
        third <- iter_next(it)
        one_shot <- make_iterator_one_shot(range_dataset(4, 6))
        from_one_shot <- iterator_get_next(one_shot)
        seen <- 0
        until_out_of_range({
          seen <- seen + as.numeric(iterator_get_next(one_shot))
        })
        steps <- 0
        until_out_of_range({
          steps <- steps + 1
          if (steps >= 3) break
        })
        with_dataset({
          while (TRUE) rest <- iterator_get_next(one_shot)
        })
        batches <- dataset_collect(range_dataset(to = 3) %>% dataset_batch(2))
        dicts <- tensor_slices_dataset(list(a = c(1, 2), b = c(3, 4))) %>%
          dataset_map(function(r) r$a + r$b)
        dict_sums <- dataset_collect(dicts)
        tens <- iterate(range_dataset(0, 3), function(x) as.numeric(x) * 10)
        zipped <- dataset_collect(zip_datasets(range_dataset(0, 2), range_dataset(5, 7)))
        kept <- dataset_collect(range_dataset(0, 10) %>% dataset_filter(~ .x %% 3L == 0L))
        prefetched <- dataset_collect(range_dataset(0, 3) %>% dataset_prefetch())
        shuffled <- dataset_collect(range_dataset(0, 5) %>% dataset_shuffle(5, seed = 1))
        total <- dataset_reduce(tensor_slices_dataset(c(1, 2, 3, 4)), 0, function(s, x) s + x)
        spec <- output_types(pairs)
        """
    )


def values(elements) -> list:
    return [element.numpy().tolist() for element in elements]


def test_element_types_follow_reticulate(pipelines):
    # R: tensor_slices_dataset(1:3) is int32; list(c(1,2,3), c(4,5,6)) two float32 components
    assert pipelines["ints"].element_spec.dtype.name == "int32"
    assert [spec.dtype.name for spec in pipelines["pairs"].element_spec] == [
        "float32",
        "float32",
    ]
    assert [dtype.name for dtype in pipelines["spec"]] == ["float32", "float32"]


def test_formula_uses_the_first_component(pipelines):
    assert values(pipelines["doubled"]) == [2, 4, 6]  # R: 2 4 6 (float32)


def test_tuple_elements_are_positional_arguments(pipelines):
    assert values(pipelines["summed"]) == [5, 7, 9]
    assert [values(pair) for pair in pipelines["swapped"]] == [[4, 1], [5, 2], [6, 3]]


def test_length_is_the_cardinality(pipelines):
    assert pipelines["n_pairs"] == 3  # R: [1] 3
    assert pipelines["n_forever"] == math.inf  # R: [1] Inf
    assert math.isnan(pipelines["n_filtered"])  # R: [1] NA


def test_iter_next_is_none_at_the_end(pipelines):
    # R: tf.Tensor(1, int64), tf.Tensor(2, int64), NULL
    assert int(pipelines["first"]) == 1 and int(pipelines["second"]) == 2
    assert pipelines["third"] is None
    assert int(pipelines["from_one_shot"]) == 4  # the TF1 iterator's get_next()
    # until_out_of_range() repeats its block until the iterator is exhausted, or a break
    assert pipelines["seen"] == 5 and pipelines["steps"] == 3


def test_batches_and_dicts(pipelines):
    assert values(pipelines["batches"]) == [[0, 1], [2]]  # R: [0 1], [2]
    assert values(pipelines["dict_sums"]) == [4, 6]  # R: 4.0, 6.0


def test_iterate_applies_the_function(pipelines):
    # R: list(0, 10, 20), each a numeric vector of length 1
    assert [v.tolist() for v in pipelines["tens"]] == [[0.0], [10.0], [20.0]]


def test_zip_filter_prefetch_shuffle_reduce(pipelines):
    assert [values(pair) for pair in pipelines["zipped"]] == [[0, 5], [1, 6]]
    assert values(pipelines["kept"]) == [0, 3, 6, 9]
    assert values(pipelines["prefetched"]) == [0, 1, 2]
    assert sorted(values(pipelines["shuffled"])) == [0, 1, 2, 3, 4]
    assert int(pipelines["total"]) == 10
