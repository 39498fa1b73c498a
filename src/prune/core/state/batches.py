"""Many contacts decided at once, kept as one journal entry, and every undo.

A batch writes all its verdicts in one transaction and journals them as ONE row: its `key` is
"batch:<id>", its `before` the JSON object of each contact's whole decision beforehand (null
for a contact without one), so one undo puts every answer and note back as it was. A single
decision's journal row is the one `Store.save_decision` writes; `undo_latest` steps back
through either kind alike.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from prune.core.model import VERDICTS, Verdict
from prune.core.state.records import DECISION_FIELDS, Decision

BATCH_ACTION = "batch"
BATCH_PREFIX = "batch:"


@dataclass(frozen=True)
class Undone:
    """What one undo restored: the contacts' keys, and the batch they were decided in."""

    keys: list[str]
    batch: str | None = None  # the batch id; None for a single decision
    verdict: str | None = None  # what the batch had decided ("undecided" for none)


@dataclass(frozen=True)
class Batch:
    """One batch written: its id and the contacts it decided, in the order given."""

    id: str
    keys: list[str]
    verdict: Verdict | None


def decide_batch(
    db: sqlite3.Connection, keys: Sequence[str], verdict: Verdict | None, now: str, session: str
) -> Batch:
    """Set `verdict` (None: undecided) for every key, answers and notes kept; journal it once.

    Runs inside the caller's transaction. `later` puts the contacts at the end of the later
    queue, in the order given.
    """
    if verdict is not None and verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r}")
    unique = list(dict.fromkeys(keys))
    before = _decisions_of(db, unique)
    top = db.execute("SELECT MAX(later_seq) FROM decisions").fetchone()[0] or 0
    rows = []
    for number, key in enumerate(unique, start=1):
        old = before.get(key)
        blank = dict.fromkeys(DECISION_FIELDS) | {"key": key}
        updated = (old or blank) | {
            "verdict": verdict,
            "decided_at": now if verdict else None,
            "updated_at": now,
        }
        if verdict == "later":
            updated["later_seq"] = top + number
        rows.append([updated[name] for name in DECISION_FIELDS])
    write_decisions(db, rows)
    batch = Batch(uuid.uuid4().hex, unique, verdict)
    db.execute(
        "INSERT INTO journal (at, key, action, before, after, session) VALUES (?, ?, ?, ?, ?, ?)",
        (
            now,
            BATCH_PREFIX + batch.id,
            BATCH_ACTION,
            json.dumps({key: before.get(key) for key in unique}),
            json.dumps({"verdict": verdict or "undecided", "keys": unique}),
            session,
        ),
    )
    return batch


def undo_latest(db: sqlite3.Connection, session: str | None, now: str, by: str) -> Undone | None:
    """Undo the latest change not undone yet, of `session` (None: of any session).

    Runs inside the caller's transaction; the undo is journalled under session `by`.
    """
    mine = "" if session is None else "AND session = :session"
    row = db.execute(
        f"""SELECT id, key, action, before, after FROM journal
            WHERE undoes IS NULL {mine}
              AND id NOT IN (SELECT undoes FROM journal WHERE undoes IS NOT NULL)
            ORDER BY id DESC LIMIT 1""",
        {"session": session},
    ).fetchone()
    if row is None:
        return None
    entry_id, key, action, before, after = row
    if action == BATCH_ACTION:
        undone = _restore_batch(db, key, json.loads(before), json.loads(after))
    else:
        if before is None:
            db.execute("DELETE FROM decisions WHERE key = ?", (key,))
        else:
            write_decisions(db, [[json.loads(before)[name] for name in DECISION_FIELDS]])
        undone = Undone([str(key)])
    db.execute(
        "INSERT INTO journal (at, key, action, before, after, undoes, session) "
        "VALUES (?, ?, 'undo', NULL, ?, ?, ?)",
        (now, key, before, entry_id, by),
    )
    return undone


def write_decisions(db: sqlite3.Connection, rows: list[list[object]]) -> None:
    """Insert or replace whole decisions, each a list in DECISION_FIELDS order."""
    db.executemany(
        f"INSERT OR REPLACE INTO decisions ({', '.join(DECISION_FIELDS)}) "
        f"VALUES ({', '.join('?' * len(DECISION_FIELDS))})",
        rows,
    )


def _restore_batch(
    db: sqlite3.Connection,
    key: str,
    before: dict[str, dict[str, object] | None],
    after: dict[str, object],
) -> Undone:
    absent = [(contact,) for contact, old in before.items() if old is None]
    db.executemany("DELETE FROM decisions WHERE key = ?", absent)
    write_decisions(
        db,
        [[old[name] for name in DECISION_FIELDS] for old in before.values() if old is not None],
    )
    verdict = after.get("verdict")
    return Undone(list(before), key.removeprefix(BATCH_PREFIX), str(verdict) if verdict else None)


def _decisions_of(db: sqlite3.Connection, keys: list[str]) -> dict[str, dict[str, object]]:
    """The whole current decision of each key that has one, as plain dicts."""
    rows = db.execute(
        f"SELECT {', '.join(DECISION_FIELDS)} FROM decisions "
        "WHERE key IN (SELECT value FROM json_each(?))",
        (json.dumps(keys),),
    ).fetchall()
    return {row[0]: asdict(Decision(*row)) for row in rows}
