"""The workbench (`a`): filter as you type, select, decide many at once, confirm, undo."""

from __future__ import annotations

from pathlib import Path

from prune.tui.screens.confirm_screen import ConfirmScreen
from prune.tui.screens.contacts_screen import ContactsScreen
from prune.tui.widgets.contact_table import ContactTable
from prune.tui.widgets.query_box import QueryBox

from testkit.tui import build_app, loaded, store_of, text_of, toasts


def names(app) -> list[str]:
    table = app.screen.query_one(ContactTable)
    return [table.row(index)[1] for index in range(table.row_count)]


async def test_slash_filters_as_you_type_and_enter_returns_to_the_list(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("a", "slash")
        assert isinstance(app.focused, QueryBox)
        await pilot.press(*"acme")
        assert names(app) == ["Ana Doe", "Di Ode"]
        await pilot.press("space", *"-sales")
        assert names(app) == ["Ana Doe"]
        await pilot.press("enter")
        assert isinstance(app.focused, ContactTable)
        assert names(app) == ["Ana Doe"]  # the filter is kept
        await pilot.press("slash", "escape")  # clears
        assert names(app) == ["Ana Doe", "Bo Li, PhD", "Cy Ng", "Di Ode"]
        await pilot.press(*"connected:<2020", "down")
        assert isinstance(app.focused, ContactTable)
        assert names(app) == ["Bo Li, PhD", "Cy Ng"]
        await pilot.press("down")  # the arrows move the list again
        assert app.screen.query_one(ContactTable).cursor_row == 1


async def test_a_bad_query_shows_one_red_line_under_the_box(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("a", "slash", *"colour:red")
        error = app.screen.query_one("#query-error")
        assert error.display
        assert text_of(app, "#query-error").startswith('unknown field "colour" in "colour:red"')
        assert len(names(app)) == 4  # the list stays as it was
        await pilot.press("escape")
        assert not error.display


async def test_select_all_batch_disconnect_confirm_and_u_restores(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("y")  # Cy kept with an answer on the card
        await pilot.press("a", "slash", *"company:acme", "enter")
        await pilot.press("asterisk")
        assert "2 selected of 2 shown" in text_of(app, "#title")
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Disconnect 2 contacts?" in text_of(app, "#question")
        assert "enter confirms · escape cancels" in text_of(app, "#question")
        await pilot.press("escape")  # cancelled: nothing changes
        assert isinstance(app.screen, ContactsScreen)
        assert store_of(tmp_path).decision("url:in/ana") is None
        await pilot.press("x", "enter")
        await pilot.pause()
        store = store_of(tmp_path)
        assert [store.decision(k).verdict for k in ("url:in/ana", "url:in/di")] == [
            "disconnect",
            "disconnect",
        ]
        assert "0 selected of 2 shown" in text_of(app, "#title")
        assert "Disconnect: 2 contacts. u undoes." in toasts(app)
        await pilot.press("u")
        await pilot.pause()
        store = store_of(tmp_path)
        assert store.decision("url:in/ana") is None and store.decision("url:in/di") is None
        kept = store.decision("url:in/cy")
        assert (kept.verdict, kept.known) == ("keep", "yes")  # before the batch: untouched
        assert "Undone: 2 contacts back as they were." in toasts(app)
        table = app.screen.query_one(ContactTable)
        assert [table.row(i)[0] for i in range(table.row_count)] == ["—", "—"]


async def test_space_toggles_rows_and_star_again_clears(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("a", "space", "space")
        table = app.screen.query_one(ContactTable)
        assert table.marked == {0, 1}
        assert "2 selected of 4 shown" in text_of(app, "#title")
        await pilot.press("up", "space")  # Bo again: off
        assert table.marked == {0}
        await pilot.press("asterisk")
        assert "4 selected of 4 shown" in text_of(app, "#title")
        await pilot.press("asterisk")
        assert "0 selected of 4 shown" in text_of(app, "#title")
        # one row, nothing selected: decided at once, without asking
        await pilot.press("home", "l")
        assert isinstance(app.screen, ContactsScreen)
        await pilot.pause()
    assert store_of(tmp_path).decision("url:in/ana").verdict == "later"


async def test_a_selection_narrowed_by_the_filter_acts_only_on_what_is_shown(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("a", "asterisk", "slash", *"acme", "enter")
        assert "2 selected of 2 shown" in text_of(app, "#title")
        await pilot.press("k", "enter")
        await pilot.pause()
    store = store_of(tmp_path)
    assert store.decision("url:in/bo") is None and store.decision("url:in/cy") is None
    assert store.decision("url:in/ana").verdict == "keep"


async def test_s_cycles_the_sort_column_and_capital_s_reverses(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("a")
        table = app.screen.query_one(ContactTable)
        assert table.columns[1].title == "Name ▲"
        await pilot.press("s")
        assert table.columns[2].title == "Company ▲" and table.columns[1].title == "Name"
        assert names(app) == ["Ana Doe", "Di Ode", "Bo Li, PhD", "Cy Ng"]
        await pilot.press("S")
        assert table.columns[2].title == "Company ▼"
        assert names(app) == ["Cy Ng", "Bo Li, PhD", "Ana Doe", "Di Ode"]
        await pilot.press("slash", *"acme", "enter")  # the order stays while filtering
        assert names(app) == ["Ana Doe", "Di Ode"]
        await pilot.press("s", "s")  # connected, oldest first
        assert names(app) == ["Di Ode", "Ana Doe"]


async def test_a_query_typed_again_after_a_decision_shows_the_new_verdict(
    tmp_path: Path,
) -> None:
    """Matches are kept for a query typed again (a backspace), never past a decision."""
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("a", "slash", *"acme", "backspace", "e")
        table = app.screen.query_one(ContactTable)
        assert names(app) == ["Ana Doe", "Di Ode"]
        assert table.row(0)[0] != "keep"
        await pilot.press("enter", "k")  # Ana kept from the list
        await pilot.press("slash", "end", "backspace")
        assert app.screen.query_one(QueryBox).value == "acm"
        await pilot.press("e")
        assert names(app) == ["Ana Doe", "Di Ode"]
        assert table.row(0)[0] == "keep"
