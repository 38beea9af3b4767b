"""Decoding R string literals and backtick names, with R's rules for escapes."""

from __future__ import annotations

import re

_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "b": "\b",
    "a": "\a",
    "f": "\f",
    "v": "\v",
    "\\": "\\",
    '"': '"',
    "'": "'",
    "`": "`",
    " ": " ",
    "\n": "\n",
}
_HEX = re.compile(r"[0-9a-fA-F]{1,2}")
_OCTAL = re.compile(r"[0-7]{1,3}")
_RAW = re.compile(r"[rR](['\"])(-*)[\(\[\{]")


class EscapeError(ValueError):
    """A bad escape; `offset` is its index in the literal's text."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def decode_string(literal: str) -> str:
    """The value of a quoted or raw R string literal, as R reads it."""
    raw = _RAW.match(literal)
    if raw:
        skip = raw.end()
        return literal[skip : len(literal) - skip + 1]
    return decode_escapes(literal, 1, len(literal) - 1)


def decode_escapes(text: str, start: int, stop: int, *, backtick: bool = False) -> str:
    """Decode `text[start:stop]`, the inside of a literal, raising EscapeError as R would.

    `\\x` and octal escapes give bytes, as in R: one above 0x7f stands for that raw byte
    and is kept as the surrogate-escaped character U+DC80..U+DCFF.
    """
    if "\\" not in text[start:stop]:
        if "\0" in text[start:stop]:
            raise EscapeError("nul character not allowed", text.index("\0", start))
        return text[start:stop]
    out: list[str] = []
    byte_escape = unicode_escape = None
    i = start
    while i < stop:
        char = text[i]
        if char != "\\":
            out.append(char)
            i += 1
            continue
        code = text[i + 1] if i + 1 < stop else ""
        if code in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[code])
            i += 2
        elif code == "x":
            digits = _HEX.match(text, i + 2, stop)
            if not digits:
                raise EscapeError("'\\x' used without hex digits in character string", i)
            out.append(_byte(int(digits.group(), 16), i))
            byte_escape, i = i, digits.end()
        elif code and code in "01234567":
            digits = _OCTAL.match(text, i + 1, stop)
            value = int(digits.group(), 8)
            if value > 0o377:
                raise EscapeError("exceeded maximum allowed octal value \\377", i)
            out.append(_byte(value, i))
            byte_escape, i = i, digits.end()
        elif code in ("u", "U") and code:
            if backtick:
                raise EscapeError("\\uxxxx sequences not supported inside backticks", i)
            value, after = _unicode_escape(text, i, stop, 4 if code == "u" else 8)
            out.append(value)
            unicode_escape, i = i, after
        else:
            shown = "\\" + code
            raise EscapeError(f"'{shown}' is an unrecognized escape in character string", i)
        if byte_escape is not None and unicode_escape is not None:
            message = "mixing Unicode and octal/hex escapes in a string is not allowed"
            raise EscapeError(message, max(byte_escape, unicode_escape))
    return "".join(out)


def _byte(value: int, offset: int) -> str:
    if value == 0:
        raise EscapeError("nul character not allowed", offset)
    return chr(value) if value < 0x80 else chr(0xDC00 + value)


def _unicode_escape(text: str, i: int, stop: int, width: int) -> tuple[str, int]:
    code = text[i + 1]
    braced = text[i + 2 : i + 3] == "{"
    begin = i + 3 if braced else i + 2
    end = begin
    while end < stop and end - begin < width and text[end] in "0123456789abcdefABCDEF":
        end += 1
    if end == begin:
        raise EscapeError(f"'\\{code}' used without hex digits in character string", i)
    if braced and text[end : end + 1] != "}":
        raise EscapeError(f"invalid \\{code}{{xxxx}} sequence", i)
    value = int(text[begin:end], 16)
    if value == 0:
        raise EscapeError("nul character not allowed", i)
    if value > 0x10FFFF:
        raise EscapeError(f"invalid \\{code} value {value:x}", i)
    return chr(value), end + 1 if braced else end


_SYNTACTIC = re.compile(r"(?:[^\W\d_]|\.(?![0-9]))[\w.]*\Z")
RESERVED = frozenset(
    [
        "if",
        "else",
        "repeat",
        "while",
        "function",
        "for",
        "next",
        "break",
        "in",
        "TRUE",
        "FALSE",
        "NULL",
        "Inf",
        "NaN",
        "NA",
        "NA_integer_",
        "NA_real_",
        "NA_character_",
        "NA_complex_",
    ]
)


def is_syntactic_name(name: str) -> bool:
    """Whether R reads `name` as a symbol without backticks."""
    return bool(_SYNTACTIC.match(name)) and name not in RESERVED


def quote_name(name: str, *, backticks: bool = False) -> str:
    """`name` as R source: bare when it can be (and backticks are not asked for)."""
    if is_syntactic_name(name) and not backticks:
        return name
    return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`"


_STRING_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def quote_string(value: str, quote: str = '"') -> str:
    """An R string literal for `value` in the given quote character."""
    out = []
    for char in value:
        if char == quote:
            out.append("\\" + quote)
        elif char in _STRING_ESCAPES and char not in "\"'":
            out.append(_STRING_ESCAPES[char])
        elif char == "\\":
            out.append("\\\\")
        elif char.isprintable():
            out.append(char)
        elif ord(char) < 0x80 or 0xDC80 <= ord(char) <= 0xDCFF:
            out.append(f"\\x{ord(char) & 0xFF:02x}")
        else:
            out.append(f"\\u{{{ord(char):x}}}")
    return quote + "".join(out) + quote


def raw_string(value: str) -> str:
    """`value` as an R raw string, `r"(...)"`, with enough dashes to hold it."""
    dashes = ""
    while f'){dashes}"' in value:
        dashes += "-"
    return f'r"{dashes}({value}){dashes}"'
