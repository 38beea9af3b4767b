"""R Markdown / Quarto documents as Jupyter notebooks and Quarto documents with Python."""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import pytest

from rkeras2py import RSyntaxError
from rkeras2py.notebook import parse_document, translate_document

ROOT = Path(__file__).resolve().parent.parent

REPORT = """\
---
title: "Training report"
subtitle: A first model
author:
  - name: Ada Lovelace
  - Grace Hopper
date: 2024-05-01
output: html_document
---

```{r setup, include=FALSE}
knitr::opts_chunk$set(echo = TRUE)
library(keras)
scores <- c(1, 2, 3)
n <- length(scores)
```

# Data

There are `r n` rows.

```{r data, echo=FALSE}
square <- function(v) v^2
for (i in 1:n) print(square(i))
```

```{r later, eval=FALSE}
print(square(n))
```

```{python}
print("python stays python")
```

```{bash}
echo hi
```
"""


def cells(text: str):
    return nbformat.reads(text, as_version=4).cells


def test_parse_document_reads_front_matter_chunks_and_options():
    document = parse_document(
        '---\ntitle: T\n---\n\nProse.\n\n```{r first, eval = FALSE, fig.cap = "a, b"}\n'
        "x <- 1\n```\n\n```{r}\n#| label: second\n#| echo: false\ny <- 2\n```\n"
    )
    assert document.front_matter == ["title: T"]
    prose, first, _, second = document.parts
    assert prose.line == 4 and "Prose." in prose.text
    assert (first.label, first.options) == ("first", {"eval": "FALSE", "fig.cap": '"a, b"'})
    assert (first.code, first.lines, first.flag("eval")) == (["x <- 1"], [8], False)
    assert second.label == "second" and second.options == {"echo": "false"}
    assert (second.code, second.lines, second.flag("echo")) == (["y <- 2"], [14], False)


def test_notebook_cells_follow_the_document():
    result = translate_document(REPORT, "report.Rmd")
    assert not result.has_errors, result.diagnostics
    notebook = nbformat.reads(result.text, as_version=4)
    nbformat.validate(notebook)
    kinds = [(cell.cell_type, cell.id) for cell in notebook.cells]
    assert kinds == [
        ("markdown", "title"),
        ("code", "setup"),
        ("markdown", "cell-2"),
        ("code", "data"),
        ("code", "later"),
        ("code", "cell-5"),
        ("markdown", "cell-6"),
    ]
    title, setup, prose, data, later, python, bash = notebook.cells
    assert title.source == (
        "# Training report\n## A first model\n\n"
        "**Author:** Ada Lovelace, Grace Hopper  \n**Date:** 2024-05-01"
    )
    # imports go in the first code cell; knitr::opts_chunk$set() is not translated
    assert setup.source.startswith("import numpy as np\n\n")
    assert "opts_chunk" not in setup.source and "n = len(scores)" in setup.source
    assert setup.metadata.tags == ["remove-cell"]
    assert setup.metadata.jupyter == {"source_hidden": True, "outputs_hidden": True}
    # opts_chunk$set(echo = TRUE) is a default; the chunk's own echo=FALSE wins
    assert data.metadata.rkeras2py["options"] == {"echo": "FALSE"}
    assert data.metadata.tags == ["hide-input"]
    assert "def square(v):" in data.source and "print(square(i))" in data.source
    assert later.metadata.tags == ["skip-execution"]
    assert later.metadata.rkeras2py["options"] == {"eval": "FALSE", "echo": "TRUE"}
    assert all(line.startswith("#") for line in later.source.splitlines())
    assert "square(n)" in later.source
    assert prose.metadata.rkeras2py == {"inline_r": ["n"]}
    assert python.source == 'print("python stays python")'
    assert bash.source == "```bash\necho hi\n```"
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    ast.parse(code)  # the cells together are one valid Python program
    assert [(note.line, note.column) for note in result.notes] == [(20, 11)]


def test_chunks_are_one_program():
    """A name defined in one chunk is known in the next: translated alone, `n` is unknown."""
    document = "```{r}\nf <- function(v) v * 2\n```\n\nText.\n\n```{r}\ny <- f(1)\n```\n"
    result = translate_document(document, "doc.Rmd")
    assert result.diagnostics == []
    alone = translate_document("```{r}\ny <- f(1)\n```\n", "doc.Rmd")
    assert [(d.code, d.line) for d in alone.diagnostics] == [("RK101", 2)]


def test_diagnostics_point_at_the_document():
    document = (
        "---\ntitle: x\n---\n\n```{r}\nx <- 1\n```\n\n- a list item\n\n"
        '  ```{r}\n  y <- eval(parse(text = "x"))\n  ```\n'
    )
    result = translate_document(document, "doc.Rmd")
    (diagnostic,) = result.diagnostics
    assert (diagnostic.filename, diagnostic.line, diagnostic.column) == ("doc.Rmd", 12, 8)
    assert diagnostic.format(document).splitlines()[1:] == [
        '  y <- eval(parse(text = "x"))',
        "       ^",
    ]


def test_syntax_errors_are_reported_in_their_chunk():
    document = "```{r}\nx <- (1\n```\n\n```{r}\ny <- 2\n```\n"
    with pytest.raises(RSyntaxError) as caught:
        translate_document(document, "doc.Rmd")
    assert caught.value.filename == "doc.Rmd"
    assert caught.value.lineno == 3  # the chunk's end, not the next chunk


def test_quarto_output_keeps_prose_and_options():
    result = translate_document(REPORT, "report.Rmd", to="qmd")
    text = result.text
    assert text.startswith('---\ntitle: "Training report"\n')
    assert "output: html_document\njupyter: python3\n---\n" in text
    assert "```{r" not in text
    assert "There are `r n` rows." in text  # prose as written
    assert "```{python}\n#| label: later\n#| eval: false\n#| echo: true\n# " not in text
    assert (
        "```{python}\n#| label: later\n#| eval: false\n#| echo: true\nprint(square(n))\n```" in text
    )
    assert "```{python}\n#| label: data\n#| echo: false\n" in text
    assert "```{bash}\necho hi\n```" in text


def test_quarto_input_options_become_python_chunk_options():
    document = (
        "---\ntitle: q\nengine: knitr\n---\n\n```{r}\n#| label: fit\n#| echo: false\n"
        "x <- 2\nprint(x)\n```\n"
    )
    text = translate_document(document, "q.qmd", to="qmd").text
    assert text == (
        "---\ntitle: q\njupyter: python3\n---\n\n"
        "```{python}\n#| label: fit\n#| echo: false\nx = 2\nprint(x)\n```\n"
    )


def test_output_is_deterministic():
    first = translate_document(REPORT, "report.Rmd").text
    assert translate_document(REPORT, "report.Rmd").text == first


def test_bundled_documents_translate_cleanly():
    for name in ("training_report.Rmd", "dataset_pipeline.qmd"):
        path = ROOT / "examples" / name
        result = translate_document(path.read_text(), str(path))
        assert not result.has_errors, result.diagnostics
        notebook = nbformat.reads(result.text, as_version=4)
        nbformat.validate(notebook)
        assert notebook.cells[0].source.startswith("# ")
