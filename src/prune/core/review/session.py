"""One review session: the queue of contacts still to decide and every action taken on them.

The interface only renders what this class says and forwards keys to it, so the whole flow
(answers, verdicts, later, undo, search, resume) is testable without a terminal. Each action is
committed to the store before it returns, so the next card is never painted over unsaved work.
The card's contents are in `card`, the orders in `orders`, progress and pace in `progress`,
search and the list of all contacts in `search` and `listing`.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable

import polars as pl

from prune.core.model import INSIGHT_COLUMNS, QUESTIONS, Answer, Question, Verdict
from prune.core.review.card import SETTLED, ContactView, Outcome, answers_of, view_of
from prune.core.review.listing import ContactListing
from prune.core.review.opening import CURRENT_KEY_SETTING
from prune.core.review.order_names import known_order
from prune.core.review.orders import ordered_keys, queue_of
from prune.core.review.progress import Pace, Progress
from prune.core.review.rules import Rule
from prune.core.review.search import ContactSearch
from prune.core.state.store import Batch, Decision, DecisionChanges, Store

__all__ = ["ContactView", "IndexedInsights", "Outcome", "Progress", "ReviewSession"]


class IndexedInsights:
    """Insights looked up by contact key; building it takes ~0.1 s at 30,000 rows, so a worker
    does it and the UI thread only swaps it in."""

    def __init__(self, frame: pl.DataFrame) -> None:
        self.rows: dict[str, dict[str, object]] = {
            row["key"]: row for row in frame.select(INSIGHT_COLUMNS).iter_rows(named=True)
        }
        self.scores = frame.select("key", pl.col("score").cast(pl.Float64))


class ReviewSession:
    """The queue and the actions on it, for one snapshot."""

    def __init__(
        self,
        store: Store,
        snapshot_id: int,
        rule: Rule,
        *,
        order: str = "default",
        clock: Callable[[], float] = time.monotonic,
        contacts: pl.DataFrame | None = None,
        read_from: Store | None = None,
    ) -> None:
        """`read_from` is what the constructor reads from, when that is not `store`: a worker
        thread's own `Store.reader()`. Every later read and write goes to `store`."""
        source = store if read_from is None else read_from
        self.store = store
        self.snapshot_id = snapshot_id
        self.rule = rule
        self.order = known_order(order)
        self._clock = clock
        self.contacts = contacts if contacts is not None else source.contacts(snapshot_id)
        self._row_of = {key: index for index, key in enumerate(self.contacts["key"].to_list())}
        mine = source.decisions().filter(pl.col("key").is_in(self.contacts["key"].implode()))
        self._decisions = {row["key"]: Decision(**row) for row in mine.iter_rows(named=True)}
        self._counts = Counter(decision.verdict for decision in self._decisions.values())
        self._insights: dict[str, dict[str, object]] = {}
        self._scores = pl.DataFrame(schema={"key": pl.String, "score": pl.Float64})
        self._search = ContactSearch(self.contacts)
        self._listing = ContactListing(self.contacts)
        self._changes = 0  # decisions changed in memory, so a listing knows it is out of date
        self._listed: dict[str | None, tuple[int, pl.DataFrame]] = {}
        self._pace = Pace()
        self.queue: list[str] = []
        self._rebuild_queue(resume_key=source.setting(CURRENT_KEY_SETTING))

    # -- the queue ------------------------------------------------------------------------------

    def _verdict(self, key: str) -> Verdict | None:
        decision = self._decisions.get(key)
        return None if decision is None else decision.verdict

    def _rebuild_queue(self, resume_key: str | None = None) -> None:
        """Undecided contacts in the chosen order, then the later ones in the order deferred."""
        current = resume_key if resume_key is not None else (self.queue[0] if self.queue else None)
        scores = self._scores if self._insights else None
        self.queue = queue_of(ordered_keys(self.contacts, self.order, scores), self._decisions)
        if (
            current is not None
            and current in self._row_of
            and self._verdict(current) in (None, "later")
        ):
            self.queue.remove(current)
            self.queue.insert(0, current)

    def set_order(self, order: str) -> None:
        """Reorder what is left; the contact on screen stays on screen."""
        self.order = known_order(order)
        self._rebuild_queue()

    def set_rule(self, rule: Rule) -> None:
        self.rule = rule

    def set_insights(self, insights: pl.DataFrame | IndexedInsights) -> None:
        """Take evidence from the archive (see INSIGHT_COLUMNS) and reorder what is left.

        Index a large frame with `IndexedInsights` in a worker first: that is the slow part.
        """
        indexed = insights if isinstance(insights, IndexedInsights) else IndexedInsights(insights)
        self._insights = indexed.rows
        self._scores = indexed.scores
        self._rebuild_queue()

    # -- what the card shows --------------------------------------------------------------------

    def view(self, key: str) -> ContactView:
        row = self.contacts.row(self._row_of[key], named=True)
        decision = self._decisions.get(key)
        suggestion = self._suggestion(key, answers_of(decision))
        return view_of(row, decision, self.rule, self._insights.get(key, {}), suggestion)

    @property
    def current(self) -> ContactView | None:
        return self.view(self.queue[0]) if self.queue else None

    def _pre_answers(self, key: str) -> dict[Question, Answer]:
        """Answers the archive proves; never for flagged (possibly fake) profiles."""
        insight = self._insights.get(key)
        if not insight or insight.get("flags") or not insight.get("proves_interaction"):
            return {}
        return {"interacted": "yes"}

    def _suggestion(self, key: str, answers: dict[Question, Answer | None]) -> Verdict | None:
        pre = self._pre_answers(key)
        if not pre:
            return None
        merged = answers | {q: a for q, a in pre.items() if answers.get(q) is None}
        if merged == answers and self._verdict(key) in SETTLED:
            return None
        return self.rule.verdict(merged)

    # -- actions ----------------------------------------------------------------------------------

    def _remember(self, key: str, decision: Decision | None) -> None:
        """Update the in-memory copy and the running counts after a committed change."""
        previous = self._decisions.pop(key, None)
        if previous is not None:
            self._counts[previous.verdict] -= 1
        if decision is not None:
            self._decisions[key] = decision
            self._counts[decision.verdict] += 1
        self._changes += 1

    def _save(
        self, key: str, action: str, changes: DecisionChanges, *, advancing: bool = False
    ) -> Decision:
        """Commit a change; `advancing` (a verdict moves the queue on) stores the new place in
        the queue in the same transaction, before the queue itself moves (see `_advance`)."""
        settings = None
        if advancing:
            settings = {CURRENT_KEY_SETTING: self._front_after(key, changes.get("verdict"))}
        decision = self.store.save_decision(key, action, settings=settings, **changes)
        self._remember(key, decision)
        return decision

    def _front_after(self, key: str, verdict: Verdict | None) -> str | None:
        """Who `_advance(key, verdict)` will bring to the front of the queue."""
        following = next((queued for queued in self.queue if queued != key), None)
        if following is None and verdict == "later":
            return key
        return following

    def _advance(self, key: str, verdict: Verdict) -> None:
        if key in self.queue:
            self.queue.remove(key)
        if verdict == "later":
            self.queue.append(key)
        self._pace.decided(self._clock())

    def _remember_position(self) -> None:
        self.store.set_setting(CURRENT_KEY_SETTING, self.queue[0] if self.queue else None)

    def _outcome(self, key: str, verdict: Verdict | None) -> Outcome:
        return Outcome(key=key, name=self.view(key).name, verdict=verdict)

    def answer(self, value: Answer) -> Outcome | None:
        """Answer the current question with yes / no / maybe; settle the verdict when possible."""
        if not self.queue:
            return None
        key = self.queue[0]
        decision = self._decisions.get(key)
        revisited = decision is not None and decision.verdict in SETTLED
        # Revisiting a decided contact asks the questions again.
        answers = dict.fromkeys(QUESTIONS) if revisited else answers_of(decision)
        question = self.rule.next_question(answers)
        if question is None:
            return None
        answers[question] = value
        verdict = self.rule.verdict(answers)
        changes = DecisionChanges(
            known=answers["known"], interacted=answers["interacted"], favour=answers["favour"]
        )
        if verdict is not None or revisited:
            changes["verdict"] = verdict
        self._save(key, f"answer:{question}={value}", changes, advancing=verdict is not None)
        if verdict is not None:
            self._advance(key, verdict)
        return self._outcome(key, verdict)

    def decide(self, verdict: Verdict) -> Outcome | None:
        """keep / disconnect / later, whatever the answers say."""
        if not self.queue:
            return None
        key = self.queue[0]
        self._save(key, verdict, DecisionChanges(verdict=verdict), advancing=True)
        self._advance(key, verdict)
        return self._outcome(key, verdict)

    def accept_suggestion(self) -> Outcome | None:
        """Record what the evidence proves and the verdict it leads to; None if nothing to do."""
        if not self.queue:
            return None
        key = self.queue[0]
        answers = answers_of(self._decisions.get(key))
        pre = {q: a for q, a in self._pre_answers(key).items() if answers.get(q) is None}
        verdict = self.rule.verdict(answers | pre)
        if not pre and verdict is None:
            return None
        changes = DecisionChanges()
        for question, answer in pre.items():
            changes[question] = answer
        if verdict is not None:
            changes["verdict"] = verdict
        self._save(key, "accept", changes, advancing=verdict is not None)
        if verdict is not None:
            self._advance(key, verdict)
        return self._outcome(key, verdict)

    def set_note(self, text: str) -> None:
        if self.queue:
            self._save(self.queue[0], "note", DecisionChanges(note=text.strip() or None))

    def undo(self) -> Outcome | None:
        """Step back once: restore that contact's (or batch's) previous state and show it again."""
        undone = self.store.undo_latest(any_session=False)
        if undone is None:
            return None
        self._reload(undone.keys)
        self._pace.undone(self._clock())
        key = undone.keys[0]
        if undone.batch is not None:
            self._rebuild_queue()
        if key in self._row_of:
            self.jump_to(key)
        restored = self._decisions.get(key)
        verdict = None if restored is None else restored.verdict
        return Outcome(key, self.view(key).name, verdict, contacts=len(undone.keys))

    def decide_many(self, keys: list[str], verdict: Verdict | None) -> Batch:
        """Decide every key as one batch, which one `undo` restores whole; None is undecided."""
        batch = self.store.decide_batch(keys, verdict)
        self._reload(batch.keys)
        self._rebuild_queue()
        self._remember_position()
        return batch

    def _reload(self, keys: list[str]) -> None:
        """Read the given contacts' decisions again after the store changed many at once."""
        wanted = [key for key in keys if key in self._row_of]
        fresh = self.store.decisions().filter(pl.col("key").is_in(wanted))
        found = {row["key"]: Decision(**row) for row in fresh.iter_rows(named=True)}
        for key in wanted:
            self._remember(key, found.get(key))

    def jump_to(self, key: str) -> None:
        """Bring a contact (found by search) to the front, decided or not."""
        if key not in self._row_of:
            return
        if key in self.queue:
            self.queue.remove(key)
        self.queue.insert(0, key)
        self._remember_position()

    # -- finding contacts -----------------------------------------------------------------------

    def search(self, text: str, limit: int = 50) -> list[ContactView]:
        """Contacts whose name, company or position holds every word of `text`, any case."""
        return [self.view(key) for key in self._search.keys(text, limit)]

    def listing(self, verdict: str | None = None) -> pl.DataFrame:
        """Every contact with its verdict, by name, for the list of all contacts.

        `verdict` keeps one kind: keep, disconnect, later, or "undecided". Columns: verdict,
        name, company, position, connected (ISO date), then key (not shown).
        """
        changes = self._changes  # read first: a change made meanwhile makes this one stale
        listed = self._listed.get(verdict)
        if listed is not None and listed[0] == changes:
            return listed[1]  # nothing decided since: the list opens without a join
        verdicts = {key: decision.verdict for key, decision in self._decisions.items()}
        frame = self._listing.frame(verdicts, verdict)
        self._listed[verdict] = (changes, frame)
        return frame

    # -- progress -------------------------------------------------------------------------------

    def progress(self) -> Progress:
        keep, disconnect, later = (self._counts[v] for v in ("keep", "disconnect", "later"))
        total = self.contacts.height
        undecided = total - keep - disconnect - later
        return Progress(
            total=total,
            keep=keep,
            disconnect=disconnect,
            later=later,
            undecided=undecided,
            seconds_left=self._pace.seconds_left(undecided + later),
        )
