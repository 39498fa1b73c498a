"""A list of horizontal bars, one per row, that the arrow keys move through and `enter` picks.

No chart engine: a bar is a run of block characters, one run per part (a verdict's colour), its
length scaled to the longest row, drawn again whenever the list is resized so it fills the room.
The label is other people's text (a company, a position), so it is always a plain span.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from prune.core.text.control import clean_line

FULL = "█"
LIGHT = "░"  # for the undecided part: told apart by its shape too, not only by its colour


@dataclass(frozen=True)
class Part:
    """A stretch of a bar: how many it stands for, its style and the character it is drawn with."""

    count: int
    style: str
    char: str = FULL


@dataclass(frozen=True)
class Bar:
    """One row: label, total, its parts in stacking order, and the query `enter` opens."""

    label: str
    count: int
    parts: tuple[Part, ...]
    query: str | None = None


class BarList(OptionList, inherit_bindings=False):
    """Bars scaled to the longest; `BarList.bars[highlighted]` is the row under the cursor.

    Only the moving keys are its own: `enter`, left and right belong to the screen it is on,
    so that they can be remapped and the help sheet names them.
    """

    BINDINGS = [
        Binding("up", "cursor_up", show=False),
        Binding("down", "cursor_down", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
        Binding("pageup", "page_up", show=False),
        Binding("pagedown", "page_down", show=False),
    ]

    DEFAULT_CSS = """
    BarList { border: none; padding: 0; background: $surface; height: auto; }
    BarList:focus { border: none; }
    """

    def __init__(self, *, label_share: float = 0.4, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bars: list[Bar] = []
        self.label_share = label_share  # the most of the width a label may take

    def show(self, bars: Sequence[Bar]) -> None:
        """Replace the rows, keeping the cursor where it was when that row still exists."""
        kept = self.highlighted
        self.bars = list(bars)
        self._draw()
        if self.bars:
            self.highlighted = min(kept or 0, len(self.bars) - 1)

    @property
    def current(self) -> Bar | None:
        index = self.highlighted
        return self.bars[index] if index is not None and index < len(self.bars) else None

    def on_resize(self, _: events.Resize) -> None:
        kept = self.highlighted
        self._draw()
        self.highlighted = kept

    def _draw(self) -> None:
        width = max(self.scrollable_content_region.width, 20)
        labels = [clean_line(bar.label) for bar in self.bars]
        label_width = min(
            max((cell_len(label) for label in labels), default=0),
            max(4, int(width * self.label_share)),
        )
        count_width = max((len(f"{bar.count:,}") for bar in self.bars), default=1)
        room = max(1, width - label_width - count_width - 3)  # a space before and after the count
        longest = max((bar.count for bar in self.bars), default=0)
        self.set_options(
            Option(self._prompt(bar, label, label_width, count_width, room, longest))
            for bar, label in zip(self.bars, labels, strict=True)
        )

    @staticmethod
    def _prompt(
        bar: Bar, label: str, label_width: int, count_width: int, room: int, longest: int
    ) -> Content:
        shown = _fit(label, label_width)
        cells = [(shown + " " * (label_width - cell_len(shown)), "")]
        cells.append((f" {bar.count:>{count_width},} ", "bold"))
        for run, style in _runs(bar, room, longest):
            cells.append((run, style))
        return Content.assemble(*cells)


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` cells, with an ellipsis when something was cut."""
    if cell_len(text) <= width:
        return text
    cut = text
    while cut and cell_len(cut) > width - 1:
        cut = cut[:-1]
    return cut + "…"


def _runs(bar: Bar, room: int, longest: int) -> list[tuple[str, str]]:
    """Each part's run of block characters; lengths rounded on the running total so the bar
    is exactly as long as its count says, and any part of one at least shows one cell."""
    if longest <= 0 or bar.count <= 0:
        return []
    length = max(1, round(bar.count / longest * room))
    runs: list[tuple[str, str]] = []
    done = drawn = 0
    for part in bar.parts:
        if part.count <= 0:
            continue
        done += part.count
        end = max(drawn + 1, round(done / bar.count * length))
        cells = min(end, length) - drawn
        if cells > 0:
            runs.append((part.char * cells, part.style))
            drawn += cells
    return runs
