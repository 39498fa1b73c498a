"""First launch without the user's name: one question, so farewells are signed.

Shown once, when neither the export's Profile.csv nor `[you] first_name` in the settings names
the user. The guess from the messages (the person in most of them) is filled in to accept with
enter; escape skips, and prune does not ask again.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class NameScreen(ModalScreen[str | None]):
    """Returns the first name given, or None when skipped (escape, or enter on nothing)."""

    DEFAULT_CLASSES = "dialog"
    BINDINGS = [Binding("escape", "skip", "Skip", id="name.skip")]

    def __init__(self, suggestion: str | None) -> None:
        super().__init__()
        self.suggestion = suggestion or ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(Content.styled("What is your first name?", "bold"))
            yield Static(
                Content(
                    "Your farewells end with it. The export does not say, so prune asks once "
                    "and keeps it in your settings ([you] first_name)."
                )
            )
            yield Input(value=self.suggestion, placeholder="e.g. Robin", id="first-name")
            yield Static(Content.styled("enter saves · escape skips (not asked again)", "dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_skip(self) -> None:
        self.dismiss(None)
