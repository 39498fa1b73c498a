"""No message for a likely fake account, and what a newer export says, as a user sees them.

Zed's row has neither company nor position, a bare-bones flag: his farewell starts as "no
message", while Ana, an ordinary profile, starts in the default tone.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store
from prune.tui.app import PruneApp
from prune.tui.farewell_table import farewell_cells
from prune.tui.screens.farewells_screen import FarewellsScreen

from testkit.exports import connections_text
from testkit.tui import (
    build_app,
    loaded,
    platform_clipboard,
    reopen,
    store_of,
    text_of,
    toasts,
)

ZED = "Zed,Quill,https://www.linkedin.com/in/zed,,,,01 Jan 2010"
ANA = "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2024"
CY = "Cy,Ng,https://www.linkedin.com/in/cy,,Initech,Product manager,01 Feb 2015"
ZED_KEY, ANA_KEY, CY_KEY = "url:in/zed", "url:in/ana", "url:in/cy"


def both_disconnected(tmp_path: Path, **options) -> PruneApp:
    """Zed and Ana marked disconnect; Cy still to review, so the review stays on a card."""
    app = build_app(tmp_path, ZED, ANA, CY, system_copy=platform_clipboard, **options)
    for key in (ZED_KEY, ANA_KEY):
        app.context.store.save_decision(key, "test", verdict="disconnect")
    return app


async def open_farewells(pilot: Pilot) -> FarewellsScreen:
    await loaded(pilot)
    await pilot.press("f")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, FarewellsScreen)
    return screen


async def test_a_flagged_card_has_no_message_and_t_cycles_to_one_and_back(
    tmp_path: Path,
) -> None:
    app = both_disconnected(tmp_path)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"zed", "enter")
        head, body = text_of(app, "#farewell-head"), text_of(app, "#farewell")
        assert "no message" in head and "no message needed" in head and "t for a message" in head
        assert "No message: likely a fake account" in body
        await pilot.press("c")
        assert app.clipboard == ""
        assert any("Nothing to copy: Zed Quill gets no message" in t for t in toasts(app))
        await pilot.press("t")
        assert text_of(app, "#farewell").startswith("Hi Zed,")
        assert "tone warm" in text_of(app, "#farewell-head")
        assert "drafted" in text_of(app, "#farewell-head")
        await pilot.press("t", "t", "t")  # brief, formal, then no message again
        assert "No message" in text_of(app, "#farewell")
        await pilot.press("t")
        assert "tone warm" in text_of(app, "#farewell-head")
    assert store_of(tmp_path).farewell(ZED_KEY).tone == "warm"  # stored like any tone


async def test_t_on_an_ordinary_card_reaches_no_message_after_the_last_tone(
    tmp_path: Path,
) -> None:
    app = both_disconnected(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"ana", "enter")
        assert "tone warm" in text_of(app, "#farewell-head")
        await pilot.press("t", "t", "t")
        head = text_of(app, "#farewell-head")
        assert "no message needed" in head
        assert "No message: your choice" in text_of(app, "#farewell")
    assert store_of(tmp_path).farewell(ANA_KEY).tone == "no message"


async def test_the_farewells_screen_shows_no_message_needed_and_copies_nothing(
    tmp_path: Path,
) -> None:
    app = both_disconnected(tmp_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        screen = await open_farewells(pilot)
        assert [row.name for row in screen.shown] == ["Ana Doe", "Zed Quill"]
        assert "1 drafted" in text_of(app, "#detail")
        assert "1 need no message" in text_of(app, "#detail")
        await pilot.press("down")
        meta = text_of(app, "#meta")
        assert meta.startswith("no message needed") and "no message (t for a tone)" in meta
        assert "likely a fake account" in text_of(app, "#message")
        assert str(farewell_cells(screen.shown[1])[0]) == "not needed"  # the table's word
        await pilot.press("c")
        assert app.clipboard == ""
        assert any("Nothing to copy" in t for t in toasts(app))
        await pilot.press("s")
        assert any("r marks them removed" in t for t in toasts(app))
        assert store_of(tmp_path).farewell(ZED_KEY).status == "drafted"
        await pilot.press("r")
        assert text_of(app, "#meta").startswith("removed")
        assert text_of(app, "#progress") == "1 of 2 removed"
        await pilot.press("r")  # back to where it came from
        assert text_of(app, "#meta").startswith("no message needed")
        await pilot.press("t")
        assert text_of(app, "#meta").startswith("drafted")
        assert text_of(app, "#message").startswith("Hi Zed,")
        await pilot.press("c")
        assert app.clipboard.startswith("Hi Zed,")


async def test_the_choice_of_no_message_lasts_after_a_restart(tmp_path: Path) -> None:
    app = both_disconnected(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_farewells(pilot)
        await pilot.press("t", "t", "t")  # Ana: brief, formal, no message
        assert text_of(app, "#meta").startswith("no message needed")
    async with reopen(tmp_path).run_test(size=(120, 36)) as pilot:
        screen = await open_farewells(pilot)
        assert [row.status for row in screen.shown] == ["no message needed"] * 2


def two_exports(tmp_path: Path) -> PruneApp:
    """Ana and Cy marked disconnect; the newer export has Ana still, and Cy gone."""
    app = build_app(tmp_path, ANA, CY)
    store = app.context.store
    for key in (ANA_KEY, CY_KEY):
        store.save_decision(key, "test", verdict="disconnect")
    store.save_farewell(CY_KEY, status="copied")  # never marked removed by hand
    with store.writing() as db:  # decided a month before the newer export was imported
        db.execute("UPDATE decisions SET decided_at = '2026-10-02T10:00:00+00:00'")
    newer = tmp_path / "newer" / "Connections.csv"
    newer.parent.mkdir()
    newer.write_text(connections_text(ANA))
    with Store.open(tmp_path / "state") as writer:
        record_export(writer, parse_export(newer))
    return reopen(tmp_path)


async def test_a_newer_export_closes_the_loop_on_the_farewells_screen(tmp_path: Path) -> None:
    app = two_exports(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_farewells(pilot)
        assert [row.name for row in screen.shown] == ["Ana Doe", "Cy Ng"]
        assert text_of(app, "#meta").startswith("drafted, still connected: finish the job")
        await pilot.press("down")
        assert text_of(app, "#meta").startswith("removed (gone from your newest export)")
        assert text_of(app, "#progress") == "1 of 2 removed"
