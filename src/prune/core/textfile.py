"""Writing a file the user asked for (`--out`) so that it is either whole or untouched.

The text goes to a temporary file in the same folder, which then replaces the target in one
step: an interrupted run never leaves half a document, and a file the user already had is only
replaced once the new one is complete. The file is private to the user (0600) like everything
else prune writes, since it holds names and messages.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from prune.core.errors import ExportError


def check_writable(path: Path) -> None:
    """Refuse a target that cannot be written before any work is done."""
    if path.is_dir():
        raise ExportError(f"{path} is a folder: give the name of a file to write.")
    parent = path.parent
    if not parent.is_dir():
        raise ExportError(f"cannot write {path}: the folder {parent} does not exist.")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ExportError(f"cannot write {path}: no permission to write in {parent}.")


def write_text_atomically(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path` in one step; raise ExportError with a reason if it fails."""
    check_writable(path)
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}.") from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {error.strerror or error}.") from None
