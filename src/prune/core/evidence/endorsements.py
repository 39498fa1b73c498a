"""Endorsement_Received_Info.csv and Endorsement_Given_Info.csv: skills endorsed, either way.

Layouts read by column name: the current one with `Endorser Public Url` / `Endorsee Public Url`
(written without a scheme: `www.linkedin.com/in/<slug>`); the pre-2023 one without a URL column,
matched by a full name only one connection bears; and the 2022 `Endorsement Received Info.csv`,
UTF-16 with tabs and an extra `Display Status` column (reading.csv_table handles the encoding).
Every row counts, whatever its status: an endorsement the owner hid was still given.
"""

from __future__ import annotations

import polars as pl

from prune.core.errors import ExportError
from prune.core.evidence.matching import ContactIndex, keys_for_urls
from prune.core.reading.columns import columns_by_name, parse_moments
from prune.core.reading.csv_table import locate_table, read_table

RECEIVED, GIVEN = "received", "given"


def endorsement_schema(direction: str) -> dict[str, pl.DataType]:
    """Columns of the per-contact frame for endorsements `received` or `given`."""
    return {
        "key": pl.String(),
        f"endorsements_{direction}": pl.UInt32(),
        f"endorsed_skills_{direction}": pl.List(pl.String()),
        f"endorsed_{direction}_on": pl.Date(),  # the latest
        f"endorsements_{direction}_by_name": pl.Boolean(),
    }


def _is_header(fields: list[str]) -> bool:
    lowered = [field.lower() for field in fields]
    return "skill name" in lowered and any(field.endswith("first name") for field in lowered)


def read_endorsements(raw: bytes, name: str, index: ContactIndex, direction: str) -> pl.DataFrame:
    """Endorsements per contact (see endorsement_schema); raises ExportError if unusable."""
    return endorsements_per_contact(endorsement_rows(raw, name), index, direction)


def endorsement_rows(raw: bytes, name: str) -> pl.DataFrame:
    """One row per endorsement: name (as written), skill, at (pl.Datetime), url_key (or null)."""
    table = locate_table(raw, name, _is_header)
    columns = columns_by_name(table)

    def ending(suffix: str) -> str | None:
        return next((column for column in columns if column.endswith(suffix)), None)

    first, last = ending("first name"), ending("last name")
    url = ending("public url") or ending("profile url")
    if first is None or last is None:
        raise ExportError(f"{name} has no endorser first and last name columns")
    picked = {"first": first, "last": last, "skill": "skill name"}
    if url is not None:
        picked["url"] = url
    if "endorsement date" in columns:
        picked["date"] = "endorsement date"
    frame = read_table(table, [columns[c] for c in picked.values()]).rename(
        {columns[c]: alias for alias, c in picked.items()}
    )
    if "url" not in frame.columns:
        frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias("url"))
    if "date" not in frame.columns:
        frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias("date"))
    return frame.select(
        pl.concat_str(
            [pl.col("first").fill_null(""), pl.col("last").fill_null("")], separator=" "
        ).alias("name"),
        pl.col("skill").str.strip_chars(),
        parse_moments(frame["date"]).alias("at"),
    ).with_columns(keys_for_urls(frame["url"]).alias("url_key"))


def endorsements_per_contact(
    rows: pl.DataFrame, index: ContactIndex, direction: str
) -> pl.DataFrame:
    """Rows from endorsement_rows, matched to contacts and counted per contact."""
    events = index.resolve(rows).filter(pl.col("key").is_not_null())
    schema = endorsement_schema(direction)
    return (
        events.group_by("key")
        .agg(
            pl.len().alias(f"endorsements_{direction}"),
            pl.col("skill").drop_nulls().unique().sort().alias(f"endorsed_skills_{direction}"),
            pl.col("at").max().dt.date().alias(f"endorsed_{direction}_on"),
            pl.col("by_name").any().alias(f"endorsements_{direction}_by_name"),
        )
        .select(list(schema))
        .cast(schema)  # type: ignore[arg-type]
    )
