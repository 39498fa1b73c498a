"""The owner of the export: their name (Profile.csv) and their employers (Positions.csv).

The name is read once, at import, and kept with the snapshot: it signs farewells. The evidence
reads it too, to tell the owner's own messages and invitations apart from everyone else's.
Employers give "former colleague?": a contact whose current company is one the owner worked
at. Company names are compared loosely (case, punctuation and legal suffixes such as "Inc." or
"GmbH" aside), and words that name no employer ("Self-employed", "Freelance") never match.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import polars as pl

from prune.core.errors import ExportError
from prune.core.reading.archive import ExportFiles, open_export
from prune.core.reading.columns import columns_by_name, has_columns, require_columns
from prune.core.reading.csv_table import locate_table, read_table, scan_table
from prune.core.reading.identity import full_name

# The files that name the owner, by canonical name (see archive.canonical_name).
PROFILE = "profile.csv"
MESSAGES = "messages.csv"
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


@dataclass(frozen=True)
class Owner:
    """Who the export belongs to, with their name as the export writes it."""

    name: str | None = None  # "Robin Marchetti-Osei": Profile.csv, else the person in most messages
    first_name: str | None = None  # "Robin": Profile.csv only, for signing farewells


def owner_at(source: str | Path | None) -> Owner:
    """The owner of the export at `source`, or nobody when it is gone or unreadable.

    A snapshot remembers where its export came from, but it may since have been moved, or have
    held only Connections.csv: every such case simply means "no name", never an error.
    """
    if not source:
        return Owner()
    try:
        files = open_export(Path(source))
    except (ExportError, OSError):
        return Owner()
    return read_owner(files)


def read_owner(files: ExportFiles) -> Owner:
    """The owner from Profile.csv; without a name there, the person in most messages.

    The owner is in every message they have, as sender or recipient, which is how the evidence
    tells their messages apart too (see evidence.message_tally). Never raises.
    """
    owner = _attempt(files, PROFILE, _owner_from_profile)
    if owner is not None and owner.name is not None:
        return owner
    name = _attempt(files, MESSAGES, _busiest_correspondent)
    return Owner(name=name, first_name=owner.first_name if owner else None)


T = TypeVar("T")


def _attempt(files: ExportFiles, canonical: str, reader: Callable[[bytes, str], T]) -> T | None:
    """What `reader` makes of one file of the export; None when it is absent or unreadable."""
    try:
        raw = files.read(canonical)
        if raw is None:
            return None
        return reader(raw, canonical)
    except Exception:  # a side file that cannot name the owner must never stop an import
        return None


def _owner_from_profile(raw: bytes, name: str) -> Owner:
    table = locate_table(raw, name, has_columns("first name", "last name"))
    columns = columns_by_name(table)
    frame = read_table(table, [columns["first name"], columns["last name"]])
    if frame.is_empty():
        return Owner()
    first, last = (_as_written(frame[columns[part]][0]) for part in ("first name", "last name"))
    return Owner(name=" ".join(part for part in (first, last) if part) or None, first_name=first)


def _busiest_correspondent(raw: bytes, name: str) -> str | None:
    """The name, as written, found most often as sender or recipient; ties go alphabetically."""
    table = locate_table(raw, name, has_columns("from", "to"))
    columns = columns_by_name(table)
    people = scan_table(table, [columns["from"], columns["to"]])
    names = pl.concat(
        [
            people.select(pl.col(columns[part]).str.strip_chars().alias("name"))
            for part in ("from", "to")
        ]
    )
    ranked = (
        names.filter(pl.col("name").is_not_null() & (pl.col("name") != ""))
        .group_by("name")
        .len()
        .sort(["len", "name"], descending=[True, False])
        .head(1)
        .collect(engine="streaming")
    )
    return str(ranked["name"][0]) if ranked.height else None


def _as_written(value: object) -> str | None:
    """A name cell with its padding trimmed; None when it is empty."""
    return (value.strip() or None) if isinstance(value, str) else None


def read_owner_name(raw: bytes, name: str) -> str | None:
    """The owner's full name, normalised as identity.full_name does; None when absent."""
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
