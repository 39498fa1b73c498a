"""A yes/no question before a step that contradicts what the user already did outside prune."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


def farewell_gone_question(name: str, status: str) -> str | None:
    """What to ask before changing the verdict of someone whose farewell already went out."""
    if status == "sent":
        return f"You already sent {name} a farewell. Change your decision anyway?"
    if status == "removed":
        return f"You already marked {name} removed. Change your decision anyway?"
    return None


class ConfirmScreen(ModalScreen[bool]):
    """Returns True for `y` or enter, False for `n` or escape. The question is plain text."""

    DEFAULT_CLASSES = "dialog"
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(Content(self.question), id="question")
            yield Static(Content.styled("y or enter: yes · n or escape: no", "dim"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
