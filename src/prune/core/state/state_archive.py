"""One file that holds all of prune's state, to keep safe or carry to another machine.

A backup is a zip of a consistent copy of the state file (see `backups.copy_database`), the
evidence cache, the settings file and a small manifest. The contacts copies beside the state file
are left out: they are rebuilt from the state file on first use.

Restoring takes two steps, so that the caller can ask the user in between: `unpack` checks a
backup (or a bare state file, such as a rolling copy) in a scratch folder, and `put_in_place`
sets the current state aside as a rolling copy and puts the checked one in its place.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from prune import __version__
from prune.core.paths import ensure_private_dir
from prune.core.state.backups import (
    BackupError,
    StateCounts,
    backups_dir,
    check_state_file,
    copy_database,
    new_copy_path,
    opens,
    read_counts,
    state_file,
)
from prune.core.state.connection import DB_NAME

MANIFEST = "manifest.json"
CONFIG_MEMBER = "config.toml"
ARCHIVE_FORMAT = "prune-backup-1"
_EVIDENCE_NAME = re.compile(r"^evidence-\d+\.(parquet|json)$")
_DERIVED_NAME = re.compile(r"^(evidence-\d+\.(parquet|json)|(contacts|list-order)-\d+\.arrow)$")
_MEMBER_LIMIT = 4 << 30  # no real state comes near 4 GiB; a zip that claims more is refused


def build_archive(data_dir: Path, config_path: Path) -> tuple[bytes, StateCounts]:
    """The bytes of a backup of the state in `data_dir` and the settings at `config_path`."""
    source = state_file(data_dir)
    with tempfile.TemporaryDirectory(prefix=".backup-", dir=data_dir) as scratch:
        copy = Path(scratch) / DB_NAME
        copy_database(source, copy)
        counts = check_state_file(copy)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            manifest = {
                "format": ARCHIVE_FORMAT,
                "prune": __version__,
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "schema": counts.schema,
                "snapshots": counts.snapshots,
                "decisions": counts.decisions,
                "farewells": counts.farewells,
            }
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
            archive.write(copy, DB_NAME)
            for path in sorted(Path(data_dir).iterdir()):
                if _EVIDENCE_NAME.match(path.name) and path.is_file():
                    archive.write(path, path.name)
            if config_path.is_file():
                archive.write(config_path, CONFIG_MEMBER)
    return buffer.getvalue(), counts


@dataclass(frozen=True)
class Unpacked:
    """A checked backup waiting in a scratch folder: its state file, cache files and settings."""

    source: Path
    database: Path
    counts: StateCounts
    evidence: tuple[Path, ...]
    config: Path | None


@contextmanager
def unpack(source: Path, data_dir: Path) -> Iterator[Unpacked]:
    """Check `source` (a backup zip or a bare state file) in a scratch folder inside `data_dir`.

    Raises BackupError when it is damaged, from a newer prune, or not prune's at all. The scratch
    folder is removed when the block ends, whatever happens in it.
    """
    source = Path(source).expanduser()
    if not source.is_file():
        raise BackupError(f"there is no file {source}: give the path of a backup")
    created = not data_dir.exists()
    ensure_private_dir(data_dir)
    scratch = Path(tempfile.mkdtemp(prefix=".restore-", dir=data_dir))
    try:
        database = scratch / DB_NAME
        evidence: list[Path] = []
        config: Path | None = None
        if zipfile.is_zipfile(source):
            evidence, config = _extract(source, scratch)
        else:
            shutil.copyfile(source, database)
        counts = check_state_file(database)
        yield Unpacked(source, database, counts, tuple(evidence), config)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if created and not any(data_dir.iterdir()):
            data_dir.rmdir()  # a refused restore leaves no trace


def _extract(source: Path, scratch: Path) -> tuple[list[Path], Path | None]:
    """Take the members prune knows out of a backup zip; refuse anything else in it."""
    evidence: list[Path] = []
    config: Path | None = None
    try:
        with zipfile.ZipFile(source) as archive:
            names = archive.namelist()
            if DB_NAME not in names:
                raise BackupError(f"{source} is not a prune backup (it holds no {DB_NAME})")
            for info in archive.infolist():
                name = info.filename
                known = name in (MANIFEST, DB_NAME, CONFIG_MEMBER) or _EVIDENCE_NAME.match(name)
                if not known or info.file_size > _MEMBER_LIMIT:
                    raise BackupError(f"{source} is not a prune backup (it holds {name!r})")
                if name == MANIFEST:
                    continue
                target = scratch / name
                with archive.open(info) as member, open(target, "wb") as out:
                    _copy_limited(member, out)
                os.chmod(target, 0o600)
                if name == CONFIG_MEMBER:
                    config = target
                elif name != DB_NAME:
                    evidence.append(target)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise BackupError(f"{source} is damaged ({error}): nothing was restored") from None
    return evidence, config


def _copy_limited(member: IO[bytes], out: IO[bytes]) -> None:
    written = 0
    while chunk := member.read(1 << 20):
        written += len(chunk)
        if written > _MEMBER_LIMIT:
            raise BackupError("the backup holds a member larger than it says: nothing was restored")
        out.write(chunk)


@dataclass(frozen=True)
class Restored:
    """What a restore did: the state it put in place and where the state it replaced went."""

    counts: StateCounts
    set_aside: Path | None  # the replaced state file, as a rolling copy
    config_written: Path | None
    config_set_aside: Path | None
    damaged_aside: Path | None = None  # a state file SQLite could not read, moved out of the way


def current_state(data_dir: Path) -> StateCounts | None:
    """What the state in `data_dir` holds now, or None when there is nothing to replace."""
    counts = read_counts(state_file(data_dir))
    return None if counts is None or counts.empty else counts


def put_in_place(unpacked: Unpacked, data_dir: Path, config_path: Path) -> Restored:
    """Replace the state in `data_dir` (and the settings, if the backup has them).

    The current state is first copied aside into the backups folder. The checked copy is then
    written into the live state file with SQLite's backup API, in one transaction, so a prune
    that has the file open sees either the old state or the new one. Caches of the old state
    are removed; those in the backup take their place.
    """
    live = state_file(data_dir)
    set_aside, damaged_aside = None, None
    if live.exists() and not opens(live):
        damaged_aside = _move_damaged_aside(live, data_dir)
    elif current_state(data_dir) is not None:
        set_aside = new_copy_path(data_dir)
        copy_database(live, set_aside)
    _write_database(unpacked.database, live)
    for path in data_dir.iterdir():
        if _DERIVED_NAME.match(path.name):
            path.unlink(missing_ok=True)
    for path in unpacked.evidence:
        os.replace(path, data_dir / path.name)
    config_written, config_set_aside = None, None
    if unpacked.config is not None:
        config_written, config_set_aside = _restore_config(unpacked.config, config_path)
    return Restored(unpacked.counts, set_aside, config_written, config_set_aside, damaged_aside)


def _move_damaged_aside(live: Path, data_dir: Path) -> Path:
    """Keep a state file SQLite cannot read (and its side files) for a later rescue attempt."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = ensure_private_dir(backups_dir(data_dir)) / f"damaged-{stamp}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        side = live.with_name(live.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


def _write_database(checked: Path, live: Path) -> None:
    if not live.exists():
        os.close(os.open(live, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(live, 0o600)
    try:
        reader = sqlite3.connect(checked)
        writer = sqlite3.connect(live)
        try:
            reader.backup(writer)
        finally:
            writer.close()
            reader.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"could not write the state file {live} ({error})") from None


def _restore_config(restored: Path, config_path: Path) -> tuple[Path | None, Path | None]:
    """Put the backup's settings in place; keep different current ones beside them, dated."""
    data = restored.read_bytes()
    set_aside = None
    if config_path.is_file():
        if config_path.read_bytes() == data:
            return None, None
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        set_aside = config_path.with_name(f"config-{stamp}.toml")
        os.replace(config_path, set_aside)
    config_path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(config_path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    return config_path, set_aside
