"""ADAPTERS: where the benchmark reaches parts of prune that are still being built.

Each function returns a callable running the real implementation, or None while that module is
not in the tree; the figure then reads "n/a (not built yet)" rather than a made-up number. They
follow the interfaces visible in the branches in progress (evidence: issue 6, list export:
issue 5); when those branches are merged, check the calls here and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from prune.core.lists.selection import COLUMNS

# Columns of messages.csv the evidence needs (the floor scans exactly these).
EVIDENCE_COLUMNS = [
    "FROM",
    "SENDER PROFILE URL",
    "RECIPIENT PROFILE URLS",
    "DATE",
    "CONVERSATION ID",
    "CONVERSATION TITLE",
    "FOLDER",
]

# Columns of an exported list, in file order (issue 5); the floor writes a frame of these.
EXPORT_COLUMNS = list(COLUMNS)

EvidenceReader = Callable[[Path, pl.DataFrame], Any]
ListExporter = Callable[[Any, int, str, Path], None]


def evidence_reader() -> EvidenceReader | None:
    """All the evidence of an export folder: messages.csv and every side file (issue 6).

    The design's budget is for "evidence from messages and side files", so the whole step is
    timed, not the messages tally alone.
    """
    try:
        from prune.core.evidence.collect import compute_evidence
        from prune.core.reading.archive import open_export
    except ImportError:
        return None

    def read(export: Path, contacts: pl.DataFrame) -> Any:
        return compute_evidence(open_export(export), contacts)

    return read


def list_exporter() -> ListExporter | None:
    """Builds list `which` of a snapshot and writes it to a CSV file (issue 5), farewell messages
    included, as `prune export` and the export dialog do.
    """
    try:
        from prune.core.lists.formats import prepare_export
    except ImportError:
        return None

    def export(store: Any, snapshot_id: int, which: str, target: Path) -> None:
        messages = _message_renderer(store, snapshot_id)
        listing = prepare_export(store, snapshot_id, which, "csv", messages=messages)
        listing.write(target, force=True)

    return export


def _message_renderer(store: Any, snapshot_id: int) -> Any:
    """What `prune export` passes to fill in farewell messages (default settings), if built."""
    try:
        from prune.core.config import Config
        from prune.core.farewell.followthrough import message_renderer
    except ImportError:
        return None
    return message_renderer(Config().farewell_settings(store.snapshot(snapshot_id), date.today()))


def exported_frame(store: Any, snapshot_id: int, which: str) -> pl.DataFrame:
    """The frame the list export writes; built from the store while issue 5 is not merged."""
    try:
        from prune.core.lists.selection import contact_list
    except ImportError:
        pass
    else:
        messages = _message_renderer(store, snapshot_id)
        return contact_list(store, snapshot_id, which, messages=messages)
    decisions = store.decisions().drop("later_seq", "updated_at")
    frame = (
        store.contacts(snapshot_id)
        .with_columns(pl.col("connected_on").dt.to_string("%Y-%m-%d"))
        .join(decisions, on="key", how="left")
        .with_columns(
            pl.lit(None, dtype=pl.String).alias("farewell_message"),
            pl.lit("drafted").alias("farewell_status"),
        )
    )
    if which != "all":
        frame = frame.filter(pl.col("verdict") == which)
    return frame.sort(
        pl.col("last_name").str.to_lowercase(), pl.col("first_name").str.to_lowercase()
    ).select(EXPORT_COLUMNS)
