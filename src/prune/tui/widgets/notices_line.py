"""The line under the header that says the export has notices, instead of toasts over the card.

Toasts are for what the user just did; what prune found in the export stays put on one quiet
line, shown for the first review of a snapshot, and `!` lists the notices themselves.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class NoticesLine(Static):
    """`3 notices about this export · ! shows them`; hidden while there is nothing to say."""

    DEFAULT_CSS = """
    NoticesLine {
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $panel;
        color: $text-warning;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        display: none;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="notices-line")

    def say(self, count: int, key: str) -> None:
        """Show how many notices there are and the key (as now mapped) that lists them."""
        noun = "notice" if count == 1 else "notices"
        opens = f"  ·  {key} shows {'it' if count == 1 else 'them'}" if key else ""
        self.update(
            Content.assemble(
                ("! ", "bold $warning"), f"{count} {noun} about this export", (opens, "dim")
            )
        )
        self.display = count > 0

    def hide(self) -> None:
        self.display = False
