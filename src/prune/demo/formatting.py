"""How LinkedIn spells values in its files: CSV quoting and the four date formats.

Each file of the export quotes and dates differently (Connections.csv quotes only when needed,
messages.csv quotes every field; Invitations.csv writes `8/26/22, 8:56 PM`), and a loader has to
survive them all, so the sample reproduces each one exactly.
"""

from __future__ import annotations

import datetime as dt

from prune.demo.dates import DAY, EPOCH_ORD

# Fixed English month names: strftime("%b") would follow the machine's locale.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def quote_minimal(value: str) -> str:
    """Minimal RFC 4180 quoting, as Connections.csv and the small files use."""
    if "," in value or '"' in value or "\n" in value or "\r" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


def quote_always(value: str) -> str:
    """Quote always, as messages.csv does since 2026."""
    return '"' + value.replace('"', '""') + '"'


def csv_row(values: list[str] | tuple[str, ...]) -> str:
    """One minimally quoted row, without its line end."""
    return ",".join(quote_minimal(v) for v in values)


def clock(ts: int) -> tuple[dt.date, int, int, int]:
    """The day, hour, minute and second of a moment."""
    days, rest = divmod(ts, DAY)
    hour, rest = divmod(rest, 3600)
    return dt.date.fromordinal(EPOCH_ORD + days), hour, rest // 60, rest % 60


def us_time(ts: int, *, padded: bool) -> str:
    """`8/26/22, 8:56 PM` (Invitations) or `08/26/22, 08:56 PM` (Recommendations)."""
    day, hour, minute, _ = clock(ts)
    half = "AM" if hour < 12 else "PM"
    hour12 = hour % 12 or 12
    if padded:
        return (
            f"{day.month:02d}/{day.day:02d}/{day.year % 100:02d}, {hour12:02d}:{minute:02d} {half}"
        )
    return f"{day.month}/{day.day}/{day.year % 100:02d}, {hour12}:{minute:02d} {half}"


def slash_time(ts: int) -> str:
    """`2023/06/20 13:05:02 UTC`, as the endorsement files write it."""
    day, hour, minute, second = clock(ts)
    return f"{day.year}/{day.month:02d}/{day.day:02d} {hour:02d}:{minute:02d}:{second:02d} UTC"


def utc_time(ts: int) -> str:
    """`2023-06-20 13:05:02 UTC`, as messages.csv writes it."""
    day, hour, minute, second = clock(ts)
    return f"{day.isoformat()} {hour:02d}:{minute:02d}:{second:02d} UTC"


def connected_on(ordinal: int) -> str:
    """`20 Jun 2023`, the Connected On column."""
    day = dt.date.fromordinal(ordinal)
    return f"{day.day:02d} {_MONTHS[day.month - 1]} {day.year}"


def month_year(year: int, month: int) -> str:
    """`Jun 2023`, or `2023` alone when month is 0 (Positions.csv)."""
    return str(year) if month == 0 else f"{_MONTHS[month - 1]} {year}"
