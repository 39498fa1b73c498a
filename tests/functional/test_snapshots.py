"""What the screens look like, at the smallest supported size and a comfortable one.

Update after an intended change with `uv run pytest tests/test_snapshots.py --snapshot-update`
and look at the SVGs in tests/__snapshots__ before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from prune.tui.widgets.decision_toast import DecisionToast

from testkit.tui import build_app, loaded

SIZES = [(80, 24), (120, 36)]
CARD_SIZES = [(80, 24), (120, 36), (200, 50)]
LONG_ROW = (
    "Maximiliana-Josefina,Wolkenstein-Trostburg von Hohenberg,"
    'https://www.linkedin.com/in/maximiliana,,"Northwind Traders, International Holdings",'
    "Principal Director of Strategic Partnerships and Ecosystem Development,01 Jan 2010"
)


@pytest.fixture(autouse=True)
def toast_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    """A decision's toast stays until the picture is taken, however slow the machine is."""
    monkeypatch.setattr(DecisionToast, "SECONDS", 3600.0)


async def settle(pilot: Pilot) -> None:
    await loaded(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("size", CARD_SIZES, ids=["80x24", "120x36", "200x50"])
def test_card(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = build_app(
        tmp_path, LONG_ROW, "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2024"
    )

    async def answer_one(pilot: Pilot) -> None:
        await loaded(pilot)
        await pilot.press("n")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=answer_one)


@pytest.mark.parametrize("size", CARD_SIZES, ids=["80x24", "120x36", "200x50"])
def test_disconnect_card(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    """A decided disconnect: the farewell scrolls inside the card, or stands beside it."""
    app = build_app(
        tmp_path, LONG_ROW, "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2024"
    )

    async def decide_and_return(pilot: Pilot) -> None:
        await loaded(pilot)
        await pilot.press("x", "slash", *"maximiliana", "enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=decide_and_return)


@pytest.mark.parametrize("size", CARD_SIZES, ids=["80x24", "120x36", "200x50"])
def test_no_message_card(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    """A flagged, bare-bones profile marked disconnect: no message, and how to write one."""
    app = build_app(
        tmp_path,
        "Zed,Quill,https://www.linkedin.com/in/zed,,,,01 Jan 2010",
        "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2024",
    )

    async def decide_and_return(pilot: Pilot) -> None:
        await loaded(pilot)
        await pilot.press("x", "slash", *"zed", "enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=decide_and_return)


def test_card_in_a_light_theme(snap_compare, tmp_path: Path) -> None:
    """The progress bar and the verdict colours stay visible on a light background."""
    app = build_app(tmp_path, "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2024")

    async def light(pilot: Pilot) -> None:
        pilot.app.theme = "solarized-light"
        await loaded(pilot)
        await pilot.press("n")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=light)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_summary(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = build_app(tmp_path)

    async def decide_all(pilot: Pilot) -> None:
        await loaded(pilot)
        await pilot.press("k", "x", "y", "n", "n", "n")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=decide_all)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_help(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = build_app(tmp_path)

    async def open_help(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=open_help)


def farewells_app(tmp_path: Path):
    """Three disconnects at different stages: one edited and copied, one sent, one new."""
    app = build_app(
        tmp_path,
        LONG_ROW,
        "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2024",
        "Bo,Li,https://www.linkedin.com/in/bo,,Globex,Developer,01 Feb 2019",
        "Cy,Ng,https://www.linkedin.com/in/cy,,Initech,Product manager,01 Feb 2015",
    )
    for slug in ("ana", "bo", "maximiliana"):
        app.context.store.save_decision(f"url:in/{slug}", "test", verdict="disconnect")
    app.context.store.save_farewell("url:in/bo", text="Bo, thanks for the years of code reviews!")
    app.context.store.save_farewell("url:in/bo", status="copied")
    app.context.store.save_farewell("url:in/maximiliana", tone="formal", status="sent")
    return app


async def open_farewells(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("f")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_farewells(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(farewells_app(tmp_path), terminal_size=size, run_before=open_farewells)


def test_export_dialog(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir("/tmp")  # the dialog names the folder a bare file name goes to
    app = farewells_app(tmp_path)

    async def open_export(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_export)
