"""What the overview looks like on the invented export, at the smallest size, a comfortable one
and in a light theme. Update with `--snapshot-update` and look at the SVGs before committing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.pilot import Pilot

from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store
from prune.demo import write_sample_export
from prune.tui.app import PruneApp, make_app
from prune.tui.copying import no_system_clipboard

from testkit.tui import TODAY, loaded


def overview_app(tmp_path: Path) -> PruneApp:
    """The demo's export with 70 decisions, dated over the five days before the test's day."""
    export = write_sample_export(tmp_path / "export", connections=300)
    store = Store.open(tmp_path / "state")
    snapshot_id = record_export(store, parse_export(export)).outcome.snapshot.id
    keys = store.contacts(snapshot_id)["key"].to_list()
    store.decide_batch(keys[0:60:2], "keep")
    store.decide_batch(keys[1:60:2], "disconnect")
    store.decide_batch(keys[60:70], "later")
    state_file = store.path
    store.close()
    with sqlite3.connect(state_file) as db:  # decided "now" would fall outside the fixed fortnight
        db.execute(
            "UPDATE decisions SET decided_at = date(?, '-' || (length(key) % 5) || ' days')",
            (TODAY.isoformat(),),
        )
    db.close()
    return make_app(
        data_dir=tmp_path / "state",
        snapshot_id=snapshot_id,
        config_path=tmp_path / "config.toml",
        today=TODAY,
        system_copy=no_system_clipboard,
    )


def open_overview(theme: str | None = None):
    async def run(pilot: Pilot) -> None:
        if theme is not None:
            pilot.app.theme = theme
        await loaded(pilot)
        pilot.app.clear_notifications()
        await pilot.press("g", "down", "down")
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_overview(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(overview_app(tmp_path), terminal_size=size, run_before=open_overview())


def test_overview_in_a_light_theme(snap_compare, tmp_path: Path) -> None:
    app = overview_app(tmp_path)
    assert snap_compare(app, terminal_size=(120, 36), run_before=open_overview("solarized-light"))
