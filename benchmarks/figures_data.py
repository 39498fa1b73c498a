"""The figures of prune's core, next to bare polars and SQLite: reading, evidence, decisions,
export and the comparison of two snapshots. Each takes the run's Context, returns a Result.
"""

from __future__ import annotations

import gc
import sqlite3
import statistics
import time

import polars as pl
from adapters import EVIDENCE_COLUMNS, evidence_reader, exported_frame, list_exporter
from common import NOT_BUILT, Context, Result, paired, percentile, timed


def measure_read_connections(context: Context) -> Result:
    """`read_connections` (sniffing, dates, URL keys, duplicates) vs a bare `pl.read_csv`."""
    from prune.core.reading.connections import read_connections

    path = context.connections_csv
    return paired(
        lambda: read_connections(path.read_bytes()),
        lambda: pl.read_csv(path, skip_lines=context.header_line),
        context.profile.repeats,
    )


def measure_evidence(context: Context) -> Result:
    """The evidence reader on messages.csv vs a bare polars scan of the columns it needs."""
    path = context.messages_csv

    def floor() -> object:
        return pl.scan_csv(path, infer_schema=False).select(EVIDENCE_COLUMNS).collect()

    read = evidence_reader()
    if read is None:
        values = [timed(floor) for _ in range(context.profile.repeats + 1)][1:]
        return Result(None, statistics.median(values) * 1000, NOT_BUILT)
    contacts = context.contacts()
    return paired(lambda: read(context.export, contacts), floor, context.profile.repeats)


def measure_decision(context: Context) -> Result:
    """`Store.save_decision` (one committed transaction with its journal entry), p99."""
    from prune.core.state.store import Store

    store = Store.open(context.fresh_state())
    keys = context.contacts()["key"].to_list()[: context.profile.decisions]
    samples = []
    gc.collect()
    for key in keys:
        start = time.perf_counter()
        store.save_decision(key, "keep", verdict="keep")
        samples.append(time.perf_counter() - start)
    store.close()
    median = statistics.median(samples) * 1000
    return Result(percentile(samples, 0.99) * 1000, None, f"median {median:.3f} ms")


def measure_batch_decide(context: Context) -> Result:
    """`Store.decide_batch` on 10,000 contacts: one committed transaction, one journal entry."""
    from prune.core.state.store import Store

    store = Store.open(context.fresh_state())
    keys = context.contacts()["key"].to_list()[:10_000]
    samples, undos = [], []
    for verdict in (["disconnect", "keep"] * context.profile.repeats)[
        : max(3, context.profile.repeats)
    ]:
        samples.append(timed(lambda verdict=verdict: store.decide_batch(keys, verdict)))
        undos.append(timed(lambda: store.undo_latest(any_session=False)))
    store.close()
    undo = statistics.median(undos) * 1000
    note = f"{len(keys):,} contacts; undoing it {undo:.0f} ms"
    return Result(statistics.median(samples) * 1000, None, note)


def measure_export(context: Context) -> Result:
    """Writing the disconnect list with every contact on it, vs `write_csv` of the same frame."""
    from prune.core.state.store import Store

    state = context.fresh_state()
    with sqlite3.connect(state / "prune.sqlite3") as db:  # every contact marked disconnect
        db.execute(
            "INSERT INTO decisions (key, verdict, decided_at, updated_at) "
            "SELECT key, 'disconnect', '2026-11-02T09:00:00+00:00', "
            "'2026-11-02T09:00:00+00:00' FROM contacts WHERE snapshot_id = ?",
            (context.snapshot_id,),
        )
    db.close()
    store = Store.open(state)
    frame = exported_frame(store, context.snapshot_id, "disconnect")
    floor_target, target = state / "floor.csv", state / "prune-disconnect.csv"

    def floor() -> object:
        return frame.write_csv(floor_target)

    export = list_exporter()
    try:
        if export is None:
            floors = [timed(floor) for _ in range(context.profile.repeats + 1)][1:]
            return Result(None, statistics.median(floors) * 1000, NOT_BUILT)
        # The snapshot's first list also works out the order every later one reads back.
        first = timed(lambda: export(store, context.snapshot_id, "disconnect", target)) * 1000
        result = paired(
            lambda: export(store, context.snapshot_id, "disconnect", target),
            floor,
            context.profile.repeats,
        )
        if result.value is not None:
            result.note = f"the snapshot's first export {first:.0f} ms"
        return result
    finally:
        store.close()


def newer_export_of(contacts: pl.DataFrame) -> pl.DataFrame:
    """The same network a month later: 2% gone, 2% new, 1% renamed, 3% changed jobs."""
    size = contacts.height
    numbered = contacts.with_row_index("row")
    gone, renamed, moved = size // 50, size // 100, size * 3 // 100
    kept = numbered.filter(pl.col("row") >= gone)
    kept = kept.with_columns(
        pl.when(pl.col("row") < gone + renamed)
        .then(pl.col(name) + "-renamed")
        .otherwise(pl.col(name))
        .alias(name)
        for name in ("key", "url")
    ).with_columns(
        pl.when(pl.col("row") >= size - moved)
        .then(pl.lit("Somewhere New"))
        .otherwise(pl.col("company"))
        .alias("company")
    )
    new = numbered.head(gone).with_columns(
        (pl.col("key") + "-new").alias("key"),
        (pl.col("url") + "-new").alias("url"),
        (pl.col("first_name") + "x").alias("first_name"),
        pl.lit(None, dtype=pl.String).alias("email"),
    )
    return pl.concat([kept, new]).drop("row")


def measure_changes_diff(context: Context) -> Result:
    """`compare` of two 30k snapshots read from the store, renames included, vs bare joins."""
    from prune.core.state.changes import compare
    from prune.core.state.store import Store

    before = context.contacts()
    after = newer_export_of(before)
    store = Store.open(context.fresh_state())
    try:
        newer = store.record_import(
            contacts=after,
            sha256="benchmark-newer-export",
            source=str(context.export),
            source_kind="folder",
            export_date=None,
            hidden=0,
            duplicates=0,
            files=[],
        ).snapshot
        older = store.snapshot(context.snapshot_id)
        assert older is not None

        def floor() -> object:
            keys_before, keys_after = before.select("key"), after.select("key")
            return (
                before.join(keys_after, on="key", how="anti"),
                after.join(keys_before, on="key", how="anti"),
                before.join(after, on="key", how="inner"),
            )

        result = paired(lambda: compare(store, older, newer), floor, context.profile.repeats)
        renamed = compare(store, older, newer).renamed.height
        result.note = f"{renamed} renames found among {after.height:,} connections"
        return result
    finally:
        store.close()
