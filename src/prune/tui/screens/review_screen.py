"""The review: one contact per screen, three questions, one key per decision.

Keys go to `ReviewSession`, which commits each change before returning; only then is the next
card painted. The first card is painted before the session exists (`first_card`); loading runs
in thread workers (`loading`) so the UI never freezes, and a worker's failure arrives as a
message like its result. Painting never changes screen: the summary is pushed, once, by the
decision that finished the review (or by a load that finds nothing left).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import polars as pl
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.geometry import Size
from textual.message import Message
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static
from textual.worker import Worker

from prune.core.model import Answer, Verdict
from prune.core.review.opening import Opening
from prune.core.review.order_names import ORDERS
from prune.core.review.rules import Rule
from prune.core.review.session import IndexedInsights, Outcome, ReviewSession
from prune.core.state.store import Snapshot
from prune.tui import loading
from prune.tui.browsing import open_profile
from prune.tui.card_farewell import (
    card_farewell,
    copy_card_farewell,
    cycle_card_tone,
    disconnect_card,
    unless_farewell_went,
)
from prune.tui.context import AppContext
from prune.tui.first_card import FirstCard, needs_session
from prune.tui.live_keys import KeyNames
from prune.tui.review_parts import SIDE_FROM, existing, on_demand, size_card_row
from prune.tui.state_writes import saving
from prune.tui.widgets.card_side import CardSide
from prune.tui.widgets.compact_footer import CompactFooter
from prune.tui.widgets.contact_card import ContactCard
from prune.tui.widgets.decision_toast import DecisionToast
from prune.tui.widgets.notices_line import NoticesLine
from prune.tui.widgets.progress_header import ProgressHeader
from prune.tui.workers import failure_of, one_line, result_of

if TYPE_CHECKING:
    from prune.core.evidence.collect import Evidence

_NEEDS_SESSION = {"contacts", "details", "answer", "decide", "accept", "undo", "note", "search"}
_NEEDS_SESSION |= {"open_profile", "tone", "copy"}
_TOAST = {"keep": "Keep", "disconnect": "Disconnect", "later": "Later"}


class ReviewScreen(Screen[None]):
    """Cards, keys and progress for one snapshot."""

    BINDINGS = [
        Binding("y", "answer('yes')", "Yes", id="review.yes", show=False),
        Binding("n", "answer('no')", "No", id="review.no", show=False),
        Binding("m", "answer('maybe')", "Not sure", id="review.maybe", show=False),
        Binding("k", "decide('keep')", "Keep", id="review.keep"),
        Binding("x,d", "decide('disconnect')", "Disconnect", id="review.disconnect"),
        Binding("l", "decide('later')", "Later", id="review.later"),
        Binding("enter", "accept", "Accept", id="review.accept", show=False),
        Binding("u", "undo", "Undo", id="review.undo"),
        Binding("e", "note", "Note", id="review.note", show=False),
        Binding("o", "open_profile", "Open profile", id="review.open", show=False),
        Binding("slash", "search", "Search", id="review.search"),
        Binding("space", "details", "Evidence", id="review.details", show=False),
        Binding("a", "contacts", "All contacts", id="review.contacts", show=False),
        Binding("escape", "back_to_list", "Back to the list", id="review.list", show=False),
        Binding("t", "tone", "Farewell tone (disconnect card)", id="review.tone", show=False),
        Binding("c", "copy", "Copy the farewell (disconnect card)", id="review.copy", show=False),
        Binding(
            "exclamation_mark",
            "notices",
            "Notices about the export",
            id="review.notices",
            show=False,
        ),
    ]

    class LoadFailed(Message):
        """The contacts could not be read, so there is no review to show; `line` says why."""

        def __init__(self, line: str) -> None:
            super().__init__()
            self.line = line

    def __init__(self, context: AppContext, *, rule: Rule, order: str) -> None:
        super().__init__()
        self.context = context
        self.rule = rule
        self.order = order
        self.session: ReviewSession | None = None
        self.evidence_note = "reading the archive for evidence…"
        self.evidence: Evidence | None = None
        self.notices: list[str] = []
        self.keys = KeyNames([type(self)], context.config.keys)
        self._summary_open = False
        self._from_list: str | None = None  # the card opened from the list: deciding goes back
        self._session_worker: Worker[ReviewSession] | None = None
        self._evidence_worker: Worker[tuple[Evidence, IndexedInsights]] | None = None
        self.first_card = FirstCard(None)
        self._sized_for: Size | None = None

    def compose(self) -> ComposeResult:
        opening = loading.first_card(self.context, self.rule, self.order)
        self.first_card = FirstCard(opening)
        yield ProgressHeader()  # the notices line, the panel and the toast come when needed
        with Vertical(id="body"):
            if opening is None:
                with Center(id="loading-box"):
                    yield LoadingIndicator(id="loading")
                with Center(id="loading-row"):
                    yield Static("Loading your connections…", id="loading-text")
            with Horizontal(id="card-row"):
                card = ContactCard()
                card.display = opening is not None
                yield card
        yield CompactFooter(show_command_palette=False)  # ctrl+p is in help; room for q

    def on_mount(self) -> None:
        self.keys = KeyNames([type(self), type(self.app)], self.context.config.keys)
        if self.first_card.opening is not None:
            self._loaded(self.first_card.opening)
        self._session_worker = self._load()

    # -- loading (thread workers; results and failures come back as worker messages) -----------

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self) -> ReviewSession:
        self.first_card.painted.wait(timeout=1.0)  # the first card's paint goes first
        return loading.build_session(self.context, self.rule, self.order)

    @work(thread=True, exclusive=True, group="evidence", exit_on_error=False)
    def _load_evidence(
        self, snapshot: Snapshot, contacts: pl.DataFrame
    ) -> tuple[Evidence, IndexedInsights]:
        """Read (or take from the cache) the archive's evidence; the review never waits for it."""
        return loading.read_evidence(
            self.context.data_dir, snapshot, contacts, self.context.today()
        )

    @work(thread=True, exclusive=True, group="listing", exit_on_error=False)
    def _warm_listing(self, session: ReviewSession) -> None:
        """What the list of all contacts (`a`) can read ahead: see `loading.warm_listing`."""
        loading.warm_listing(self.context, session)

    @on(Worker.StateChanged)
    def _worker_done(self, event: Worker.StateChanged) -> None:
        if (session := result_of(event, self._session_worker)) is not None:
            self._session_ready(session)
        elif (error := failure_of(event, self._session_worker)) is not None:
            self.post_message(self.LoadFailed(loading.load_failure(error)))
        elif (evidence := result_of(event, self._evidence_worker)) is not None:
            self._evidence_ready(*evidence)
        elif (error := failure_of(event, self._evidence_worker)) is not None:
            self._evidence_failed(error)  # a broken archive must never stop the review
        # A failed warm-up of the listing costs nothing: the list sorts when first opened.

    def _loaded(self, opening: Opening) -> None:
        """Paint the first card before the session exists; keys pressed on it wait for it."""
        self.refresh_card()
        # Frames drawn while the app starts are dropped: the second refresh is the one shown.
        self.call_after_refresh(self.call_after_refresh, self.first_card.painted.set)

    def _session_ready(self, session: ReviewSession) -> None:
        self.session = session
        session.set_rule(self.rule)  # the palette may have changed them while loading
        if self.order != session.order and self.order in ORDERS:
            session.set_order(self.order)
        waiting = self.first_card.session_arrived(session)
        self.query("#loading-box, #loading-row").set(display=False)
        self.query_one(ContactCard).display = True
        self.refresh_bindings()  # the review keys were disabled while loading: show them now
        self._show_next()
        for action in waiting:  # in the order pressed, each on the card it was pressed on
            action()
        snapshot = self.context.store.snapshot(session.snapshot_id)
        if snapshot is not None:
            self._evidence_worker = self._load_evidence(snapshot, session.contacts)
        self._warm_listing(session)

    def _evidence_ready(self, evidence: Evidence, indexed: IndexedInsights) -> None:
        self.evidence = evidence
        if self.session is not None:
            self.session.set_insights(indexed)
        if evidence.files_used:
            self.evidence_note = "nothing in the archive with them"
        else:
            self.evidence_note = "no archive evidence (Connections.csv only)"
        self._announce_notices(list(evidence.notices), once=True)

    def _evidence_failed(self, error: BaseException) -> None:
        self.evidence_note = "no archive evidence (the archive could not be read)"
        failure = (
            f"The archive's evidence could not be read ({one_line(error)}); "
            "the review goes on without it."
        )
        self._announce_notices([failure], once=False)

    def _announce_notices(self, notices: list[str], *, once: bool) -> None:
        """Keep the notices for `!`; the line says so (a read failure happens now: every time)."""
        self.notices = notices
        context, key = self.context, self.keys.first("review.notices")
        if notices:
            line = on_demand(self, NoticesLine, before="#body")
            line.announce(notices, context.store, context.snapshot_id, once, key)
        self.refresh_card()

    # -- painting -----------------------------------------------------------------------------

    def refresh_card(self) -> None:
        """Repaint the card and the header from the session (after any change); nothing else."""
        if self.session is not None:
            progress, view, rule = self.session.progress(), self.session.current, self.session.rule
        elif (opening := self.first_card.opening) is not None:
            progress, view, rule = opening.progress, opening.view, self.rule
        else:
            return
        self.query_one(ProgressHeader).show(progress)
        if view is None:
            return
        decided = view.decision.verdict if view.decision else None
        farewell = card_farewell(self.context, view) if decided == "disconnect" else None
        wide = self.size.width >= SIDE_FROM
        self.query_one(ContactCard).show(
            view,
            rule=rule,
            today=self.context.today(),
            evidence_note=self.evidence_note,
            keys=self.keys,
            farewell=farewell,
            farewell_beside=wide,
        )
        if wide:  # the farewell of a disconnect, or else the evidence, beside the card
            side = on_demand(self.query_one("#card-row"), CardSide)
            side.remove_class("-hidden")
            side.show(view, farewell, self.evidence, self.evidence_note, self.keys)
        elif (panel := existing(self, CardSide)) is not None:
            panel.add_class("-hidden")
        self.call_after_refresh(self._fit_farewell)

    def _fit_farewell(self) -> None:
        """Let the farewell scroll inside the card so its hint and bottom border stay on screen."""
        # Counted from the screen, not the body, whose size lags a notices line just shown;
        # one row stays free for the decision toast.
        notices = 1 if any(line.display for line in self.query(NoticesLine)) else 0
        self.query_one(ContactCard).fit_farewell(self.size.height - 3 - notices)

    def on_resize(self, event: events.Resize) -> None:
        if event.size == self._sized_for:
            return  # the same size again (the app sends a few at start): nothing to redo
        self._sized_for = event.size
        size_card_row(self.query_one("#card-row"), event.size.width)
        self.refresh_card()

    def _show_next(self) -> None:
        """After a decision: the next card, or, once nobody is left, the summary (only once)."""
        self.refresh_card()
        if self.session is None or self.session.current is not None or self._summary_open:
            return
        self._summary_open = True
        from prune.tui.screens.summary_screen import SummaryScreen  # once, at the very end

        self.app.push_screen(SummaryScreen(self.session.progress()), self._back_from_summary)

    def _back_from_summary(self, choice: str | None) -> None:
        """`u` on the summary undoes the last decision; `a` opens the list of all contacts."""
        from prune.tui.screens.summary_screen import SHOW_CONTACTS

        self._summary_open = False
        if choice == SHOW_CONTACTS:
            self.action_contacts()
        else:
            self.action_undo()

    def _announce(self, outcome: Outcome | None) -> None:
        if outcome is not None and outcome.verdict in _TOAST:
            undo = self.keys.first("review.undo")
            said = f"{_TOAST[outcome.verdict]}: {outcome.name}. {undo} undoes."
            if outcome.key == self._from_list:
                self.notify(said, markup=False)
                return self.action_contacts()  # decided: back to the list it was opened from
            on_demand(self.query_one("#body"), DecisionToast).say(said, outcome.verdict)
        self._show_next()

    # -- actions --------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Review keys wait for the first card; escape goes back to the list it came from."""
        if action == "back_to_list":
            return self._from_list is not None
        shown = self.session is not None or self.first_card.opening is not None
        return shown or action not in _NEEDS_SESSION

    @needs_session
    def action_answer(self, value: Answer) -> None:
        if self.session is not None:
            session = self.session
            self._unless_farewell_went(lambda: self._announce(session.answer(value)))

    @needs_session
    def action_decide(self, verdict: Verdict) -> None:
        if self.session is not None and verdict != "disconnect":
            session = self.session
            self._unless_farewell_went(lambda: self._announce(session.decide(verdict)))
        elif self.session is not None:
            self._announce(self.session.decide(verdict))

    def _unless_farewell_went(self, change: Callable[[], None]) -> None:
        view = self.session.current if self.session else None
        unless_farewell_went(self.app, self.context, view, change)

    @needs_session
    def action_accept(self) -> None:
        if self.session is None:
            return
        outcome = self.session.accept_suggestion()
        if outcome is None:
            answers = " / ".join(self.keys.first(f"review.{a}") for a in ("yes", "no", "maybe"))
            self.notify(f"No suggestion for this contact: answer with {answers}.", timeout=3)
            return
        self._announce(outcome)

    @needs_session
    def action_undo(self) -> None:
        if self.session is None:
            return
        outcome = self.session.undo()
        said = "Nothing to undo." if outcome is None else f"Undone: back to {outcome.name}."
        on_demand(self.query_one("#body"), DecisionToast).say(said)
        self.refresh_card()

    @needs_session
    def action_note(self) -> None:
        if self.session is None or self.session.current is None:
            return
        from prune.tui.screens.note_screen import edit_note

        session, view = self.session, self.session.current

        def save(text: str) -> None:
            with saving(self.app, self.context.store.path):  # the dialog's answer, not a key
                session.set_note(text)
                self.refresh_card()

        edit_note(self.app, view.name, view.decision.note if view.decision else None, save)

    def action_notices(self) -> None:
        """`!`: every notice about the export, whether or not the line still shows."""
        for line in self.query(NoticesLine):
            line.hide()
        self.refresh_card()  # the row the line took goes back to the card
        from prune.tui.screens.notices_screen import NoticesScreen

        self.app.push_screen(NoticesScreen(self.notices))

    @needs_session
    def action_open_profile(self) -> None:
        view = self.session.current if self.session else None
        if view is not None:
            open_profile(self.app, view.name, view.url, "on the card")

    @needs_session
    def action_details(self) -> None:
        view = self.session.current if self.session else None
        if view is None:
            return
        if self.evidence is None:
            self.notify("The archive is still being read; try again in a moment.", timeout=3)
            return
        from prune.tui.screens.evidence_screen import evidence_sheet  # it reads the evidence

        self.app.push_screen(evidence_sheet(self.evidence, view.key, view.name))

    @needs_session
    def action_contacts(self, then: Callable[[str | None], None] | None = None) -> None:
        """The list of all contacts; `enter` there hands the key to `then` (default: its card,
        which goes back to the list once decided)."""
        if self.session is None:
            return
        from prune.tui.screens.contacts_screen import ContactsScreen

        # Built once and kept: composing and styling a screen costs more than its 30,000 rows.
        if not self.app.is_screen_installed(ContactsScreen.NAME):
            screen = ContactsScreen(self.context, self.session, self._evidence_frame)
            self.app.install_screen(screen, ContactsScreen.NAME)
        self.app.push_screen(
            ContactsScreen.NAME, then or (lambda key: self.show_contact(key, from_list=True))
        )

    action_back_to_list = action_contacts  # escape, allowed only on a card opened from the list

    def _evidence_frame(self) -> pl.DataFrame | None:
        return None if self.evidence is None else self.evidence.frame

    @needs_session
    def action_search(self) -> None:
        if self.session is not None:
            from prune.tui.screens.search_screen import SearchScreen

            self.app.push_screen(SearchScreen(self.session.search), self.show_contact)

    def show_contact(self, key: str | None, *, from_list: bool = False) -> None:
        """Show the card of `key`, chosen on another screen; None goes on with the queue."""
        self._from_list = key if from_list else None
        if key is not None and self.session is not None:
            self.session.jump_to(key)
        self._show_next()

    @needs_session
    def action_tone(self) -> None:
        view = disconnect_card(self.app, self.session.current if self.session else None, self.keys)
        if view is not None:
            cycle_card_tone(self, self.context, view)
            self.refresh_card()

    @needs_session
    def action_copy(self) -> None:
        view = disconnect_card(self.app, self.session.current if self.session else None, self.keys)
        if view is not None and copy_card_farewell(self, self.context, view, self.keys):
            self.refresh_card()

    # -- the palette's settings (the App stores them; the screen applies them) ------------------

    def use_rule(self, rule: Rule) -> None:
        self.rule = rule
        if self.session is not None:
            self.session.set_rule(rule)
            self.refresh_card()

    def use_order(self, order: str) -> None:
        self.order = order
        if self.session is not None:
            self.session.set_order(order)
            self.notify(f"Order: {ORDERS[self.session.order]}.", timeout=3)
            self.refresh_card()
