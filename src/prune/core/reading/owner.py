"""The owner of the export: their name (Profile.csv) and their employers (Positions.csv).

The name tells the owner's own messages and invitations apart from everyone else's. Employers
give "former colleague?": a contact whose current company is one the owner worked at. Company
names are compared loosely (case, punctuation and legal suffixes such as "Inc." or "GmbH" aside),
and words that name no employer ("Self-employed", "Freelance") never match.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from prune.core.errors import ExportError
from prune.core.reading.archive import open_export
from prune.core.reading.columns import columns_by_name, has_columns, require_columns
from prune.core.reading.csv_table import locate_table, read_table
from prune.core.reading.identity import full_name

PROFILE = "profile.csv"
EMPLOYER_SCHEMA: dict[str, pl.DataType] = {
    "company_key": pl.String(),
    "employer": pl.String(),  # as the owner wrote it
    "employed_from": pl.String(),  # "Mar 2021" or "2021", as written
    "employed_until": pl.String(),  # null while still there
}
_LEGAL_SUFFIXES = (
    "inc|incorporated|ltd|limited|llc|llp|lp|plc|gmbh|ag|sa|sas|sarl|srl|spa|bv|nv|oy|ab|as|"
    "co|corp|corporation|company|pty|pte|kk"
)
_NOT_EMPLOYERS = [
    "",
    "self employed",
    "self",
    "freelance",
    "freelancer",
    "independent",
    "independent consultant",
    "stealth",
    "stealth mode",
    "stealth startup",
    "retired",
    "unemployed",
    "student",
    "none",
    "n a",
    "confidential",
    "various",
]


def company_key(expr: pl.Expr) -> pl.Expr:
    """A company name reduced for comparison; null for empty or non-employers."""
    reduced = (
        expr.str.normalize("NFKC")
        .str.to_lowercase()
        .str.replace_all(r"[^\p{L}\p{N}]+", " ")
        .str.strip_chars()
        .str.replace(rf"(\s({_LEGAL_SUFFIXES}))+$", "")
        .str.strip_chars()
    )
    return pl.when(reduced.is_in(_NOT_EMPLOYERS)).then(None).otherwise(reduced)


def owner_first_name(source: str | Path | None) -> str | None:
    """The first name in the export's Profile.csv, as written, for signing farewells.

    The snapshot remembers where its export came from, but it may since have been moved, or
    held only Connections.csv: every such case simply means "no name", never an error.
    """
    if not source:
        return None
    try:
        raw = open_export(Path(source)).read(PROFILE)
        if raw is None:
            return None
        table = locate_table(raw, "Profile.csv", has_columns("first name", "last name"))
        column = columns_by_name(table).get("first name")
        frame = read_table(table, [column]) if column else None
    except (ExportError, OSError, pl.exceptions.PolarsError):
        return None
    if frame is None or frame.is_empty():
        return None
    value = frame[column][0]
    return (value.strip() or None) if isinstance(value, str) else None


def read_owner_name(raw: bytes, name: str) -> str | None:
    """The owner's full name, normalised as matching.full_name does; None when absent."""
    table = locate_table(raw, name, has_columns("first name", "last name"))
    columns = columns_by_name(table)
    require_columns(columns, ("first name", "last name"), name)
    frame = read_table(table, [columns["first name"], columns["last name"]])
    if frame.is_empty():
        return None
    names = frame.select(full_name(pl.col(columns["first name"]), pl.col(columns["last name"])))
    owner = names.to_series()[0]
    return owner if isinstance(owner, str) else None


def read_employers(raw: bytes, name: str) -> pl.DataFrame:
    """The owner's positions, one row per distinct employer (EMPLOYER_SCHEMA), newest first."""
    table = locate_table(raw, name, has_columns("company name"))
    columns = columns_by_name(table)
    wanted = [c for c in ("company name", "started on", "finished on") if c in columns]
    frame = read_table(table, [columns[c] for c in wanted]).rename({columns[c]: c for c in wanted})
    for column in ("started on", "finished on"):
        if column not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(column))
    return (
        frame.select(
            company_key(pl.col("company name")).alias("company_key"),
            pl.col("company name").str.strip_chars().alias("employer"),
            pl.col("started on").str.strip_chars().replace("", None).alias("employed_from"),
            pl.col("finished on").str.strip_chars().replace("", None).alias("employed_until"),
        )
        .filter(pl.col("company_key").is_not_null())
        # Positions.csv lists the latest job first; keep the latest stint at each company.
        .unique(subset="company_key", keep="first", maintain_order=True)
        .cast(EMPLOYER_SCHEMA)  # type: ignore[arg-type]
    )
