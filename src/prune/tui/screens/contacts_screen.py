"""`a`: every contact with its verdict, to look over the review and jump back to anyone.

The list draws only the rows on screen (ContactTable), so it opens as fast with 30,000
contacts as with 30; `enter` shows the highlighted person's card, where any decision can be
changed.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from prune.core.review.session import ReviewSession
from prune.tui.widgets.contact_table import Column, ContactTable

COLUMNS = (
    Column("Verdict", 10),
    Column("Name"),
    Column("Company"),
    Column("Position"),
    Column("Connected", 10),
)
FILTERS: tuple[str | None, ...] = (None, "undecided", "keep", "disconnect", "later")


class ContactsScreen(Screen[str | None]):
    """Returns the key of the contact to show in the review, or None."""

    NAME = "contacts"

    BINDINGS = [
        Binding("enter", "show", "Show card", id="contacts.show"),
        Binding("v", "filter", "Filter", id="contacts.filter"),
        Binding("escape", "back", "Back", id="contacts.back"),
    ]

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session
        self.filter_index = 0
        self.keys: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="title")
        yield ContactTable(COLUMNS, empty_text="No contact with this verdict.", id="contacts")
        yield Footer(compact=True)

    def on_screen_resume(self) -> None:
        """Every time the list is shown (it is kept between visits): fresh verdicts."""
        self._show()
        self.query_one(ContactTable).focus()

    def _show(self) -> None:
        which = FILTERS[self.filter_index]
        frame = self.session.listing(which)
        self.keys = frame["key"].to_list()
        self.query_one(ContactTable).set_rows(frame.drop("key"), cursor=0)
        progress = self.session.progress()
        self.query_one("#title", Static).update(
            Content.assemble(
                ("All contacts  ", "bold"),
                f"{progress.total:,}: keep {progress.keep:,} · disconnect "
                f"{progress.disconnect:,} · later {progress.later:,} · undecided "
                f"{progress.undecided:,}",
                ("   showing ", "dim"),
                (which or "all", "bold"),
                (f" ({frame.height:,})  v changes", "dim"),
            )
        )

    def action_filter(self) -> None:
        self.filter_index = (self.filter_index + 1) % len(FILTERS)
        self._show()

    def action_show(self) -> None:
        table = self.query_one(ContactTable)
        if table.row_count:
            self.dismiss(self.keys[table.cursor_row])

    def action_back(self) -> None:
        self.dismiss(None)
