"""The Farewells screen as a user drives it, checked against the store and what is on screen."""

from __future__ import annotations

import sqlite3
import webbrowser
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea

from prune.core.farewell.length import LINKEDIN_MESSAGE_LIMIT
from prune.core.farewell.message import render
from prune.core.farewell.tones import BUILTIN_TONES
from prune.tui.app import PruneApp
from prune.tui.screens import farewells_screen
from prune.tui.screens.farewells_screen import FarewellsScreen
from prune.tui.screens.help_screen import HelpScreen
from prune.tui.screens.message_edit_screen import MessageEditScreen
from prune.tui.screens.review_screen import ReviewScreen
from prune.tui.screens.summary_screen import SummaryScreen
from prune.tui.widgets.contact_table import ContactTable

from testkit.tui import (
    TODAY,
    build_app,
    error_toasts,
    help_lines,
    loaded,
    platform_clipboard,
    reopen,
    store_of,
    text_of,
    toasts,
    workers_done,
)

ANA, CY = "url:in/ana", "url:in/cy"


def with_disconnects(tmp_path: Path, *keys: str, **options) -> PruneApp:
    app = build_app(tmp_path, **options)
    for key in keys:
        app.context.store.save_decision(key, "test", verdict="disconnect")
    return app


async def open_farewells(pilot: Pilot) -> FarewellsScreen:
    await loaded(pilot)  # returns at once when already loaded
    await pilot.press("f")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, FarewellsScreen)
    return screen


def shown_message(app: PruneApp) -> str:
    return text_of(app, "#message")


def warm_to_ana() -> str:
    ana = {"first_name": "Ana", "last_name": "Doe", "company": "Acme", "connected_on": "2024-03-07"}
    return render(BUILTIN_TONES["warm"], ana, my_name=None, today=TODAY)


async def test_lists_every_disconnect_with_the_message_of_the_highlighted_one(
    tmp_path: Path,
) -> None:
    app = with_disconnects(tmp_path, CY, ANA)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        screen = await open_farewells(pilot)
        table = screen.query_one(ContactTable)
        assert table.row_count == 2
        assert [row.name for row in screen.shown] == ["Ana Doe", "Cy Ng"]
        assert shown_message(app) == warm_to_ana()
        assert "drafted" in text_of(app, "#meta") and "warm" in text_of(app, "#meta")
        assert text_of(app, "#progress") == "0 of 2 removed"
        assert "2 drafted" in text_of(app, "#detail")
        await pilot.press("down")
        assert shown_message(app).startswith("Hi Cy,")
        assert screen.query_one("#panel").border_title == "Cy Ng"


async def test_an_edit_is_saved_and_is_still_there_after_a_restart(tmp_path: Path) -> None:
    app = with_disconnects(tmp_path, ANA)
    own = "Ana, I am tidying my contacts. Thank you for the talk in 2024!"
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await open_farewells(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, MessageEditScreen)
        assert app.screen.query_one(TextArea).text == warm_to_ana()
        app.screen.query_one(TextArea).text = own
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FarewellsScreen)
        assert shown_message(app) == own
        assert "your own wording" in text_of(app, "#meta")
        assert any("Saved your wording for Ana Doe" in toast for toast in toasts(app))
        await pilot.press("q")
    assert store_of(tmp_path).farewell(ANA).text == own
    again = reopen(tmp_path)
    async with again.run_test(size=(120, 36), notifications=True) as pilot:
        await open_farewells(pilot)
        assert shown_message(again) == own


async def test_escape_in_the_editor_keeps_the_old_message(tmp_path: Path) -> None:
    app = with_disconnects(tmp_path, ANA)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await open_farewells(pilot)
        await pilot.press("e")
        app.screen.query_one(TextArea).text = "something I did not mean"
        await pilot.press("escape")
        assert shown_message(app) == warm_to_ana()
    assert store_of(tmp_path).farewell(ANA).text is None


async def test_t_cycles_the_tone_and_the_message_follows(tmp_path: Path) -> None:
    app = with_disconnects(tmp_path, ANA)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await open_farewells(pilot)
        await pilot.press("t")
        assert shown_message(app).startswith("Hi Ana, a quick heads-up")
        assert "brief" in text_of(app, "#meta")
        assert store_of(tmp_path).farewell(ANA).tone == "brief"
        await pilot.press("t")
        assert shown_message(app).startswith("Dear Ana,")
    assert store_of(tmp_path).farewell(ANA).tone == "formal"


async def test_t_on_an_edited_message_says_the_edit_still_wins_and_how_to_drop_it(
    tmp_path: Path,
) -> None:
    app = with_disconnects(tmp_path, ANA)
    app.context.store.save_farewell(ANA, text="My own goodbye.")
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await open_farewells(pilot)
        await pilot.press("t")
        assert shown_message(app) == "My own goodbye."
        assert any("own wording still wins" in toast for toast in toasts(app))
        await pilot.press("e")
        await pilot.click("#template")
        await pilot.pause()
        assert shown_message(app).startswith("Hi Ana, a quick heads-up")  # the brief tone
    assert store_of(tmp_path).farewell(ANA).text is None


async def test_c_copies_the_message_and_marks_it_copied(tmp_path: Path) -> None:
    app = with_disconnects(tmp_path, ANA, CY, system_copy=platform_clipboard)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await open_farewells(pilot)
        await pilot.press("c")
        assert app.clipboard == warm_to_ana()
        assert any("Copied the farewell to Ana Doe" in toast for toast in toasts(app))
        assert "copied" in text_of(app, "#meta")
        assert "1 copied" in text_of(app, "#detail")
    assert store_of(tmp_path).farewell(ANA).status == "copied"
    assert store_of(tmp_path).farewell(CY).status == "drafted"


async def test_a_copy_only_the_terminal_was_sent_is_not_marked_copied(tmp_path: Path) -> None:
    app = with_disconnects(tmp_path, ANA)  # no clipboard command: OSC 52 alone, unconfirmed
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await open_farewells(pilot)
        await pilot.press("c")
        assert app.clipboard == warm_to_ana()
        assert any(
            "Sent the farewell to Ana Doe to the terminal's clipboard; if pasting gives nothing, "
            "select the text on screen" in toast
            for toast in toasts(app)
        )
        assert not any(toast.startswith("Copied") for toast in toasts(app))
    assert store_of(tmp_path).farewell(ANA).status == "drafted"


async def test_a_message_too_long_for_linkedin_is_not_copied(tmp_path: Path) -> None:
    app = with_disconnects(tmp_path, ANA)
    app.context.store.save_farewell(ANA, text="x" * (LINKEDIN_MESSAGE_LIMIT + 1))
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await open_farewells(pilot)
        assert "Too long for LinkedIn" in text_of(app, "#refusal")
        await pilot.press("c")
        assert app.clipboard == ""
        assert any("Too long" in toast for toast in toasts(app))
    assert store_of(tmp_path).farewell(ANA).status == "drafted"


async def test_s_and_r_mark_sent_and_removed_and_the_progress_follows(tmp_path: Path) -> None:
    app = with_disconnects(tmp_path, ANA, CY)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await open_farewells(pilot)
        await pilot.press("s")
        assert "1 sent" in text_of(app, "#detail")
        await pilot.press("r")
        assert text_of(app, "#progress") == "1 of 2 removed"
        await pilot.press("down", "r")
        assert text_of(app, "#progress") == "2 of 2 removed"
        await pilot.press("r")  # pressed again: back to where it came from
        assert text_of(app, "#progress") == "1 of 2 removed"
    store = store_of(tmp_path)
    assert (store.farewell(ANA).status, store.farewell(CY).status) == ("removed", "drafted")


async def test_f_shows_one_status_at_a_time(tmp_path: Path) -> None:
    app = with_disconnects(tmp_path, ANA, CY)
    app.context.store.save_farewell(CY, status="sent")
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        screen = await open_farewells(pilot)
        assert "showing all" in text_of(app, "#filter")
        await pilot.press("f")
        assert [row.name for row in screen.shown] == ["Ana Doe"]
        assert "showing drafted" in text_of(app, "#filter")
        await pilot.press("f")
        assert screen.shown == []
        assert "No farewell is copied" in text_of(app, "#meta")
        await pilot.press("f")
        assert [row.name for row in screen.shown] == ["Cy Ng"]
        assert shown_message(app).startswith("Hi Cy,")
        await pilot.press("f", "f")  # removed, then no message needed
        assert "showing no message needed" in text_of(app, "#filter")
        assert "Everyone marked disconnect gets a message." in text_of(app, "#meta")
        await pilot.press("f")
        assert len(screen.shown) == 2


async def test_a_contact_leaves_a_filtered_view_when_its_status_changes(tmp_path: Path) -> None:
    app = with_disconnects(tmp_path, ANA, CY)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        screen = await open_farewells(pilot)
        await pilot.press("f")  # drafted
        await pilot.press("s")
        assert [row.name for row in screen.shown] == ["Cy Ng"]
        assert screen.query_one("#panel").border_title == "Cy Ng"


async def test_a_name_that_looks_like_markup_is_shown_as_written(tmp_path: Path) -> None:
    app = build_app(tmp_path, "Eve,Doe [/b],https://www.linkedin.com/in/eve,,Acme,CTO,01 Jan 2010")
    app.context.store.save_decision("url:in/eve", "test", verdict="disconnect")
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await open_farewells(pilot)
        await pilot.press("s")
        assert any("Eve Doe [/b]: marked sent." in toast for toast in toasts(app))
    assert store_of(tmp_path).farewell("url:in/eve").status == "sent"


async def test_escape_returns_to_the_review(tmp_path: Path) -> None:
    app = with_disconnects(tmp_path, ANA)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await open_farewells(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("k")  # the review carries on where it was
    assert store_of(tmp_path).decision("url:in/cy").verdict == "keep"


async def test_without_disconnects_the_screen_says_what_to_do(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_farewells(pilot)
        assert "Nobody is marked disconnect yet" in text_of(app, "#meta")
        await pilot.press("c", "s", "t")  # nothing to act on, nothing breaks
        assert text_of(app, "#progress") == "0 of 0 removed"


async def test_farewells_that_cannot_be_read_say_so_in_one_line_and_the_review_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable(*args, **options) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(farewells_screen, "farewell_rows", unreadable)
    app = with_disconnects(tmp_path, ANA)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("f")
        await workers_done(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert error_toasts(app) == [
            "Farewells\nThe farewells could not be read (database is locked)."
        ]
        await pilot.press("k")
    assert store_of(tmp_path).decision("url:in/cy").verdict == "keep"


async def test_open_profile_without_a_browser_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_browser() -> None:
        raise webbrowser.Error("none")

    monkeypatch.setattr(webbrowser, "get", no_browser)
    app = with_disconnects(tmp_path, ANA)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await open_farewells(pilot)
        await pilot.press("o")
        assert any("No browser found" in t and "linkedin.com/in/ana" in t for t in toasts(app))


async def test_help_lists_the_farewells_keys_and_f_does_nothing_inside_a_dialog(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path, config='[keys]\n"farewells.sent" = "z"\n')
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await open_farewells(pilot)
        await pilot.press("question_mark")
        lines = help_lines(app)
        assert "f Farewells" in lines and "ctrl+e Export a list" in lines
        heading = lines.index("On the Farewells screen (f)")
        assert "z Mark it sent (again: back to what it was)" in lines[heading:]
        assert "s Mark it sent (again: back to what it was)" not in lines
        # Only a clipboard that answers confirms a copy; OSC 52 alone does not (issue 16).
        assert "c Copy the message; marked copied only when a clipboard confirms it" in lines
        await pilot.press("f")
        assert isinstance(app.screen, HelpScreen)


async def test_the_palette_opens_the_farewells(tmp_path: Path) -> None:
    app = with_disconnects(tmp_path, ANA)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await loaded(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Farewells" in titles and "Export a list…" in titles
        await pilot.press("ctrl+p")
        await pilot.press(*"farewells")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, FarewellsScreen)


async def test_the_summary_offers_the_farewells_and_escape_comes_back_to_it(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("k", "x", "k", "x")
        assert isinstance(app.screen, SummaryScreen)
        assert "Press f for the Farewells screen" in " ".join(
            str(step.visual) for step in app.screen.query(".step")
        )
        screen = await open_farewells(pilot)
        assert [row.name for row in screen.shown] == ["Ana Doe", "Bo Li, PhD"]
        await pilot.press("escape")
        assert isinstance(app.screen, SummaryScreen)


async def test_marking_twice_returns_to_the_status_it_came_from(tmp_path: Path) -> None:
    app = with_disconnects(tmp_path, ANA, system_copy=platform_clipboard)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await open_farewells(pilot)
        await pilot.press("c", "r")
        assert store_of(tmp_path).farewell("url:in/ana").status == "removed"
        await pilot.press("r")  # never sent: back to copied, not to "sent"
        assert any("Ana Doe: back to copied." in toast for toast in toasts(app))
        assert store_of(tmp_path).farewell("url:in/ana").status == "copied"
