"""The line under the header that says the export has notices, instead of toasts over the card.

Toasts are for what the user just did; what prune found in the export stays put on one quiet
line, shown for the first review of a snapshot, and `!` lists the notices themselves.
"""

from __future__ import annotations

import contextlib
import sqlite3

from textual.content import Content
from textual.widgets import Static

from prune.core.state.store import Store

SHOWN_SETTING = "review.notices_shown_for"
"""The snapshot whose export notices the line has already announced (once each)."""


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

    def announce(
        self, notices: list[str], store: Store, snapshot_id: int, once: bool, key: str
    ) -> None:
        """Say how many `notices` there are, and with `once` only on the snapshot's first review."""
        if not notices or (once and store.setting(SHOWN_SETTING) == str(snapshot_id)):
            return
        self.say(len(notices), key)
        if once:
            with contextlib.suppress(sqlite3.OperationalError):  # a full disk: said again later
                store.set_setting(SHOWN_SETTING, str(snapshot_id))

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
