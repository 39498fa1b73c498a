"""One writer at a time: an advisory lock on a file beside the state file.

Two review windows on one data folder would otherwise overwrite each other's decisions. The
lock is `flock` on `prune.lock`, which holds the holder's process id so that a refusal can name
it. The operating system drops the lock when its holder ends, however it ends (a crash, a
SIGKILL), so a stale lock file never keeps anyone out. (Windows has no flock: there one byte
far past the process id is locked with msvcrt instead, which the system also drops at exit.)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from prune.core.paths import ensure_private_dir
from prune.core.state.connection import StoreError

LOCK_NAME = "prune.lock"

if sys.platform == "win32":
    import msvcrt

    _LOCKED_BYTE = 1 << 16  # beyond the process id, which must stay readable

    def _try_exclusive(descriptor: int) -> bool:
        os.lseek(descriptor, _LOCKED_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_exclusive(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


class StoreBusy(StoreError):
    """Another process is writing to the same state folder."""

    def __init__(self, folder: Path, holder: int | None) -> None:
        who = f"another prune (process {holder})" if holder else "another prune"
        super().__init__(
            f"{who} is using the state in {folder}; close it first, or wait until it ends "
            "(stats, export, changes and farewells work meanwhile)"
        )
        self.holder = holder


class WriterLock:
    """Held from `acquire` until `release` (or the end of the process); one per state folder."""

    def __init__(self, descriptor: int, path: Path) -> None:
        self._descriptor: int | None = descriptor
        self.path = path

    @classmethod
    def acquire(cls, folder: Path) -> WriterLock:
        """Take the lock for `folder`, or raise StoreBusy naming the process that holds it."""
        path = folder / LOCK_NAME
        try:
            ensure_private_dir(folder)
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise StoreError(
                f"cannot write in the state folder {folder} ({error.strerror or error}), so "
                "this command, which changes the state, did not run"
            ) from None
        try:
            if not _try_exclusive(descriptor):
                raise StoreBusy(folder, _holder(descriptor))
            os.ftruncate(descriptor, 0)
            os.lseek(descriptor, 0, os.SEEK_SET)
            os.write(descriptor, f"{os.getpid()}\n".encode())
        except BaseException:
            os.close(descriptor)
            raise
        return cls(descriptor, path)

    def release(self) -> None:
        """Give the lock up; the file stays (removing it would race with the next taker)."""
        if self._descriptor is not None:
            os.close(self._descriptor)  # closing the descriptor drops the flock
            self._descriptor = None

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.release()


def _holder(descriptor: int) -> int | None:
    """The process id the holder wrote, or None while it has not written it yet."""
    os.lseek(descriptor, 0, os.SEEK_SET)
    text = os.read(descriptor, 32).decode("ascii", "replace").strip()
    return int(text) if text.isdigit() else None
