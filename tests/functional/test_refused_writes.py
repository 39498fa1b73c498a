"""A change the state file refuses in the middle of a review: a full disk, a failing drive, or a
page SQLite finds damaged. Nothing saved is lost, and the app never ends in a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from prune.core.state.store import Store
from prune.tui.screens.confirm_screen import ConfirmScreen
from prune.tui.screens.contacts_screen import ContactsScreen

from testkit.tui import build_app, card_name, error_toasts, loaded, store_of

FULL = sqlite3.OperationalError("database or disk is full")


def refusing(error: sqlite3.DatabaseError):
    def write(*_args, **_kwargs):
        raise error

    return write


async def test_a_full_disk_keeps_the_card_says_so_and_the_same_key_works_once_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await loaded(pilot)
        first = card_name(app)
        with monkeypatch.context() as full:
            full.setattr(Store, "save_decision", refusing(FULL))
            await pilot.press("k")
            await pilot.pause()
            assert app.is_running and card_name(app) == first  # not moved on: not saved
            said = error_toasts(app)
            assert any("Not saved" in toast and "disk is full" in toast for toast in said)
            await pilot.press("k")
            assert len(error_toasts(app)) == 1  # said once, however often the key is pressed
        await pilot.press("k")  # space freed: the same key now saves
        await pilot.pause()
        assert card_name(app) != first
        assert error_toasts(app) == []  # the toast asking to press it again is taken back
    assert store_of(tmp_path).decision("url:in/cy").verdict == "keep"


async def test_a_batch_refused_after_its_confirmation_changes_nobody_until_answered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("a", "asterisk", "x")
        assert isinstance(app.screen, ConfirmScreen)
        with monkeypatch.context() as full:
            full.setattr(Store, "decide_batch", refusing(FULL))
            await pilot.press("y")
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, ContactsScreen)
            assert any("Not saved" in toast for toast in error_toasts(app))
            assert store_of(tmp_path).verdicts().is_empty()
        await pilot.press("x")  # space freed: the same batch, confirmed again, is saved
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert error_toasts(app) == []  # and the toast saying it was not is taken back
    assert store_of(tmp_path).verdicts().height > 0


async def test_a_page_found_damaged_ends_the_app_with_the_damaged_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        damaged = sqlite3.DatabaseError("database disk image is malformed")
        monkeypatch.setattr(Store, "save_decision", refusing(damaged))
        await pilot.press("k")
        await pilot.pause()
    assert app.return_code == 1
    line = capsys.readouterr().err
    assert line.count("\n") == 1 and "Traceback" not in line
    assert "is damaged (database disk image is malformed)" in line and "move it aside" in line
