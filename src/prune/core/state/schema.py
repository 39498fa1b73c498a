"""The state file's tables and how an older file is brought up to date.

`PRAGMA user_version` holds the number of migrations applied. Each migration runs in its own
transaction, so a file is never left half-migrated; a file from a newer prune is refused rather
than guessed at.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from prune.core.state.connection import StoreError, transaction

MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema.
    """
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
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite3.Connection) -> int:
    version: int = db.execute("PRAGMA user_version").fetchone()[0]
    return version


def migrate(db: sqlite3.Connection, path: Path) -> None:
    """Apply every migration the file at `path` has not had yet, each in one transaction."""
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the state file {path} was written by a newer prune (schema {version}); upgrade prune"
        )
    for number in range(version, SCHEMA_VERSION):
        with transaction(db):
            for statement in _statements(MIGRATIONS[number]):
                db.execute(statement)
            db.execute(f"PRAGMA user_version={number + 1}")


def _statements(script: str) -> Iterator[str]:
    for statement in script.split(";"):
        if statement.strip():
            yield statement
