"""Farewell messages: the built-in tones, the template language and rendering one message.

A farewell is sent before the connection is removed, because afterwards LinkedIn no longer lets
the user message the person. Templates are short prose with placeholders in braces, such as
`{first_name}`, and optional parts in square brackets: `Hi[ {first_name}],` becomes "Hi Ana," or,
when the first name is unknown, "Hi,". A bracketed part is kept only when every placeholder inside
it has a value, so missing data never leaves holes such as "at ,". `{{`, `}}`, `[[` and `]]`
stand for literal braces and brackets.

The template language is parsed here by hand rather than with `str.format`, so a template from
the config file can only name the placeholders below and can never reach into Python objects.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from prune.core.reading.owner import owner_first_name

if TYPE_CHECKING:
    from prune.core.config import Config
    from prune.core.state.store import Farewell, Snapshot

PLACEHOLDERS: dict[str, str] = {
    "first_name": "their first name",
    "last_name": "their last name",
    "company": "their company, as in the export (empty for entries such as Self-employed)",
    "position": "their position, as in the export",
    "years": 'how long you have been connected: "less than a year", "1 year", "8 years"',
    "my_name": "your own first name (from Profile.csv in the export, else [you] first_name)",
    "note": "your own note on them; it is sent as written, so use it only in tones you write",
}

# A farewell is a message to a first-degree connection (it is sent while the two are still
# connected), and LinkedIn's limit for those is commonly given as 8,000 characters. The better
# known 300-character limit (200 on free accounts) is for the note on a connection *request*, which
# is not what is sent here. LinkedIn does not say how it counts; `message_length` counts UTF-16
# code units, as browsers' JavaScript does, which errs on the safe side: an emoji counts twice.
LINKEDIN_MESSAGE_LIMIT = 8000

DEFAULT_TONE = "warm"

WARM = """\
Hi[ {first_name}],

I'm trimming my LinkedIn network down to a smaller circle I can genuinely keep up with, so \
over the next few days I'll be removing a good number of connections, ours included. It's \
simply about the size of my list, nothing more.[ We've been connected for {years}, and I'm \
glad our paths crossed.]

[I hope all is going well at {company}. ]Wishing you every success, and if we cross paths \
again, I'd be happy to reconnect.

Warm wishes[,
{my_name}]"""

BRIEF = """\
Hi[ {first_name}], a quick heads-up: I'm cutting my LinkedIn connections down to a small \
circle, so I'll be removing ours shortly. It's purely about keeping my list small. Thanks for \
being connected, and all the best[ at {company}]!
[– {my_name}]"""

FORMAL = """\
[Dear {first_name},

]I am reducing my LinkedIn network to a smaller number of contacts I am regularly in touch \
with, and will therefore be removing a number of connections in the coming days, including \
ours. This reflects only how I intend to use LinkedIn from now on.[ We have been connected for \
{years}, and I am grateful for that.]

I wish you continued success[ at {company}].

Kind regards[,
{my_name}]"""

BUILTIN_TONES: dict[str, str] = {"warm": WARM, "brief": BRIEF, "formal": FORMAL}


# -- the template language ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Literal:
    text: str


@dataclass(frozen=True)
class _Field:
    name: str


@dataclass(frozen=True)
class _Optional:
    parts: tuple[_Literal | _Field, ...]


_Part = _Literal | _Field | _Optional
_ESCAPES = {"{{": "{", "}}": "}", "[[": "[", "]]": "]"}


@lru_cache(maxsize=256)
def _parse(template: str) -> tuple[tuple[_Part, ...], tuple[str, ...]]:
    """Split a template into parts, and list what is wrong with it.

    Parsing is lenient: whatever cannot be understood is kept as literal text, so rendering a
    faulty template still gives something readable. The problems are what `validate_template`
    reports.
    """
    parts: list[_Part] = []
    problems: list[str] = []
    group: list[_Literal | _Field] | None = None
    index = 0

    def add(part: _Literal | _Field) -> None:
        (parts if group is None else group).append(part)

    while index < len(template):
        pair = template[index : index + 2]
        char = template[index]
        if pair in _ESCAPES:
            add(_Literal(_ESCAPES[pair]))
            index += 2
        elif char == "{":
            end = template.find("}", index + 1)
            opening = template.find("{", index + 1)
            if end == -1 or (opening != -1 and opening < end):
                problems.append("a { is never closed (write {{ for a literal brace)")
                add(_Literal(char))
                index += 1
                continue
            name = template[index + 1 : end]
            if name in PLACEHOLDERS:
                add(_Field(name))
            else:
                problems.append(f"unknown placeholder {{{name}}}")
                add(_Literal(template[index : end + 1]))
            index = end + 1
        elif char == "}":
            problems.append("a } has no opening { (write }} for a literal brace)")
            add(_Literal(char))
            index += 1
        elif char == "[":
            if group is not None:
                problems.append("optional parts in [ ] cannot be nested")
                add(_Literal(char))
            else:
                group = []
            index += 1
        elif char == "]":
            if group is None:
                problems.append("a ] has no opening [ (write ]] for a literal bracket)")
                add(_Literal(char))
            else:
                if not any(isinstance(part, _Field) for part in group):
                    text = "".join(p.text for p in group if isinstance(p, _Literal))
                    problems.append(
                        f"[{text}] has no placeholder inside, so the brackets do nothing "
                        "(write [[ and ]] for literal brackets)"
                    )
                parts.append(_Optional(tuple(_merge_literals(group))))  # type: ignore[arg-type]
                group = None
            index += 1
        else:
            add(_Literal(char))
            index += 1
    if group is not None:
        problems.append("a [ is never closed (write [[ for a literal bracket)")
        parts.append(_Literal("["))
        parts.extend(group)
    return tuple(_merge_literals(parts)), tuple(problems)


def _merge_literals(parts: list[_Part]) -> list[_Part]:
    merged: list[_Part] = []
    for part in parts:
        if isinstance(part, _Literal) and merged and isinstance(merged[-1], _Literal):
            merged[-1] = _Literal(merged[-1].text + part.text)
        else:
            merged.append(part)
    return merged


def validate_template(text: str) -> list[str]:
    """What is wrong with a template, one phrase per problem; empty when it is fine."""
    problems = list(_parse(text)[1])
    if not text.strip():
        problems.append("the text is empty")
    unique: list[str] = []
    for problem in problems:
        if problem not in unique:
            unique.append(problem)
    return unique


# -- rendering ------------------------------------------------------------------------------------


def years_phrase(connected_on: date | str | None, today: date) -> str:
    """How long two people have been connected, in words; empty when the date is unknown."""
    if isinstance(connected_on, str):
        try:
            connected_on = date.fromisoformat(connected_on)
        except ValueError:
            return ""
    if connected_on is None:
        return ""
    years = today.year - connected_on.year
    if (today.month, today.day) < (connected_on.month, connected_on.day):
        years -= 1
    return years_in_words(years)


def years_in_words(years: int) -> str:
    """Whole years connected as `{years}` says them: "less than a year", "1 year", "8 years"."""
    if years < 1:
        return "less than a year"
    return "1 year" if years == 1 else f"{years} years"


# What people type in the Company field when they have no employer to name: "all the best at
# Freelance" or "going well at Open to Work" reads badly, so these count as no company.
_NOT_A_COMPANY = frozenset(
    {
        "-",
        "--",
        "n/a",
        "na",
        "none",
        "self-employed",
        "self employed",
        "selfemployed",
        "freelance",
        "freelancer",
        "independent",
        "retired",
        "unemployed",
        "between jobs",
        "open to work",
        "looking for opportunities",
        "confidential",
        "stealth",
        "stealth mode",
        "stealth startup",
    }
)


def _company(value: object) -> str:
    text = _text(value)
    return "" if text.casefold() in _NOT_A_COMPANY else text


def _value(contact: object, name: str) -> object:
    if isinstance(contact, Mapping):
        return contact.get(name)
    return getattr(contact, name, None)


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def placeholder_values(
    contact: object, *, my_name: str | None, today: date, note: str | None = None
) -> dict[str, str]:
    """The value of every placeholder for one contact (empty text where the export has none).

    `contact` is anything with the contact columns as keys or attributes: a row of
    `Store.contacts()`, a `ContactView`, a `FarewellRow`. The note is taken from `note`, else
    from the contact's `note`, else from its `decision.note`.
    """
    if note is None:
        note = _value(contact, "note")  # type: ignore[assignment]
    if note is None:
        note = _value(_value(contact, "decision"), "note")  # type: ignore[assignment]
    return {
        "first_name": _text(_value(contact, "first_name")),
        "last_name": _text(_value(contact, "last_name")),
        "company": _company(_value(contact, "company")),
        "position": _text(_value(contact, "position")),
        "years": years_phrase(_value(contact, "connected_on"), today),  # type: ignore[arg-type]
        "my_name": _text(my_name),
        "note": _text(note),
    }


_SPACE_RUN = re.compile(r"(?<=\S) {2,}")
_SPACE_BEFORE_STOP = re.compile(r" +(?=[,.])")
_BLANK_LINES = re.compile(r"\n{3,}")


def _tidy(text: str) -> str:
    """Smooth what empty values leave behind in templates that do not use [ ] parts."""
    lines = [
        _SPACE_BEFORE_STOP.sub("", _SPACE_RUN.sub(" ", line)).rstrip() for line in text.split("\n")
    ]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def render(
    template: str,
    contact: object,
    *,
    my_name: str | None,
    today: date,
    note: str | None = None,
) -> str:
    """The message a template gives for one contact; never raises, even on a faulty template."""
    values = placeholder_values(contact, my_name=my_name, today=today, note=note)
    chosen: list[_Literal | _Field] = []
    for part in _parse(template)[0]:
        if isinstance(part, _Optional):
            if all(values[p.name] for p in part.parts if isinstance(p, _Field)):
                chosen.extend(part.parts)
        else:
            chosen.append(part)
    pieces: list[str] = []
    previous_value = ""
    for part in chosen:
        if isinstance(part, _Field):
            previous_value = values[part.name]
            pieces.append(previous_value)
            continue
        text = part.text
        # "Acme, Inc." followed by the template's full stop would read "Acme, Inc..".
        if previous_value.endswith((".", "!", "?")) and text.startswith(".") and text[1:2] != ".":
            text = text[1:]
        pieces.append(text)
        previous_value = ""
    return _tidy("".join(pieces))


# -- tones ----------------------------------------------------------------------------------------


def tone_names(config: Config | None = None) -> list[str]:
    """The tones in the order `t` cycles through them: built-ins first, then the user's own."""
    return list(BUILTIN_TONES if config is None else config.tones)


def next_tone(current: str | None, tones: Sequence[str] = tuple(BUILTIN_TONES)) -> str:
    """The tone after `current`, wrapping round; the first tone when `current` is unknown."""
    names = list(tones)
    if not names:
        return DEFAULT_TONE
    if current not in names:
        return names[0]
    return names[(names.index(current) + 1) % len(names)]


def effective_tone(
    chosen: str | None, templates: Mapping[str, str], default_tone: str = DEFAULT_TONE
) -> str:
    """The tone a message is rendered in: the chosen one if it still exists, else the default."""
    if chosen in templates:
        return chosen  # type: ignore[return-value]
    if default_tone in templates:
        return default_tone
    return next(iter(templates), DEFAULT_TONE)


def tone_template(tone: str, templates: Mapping[str, str]) -> str:
    """The text of a tone from `effective_tone`; a built-in one if `templates` lacks it."""
    return templates.get(tone, BUILTIN_TONES.get(tone, WARM))


def message_for(
    farewell: Farewell | None,
    contact: object,
    templates: Mapping[str, str],
    my_name: str | None,
    today: date,
    *,
    default_tone: str = DEFAULT_TONE,
    tone: str | None = None,
    note: str | None = None,
) -> str:
    """The message to show and copy: the user's saved edit if any, else the rendered template.

    `tone` overrides the tone saved for the contact (for `prune farewells --tone`); an edit still
    wins over it, because it is what the user chose to say to this person.
    """
    if farewell is not None and farewell.text is not None:
        return farewell.text
    chosen = tone or (farewell.tone if farewell is not None else None)
    template = tone_template(effective_tone(chosen, templates, default_tone), templates)
    return render(template, contact, my_name=my_name, today=today, note=note)


def my_first_name(snapshot: Snapshot | None, config: Config | None = None) -> str | None:
    """The user's own first name for `{my_name}`: Profile.csv of the snapshot's export, else
    `[you] first_name` in the config, else None (the built-in tones then end without a name).
    """
    name = owner_first_name(snapshot.source) if snapshot is not None else None
    if name:
        return name
    return (config.first_name or None) if config is not None else None


# -- length ---------------------------------------------------------------------------------------


def message_length(text: str) -> int:
    """Length in UTF-16 code units, as a browser counts text (an emoji counts as two)."""
    return len(text.encode("utf-16-le")) // 2


def check_length(text: str) -> str | None:
    """Why this message cannot be sent as it is, or None when it can."""
    if not text.strip():
        return "The message is empty: write something, or clear the edit to use the template."
    length = message_length(text)
    if length > LINKEDIN_MESSAGE_LIMIT:
        return (
            f"Too long for LinkedIn: {length:,} characters where a message may have at most "
            f"{LINKEDIN_MESSAGE_LIMIT:,}. Shorten it by {length - LINKEDIN_MESSAGE_LIMIT:,} "
            "before copying."
        )
    return None
