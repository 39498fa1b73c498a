"""Who appeared, who disappeared and who changed jobs between two snapshots.

LinkedIn never tells a member who removed them; comparing two exports does. People the user
marked for disconnecting are told apart from people who left on their own, so the list of those
who "disappeared" reads as news, not as the user's own removals.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from prune.core.errors import ExportError
from prune.core.state.store import Snapshot, Store

_PERSON = ["key", "first_name", "last_name", "url", "company", "position"]


@dataclass(frozen=True)
class SnapshotChanges:
    """The difference between an older and a newer snapshot, as frames of contacts."""

    older: Snapshot
    newer: Snapshot
    gone: pl.DataFrame  # in older, not in newer; column `you_removed` (bool)
    new: pl.DataFrame  # in newer, not in older
    moved: pl.DataFrame  # in both, company or position differs (old_/new_ columns)

    def as_dict(self) -> dict[str, object]:
        def people(frame: pl.DataFrame) -> list[dict[str, object]]:
            return frame.drop("key").to_dicts()

        return {
            "from_snapshot": self.older.id,
            "to_snapshot": self.newer.id,
            "gone": people(self.gone),
            "new": people(self.new),
            "changed_jobs": people(self.moved),
        }


def pick_snapshots(
    store: Store, older_id: int | None = None, newer_id: int | None = None
) -> tuple[Snapshot, Snapshot]:
    """The two snapshots to compare: by default the latest and the one imported before it."""
    snapshots = store.snapshots()
    by_id = {snapshot.id: snapshot for snapshot in snapshots}
    for wanted in (older_id, newer_id):
        if wanted is not None and wanted not in by_id:
            known = ", ".join(str(snapshot.id) for snapshot in snapshots) or "none yet"
            raise ExportError(f"there is no snapshot {wanted} (snapshots: {known})")
    newer = by_id[newer_id] if newer_id is not None else (snapshots[-1] if snapshots else None)
    if newer is None:
        raise ExportError("no export imported yet: run `prune import PATH` twice, a month apart")
    if older_id is not None:
        older = by_id[older_id]
    else:
        earlier = [snapshot for snapshot in snapshots if snapshot.id < newer.id]
        if not earlier:
            raise ExportError(
                "only one export imported so far: import a newer export to compare the two"
            )
        older = earlier[-1]
    return older, newer


def compare(store: Store, older: Snapshot, newer: Snapshot) -> SnapshotChanges:
    """Compare two snapshots by contact key (the normalised profile URL)."""
    before = store.contacts(older.id).select(_PERSON)
    after = store.contacts(newer.id).select(_PERSON)
    disconnects = store.decisions().filter(pl.col("verdict") == "disconnect").select("key")
    gone = (
        before.join(after.select("key"), on="key", how="anti")
        .with_columns(you_removed=pl.col("key").is_in(disconnects["key"].implode()))
        .sort("last_name", "first_name", nulls_last=True)
    )
    new = after.join(before.select("key"), on="key", how="anti").sort(
        "last_name", "first_name", nulls_last=True
    )
    both = before.join(after, on="key", how="inner", suffix="_new")
    moved = (
        both.filter(
            (pl.col("company").ne_missing(pl.col("company_new")))
            | (pl.col("position").ne_missing(pl.col("position_new")))
        )
        .select(
            "key",
            pl.col("first_name_new").alias("first_name"),
            pl.col("last_name_new").alias("last_name"),
            pl.col("url_new").alias("url"),
            pl.col("company").alias("old_company"),
            pl.col("position").alias("old_position"),
            pl.col("company_new").alias("new_company"),
            pl.col("position_new").alias("new_position"),
        )
        .sort("last_name", "first_name", nulls_last=True)
    )
    return SnapshotChanges(older=older, newer=newer, gone=gone, new=new, moved=moved)


def change_lines(changes: SnapshotChanges) -> list[str]:
    """The comparison worded for a person, one contact per line."""

    def name(row: dict[str, object]) -> str:
        return " ".join(str(row[part]) for part in ("first_name", "last_name") if row[part])

    def label(snapshot: Snapshot) -> str:
        return snapshot.export_date or snapshot.imported_at[:10]

    left = changes.gone.filter(~pl.col("you_removed"))
    removed = changes.gone.filter(pl.col("you_removed"))
    lines = [
        f"From snapshot {changes.older.id} ({label(changes.older)}) "
        f"to snapshot {changes.newer.id} ({label(changes.newer)}):",
        f"  {left.height} gone without you marking them, {removed.height} you marked for "
        f"disconnecting are gone, {changes.new.height} new, {changes.moved.height} changed jobs",
    ]
    sections = [
        ("Gone (they left, or removed you)", left),
        ("Gone (you marked them for disconnecting)", removed),
        ("New connections", changes.new),
    ]
    for title, frame in sections:
        if frame.height:
            lines += ["", f"{title}:"]
            for row in frame.iter_rows(named=True):
                where = " · ".join(str(row[p]) for p in ("position", "company") if row[p])
                lines.append(f"  {name(row)}" + (f" — {where}" if where else ""))
    if changes.moved.height:
        lines += ["", "Changed jobs:"]
        for row in changes.moved.iter_rows(named=True):
            old = " · ".join(str(row[p]) for p in ("old_position", "old_company") if row[p])
            new = " · ".join(str(row[p]) for p in ("new_position", "new_company") if row[p])
            lines.append(f"  {name(row)}: {old or '—'} → {new or '—'}")
    return lines
