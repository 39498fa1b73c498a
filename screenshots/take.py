"""Take the README's screenshots from the real app on the invented sample export.

    uv run python screenshots/take.py

Writes SVG files next to this script (GitHub shows them inline). Uses `make_app`, like the CLI
and the tests, with the sample's own date as "today" so the pictures do not change from day to
day, and the platform clipboard switched off.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

import polars as pl
from textual.pilot import Pilot

from prune.core.evidence.cache import load_or_compute
from prune.core.evidence.card_insights import insights
from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store
from prune.demo import EXPORT_DATE, write_sample_export
from prune.tui.app import PruneApp, make_app
from prune.tui.copying import no_system_clipboard
from prune.tui.screens.review_screen import ReviewScreen

HERE = Path(__file__).parent
SIZE = (120, 36)


async def settle(pilot: Pilot) -> None:
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


def shoot(app: PruneApp, name: str) -> None:
    app.save_screenshot(filename=f"{name}.svg", path=str(HERE))
    print(f"wrote screenshots/{name}.svg")


async def take(app: PruneApp, talked: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")  # the first likely disconnect: "no, I don't know them"
        await settle(pilot)
        shoot(app, "review")

        assert isinstance(app.screen, ReviewScreen)
        app.screen.show_contact(talked)  # someone the archive has something to say about
        await settle(pilot)
        shoot(app, "evidence")

        await pilot.press("x", "x", "x")  # three marked for disconnecting
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("slash", *"connected:<2014", "enter")  # the oldest, decided first
        await settle(pilot)
        await pilot.press("down", "space", "down", "space")  # two selected, as before a batch
        await settle(pilot)
        shoot(app, "contacts")
        await pilot.press("escape")

        await pilot.press("g")
        await settle(pilot)
        shoot(app, "overview")
        await pilot.press("escape")

        await pilot.press("f")
        await settle(pilot)
        shoot(app, "farewells")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="prune-shots-") as scratch:
        folder = Path(scratch)
        archive = write_sample_export(folder / "export")
        store = Store.open(folder / "state")
        snapshot = record_export(store, parse_export(archive)).outcome.snapshot
        evidence = load_or_compute(folder / "state", snapshot, store.contacts(snapshot.id))
        store.close()
        lines = insights(evidence, today=EXPORT_DATE).filter(pl.col("evidence").is_not_null())
        talked = lines["key"][0]
        app = make_app(
            data_dir=folder / "state",
            snapshot_id=snapshot.id,
            config_path=folder / "config.toml",
            today=EXPORT_DATE,
            system_copy=no_system_clipboard,
        )
        asyncio.run(take(app, talked))


if __name__ == "__main__":
    main()
