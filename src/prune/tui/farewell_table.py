"""The Farewells list as the table draws it: a status, a name, a company and the wording.

The table asks only for the rows on screen, so the cells of thousands of farewells are built a
screenful at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import overload

from textual.content import Content

from prune.core.farewell.followthrough import FarewellRow
from prune.tui.widgets.contact_table import Cell, Column

STATUS_STYLES = {
    "drafted": "$text-muted",
    "copied": "$text-warning",
    "sent": "$text-primary",
    "removed": "$text-success",
    "no message needed": "$text-secondary",
}
# The status column fits "not needed", the table's short word for "no message needed".
STATUS_LABELS = {"no message needed": "not needed"}
COLUMNS = (Column("Status", 10), Column("Name"), Column("Company"), Column("Message", 8))


class FarewellTableRows(Sequence[tuple[Cell, ...]]):
    """The table's view of the farewells: cells are built only for the rows drawn."""

    def __init__(self, rows: list[FarewellRow]) -> None:
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> tuple[Cell, ...]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[Cell, ...]]: ...
    def __getitem__(self, index: int | slice) -> tuple[Cell, ...] | list[tuple[Cell, ...]]:
        if isinstance(index, slice):
            return [farewell_cells(row) for row in self._rows[index]]
        return farewell_cells(self._rows[index])


def farewell_cells(row: FarewellRow) -> tuple[Cell, ...]:
    """One row: its status in colour, the name, the company, and the tone or why it differs."""
    if row.refusal:
        wording = Content.styled("too long", "bold $warning")
    elif row.edited:
        wording = Content.styled("edited", "italic")
    elif row.no_message:
        wording = Content.styled("none", "dim")
    else:
        wording = Content(row.tone)
    return (
        Content.styled(STATUS_LABELS.get(row.status, row.status), STATUS_STYLES[row.status]),
        row.name,
        row.company or "",
        wording,
    )
