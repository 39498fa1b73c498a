"""Checking every page of the state file on a thread of its own, while the review starts.

`PRAGMA quick_check` reads the whole file, and prune keeps every export: about 10 ms for one
snapshot of 30,000 contacts, 100 ms for ten. Run before the first card, that grows with each
import. When the review opens a file that needs no migration, the check runs here instead, on a
read-only connection, while the first card is painted. The guarantee is the same as checking at
open: nothing is written before the check has passed (the store waits for it before its first
write), and the review's contacts are not handed over until it has passed, so a damaged file
still ends in the one line that says so, and is left exactly as it was.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from prune.core.state.connection import StoreError, open_reader
from prune.core.state.damage import check_pages, damaged


class PageCheck:
    """One quick_check of the file at `path`, started at once; `wait` gives its verdict."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._done = threading.Event()
        self._failure: StoreError | None = None
        threading.Thread(target=self._run, name="prune-page-check", daemon=True).start()

    def _run(self) -> None:
        try:
            connection = open_reader(self._path)
            try:
                check_pages(connection, self._path)
            finally:
                connection.close()
        except StoreError as error:
            self._failure = error
        except sqlite3.Error as error:  # not the pages: the file could not be read at all
            self._failure = damaged(self._path, str(error))
        finally:
            self._done.set()

    def wait(self) -> None:
        """Return once every page was found sound; raise StoreDamaged (or StoreError) if not."""
        self._done.wait()
        if self._failure is not None:
            raise self._failure

    @property
    def passed(self) -> bool:
        """Finished, and sound."""
        return self._done.is_set() and self._failure is None
