"""Reading `Connections.csv` in every shape LinkedIn (and spreadsheets) have given it.

The result is one normalised polars frame: stripped text, ISO dates, a contact key per row,
hidden members (rows with only a date) split off, duplicate URLs merged, and rows cut short (a
download that stopped early) left out and counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import polars as pl

from prune.core.errors import ExportError
from prune.core.model import CONTACT_COLUMNS
from prune.core.reading.csv_table import Table, locate_table
from prune.core.reading.identity import contact_keys
from prune.core.reading.placeholders import clear_placeholders, count_placeholders
from prune.core.reading.records import read_whole_rows
from prune.core.text.control import shown_path

REQUIRED = ("first name", "last name", "connected on")
OPTIONAL = ("url", "email address", "company", "position")
COLUMN_NAMES = {
    "first name": "first_name",
    "last name": "last_name",
    "url": "url",
    "email address": "email",
    "company": "company",
    "position": "position",
    "connected on": "connected_on",
}
# Formats seen: LinkedIn since 2021, the 2018 export, and spreadsheet re-saves.
DATE_FORMATS: tuple[tuple[str, type[pl.datatypes.TemporalType]], ...] = (
    ("%d %b %Y", pl.Date),
    ("%m/%d/%y, %I:%M %p", pl.Datetime),
    ("%d-%b-%y", pl.Date),
    ("%d-%b-%Y", pl.Date),
    ("%Y-%m-%d", pl.Date),
    ("%m/%d/%y", pl.Date),
    ("%d %B %Y", pl.Date),
)
# LinkedIn opened in May 2003: an earlier date is a year cut short ("07 Mar 20").
_FIRST_POSSIBLE = date(2003, 1, 1)
_MESSAGE_COLUMNS = {"conversation id", "content", "sender profile url", "folder"}
_SIDE_FILE_HINTS = {
    "sent at": "Invitations.csv",
    "endorsement date": "an endorsements file",
    "skill name": "an endorsements file",
    "company name": "Positions.csv",
    "headline": "Profile.csv",
}


@dataclass(frozen=True)
class Connections:
    """The reviewable contacts of one export and what was set aside while reading it."""

    contacts: pl.DataFrame  # CONTACT_COLUMNS, connected_on as pl.Date
    hidden: int  # date-only rows: hidden or closed accounts, counted but never reviewed
    duplicates: int  # rows merged into an earlier row with the same key
    rows: int  # data rows in the file
    cut_rows: int = 0  # rows cut short (fewer fields, a quote never closed): left out
    last_row_cut: bool = False  # the file's last row was one of them: a download cut short
    # Spreadsheet placeholder cells read as empty, by placeholder as written ({"NA": 159})
    placeholders: dict[str, int] = field(default_factory=dict)

    @property
    def first_connected_on(self) -> date | None:
        return _as_date(self.contacts["connected_on"].min())

    @property
    def last_connected_on(self) -> date | None:
        return _as_date(self.contacts["connected_on"].max())


def _as_date(value: object) -> date | None:
    return value if isinstance(value, date) else None


def _is_connections_header(fields: list[str]) -> bool:
    lowered = {field.lower() for field in fields}
    return "first name" in lowered and "last name" in lowered


def read_connections(raw: bytes, name: str = "Connections.csv") -> Connections:
    """Parse and normalise a Connections.csv, or raise ExportError saying what is wrong."""
    name = shown_path(name)
    table = _locate(raw, name)
    lowered = {field.lower(): field for field in table.header}
    missing = [column for column in REQUIRED if column not in lowered]
    if missing:
        wanted = ", ".join(column.title() for column in missing)
        raise ExportError(
            f"{name} lacks the column(s) {wanted}: give the Connections.csv from LinkedIn's "
            "export, unedited."
        )
    try:
        whole = read_whole_rows(table, keep_placeholders=True)
    except pl.exceptions.PolarsError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else "unreadable"
        raise ExportError(
            f"{name} could not be read as CSV ({shown_path(first_line)}): "
            "download the export again."
        ) from None
    frame, cut, last_cut = whole.frame, whole.cut, whole.last_cut
    frame = frame.rename(
        {
            column: COLUMN_NAMES[column.lower()]
            for column in frame.columns
            if column.lower() in COLUMN_NAMES
        }
    )
    frame = frame.select(
        pl.col(column).str.strip_chars().replace("", None)
        if column in frame.columns
        else pl.lit(None, dtype=pl.String).alias(column)
        for column in COLUMN_NAMES.values()
    )
    placeholders = count_placeholders(frame)
    if placeholders:
        frame = clear_placeholders(frame)
    rows = frame.height + cut
    connected_on = _parse_dates(frame["connected_on"])
    if not last_cut and _date_cut_short(table, frame["connected_on"], connected_on):
        frame, connected_on = frame.head(-1), connected_on.head(-1)
        cut, last_cut = cut + 1, True
    _check_dates(frame["connected_on"], connected_on, name)
    frame = frame.with_columns(connected_on)

    # Hidden or closed members (rows with only a date) are counted, never reviewed; the rows
    # they leave are filtered once, together with rows repeating an earlier key.
    identity_columns = ["first_name", "last_name", "url", "email", "company", "position"]
    is_hidden = frame.select(pl.all_horizontal(pl.col(identity_columns).is_null())).to_series()
    visible = ~is_hidden
    keys = contact_keys(frame, visible)
    # One query: only the columns kept are filtered.
    contacts = (
        frame.lazy()
        .with_columns(keys, visible.alias("visible"))
        .filter(pl.col("visible") & pl.col("key").is_first_distinct())
        .select(CONTACT_COLUMNS)
        .collect(engine="in-memory")  # polars' default picks streaming: slower at this size
    )
    hidden = int(is_hidden.sum())
    return Connections(
        contacts=contacts,
        hidden=hidden,
        duplicates=rows - cut - hidden - contacts.height,
        rows=rows,
        cut_rows=cut,
        last_row_cut=last_cut,
        placeholders=placeholders,
    )


def _date_cut_short(table: Table, texts: pl.Series, dates: pl.Series) -> bool:
    """Whether the file stops inside its last row's date ("07 Mar 20"), its last field.

    LinkedIn ends the file without a line break, but every row it writes has a date.
    """
    if not texts.len() or table.body.endswith(b"\n"):
        return False
    if table.header[-1].lower() != "connected on":
        return False
    last = dates[-1]
    return last is None or last < _FIRST_POSSIBLE


def _locate(raw: bytes, name: str) -> Table:
    try:
        return locate_table(raw, name, _is_connections_header)
    except ExportError:
        pass
    # Not a connections file: say what it looks like instead, when we can tell.
    table = locate_table(raw, name)
    lowered = {field.lower() for field in table.header}
    if len(lowered & _MESSAGE_COLUMNS) >= 2 or {"from", "to", "content"} <= lowered:
        raise ExportError(
            f"{name} is LinkedIn's messages file, not Connections.csv: give Connections.csv "
            "or the whole export zip."
        )
    for column, what in _SIDE_FILE_HINTS.items():
        if column in lowered:
            raise ExportError(
                f"{name} looks like {what}, not Connections.csv: give Connections.csv or the "
                "whole export zip."
            )
    raise ExportError(
        f"{name} is not a LinkedIn Connections.csv (no First Name / Last Name header found): "
        "give Connections.csv or the whole export zip."
    )


def _parse_dates(values: pl.Series) -> pl.Series:
    """Each date in the first of DATE_FORMATS that reads it.

    A file uses one or two formats, so each format is tried only on the rows every earlier one
    left unread, instead of every format on every row.
    """
    (first_format, first_type), *other_formats = DATE_FORMATS
    parsed = values.str.strptime(first_type, first_format, strict=False).cast(pl.Date)
    for fmt, dtype in other_formats:
        unread = parsed.is_null() & values.is_not_null()
        if not unread.any():
            break
        attempt = values.filter(unread).str.strptime(dtype, fmt, strict=False).cast(pl.Date)
        parsed = parsed.scatter(unread.arg_true(), attempt)
    # polars reads years no Python date can hold ("01 Jan 0000"): such a day is unreadable too.
    outside = ~parsed.dt.year().is_between(1, 9999).fill_null(True)
    if outside.any():
        parsed = parsed.scatter(outside.arg_true(), None)
    return parsed


def _check_dates(texts: pl.Series, dates: pl.Series, name: str) -> None:
    """Refuse a file whose dates we cannot read rather than import it with holes."""
    unreadable = texts.is_not_null() & dates.is_null()
    count = int(unreadable.sum())
    if count and count * 10 > texts.len():
        example = texts.filter(unreadable)[0]
        raise ExportError(
            f"{name} has Connected On dates prune cannot read (for example {example!r}): "
            "re-download "
            "the export rather than re-saving it in a spreadsheet."
        )
