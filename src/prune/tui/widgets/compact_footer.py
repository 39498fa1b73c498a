"""Textual's compact Footer, without restyling every key each time the keys are shown again.

A compact Footer gives each key its `-compact` class only once the key is mounted, and a class
added to a mounted widget restyles it: with eight keys, recomposed whenever the screen is shown,
that cost more than the rest of opening the list of all contacts. Here each key carries the
class from birth, so mounting it styles it once, exactly as it looks in Textual's compact footer.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

KEY_TYPE = "FooterKey"
"""The type of the footer's keys, which Textual keeps private (`textual.widgets._footer`)."""


class CompactFooter(Footer):
    """`Footer(compact=True)`, cheaper to show."""

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__(compact=True, show_command_palette=show_command_palette)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if type(widget).__name__ == KEY_TYPE:
                widget.add_class("-compact", update=False)
            yield widget
