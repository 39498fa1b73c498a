"""Evidence kept per snapshot, so resuming a session does not read a 100 MB archive again.

    evidence = load_or_compute(data_dir, snapshot, contacts)   # safe in a worker thread
    card_facts = insights(evidence, today=date.today())        # for ReviewSession.set_insights
    lines = details(evidence, key)                              # for the detail view

Two private files (0600) per snapshot sit in the data dir next to the state file:
`evidence-<snapshot id>.parquet` (Evidence.frame) and `evidence-<snapshot id>.json` (notices, the
side files used, totals, and what the evidence was computed from). The cache is used only while
the snapshot still has the same sha256, source path and file list, and the cache format is the
same: relinking a snapshot to a fuller archive computes it afresh.

Without a cache, the export is read again from `snapshot.source`, the path recorded at import.
When it has been moved, deleted or replaced by another export, the result holds the bare-bones
flags only, with a notice saying so; that result is not cached, so the evidence comes back as
soon as the export does. The store is never touched here: the caller passes the contacts, so a
worker thread needs no database connection of its own.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import polars as pl

from prune.core.errors import ExportError
from prune.core.evidence.collect import EVIDENCE_SCHEMA, Evidence, compute_evidence, flags_only
from prune.core.paths import ensure_private_dir
from prune.core.reading.archive import CONNECTIONS, ExportFiles, open_export
from prune.core.state.importing import ImportReport
from prune.core.state.store import Snapshot
from prune.core.text.control import shown_path

CACHE_VERSION = 2


def cache_paths(data_dir: Path, snapshot_id: int) -> tuple[Path, Path]:
    """The parquet and JSON files that hold one snapshot's evidence."""
    stem = Path(data_dir) / f"evidence-{snapshot_id}"
    return stem.with_suffix(".parquet"), stem.with_suffix(".json")


def _fingerprint(snapshot: Snapshot) -> dict[str, object]:
    return {
        "version": CACHE_VERSION,
        "snapshot": snapshot.id,
        "sha256": snapshot.sha256,
        "source": snapshot.source,
        "files": list(snapshot.files),
    }


def save_evidence(data_dir: Path, snapshot: Snapshot, evidence: Evidence) -> None:
    """Keep the evidence of a snapshot, replacing any older copy atomically."""
    frame_path, meta_path = cache_paths(data_dir, snapshot.id)
    meta = _fingerprint(snapshot) | {
        "notices": evidence.notices,
        "files_used": evidence.files_used,
        "sources": sorted(evidence.sources),
        "messages": evidence.messages,
        "sponsored_messages": evidence.sponsored_messages,
        "contacts_with_messages": evidence.contacts_with_messages,
    }
    _write_private(frame_path, lambda handle: evidence.frame.write_parquet(handle))
    _write_private(
        meta_path, lambda handle: handle.write(json.dumps(meta, ensure_ascii=False).encode())
    )


def load_evidence(data_dir: Path, snapshot: Snapshot) -> Evidence | None:
    """The kept evidence of a snapshot, or None when there is none or it is out of date."""
    frame_path, meta_path = cache_paths(data_dir, snapshot.id)
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if {key: meta.get(key) for key in _fingerprint(snapshot)} != _fingerprint(snapshot):
            return None
        frame = pl.read_parquet(frame_path)
    except (OSError, ValueError, pl.exceptions.PolarsError):
        return None
    if frame.schema != pl.Schema(EVIDENCE_SCHEMA):
        return None
    return Evidence(
        frame=frame,
        notices=list(meta["notices"]),
        files_used=list(meta["files_used"]),
        sources=frozenset(meta["sources"]),
        messages=meta["messages"],
        sponsored_messages=meta.get("sponsored_messages"),
        contacts_with_messages=meta["contacts_with_messages"],
    )


def load_or_compute(
    data_dir: Path,
    snapshot: Snapshot,
    contacts: pl.DataFrame,
    *,
    files: ExportFiles | None = None,
) -> Evidence:
    """The snapshot's evidence: from the cache, else read from the export and cached.

    `contacts` is `store.contacts(snapshot.id)` (or the frame the session already holds).
    `files` may pass the export just opened by an import, to avoid opening it twice. Never
    raises for a missing or bad archive: the notices say what happened.
    """
    cached = load_evidence(data_dir, snapshot)
    if cached is not None:
        return cached
    if files is None:
        files, problem = reopen_export(snapshot)
        if files is None:
            return flags_only(contacts, [problem])
    evidence = compute_evidence(files, contacts)
    try:
        save_evidence(data_dir, snapshot, evidence)
    except OSError as error:
        evidence.notices.append(
            f"The evidence could not be kept in {data_dir} ({error.strerror or error}); it "
            "will be read from the export again next time."
        )
    return evidence


def import_evidence(data_dir: Path, report: ImportReport) -> Evidence:
    """The evidence of the snapshot an import recorded (or recognised), cached for later.

    Reuses the export the import just opened when the snapshot points at it.
    """
    snapshot = report.outcome.snapshot
    parsed = report.parsed
    same = shown_path(parsed.files.origin.resolve()) == snapshot.source  # as importing stores it
    return load_or_compute(
        data_dir, snapshot, parsed.connections.contacts, files=parsed.files if same else None
    )


def reopen_export(snapshot: Snapshot) -> tuple[ExportFiles | None, str]:
    """The snapshot's export, if it is still where it was imported from and still the same."""
    source = Path(snapshot.source)
    again = "run `prune import` on the export again to see messages and other evidence"
    if not source.exists():
        return None, (
            f"The export imported from {source} is no longer there: showing profile flags only; "
            f"{again}."
        )
    try:
        files = open_export(source)
        raw = files.read(CONNECTIONS)
    except ExportError as error:
        return None, f"{error} Showing profile flags only; {again}."
    if raw is None or hashlib.sha256(raw).hexdigest() != snapshot.sha256:
        return None, (
            f"{source} now holds a different export than the one imported: showing profile "
            f"flags only; {again}."
        )
    return files, ""


def _write_private(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write through a 0600 temporary file in the same folder, then move it into place."""
    ensure_private_dir(path.parent)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            write(handle)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
