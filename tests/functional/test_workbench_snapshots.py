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

from prune.core.model import Verdict
from prune.tui.app import PruneApp

from testkit.tui import ROWS, app_after_two_exports, loaded

SIZES = [(80, 24), (120, 36)]
MORE = (
    "Eve,Park,https://www.linkedin.com/in/eve,,Umbrella,Technical Recruiter,03 Mar 2013",
    "Fay,Ray,https://www.linkedin.com/in/fay,,Acme,Designer,04 Apr 2017",
    "Gus,Ito,https://www.linkedin.com/in/gus,,Hooli,Recruiter,09 Sep 2011",
    "Hal,Oon,https://www.linkedin.com/in/hal,,Acme,Engineer,10 Oct 2016",
)


def two_exports(tmp_path: Path) -> PruneApp:
    """October's export had everyone; November's no longer has Eve and Gus (Gus was kept)."""
    november = (*ROWS, MORE[1], MORE[3])
    decided: dict[str, Verdict] = {"url:in/gus": "keep", "url:in/ana": "keep"}
    decided |= {"url:in/bo": "disconnect", "url:in/fay": "later"}
    return app_after_two_exports(tmp_path, (*ROWS, *MORE), november, decided)


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
