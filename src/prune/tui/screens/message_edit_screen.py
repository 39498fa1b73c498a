"""`e` on the Farewells screen: rewrite one person's farewell in your own words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from prune.core.farewell.length import LINKEDIN_MESSAGE_LIMIT, message_length
from prune.tui.styles import screen_styles

if TYPE_CHECKING:  # imported when the editor opens: it takes longer than the whole first card
    from textual.widgets import TextArea


class MessageEditScreen(ModalScreen[str | None]):
    """Returns the new text, "" to go back to the template, or None when cancelled."""

    DEFAULT_CSS = screen_styles("message_edit")

    DEFAULT_CLASSES = "dialog"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="message-edit.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="message-edit.cancel"),
    ]

    def __init__(self, name: str, message: str, *, edited: bool) -> None:
        super().__init__()
        self.contact_name = name
        self.message = message
        self.edited = edited

    def compose(self) -> ComposeResult:
        from textual.widgets import TextArea

        with Vertical(classes="dialog-box"):
            yield Static(Content(f"Farewell to {self.contact_name}"), id="title")
            yield Static(
                Content.styled(
                    "ctrl+s saves, escape cancels. Your wording is kept for this person only.",
                    "dim",
                )
            )
            yield TextArea(self.message, soft_wrap=True, id="text")
            yield Static("", id="count")
            with Horizontal():
                yield Button("Save", variant="primary", id="save", compact=True)
                yield Button(
                    "Back to the template", id="template", compact=True, disabled=not self.edited
                )
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self._count(self.message)
        editor = self._editor()
        editor.move_cursor(editor.document.end)  # most edits add a line or change the close
        editor.focus()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._count(event.text_area.text)

    def _count(self, text: str) -> None:
        length = message_length(text)
        count = self.query_one("#count", Static)
        count.set_class(length > LINKEDIN_MESSAGE_LIMIT, "-too-long")
        note = " (too long for LinkedIn)" if length > LINKEDIN_MESSAGE_LIMIT else ""
        count.update(f"{length:,} of {LINKEDIN_MESSAGE_LIMIT:,} characters{note}")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "template":
            self.dismiss("")
        else:
            self.action_cancel()

    def action_save(self) -> None:
        self.dismiss(self._editor().text)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _editor(self) -> TextArea:
        from textual.widgets import TextArea

        return self.query_one("#text", TextArea)
