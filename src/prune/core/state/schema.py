"""The state file's tables and how an older file is brought up to date.

`PRAGMA user_version` holds the number of migrations applied. Each migration runs in its own
transaction, so a file is never left half-migrated; a file from a newer prune is refused rather
than guessed at. A migration may also fill new columns in from the exports themselves.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from prune.core.state.connection import StoreError, transaction
from prune.core.state.invitation_decisions import INVITATION_DECISIONS_TABLE
from prune.core.state.outreach import OUTREACH_TABLE

FIRST_SCHEMA = """
    CREATE TABLE snapshots (
        id INTEGER PRIMARY KEY,
        imported_at TEXT NOT NULL,
        source TEXT NOT NULL,
        source_kind TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        export_date TEXT,
        connections INTEGER NOT NULL,
        hidden INTEGER NOT NULL,
        duplicates INTEGER NOT NULL,
        first_connected_on TEXT,
        last_connected_on TEXT,
        files TEXT NOT NULL
    );
    CREATE TABLE contacts (
        snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
        key TEXT NOT NULL,
        first_name TEXT,
        last_name TEXT,
        url TEXT,
        email TEXT,
        company TEXT,
        position TEXT,
        connected_on TEXT,
        PRIMARY KEY (snapshot_id, key)
    ) WITHOUT ROWID;
    CREATE TABLE decisions (
        key TEXT PRIMARY KEY,
        verdict TEXT CHECK (verdict IN ('keep', 'disconnect', 'later')),
        known TEXT CHECK (known IN ('yes', 'no', 'maybe')),
        interacted TEXT CHECK (interacted IN ('yes', 'no', 'maybe')),
        favour TEXT CHECK (favour IN ('yes', 'no', 'maybe')),
        note TEXT,
        later_seq INTEGER,
        decided_at TEXT,
        updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE journal (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        key TEXT NOT NULL,
        action TEXT NOT NULL,
        before TEXT,
        after TEXT,
        undoes INTEGER REFERENCES journal(id)
    );
    CREATE INDEX journal_undoes ON journal(undoes);
    CREATE TABLE farewells (
        key TEXT PRIMARY KEY,
        tone TEXT,
        text TEXT,
        status TEXT NOT NULL DEFAULT 'drafted'
            CHECK (status IN ('drafted', 'copied', 'sent', 'removed')),
        updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE settings (
        name TEXT PRIMARY KEY,
        value TEXT
    ) WITHOUT ROWID;
"""
OWNER_COLUMNS = """
    ALTER TABLE snapshots ADD COLUMN owner_name TEXT;
    ALTER TABLE snapshots ADD COLUMN owner_first_name TEXT;
"""
# Which run of prune made each change, so that undo never reaches into another process's work.
JOURNAL_SESSION = """
    ALTER TABLE journal ADD COLUMN session TEXT;
    CREATE INDEX journal_session ON journal(session, id);
"""


def _fill_owners(db: sqlite3.Connection) -> None:
    """Name the owner of every snapshot kept before prune stored it, from its export.

    Runs once, when this version first opens an older state file. An export that has since
    been moved or deleted leaves the name unknown, as it was before.
    """
    from prune.core.reading.owner import owner_at  # only this old migration reads exports

    for snapshot_id, source in db.execute("SELECT id, source FROM snapshots").fetchall():
        owner = owner_at(source)
        db.execute(
            "UPDATE snapshots SET owner_name = ?, owner_first_name = ? WHERE id = ?",
            (owner.name, owner.first_name, snapshot_id),
        )


RENAMES_TABLE = """
    CREATE TABLE renames (
        old_key TEXT PRIMARY KEY,
        new_key TEXT NOT NULL,
        snapshot_id INTEGER NOT NULL,
        old_url TEXT,
        new_url TEXT,
        matched_by TEXT NOT NULL,
        at TEXT NOT NULL
    ) WITHOUT ROWID;
"""


def _fill_export_dates(db: sqlite3.Connection) -> None:
    """Date every snapshot kept before prune worked the date out at import (export_dates)."""
    from prune.core.state.export_dates import export_date_of  # only for a store this old

    rows = db.execute(
        "SELECT id, source, last_connected_on FROM snapshots WHERE export_date IS NULL"
    ).fetchall()
    for snapshot_id, source, last_connected_on in rows:
        newest = date.fromisoformat(last_connected_on) if last_connected_on else None
        found = export_date_of(Path(source), newest)
        db.execute(
            "UPDATE snapshots SET export_date = ? WHERE id = ?",
            (found.isoformat() if found else None, snapshot_id),
        )


@dataclass(frozen=True)
class Migration:
    """A script of SQL statements, then what must be filled in from outside the database."""

    script: str
    fill: Callable[[sqlite3.Connection], None] | None = None


MIGRATIONS: tuple[Migration, ...] = (
    Migration(FIRST_SCHEMA),  # 1
    Migration(OWNER_COLUMNS, fill=_fill_owners),  # 2: who each export belongs to
    # 3: who was followed to a new profile URL, and every snapshot dated by its export
    Migration(RENAMES_TABLE, fill=_fill_export_dates),
    Migration(JOURNAL_SESSION),  # 4: undo is per session
    # 5: decisions on pending invitations, and when the user last reached out to a kept contact
    Migration(f"{INVITATION_DECISIONS_TABLE};{OUTREACH_TABLE}"),
)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite3.Connection) -> int:
    version: int = db.execute("PRAGMA user_version").fetchone()[0]
    return version


def refuse_newer(db: sqlite3.Connection, path: Path) -> int:
    """The file's schema version; a file from a newer prune is refused rather than guessed at."""
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the state file {path} was written by a newer prune (schema {version}); upgrade prune"
        )
    return version


def migrate(db: sqlite3.Connection, path: Path) -> None:
    """Apply every migration the file at `path` has not had yet, each in one transaction."""
    version = refuse_newer(db, path)
    for number in range(version, SCHEMA_VERSION):
        migration = MIGRATIONS[number]
        with transaction(db):
            for statement in _statements(migration.script):
                db.execute(statement)
            if migration.fill is not None:
                migration.fill(db)
            db.execute(f"PRAGMA user_version={number + 1}")


def _statements(script: str) -> Iterator[str]:
    for statement in script.split(";"):
        if statement.strip():
            yield statement
