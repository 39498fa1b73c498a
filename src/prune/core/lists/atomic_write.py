"""Writing a file the user asked for so that it is either whole or untouched.

The data goes to a temporary file beside the target, is flushed to disk and renamed over the
target in one step, and the folder is synced: a crash at any point leaves either the old file or
the new one, never half of one. Bad targets are refused with one line before any work is done.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from prune.core.errors import ExportError


def target_exists(path: Path) -> bool:
    """Whether `path` already holds a file; raise ExportError if a file cannot be written there.

    A dialog calls this first and asks before replacing; `write_atomically` repeats the checks.
    """
    path = Path(path).expanduser()
    folder = path.parent
    if path.is_dir():
        raise ExportError(f"{path} is a folder: give a file name to write to")
    if not folder.exists():
        raise ExportError(f"the folder {folder} does not exist: create it or choose another path")
    if not folder.is_dir():
        raise ExportError(f"{folder} is a file, not a folder: choose another path")
    if path.exists() and not path.is_file():
        raise ExportError(f"{path} is not a regular file: choose another path")
    return path.exists()


def check_target(path: Path, *, force: bool) -> Path:
    """Refuse a path `write_atomically` would refuse, before any work is done; return it."""
    path = Path(path).expanduser()
    if target_exists(path) and not force:
        raise ExportError(f"{path} already exists: add --force to replace it")
    return path


def write_atomically(path: Path, data: bytes, *, force: bool) -> Path:
    """Write `data` to `path` all or nothing; refuse to replace a file unless `force`.

    A new file is readable by the user only (it holds names, notes and messages); a replaced
    file keeps its mode, so a file the user chose to share stays shared. Returns the path written.
    """
    return write_atomically_with(path, lambda handle: handle.write(data), force=force)


def write_atomically_with(path: Path, write: Callable[[BinaryIO], object], *, force: bool) -> Path:
    """`write_atomically` of whatever `write` puts into the handle it is given.

    A large list is rendered straight into the temporary file instead of into memory first,
    which at 30,000 contacts saves copying megabytes; if `write` fails the target is untouched.
    """
    path = check_target(path, force=force)
    temporary, descriptor = _create_temporary(path)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            _keep_mode(path, temporary)
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise ExportError(f"could not write {path}: {_reason(error)}") from None
        raise
    _sync_folder(path.parent)
    return path


def _create_temporary(path: Path) -> tuple[Path, int]:
    """A new file beside `path` with an unguessable name, opened for writing."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return temporary, os.open(temporary, flags, 0o600)
        except FileExistsError:
            continue
        except OSError as error:
            raise ExportError(f"could not write {path}: {_reason(error)}") from None
    raise ExportError(f"could not create a temporary file beside {path}")  # pragma: no cover


def _keep_mode(path: Path, temporary: Path) -> None:
    """Give the new file the permissions of the file it replaces, if there is one."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return
    os.chmod(temporary, mode)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; some platforms cannot open a folder, which is harmless."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _reason(error: OSError) -> str:
    number = error.errno if error.errno is not None else _errno_in_text(str(error))
    if number in (errno.EACCES, errno.EPERM):
        return "permission denied; choose a folder you can write to"
    if number == errno.ENOSPC:
        return "the disk is full"
    if error.strerror:
        return error.strerror.lower()
    return _ERRNO_PREFIX.sub("", str(error)).lower()


# polars re-raises an error of the file it writes into as a bare OSError("[Errno 28] ...").
_ERRNO_PREFIX = re.compile(r"^\[Errno (\d+)\]\s*")


def _errno_in_text(text: str) -> int | None:
    found = _ERRNO_PREFIX.match(text)
    return int(found.group(1)) if found else None
