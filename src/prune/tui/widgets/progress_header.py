"""The always-visible line of progress: reviewed / total, a bar, counts and time left.

When the line is narrow the labels shorten first (`disc`, `~2 min`), then the bar goes, so
the counts and the time left are never cut in the middle of a word.

The line is one widget drawing its three parts as text. It was a row of five (two Statics and
Textual's ProgressBar holding its Bar), each composed and styled before the first card showed;
the parts keep the places and looks they had there, and the bar is drawn by Textual's own
renderable with the same styles, so the screen is the same to the cell.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.text import Text
from textual.content import Content
from textual.renderables.bar import Bar as BarRenderable
from textual.widget import Widget

from prune.core.review.session import Progress
from prune.tui.formatting import duration, short_duration
from prune.tui.padding_cell import PADDING_CELL
from prune.tui.verdict_styles import VERDICT_STYLES

BAR_WIDTH = 18
"""The cells the bar takes: sixteen of bar and two blank after it (Textual's ProgressBar)."""
_BAR_DRAWN = 16
_PADDING = 2
_BAR = "progress-header--bar"
_COMPLETE = "progress-header--complete"  # Textual's ProgressBar colours a full bar apart
_LOADING = "loading…"
_GAP = PADDING_CELL  # between the parts, where their paddings were


class ProgressHeader(Widget):
    """Shows where the user is in the review; updated after every decision."""

    COMPONENT_CLASSES = {_BAR, _COMPLETE}
    DEFAULT_CSS = f"""
    ProgressHeader {{
        height: 1;
        dock: top;
        background: $panel;
        padding: 0 1;
        text-wrap: nowrap;
    }}
    ProgressHeader > .{_BAR} {{ color: $primary; background: $surface; }}
    ProgressHeader > .{_COMPLETE} {{ color: $success; background: $surface; }}
    """

    def __init__(self) -> None:
        super().__init__()
        self._progress: Progress | None = None

    @property
    def reviewed(self) -> str:
        """`12 / 300 reviewed` as shown (`loading…` before the first count)."""
        progress = self._progress
        if progress is None:
            return _LOADING
        return f"{progress.reviewed:,} / {progress.total:,} reviewed"

    @property
    def counts(self) -> str:
        """The counts and time left, in the wording that fits the line now, uncut."""
        return self._fit()[1].plain

    def show(self, progress: Progress) -> None:
        if progress != self._progress:  # a key press that changed no count repaints nothing
            self._progress = progress
            self.refresh()

    def render(self) -> Content:
        reviewed = self.reviewed
        with_bar, shown = self._fit()
        parts = [Content.styled(reviewed, "bold"), _GAP]
        if with_bar:
            parts += [self._bar(), Content(" " * (BAR_WIDTH - _BAR_DRAWN))]
        room = self.size.width - Content("").join(parts).cell_length - 1
        if room > 0:
            parts += [_GAP, shown.truncate(room, ellipsis=True)]
        return Content("").join(parts)

    def _fit(self) -> tuple[bool, Content]:
        """The longest wording that fits beside the reviewed count, and whether the bar does."""
        if self._progress is None:
            return True, Content("")
        room = self.size.width - _PADDING - len(self.reviewed) - 2  # the gaps either side
        full, short = counts(self._progress, short=False), counts(self._progress, short=True)
        if room - BAR_WIDTH >= full.cell_length or room - BAR_WIDTH >= short.cell_length:
            return True, full if room - BAR_WIDTH >= full.cell_length else short
        return False, full if room >= full.cell_length else short

    def _bar(self) -> Content:
        """The bar as Textual's ProgressBar draws it, in the same styles and half cells."""
        progress = self._progress
        done = 0.0 if progress is None else min(1.0, progress.reviewed / max(progress.total, 1))
        done = int(done * _BAR_DRAWN * 2) / (_BAR_DRAWN * 2)  # as ProgressBar rounds it
        style = self.get_component_rich_style(_BAR if done < 1 else _COMPLETE)
        drawn = BarRenderable(
            highlight_range=(0, _BAR_DRAWN * done),
            highlight_style=RichStyle.from_color(style.color),
            background_style=RichStyle.from_color(style.bgcolor),
            width=_BAR_DRAWN,
        )
        console = self.app.console
        (text,) = drawn.__rich_console__(console, console.options.update_width(_BAR_DRAWN))
        assert isinstance(text, Text)  # the renderable yields the bar as one Text
        # Its pieces of one style drawn as one run, as the Bar widget's segments are.
        runs = Segment.simplify(text.render(console))
        return Content("").join(
            Content.from_rich_text(Text(run.text, run.style or "")) for run in runs
        )


def counts(progress: Progress, *, short: bool) -> Content:
    """`keep 3  disconnect 1  later 0  ·  about 2 min left`, or its short form."""
    labels = ("keep ", " disc ", " later ") if short else ("keep ", "  disconnect ", "  later ")
    left = short_duration(progress.seconds_left) if short else duration(progress.seconds_left)
    return Content.assemble(
        (labels[0], "dim"),
        (f"{progress.keep:,}", VERDICT_STYLES["keep"]),
        (labels[1], "dim"),
        (f"{progress.disconnect:,}", VERDICT_STYLES["disconnect"]),
        (labels[2], "dim"),
        (f"{progress.later:,}", VERDICT_STYLES["later"]),
        (" · " if short else "  ·  ", "dim"),
        left,
    )
