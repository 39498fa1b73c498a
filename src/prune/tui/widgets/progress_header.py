"""The always-visible line of progress: reviewed / total, a bar, counts and time left.

When the line is narrow the labels shorten first (`disc`, `~2 min`), then the bar goes, so
the counts and the time left are never cut in the middle of a word.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import ProgressBar, Static

from prune.core.review.session import Progress
from prune.tui.formatting import duration, short_duration
from prune.tui.verdict_styles import VERDICT_STYLES

BAR_WIDTH = 18
_PADDING = 2


class ProgressHeader(Horizontal):
    """Shows where the user is in the review; updated after every decision."""

    DEFAULT_CSS = """
    ProgressHeader {
        height: 1;
        dock: top;
        background: $panel;
        padding: 0 1;
    }
    ProgressHeader > #reviewed { width: auto; padding-right: 1; text-style: bold; }
    ProgressHeader > ProgressBar { width: 18; }
    ProgressHeader > ProgressBar > Bar { width: 16; }
    ProgressHeader > #counts {
        width: 1fr;
        padding-left: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._progress: Progress | None = None
        self._shown_width = 0

    def compose(self) -> ComposeResult:
        yield Static("loading…", id="reviewed")
        yield ProgressBar(total=1, show_eta=False, show_percentage=False, id="bar")
        yield Static("", id="counts")

    def show(self, progress: Progress) -> None:
        if progress == self._progress and self._shown_width == self.size.width:
            return  # nothing to repaint: a key press that changed no count
        self._progress = progress
        self._shown_width = self.size.width
        reviewed = f"{progress.reviewed:,} / {progress.total:,} reviewed"
        _repaint(self.query_one("#reviewed", Static), reviewed)
        self.query_one(ProgressBar).update(total=max(progress.total, 1), progress=progress.reviewed)
        self._fit(reviewed)

    def on_resize(self, _: events.Resize) -> None:
        if self._progress is not None:
            self.show(self._progress)

    def _fit(self, reviewed: str) -> None:
        """The longest wording that fits beside the reviewed count, with the bar if it can."""
        assert self._progress is not None
        room = self.size.width - _PADDING - len(reviewed) - 2  # the gaps either side
        full, short = counts(self._progress, short=False), counts(self._progress, short=True)
        bar = self.query_one(ProgressBar)
        if room - BAR_WIDTH >= full.cell_length or room - BAR_WIDTH >= short.cell_length:
            bar.display = True
            shown = full if room - BAR_WIDTH >= full.cell_length else short
        else:
            bar.display = False
            shown = full if room >= full.cell_length else short
        _repaint(self.query_one("#counts", Static), shown)


def _repaint(line: Static, content: Content | str) -> None:
    """Update one part of the line only when it changed, and lay the screen out again only
    when its width did: `#reviewed` is as wide as its text, `#counts` takes what is left.

    A full layout of the review screen costs more than the rest of a key press together.
    """
    text = content if isinstance(content, Content) else Content(content)
    shown = line.content
    if isinstance(shown, Content) and shown.is_same(text):
        return
    resized = not isinstance(shown, Content) or shown.cell_length != text.cell_length
    line.update(text, layout=resized and line.id == "reviewed")


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
