"""The day an export was made, which is what a snapshot is labelled by.

LinkedIn names the archive `Basic_LinkedInDataExport_MM-DD-YYYY.zip`. When the user renamed it or
handed over Connections.csv alone, the file's modification time is the better guess: unzipping
keeps the time LinkedIn wrote the file, and a copy or a re-save only moves it later, so two
exports still come out in the order they were made. The newest `Connected On` is only a lower
bound: after a pruning, a newer export can lack the newest people, and dated by them it would
look older than the one before. It is used when the file's time is earlier than it (a clock set
wrong, a time changed by hand) or cannot be read. The import date says only when the user got
round to running prune, so it labels nothing.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from prune.core.reading.archive import export_date_from_name


def export_date_of(origin: Path, newest_connection: date | None) -> date | None:
    """The archive's own date, else the file's time unless it is before the newest connection,
    else the newest connection's date."""
    named = export_date_from_name(origin.name)
    if named is not None:
        return named
    try:
        written = datetime.fromtimestamp(origin.stat().st_mtime, tz=UTC).date()
    except (OSError, OverflowError, ValueError):  # gone, or a time no date can hold
        return newest_connection
    if newest_connection is not None and written < newest_connection:
        return newest_connection
    return written
