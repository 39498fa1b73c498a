"""Opening the state file's SQLite connections: private to the user, in WAL mode.

WAL mode with synchronous=NORMAL commits in well under a millisecond and survives an application
crash; each write is its own transaction, committed before the caller moves on. Which thread may
use which connection is said once, at `Store.reader`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from prune.core.paths import ensure_private_dir

DB_NAME = "prune.sqlite3"
BUSY_TIMEOUT_MS = 2000


class StoreError(Exception):
    """The state file cannot be used (locked, damaged, or from a newer prune)."""


def open_writer(folder: Path) -> tuple[sqlite3.Connection, Path]:
    """Open (or create) the state file in `folder`, private to the user; not yet migrated."""
    ensure_private_dir(folder)
    path = folder / DB_NAME
    if not path.exists():
        # Create it private before SQLite writes a byte into it.
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, 0o600)
    try:
        # check_same_thread=False stays until the interface stops sharing this connection.
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    except sqlite3.DatabaseError as error:
        raise unusable(path, error) from None
    return connection, path


def open_reader(path: Path) -> sqlite3.Connection:
    """A read-only connection to an existing state file, for the thread that calls this."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True, isolation_level=None)
        connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    except sqlite3.DatabaseError as error:
        raise StoreError(f"the state file {path} cannot be read ({error})") from None
    return connection


def keep_side_files_private(path: Path) -> None:
    """SQLite creates the -wal and -shm files with the umask's mode: make them the user's."""
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.chmod(side, 0o600)


def unusable(path: Path, error: sqlite3.DatabaseError) -> StoreError:
    return StoreError(
        f"the state file {path} cannot be used ({error}); move it aside to start afresh"
    )


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: committed when the block ends, rolled back if it raises."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
