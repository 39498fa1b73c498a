"""A yes/no question before a step that is hard to take back: many contacts at once, or a
verdict that contradicts what the user already did outside prune (a farewell sent)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from prune.tui.styles import screen_styles


def farewell_gone_question(name: str, status: str) -> str | None:
    """What to ask before changing the verdict of someone whose farewell already went out."""
    if status == "sent":
        return f"You already sent {name} a farewell. Change your decision anyway?"
    if status == "removed":
        return f"You already marked {name} removed. Change your decision anyway?"
    return None


class ConfirmScreen(ModalScreen[bool]):
    """Returns True for enter or `y`, False for escape or `n`. The question is plain text."""

    DEFAULT_CSS = screen_styles("confirm")

    DEFAULT_CLASSES = "dialog"
    BINDINGS = [
        Binding("enter,y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("escape,n", "answer(False)", "No", id="confirm.no"),
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

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
