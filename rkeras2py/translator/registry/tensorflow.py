"""R's tensorflow package: the `tf` module object, tensors and their S3 methods.

`tf$...` chains are Python already: they pass through, with R values converted as
reticulate converts them (so `tf$constant(c(1, 2))` is float32, `2L` an int). The kinds of
what common chains return are listed so `$` and `[` on the results translate right.

tensorflow's S3 methods on tensors are R functions dispatched on the tensor: reducers with a
1-based `axis` (`sum(x, axis = 1)` is `tf.reduce_sum(x, axis=0)`), `dim()`, `length()`,
`t()`, `aperm()` with a 1-based `perm`, the maths functions (`tf.math.*`) and the
conversions to R values (`x.numpy()`; `as.numeric()` and friends flatten column by column,
as R reads an array).

CAVEATS: a raw `tf$` axis is 0-based, as the R code wrote it; tensorflow's own S3 methods
(`sum(x, axis = 1)`, `x[1, ]`) are 1-based and shifted. `set_random_seed()` does not hide
the GPU here (R sets CUDA_VISIBLE_DEVICES=-1 by default). `as_tensor(x, dtype)` casts with
`tf.cast` (R saturates out-of-range values instead).
"""

from __future__ import annotations

import libcst as cst

from ...grammar import nodes as n
from .. import pyast as py
from ..emit.calls import is_method_call, python_path
from ..emit.control import branch
from ..emit.functions import define, inline_body
from ..emit.values import python_name
from ..emitter import Mode
from ..imports import ALIASES
from ..kinds import Kind
from . import BoundCall, Table
from .base.core import R_DRAWS
from .convert import as_int, axis, axis_tuple, elements, is_null, py_value, shape
from .helpers import flag, is_false, is_true, np, r_kind

TABLE = Table("tensorflow", pass_value=py_value)

TABLE.add("tf", "tensorflow", kind=Kind.PYOBJ, status="object")

CHAIN_KINDS = {
    "tensorflow": Kind.TENSOR,
    "tensorflow.data.Dataset": Kind.DATASET,
    "tensorflow.data.TextLineDataset": Kind.DATASET,
    "tensorflow.data.TFRecordDataset": Kind.DATASET,
    "tensorflow.data.FixedLengthRecordDataset": Kind.DATASET,
    "tensorflow.data.Options": Kind.PYOBJ,
    "tensorflow.data.experimental": Kind.PYOBJ,
    "tensorflow.GradientTape": Kind.PYOBJ,
    "tensorflow.device": Kind.PYOBJ,
    "tensorflow.distribute": Kind.PYOBJ,
    "tensorflow.function": Kind.FUNCTION,
    "tensorflow.keras": Kind.PYOBJ,
    "tensorflow.random.set_seed": Kind.NULL,
    "tensorflow.TensorShape": Kind.PYOBJ,
    "tensorflow.TensorSpec": Kind.PYOBJ,
    "tensorflow.as_dtype": Kind.PYOBJ,
    "tensorflow.Variable": Kind.TENSOR,
    "tensorflow.shape": Kind.TENSOR,
    "tensorflow.summary": Kind.PYOBJ,
    "tensorflow.saved_model": Kind.PYOBJ,
    "tensorflow.config": Kind.PYOBJ,
    "tensorflow.io": Kind.TENSOR,
    "tensorflow.io.gfile": Kind.PYOBJ,
    "keras": Kind.PYOBJ,
    "keras.layers.": Kind.LAYER,
    "keras.layers.Input": Kind.TENSOR,
    "keras.Input": Kind.TENSOR,
    "keras.Sequential": Kind.SEQUENTIAL,
    "keras.models.Sequential": Kind.SEQUENTIAL,
    "keras.Model": Kind.MODEL,
    "keras.models.Model": Kind.MODEL,
    "keras.ops": Kind.TENSOR,
    "keras.random": Kind.TENSOR,
    "keras.activations": Kind.TENSOR,
}


def _tf(emitter, name: str) -> cst.BaseExpression:
    """`tf.<name>`, importing tensorflow."""
    return py.dotted(emitter.imports.path(f"tensorflow.{name}"))


def _arg(emitter, bound: BoundCall, param: str) -> cst.BaseExpression:
    node = bound.get(param)
    if node is None:
        emitter.fail("RK103", f"{bound.entry.name}() needs `{param}`", bound.node)
    return emitter.expr(node)


def _given(bound: BoundCall, param: str) -> n.Node | None:
    """Argument `param` unless left out or NULL (R's "use the default")."""
    node = bound.get(param)
    return None if is_null(node) else node


def _no_extra(emitter, bound: BoundCall) -> None:
    if bound.extra:
        emitter.fail("RK103", f"{bound.entry.name}() takes no further arguments", bound.extra[0])


# ---- set-up calls: nothing to do in a Python program -----------------------------------


def _dropped(emitter, bound: BoundCall, mode: Mode) -> list[cst.BaseStatement]:
    """A set-up call (installing, choosing the Python environment): no statement."""
    emitter.report("RK211", f"{bound.entry.name}(): {bound.entry.note}", bound.node)
    return []


def dropped(name: str, note: str, params: str = "...") -> None:
    """An R call that sets up R's link to Python; dropped as a statement, with a note."""
    TABLE.add(name, params=params, statement=_dropped, status="dropped", note=note, visible=False)


_ENVIRONMENT = "choose the Python environment when running the script (venv, conda)"
dropped("install_tensorflow", "install TensorFlow with `pip install tensorflow`")
dropped("use_python", _ENVIRONMENT)
dropped("use_virtualenv", _ENVIRONMENT)
dropped("use_condaenv", _ENVIRONMENT)
dropped("py_require", "list the Python requirements in requirements.txt or pyproject.toml")
dropped("py_require_tensorflow", "list tensorflow in requirements.txt or pyproject.toml")
dropped("tf_config", "prints the TensorFlow set-up; use `print(tf.__version__)`")
dropped("tf_version", "TensorFlow's version is `tf.__version__` (a string in Python)")
dropped("tf_gpu_configured", "use `tf.config.list_physical_devices('GPU')`")
dropped("use_compat", "TensorFlow 1.x compatibility: use the TF2 API (`tf.compat.v1` if need be)")

# ---- removed APIs: tf.estimator and tfruns ----------------------------------------------

_ESTIMATOR = (
    "is tf.estimator's (removed in TensorFlow 2.16): train a keras.Model with fit() and "
    "evaluate() instead"
)
TABLE.add("evaluate", params="object ...", status="removed", note=_ESTIMATOR)
TABLE.add("train", params="object ...", status="removed", note=_ESTIMATOR)
TABLE.add("train_and_evaluate", params="object ...", status="removed", note=_ESTIMATOR)
TABLE.add(
    "export_savedmodel",
    params="object export_dir_base ...",
    status="removed",
    note="was removed with Keras 2's SavedModel export: use model.export(dir) "
    "(or tf.saved_model.save(obj, dir))",
)
TABLE.add(
    "view_savedmodel",
    params="model_dir",
    status="removed",
    note="has no Python counterpart: use the `saved_model_cli show --dir` command",
)
_FLAGS = "is tfruns' (training flags): read command-line options with argparse instead"
for _name in (
    "flags",
    "flag_boolean",
    "flag_integer",
    "flag_numeric",
    "flag_string",
    "parse_flags",
    "parse_arguments",
    "run_dir",
):
    TABLE.add(_name, params="...", status="removed", note=_FLAGS)
TABLE.add(
    "tensorboard",
    params="log_dir action host port launch_browser reload_interval purge_orphaned_data",
    status="removed",
    note="launches TensorBoard from R: run `tensorboard --logdir DIR` in a shell "
    "(log with keras.callbacks.TensorBoard)",
)
TABLE.add(
    "tf_extract_opts",
    params="...",
    status="removed",
    note="sets R's `[` options for tensors: Python indexing is 0-based with an exclusive "
    "stop; write the index that way",
)
TABLE.add(
    "use_session_with_seed",
    params="seed disable_gpu disable_parallel_cpu quiet",
    status="removed",
    note="fails with TensorFlow >= 2.3: use set_random_seed() (keras.utils.set_random_seed)",
)


# ---- Python values: reticulate's helpers, re-exported ----------------------------------


@TABLE.special("tuple", params="...", kind=Kind.PYOBJ)
def _tuple(emitter, bound: BoundCall) -> cst.BaseExpression:
    """reticulate's `tuple(a, b)`: a Python tuple of the values as reticulate sends them."""
    if len(bound.extra) == 1 and elements(bound.extra[0].value) is None:
        return py.call("tuple", py_value(emitter, bound.extra[0].value))
    return py.list_([py_value(emitter, arg.value) for arg in bound.extra], tuple_=True)


@TABLE.special("dict", params="...", kind=Kind.NAMED_LIST)
def _dict(emitter, bound: BoundCall) -> cst.BaseExpression:
    """reticulate's `dict(a = 1)`: a Python dict; R doubles as floats."""
    if any(arg.name is None for arg in bound.extra):
        emitter.fail("RK103", "dict() with unnamed values: name each value", bound.node)
    return py.dict_([(py.string(arg.name), py_value(emitter, arg.value)) for arg in bound.extra])


@TABLE.special("np_array", params="data dtype order", kind=Kind.ARRAY)
def _np_array(emitter, bound: BoundCall) -> cst.BaseExpression:
    """reticulate's `np_array(data, dtype, order)`: a numpy array (R doubles are float64)."""
    args = [py.arg(emitter.expr(bound.get("data")))]
    for param in ("dtype", "order"):
        if _given(bound, param) is not None:
            args.append(py.arg(emitter.expr(bound.get(param)), param))
    return py.call(np(emitter, "array"), *args)


def _module_name(emitter, bound: BoundCall) -> str:
    module = bound.get("module")
    if not isinstance(module, n.Str):
        emitter.fail("RK103", "import() needs the module name as a string", bound.node)
    return module.value


def _import(emitter, bound: BoundCall) -> cst.BaseExpression:
    """reticulate's `import("numpy")`: the module, imported at the top of the file."""
    return py.dotted(emitter.imports.path(_module_name(emitter, bound)))


def _import_statement(emitter, bound: BoundCall, mode: Mode) -> list[cst.BaseStatement]:
    """`np <- import("numpy")` is `import numpy as np`."""
    module = _module_name(emitter, bound)
    if mode.action != "assign" or not isinstance(mode.target, cst.Name):
        return emitter.finish(_import(emitter, bound), mode) if mode.action != "discard" else []
    target = mode.target.value
    if ALIASES.get(module, module) == target:  # `np <- import("numpy")`: the usual import
        emitter.imports.module(module)
        return []
    alias = None if target == module else cst.AsName(py.name(target))
    return [py.simple(cst.Import([cst.ImportAlias(py.dotted(module), asname=alias)]))]


TABLE.add(
    "import",
    params="module as convert delay_load",
    emit=_import,
    statement=_import_statement,
    assigns=True,
    kind=Kind.PYOBJ,
)


@TABLE.special("array_reshape", params="x dim order", kind=Kind.ARRAY)
def _array_reshape(emitter, bound: BoundCall) -> cst.BaseExpression:
    """reticulate's `array_reshape()`: numpy's reshape, row-major (C order) unless told."""
    args = [py.arg(_arg(emitter, bound, "x")), py.arg(shape(emitter, bound.get("dim")))]
    order = _given(bound, "order")
    if order is not None and not (isinstance(order, n.Str) and order.value == "C"):
        args.append(py.arg(emitter.expr(order), "order"))
    return py.call(np(emitter, "reshape"), *args)


@TABLE.special("iterate", params="it f simplify", kind=Kind.LIST)
def _iterate(emitter, bound: BoundCall) -> cst.BaseExpression:
    """reticulate's `iterate(it, f)`: `f` applied to each element, results in a list."""
    items = _arg(emitter, bound, "it")
    function = _given(bound, "f")
    if function is None:
        return py.call("list", items)
    if isinstance(function, n.Function) and len(function.params) == 1:
        inlined = _inline(emitter, bound, function)
        if inlined is not None:
            return inlined
    element = py.name(emitter.fresh("element"))
    return cst.ListComp(py.call(emitter.expr(function), element), cst.CompFor(element, items))


def _inline(emitter, bound: BoundCall, function: n.Function) -> cst.BaseExpression | None:
    """`iterate(ds, function(x) f(x))` as `[f(x) for x in ds]`; a dataset's elements are
    tensors."""
    name = function.params[0].name
    key, saved = id(function), emitter.seeded.get(id(function))
    if emitter.kind(bound.get("it")) is Kind.DATASET:
        emitter.seeded[key] = {name: Kind.TENSOR}
    try:
        body = inline_body(emitter, function, [py.name(python_name(name))])
    finally:
        emitter.seeded.pop(key, None)
        if saved is not None:
            emitter.seeded[key] = saved
    if body is None:
        return None
    variable = py.name(python_name(name))
    return cst.ListComp(body, cst.CompFor(variable, emitter.expr(bound.get("it"))))


@TABLE.special("zip_lists", params="...", kind=Kind.LIST)
def _zip_lists(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`zip_lists(grads, vars)`: the lists zipped element by element."""
    return py.call("list", py.call("zip", *[emitter.expr(arg.value) for arg in bound.extra]))


# ---- tensors and shapes -----------------------------------------------------------------


def _dimension(emitter, node: n.Node) -> cst.BaseExpression:
    """One dimension of `shape()`: NA, NULL and -1 are unknown (None)."""
    if is_null(node) or (isinstance(node, n.Const) and node.name.startswith("NA")):
        return py.name("None")
    if isinstance(node, n.Unary) and node.op == "-" and isinstance(node.operand, n.Num):
        if node.operand.value == 1:
            return py.name("None")
    return as_int(emitter, node)


@TABLE.special("shape", params="... dims", kind=Kind.PYOBJ)
def _shape(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`shape(2, NA)` is `tf.TensorShape([2, None])`; `shape(dims = NULL)` unknown rank."""
    shape_class = _tf(emitter, "TensorShape")
    if bound.has("dims"):
        dims = bound.get("dims")
        if is_null(dims):
            return py.call(shape_class, py.name("None"))
        values = elements(dims)
        if values is None:
            return py.call(shape_class, py_value(emitter, dims))
    else:
        values = [arg.value for arg in bound.extra]
    items: list[cst.BaseElement] = []
    for value in values:
        if _is_sequence(emitter, value):  # R's shape() takes vectors too and joins them
            items.append(cst.StarredElement(emitter.expr(value)))
        else:
            items.append(cst.Element(_dimension(emitter, value)))
    return py.call(shape_class, cst.List(items))


def _is_sequence(emitter, node: n.Node) -> bool:
    """A value of several dimensions: `tail(input_shape, 1)`, a vector, a shape."""
    if isinstance(node, n.Call) and getattr(node.func, "id", None) in ("tail", "head"):
        return True
    return emitter.kind(node) in (Kind.LIST, Kind.INT_VECTOR, Kind.NUM_VECTOR, Kind.RANGE)


def _tf_function_call(emitter, bound: BoundCall, function: cst.BaseExpression) -> cst.Call:
    args = [py.arg(function)] if function is not None else []
    signature = _given(bound, "input_signature")
    if signature is not None:
        args.append(py.arg(py_value(emitter, signature), "input_signature"))
    if is_false(bound.get("autograph")):
        args.append(py.arg(py.name("False"), "autograph"))
    for extra in bound.extra:
        args.append(py.arg(py_value(emitter, extra.value), extra.name))
    return py.call(_tf(emitter, "function"), *args)


def _tf_function(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`tf_function(f)` is `tf.function(f)`. R runs its own autograph on `f` and turns
    Python's off; in Python, tf.function's autograph does the same work."""
    return _tf_function_call(emitter, bound, _arg(emitter, bound, "f"))


def _tf_function_statement(emitter, bound: BoundCall, mode: Mode) -> list[cst.BaseStatement]:
    """`f <- tf_function(function(x) ...)`: `@tf.function` on `def f(x)`."""
    function = bound.get("f")
    if (
        mode.action == "assign"
        and isinstance(mode.target, cst.Name)
        and isinstance(function, n.Function)
    ):
        definition = define(emitter, mode.target.value, function)
        decorator = _tf_function_call(emitter, bound, None)
        if not decorator.args:
            decorator = decorator.func
        return [definition.with_changes(decorators=[cst.Decorator(decorator)])]
    return emitter.finish(_tf_function(emitter, bound), mode)


TABLE.add(
    "tf_function",
    params="f input_signature autograph ...",
    emit=_tf_function,
    statement=_tf_function_statement,
    assigns=True,
    kind=Kind.FUNCTION,
)


@TABLE.special("as_tensor", params="x dtype ... shape name", kind=Kind.TENSOR)
def _as_tensor(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`as_tensor(x, dtype)`: R doubles become float64 (not tf.constant's float32), R
    integers int32; a dtype casts; `shape` fills a scalar or reshapes in row-major order."""
    x = bound.get("x")
    if _dataset_kind(emitter, x):
        return _single_element(emitter, bound)
    value = py_value(emitter, x)
    kind = r_kind(emitter, x)
    args = [py.arg(value)]
    dtype = _given(bound, "dtype")
    if kind in (Kind.FLOAT, Kind.NUM_VECTOR):
        args.append(py.arg(py.string("float64"), "dtype"))
    elif kind in (Kind.INT, Kind.INT_VECTOR, Kind.RANGE) and dtype is None:
        args.append(py.arg(py.string("int32"), "dtype"))
    tensor = py.call(_tf(emitter, "convert_to_tensor"), *args)
    if dtype is not None:
        tensor = py.call(_tf(emitter, "cast"), tensor, emitter.expr(dtype))
    target = _given(bound, "shape")
    if target is not None:
        dims = shape(emitter, target)
        if kind in (Kind.FLOAT, Kind.INT, Kind.BOOL):
            return py.call(_tf(emitter, "fill"), dims, tensor)
        return py.call(_tf(emitter, "reshape"), tensor, dims)
    return tensor


@TABLE.special("all_dims", kind=Kind.STR)
def _all_dims(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`x[all_dims(), 1]`: Python's Ellipsis. (Its kind says "string" only so that the
    indexing emitter passes it through as written, as it does a name.)"""
    return cst.Ellipsis()


@TABLE.special("tf_probability", kind=Kind.PYOBJ)
def _tf_probability(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`tf_probability()` is the tensorflow_probability module."""
    return py.name(emitter.imports.module("tensorflow_probability"))


def _set_random_seed(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`set_random_seed(seed)` seeds Python's, numpy's and TensorFlow's generators, as
    keras.utils.set_random_seed does."""
    return py.call(
        emitter.imports.path("keras.utils.set_random_seed"), as_int(emitter, bound.get("seed"))
    )


def seed_statement(emitter, bound: BoundCall, mode) -> list[cst.BaseStatement]:
    """`set_random_seed(seed)` also calls R's `set.seed(seed)`: a file that draws R random
    numbers reseeds its generator too, so its draws repeat from run to run as in R."""
    statements = [py.expr_statement(emitter.expr(bound.node))]
    if emitter.analysis.called & R_DRAWS:
        emitter.has_rng = True
        seed = as_int(emitter, bound.get("seed"))
        rng = py.call(emitter.imports.path("numpy.random.default_rng"), seed)
        statements.append(py.assign(py.name("rng"), rng))
    return statements


TABLE.add(
    "set_random_seed",
    params="seed disable_gpu",
    emit=_set_random_seed,
    statement=seed_statement,
    kind=Kind.NULL,
    visible=False,
)


# ---- `with(x %as% name, {...})` ---------------------------------------------------------


def _with_statement(emitter, bound: BoundCall, mode: Mode) -> list[cst.BaseStatement]:
    """`with(tf$GradientTape() %as% tape, {...})` is `with tf.GradientTape() as tape:`;
    `with(strategy$scope(), {...})` is `with strategy.scope():`. Variables assigned in the
    block stay visible after it, in R and in Python alike."""
    data, body = bound.get("data"), bound.get("expr")
    if data is None or body is None:
        emitter.fail("RK103", "with() needs a context and a block", bound.node)
    if isinstance(data, n.Binary) and data.op == "%as%" and isinstance(data.right, n.Name):
        # the name `%as%` binds is a variable from here on
        emitter.local_names.add(data.right.id)
        emitter.set_kind(data.right.id, emitter.kind(data.left))
        alias = cst.AsName(py.name(python_name(data.right.id)))
        item = cst.WithItem(emitter.expr(data.left), asname=alias)
    elif _python_context(emitter, data):
        item = cst.WithItem(emitter.expr(data))
    else:
        emitter.fail("RK102", "with() on an R list or data frame is not translated", bound.node)
    return [cst.With([item], branch(emitter, body, mode))]


def _python_context(emitter, node: n.Node) -> bool:
    """A Python object's call (`tf$device("cpu")`, `strategy$scope()`): a context manager."""
    if not isinstance(node, n.Call) or not isinstance(node.func, n.Extract):
        return False
    return python_path(emitter, node.func) is not None or is_method_call(emitter, node)


TABLE.add("with", params="data expr ...", statement=_with_statement, visible=False)


# ---- S3 methods on tensors: reductions with a 1-based axis -------------------------------


def _reducer(function: str):
    """sum(), prod(), min(), max(), all(), any() and mean() of a tensor."""

    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        reduce = _tf(emitter, function)
        x = _arg(emitter, bound, "x")
        if bound.extra:  # sum(a, b): the reductions of each, reduced again (R stacks them)
            if _given(bound, "axis") is not None or is_true(bound.get("keepdims")):
                emitter.fail(
                    "RK103",
                    "`axis` and `keepdims` can only be supplied when reducing only one tensor",
                    bound.node,
                )
            parts = [py.call(reduce, x)]
            parts += [py.call(reduce, py_value(emitter, arg.value)) for arg in bound.extra]
            return py.call(reduce, py.call(_tf(emitter, "stack"), py.list_(parts)))
        args = [py.arg(x)]
        if _given(bound, "axis") is not None:
            args.append(py.arg(axis_tuple(emitter, bound.get("axis")), "axis"))
        if flag(emitter, bound, "keepdims"):
            args.append(py.arg(py.name("True"), "keepdims"))
        return py.call(reduce, *args)

    return emit


_REDUCERS = {
    "sum": "reduce_sum",
    "prod": "reduce_prod",
    "min": "reduce_min",
    "max": "reduce_max",
    "all": "reduce_all",
    "any": "reduce_any",
}
for _name, _function in _REDUCERS.items():
    TABLE.s3(
        _name,
        (Kind.TENSOR,),
        params="x ... axis keepdims name na.rm",
        emit=_reducer(_function),
        kind=Kind.TENSOR,
    )
TABLE.s3(
    "mean",
    (Kind.TENSOR,),
    params="x ... axis keepdims name",
    emit=_reducer("reduce_mean"),
    kind=Kind.TENSOR,
)


def _range(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`range(x)`: the tensor's minimum and maximum, stacked."""
    low = _reducer("reduce_min")(emitter, bound)
    high = _reducer("reduce_max")(emitter, bound)
    return py.call(_tf(emitter, "stack"), py.list_([low, high]))


TABLE.s3(
    "range", (Kind.TENSOR,), params="x ... axis keepdims name na.rm", emit=_range, kind=Kind.TENSOR
)


# ---- S3 methods on tensors: shape, transposes, sorting -----------------------------------


def _dim(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`dim(x)`: the shape as an integer vector (None where R has NA)."""
    return py.call(np(emitter, "array"), py.attr(_arg(emitter, bound, "x"), "shape"))


def _length(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`length(x)` of a tensor is its number of elements."""
    return py.call(py.attr(py.attr(_arg(emitter, bound, "x"), "shape"), "num_elements"))


def _transpose(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`t(x)`: a matrix transposed; a 1-d tensor becomes one row (a scalar a 1x1 matrix)."""
    return py.call(emitter.imports.path("rkeras2py.runtime.tensor_t"), _arg(emitter, bound, "x"))


def _aperm(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`aperm(a, perm)`: `perm` is 1-based; without it the axes are reversed."""
    args = [py.arg(_arg(emitter, bound, "a"))]
    perm = _given(bound, "perm")
    if perm is not None:
        values = elements(perm)
        if values is not None and all(isinstance(v, n.Num) for v in values):
            args.append(py.arg(py.list_([py.integer(int(v.value) - 1) for v in values])))
        else:
            shifted = py.binop(
                py.call(np(emitter, "asarray"), emitter.expr(perm), dtype=py.name("int")),
                "-",
                py.integer(1),
            )
            args.append(py.arg(shifted))
    if is_true(bound.get("conjugate")):
        args.append(py.arg(py.name("True"), "conjugate"))
    return py.call(_tf(emitter, "transpose"), *args)


def _sort(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`sort(x, decreasing, axis = -1)` along a 1-based axis."""
    args = [py.arg(_arg(emitter, bound, "x"))]
    if _given(bound, "axis") is not None:
        args.append(py.arg(axis(emitter, bound.get("axis")), "axis"))
    if flag(emitter, bound, "decreasing"):
        args.append(py.arg(py.string("DESCENDING"), "direction"))
    return py.call(_tf(emitter, "sort"), *args)


TABLE.s3("dim", (Kind.TENSOR,), params="x", emit=_dim, kind=Kind.INT_VECTOR)
TABLE.s3("length", (Kind.TENSOR,), params="x", emit=_length, kind=Kind.INT)
TABLE.s3("t", (Kind.TENSOR,), params="x", emit=_transpose, kind=Kind.TENSOR)
TABLE.s3("aperm", (Kind.TENSOR,), params="a perm ... conjugate name", emit=_aperm, kind=Kind.TENSOR)
TABLE.s3("sort", (Kind.TENSOR,), params="x decreasing ... axis name", emit=_sort, kind=Kind.TENSOR)


# ---- S3 methods on tensors: elementwise maths (tf.math) ----------------------------------

_MATHS = {
    "abs": "abs",
    "sign": "sign",
    "sqrt": "sqrt",
    "floor": "floor",
    "ceiling": "ceil",
    "exp": "exp",
    "expm1": "expm1",
    "log1p": "log1p",
    "cos": "cos",
    "sin": "sin",
    "tan": "tan",
    "acos": "acos",
    "asin": "asin",
    "atan": "atan",
    "lgamma": "lgamma",
    "digamma": "digamma",
    "is.finite": "is_finite",
    "is.infinite": "is_inf",
    "is.nan": "is_nan",
    "Re": "real",
    "Im": "imag",
    "Conj": "conj",
    "Arg": "angle",
    "Mod": "abs",
}
for _name, _function in _MATHS.items():
    TABLE.s3(_name, (Kind.TENSOR,), f"tensorflow.math.{_function}", params="x", kind=Kind.TENSOR)


def _round(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`round(x)`: half to even, as R rounds; only `digits = 0` (R's tensor method says so)."""
    digits = bound.get("digits")
    if digits is not None and not (isinstance(digits, n.Num) and digits.value == 0):
        emitter.fail("RK103", "round() of a tensor only rounds to integers (digits = 0)", digits)
    return py.call(_tf(emitter, "math.round"), _arg(emitter, bound, "x"))


def _log(base: float | None):
    """`log(x, base)`: the natural log, divided by log(base) for another base."""

    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        x = _arg(emitter, bound, "x")
        logarithm = py.call(_tf(emitter, "math.log"), x)
        given = _given(bound, "base")
        if base is None and given is None:
            return logarithm
        other = py.number(base) if given is None else emitter.expr(given)
        dtype = py.attr(x, "dtype")
        base_log = py.call(
            _tf(emitter, "math.log"), py.call(_tf(emitter, "convert_to_tensor"), other, dtype)
        )
        return py.binop(logarithm, "/", base_log)

    return emit


def _pi_times(function: str):
    """`sinpi(x)` and friends: the function of `pi * x`."""

    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        x = _arg(emitter, bound, "x")
        angle = py.binop(py.dotted(emitter.imports.path("math.pi")), "*", x)
        return py.call(_tf(emitter, f"math.{function}"), angle)

    return emit


TABLE.s3("round", (Kind.TENSOR,), params="x digits", emit=_round, kind=Kind.TENSOR)
TABLE.s3("log", (Kind.TENSOR,), params="x base", emit=_log(None), kind=Kind.TENSOR)
TABLE.s3("log2", (Kind.TENSOR,), params="x", emit=_log(2.0), kind=Kind.TENSOR)
TABLE.s3("log10", (Kind.TENSOR,), params="x", emit=_log(10.0), kind=Kind.TENSOR)
for _name in ("sin", "cos", "tan"):
    TABLE.s3(f"{_name}pi", (Kind.TENSOR,), params="x", emit=_pi_times(_name), kind=Kind.TENSOR)


# ---- S3 methods on tensors: R values -----------------------------------------------------


def _as_array(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`as.array(x)` / `as.matrix(x)`: the tensor's values as a numpy array."""
    return py.call(py.attr(_arg(emitter, bound, "x"), "numpy"))


def _flattened(dtype: str | None):
    """`as.numeric(x)` and friends: R reads the array column by column (Fortran order)."""

    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        x = _arg(emitter, bound, "x")
        values = (
            py.call(np(emitter, "asarray"), x, dtype=py.name(dtype))
            if dtype
            else py.call(py.attr(x, "numpy"))
        )
        return py.call(py.attr(values, "ravel"), order=py.string("F"))

    return emit


TABLE.s3("as.array", (Kind.TENSOR,), params="x ...", emit=_as_array, kind=Kind.ARRAY)
TABLE.s3("as.matrix", (Kind.TENSOR,), params="x ...", emit=_as_array, kind=Kind.ARRAY)
TABLE.s3("as.vector", (Kind.TENSOR,), params="x mode", emit=_flattened(None), kind=Kind.NUM_VECTOR)
for _name, _dtype, _kind in (
    ("as.numeric", "float", Kind.NUM_VECTOR),
    ("as.double", "float", Kind.NUM_VECTOR),
    ("as.integer", "int", Kind.INT_VECTOR),
    ("as.logical", "bool", Kind.LGL_VECTOR),
):
    TABLE.s3(_name, (Kind.TENSOR,), params="x ...", emit=_flattened(_dtype), kind=_kind)


# ---- datasets as tensors (tfdatasets' methods of tensorflow's generics) ------------------


def _dataset_kind(emitter, node: n.Node | None) -> bool:
    return node is not None and emitter.kind(node) is Kind.DATASET


def _single_element(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`as_tensor(ds)`: the dataset's one element."""
    return py.call(py.attr(emitter.expr(bound.get("x")), "get_single_element"))


def _dataset_array(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`as.array(ds)`: the dataset's one element, as a numpy array."""
    return py.call(py.attr(_single_element(emitter, bound), "numpy"))


def _dataset_length(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`length(ds)`: the cardinality; Inf when infinite, NA (NaN) when unknown."""
    runtime = emitter.imports.path("rkeras2py.runtime.dataset_length")
    return py.call(runtime, _arg(emitter, bound, "x"))


TABLE.s3("as.array", (Kind.DATASET,), params="x ...", emit=_dataset_array, kind=Kind.ARRAY)
TABLE.s3("length", (Kind.DATASET,), params="x", emit=_dataset_length, kind=Kind.INT)
