"""`a`: the workbench, every contact with its verdict, filtered by a query and decided in batches.

The list draws only the rows on screen (ContactTable), so it opens as fast with 30,000
contacts as with 30. `/` focuses the filter box (core.review.query, evaluated as you type);
`space` selects a row, `*` every row shown; `k` / `x` / `l` decide the selection (or the
highlighted row) as one batch, asking first when it is more than one; `u` undoes the batch.
`enter` shows the highlighted person's card, where any decision can be changed.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from prune.core.model import Verdict
from prune.core.review.listing import NO_VERDICT
from prune.core.review.query import QueryError, query_expression, query_frame, with_verdicts
from prune.core.review.session import ReviewSession
from prune.tui.screens.confirm_screen import ConfirmScreen
from prune.tui.widgets.contact_table import Column, ContactTable
from prune.tui.widgets.query_box import QueryBox

COLUMNS = (
    Column("Verdict", 10),
    Column("Name"),
    Column("Company"),
    Column("Position"),
    Column("Connected", 10),
)
FILTERS: tuple[str | None, ...] = (None, "undecided", "keep", "disconnect", "later")
VERDICT_WORDS: dict[Verdict, str] = {"keep": "Keep", "disconnect": "Disconnect", "later": "Later"}
EvidenceSource = Callable[[], pl.DataFrame | None]
"""The archive's evidence frame once it has been read (None before, or without an archive)."""


class ContactsScreen(Screen[str | None]):
    """Returns the key of the contact to show in the review, or None."""

    NAME = "contacts"
    DEFAULT_CSS = """
    ContactsScreen #query { height: 1; border: none; padding: 0 1; }
    ContactsScreen #query-error { color: $error; height: auto; padding: 0 1; }
    """

    BINDINGS = [
        Binding("enter", "show", "Show card", id="contacts.show"),
        Binding("slash", "focus_query", "Query", id="contacts.query"),
        Binding("space", "toggle_row", "Select", id="contacts.toggle", show=False),
        Binding(
            "asterisk",
            "select_all",
            "Select all shown",
            key_display="*",
            id="contacts.select-all",
            show=False,
        ),
        Binding(
            "k",
            "decide('keep')",
            "Keep the selection (or this row)",
            id="contacts.keep",
            show=False,
        ),
        Binding(
            "x,d",
            "decide('disconnect')",
            "Disconnect the selection",
            id="contacts.disconnect",
            show=False,
        ),
        Binding("l", "decide('later')", "Later: the selection", id="contacts.later", show=False),
        Binding("u", "undo", "Undo the last decision or batch", id="contacts.undo", show=False),
        Binding("v", "filter", "Filter", id="contacts.filter"),
        Binding("escape", "back", "Back", id="contacts.back"),
    ]

    def __init__(self, session: ReviewSession, evidence: EvidenceSource | None = None) -> None:
        super().__init__()
        self.session = session
        self.evidence = evidence
        self.filter_index = 0
        self.keys: list[str] = []
        self.selected: set[str] = set()
        self.query_text = ""
        self._frame: pl.DataFrame | None = None
        self._frame_evidence: pl.DataFrame | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="title")
        yield QueryBox(
            placeholder=(
                '/ filters: acme  company:"Acme, Inc."  connected:<2015  -verdict:keep'
                "  ·  space selects  * all shown  k x l decide  u undoes"
            ),
            id="query",
        )
        yield Static("", id="query-error")
        yield ContactTable(COLUMNS, empty_text="No contact matches.", id="contacts")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#query-error").display = False

    def on_screen_resume(self) -> None:
        """Every time the list is shown (it is kept between visits): fresh verdicts."""
        self._show()
        self.query_one(ContactTable).focus()

    # -- what is shown ----------------------------------------------------------------------------

    def _query_frame(self) -> pl.DataFrame:
        """Built once, and again when the archive's evidence arrives."""
        evidence = self.evidence() if self.evidence is not None else None
        if self._frame is None or evidence is not self._frame_evidence:
            self._frame = query_frame(self.session.contacts, evidence)
            self._frame_evidence = evidence
        return self._frame

    def _matching(self, frame: pl.DataFrame) -> pl.DataFrame:
        """The rows the query matches; a bad query shows its one line and keeps the rows."""
        error = self.query_one("#query-error", Static)
        try:
            expression = query_expression(self.query_text)
        except QueryError as refused:
            error.update(Content(str(refused)))
            error.display = True
            return frame
        error.display = False
        if not self.query_text.strip():
            return frame
        verdicts = frame.select(
            "key",
            pl.when(pl.col("verdict") == NO_VERDICT)
            .then(None)
            .otherwise("verdict")
            .alias("verdict"),
        )
        matched = with_verdicts(self._query_frame(), verdicts).filter(expression)["key"]
        return frame.filter(pl.col("key").is_in(matched.implode()))

    def _show(self, *, cursor: int | None = 0) -> None:
        which = FILTERS[self.filter_index]
        frame = self._matching(self.session.listing(which))
        self.keys = frame["key"].to_list()
        self.selected &= set(self.keys)  # never act on a row the user cannot see
        table = self.query_one(ContactTable)
        table.set_rows(frame.drop("key"), cursor=cursor)
        self._mark()
        self._title(which)

    def _mark(self) -> None:
        rows = [index for index, key in enumerate(self.keys) if key in self.selected]
        self.query_one(ContactTable).set_marked(rows)

    def _title(self, which: str | None) -> None:
        progress = self.session.progress()
        shown = len(self.keys)
        self.query_one("#title", Static).update(
            Content.assemble(
                ("All contacts  ", "bold"),
                (f"{len(self.selected):,} selected of {shown:,} shown", "bold"),
                ("  verdict ", "dim"),
                (which or "all", "bold"),
                (" (v)   ", "dim"),
                f"keep {progress.keep:,} · disconnect {progress.disconnect:,} · later "
                f"{progress.later:,} · undecided {progress.undecided:,} of {progress.total:,}",
            )
        )

    # -- the filter box ---------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._show()

    def on_query_box_done(self, _: QueryBox.Done) -> None:
        self.query_one(ContactTable).focus()

    def action_focus_query(self) -> None:
        self.query_one(QueryBox).focus()

    def action_filter(self) -> None:
        self.filter_index = (self.filter_index + 1) % len(FILTERS)
        self._show()

    # -- selecting and deciding -------------------------------------------------------------------

    def action_toggle_row(self) -> None:
        table = self.query_one(ContactTable)
        if not table.row_count:
            return
        key = self.keys[table.cursor_row]
        self.selected ^= {key}
        self._mark()
        self._title(FILTERS[self.filter_index])
        table.action_move(1)

    def action_select_all(self) -> None:
        """Every row shown; pressed again with all of them selected, clears the selection."""
        everyone = set(self.keys)
        self.selected = set() if everyone and self.selected == everyone else everyone
        self._mark()
        self._title(FILTERS[self.filter_index])

    def _targets(self) -> list[str]:
        if self.selected:
            return [key for key in self.keys if key in self.selected]
        table = self.query_one(ContactTable)
        return [self.keys[table.cursor_row]] if table.row_count else []

    def action_decide(self, verdict: Verdict) -> None:
        targets = self._targets()
        if len(targets) == 1:
            self._decide(targets, verdict)
        elif targets:
            question = f"{VERDICT_WORDS[verdict]} {len(targets):,} contacts?"

            def answered(confirmed: bool | None) -> None:
                if confirmed:
                    self._decide(targets, verdict)

            self.app.push_screen(ConfirmScreen(question), answered)

    def _decide(self, keys: list[str], verdict: Verdict) -> None:
        self.session.decide_many(keys, verdict)
        self.selected.clear()
        cursor = self.query_one(ContactTable).cursor_row
        self._show(cursor=cursor)
        count = f"{len(keys):,} contacts" if len(keys) > 1 else "1 contact"
        self.notify(f"{VERDICT_WORDS[verdict]}: {count}. u undoes.", timeout=3)

    def action_undo(self) -> None:
        outcome = self.session.undo()
        if outcome is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        cursor = self.query_one(ContactTable).cursor_row
        self._show(cursor=cursor)
        if outcome.contacts > 1:
            self.notify(f"Undone: {outcome.contacts:,} contacts back as they were.", timeout=3)
        else:
            self.notify(f"Undone: back to {outcome.name}.", timeout=3, markup=False)

    # -- leaving ----------------------------------------------------------------------------------

    def action_show(self) -> None:
        table = self.query_one(ContactTable)
        if table.row_count:
            self.dismiss(self.keys[table.cursor_row])

    def action_back(self) -> None:
        self.dismiss(None)
