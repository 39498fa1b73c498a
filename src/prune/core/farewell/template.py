"""The farewell template language: its placeholders, its parser and the parts a template is made of.

Templates are short prose with placeholders in braces, such as `{first_name}`, and optional parts
in square brackets: `Hi[ {first_name}],` becomes "Hi Ana," or, when the first name is unknown,
"Hi,". A bracketed part is kept only when every placeholder inside it has a value, so missing data
never leaves holes such as "at ,". `{{`, `}}`, `[[` and `]]` stand for literal braces and brackets.

The language is parsed here by hand rather than with `str.format`, so a template from the config
file can only name the placeholders below and can never reach into Python objects. Both renderers
(`message` for one contact, `batch` for a polars frame) walk the parts this parser gives, so a
feature of the language is written once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

PLACEHOLDERS: dict[str, str] = {
    "first_name": "their first name",
    "last_name": "their last name",
    "company": "their company, as in the export (empty for entries such as Self-employed)",
    "position": "their position, as in the export",
    "years": 'how long you have been connected: "less than a year", "1 year", "8 years"',
    "my_name": "your own first name (from Profile.csv in the export, else [you] first_name)",
    "note": "your own note on them; it is sent as written, so use it only in tones you write",
}


@dataclass(frozen=True)
class Literal:
    """Text written as it stands."""

    text: str


@dataclass(frozen=True)
class Field:
    """A placeholder, replaced by the contact's value (one of `PLACEHOLDERS`)."""

    name: str


@dataclass(frozen=True)
class Optional:
    """A part in [ ]: written only when every placeholder inside it has a value."""

    parts: tuple[Literal | Field, ...]


Part = Literal | Field | Optional


@dataclass(frozen=True)
class ParsedTemplate:
    """A template as parts to render (adjacent literals joined), and what is wrong with it."""

    parts: tuple[Part, ...]
    problems: tuple[str, ...]


# What a value that ends a sentence ends with: the literal after it drops its own full stop.
SENTENCE_ENDS = (".", "!", "?")


def without_doubled_stop(text: str) -> str:
    """A literal as written right after a value ending a sentence: "Acme, Inc." followed by the
    template's full stop would read "Acme, Inc..", so one leading stop goes (an ellipsis stays).
    """
    return text[1:] if text.startswith(".") and text[1:2] != "." else text


# One token at a time, tried in this order: an escape, a whole placeholder (braces with no brace
# between them), a lone brace or bracket, a run of plain text. The quantifiers never backtrack, so
# the scan is linear in the template's length however its braces are placed.
_TOKEN = re.compile(
    r"(?P<escape>\{\{|\}\}|\[\[|\]\])"
    r"|\{(?P<name>[^{}]*+)\}"
    r"|(?P<mark>[{}\[\]])"
    r"|(?P<text>[^{}\[\]]++)"
)
_ESCAPES = {"{{": "{", "}}": "}", "[[": "[", "]]": "]"}


@lru_cache(maxsize=256)
def parse_template(template: str) -> ParsedTemplate:
    """Split a template into parts, and list what is wrong with it.

    Parsing is lenient: whatever cannot be understood is kept as literal text, so rendering a
    faulty template still gives something readable. The problems are what `validate_template`
    reports.
    """
    top: list[Part] = []
    group: list[Part] | None = None  # the parts of the [ ] being read, if any
    text: list[str] = []  # literal text not yet added as a part (joined once, when it ends)
    problems: list[str] = []
    for match in _TOKEN.finditer(template):
        kind, token = match.lastgroup, match.group()
        if kind == "text":
            text.append(token)
        elif kind == "escape":
            text.append(_ESCAPES[token])
        elif kind == "name":
            if token[1:-1] in PLACEHOLDERS:
                _add(top if group is None else group, text, Field(token[1:-1]))
            else:
                problems.append(f"unknown placeholder {token}")
                text.append(token)
        elif token == "[" and group is None:
            _add(top, text, None)
            group = []
        elif token == "]" and group is not None:
            _add(group, text, None)
            top.append(_closed(group, problems))
            group = None
        else:
            problems.append(_STRAY[token])
            text.append(token)
    _add(top if group is None else group, text, None)
    if group is not None:
        problems.append("a [ is never closed (write [[ for a literal bracket)")
        top = _joined([*top, Literal("["), *group])
    return ParsedTemplate(tuple(top), tuple(problems))


_STRAY = {
    "{": "a { is never closed (write {{ for a literal brace)",
    "}": "a } has no opening { (write }} for a literal brace)",
    "[": "optional parts in [ ] cannot be nested",
    "]": "a ] has no opening [ (write ]] for a literal bracket)",
}


def _add(parts: list[Part], text: list[str], part: Part | None) -> None:
    """Add the pending literal text to `parts` (emptying it), then `part` if there is one."""
    if text:
        parts.append(Literal("".join(text)))
        text.clear()
    if part is not None:
        parts.append(part)


def _joined(parts: list[Part]) -> list[Part]:
    """The parts with each run of adjacent literals joined into one."""
    joined: list[Part] = []
    run: list[str] = []
    for part in parts:
        if isinstance(part, Literal):
            run.append(part.text)
        else:
            _add(joined, run, part)
    _add(joined, run, None)
    return joined


def _closed(parts: list[Part], problems: list[str]) -> Optional:
    """The [ ] part just closed; brackets around plain text are reported, since they do nothing."""
    inner = tuple(part for part in parts if isinstance(part, (Literal, Field)))
    if not any(isinstance(part, Field) for part in inner):
        text = "".join(part.text for part in inner if isinstance(part, Literal))
        problems.append(
            f"[{text}] has no placeholder inside, so the brackets do nothing "
            "(write [[ and ]] for literal brackets)"
        )
    return Optional(inner)


def validate_template(text: str) -> list[str]:
    """What is wrong with a template, one phrase per problem (each once); empty when it is fine."""
    problems = list(parse_template(text).problems)
    if not text.strip():
        problems.append("the text is empty")
    return list(dict.fromkeys(problems))
