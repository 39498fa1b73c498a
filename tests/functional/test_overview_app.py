"""The overview (`g`): opened by its key and the palette, and each bar a way into the workbench."""

from __future__ import annotations

from pathlib import Path

from prune.tui.screens.contacts_screen import ContactsScreen
from prune.tui.screens.overview_screen import OverviewScreen
from prune.tui.screens.review_screen import ReviewScreen
from prune.tui.widgets.bar_list import BarList
from prune.tui.widgets.contact_table import ContactTable
from prune.tui.widgets.query_box import QueryBox

from testkit.tui import build_app, card_name, help_lines, loaded, text_of

ROWS = (
    'Ana,Doe,https://www.linkedin.com/in/ana,,"Acme, Inc.",CTO,07 Mar 2014',
    "Bo,Li,https://www.linkedin.com/in/bo,,Globex,Developer,01 Feb 2019",
    'Cy,Ng,https://www.linkedin.com/in/cy,,"Acme, Inc.",Developer,01 Feb 2014',
    "Di,Ode,https://www.linkedin.com/in/di,,Acme Labs,Sales lead,01 Jan 2021",
    "Ed,Fox,https://www.linkedin.com/in/ed,,Initech,Developer,09 Sep 2014",
)


def names(app) -> list[str]:
    table = app.screen.query_one(ContactTable)
    return [table.row(index)[1] for index in range(table.row_count)]


def bar_labels(app, panel: str) -> list[str]:
    return [bar.label for bar in app.screen.query_one(f"#{panel}", BarList).bars]


async def test_g_opens_the_overview_and_escape_comes_back(tmp_path: Path) -> None:
    app = build_app(tmp_path, *ROWS)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("g")
        assert isinstance(app.screen, OverviewScreen)
        assert bar_labels(app, "years") == ["2014", "2019", "2021"]
        assert bar_labels(app, "companies") == ["Acme, Inc.", "Acme Labs", "Globex", "Initech"]
        assert bar_labels(app, "positions")[0] == "Developer"
        assert "5 connections" in text_of(app, "#title")
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)


async def test_the_palette_opens_the_overview(tmp_path: Path) -> None:
    app = build_app(tmp_path, *ROWS)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+p", *"overview")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)


async def test_enter_on_a_year_opens_the_workbench_on_exactly_that_year(tmp_path: Path) -> None:
    app = build_app(tmp_path, *ROWS)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("g")
        assert "2014: 3" in text_of(app, "#detail")
        assert "enter opens connected:2014" in text_of(app, "#detail")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        assert app.screen.query_one(QueryBox).value == "connected:2014"
        assert names(app) == ["Ana Doe", "Ed Fox", "Cy Ng"]
        assert "0 selected of 3 shown" in text_of(app, "#title")
        await pilot.press("escape")  # back to the overview, the next year along
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen.query_one(QueryBox).value == "connected:2019"
        assert names(app) == ["Bo Li"]


async def test_enter_on_a_company_opens_it_and_not_the_one_that_contains_its_name(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path, *ROWS)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("g", "right")
        assert app.focused is app.screen.query_one("#companies")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(QueryBox).value == 'company:"Acme, Inc."'
        assert names(app) == ["Ana Doe", "Cy Ng"]
        await pilot.press("escape", "down", "enter")  # Acme Labs: only Di
        await pilot.pause()
        assert names(app) == ["Di Ode"]


async def test_decisions_in_the_workbench_show_in_the_overview_and_a_card_leaves_it(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path, *ROWS)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("g", "enter")  # 2014
        await pilot.pause()
        await pilot.press("asterisk", "x", "enter")  # disconnect all three, confirmed
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(app.screen, OverviewScreen)
        first_year = app.screen.query_one("#years", BarList).bars[0]
        assert first_year.label == "2014"
        assert "disconnect 3" in text_of(app, "#detail")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # the highlighted person's card
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert card_name(app) == "Ana Doe"


async def test_g_typed_in_the_filter_box_is_a_letter(tmp_path: Path) -> None:
    app = build_app(tmp_path, *ROWS)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("a", "slash", *"globex")
        assert isinstance(app.screen, ContactsScreen)
        assert names(app) == ["Bo Li"]


async def test_g_from_the_workbench_and_a_bar_goes_back_down_to_it(tmp_path: Path) -> None:
    app = build_app(tmp_path, *ROWS)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("a", "g")
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press("down", "enter")  # 2019
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        assert names(app) == ["Bo Li"]
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)


async def test_the_key_is_remappable_and_help_says_it(tmp_path: Path) -> None:
    app = build_app(tmp_path, *ROWS, config='[keys]\n"app.overview" = "O"\n')
    async with app.run_test(size=(100, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("g")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("O")
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press("question_mark")
        lines = help_lines(app)
    assert "O Overview: the whole network" in lines
    heading = lines.index("On the Overview (O)")
    assert "enter Open in the list" in lines[heading:]


async def test_a_company_that_looks_like_markup_is_shown_as_written(tmp_path: Path) -> None:
    row = 'Eve,Ray,https://www.linkedin.com/in/eve,,"[b]Acme[/b] ""Labs"": R&D",CTO,01 Jan 2020'
    app = build_app(tmp_path, row)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("g", "right")
        companies = app.screen.query_one("#companies", BarList)
        assert str(companies.get_option_at_index(0).prompt).startswith('[b]Acme[/b] "Labs": R&D')
        await pilot.press("enter")
        await pilot.pause()
        assert names(app) == ["Eve Ray"]


async def test_the_title_says_it_shorter_rather_than_wrap_on_a_narrow_terminal(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path, *ROWS)
    async with app.run_test(size=(64, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("g")
        title = app.screen.query_one("#title")
        assert title.size.height == 1
        assert "disc 0" in text_of(app, "#title")
        assert "undecided 5" in text_of(app, "#title")
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert "5 connections" in text_of(app, "#title")
        assert "disconnect 0" in text_of(app, "#title")
