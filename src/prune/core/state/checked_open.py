"""Opening the state file only after checking it can be trusted, for writing or for reading.

The order matters: an empty file is judged before SQLite sees it, pages and tables are checked
before a migration could write, so a damaged file is always left exactly as it was found.

Checking every page costs ~10 ms per snapshot of 30,000 contacts. A file this process itself
wrote and closed, and that nobody has touched since (same inode, size and modification time, and
the same WAL), is not checked again. The review may ask for the check to run beside it instead
(`page_check`), when the file needs no migration: nothing is written until it has passed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from prune.core.state.connection import (
    DB_NAME,
    keep_side_files_private,
    open_reader,
    open_writer,
)
from prune.core.state.damage import check_pages, check_tables, damaged, refuse_empty_with_history
from prune.core.state.page_check import PageCheck
from prune.core.state.schema import SCHEMA_VERSION, migrate, refuse_newer

Signature = tuple[tuple[int, int, int], tuple[int, int] | None]
_closed_whole: dict[Path, Signature] = {}


def _signature(path: Path) -> Signature | None:
    try:
        status = path.stat()
    except OSError:
        return None
    wal = path.with_name(path.name + "-wal")
    wal_status = wal.stat() if wal.exists() else None
    return (
        (status.st_ino, status.st_size, status.st_mtime_ns),
        None if wal_status is None else (wal_status.st_size, wal_status.st_mtime_ns),
    )


def remember_closed_whole(path: Path) -> None:
    """A writer of this process closed `path` cleanly: until it changes, it needs no check."""
    signature = _signature(path)
    if signature is not None:
        _closed_whole[path] = signature


def open_checked_writer(
    folder: Path, *, check_pages_later: bool = False
) -> tuple[sqlite3.Connection, Path, PageCheck | None]:
    """The writing connection to `folder`'s state file (created if missing), checked, migrated.

    With `check_pages_later`, a file that needs no migration has its pages checked on a thread
    (the PageCheck returned), which the store waits for before it writes.
    """
    path = folder / DB_NAME
    refuse_empty_with_history(path)
    remembered = _closed_whole.pop(path, None)
    unchanged = remembered is not None and remembered == _signature(path)  # before SQLite opens
    try:
        connection, path = open_writer(folder)
    except sqlite3.DatabaseError as error:
        raise damaged(path, str(error)) from None
    later = None
    try:
        version = refuse_newer(connection, path)
        if unchanged:
            pass
        elif check_pages_later and version == SCHEMA_VERSION:  # no migration will write
            later = PageCheck(path)
        else:
            check_pages(connection, path)
        if version > 0:
            check_tables(connection, path)
        migrate(connection, path)
    except sqlite3.DatabaseError as error:
        connection.close()
        raise damaged(path, str(error)) from None
    except BaseException:
        connection.close()
        raise
    keep_side_files_private(path)
    return connection, path, later


def open_checked_reader(folder: Path) -> tuple[sqlite3.Connection, Path] | None:
    """A read-only connection to an up-to-date state file; None if there is none yet or it
    needs migrating (which only a writer may do)."""
    path = folder / DB_NAME
    refuse_empty_with_history(path)
    if not path.exists() or path.stat().st_size == 0:
        return None
    connection = open_reader(path)
    try:
        check_pages(connection, path)
        version = refuse_newer(connection, path)
        if version > 0:
            check_tables(connection, path)
        if version < SCHEMA_VERSION:
            connection.close()
            return None
    except sqlite3.DatabaseError as error:
        connection.close()
        raise damaged(path, str(error)) from None
    except BaseException:
        connection.close()
        raise
    return connection, path
