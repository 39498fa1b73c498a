"""Invitations.csv: who asked whom to connect, when, and with what note.

LinkedIn keeps only the last 6–17 months here, so most contacts have no invitation at all. Three
layouts are read by column name: no profile columns (2018, 2022), `inviterProfileUrn` /
`inviteeProfileUrn` holding `urn:li:member:<id>` (2023), and `inviterProfileUrl` /
`inviteeProfileUrl` (2024 on). A URN names no profile a contact can be matched on, so those rows,
like the oldest, are matched by a full name only one connection bears. When one person appears in
several invitations, the latest one counts.
"""

from __future__ import annotations

import polars as pl

from prune.core.evidence.matching import ContactIndex, keys_for_urls
from prune.core.reading.columns import columns_by_name, has_columns, parse_moments, require_columns
from prune.core.reading.csv_table import locate_table, read_table
from prune.core.reading.identity import normalised_name

INVITATION_SCHEMA: dict[str, pl.DataType] = {
    "key": pl.String(),
    "invited_by": pl.String(),  # "you" or "them"
    "invited_on": pl.Date(),
    "invitation_note": pl.String(),
    "invitation_by_name": pl.Boolean(),
}
_WANTED = (
    "from",
    "to",
    "sent at",
    "message",
    "direction",
    "inviterprofileurl",
    "inviteeprofileurl",
    "inviterprofileurn",
    "inviteeprofileurn",
)


def read_invitations(
    raw: bytes, name: str, index: ContactIndex, owner_name: str | None
) -> pl.DataFrame:
    """The latest invitation per contact (INVITATION_SCHEMA); raises ExportError if unusable."""
    events = invitation_events(raw, name, owner_name).drop("outgoing", "urn")
    events = index.resolve(events).filter(pl.col("key").is_not_null())
    return (
        events.sort("at", descending=True, nulls_last=True)
        .unique(subset="key", keep="first", maintain_order=True)
        .select(
            "key",
            pl.col("by").alias("invited_by"),
            pl.col("at").dt.date().alias("invited_on"),
            pl.col("note").alias("invitation_note"),
            pl.col("by_name").alias("invitation_by_name"),
        )
        .cast(INVITATION_SCHEMA)  # type: ignore[arg-type]
    )


def invitation_events(raw: bytes, name: str, owner_name: str | None) -> pl.DataFrame:
    """Every invitation row, seen from the owner: the other person's `name` (as written),
    `outgoing`, `by` ("you"/"them"), `at`, `note`, `url_key` (their contact key when the file has
    a profile URL) and `urn` (their `urn:li:member:` when it has only that); raises ExportError.
    """
    table = locate_table(raw, name, has_columns("from", "to", "sent at"))
    columns = columns_by_name(table)
    require_columns(columns, ("from", "to", "sent at"), name)
    present = [column for column in _WANTED if column in columns]
    frame = read_table(table, [columns[column] for column in present]).rename(
        {columns[column]: column for column in present}
    )
    for column in _WANTED:
        if column not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(column))
    direction = pl.col("direction").str.strip_chars().str.to_uppercase()
    outgoing = (
        pl.when(direction.is_in(["OUTGOING", "INCOMING"]))
        .then(direction == "OUTGOING")
        .otherwise(normalised_name(pl.col("from")) == (owner_name or ""))
        .fill_null(False)
    )
    frame = frame.with_columns(outgoing.alias("outgoing"))
    counterpart_url = frame.select(
        pl.when(pl.col("outgoing"))
        .then(pl.col("inviteeprofileurl"))
        .otherwise(pl.col("inviterprofileurl"))
    ).to_series()
    counterpart_urn = (
        pl.when(pl.col("outgoing")).then("inviteeprofileurn").otherwise("inviterprofileurn")
    )
    return frame.select(
        pl.when(pl.col("outgoing")).then(pl.col("to")).otherwise(pl.col("from")).alias("name"),
        "outgoing",
        pl.when(pl.col("outgoing")).then(pl.lit("you")).otherwise(pl.lit("them")).alias("by"),
        parse_moments(frame["sent at"]).alias("at"),
        pl.col("message").str.strip_chars().replace("", None).alias("note"),
        counterpart_urn.str.strip_chars().replace("", None).alias("urn"),
    ).with_columns(keys_for_urls(counterpart_url).alias("url_key"))
