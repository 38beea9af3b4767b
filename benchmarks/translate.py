"""Translation speed, start-up, memory and parallel speed-up, printed as ratios
(run on demand: `python benchmarks/translate.py`).

- translation throughput on a generated 10,000-line R file: lines/s, and the time as a ratio
  to CPython's `ast.parse` of the Python it produces;
- CLI start-up on a 100-line file as a ratio to `python -c "import lark, libcst"`;
- peak memory (resident set) of the CLI translating the 10,000-line file;
- `-j 2` speed-up over `-j 1` on a tree of 200 files as long as R keras's own example
  scripts (the target), and on 200 files of 50 lines: the median of five pairs of runs,
  with the range, and the most two workers could give when the start-up stays serial.

Aims (issue 6): within 20x of `ast.parse` and at least 10,000 lines/s; start-up within 1.3x
of the import floor; under 300 MB; `-j 2` at least 1.7x.
"""

from __future__ import annotations

import ast
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from parse import generate  # noqa: E402

from rkeras2py.translator import translate  # noqa: E402

# Names the generated statements use, so the translation is not all markers.
PRELUDE = """library(keras)
y <- c(1, 2, 3)
z <- 1
items <- list()
m <- matrix(0, 3, 10)
total <- 0
history <- list(metrics = list(loss = c(0.1)))
"""

# Line counts of the example scripts of R keras 2.15 (rstudio/keras, tag v2.15.0,
# vignettes/examples/*.R; the eleven 1-4 line "moved elsewhere" stubs left out): median 163
# lines. A tree of R files users translate looks like these, not like 50-line snippets.
KERAS_EXAMPLE_LINES = [
    64, 67, 69, 72, 76, 79, 83, 83, 87, 87, 91, 99, 101, 109, 118, 119, 121, 125, 135, 135,
    138, 163, 168, 178, 203, 204, 224, 228, 232, 233, 238, 258, 269, 308, 313, 333, 349, 417,
    426, 438, 443, 480, 549,
]  # fmt: skip


def best_of(repeats: int, action) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def cli_seconds(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "rkeras2py.cli", *args], capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    r_source = PRELUDE + generate(10_000)[0]
    lines = r_source.count("\n")
    translate(r_source)  # warm the parser tables and imports
    seconds = best_of(5, lambda: translate(r_source))
    code = translate(r_source).code
    parse_seconds = best_of(5, lambda: ast.parse(code))
    print(f"translate: {lines / seconds:,.0f} lines/s; {seconds / parse_seconds:.1f}x ast.parse")

    # An installed package has its bytecode compiled (pip does it); so does the import floor.
    package = Path(__file__).resolve().parents[1] / "rkeras2py"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp, "small.R")
        small.write_text(PRELUDE + generate(100)[0], encoding="utf-8")
        big = Path(tmp, "big.R")
        big.write_text(r_source, encoding="utf-8")
        # best of ten, interleaved: the least disturbed run of each (as timeit reports)
        floor_runs, startup_runs = [], []
        for _ in range(10):
            floor_runs.append(
                best_of(1, lambda: subprocess.run([sys.executable, "-c", "import lark, libcst"]))
            )
            startup_runs.append(cli_seconds(str(small), "-o", str(Path(tmp, "small.py"))))
        floor, startup = min(floor_runs), min(startup_runs)
        print(f"start-up: {startup:.2f} s; {startup / floor:.2f}x `import lark, libcst`")

        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        cli_seconds(str(big), "-o", str(Path(tmp, "big.py")))
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(f"peak memory, 10,000 lines: {max(peak, before) / 1024:.0f} MB")

        realistic = [KERAS_EXAMPLE_LINES[n % len(KERAS_EXAMPLE_LINES)] for n in range(200)]
        for label, sizes in (
            ("200 files as long as R keras's examples", realistic),
            ("200 files of 50 lines", [50] * 200),
        ):
            print(f"-j 2 on {label}: {parallel_speed_up(Path(tmp), sizes, startup)}")


def parallel_speed_up(tmp: Path, sizes: list[int], startup: float) -> str:
    """`-j 1` and `-j 2` times on a tree of files of these lengths, their ratio and its bound."""
    tree = tmp / f"tree{sum(sizes)}"
    for number, size in enumerate(sizes):
        folder = tree / f"part{number % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        text = PRELUDE + generate(size - PRELUDE.count("\n"), seed=number)[0]
        (folder / f"script{number}.R").write_text(text, encoding="utf-8")

    def translate_tree(workers: str) -> float:
        out = tmp / f"out{sum(sizes)}-{workers}"
        return cli_seconds(str(tree), "--out-dir", str(out), "-j", workers, "--quiet")

    # Pairs run back to back, so that a slow spell of the machine meets both runs of a pair;
    # the median pair's ratio (a run on two cores is the likelier to be disturbed, so the
    # two fastest runs need not be a fair pair).
    runs = [(translate_tree("1"), translate_tree("2")) for _ in range(5)]
    ratios = sorted(one / two for one, two in runs)
    one, two = (statistics.median(times) for times in zip(*runs))
    # Start-up (interpreter, imports, tables) happens once, before the workers fork: it
    # bounds what two workers can give (Amdahl), more so the shorter the files.
    bound = one / (startup + (one - startup) / 2)
    return (
        f"{one:.1f} s -> {two:.1f} s; {statistics.median(ratios):.2f}x "
        f"(pairs {ratios[0]:.2f}-{ratios[-1]:.2f}x; "
        f"the {startup:.2f} s start-up is serial: at most {bound:.2f}x)"
    )


if __name__ == "__main__":
    main()
