"""The translator's cross-cutting behaviour, one R idiom at a time (before/after pairs)."""

from __future__ import annotations

import pytest
from snippets import exec_translation

from rkeras2py import translate


def body(r_source: str) -> str:
    """The translation without its import lines."""
    lines = translate(r_source).code.splitlines()
    while lines and (lines[0].startswith(("import ", "from ")) or not lines[0]):
        lines.pop(0)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("r_source", "python"),
    [
        # comments and blank lines survive; top-level definitions get ruff's spacing
        (
            "# data\nx <- 1  # one\n\ny <- 2\n",
            "# data\nx = 1  # one\n\ny = 2\n",
        ),
        # the last expression of a function is its value, through if/else
        (
            "sign_of <- function(v) {\n  if (v > 0) 1 else -1\n}\n",
            "def sign_of(v):\n    if v > 0:\n        return 1\n    else:\n        return -1\n",
        ),
        # <<- writes the enclosing function's variable
        (
            "counter <- function() {\n  n <- 0\n  function() {\n    n <<- n + 1\n    n\n  }\n}\n",
            "def counter():\n    n = 0\n\n    def fn():\n        nonlocal n\n        n = n + 1\n"
            "        return n\n\n    return fn\n",
        ),
        # an argument modified in place is copied first, as R copies on modify
        (
            "clip <- function(x) {\n  x[x < 0] <- 0\n  x\n}\n",
            "def clip(x):\n    x = x.copy()\n    x[x < 0] = 0\n    return x\n",
        ),
        # R prints visible top-level values (Rscript's autoprint), not assignments
        ("x <- 2\nx * 3\n", "x = 2\nprint(x * 3)\n"),
        # if used as a value: a ternary when both branches are expressions ...
        (
            'k <- 2\nlabel <- if (k > 1) {\n  "many"\n} else {\n  "one"\n}\n',
            'k = 2\nlabel = "many" if k > 1 else "one"\n',
        ),
        # ... else an if statement that assigns in each branch
        (
            'k <- 2\nlabel <- if (k > 1) {\n  cat("big\\n")\n  "many"\n} else "one"\n',
            'k = 2\nif k > 1:\n    print("big")\n    label = "many"\nelse:\n    label = "one"\n',
        ),
        # zeallot's unpacking
        ("c(a, c(b, d)) %<-% list(1, list(2, 3))\n", "a, (b, d) = [1, [2, 3]]\n"),
        # the pipes are calls
        (
            "x <- c(4, 9)\nx |> sqrt() |> sum()\n",
            "x = np.array([4.0, 9.0])\nprint(np.sum(np.sqrt(x)))\n",
        ),
    ],
)
def test_translates_r_idioms(r_source, python):
    assert body(r_source) == python


def test_imports_only_what_is_used_sorted_stdlib_first():
    code = translate('x <- gsub("a", "b", "aa")\ny <- c(1, 2)\nz <- pi\n').code
    assert code.startswith("import math\n\nimport numpy as np\n\n")
    assert "import re" not in code  # a literal pattern without regex characters: str.replace


def test_translation_is_stable_and_importing_it_needs_no_tensorflow():
    import subprocess
    import sys

    check = (
        "import sys, rkeras2py; rkeras2py.translate('x <- 1'); print('tensorflow' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert result.stdout.strip() == "False"
    source = "f <- function(a, b = 2) a * b\nprint(f(3))\n"
    assert translate(source).code == translate(source).code


# Imported first, each translator module must not meet a circular import: most import the
# modules they use at the top (an import inside a function costs a microsecond a call).
_IMPORTED_FIRST = """
import importlib, pkgutil, sys
import rkeras2py.grammar, rkeras2py.translator
names = [m.name for package in (rkeras2py.grammar, rkeras2py.translator)
         for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
for name in names:
    for loaded in [m for m in sys.modules if m.startswith("rkeras2py")]:
        del sys.modules[loaded]
    importlib.import_module(name)
    translator = importlib.import_module("rkeras2py.translator")
    source = "library(keras)\\nm <- keras_model_sequential() %>% layer_dense(2)\\n"
    code = translator.translate(source).code
    assert "keras.Sequential" in code, (name, code)
print(len(names))
"""


def test_every_translator_module_can_be_imported_first():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", _IMPORTED_FIRST], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 50


def test_comments_of_statements_that_become_no_python_are_kept():
    """`library(keras)` becomes nothing (the imports say it): its comments are not lost. A
    file's opening comments stay at the top, above the imports."""
    source = (
        "# Fit a model.\n# Second line.\nlibrary(keras)  # the R package\n\n"
        "x <- c(1, 2)\n# before tensorflow\nlibrary(tensorflow)\ny <- x\n"
        "f <- function() {\n  # inside\n  library(keras)\n}\nlibrary(tfdatasets)  # last\n"
    )
    assert translate(source).code == (
        "# Fit a model.\n# Second line.\n# the R package\n\n"
        "import numpy as np\n\n"
        "x = np.array([1.0, 2.0])\n# before tensorflow\ny = x\n\n\n"
        "def f():\n    # inside\n    pass\n\n\n# last\n"
    )
    assert translate("# only a comment\nlibrary(keras)\n").code == "# only a comment\n"
    assert translate("# h\nlibrary(keras)\nf <- function(a) a\n").code == (
        "# h\n\n\ndef f(a):\n    return a\n"
    )


def test_a_vector_picked_by_an_array_of_positions():
    """`classes[as.array(best)]`: R reads the array's positions column by column."""
    source = 'classes <- c("a", "b", "c")\nm <- matrix(c(3, 1), 1)\ny <- classes[m]\n'
    code = body(source)
    assert 'y = [classes[int(position) - 1] for position in np.ravel(m, order="F")]' in code
    # a logical array would be a mask in R: the assumption is said
    assert [d.code for d in translate(source).diagnostics] == ["RK201"]


def test_na_as_a_placeholder_is_nan_and_says_so():
    result = translate("x <- NA\nprint(is.na(x))\n")
    assert "x = math.nan" in result.code
    assert [d.code for d in result.diagnostics] == ["RK201"]
    assert "nan" in result.diagnostics[0].message


def test_backtick_names_become_identifiers_and_messages_stay_one_line():
    """`1x` is a valid R name; a backticked newline is one too (R's own parser says so)."""
    numbered = translate("`1x` <- 3\n`_a` <- 4\nprint(`1x` + `_a`)\n")
    assert numbered.code == "_1x = 3\n_a = 4\nprint(_1x + _a)\n"
    newline = translate("`\\n`\n")
    assert [d.message for d in newline.diagnostics] == [
        "unknown name '\\n': it is not defined in this file"
    ]
    assert "# rkeras2py RK101: unknown name '\\n'" in newline.code


def test_unlist_of_a_named_list_keeps_names_only_for_single_values():
    """R names a vector's pieces a1, a2: joined values where the elements are vectors, a
    dict where they are single values, and a warning where that is not known."""
    both = translate("x <- unlist(list(a = 1, b = 3))\n")
    assert both.code.endswith('x = {"a": 1, "b": 3}\n') and not both.diagnostics
    vectors = translate("x <- unlist(list(a = c(1, 2), b = 3))\nprint(sum(x))\n")
    assert "np.hstack(" in vectors.code and [d.code for d in vectors.diagnostics] == ["RK201"]
    unknown = translate("l <- list(a = c(1, 2), b = 3)\nx <- unlist(l)\n")
    assert [d.code for d in unknown.diagnostics] == ["RK201"]
    assert "single values" in unknown.diagnostics[0].message


def test_a_marker_shows_the_r_statement_as_written():
    """The `# R:` lines are the statement's own text: its spacing and inner comments, and
    only its part of a line shared with other statements (CRLF line ends too)."""
    source = "a <- 1; if (b  >  1) {\r\n  print(b)  # note\r\n} else 2; z <- 3\r\n"
    code = translate(source).code
    assert "# R: if (b  >  1) {\n# R:   print(b)  # note\n# R: } else 2\nraise" in code
    assert code.startswith("a = 1\n") and code.endswith("z = 3\n")


def test_an_empty_list_filled_by_name_in_a_nested_function_is_a_dict():
    source = 'x <- list()\nf <- function() {\n  y <- list()\n  g <- function() y[["k"]] <<- 1\n}\n'
    code = translate(source).code
    assert code.startswith("x = []\n") and "    y = {}\n" in code


def test_break_and_next_outside_a_loop_are_marked_not_written():
    """R stops with an error there (and Python would not compile the file): a marker, also
    in a function defined inside a loop, whose `next` cannot leave the caller's loop."""
    top = translate("break\n")
    assert [d.code for d in top.diagnostics] == [
        "RK102"
    ] and "raise NotImplementedError" in top.code
    nested = translate("for (i in 1:3) {\n  if (i > 1) break\n  f <- function() next\n}\n")
    assert [d.message for d in nested.diagnostics] == [
        "`next` outside a loop: R stops here with an error"
    ]
    assert "        break\n" in nested.code
    compile(nested.code, "<translation>", "exec")


def test_index_argument_names_are_ignored_as_r_ignores_them():
    """`[` takes `drop` (and `[[` `exact`) by name; R reads any other name as nothing."""
    code = translate(
        "x <- c(10, 20, 30)\nprint(x[i = 2])\nm <- matrix(1:6, 2)\nprint(m[j = 1, i = 3])\n"
        "print(x[a = ])\n"
    ).code
    assert "print(x[1])\n" in code and "print(m[0, 2])\n" in code and "print(x[:])\n" in code


def test_an_attribute_name_python_cannot_spell_is_read_with_getattr():
    code = translate("library(keras)\nm <- keras_model_sequential()\nprint(m$`a b`)\nm@.a\n").code
    assert 'print(getattr(m, "a b"))\n' in code and 'print(getattr(m, ".a"))\n' in code


def test_a_node_libcst_refuses_becomes_an_internal_error_marker(monkeypatch):
    """A bug that builds a node libcst refuses costs one statement, not the file."""
    import libcst as cst

    from rkeras2py.grammar import nodes as n
    from rkeras2py.translator.emitter import EXPRESSIONS

    def refused(emitter, node):
        raise cst.CSTValidationError("refused")

    monkeypatch.setitem(EXPRESSIONS, n.Str, refused)
    result = translate('x <- 1\ny <- "a"\nz <- 2\n')
    assert [d.code for d in result.diagnostics] == ["RK900"]
    assert result.code.startswith("x = 1\n") and result.code.endswith("z = 2\n")


def test_an_attribute_of_an_integer_literal_is_parenthesised():
    code = translate('print(1 @ "a")\n').code
    assert code == "print((1).a)\n"


def test_a_method_python_cannot_spell_is_called_through_getattr():
    code = translate("library(keras)\nm <- keras_model_sequential()\nm$.b()\n").code
    assert code.endswith('print(getattr(m, ".b")())\n')


def test_superassigning_a_name_the_function_also_binds_is_marked():
    """`x <<- v` in a function with its own x sets the outer x: Python cannot name both
    (`global x` beside a parameter x does not compile)."""
    result = translate("x <- 0\nf <- function(x) {\n  x <<- x + 1\n}\n")
    assert [d.code for d in result.diagnostics] == ["RK102"]
    assert "global" not in result.code
    compile(result.code, "<translation>", "exec")
    plain = translate("x <- 0\nf <- function() x <<- 5\n")
    assert "    global x\n    x = 5\n" in plain.code and not plain.diagnostics


def test_a_keyword_python_cannot_spell_is_passed_in_a_dict():
    code = translate(
        'library(keras3)\nx <- op_ones(c(2, 3))\ny <- op_rearrange(x, "a b -> b a", .a = 2)\n'
    ).code
    assert '**{".a": 2}' in code


def test_an_index_with_only_options_is_all_of_it():
    code = translate("x <- c(1, 2, 3)\nprint(x[drop = FALSE])\n").code
    assert code.endswith("print(x[:])\n")


@pytest.mark.parametrize(
    "loop",
    [
        "for (i in 1:4) {\n  if (i == 2) next\n  v[i] <- i\n}",  # a skipped step leaves NA
        "for (i in 1:3) {\n  if (i > 1) v[i] <- i\n}",  # not at every step
        "for (i in 2:4) v[i] <- i",  # does not start at the next position
        "for (i in 1:3) {\n  v[i] <- i\n  v[i] <- i + 1\n}",  # twice per step
        "for (i in 1:3) {\n  v[i] <- i\n  i <- i + 1\n}",  # the position is changed
    ],
)
def test_a_loop_that_may_not_grow_one_position_per_step_keeps_the_index(loop):
    """Only growth provably one position per step appends: R would leave NAs elsewhere;
    the indexed assignment is kept, with a warning that Python stops past the end."""
    result = translate(f"v <- numeric(0)\n{loop}\n")
    assert "v[i - 1] = " in result.code and "append" not in result.code
    assert any(
        d.code == "RK201" and "IndexError" in d.message and d.line >= 2 for d in result.diagnostics
    )


def test_a_vector_not_empty_before_the_loop_keeps_the_index():
    code = translate("v <- numeric(0)\nv <- c(v, 1)\nfor (i in 1:2) v[i] <- i\n").code
    assert "v[i - 1] = i" in code
    result = translate("v <- numeric(3)\nfor (i in 1:3) v[i] <- i\n")
    assert "v[i - 1] = i" in result.code and not result.diagnostics


def test_a_loop_growing_an_empty_vector_appends():
    code = translate("v <- numeric(0)\nfor (i in 1:3) v[i] <- i * 2\n").code
    assert "v = np.append(v, i * 2)" in code
    code = translate("v <- list()\nfor (i in seq_len(3)) v[[i]] <- i\n").code
    assert "v.append(i)" in code


def test_magrittr_dot_stands_for_the_piped_value_anywhere_on_the_right():
    """magrittr binds `.` to the piped value: `.[[1]]`, `{f(a, .)}` and `f(g(.))` (which
    still receives the value first)."""
    scope, printed = exec_translation(
        "v <- c(4, 1, 3, 2)\n"
        "l <- list(a = 1, b = 2)\n"
        "first <- v %>% .[[1]]\n"
        "picked <- v %>% .[2:3]\n"
        "ordered <- v %>% {sort(.)}\n"
        "twice <- v %>% {. * 2}\n"
        "half <- v %>% head(length(.) / 2)\n"
        "second <- l %>% .$b\n"
    )
    assert scope["first"] == 4 and list(scope["picked"]) == [1, 3]
    assert list(scope["ordered"]) == [1, 2, 3, 4] and list(scope["twice"]) == [8, 2, 6, 4]
    assert list(scope["half"]) == [4, 1] and scope["second"] == 2


def test_a_computed_piped_value_used_twice_is_marked_not_evaluated_twice():
    result = translate("v <- c(1, 2)\nw <- v %>% rev() %>% head(length(.) - 1)\n")
    assert [d.code for d in result.diagnostics] == ["RK102"]
    assert "more than once" in result.diagnostics[0].message


def test_an_operator_called_by_its_name_is_the_operator():
    scope, _ = exec_translation(
        "v <- c(2, 4)\nhalf <- v %>% `/`(2)\nthree <- `+`(1, 2)\nneg <- `-`(5)\n"
        "second <- `[`(v, 2)\nlt <- `<`(1, 2)\n"
    )
    assert list(scope["half"]) == [1, 2] and scope["three"] == 3 and scope["neg"] == -5
    assert scope["second"] == 4 and scope["lt"] is True


def test_a_namespaced_module_object_is_the_module():
    code = translate(
        "library(keras)\nm <- tensorflow::tf$keras$metrics$AUC()\nt <- tensorflow::tf\n"
    ).code
    assert "m = tf.keras.metrics.AUC()" in code and "t = tf\n" in code


def test_magrittr_assignment_pipe_assigns_the_result_back():
    scope, _ = exec_translation("x <- c(3, 1, 2)\nx %<>% sort()\ny <- c(1, 4)\ny %<>% sqrt\n")
    assert list(scope["x"]) == [1, 2, 3] and list(scope["y"]) == [1, 2]


@pytest.mark.parametrize(
    "body",
    [
        "x <- sort(x)\n  x",  # R sorts the file's x into a new local x
        "print(x)\n  x <- 1\n  x",
        "for (k in 1:2) {\n    if (k > x) x <- k\n  }\n  x",  # the first step reads the outer x
        "x %<>% sort()\n  x",
    ],
)
def test_an_outer_name_read_before_the_function_binds_its_own_is_marked(body):
    """Python would raise UnboundLocalError: one function cannot read an outer x and have
    its own."""
    result = translate(f"x <- c(3, 1, 2)\nf <- function() {{\n  {body}\n}}\n")
    assert [d.code for d in result.diagnostics] == ["RK102"]
    assert "UnboundLocalError" in result.diagnostics[0].message


@pytest.mark.parametrize(
    "body",
    [
        "x <- 1\n  print(x)\n  x",  # bound before it is read
        "for (x in 1:3) print(x)\n  x",  # the loop binds it before its body runs
        "g <- function() x\n  x <- 2\n  g()",  # a nested function reads when called
        "y <- x + 1\n  y",  # only read: the outer x
    ],
)
def test_an_outer_name_the_function_does_not_shadow_first_is_translated(body):
    result = translate(f"x <- c(3, 1, 2)\nf <- function() {{\n  {body}\n}}\n")
    assert not result.diagnostics, [d.format() for d in result.diagnostics]


def test_a_trailing_comma_in_a_call_is_ignored():
    """keras3's examples write `fit(x = x, ..., validation_data = v, )`: the `...` of R
    keras's functions ignore the empty argument."""
    result = translate(
        "library(keras3)\nm <- keras_model_sequential(input_shape = 2) |> layer_dense(1, )\n"
        'm |> compile(loss = "mse", optimizer = "sgd", )\nf <- function(a, b = 2) a + b\n'
        "y <- f(1, )\n"
    )
    assert not result.diagnostics, [d.format() for d in result.diagnostics]
    assert "keras.layers.Dense(1)" in result.code and "y = f(1)" in result.code
    result = translate("f <- function(a, b, c) a\ny <- f(1, , 3)\n")
    assert [d.code for d in result.diagnostics] == ["RK103"]  # an empty one inside stays


def test_r_options_are_dropped_with_a_warning():
    result = translate("options(timeout = 600)\nx <- 1\n")
    assert result.code.strip() == "x = 1"
    assert [d.code for d in result.diagnostics] == ["RK211"]
    assert not result.has_errors


def test_setting_a_tensorflow_variable_in_the_program_warns_that_it_comes_too_late():
    """R loads TensorFlow at its first use; the translated program imports it first."""
    result = translate("library(keras)\nSys.setenv(TF_CPP_MIN_LOG_LEVEL = 2, OTHER = 'x')\n")
    assert [d.code for d in result.diagnostics] == ["RK201"]
    assert 'os.environ["TF_CPP_MIN_LOG_LEVEL"] = str(2)' in result.code


def test_appends_and_writes_by_name_in_a_loop_are_not_warned_about():
    """`x[[length(x) + 1]] <- v` appends; a name is not a position past the end."""
    result = translate(
        "x <- list()\nfor (i in 1:3) x[[length(x) + 1]] <- i\n"
        "y <- list()\nfor (k in c('a', 'b')) y[[k]] <- 1\n"
    )
    assert "x.append(i)" in result.code
    assert not [d for d in result.diagnostics if d.code == "RK201"]
    # a list filled by names held in a variable cannot be a Python list: marked
    assert [d.code for d in result.diagnostics] == ["RK102"]
    assert "names held in a variable" in result.diagnostics[0].message
