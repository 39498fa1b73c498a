"""Importing an export: read and check everything first, then record it in one transaction.

Parsing happens before the store is touched, so bad input never changes existing state.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import polars as pl

from prune.core.reading.archive import CONNECTIONS, ExportFiles, open_export
from prune.core.reading.connections import Connections, read_connections
from prune.core.reading.owner import Owner, read_owner
from prune.core.state.backups import keep_rolling_copy
from prune.core.state.export_dates import export_date_of
from prune.core.state.renames import PAIR_COLUMNS, follow_renames, match_renames
from prune.core.state.store import ImportOutcome, Store
from prune.core.text.control import shown_path


@dataclass(frozen=True)
class ParsedExport:
    """An export that has been read and checked, ready to be stored."""

    files: ExportFiles
    connections: Connections
    sha256: str
    owner: Owner  # who the export belongs to, read here once and kept with the snapshot


@dataclass(frozen=True)
class ImportReport:
    parsed: ParsedExport
    outcome: ImportOutcome
    # People found under a new profile URL since the previous snapshot (renames.PAIR_COLUMNS);
    # their decisions are now under the new key and counted in outcome.carried_decisions.
    renamed: pl.DataFrame = field(
        default_factory=lambda: pl.DataFrame(schema=dict.fromkeys(PAIR_COLUMNS, pl.String))
    )


def parse_export(path: Path) -> ParsedExport:
    """Read Connections.csv and the owner's name from whatever the user gave.

    Raises ExportError on a bad Connections.csv; a side file never fails an import.
    """
    files = open_export(path)
    raw = files.read(CONNECTIONS)
    assert raw is not None  # open_export refuses exports without it
    connections = read_connections(raw, files.name_of(CONNECTIONS))
    return ParsedExport(
        files=files,
        connections=connections,
        sha256=hashlib.sha256(raw).hexdigest(),
        owner=read_owner(files),
    )


def record_export(store: Store, parsed: ParsedExport) -> ImportReport:
    """Keep a parsed export as a snapshot (or recognise it as one already kept).

    A new snapshot is dated (export_dates) and compared with the one before it, and everyone
    found under a new profile URL takes their decision, note and farewell along (renames).
    A new snapshot is preceded by a rolling copy of the state, so `prune restore --latest`
    undoes it.
    """
    if all(snapshot.sha256 != parsed.sha256 for snapshot in store.snapshots()):
        keep_rolling_copy(store.path)
    newest = parsed.connections.contacts["connected_on"].max()
    newest_day = newest if isinstance(newest, date) else None
    previous = store.latest_snapshot()
    outcome = store.record_import(
        contacts=parsed.connections.contacts,
        sha256=parsed.sha256,
        # Printable (sqlite stores no undecodable bytes): unchanged for every ordinary path.
        source=shown_path(parsed.files.origin.resolve()),
        source_kind=parsed.files.kind,
        export_date=export_date_of(parsed.files.origin, newest_day),
        hidden=parsed.connections.hidden,
        duplicates=parsed.connections.duplicates,
        files=parsed.files.file_names(),
        owner_name=parsed.owner.name,
        owner_first_name=parsed.owner.first_name,
    )
    if outcome.already_imported or previous is None:
        return ImportReport(parsed=parsed, outcome=outcome)
    before = store.contacts(previous.id)
    after = store.contacts(outcome.snapshot.id)
    pairs = match_renames(
        before.join(after.select("key"), on="key", how="anti"),
        after.join(before.select("key"), on="key", how="anti"),
    ).pairs
    moved = follow_renames(store, pairs, outcome.snapshot.id)
    outcome = replace(outcome, carried_decisions=outcome.carried_decisions + moved)
    return ImportReport(parsed=parsed, outcome=outcome, renamed=pairs)
