"""Control characters: dropped from export text when it is read, escaped in paths prune echoes.

Names, companies and messages are written by other people. An ESC or BEL in them would let that
text clear the user's screen, retitle the window or write their clipboard (OSC 52) the moment it
is shown. So the readers clean every field once, as it enters, and nothing that prints needs care:
C0 and C1 controls and DEL are dropped; a tab or line break becomes a space, except in the few
fields that are written as paragraphs (message bodies, subjects, notes), which keep them.

A path is different: prune must open it exactly as given, so it is kept whole and only escaped
when shown, the way `ls -b` does (`\\n`, `\\033`, and octal bytes for names that are not UTF-8).
"""

from __future__ import annotations

import os
from urllib.parse import unquote

import polars as pl

# Every C0 control, DEL and every C1 control, as a regular expression for polars.
ANY_CONTROL = r"[\x00-\x1f\x7f-\x9f]"
# The same without tab and line feed, which paragraphs keep.
_CONTROL_BUT_LAYOUT = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"
_LAYOUT = r"[\t\n\r]"
_C_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\v": "\\v",
    "\f": "\\f",
    "\r": "\\r",
}


def one_line(text: pl.Expr) -> pl.Expr:
    """A field shown on one line: tabs and line breaks become spaces, other controls go."""
    return text.str.replace_all(_LAYOUT, " ").str.replace_all(ANY_CONTROL, "")


def paragraph(text: pl.Expr) -> pl.Expr:
    """A field written as paragraphs (a message body): tab and line feed stay, other controls go."""
    return text.str.replace_all(_CONTROL_BUT_LAYOUT, "")


def has_control(text: pl.Expr, *, keep_layout: bool = False) -> pl.Expr:
    """Whether the text holds a character `one_line` (or, with keep_layout, `paragraph`) removes."""
    return text.str.contains(_CONTROL_BUT_LAYOUT if keep_layout else ANY_CONTROL)


def clean_line(text: str) -> str:
    """`one_line` for one Python string (a header name, a file name inside a zip)."""
    if text.isprintable():
        return text
    spaced = "".join(" " if char in "\t\n\r" else char for char in text)
    return "".join(char for char in spaced if not _is_control(char))


def shown_url(url: str) -> str:
    """A profile URL as a person reads it: %XX escapes decoded (`jürgen`, not `j%C3%BCrgen`).

    Decoding can turn `%1B` back into the escape character the reader kept out of names, so
    control characters are dropped from the result; the stored URL, which `o` opens, is unchanged.
    """
    return clean_line(unquote(url))


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path as prune shows it in a message: control characters and undecodable bytes escaped.

    Printable paths come back unchanged, so the text can also be stored and opened again.
    """
    text = os.fspath(path)
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escaped(char) for char in text)


def _is_control(char: str) -> bool:
    code = ord(char)
    return code < 0x20 or 0x7F <= code <= 0x9F


def _escaped(char: str) -> str:
    if char in _C_ESCAPES:
        return _C_ESCAPES[char]
    try:
        # A byte that was not UTF-8 in a file name comes back as the byte it was.
        raw = char.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = char.encode("utf-8", "surrogatepass")
    return "".join(f"\\{byte:03o}" for byte in raw)
