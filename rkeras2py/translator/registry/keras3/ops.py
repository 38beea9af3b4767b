"""keras3: the `op_*` functions (keras3:R/ops*.R, R/op-subset.R, R/r-utils.R).

Each `op_X()` calls `keras.ops.X` (a few `keras.ops.image.*` or a renamed function), passing
only the arguments the user wrote (`capture_args()`), under keras3's coercions:

- every `axis`/`axes`/`axis1`/`axis2`/`source`/`destination` is 1-based (`as_axis`);
- since keras3 1.4 indices are 1-based: ops that return indices add 1 (`op_argmax`, ...)
  and ops that take them move positive ones down by 1 (`as_py_index`), unless
  `zero_indexed = TRUE`;
- `op_arange()` follows R's `seq()`: one argument means 1..n and the end is included;
- `op_subset(x, ...)` is R-style 1-based, inclusive subsetting;
- integer arguments (`as_integer`), shapes (`normalize_shape`), and R vectors that some
  wrappers send as arrays (`as.array`: R doubles are float64 there, float32 as a list).

CAVEATS: `op_one_hot(<factor>)` is translated as an integer vector; `op_matmul()` does not
cast an R vector to the other operand's dtype; `op_average()` does not repeat keras3's
check that `axis` is given with weights of another shape.
"""

from __future__ import annotations

import dataclasses

import libcst as cst

from ....grammar import nodes as n
from ... import pyast as py
from ...emit.calls import convert_argument, table_call
from ...emit.indexing import tensor_index
from ...emit.values import r_double
from ...kinds import NUMERIC_SCALARS, NUMERIC_VECTORS, Kind
from .. import BoundCall, Entry
from ..convert import (
    _literal_number,
    as_int,
    axis,
    elements,
    int_tuple,
    is_null,
    py_value,
    shape,
)
from ..helpers import flag, np
from ..keras.backend import reshape_shape
from .signatures import add, as_integer, signature
from .table import TABLE

# ---- converters: keras3's coercion helpers -------------------------------------------------


def _runtime(emitter, name: str, *args, **kwargs) -> cst.Call:
    return py.call(emitter.imports.path(f"rkeras2py.runtime.{name}"), *args, **kwargs)


def py_index(emitter, node: n.Node) -> cst.BaseExpression:
    """keras3's `as_py_index()`: 1-based indices as 0-based, positive ones moved down by one,
    negative ones kept (a tensor through `keras.ops.where`, an unknown value at run time)."""
    number = _literal_number(node)
    if number is not None:
        value = int(number)
        return py.integer(value - 1) if value > 0 else py.unary("-", py.integer(-value))
    values = elements(node)
    if values is not None and values and all(_literal_number(v) is not None for v in values):
        return py.list_([py_index(emitter, value) for value in values])
    if values is not None and values and isinstance(node, n.Call) and node.func.id == "list":
        return py.list_([py_index(emitter, value) for value in values])
    if is_null(node):
        return py.name("None")
    value = emitter.expr(node)
    if emitter.kind(node) is Kind.TENSOR and isinstance(value, cst.Name):
        where = emitter.imports.path("keras.ops.where")
        return py.call(
            where,
            py.compare(value, ">", py.integer(0)),
            py.binop(value, "-", py.integer(1)),
            value,
        )
    return _runtime(emitter, "as_py_index", value)


def index_array(emitter, node: n.Node) -> cst.BaseExpression:
    """`as_py_index()` where Keras needs an array (segment ids): R sends a vector as one."""
    shifted = py_index(emitter, node)
    if isinstance(shifted, cst.List):
        return py.call(np(emitter, "array"), shifted, dtype=py.string("int32"))
    return shifted


def py_array(emitter, node: n.Node) -> cst.BaseExpression:
    """`as_py_array()`: an R vector as a numpy array, R doubles as floatx (float32)."""
    values = elements(node)
    if values is None or (isinstance(node, n.Call) and node.func.id == "list"):
        return py_value(emitter, node)
    items = py_value(emitter, node)
    listed = items if isinstance(items, cst.List) else py.list_([items])
    doubles = any(r_double(v) for v in values)
    return py.call(np(emitter, "array"), listed, dtype=py.string("float32" if doubles else "int32"))


def as_array(emitter, node: n.Node) -> cst.BaseExpression:
    """`as.array()`: an R vector written out as a numpy array (R doubles stay float64, which a
    list sent by reticulate would not); arrays, tensors and other values as they are."""
    values = elements(node)
    if values is None or (isinstance(node, n.Call) and node.func.id == "list"):
        kind = emitter.kind(node)
        return emitter.expr(node) if kind in NUMERIC_VECTORS else py_value(emitter, node)
    items = py_value(emitter, node)
    listed = items if isinstance(items, cst.List) else py.list_([items])
    if all(not r_double(v) and _literal_number(v) is not None for v in values):
        return py.call(np(emitter, "array"), listed, dtype=py.string("int32"))
    return py.call(np(emitter, "array"), listed)


def integer_array(emitter, node: n.Node) -> cst.BaseExpression:
    """`as_integer_array()`: R doubles as integers (`zero_indexed = TRUE` indices)."""
    if elements(node) is not None and not (isinstance(node, n.Call) and node.func.id == "list"):
        return as_integer(emitter, node)
    return py_value(emitter, node)


def as_tuple(emitter, node: n.Node) -> cst.BaseExpression:
    """`tuple()`/`as_tuple()`: an R vector or list as a Python tuple."""
    values = elements(node)
    if values is not None:
        return py.list_([py_value(emitter, value) for value in values], tuple_=True)
    return py.call("tuple", emitter.expr(node))


def norm_order(emitter, node: n.Node) -> cst.BaseExpression:
    """`op_norm(ord =)`: a finite R double as an int (`2` is `ord=2`); strings and Inf stay."""
    if _literal_number(node) is not None:
        return as_int(emitter, node)
    return py_value(emitter, node)


def split_at(emitter, node: n.Node) -> cst.BaseExpression:
    """`op_split(indices_or_sections)`: one number is a count of sections (an int), a vector
    holds 1-based split positions (`as_py_index`)."""
    values = elements(node)
    kind = emitter.kind(node)
    if (values is not None and len(values) == 1) or kind in NUMERIC_SCALARS:
        return as_int(emitter, node)
    if values is not None or kind in NUMERIC_VECTORS or kind is Kind.TENSOR:
        return py_index(emitter, node)
    return _runtime(emitter, "split_positions", emitter.expr(node))


# keras3's coercion helpers (signatures.tsv's coercion column) as converters
COERCE = {
    "as_axis": axis,
    "as_integer": as_integer,
    "as.integer": as_integer,
    "as_integer_tuple": int_tuple,
    "normalize_shape": shape,
    "as_py_index": py_index,
    "as_index": py_index,
    "as_tuple": as_tuple,
    "tuple": as_tuple,
    "as_array": as_array,
    "as.array": as_array,
    "as_integer_array": integer_array,
    "as_py_array": py_array,
    "index_array": index_array,  # as_py_index, sent as an array
}

# coercions signatures.tsv leaves out or misreads (read from keras3's R sources)
_COERCIONS = {
    "op_argmax": {"x": "as_array"},
    "op_argpartition": {"x": "as_array"},
    "op_top_k": {"x": "as_array"},
    "op_slice": {"inputs": "as_array", "updates": "as_array"},
    "op_slice_update": {"inputs": "as_array", "updates": "as_array"},
    "op_scatter": {"values": "as_array"},
    "op_scatter_update": {"updates": "as_array"},
    "op_batch_normalization": {"mean": "as_array", "variance": "as_array", "offset": "as_array"},
    "op_layer_normalization": {"gamma": "as_array", "beta": "as_array"},
    "op_correlate": {"x1": "as_array", "x2": "as_array"},
    "op_digitize": {"bins": "as.array"},
    "op_searchsorted": {"sorted_sequence": "as_py_array", "values": "as_py_array"},
    "op_segment_max": {"segment_ids": "index_array"},
    "op_segment_sum": {"segment_ids": "index_array"},
    "op_ctc_decode": {"sequence_lengths": "as_integer_array"},
    "op_ctc_loss": {"target": "as_integer_array"},
    "op_moveaxis": {"source": "as_axis", "destination": "as_axis"},
    "op_swapaxes": {"axis1": "as_axis", "axis2": "as_axis"},
}


def _converters(name: str) -> dict:
    coercions = {**signature(name).coercions, **_COERCIONS.get(name, {})}
    convert = {param: COERCE[helper] for param, helper in coercions.items() if helper in COERCE}
    if name == "op_norm":  # `x:as.integer` in signatures.tsv is `ord`'s own coercion
        convert.pop("x", None)
        convert["ord"] = norm_order
    return convert


def _formals(name: str) -> str:
    """keras3's formals: `...` takes tensors here, not the common layer arguments."""
    return " ".join(signature(name).formals)


def op(name: str, target: str | None = None, **options) -> Entry:
    """`op_X()` as `keras.ops.<target>` (default: X): keras3's formals and coercions; a tensor
    unless `kind` says otherwise."""
    options.setdefault("kind", Kind.TENSOR)
    options.setdefault("params", _formals(name))
    options["convert"] = {**_converters(name), **options.get("convert", {})}
    python = target or name.removeprefix("op_")
    return add(name, f"keras.ops.{python}", **options)


def special(name: str, **options):
    """An `op_*()` written by its own emitter (a tensor unless `kind` says otherwise)."""
    options.setdefault("kind", Kind.TENSOR)
    options.setdefault("params", _formals(name))
    options["convert"] = {**_converters(name), **options.get("convert", {})}

    def register(function):
        add(name, emit=function, **options)
        return function

    return register


def _with(bound: BoundCall, **changes) -> BoundCall:
    """The bound call through its entry changed (another target, converters, dropped args)."""
    return dataclasses.replace(bound, entry=dataclasses.replace(bound.entry, **changes))


def _arg(emitter, bound: BoundCall, param: str) -> cst.BaseExpression | None:
    node = bound.get(param)
    return None if is_null(node) else convert_argument(emitter, bound.entry, param, node)


# ---- elementwise and plain ops: keras.ops.<same name> --------------------------------------

_PLAIN = """
add angle arccos arccosh arcsin arcsinh arctan arctan2 arctanh cbrt ceil clip copy corrcoef
correlate cos cosh deg2rad divide divide_no_nan dot equal erf erfinv exp exp2 expm1 floor
floor_divide greater greater_equal heaviside imag inner isclose isfinite isinf isnan less
less_equal log log10 log1p log2 logaddexp logical_and logical_not logical_or logical_xor
matmul maximum minimum mod multiply nan_to_num negative not_equal outer power real reciprocal
round rsqrt sign signbit sin sinh sqrt square subtract tan tanh trunc vdot view_as_complex
view_as_real polar where
bitwise_and bitwise_invert bitwise_left_shift bitwise_not bitwise_or bitwise_right_shift
bitwise_xor left_shift right_shift
bartlett blackman hamming hanning kaiser
"""
for _name in _PLAIN.split():
    op(f"op_{_name}")

# R's names for Keras 3's functions of other names
op("op_abs", "absolute")
op("op_conj", "conjugate")
op("op_pmax", "maximum", params="x1 x2")  # op_pmax <- op_maximum
op("op_pmin", "minimum", params="x1 x2")

# ---- reductions and other ops along 1-based axes (as_axis) -------------------------------

_AXES = """
all any append average count_nonzero cumprod cumsum diagonal diff expand_dims flip glu
log_softmax logsumexp max mean median min moments moveaxis prod quantile repeat roll rot90
sort softmax sparsemax squeeze stack std sum swapaxes tensordot trace transpose var
concatenate cross associative_scan linspace logspace
"""
for _name in _AXES.split():
    op(f"op_{_name}")

# ---- shapes, creation and conversion ------------------------------------------------------

_CREATION = """
array broadcast_to cast diag diagflat empty eye full full_like identity ones ones_like
saturate_cast tile tri tril triu zeros zeros_like ravel pad stop_gradient get_item
"""
for _name in _CREATION.split():
    op(f"op_{_name}")

op("op_reshape", convert={"newshape": reshape_shape})  # keras3's shape(): NA is -1
op("op_ndim", kind=Kind.INT)
op("op_size")
op("op_dtype", kind=Kind.STR)
op("op_is_tensor", kind=Kind.BOOL)
op("op_shape", kind=Kind.LIST, item_kind=Kind.INT)  # a keras_shape in R, a tuple here
op("op_convert_to_numpy", kind=Kind.ARRAY)
op("op_convert_to_array", "convert_to_numpy", kind=Kind.ARRAY)
for _name in ("op_unstack", "op_split"):
    op(_name, kind=Kind.LIST, item_kind=Kind.TENSOR)
TABLE.entries["op_split"].convert["indices_or_sections"] = split_at

# ---- linear algebra, signal processing ------------------------------------------------------

for _name in ("cholesky", "det", "inv", "logdet", "norm", "solve", "solve_triangular", "lstsq"):
    op(f"op_{_name}")
for _name in ("eig", "eigh", "lu_factor", "qr", "slogdet", "svd"):  # tuples: R lists
    op(f"op_{_name}", kind=Kind.LIST, item_kind=Kind.TENSOR)
for _name in ("fft", "fft2", "ifft2", "rfft", "irfft", "stft", "istft", "extract_sequences"):
    op(f"op_{_name}")
op("op_histogram", kind=Kind.LIST, item_kind=Kind.TENSOR)
op("op_bincount")
op("op_select")

# ---- neural network ops ------------------------------------------------------------------------

_NN = """
average_pool batch_normalization binary_crossentropy categorical_crossentropy celu conv
conv_transpose depthwise_conv dot_product_attention elu gelu hard_shrink hard_sigmoid hard_silu
hard_swish hard_tanh in_top_k layer_normalization leaky_relu log_sigmoid max_pool multi_hot
normalize psnr relu relu6 rms_normalization selu separable_conv sigmoid silu soft_shrink
softplus softsign sparse_categorical_crossentropy sparse_plus sparse_sigmoid squareplus
tanh_shrink threshold ctc_loss
"""
for _name in _NN.split():
    op(f"op_{_name}")
op("op_ctc_decode", kind=Kind.LIST, item_kind=Kind.TENSOR)

# ---- images: keras.ops.image ----------------------------------------------------------------

_IMAGE = {
    "affine_transform": "affine_transform",
    "crop": "crop_images",
    "elastic_transform": "elastic_transform",
    "extract_patches": "extract_patches",
    "gaussian_blur": "gaussian_blur",
    "hsv_to_rgb": "hsv_to_rgb",
    "map_coordinates": "map_coordinates",
    "pad": "pad_images",
    "perspective_transform": "perspective_transform",
    "resize": "resize",
    "rgb_to_grayscale": "rgb_to_grayscale",
    "rgb_to_hsv": "rgb_to_hsv",
}
for _name, _target in _IMAGE.items():
    op(f"op_image_{_name}", f"image.{_target}")

# ---- control flow and functions -------------------------------------------------------------

for _name in ("cond", "fori_loop", "while_loop", "scan", "custom_gradient", "einsum"):
    op(f"op_{_name}")
op("op_vectorize", rename={"func": "pyfunc"})
op("op_switch")  # `index` is 1-based (as_py_index)


def _swapped(name: str, first: str, second: str) -> None:
    """`op_map(xs, f)`: keras3 takes the data first, Keras 3 the function."""

    @special(name)
    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        target = emitter.imports.path(f"keras.ops.{name.removeprefix('op_')}")
        return py.call(target, *(py_value(emitter, bound.get(p)) for p in (second, first)))


_swapped("op_map", "xs", "f")
_swapped("op_vectorized_map", "elements", "f")


@special("op_meshgrid", kind=Kind.LIST, item_kind=Kind.TENSOR)
def _meshgrid(emitter, bound: BoundCall) -> cst.BaseExpression:
    """The vectors first; R doubles go as int64 arrays (keras3 sends `np_array(x, "int64")`)."""
    args = []
    for arg in bound.extra:
        values = elements(arg.value)
        if values is not None and any(r_double(v) for v in values):
            ints = py.list_([as_int(emitter, v) for v in values])
            args.append(py.call(np(emitter, "array"), ints, dtype=py.string("int64")))
        else:
            args.append(py_value(emitter, arg.value))
    indexing = _arg(emitter, bound, "indexing")
    keywords = {"indexing": indexing} if indexing is not None else {}
    return py.call(emitter.imports.path("keras.ops.meshgrid"), *args, **keywords)


def _stacker(name: str) -> None:
    """`op_hstack(xs, ...)`: `xs` and the `...` tensors in one list, R vectors as arrays."""

    @special(name)
    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        xs = bound.get("xs")
        values = elements(xs) if isinstance(xs, n.Call) and xs.func.id == "list" else None
        extra = [arg.value for arg in bound.extra]
        target = emitter.imports.path(f"keras.ops.{name.removeprefix('op_')}")
        if values is None and not extra and emitter.kind(xs) is Kind.LIST:
            return py.call(target, emitter.expr(xs))
        items = [as_array(emitter, v) for v in (values if values is not None else [xs])]
        items += [as_array(emitter, v) for v in extra]
        return py.call(target, py.list_(items))


_stacker("op_hstack")
_stacker("op_vstack")


@special("op_rearrange")
def _rearrange(emitter, bound: BoundCall) -> cst.BaseExpression:
    """einops-style axis lengths in `...` are integers."""
    args = [py_value(emitter, bound.get("tensor")), py_value(emitter, bound.get("pattern"))]
    for arg in bound.extra:
        args.append(py.arg(as_integer(emitter, arg.value), arg.name))
    return py.call(emitter.imports.path("keras.ops.rearrange"), *args)


def _r_integers(emitter, node: n.Node) -> bool:
    """Whether `node` is an R integer vector, matrix or array (`1:6`, `array(1:24, ...)`):
    reticulate sends R integers as int32, numpy's default integers are int64."""
    if isinstance(node, n.Call) and getattr(node.func, "id", None) in ("array", "matrix"):
        node = node.args[0].value if node.args else None
    return emitter.kind(node) in (Kind.INT_VECTOR, Kind.RANGE)


@special("op_convert_to_tensor")
def _convert_to_tensor(emitter, bound: BoundCall) -> cst.BaseExpression:
    """R vectors go as arrays: R doubles are float64 tensors (a single double is float32,
    Keras's default for a Python float); doubles with an integer dtype become ints; keras3
    drops `ragged`."""
    node = bound.get("x")
    dtype = bound.get("dtype")
    dtype_text = dtype.value if isinstance(dtype, n.Str) else None
    values = elements(node)
    keywords = {}
    if values is not None and len(values) > 1 and not is_null(dtype):
        to_int = dtype_text is not None and "int" in dtype_text
        value = as_int(emitter, node) if to_int else py_value(emitter, node)
    elif values is not None and len(values) > 1 and any(r_double(v) for v in values):
        value, keywords["dtype"] = py_value(emitter, node), py.string("float64")
    elif values is not None and dtype_text is not None and "int" in dtype_text:
        value = as_int(emitter, node)
    else:
        kind = emitter.kind(node)
        value = emitter.expr(node) if kind in NUMERIC_VECTORS else py_value(emitter, node)
        if dtype is None and _r_integers(emitter, node):
            keywords["dtype"] = py.string("int32")
    if not is_null(dtype):
        keywords["dtype"] = py_value(emitter, dtype)
    sparse = bound.get("sparse")
    if not is_null(sparse):
        keywords["sparse"] = py_value(emitter, sparse)
    return py.call(emitter.imports.path("keras.ops.convert_to_tensor"), value, **keywords)


# ---- indices out: 1-based unless zero_indexed = TRUE ----------------------------------------


def _plus_one(name: str, **options) -> None:
    """`keras.ops.X(...) + 1`: keras3 adds 1 to the indices it returns."""

    @special(name, drop=frozenset({"zero_indexed"}), **options)
    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        result = table_call(emitter, bound)
        return (
            result if flag(emitter, bound, "zero_indexed") else py.binop(result, "+", py.integer(1))
        )

    TABLE.entries[name].target = f"keras.ops.{name.removeprefix('op_')}"


for _name in ("op_argmax", "op_argmin", "op_argsort", "op_argpartition", "op_digitize"):
    _plus_one(_name)
_plus_one("op_searchsorted")


@special("op_nonzero")
def _nonzero(emitter, bound: BoundCall) -> cst.BaseExpression:
    """keras3 stacks the 1-based coordinates of the nonzero elements, one row each."""
    found = py.call(emitter.imports.path("keras.ops.nonzero"), py_value(emitter, bound.get("x")))
    stacked = py.call(emitter.imports.path("keras.ops.stack"), found, axis=py.integer(-1))
    return py.binop(stacked, "+", py.integer(1))


@special("op_top_k", kind=Kind.PYOBJ, item_kind=Kind.TENSOR, status="runtime")
def _top_k(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`values` and 1-based `indices`, by name as R has them: the runtime's `op_top_k()`."""
    args = [as_array(emitter, bound.get("x")), as_integer(emitter, bound.get("k"))]
    keywords = {}
    for param in ("sorted", "zero_indexed"):
        if not is_null(bound.get(param)):
            keywords[param] = py_value(emitter, bound.get(param))
    return _runtime(emitter, "op_top_k", *args, **keywords)


# ---- indices in: 1-based unless zero_indexed = TRUE -------------------------------------------

for _name in (
    "op_scatter",
    "op_scatter_update",
    "op_slice",
    "op_slice_update",
    "op_segment_max",
    "op_segment_sum",
):
    op(_name)
op("op_unravel_index", kind=Kind.LIST, item_kind=Kind.TENSOR)


def _indexed(name: str, param: str) -> None:
    """`param` holds 1-based indices (`as_py_index`), or 0-based ones with `zero_indexed`."""

    @special(name, drop=frozenset({"zero_indexed"}), convert={param: py_index})
    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        if flag(emitter, bound, "zero_indexed"):
            bound = _with(bound, convert={**bound.entry.convert, param: integer_array})
        return table_call(emitter, bound)

    TABLE.entries[name].target = f"keras.ops.{name.removeprefix('op_')}"


_indexed("op_take", "indices")
_indexed("op_take_along_axis", "indices")
_indexed("op_one_hot", "x")

# ---- op_arange(): R's seq() ------------------------------------------------------------------


def _int_dtype(node: n.Node | None) -> bool | None:
    """Whether a dtype is an integer one (`keras.backend.is_int_dtype`); None: unknown."""
    if is_null(node):
        return False
    if isinstance(node, n.Str):
        return "int" in node.value
    return None


def _shifted(emitter, node: n.Node, step: n.Node | None, cast: bool) -> cst.BaseExpression:
    """The exclusive end Python wants: R's inclusive `end` plus `step`."""
    end, by = _literal_number(node), 1 if step is None else _literal_number(step)
    if end is not None and by is not None:
        total = (int(end) if cast else end) + by
        whole = (cast or not r_double(node)) and (step is None or not r_double(step))
        return py.integer(int(total)) if whole else py.number(float(total))
    value = as_int(emitter, node) if cast else py_value(emitter, node)
    return py.binop(value, "+", py.integer(1) if step is None else py_value(emitter, step))


@special("op_arange", params="start end step dtype include_end")
def _arange(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`keras.ops.arange(start, end + step, step)`: one argument counts from 1 (`1.0` for a
    double), R's end is included, and doubles become ints for an integer dtype."""
    start, end, step = bound.get("start"), bound.get("end"), bound.get("step")
    dtype = bound.get("dtype")
    cast = _int_dtype(dtype)
    if cast is None:
        emitter.fail("RK103", "op_arange(dtype =) must be written as a string here", dtype)
    if end is None:
        end = start
        start = n.Num("1" if r_double(end) or emitter.kind(end) is Kind.FLOAT else "1L")
    include_end = bound.get("include_end")
    if include_end is None or flag(emitter, bound, "include_end"):
        stop = _shifted(emitter, end, step, cast)
    else:
        stop = as_int(emitter, end) if cast else py_value(emitter, end)
    first = as_int(emitter, start) if cast else py_value(emitter, start)
    args = [first, stop]
    step_value = _literal_number(step) if step is not None else 1
    if step_value != 1:
        args.append(py_value(emitter, step))
    keywords = {} if is_null(dtype) else {"dtype": py_value(emitter, dtype)}
    return py.call(emitter.imports.path("keras.ops.arange"), *args, **keywords)


# ---- op_subset(): R-style subsetting of tensors --------------------------------------------


def _static_key(node: n.Node | None) -> bool:
    """A subscript `tensor_index()` writes as Python's: missing, `..`, a position, or a
    range of literal ends."""
    if node is None or (isinstance(node, n.Name) and node.id == ".."):
        return True
    if isinstance(node, n.Binary) and node.op == ":":
        first, last = _literal_number(node.left), _literal_number(node.right)
        if first is None or last is None or 0 in (first, last):
            return False
        # `2:-1` runs from the second to the last, as tensorflow's `[` reads it
        return last >= first or (first > 0 and last < 0)
    number = _literal_number(node)
    return number is not None and number != 0


def _subset_key(emitter, node: n.Node | None) -> cst.BaseExpression:
    """One R subscript as the runtime's `op_subset()` takes it (as reticulate sends it)."""
    if node is None:
        return py.call("slice", py.name("None"))
    if isinstance(node, n.Name) and node.id == "..":
        return cst.Ellipsis()
    return py_value(emitter, node)


@special("op_subset", params="x ...")
def _subset(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`x[i, j]` with R's positions made 0-based, ranges inclusive; vectors, masks and
    computed subscripts through the runtime's `op_subset()`."""
    x = bound.get("x")
    keys = [arg.value for arg in bound.extra]
    if any(arg.name is not None for arg in bound.extra):
        emitter.fail("RK103", "op_subset() takes no named subscripts", bound.node)
    if keys and all(_static_key(key) for key in keys):
        node = n.Index(x, [n.Arg(key) for key in keys])
        node.line, node.column = bound.node.line, bound.node.column
        return tensor_index(emitter, node)
    args = [py_value(emitter, x), *(_subset_key(emitter, key) for key in keys)]
    return _runtime(emitter, "op_subset", *args)


@special("op_subset<-", params="x ... value", status="runtime")
def _subset_set(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`op_subset(x, i) <- value`: a variable's elements assigned, by the runtime."""
    args = [emitter.expr(bound.get("x"))]
    args += [_subset_key(emitter, arg.value) for arg in bound.extra]
    value = py_value(emitter, bound.get("value"))
    return _runtime(emitter, "op_subset_set", *args, value=value)


TABLE.entries["op_subset_set"] = dataclasses.replace(
    TABLE.entries["op_subset<-"], name="op_subset_set"
)
