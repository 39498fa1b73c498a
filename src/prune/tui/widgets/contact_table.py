"""A list of contacts that draws only the rows on screen, so 30,000 rows cost what 30 do.

Textual's DataTable builds every row up front and freezes for seconds on a full network. This
widget keeps a reference to the rows (a sequence of cells, or a polars frame) and renders a row
only when `render_line` asks for it: constructing and painting the first screen does not depend on
how many rows there are.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import polars as pl
from rich.segment import Segment
from textual.binding import Binding
from textual.content import Content
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

Cell = str | Content | None
RowSource = Sequence[Sequence[Cell]] | pl.DataFrame
"""Rows of cells in column order; a frame's columns are taken in order, one per column."""
Painter = Callable[[tuple[Cell, ...]], tuple[Cell, ...]]
"""Turns a row's cells into what is drawn (colours, say): called only for the rows on screen."""

_GAP = 1  # blank cells between two columns
_KEPT_LINES = 2048  # lines kept drawn (a few screens of each recent filter)
MARK = "✓ "  # before the first cell of a marked (selected) row


@dataclass(frozen=True)
class Column:
    """A column title and its width in cells; `width=None` shares the width left over."""

    title: str
    width: int | None = None


class ContactTable(ScrollView, can_focus=True):
    """A header line, then one line per row, with a cursor row the keys move."""

    COMPONENT_CLASSES = {
        "contact-table--header",
        "contact-table--cursor",
        "contact-table--empty",
        "contact-table--marked",
    }
    DEFAULT_CSS = """
    ContactTable {
        background: $surface;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        & > .contact-table--header { text-style: bold; color: $text-muted; background: $panel; }
        & > .contact-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .contact-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .contact-table--empty { color: $text-muted; text-style: italic; }
        & > .contact-table--marked { background: $accent 30%; text-style: bold; }
    }
    """
    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False, id="contact-table.up"),
        Binding("down", "move(1)", "Down", show=False, id="contact-table.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="contact-table.page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="contact-table.page-down"),
        Binding("home", "jump('first')", "First", show=False, id="contact-table.first"),
        Binding("end", "jump('last')", "Last", show=False, id="contact-table.last"),
    ]

    cursor_row: reactive[int] = reactive(0, repaint=False, init=False)
    """Index of the highlighted row (0 when there are none)."""

    class RowHighlighted(Message):
        """The cursor moved to another row, or the rows under it changed."""

        def __init__(self, table: ContactTable, row: int) -> None:
            super().__init__()
            self.table = table
            self.row = row  # index into the rows; -1 when the table is empty

        @property
        def control(self) -> ContactTable:
            return self.table

    def __init__(
        self,
        columns: Sequence[Column],
        rows: RowSource = (),
        *,
        empty_text: str = "Nothing to show.",
        painter: Painter | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = tuple(columns)
        self.empty_text = empty_text
        self.painter = painter
        self._rows: RowSource = rows
        self._widths: tuple[tuple[int, tuple[int | None, ...]], tuple[int, ...]] = ((-1, ()), ())
        self._marked: frozenset[int] = frozenset()
        # A row's line, drawn once: typing a filter shows the same rows again, elsewhere.
        self._strips: dict[tuple[object, ...], Strip] = {}
        self.virtual_size = Size(0, len(rows) + 1)  # +1: the header line

    # -- the rows ---------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def row(self, index: int) -> tuple[Cell, ...]:
        """The cells of one row, in column order."""
        if isinstance(self._rows, pl.DataFrame):
            return self._rows.row(index)
        return tuple(self._rows[index])

    def set_rows(self, rows: RowSource, *, cursor: int | None = None) -> None:
        """Show other rows; the cursor stays at its index (or moves to `cursor`), kept in range."""
        self._rows = rows
        self.virtual_size = Size(0, len(rows) + 1)  # +1: the header line
        self.set_reactive(
            ContactTable.cursor_row, self._clamp(self.cursor_row if cursor is None else cursor)
        )
        if self.is_mounted:
            self._scroll_to_cursor()
            self.refresh()
            self.post_message(self.RowHighlighted(self, self.cursor_row if self.row_count else -1))

    def set_marked(self, rows: Collection[int]) -> None:
        """Mark these row indexes (the selection): drawn with MARK before the first cell."""
        self._marked = frozenset(rows)
        self.refresh()

    @property
    def marked(self) -> frozenset[int]:
        return self._marked

    def refresh_row(self, index: int) -> None:
        """Repaint one row after its cells changed in the source."""
        self.refresh_line(index + 1)

    def _clamp(self, index: int) -> int:
        return max(0, min(index, len(self._rows) - 1))

    # -- moving the cursor ------------------------------------------------------------------------

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def action_move(self, step: int) -> None:
        self.cursor_row = self._clamp(self.cursor_row + step)

    def action_page(self, direction: int) -> None:
        self.cursor_row = self._clamp(self.cursor_row + direction * self._page)

    def action_jump(self, where: str) -> None:
        self.cursor_row = 0 if where == "first" else self._clamp(len(self._rows) - 1)

    def validate_cursor_row(self, index: int) -> int:
        return self._clamp(index)

    def watch_cursor_row(self, old: int, new: int) -> None:
        self.refresh_row(old)
        self.refresh_row(new)
        self._scroll_to_cursor()
        if self.row_count:
            self.post_message(self.RowHighlighted(self, new))

    def _scroll_to_cursor(self) -> None:
        """Scroll just enough to keep the cursor row below the header and on screen."""
        visible = self._page
        top = self.scroll_offset.y
        if self.cursor_row < top:
            top = self.cursor_row
        elif self.cursor_row >= top + visible:
            top = self.cursor_row - visible + 1
        if top != self.scroll_offset.y:
            self.scroll_to(y=top, animate=False)

    def on_mount(self) -> None:
        self.post_message(self.RowHighlighted(self, self.cursor_row if self.row_count else -1))

    def on_resize(self) -> None:
        self._scroll_to_cursor()

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        index = self.scroll_offset.y + offset.y - 1
        if 0 <= index < len(self._rows):
            self.cursor_row = index
            self.focus()

    # -- painting ---------------------------------------------------------------------------------

    def column_widths(self, width: int) -> tuple[int, ...]:
        """Fixed columns as asked; what is left shared by the flexible ones (at least 1 each)."""
        asked = (width, tuple(column.width for column in self.columns))  # columns may change
        if self._widths[0] == asked:
            return self._widths[1]
        fixed = sum(column.width or 0 for column in self.columns)
        flexible = [index for index, column in enumerate(self.columns) if column.width is None]
        spare = max(0, width - fixed - _GAP * (len(self.columns) - 1))
        widths = [column.width or 0 for column in self.columns]
        for position, index in enumerate(flexible):
            share, extra = divmod(spare, len(flexible))
            widths[index] = max(1, share + (1 if position < extra else 0))
        self._widths = (asked, tuple(widths))
        return self._widths[1]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            titles = tuple(column.title for column in self.columns)
            return self._line(titles, width, "contact-table--header")
        index = self.scroll_offset.y + y - 1
        if not self.row_count:
            if y == 1:
                return self._line((self.empty_text,), width, "contact-table--empty", whole=True)
            return Strip.blank(width, self.rich_style)
        if index >= len(self._rows):
            return Strip.blank(width, self.rich_style)
        cells = self.row(index)
        marked = index in self._marked
        component = "contact-table--marked" if marked else None
        if index == self.cursor_row:
            component = "contact-table--cursor"
        style = self.get_visual_style(component) if component else self.get_visual_style()
        key = (cells, marked, component, style, width, self.columns, self.painter)
        try:
            return self._strips[key]
        except KeyError:
            pass
        except TypeError:  # a cell that cannot be a key (rows given as Content): drawn each time
            return self._row_line(cells, marked, width, component)
        if len(self._strips) >= _KEPT_LINES:
            self._strips.clear()
        strip = self._strips[key] = self._row_line(cells, marked, width, component)
        return strip

    def _row_line(
        self, cells: tuple[Cell, ...], marked: bool, width: int, component: str | None
    ) -> Strip:
        if self.painter is not None:
            cells = self.painter(cells)
        if marked:
            first = cells[0] if isinstance(cells[0], Content) else Content(_one_line(cells[0]))
            cells = (Content(MARK) + first, *cells[1:])
        return self._line(cells, width, component)

    def _line(
        self, cells: Sequence[Cell], width: int, component: str | None, *, whole: bool = False
    ) -> Strip:
        style = self.get_visual_style(component) if component else self.get_visual_style()
        widths = (width,) if whole else self.column_widths(width)
        parts: list[Content] = []
        for cell, cell_width in zip(cells, widths, strict=False):
            content = cell if isinstance(cell, Content) else Content(_one_line(cell))
            parts.append(content.truncate(cell_width, ellipsis=True, pad=True))
        line = Content(" " * _GAP).join(parts).truncate(width, pad=True)
        segments = [
            Segment(text, text_style.rich_style) for text, text_style in line.render(style, end="")
        ]
        return Strip(segments, width)


def _one_line(value: object) -> str:
    """Cells are one line high: line breaks and tabs become spaces."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if "\n" in text or "\t" in text or "\r" in text:
        text = " ".join(text.split())
    return text
