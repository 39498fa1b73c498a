"""The day an export was made, which is what a snapshot is labelled by.

LinkedIn names the archive `Basic_LinkedInDataExport_MM-DD-YYYY.zip`; when the user renamed it or
handed over Connections.csv alone, the newest `Connected On` is the best lower bound the data
gives, and the file's modification time is the last resort. The import date says only when the
user got round to running prune, so it labels nothing.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from prune.core.reading.archive import export_date_from_name


def export_date_of(origin: Path, newest_connection: date | None) -> date | None:
    """The archive's own date, else the newest connection's, else the file's mtime."""
    named = export_date_from_name(origin.name)
    if named is not None:
        return named
    if newest_connection is not None:
        return newest_connection
    try:
        return datetime.fromtimestamp(origin.stat().st_mtime, tz=UTC).date()
    except OSError:
        return None
