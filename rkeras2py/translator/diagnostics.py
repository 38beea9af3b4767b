"""Diagnostic codes, and how a diagnostic is shown: `path:line:col: CODE message`.

Every code has a stable identifier, a severity and a one-line meaning; `docs/diagnostics.md`
lists them with an example and what to do. Errors mean the output does not compute what the
R computed at that place (the statement is replaced by a marker that raises
`NotImplementedError` if reached); warnings mean it does, with a caveat worth reading.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..errors import format_location, one_line


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    title: str
    example: str
    advice: str


_CODES = [
    Code(
        "RK101",
        Severity.ERROR,
        "unknown function: no mapping to Python",
        "y <- my_package_function(x)",
        "Define the function in R in the same file, or translate that call by hand.",
    ),
    Code(
        "RK102",
        Severity.ERROR,
        "unsupported R construct",
        'eval(parse(text = "x + 1"))',
        "Rewrite the code without environments, eval(parse()), assign()/get() of computed "
        "names or non-standard evaluation; the marker shows where.",
    ),
    Code(
        "RK103",
        Severity.ERROR,
        "argument the R function does not take, or cannot be translated",
        "seq(1, 10, foo = 2)",
        "Check the argument against the R documentation of the function.",
    ),
    Code(
        "RK104",
        Severity.ERROR,
        "NA where it has no Python meaning",
        'x <- c("a", NA)',
        "Use None or an explicit sentinel in R, or handle the missing value by hand.",
    ),
    Code(
        "RK105",
        Severity.WARNING,
        "library() of a package with no Python mapping",
        "library(ggplot2)",
        "The import is dropped; calls into the package are reported one by one.",
    ),
    Code(
        "RK106",
        Severity.ERROR,
        "source() of a file that is not translated with this one",
        'source("helpers.R")',
        "Translate helpers.R as well and import it, or inline it.",
    ),
    Code(
        "RK110",
        Severity.ERROR,
        "R keras function whose Python API Keras 3 removed, with no direct replacement",
        "gen <- image_data_generator(rescale = 1/255)",
        "The message names the Keras 3 way to do it (here image_dataset_from_directory() "
        "and augmentation layers); rewrite the R code that way or port this part by hand.",
    ),
    Code(
        "RK111",
        Severity.ERROR,
        "argument that Keras 3 no longer takes",
        "layer_dense(units = 4, batch_input_shape = c(8, 3))",
        "The message names the replacement (here layer_input(batch_shape = ...)).",
    ),
    Code(
        "RK112",
        Severity.ERROR,
        "unknown keras, tensorflow or tfdatasets function",
        "layer_dens(units = 4)",
        "Check the spelling; the message suggests the nearest known name.",
    ),
    Code(
        "RK113",
        Severity.ERROR,
        "class used before the %py_class% statement that defines it",
        "layer <- Scaler(2)\nScaler(keras$layers$Layer) %py_class% { ... }",
        "Move the class definition above its first use; Python runs a class statement "
        "in order, as R does.",
    ),
    Code(
        "RK114",
        Severity.ERROR,
        "file written against both R keras 2.x and keras3",
        "library(keras3)\nlayer <- keras::layer_dense(units = 4)",
        "The two packages give the same names different meanings (axes, indices, defaults) "
        "and cannot be loaded together in R: port the file to one of them.",
    ),
    Code(
        "RK900",
        Severity.ERROR,
        "internal error while translating a statement (a bug in rkeras2py: please report it)",
        "x <- some_rare_construct()",
        "Report the R statement; the rest of the file is translated, this one is marked.",
    ),
    Code(
        "RK210",
        Severity.WARNING,
        "R keras function that Keras 3 removed, translated to its replacement",
        "model %>% fit_generator(gen, steps_per_epoch = 10)",
        "Read the note: the replacement computes the same, under a new name.",
    ),
    Code(
        "RK211",
        Severity.WARNING,
        "set-up call with no meaning in a Python program, dropped",
        "install_keras()",
        "Install the Python packages with pip instead; nothing is lost at run time.",
    ),
    Code(
        "RK201",
        Severity.WARNING,
        "translated with an assumption about R's types or lengths",
        "for (i in 1:n) ...",
        "Read the note: the translation is exact when the assumption holds.",
    ),
]
CODES = {code.code: code for code in _CODES}


@dataclass(frozen=True)
class Diagnostic:
    """One finding about the R source, with where it is."""

    code: str
    message: str
    line: int
    column: int
    filename: str = "<string>"

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", one_line(self.message))

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self, source: str = "") -> str:
        """`path:line:col: CODE message`, the source line and a caret."""
        lines = source.splitlines()
        text = lines[self.line - 1] if 0 < self.line <= len(lines) else ""
        return format_location(
            self.filename, self.line, self.column, f"{self.code} {self.message}", text
        )


def markdown() -> str:
    """`docs/diagnostics.md`: every code with what it means, an example and what to do."""
    lines = [
        "# Diagnostics",
        "",
        "rkeras2py reports what it cannot translate faithfully as",
        "`path:line:col: CODE message`, followed by the source line and a caret.",
        "An *error* means the statement is replaced in the output by a marker (the R source as",
        "comments and a `raise NotImplementedError`), and the command exits with status 1;",
        "a *warning* means the translation holds under an assumption the message states.",
        "Syntax errors in the R itself are reported the same way, in R's words, at the line",
        "R reports.",
        "",
        "This page is generated from `rkeras2py/translator/diagnostics.py`.",
        "",
    ]
    for code in _CODES:
        lines += [
            f"## {code.code}: {code.title}",
            "",
            f"Severity: {code.severity.value}.",
            "",
            "Example:",
            "",
            "```r",
            code.example,
            "```",
            "",
            f"What to do: {code.advice}",
            "",
        ]
    return "\n".join(lines)
