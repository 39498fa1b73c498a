"""Spans of time a person writes in the config: "3 weeks", "3 months", "1 year", or "never".

One parser serves how often to keep in touch (`[nurture]`) and when an outgoing invitation is
stale (`[invitations]`), so both read the same words and give the same messages.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Unit = Literal["day", "week", "month", "year"]

_PERIOD = re.compile(r"^\s*(\d{1,4})\s*(day|week|month|year)s?\s*$", re.IGNORECASE)
PERIOD_EXAMPLES = '"10 days", "3 weeks", "3 months", "1 year" or "never"'


@dataclass(frozen=True)
class Period:
    """A whole number of days, weeks, months or years (never zero)."""

    count: int
    unit: Unit

    def after(self, day: date) -> date:
        """The day one period after `day`; a month end stays in its month (Jan 31 + 1 month
        is Feb 28 or 29), as a calendar would do it."""
        if self.unit == "day":
            return day + timedelta(days=self.count)
        if self.unit == "week":
            return day + timedelta(weeks=self.count)
        months = self.count * (12 if self.unit == "year" else 1)
        index = day.month - 1 + months
        year, month = day.year + index // 12, index % 12 + 1
        return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))

    def before(self, day: date) -> date:
        """The day one period before `day` (the earliest day still inside the period)."""
        if self.unit in ("day", "week"):
            return day - timedelta(days=self.count * (7 if self.unit == "week" else 1))
        return Period(-self.count, self.unit).after(day)

    def describe(self) -> str:
        return f"{self.count} {self.unit}{'s' if self.count != 1 else ''}"


def parse_period(text: object, *, allow_never: bool = True) -> Period | None:
    """The period `text` names; None for "never". Raises ValueError, in words for the user."""
    if isinstance(text, str) and text.strip().lower() == "never":
        if allow_never:
            return None
        raise ValueError(f'{text!r} is not allowed here; write a span such as "3 weeks"')
    match = _PERIOD.match(text) if isinstance(text, str) else None
    if match is None or int(match.group(1)) == 0:
        raise ValueError(f"{text!r} is not a span of time; write {PERIOD_EXAMPLES}")
    unit: Unit = match.group(2).lower()  # type: ignore[assignment]
    return Period(int(match.group(1)), unit)
