"""What the workbench looks like: a filtered list with a selection and coloured verdicts, and
the past connections greyed out.

Update after an intended change with
`uv run pytest tests/functional/test_workbench_snapshots.py --snapshot-update` and look at the
SVGs in tests/functional/__snapshots__ before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store
from prune.tui.app import PruneApp, make_app
from prune.tui.copying import no_system_clipboard

from testkit.exports import connections_text
from testkit.tui import ROWS, TODAY, loaded

SIZES = [(80, 24), (120, 36)]
MORE = (
    "Eve,Park,https://www.linkedin.com/in/eve,,Umbrella,Technical Recruiter,03 Mar 2013",
    "Fay,Ray,https://www.linkedin.com/in/fay,,Acme,Designer,04 Apr 2017",
    "Gus,Ito,https://www.linkedin.com/in/gus,,Hooli,Recruiter,09 Sep 2011",
    "Hal,Oon,https://www.linkedin.com/in/hal,,Acme,Engineer,10 Oct 2016",
)


def two_exports(tmp_path: Path) -> PruneApp:
    """October's export had everyone; November's no longer has Eve and Gus (Gus was kept)."""
    store = Store.open(tmp_path / "state")
    november = (*ROWS, MORE[1], MORE[3])
    for name, rows in (
        ("Basic_LinkedInDataExport_10-12-2026.csv", (*ROWS, *MORE)),
        ("Basic_LinkedInDataExport_11-20-2026.csv", november),
    ):
        path = tmp_path / name
        path.write_text(connections_text(*rows))
        snapshot_id = record_export(store, parse_export(path)).outcome.snapshot.id
        store.save_decision("url:in/gus", "test", verdict="keep")
    store.save_decision("url:in/ana", "test", verdict="keep")
    store.save_decision("url:in/bo", "test", verdict="disconnect")
    store.save_decision("url:in/fay", "test", verdict="later")
    store.close()
    return make_app(
        data_dir=tmp_path / "state",
        snapshot_id=snapshot_id,
        config_path=tmp_path / "config.toml",
        today=TODAY,
        system_copy=no_system_clipboard,
    )


async def settle(pilot: Pilot) -> None:
    await loaded(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_workbench_with_a_selection(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = two_exports(tmp_path)

    async def select(pilot: Pilot) -> None:
        await loaded(pilot)
        await pilot.press("escape", "a", "slash", *"-company:initech", "enter")
        await pilot.press("space", "down", "space")  # Ana and Di; the cursor on Hal
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=select)


def test_workbench_past_connections(snap_compare, tmp_path: Path) -> None:
    app = two_exports(tmp_path)

    async def past(pilot: Pilot) -> None:
        await loaded(pilot)
        await pilot.press("escape", "a", "slash", *"status:past", "enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 36), run_before=past)
