"""The kept contacts, least recently in touch first, each with their tier and when they are due.

The last interaction is the last message either way, else the latest endorsement or
recommendation, else the day of connecting. Reaching out (state.outreach) resets the clock: a
contact falls due one cadence after the later of the two. A contact with no date at all is due
now, unless their tier is never due.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from prune.core.nurture.tiers import TIERS, Cadences, polars_offset, tier_expr
from prune.core.reading.identity import full_name
from prune.core.state.store import Store
from prune.core.text.folding import folded

NURTURE_COLUMNS: tuple[str, ...] = (
    "key",
    "name",
    "url",
    "company",
    "tier",
    "last_interaction",
    "reached_out",
    "talked_about",
    "due_on",
    "due",
)
"""Columns of `nurture_list`: dates are dates (null when unknown), due a bool."""

_LATER_DATES = (
    "endorsed_received_on",
    "endorsed_given_on",
    "recommended_received_on",
    "recommended_given_on",
)


def nurture_list(
    store: Store,
    snapshot_id: int,
    evidence: pl.DataFrame,
    cadences: Cadences,
    *,
    today: date,
) -> pl.DataFrame:
    """Every contact of the snapshot the user kept (NURTURE_COLUMNS), least recently in touch
    first; `evidence` is the snapshot's Evidence.frame (one row per contact, by key)."""
    decisions = store.decisions().filter(pl.col("verdict") == "keep")
    kept = (
        store.contacts(snapshot_id)
        .join(decisions.select("key", "known", "interacted", "favour"), on="key", how="inner")
        .join(_interactions(evidence), on="key", how="left")
        .join(store.outreach().frame(), on="key", how="left")
    )
    name = pl.concat_str(
        [pl.col("first_name").fill_null(""), pl.col("last_name").fill_null("")], separator=" "
    ).str.strip_chars()
    last_interaction = pl.coalesce("last_message_on", "later_date", "connected_on")
    kept = kept.with_columns(
        name.alias("name"),
        tier_expr().alias("tier"),
        last_interaction.alias("last_interaction"),
        pl.col("reached_out_on").alias("reached_out"),
    ).with_columns(pl.max_horizontal("last_interaction", "reached_out").alias("touched"))
    kept = kept.with_columns(_due_on(cadences, today).alias("due_on"))
    kept = kept.with_columns(
        (pl.col("due_on").is_not_null() & (pl.col("due_on") <= today)).alias("due")
    )
    return kept.sort(
        [pl.col("touched"), folded(full_name(pl.col("first_name"), pl.col("last_name"))), "key"],
        nulls_last=False,
    ).select(NURTURE_COLUMNS)


def _interactions(evidence: pl.DataFrame) -> pl.DataFrame:
    """key, last_message_on and later_date (the latest endorsement or recommendation)."""
    later = [name for name in _LATER_DATES if name in evidence.columns]
    message = "last_message_on" if "last_message_on" in evidence.columns else None
    return evidence.select(
        "key",
        pl.col(message) if message else pl.lit(None, dtype=pl.Date).alias("last_message_on"),
        (pl.max_horizontal(later) if later else pl.lit(None, dtype=pl.Date)).alias("later_date"),
    )


def _due_on(cadences: Cadences, today: date) -> pl.Expr:
    """One cadence after the last touch; today when nothing is known; null when never due."""
    due = pl.lit(None, dtype=pl.Date)
    for tier in reversed(TIERS):
        cadence = cadences.of(tier)
        if cadence is None:
            continue
        then = pl.col("touched").dt.offset_by(polars_offset(cadence)).fill_null(today)
        due = pl.when(pl.col("tier") == tier).then(then).otherwise(due)
    return due
