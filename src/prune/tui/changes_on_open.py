"""Which changes between exports the app opens on: the check made at every launch.

It runs before the first card is painted, so it stays cheap: the comparison itself (and the
Changes screen) is loaded only when a new import has not been shown yet.
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import TYPE_CHECKING

from prune.core.state.store import Store

if TYPE_CHECKING:
    from prune.core.state.changes import SnapshotChanges

SEEN_SETTING = "changes.seen_snapshot"
"""The newest snapshot whose changes the app has shown by itself (it shows them once)."""


def latest_changes(store: Store, snapshot_id: int) -> SnapshotChanges | None:
    """The changes from the snapshot before `snapshot_id` to it; None when there is none."""
    earlier = [snapshot for snapshot in store.snapshots() if snapshot.id < snapshot_id]
    newer = store.snapshot(snapshot_id)
    if not earlier or newer is None:
        return None
    from prune.core.state.changes import compare

    return compare(store, earlier[-1], newer)


def changes_to_show_once(store: Store, snapshot_id: int) -> SnapshotChanges | None:
    """The changes the app opens on: only once per import, and only when there are some."""
    if store.setting(SEEN_SETTING) == str(snapshot_id):
        return None
    latest = store.latest_snapshot()
    if latest is None or latest.id != snapshot_id:
        return None
    changes = latest_changes(store, snapshot_id)
    # Compared once per import, whatever it found: an import that changed nothing must not be
    # compared again (30k against 30k) on the UI thread at every launch.
    with contextlib.suppress(sqlite3.OperationalError):  # a full disk: compared again next time
        store.set_setting(SEEN_SETTING, str(snapshot_id))
    if changes is None or not changes.anything:
        return None
    return changes
