"""The sample's timeline: the day the export was requested, and random moments before it.

Times are whole seconds since 1970 (UTC) and days are date ordinals, so the generators do plain
integer arithmetic and never depend on the machine's clock or time zone.
"""

from __future__ import annotations

import datetime as dt
import random

EXPORT_DATE: dt.date = dt.date(2026, 11, 2)
"""The day the invented export was requested; every date in it lies before this one."""

DAY = 86400
"""Seconds in a day."""
YEARS = 15
"""How far back the oldest connection may go."""
EXPORT_ORD = EXPORT_DATE.toordinal()
EPOCH_ORD = dt.date(1970, 1, 1).toordinal()
EXPORT_TS = (EXPORT_ORD - EPOCH_ORD) * DAY
"""Midnight at the start of the export day, in seconds since 1970."""


def midnight(ordinal: int) -> int:
    """The first second of day `ordinal`."""
    return (ordinal - EPOCH_ORD) * DAY


def random_day(rng: random.Random) -> int:
    """A day in the 15 years before the export, denser in recent years like a growing network."""
    return EXPORT_ORD - 1 - int(YEARS * 365 * rng.random() ** 1.4)


def moment_after(rng: random.Random, ordinal: int) -> int:
    """A moment between a connection day and the export."""
    start = midnight(ordinal)
    return start + int(rng.random() * (EXPORT_TS - start - 1))
