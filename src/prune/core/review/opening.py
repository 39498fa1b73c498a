"""The first card of a review, read in milliseconds so it is painted before the session exists.

Building a `ReviewSession` indexes every contact and decision; the first card needs the columns
its order sorts by (from the snapshot's columnar copy), one contact's row, its decision and four
counts. The session reads the whole copy on its worker, after the first paint. The contact is
the one the session will put first (the place kept in the queue, else the head of the queue in
the chosen order), so the card does not change when the session arrives, and a key pressed
before then acts on it.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from prune.core.review.card import ContactView, view_of
from prune.core.review.order_names import known_order
from prune.core.review.orders import order_columns, ordered
from prune.core.review.progress import Progress
from prune.core.review.rules import Rule
from prune.core.state.store import Store

CURRENT_KEY_SETTING = "review.current_key"
"""The contact at the front of the queue, kept after every move so the review resumes there."""


@dataclass(frozen=True)
class Opening:
    """The first card and the header above it."""

    view: ContactView
    progress: Progress


def opening(store: Store, snapshot_id: int, rule: Rule, order: str) -> Opening | None:
    """The card a new session of `snapshot_id` starts on; None when nobody is left to review."""
    contacts = store.contacts(snapshot_id, order_columns(known_order(order)))
    verdicts = store.verdicts()
    if not verdicts.is_empty():  # a review not begun has none: nothing to match 30,000 keys to
        verdicts = verdicts.filter(pl.col("key").is_in(contacts["key"].implode()))
    key = _first_key(store, contacts, verdicts, order)
    row = None if key is None else store.contact(snapshot_id, key)
    if key is None or row is None:
        return None
    view = view_of(row, store.decision(key), rule, {}, None)  # no evidence yet: no suggestion
    counts: dict[str, int] = dict(verdicts.group_by("verdict").len().iter_rows())
    keep, disconnect, later = (
        counts.get(verdict, 0) for verdict in ("keep", "disconnect", "later")
    )
    progress = Progress(
        total=contacts.height,
        keep=keep,
        disconnect=disconnect,
        later=later,
        undecided=contacts.height - keep - disconnect - later,
        seconds_left=None,  # no pace before the first decision of a session
    )
    return Opening(view, progress)


def _first_key(
    store: Store, contacts: pl.DataFrame, verdicts: pl.DataFrame, order: str
) -> str | None:
    """The place kept in the queue when it is still to review; else the head of the queue the
    session builds (see `queue_of`): the first without a verdict in `order`, else the first
    deferred."""
    kept = store.setting(CURRENT_KEY_SETTING)
    if kept is not None and not contacts.filter(pl.col("key") == kept).is_empty():
        decision = store.decision(kept)
        if decision is None or decision.verdict in (None, "later"):
            return kept
    pending = ordered(contacts, known_order(order), None)
    if not verdicts.is_empty():
        pending = pending.filter(~pl.col("key").is_in(verdicts["key"].implode()))
    if not pending.is_empty():
        return str(pending["key"][0])
    later = (
        store.decisions()
        .filter(pl.col("verdict") == "later", pl.col("key").is_in(contacts["key"].implode()))
        .sort(pl.col("later_seq").fill_null(0), maintain_order=True)
    )
    return None if later.is_empty() else str(later["key"][0])
