"""The exceptions rkeras2py raises, and the one way a source position is shown to a person."""

from __future__ import annotations


def one_line(text: str) -> str:
    """`text` with its unprintable characters escaped: a message quoting an R name in
    backticks (which may hold a newline) stays one line, on stderr and as a comment."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def format_location(filename: str, line: int, column: int, message: str, source_line: str) -> str:
    """`path:line:col: message`, then the source line and a caret under the column."""
    text = source_line.rstrip("\r\n").expandtabs(1)
    caret = " " * max(column - 1, 0) + "^"
    return f"{filename}:{line}:{column}: {message}\n{text}\n{caret}"


class RSyntaxError(SyntaxError):
    """R source that R itself would not parse.

    `lineno` and `offset` are 1-based; `lineno` is the line R reports for the same error.
    `str()` gives `path:line:col: message`, the offending line and a caret.
    """

    def __init__(
        self, message: str, filename: str, lineno: int, offset: int, source_line: str
    ) -> None:
        super().__init__(message, (filename, lineno, offset, source_line))

    def __str__(self) -> str:
        return format_location(
            self.filename or "<string>",
            self.lineno or 1,
            self.offset or 1,
            self.msg,
            self.text or "",
        )
