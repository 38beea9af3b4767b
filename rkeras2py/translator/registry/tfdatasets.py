"""R's tfdatasets package: `tf.data` pipelines written as functions (`dataset_batch(ds, 32)`
is `ds.batch(32)`).

Every `dataset_*()` verb takes the dataset first and calls the Dataset method of the same
name; integer arguments go through `as.integer` (R's `as_integer_tensor`). Functions given
to `dataset_map()` and friends may be R functions or formulas (`~ .x * 2`, where `.x` or `.`
is the first argument and `.y` the second); each becomes a named `def` written before the
pipeline (AutoGraph reads a function's source, and cannot tell two lambdas on one line
apart). A dataset element that is a tuple is passed as positional arguments; a formula
that only uses `.x` ignores the others, as R's does. An unnamed R `list()` of tensors is a
tuple, a named one a dict.

CAVEATS: a map function runs as a TensorFlow graph; R control flow on tensors in it needs
`tf$cond` in R and in Python alike. The parameters of a map function are taken to be
tensors, or dicts of them where the R code uses `param$name`.
"""

from __future__ import annotations

import libcst as cst

from ...grammar import nodes as n
from ...grammar.walk import walk
from .. import pyast as py
from ..emit.calls import convert_argument, extra_arguments, table_call
from ..emit.control import DISCARD, branch, loop_body, null_value
from ..emit.functions import define
from ..emit.values import keyword_name
from ..emitter import RETURN
from ..kinds import PYTHON_OBJECTS, Kind
from . import BoundCall, Table
from .convert import as_int, elements, int_list, is_null, py_value
from .helpers import is_true

TABLE = Table("tfdatasets", pass_value=py_value)


def _data(emitter, name: str) -> cst.BaseExpression:
    """`tf.data.<name>`, importing tensorflow."""
    return py.dotted(emitter.imports.path(f"tensorflow.data.{name}"))


def _given(bound: BoundCall, param: str) -> n.Node | None:
    node = bound.get(param)
    return None if is_null(node) else node


def _dataset(emitter, bound: BoundCall) -> cst.BaseExpression:
    node = bound.get(bound.entry.params[0])
    if node is None:
        emitter.fail("RK103", f"{bound.entry.name}() needs the dataset", bound.node)
    return emitter.expr(node)


# ---- functions handed to tf.data ---------------------------------------------------------

# Formula arguments (rlang's as_function): `.x` and `.` are the first, `.y` the second.
_FORMULA_ARGS = {".x": 0, ".": 0, ".y": 1}


def _param_kind(body: n.Node, names: tuple[str, ...]) -> Kind:
    """A map function's argument: a dict of tensors when the body reads `arg$name`."""
    for node in walk(body):
        if (
            isinstance(node, n.Extract)
            and node.op == "$"
            and isinstance(node.obj, n.Name)
            and node.obj.id in names
        ):
            return Kind.NAMED_LIST
    return Kind.TENSOR


def _tuple_return(body: list[cst.BaseStatement]) -> list[cst.BaseStatement]:
    """`list(x, y)` returned from a map function is a tuple for tf.data: written so."""
    if body and isinstance(body[-1], cst.SimpleStatementLine):
        last = body[-1].body[0]
        if isinstance(last, cst.Return) and isinstance(last.value, cst.List):
            items = [element.value for element in last.value.elements]
            tuple_ = py.list_(items, tuple_=True)
            body[-1] = body[-1].with_changes(body=[last.with_changes(value=tuple_)])
    return body


def _parameter_name(emitter, wanted: str) -> str:
    """`wanted`, or a variant the R code does not use for something else."""
    name = wanted
    while emitter.analysis.is_user_name(name, emitter.scope) or name in emitter.local_names:
        name += "_"
    return name


def _formula_function(emitter, formula: n.Formula, stem: str) -> cst.BaseExpression:
    """`~ .x * 2` as `def map_fn(x, *_): return x * 2`, written before the statement."""
    if formula.lhs is not None:
        emitter.fail("RK103", "a two-sided formula is not a function", formula)
    used = {
        node.id
        for node in walk(formula.rhs)
        if isinstance(node, n.Name) and node.id in _FORMULA_ARGS
    }
    positions = sorted({_FORMULA_ARGS[name] for name in used} | {0})
    python_names = {0: _parameter_name(emitter, "x"), 1: _parameter_name(emitter, "y")}
    renamed = [node for node in walk(formula.rhs) if isinstance(node, n.Name) and node.id in used]
    original = {id(node): node.id for node in renamed}
    kind = _param_kind(formula.rhs, tuple(used))
    saved_top, saved_locals = emitter.top_level, set(emitter.local_names)
    emitter.top_level = False
    emitter.push_kinds({})
    try:
        for node in renamed:  # the body refers to the def's parameters by their names
            node.id = python_names[_FORMULA_ARGS[node.id]]
        for position in positions:
            emitter.local_names.add(python_names[position])
            emitter.set_kind(python_names[position], kind)
        statements = formula.rhs.body if isinstance(formula.rhs, n.Block) else [formula.rhs]
        body = emitter.body(statements, RETURN)
    finally:
        for node in renamed:
            node.id = original[id(node)]
        emitter.pop_kinds()
        emitter.local_names = saved_locals
        emitter.top_level = saved_top
    params = [cst.Param(py.name(python_names[p])) for p in range(max(positions) + 1)]
    rest = cst.Param(py.name("_"), star="*")
    name = emitter.fresh(stem)
    definition = cst.FunctionDef(
        py.name(name),
        cst.Parameters(params=params, star_arg=rest),
        cst.IndentedBlock(_tuple_return(body)),
    )
    emitter.hoist([definition])
    return py.name(name)


def _function_literal(emitter, function: n.Function, stem: str) -> cst.BaseExpression:
    """`function(x, y) list(x / 255, y)` as a named def, its arguments tensors."""
    names = tuple(param.name for param in function.params)
    kinds = {name: _param_kind(function.body, (name,)) for name in names if name != "..."}
    key = id(function)
    saved = emitter.seeded.get(key)
    emitter.seeded[key] = {**(saved or {}), **kinds}
    try:
        definition = define(emitter, emitter.fresh(stem), function)
    finally:
        if saved is None:
            emitter.seeded.pop(key, None)
        else:
            emitter.seeded[key] = saved
    body = list(definition.body.body)
    definition = definition.with_changes(
        body=definition.body.with_changes(body=_tuple_return(body))
    )
    emitter.hoist([definition])
    return definition.name


def as_function(stem: str):
    """A converter for a function argument (rlang's `as_function()`): an R function, a
    formula, or a function value (a name, `tf$...`) passed as it is."""

    def convert(emitter, node: n.Node) -> cst.BaseExpression:
        if isinstance(node, n.Formula):
            return _formula_function(emitter, node, stem)
        if isinstance(node, n.Function):
            return _function_literal(emitter, node, stem)
        return emitter.expr(node)

    return convert


# ---- verbs: Dataset methods --------------------------------------------------------------


def count(emitter, node: n.Node) -> cst.BaseExpression:
    """An integer argument (R's `as_integer_tensor()`): `as.integer` of R numbers;
    `tf$data$AUTOTUNE` and tensors pass as they are."""
    if emitter.kind(node) in PYTHON_OBJECTS:
        return emitter.expr(node)
    return as_int(emitter, node)


def _method_call(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`dataset.method(...)`: the dataset first, so the functions a pipeline's earlier
    steps write come first; arguments positional while R's come in order."""
    entry = bound.entry
    receiver = _dataset(emitter, bound)
    args: list[cst.Arg] = []
    in_order = True
    for param in entry.params[1:]:
        value = bound.named.get(param)
        if param == "...":
            continue
        if value is None or param in entry.drop or is_null(value):
            in_order = False
            continue
        converted = convert_argument(emitter, entry, param, value)
        keyword = None if in_order and param not in bound.by_name else keyword_name(param)
        in_order = keyword is None
        args.append(py.arg(converted, keyword))
    args.extend(extra_arguments(emitter, bound))
    return py.call(py.attr(receiver, entry.target), *args)


def verb(name: str, method: str, params: str, **options):
    """`name(dataset, ...)` is `dataset.method(...)`, a dataset."""
    options.setdefault("kind", Kind.DATASET)
    return TABLE.add(
        name, method, f"dataset {params}".strip(), emit=_method_call, method=True, **options
    )


verb("dataset_repeat", "repeat", "count", convert={"count": count})
verb(
    "dataset_shuffle",
    "shuffle",
    "buffer_size seed reshuffle_each_iteration",
    convert={"buffer_size": count, "seed": count},
)
verb(
    "dataset_batch",
    "batch",
    "batch_size drop_remainder num_parallel_calls deterministic name",
    convert={"batch_size": count, "num_parallel_calls": count},
)
verb(
    "dataset_rebatch",
    "rebatch",
    "batch_size drop_remainder name",
    convert={"batch_size": count},
)
verb(
    "dataset_padded_batch",
    "padded_batch",
    "batch_size padded_shapes padding_values drop_remainder name",
    convert={"batch_size": count},
)
verb(
    "dataset_bucket_by_sequence_length",
    "bucket_by_sequence_length",
    "element_length_func bucket_boundaries bucket_batch_sizes padded_shapes padding_values "
    "pad_to_bucket_boundary no_padding drop_remainder name",
    convert={
        "element_length_func": as_function("element_length"),
        "bucket_boundaries": int_list,
        "bucket_batch_sizes": int_list,
    },
)
verb("dataset_take", "take", "count", convert={"count": count})
verb("dataset_skip", "skip", "count", convert={"count": count})
verb(
    "dataset_take_while",
    "take_while",
    "predicate name",
    convert={"predicate": as_function("predicate")},
)
verb(
    "dataset_map",
    "map",
    "map_func num_parallel_calls",
    convert={"map_func": as_function("map_fn"), "num_parallel_calls": count},
)
verb("dataset_flat_map", "flat_map", "map_func", convert={"map_func": as_function("map_fn")})
verb("dataset_filter", "filter", "predicate", convert={"predicate": as_function("predicate")})
verb(
    "dataset_interleave",
    "interleave",
    "map_func cycle_length block_length num_parallel_calls deterministic name",
    convert={
        "map_func": as_function("map_fn"),
        "cycle_length": count,
        "block_length": count,
        "num_parallel_calls": count,
    },
)
verb(
    "dataset_shard",
    "shard",
    "num_shards index",  # `index` is 0-based in R too
    convert={"num_shards": count, "index": count},
)
verb(
    "dataset_rejection_resample",
    "rejection_resample",
    "class_func target_dist initial_dist seed name",
    convert={"class_func": as_function("class_fn"), "seed": count},
)
verb("dataset_unique", "unique", "name")
verb("dataset_unbatch", "unbatch", "name")
verb(
    "dataset_window",
    "window",
    "size shift stride drop_remainder",
    convert={"size": count, "shift": count, "stride": count},
)
verb("dataset_enumerate", "enumerate", "start", convert={"start": count})
verb(
    "dataset_reduce",
    "reduce",
    "initial_state reduce_func",
    convert={"reduce_func": as_function("reduce_fn")},
    kind=Kind.TENSOR,
)
verb(
    "dataset_scan",
    "scan",
    "initial_state scan_func",
    convert={"scan_func": as_function("scan_fn")},
)
verb(
    "dataset_group_by_window",
    "group_by_window",
    "key_func reduce_func window_size window_size_func name",
    convert={
        "key_func": as_function("key_fn"),
        "reduce_func": as_function("reduce_fn"),
        "window_size": count,
        "window_size_func": as_function("window_size_fn"),
    },
)
verb("as_array_iterator", "as_numpy_iterator", "", kind=Kind.PYOBJ)


@TABLE.special("dataset_cache", params="dataset filename", kind=Kind.DATASET)
def _cache(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`dataset_cache(ds)` caches in memory; with `filename`, in that file."""
    filename = _given(bound, "filename")
    args = [emitter.expr(filename)] if filename is not None else []
    return py.call(py.attr(_dataset(emitter, bound), "cache"), *args)


@TABLE.special("dataset_prefetch", params="dataset buffer_size", kind=Kind.DATASET)
def _prefetch(emitter, bound: BoundCall) -> cst.BaseExpression:
    """R's `buffer_size` defaults to AUTOTUNE; Python's prefetch() needs it written."""
    size = _given(bound, "buffer_size")
    value = count(emitter, size) if size is not None else _data(emitter, "AUTOTUNE")
    return py.call(py.attr(_dataset(emitter, bound), "prefetch"), value)


@TABLE.special("dataset_concatenate", params="dataset ...", kind=Kind.DATASET)
def _concatenate(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`dataset_concatenate(a, b, c)`: `a.concatenate(b).concatenate(c)`."""
    result = _dataset(emitter, bound)
    for arg in bound.extra:
        result = py.call(py.attr(result, "concatenate"), emitter.expr(arg.value))
    return result


@TABLE.special(
    "dataset_shuffle_and_repeat", params="dataset buffer_size count seed", kind=Kind.DATASET
)
def _shuffle_and_repeat(emitter, bound: BoundCall) -> cst.BaseExpression:
    """tf.data's removed `shuffle_and_repeat`: a shuffle, then a repeat."""
    args = [py.arg(as_int(emitter, bound.get("buffer_size")))]
    if _given(bound, "seed") is not None:
        args.append(py.arg(as_int(emitter, bound.get("seed")), "seed"))
    shuffled = py.call(py.attr(_dataset(emitter, bound), "shuffle"), *args)
    count = _given(bound, "count")
    return py.call(py.attr(shuffled, "repeat"), *([as_int(emitter, count)] if count else []))


@TABLE.special(
    "dataset_map_and_batch",
    params="dataset map_func batch_size num_parallel_batches drop_remainder num_parallel_calls",
    kind=Kind.DATASET,
)
def _map_and_batch(emitter, bound: BoundCall) -> cst.BaseExpression:
    """tf.data's deprecated `map_and_batch`: a map, then a batch (the same elements)."""
    map_args = [py.arg(as_function("map_fn")(emitter, bound.get("map_func")))]
    if _given(bound, "num_parallel_calls") is not None:
        calls = count(emitter, bound.get("num_parallel_calls"))
        map_args.append(py.arg(calls, "num_parallel_calls"))
    mapped = py.call(py.attr(_dataset(emitter, bound), "map"), *map_args)
    batch_args = [py.arg(as_int(emitter, bound.get("batch_size")))]
    if is_true(bound.get("drop_remainder")):
        batch_args.append(py.arg(py.name("True"), "drop_remainder"))
    return py.call(py.attr(mapped, "batch"), *batch_args)


@TABLE.special("dataset_prefetch_to_device", params="dataset device buffer_size", kind=Kind.DATASET)
def _prefetch_to_device(emitter, bound: BoundCall) -> cst.BaseExpression:
    args = [py.arg(emitter.expr(bound.get("device")))]
    if _given(bound, "buffer_size") is not None:
        args.append(py.arg(as_int(emitter, bound.get("buffer_size")), "buffer_size"))
    transformation = py.call(_data(emitter, "experimental.prefetch_to_device"), *args)
    return py.call(py.attr(_dataset(emitter, bound), "apply"), transformation)


@TABLE.special(
    "dataset_snapshot",
    params="dataset path compression reader_func shard_func",
    kind=Kind.DATASET,
)
def _snapshot(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`compression = "None"` is Python's None; R's default "AUTO" is Python's too."""
    args = [py.arg(emitter.expr(bound.get("path")))]
    compression = _given(bound, "compression")
    if compression is not None:
        if isinstance(compression, n.Str) and compression.value in ("None", ""):
            args.append(py.arg(py.name("None"), "compression"))
        elif not (isinstance(compression, n.Str) and compression.value == "AUTO"):
            args.append(py.arg(emitter.expr(compression), "compression"))
    for param, stem in (("reader_func", "reader_fn"), ("shard_func", "shard_fn")):
        if _given(bound, param) is not None:
            args.append(py.arg(as_function(stem)(emitter, bound.get(param)), param))
    return py.call(py.attr(_dataset(emitter, bound), "snapshot"), *args)


@TABLE.special("dataset_options", params="dataset ...", kind=Kind.DATASET)
def _options(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`dataset_options(ds, deterministic = FALSE)`; names may be dotted paths
    (`"threading.private_threadpool_size" = 8`)."""
    runtime = emitter.imports.path("rkeras2py.runtime.dataset_options")
    if not bound.extra:
        return py.call(py.attr(_dataset(emitter, bound), "options"))
    if any(arg.name is None for arg in bound.extra):
        emitter.fail("RK103", "dataset_options() takes named options", bound.node)
    options = py.dict_([(py.string(arg.name), py_value(emitter, arg.value)) for arg in bound.extra])
    return py.call(runtime, _dataset(emitter, bound), options)


@TABLE.special("dataset_collect", params="dataset iter_max", kind=Kind.LIST, item_kind=Kind.TENSOR)
def _collect(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`dataset_collect(ds)`: the elements in a list; `iter_max` the first so many."""
    dataset = _dataset(emitter, bound)
    most = _given(bound, "iter_max")
    if most is not None and not (isinstance(most, n.Const) and most.name == "Inf"):
        dataset = py.call(py.attr(dataset, "take"), as_int(emitter, most))
    return py.call("list", dataset)


@TABLE.special("as_tf_dataset", params="dataset", kind=Kind.DATASET)
def _as_tf_dataset(emitter, bound: BoundCall) -> cst.BaseExpression:
    """R's S3 class for a dataset: nothing to do in Python."""
    return _dataset(emitter, bound)


# ---- iterators ---------------------------------------------------------------------------


@TABLE.special("as_iterator", params="x", kind=Kind.PYOBJ)
def _as_iterator(emitter, bound: BoundCall) -> cst.BaseExpression:
    """reticulate's `as_iterator(ds)` is Python's `iter(ds)`."""
    return py.call("iter", emitter.expr(bound.get("x")))


@TABLE.special("iter_next", params="it completed", kind=Kind.UNKNOWN)
def _iter_next(emitter, bound: BoundCall) -> cst.BaseExpression:
    """reticulate's `iter_next(it)`: the next element, NULL (None) at the end."""
    completed = _given(bound, "completed")
    end = emitter.expr(completed) if completed is not None else py.name("None")
    return py.call("next", emitter.expr(bound.get("it")), end)


@TABLE.special("next_batch", params="dataset", kind=Kind.UNKNOWN)
def _next_batch(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`next_batch(ds)`: the first element (a new one-shot iterator each call)."""
    return py.call("next", py.call("iter", _dataset(emitter, bound)))


TABLE.add(
    "make_iterator_one_shot",
    params="dataset",
    emit=lambda emitter, bound: py.call("iter", _dataset(emitter, bound)),
    kind=Kind.PYOBJ,
    status="replaced",
    note="a TF1 iterator: the Python iterator iter(dataset) has get_next() as well",
)
TABLE.add(
    "iterator_get_next",
    "get_next",
    "iterator name",
    method=True,
    drop=frozenset({"name"}),
    kind=Kind.UNKNOWN,
)
_TF1_ITERATORS = (
    "is a TensorFlow 1 graph-mode iterator, gone in eager TensorFlow 2: loop over the "
    "dataset with `for`, or use as_iterator() and iter_next()"
)
for _name, _params in (
    ("make_iterator_initializable", "dataset shared_name"),
    ("make_iterator_from_structure", "output_types output_shapes shared_name"),
    ("make_iterator_from_string_handle", "string_handle output_types output_shapes"),
    ("iterator_initializer", "iterator"),
    ("iterator_make_initializer", "iterator dataset name"),
    ("iterator_string_handle", "iterator name"),
    ("out_of_range_handler", "e"),
):
    TABLE.add(_name, params=_params, status="removed", note=_TF1_ITERATORS)


def _out_of_range_statement(repeat: bool):
    """`until_out_of_range({...})` runs the block again and again until an iterator in it
    is exhausted (`iter.get_next()` raises OutOfRangeError) or it breaks; `with_dataset()`
    runs it once, ignoring that error."""

    def statement(emitter, bound: BoundCall, mode) -> list[cst.BaseStatement]:
        body = bound.get("expr")
        if body is None:
            emitter.fail("RK103", f"{bound.entry.name}() needs the code to run", bound.node)
        error = py.dotted(emitter.imports.path("tensorflow.errors.OutOfRangeError"))
        block = loop_body(emitter, body) if repeat else branch(emitter, body, DISCARD)
        stop = cst.Break() if repeat else cst.Pass()
        handler = cst.ExceptHandler(py.block([py.simple(stop)]), type=error)
        attempt = cst.Try(block, handlers=[handler])
        if repeat:
            attempt = cst.While(py.name("True"), py.block([attempt]))
        return [attempt, *null_value(mode)]

    return statement


for _name, _repeat in (("until_out_of_range", True), ("with_dataset", False)):
    TABLE.add(_name, params="expr", statement=_out_of_range_statement(_repeat), visible=False)


def _element_spec_part(attribute: str):
    """`output_shapes(ds)` / `output_types(ds)`: of each component of an element."""

    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        spec = py.attr(emitter.expr(bound.get("object")), "element_spec")
        part = py.lambda_(["spec"], py.attr(py.name("spec"), attribute))
        return py.call(py.dotted(emitter.imports.path("tensorflow.nest.map_structure")), part, spec)

    return emit


TABLE.add("output_shapes", params="object", emit=_element_spec_part("shape"), kind=Kind.PYOBJ)
TABLE.add("output_types", params="object", emit=_element_spec_part("dtype"), kind=Kind.PYOBJ)

# ---- datasets from tensors, ranges, other datasets and files -----------------------------


def tensors(emitter, node: n.Node) -> cst.BaseExpression:
    """The `tensors` argument (tfdatasets' resolve_tensors): an unnamed R list is a tuple, a
    named one a dict; R vectors are sent as reticulate sends them (doubles become float32
    tensors, integers int32, R double matrices float64)."""
    values = elements(node) if isinstance(node, n.Call) and _is_list(node) else None
    if values is not None:
        return py.list_([py_value(emitter, value) for value in values], tuple_=True)
    if emitter.kind(node) is Kind.LIST:
        return py.call("tuple", emitter.expr(node))
    return py_value(emitter, node)


def _is_list(node: n.Call) -> bool:
    return isinstance(node.func, n.Name) and node.func.id == "list"


TABLE.add(
    "tensor_slices_dataset",
    "tensorflow.data.Dataset.from_tensor_slices",
    "tensors",
    convert={"tensors": tensors},
    kind=Kind.DATASET,
)
TABLE.add(
    "tensors_dataset",
    "tensorflow.data.Dataset.from_tensors",
    "tensors",
    convert={"tensors": tensors},
    kind=Kind.DATASET,
)
TABLE.add(
    "sparse_tensor_slices_dataset",
    "tensorflow.data.Dataset.from_tensor_slices",
    "sparse_tensor",
    kind=Kind.DATASET,
)


@TABLE.special("range_dataset", params="from to by ... dtype", kind=Kind.DATASET)
def _range_dataset(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`range_dataset(from = 0, to = 0, by = 1)`: Python's range, `to` excluded."""
    start, stop, step = (_given(bound, param) for param in ("from", "to", "by"))
    args = []
    if step is not None:
        args = [start or n.Num(0, "0"), stop or n.Num(0, "0"), step]
    elif start is not None:
        args = [start, stop or n.Num(0, "0")]
    else:
        args = [stop or n.Num(0, "0")]
    converted = [py.arg(as_int(emitter, value)) for value in args]
    if _given(bound, "dtype") is not None:
        converted.append(py.arg(emitter.expr(bound.get("dtype")), "output_type"))
    return py.call(_data(emitter, "Dataset.range"), *converted)


@TABLE.special("zip_datasets", params="...", kind=Kind.DATASET)
def _zip_datasets(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`zip_datasets(a, b)` is `tf.data.Dataset.zip((a, b))` (also of `list(a, b)`)."""
    values = [arg.value for arg in bound.extra]
    if len(values) == 1 and isinstance(values[0], n.Call) and _is_list(values[0]):
        values = [arg.value for arg in values[0].args]
    if len(values) == 1:
        return py.call(_data(emitter, "Dataset.zip"), emitter.expr(values[0]))
    datasets = py.list_([emitter.expr(value) for value in values], tuple_=True)
    return py.call(_data(emitter, "Dataset.zip"), datasets)


TABLE.add(
    "sample_from_datasets",
    "tensorflow.data.Dataset.sample_from_datasets",
    "datasets weights seed stop_on_empty_dataset",
    convert={"seed": as_int},
    kind=Kind.DATASET,
)
TABLE.add(
    "choose_from_datasets",
    "tensorflow.data.Dataset.choose_from_datasets",
    "datasets choice_dataset stop_on_empty_dataset",
    kind=Kind.DATASET,
)
TABLE.add(
    "random_integer_dataset",
    "tensorflow.data.Dataset.random",
    "seed",
    convert={"seed": as_int},
    kind=Kind.DATASET,
)
TABLE.add(
    "file_list_dataset",
    "tensorflow.data.Dataset.list_files",
    "file_pattern shuffle seed",
    convert={"seed": as_int},
    kind=Kind.DATASET,
)


def _text_lines(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`text_line_dataset(files)`; a `record_spec` (CSV decoding) has no Python counterpart."""
    if _given(bound, "record_spec") is not None:
        emitter.fail("RK110", f"text_line_dataset(record_spec =) {_RECORD_SPEC}", bound.node)
    return table_call(emitter, bound)


TABLE.add(
    "text_line_dataset",
    "tensorflow.data.TextLineDataset",
    "filenames compression_type ... buffer_size num_parallel_reads name record_spec "
    "parallel_records",
    emit=_text_lines,
    convert={"buffer_size": as_int, "num_parallel_reads": as_int},
    drop=frozenset({"record_spec", "parallel_records"}),
    kind=Kind.DATASET,
)
# R's tfrecord_dataset() checks buffer_size and num_parallel_reads but never passes them.
TABLE.add(
    "tfrecord_dataset",
    "tensorflow.data.TFRecordDataset",
    "filenames compression_type buffer_size num_parallel_reads",
    drop=frozenset({"buffer_size", "num_parallel_reads"}),
    kind=Kind.DATASET,
)
TABLE.add(
    "fixed_length_record_dataset",
    "tensorflow.data.FixedLengthRecordDataset",
    "filenames record_bytes header_bytes footer_bytes buffer_size",
    convert={
        "record_bytes": as_int,
        "header_bytes": as_int,
        "footer_bytes": as_int,
        "buffer_size": as_int,
    },
    kind=Kind.DATASET,
)

_CSV_PARAMS = (
    "file_pattern batch_size column_names column_defaults label_name select_columns "
    "field_delim use_quote_delim na_value header num_epochs shuffle shuffle_buffer_size "
    "shuffle_seed prefetch_buffer_size num_parallel_reads num_parallel_parser_calls sloppy "
    "num_rows_for_inference"
)
_CSV_INTEGERS = (
    "batch_size",
    "shuffle_buffer_size",
    "prefetch_buffer_size",
    "num_parallel_reads",
    "num_rows_for_inference",
)


@TABLE.special("make_csv_dataset", params=_CSV_PARAMS, kind=Kind.DATASET)
def _make_csv_dataset(emitter, bound: BoundCall) -> cst.BaseExpression:
    """R always sends `prefetch_buffer_size = 1` (Python's default is AUTOTUNE);
    `num_parallel_parser_calls` is only for TensorFlow < 1.11 and is not sent."""
    args = []
    for position, param in enumerate(bound.entry.params):
        value = _given(bound, param)
        if param == "prefetch_buffer_size" and value is None:
            args.append(py.arg(py.integer(1), param))
            continue
        if value is None or param == "num_parallel_parser_calls":
            continue
        converted = as_int(emitter, value) if param in _CSV_INTEGERS else py_value(emitter, value)
        keyword = None if position < 2 and param not in bound.by_name else param
        args.append(py.arg(converted, keyword))
    return py.call(_data(emitter, "experimental.make_csv_dataset"), *args)


TABLE.add("AUTOTUNE", "tensorflow.data.AUTOTUNE", kind=Kind.INT, status="object")

# ---- tfdatasets' feature specs and record specs: gone with tf.feature_column --------------

_FEATURE_SPEC = (
    "belongs to the feature-column API (tf.feature_column), removed from Keras 3: use "
    "keras.utils.FeatureSpace or preprocessing layers (layer_normalization(), "
    "layer_string_lookup(), layer_category_encoding(), layer_discretization())"
)
for _name, _params in (
    ("feature_spec", "dataset x y"),
    ("dataset_use_spec", "dataset spec"),
    ("dataset_prepare", "dataset x y named named_features parallel_records batch_size"),
    ("dense_features", "spec"),
    ("layer_input_from_dataset", "dataset"),
    ("step_numeric_column", "spec ..."),
    ("step_categorical_column_with_vocabulary_list", "spec ..."),
    ("step_categorical_column_with_vocabulary_file", "spec ..."),
    ("step_categorical_column_with_identity", "spec ..."),
    ("step_categorical_column_with_hash_bucket", "spec ..."),
    ("step_indicator_column", "spec ..."),
    ("step_embedding_column", "spec ..."),
    ("step_bucketized_column", "spec ..."),
    ("step_crossed_column", "spec ..."),
    ("step_shared_embeddings_column", "spec ..."),
    ("step_remove_column", "spec ..."),
    ("scaler_min_max", ""),
    ("scaler_standard", ""),
    ("all_numeric", ""),
    ("all_nominal", ""),
    ("has_type", "match"),
    ("starts_with", "..."),
    ("ends_with", "..."),
    ("contains", "..."),
    ("matches", "..."),
    ("num_range", "..."),
    ("one_of", "..."),
    ("everything", "..."),
):
    TABLE.add(_name, params=_params, status="removed", note=_FEATURE_SPEC)

_RECORD_SPEC = (
    "belongs to tfdatasets' record specs, which have no Python counterpart: read CSV files "
    "with make_csv_dataset() (tf.data.experimental.make_csv_dataset), or parse lines with "
    "tf$io$decode_csv() in dataset_map()"
)
for _name, _params in (
    ("csv_record_spec", "example_file skip names types defaults"),
    ("tsv_record_spec", "example_file skip names types defaults"),
    ("delim_record_spec", "example_file delim skip names types defaults"),
    ("sql_record_spec", "names types"),
    ("dataset_decode_delim", "dataset record_spec parallel_records"),
    ("sql_dataset", "driver_name data_source_name query record_spec"),
    ("sqlite_dataset", "filename query record_spec"),
):
    TABLE.add(_name, params=_params, status="removed", note=_RECORD_SPEC)
TABLE.add(
    "read_files",
    params="files reader ... parallel_files parallel_interleave num_shards shard_index",
    status="removed",
    note="has no Python counterpart: use file_list_dataset() and dataset_interleave() "
    "(tf.data.Dataset.list_files(...).interleave(reader))",
)

__all__ = ["TABLE", "as_function", "tensors", "verb"]
