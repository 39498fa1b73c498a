"""The detail view's sentences on how the messages went: one to one, and in groups.

A group message (see message_tally) shows the two were in one conversation, not that they wrote
to each other, so who wrote first and last is told from the one-to-one messages alone.
"""

from __future__ import annotations

from typing import Any


def conversation_lines(row: dict[str, Any]) -> list[str]:
    """Lines for one contact's evidence row with at least one message."""
    in_groups_sent, in_groups_received = row["group_messages_sent"], row["group_messages_received"]
    sent = row["messages_sent"] - in_groups_sent
    received = row["messages_received"] - in_groups_received
    lines: list[str] = []
    in_groups = in_groups_sent + in_groups_received
    if in_groups:
        whole = "All" if not sent + received else f"{in_groups} of them"
        lines.append(
            f"{whole} in group conversations (you wrote {in_groups_sent}, they wrote "
            f"{in_groups_received}): a group message is not a one-to-one exchange."
        )
    if sent and received:
        first_writer = "you" if row["first_writer"] == "you" else "they"
        last_writer = "you" if row["last_writer"] == "you" else "they"
        line = f"{first_writer} wrote first; {last_writer} wrote last."
    elif sent:
        line = "only you wrote; they never replied."
    elif received:
        line = "only they wrote; you never replied."
    else:
        return lines
    lines.append(f"One to one, {line}" if in_groups else line[0].upper() + line[1:])
    return lines
