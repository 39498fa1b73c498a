"""Finding the files of an export, whatever shape the user hands over.

A user may give `Connections.csv` alone, the downloaded zip, or the folder they unzipped it into.
Zips are read in memory, never extracted, and every member is read with a hard size cap so a
damaged or hostile archive cannot fill memory or disk.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from prune.core.errors import ExportError
from prune.core.reading.same_name_files import pick_files

MAX_MEMBER_BYTES = 1024 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_FLOOR = 16 * 1024 * 1024
MAX_CSV_BYTES = MAX_MEMBER_BYTES

CONNECTIONS = "connections.csv"
_EXPORT_DATE = re.compile(r"(\d{2})-(\d{2})-(\d{4})")


def canonical_name(file_name: str) -> str:
    """Compare file names the way LinkedIn varies them: case and spaces vs underscores."""
    return os.path.basename(file_name).strip().lower().replace(" ", "_")


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

    def file_names(self) -> list[str]:
        """The CSV files present, as named in the export, sorted for stable output."""
        beside = [name for names in self.versions_beside.values() for name in names]
        return sorted(os.path.basename(name) for name in [*self.members.values(), *beside])

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
        """Bytes of one file as `members` or `versions` name it."""
        if self.kind == "zip":
            return _read_zip_member(self.origin, member)
        path = Path(member)
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise ExportError(
                f"{path.name} is {size // (1024 * 1024)} MB, larger than prune reads "
                f"({MAX_CSV_BYTES // (1024 * 1024)} MB): check you picked the right file."
            )
        return path.read_bytes()


def open_export(path: Path) -> ExportFiles:
    """Recognise what the user pointed at and list its CSV files."""
    if not path.exists():
        raise ExportError(
            f"{path} does not exist: give the path of Connections.csv, "
            "the export zip or its folder."
        )
    if path.is_dir():
        return _open_folder(path)
    if path.stat().st_size == 0:
        raise ExportError(f"{path.name} is empty: download the export again from LinkedIn.")
    if zipfile.is_zipfile(path):
        return _open_zip(path)
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic.startswith(b"PK"):
        raise ExportError(
            f"{path.name} is a damaged or incomplete zip (perhaps cut short while downloading): "
            "download it again from LinkedIn."
        )
    return ExportFiles(origin=path, kind="csv", members={CONNECTIONS: str(path)})


def _open_folder(path: Path) -> ExportFiles:
    found: list[tuple[str, int, str]] = []
    for root, _dirs, files in os.walk(path):
        level = len(Path(root).relative_to(path).parts)
        for file_name in files:
            if not file_name.lower().endswith(".csv"):
                continue
            found.append((canonical_name(file_name), level, str(Path(root) / file_name)))
    members, beside = pick_files(found)
    return _require_connections(
        ExportFiles(origin=path, kind="folder", members=members, versions_beside=beside)
    )


def _open_zip(path: Path) -> ExportFiles:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ExportError(
            f"{path.name} is a damaged or incomplete zip ({error}): "
            "download it again from LinkedIn."
        ) from None
    found: list[tuple[str, int, str]] = []
    for info in infos:
        if info.is_dir() or not info.filename.lower().endswith(".csv"):
            continue
        level = info.filename.strip("/").count("/")
        found.append((canonical_name(info.filename), level, info.filename))
    members, beside = pick_files(found)
    return _require_connections(
        ExportFiles(origin=path, kind="zip", members=members, versions_beside=beside)
    )


def _require_connections(files: ExportFiles) -> ExportFiles:
    if not files.has(CONNECTIONS):
        where = "zip" if files.kind == "zip" else "folder"
        raise ExportError(
            f"No Connections.csv in the {where} {files.origin.name}: request an export that "
            "includes Connections from LinkedIn "
            "(Settings › Data privacy › Get a copy of your data)."
        )
    return files


def _read_zip_member(path: Path, member: str) -> bytes:
    """Read one member, stopping at the size cap whatever its header claims."""
    name = os.path.basename(member)
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(member)
            if info.file_size > MAX_MEMBER_BYTES or (
                info.file_size > RATIO_CHECK_FLOOR
                and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
            ):
                raise _too_large(path, name)
            with archive.open(info) as handle:
                data = handle.read(MAX_MEMBER_BYTES + 1)
    except ExportError:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
        raise ExportError(
            f"{name} in {path.name} cannot be read ({error}): the zip is damaged or incomplete, "
            "download it again from LinkedIn."
        ) from None
    if len(data) > MAX_MEMBER_BYTES:
        raise _too_large(path, name)
    return data


def _too_large(path: Path, name: str) -> ExportError:
    return ExportError(
        f"{name} in {path.name} unpacks to more than {MAX_MEMBER_BYTES // (1024 * 1024)} MB, "
        "far beyond any real LinkedIn export: give the zip you downloaded from LinkedIn."
    )
