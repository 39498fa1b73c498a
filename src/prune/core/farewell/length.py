"""Whether a farewell fits in a LinkedIn message.

A farewell is a message to a first-degree connection (it is sent while the two are still
connected), and LinkedIn's limit for those is commonly given as 8,000 characters. The better known
300-character limit (200 on free accounts) is for the note on a connection *request*, which is not
what is sent here. LinkedIn does not say how it counts; `message_length` counts UTF-16 code units,
as browsers' JavaScript does, which errs on the safe side: an emoji counts twice.
"""

from __future__ import annotations

LINKEDIN_MESSAGE_LIMIT = 8000


def message_length(text: str) -> int:
    """Length in UTF-16 code units, as a browser counts text (an emoji counts as two)."""
    return len(text.encode("utf-16-le")) // 2


def check_length(text: str) -> str | None:
    """Why this message cannot be sent as it is, or None when it can."""
    if not text.strip():
        return "The message is empty: write something, or clear the edit to use the template."
    length = message_length(text)
    if length > LINKEDIN_MESSAGE_LIMIT:
        return (
            f"Too long for LinkedIn: {length:,} characters where a message may have at most "
            f"{LINKEDIN_MESSAGE_LIMIT:,}. Shorten it by {length - LINKEDIN_MESSAGE_LIMIT:,} "
            "before copying."
        )
    return None
