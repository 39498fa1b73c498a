"""`!`: every notice about the export under review, the ones the notices line counts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from prune.tui.styles import screen_styles


class NoticesScreen(ModalScreen[None]):
    """A read-only list; escape, q or ! closes it. Notices are data: shown as plain text."""

    DEFAULT_CSS = screen_styles("notices")

    DEFAULT_CLASSES = "dialog"
    BINDINGS = [Binding("escape,q,exclamation_mark", "dismiss", "Close", id="notices.close")]

    def __init__(self, notices: list[str]) -> None:
        super().__init__()
        self.notices = notices

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box"):
            yield Static("About this export", id="title")
            if not self.notices:
                yield Static(
                    Content.styled("Nothing to report: the export read cleanly.", "italic")
                )
            for notice in self.notices:
                yield Static(Content.assemble(("• ", "$warning"), notice), classes="notice")
            yield Static(Content.styled("escape closes", "dim"), id="closing")
