"""The scratch folders `prune demo` works in, and clearing the ones a killed demo left behind.

A demo removes its folder when it ends, but not when its terminal is closed under it. Each demo
writes its process id into its folder, so the next demo can tell a folder whose demo is gone
(remove it), one whose demo still runs (leave it), and an old one with no id (older than a day:
remove it).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PREFIX = "prune-demo-"
OWNER_FILE = "owner.pid"
STALE_AFTER_SECONDS = 24 * 60 * 60

Alive = Callable[[int], bool | None]
"""Whether a process id is running; None when this platform cannot tell."""


@dataclass(frozen=True)
class Leftover:
    """A demo folder removed, and why it was safe to."""

    path: Path
    reason: str  # "its prune (pid 4242) is gone", "older than a day"

    def describe(self) -> str:
        return f"removed {self.path}, left behind by an earlier demo ({self.reason})"


def claim(folder: Path) -> None:
    """Mark `folder` as this process's, so a later demo leaves it alone while this one runs."""
    (folder / OWNER_FILE).write_text(f"{os.getpid()}\n", encoding="ascii")


def process_alive(pid: int) -> bool | None:
    """Whether `pid` runs. Signal 0 only asks; on Windows os.kill would end the process, so
    there the answer is None (unknown) and only a folder's age counts."""
    if sys.platform == "win32":
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: it exists
    except OSError:
        return None
    return True


def clear_stale_folders(
    parent: Path | None = None,
    *,
    now: float | None = None,
    alive: Alive | None = None,
) -> list[Leftover]:
    """Remove this user's demo folders in `parent` (default: the temp folder) whose demo is
    gone, and those without an owner older than a day; return what was removed.

    `alive` defaults to `process_alive`."""
    parent = Path(tempfile.gettempdir()) if parent is None else parent
    alive = process_alive if alive is None else alive
    now = time.time() if now is None else now
    removed: list[Leftover] = []
    try:
        candidates = sorted(parent.glob(f"{PREFIX}*"))
    except OSError:
        return removed
    for folder in candidates:
        reason = _why_stale(folder, now, alive)
        if reason is None:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(Leftover(folder, reason))
    return removed


def _why_stale(folder: Path, now: float, alive: Alive) -> str | None:
    """Why `folder` can go, or None to keep it (not a folder, not ours, or its demo runs)."""
    try:
        info = folder.lstat()
    except OSError:
        return None
    if not folder.is_dir() or folder.is_symlink():
        return None
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return None  # another user's demo in a shared temp folder
    pid = _owner(folder)
    if pid == os.getpid():
        return None
    running = alive(pid) if pid is not None else None
    if running is False:
        return f"its prune (pid {pid}) is gone"
    if running is None and now - info.st_mtime > STALE_AFTER_SECONDS:
        return "older than a day"  # no owner written, or this platform cannot tell
    return None


def _owner(folder: Path) -> int | None:
    try:
        return int((folder / OWNER_FILE).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None
