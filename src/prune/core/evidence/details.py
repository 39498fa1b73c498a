"""The detail view (`space` on a card): every fact the evidence holds about one contact.

Each fact is one plain sentence, in English whatever the machine's locale, so the user can read
why the card says what it says.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl

from prune.core.evidence.collect import MESSAGES, Evidence
from prune.core.evidence.message_details import conversation_lines

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day(value: date | None) -> str:
    """`2 Mar 2021`, with English month names whatever the machine's locale."""
    if value is None:
        return "an unknown date"
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def details(evidence: Evidence, key: str) -> list[str]:
    """Every fact known about one contact, one plain sentence per line, for the detail view."""
    rows = evidence.frame.filter(pl.col("key") == key)
    if rows.is_empty():
        return ["Nothing is known about this contact beyond Connections.csv."]
    row: dict[str, Any] = rows.row(0, named=True)
    lines: list[str] = []
    if row["connected_on"] is not None:
        lines.append(f"Connected on {day(row['connected_on'])}.")
    lines.extend(_message_lines(evidence, row))
    lines.extend(_endorsement_lines(row))
    lines.extend(_recommendation_lines(row))
    lines.extend(_invitation_lines(row))
    lines.extend(_colleague_lines(row))
    if row["flags"]:
        lines.append(
            f"Bare-bones profile ({row['flags']}): prune never answers for you here, "
            "whatever the evidence."
        )
    return lines


def _message_lines(evidence: Evidence, row: dict[str, Any]) -> list[str]:
    if MESSAGES not in evidence.sources:
        return ["Messages unknown: this export has no readable messages.csv."]
    sent, received = row["messages_sent"], row["messages_received"]
    total = sent + received
    if not total:
        return ["No messages exchanged."]
    line = f"{_plural(total, 'message')}: you sent {sent}, they sent {received}"
    first, last = row["first_message_on"], row["last_message_on"]
    if first is not None and first != last:
        line += f", from {day(first)} to {day(last)}"
    elif last is not None:
        line += f", on {day(last)}"
    lines = [line + "."]
    lines.extend(conversation_lines(row))
    if row["messages_by_name"]:
        lines.append("Messages matched by name: the messages file has no profile URLs.")
    return lines


def _endorsement_lines(row: dict[str, Any]) -> list[str]:
    lines = []
    for direction, who in (("received", "They endorsed you"), ("given", "You endorsed them")):
        count = row[f"endorsements_{direction}"]
        if not count:
            continue
        skills = row[f"endorsed_skills_{direction}"] or []
        line = f"{who} for {', '.join(skills)}" if skills else f"{who} {_plural(count, 'time')}"
        if row[f"endorsed_{direction}_on"] is not None:
            line += f" (latest {day(row[f'endorsed_{direction}_on'])})"
        if row[f"endorsements_{direction}_by_name"]:
            line += "; matched by name"
        lines.append(line + ".")
    return lines


def _recommendation_lines(row: dict[str, Any]) -> list[str]:
    lines = []
    for direction, who, whose in (
        ("received", "They recommended you", "A recommendation you received is from"),
        ("given", "You recommended them", "A recommendation you wrote is for"),
    ):
        count = row[f"recommendations_{direction}"]
        if count:
            when = row[f"recommended_{direction}_on"]
            line = who + (f" on {day(when)}" if when is not None else "")
            lines.append(
                line + "; matched by name (the file has no profile URL, and no other "
                "connection has this name)."
            )
        shared = row[f"recommendation_{direction}_shared_by"]
        if shared:
            lines.append(
                f"{whose} someone of this name, but {shared} connections share the name, "
                "so prune counted it for none of them."
            )
    return lines


def _invitation_lines(row: dict[str, Any]) -> list[str]:
    if row["invited_by"] is None:
        return []
    who = "You invited them" if row["invited_by"] == "you" else "They invited you"
    line = who + (f" on {day(row['invited_on'])}" if row["invited_on"] is not None else "")
    if row["invitation_note"]:
        line += f", writing: “{row['invitation_note']}”"
    else:
        line += ", without a note"
    if row["invitation_by_name"]:
        line += " (matched by name)"
    return [line + "."]


def _colleague_lines(row: dict[str, Any]) -> list[str]:
    if row["colleague"] is None:
        return []
    since, until = row["employed_from"], row["employed_until"]
    if row["colleague"] == "current":
        when = f" since {since}" if since else ""
        return [f"Colleague? They work at {row['colleague_company']}, where you work{when}."]
    span = f" from {since} to {until}" if since else f" until {until}"
    return [f"Former colleague? They work at {row['colleague_company']}, where you worked{span}."]
