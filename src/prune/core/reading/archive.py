"""Finding the files of an export, whatever shape the user hands over.

A user may give `Connections.csv` alone, the downloaded zip, or the folder they unzipped it into.
Zips are read in memory, never extracted. Whatever the path turns out to be, reading it ends in
bytes or in an ExportError of one line, within seconds and bounded memory:

- only regular files are opened (a FIFO or a device in a file's place is refused unopened, and
  the file is opened non-blocking, so nothing can make prune wait), and only up to a size cap,
  counted while reading: Connections.csv is at most 64 MB (30,000 connections, LinkedIn's limit,
  take under 6 MB), a side file at most 1 GiB (messages.csv of a long, busy account runs to
  hundreds of MB; a GiB leaves room and still fits a laptop's memory);
- a zip member is inflated once, and stops at the cap or at 200 times its compressed size,
  whichever its header claims: a damaged or hostile archive cannot fill memory or disk;
- folders are searched without recursion, a few levels deep, and a folder holding far more
  than an export does is refused rather than walked for minutes.
"""

from __future__ import annotations

import errno
import lzma
import os
import re
import stat
import struct
import zipfile
import zlib
from collections import deque
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from prune.core.errors import ExportError
from prune.core.reading.same_name_files import pick_files
from prune.core.text.control import shown_path

MB = 1024 * 1024
MAX_CONNECTIONS_BYTES = 64 * MB
MAX_SIDE_FILE_BYTES = 1024 * MB
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_FLOOR = 16 * MB
# An export nests its files two folders deep at most (Export/Jobs/); the folder a user unzipped
# it into, and a folder or two around that, fit well within this.
MAX_FOLDER_DEPTH = 8
MAX_FOLDER_ENTRIES = 100_000

CONNECTIONS = "connections.csv"
_EXPORT_DATE = re.compile(r"(\d{2})-(\d{2})-(\d{4})")
_ENCRYPTED = 0x1
_AGAIN = "download it again from LinkedIn"
# What zipfile and the decompressors raise on damaged data (zlib.error: a broken deflate stream).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    OSError,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    struct.error,
    OverflowError,
    zlib.error,
    lzma.LZMAError,
    KeyError,  # a member listed once and not found again: the zip changed, or lies
    IndexError,
)


def canonical_name(file_name: str) -> str:
    """Compare file names the way LinkedIn varies them: case and spaces vs underscores."""
    return zip_base_name(file_name).strip().lower().replace(" ", "_")


def zip_base_name(member: str) -> str:
    """The file name at the end of a zip member's path, whichever slash a tool wrote."""
    return member.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def size_limit(canonical: str) -> int:
    """The most bytes prune reads of one file of the export."""
    return MAX_CONNECTIONS_BYTES if canonical == CONNECTIONS else MAX_SIDE_FILE_BYTES


def export_date_from_name(name: str) -> date | None:
    """The date in `…LinkedInDataExport_MM-DD-YYYY.zip`, when the name still carries it."""
    match = _EXPORT_DATE.search(os.path.basename(name.rstrip("/\\")))
    if not match:
        return None
    month, day, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass
class ExportFiles:
    """The files of one export, by canonical name, read lazily."""

    origin: Path
    kind: str  # "csv", "zip" or "folder"
    members: dict[str, str] = field(default_factory=dict)  # canonical name -> name in the source
    # canonical name -> other files of that name beside the chosen one (see same_name_files)
    versions_beside: dict[str, list[str]] = field(default_factory=dict)

    @property
    def export_date(self) -> date | None:
        return export_date_from_name(self.origin.name)

    def has(self, canonical: str) -> bool:
        return canonical in self.members

    def name_of(self, canonical: str) -> str:
        """The file's own name, as prune shows it (control characters escaped)."""
        return self.name_of_version(self.members[canonical])

    def name_of_version(self, member: str) -> str:
        """The own name of one file as `members` or `versions` name it, shown as name_of does."""
        base = zip_base_name(member) if self.kind == "zip" else os.path.basename(member)
        return shown_path(base)

    def file_names(self) -> list[str]:
        """The CSV files present, as named in the export, sorted for stable output."""
        beside = [name for names in self.versions_beside.values() for name in names]
        return sorted(self.name_of_version(name) for name in [*self.members.values(), *beside])

    def versions(self, canonical: str) -> list[str]:
        """Every file under one canonical name (the chosen one first), as named in the source."""
        if canonical not in self.members:
            return []
        return [self.members[canonical], *self.versions_beside.get(canonical, [])]

    def read(self, canonical: str) -> bytes | None:
        """Bytes of one file, or None when the export does not have it."""
        member = self.members.get(canonical)
        return None if member is None else self.read_version(member)

    def read_version(self, member: str) -> bytes:
        """Bytes of one file as `members` or `versions` name it, up to its size cap."""
        limit = size_limit(canonical_name(member))
        if self.kind == "zip":
            return _read_zip_member(self.origin, member, limit)
        path = Path(member)
        with _open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise _file_too_large(path, size, limit)
            data = handle.read(limit + 1)  # the file may grow while it is read
        if len(data) > limit:
            raise _file_too_large(path, len(data), limit)
        return data


def open_export(path: Path) -> ExportFiles:
    """Recognise what the user pointed at and list its CSV files."""
    if stat.S_ISDIR(_status(path).st_mode):
        return _open_folder(path)
    with _open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size == 0:
            raise ExportError(f"{shown_path(path.name)} is empty: {_AGAIN}.")
        if zipfile.is_zipfile(handle):
            return _open_zip(path, handle)
        handle.seek(0)
        if handle.read(4).startswith(b"PK"):
            raise _damaged_zip(path)
    if size > MAX_CONNECTIONS_BYTES:
        raise _file_too_large(path, size, MAX_CONNECTIONS_BYTES)
    return ExportFiles(origin=path, kind="csv", members={CONNECTIONS: str(path)})


def _status(path: Path) -> os.stat_result:
    """The path's status (following links), or an ExportError saying why there is none."""
    shown = shown_path(path)
    try:
        return os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            target = shown_path(os.readlink(path))
            raise ExportError(
                f"{shown} is a symbolic link to {target}, which does not exist: "
                "give the path of the file itself."
            ) from None
        raise ExportError(
            f"{shown} does not exist: give the path of Connections.csv, "
            "the export zip or its folder."
        ) from None
    except OSError as error:
        raise _unopenable(path, error) from None


def _unopenable(path: Path, error: OSError) -> ExportError:
    shown = shown_path(path)
    if isinstance(error, PermissionError):
        return ExportError(
            f"{shown} cannot be read: you lack permission (check its owner and mode "
            "with `ls -l`, or copy the export somewhere of your own)."
        )
    if error.errno == errno.ELOOP:
        return ExportError(
            f"{shown} is a symbolic link that leads back to itself: give the path of the "
            "file itself."
        )
    reason = error.strerror or type(error).__name__
    return ExportError(f"{shown} cannot be opened ({reason}): check the path and try again.")


def _open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading; anything else is refused before it is opened.

    The file is opened non-blocking and checked again once open, so a FIFO swapped in between
    can neither hang prune nor be read.
    """
    info = _status(path)
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(path, info.st_mode)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise _unopenable(path, error) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise _not_regular(path, mode)
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _not_regular(path: Path, mode: int) -> ExportError:
    if stat.S_ISDIR(mode):
        what = "a folder"
    elif stat.S_ISFIFO(mode):
        what = "a named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "a device"
    elif stat.S_ISSOCK(mode):
        what = "a socket"
    else:
        what = "not a regular file"
    return ExportError(
        f"{shown_path(path)} is {what}, not a file prune can read: give Connections.csv, "
        "the export zip or its folder."
    )


def _open_folder(path: Path) -> ExportFiles:
    """List the folder's CSV files, breadth first, the shallowest of each name winning
    (see same_name_files)."""
    found: list[tuple[str, int, str]] = []
    pending: deque[tuple[Path, int]] = deque([(path, 0)])
    seen = 0
    while pending:
        folder, level = pending.popleft()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            if level == 0:
                raise _unopenable(path, error) from None
            continue  # an unreadable sub-folder holds nothing prune needs
        seen += len(entries)
        if seen > MAX_FOLDER_ENTRIES:
            raise ExportError(
                f"{shown_path(path)} holds more than {MAX_FOLDER_ENTRIES:,} files and folders, "
                "far more than an export: give the folder the export was unzipped into."
            )
        for entry in entries:
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_folder:
                if level < MAX_FOLDER_DEPTH:
                    pending.append((Path(entry.path), level + 1))
            elif entry.name.lower().endswith(".csv"):
                found.append((canonical_name(entry.name), level, entry.path))
    members, beside = pick_files(found)
    return _require_connections(
        ExportFiles(origin=path, kind="folder", members=members, versions_beside=beside)
    )


def _open_zip(path: Path, handle: BinaryIO) -> ExportFiles:
    try:
        with zipfile.ZipFile(handle) as archive:
            infos = archive.infolist()
    except _ZIP_ERRORS as error:
        raise _damaged_zip(path, error) from None
    found: list[tuple[str, int, str]] = []
    for info in infos:
        if not info.filename.lower().endswith(".csv"):  # folders end in "/"; some names are ""
            continue
        level = info.filename.replace("\\", "/").strip("/").count("/")
        found.append((canonical_name(info.filename), level, info.filename))
    members, beside = pick_files(found)
    return _require_connections(
        ExportFiles(origin=path, kind="zip", members=members, versions_beside=beside)
    )


def _require_connections(files: ExportFiles) -> ExportFiles:
    if not files.has(CONNECTIONS):
        where = "zip" if files.kind == "zip" else "folder"
        raise ExportError(
            f"No Connections.csv in the {where} {shown_path(files.origin.name)}: request an "
            "export that includes Connections from LinkedIn "
            "(Settings › Data privacy › Get a copy of your data)."
        )
    return files


def _read_zip_member(path: Path, member: str, limit: int) -> bytes:
    """Inflate one member once, stopping at the cap whatever its header claims."""
    name = shown_path(zip_base_name(member))
    try:
        with _open_regular(path) as handle, zipfile.ZipFile(handle) as archive:
            info = archive.getinfo(member)
            if info.flag_bits & _ENCRYPTED:
                raise ExportError(
                    f"{name} in {shown_path(path.name)} is encrypted (password-protected): "
                    f"give the zip as LinkedIn sent it, or {_AGAIN}."
                )
            allowed = min(limit, max(RATIO_CHECK_FLOOR, MAX_COMPRESSION_RATIO * info.compress_size))
            if info.file_size > allowed:
                raise _member_too_large(path, name, allowed, limit)
            with archive.open(info) as stream:
                data = stream.read(allowed + 1)
    except ExportError:
        raise
    except _ZIP_ERRORS as error:
        raise ExportError(
            f"{name} in {shown_path(path.name)} cannot be read ({_gist(error)}): the zip is "
            f"damaged or incomplete, {_AGAIN}."
        ) from None
    if len(data) > allowed:
        raise _member_too_large(path, name, allowed, limit)
    return data


def _gist(error: BaseException) -> str:
    """The first line of an error, printable: it may quote bytes from the file."""
    text = str(error).strip().splitlines()
    return shown_path(text[0]) if text else type(error).__name__


def _damaged_zip(path: Path, error: BaseException | None = None) -> ExportError:
    why = f" ({_gist(error)})" if error is not None else " (perhaps cut short while downloading)"
    return ExportError(f"{shown_path(path.name)} is a damaged or incomplete zip{why}: {_AGAIN}.")


def _file_too_large(path: Path, size: int, limit: int) -> ExportError:
    return ExportError(
        f"{shown_path(path.name)} is {size // MB} MB, larger than prune reads "
        f"({limit // MB} MB): check you picked the right file."
    )


def _member_too_large(path: Path, name: str, allowed: int, limit: int) -> ExportError:
    if allowed < limit:
        return ExportError(
            f"{name} in {shown_path(path.name)} unpacks to more than {MAX_COMPRESSION_RATIO} "
            "times its packed size, which no real export does: give the zip you downloaded "
            "from LinkedIn."
        )
    return ExportError(
        f"{name} in {shown_path(path.name)} unpacks to more than {limit // MB} MB, "
        "far beyond any real LinkedIn export: give the zip you downloaded from LinkedIn."
    )
