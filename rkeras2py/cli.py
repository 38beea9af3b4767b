"""The `rkeras2py` command: translate R scripts and R Markdown / Quarto documents.

Exit codes: 0 success; 1 R that cannot be parsed or translated (or, with --strict, that
has warnings), `--check` differences, or an internal error; 2 usage or I/O errors.
Diagnostics go to stderr as `path:line:col: CODE message` with the source line and a
caret, in colour only on a terminal; no Python traceback reaches the user.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from . import __version__
from .config import FORMATS, Config, ConfigError
from .errors import RSyntaxError
from .files import (
    is_document,
    is_excluded,
    is_source,
    read_if_exists,
    read_text,
    same_file,
    walk,
    write_atomically,
)

EXAMPLES = """\
examples:
  rkeras2py model.R                     print the Python translation
  rkeras2py model.R -o model.py         write it to a file
  cat model.R | rkeras2py -             read R from stdin
  rkeras2py report.Rmd                  write report.ipynb (a Jupyter notebook)
  rkeras2py report.Rmd --to qmd         print a Quarto document with Python chunks
  rkeras2py src/ --out-dir py/          translate a tree (.R .r .Rmd .qmd), mirrored
  rkeras2py src/                        write each translation beside its source
  rkeras2py src/ --check --diff         write nothing; show and fail on differences
  rkeras2py --dump-ast model.R          show the parsed R syntax tree

exit codes: 0 success, 1 translation errors or --check differences, 2 usage or I/O errors
settings: [tool.rkeras2py] in the nearest pyproject.toml (strict, exclude, out-dir, to,
          python-name, notebook-name, quarto-name); flags override them
"""


class UsageError(Exception):
    """A problem with the command line or the files it names (exit code 2)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rkeras2py",
        description="Translate R keras / tensorflow / tfdatasets code into tf.keras Python.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="R files (.R .r), R Markdown / Quarto documents (.Rmd .qmd), directories, "
        "or - for R on standard input",
    )
    out = parser.add_argument_group("where the translations go")
    out.add_argument("-o", "--output", help="write the one input's translation here")
    out.add_argument(
        "--out-dir", help="write translations under this directory, mirroring the inputs"
    )
    out.add_argument(
        "--twin",
        action="store_true",
        help="write each translation beside its source (model.R -> model.py), even for "
        "one file (directories and several files do this without --out-dir)",
    )
    out.add_argument(
        "--to",
        choices=FORMATS,
        help="what R Markdown / Quarto documents become (default: ipynb)",
    )
    mode = parser.add_argument_group("what to do")
    mode.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if an output is missing or differs from a fresh translation",
    )
    mode.add_argument(
        "--diff", action="store_true", help="write nothing; show the unified diff of each output"
    )
    mode.add_argument(
        "--lint",
        action="store_true",
        help="write nothing and ignore existing outputs; only report what cannot be translated",
    )
    mode.add_argument("--strict", action="store_true", help="treat warnings as errors")
    mode.add_argument(
        "--exit-non-zero-on-write",
        action="store_true",
        help="exit 1 when an output was written or changed (for pre-commit)",
    )
    mode.add_argument(
        "--dump-ast", action="store_true", help="print the parsed R syntax tree instead"
    )
    run = parser.add_argument_group("running")
    run.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="translate N files in parallel (default: all cores)",
    )
    run.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip files and directories matching GLOB (adds to the configured excludes)",
    )
    run.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply the excludes to files named on the command line too",
    )
    run.add_argument("--config", metavar="PYPROJECT", help="read settings from this file")
    run.add_argument("--no-config", action="store_true", help="ignore pyproject.toml settings")
    run.add_argument(
        "-q", "--quiet", action="store_true", help="report errors only: no warnings or summary"
    )
    parser.add_argument("--version", action="version", version=f"rkeras2py {__version__}")
    return parser


# --- one file ------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """One input and where its translation goes (None: standard output)."""

    source: str  # a path, or "-" for standard input
    output: str | None
    to: str  # "py", "ipynb" or "qmd"
    text: str | None = None  # the input, when it came from standard input


@dataclass(frozen=True)
class Settings:
    mode: str  # "write", "check", "diff", "lint" or "stdout"
    strict: bool = False
    diff: bool = False


@dataclass
class Finding:
    """Something to tell the user about a file, shown as `path:line:col: message`."""

    severity: str  # "error", "warning" or "note"
    filename: str
    message: str
    line: int | None = None
    column: int | None = None
    source_line: str = ""


@dataclass
class Outcome:
    job: Job
    # translated, written, unchanged, would-write, failed (translation), io-error
    status: str
    findings: list[Finding] = field(default_factory=list)
    text: str | None = None
    diff: str = ""


def _display(name: str) -> str:
    return "<stdin>" if name == "-" else name


def _translate(job: Job, source: str, strict: bool) -> tuple[str | None, list[Finding], bool]:
    """The translation, what to report about it, and whether it failed."""
    filename = _display(job.source)
    lines = source.splitlines()
    findings: list[Finding] = []
    try:
        if job.to == "py":
            from .translator import translate

            result = translate(source, filename)
            notes = []
        else:
            from .notebook import translate_document

            result = translate_document(source, filename, job.to)
            notes = result.notes
    except RSyntaxError as error:
        finding = Finding(
            "error",
            error.filename or filename,
            error.msg,
            error.lineno or 1,
            error.offset or 1,
            error.text or "",
        )
        return None, [finding], True
    except RecursionError:
        message = "internal error in rkeras2py: the R is nested too deeply to translate"
        return None, [Finding("error", filename, message)], True
    except Exception as error:  # a bug of ours: say which file, and go on with the others
        message = f"internal error in rkeras2py: {type(error).__name__}: {error} (please report it)"
        return None, [Finding("error", filename, message)], True
    for diagnostic in result.diagnostics:
        text = lines[diagnostic.line - 1] if 0 < diagnostic.line <= len(lines) else ""
        findings.append(
            Finding(
                "error" if diagnostic.is_error or strict else "warning",
                diagnostic.filename,
                f"{diagnostic.code} {diagnostic.message}",
                diagnostic.line,
                diagnostic.column,
                text,
            )
        )
    for note in notes:
        text = lines[note.line - 1] if 0 < note.line <= len(lines) else ""
        findings.append(Finding("note", filename, note.message, note.line, note.column, text))
    failed = result.has_errors or (strict and bool(result.diagnostics))
    return result.code if job.to == "py" else result.text, findings, failed


def process(job: Job, settings: Settings) -> Outcome:
    """Translate one input and write, compare or return its translation; never raises."""
    try:
        return _process(job, settings)
    except Exception as error:  # a bug of ours: this file fails, the others go on
        message = f"internal error in rkeras2py: {type(error).__name__}: {error} (please report it)"
        return Outcome(job, "failed", [Finding("error", _display(job.source), message)])


def _process(job: Job, settings: Settings) -> Outcome:
    if job.text is not None:
        source = job.text
    else:
        try:
            source = read_text(Path(job.source))
        except (OSError, UnicodeDecodeError) as error:
            return Outcome(job, "io-error", [_io_finding(job.source, "cannot read", error)])
    text, findings, failed = _translate(job, source, settings.strict)
    if settings.mode in ("stdout", "lint"):
        return Outcome(job, "failed" if failed else "translated", findings, text)
    if failed or text is None:
        return Outcome(job, "failed", findings)
    assert job.output is not None
    target = Path(job.output)
    try:
        existing = read_if_exists(target)
    except (OSError, UnicodeDecodeError) as error:
        if settings.mode == "write":
            existing = None  # writing will replace it, or say why it cannot
        else:
            return Outcome(
                job, "io-error", [*findings, _io_finding(job.output, "cannot read", error)]
            )
    if existing == text:
        return Outcome(job, "unchanged", findings)
    if settings.mode in ("check", "diff"):
        diff = ""
        if settings.diff:
            import difflib  # only --diff needs it

            diff = "".join(
                difflib.unified_diff(
                    (existing or "").splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    fromfile=job.output if existing is not None else "/dev/null",
                    tofile=job.output,
                )
            )
        return Outcome(job, "would-write", findings, diff=diff)
    try:
        write_atomically(target, text)
    except OSError as error:
        return Outcome(job, "io-error", [*findings, _io_finding(job.output, "cannot write", error)])
    return Outcome(job, "written", findings)


def _io_finding(path: str, what: str, error: Exception) -> Finding:
    reason = getattr(error, "strerror", None) or str(error)
    return Finding("error", path, f"{what}: {reason}")


# --- planning ------------------------------------------------------------------------


def _load_config(args: argparse.Namespace) -> Config:
    from . import config

    if args.no_config:
        return Config()
    if args.config:
        return config.load(Path(args.config))
    start = next((Path(name) for name in args.inputs if name != "-"), Path.cwd())
    return config.discover(start if start.exists() else Path.cwd())


def _relative_to_cwd(path: Path) -> Path:
    try:
        return path.resolve().parent.relative_to(Path.cwd().resolve())
    except ValueError:
        return Path()


def plan(args: argparse.Namespace, config: Config) -> tuple[list[Job], list[Finding]]:
    """The jobs of this run, and the problems with its inputs and outputs (exit code 2)."""
    if not args.inputs:
        raise UsageError("no input: name R files, documents or directories, or - for stdin")
    if "-" in args.inputs and len(args.inputs) > 1:
        raise UsageError("- (standard input) cannot be combined with other inputs")
    single = len(args.inputs) == 1 and not Path(args.inputs[0]).is_dir()
    if args.output and not single:
        raise UsageError("-o/--output takes one input file; use --out-dir for several")
    if args.output and args.out_dir:
        raise UsageError("-o/--output and --out-dir cannot be used together")
    out_dir = Path(args.out_dir) if args.out_dir else config.out_dir
    to = args.to or config.to
    excludes = [*config.exclude, *args.exclude]
    roots = [config.root] if config.root else []
    writes = not args.lint

    if args.inputs == ["-"]:
        if writes and args.mode != "write" and not args.output:
            raise UsageError(f"--{args.mode} needs -o/--output when reading standard input")
        text = sys.stdin.read()
        return [Job("-", args.output, "py", text)], []

    problems: list[Finding] = []
    sources: list[tuple[Path, Path | None]] = []  # (file, the directory it was found under)
    for name in args.inputs:
        path = Path(name)
        if path.is_dir():
            skip = [out_dir] if out_dir else []
            found = walk(path, excludes, roots, skip)
            sources += [(file, path) for file in found if _worth_walking(file)]
        elif path.is_file() or path.is_symlink():
            if args.force_exclude and is_excluded(path, excludes, [Path.cwd(), *roots]):
                continue
            if not is_source(path) and not single:
                problems.append(
                    Finding("error", name, "not an R script, R Markdown or Quarto file")
                )
                continue
            sources.append((path, None))
        else:
            problems.append(Finding("error", name, "cannot read: No such file or directory"))

    jobs: list[Job] = []
    targets: dict[Path, str] = {}
    for file, base in sources:
        kind = to if is_document(file) else "py"
        name = config.output_name(file.stem, kind)
        if not writes:
            output = None
        elif args.output:
            output = Path(args.output)
        elif out_dir:
            relative = file.parent.relative_to(base) if base else _relative_to_cwd(file)
            output = out_dir / relative / name
        elif single and not args.twin and args.mode == "write" and kind != "ipynb":
            output = None  # standard output
        else:
            output = file.parent / name
        if output is not None:
            if same_file(file, output):
                problems.append(
                    Finding("error", str(output), "refusing to write over the input file")
                )
                continue
            key = output.resolve()
            if key in targets:
                problems.append(
                    Finding(
                        "error",
                        str(file),
                        f"skipped: {targets[key]} is already translated to {output}",
                    )
                )
                continue
            targets[key] = str(file)
        jobs.append(Job(str(file), str(output) if output else None, kind))
    return jobs, problems


def _worth_walking(path: Path) -> bool:
    """A .qmd found in a tree is an input only if it has R chunks (not a Python output)."""
    if path.suffix != ".qmd":
        return True
    try:
        text = read_text(path)
    except (OSError, UnicodeDecodeError):
        return True
    from .notebook import parse_document

    return any(getattr(part, "is_r", False) for part in parse_document(text).parts)


# --- reporting -----------------------------------------------------------------------


class Reporter:
    """Writes findings to stderr (in colour on a terminal) and draws the progress bar."""

    COLOURS = {"error": "31", "warning": "33", "note": "36"}

    def __init__(self, quiet: bool, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.colour = _wants_colour(self.stream)
        self.tty = _isatty(self.stream)
        self.started = time.monotonic()
        self.bar_shown = False

    def paint(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.colour else text

    def finding(self, finding: Finding) -> None:
        if self.quiet and finding.severity != "error":
            return
        self.clear()
        if finding.line is None:
            location = self.paint(f"{finding.filename}:", "1")
            text = f"{location} {finding.message}"
        else:
            location = self.paint(f"{finding.filename}:{finding.line}:{finding.column}:", "1")
            code, _, rest = finding.message.partition(" ")
            if code[:2] == "RK" and code[2:].isdigit():
                message = f"{self.paint(code, '1;' + self.COLOURS[finding.severity])} {rest}"
            elif finding.severity == "note":
                message = f"{self.paint('note:', self.COLOURS['note'])} {finding.message}"
            else:
                message = finding.message
            source = finding.source_line.rstrip("\r\n").expandtabs(1)
            caret = " " * max(finding.column - 1, 0) + "^"
            caret = self.paint(caret, self.COLOURS[finding.severity])
            text = f"{location} {message}\n{source}\n{caret}"
        print(text, file=self.stream)

    def progress(self, done: int, total: int, name: str) -> None:
        if self.quiet or not self.tty or total < 2:
            return
        if not self.bar_shown and time.monotonic() - self.started < 0.5:
            return
        width = 30
        filled = width * done // total
        bar = "#" * filled + "-" * (width - filled)
        label = name if len(name) < 40 else "..." + name[-37:]
        self.stream.write(f"\r\033[K[{bar}] {done}/{total} {label}")
        self.stream.flush()
        self.bar_shown = True

    def clear(self) -> None:
        if self.bar_shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.bar_shown = False

    def summary(self, text: str) -> None:
        self.clear()
        if not self.quiet and text:
            print(f"rkeras2py: {text}", file=self.stream)


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _wants_colour(stream) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return _isatty(stream) and os.environ.get("TERM") != "dumb"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _summary(outcomes: list[Outcome], mode: str) -> str:
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    written = [o for o in outcomes if o.status == "written"]
    if len(outcomes) == 1 and len(written) == 1:
        return f"wrote {written[0].job.output}"
    parts = []
    labels = [
        ("written", "written"),
        ("would-write", "would be written" if mode == "check" else "would change"),
        ("unchanged", "unchanged"),
        ("translated", "translated"),
        ("failed", "failed"),
        ("io-error", "unreadable or unwritable"),
    ]
    for status, label in labels:
        if counts.get(status):
            parts.append(f"{_plural(counts[status], 'file')} {label}")
    if len(outcomes) < 2 and not (mode == "check" and counts.get("would-write")):
        return ""
    return ", ".join(parts)


# --- running -------------------------------------------------------------------------


def _warm_up() -> None:
    """Build what every translation needs once, before the worker processes fork.

    Only the keras 2.x registry (the default, which every file consults for keras3-only
    names) is built here: a worker that meets a keras3 file builds that registry itself,
    in parallel, instead of the main process making every run wait for it. The collector
    then freezes what exists, so that its passes in the workers neither walk nor copy the
    pages of the tables they share with the main process.
    """
    from .grammar.parser import get_parser
    from .translator import _keras3_only, registry

    get_parser()
    registry()
    _keras3_only()
    gc.freeze()


def _results(jobs: list[Job], settings: Settings, workers: int):
    """Each job's outcome, in order; files are translated in parallel when there are several."""
    if len(jobs) < 2 or workers < 2:
        for job in jobs:
            yield process(job, settings)
        return
    from concurrent.futures import ProcessPoolExecutor  # here: one file needs no pool
    from concurrent.futures.process import BrokenProcessPool

    _warm_up()  # forked workers start with the parser and the registry built
    workers = min(workers, len(jobs))
    # Longest files first, in small chunks: the last files handed out are the shortest, so
    # the workers finish close together. Outcomes are still given in input order.
    longest_first = sorted(range(len(jobs)), key=lambda index: -_input_size(jobs[index]))
    chunk = max(1, len(jobs) // (workers * 24))
    finished: dict[int, Outcome] = {}
    given = 0
    with ProcessPoolExecutor(max_workers=workers) as executor:
        ordered = [jobs[index] for index in longest_first]
        outcomes = executor.map(process, ordered, repeat(settings), chunksize=chunk)
        try:
            for index, outcome in zip(longest_first, outcomes):
                finished[index] = outcome
                while given in finished:
                    yield finished.pop(given)
                    given += 1
        except (BrokenProcessPool, OSError):
            for index in range(given, len(jobs)):
                if index in finished:
                    yield finished.pop(index)
                    continue
                lost = jobs[index]
                message = "internal error in rkeras2py: the worker translating it stopped"
                yield Outcome(lost, "failed", [Finding("error", lost.source, message)])


def _input_size(job: Job) -> int:
    """How long the input is, to schedule the work (0 when it cannot be told)."""
    if job.text is not None:
        return len(job.text)
    try:
        return os.stat(job.source).st_size
    except OSError:
        return 0


def _dump_ast(args: argparse.Namespace) -> int:
    if len(args.inputs) != 1:
        raise UsageError("--dump-ast takes one input")
    name = args.inputs[0]
    if args.output and name != "-" and same_file(Path(name), Path(args.output)):
        raise UsageError(f"{args.output}: refusing to write over the input file")
    if name == "-":
        source, filename = sys.stdin.read(), "<stdin>"
    else:
        try:
            source, filename = read_text(Path(name)), name
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"{name}: cannot read: {_reason(error)}") from None
    from .grammar.parser import parse
    from .grammar.walk import dump

    text = dump(parse(source, filename)) + "\n"
    if args.output:
        try:
            write_atomically(Path(args.output), text)
        except OSError as error:
            raise UsageError(f"{args.output}: cannot write: {_reason(error)}") from None
    else:
        sys.stdout.write(text)
    return 0


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)


def run(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if sum((args.check, args.lint, args.dump_ast)) > 1:
        raise UsageError("--check, --lint and --dump-ast cannot be combined")
    if args.jobs < 0:
        raise UsageError("-j/--jobs must be 0 (all cores) or more")
    if args.dump_ast:
        return _dump_ast(args)
    try:
        config = _load_config(args)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    args.mode = "lint" if args.lint else "check" if args.check else "diff" if args.diff else "write"
    jobs, problems = plan(args, config)
    strict = args.strict or config.strict
    reporter = Reporter(args.quiet)
    for problem in problems:
        reporter.finding(problem)
    stdout_jobs = [job for job in jobs if job.output is None and args.mode == "write"]
    mode = "stdout" if stdout_jobs else args.mode
    settings = Settings(mode, strict, args.diff)
    workers = args.jobs or os.cpu_count() or 1
    outcomes: list[Outcome] = []
    for done, outcome in enumerate(_results(jobs, settings, workers), start=1):
        outcomes.append(outcome)
        for finding in outcome.findings:
            reporter.finding(finding)
        if mode == "stdout" and outcome.text is not None:
            sys.stdout.write(outcome.text)
            sys.stdout.flush()
        if outcome.diff:
            reporter.clear()
            sys.stdout.write(outcome.diff)
            sys.stdout.flush()
        if outcome.status == "would-write" and args.check and not args.quiet:
            reporter.clear()
            print(f"would write {outcome.job.output}", file=reporter.stream)
        reporter.progress(done, len(jobs), outcome.job.source)
    if mode not in ("stdout",):
        reporter.summary(_summary(outcomes, args.mode))
    else:
        reporter.clear()
    statuses = {outcome.status for outcome in outcomes}
    if problems or "io-error" in statuses:
        return 2
    if "failed" in statuses:
        return 1
    if args.check and "would-write" in statuses:
        return 1
    if args.exit_non_zero_on_write and "written" in statuses:
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """Console entry point: run, and turn every failure into a message and an exit code."""
    try:
        return run(argv)
    except RSyntaxError as error:
        print(error, file=sys.stderr)
        return 1
    except UsageError as error:
        print(f"rkeras2py: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    except Exception as error:  # a bug of ours: say so plainly, never with a traceback
        print(f"rkeras2py: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
