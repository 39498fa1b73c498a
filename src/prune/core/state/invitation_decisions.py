"""What the user decided about people who are not connections yet: accept, ignore or withdraw.

An invited person has no contact key of their own until they connect, so they are keyed the way
`core.invitations` names them (a profile key, a member URN, or a name). Decisions are kept across
re-imports like the contacts' ones; once the person shows up among the connections the decision
becomes `accept` by itself and `connected_key` says which contact they became.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from typing import Final, Literal, get_args

import polars as pl

from prune.core.model import ANSWERS, QUESTION_IDS, Answer
from prune.core.state.connection import transaction

InvitationDecision = Literal["accept", "ignore", "withdraw"]
INVITATION_DECISIONS: Final[tuple[InvitationDecision, ...]] = get_args(InvitationDecision)

INVITATION_DECISIONS_TABLE = """
    CREATE TABLE invitation_decisions (
        key TEXT PRIMARY KEY,
        name TEXT,
        url TEXT,
        direction TEXT CHECK (direction IN ('incoming', 'outgoing')),
        decision TEXT CHECK (decision IN ('accept', 'ignore', 'withdraw')),
        known TEXT CHECK (known IN ('yes', 'no', 'maybe')),
        interacted TEXT CHECK (interacted IN ('yes', 'no', 'maybe')),
        favour TEXT CHECK (favour IN ('yes', 'no', 'maybe')),
        connected_key TEXT,
        decided_at TEXT,
        updated_at TEXT NOT NULL
    ) WITHOUT ROWID
"""


@dataclass(frozen=True)
class InvitationRecord:
    """One invited person's stored decision and answers."""

    key: str
    name: str | None = None
    url: str | None = None
    direction: str | None = None
    decision: InvitationDecision | None = None
    known: Answer | None = None
    interacted: Answer | None = None
    favour: Answer | None = None
    connected_key: str | None = None  # the contact they became, once they connected
    decided_at: str | None = None
    updated_at: str | None = None


_FIELDS: tuple[str, ...] = tuple(field.name for field in fields(InvitationRecord))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class InvitationDecisions:
    """The invitation_decisions table on one store's connection; every write commits."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def get(self, key: str) -> InvitationRecord | None:
        row = self._db.execute(
            f"SELECT {', '.join(_FIELDS)} FROM invitation_decisions WHERE key = ?", (key,)
        ).fetchone()
        return None if row is None else InvitationRecord(*row)

    def frame(self) -> pl.DataFrame:
        """Every stored record, one row per invited person, all columns strings."""
        rows = self._db.execute(f"SELECT {', '.join(_FIELDS)} FROM invitation_decisions")
        return pl.DataFrame(rows.fetchall(), schema=dict.fromkeys(_FIELDS, pl.String), orient="row")

    def save(self, record: InvitationRecord) -> InvitationRecord:
        """Store `record` whole (the caller read it first); stamps the times. Returns it."""
        if record.decision is not None and record.decision not in INVITATION_DECISIONS:
            raise ValueError(f"unknown invitation decision {record.decision!r}")
        for question in QUESTION_IDS:
            answer = getattr(record, question)
            if answer is not None and answer not in ANSWERS:
                raise ValueError(f"unknown answer {answer!r} for {question}")
        before = self.get(record.key)
        now = _now()
        changed = before is None or before.decision != record.decision
        decided_at = (now if record.decision else None) if changed else record.decided_at
        values = asdict(record) | {"decided_at": decided_at, "updated_at": now}
        with transaction(self._db) as db:
            db.execute(
                f"INSERT OR REPLACE INTO invitation_decisions ({', '.join(_FIELDS)}) "
                f"VALUES ({', '.join('?' * len(_FIELDS))})",
                [values[name] for name in _FIELDS],
            )
        return InvitationRecord(**values)

    def restore(self, key: str, previous: InvitationRecord | None) -> None:
        """Put back what `get(key)` returned before a change: the review's undo."""
        with transaction(self._db) as db:
            if previous is None:
                db.execute("DELETE FROM invitation_decisions WHERE key = ?", (key,))
                return
            values = asdict(previous)
            db.execute(
                f"INSERT OR REPLACE INTO invitation_decisions ({', '.join(_FIELDS)}) "
                f"VALUES ({', '.join('?' * len(_FIELDS))})",
                [values[name] for name in _FIELDS],
            )

    def mark_connected(self, became: dict[str, str]) -> int:
        """Accept every invited person now a connection (`became`: invitation key -> contact
        key); returns how many records changed."""
        now = _now()
        changed = 0
        with transaction(self._db) as db:
            for key, contact_key in became.items():
                cursor = db.execute(
                    """UPDATE invitation_decisions
                       SET decision = 'accept', connected_key = ?, updated_at = ?,
                           decided_at = CASE WHEN decision = 'accept' THEN decided_at ELSE ? END
                       WHERE key = ? AND connected_key IS NOT ?""",
                    (contact_key, now, now, key, contact_key),
                )
                changed += cursor.rowcount
        return changed
