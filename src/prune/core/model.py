"""The words prune's parts share: verdicts, answers, questions, farewell statuses and columns.

Each is a `Literal` type for the checker and a tuple of its values for code that validates
input or iterates, defined once here so the store, the review and the screens cannot drift.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

Verdict = Literal["keep", "disconnect", "later"]
Answer = Literal["yes", "no", "maybe"]
Question = Literal["known", "interacted", "favour"]
# What the store keeps for a farewell, as the user moves it along.
FarewellMark = Literal["drafted", "copied", "sent", "removed"]
# What a farewell is shown as: a mark, or "no message needed" when the contact gets none (a
# flagged profile by default, or anyone the user chose it for). That one is never stored: it
# follows from the choice, so changing the choice cannot leave a stale status behind.
FarewellStatus = Literal[FarewellMark, "no message needed"]

VERDICTS: Final[tuple[Verdict, ...]] = get_args(Verdict)
ANSWERS: Final[tuple[Answer, ...]] = get_args(Answer)
QUESTION_IDS: Final[tuple[Question, ...]] = get_args(Question)
FAREWELL_MARKS: Final[tuple[FarewellMark, ...]] = get_args(FarewellMark)
FAREWELL_STATUSES: Final[tuple[FarewellStatus, ...]] = get_args(FarewellStatus)
NO_MESSAGE_NEEDED: Final[FarewellStatus] = "no message needed"

QUESTIONS: Final[dict[Question, str]] = {
    "known": "Do you know them?",
    "interacted": "Have you ever interacted?",
    "favour": "Would you ask them for a professional favour?",
}

# One row of a snapshot's contacts, as the store keeps it and every reader returns it.
CONTACT_COLUMNS: Final[tuple[str, ...]] = (
    "key",
    "first_name",
    "last_name",
    "url",
    "email",
    "company",
    "position",
    "connected_on",
)

# What the evidence adds to each contact for the review card (see evidence.card_insights).
INSIGHT_COLUMNS: Final[tuple[str, ...]] = (
    "key",
    "evidence",
    "proves_interaction",
    "score",
    "reasons",
    "flags",
)
