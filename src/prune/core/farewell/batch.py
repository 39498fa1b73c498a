"""Farewell messages for many contacts at once: a template turned into one polars expression.

The Farewells screen and the list export need a message for every disconnect, often thousands;
rendering them one at a time with `message.render` costs tens of microseconds each. Here a
template is parsed once (by the same parser, `template.parse_template`) and its parts become a
single expression that polars runs over whole columns. The text is exactly what `render` gives for
each row: wherever polars cannot mirror Python to the letter (case folding of non-ASCII company
names, date strings that are not plain YYYY-MM-DD), those few values are worked out by the
functions of `values` instead.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from datetime import date

import polars as pl

from prune.core.farewell.anniversaries import years_by_anniversaries
from prune.core.farewell.length import LINKEDIN_MESSAGE_LIMIT, check_length
from prune.core.farewell.settings import FarewellSettings
from prune.core.farewell.template import (
    PLACEHOLDERS,
    SENTENCE_ENDS,
    Field,
    Literal,
    Optional,
    parse_template,
    without_doubled_stop,
)
from prune.core.farewell.tidying import (
    PYTHON_WHITESPACE,
    SPACE_CLASS,
    WIDE_SPACE_CLASS,
    WIDE_WHITESPACE,
    needs_final_strip,
    tidy_messages,
)
from prune.core.farewell.tones import NO_MESSAGE
from prune.core.farewell.values import NOT_A_COMPANY, years_in_words, years_phrase

_ISO_DAY = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"  # what date.fromisoformat and %Y-%m-%d both read
_VALUES = tuple(PLACEHOLDERS)  # the placeholder columns, in the order of the table
_ENDS_SENTENCE = "[" + "".join(re.escape(end) for end in SENTENCE_ENDS) + "]$"


def messages_many(
    contacts: pl.DataFrame,
    settings: FarewellSettings,
    *,
    tone: str | None = None,
    saved_tones: str | None = "tone",
    edits: str | None = "text",
    notes: str | None = "note",
    flagged: str | None = None,
) -> pl.Series:
    """`message.message_for` for every row: the saved edit if any, else the row's tone rendered.

    `contacts` has the contact columns (first_name, last_name, company, position, connected_on as
    a date or an ISO string); a missing column counts as empty, like a missing key for `render`.
    `saved_tones`, `edits` and `notes` name the columns holding each contact's stored tone, edited
    text and note (null where there is none; None when the frame has no such column). `tone`
    overrides the stored tones, as `prune farewells --tone` does. `flagged` names a boolean column
    of profiles with bare-bones flags: without a chosen tone they get no message. A row without
    a message gets "". Rows are rendered in one batch per tone.
    """
    chosen = effective_tones(
        _column_or_nulls(contacts, saved_tones),
        settings,
        tone=tone,
        flagged=None if flagged is None else contacts[flagged],
    )
    return messages_in_tones(contacts, settings, chosen, edits=edits, notes=notes)


def messages_in_tones(
    contacts: pl.DataFrame,
    settings: FarewellSettings,
    tones: pl.Series,
    *,
    edits: str | None = "text",
    notes: str | None = "note",
    unsent: str | None = "",
) -> pl.Series:
    """`messages_many` with each row's tone already chosen (`effective_tones`), for a caller
    that needs the tones too and so works them out once. `unsent` is what a row without a
    message gets ("" there; an exported list wants null)."""
    edit = _column_or_nulls(contacts, edits)
    pending = edit.is_null()
    names = tones.filter(pending).unique(maintain_order=True).to_list()
    templates = {name: settings.template_of(name) for name in names if name != NO_MESSAGE}
    values = _placeholders(
        contacts,
        _fields_of(templates.values()),
        my_name=settings.my_name,
        today=settings.today,
        notes=notes,
    )
    silent = tones == NO_MESSAGE
    if pending.all() and len(templates) <= 1 and silent.sum() * 2 <= contacts.height:
        # No edit and one tone (the usual list): every row rendered at once, even the few
        # without a message, which is quicker than taking them out and putting them back.
        only = next(iter(templates.values()), None)
        message = _repeat(unsent, values) if only is None else _render(only, values)
        return (message.set(silent, unsent) if silent.any() else message).alias("message")
    values = values.with_columns(
        _row=pl.int_range(pl.len(), dtype=pl.UInt32), _tone=tones, _edit=edit
    )
    pieces = [values.filter(pl.col("_edit").is_not_null()).select("_row", message="_edit")]
    waiting = values.filter(pl.col("_edit").is_null())
    for name in names:
        group = waiting.filter(pl.col("_tone") == name)
        message = _repeat(unsent, group) if name == NO_MESSAGE else _render(templates[name], group)
        pieces.append(pl.DataFrame({"_row": group.get_column("_row"), "message": message}))
    return pl.concat(pieces).sort("_row").get_column("message")


def _repeat(text: str | None, rows: pl.DataFrame) -> pl.Series:
    return pl.repeat(text, rows.height, dtype=pl.String, eager=True)


def _fields_of(templates: Iterable[str]) -> set[str]:
    """The placeholders the templates use: only those columns need working out."""
    used: set[str] = set()
    for template in templates:
        for part in parse_template(template).parts:
            inner = part.parts if isinstance(part, Optional) else (part,)
            used.update(piece.name for piece in inner if isinstance(piece, Field))
    return used


def effective_tones(
    saved: pl.Series,
    settings: FarewellSettings,
    *,
    tone: str | None = None,
    flagged: pl.Series | None = None,
) -> pl.Series:
    """`settings.choice_of` each stored tone: the tone in use, or NO_MESSAGE.

    `tone`, when given, replaces every tone (not the choice of no message); `flagged` marks the
    profiles with bare-bones flags.
    """
    chosen = saved.cast(pl.String)
    if tone:
        name = settings.tone_of(tone)
        tones = pl.repeat(name, saved.len(), dtype=pl.String, eager=True)
    else:
        names = {value: settings.tone_of(value) for value in chosen.unique()}
        nameless = names.pop(None, settings.tone_of(None))
        tones = chosen.replace_strict(names, default=nameless, return_dtype=pl.String)
    no_message = (chosen == NO_MESSAGE).fill_null(False)
    if flagged is not None:
        known = pl.Series(list(settings.templates), dtype=pl.String)
        unchosen = ~chosen.is_in(known.implode()).fill_null(False)
        no_message = no_message | (flagged.fill_null(False) & unchosen)
    if no_message.any():
        tones = tones.scatter(no_message.arg_true(), NO_MESSAGE)
    return tones.alias("tone")


def refusals(messages: pl.Series) -> pl.Series:
    """`length.check_length` of each message: why it cannot be copied as it is, else null.

    Only messages that might be refused are checked one by one: blank ones, and those whose UTF-8
    size is over LinkedIn's limit (a text never has more UTF-16 code units than UTF-8 bytes).
    """
    text = messages.cast(pl.String).fill_null("")
    suspect = (text.str.len_bytes() > LINKEDIN_MESSAGE_LIMIT) | text.str.contains(
        f"^[{SPACE_CLASS}]*$"
    )
    found = pl.repeat(None, text.len(), dtype=pl.String, eager=True).alias("refusal")
    if suspect.any():
        rows = suspect.arg_true()
        found = found.scatter(rows, [check_length(message) for message in text.gather(rows)])
    return found


def _column_or_nulls(contacts: pl.DataFrame, column: str | None) -> pl.Series:
    if column is None or column not in contacts.columns:
        return pl.repeat(None, contacts.height, dtype=pl.String, eager=True)
    return contacts.get_column(column).cast(pl.String)


# -- placeholder values ---------------------------------------------------------------------------


def _placeholders(
    contacts: pl.DataFrame,
    used: Collection[str],
    *,
    my_name: str | None,
    today: date,
    notes: str | None,
) -> pl.DataFrame:
    """One column per placeholder in `used`, as `values.placeholder_values` gives them (never
    null), and `_wide`: whether any of them holds non-ASCII whitespace. The others are left out:
    a template cannot read them, and at 30,000 rows each costs milliseconds.
    """
    mine = ("" if my_name is None else str(my_name)).strip()
    columns = {
        "first_name": lambda: _stripped(contacts, "first_name"),
        "last_name": lambda: _stripped(contacts, "last_name"),
        "company": lambda: _stripped(contacts, "company"),
        "position": lambda: _stripped(contacts, "position"),
        "years": lambda: _years(contacts, today),
        "my_name": lambda: _every_row(mine),
        "note": lambda: _stripped(contacts, notes) if notes is not None else _every_row(""),
    }
    wanted = [name for name in _VALUES if name in used]
    values = contacts.select(**{name: columns[name]() for name in wanted})
    if values.width == 0:  # a template without placeholders still has a row per contact
        return pl.DataFrame({"_wide": pl.repeat(False, contacts.height, eager=True)})
    if "company" in wanted:
        values = values.with_columns(company=_real_company(values.get_column("company")))
    if "my_name" in wanted and any(char in WIDE_WHITESPACE for char in mine):
        return values.with_columns(_wide=pl.lit(True))
    return values.with_columns(_wide=_holds_wide_whitespace(values))


def _holds_wide_whitespace(values: pl.DataFrame) -> pl.Series:
    """Which rows have a value holding whitespace outside ASCII (a no-break space, say).

    Only rows with any non-ASCII text are searched, the search for such characters being slow.
    Years are worded in ASCII, and my own name is the same on every row (the caller checks it).
    """
    text = [name for name in values.columns if name not in ("years", "my_name")]
    wide = pl.repeat(False, values.height, dtype=pl.Boolean, eager=True)
    if not text:
        return wide
    non_ascii = values.select(
        pl.any_horizontal(
            [pl.col(name).str.len_bytes() != pl.col(name).str.len_chars() for name in text]
        )
    ).to_series()
    if non_ascii.any():
        rows = non_ascii.arg_true()
        found = values.filter(non_ascii).select(
            pl.any_horizontal(pl.col(text).str.contains(f"[{WIDE_SPACE_CLASS}]"))
        )
        wide = wide.scatter(rows, found.to_series())
    return wide


def _every_row(text: str) -> pl.Expr:
    """The same text on every row, even when it is the only column selected."""
    return pl.repeat(text, pl.len(), dtype=pl.String)


def _stripped(contacts: pl.DataFrame, column: str) -> pl.Expr:
    """A text column as `values.value_text` reads a value: stripped, empty when missing."""
    if column not in contacts.columns:
        return _every_row("")
    text = pl.col(column).cast(pl.String)
    return text.str.strip_chars(PYTHON_WHITESPACE).fill_null("")


def _real_company(company: pl.Series) -> pl.Expr:
    """The stripped company, emptied for entries such as "Self-employed" (`values.company_text`).

    Each distinct company is judged once (a network has far fewer companies than people). ASCII
    text is compared lower-cased, which for ASCII is what `casefold` gives; the non-ASCII values
    are folded by Python, since folding can turn them into ASCII ("ﬁ" → "fi").
    """
    distinct = company.unique()
    ascii_text = distinct.str.len_bytes() == distinct.str.len_chars()
    entries = distinct.filter(ascii_text & distinct.str.to_lowercase().is_in(sorted(NOT_A_COMPANY)))
    folded_away = [
        value for value in distinct.filter(~ascii_text) if value.casefold() in NOT_A_COMPANY
    ]
    text = pl.col("company")
    if entries.is_empty() and not folded_away:
        return text
    found = pl.Series([*entries.to_list(), *folded_away], dtype=pl.String)
    return pl.when(text.is_in(found.implode())).then(pl.lit("")).otherwise(text)


def _years(contacts: pl.DataFrame, today: date) -> pl.Series:
    """`values.years_phrase` of connected_on, a date column or ISO text."""
    if "connected_on" not in contacts.columns:
        return pl.repeat("", contacts.height, dtype=pl.String, eager=True)
    column = contacts.get_column("connected_on")
    if column.dtype == pl.Date or isinstance(column.dtype, pl.Datetime):
        return _years_since(column, today)
    text = column.cast(pl.String)
    iso = text.str.contains(_ISO_DAY).fill_null(False)
    parsed = text.str.to_date("%Y-%m-%d", strict=False)
    # chrono reads year 0, which Python's date (years 1 to 9999) refuses.
    day = pl.select(pl.when(pl.lit(iso) & (pl.lit(parsed).dt.year() >= 1)).then(parsed))
    phrases = _years_since(day.to_series(), today)
    odd = text.is_not_null() & ~iso
    if odd.any():  # other forms date.fromisoformat may accept ("20240105"): ask it
        rows = odd.arg_true()
        phrases = phrases.scatter(rows, [years_phrase(value, today) for value in text.gather(rows)])
    return phrases


def _years_since(day: pl.Series, today: date) -> pl.Series:
    """Whole years from each day to `today` in words, as `years_phrase` counts them; empty for
    a null day. The few distinct counts are worded by `years_in_words` itself.
    """
    counted = years_by_anniversaries(day, today)  # far quicker, for days of years 1 to 9999
    if counted is not None:
        return counted
    when = pl.lit(day)
    before_anniversary = (when.dt.month().cast(pl.Int32) * 100 + when.dt.day().cast(pl.Int32)) > (
        today.month * 100 + today.day
    )
    years = pl.select(
        pl.lit(today.year, dtype=pl.Int32)
        - when.dt.year().cast(pl.Int32)
        - before_anniversary.cast(pl.Int32)
    ).to_series()
    words = {count: years_in_words(count) for count in years.unique().drop_nulls()}
    return years.replace_strict(words, default="", return_dtype=pl.String).fill_null("")


# -- the template as an expression ----------------------------------------------------------------


def _render(template: str, values: pl.DataFrame) -> pl.Series:
    """The tidied messages of `template` for the rows of a `_placeholders` frame."""
    # Empty values read as null, so that a [ ] part missing one is null and left out (below).
    present = [
        pl.when(pl.col(name) != "").then(pl.col(name)).alias(name)
        for name in _fields_of([template])
    ]
    text = values.with_columns(present).with_columns(_message=_message(template))["_message"]
    wide = values.get_column("_wide")
    if any(char in WIDE_WHITESPACE for char in template):
        wide = pl.repeat(True, values.height, eager=True)
    return tidy_messages(text, wide, strip=needs_final_strip(parse_template(template).parts))


def _message(template: str) -> pl.Expr:
    """The message before tidying, reading the placeholder columns with empty values as null.

    A [ ] part is one concatenation, so it is null as soon as one of its values is missing,
    and the message's concatenation skips nulls: no part is chosen row by row, which at 30,000
    rows halves the cost.
    """
    pieces: list[pl.Expr] = []
    previous: pl.Expr = pl.lit("")  # the value just written, if the last part was a placeholder
    for part in parse_template(template).parts:
        if isinstance(part, Optional):
            inner, inner_previous = _sequence(part.parts, previous)
            pieces.append(inner)
            names = [p.name for p in part.parts if isinstance(p, Field)]
            if not names:  # nothing can be missing, so it is always kept, as `render` does
                previous = inner_previous
                continue
            # `inner_previous` follows a placeholder inside, so it never repeats `previous`: the
            # expression grows with the template, not exponentially.
            kept = pl.all_horizontal([pl.col(name).is_not_null() for name in names])
            previous = pl.when(kept).then(inner_previous).otherwise(previous)
        else:
            piece, previous = _step(part, previous)
            pieces.append(piece)
    if not pieces:
        return pl.lit("", dtype=pl.String)
    return pl.concat_str(pieces, ignore_nulls=True)


def _sequence(parts: tuple[Literal | Field, ...], previous: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    pieces: list[pl.Expr] = []
    for part in parts:
        piece, previous = _step(part, previous)
        pieces.append(piece)
    return (pl.concat_str(pieces) if pieces else pl.lit("")), previous


def _step(part: Literal | Field, previous: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """One part's text, and what counts as the previous value for the part after it."""
    if isinstance(part, Field):
        return pl.col(part.name), pl.col(part.name)
    text = part.text
    after_stop = without_doubled_stop(text)
    if after_stop != text:
        # As in `render`: "Acme, Inc." followed by the template's full stop keeps one stop.
        ends_sentence = previous.str.contains(_ENDS_SENTENCE)
        return pl.when(ends_sentence).then(pl.lit(after_stop)).otherwise(pl.lit(text)), pl.lit("")
    return pl.lit(text), pl.lit("")
