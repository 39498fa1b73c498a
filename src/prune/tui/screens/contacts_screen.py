"""`a`: the workbench, every contact with its verdict, filtered by a query and decided in batches.

The list draws only the rows on screen (ContactTable), so it opens as fast with 30,000
contacts as with 30. `/` focuses the filter box (core.review.query, evaluated as you type);
`space` selects a row, `*` every row shown; `k` / `x` / `l` decide the selection (or the
highlighted row) as one batch, asking first when it is more than one; `u` undoes the batch.
`enter` shows the highlighted person's card, where any decision can be changed; deciding it
there comes back here. `ctrl+s` in the box saves the query in the config's `[filters]`.

Past connections (core.review.past_listing) are listed only when the query asks for them
(`status:past`), greyed, with the day they were gone since; they cannot be decided.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static

from prune.core.model import Verdict
from prune.core.review.listing import NO_VERDICT
from prune.core.review.past_listing import GONE, PastListing
from prune.core.review.query import (
    QueryError,
    asks_for_past,
    folded_text,
    query_expression,
    query_frame,
)
from prune.core.review.session import ReviewSession
from prune.tui import loading
from prune.tui.context import AppContext
from prune.tui.live_keys import KeyNames
from prune.tui.screens.confirm_screen import ConfirmScreen
from prune.tui.screens.save_filter_screen import SaveFilterScreen
from prune.tui.state_writes import saving
from prune.tui.styles import screen_styles
from prune.tui.verdict_styles import VERDICT_STYLES
from prune.tui.widgets.compact_footer import CompactFooter
from prune.tui.widgets.contact_table import Cell, Column, ContactTable
from prune.tui.widgets.query_box import QueryBox

COLUMNS = (
    Column("Verdict", 10),
    Column("Name"),
    Column("Company"),
    Column("Position"),
    Column("Connected", 11),  # "2024-03-07" and the sort's arrow
)
PAST_COLUMNS = (*COLUMNS, Column("Gone since", 11))
PAST_STYLE = "dim"  # an attribute, not a colour: greyed in every theme
PAST_REFUSAL = "Past connections cannot be decided: they are no longer connected."
FILTERS: tuple[str | None, ...] = (None, "undecided", "keep", "disconnect", "later")
SORTS = ("name", "company", "position", "connected", "verdict")
"""The columns `s` sorts by, in turn; the list comes sorted by name (last, then first)."""
_KEPT_MATCHES = 64  # queries whose matches are kept while the rows they filtered stay the same
_SORTED_COLUMN = {"verdict": 0, "name": 1, "company": 2, "position": 3, "connected": 4}
VERDICT_WORDS: dict[Verdict, str] = {"keep": "Keep", "disconnect": "Disconnect", "later": "Later"}
EvidenceSource = Callable[[], pl.DataFrame | None]
"""The archive's evidence frame once it has been read (None before, or without an archive)."""


class ContactsScreen(Screen[str | None]):
    """Returns the key of the contact to show in the review, or None."""

    NAME = "contacts"
    DEFAULT_CSS = screen_styles("contacts")

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
        Binding("s", "sort", "Sort by the next column", id="contacts.sort", show=False),
        Binding("S", "reverse", "Reverse the sort", id="contacts.reverse", show=False),
        Binding("escape", "back", "Back", id="contacts.back"),
    ]

    def __init__(
        self, context: AppContext, session: ReviewSession, evidence: EvidenceSource | None = None
    ) -> None:
        super().__init__()
        self.context = context
        self.session = session
        self.evidence = evidence
        self.filter_index = 0
        self.sort_index = 0
        self.descending = False
        self.keys = pl.Series("key", [], dtype=pl.String)  # the rows shown, in order
        self._rows: pl.DataFrame | None = None
        self._searchable: pl.DataFrame | None = None
        self.selected: set[str] = set()
        self.query_text = ""
        self._text: pl.DataFrame | None = None
        self._frame: pl.DataFrame | None = None
        self._frame_evidence: pl.DataFrame | None = None
        self._wanted_query: str | None = None  # handed over while away: applied when shown
        self.past: PastListing | None = None  # read when the list is first shown
        self._past_rows: pl.DataFrame | None = None
        self._matches: dict[str, pl.DataFrame] = {}  # query -> its matches among `_matches_of`
        self._matches_of: pl.DataFrame | None = None
        self.showing_past = False
        self._left_on: str | None = None  # the contact under the cursor when the list was left
        self._naming = False  # the save-filter dialog is open over the list

    def compose(self) -> ComposeResult:
        yield Static("", id="title")
        yield QueryBox(id="query")
        yield Static("", id="query-error")
        yield ContactTable(
            COLUMNS, empty_text="No contact matches.", painter=painted, id="contacts"
        )
        yield CompactFooter()

    def on_mount(self) -> None:
        self.query_one("#query-error").display = False
        self.past = loading.past_listing(self.context, self.session)  # read ahead, on a worker
        box = self.query_one(QueryBox)
        with box.prevent(Input.Changed):
            box.value = self.query_text  # a query given before the screen was first shown

    def on_screen_resume(self) -> None:
        """Every time the list is shown (it is kept between visits): fresh verdicts, the cursor
        on the contact it was on (or, if they no longer match, on the row that took their place).
        A query handed over meanwhile (the overview, a saved filter) replaces the box's."""
        keep = self._left_on
        if self._wanted_query is not None:
            self.query_text, self._wanted_query = self._wanted_query, None
            self.filter_index = 0  # every verdict: the query alone says who is shown
            self.selected.clear()
            box = self.query_one(QueryBox)
            with box.prevent(Input.Changed):
                box.value = self.query_text
            keep = self._left_on = None  # a new list: from its top
        self._show(cursor=None, keep=keep)
        self.query_one(QueryBox if self._naming else ContactTable).focus()
        self._naming = False  # back from naming a filter: the keys still go to the box

    def on_screen_suspend(self) -> None:
        self._left_on = self._cursor_key()

    def use_query(self, query: str) -> None:
        """Show the contacts `query` matches, as if typed in the box, every verdict, nothing
        selected: at once if the list is on screen, else the next time it is shown."""
        self._wanted_query = query
        if self.is_mounted and self.is_current:
            self.on_screen_resume()

    # -- what is shown ----------------------------------------------------------------------------

    def _query_frame(self) -> pl.DataFrame:
        """Built when `/` is first pressed, joined again when the archive's evidence arrives."""
        evidence = self.evidence() if self.evidence is not None else None
        if self._text is None:
            self._text = folded_text(self.session.contacts)
        if self._frame is None or evidence is not self._frame_evidence:
            self._frame = query_frame(self.session.contacts, evidence, text=self._text)
            self._frame_evidence = evidence
        return self._frame

    def _listing(self, which: str | None, *, fresh: bool) -> pl.DataFrame:
        """The list by name, verdicts as shown; kept between keys typed, read again when
        `fresh` (decisions changed, or another verdict filter)."""
        if fresh or self._rows is None:
            self._rows = self.session.listing(which)
            self._searchable = None
        return self._rows

    def _searchable_rows(self, rows: pl.DataFrame) -> pl.DataFrame:
        """The list joined with every column a query reads (verdict null when undecided)."""
        evidence_changed = self._frame is not None and (
            self.evidence is not None and self.evidence() is not self._frame_evidence
        )
        if self._searchable is None or evidence_changed:
            verdict = pl.when(pl.col("verdict") == NO_VERDICT).then(None).otherwise("verdict")
            self._searchable = rows.with_columns(
                pl.col("verdict").alias("shown"), verdict.alias("verdict")
            ).join(self._query_frame(), on="key", how="left", maintain_order="left")
        return self._searchable

    def _searchable_past(self) -> pl.DataFrame:
        """The past connections, as `_searchable_rows` has the current ones (and GONE)."""
        if self._past_rows is None:
            assert self.past is not None
            rows = self.past.listing(FILTERS[self.filter_index])
            verdict = pl.when(pl.col("verdict") == NO_VERDICT).then(None).otherwise("verdict")
            self._past_rows = rows.with_columns(
                pl.col("verdict").alias("shown"), verdict.alias("verdict")
            ).join(self.past.query_frame(), on="key", how="left", maintain_order="left")
        return self._past_rows

    def _matching(self, rows: pl.DataFrame) -> pl.DataFrame:
        """The rows the query matches; a bad query shows its one line and keeps the rows.

        A query asking for past connections (`status:past`) looks among them only: the terms
        all have to match, so no current contact could be among its matches."""
        error = self.query_one("#query-error", Static)
        try:
            expression = query_expression(self.query_text)
            self.showing_past = asks_for_past(self.query_text) and self.past is not None
        except QueryError as refused:
            error.update(Content(str(refused)))
            error.display = True
            self.showing_past = False
            return rows
        error.display = False
        if not self.query_text.strip():
            return rows
        source = self._searchable_past() if self.showing_past else self._searchable_rows(rows)
        if self._matches_of is not source or len(self._matches) >= _KEPT_MATCHES:
            self._matches, self._matches_of = {}, source
        if (kept := self._matches.get(self.query_text)) is not None:
            return kept  # a backspace, or the query typed again: filtered before, same rows
        gone = [GONE] if self.showing_past else []
        listed = [pl.col("shown").alias("verdict"), *rows.columns[1:], *gone]
        # Lazily: only the listed columns of the matches are gathered, not all a query reads.
        matched = self._matches[self.query_text] = (
            source.lazy().filter(expression).select(listed).collect()
        )
        return matched

    def _show(self, *, cursor: int | None = 0, fresh: bool = True, keep: str | None = None) -> None:
        """Filter, sort and paint; the cursor goes to row `cursor` (None: stays), or to the
        contact `keep` when they are still shown."""
        which = FILTERS[self.filter_index]
        if fresh:
            self._past_rows = None
        frame = self._sorted(self._matching(self._listing(which, fresh=fresh)))
        self.keys = frame["key"]
        if keep is not None and keep in self.keys:
            cursor = self.keys.index_of(keep)
        if self.selected:  # never act on a row the user cannot see
            self.selected &= set(self.keys.to_list())
        table = self.query_one(ContactTable)
        table.set_rows(frame.drop("key"), cursor=cursor)
        self._mark()
        self._title(which)

    def _cursor_key(self) -> str | None:
        table = self.query_one(ContactTable)
        return str(self.keys[table.cursor_row]) if table.row_count else None

    def _sorted(self, frame: pl.DataFrame) -> pl.DataFrame:
        """In the chosen order; ties stay by name. The header shows the column and direction."""
        column = SORTS[self.sort_index]
        table = self.query_one(ContactTable)
        arrow = " ▼" if self.descending else " ▲"
        table.columns = tuple(
            Column(c.title + (arrow if i == _SORTED_COLUMN[column] else ""), c.width)
            for i, c in enumerate(PAST_COLUMNS if self.showing_past else COLUMNS)
        )
        if column == "name":
            return frame.reverse() if self.descending else frame
        by = pl.col(column).str.to_lowercase()
        return frame.sort(by, descending=self.descending, nulls_last=True, maintain_order=True)

    def action_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(SORTS)
        self.descending = False
        self._show(fresh=False)

    def action_reverse(self) -> None:
        self.descending = not self.descending
        self._show(fresh=False)

    def _mark(self) -> None:
        rows: list[int] = []
        if self.selected:
            marked = self.keys.is_in(pl.Series(list(self.selected), dtype=pl.String).implode())
            rows = marked.arg_true().to_list()
        self.query_one(ContactTable).set_marked(rows)

    def _title(self, which: str | None) -> None:
        progress = self.session.progress()
        shown = len(self.keys)
        past = self.past.count if self.past is not None else 0
        hint = f"  + {past:,} past: status:past" if past and not self.showing_past else ""
        self.query_one("#title", Static).update(
            Content.assemble(
                ("Past connections  " if self.showing_past else "All contacts  ", "bold"),
                (f"{len(self.selected):,} selected of {shown:,} shown", "bold"),
                (hint, "dim"),
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
        self._show(fresh=False)

    def on_query_box_done(self, _: QueryBox.Done) -> None:
        self.query_one(ContactTable).focus()

    def on_query_box_save_asked(self, _: QueryBox.SaveAsked) -> None:
        """ctrl+s, or its remap: name the query in the box, saved in the config's `[filters]`."""
        query = self.query_text.strip()
        if not query:
            save = KeyNames([QueryBox], self.context.config.keys).first("query-box.save")
            self.notify(f"Type a query first; {save} then saves it under a name.", timeout=3)
            return
        try:
            query_expression(query)
        except QueryError as refused:
            self.notify(f"Not saved: {refused}", severity="error", markup=False)
            return
        self._naming = True
        self.app.push_screen(SaveFilterScreen(query, self.context))

    def action_focus_query(self) -> None:
        # The folding and the join are paid here, not on the first key typed.
        self._searchable_rows(self._listing(FILTERS[self.filter_index], fresh=False))
        self.query_one(QueryBox).focus()

    def action_filter(self) -> None:
        self.filter_index = (self.filter_index + 1) % len(FILTERS)
        self._show()  # fresh: the past rows are listed again for this verdict

    # -- selecting and deciding -------------------------------------------------------------------

    def action_toggle_row(self) -> None:
        table = self.query_one(ContactTable)
        if not table.row_count:
            return
        key = self.keys[table.cursor_row]
        self.selected ^= {str(key)}
        self._mark()
        self._title(FILTERS[self.filter_index])
        table.action_move(1)

    def action_select_all(self) -> None:
        """Every row shown; pressed again with all of them selected, clears the selection."""
        everyone = set(self.keys.to_list())
        self.selected = set() if everyone and self.selected == everyone else everyone
        self._mark()
        self._title(FILTERS[self.filter_index])

    def _targets(self) -> list[str]:
        if self.selected:
            return [key for key in self.keys.to_list() if key in self.selected]
        table = self.query_one(ContactTable)
        return [str(self.keys[table.cursor_row])] if table.row_count else []

    def action_decide(self, verdict: Verdict) -> None:
        targets = self._targets()
        if targets and self.showing_past:
            self.notify(PAST_REFUSAL, severity="warning", timeout=3)
        elif len(targets) == 1:
            self._decide(targets, verdict)
        elif targets:
            question = f"{VERDICT_WORDS[verdict]} {len(targets):,} contacts?"

            def answered(confirmed: bool | None) -> None:
                if confirmed:
                    self._decide(targets, verdict)

            self.app.push_screen(ConfirmScreen(question), answered)

    def _decide(self, keys: list[str], verdict: Verdict) -> None:
        with saving(self.app, self.context.store.path):  # also when a dialog's answer calls it
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
        key = self._cursor_key()
        if key is not None and self.showing_past:
            self.notify(
                "Past connections have no card: they are not in the latest export.", timeout=3
            )
        elif key is not None:
            self.dismiss(key)

    def action_back(self) -> None:
        self.dismiss(None)


def painted(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """The verdict in its colour; a past connection's row (it has a GONE day) greyed out."""
    if len(cells) > len(COLUMNS) and cells[-1] is not None:
        return tuple(Content.styled(_plain(cell), PAST_STYLE) for cell in cells)
    verdict = cells[0]
    if isinstance(verdict, str) and verdict in VERDICT_STYLES:
        return (Content.styled(verdict, VERDICT_STYLES[verdict]), *cells[1:])
    return cells


def _plain(cell: Cell) -> str:
    """A cell's text on one line (Content drawn as given skips the table's own line folding)."""
    return " ".join(str(cell).split()) if cell is not None else ""
