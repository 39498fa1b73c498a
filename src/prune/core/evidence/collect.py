"""Evidence from the full archive: what the side files say about each contact.

    evidence = compute_evidence(files, contacts)   # files: ExportFiles; contacts: store frame
    evidence.frame                                  # one row per contact, EVIDENCE_SCHEMA
    evidence.notices                                # one line per side file skipped, and why
    details(evidence, key)                          # the detail view (`space`): details.py
    insights(evidence, today=date.today())          # the frame ReviewSession.set_insights takes

Side files read (each optional): Profile.csv (the owner's name), Positions.csv (the owner's
employers), messages.csv, Invitations.csv, Endorsement_{Received,Given}_Info.csv (every version,
merged) and Recommendations_{Received,Given}.csv. A side file that is missing or cannot be read
never stops anything: its evidence is left out and a notice says which file and why. Bare-bones
flags come from Connections.csv alone, so even a Connections-only export gets them.

`evidence.cache.load_or_compute` keeps the result per snapshot so a resumed session does not
read a 100 MB messages file again.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

import polars as pl

from prune.core.errors import ExportError
from prune.core.evidence.endorsement_versions import endorsements_of_versions
from prune.core.evidence.endorsements import endorsement_rows, endorsement_schema
from prune.core.evidence.flags import bare_bones_flags
from prune.core.evidence.invitations import INVITATION_SCHEMA, read_invitations
from prune.core.evidence.matching import ContactIndex
from prune.core.evidence.message_tally import (
    MESSAGE_SCHEMA,
    MessageTally,
    group_messages,
    tally_groups,
)
from prune.core.evidence.name_matching_notice import name_matching_notices
from prune.core.evidence.recommendations import (
    Recommendations,
    read_recommendations,
    recommendation_schema,
)
from prune.core.reading.archive import ExportFiles
from prune.core.reading.owner import (
    MESSAGES,
    PROFILE,
    company_key,
    read_employers,
    read_owner_name,
)

# Where each kind of evidence comes from, by canonical file name (see archive.canonical_name);
# PROFILE and MESSAGES, which also name the owner, are defined with the owner.
POSITIONS = "positions.csv"
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

T = TypeVar("T")


@dataclass(frozen=True)
class Evidence:
    """Everything the side files say, per contact, and how reading them went."""

    frame: pl.DataFrame  # EVIDENCE_SCHEMA, one row per contact
    notices: list[str] = field(default_factory=list)  # one line per problem, naming the file
    files_used: list[str] = field(default_factory=list)  # side files read, as named in the export
    sources: frozenset[str] = frozenset()  # canonical names of the side files read
    messages: int | None = None  # message rows in messages.csv, sponsored ones aside; None without
    sponsored_messages: int | None = None  # advertising left out of `messages`; None without
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
    The export is not opened again: every file is read from `files`.
    """
    reading = _Reading(files)
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="prune-messages") as pool:
        # messages.csv is most of the work and its grouping needs nothing else: it is grouped
        # in a thread of its own while the contacts and the small side files are read.
        grouping = pool.submit(_group_messages, files) if files.has(MESSAGES) else None
        index = ContactIndex.build(contacts)
        owner_name = reading.attempt(PROFILE, "your own name", read_owner_name)
        # The groups are counted per contact as soon as they are ready, in a thread too: the
        # side files still to be read keep the other core busy meanwhile.
        counting = (
            None
            if grouping is None
            else pool.submit(_count_when_grouped, grouping, index, owner_name)
        )
        frame = contacts.select("key", "connected_on").join(
            bare_bones_flags(contacts), on="key", how="left", maintain_order="left"
        )
        employers = reading.attempt(POSITIONS, "former colleagues", read_employers)
        people = _Reading(files)  # taken in after the messages, so notices keep the file order
        for part in _people_parts(people, index, owner_name):
            frame = frame.join(part, on="key", how="left", maintain_order="left")
        frame = _add_colleagues(frame, contacts, employers)
        tally = _tally(reading, counting)
    if tally is not None:
        reading.remark(MESSAGES, tally.remarks)
        frame = frame.join(tally.per_contact, on="key", how="left", maintain_order="left")
    reading.absorb(people)
    frame = _complete(frame)  # which also puts the columns in EVIDENCE_SCHEMA's order
    reading.notices.extend(name_matching_notices(contacts, reading.used))
    reading.explain_absence()
    messages = contacts_with_messages = sponsored = None
    if tally is not None:
        messages, sponsored = tally.total, tally.sponsored
        contacts_with_messages = frame.filter(
            (pl.col("messages_sent") + pl.col("messages_received")) > 0
        ).height
    return Evidence(
        frame=frame,
        notices=reading.notices,
        files_used=reading.used,
        sources=frozenset(reading.sources),
        messages=messages,
        sponsored_messages=sponsored,
        contacts_with_messages=contacts_with_messages,
    )


def _group_messages(files: ExportFiles) -> pl.DataFrame:
    member = files.members[MESSAGES]
    return group_messages(lambda: files.read_version(member), files.name_of_version(member))


def _count_when_grouped(
    grouping: Future[pl.DataFrame], index: ContactIndex, owner_name: str | None
) -> MessageTally:
    return tally_groups(grouping.result(), index, owner_name)  # the grouping's error, if any


def _tally(reading: _Reading, counting: Future[MessageTally] | None) -> MessageTally | None:
    """The messages' tally, or None (and a notice) when the file is unusable."""
    if counting is None:
        return None

    def tally(_read: Callable[[], bytes], _name: str) -> MessageTally:
        return counting.result()  # the thread's error, if any

    return reading.attempt_lazy(MESSAGES, "message counts", tally)


def _people_parts(
    reading: _Reading, index: ContactIndex, owner_name: str | None
) -> list[pl.DataFrame]:
    """Per-contact frames from invitations, endorsements and recommendations, as present."""

    def invitations(raw: bytes, name: str) -> pl.DataFrame:
        return read_invitations(raw, name, index, owner_name)

    parts = [reading.attempt(INVITATIONS, "invitations", invitations)]
    for direction, canonical in ENDORSEMENTS.items():
        endorsed = endorsements_of_versions(
            reading.files.versions(canonical),
            partial(_endorsement_rows_of, reading, canonical, direction),
            index,
            direction,
            reading.files.name_of_version,
        )
        if endorsed is not None:
            parts.append(endorsed.per_contact)
            reading.notices.extend(endorsed.notices)
    for direction, canonical in RECOMMENDATIONS.items():
        recommended = reading.attempt(
            canonical,
            f"recommendations {direction}",
            partial(_recommendations, index, direction),
        )
        if recommended is None:
            continue
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
    return [part for part in parts if part is not None]


def _endorsement_rows_of(
    reading: _Reading, canonical: str, direction: str, member: str
) -> pl.DataFrame | None:
    """The rows of one version of an endorsement file, or None (and a notice) if unreadable."""

    def rows(read: Callable[[], bytes], name: str) -> pl.DataFrame:
        return endorsement_rows(read(), name)

    return reading.attempt_lazy(canonical, f"endorsements {direction}", rows, member)


def _recommendations(index: ContactIndex, direction: str, raw: bytes, name: str) -> Recommendations:
    return read_recommendations(raw, name, index, direction)


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

    def shown(self, canonical: str, member: str | None = None) -> str:
        return self.files.name_of_version(member or self.files.members[canonical])

    def attempt(self, canonical: str, what: str, reader: Callable[[bytes, str], T]) -> T | None:
        def from_bytes(read: Callable[[], bytes], name: str) -> T:
            return reader(read(), name)

        return self.attempt_lazy(canonical, what, from_bytes)

    def attempt_lazy(
        self,
        canonical: str,
        what: str,
        reader: Callable[[Callable[[], bytes], str], T],
        member: str | None = None,
    ) -> T | None:
        if not self.files.has(canonical):
            return None
        name = self.shown(canonical, member)

        def read() -> bytes:  # `member`: one version of the file (see ExportFiles.versions)
            return self.files.read_version(member or self.files.members[canonical])

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

    def absorb(self, other: _Reading) -> None:
        """Take in what a reading of later files found, after what this one found."""
        self.notices.extend(other.notices)
        self.used.extend(other.used)
        self.sources |= other.sources

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
