"""Telling a damaged state file from a fresh one, and saying so in one line that names a way back.

A damaged file is never written to: no migration, no repair attempt, no fresh store in its
place. What is checked at open: an empty file where the folder shows there was state (a WAL,
kept backups, snapshot copies), `PRAGMA quick_check`, and the tables every store has.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from prune.core.state.connection import StoreError

BACKUPS_FOLDER = "backups"
BACKUP_PATTERN = "prune-*.sqlite3"
# What a store leaves beside itself once it has held an import (contacts_copy, evidence.cache).
TRACES_OF_STATE = (
    "contacts-*.arrow",
    "list-order-*.arrow",
    "evidence-*.parquet",
    "evidence-*.json",
)
TABLES = ("snapshots", "contacts", "decisions", "journal", "farewells", "settings")


class StoreDamaged(StoreError):
    """The state file exists but cannot be trusted; it was left exactly as it was found."""


def backups_kept(folder: Path) -> list[Path]:
    """The copies of the store kept in `folder`/backups, oldest first (by their stamped names)."""
    try:
        return sorted((folder / BACKUPS_FOLDER).glob(BACKUP_PATTERN))
    except OSError:
        return []


def damaged(path: Path, reason: str) -> StoreDamaged:
    """The one line a user sees: what is wrong, where, that the file was kept, how to recover."""
    backups = backups_kept(path.parent)
    if backups:
        recovery = (
            f"a backup was kept in {path.parent / BACKUPS_FOLDER}: run `prune restore --latest` "
            "to put the newest one back"
        )
    else:
        recovery = "no backup of it was found: move it aside to start afresh"
    return StoreDamaged(
        f"the state file {path} is damaged ({reason}) and was left untouched; {recovery}"
    )


def refuse_empty_with_history(path: Path) -> None:
    """An empty store file is fresh only when nothing shows it once held state; else damaged."""
    try:
        if path.stat().st_size != 0:
            return
    except FileNotFoundError:
        return
    wal = path.with_name(path.name + "-wal")
    folder = path.parent
    traces = wal.exists() and wal.stat().st_size > 0
    traces = traces or bool(backups_kept(folder))
    traces = traces or any(next(folder.glob(pattern), None) for pattern in TRACES_OF_STATE)
    if traces:
        raise damaged(path, "the file is empty, though this folder held imports")


def check_pages(db: sqlite3.Connection, path: Path) -> None:
    """`PRAGMA quick_check`: every page readable and well formed (not a full index check)."""
    try:
        rows = db.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        raise damaged(path, str(error)) from None
    problems = [str(row[0]) for row in rows if row[0] != "ok"]
    if problems:
        more = f" and {len(problems) - 1} more problems" if len(problems) > 1 else ""
        raise damaged(path, f"{problems[0]}{more}")


def check_tables(db: sqlite3.Connection, path: Path) -> None:
    """Every table a migrated store has; one missing means part of the state is gone."""
    present = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing = [name for name in TABLES if name not in present]
    if missing:
        raise damaged(
            path,
            f"the table{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"{'are' if len(missing) > 1 else 'is'} missing",
        )
