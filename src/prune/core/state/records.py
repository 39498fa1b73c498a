"""What the store hands back: one imported snapshot, one decision, one farewell, and tallies.

Plain frozen values, so a caller can keep them, compare them or pass them to a worker thread
without holding on to the database.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TypedDict

from prune.core.model import FAREWELL_MARKS, VERDICTS, Answer, FarewellMark, Verdict


@dataclass(frozen=True)
class Snapshot:
    """One imported export, and who its owner is."""

    id: int
    imported_at: str
    source: str  # the path it was imported from, resolved; evidence is read from there
    source_kind: str  # "csv", "zip" or "folder"
    sha256: str  # of Connections.csv: the same file is never kept twice
    export_date: str | None
    connections: int
    hidden: int
    duplicates: int
    first_connected_on: str | None
    last_connected_on: str | None
    files: list[str]
    # Who the export belongs to, read once at import (see reading.owner.read_owner): the full
    # name as written, and the first name Profile.csv gives, which signs farewells.
    owner_name: str | None = None
    owner_first_name: str | None = None


SNAPSHOT_FIELDS: tuple[str, ...] = tuple(field.name for field in fields(Snapshot))


@dataclass(frozen=True)
class Decision:
    """What the user said about one contact; `verdict` None means not decided yet."""

    key: str
    verdict: Verdict | None = None
    known: Answer | None = None
    interacted: Answer | None = None
    favour: Answer | None = None
    note: str | None = None
    later_seq: int | None = None
    decided_at: str | None = None
    updated_at: str | None = None


DECISION_FIELDS: tuple[str, ...] = tuple(field.name for field in fields(Decision))


@dataclass(frozen=True)
class Farewell:
    """The per-contact farewell state: chosen tone, the user's own edit, and follow-through."""

    key: str
    tone: str | None = None
    text: str | None = None
    status: FarewellMark = "drafted"
    updated_at: str | None = None


FAREWELL_FIELDS: tuple[str, ...] = tuple(field.name for field in fields(Farewell))


@dataclass(frozen=True)
class ImportOutcome:
    """What recording an import did."""

    snapshot: Snapshot
    already_imported: bool
    relinked: bool = False  # same connections, fuller archive: the snapshot now points at it
    carried_decisions: int = 0


@dataclass
class DecisionCounts:
    """How the contacts of one snapshot stand: decided each way, deferred, or not yet."""

    keep: int = 0
    disconnect: int = 0
    later: int = 0
    undecided: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "keep": self.keep,
            "disconnect": self.disconnect,
            "later": self.later,
            "undecided": self.undecided,
        }


class DecisionChanges(TypedDict, total=False):
    """The parts of a decision a caller may change; the store keeps the rest."""

    verdict: Verdict | None
    known: Answer | None
    interacted: Answer | None
    favour: Answer | None
    note: str | None


class FarewellChanges(TypedDict, total=False):
    """The parts of a farewell a caller may change: text None returns to the template."""

    tone: str | None
    text: str | None
    status: FarewellMark


def check_decision_changes(changes: dict[str, object]) -> None:
    """Refuse fields and values the decisions table would not hold, before any write."""
    unknown = set(changes) - DecisionChanges.__optional_keys__
    if unknown:
        raise ValueError(f"unknown decision fields: {sorted(unknown)}")
    verdict = changes.get("verdict")
    if verdict is not None and verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r}")


def check_farewell_changes(changes: dict[str, object]) -> None:
    """Refuse fields and statuses the farewells table would not hold, before any write."""
    unknown = set(changes) - FarewellChanges.__optional_keys__
    if unknown:
        raise ValueError(f"unknown farewell fields: {sorted(unknown)}")
    status = changes.get("status")
    if status is not None and status not in FAREWELL_MARKS:
        raise ValueError(f"unknown farewell status {status!r}")
