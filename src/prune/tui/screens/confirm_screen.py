"""A one-line question before a change to many contacts: enter confirms, escape cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmScreen(ModalScreen[bool]):
    """Returns True when the user pressed enter, False for escape."""

    DEFAULT_CLASSES = "dialog"
    BINDINGS = [
        Binding("enter", "answer(True)", "Confirm", id="confirm.yes"),
        Binding("escape", "answer(False)", "Cancel", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(
                Content.assemble(
                    (self.question, "bold"), ("  enter confirms · escape cancels", "dim")
                ),
                id="question",
            )

    def action_answer(self, confirmed: bool) -> None:
        self.dismiss(confirmed)
