"""Recommendations_Received.csv and Recommendations_Given.csv, matched to contacts by name.

These files carry no profile URL (`First Name,Last Name,Company,Job Title,Text,Creation Date,
Status`), so a recommendation lands on a contact only when exactly one connection bears that full
name, and the card then says "by name". When several connections share the name, none of them
gets it: each is told it might be theirs, and a notice names the recommendation. Hidden
recommendations count too: they were still written.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from prune.core.evidence.matching import ContactIndex
from prune.core.reading.columns import columns_by_name, has_columns, parse_moments, require_columns
from prune.core.reading.csv_table import locate_table, read_table

RECEIVED, GIVEN = "received", "given"


def recommendation_schema(direction: str) -> dict[str, pl.DataType]:
    """Columns of the per-contact frame for recommendations `received` or `given`."""
    return {
        "key": pl.String(),
        f"recommendations_{direction}": pl.UInt32(),
        f"recommended_{direction}_on": pl.Date(),  # the latest
        # Set on every contact bearing a name several connections share: how many share it.
        f"recommendation_{direction}_shared_by": pl.UInt32(),
    }


@dataclass(frozen=True)
class Recommendations:
    """What one recommendations file says, per contact, and what could not be pinned on one."""

    per_contact: pl.DataFrame  # recommendation_schema(direction)
    shared_names: list[tuple[str, int]]  # (name as written, connections bearing it)
    strangers: int  # recommendations naming nobody among the connections


def read_recommendations(
    raw: bytes, name: str, index: ContactIndex, direction: str
) -> Recommendations:
    """Match a recommendations file to contacts by unique full name; ExportError if unusable."""
    events = index.resolve(_read_events(raw, name))
    schema = recommendation_schema(direction)
    matched = (
        events.filter(pl.col("key").is_not_null())
        .group_by("key")
        .agg(
            pl.len().alias(f"recommendations_{direction}"),
            pl.col("at").max().dt.date().alias(f"recommended_{direction}_on"),
        )
        .with_columns(pl.lit(None, dtype=pl.UInt32).alias(f"recommendation_{direction}_shared_by"))
    )
    shared = events.filter(pl.col("key").is_null() & pl.col("shared_by").is_not_null())
    if shared.is_empty():  # no name to share out: the matched ones are the whole answer
        per_contact = matched.select(list(schema)).cast(schema)  # type: ignore[arg-type]
    else:
        per_contact = _with_candidates(matched.select(list(schema)), shared, index, direction)
    strangers = events.filter(pl.col("key").is_null() & pl.col("shared_by").is_null()).height
    return Recommendations(
        per_contact=per_contact,
        shared_names=[
            (row["written"], int(row["shared_by"])) for row in shared.iter_rows(named=True)
        ],
        strangers=strangers,
    )


def _with_candidates(
    matched: pl.DataFrame, shared: pl.DataFrame, index: ContactIndex, direction: str
) -> pl.DataFrame:
    """The matched contacts, and every contact bearing a shared name, told how many share it."""
    schema = recommendation_schema(direction)
    candidates = (
        index.contacts_named(shared["name"].unique().to_list())
        .join(shared.select("name", "shared_by").unique("name"), on="name")
        .select(
            "key",
            pl.lit(None, dtype=pl.UInt32).alias(f"recommendations_{direction}"),
            pl.lit(None, dtype=pl.Date).alias(f"recommended_{direction}_on"),
            pl.col("shared_by").alias(f"recommendation_{direction}_shared_by"),
        )
    )
    return (
        pl.concat([matched, candidates], how="vertical_relaxed")
        .group_by("key", maintain_order=True)
        .agg(pl.all().drop_nulls().first())
        .cast(schema)  # type: ignore[arg-type]
    )


def _read_events(raw: bytes, name: str) -> pl.DataFrame:
    """One row per recommendation: the name as written, when, and the columns matching wants."""
    table = locate_table(raw, name, has_columns("first name", "last name"))
    columns = columns_by_name(table)
    require_columns(columns, ("first name", "last name"), name)
    wanted = {"first": "first name", "last": "last name", "date": "creation date"}
    wanted = {alias: column for alias, column in wanted.items() if column in columns}
    frame = read_table(table, [columns[c] for c in wanted.values()]).rename(
        {columns[c]: alias for alias, c in wanted.items()}
    )
    if "date" not in frame.columns:
        frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias("date"))
    return frame.select(
        pl.concat_str(
            [
                pl.col("first").str.strip_chars().fill_null(""),
                pl.col("last").str.strip_chars().fill_null(""),
            ],
            separator=" ",
        )
        .str.strip_chars()
        .alias("written"),
        parse_moments(frame["date"]).alias("at"),
    ).with_columns(pl.col("written").alias("name"), pl.lit(None, dtype=pl.String).alias("url_key"))
