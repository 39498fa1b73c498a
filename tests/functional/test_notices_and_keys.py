"""Notices about the export on one line under the header, and every key hint from the keymap."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from prune.tui.screens.confirm_screen import ConfirmScreen
from prune.tui.screens.contacts_screen import ContactsScreen
from prune.tui.screens.notices_screen import NoticesScreen
from prune.tui.screens.summary_screen import SummaryScreen

from testkit.tui import (
    build_app,
    card_name,
    card_row,
    first_card,
    help_lines,
    loaded,
    progress_line,
    reopen,
    shown,
    store_of,
    text_of,
    toasts,
)


async def test_a_connections_only_export_says_so_once_on_a_line_not_a_toast(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await loaded(pilot)
        assert text_of(app, "#notices-line") == "! 1 notice about this export  ·  ! shows it"
        assert not any("Only Connections.csv" in toast for toast in toasts(app))
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, NoticesScreen)
        assert any(line.startswith("• Only Connections.csv here") for line in help_lines(app))
        await pilot.press("escape")
        assert not shown(app, "#notices-line")  # read: the line goes
    async with reopen(tmp_path).run_test(size=(100, 30), notifications=True) as pilot:
        app = pilot.app
        await loaded(pilot)
        assert not shown(app, "#notices-line")  # said once per snapshot
        await pilot.press("exclamation_mark")  # and still there for whoever wants them
        assert any(line.startswith("• Only Connections.csv here") for line in help_lines(app))


async def test_the_card_hints_follow_a_remapped_key(tmp_path: Path) -> None:
    config = '[keys]\n"review.yes" = "j"\n"review.keep" = "K"\n'
    app = build_app(tmp_path, config=config)
    async with app.run_test(size=(110, 36)) as pilot:
        await first_card(pilot)
        hint = text_of(app, "#hint")
        assert hint.startswith("j / n / m answer · K keep · x disconnect")
        assert "▸ j / n / m" in card_row(app, "q-known")


async def test_bad_remaps_are_named_with_their_line_and_not_applied(tmp_path: Path) -> None:
    config = (
        "[keys]\n"
        '"review.disconnect" = "y"\n'  # y already answers yes on the review
        '"review.bogus" = "z"\n'  # no such binding
        '"review.keep" = ",,,,"\n'  # no key at all: would unbind keep
        '"review.later" = "zz"\n'  # not a key name
        '"review.undo" = "U"\n'  # fine
    )
    app = build_app(tmp_path, config=config)
    async with app.run_test(size=(110, 36), notifications=True) as pilot:
        await loaded(pilot)
        said = "\n".join(toasts(app))
        assert "line 2, [keys] review.disconnect: y is already review.yes on the review" in said
        assert "line 3, [keys] review.bogus: not a key binding prune has" in said
        assert "line 4, [keys] review.keep: no key is not a key name" in said
        assert 'line 5, [keys] review.later: "zz" is not a key name' in said
        assert "review.undo" not in said
        hint = text_of(app, "#hint")
        assert "y / n / m answer · k keep · x disconnect · l later · U undo" in hint
        await pilot.press("y")  # still yes (which keeps, by the default rule), not disconnect
    saved = store_of(tmp_path).decision("url:in/cy")
    assert (saved.known, saved.verdict) == ("yes", "keep")


SAME_START = (
    "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2024",
    "Ann,Lee,https://www.linkedin.com/in/ann,,Acme,CFO,07 Mar 2023",
    "Anna,Ng,https://www.linkedin.com/in/anna,,Acme,CEO,07 Mar 2022",
)


async def test_the_search_picks_the_highlighted_match_with_up_and_down(tmp_path: Path) -> None:
    app = build_app(tmp_path, *SAME_START)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("slash", "a", "n", "down", "down", "down", "up")
        assert isinstance(app.focused, Input)  # still typing: the highlight moved, not the keys
        await pilot.press("n")  # narrows to Ann and Anna, the first highlighted again
        await pilot.press("down", "enter")
        assert card_name(app) == "Anna Ng"
        await pilot.press("slash", *"ann", "enter")  # enter alone: the first match
        assert card_name(app) == "Ann Lee"
        await pilot.press("slash", *"an", "down", "down", "down", "enter")  # stops at the last
        assert card_name(app) == "Anna Ng"


async def test_a_on_the_summary_lists_all_contacts(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("k", "k", "k", "k")
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)  # still nobody left: the summary again
    assert store_of(tmp_path).decision("url:in/ana").verdict == "keep"  # nothing undone


async def test_changing_a_contact_whose_farewell_was_sent_asks_first(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("x", "slash", *"cy", "enter")  # back to Cy, marked disconnect
        app.context.store.save_farewell("url:in/cy", status="sent")
        await pilot.press("k")
        assert isinstance(app.screen, ConfirmScreen)
        assert "You already sent Cy Ng a farewell." in help_lines(app)[0]
        await pilot.press("n")  # no: nothing changes
        assert store_of(tmp_path).decision("url:in/cy").verdict == "disconnect"
        await pilot.press("k", "y")
    assert store_of(tmp_path).decision("url:in/cy").verdict == "keep"


async def test_the_header_shortens_its_labels_before_cutting_them(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await loaded(pilot)
        assert progress_line(app, "counts") == "keep 0  disconnect 0  later 0  ·  time left —"
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert progress_line(app, "counts") == "keep 0 disc 0 later 0 · —"
