"""What the review card shows about one contact, and what an action on it did."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from prune.core.model import Answer, Question, Verdict
from prune.core.state.store import Decision


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
