"""The workbench's filter box: a query typed here filters the list as the user types.

`enter` or `down` hands the keys back to the list with the filter kept; `escape` clears it
(and, once empty, goes back to the list too); `ctrl+s` asks to save the query under a name.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Input

# The box's hint, longest first: the longest that fits the box is shown.
QUERY_HINTS = (
    '/ filters: acme  company:"Acme, Inc."  connected:<2015  -verdict:keep'
    "  ·  space selects  * all shown  k x l decide  u undoes",
    "/ filters: company:acme  connected:<2015  -verdict:keep"
    "  ·  space selects  * all  k x l decide  u undoes",
    "/ filter: company:acme  ·  space selects  * all  k x l decide  u undoes",
    "/ filter  ·  space selects  * all  k x l decide  u undoes",
)


class QueryBox(Input):
    """An Input that says when the user is done with it (Done) or wants it saved (SaveAsked)."""

    BINDINGS = [
        Binding("down", "done", "Back to the list", show=False, id="query-box.down"),
        Binding("escape", "clear_or_leave", "Clear the filter", id="query-box.clear"),
        Binding("ctrl+s", "save", "Save the filter", id="query-box.save"),
    ]

    def __init__(self, hints: Sequence[str] = QUERY_HINTS, *, id: str | None = None) -> None:
        """`hints` are the placeholder's wordings, longest first: the longest that fits the
        box is shown, so a narrow terminal still shows the keys at the end of the hint."""
        super().__init__(placeholder=hints[0], id=id)
        self._hints = tuple(hints)

    def on_resize(self, event: events.Resize) -> None:
        room = event.size.width - 2  # the cursor's cell and a cell to spare
        fitting = (hint for hint in self._hints if Content(hint).cell_length <= room)
        self.placeholder = next(fitting, self._hints[-1])

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
