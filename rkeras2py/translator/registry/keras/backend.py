"""The backend: R keras's `k_*()` functions and `backend()`.

R keras 2.x calls `keras$backend$X`; Keras 3's `keras.backend` keeps only configuration
helpers, so each function maps to `keras.ops`, `keras.random`, `keras.config`, `tf` or a
runtime helper, with the R wrapper's semantics: 1-based axes (`as_axis`: 1 is Python's 0,
negatives stay), integer coercions, R defaults that Keras 3 does not share written out
(`k_argmax(x)` is `keras.ops.argmax(x, axis=-1)`, `k_cumsum(x)` is `axis=0`), and Keras 2's
dtypes (`k_constant()` and `k_variable()` are floatx tensors whatever R sends).

Arguments keep their R positions: an argument Keras 3 renamed is written positionally when
R matched it by position, and under its Python name when R named it.

CAVEATS: floatx is taken to be "float32" unless the program changes it (`k_set_floatx()`),
then `keras.config.floatx()` is written; `k_hard_sigmoid()` keeps Keras 2's numbers
(`clip(0.2 x + 0.5, 0, 1)`), not Keras 3's `hard_sigmoid`; `k_conv*_transpose()` lets
Keras 3 compute the output shape R passed.
"""

from __future__ import annotations

import libcst as cst

from ....grammar import nodes as n
from ... import pyast as py
from ...emit.calls import convert_argument, extra_arguments, resolve
from ...emit.values import keyword_name, r_double
from ...kinds import NUMERIC_SCALARS, NUMERIC_VECTORS, Kind
from .. import BoundCall, Entry, bind
from ..convert import (
    as_int,
    axis,
    axis_tuple,
    elements,
    int_tuple,
    is_null,
    py_value,
    shape,
)
from ..helpers import comprehension, is_false, np
from .table import TABLE

# ---- how a k_* call is written -----------------------------------------------------------


# Entries whose Python function has other parameters in between from this R parameter on:
# keywords from there (`k_eye(3, "float64")` is `keras.ops.eye(3, dtype="float64")`).
_KEYWORDS_FROM: dict[str, str] = {}


def _call(emitter, bound: BoundCall, target: str | None = None, defaults=None) -> cst.Call:
    """`target(...)` with R's arguments converted: positional while R matched them by
    position and in order, keywords (renamed for Keras 3) after that; then the R defaults
    Keras 3 does not share, for the parameters the call leaves out."""
    entry = bound.entry
    args: list[cst.Arg] = []
    in_order = True
    for param in entry.params:
        value = bound.named.get(param)
        if param == _KEYWORDS_FROM.get(entry.name):
            in_order = False
        if param == "..." or value is None or param in entry.drop or is_null(value):
            in_order = False
            continue
        converted = convert_argument(emitter, entry, param, value)
        if in_order and param not in bound.by_name:
            args.append(py.arg(converted))
        else:
            args.append(py.arg(converted, keyword_name(entry.rename.get(param, param))))
            in_order = False
    args.extend(extra_arguments(emitter, bound))
    for param, code in (defaults or {}).items():
        if param not in bound.named:
            keyword = entry.rename.get(param, param)
            args.append(py.arg(cst.parse_expression(code), keyword))
    return py.call(emitter.imports.path(target or entry.target), *args)


def _caller(defaults: dict[str, str]):
    """The emitter of an entry whose R defaults (Python code) must be written out."""

    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        return _call(emitter, bound, defaults=defaults)

    return emit


def op(
    name: str,
    target: str,
    params: str = "x",
    *,
    defaults: dict[str, str] | None = None,
    keywords_from: str | None = None,
    **options,
) -> Entry:
    """A `k_*()` function that is one call of `target`; its result is a tensor unless
    `kind` says otherwise. `defaults` maps R parameters to the Python code of R defaults
    that differ from Keras 3's; from `keywords_from` on, arguments are keywords."""
    options.setdefault("kind", Kind.TENSOR)
    if keywords_from is not None:
        _KEYWORDS_FROM[name] = keywords_from
    return TABLE.add(name, target, params, emit=_caller(defaults or {}), **options)


def special(name: str, params: str, **options):
    """A `k_*()` function written by its own emitter; the result is a tensor by default."""
    options.setdefault("kind", Kind.TENSOR)
    return TABLE.special(name, params=params, **options)


def _arg(emitter, bound: BoundCall, param: str, converter=py_value):
    """Argument `param` converted, or None when the call leaves it out or passes NULL."""
    node = bound.get(param)
    return None if is_null(node) else converter(emitter, node)


def _floatx(emitter) -> cst.BaseExpression:
    """Keras 2's default dtype for constants and variables: floatx."""
    if "set_floatx" in emitter.source:
        return py.call(emitter.imports.path("keras.config.floatx"))
    return py.string("float32")


def _runtime(emitter, name: str, *args, **kwargs) -> cst.Call:
    return py.call(emitter.imports.path(f"rkeras2py.runtime.{name}"), *args, **kwargs)


def _literal_string(node: n.Node | None) -> str | None:
    return node.value if isinstance(node, n.Str) else None


# ---- converters ----------------------------------------------------------------------------


def tensor_value(emitter, node: n.Node) -> cst.BaseExpression:
    """A value given an explicit dtype: R vectors written out as lists, arrays as they are."""
    if elements(node) is None and emitter.kind(node) in NUMERIC_VECTORS:
        return emitter.expr(node)
    return py_value(emitter, node)


def _doubles(node: n.Node | None) -> bool:
    """R doubles written out (`2.5`, `c(1, 0.5)`): Python floats, which Keras makes floatx."""
    values = elements(node) if node is not None else None
    return bool(values) and all(r_double(value) for value in values)


def reshape_shape(emitter, node: n.Node) -> cst.BaseExpression:
    """`backend_normalize_shape(shape)` for `k_reshape()`: ints, `NA` as -1 (the one
    dimension Keras infers)."""
    values = elements(node)
    if values is not None and any(isinstance(v, n.Const) and v.name == "NA" for v in values):
        dims = [
            py.integer(-1) if isinstance(v, n.Const) and v.name == "NA" else as_int(emitter, v)
            for v in values
        ]
        return py.list_(dims, tuple_=True)
    return shape(emitter, node)


# ---- elementwise math -----------------------------------------------------------------------

for _name in (
    "abs",
    "cos",
    "exp",
    "log",
    "round",
    "sigmoid",
    "sign",
    "sin",
    "softplus",
    "softsign",
    "sqrt",
    "square",
    "tanh",
):
    op(f"k_{_name}", f"keras.ops.{_name}")

# two tensors: R's x and y are Keras 3's x1 and x2
for _name in ("equal", "not_equal", "greater", "greater_equal", "less", "less_equal"):
    op(f"k_{_name}", f"keras.ops.{_name}", "x y", rename={"x": "x1", "y": "x2"})
op("k_maximum", "keras.ops.maximum", "x y", rename={"x": "x1", "y": "x2"})
op("k_minimum", "keras.ops.minimum", "x y", rename={"x": "x1", "y": "x2"})
op("k_dot", "keras.ops.dot", "x y", rename={"x": "x1", "y": "x2"})

# `as_integer(a)`: R truncates the exponent, k_pow(x, 0.5) is x^0
op("k_pow", "keras.ops.power", "x a", rename={"x": "x1", "a": "x2"}, convert={"a": as_int})


@special("k_clip", "x min_value max_value")
def _clip(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`keras.ops.clip(x, x_min, x_max)`: both bounds are required; R's NULL is ±Inf."""
    low = _arg(emitter, bound, "min_value")
    high = _arg(emitter, bound, "max_value")
    infinity = np(emitter, "inf")
    return py.call(
        emitter.imports.path("keras.ops.clip"),
        py_value(emitter, bound.get("x")),
        low if low is not None else py.unary("-", infinity),
        high if high is not None else infinity,
    )


# ---- activations ------------------------------------------------------------------------------

op("k_elu", "keras.ops.elu", "x alpha")
op("k_relu", "keras.activations.relu", "x alpha max_value", rename={"alpha": "negative_slope"})
op("k_softmax", "keras.ops.softmax", "x axis", convert={"axis": axis})


@special("k_hard_sigmoid", "x")
def _hard_sigmoid(emitter, bound: BoundCall) -> cst.BaseExpression:
    """Keras 2's hard sigmoid, `clip(0.2 x + 0.5, 0, 1)`; Keras 3's is `relu6(x + 3) / 6`."""
    x = py_value(emitter, bound.get("x"))
    scaled = py.binop(py.binop(x, "*", py.number(0.2)), "+", py.number(0.5))
    return py.call(emitter.imports.path("keras.ops.clip"), scaled, py.number(0.0), py.number(1.0))


# ---- reductions (1-based axes) -------------------------------------------------------------

for _name in ("all", "any", "max", "mean", "min", "prod", "std", "sum", "var"):
    op(f"k_{_name}", f"keras.ops.{_name}", "x axis keepdims", convert={"axis": axis})

op(
    "k_logsumexp",
    "keras.ops.logsumexp",
    "x axis keepdims",
    convert={"axis": axis},
    status="replaced",
    note="R keras 2.15 stops here (it says to use tf$reduce_logsumexp); translated to "
    "keras.ops.logsumexp()",
)

# R defaults: axis -1, which keras.ops.argmax/argmin (None: flatten) do not share
op("k_argmax", "keras.ops.argmax", "x axis", convert={"axis": axis}, defaults={"axis": "-1"})
op("k_argmin", "keras.ops.argmin", "x axis", convert={"axis": axis}, defaults={"axis": "-1"})
# R default axis 1 is Python's 0; keras.ops.cumsum/cumprod flatten by default
op("k_cumsum", "keras.ops.cumsum", "x axis", convert={"axis": axis}, defaults={"axis": "0"})
op("k_cumprod", "keras.ops.cumprod", "x axis", convert={"axis": axis}, defaults={"axis": "0"})
# R default NULL: tf.linalg.l2_normalize over all elements; keras.ops.normalize's is -1
op(
    "k_l2_normalize",
    "keras.ops.normalize",
    "x axis",
    convert={"axis": axis},
    defaults={"axis": "None"},
)

# ---- shapes and axes -------------------------------------------------------------------------

op(
    "k_concatenate",
    "keras.ops.concatenate",
    "tensors axis",
    rename={"tensors": "xs"},
    convert={"axis": axis},
    defaults={"axis": "-1"},
)
op("k_stack", "keras.ops.stack", "x axis", convert={"axis": axis}, defaults={"axis": "0"})
op(
    "k_unstack",
    "keras.ops.unstack",
    "x axis num name",
    convert={"axis": axis, "num": as_int},
    drop=frozenset({"name"}),
    keywords_from="axis",
    defaults={"axis": "0"},
    kind=Kind.LIST,
    item_kind=Kind.TENSOR,
)
op(
    "k_expand_dims",
    "keras.ops.expand_dims",
    "x axis",
    convert={"axis": axis},
    defaults={"axis": "-1"},
)
op("k_squeeze", "keras.ops.squeeze", "x axis", convert={"axis": axis})
op("k_reverse", "keras.ops.flip", "x axes", rename={"axes": "axis"}, convert={"axes": axis_tuple})
op(
    "k_permute_dimensions",
    "keras.ops.transpose",
    "x pattern",
    rename={"pattern": "axes"},
    convert={"pattern": axis_tuple},
)
op("k_transpose", "keras.ops.transpose")
op(
    "k_reshape",
    "keras.ops.reshape",
    "x shape",
    rename={"shape": "newshape"},
    convert={"shape": reshape_shape},
)
op("k_tile", "keras.ops.tile", "x n", rename={"n": "repeats"}, convert={"n": as_int})
op(
    "k_repeat_elements",
    "keras.ops.repeat",
    "x rep axis",
    rename={"rep": "repeats"},
    convert={"rep": as_int, "axis": axis},
)
op("k_ndim", "keras.ops.ndim", kind=Kind.INT)
op("k_shape", "tensorflow.shape")
op("k_dtype", "keras.ops.dtype", kind=Kind.STR)


def _shape_of(emitter, node: n.Node) -> cst.BaseExpression:
    return py.attr(py_value(emitter, node), "shape")


@special("k_int_shape", "x", kind=Kind.LIST, item_kind=Kind.INT)
def _int_shape(emitter, bound: BoundCall) -> cst.BaseExpression:
    """Keras 2's `int_shape()`: the static shape, unknown dimensions as None."""
    return py.call("tuple", _shape_of(emitter, bound.get("x")))


TABLE.entries["k_get_variable_shape"] = TABLE.entries["k_int_shape"]


@special("k_count_params", "x", kind=Kind.INT)
def _count_params(emitter, bound: BoundCall) -> cst.BaseExpression:
    """The number of elements of a variable, as a Python int."""
    return py.call(emitter.imports.path("math.prod"), _shape_of(emitter, bound.get("x")))


@special("k_flatten", "x")
def _flatten(emitter, bound: BoundCall) -> cst.BaseExpression:
    """A 1-D tensor of the elements in row-major order."""
    minus_one = py.list_([py.integer(-1)], tuple_=True)
    return py.call(
        emitter.imports.path("keras.ops.reshape"), py_value(emitter, bound.get("x")), minus_one
    )


@special("k_batch_flatten", "x")
def _batch_flatten(emitter, bound: BoundCall) -> cst.BaseExpression:
    """(batch, everything else): written out on a variable, through the runtime otherwise."""
    x = py_value(emitter, bound.get("x"))
    if not isinstance(x, cst.Name):
        return _runtime(emitter, "k_batch_flatten", x)
    rest = py.call(
        emitter.imports.path("math.prod"),
        py.subscript(py.attr(x, "shape"), py.slice_(py.integer(1))),
    )
    dims = py.list_([py.integer(-1), rest], tuple_=True)
    return py.call(emitter.imports.path("keras.ops.reshape"), x, dims)


@special("k_repeat", "x n")
def _repeat(emitter, bound: BoundCall) -> cst.BaseExpression:
    """Keras 2's `repeat()`: (batch, dim) becomes (batch, n, dim)."""
    ops = emitter.imports.path("keras.ops")
    x = py_value(emitter, bound.get("x"))
    expanded = py.call(f"{ops}.expand_dims", x, py.integer(1))
    return py.call(f"{ops}.repeat", expanded, as_int(emitter, bound.get("n")), axis=py.integer(1))


@special("k_gather", "reference indices")
def _gather(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`keras.ops.take(reference, indices, axis=0)`: R-side indices are 1-based (R's
    `as_axis()`), tensors are not shifted; an index of unknown kind is decided at run time."""
    reference = py_value(emitter, bound.get("reference"))
    node = bound.get("indices")
    kind = emitter.kind(node)
    if kind is Kind.TENSOR:
        indices = emitter.expr(node)
    elif elements(node) is not None or kind in NUMERIC_SCALARS | NUMERIC_VECTORS:
        indices = axis(emitter, node)
    else:
        return _runtime(emitter, "k_gather", reference, emitter.expr(node))
    return py.call(emitter.imports.path("keras.ops.take"), reference, indices, axis=py.integer(0))


@special("k_batch_dot", "x y axes", status="runtime")
def _batch_dot(emitter, bound: BoundCall) -> cst.BaseExpression:
    """Keras 3 has no `batch_dot()`: the runtime's, with R's 1-based axes shifted."""
    args = [py_value(emitter, bound.get("x")), py_value(emitter, bound.get("y"))]
    axes = bound.get("axes")
    if axes is not None:
        args.append(axis_tuple(emitter, axes))
    return _runtime(emitter, "k_batch_dot", *args)


@special("k_temporal_padding", "x padding")
def _temporal_padding(emitter, bound: BoundCall) -> cst.BaseExpression:
    """Zeros before and after the time axis; `padding` is `as_integer_tuple()`'d (c(1, 1))."""
    x = py_value(emitter, bound.get("x"))
    node = bound.get("padding")
    pair = [py.integer(1), py.integer(1)] if is_null(node) else None
    values = elements(node) if node is not None else None
    if values is not None and len(values) == 2:
        pair = [as_int(emitter, value) for value in values]
    if pair is None:
        return _runtime(emitter, "k_temporal_padding", x, emitter.expr(node))
    zeros = py.list_([py.integer(0), py.integer(0)])
    widths = py.list_([zeros, py.list_(pair), zeros])
    return py.call(emitter.imports.path("keras.ops.pad"), x, widths)


op(
    "k_spatial_2d_padding",
    "rkeras2py.runtime.k_spatial_2d_padding",
    "x padding data_format",
    status="runtime",
)
op(
    "k_spatial_3d_padding",
    "rkeras2py.runtime.k_spatial_3d_padding",
    "x padding data_format",
    status="runtime",
)

# ---- creating tensors and variables ----------------------------------------------------------


@special("k_constant", "value dtype shape name")
def _constant(emitter, bound: BoundCall) -> cst.BaseExpression:
    """Keras 2's `constant()`: a floatx tensor unless `dtype` says otherwise; a `shape`
    fills a scalar out (`keras.ops.full`) or reshapes the values (`tf.constant`)."""
    value = bound.get("value")
    dtype = _arg(emitter, bound, "dtype")
    dims = _arg(emitter, bound, "shape", shape)
    name = _arg(emitter, bound, "name")
    values = elements(value) if value is not None else None
    if name is None and (dtype is not None or not _doubles(value)):
        dtype = dtype or _floatx(emitter)
    if dims is not None and name is None and values is not None and len(values) == 1:
        target, args = "keras.ops.full", [dims, py_value(emitter, value)]
    elif dims is not None or name is not None:
        dtype = dtype or _floatx(emitter)
        target, args = "tensorflow.constant", [tensor_value(emitter, value)]
    else:
        target, args = "keras.ops.convert_to_tensor", [tensor_value(emitter, value)]
    keywords = {"dtype": dtype, "shape": None if target == "keras.ops.full" else dims}
    keywords["name"] = name
    present = {key: code for key, code in keywords.items() if code is not None}
    return py.call(emitter.imports.path(target), *args, **present)


@special("k_variable", "value dtype name constraint", kind=Kind.PYOBJ)
def _variable(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`keras.Variable`, floatx unless `dtype` says otherwise (Keras 3 would keep an int or
    float64 array's dtype); Keras 3 variables take no constraint."""
    if _arg(emitter, bound, "constraint") is not None:
        emitter.fail(
            "RK111",
            "k_variable(constraint =) is not taken by keras.Variable in Keras 3: apply the "
            "constraint after each update (`v.assign(constraint(v))`)",
            bound.get("constraint"),
        )
    value = bound.get("value")
    dtype = _arg(emitter, bound, "dtype")
    keywords = {} if dtype is None and _doubles(value) else {"dtype": dtype or _floatx(emitter)}
    name = _arg(emitter, bound, "name")
    if name is not None:
        keywords["name"] = name
    return py.call(emitter.imports.path("keras.Variable"), tensor_value(emitter, value), **keywords)


op(
    "k_zeros",
    "keras.ops.zeros",
    "shape dtype name",
    convert={"shape": shape},
    drop=frozenset({"name"}),
)
op(
    "k_ones",
    "keras.ops.ones",
    "shape dtype name",
    convert={"shape": shape},
    drop=frozenset({"name"}),
)
op("k_zeros_like", "keras.ops.zeros_like", "x dtype name", drop=frozenset({"name"}))
op("k_ones_like", "keras.ops.ones_like", "x dtype name", drop=frozenset({"name"}))
op(
    "k_eye",
    "keras.ops.eye",
    "size dtype name",
    rename={"size": "N"},
    convert={"size": as_int},
    drop=frozenset({"name"}),
    keywords_from="dtype",
)
# start, stop and step are ints, the stop exclusive (not R's seq())
op(
    "k_arange",
    "keras.ops.arange",
    "start stop step dtype",
    convert={"start": as_int, "stop": as_int, "step": as_int},
)
# class ids are 0-based: not shifted
op(
    "k_one_hot",
    "keras.ops.one_hot",
    "indices num_classes",
    rename={"indices": "x"},
    convert={"num_classes": as_int},
)
op("k_cast", "keras.ops.cast", "x dtype")
op("k_identity", "tensorflow.identity", "x name")  # keras.ops.identity builds an identity matrix
op("k_stop_gradient", "keras.ops.stop_gradient", "variables", rename={"variables": "variable"})


@special("k_cast_to_floatx", "x", kind=Kind.ARRAY)
def _cast_to_floatx(emitter, bound: BoundCall) -> cst.BaseExpression:
    """Keras 2's `cast_to_floatx()` returns a numpy array of floatx."""
    x = py_value(emitter, bound.get("x"))
    return py.call(emitter.imports.path("numpy.asarray"), x, dtype=_floatx(emitter))


@special("k_to_dense", "tensor")
def _to_dense(emitter, bound: BoundCall) -> cst.BaseExpression:
    """A sparse tensor made dense; a dense one as it is."""
    x = py_value(emitter, bound.get("tensor"))
    false = py.name("False")
    return py.call(emitter.imports.path("keras.ops.convert_to_tensor"), x, sparse=false)


@special("k_is_sparse", "tensor", kind=Kind.BOOL)
def _is_sparse(emitter, bound: BoundCall) -> cst.BaseExpression:
    x = py_value(emitter, bound.get("tensor"))
    return py.call("isinstance", x, py.dotted(emitter.imports.path("tensorflow.SparseTensor")))


op("k_is_tensor", "keras.ops.is_tensor", kind=Kind.BOOL)
op("k_is_keras_tensor", "keras.backend.is_keras_tensor", kind=Kind.BOOL)

# ---- reading and updating variables --------------------------------------------------------

_REDUCTIONS = {
    f"k_{name}": Kind.FLOAT for name in ("sum", "mean", "max", "min", "prod", "std", "var")
}
_REDUCTIONS.update({"k_all": Kind.BOOL, "k_any": Kind.BOOL})


def _scalar_kind(emitter, node: n.Node | None) -> Kind | None:
    """FLOAT (or BOOL) for a `k_*()` reduction over all axes: R gets one number back."""
    if not isinstance(node, n.Call):
        return None
    entry = resolve(emitter, node)
    if entry is None or entry.name not in _REDUCTIONS or entry.package != "keras":
        return None
    bound = bind(node, entry)
    keepdims = bound.get("keepdims")
    if not is_null(bound.get("axis")) or not (keepdims is None or is_false(keepdims)):
        return None
    return _REDUCTIONS[entry.name]


def _value_kind(emitter, bound: BoundCall) -> Kind:
    return _scalar_kind(emitter, bound.get("x")) or Kind.ARRAY


def _get_value(name: str) -> None:
    """`k_get_value()`/`k_eval()`: the value as numpy (R converts it to an R array); a
    reduction over all axes as the Python number R gets."""

    @special(name, "x", kind=_value_kind)
    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        node = bound.get("x")
        scalar = _scalar_kind(emitter, node)
        if scalar is not None:
            return py.call("bool" if scalar is Kind.BOOL else "float", emitter.expr(node))
        return py.call(emitter.imports.path("keras.ops.convert_to_numpy"), py_value(emitter, node))


_get_value("k_get_value")
_get_value("k_eval")


@special("k_batch_get_value", "ops", kind=Kind.LIST, item_kind=Kind.ARRAY)
def _batch_get_value(emitter, bound: BoundCall) -> cst.BaseExpression:
    """Each tensor's value as a numpy array."""
    item = emitter.fresh("tensor")
    value = py.call(emitter.imports.path("keras.ops.convert_to_numpy"), py.name(item))
    return comprehension(value, item, py_value(emitter, bound.get("ops")))


def _assign(name: str, method: str, value: str) -> Entry:
    """`x.method(value)`: Keras 3 variables update themselves."""
    return TABLE.add(name, method, f"x {value}", method=True, visible=False, kind=Kind.NULL)


_assign("k_set_value", "assign", "value")
_assign("k_update", "assign", "new_x")
_assign("k_update_add", "assign_add", "increment")
_assign("k_update_sub", "assign_sub", "decrement")
op(
    "k_moving_average_update",
    "rkeras2py.runtime.k_moving_average_update",
    "x value momentum",
    status="runtime",
    visible=False,
)

TABLE.add(
    "k_batch_set_value",
    "rkeras2py.runtime.k_batch_set_value",
    "lists",
    status="runtime",
    visible=False,
    kind=Kind.NULL,
)


@TABLE.statement("k_batch_set_value", params="lists")
def _batch_set_value(emitter, bound: BoundCall, mode) -> list[cst.BaseStatement]:
    """`v.assign(value)` for each (variable, value) pair: one line per pair written out in
    the R code, a loop otherwise."""
    lists = bound.get("lists")
    pairs = elements(lists) if lists is not None else None
    statements: list[cst.BaseStatement] = []
    if pairs is not None and all(
        (elements(pair) is not None and len(elements(pair)) == 2) for pair in pairs
    ):
        for pair in pairs:
            variable, value = elements(pair)
            assign = py.attr(emitter.expr(variable), "assign")
            statements.append(py.expr_statement(py.call(assign, py_value(emitter, value))))
    else:
        variable, value = emitter.fresh("variable"), emitter.fresh("value")
        target = cst.Tuple(
            [
                cst.Element(
                    py.name(variable), comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
                ),
                cst.Element(py.name(value)),
            ],
            lpar=[],
            rpar=[],
        )
        body = py.expr_statement(py.call(py.attr(py.name(variable), "assign"), py.name(value)))
        statements.append(
            cst.For(target=target, iter=emitter.expr(lists), body=cst.IndentedBlock([body]))
        )
    if mode.action in ("assign", "return"):
        statements.extend(emitter.finish(py.name("None"), mode))
    return statements


# ---- configuration ----------------------------------------------------------------------------

op("k_floatx", "keras.config.floatx", "", kind=Kind.STR)
op("k_epsilon", "keras.config.epsilon", "", kind=Kind.FLOAT)
op("k_image_data_format", "keras.config.image_data_format", "", kind=Kind.STR)
op("k_backend", "keras.config.backend", "", kind=Kind.STR)
op("k_set_floatx", "keras.config.set_floatx", "floatx", kind=Kind.NULL, visible=False)
op("k_set_epsilon", "keras.config.set_epsilon", "e", kind=Kind.NULL, visible=False)
op(
    "k_set_image_data_format",
    "keras.config.set_image_data_format",
    "data_format",
    kind=Kind.NULL,
    visible=False,
)
op("k_clear_session", "keras.utils.clear_session", "", kind=Kind.NULL, visible=False)
# R sends prefix = "" (Keras 3's default too)
op("k_get_uid", "keras.backend.get_uid", "prefix", kind=Kind.INT)


@special(
    "backend",
    "convert",
    kind=Kind.PYOBJ,
    status="replaced",
    note=(
        "Keras 3's keras.backend keeps only configuration helpers (epsilon(), floatx(), "
        "image_data_format(), ...): tensor functions are in keras.ops"
    ),
)
def _backend(emitter, bound: BoundCall) -> cst.BaseExpression:
    return py.dotted(emitter.imports.path("keras.backend"))


# ---- random numbers --------------------------------------------------------------------------

_RANDOM = {"shape": shape, "seed": as_int}

op("k_random_normal", "keras.random.normal", "shape mean stddev dtype seed", convert=_RANDOM)
op(
    "k_truncated_normal",
    "keras.random.truncated_normal",
    "shape mean stddev dtype seed",
    convert=_RANDOM,
)


def _is_int_dtype(node: n.Node | None) -> bool:
    dtype = _literal_string(node)
    return dtype is not None and dtype.startswith(("int", "uint"))


@special("k_random_uniform", "shape minval maxval dtype seed")
def _random_uniform(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`keras.random.uniform`; for an integer dtype (which it refuses) `keras.random.randint`,
    with R's bounds 0 and 1 written out (R casts them to the dtype)."""
    if not _is_int_dtype(bound.get("dtype")):
        return _call(emitter, bound, "keras.random.uniform")
    args = [shape(emitter, bound.get("shape"))]
    for param, default in (("minval", 0), ("maxval", 1)):
        node = bound.get(param)
        args.append(py.integer(default) if is_null(node) else as_int(emitter, node))
    keywords = {"dtype": emitter.expr(bound.get("dtype"))}
    seed = _arg(emitter, bound, "seed", as_int)
    if seed is not None:
        keywords["seed"] = seed
    return py.call(emitter.imports.path("keras.random.randint"), *args, **keywords)


TABLE.entries["k_random_uniform"].convert.update(_RANDOM)


@special("k_random_binomial", "shape p dtype seed")
def _random_binomial(emitter, bound: BoundCall) -> cst.BaseExpression:
    """Keras 2's `random_bernoulli()`: ones with probability `p` (R default 0), as
    `keras.random.binomial` with one trial."""
    keywords = {
        "counts": py.integer(1),
        "probabilities": _arg(emitter, bound, "p") or py.number(0.0),
    }
    for param, converter in (("dtype", py_value), ("seed", as_int)):
        value = _arg(emitter, bound, param, converter)
        if value is not None:
            keywords[param] = value
    dims = shape(emitter, bound.get("shape"))
    return py.call(emitter.imports.path("keras.random.binomial"), dims, **keywords)


TABLE.entries["k_random_bernoulli"] = TABLE.entries["k_random_binomial"]


def _random_variable(name: str, sampler: str, low: str, high: str) -> None:
    """`k_random_*_variable()`: a `keras.Variable` holding a random draw."""

    @special(name, f"shape {low} {high} dtype name seed", kind=Kind.PYOBJ)
    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        args = [shape(emitter, bound.get("shape"))]
        args += [py_value(emitter, bound.get(param)) for param in (low, high)]
        keywords = {}
        for param, converter in (("dtype", py_value), ("seed", as_int)):
            value = _arg(emitter, bound, param, converter)
            if value is not None:
                keywords[param] = value
        draw = py.call(emitter.imports.path(sampler), *args, **keywords)
        name_value = _arg(emitter, bound, "name")
        extra = {"name": name_value} if name_value is not None else {}
        return py.call(emitter.imports.path("keras.Variable"), draw, **extra)


_random_variable("k_random_normal_variable", "keras.random.normal", "mean", "scale")
_random_variable("k_random_uniform_variable", "keras.random.uniform", "low", "high")

op(
    "k_dropout",
    "keras.random.dropout",
    "x level noise_shape seed",
    rename={"x": "inputs", "level": "rate"},
    convert={"noise_shape": shape, "seed": as_int},
)

# ---- losses and normalization -------------------------------------------------------------

op(
    "k_categorical_crossentropy",
    "keras.ops.categorical_crossentropy",
    "target output from_logits axis",
    convert={"axis": axis},
)
op(
    "k_sparse_categorical_crossentropy",
    "keras.ops.sparse_categorical_crossentropy",
    "target output from_logits axis",
    convert={"axis": axis},
)
op("k_binary_crossentropy", "keras.ops.binary_crossentropy", "target output from_logits")
op(
    "k_batch_normalization",
    "keras.ops.batch_normalization",
    "x mean var beta gamma axis epsilon",
    rename={"var": "variance", "beta": "offset", "gamma": "scale"},
    convert={"axis": axis},
    keywords_from="beta",
    defaults={"axis": "-1"},
)


@special("k_bias_add", "x bias data_format")
def _bias_add(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`x + bias` along the last axis; another data format through the runtime."""
    x, bias = py_value(emitter, bound.get("x")), py_value(emitter, bound.get("bias"))
    data_format = bound.get("data_format")
    if is_null(data_format) or _literal_string(data_format) == "channels_last":
        return py.call(emitter.imports.path("keras.ops.add"), x, bias)
    return _runtime(emitter, "k_bias_add", x, bias, py_value(emitter, data_format))


op(
    "k_ctc_batch_cost",
    "rkeras2py.runtime.k_ctc_batch_cost",
    "y_true y_pred input_length label_length",
    status="runtime",
)
op(
    "k_ctc_decode",
    "rkeras2py.runtime.k_ctc_decode",
    "y_pred input_length greedy beam_width top_paths",
    convert={"beam_width": as_int, "top_paths": as_int},
    status="runtime",
    kind=Kind.LIST,
)


# top-k: Keras 3 takes the targets first
@special("k_in_top_k", "predictions targets k")
def _in_top_k(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`keras.ops.in_top_k(targets, predictions, k)`: the arguments swap places."""
    args = [
        py_value(emitter, bound.get("targets")),
        py_value(emitter, bound.get("predictions")),
        as_int(emitter, bound.get("k")),
    ]
    return py.call(emitter.imports.path("keras.ops.in_top_k"), *args)


# ---- convolution and pooling -------------------------------------------------------------

_CONV = {"strides": int_tuple, "dilation_rate": int_tuple}
_CONV_PARAMS = "strides padding data_format dilation_rate"

op("k_conv1d", "keras.ops.conv", f"x kernel {_CONV_PARAMS}", rename={"x": "inputs"}, convert=_CONV)
op("k_conv2d", "keras.ops.conv", f"x kernel {_CONV_PARAMS}", rename={"x": "inputs"}, convert=_CONV)
op("k_conv3d", "keras.ops.conv", f"x kernel {_CONV_PARAMS}", rename={"x": "inputs"}, convert=_CONV)
op(
    "k_depthwise_conv2d",
    "keras.ops.depthwise_conv",
    f"x depthwise_kernel {_CONV_PARAMS}",
    rename={"x": "inputs", "depthwise_kernel": "kernel"},
    convert=_CONV,
)
op(
    "k_separable_conv2d",
    "keras.ops.separable_conv",
    f"x depthwise_kernel pointwise_kernel {_CONV_PARAMS}",
    rename={"x": "inputs"},
    convert=_CONV,
)
for _name in ("k_conv2d_transpose", "k_conv3d_transpose"):
    op(
        _name,
        "keras.ops.conv_transpose",
        "x kernel output_shape strides padding data_format",
        rename={"x": "inputs"},
        convert={"strides": int_tuple},
        drop=frozenset({"output_shape"}),
        status="replaced",
        note="keras.ops.conv_transpose() computes the output shape itself (pass "
        "output_padding= where yours differs)",
    )


def _pool(name: str, dims: int) -> None:
    """`k_pool2d/3d()`: `pool_mode` picks `keras.ops.max_pool` or `average_pool`; R sends
    strides of 1, Keras 3's default strides are the pool size."""

    @special(name, "x pool_size strides padding data_format pool_mode")
    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        mode = bound.get("pool_mode")
        functions = {"max": "keras.ops.max_pool", "avg": "keras.ops.average_pool"}
        target = "keras.ops.max_pool" if mode is None else functions.get(_literal_string(mode))
        if target is None:
            emitter.fail("RK103", f'{name}(pool_mode =) must be "max" or "avg" here', mode)
        defaults = {"strides": repr((1,) * dims)}
        return _call(emitter, bound, target, defaults)


_pool("k_pool2d", 2)
_pool("k_pool3d", 3)
for _name in ("k_pool2d", "k_pool3d"):
    entry = TABLE.entries[_name]
    entry.drop = frozenset({"pool_mode"})
    entry.rename = {"x": "inputs"}
    entry.convert = {"pool_size": int_tuple, "strides": int_tuple}


def _upsampling(name: str, layer: str, factors: str) -> None:
    """`k_resize_images/volumes()`: nearest-neighbour upsampling by whole factors, which
    Keras 3 has as the UpSampling layers."""

    @special(
        name,
        f"x {factors} data_format",
        status="replaced",
        note=f"translated to keras.layers.{layer.rsplit('.', 1)[1]} applied to the tensor",
    )
    def emit(emitter, bound: BoundCall) -> cst.BaseExpression:
        size = py.list_([as_int(emitter, bound.get(p)) for p in factors.split()], tuple_=True)
        keywords = {"size": size}
        data_format = _arg(emitter, bound, "data_format")
        if data_format is not None:
            keywords["data_format"] = data_format
        built = py.call(emitter.imports.path(layer), **keywords)
        return py.call(built, py_value(emitter, bound.get("x")))


_upsampling("k_resize_images", "keras.layers.UpSampling2D", "height_factor width_factor")
_upsampling(
    "k_resize_volumes", "keras.layers.UpSampling3D", "depth_factor height_factor width_factor"
)

# ---- functions over tensors ---------------------------------------------------------------


@special("k_switch", "condition then_expression else_expression")
def _switch(emitter, bound: BoundCall) -> cst.BaseExpression:
    """Elementwise choice (`keras.ops.where`); functions as branches: `keras.ops.cond`."""
    branches = [bound.get("then_expression"), bound.get("else_expression")]
    functions = all(
        emitter.kind(branch) is Kind.FUNCTION or isinstance(branch, n.Function)
        for branch in branches
    )
    target = "keras.ops.cond" if functions else "keras.ops.where"
    args = [py_value(emitter, bound.get("condition"))]
    args += [py_value(emitter, branch) for branch in branches]
    return py.call(emitter.imports.path(target), *args)


@special("k_map_fn", "fn elems name dtype")
def _map_fn(emitter, bound: BoundCall) -> cst.BaseExpression:
    """`keras.ops.map(fn, elems)`; with an output `dtype`, `tf.map_fn` (which takes one)."""
    fn, elems = emitter.expr(bound.get("fn")), py_value(emitter, bound.get("elems"))
    dtype = _arg(emitter, bound, "dtype")
    if dtype is None:
        return py.call(emitter.imports.path("keras.ops.map"), fn, elems)
    return py.call(emitter.imports.path("tensorflow.map_fn"), fn, elems, fn_output_signature=dtype)


for _name in ("foldl", "foldr"):
    op(
        f"k_{_name}",
        f"tensorflow.{_name}",
        "fn elems initializer name",
        keywords_from="name",
        status="replaced",
        note=f"Keras 3 has no {_name}(): translated to tf.{_name}()",
    )

op("k_print_tensor", "rkeras2py.runtime.k_print_tensor", "x message", status="runtime")


@special(
    "k_placeholder",
    "shape ndim dtype sparse name",
    status="replaced",
    note="Keras 3 has no placeholders: translated to keras.Input(batch_shape=...)",
)
def _placeholder(emitter, bound: BoundCall) -> cst.BaseExpression:
    """A symbolic input of the full shape given (batch included), as Keras 2 made it."""
    keywords = {}
    dims = _arg(emitter, bound, "shape", shape)
    ndim = bound.get("ndim")
    if dims is None and ndim is not None and not is_null(ndim):
        count = elements(ndim)
        if count is None or len(count) != 1:
            emitter.fail("RK103", "k_placeholder(ndim =) must be a number here", ndim)
        dims = py.list_([py.name("None")] * int(count[0].value), tuple_=True)
    if dims is not None:
        keywords["batch_shape"] = dims
    for param in ("dtype", "sparse", "name"):
        value = _arg(emitter, bound, param)
        if value is not None:
            keywords[param] = value
    return py.call(emitter.imports.path("keras.Input"), **keywords)


# ---- removed in Keras 3 ----------------------------------------------------------------------


def removed(name: str, params: str, replacement: str) -> Entry:
    """A function Keras 3 dropped with nothing that computes the same: error RK110."""
    note = f"was removed in Keras 3: {replacement}"
    return TABLE.add(name, params=params, status="removed", note=note)


_PHASE = "take a `training` argument in the layer's call() and choose with if (keras.ops.cond)"
_LOCAL = "locally connected layers have no Keras 3 replacement"

removed(
    "k_function", "inputs outputs updates ...", "call keras.Model(inputs, outputs), or tf.function"
)
removed("k_gradients", "loss variables", "use tf.GradientTape: tape.gradient(loss, variables)")
removed(
    "k_get_session", "", "TensorFlow 2 has no sessions: drop the call (tf.function builds graphs)"
)
removed("k_set_session", "session", "TensorFlow 2 has no sessions: drop the call")
removed("k_learning_phase", "", "pass training = TRUE/FALSE when calling a layer or model")
removed("k_set_learning_phase", "value", "pass training = TRUE/FALSE when calling a layer or model")
removed("k_in_train_phase", "x alt training", _PHASE)
removed("k_in_test_phase", "x alt training", _PHASE)
removed(
    "k_rnn",
    "step_function inputs initial_states go_backwards mask constants unroll input_length",
    "use keras.layers.RNN with a cell, or keras.ops.scan",
)
removed("k_local_conv1d", "inputs kernel kernel_size strides data_format", _LOCAL)
removed("k_local_conv2d", "inputs kernel kernel_size strides output_shape data_format", _LOCAL)
removed(
    "k_normalize_batch_in_training",
    "x gamma beta reduction_axes epsilon",
    "use keras.ops.moments() and keras.ops.batch_normalization()",
)
removed("k_reset_uids", "", "keras.utils.clear_session() also resets the name counters")
removed("k_manual_variable_initialization", "value", "variables are set when created: drop it")
removed("k_is_placeholder", "x", "use keras.backend.is_keras_tensor(x) for symbolic inputs")
removed(
    "k_ctc_label_dense_to_sparse",
    "labels label_lengths",
    "keras.ops.ctc_loss() takes dense labels and lengths; tf.sparse.from_dense() makes sparse",
)
