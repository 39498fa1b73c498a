"""How a snapshot goes into its tables, comes back out as a `Snapshot`, and counts its verdicts.

The store's queries and the other state modules share these, so a snapshot's columns are named
and converted in one place.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from datetime import date
from typing import Any

import polars as pl

from prune.core.model import CONTACT_COLUMNS, VERDICTS
from prune.core.state.records import SNAPSHOT_FIELDS, DecisionCounts, Snapshot

SNAPSHOT_COLUMNS = ", ".join(SNAPSHOT_FIELDS)


def insert_snapshot(
    db: sqlite3.Connection, row: Mapping[str, object], contacts: pl.DataFrame
) -> int:
    """Write one snapshot and its contacts (inside the caller's transaction); its new id."""
    names = ", ".join(row)
    values = ", ".join(f":{name}" for name in row)
    cursor = db.execute(f"INSERT INTO snapshots ({names}) VALUES ({values})", row)
    snapshot_id = cursor.lastrowid
    assert snapshot_id is not None
    rows = contacts.select(CONTACT_COLUMNS).with_columns(pl.col("connected_on").cast(pl.String))
    db.executemany(
        f"INSERT INTO contacts (snapshot_id, {', '.join(CONTACT_COLUMNS)}) "
        f"VALUES ({snapshot_id}, {', '.join('?' * len(CONTACT_COLUMNS))})",
        rows.iter_rows(),
    )
    return snapshot_id


def iso_day(value: object) -> str | None:
    """A date as the snapshots table keeps it; None for a column without any."""
    return value.isoformat() if isinstance(value, date) else None


def snapshot_from_row(row: sqlite3.Row | tuple[Any, ...]) -> Snapshot:
    """A snapshot from a row of SNAPSHOT_COLUMNS; `files` is kept as a JSON list."""
    values = dict(zip(SNAPSHOT_FIELDS, row, strict=True))
    values["files"] = json.loads(values["files"])
    return Snapshot(**values)


def contact_row(db: sqlite3.Connection, snapshot_id: int, key: str) -> dict[str, object] | None:
    """One contact of a snapshot, as a row of `Store.contacts` gives it (connected_on a date)."""
    found = db.execute(
        f"SELECT {', '.join(CONTACT_COLUMNS)} FROM contacts WHERE snapshot_id = ? AND key = ?",
        (snapshot_id, key),
    ).fetchone()
    if found is None:
        return None
    row: dict[str, object] = dict(zip(CONTACT_COLUMNS, found, strict=True))
    row["connected_on"] = _day(row["connected_on"])
    return row


def decision_counts(db: sqlite3.Connection, snapshot_id: int) -> DecisionCounts:
    """Keep / disconnect / later / undecided among the contacts of one snapshot."""
    rows = db.execute(
        """SELECT decisions.verdict, COUNT(*) FROM contacts
           LEFT JOIN decisions USING (key)
           WHERE contacts.snapshot_id = ? GROUP BY decisions.verdict""",
        (snapshot_id,),
    ).fetchall()
    by_verdict = {verdict: number for verdict, number in rows}
    return DecisionCounts(
        keep=by_verdict.get("keep", 0),
        disconnect=by_verdict.get("disconnect", 0),
        later=by_verdict.get("later", 0),
        undecided=sum(n for verdict, n in by_verdict.items() if verdict not in VERDICTS),
    )


def _day(text: object) -> date | None:
    """What the contacts' `%Y-%m-%d` column gives back: a date, or None for anything else."""
    try:
        return date.fromisoformat(text) if isinstance(text, str) and len(text) == 10 else None
    except ValueError:
        return None
