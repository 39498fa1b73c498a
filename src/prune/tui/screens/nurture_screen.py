"""`N`: the contacts you kept, least recently in touch first, and who is due a word from you.

Each row shows the tier the answers give (close, known, kept), the last interaction the export
shows, and when the user last reached out. `r` records reaching out today (it resets the
clock), `e` notes what you talked about, `o` opens the profile, `v` shows only those due.
The evidence is read in a thread worker (usually from its cache), so the screen opens at once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker

from prune.core.evidence.cache import load_or_compute
from prune.core.nurture.listing import nurture_list
from prune.core.nurture.tiers import Cadences
from prune.core.state.store import Snapshot, Store
from prune.core.text.control import shown_url
from prune.tui.browsing import open_profile
from prune.tui.screens.note_screen import NoteScreen
from prune.tui.state_writes import saving
from prune.tui.widgets.contact_table import Column, ContactTable
from prune.tui.workers import failure_of, one_line, result_of

COLUMNS = (
    Column("Due", 4),
    Column("Tier", 6),
    Column("Name"),
    Column("Company"),
    Column("In touch", 10),
    Column("Reached out", 11),
)


class NurtureScreen(Screen[None]):
    """The kept contacts of one snapshot, with their tier and when each falls due."""

    DEFAULT_CSS = """
    NurtureScreen #title { height: 1; padding: 0 1; background: $panel; }
    NurtureScreen ContactTable { height: 1fr; }
    NurtureScreen #nurture-detail { height: 3; padding: 0 1; background: $panel; }
    """
    BINDINGS = [
        Binding("r", "reached_out", "Reached out today", id="nurture.reached-out"),
        Binding("e", "note", "Talked about", id="nurture.note"),
        Binding("o", "open_profile", "Open profile", id="nurture.open"),
        Binding("v", "filter", "Due only", id="nurture.filter"),
        Binding("escape", "back", "Back", id="nurture.back"),
    ]

    def __init__(
        self, *, store: Store, snapshot: Snapshot, cadences: Cadences, today: date
    ) -> None:
        super().__init__()
        self.store = store
        self.snapshot = snapshot
        self.cadences = cadences
        self.today = today
        self.evidence: pl.DataFrame | None = None
        self.frame: pl.DataFrame | None = None
        self.due_only = False
        self._evidence_worker: Worker[pl.DataFrame] | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content("Kept contacts: reading the evidence…"), id="title")
        yield ContactTable(COLUMNS, empty_text="Nobody kept yet: keep someone first.")
        yield Static("", id="nurture-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        contacts = self.store.contacts(self.snapshot.id)
        data_dir = self.store.path.parent
        snapshot = self.snapshot

        def read_evidence() -> pl.DataFrame:
            return load_or_compute(data_dir, snapshot, contacts).frame

        self._evidence_worker = self.run_worker(
            read_evidence, thread=True, name="nurture-evidence", exit_on_error=False
        )
        self.query_one(ContactTable).focus()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if (frame := result_of(event, self._evidence_worker)) is not None:
            self.evidence = frame
            self._reload()
        elif (error := failure_of(event, self._evidence_worker)) is not None:
            reason = one_line(error)
            self.query_one("#title", Static).update(
                Content.assemble(
                    ("Keep in touch  ", "bold"), f"the evidence could not be read: {reason}"
                )
            )
            self.notify(f"Keep in touch needs the evidence: {reason}", severity="error")

    def _reload(self, cursor: int | None = None) -> None:
        if self.evidence is None:
            return
        frame = nurture_list(
            self.store, self.snapshot.id, self.evidence, self.cadences, today=self.today
        )
        total, due = frame.height, frame.filter(pl.col("due")).height
        self.frame = frame.filter(pl.col("due")) if self.due_only else frame
        self.query_one(ContactTable).set_rows(_cells(self.frame), cursor=cursor)
        self.query_one("#title", Static).update(
            Content.assemble(
                ("Keep in touch  ", "bold"),
                f"{total:,} kept · {due:,} due now",
                ("   showing ", "dim"),
                ("due only" if self.due_only else "everyone", "bold"),
                ("  v changes", "dim"),
            )
        )
        self._paint_detail()

    def on_contact_table_row_highlighted(self, _message: ContactTable.RowHighlighted) -> None:
        self._paint_detail()

    def _current(self) -> dict[str, Any] | None:
        table = self.query_one(ContactTable)
        if self.frame is None or not table.row_count:
            return None
        return self.frame.row(table.cursor_row, named=True)

    def _paint_detail(self) -> None:
        row = self._current()
        detail = self.query_one("#nurture-detail", Static)
        if row is None:
            detail.update("")
            return
        due = row["due_on"].isoformat() if row["due_on"] else "never (no cadence for this tier)"
        parts: list[Any] = [
            (row["name"] or "(no name)", "bold"),
            "  ",
            shown_url(row["url"]) if row["url"] else "no URL",
        ]
        parts += ["\n", ("due ", "dim"), due]
        if row["talked_about"]:
            parts += ["\n", ("✎ talked about: ", "$accent"), row["talked_about"]]
        detail.update(Content.assemble(*parts))

    def action_reached_out(self) -> None:
        row = self._current()
        if row is None:
            return
        self.store.outreach().reached_out(row["key"], self.today)
        self.notify(f"Reached out to {row['name']} today: the clock starts again.", timeout=3)
        self._reload(cursor=self.query_one(ContactTable).cursor_row)

    def action_note(self) -> None:
        row = self._current()
        if row is None:
            return
        cursor = self.query_one(ContactTable).cursor_row

        def save(note: str | None) -> None:
            if note is not None:
                with saving(self.app, self.store.path):  # the dialog's answer, not a key
                    self.store.outreach().note(row["key"], note)
                    self._reload(cursor=cursor)

        self.app.push_screen(NoteScreen(row["name"] or "this contact", row["talked_about"]), save)

    def action_open_profile(self) -> None:
        row = self._current()
        if row is not None:
            open_profile(self.app, row["name"] or "this contact", row["url"], "below the list")

    def action_filter(self) -> None:
        self.due_only = not self.due_only
        self._reload(cursor=0)

    def action_back(self) -> None:
        self.dismiss(None)


def _cells(frame: pl.DataFrame) -> pl.DataFrame:
    """The table's columns as text; names and companies stay data, never markup."""
    return frame.select(
        pl.when(pl.col("due")).then(pl.lit("due")).otherwise(pl.lit("")),
        "tier",
        "name",
        pl.col("company").fill_null(""),
        pl.col("last_interaction").dt.to_string("%Y-%m-%d").fill_null("never"),
        pl.col("reached_out").dt.to_string("%Y-%m-%d").fill_null(""),
    )
