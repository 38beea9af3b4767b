"""Parse speed and import cost, printed as ratios (run on demand: `python benchmarks/parse.py`).

- parse throughput in lines/s on a generated 10,000-line R file, and the ratio to CPython's
  `ast.parse` on a Python file with the same statements;
- `import rkeras2py` time as a ratio to `import lark, libcst`, each in a fresh interpreter;
- that importing rkeras2py imports no TensorFlow.

Aims (issue 2): at least 25,000 lines/s; import within 1.2x of lark + libcst.
"""

from __future__ import annotations

import ast
import random
import statistics
import subprocess
import sys
import time

# (R statement, the same statement in Python) pairs the generated files are made of.
STATEMENTS = [
    ("x{i} <- c(1, 2, 3) * {i} + mean(y[-1])", "x{i} = np.array([1, 2, 3]) * {i} + np.mean(y[1:])"),
    (
        'model <- keras_model_sequential() %>% layer_dense(units = {i}, activation = "relu")',
        'model = keras.Sequential([layers.Dense(units={i}, activation="relu")])',
    ),
    (
        'if (z > {i} && !is.null(y)) {{\n  print(z)\n}} else {{\n  cat("no\\n")\n}}',
        'if z > {i} and y is not None:\n    print(z)\nelse:\n    print("no")',
    ),
    (
        "f{i} <- function(a, b = 2, ...) {{\n  a + b * 2\n}}",
        "def f{i}(a, b=2, *args):\n    return a + b * 2",
    ),
    (
        "for (j in seq_len(10)) total <- total + j^2",
        "for j in range(1, 11):\n    total = total + j**2",
    ),
    (
        "res <- lapply(items, \\(v) v$name)  # comment {i}",
        "res = [v.name for v in items]  # comment {i}",
    ),
    ("m[1, ] <- rnorm(10, mean = 0, sd = 1)", "m[0, :] = rng.normal(0, 1, size=10)"),
    ("history$metrics$loss[[{i}]] <- 0.5 * {i}L", 'history["metrics"]["loss"][{i}] = 0.5 * {i}'),
]


def generate(lines: int, seed: int = 1) -> tuple[str, str]:
    """An R file of about `lines` lines and the Python file with the same statements."""
    rng = random.Random(seed)
    r_parts, py_parts, count = [], [], 0
    i = 0
    while count < lines:
        r_text, py_text = rng.choice(STATEMENTS)
        r_parts.append(r_text.format(i=i))
        py_parts.append(py_text.format(i=i))
        count += r_text.count("\n") + 1
        i += 1
    return "\n".join(r_parts) + "\n", "\n".join(py_parts) + "\n"


def best_of(repeats: int, action) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def import_time(statement: str, repeats: int = 7) -> float:
    """Median wall time of a fresh interpreter running `statement`."""
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    import rkeras2py

    r_source, py_source = generate(10_000)
    n_lines = r_source.count("\n")
    rkeras2py.parse("x <- 1")  # build or load the tables before timing
    ours = best_of(3, lambda: rkeras2py.parse(r_source, "bench.R"))
    cpython = best_of(3, lambda: ast.parse(py_source))
    print(f"parse: {n_lines} lines in {ours:.3f}s = {n_lines / ours:,.0f} lines/s (aim >= 25,000)")
    print(f"parse: ast.parse of the same statements in Python: {cpython:.3f}s")
    print(f"parse: ratio rkeras2py / ast.parse = {ours / cpython:.1f}x")

    floor = import_time("import lark, libcst")
    ours_import = import_time("import rkeras2py; rkeras2py.parse('x')")
    bare = import_time("import rkeras2py")
    print(
        f"import: lark + libcst {floor * 1000:.0f} ms; rkeras2py {bare * 1000:.0f} ms "
        f"(ratio {bare / floor:.2f}x, aim <= 1.2x); with a first parse {ours_import * 1000:.0f} ms"
    )
    check = "import sys, rkeras2py; rkeras2py.parse('x'); print('tensorflow' in sys.modules)"
    leaked = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True).stdout
    print(f"import: TensorFlow imported by rkeras2py: {leaked.strip()}")


if __name__ == "__main__":
    main()
