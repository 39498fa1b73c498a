"""The snapshots as a person sees them: labelled by their export's date, listed, forgotten.

An export is dated by LinkedIn (see export_dates); that day, not the day it was imported, is what
"since your last export" means, so every label uses it.
"""

from __future__ import annotations

from datetime import date

from prune.core.errors import ExportError
from prune.core.state.contacts_copy import copies_of
from prune.core.state.store import Snapshot, Store


def snapshot_label(snapshot: Snapshot) -> str:
    """ "12 Oct 2026": the export's date (the import's day for a snapshot without one)."""
    day = snapshot.export_date or snapshot.imported_at[:10]
    try:
        return date.fromisoformat(day).strftime("%d %b %Y").lstrip("0")
    except ValueError:
        return day


def snapshot_facts(snapshot: Snapshot) -> dict[str, object]:
    """One line of `prune snapshots`, as plain data."""
    return {
        "id": snapshot.id,
        "export_date": snapshot.export_date,
        "imported_at": snapshot.imported_at,
        "source": snapshot.source,
        "connections": snapshot.connections,
    }


def snapshot_lines(snapshots: list[Snapshot]) -> list[str]:
    """A table of snapshots for a person, oldest first; the latest is marked."""
    if not snapshots:
        return ["No export imported yet."]
    rows = [("id", "export of", "imported", "connections", "source")]
    for snapshot in snapshots:
        marker = " (latest)" if snapshot is snapshots[-1] else ""
        rows.append(
            (
                str(snapshot.id),
                snapshot_label(snapshot),
                snapshot.imported_at[:10],
                f"{snapshot.connections:,}",
                snapshot.source + marker,
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    return [
        "  ".join([*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[4]])
        for row in rows
    ]


def snapshot_to_forget(store: Store, snapshot_id: int) -> Snapshot:
    """The snapshot `forget` may remove; refuses an unknown one and the latest."""
    snapshots = store.snapshots()
    found = next((s for s in snapshots if s.id == snapshot_id), None)
    if found is None:
        known = ", ".join(str(s.id) for s in snapshots) or "none yet"
        raise ExportError(f"there is no snapshot {snapshot_id} (snapshots: {known})")
    if found.id == snapshots[-1].id:
        raise ExportError(
            f"snapshot {snapshot_id} is the latest, the one you work on: import a newer export "
            "before forgetting it"
        )
    return found


def forget_snapshot(store: Store, snapshot_id: int) -> Snapshot:
    """Remove one snapshot and its contacts; decisions, notes and farewells stay."""
    snapshot = snapshot_to_forget(store, snapshot_id)
    with store.writing() as db:
        db.execute("DELETE FROM contacts WHERE snapshot_id = ?", (snapshot_id,))
        db.execute("DELETE FROM snapshots WHERE id = ?", (snapshot_id,))
    for copy in copies_of(store.path.parent, snapshot_id):
        copy.unlink(missing_ok=True)
    return snapshot
