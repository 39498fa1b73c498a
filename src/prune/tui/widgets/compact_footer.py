"""Textual's compact Footer, without restyling every key each time the keys are shown again.

A compact Footer gives each key its `-compact` class only once the key is mounted, and a class
added to a mounted widget restyles it: with eight keys, recomposed whenever the screen is shown,
that cost more than the rest of opening the list of all contacts. Here each key carries the
class from birth, so mounting it styles it once, exactly as it looks in Textual's compact footer.
Nor are the keys recomposed when the screen announces bindings that would show the same keys.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

KEY_TYPE = "FooterKey"
"""The type of the footer's keys, which Textual keeps private (`textual.widgets._footer`)."""


class CompactFooter(Footer):
    """`Footer(compact=True)`, cheaper to show."""

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__(compact=True, show_command_palette=show_command_palette)
        self._shown: tuple[object, ...] | None = None  # what the keys were composed from
        self._announced = False  # Footer composes its keys only once bindings were announced

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Recompose only when the keys shown would differ: a screen shown again (the list of
        all contacts, kept between visits) announces its bindings several times, unchanged."""
        if self._shown is not None and screen is self.screen and self._shown == _shown(screen):
            return
        self._announced = True
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        if self._announced and self.is_attached:
            self._shown = _shown(self.screen)
        for widget in super().compose():
            if type(widget).__name__ == KEY_TYPE:
                widget.add_class("-compact", update=False)
            yield widget


def _shown(screen: Screen[Any]) -> tuple[object, ...]:
    """Everything of the screen's active bindings that the footer's keys are built from."""
    app = screen.app
    return tuple(
        (
            binding.key,
            app.get_key_display(binding),
            binding.description,
            binding.action,
            binding.show,
            binding.group,
            enabled,
            tooltip,
        )
        for _, binding, enabled, tooltip in screen.active_bindings.values()
    )
