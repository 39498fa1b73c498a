"""One review session: the queue of contacts still to decide and every action taken on them.

The interface only renders what this class says and forwards keys to it, so the whole flow
(answers, verdicts, later, undo, search, resume) is testable without a terminal. Each action is
committed to the store before it returns, so the next card is never painted over unsaved work.
"""

from __future__ import annotations

import itertools
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import polars as pl

from prune.core.model import INSIGHT_COLUMNS, QUESTIONS
from prune.core.review.orders import ORDERS
from prune.core.review.rules import Rule
from prune.core.state.store import Decision, Store
from prune.core.text.folding import fold, folded

CURRENT_KEY_SETTING = "review.current_key"
_BREAK_SECONDS = 300.0
_PACE_WINDOW = 30

# Columns of the optional insights frame the evidence reader supplies, keyed by contact.


@dataclass(frozen=True)
class Progress:
    total: int
    keep: int
    disconnect: int
    later: int
    undecided: int
    seconds_left: float | None

    @property
    def reviewed(self) -> int:
        return self.keep + self.disconnect

    @property
    def finished(self) -> bool:
        return self.reviewed == self.total


@dataclass(frozen=True)
class ContactView:
    """Everything the card shows about the contact under review."""

    key: str
    first_name: str
    last_name: str
    company: str | None
    position: str | None
    url: str | None
    email: str | None
    connected_on: date | None
    decision: Decision | None
    question: str | None
    suggestion: str | None = None
    evidence: str | None = None
    reasons: str | None = None
    flags: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part) or "(no name)"

    def answer(self, question: str) -> str | None:
        return None if self.decision is None else getattr(self.decision, question)


class IndexedInsights:
    """Insights looked up by contact key; building it takes ~0.1 s at 30,000 rows, so a worker
    does it and the UI thread only swaps it in."""

    def __init__(self, frame: pl.DataFrame) -> None:
        self.rows: dict[str, dict[str, object]] = {
            row["key"]: row for row in frame.select(INSIGHT_COLUMNS).iter_rows(named=True)
        }
        self.scores = frame.select("key", pl.col("score").cast(pl.Float64))


@dataclass(frozen=True)
class Outcome:
    """What an action did, so the interface can say it (e.g. in a toast)."""

    key: str
    name: str
    verdict: str | None


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
        self.order = order if order in ORDERS else "default"
        self._clock = clock
        self.contacts = contacts if contacts is not None else source.contacts(snapshot_id)
        self._row_of = {key: index for index, key in enumerate(self.contacts["key"].to_list())}
        self._decisions: dict[str, Decision] = {}
        decisions = source.decisions()
        for row in decisions.filter(pl.col("key").is_in(self.contacts["key"].implode())).iter_rows(
            named=True
        ):
            self._decisions[row["key"]] = Decision(**row)
        self._counts = Counter(decision.verdict for decision in self._decisions.values())
        self._insights: dict[str, dict[str, object]] = {}
        self._scores = pl.DataFrame(schema={"key": pl.String, "score": pl.Float64})
        self._search_text: pl.Series | None = None  # folded on the first search
        self._listed: pl.DataFrame | None = None  # sorted by name on the first listing
        self._decided_times: list[float] = []
        self.queue: list[str] = []
        self._rebuild_queue(resume_key=source.setting(CURRENT_KEY_SETTING))

    # -- the queue ------------------------------------------------------------------------------

    def _verdict(self, key: str) -> str | None:
        decision = self._decisions.get(key)
        return None if decision is None else decision.verdict

    def _ordered_keys(self) -> list[str]:
        frame = self.contacts.select("key", "first_name", "last_name", "company", "connected_on")
        order = self.order
        if order == "default":
            order = "likely-disconnects" if self._insights else "oldest"
        names = [folded(pl.col("first_name")), folded(pl.col("last_name"))]
        if order == "likely-disconnects" and self._insights:
            frame = frame.join(self._scores, on="key", how="left")
            sorted_frame = frame.sort(
                [pl.col("score").fill_null(0.0), pl.col("connected_on")],
                descending=[True, False],
                nulls_last=True,
            )
        elif order == "newest":
            sorted_frame = frame.sort("connected_on", descending=True, nulls_last=True)
        elif order == "name":
            sorted_frame = frame.sort(names, nulls_last=True)
        elif order == "company":
            no_company = pl.col("company").is_null()  # people without one come last
            sorted_frame = frame.sort([no_company, folded(pl.col("company")), *names])
        else:
            sorted_frame = frame.sort("connected_on", nulls_last=True, maintain_order=True)
        return sorted_frame["key"].to_list()

    def _rebuild_queue(self, resume_key: str | None = None) -> None:
        """Undecided contacts in the chosen order, then the later ones in the order deferred."""
        current = resume_key if resume_key is not None else (self.queue[0] if self.queue else None)
        decided = {key for key, decision in self._decisions.items() if decision.verdict}
        pending = [key for key in self._ordered_keys() if key not in decided]
        later = sorted(
            (key for key, decision in self._decisions.items() if decision.verdict == "later"),
            key=lambda key: self._decisions[key].later_seq or 0,
        )
        self.queue = pending + later
        if (
            current is not None
            and current in self._row_of
            and self._verdict(current)
            in (
                None,
                "later",
            )
        ):
            self.queue.remove(current)
            self.queue.insert(0, current)

    def set_order(self, order: str) -> None:
        """Reorder what is left; the contact on screen stays on screen."""
        self.order = order if order in ORDERS else "default"
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

    @property
    def has_insights(self) -> bool:
        return bool(self._insights)

    # -- what the card shows --------------------------------------------------------------------

    def view(self, key: str) -> ContactView:
        row = self.contacts.row(self._row_of[key], named=True)
        decision = self._decisions.get(key)
        answers = self._answers(decision)
        insight = self._insights.get(key, {})
        flags_text = insight.get("flags")
        return ContactView(
            key=key,
            first_name=row["first_name"] or "",
            last_name=row["last_name"] or "",
            company=row["company"],
            position=row["position"],
            url=row["url"],
            email=row["email"],
            connected_on=row["connected_on"],
            decision=decision,
            question=None
            if decision is not None and decision.verdict in ("keep", "disconnect")
            else self.rule.next_question(answers),
            suggestion=self._suggestion(key, answers),
            evidence=insight.get("evidence"),  # type: ignore[arg-type]
            reasons=insight.get("reasons"),  # type: ignore[arg-type]
            flags=[flag for flag in str(flags_text).split("; ") if flag] if flags_text else [],
        )

    @property
    def current(self) -> ContactView | None:
        return self.view(self.queue[0]) if self.queue else None

    @staticmethod
    def _answers(decision: Decision | None) -> dict[str, str | None]:
        if decision is None:
            return dict.fromkeys(QUESTIONS)
        return {question: getattr(decision, question) for question in QUESTIONS}

    def _pre_answers(self, key: str) -> dict[str, str]:
        """Answers the archive proves; never for flagged (possibly fake) profiles."""
        insight = self._insights.get(key)
        if not insight or insight.get("flags") or not insight.get("proves_interaction"):
            return {}
        return {"interacted": "yes"}

    def _suggestion(self, key: str, answers: dict[str, str | None]) -> str | None:
        pre = self._pre_answers(key)
        if not pre:
            return None
        merged = answers | {q: a for q, a in pre.items() if answers.get(q) is None}
        if merged == answers and self._verdict(key) in ("keep", "disconnect"):
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

    def _save(self, key: str, action: str, **changes: object) -> Decision:
        decision = self.store.save_decision(key, action, **changes)
        self._remember(key, decision)
        return decision

    def _advance(self, key: str, verdict: str) -> None:
        if self.queue and self.queue[0] == key:
            self.queue.pop(0)
        elif key in self.queue:
            self.queue.remove(key)
        if verdict == "later":
            self.queue.append(key)
        self._decided_times.append(self._clock())
        self._remember_position()

    def _remember_position(self) -> None:
        self.store.set_setting(CURRENT_KEY_SETTING, self.queue[0] if self.queue else None)

    def _outcome(self, key: str, verdict: str | None) -> Outcome:
        return Outcome(key=key, name=self.view(key).name, verdict=verdict)

    def answer(self, value: str) -> Outcome | None:
        """Answer the current question with yes / no / maybe; settle the verdict when possible."""
        if not self.queue:
            return None
        key = self.queue[0]
        decision = self._decisions.get(key)
        answers = self._answers(decision)
        if decision is not None and decision.verdict in ("keep", "disconnect"):
            answers = dict.fromkeys(QUESTIONS)  # revisiting a decided contact: ask again
        question = self.rule.next_question(answers)
        if question is None:
            return None
        answers[question] = value
        verdict = self.rule.verdict(answers)
        changes: dict[str, object] = dict(answers)
        if verdict is not None:
            changes["verdict"] = verdict
        elif decision is not None and decision.verdict in ("keep", "disconnect"):
            changes["verdict"] = None
        self._save(key, f"answer:{question}={value}", **changes)
        if verdict is not None:
            self._advance(key, verdict)
        return self._outcome(key, verdict)

    def decide(self, verdict: str) -> Outcome | None:
        """keep / disconnect / later, whatever the answers say."""
        if not self.queue:
            return None
        key = self.queue[0]
        self._save(key, verdict, verdict=verdict)
        self._advance(key, verdict)
        return self._outcome(key, verdict)

    def accept_suggestion(self) -> Outcome | None:
        """Record what the evidence proves and the verdict it leads to; None if nothing to do."""
        if not self.queue:
            return None
        key = self.queue[0]
        decision = self._decisions.get(key)
        answers = self._answers(decision)
        pre = {q: a for q, a in self._pre_answers(key).items() if answers.get(q) is None}
        verdict = self.rule.verdict(answers | pre)
        if not pre and verdict is None:
            return None
        changes: dict[str, object] = dict(pre)
        if verdict is not None:
            changes["verdict"] = verdict
        self._save(key, "accept", **changes)
        if verdict is not None:
            self._advance(key, verdict)
        return self._outcome(key, verdict)

    def set_note(self, text: str) -> None:
        if self.queue:
            self._save(self.queue[0], "note", note=text.strip() or None)

    def undo(self) -> Outcome | None:
        """Step back once: restore that contact's previous state and show it again."""
        key = self.store.undo()
        if key is None:
            return None
        restored = self.store.decision(key)
        if key in self._row_of:
            self._remember(key, restored)
        if self._decided_times:
            self._decided_times.pop()
        if key in self._row_of:
            if key in self.queue:
                self.queue.remove(key)
            self.queue.insert(0, key)
            self._remember_position()
        return self._outcome(key, None if restored is None else restored.verdict)

    def jump_to(self, key: str) -> None:
        """Bring a contact (found by search) to the front, decided or not."""
        if key not in self._row_of:
            return
        if key in self.queue:
            self.queue.remove(key)
        self.queue.insert(0, key)
        self._remember_position()

    def search(self, text: str, limit: int = 50) -> list[ContactView]:
        """Contacts whose name, company or position holds every word of `text`, any case."""
        words = fold(text).split()
        if not words:
            return []
        if self._search_text is None:
            # Folding 30,000 names takes ~40 ms: paid on the first search, not at start-up.
            self._search_text = self.contacts.select(
                folded(
                    pl.concat_str(
                        [
                            pl.col("first_name").fill_null(""),
                            pl.col("last_name").fill_null(""),
                            pl.col("company").fill_null(""),
                            pl.col("position").fill_null(""),
                        ],
                        separator=" ",
                    )
                ).alias("text")
            )["text"]
        mask = pl.lit(True)
        frame = pl.DataFrame({"text": self._search_text, "key": self.contacts["key"]})
        for word in words:
            mask = mask & pl.col("text").str.contains(word, literal=True)
        keys = frame.filter(mask).head(limit)["key"].to_list()
        return [self.view(key) for key in keys]

    def listing(self, verdict: str | None = None) -> pl.DataFrame:
        """Every contact with its verdict, by name, for the list of all contacts.

        `verdict` keeps one kind: keep, disconnect, later, or "undecided". Columns: verdict,
        name, company, position, connected (ISO date), then key (not shown).
        """
        verdicts = pl.DataFrame(
            {
                "key": list(self._decisions),
                "verdict": [decision.verdict for decision in self._decisions.values()],
            },
            schema={"key": pl.String, "verdict": pl.String},
        )
        if self._listed is None:  # names never change in a session: fold and sort them once
            self._listed = self.contacts.sort(
                folded(pl.col("last_name")), folded(pl.col("first_name")), "key"
            ).select(
                pl.concat_str(
                    [pl.col("first_name").fill_null(""), pl.col("last_name").fill_null("")],
                    separator=" ",
                )
                .str.strip_chars()
                .alias("name"),
                "company",
                "position",
                pl.col("connected_on").cast(pl.String).alias("connected"),
                "key",
            )
        frame = self._listed.join(verdicts, on="key", how="left", maintain_order="left")
        if verdict == "undecided":
            frame = frame.filter(pl.col("verdict").is_null())
        elif verdict is not None:
            frame = frame.filter(pl.col("verdict") == verdict)
        return frame.select(
            pl.col("verdict").fill_null("—"), "name", "company", "position", "connected", "key"
        )

    # -- progress -------------------------------------------------------------------------------

    def progress(self) -> Progress:
        counts = {verdict: self._counts[verdict] for verdict in ("keep", "disconnect", "later")}
        total = self.contacts.height
        undecided = total - sum(counts.values())
        return Progress(
            total=total,
            keep=counts["keep"],
            disconnect=counts["disconnect"],
            later=counts["later"],
            undecided=undecided,
            seconds_left=self._seconds_left(undecided + counts["later"]),
        )

    def _seconds_left(self, remaining: int) -> float | None:
        """Remaining contacts times the user's own median pace; breaks over 5 min don't count."""
        times = self._decided_times[-(_PACE_WINDOW + 1) :]
        gaps = [b - a for a, b in itertools.pairwise(times) if 0 <= b - a < _BREAK_SECONDS]
        if len(gaps) < 3:
            return None
        return statistics.median(gaps) * remaining
