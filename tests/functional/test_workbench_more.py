"""The workbench, continued: back to the list after deciding a card opened from it, saved
filters (ctrl+s, the palette), verdicts in colour, and past connections (`status:past`)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.content import Content

from prune.tui import loading
from prune.tui.app import PruneApp
from prune.tui.screens.contacts_screen import ContactsScreen
from prune.tui.screens.review_screen import ReviewScreen
from prune.tui.screens.save_filter_screen import SaveFilterScreen
from prune.tui.verdict_styles import VERDICT_STYLES
from prune.tui.widgets.contact_table import ContactTable
from prune.tui.widgets.query_box import QueryBox

from testkit.tui import (
    ROWS,
    app_after_two_exports,
    build_app,
    card_name,
    loaded,
    store_of,
    text_of,
    toasts,
)

EVE = "Eve,Park,https://www.linkedin.com/in/eve,,Umbrella,Recruiter,03 Mar 2013"
FAY = "Fay,Ray,https://www.linkedin.com/in/fay,,Acme,Designer,04 Apr 2017"


def names(app: PruneApp) -> list[str]:
    table = app.screen.query_one(ContactTable)
    return [str(table.row(index)[1]) for index in range(table.row_count)]


def table(app: PruneApp) -> ContactTable:
    return app.screen.query_one(ContactTable)


def with_past(tmp_path: Path) -> PruneApp:
    """October's export had Eve and Fay (Fay kept); November's no longer has them."""
    return app_after_two_exports(tmp_path, (*ROWS, EVE, FAY), ROWS, {"url:in/fay": "keep"})


# -- back to the list -----------------------------------------------------------------------------


async def test_deciding_a_card_opened_from_the_list_returns_to_it_as_it_was(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("a", "slash", *"-name:bo", "enter", "S")  # Di, Cy, Ana
        await pilot.press("space")  # Di selected; the cursor moves to Cy
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewScreen) and card_name(app) == "Cy Ng"
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        assert names(app) == ["Di Ode", "Cy Ng", "Ana Doe"]  # filter and order kept
        assert app.screen.query_one(QueryBox).value == "-name:bo"
        assert table(app).columns[1].title == "Name ▼"
        assert table(app).cursor_row == 1  # on Cy still
        assert table(app).row(1)[0] == "disconnect"  # repainted with the new verdict
        assert table(app).marked == {0}
        assert "1 selected of 3 shown" in text_of(app, "#title")
        assert "Disconnect: Cy Ng. u undoes." in toasts(app)
    assert store_of(tmp_path).decision("url:in/cy").verdict == "disconnect"


async def test_answers_that_settle_a_verdict_return_too_and_so_does_escape(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("a", "down", "down", "enter")  # Cy
        await pilot.press("y")  # known: kept, by the rule
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        assert (table(app).cursor_row, table(app).row(2)[0]) == (2, "keep")
        await pilot.press("down", "enter")  # Di
        assert card_name(app) == "Di Ode"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen) and table(app).cursor_row == 3
        await pilot.press("escape")  # the list itself: back to the review
        await pilot.press("escape")  # a card of the queue now: escape does nothing
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and card_name(app) == "Di Ode"
        await pilot.press("k")  # decided in the review: the next card, not the list
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and card_name(app) != "Di Ode"
    assert store_of(tmp_path).decision("url:in/di").verdict == "keep"


async def test_a_card_reached_from_the_list_and_then_by_search_stays_in_the_review(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("a", "enter")  # Ana
        await pilot.press("slash", *"di ode")
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause()
        assert card_name(app) == "Di Ode"
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


# -- colours ---------------------------------------------------------------------------------------


async def test_the_verdict_column_uses_the_verdict_colours(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("k", "x", "l", "a")
        painter = table(app).painter
        assert painter is not None
        cells = [painter(table(app).row(row))[0] for row in range(table(app).row_count)]
        assert "—" in cells  # undecided: as it was
        coloured = [cell for cell in cells if isinstance(cell, Content)]
        assert sorted(cell.plain for cell in coloured) == ["disconnect", "keep", "later"]
        for cell in coloured:
            assert [span.style for span in cell.spans] == [VERDICT_STYLES[cell.plain]]


# -- saved filters ---------------------------------------------------------------------------------


async def test_ctrl_s_saves_the_query_and_the_palette_opens_it(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("a", "slash", *"company:acme", "ctrl+s")
        assert isinstance(app.screen, SaveFilterScreen)
        await pilot.press(*"acme people", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        saved = tomllib.loads((tmp_path / "config.toml").read_text(encoding="utf-8"))
        assert saved["filters"] == {"acme people": "company:acme"}
        assert "Saved: the palette lists it as Filter: acme people." in toasts(app)
        await pilot.press("slash", "escape", "escape", "escape")  # cleared, back to the review
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("ctrl+p", *"Filter: acme")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        assert names(app) == ["Ana Doe", "Di Ode"]
        assert app.screen.query_one(QueryBox).value == "company:acme"


async def test_a_filter_saved_by_hand_is_in_the_palette_even_before_the_list_was_opened(
    tmp_path: Path,
) -> None:
    config = (
        '[filters]\nold = "connected:<2016"\nbroken = "colour:red"\n'
        "brackets = 'company:\"[b]Acme\"'\n"
    )
    app = build_app(tmp_path, config=config)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await loaded(pilot)
        commands = {command.title: command for command in app.get_system_commands(app.screen)}
        assert "Filter: old" in commands and "Filter: broken" not in commands
        shown = Content.from_markup(commands["Filter: brackets"].help).plain  # as the palette
        assert shown == 'The list of all contacts filtered by company:"[b]Acme"'
        assert any('[filters] broken: unknown field "colour"' in toast for toast in toasts(app))
        app.open_contacts("connected:<2016")
        await pilot.pause()
        assert names(app) == ["Cy Ng"]


async def test_the_save_key_can_be_remapped_and_the_hint_names_the_new_key(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path, config='[keys]\n"query-box.save" = "ctrl+w"\n')
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("a", "slash", "ctrl+w")
        assert "Type a query first; ctrl+w then saves it under a name." in toasts(app)
        assert not any("not a key binding" in toast for toast in toasts(app))
        await pilot.press(*"company:acme", "ctrl+w")
        assert isinstance(app.screen, SaveFilterScreen)


async def test_saving_refuses_an_empty_box_a_bad_query_and_a_file_it_cannot_edit(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("a", "slash", "ctrl+s")
        assert "Type a query first; ctrl+s then saves it under a name." in toasts(app)
        await pilot.press(*"colour:red", "ctrl+s")
        assert isinstance(app.screen, ContactsScreen)
        assert any(toast.startswith("Not saved: unknown field") for toast in toasts(app))
        for _ in "colour:red":
            await pilot.press("backspace")
        await pilot.press(*"acme", "ctrl+s", "enter")  # no name: asked again
        assert isinstance(app.screen, SaveFilterScreen)
        assert "A saved filter needs a name (escape cancels)." in toasts(app)
        await pilot.press("escape")  # cancelled
        assert isinstance(app.screen, ContactsScreen)
        assert isinstance(app.focused, QueryBox)  # still typing
        path = tmp_path / "config.toml"
        path.write_text("[review\n", encoding="utf-8")  # the user's own broken edit
        await pilot.press("ctrl+s", *"mine", "enter")
        await pilot.pause()
        assert any("not valid TOML" in toast and "fix it first" in toast for toast in toasts(app))
        assert path.read_text(encoding="utf-8") == "[review\n"  # never overwritten
        assert "mine" not in app.context.config.filters


# -- past connections ------------------------------------------------------------------------------


async def test_past_connections_are_hinted_then_shown_greyed_with_their_day(
    tmp_path: Path,
) -> None:
    app = with_past(tmp_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("escape")  # the changes screen, then the review
        await pilot.press("a")
        assert names(app) == ["Ana Doe", "Bo Li, PhD", "Cy Ng", "Di Ode"]  # current only
        assert "+ 2 past: status:past" in text_of(app, "#title")
        await pilot.press("slash", *"status:past", "enter")
        assert names(app) == ["Eve Park", "Fay Ray"]
        assert text_of(app, "#title").startswith("Past connections  0 selected of 2 shown")
        assert "+ 2 past" not in text_of(app, "#title")
        assert table(app).columns[-1].title == "Gone since"
        assert table(app).row(1) == (
            "keep",
            "Fay Ray",
            "Acme",
            "Designer",
            "2017-04-04",
            "20 Nov 2026",
        )
        painter = table(app).painter
        assert painter is not None
        greyed = painter(table(app).row(0))
        assert all(isinstance(cell, Content) for cell in greyed)
        assert [cell.plain for cell in greyed if isinstance(cell, Content)][-1] == "20 Nov 2026"
        await pilot.press("slash", "end", *" acme", "enter")
        assert names(app) == ["Fay Ray"]
        await pilot.press("slash", "escape", *"-status:past", "enter")
        assert names(app) == ["Ana Doe", "Bo Li, PhD", "Cy Ng", "Di Ode"]
        assert table(app).columns[-1].title.startswith("Connected")


async def test_the_past_connections_read_ahead_are_listed_as_read_on_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read ahead on a worker, or (the list opened before that worker got to them) on opening."""
    for read_ahead in (True, False):
        if not read_ahead:
            monkeypatch.setattr(loading, "warm_listing", lambda context, session: None)
        app = with_past(tmp_path / str(read_ahead))
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await loaded(pilot)
            (review,) = [screen for screen in app.screen_stack if isinstance(screen, ReviewScreen)]
            assert (review.session in loading.WARMED_PAST) is read_ahead
            await pilot.press("escape", "a")
            assert "+ 2 past: status:past" in text_of(app, "#title")
            await pilot.press("slash", *"status:past", "enter")
            assert names(app) == ["Eve Park", "Fay Ray"]
            assert review.session not in loading.WARMED_PAST  # handed over, not kept twice


async def test_past_connections_cannot_be_decided_or_opened(tmp_path: Path) -> None:
    app = with_past(tmp_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("escape", "a", "slash", *"status:past", "enter")
        await pilot.press("asterisk", "x")
        assert isinstance(app.screen, ContactsScreen)  # not even asked
        assert "Past connections cannot be decided: they are no longer connected." in toasts(app)
        await pilot.press("enter")
        assert isinstance(app.screen, ContactsScreen)
        assert any(toast.startswith("Past connections have no card") for toast in toasts(app))
    store = store_of(tmp_path)
    assert store.decision("url:in/eve") is None
    assert store.decision("url:in/fay").verdict == "keep"


async def test_a_filter_name_with_brackets_is_shown_as_typed_in_the_palette(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path, config='[filters]\n"[/] [b]odd" = \'company:"[i]Acme"\'\n')
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        commands = list(app.get_system_commands(app.screen))
        (title, help_text) = next(
            (Content.from_markup(c.title).plain, Content.from_markup(c.help).plain)
            for c in commands
            if "odd" in c.title
        )
        assert title == "Filter: [/] [b]odd"
        assert help_text == 'The list of all contacts filtered by company:"[i]Acme"'
        await pilot.press("ctrl+p", *"odd")
        await pilot.pause()
        assert app.is_running


@pytest.mark.parametrize("width", [60, 80, 120, 200])
async def test_the_filter_hint_keeps_the_decision_keys_at_every_width(
    tmp_path: Path, width: int
) -> None:
    app = build_app(tmp_path, *ROWS)
    async with app.run_test(size=(width, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("a")
        await pilot.pause()
        box = app.screen.query_one(QueryBox)
        assert box.placeholder.endswith("k x l decide  u undoes")
        assert len(box.placeholder) <= box.content_size.width
        if width >= 200:
            assert "company:" in box.placeholder and "-verdict:keep" in box.placeholder
