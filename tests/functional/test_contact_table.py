"""The virtualised contact list: the rows drawn follow the cursor, whatever the number of rows."""

from __future__ import annotations

import polars as pl
from textual.app import App, ComposeResult

from prune.tui.widgets.contact_table import Column, ContactTable

COLUMNS = (Column("Status", 7), Column("Name"), Column("Company"))
ROWS = [("drafted", f"Person {index:05d}", f"Company {index % 7}") for index in range(30_000)]


class TableApp(App[None]):
    def __init__(self, rows, **options) -> None:
        super().__init__()
        self.rows = rows
        self.options = options
        self.highlighted: list[int] = []

    def compose(self) -> ComposeResult:
        yield ContactTable(COLUMNS, self.rows, **self.options)

    def on_mount(self) -> None:
        self.query_one(ContactTable).focus()

    def on_contact_table_row_highlighted(self, event: ContactTable.RowHighlighted) -> None:
        self.highlighted.append(event.row)


def first_style(table: ContactTable, y: int) -> object:
    return next(iter(table.render_line(y))).style


def screen_lines(table: ContactTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_the_first_screen_shows_the_header_and_the_first_rows() -> None:
    app = TableApp(ROWS)
    async with app.run_test(size=(50, 8)) as pilot:
        await pilot.pause()
        lines = screen_lines(app.query_one(ContactTable))
        assert lines[0].startswith("Status  Name")
        assert "Person 00000" in lines[1]
        assert "Person 00006" in lines[7]
        assert app.highlighted == [0]


async def test_moving_past_the_first_screen_draws_the_rows_under_the_cursor() -> None:
    app = TableApp(ROWS)
    async with app.run_test(size=(50, 8)) as pilot:
        table = app.query_one(ContactTable)
        await pilot.press(*["down"] * 9)
        lines = screen_lines(table)
        assert table.cursor_row == 9
        assert lines[0].startswith("Status")  # the header stays put
        assert "Person 00009" in lines[-1]  # the cursor row is the last one on screen
        assert "Person 00003" in lines[1]
        await pilot.press("pagedown")
        assert table.cursor_row == 16  # one screen of rows further
        assert "Person 00016" in screen_lines(table)[-1]
        await pilot.press("end")
        lines = screen_lines(table)
        assert table.cursor_row == 29_999
        assert "Person 29999" in lines[-1]
        await pilot.press("up", "home")
        assert "Person 00000" in screen_lines(table)[1]
        assert app.highlighted[-3:] == [29_999, 29_998, 0]


async def test_a_polars_frame_is_read_row_by_row() -> None:
    frame = pl.DataFrame(ROWS[:100], schema=["status", "name", "company"], orient="row")
    app = TableApp(frame)
    async with app.run_test(size=(50, 8)) as pilot:
        await pilot.press("end")
        assert "Person 00099" in screen_lines(app.query_one(ContactTable))[-1]


async def test_long_cells_are_cut_with_an_ellipsis_and_columns_stay_aligned() -> None:
    rows = [("drafted", "Maximiliana Wolkenstein-Trostburg", "Northwind Traders\nInternational")]
    app = TableApp(rows)
    async with app.run_test(size=(40, 4)) as pilot:
        await pilot.pause()
        table = app.query_one(ContactTable)
        header, row = screen_lines(table)[:2]
        assert row.index("Northwind") == header.index("Company")
        assert "…" in row and "\n" not in row
        assert len(row) == table.scrollable_content_region.width


async def test_new_rows_keep_the_cursor_in_range_and_an_empty_table_says_so() -> None:
    app = TableApp(ROWS[:50], empty_text="Nobody here.")
    async with app.run_test(size=(50, 8)) as pilot:
        table = app.query_one(ContactTable)
        await pilot.press("end")
        table.set_rows(ROWS[:5])
        await pilot.pause()
        assert table.cursor_row == 4
        assert "Person 00004" in screen_lines(table)[5]
        table.set_rows([])
        await pilot.pause()
        assert screen_lines(table)[1].startswith("Nobody here.")
        assert app.highlighted[-1] == -1


async def test_a_row_shown_again_elsewhere_is_drawn_as_it_is_there() -> None:
    """Lines are kept drawn between filters: a kept line must follow the cursor and the marks."""
    frame = pl.DataFrame(ROWS[:20], schema=["status", "name", "company"], orient="row")
    app = TableApp(frame)
    async with app.run_test(size=(50, 8)) as pilot:
        table = app.query_one(ContactTable)
        await pilot.pause()
        cursor_style = first_style(table, 1)
        plain_style = first_style(table, 2)
        table.set_rows(frame.slice(1), cursor=0)  # Person 00001 moves up, under the cursor
        await pilot.pause()
        assert "Person 00001" in table.render_line(1).text
        assert first_style(table, 1) == cursor_style
        table.set_rows(frame, cursor=0)  # and back down, no longer under it
        table.set_marked([1])
        await pilot.pause()
        assert "Person 00001" in table.render_line(2).text
        assert table.render_line(2).text.startswith("✓")
        assert first_style(table, 3) == plain_style
        table.set_marked([])
        await pilot.pause()
        assert not table.render_line(2).text.startswith("✓")
        assert first_style(table, 2) == plain_style
