"""The card's fixed rows (who, evidence, the rule, the three questions, the verdict) as one widget.

They were thirteen one-row Statics. Each widget costs Textual a compose, a style pass, a place in
the layout and a render of its own, at the first card and again at every key that changes it; one
widget holding the rows as text costs that once. The rows keep every look they had: each is cut
with an ellipsis at the card's width, the current question is highlighted across the whole row.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.widget import Widget

from prune.tui.padding_cell import PADDING_CELL

FACTS = ("name", "role", "connected", "reach", "flags", "evidence", "reasons", "note")
QUESTION_ROWS = ("q-known", "q-interacted", "q-favour")
ROWS = (*FACTS, "rule", *QUESTION_ROWS, "verdict")

# The rows styled apart, each by a component class of the same name (see DEFAULT_CSS): the
# theme's colours resolve there exactly as they would on a widget of their own.
_STYLED = {"name": "card-rows--name", "role": "card-rows--role", "rule": "card-rows--rule"}
_CURRENT = "card-rows--current"
_RULE = "━"  # the heavy line Textual's Rule draws


class CardRows(Widget):
    """Rows by name (`ROWS`); text is data, never markup. `update` repaints only on a change."""

    COMPONENT_CLASSES = {*_STYLED.values(), _CURRENT}
    DEFAULT_CSS = f"""
    CardRows {{
        height: {len(ROWS)};
        width: 1fr;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }}
    CardRows > .card-rows--name {{ text-style: bold; color: $text; }}
    CardRows > .card-rows--role {{ color: $text-muted; }}
    CardRows > .card-rows--rule {{ color: $primary-muted; }}
    CardRows > .card-rows--current {{ background: $boost; text-style: bold; }}
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: dict[str, Content] = dict.fromkeys(ROWS, Content())
        self._current: str | None = None

    def update(self, rows: Mapping[str, Content], *, current: str | None = None) -> None:
        """Show these rows (the rest unchanged); `current` names the question row to highlight.

        The card's size never changes with its text, so a change repaints without a layout.
        """
        changed = current != self._current
        for name, content in rows.items():
            if name not in self._rows:
                raise KeyError(f"no card row named {name!r}")
            if not self._rows[name].is_same(content):
                self._rows[name] = content
                changed = True
        self._current = current
        if changed:
            self.refresh()

    def row(self, name: str) -> str:
        """The text of one row as the user reads it (tests and the benchmark probe use it)."""
        return self._rows[name].plain

    def render(self) -> Content:
        width = self.size.width
        return Content("\n").join(self._row_shown(name, width) for name in ROWS)

    def _row_shown(self, name: str, width: int) -> Content:
        content = Content(_RULE * width) if name == "rule" else self._rows[name]
        component = _STYLED.get(name)
        if name in QUESTION_ROWS:
            content = PADDING_CELL + content  # the question rows' indent
            if name == self._current:
                component = _CURRENT
                content = content.pad_right(max(0, width - content.cell_length))
        if component is None:
            return content
        return content.stylize_before(self.get_visual_style(component))
