"""Copies of the state file: consistent while a review runs, checked before they come back.

Every copy is made with SQLite's backup API, which reads one consistent version of the file even
while another connection writes to it, and is left as a single self-contained file (no -wal).
Before each import a rolling copy goes to `<data dir>/backups/prune-YYYYMMDD-HHMMSS.sqlite3`
(UTC); the newest `KEEP_ROLLING` are kept, so a bad import can always be undone.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from prune.core.paths import ensure_private_dir
from prune.core.state.connection import DB_NAME
from prune.core.state.schema import SCHEMA_VERSION

BACKUPS_FOLDER = "backups"
KEEP_ROLLING = 5
_ROLLING_NAME = re.compile(r"^prune-(\d{8})-(\d{6})(?:-(\d+))?\.sqlite3$")
_SQLITE_HEADER = b"SQLite format 3\x00"


class BackupError(Exception):
    """A backup cannot be made or used; the message is one line saying why and what to do."""


@dataclass(frozen=True)
class StateCounts:
    """What a state file holds, as a person would count it."""

    schema: int
    snapshots: int
    decisions: int  # contacts with a verdict
    farewells: int

    @property
    def empty(self) -> bool:
        return not (self.snapshots or self.decisions or self.farewells)

    def describe(self) -> str:
        """ "2 snapshots, 14 decisions and 3 farewells"."""
        parts = [
            _plural(self.snapshots, "snapshot"),
            _plural(self.decisions, "decision"),
            _plural(self.farewells, "farewell"),
        ]
        return f"{parts[0]}, {parts[1]} and {parts[2]}"


@dataclass(frozen=True)
class RollingCopy:
    """One copy in the backups folder and when it was taken."""

    path: Path
    taken_at: datetime
    size: int


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def backups_dir(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUPS_FOLDER


def copy_database(source: Path, target: Path) -> None:
    """Write a consistent, self-contained copy of the state file `source` to `target` (0600).

    `source` is opened read-only, so a damaged or missing file is never created or changed.
    """
    if not source.is_file():
        raise BackupError(f"there is no state file at {source}")
    os.close(os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
    os.chmod(target, 0o600)
    try:
        reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            writer = sqlite3.connect(target)
            try:
                reader.backup(writer)
                writer.execute("PRAGMA journal_mode=DELETE")
            finally:
                writer.close()
        finally:
            reader.close()
    except sqlite3.DatabaseError as error:
        target.unlink(missing_ok=True)
        raise BackupError(f"the state file {source} cannot be copied ({error})") from None


def check_state_file(path: Path) -> StateCounts:
    """Make sure `path` is a whole prune state file this prune can read; say what it holds.

    Raises BackupError for a file that is not SQLite, fails SQLite's integrity check, holds no
    prune state, or was written by a newer prune.
    """
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as error:
        raise BackupError(f"cannot read {path}: {(error.strerror or str(error)).lower()}") from None
    if header != _SQLITE_HEADER:
        raise BackupError(f"{path} is not a prune backup or state file")
    try:
        db = sqlite3.connect(path)
        try:
            return _counts_after_checks(db, path)
        finally:
            db.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is damaged ({error}): nothing was restored") from None


def _counts_after_checks(db: sqlite3.Connection, path: Path) -> StateCounts:
    problems = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    if problems != ["ok"]:
        raise BackupError(f"{path} is damaged ({problems[0]}): nothing was restored")
    schema: int = db.execute("PRAGMA user_version").fetchone()[0]
    if schema > SCHEMA_VERSION:
        raise BackupError(
            f"{path} was written by a newer prune (schema {schema}, this prune reads up to "
            f"{SCHEMA_VERSION}): upgrade prune, then restore it"
        )
    if schema < 1:
        raise BackupError(f"{path} holds no prune state")
    return state_counts(db, schema)


def state_counts(db: sqlite3.Connection, schema: int) -> StateCounts:
    """Count what an open state file holds (its tables exist from schema 1 on)."""

    def count(query: str) -> int:
        number: int = db.execute(query).fetchone()[0]
        return number

    return StateCounts(
        schema=schema,
        snapshots=count("SELECT COUNT(*) FROM snapshots"),
        decisions=count("SELECT COUNT(*) FROM decisions WHERE verdict IS NOT NULL"),
        farewells=count("SELECT COUNT(*) FROM farewells"),
    )


def read_counts(path: Path) -> StateCounts | None:
    """What the state file at `path` holds, read-only; None when absent or unreadable."""
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            schema: int = db.execute("PRAGMA user_version").fetchone()[0]
            return state_counts(db, schema) if schema >= 1 else None
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return None


def opens(path: Path) -> bool:
    """Whether SQLite can read the file at `path` at all (damaged files fail here)."""
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return False
    return True


# -- rolling copies -------------------------------------------------------------------------------


def new_copy_path(data_dir: Path, now: datetime | None = None) -> Path:
    """A fresh name in the backups folder (created 0700), never one already taken."""
    folder = ensure_private_dir(backups_dir(data_dir))
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    path = folder / f"prune-{stamp}.sqlite3"
    number = 2
    while path.exists():
        path = folder / f"prune-{stamp}-{number}.sqlite3"
        number += 1
    return path


def rolling_copies(data_dir: Path) -> list[RollingCopy]:
    """The copies in the backups folder, newest first."""
    found: list[tuple[tuple[str, int], RollingCopy]] = []
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        match = _ROLLING_NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        day, time, number = match.groups()
        taken_at = datetime.strptime(day + time, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
        copy = RollingCopy(path=path, taken_at=taken_at, size=path.stat().st_size)
        found.append(((day + time, int(number or 1)), copy))
    return [copy for _, copy in sorted(found, key=lambda item: item[0], reverse=True)]


def keep_rolling_copy(state_file: Path, keep: int = KEEP_ROLLING) -> Path | None:
    """Copy the state file into the backups folder before it changes; drop all but `keep` copies.

    Nothing is copied while the state holds nothing to lose (no file, or no snapshot yet).
    """
    counts = read_counts(state_file)
    if counts is None or counts.empty:
        return None
    data_dir = state_file.parent
    target = new_copy_path(data_dir)
    copy_database(state_file, target)
    for old in rolling_copies(data_dir)[keep:]:
        old.path.unlink(missing_ok=True)
    return target


def state_file(data_dir: Path) -> Path:
    return Path(data_dir) / DB_NAME
