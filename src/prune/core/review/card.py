"""What the review card shows about one contact, and what an action on it did."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from prune.core.model import QUESTIONS, Answer, Question, Verdict
from prune.core.review.rules import Rule
from prune.core.state.store import Decision

SETTLED: tuple[Verdict, ...] = ("keep", "disconnect")  # decided; "later" still comes back


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
    question: Question | None  # the one to ask next; None once the verdict is settled
    suggestion: Verdict | None = None  # what the evidence leads to, for `enter` to accept
    evidence: str | None = None
    reasons: str | None = None
    flags: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part) or "(no name)"

    def answer(self, question: Question) -> Answer | None:
        if self.decision is None:
            return None
        answer: Answer | None = getattr(self.decision, question)
        return answer


@dataclass(frozen=True)
class Outcome:
    """What an action did, so the interface can say it (e.g. in a toast)."""

    key: str
    name: str
    verdict: Verdict | None
    contacts: int = 1  # more than one for a batch: `key` and `name` are its first contact


def answers_of(decision: Decision | None) -> dict[Question, Answer | None]:
    """The three answers given so far (None where not answered)."""
    if decision is None:
        return dict.fromkeys(QUESTIONS)
    return {question: getattr(decision, question) for question in QUESTIONS}


def view_of(
    row: Mapping[str, object],
    decision: Decision | None,
    rule: Rule,
    insight: Mapping[str, object],
    suggestion: Verdict | None,
) -> ContactView:
    """The card of one contact row (CONTACT_COLUMNS), as the session and the first card show it."""
    flags_text = insight.get("flags")
    evidence, reasons = insight.get("evidence"), insight.get("reasons")
    settled = decision is not None and decision.verdict in SETTLED
    return ContactView(
        key=str(row["key"]),
        first_name=str(row["first_name"] or ""),
        last_name=str(row["last_name"] or ""),
        company=_text(row["company"]),
        position=_text(row["position"]),
        url=_text(row["url"]),
        email=_text(row["email"]),
        connected_on=row["connected_on"] if isinstance(row["connected_on"], date) else None,
        decision=decision,
        question=None if settled else rule.next_question(answers_of(decision)),
        suggestion=suggestion,
        evidence=None if evidence is None else str(evidence),
        reasons=None if reasons is None else str(reasons),
        flags=[flag for flag in str(flags_text).split("; ") if flag] if flags_text else [],
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)
