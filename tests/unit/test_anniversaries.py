"""Years connected for a column of days, counted by anniversaries, agree with `years_phrase`."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl
import pytest

from prune.core.farewell.anniversaries import years_by_anniversaries
from prune.core.farewell.values import years_phrase


def around(today: date) -> list[date | None]:
    """The days where a count changes: anniversaries, 29 February, the ends of the calendar."""
    days: list[date | None] = [None, date(1, 1, 1), date(9999, 12, 31)]
    for shift in (-1, 0, 1, 365, 366, -365, -366, -3 * 365, -3 * 365 - 1, -3 * 365 - 2):
        days.append(today + timedelta(days=shift))
    days += [date(2020, 2, 29), date(2023, 2, 28), date(2023, 3, 1), date(2024, 2, 29)]
    return days


@pytest.mark.parametrize(
    "today", [date(2026, 12, 3), date(2024, 2, 29), date(2025, 2, 28), date(2025, 3, 1)]
)
def test_each_day_gets_the_words_years_phrase_gives_it(today: date) -> None:
    days = around(today)
    counted = years_by_anniversaries(pl.Series("connected_on", days, dtype=pl.Date), today)
    assert counted is not None
    assert counted.to_list() == [years_phrase(day, today) for day in days]
    assert counted.name == "connected_on"


def test_a_column_without_days_is_all_empty() -> None:
    nulls = pl.Series([None, None], dtype=pl.Date)
    assert years_by_anniversaries(nulls, date(2026, 12, 3)).to_list() == ["", ""]  # type: ignore[union-attr]


@pytest.mark.parametrize("year", [0, 10000])
def test_a_day_outside_pythons_years_is_handed_back(year: int) -> None:
    """Python's date cannot hold it, so the caller counts (or leaves out) such days its way."""
    odd = pl.select(pl.date(year, 1, 2)).to_series()
    assert years_by_anniversaries(odd, date(2026, 12, 3)) is None


def test_text_days_are_handed_back() -> None:
    assert years_by_anniversaries(pl.Series(["2024-01-05"]), date(2026, 12, 3)) is None
