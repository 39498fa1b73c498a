"""The first card is painted before the review session is built, and keys on it are kept."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from prune.tui import loading
from prune.tui.screens.review_screen import ReviewScreen

from testkit.tui import (
    build_app,
    card_name,
    card_row,
    loaded,
    progress_line,
    reopen,
    store_of,
)


@pytest.fixture
def slow_session(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The session is built only once the returned event is set."""
    release = threading.Event()
    build = loading.build_session

    def held(*args):
        release.wait(timeout=10)
        return build(*args)

    monkeypatch.setattr(loading, "build_session", held)
    return release


async def test_the_first_card_and_header_show_while_the_session_is_built(
    tmp_path: Path, slow_session: threading.Event
) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.session is None
        assert card_name(app) == "Cy Ng"  # oldest connection first, as the session orders
        assert "0 / 4 reviewed" in progress_line(app, "reviewed")
        assert not app.screen.query("#loading")  # no loading screen before the card
        slow_session.set()
        await loaded(pilot)
        assert card_name(app) == "Cy Ng"  # the session's card is the one already shown


async def test_keys_pressed_before_the_session_act_on_the_card_shown_in_order(
    tmp_path: Path, slow_session: threading.Event
) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("k", "n", "n", "n")  # keep Cy, then three noes disconnect Bo
        assert store_of(tmp_path).decision("url:in/cy") is None  # nothing saved yet
        slow_session.set()
        await loaded(pilot)
        assert card_name(app) == "Di Ode"
        assert "2 / 4 reviewed" in progress_line(app, "reviewed")
    store = store_of(tmp_path)
    assert store.decision("url:in/cy").verdict == "keep"
    assert store.decision("url:in/bo").verdict == "disconnect"


async def test_a_resumed_review_opens_on_the_card_it_stopped_at(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("k", "n")  # Bo answered once, still on screen
    again = reopen(tmp_path)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert card_name(again) == "Bo Li, PhD"
        assert "no" in card_row(again, "q-known")
        await loaded(pilot)
        assert card_name(again) == "Bo Li, PhD"
