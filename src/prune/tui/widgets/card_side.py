"""The panel beside the card on a wide screen: the farewell of a disconnect, or the evidence.

From about 140 columns the card would otherwise sit in a sea of blank cells; this panel uses
them for what the user reads next: the message to copy, or every fact the archive gave.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from prune.core.review.session import ContactView
from prune.core.state.store import Farewell
from prune.tui.card_farewell import farewell_body, farewell_heading
from prune.tui.live_keys import KeyNames

if TYPE_CHECKING:
    from prune.core.evidence.collect import Evidence


class CardSide(VerticalScroll):
    """Hidden (class `-hidden`) on a narrow screen; text is data, never markup."""

    def __init__(self) -> None:
        super().__init__(id="side", classes="-hidden")
        # Kept, not queried: the panel is mounted the moment it is first shown (`review_parts`),
        # before its compose has run.
        self._title, self._text = Static("", id="side-title"), Static("", id="side-text")

    def compose(self) -> ComposeResult:
        yield self._title
        yield self._text

    def show(
        self,
        view: ContactView,
        farewell: tuple[str, Farewell] | None,
        evidence: Evidence | None,
        evidence_note: str,
        keys: KeyNames,
    ) -> None:
        title, text = self._title, self._text
        if farewell is not None:
            title.update(farewell_heading(farewell[1], keys))
            text.update(farewell_body(farewell[0], farewell[1], view, keys))
            return
        title.update(Content.styled("What the archive says", "bold"))
        if evidence is None:
            text.update(Content.styled(evidence_note, "dim"))
            return
        from prune.core.evidence.details import details  # once the evidence has arrived

        facts = details(evidence, view.key)
        text.update(Content("\n").join(Content.assemble(("• ", "$accent"), f) for f in facts))
