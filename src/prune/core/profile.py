"""The export owner's own profile (Profile.csv), read only for what prune needs: the first name.

The snapshot remembers where its export came from, but the user may since have moved or deleted
it, or imported only Connections.csv; every such case simply means "no name", never an error.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from prune.core.archive import open_export
from prune.core.errors import ExportError
from prune.core.tables import locate_table, read_table

PROFILE = "profile.csv"


def _is_profile_header(fields: list[str]) -> bool:
    lowered = {field.strip().lower() for field in fields}
    return "first name" in lowered and "last name" in lowered


def owner_first_name(source: str | Path | None) -> str | None:
    """The first name in the export's Profile.csv, or None when it cannot be had."""
    if not source:
        return None
    try:
        files = open_export(Path(source))
        raw = files.read(PROFILE)
        if raw is None:
            return None
        frame = read_table(locate_table(raw, "Profile.csv", _is_profile_header))
    except (ExportError, OSError, pl.exceptions.PolarsError):
        return None
    column = next((name for name in frame.columns if name.strip().lower() == "first name"), None)
    if column is None or frame.height == 0:
        return None
    value = frame[column][0]
    return (value.strip() or None) if isinstance(value, str) else None
