"""The three questions and the rules that turn answers into a keep / disconnect verdict.

A rule is asked question by question; as soon as the answers settle the outcome, the remaining
questions are skipped. "maybe" counts as no: the point is to keep the people you are sure about.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from prune.core.model import Answer, Question, Verdict

# The answers given so far; a question not answered yet is absent or None.
Answers = Mapping[Question, Answer | None]


@dataclass(frozen=True)
class Rule:
    """Which questions a rule asks, in order, and how it settles."""

    name: str
    description: str
    asks: tuple[Question, ...]
    keep_when_any_yes: bool

    def verdict(self, answers: Answers) -> Verdict | None:
        """`keep`, `disconnect`, or None while the answers given do not settle it yet."""
        given = [answers.get(question) for question in self.asks]
        if self.keep_when_any_yes:
            if "yes" in given:
                return "keep"
            return "disconnect" if all(answer is not None for answer in given) else None
        if all(answer is not None for answer in given):
            return "keep" if all(answer == "yes" for answer in given) else "disconnect"
        if any(answer in ("no", "maybe") for answer in given):
            return "disconnect"
        return None

    def next_question(self, answers: Answers) -> Question | None:
        """The first question still to ask, or None when the verdict is settled."""
        if self.verdict(answers) is not None:
            return None
        for question in self.asks:
            if answers.get(question) is None:
                return question
        return None


RULES: dict[str, Rule] = {
    "any": Rule(
        name="any",
        description="keep when any answer is yes; disconnect when all three are no",
        asks=("known", "interacted", "favour"),
        keep_when_any_yes=True,
    ),
    "favour": Rule(
        name="favour",
        description="keep only the people you would ask a favour",
        asks=("favour",),
        keep_when_any_yes=False,
    ),
}
DEFAULT_RULE = "any"


def rule_named(name: str) -> Rule:
    """The rule called `name`, falling back to the default for unknown names."""
    return RULES.get(name, RULES[DEFAULT_RULE])
