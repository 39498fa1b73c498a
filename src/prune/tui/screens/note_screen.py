"""`e`: a one-line note on the contact (why you kept them, where you met)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from prune.tui.styles import screen_styles


class NoteScreen(ModalScreen[str | None]):
    """Returns the new note (empty clears it), or None when cancelled."""

    DEFAULT_CSS = screen_styles("note")

    DEFAULT_CLASSES = "dialog"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note.cancel")]

    def __init__(self, name: str, note: str | None) -> None:
        super().__init__()
        self.contact_name = name
        self.note = note or ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(Content(f"Note on {self.contact_name}: enter saves, escape cancels"))
            yield Input(value=self.note, placeholder="e.g. met at the 2019 meetup", id="note")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


def edit_note(app: App[object], name: str, note: str | None, save: Callable[[str], None]) -> None:
    """Ask for `name`'s note; `save` gets the new text (empty clears it) and a toast says which."""

    def saved(text: str | None) -> None:
        if text is not None:
            save(text)
            app.notify("Note saved." if text.strip() else "Note cleared.", timeout=2)

    app.push_screen(NoteScreen(name, note), saved)
