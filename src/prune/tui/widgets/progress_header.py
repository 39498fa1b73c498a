"""The always-visible line of progress: reviewed / total, a bar, counts and time left."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import ProgressBar, Static

from prune.core.review.session import Progress
from prune.tui.formatting import duration


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

    def compose(self) -> ComposeResult:
        yield Static("loading…", id="reviewed")
        yield ProgressBar(total=1, show_eta=False, show_percentage=False, id="bar")
        yield Static("", id="counts")

    def show(self, progress: Progress) -> None:
        self.query_one("#reviewed", Static).update(
            f"{progress.reviewed:,} / {progress.total:,} reviewed"
        )
        self.query_one(ProgressBar).update(total=max(progress.total, 1), progress=progress.reviewed)
        self.query_one("#counts", Static).update(
            Content.assemble(
                ("keep ", "dim"),
                (f"{progress.keep:,}", "bold $success"),
                ("  disconnect ", "dim"),
                (f"{progress.disconnect:,}", "bold $error"),
                ("  later ", "dim"),
                (f"{progress.later:,}", "bold $warning"),
                ("  ·  ", "dim"),
                duration(progress.seconds_left),
            )
        )
