"""When the user last reached out to a kept contact, and what they talked about.

Kept by contact key beside the decisions, so it survives re-imports. Reaching out resets the
nurture clock (core.nurture); the note is the user's own memory of the conversation.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime

import polars as pl

from prune.core.state.connection import transaction

OUTREACH_TABLE = """
    CREATE TABLE outreach (
        key TEXT PRIMARY KEY,
        reached_out_on TEXT,
        talked_about TEXT,
        updated_at TEXT NOT NULL
    ) WITHOUT ROWID
"""


@dataclass(frozen=True)
class OutreachRecord:
    key: str
    reached_out_on: date | None = None
    talked_about: str | None = None


class Outreach:
    """The outreach table on one store's connection; every write commits."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def get(self, key: str) -> OutreachRecord:
        row = self._db.execute(
            "SELECT reached_out_on, talked_about FROM outreach WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            return OutreachRecord(key)
        return OutreachRecord(key, date.fromisoformat(row[0]) if row[0] else None, row[1])

    def frame(self) -> pl.DataFrame:
        """key, reached_out_on (a date), talked_about: one row per contact with a record."""
        rows = self._db.execute("SELECT key, reached_out_on, talked_about FROM outreach")
        schema = dict.fromkeys(("key", "reached_out_on", "talked_about"), pl.String)
        frame = pl.DataFrame(rows.fetchall(), schema=schema, orient="row")
        return frame.with_columns(pl.col("reached_out_on").str.to_date("%Y-%m-%d", strict=False))

    def reached_out(self, key: str, on: date) -> OutreachRecord:
        """Record that the user got in touch with `key` on `on` (the note stays)."""
        self._upsert(key, "reached_out_on", on.isoformat())
        return self.get(key)

    def note(self, key: str, talked_about: str | None) -> OutreachRecord:
        """What the user talked about with `key`; empty text removes the note."""
        self._upsert(key, "talked_about", (talked_about or "").strip() or None)
        return self.get(key)

    def _upsert(self, key: str, column: str, value: str | None) -> None:
        assert column in ("reached_out_on", "talked_about")
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with transaction(self._db) as db:
            db.execute(
                f"INSERT INTO outreach (key, {column}, updated_at) VALUES (?, ?, ?) "
                f"ON CONFLICT(key) DO UPDATE SET {column} = excluded.{column}, "
                "updated_at = excluded.updated_at",
                (key, value, now),
            )
