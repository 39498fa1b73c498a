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
from datetime import date

import polars as pl

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
from prune.core.farewell.tones import NO_MESSAGE
from prune.core.farewell.values import NOT_A_COMPANY, years_in_words, years_phrase

# Every character Python's `str.strip()` and `re`'s \s treat as whitespace. Rust's \s leaves out
# the four separators \x1c-\x1f, so the regexes below spell the set out instead of writing \s.
PYTHON_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_ASCII_WHITESPACE = "".join(char for char in PYTHON_WHITESPACE if char.isascii())
# Regexes over non-ASCII classes scan text several times slower than ASCII ones, so a message is
# searched for these only when its template or one of its values holds such a character.
_WIDE_WHITESPACE = "".join(char for char in PYTHON_WHITESPACE if not char.isascii())


def _regex_class(chars: str) -> str:
    return "".join(f"\\x{{{ord(char):x}}}" for char in chars)


_SPACE = _regex_class(PYTHON_WHITESPACE)
_SPACE_BUT_NEWLINE = _regex_class(PYTHON_WHITESPACE.replace("\n", ""))
_ASCII_SPACE_BUT_NEWLINE = _regex_class(_ASCII_WHITESPACE.replace("\n", ""))
_WIDE_SPACE = _regex_class(_WIDE_WHITESPACE)
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
    saved = _column_or_nulls(contacts, saved_tones)
    values = _placeholders(
        contacts, my_name=settings.my_name, today=settings.today, notes=notes
    ).with_columns(
        _row=pl.int_range(pl.len(), dtype=pl.UInt32),
        _tone=effective_tones(
            saved, settings, tone=tone, flagged=None if flagged is None else contacts[flagged]
        ),
        _edit=_column_or_nulls(contacts, edits),
    )
    pieces = [values.filter(pl.col("_edit").is_not_null()).select("_row", message="_edit")]
    pending = values.filter(pl.col("_edit").is_null())
    for name in pending.get_column("_tone").unique(maintain_order=True):
        group = pending.filter(pl.col("_tone") == name)
        if name == NO_MESSAGE:
            message = pl.repeat("", group.height, dtype=pl.String, eager=True)
        else:
            message = _render(settings.template_of(name), group)
        pieces.append(pl.DataFrame({"_row": group.get_column("_row"), "message": message}))
    return pl.concat(pieces).sort("_row").get_column("message")


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
    suspect = (text.str.len_bytes() > LINKEDIN_MESSAGE_LIMIT) | text.str.contains(f"^[{_SPACE}]*$")
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
    contacts: pl.DataFrame, *, my_name: str | None, today: date, notes: str | None
) -> pl.DataFrame:
    """One column per placeholder, as `values.placeholder_values` gives them (never null), and
    `_wide`: whether any of them holds non-ASCII whitespace.
    """
    values = contacts.with_columns(
        first_name=_stripped(contacts, "first_name"),
        last_name=_stripped(contacts, "last_name"),
        company=_stripped(contacts, "company"),
        position=_stripped(contacts, "position"),
        years=_years(contacts, today),
        my_name=pl.lit(("" if my_name is None else str(my_name)).strip(), dtype=pl.String),
        note=_stripped(contacts, notes) if notes is not None else pl.lit("", dtype=pl.String),
    ).select(_VALUES)
    values = values.with_columns(company=_real_company(values.get_column("company")))
    return values.with_columns(_wide=_holds_wide_whitespace(values))


def _holds_wide_whitespace(values: pl.DataFrame) -> pl.Series:
    """Which rows have a value holding whitespace outside ASCII (a no-break space, say).

    Only rows with any non-ASCII text are searched, the search for such characters being slow.
    """
    text = [name for name in _VALUES if name != "years"]  # years are worded in ASCII
    non_ascii = values.select(
        pl.any_horizontal(
            [pl.col(name).str.len_bytes() != pl.col(name).str.len_chars() for name in text]
        )
    ).to_series()
    wide = pl.repeat(False, values.height, dtype=pl.Boolean, eager=True)
    if non_ascii.any():
        rows = non_ascii.arg_true()
        found = values.filter(non_ascii).select(
            pl.any_horizontal(pl.col(text).str.contains(f"[{_WIDE_SPACE}]"))
        )
        wide = wide.scatter(rows, found.to_series())
    return wide


def _stripped(contacts: pl.DataFrame, column: str) -> pl.Expr:
    """A text column as `values.value_text` reads a value: stripped, empty when missing."""
    if column not in contacts.columns:
        return pl.lit("", dtype=pl.String)
    text = pl.col(column).cast(pl.String)
    return text.str.strip_chars(PYTHON_WHITESPACE).fill_null("")


def _real_company(company: pl.Series) -> pl.Expr:
    """The stripped company, emptied for entries such as "Self-employed" (`values.company_text`).

    ASCII text is compared lower-cased, which for ASCII is what `casefold` gives; the few distinct
    non-ASCII values are folded by Python, since folding can turn them into ASCII ("ﬁ" → "fi").
    """
    unusual = company.filter(company.str.len_bytes() != company.str.len_chars()).unique()
    folded_away = [value for value in unusual if value.casefold() in NOT_A_COMPANY]
    text = pl.col("company")
    ascii_text = text.str.len_bytes() == text.str.len_chars()
    placeholder = (ascii_text & text.str.to_lowercase().is_in(sorted(NOT_A_COMPANY))) | text.is_in(
        folded_away
    )
    return pl.when(placeholder).then(pl.lit("")).otherwise(text)


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
    text = values.with_columns(_message=_message(template)).get_column("_message")
    wide = values.get_column("_wide")
    if any(char in _WIDE_WHITESPACE for char in template):
        wide = pl.repeat(True, values.height, eager=True)
    return _tidy(text, wide)


def _message(template: str) -> pl.Expr:
    """The message before tidying, reading the placeholder columns."""
    pieces: list[pl.Expr] = []
    previous: pl.Expr = pl.lit("")  # the value just written, if the last part was a placeholder
    for part in parse_template(template).parts:
        if isinstance(part, Optional):
            inner, inner_previous = _sequence(part.parts, previous)
            filled = [pl.col(p.name) != "" for p in part.parts if isinstance(p, Field)]
            if not filled:  # nothing can be missing, so it is always kept, as `render` does
                pieces.append(inner)
                previous = inner_previous
                continue
            # `inner_previous` follows a placeholder inside, so it never repeats `previous`: the
            # expression grows with the template, not exponentially.
            kept = pl.all_horizontal(filled)
            pieces.append(pl.when(kept).then(inner).otherwise(pl.lit("")))
            previous = pl.when(kept).then(inner_previous).otherwise(previous)
        else:
            piece, previous = _step(part, previous)
            pieces.append(piece)
    return pl.concat_str(pieces) if pieces else pl.lit("", dtype=pl.String)


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


# `message._tidy`'s steps as Rust regexes, each with a cheap search for the messages it can change
# at all; Rust has no look-arounds, so the character looked at is captured and put back.
_TIDY_STEPS: tuple[tuple[str, bool, str, str], ...] = (
    # _SPACE_RUN, (?<=\S) {2,}: a run of spaces after a non-space becomes one space.
    ("  ", True, f"([^{_SPACE}]) {{2,}}", "${1} "),
    # _SPACE_BEFORE_STOP, " +(?=[,.])": no space before a comma or a full stop.
    (" [,.]", False, " +([,.])", "${1}"),
    # str.rstrip() of every line but the last, which the final strip takes care of.
    (f"[{_ASCII_SPACE_BUT_NEWLINE}]\n", False, f"[{_SPACE_BUT_NEWLINE}]+\n", "\n"),
    # _BLANK_LINES, \n{3,}: at most one blank line in a row.
    ("\n\n\n", True, "\n{3,}", "\n\n"),
)


def _tidy(text: pl.Series, wide: pl.Series) -> pl.Series:
    """`message._tidy` of each message; `wide` marks those that may hold non-ASCII whitespace.

    `_tidy` works line by line, but none of its steps reaches across a line break, so they can run
    over the whole text. Each runs only on the messages its search picks (plus, for the end of
    line strip, those with non-ASCII whitespace, which the ASCII search cannot see).
    """
    for index, (search, literal, pattern, replacement) in enumerate(_TIDY_STEPS):
        hit = text.str.contains(search, literal=literal)
        if index == 2:
            hit = hit | wide
        if hit.any():
            rows = hit.arg_true()
            text = text.scatter(rows, text.gather(rows).str.replace_all(pattern, replacement))
    text = text.str.strip_chars(_ASCII_WHITESPACE)
    if wide.any():
        rows = wide.arg_true()
        text = text.scatter(rows, text.gather(rows).str.strip_chars(PYTHON_WHITESPACE))
    return text
