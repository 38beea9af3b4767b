"""The `rkeras2py` command: read R, write Python (or the parsed syntax tree).

Exit codes: 0 success, 1 the R could not be translated, 2 usage or I/O errors.
Diagnostics go to stderr as `path:line:col: message` with the source line and a caret;
no Python traceback reaches the user.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from . import __version__
from .errors import RSyntaxError

EXAMPLES = """\
examples:
  rkeras2py model.R                 print the Python translation
  rkeras2py model.R -o model.py     write it to a file
  cat model.R | rkeras2py -         read R from stdin
  rkeras2py --dump-ast model.R      show the parsed R syntax tree
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
    parser.add_argument("input", help="an R file, or - for standard input")
    parser.add_argument("-o", "--output", help="write here instead of standard output")
    parser.add_argument(
        "--dump-ast", action="store_true", help="print the parsed R syntax tree instead"
    )
    parser.add_argument("--version", action="version", version=f"rkeras2py {__version__}")
    return parser


def read_source(name: str) -> tuple[str, str]:
    """The text of the input and the name diagnostics use for it."""
    if name == "-":
        return sys.stdin.read(), "<stdin>"
    try:
        with open(name, encoding="utf-8", newline="") as handle:
            return handle.read(), name
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{name}: cannot read: {_reason(error)}") from None


def write_atomically(path: str, text: str) -> None:
    """Replace `path` with `text` in one step, so a failure never leaves half a file."""
    target = Path(path)
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=target.parent, prefix=f".{target.name}.", delete=False
        ) as handle:
            handle.write(text)
        os.replace(handle.name, target)
    except OSError as error:
        raise UsageError(f"{path}: cannot write: {_reason(error)}") from None


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)


def run(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.output and args.input != "-" and _same_file(args.input, args.output):
        raise UsageError(f"{args.output}: refusing to write over the input file")
    source, filename = read_source(args.input)
    if args.dump_ast:
        from .grammar.parser import parse
        from .grammar.walk import dump

        text = dump(parse(source, filename)) + "\n"
    else:
        from .translator import translate

        result = translate(source, filename)
        for diagnostic in result.diagnostics:
            print(diagnostic.format(source), file=sys.stderr)
        if result.has_errors:
            # The code still shows every untranslated statement as a marker, but a file
            # already at the output path is left as it was.
            if not args.output:
                sys.stdout.write(result.code)
            return 1
        text = result.code
    if args.output:
        write_atomically(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


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
    except Exception as error:  # a bug of ours: say so plainly, never with a traceback
        name = (argv or sys.argv[1:] or ["<input>"])[0]
        print(
            f"{name}: internal error in rkeras2py: {type(error).__name__}: {error}", file=sys.stderr
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
