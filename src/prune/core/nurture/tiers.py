"""How close a kept contact is, read from the three answers, and how often each tier is due.

close: the user would ask them a favour; known: the user knows them or has interacted;
kept: kept without either (kept directly, or on a "maybe").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, get_args

import polars as pl

from prune.core.periods import Period

Tier = Literal["close", "known", "kept"]
TIERS: Final[tuple[Tier, ...]] = get_args(Tier)


THREE_MONTHS: Final = Period(3, "month")
ONE_YEAR: Final = Period(1, "year")


@dataclass(frozen=True)
class Cadences:
    """How long after the last interaction each tier falls due; None means never."""

    close: Period | None = THREE_MONTHS
    known: Period | None = ONE_YEAR
    kept: Period | None = None

    def of(self, tier: Tier) -> Period | None:
        cadence: Period | None = getattr(self, tier)
        return cadence


def tier_expr() -> pl.Expr:
    """The tier of a row with the decision columns known, interacted and favour."""
    return (
        pl.when(pl.col("favour") == "yes")
        .then(pl.lit("close"))
        .when((pl.col("known") == "yes") | (pl.col("interacted") == "yes"))
        .then(pl.lit("known"))
        .otherwise(pl.lit("kept"))
    )


def polars_offset(period: Period) -> str:
    """The period as `Expr.dt.offset_by` spells it ("3mo", "1y"): month ends are clamped."""
    return f"{period.count}{ {'day': 'd', 'week': 'w', 'month': 'mo', 'year': 'y'}[period.unit] }"
