"""R Markdown and Quarto documents to Jupyter notebooks (`.ipynb`) or Quarto (`.qmd`).

A document is front matter, prose and code chunks. Prose becomes markdown cells (Quarto:
stays as written); each R chunk becomes a Python code cell (Quarto: a `{python}` chunk);
the YAML title, subtitle, author and date become the notebook's first markdown cell.

All R chunks are translated as one program, so names an earlier chunk defines are known in
later ones: the chunks are joined with a marker statement before each (a string literal,
which the translator keeps in place as `print("...")`), translated once, and the Python is
cut back at the markers. What comes before the first marker (the imports and helpers the
translation needs) goes into the first code cell. Diagnostics are mapped back to lines of
the document. Each chunk is parsed on its own first, so a syntax error is reported in the
chunk that has it, as knitr would evaluate it.

Chunk options (knitr's `{r label, eval=FALSE}` header or Quarto's `#| eval: false` lines):

- `eval=FALSE`: the notebook cell's code is commented out and tagged `skip-execution`
  (Quarto keeps `#| eval: false`). The chunk is still translated with the others.
- `echo=FALSE`: the input is hidden (`jupyter.source_hidden`, tag `hide-input`).
- `include=FALSE`: the cell runs but shows nothing (tag `remove-cell`, input and outputs
  hidden). `results='hide'` tags `remove-output`.
- every option is kept, as written, in the cell's `rkeras2py.options` metadata.
- `knitr::opts_chunk$set(...)` sets the defaults for the chunks that follow and is
  itself dropped from the translation.

Inline R (`` `r expr` ``) cannot run in a notebook's markdown: it is kept as text, listed
in the cell's `rkeras2py.inline_r` metadata and reported as a note. Chunks in other
languages are kept: Python chunks as code cells, others as fenced markdown.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from .errors import RSyntaxError
from .translator.diagnostics import Diagnostic

MARKER = "rkeras2py:chunk"

_OPEN = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,})\s*\{(?P<engine>[A-Za-z0-9_]+)(?P<rest>.*)\}\s*$"
)
_INLINE = re.compile(r"`r[ \t]+([^`]+)`")
_QUARTO_OPTION = re.compile(r"^#\|\s*(?P<key>[\w.-]+)\s*:\s*(?P<value>.*?)\s*$")
_OPTS_SET = re.compile(r"^\s*knitr::opts_chunk\$set\((?P<args>.*)\)\s*$")


@dataclass
class Prose:
    text: str  # as written, lines joined with "\n", with a final "\n"
    line: int  # 1-based line of its first line


@dataclass
class Chunk:
    engine: str  # lower-case: "r", "python", ...
    label: str | None
    options: dict[str, str]  # option -> value as written (an R or YAML expression)
    header: str  # the opening fence line as written
    indent: str
    fence: str
    code: list[str]  # the code lines, without Quarto #| option lines, dedented
    lines: list[int]  # the document line of each code line
    line: int  # the line of the opening fence
    end_line: int  # the line of the closing fence
    option_lines: list[str] = field(default_factory=list)  # Quarto #| lines as written

    @property
    def is_r(self) -> bool:
        return self.engine == "r"

    def flag(self, name: str, default: bool = True) -> bool:
        value = _flag(self.options.get(name))
        return default if value is None else value


@dataclass
class Document:
    front_matter: list[str] | None  # the YAML lines between the --- fences
    parts: list[Prose | Chunk]


@dataclass
class Note:
    line: int
    column: int
    message: str


@dataclass
class DocumentTranslation:
    """The output document's text and what was found on the way."""

    text: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


# --- reading -------------------------------------------------------------------------


def _flag(value: str | None) -> bool | None:
    if value is None:
        return None
    text = value.strip().strip("'\"")
    if text in ("TRUE", "T", "true", "True", "yes"):
        return True
    if text in ("FALSE", "F", "false", "False", "no"):
        return False
    return None


def split_arguments(text: str) -> list[str]:
    """`a, b = f(1, 2), c = "x,y"` -> ['a', 'b = f(1, 2)', 'c = "x,y"']."""
    parts, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(text):
        if quote:
            if char == quote and text[index - 1] != "\\":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:index].strip())
            start = index + 1
    parts.append(text[start:].strip())
    return [part for part in parts if part]


def _header_options(rest: str) -> tuple[str | None, dict[str, str]]:
    label, options = None, {}
    for position, part in enumerate(split_arguments(rest.strip().lstrip(","))):
        key, equals, value = part.partition("=")
        if not equals:
            if position == 0:
                label = part.strip().strip("'\"")
            continue
        key = key.strip()
        if key == "label":
            label = value.strip().strip("'\"")
        else:
            options[key] = value.strip()
    return label, options


def parse_document(text: str) -> Document:
    """Front matter, prose and chunks of an R Markdown or Quarto document."""
    lines = text.splitlines()
    front_matter = None
    index = 0
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() in ("---", "..."):
                front_matter = lines[1:end]
                index = end + 1
                break
    parts: list[Prose | Chunk] = []
    prose: list[str] = []
    prose_start = index + 1
    while index < len(lines):
        match = _OPEN.match(lines[index])
        if not match:
            if not prose:
                prose_start = index + 1
            prose.append(lines[index])
            index += 1
            continue
        if prose:
            parts.append(Prose("\n".join(prose) + "\n", prose_start))
            prose = []
        indent, fence = match["indent"], match["fence"]
        label, options = _header_options(match["rest"])
        chunk = Chunk(
            engine=match["engine"].lower(),
            label=label,
            options=options,
            header=lines[index],
            indent=indent,
            fence=fence,
            code=[],
            lines=[],
            line=index + 1,
            end_line=len(lines),
        )
        closing = re.compile(rf"^[ \t]*`{{{len(fence)},}}\s*$")
        index += 1
        in_options = True
        while index < len(lines):
            line = lines[index]
            if closing.match(line):
                chunk.end_line = index + 1
                index += 1
                break
            body = line[len(indent) :] if line.startswith(indent) else line.lstrip()
            option = _QUARTO_OPTION.match(body) if in_options else None
            if option:
                chunk.option_lines.append(body)
                key, value = option["key"], option["value"]
                if key == "label":
                    chunk.label = value.strip("'\"")
                else:
                    chunk.options[key] = value
            else:
                in_options = False
                chunk.code.append(body)
                chunk.lines.append(index + 1)
            index += 1
        parts.append(chunk)
    if prose:
        parts.append(Prose("\n".join(prose) + "\n", prose_start))
    return Document(front_matter, parts)


# --- translating ---------------------------------------------------------------------


@dataclass
class _Program:
    source: str
    places: list[tuple[int, int] | None]  # per program line: (document line, column shift)


def _apply_global_options(document: Document) -> None:
    """Apply knitr::opts_chunk$set() defaults to later chunks, and blank the call out."""
    defaults: dict[str, str] = {}
    for part in document.parts:
        if not isinstance(part, Chunk):
            continue
        if part.is_r:
            for key, value in defaults.items():
                part.options.setdefault(key, value)
        if not part.is_r:
            continue
        for position, line in enumerate(part.code):
            match = _OPTS_SET.match(line)
            if match:
                for argument in split_arguments(match["args"]):
                    key, equals, value = argument.partition("=")
                    if equals:
                        defaults[key.strip()] = value.strip()
                part.code[position] = ""


def _marker(number: int) -> str:
    return f'"{MARKER}:{number}"'


def _program(chunks: list[Chunk]) -> _Program:
    lines: list[str] = []
    places: list[tuple[int, int] | None] = []
    for number, chunk in enumerate(chunks):
        lines.append(_marker(number))
        places.append(None)
        for code, line in zip(chunk.code, chunk.lines):
            lines.append(code)
            places.append((line, len(chunk.indent)))
    return _Program("\n".join(lines) + "\n", places)


def _check_chunks(chunks: list[Chunk], filename: str, document_lines: list[str]) -> None:
    """Parse each chunk alone, so a syntax error is reported in its own chunk."""
    from .grammar.parser import parse

    for chunk in chunks:
        try:
            parse("\n".join(chunk.code) + "\n", filename)
        except RSyntaxError as error:
            lineno = error.lineno or 1
            if 0 < lineno <= len(chunk.lines):
                line, shift = chunk.lines[lineno - 1], len(chunk.indent)
            else:
                line, shift = chunk.end_line, 0
            text = document_lines[line - 1] if 0 < line <= len(document_lines) else ""
            raise RSyntaxError(
                error.msg, filename, line, (error.offset or 1) + shift, text
            ) from None


def _split(code: str, count: int) -> tuple[list[str], list[list[str]]]:
    """The translated program cut at the chunk markers: (head, one piece per chunk)."""
    pattern = re.compile(rf"""^\S.*["']{re.escape(MARKER)}:(\d+)["'].*$""")
    head: list[str] = []
    pieces: list[list[str]] = [[] for _ in range(count)]
    current = head
    last = -1
    for line in code.splitlines():
        match = pattern.match(line)
        if match:
            number = int(match[1])
            if number != last + 1:
                raise RuntimeError(f"chunk markers out of order in the translation ({number})")
            last = number
            current = pieces[number]
            continue
        current.append(line)
    if last != count - 1:
        raise RuntimeError("the translation lost the boundaries between chunks")
    return head, pieces


def _trim(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def _inline_notes(document: Document, notes: list[Note]) -> None:
    for part in document.parts:
        if isinstance(part, Prose):
            for offset, line in enumerate(part.text.splitlines()):
                for match in _INLINE.finditer(line):
                    notes.append(
                        Note(
                            part.line + offset,
                            match.start() + 1,
                            f"inline R `r {match[1].strip()}` is kept as text: "
                            "compute it in a code cell",
                        )
                    )


def _translate_chunks(
    document: Document, text: str, filename: str
) -> tuple[list[Chunk], list[str], list[list[str]], list[Diagnostic]]:
    from .translator import translate

    _apply_global_options(document)
    chunks = [part for part in document.parts if isinstance(part, Chunk) and part.is_r]
    if not chunks:
        return chunks, [], [], []
    document_lines = text.splitlines()
    _check_chunks(chunks, filename, document_lines)
    program = _program(chunks)
    result = translate(program.source, filename)
    diagnostics = []
    for diagnostic in result.diagnostics:
        place = (
            program.places[diagnostic.line - 1]
            if 0 < diagnostic.line <= len(program.places)
            else None
        )
        if place is not None:
            line, shift = place
            diagnostic = dataclasses.replace(
                diagnostic, line=line, column=diagnostic.column + shift, filename=filename
            )
        diagnostics.append(diagnostic)
    head, pieces = _split(result.code, len(chunks))
    return chunks, _trim(head), [_trim(piece) for piece in pieces], diagnostics


def translate_document(
    text: str, filename: str = "<document>", to: str = "ipynb"
) -> DocumentTranslation:
    """Translate an R Markdown / Quarto document to a notebook (`ipynb`) or Quarto (`qmd`).

    Raises `RSyntaxError` (at the document's line) for a chunk that is not valid R.
    """
    document = parse_document(text)
    chunks, head, pieces, diagnostics = _translate_chunks(document, text, filename)
    code = {id(chunk): piece for chunk, piece in zip(chunks, pieces)}
    notes: list[Note] = []
    _inline_notes(document, notes)
    if to == "ipynb":
        output = _notebook(document, code, head)
    elif to == "qmd":
        output = _quarto(document, code, head)
    else:
        raise ValueError(f"unknown output format {to!r}")
    return DocumentTranslation(output, diagnostics, notes)


# --- writing: Jupyter ----------------------------------------------------------------


def _front_matter_data(front_matter: list[str] | None) -> dict:
    if not front_matter:
        return {}
    import yaml

    try:
        data = yaml.safe_load("\n".join(front_matter))
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def _people(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [name for item in value for name in _people(item)]
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, dict):  # Quarto: name: {given: .., family: ..}
            name = " ".join(str(name[k]) for k in ("given", "family") if k in name)
        return [str(name)] if name else []
    return [str(value)]


def _title_cell(front_matter: list[str] | None) -> str | None:
    data = _front_matter_data(front_matter)
    lines = []
    if data.get("title"):
        lines.append(f"# {data['title']}")
    if data.get("subtitle"):
        lines.append(f"## {data['subtitle']}")
    details = []
    authors = _people(data.get("author"))
    if authors:
        details.append("**Author:** " + ", ".join(authors))
    if data.get("date"):
        details.append(f"**Date:** {data['date']}")
    if details:
        lines += ["", "  \n".join(details)]
    return "\n".join(lines).strip() or None


def _cell_id(label: str | None, used: set[str], number: int) -> str:
    candidate = re.sub(r"[^A-Za-z0-9_-]+", "-", label).strip("-")[:64] if label else ""
    if not candidate or candidate in used:
        candidate = f"cell-{number}"
        while candidate in used:
            candidate += "-"
    used.add(candidate)
    return candidate


def _commented(lines: list[str]) -> list[str]:
    return [f"# {line}" if line else "#" for line in lines]


def _notebook(document: Document, code: dict[int, list[str]], head: list[str]) -> str:
    import nbformat
    from nbformat import v4

    cells = []
    used: set[str] = set()

    def add(cell) -> None:
        cells.append(cell)

    title = _title_cell(document.front_matter)
    if title:
        add(v4.new_markdown_cell(title, id=_cell_id("title", used, len(cells))))
    pending_head = head
    for part in document.parts:
        if isinstance(part, Prose):
            text = "\n".join(_trim(part.text.splitlines()))
            if not text:
                continue
            metadata = {}
            inline = [match[1].strip() for match in _INLINE.finditer(text)]
            if inline:
                metadata["rkeras2py"] = {"inline_r": inline}
            add(v4.new_markdown_cell(text, id=_cell_id(None, used, len(cells)), metadata=metadata))
            continue
        if not part.is_r:
            if part.engine == "python":
                source = "\n".join(_trim(part.code))
                add(v4.new_code_cell(source, id=_cell_id(part.label, used, len(cells))))
            else:
                body = "\n".join([f"```{part.engine}", *part.code, "```"])
                add(
                    v4.new_markdown_cell(
                        body,
                        id=_cell_id(part.label, used, len(cells)),
                        metadata={"rkeras2py": {"engine": part.engine}},
                    )
                )
            continue
        lines = code.get(id(part), [])
        evaluated = part.flag("eval")
        if pending_head:
            if evaluated:
                lines = [*pending_head, "", *lines] if lines else list(pending_head)
            else:
                add(
                    v4.new_code_cell(
                        "\n".join(pending_head), id=_cell_id("imports", used, len(cells))
                    )
                )
            pending_head = []
        tags: list[str] = []
        metadata: dict = {}
        if not evaluated:
            lines = _commented(lines)
            tags.append("skip-execution")
        if not part.flag("include"):
            tags.append("remove-cell")
            metadata["jupyter"] = {"source_hidden": True, "outputs_hidden": True}
        elif not part.flag("echo"):
            tags.append("hide-input")
            metadata["jupyter"] = {"source_hidden": True}
        results = part.options.get("results", "").strip("'\" ")
        if results == "hide":
            tags.append("remove-output")
        if tags:
            metadata["tags"] = tags
        info = {}
        if part.label:
            info["label"] = part.label
        if part.options:
            info["options"] = dict(part.options)
        if info:
            metadata["rkeras2py"] = info
        add(
            v4.new_code_cell(
                "\n".join(lines), id=_cell_id(part.label, used, len(cells)), metadata=metadata
            )
        )
    if pending_head:  # every R chunk was empty of code
        add(v4.new_code_cell("\n".join(pending_head), id=_cell_id("imports", used, len(cells))))
    notebook = v4.new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
    )
    nbformat.validate(notebook)
    return nbformat.writes(notebook) + "\n"


# --- writing: Quarto -----------------------------------------------------------------


def _yaml_value(value: str) -> str | None:
    """A knitr option value (an R expression) as a YAML scalar, or None."""
    flag = _flag(value)
    if flag is not None:
        return "true" if flag else "false"
    text = value.strip()
    if re.fullmatch(r"-?\d+(\.\d+)?", text):
        return text
    if re.fullmatch(r"'[^'\\]*'|\"[^\"\\]*\"", text):
        inner = text[1:-1]
        return (
            inner
            if re.fullmatch(r"[\w .,-]*", inner) and inner.strip() == inner
            else ('"' + inner.replace('"', '\\"') + '"')
        )
    return None


def _quarto_front_matter(front_matter: list[str] | None) -> list[str]:
    lines = [line for line in front_matter or [] if not re.match(r"^engine\s*:", line)]
    if not any(re.match(r"^jupyter\s*:", line) for line in lines):
        lines.append("jupyter: python3")
    return ["---", *lines, "---"]


def _quarto(document: Document, code: dict[int, list[str]], head: list[str]) -> str:
    out: list[str] = _quarto_front_matter(document.front_matter)
    first = document.parts[0] if document.parts else None
    if not (isinstance(first, Prose) and first.text.startswith("\n")):
        out.append("")
    pending_head = head

    def chunk(indent: str, fence: str, options: list[str], lines: list[str]) -> None:
        out.append(f"{indent}{fence}{{python}}")
        out.extend(f"{indent}{line}" if line else "" for line in [*options, *lines])
        out.append(f"{indent}{fence}")

    for part in document.parts:
        if isinstance(part, Prose):
            out.extend(part.text.splitlines())
            continue
        if not part.is_r:
            out.append(part.header)
            out.extend(
                f"{part.indent}{line}" if line else "" for line in [*part.option_lines, *part.code]
            )
            out.append(f"{part.indent}{part.fence}")
            continue
        lines = code.get(id(part), [])
        if pending_head:
            if part.flag("eval"):
                lines = [*pending_head, "", *lines] if lines else list(pending_head)
            else:
                chunk(part.indent, part.fence, [], pending_head)
                out.append("")
            pending_head = []
        options = []
        if part.label:
            options.append(f"#| label: {part.label}")
        quarto = {_QUARTO_OPTION.match(line)["key"] for line in part.option_lines}
        options += [line for line in part.option_lines if not line.startswith("#| label:")]
        for key, value in part.options.items():
            name = key.replace(".", "-")
            if key in quarto or name in quarto:
                continue
            scalar = _yaml_value(value)
            if scalar is not None:
                options.append(f"#| {name}: {scalar}")
        chunk(part.indent, part.fence, options, lines)
    if pending_head:
        out.append("")
        chunk("", "```", [], pending_head)
    return "\n".join(out) + "\n"
