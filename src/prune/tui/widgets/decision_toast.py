"""The toast after each decision: one at a time, so a fast reviewer never buries the card.

Textual's own toasts stack up when a key is pressed every second; this one line is replaced by
the next decision and hides itself after a moment.
"""

from __future__ import annotations

from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

from prune.tui.verdict_styles import VERDICT_STYLES

_STYLE = VERDICT_STYLES


class DecisionToast(Static):
    """Says what the last key did and that `u` undoes it."""

    DEFAULT_CSS = """
    DecisionToast {
        dock: bottom;
        height: 1;
        width: 1fr;
        padding: 0 2;
        background: $boost;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        display: none;
    }
    """
    SECONDS = 2.5

    def __init__(self) -> None:
        super().__init__(id="decision-toast")
        self._timer: Timer | None = None

    def say(self, text: str, verdict: str | None = None) -> None:
        """Show `text` (the verdict word coloured) until the next decision or for a moment."""
        word, _, rest = text.partition(":")
        content = (
            Content.assemble((word, _STYLE[verdict]), ":" + rest)
            if verdict in _STYLE and rest
            else Content(text)
        )
        self.update(content, layout=False)  # one row as wide as the screen whatever it says
        self.display = True
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(self.SECONDS, self._hide)

    def _hide(self) -> None:
        self.display = False
