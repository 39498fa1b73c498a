"""Evidence from the full archive: what the side files say about each contact.

    evidence = compute_evidence(files, contacts)   # files: ExportFiles; contacts: store frame
    evidence.frame                                  # one row per contact, EVIDENCE_SCHEMA
    evidence.notices                                # one line per side file skipped, and why
    details(evidence, key)                          # the lines of the detail view (`space`)
    insights(evidence, today=date.today())          # the frame ReviewSession.set_insights takes

Side files read (each optional): Profile.csv (the owner's name), Positions.csv (the owner's
employers), messages.csv, Invitations.csv, Endorsement_{Received,Given}_Info.csv and
Recommendations_{Received,Given}.csv. A side file that is missing or cannot be read never stops
anything: its evidence is left out and a notice says which file and why. Bare-bones flags come
from Connections.csv alone, so even a Connections-only export gets them.

`evidence_cache.load_or_compute` keeps the result per snapshot so a resumed session does not
read a 100 MB messages file again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

import polars as pl

from prune.core.errors import ExportError
from prune.core.evidence.endorsements import endorsement_schema, read_endorsements
from prune.core.evidence.flags import bare_bones_flags
from prune.core.evidence.invitations import INVITATION_SCHEMA, read_invitations
from prune.core.evidence.matching import ContactIndex
from prune.core.evidence.message_tally import MESSAGE_SCHEMA, tally_messages
from prune.core.evidence.recommendations import read_recommendations, recommendation_schema
from prune.core.reading.archive import ExportFiles
from prune.core.reading.owner import company_key, read_employers, read_owner_name

# Where each kind of evidence comes from, by canonical file name (see archive.canonical_name).
PROFILE = "profile.csv"
POSITIONS = "positions.csv"
MESSAGES = "messages.csv"
INVITATIONS = "invitations.csv"
ENDORSEMENTS = {"received": "endorsement_received_info.csv", "given": "endorsement_given_info.csv"}
RECOMMENDATIONS = {
    "received": "recommendations_received.csv",
    "given": "recommendations_given.csv",
}
SIDE_FILES = (
    PROFILE,
    POSITIONS,
    MESSAGES,
    INVITATIONS,
    *ENDORSEMENTS.values(),
    *RECOMMENDATIONS.values(),
)

EVIDENCE_SCHEMA: dict[str, pl.DataType] = {
    "key": pl.String(),
    "connected_on": pl.Date(),
    "flags": pl.String(),
    **{name: dtype for name, dtype in MESSAGE_SCHEMA.items() if name != "key"},
    **{name: dtype for name, dtype in INVITATION_SCHEMA.items() if name != "key"},
    **{
        name: dtype
        for direction in ("received", "given")
        for name, dtype in endorsement_schema(direction).items()
        if name != "key"
    },
    **{
        name: dtype
        for direction in ("received", "given")
        for name, dtype in recommendation_schema(direction).items()
        if name != "key"
    },
    "colleague": pl.String(),  # "former" or "current"
    "colleague_company": pl.String(),  # the contact's company, as written
    "employed_from": pl.String(),  # the owner's time there, as Positions.csv writes it
    "employed_until": pl.String(),
}
_COUNTS = [name for name, dtype in EVIDENCE_SCHEMA.items() if dtype == pl.UInt32()]
_COUNTS = [name for name in _COUNTS if "shared_by" not in name]
_BOOLS = [name for name, dtype in EVIDENCE_SCHEMA.items() if dtype == pl.Boolean()]
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

T = TypeVar("T")


@dataclass(frozen=True)
class Evidence:
    """Everything the side files say, per contact, and how reading them went."""

    frame: pl.DataFrame  # EVIDENCE_SCHEMA, one row per contact
    notices: list[str] = field(default_factory=list)  # one line per problem, naming the file
    files_used: list[str] = field(default_factory=list)  # side files read, as named in the export
    sources: frozenset[str] = frozenset()  # canonical names of the side files read
    messages: int | None = None  # message rows in messages.csv; None without that file
    contacts_with_messages: int | None = None  # None without messages.csv

    def describe(self) -> str:
        """One short phrase on where the evidence comes from, for a status line."""
        if not self.files_used:
            return "no archive evidence (profile flags only)"
        files = f"{len(self.files_used)} archive file{'s' if len(self.files_used) > 1 else ''}"
        if self.messages is None:
            return f"evidence from {files}, without messages"
        return (
            f"evidence from {files}: {self.messages:,} messages, "
            f"{self.contacts_with_messages:,} connections written with"
        )


def compute_evidence(files: ExportFiles, contacts: pl.DataFrame) -> Evidence:
    """Read every side file the export has and gather the evidence per contact.

    `contacts` is a frame of the store's contact columns (key, first_name, last_name, url,
    company, position, connected_on). Never raises for a bad side file: see Evidence.notices.
    """
    reading = _Reading(files)
    index = ContactIndex.build(contacts)
    frame = contacts.select("key", "connected_on").join(
        bare_bones_flags(contacts), on="key", how="left", maintain_order="left"
    )

    owner_name = reading.attempt(PROFILE, "your own name", read_owner_name)
    employers = reading.attempt(POSITIONS, "former colleagues", read_employers)
    tally = reading.attempt_lazy(
        MESSAGES,
        "message counts",
        lambda read, name: tally_messages(read, name, index, owner_name),
    )
    parts: list[pl.DataFrame] = []
    if tally is not None:
        parts.append(tally.per_contact)
        reading.remark(MESSAGES, tally.remarks)
    invitations = reading.attempt(
        INVITATIONS,
        "invitations",
        lambda raw, name: read_invitations(raw, name, index, owner_name),
    )
    if invitations is not None:
        parts.append(invitations)
    for direction, canonical in ENDORSEMENTS.items():
        endorsed = reading.attempt(
            canonical,
            f"endorsements {direction}",
            lambda raw, name, d=direction: read_endorsements(raw, name, index, d),
        )
        if endorsed is not None:
            parts.append(endorsed)
    for direction, canonical in RECOMMENDATIONS.items():
        recommended = reading.attempt(
            canonical,
            f"recommendations {direction}",
            lambda raw, name, d=direction: read_recommendations(raw, name, index, d),
        )
        if recommended is not None:
            parts.append(recommended.per_contact)
            preposition = "from" if direction == "received" else "for"
            reading.remark(
                canonical,
                [
                    f"the recommendation {preposition} {who} was not counted: {count} "
                    "connections share that name"
                    for who, count in recommended.shared_names
                ],
            )
    for part in parts:
        frame = frame.join(part, on="key", how="left", maintain_order="left")
    frame = _add_colleagues(frame, contacts, employers)
    frame = _complete(frame)
    reading.explain_absence()

    messages = contacts_with_messages = None
    if tally is not None:
        messages = tally.total
        contacts_with_messages = frame.filter(
            (pl.col("messages_sent") + pl.col("messages_received")) > 0
        ).height
    return Evidence(
        frame=frame,
        notices=reading.notices,
        files_used=reading.used,
        sources=frozenset(reading.sources),
        messages=messages,
        contacts_with_messages=contacts_with_messages,
    )


def flags_only(contacts: pl.DataFrame, notices: list[str] | None = None) -> Evidence:
    """Evidence from Connections data alone: the bare-bones flags, nothing else."""
    frame = contacts.select("key", "connected_on").join(
        bare_bones_flags(contacts), on="key", how="left", maintain_order="left"
    )
    return Evidence(frame=_complete(frame), notices=list(notices or []))


class _Reading:
    """Reads side files one by one, turning every failure into a notice."""

    def __init__(self, files: ExportFiles) -> None:
        self.files = files
        self.notices: list[str] = []
        self.used: list[str] = []
        self.sources: set[str] = set()

    def shown(self, canonical: str) -> str:
        return self.files.name_of(canonical)

    def attempt(self, canonical: str, what: str, reader: Callable[[bytes, str], T]) -> T | None:
        def from_bytes(read: Callable[[], bytes], name: str) -> T:
            return reader(read(), name)

        return self.attempt_lazy(canonical, what, from_bytes)

    def attempt_lazy(
        self, canonical: str, what: str, reader: Callable[[Callable[[], bytes], str], T]
    ) -> T | None:
        if not self.files.has(canonical):
            return None
        name = self.shown(canonical)

        def read() -> bytes:
            data = self.files.read(canonical)
            if data is None:  # listed but gone: treat like an unreadable file
                raise ExportError(f"{name} could not be read")
            return data

        try:
            result = reader(read, name)
        except ExportError as error:
            # Keep what is wrong, not the advice after the colon: that is about Connections.csv.
            self.notices.append(_notice(name, str(error).split(": ", 1)[0], what))
            return None
        except pl.exceptions.PolarsError as error:
            self.notices.append(_notice(name, f"it is not valid CSV ({_gist(error)})", what))
            return None
        except Exception as error:  # a side file must never stop the review
            self.notices.append(_notice(name, f"it could not be read ({_gist(error)})", what))
            return None
        self.used.append(name)
        self.sources.add(canonical)
        return result

    def remark(self, canonical: str, remarks: list[str]) -> None:
        name = self.shown(canonical)
        self.notices.extend(f"{name}: {remark}." for remark in remarks)

    def explain_absence(self) -> None:
        present = [name for name in SIDE_FILES if self.files.has(name)]
        if not present:
            self.notices.append(
                "Only Connections.csv here: no messages, endorsements or recommendations to "
                "learn from, so cards show profile flags only. LinkedIn's larger archive has them."
            )
        elif not self.files.has(MESSAGES):
            self.notices.append(
                "No messages.csv in this export: who you wrote to is unknown (LinkedIn's larger "
                "archive has it)."
            )


def _gist(error: Exception) -> str:
    """The first line of an error, short enough for a one-line notice."""
    first = (str(error).strip().splitlines() or [type(error).__name__])[0]
    return first if len(first) <= 80 else first[:77] + "..."


def _notice(name: str, reason: str, what: str) -> str:
    reason = reason.strip().rstrip(".")
    if reason.startswith(name + " "):
        reason = reason[len(name) + 1 :]
        return f"{name} skipped: it {reason}; {what} left out of the evidence."
    return f"{name} skipped: {reason}; {what} left out of the evidence."


def _add_colleagues(
    frame: pl.DataFrame, contacts: pl.DataFrame, employers: pl.DataFrame | None
) -> pl.DataFrame:
    if employers is None or employers.is_empty():
        return frame
    # Each distinct company is reduced once: thousands of contacts share a few hundred names.
    distinct = contacts.select(pl.col("company").drop_nulls().unique())
    distinct = distinct.with_columns(company_key(pl.col("company")).alias("company_key"))
    companies = (
        contacts.select("key", "company")
        .join(distinct.filter(pl.col("company_key").is_not_null()), on="company", how="inner")
        .select(
            "key", pl.col("company").str.strip_chars().alias("colleague_company"), "company_key"
        )
    )
    colleagues = companies.join(employers, on="company_key", how="inner").select(
        "key",
        pl.when(pl.col("employed_until").is_null())
        .then(pl.lit("current"))
        .otherwise(pl.lit("former"))
        .alias("colleague"),
        "colleague_company",
        "employed_from",
        "employed_until",
    )
    return frame.join(colleagues, on="key", how="left", maintain_order="left")


def _complete(frame: pl.DataFrame) -> pl.DataFrame:
    """Every EVIDENCE_SCHEMA column present and typed; counts 0 and markers False when absent."""
    missing = [
        pl.lit(None, dtype=dtype).alias(name)
        for name, dtype in EVIDENCE_SCHEMA.items()
        if name not in frame.columns
    ]
    frame = frame.with_columns(missing).select(list(EVIDENCE_SCHEMA))
    frame = frame.cast(EVIDENCE_SCHEMA)  # type: ignore[arg-type]
    return frame.with_columns(
        pl.col(_COUNTS).fill_null(0),
        pl.col(_BOOLS).fill_null(False),
    )


# -- the detail view -------------------------------------------------------------------------


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
    if sent and received:
        first_writer = "You" if row["first_writer"] == "you" else "They"
        last_writer = "you" if row["last_writer"] == "you" else "they"
        lines.append(f"{first_writer} wrote first; {last_writer} wrote last.")
    elif sent:
        lines.append("Only you wrote; they never replied.")
    else:
        lines.append("Only they wrote; you never replied.")
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
