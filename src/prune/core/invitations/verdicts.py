"""The same three questions before anyone new gets in: the review rule, read as accept/ignore.

A rule that would keep a contact accepts an invitation; one that would disconnect ignores it.
"""

from __future__ import annotations

from prune.core.review.rules import Answers, Rule
from prune.core.state.invitation_decisions import InvitationDecision


def invitation_decision(rule: Rule, answers: Answers) -> InvitationDecision | None:
    """`accept`, `ignore`, or None while the answers do not settle it yet."""
    verdict = rule.verdict(answers)
    if verdict == "keep":
        return "accept"
    if verdict == "disconnect":
        return "ignore"
    return None
