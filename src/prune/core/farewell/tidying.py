"""Tidying many rendered farewells at once: `message._tidy`, step for step, as Rust regexes.

A message rendered from a template may hold what an empty value leaves behind (two spaces, a
space before a comma, blank lines). `message._tidy` smooths one message with Python's `re`; here
the same steps run over a whole column, each only on the messages it can change, and the final
strip is skipped for templates whose messages can never start or end with whitespace.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from prune.core.farewell.template import Field, Optional, Part, without_doubled_stop

# Every character Python's `str.strip()` and `re`'s \s treat as whitespace. Rust's \s leaves out
# the four separators \x1c-\x1f, so the regexes below spell the set out instead of writing \s.
PYTHON_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
ASCII_WHITESPACE = "".join(char for char in PYTHON_WHITESPACE if char.isascii())
# Regexes over non-ASCII classes scan text several times slower than ASCII ones, so a message is
# searched for these only when its template or one of its values holds such a character.
WIDE_WHITESPACE = "".join(char for char in PYTHON_WHITESPACE if not char.isascii())


def _regex_class(chars: str) -> str:
    return "".join(f"\\x{{{ord(char):x}}}" for char in chars)


SPACE_CLASS = _regex_class(PYTHON_WHITESPACE)  # inside [ ] of a Rust regex
_SPACE_BUT_NEWLINE = _regex_class(PYTHON_WHITESPACE.replace("\n", ""))
_ASCII_SPACE_BUT_NEWLINE = _regex_class(ASCII_WHITESPACE.replace("\n", ""))
WIDE_SPACE_CLASS = _regex_class(WIDE_WHITESPACE)


def needs_final_strip(parts: Sequence[Part]) -> bool:
    """Whether a template's messages may start or end with whitespace (see `_may_be_blank_at`)."""
    return bool(_may_be_blank_at(parts, end=False) or _may_be_blank_at(parts, end=True))


def _may_be_blank_at(parts: Sequence[Part], *, end: bool, filled: bool = False) -> bool | None:
    """Whether the first (`end`: last) character these parts write may be whitespace: True,
    False, or None when they may write nothing. A value is stripped, so it is either empty or
    not blank at its edges (and `filled`, inside a kept [ ] part, never empty); a literal may
    lose its leading stop after a value ending a sentence.

    When neither edge can be, the messages need no final strip (tidying only ever removes
    whitespace, and never the first or last character when that is not whitespace).
    """
    for part in reversed(parts) if end else parts:
        if isinstance(part, Field):
            if filled:
                return False
            continue  # empty, or what it writes is not blank where it starts or ends
        if isinstance(part, Optional):
            if _may_be_blank_at(part.parts, end=end, filled=True):
                return True
            continue  # left out, or not blank at this edge
        variants = {part.text, without_doubled_stop(part.text)}
        if any(text and text[-1 if end else 0] in PYTHON_WHITESPACE for text in variants):
            return True
        if all(variants):
            return False
    return None


# `message._tidy`'s steps as Rust regexes, each with a cheap search for the messages it can change
# at all; Rust has no look-arounds, so the character looked at is captured and put back.
_TIDY_STEPS: tuple[tuple[str, bool, str, str], ...] = (
    # _SPACE_RUN, (?<=\S) {2,}: a run of spaces after a non-space becomes one space.
    ("  ", True, f"([^{SPACE_CLASS}]) {{2,}}", "${1} "),
    # _SPACE_BEFORE_STOP, " +(?=[,.])": no space before a comma or a full stop.
    (" [,.]", False, " +([,.])", "${1}"),
    # str.rstrip() of every line but the last, which the final strip takes care of.
    (f"[{_ASCII_SPACE_BUT_NEWLINE}]\n", False, f"[{_SPACE_BUT_NEWLINE}]+\n", "\n"),
    # _BLANK_LINES, \n{3,}: at most one blank line in a row.
    ("\n\n\n", True, "\n{3,}", "\n\n"),
)


def _literal_regex(text: str) -> str:
    """`text` as a Rust regex matching it literally (Python's re.escape escapes too much)."""
    return "".join(f"\\{char}" if char in r"\.+*?()|[]{}^$" else char for char in text)


# Any of the searches above, in one pass over the text.
_ANY_TIDY_STEP = "|".join(
    _literal_regex(search) if literal else search for search, literal, _, _ in _TIDY_STEPS
)


def tidy_messages(text: pl.Series, wide: pl.Series, *, strip: bool = True) -> pl.Series:
    """`message._tidy` of each message; `wide` marks those that may hold non-ASCII whitespace.

    `_tidy` works line by line, but none of its steps reaches across a line break, so they can run
    over the whole text. One search finds the messages any step can change (plus those with
    non-ASCII whitespace, which the ASCII searches cannot see); only those are tidied, step by
    step. `strip` False skips the final strip, for templates whose messages cannot need it.
    """
    candidates = text.str.contains(_ANY_TIDY_STEP) | wide
    if candidates.all():
        text = _tidy_steps(text, wide)
    elif candidates.any():
        rows = candidates.arg_true()
        text = text.scatter(rows, _tidy_steps(text.gather(rows), wide.gather(rows)))
    if not strip:
        return text
    text = text.str.strip_chars(ASCII_WHITESPACE)
    if wide.any():
        rows = wide.arg_true()
        text = text.scatter(rows, text.gather(rows).str.strip_chars(PYTHON_WHITESPACE))
    return text


def _tidy_steps(text: pl.Series, wide: pl.Series) -> pl.Series:
    """The steps of `_TIDY_STEPS` in turn, each on the messages its own search picks."""
    for index, (search, literal, pattern, replacement) in enumerate(_TIDY_STEPS):
        hit = text.str.contains(search, literal=literal)
        if index == 2:
            hit = hit | wide
        if hit.any():
            rows = hit.arg_true()
            text = text.scatter(rows, text.gather(rows).str.replace_all(pattern, replacement))
    return text
