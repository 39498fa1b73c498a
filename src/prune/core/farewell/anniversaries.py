"""Whole years connected for a whole column of days, by looking each day up among anniversaries.

`{years}` counts the anniversaries of a connection up to today. Working that out per row takes
three date-part extractions and a replacement of each count by its words; instead, the few
anniversaries that matter (one per calendar year between the earliest and latest day) are laid
out once, in order, and each day is placed among them by a binary search. The number of
anniversaries at or after a day is its count of years; its words are looked up by position.
"""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl

from prune.core.farewell.values import years_in_words

_EPOCH = date(1970, 1, 1)  # day 0 of a polars Date
_AFTER_EVERY_DAY = 2**31 - 1  # past the last day a polars Date holds


def years_by_anniversaries(day: pl.Series, today: date) -> pl.Series | None:
    """`values.years_phrase` of each day of a Date column (empty for a null day), or None
    when a day is outside Python's years 1 to 9999, which the caller then counts its own way."""
    if day.dtype != pl.Date:
        return None
    days = day.to_physical()
    first, last = days.min(), days.max()
    if first is None:
        return pl.repeat("", day.len(), dtype=pl.String, eager=True)
    try:
        low = (_EPOCH + timedelta(days=int(first))).year  # type: ignore[arg-type]
        high = (_EPOCH + timedelta(days=int(last))).year  # type: ignore[arg-type]
    except OverflowError:
        return None
    # The anniversary in year y is the last day of y that counts as a whole year by today:
    # (y, today's month and day), or 28 February when today is the 29th and y no leap year.
    years = range(low, high + 2)
    marks = pl.Series([_anniversary(year, today) for year in years], dtype=pl.Int32)
    # The first anniversary on or after a day (there always is one) says how many years it has.
    place = marks.search_sorted(days, side="left")
    words = pl.Series([years_in_words(today.year - year) for year in years], dtype=pl.String)
    phrases = words.gather(place)
    if day.null_count():
        phrases = phrases.scatter(day.is_null().arg_true(), "")
    return phrases.alias(day.name)


def _anniversary(year: int, today: date) -> int:
    if year > 9999:
        return _AFTER_EVERY_DAY
    try:
        mark = date(year, today.month, today.day)
    except ValueError:  # 29 February in a year without one
        mark = date(year, 2, 28)
    return (mark - _EPOCH).days
