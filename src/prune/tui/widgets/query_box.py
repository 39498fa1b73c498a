"""The workbench's filter box: a query typed here filters the list as the user types.

`enter` or `down` hands the keys back to the list with the filter kept; `escape` clears it
(and, once empty, goes back to the list too); `ctrl+s` asks to save the query under a name.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class QueryBox(Input):
    """An Input that says when the user is done with it (Done) or wants it saved (SaveAsked)."""

    BINDINGS = [
        Binding("down", "done", "Back to the list", show=False, id="query-box.down"),
        Binding("escape", "clear_or_leave", "Clear the filter", id="query-box.clear"),
        Binding("ctrl+s", "save", "Save the filter", id="query-box.save"),
    ]

    class Done(Message):
        """The user left the box (enter, down, or escape on an empty box)."""

    class SaveAsked(Message):
        """The user wants the query in the box saved under a name (ctrl+s)."""

    def action_save(self) -> None:
        self.post_message(self.SaveAsked())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done())

    def action_done(self) -> None:
        self.post_message(self.Done())

    def action_clear_or_leave(self) -> None:
        if self.value:
            self.value = ""
        else:
            self.post_message(self.Done())
