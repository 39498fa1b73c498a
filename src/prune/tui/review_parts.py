"""The review's parts that come and go: the panel beside the card, the toast, the notices line.

Most screens never show them (the panel needs 140 columns; the toast waits for a decision, the
line for a notice). Composed at the start, each cost the first card widgets to build and style
that nobody saw; they are mounted the first time they are needed instead.
"""

from __future__ import annotations

from typing import TypeVar

from textual.widget import Widget

from prune.tui.widgets.card_side import CardSide
from prune.tui.widgets.contact_card import ContactCard

W = TypeVar("W", bound=Widget)

SIDE_FROM = 140
"""From this many columns the evidence (or the farewell) stands beside the card."""


def existing(node: Widget, kind: type[W]) -> W | None:
    """The `kind` widget under `node`, or None when it was never needed (so never mounted)."""
    return next(iter(node.query(kind)), None)


def on_demand(parent: Widget, kind: type[W], *, before: str | None = None) -> W:
    """The `kind` widget under `parent`, made (with no arguments) and mounted if not there yet.

    Mounting registers the widget at once, so it can be updated and found right away.
    """
    found = existing(parent, kind)
    if found is None:
        found = kind()
        parent.mount(found, before=before)
    return found


def size_card_row(row: Widget, width: int) -> None:
    """The card 110 columns at most, centred; from SIDE_FROM columns the panel beside it."""
    room = width - 4  # the body's padding and the gap between card and panel
    side = min(72, max(36, room - 110)) if width >= SIDE_FROM else 0
    if side or existing(row, CardSide):
        on_demand(row, CardSide).styles.width = side or None
    row.query_one(ContactCard).styles.width = min(110, room - side if side else width - 2)
