"""The review: one contact per screen, three questions, one key per decision.

The screen forwards keys to `ReviewSession`, which commits each change before returning; only
then is the next card painted. Loading runs in a thread worker so the UI never freezes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import polars as pl
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Footer, LoadingIndicator, Static

from prune.core.evidence.card_insights import insights
from prune.core.evidence.collect import Evidence
from prune.core.evidence.details import details
from prune.core.farewell.followthrough import cycle_tone, mark_copied
from prune.core.model import Answer, Verdict
from prune.core.review.orders import ORDERS
from prune.core.review.session import (
    ContactView,
    IndexedInsights,
    Outcome,
    ReviewSession,
)
from prune.core.state.store import Snapshot
from prune.tui.browsing import open_profile
from prune.tui.copying import copy_message
from prune.tui.screens.contacts_screen import ContactsScreen
from prune.tui.screens.evidence_screen import EvidenceScreen
from prune.tui.screens.note_screen import NoteScreen
from prune.tui.screens.search_screen import SearchScreen
from prune.tui.screens.summary_screen import SummaryScreen
from prune.tui.widgets.contact_card import ContactCard
from prune.tui.widgets.decision_toast import DecisionToast
from prune.tui.widgets.progress_header import ProgressHeader

_NEEDS_SESSION = {
    "contacts",
    "details",
    "answer",
    "decide",
    "accept",
    "undo",
    "note",
    "open_profile",
    "search",
    "tone",
    "copy",
}
_TOAST = {"keep": "Keep", "disconnect": "Disconnect", "later": "Later"}

SessionFactory = Callable[[], ReviewSession]


class ReviewScreen(Screen[None]):
    """Cards, keys and progress for one snapshot."""

    DEFAULT_CSS = """
    ReviewScreen { layout: vertical; }
    ReviewScreen > #body { height: 1fr; align: center middle; padding: 0 1; }
    ReviewScreen #loading { height: 3; }
    ReviewScreen #loading-text { width: auto; color: $text-muted; }
    """
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
        Binding("t", "tone", "Farewell tone (disconnect card)", id="review.tone", show=False),
        Binding("c", "copy", "Copy the farewell (disconnect card)", id="review.copy", show=False),
    ]

    def __init__(self, load_session: SessionFactory, *, today: date) -> None:
        super().__init__()
        self._load_session = load_session
        self.today = today
        self.session: ReviewSession | None = None
        self.evidence_note = "reading the archive for evidence…"
        self.evidence: Evidence | None = None

    def compose(self) -> ComposeResult:
        yield ProgressHeader()
        with Vertical(id="body"):
            with Center(id="loading-box"):
                yield LoadingIndicator(id="loading")
            with Center():
                yield Static("Loading your connections…", id="loading-text")
            card = ContactCard()
            card.display = False
            yield card
            yield DecisionToast()
        yield Footer(compact=True, show_command_palette=False)  # ctrl+p is in help; room for q

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        session = self._load_session()
        self.app.call_from_thread(self._loaded, session)

    def _loaded(self, session: ReviewSession) -> None:
        self.session = session
        for selector in ("#loading-box", "#loading-text"):
            self.query_one(selector).display = False
        self.query_one(ContactCard).display = True
        self.refresh_bindings()  # the review keys were disabled while loading: show them now
        self.refresh_card()
        snapshot = self.app.store.snapshot(session.snapshot_id)
        if snapshot is not None:
            self._load_evidence(snapshot, session.contacts)
        self._warm_listing(session)

    @work(thread=True, exclusive=True, group="listing")
    def _warm_listing(self, session: ReviewSession) -> None:
        """Sort the names for the list of all contacts (`a`) while the user reads the card."""
        session.listing()

    @work(thread=True, exclusive=True, group="evidence")
    def _load_evidence(self, snapshot: Snapshot, contacts: pl.DataFrame) -> None:
        """Read (or take from the cache) the archive's evidence; the review never waits for it."""
        try:
            evidence = self.app.load_evidence(snapshot, contacts)
            indexed = IndexedInsights(insights(evidence, today=self.today))
        except Exception as error:  # a broken archive must never stop the review
            self.app.call_from_thread(self._evidence_failed, error)
            return
        self.app.call_from_thread(self._evidence_ready, evidence, indexed)

    def _evidence_ready(self, evidence: Evidence, indexed: IndexedInsights) -> None:
        self.evidence = evidence
        if self.session is not None:
            self.session.set_insights(indexed)
        if evidence.files_used:
            self.evidence_note = "nothing in the archive with them"
        else:
            self.evidence_note = "no archive evidence (Connections.csv only)"
        for notice in evidence.notices:
            self.notify(notice, title="Evidence", severity="warning", timeout=8)
        self.refresh_card()

    def _evidence_failed(self, error: Exception) -> None:
        self.evidence_note = "no archive evidence (the archive could not be read)"
        self.notify(
            f"The archive's evidence could not be read ({error}); the review goes on without it.",
            title="Evidence",
            severity="warning",
            timeout=8,
        )
        self.refresh_card()

    # -- painting -----------------------------------------------------------------------------

    def refresh_card(self) -> None:
        """Repaint the card and the header from the session (after any change)."""
        if self.session is None:
            return
        progress = self.session.progress()
        self.query_one(ProgressHeader).show(progress)
        view = self.session.current
        if view is None:
            self.app.push_screen(SummaryScreen(progress), self._back_from_summary)
            return
        decided = view.decision.verdict if view.decision else None
        self.query_one(ContactCard).show(
            view,
            rule=self.session.rule,
            today=self.today,
            evidence_note=self.evidence_note,
            farewell=self.app.farewell(view) if decided == "disconnect" else None,
        )

    def _back_from_summary(self, _: None) -> None:
        self.action_undo()

    def _announce(self, outcome: Outcome | None) -> None:
        if outcome is not None and outcome.verdict in _TOAST:
            self.query_one(DecisionToast).say(
                f"{_TOAST[outcome.verdict]}: {outcome.name}. u undoes.", outcome.verdict
            )
        self.refresh_card()

    # -- actions --------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Review keys do nothing until the contacts are loaded."""
        return self.session is not None or action not in _NEEDS_SESSION

    def action_answer(self, value: Answer) -> None:
        if self.session is not None:
            self._announce(self.session.answer(value))

    def action_decide(self, verdict: Verdict) -> None:
        if self.session is not None:
            self._announce(self.session.decide(verdict))

    def action_accept(self) -> None:
        if self.session is None:
            return
        outcome = self.session.accept_suggestion()
        if outcome is None:
            self.notify("No suggestion for this contact: answer with y, n or m.", timeout=3)
            return
        self._announce(outcome)

    def action_undo(self) -> None:
        if self.session is None:
            return
        outcome = self.session.undo()
        toast = self.query_one(DecisionToast)
        toast.say("Nothing to undo." if outcome is None else f"Undone: back to {outcome.name}.")
        self.refresh_card()

    def action_note(self) -> None:
        if self.session is None or self.session.current is None:
            return
        view = self.session.current
        note = view.decision.note if view.decision else None

        def save(text: str | None) -> None:
            if text is not None and self.session is not None:
                self.session.set_note(text)
                self.notify("Note saved." if text.strip() else "Note cleared.", timeout=2)
                self.refresh_card()

        self.app.push_screen(NoteScreen(view.name, note), save)

    def action_open_profile(self) -> None:
        view = self.session.current if self.session else None
        if view is not None:
            open_profile(self.app, view.name, view.url, "on the card")

    def action_details(self) -> None:
        view = self.session.current if self.session else None
        if view is None:
            return
        if self.evidence is None:
            self.notify("The archive is still being read; try again in a moment.", timeout=3)
            return
        facts = details(self.evidence, view.key)
        self.app.push_screen(
            EvidenceScreen(view.name, facts, self.evidence.describe().capitalize())
        )

    def action_contacts(self) -> None:
        """The list of all contacts; `enter` there brings that person's card here."""
        if self.session is None:
            return
        # Built once and kept: composing and styling a screen costs more than its 30,000 rows.
        if not self.app.is_screen_installed(ContactsScreen.NAME):
            self.app.install_screen(ContactsScreen(self.session), ContactsScreen.NAME)
        self.app.push_screen(ContactsScreen.NAME, self._jump)

    def action_search(self) -> None:
        if self.session is not None:
            self.app.push_screen(SearchScreen(self.session.search), self._jump)

    def _jump(self, key: str | None) -> None:
        """Show the card of the contact chosen in the search or the list of all contacts."""
        if key is not None and self.session is not None:
            self.session.jump_to(key)
        self.refresh_card()

    def _disconnect_view(self) -> ContactView | None:
        """The contact on screen if it is marked disconnect; otherwise say why nothing happens."""
        view = self.session.current if self.session else None
        if view is not None and view.decision is not None and view.decision.verdict == "disconnect":
            return view
        self.notify("Farewells are for contacts marked disconnect (x).", timeout=3)
        return None

    def action_tone(self) -> None:
        view = self._disconnect_view()
        if view is None:
            return
        tones = list(self.app.config.tones)
        saved = cycle_tone(
            self.app.store, view.key, tones, default_tone=self.app.config.default_tone
        )
        if saved.text is not None:
            self.notify(
                f"Tone set to {saved.tone}, but your own words for {view.name} still win: "
                "clear the edit on the Farewells screen to use the tone.",
                timeout=5,
            )
        self.refresh_card()

    def action_copy(self) -> None:
        view = self._disconnect_view()
        if view is None:
            return
        message, _ = self.app.farewell(view)
        if copy_message(self.app, message, view.name, self.app.system_copy):
            mark_copied(self.app.store, view.key)
            self.refresh_card()

    # -- palette ------------------------------------------------------------------------------

    def set_order(self, order: str) -> None:
        if self.session is not None:
            self.session.set_order(order)
            self.notify(f"Order: {ORDERS[self.session.order]}.", timeout=3)
            self.refresh_card()
