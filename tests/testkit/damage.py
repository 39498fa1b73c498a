"""Damaging a state file the way a failing disk would, and telling whether it was touched."""

from __future__ import annotations

import hashlib
from pathlib import Path


def overwrite_middle_pages(path: Path) -> None:
    """Two pages in the middle of the file overwritten: the header and the schema stay readable."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2 // 4096 * 4096)
        handle.write(b"\xa5" * 8192)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
