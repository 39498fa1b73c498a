"""Shown when every contact has a keep or disconnect: the counts, and what to do next."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from prune.core.review.session import Progress
from prune.tui.styles import screen_styles
from prune.tui.verdict_styles import VERDICT_STYLES

NEXT_STEPS = (
    "1. Send each person you disconnect a farewell first: once removed, LinkedIn no longer "
    "lets you message them. Press f for the Farewells screen: copy each message with c, then "
    "mark it sent (s) and removed (r).",
    "2. Press ctrl+e to export the list to work from, for example as a Markdown checklist "
    "(or run `prune export --list disconnect --format md`).",
    "3. Remove the connections yourself on linkedin.com, one at a time.",
)


SHOW_CONTACTS = "contacts"
"""What the summary returns when the user asks for the list of all contacts."""


class SummaryScreen(Screen[str | None]):
    """The end of the review; `u` goes back to the last contact decided, `a` to the list."""

    DEFAULT_CSS = screen_styles("summary")

    BINDINGS = [
        Binding("u", "back", "Undo last", id="summary.undo"),
        Binding("a", "contacts", "All contacts", id="summary.contacts"),
    ]

    def __init__(self, progress: Progress) -> None:
        super().__init__()
        self.progress = progress

    def compose(self) -> ComposeResult:
        progress = self.progress
        with Vertical():
            yield Static(f"Review finished: {progress.total:,} connections decided", id="title")
            yield Static(
                Content.assemble(
                    ("keep ", "dim"),
                    (f"{progress.keep:,}", VERDICT_STYLES["keep"]),
                    ("    disconnect ", "dim"),
                    (f"{progress.disconnect:,}", VERDICT_STYLES["disconnect"]),
                )
            )
            yield Static("What next", classes="heading")
            for step in NEXT_STEPS:
                yield Static(step, classes="step")
            yield Static(
                "Everything is saved. Import next month's export to carry your decisions "
                "over and see who left in between.",
                classes="closing",
            )
        yield Footer(compact=True)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_contacts(self) -> None:
        self.dismiss(SHOW_CONTACTS)
