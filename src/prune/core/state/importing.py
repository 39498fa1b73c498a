"""Importing an export: read and check everything first, then record it in one transaction.

Parsing happens before the store is touched, so bad input never changes existing state.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from prune.core.reading.archive import CONNECTIONS, ExportFiles, open_export
from prune.core.reading.connections import Connections, read_connections
from prune.core.state.store import ImportOutcome, Store
from prune.core.text.control import shown_path


@dataclass(frozen=True)
class ParsedExport:
    """An export that has been read and checked, ready to be stored."""

    files: ExportFiles
    connections: Connections
    sha256: str


@dataclass(frozen=True)
class ImportReport:
    parsed: ParsedExport
    outcome: ImportOutcome


def parse_export(path: Path) -> ParsedExport:
    """Read Connections.csv from whatever the user gave; raises ExportError on bad input."""
    files = open_export(path)
    raw = files.read(CONNECTIONS)
    assert raw is not None  # open_export refuses exports without it
    connections = read_connections(raw, files.name_of(CONNECTIONS))
    return ParsedExport(
        files=files, connections=connections, sha256=hashlib.sha256(raw).hexdigest()
    )


def record_export(store: Store, parsed: ParsedExport) -> ImportReport:
    """Keep a parsed export as a snapshot (or recognise it as one already kept)."""
    outcome = store.record_import(
        contacts=parsed.connections.contacts,
        sha256=parsed.sha256,
        # Printable (sqlite stores no undecodable bytes): unchanged for every ordinary path.
        source=shown_path(parsed.files.origin.resolve()),
        source_kind=parsed.files.kind,
        export_date=parsed.files.export_date,
        hidden=parsed.connections.hidden,
        duplicates=parsed.connections.duplicates,
        files=parsed.files.file_names(),
    )
    return ImportReport(parsed=parsed, outcome=outcome)
