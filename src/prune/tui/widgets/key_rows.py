"""Rows of keys and what they do, a description too long for its line carried on under itself.

The help sheet is read down the key column; a description that wrapped back to the left edge
would start where the next key is looked for. So each row is wrapped here, at the width the
widget is given, with the continuation indented to the descriptions' column.
"""

from __future__ import annotations

import textwrap

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from prune.tui.padding_cell import padding

KEY_STYLE = "bold $accent"


class KeyRows(Widget):
    """`rows` of (keys as shown, what they do), keys in a column of their own."""

    DEFAULT_CSS = "KeyRows { height: auto; }"

    def __init__(self, rows: list[tuple[str, str]], key_width: int) -> None:
        super().__init__()
        self.rows = rows
        self.key_width = key_width

    def lines_at(self, width: int) -> list[Content]:
        """Every line the rows take at `width` cells."""
        room = max(8, width - self.key_width)
        indent = padding(self.key_width)  # kept in screenshots too, unlike leading spaces
        lines: list[Content] = []
        for key, description in self.rows:
            parts = textwrap.wrap(description, room, break_on_hyphens=False) or [""]
            lines.append(Content.assemble((key.ljust(self.key_width), KEY_STYLE), parts[0]))
            lines.extend(Content.assemble(indent, part) for part in parts[1:])
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines_at(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines_at(self.content_size.width))
