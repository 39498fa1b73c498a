"""Opening the state file's SQLite connections: private to the user, in WAL mode.

WAL mode with synchronous=FULL syncs the log on every commit, so a decision the app has shown
as made survives a power cut as well as a crash; each write is its own transaction, committed
before the caller moves on. Which thread may use which connection is said once, at
`Store.reader`. A file the user made read-only stays so: a writer refuses it, a reader opens it.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from prune.core.paths import ensure_private_dir

DB_NAME = "prune.sqlite3"
BUSY_TIMEOUT_MS = 2000


class StoreError(Exception):
    """The state file cannot be used (locked, damaged, or from a newer prune)."""


class StoreReadOnly(StoreError):
    """The user made the state file read-only; prune does not make it writable again."""


def open_writer(folder: Path) -> tuple[sqlite3.Connection, Path]:
    """Open (or create) the state file in `folder`, private to the user; not yet migrated.

    Raises StoreReadOnly for a file the user made read-only, and sqlite3.DatabaseError for
    one that is not a database.
    """
    ensure_private_dir(folder)
    path = folder / DB_NAME
    if not path.exists():
        # Create it private before SQLite writes a byte into it.
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    mode = stat.S_IMODE(path.stat().st_mode)
    if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        raise StoreReadOnly(
            f"the state file {path} is read-only (mode {mode:04o}), so this command, which "
            f"changes it, did not run; make it writable (chmod u+w {path}) to go on"
        )
    os.chmod(path, mode & 0o600)  # tighten to the user's own; never add a permission
    # The connection belongs to the thread that opened it (see Store.reader): sqlite3 refuses
    # its use from any other thread, so a worker that forgets the rule fails loudly.
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA foreign_keys=ON")
    except BaseException:
        connection.close()
        raise  # a file that is not a database: the caller says it is damaged
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
