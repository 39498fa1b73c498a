"""Small wording helpers shared by the screens: dates, spans of time, counts."""

from __future__ import annotations

from datetime import date


def day(value: date | None) -> str:
    """`7 Mar 2024`: the day first, as in LinkedIn's own export."""
    return "unknown date" if value is None else f"{value.day} {value:%b %Y}"


def age(since: date | None, today: date) -> str:
    """How long ago, in the largest unit that reads naturally: `3 years 2 months ago`."""
    if since is None:
        return ""
    months = (today.year - since.year) * 12 + today.month - since.month
    if today.day < since.day:
        months -= 1
    if months < 1:
        days = (today - since).days
        return "today" if days <= 0 else f"{days} day{'s' * (days != 1)} ago"
    years, months = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' * (years != 1)}")
    if months and years < 10:
        parts.append(f"{months} month{'s' * (months != 1)}")
    return " ".join(parts) + " ago"


def duration(seconds: float | None) -> str:
    """Time left at the user's pace: `about 1 h 20 min`, or a dash before there is a pace."""
    if seconds is None:
        return "time left —"
    minutes = round(seconds / 60)
    if minutes < 1:
        return "under a minute left"
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"about {hours} h {minutes:02d} min left"
    return f"about {minutes} min left"


def short_duration(seconds: float | None) -> str:
    """`duration` for a narrow header: `~2 min`, `~1 h 20`, `<1 min`, or a dash."""
    if seconds is None:
        return "—"
    minutes = round(seconds / 60)
    if minutes < 1:
        return "<1 min"
    hours, minutes = divmod(minutes, 60)
    return f"~{hours} h {minutes:02d}" if hours else f"~{minutes} min"
