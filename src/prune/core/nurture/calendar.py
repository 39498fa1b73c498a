"""The nurture list as a calendar any calendar app imports (RFC 5545, written by icalendar).

One all-day event per contact whose tier has a cadence, recurring at that cadence. Its UID is
derived from the contact's key alone, so importing a fresh export of the calendar updates each
reminder instead of adding a second one. An overdue reminder starts today, so it is seen.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time

import icalendar
import polars as pl

from prune.core.nurture.tiers import Cadences
from prune.core.periods import Period

_FREQUENCIES = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}
PRODUCT_ID = "-//prune//nurture reminders//EN"


def reminder_uid(key: str) -> str:
    """The event UID for one contact: the same on every export, and not their URL in clear."""
    return f"{hashlib.sha256(key.encode()).hexdigest()[:32]}@prune.nurture"


def nurture_calendar(frame: pl.DataFrame, cadences: Cadences, *, today: date) -> bytes:
    """A calendar for `frame` (a nurture_list) as bytes; contacts never due are left out."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "prune: keep in touch")
    stamp = datetime.combine(today, time(), tzinfo=UTC)
    for row in frame.iter_rows(named=True):
        cadence = cadences.of(row["tier"])
        if cadence is None or row["due_on"] is None:
            continue
        calendar.add_component(_event(row, cadence, max(row["due_on"], today), stamp))
    return bytes(calendar.to_ical())


def _event(
    row: dict[str, object], cadence: Period, start: date, stamp: datetime
) -> icalendar.Event:
    name = str(row["name"] or "someone you kept")
    event = icalendar.Event()
    event.add("uid", reminder_uid(str(row["key"])))
    event.add("dtstamp", stamp)
    event.add("summary", f"Reach out to {name}")
    event.add("dtstart", start)
    event.add("rrule", {"freq": _FREQUENCIES[cadence.unit], "interval": cadence.count})
    lines = [f"Tier: {row['tier']}, every {cadence.describe()}."]
    if row["last_interaction"]:
        lines.append(f"Last interaction: {row['last_interaction']}.")
    if row["talked_about"]:
        lines.append(f"Last time you talked about: {row['talked_about']}")
    if row["url"]:
        event.add("url", str(row["url"]))
        lines.append(str(row["url"]))
    event.add("description", "\n".join(lines))
    event.add("transp", "TRANSPARENT")
    return event
