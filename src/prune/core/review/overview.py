"""The whole network at once: what the overview screen (`g`) draws and `prune stats` sums up.

Everything is counted with polars over the same frame the query language filters
(`query.query_frame` with the verdicts joined), and every bar or row carries the query that
opens exactly its contacts in the workbench, so the overview is a way in, not only a picture:

    facts = overview(contacts, store.decisions(), evidence.frame, today=date.today())
    facts.years[0].query        # 'connected:2009'
    facts.companies[0].query    # 'company:"Acme, Inc."', or 'company:="Acme"' beside "Acme Labs"
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

import polars as pl

from prune.core.review.query import query_expression, query_frame, with_verdicts

VERDICT_KINDS: Final = ("keep", "disconnect", "later", "undecided")
"""The four ways a contact stands, in the order bars stack them."""
TOP: Final = 20
"""Companies and positions listed at most."""
PACE_DAYS: Final = 14
"""The review pace looks at this many days, today included."""
COVERAGE_QUERIES: Final = {
    "messages:>0": "with messages",
    "evidence:any messages:0": "only invitations or endorsements",
    "evidence:none": "nothing in the archive",
}
"""Evidence coverage, by the query that opens each part, and how the overview says it."""
FLAG_KINDS: Final = {
    "flag:bare": "no company or position",
    "flag:url": "no profile URL",
    "flag:name": "odd or missing name",
    "flag:any": "any flag",
}
"""The kinds of bare-bones flag the query language tells apart, and how the overview says them."""
_TEXT_COLUMNS = {"company": "company_folded", "position": "position_folded"}


@dataclass(frozen=True)
class Group:
    """One bar or row: a year, a company or a position, and how its contacts stand."""

    label: str  # the year, or the company as most of its contacts write it
    count: int
    verdicts: dict[str, int]  # each of VERDICT_KINDS -> how many
    query: str  # opens exactly these contacts in the workbench


@dataclass(frozen=True)
class Count:
    """A count the workbench can open: coverage or a kind of flag."""

    label: str
    count: int
    query: str


@dataclass(frozen=True)
class Pace:
    """Decisions per day lately, and when the rest would be done at that rate."""

    days: list[tuple[date, int]]  # the last PACE_DAYS days, oldest first
    remaining: int  # undecided and later
    per_day: float | None  # on the days with any decision; None with none lately

    @property
    def days_left(self) -> int | None:
        if self.per_day is None:
            return None
        return math.ceil(self.remaining / self.per_day)


@dataclass(frozen=True)
class Overview:
    """Everything the overview shows, for one snapshot."""

    total: int
    verdicts: dict[str, int]
    years: list[Group]  # oldest first
    undated: int  # connections without a date, in no year
    companies: list[Group]  # most contacts first, TOP at most
    positions: list[Group]
    coverage: list[Count] | None  # None before the archive has been read
    flags: list[Count]
    pace: Pace


def overview(
    contacts: pl.DataFrame,
    decisions: pl.DataFrame,
    evidence: pl.DataFrame | None = None,
    *,
    today: date,
    base: pl.DataFrame | None = None,
) -> Overview:
    """The overview of `contacts` (the store's frame) as `decisions` (Store.decisions()) stand.

    `evidence` is the Evidence.frame, or None before the archive is read: then the coverage is
    unknown and the flags come from Connections.csv alone (as they always do). `base` is
    `query_frame(contacts, evidence)` when the caller keeps it: the folding is the costly part.
    """
    frame = stand_frame(contacts, decisions, evidence, base=base)
    totals = frame.select(_verdict_sums()).row(0, named=True)
    undecided_or_later = totals["undecided"] + totals["later"]
    return Overview(
        total=frame.height,
        verdicts=totals,
        years=years(frame),
        undated=frame["connected_on"].null_count(),
        companies=top_groups(frame, "company"),
        positions=top_groups(frame, "position"),
        coverage=None if evidence is None else _counts(frame, COVERAGE_QUERIES),
        flags=_counts(frame, FLAG_KINDS),
        pace=pace(decisions, contacts, undecided_or_later, today),
    )


def stand_frame(
    contacts: pl.DataFrame,
    decisions: pl.DataFrame,
    evidence: pl.DataFrame | None = None,
    *,
    base: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """The query frame with verdicts, the company and position as written, and `stand`: the
    verdict or "undecided". What every count here is taken from."""
    written = contacts.select("key", "company", "position")
    frame = with_verdicts(query_frame(contacts, evidence) if base is None else base, decisions)
    return frame.join(written, on="key", how="left", maintain_order="left").with_columns(
        pl.col("verdict").fill_null("undecided").alias("stand")
    )


def years(frame: pl.DataFrame) -> list[Group]:
    """One group per year with a connection, oldest first."""
    year = pl.col("connected_on").dt.year().alias("year")
    counted = (
        frame.filter(pl.col("connected_on").is_not_null())
        .group_by(year)
        .agg(pl.len().alias("count"), *_verdict_sums())
        .sort("year")
    )
    return [
        Group(
            label=str(row["year"]),
            count=row["count"],
            verdicts={kind: row[kind] for kind in VERDICT_KINDS},
            query=f"connected:{row['year']}",
        )
        for row in counted.iter_rows(named=True)
    ]


def top_groups(frame: pl.DataFrame, field: str, limit: int = TOP) -> list[Group]:
    """The `limit` companies (or positions) with the most contacts; an empty one is none.

    Spellings that differ only in case or accents are one group, named as most write it; ties
    go by name. The query is `company:"X"` when that finds no one else, else `company:="X"`.
    """
    folded = _TEXT_COLUMNS[field]
    named = frame.filter(pl.col(field).str.strip_chars().fill_null("") != "")
    spelling = (
        named.group_by(folded, field)
        .agg(pl.len().alias("n"))
        .sort(["n", field], descending=[True, False])
        .group_by(folded, maintain_order=True)
        .agg(pl.col(field).first().alias("label"))
    )
    counted = (
        named.group_by(folded)
        .agg(pl.len().alias("count"), *_verdict_sums())
        .sort(["count", folded], descending=[True, False])
        .head(limit)
        .join(spelling, on=folded, how="left", maintain_order="left")
    )
    return [
        Group(
            label=row["label"],
            count=row["count"],
            verdicts={kind: row[kind] for kind in VERDICT_KINDS},
            query=_text_query(frame, field, row["label"], row["count"]),
        )
        for row in counted.iter_rows(named=True)
    ]


def quoted(value: str) -> str:
    """`value` in double quotes as the query language reads it back: `\\` before `"` and `\\`."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def pace(decisions: pl.DataFrame, contacts: pl.DataFrame, remaining: int, today: date) -> Pace:
    """Decisions per day over the last PACE_DAYS days (each contact's latest, by its UTC day)."""
    first = today - timedelta(days=PACE_DAYS - 1)
    decided = decisions.filter(
        pl.col("verdict").is_not_null() & pl.col("key").is_in(contacts["key"].implode())
    ).select(pl.col("decided_at").str.slice(0, 10).str.to_date(strict=False).alias("day"))
    per_day = dict(
        decided.filter(pl.col("day").is_between(first, today))
        .group_by("day")
        .agg(pl.len())
        .iter_rows()
    )
    days = [
        (first + timedelta(days=n), per_day.get(first + timedelta(days=n), 0))
        for n in range(PACE_DAYS)
    ]
    active = [count for _, count in days if count]
    rate = sum(active) / len(active) if active else None
    return Pace(days=days, remaining=remaining, per_day=rate)


def by_year(contacts: pl.DataFrame) -> dict[str, int]:
    """{"2014": 37, ...}: every year with a connection, oldest first (for `stats --json`)."""
    counted = (
        contacts.filter(pl.col("connected_on").is_not_null())
        .group_by(pl.col("connected_on").dt.year().alias("year"))
        .agg(pl.len())
        .sort("year")
    )
    return {str(year): count for year, count in counted.iter_rows()}


def top_companies(contacts: pl.DataFrame, limit: int = TOP) -> list[tuple[str, int]]:
    """[("Acme, Inc.", 41), ...]: the companies with the most contacts, ties by name."""
    frame = stand_frame(contacts, pl.DataFrame(schema={"key": pl.String, "verdict": pl.String}))
    return [(group.label, group.count) for group in top_groups(frame, "company", limit)]


def _verdict_sums() -> list[pl.Expr]:
    return [(pl.col("stand") == kind).sum().cast(pl.Int64).alias(kind) for kind in VERDICT_KINDS]


def _text_query(frame: pl.DataFrame, field: str, label: str, count: int) -> str:
    """The shorter `field:"label"` when it finds exactly the group, else the whole-field form."""
    contains = query_expression(f"{field}:{quoted(label)}")
    if frame.filter(contains).height == count:
        return f"{field}:{quoted(label)}"
    return f"{field}:={quoted(label)}"


def _counts(frame: pl.DataFrame, queries: dict[str, str]) -> list[Count]:
    """Each query's count over the frame: the workbench shows the very same contacts."""
    found = frame.select(
        query_expression(query).sum().cast(pl.Int64).alias(query) for query in queries
    ).row(0, named=True)
    return [Count(label, found[query], query) for query, label in queries.items()]
