"""Settings from a TOML file the user may edit: read with tomllib, first written with tomli-w.

A bad file never stops prune: every problem becomes a message naming the file, line and key, and
the built-in value is used instead. The farewell settings of a run are built here, from the file
and the snapshot (the farewell package knows nothing of the file).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prune.core.config.locating import shown_value, toml_problem, too_deep_problem, where_in
from prune.core.farewell.settings import FarewellSettings
from prune.core.farewell.template import PLACEHOLDERS, validate_template
from prune.core.farewell.tones import BUILTIN_TONES, DEFAULT_TONE, NO_MESSAGE
from prune.core.invitations.defaults import DEFAULT_STALE_AFTER
from prune.core.nurture.tiers import TIERS, Cadences
from prune.core.paths import make_private_dirs
from prune.core.periods import Period, parse_period
from prune.core.review.order_names import ORDERS
from prune.core.review.query import QueryError, query_expression
from prune.core.review.rules import RULES

if TYPE_CHECKING:
    from prune.core.state.store import Snapshot


@dataclass
class Config:
    """Settings in effect, plus the problems found while reading them."""

    rule: str = "any"
    order: str = "default"
    first_name: str = ""
    keys: dict[str, str] = field(default_factory=dict)
    key_places: dict[str, str] = field(default_factory=dict)  # binding id -> `file, line N, …`
    default_tone: str = DEFAULT_TONE
    tones: dict[str, str] = field(default_factory=lambda: dict(BUILTIN_TONES))  # name -> template
    cadences: Cadences = field(default_factory=Cadences)  # [nurture]
    stale_after: Period = DEFAULT_STALE_AFTER  # [invitations] stale_after
    filters: dict[str, str] = field(default_factory=dict)  # [filters] name -> saved query
    problems: list[str] = field(default_factory=list)

    def farewell_settings(self, snapshot: Snapshot | None, today: date) -> FarewellSettings:
        """What the farewells of `snapshot` are rendered with: these tones, the user's name as
        `my_first_name` finds it (which reads the snapshot's export), the day `{years}` counts to.
        """
        return FarewellSettings(
            templates=self.tones,
            my_name=my_first_name(snapshot, self),
            today=today,
            default_tone=self.default_tone,
        )


def my_first_name(snapshot: Snapshot | None, config: Config | None = None) -> str | None:
    """The user's own first name for `{my_name}`: Profile.csv, as read once when the snapshot was
    imported, else `[you] first_name` in the config, else None (the tones then end without a name).
    """
    name = snapshot.owner_first_name if snapshot is not None else None
    if name:
        return name
    return (config.first_name or None) if config is not None else None


def default_document() -> dict[str, Any]:
    """What a fresh config file holds: every setting with its default, ready to edit."""
    return {
        "review": {"rule": "any", "order": "default"},
        "you": {"first_name": ""},
        "keys": {},
        "farewell": {
            "default_tone": DEFAULT_TONE,
            "tones": {name: {"text": text} for name, text in BUILTIN_TONES.items()},
        },
        "nurture": {tier: _period_text(Cadences().of(tier)) for tier in TIERS},
        "invitations": {"stale_after": _period_text(DEFAULT_STALE_AFTER)},
    }


def _period_text(period: Period | None) -> str:
    return "never" if period is None else period.describe()


def _header() -> str:
    """The comment on top of a fresh file: tomli-w writes no comments, so it is added here."""
    names = " ".join(f"{{{name}}}" for name in PLACEHOLDERS)
    return f"""\
# Settings for prune. This file is yours: prune writes it when it is missing, and after that
# changes only a setting you ask it to change in the app, leaving the rest as you wrote it.
#
# Farewell messages: each [farewell.tones.NAME] table holds the text of one tone; `t` in the
# app goes through them in this order. Reword the built-in ones (warm, brief, formal), or add
# a table with a new name for a tone of your own. Remove a built-in table to get the original
# text back. default_tone is the tone a message starts in.
#
# Placeholders: {names}
# {{years}} reads "less than a year", "1 year", "8 years". {{note}} is your private note on the
# person and is sent as written. A part in [square brackets] is left out when a placeholder in
# it has no value: "Hi[ {{first_name}}]," gives "Hi Ana," or "Hi,". Write {{{{ }}}} [[ ]] to get
# a literal brace or bracket.
#
# [nurture]: how long after the last interaction a kept contact is due for a word from you, per
# tier: close (you would ask them a favour), known (you know them or interacted), kept (the
# rest). Write "10 days", "3 weeks", "3 months", "1 year" or "never". [invitations] stale_after:
# how old an unanswered invitation you sent may get before prune suggests withdrawing it.
#
# [filters]: saved queries of the list of all contacts, NAME = "QUERY" (ctrl+s in its filter
# box adds one); the palette lists each as "Filter: NAME", and `prune decide --saved NAME` uses it.

"""


def write_default_config(path: Path) -> bool:
    """Write the default file if none exists yet (private to the user); True if written."""
    if path.exists():
        return False
    make_private_dirs(path.parent)
    import tomli_w  # only to write a missing file: not on every start

    data = (_header() + tomli_w.dumps(default_document(), multiline_strings=True)).encode()
    descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    return True


SECTIONS: dict[str, tuple[str, ...]] = {
    "review": ("rule", "order"),
    "you": ("first_name",),
    "keys": (),
    "farewell": ("default_tone", "tones"),
    "nurture": TIERS,
    "invitations": ("stale_after",),
    "filters": (),
}


def load_config(path: Path, binding_ids: Collection[str] | None = None) -> Config:
    """Read settings; a missing file means defaults, a bad one means defaults plus problems.

    `binding_ids` are the ids `[keys]` may rebind; the interface knows them, so it passes them
    in. Without them every id is accepted (and an unknown one simply rebinds nothing).
    """
    config = Config()
    if not path.exists():
        return config
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        config.problems.append(f"{path}: cannot be read ({error}); using built-in settings")
        return config
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        config.problems.append(toml_problem(path, text, error))
        return config
    except RecursionError:
        config.problems.append(too_deep_problem(path, text))
        return config

    def where(section: str, key: str | None = None, needle: str | None = None) -> str:
        return where_in(path, text, section, key, needle)

    _note_unknown(document, config, where)
    review = _table(document, "review", config, where)
    config.rule = _choice(review, "rule", RULES, config, where) or config.rule
    config.order = _choice(review, "order", ORDERS, config, where) or config.order
    first_name = _table(document, "you", config, where).get("first_name", "")
    if isinstance(first_name, str):
        config.first_name = first_name.strip()
    else:
        config.problems.append(f"{where('you', 'first_name')}: must be text")
    keys = _table(document, "keys", config, where)
    for binding_id, key in keys.items():
        if binding_ids is not None and binding_id not in binding_ids:
            config.problems.append(
                f"{where('keys', binding_id)}: not a key binding prune has (such as "
                f"{min(binding_ids, default='app.quit')}); it is ignored"
            )
        elif isinstance(key, str) and key.strip():
            config.keys[binding_id] = key.strip()
            config.key_places[binding_id] = where("keys", binding_id)
        else:
            config.problems.append(f'{where("keys", binding_id)}: must be a key name such as "k"')
    _read_farewell(_table(document, "farewell", config, where), config, where)
    _read_nurture(_table(document, "nurture", config, where), config, where)
    _read_invitations(_table(document, "invitations", config, where), config, where)
    _read_filters(_table(document, "filters", config, where), config, where)
    return config


def _read_filters(filters: dict[str, Any], config: Config, where: Any) -> None:
    """Saved queries; one that is not text or does not parse is skipped, with the reason."""
    for name, query in filters.items():
        if not isinstance(query, str):
            config.problems.append(
                f'{where("filters", name)}: must be a query in quotes, such as "company:acme"; '
                "it is skipped"
            )
            continue
        try:
            query_expression(query)
        except QueryError as error:
            config.problems.append(f"{where('filters', name)}: {error}; it is skipped")
            continue
        config.filters[name] = query


def _choice(
    table: dict[str, Any], key: str, choices: Collection[str], config: Config, where: Any
) -> str | None:
    """A setting that names one of `choices`; None (and a problem) for anything else."""
    if key not in table:
        return None
    value = table[key]
    if isinstance(value, str) and value in choices:
        return value
    config.problems.append(
        f"{where('review', key)}: {shown_value(value)} is not a{'n' if key[0] in 'aeiou' else ''} "
        f"{key}; use one of {', '.join(choices)}"
    )
    return None


def _note_unknown(document: dict[str, Any], config: Config, where: Any) -> None:
    """Sections and settings prune does not read: most often a typo, so say so."""
    known = ", ".join(f"[{name}]" for name in SECTIONS)
    for section, value in document.items():
        if section not in SECTIONS:
            config.problems.append(
                f"{where(section)}: not a section prune knows (it reads {known}); it is ignored"
            )
        elif section in ("review", "you") and isinstance(value, dict):
            for key in value:
                if key not in SECTIONS[section]:
                    config.problems.append(
                        f"{where(section, key)}: not a setting prune knows (it has "
                        f"{' and '.join(SECTIONS[section])}); it is ignored"
                    )


def _read_nurture(nurture: dict[str, Any], config: Config, where: Any) -> None:
    """One cadence per tier; a bad value keeps that tier's built-in cadence."""
    cadences = {tier: config.cadences.of(tier) for tier in TIERS}
    for setting, value in nurture.items():
        if setting not in TIERS:
            config.problems.append(
                f"{where('nurture', setting)}: not a tier prune knows (it has "
                f"{', '.join(TIERS)}); it is ignored"
            )
            continue
        try:
            cadences[setting] = parse_period(value)
        except ValueError as error:
            config.problems.append(
                f"{where('nurture', setting)}: {error}; {_period_text(cadences[setting])} is used"
            )
    config.cadences = Cadences(**cadences)


def _read_invitations(invitations: dict[str, Any], config: Config, where: Any) -> None:
    """How old an outgoing invitation gets before prune suggests withdrawing it."""
    for setting, value in invitations.items():
        if setting != "stale_after":
            config.problems.append(
                f"{where('invitations', setting)}: not a setting prune knows (it has "
                "stale_after); it is ignored"
            )
            continue
        try:
            period = parse_period(value, allow_never=False)
        except ValueError as error:
            config.problems.append(
                f"{where('invitations', setting)}: {error}; "
                f"{_period_text(config.stale_after)} is used"
            )
            continue
        assert period is not None
        config.stale_after = period


def _table(document: dict[str, Any], name: str, config: Config, where: Any) -> dict[str, Any]:
    """A top-level table, or an empty one (and a problem) when the file has something else."""
    value = document.get(name, {})
    if isinstance(value, dict):
        return value
    config.problems.append(f"{where(name)}: must be a table; its built-in settings are used")
    return {}


def _read_farewell(farewell: dict[str, Any], config: Config, where: Any) -> None:
    """Tones and the default tone; a faulty tone falls back to its built-in text or is left out."""
    for setting in farewell:
        if setting not in ("default_tone", "tones"):
            config.problems.append(
                f"{where('farewell', setting)}: not a setting prune knows (it has default_tone "
                "and [farewell.tones.NAME] tables); it is ignored"
            )
    tones = farewell.get("tones", {})
    if not isinstance(tones, dict):
        config.problems.append(
            f"{where('farewell', 'tones')}: must hold [farewell.tones.NAME] tables; "
            "the built-in tones are used"
        )
        tones = {}
    for name, entry in tones.items():
        section = f"farewell.tones.{_key_text(name)}"
        fallback = (
            f"the built-in {name} text is used"
            if name in BUILTIN_TONES
            else f"the {name} tone is left out"
        )
        if name == NO_MESSAGE:  # `t` already offers it, and it sends nothing
            config.problems.append(
                f'{where(section)}: "{NO_MESSAGE}" is the farewell choice that sends nothing, '
                "not a name for a tone; this tone is left out"
            )
            continue
        if not isinstance(entry, dict):
            config.problems.append(
                f'{where("farewell.tones", name)}: must be a table with a text = "..." line; '
                f"{fallback}"
            )
            continue
        for setting in entry:
            if setting != "text":
                config.problems.append(
                    f"{where(section, setting)}: not a setting of a tone (a tone has only text); "
                    "it is ignored"
                )
        if "text" not in entry:
            config.problems.append(f'{where(section)}: has no text = "..." line; {fallback}')
            continue
        template = entry["text"]
        if not isinstance(template, str):
            config.problems.append(
                f'{where(section, "text")}: must be text in quotes (use """ for several '
                f"lines); {fallback}"
            )
            continue
        problems = validate_template(template)
        if problems:
            # Point at the line of the first fault, not just the start of the text.
            snippet = _PROBLEM_SNIPPET.search(problems[0])
            location = where(
                section, "text", (snippet.group(1) or snippet.group(2)) if snippet else None
            )
            config.problems.append(f"{location}: {', '.join(problems)}; {fallback}")
            continue
        config.tones[name] = template
    default_tone = farewell.get("default_tone", DEFAULT_TONE)
    if isinstance(default_tone, str) and default_tone in config.tones:
        config.default_tone = default_tone
    else:
        config.problems.append(
            f"{where('farewell', 'default_tone')}: {shown_value(default_tone)} is not a tone; "
            f"use one of {', '.join(config.tones)}; {DEFAULT_TONE} is used"
        )


# The piece of the template a problem is about, to find its line in the file.
_PROBLEM_SNIPPET = re.compile(r"unknown placeholder (\{[^}]*\})|^(\[[^\]]*\]) has no placeholder")


def _key_text(name: str) -> str:
    """A table name as it would be written in the file (quoted when it needs quotes)."""
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else f'"{name}"'


def ensure_config(path: Path, binding_ids: Collection[str] | None = None) -> Config:
    """Settings for this run: write the default file on first run, then read it; never raises.

    A file that cannot be written (read-only home, say) is a problem to report, not a reason
    to stop: the built-in settings apply.
    """
    problems: list[str] = []
    try:
        write_default_config(path)
    except OSError as error:
        problems.append(
            f"{path}: cannot be created ({error.strerror or error}); using built-in settings"
        )
    config = load_config(path, binding_ids)
    config.problems[:0] = problems
    return config
