"""`?` / F1: every key, as currently mapped, screen by screen, and the rule in force."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from prune.tui.styles import screen_styles
from prune.tui.widgets.key_rows import KeyRows


class HelpScreen(ModalScreen[None]):
    """A scrollable sheet of keys; any of escape, q, ? or F1 closes it.

    Opened on a screen with a section of its own (`start_at`, its heading), the sheet opens
    scrolled to that section: the keys of the screen in front come first, the rest above it.
    """

    DEFAULT_CSS = screen_styles("help")

    DEFAULT_CLASSES = "dialog"
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close"),
    ]

    def __init__(
        self,
        rows: list[tuple[str, str]],
        rule_text: str,
        order_text: str,
        *,
        start_at: str | None = None,
    ) -> None:
        super().__init__()
        self.rows = rows
        self.rule_text = rule_text
        self.order_text = order_text
        self.start_at = start_at
        self._headings: dict[str, Static] = {}

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box"):
            yield Static("prune: keys", classes="title")
            width = max((len(key) for key, _ in self.rows), default=4) + 2
            section: list[tuple[str, str]] = []
            for key, description in self.rows:
                if not key:  # a heading: the keys below belong to another screen
                    yield KeyRows(section, width)
                    heading = Static(Content(description), classes="title")
                    self._headings[description] = heading
                    yield heading
                    section = []
                    continue
                section.append((key, description))
            yield KeyRows(section, width)
            yield Static("How answers decide", classes="title")
            yield Static(
                Content.assemble(
                    ("Rule: ", "bold"),
                    self.rule_text,
                    ". Not sure (m) counts as no. Once the answers settle it, the rest are "
                    "skipped and the next contact shows; u undoes.\n",
                    ("Order: ", "bold"),
                    self.order_text,
                    ". Change rule and order in the command palette (ctrl+p).\n",
                    "Every decision is saved at once: quit any time and run prune again to resume.",
                )
            )
            yield Static(Content.styled("escape closes this help", "dim"))

    def on_mount(self) -> None:
        if self.start_at is None:
            return
        for text, heading in self._headings.items():
            if text.startswith(self.start_at):
                box = self.query_one(VerticalScroll)
                box.call_after_refresh(box.scroll_to_widget, heading, top=True, animate=False)
                return
