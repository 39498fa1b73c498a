"""ctrl+e: the export dialog as a user drives it, checked against the files it leaves behind."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input

from prune.core.farewell.followthrough import farewell_rows
from prune.core.farewell.settings import FarewellSettings
from prune.tui.app import PruneApp
from prune.tui.screens import export_screen
from prune.tui.screens.export_screen import ExportScreen
from prune.tui.screens.review_screen import ReviewScreen

from testkit.tui import TODAY, build_app, error_toasts, loaded, toasts

ANA, CY = "url:in/ana", "url:in/cy"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder prune was started in: where a bare file name is written."""
    folder = tmp_path / "here"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def app_with_disconnects(tmp_path: Path) -> PruneApp:
    app = build_app(tmp_path)
    for key in (ANA, CY):
        app.context.store.save_decision(key, "test", verdict="disconnect")
    app.context.store.save_farewell(CY, status="removed")
    return app


async def open_export(pilot: Pilot) -> ExportScreen:
    await loaded(pilot)
    pilot.app.clear_notifications()  # the evidence notice would lie over the dialog's buttons
    await pilot.press("ctrl+e")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ExportScreen)
    return screen


async def choose_format(pilot: Pilot, steps_down: int) -> None:
    """From the list choices: tab to the formats, move down and press enter."""
    await pilot.press("tab", *["down"] * steps_down, "enter")


async def finish(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def file_name(screen: ExportScreen) -> str:
    return screen.query_one("#file", Input).value


async def test_markdown_checklist_is_written_and_the_toast_names_the_path(
    tmp_path: Path, here: Path
) -> None:
    app = app_with_disconnects(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_export(pilot)
        assert file_name(screen) == "prune-disconnect.csv"
        await choose_format(pilot, 2)  # csv, json, md
        assert file_name(screen) == "prune-disconnect.md"
        assert screen.query_one("#excel", Checkbox).disabled
        await pilot.click("#export")
        await finish(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert f"Exported\nWrote 2 contacts to {here / 'prune-disconnect.md'}" in toasts(app)
    text = (here / "prune-disconnect.md").read_text()
    assert text.startswith("# Disconnect list\n")
    assert "- [ ] Ana Doe — CTO" in text
    assert "- [x] Cy Ng — Product manager" in text  # already removed: ticked


async def test_a_name_the_user_typed_is_kept_when_the_format_changes(
    tmp_path: Path, here: Path
) -> None:
    app = app_with_disconnects(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_export(pilot)
        await pilot.press("down", "enter")  # the keep list
        assert file_name(screen) == "prune-keep.csv"
        screen.query_one("#file", Input).value = "mine.txt"
        await choose_format(pilot, 4)  # names
        assert file_name(screen) == "mine.txt"
        await pilot.click("#export")
        await finish(pilot)
    assert (here / "mine.txt").read_text() == ""  # nobody is kept yet: an empty list


async def test_an_existing_file_is_replaced_only_after_asking(tmp_path: Path, here: Path) -> None:
    existing = here / "prune-disconnect.csv"
    existing.write_text("my own notes\n")
    app = app_with_disconnects(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_export(pilot)
        await pilot.click("#export")
        await pilot.pause()
        question = str(screen.query_one("#question").visual)
        assert "prune-disconnect.csv already exists" in question
        assert screen.query_one("#question").display
        await pilot.click("#keep")
        await finish(pilot)
        assert existing.read_text() == "my own notes\n"
        assert app.screen is screen  # still open, to choose another name
        assert not screen.query_one("#question").display
        await pilot.click("#export")
        await pilot.pause()
        await pilot.click("#replace")
        await finish(pilot)
        assert not isinstance(app.screen, ExportScreen)
    rows = list(csv.DictReader(io.StringIO(existing.read_text())))
    assert [row["first_name"] for row in rows] == ["Ana", "Cy"]


async def test_a_missing_folder_is_an_error_toast_and_nothing_is_written(
    tmp_path: Path, here: Path
) -> None:
    app = app_with_disconnects(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_export(pilot)
        screen.query_one("#file", Input).value = "no-such-folder/list.csv"
        await pilot.click("#export")
        await finish(pilot)
        assert app.screen is screen
        errors = error_toasts(app)
        assert len(errors) == 1
        assert errors[0].startswith("Not exported\nThe folder")
        assert "does not exist" in errors[0]
    assert list(here.iterdir()) == []


async def test_a_store_that_cannot_be_read_is_one_error_line_and_the_dialog_stays(
    tmp_path: Path, here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*args, **options) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(export_screen, "prepare_export", locked)
    app = app_with_disconnects(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_export(pilot)
        await pilot.click("#export")
        await finish(pilot)
        assert app.screen is screen
        assert error_toasts(app) == [
            "Not exported\nThe list could not be written (database is locked)"
        ]
        assert not screen.query_one("#export").disabled  # ready to try again
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
    assert list(here.iterdir()) == []


async def test_escape_closes_without_writing(tmp_path: Path, here: Path) -> None:
    app = app_with_disconnects(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_export(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
    assert list(here.iterdir()) == []


async def test_csv_rows_hold_the_farewell_the_farewells_screen_shows(
    tmp_path: Path, here: Path
) -> None:
    app = app_with_disconnects(tmp_path)
    app.context.store.save_farewell(ANA, tone="brief")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_export(pilot)
        await pilot.press("tab", "tab", "enter")  # to the file name; enter exports
        await finish(pilot)
        context = app.context
        settings = FarewellSettings(context.config.tones, None, TODAY)
        rows = farewell_rows(context.store, context.snapshot_id, settings)
        expected = {row.first_name: row.message for row in rows}
    rows = list(csv.DictReader(io.StringIO((here / "prune-disconnect.csv").read_text())))
    assert {row["first_name"]: row["farewell_message"] for row in rows} == expected
    assert expected["Ana"].startswith("Hi Ana, a quick heads-up")
