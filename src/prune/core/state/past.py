"""Past connections: everyone in an earlier snapshot who is not in the latest one.

LinkedIn offers no way to download the people one was once connected to; prune has every export
it was given, so it can. Each past connection comes with every field from the last snapshot they
appeared in and the export dates they were seen between; their decision, note and farewell are
keyed by contact and so are still there. A person followed to a new profile URL (see renames) is
not past under the old one.
"""

from __future__ import annotations

import polars as pl

from prune.core.model import CONTACT_COLUMNS
from prune.core.state.renames import renamed_keys
from prune.core.state.store import Snapshot, Store

PAST_COLUMNS: tuple[str, ...] = (*CONTACT_COLUMNS, "seen_from", "seen_until", "gone_since")
"""CONTACT_COLUMNS, then the export dates (ISO) of the first and last snapshot that had them and
of the first one that no longer did."""


def export_day(snapshot: Snapshot) -> str:
    """A snapshot's date as ISO text: its export's, else the day it was imported."""
    return snapshot.export_date or snapshot.imported_at[:10]


def past_connections(store: Store, as_of: int | None = None) -> pl.DataFrame:
    """Past connections as of snapshot `as_of` (default: the latest), PAST_COLUMNS, by name."""
    snapshots = store.snapshots()
    if as_of is not None:
        snapshots = [snapshot for snapshot in snapshots if snapshot.id <= as_of]
    if len(snapshots) < 2:
        return empty_past()
    *earlier, current = snapshots
    days = pl.DataFrame(
        {"snapshot_id": [s.id for s in snapshots], "day": [export_day(s) for s in snapshots]},
        schema={"snapshot_id": pl.Int64, "day": pl.String},
    ).with_columns(pl.col("day").shift(-1).alias("next_day"))
    seen = pl.concat(
        [
            store.contacts(s.id)
            .select(CONTACT_COLUMNS)
            .with_columns(snapshot_id=pl.lit(s.id, dtype=pl.Int64))
            for s in earlier
        ]
    )
    left = (
        seen.join(store.contacts(current.id).select("key"), on="key", how="anti")
        .join(renamed_keys(store).select(key="old_key"), on="key", how="anti")
        .sort("snapshot_id")
    )
    last = left.group_by("key", maintain_order=True).agg(
        pl.exclude("snapshot_id").last(),
        pl.col("snapshot_id").first().alias("first_id"),
        pl.col("snapshot_id").last().alias("last_id"),
    )
    first_days = days.select(first_id="snapshot_id", seen_from="day")
    last_days = days.select(last_id="snapshot_id", seen_until="day", gone_since="next_day")
    return (
        last.join(first_days, on="first_id", how="left")
        .join(last_days, on="last_id", how="left")
        .select(PAST_COLUMNS)
        .sort("last_name", "first_name", "key", nulls_last=True)
    )


def empty_past() -> pl.DataFrame:
    """No past connections, with the columns and types of some."""
    schema = dict.fromkeys(PAST_COLUMNS, pl.String) | {"connected_on": pl.Date}
    return pl.DataFrame(schema=schema)
