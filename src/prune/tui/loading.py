"""What the review reads: its first card, then off the UI thread the session and the evidence.

The first card is one row read on the UI thread before the first paint (see core.review.opening).
The session and the evidence run in thread workers. The session is read through a
`Store.reader()` opened (and closed) on the worker's own thread; the evidence is handed the
snapshot and contacts as plain data. So no worker ever uses the connection of the UI thread's
store, which keeps saving decisions.
"""

from __future__ import annotations

import gc
import sqlite3
import weakref
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from prune.core.review.opening import Opening, opening
from prune.core.review.rules import Rule
from prune.core.review.session import IndexedInsights, ReviewSession
from prune.core.state.store import Snapshot, StoreError
from prune.tui.context import AppContext
from prune.tui.workers import one_line

if TYPE_CHECKING:
    from prune.core.evidence.collect import Evidence
    from prune.core.review.past_listing import PastListing


def first_card(context: AppContext, rule: Rule, order: str) -> Opening | None:
    """The first card, read on the UI thread before the first paint (milliseconds).

    None when nobody is left to review, or when it could not be read: the session's worker then
    meets the same problem and reports it as the load's failure, so nothing is lost here.
    """
    try:
        return opening(context.store, context.snapshot_id, rule, order)
    except Exception:  # the worker, reading everything again, says what went wrong
        return None


def build_session(context: AppContext, rule: Rule, order: str) -> ReviewSession:
    """The review of the context's snapshot; call it on a worker thread (it reads everything).

    The session writes to the context's store later, on the UI thread; here it only reads, and
    through a reader of this thread's own.
    """
    # What exists now (Textual's widgets, then the session's tens of thousands of objects)
    # lives as long as the app: frozen, the cyclic collector stops walking it on every full
    # collection, which otherwise stalls the load and, later, random key presses.
    gc.freeze()
    try:
        with context.store.reader() as reader:
            session = ReviewSession(
                context.store,
                context.snapshot_id,
                rule,
                order=order,
                clock=context.pace_clock,
                read_from=reader,
            )
    except sqlite3.DatabaseError:
        context.store.pages_checked()  # damage the page check found is said as such
        raise
    gc.freeze()
    # Handed over only once the file is known sound (see core.state.page_check).
    context.store.pages_checked()
    return session


def load_failure(error: BaseException) -> str:
    """The line the app ends with when the review's contacts could not be loaded."""
    if isinstance(error, StoreError):  # a damaged state file says itself what to do
        return one_line(error)
    return f"the contacts could not be loaded ({one_line(error)})"


def read_evidence(
    data_dir: Path, snapshot: Snapshot, contacts: pl.DataFrame, today: date
) -> tuple[Evidence, IndexedInsights]:
    """The snapshot's evidence (cached beside the state file) and what each card shows of it."""
    from prune.core.evidence.card_insights import insights  # on the worker, like the reader

    evidence = load_or_compute(data_dir, snapshot, contacts)
    return evidence, IndexedInsights(insights(evidence, today=today))


def load_or_compute(data_dir: Path, snapshot: Snapshot, contacts: pl.DataFrame) -> Evidence:
    """`evidence.cache.load_or_compute`, its reader imported on the worker, after the first card
    (it brings the whole export reader with it)."""
    from prune.core.evidence import cache

    return cache.load_or_compute(data_dir, snapshot, contacts)


WARMED_PAST: weakref.WeakKeyDictionary[ReviewSession, PastListing] = weakref.WeakKeyDictionary()
"""Past connections read ahead of the list of all contacts, for the session it will list."""


def warm_listing(context: AppContext, session: ReviewSession) -> None:
    """On a worker, ahead of `a`: the names sorted, the list's code imported, and the past
    connections (reading every earlier export) read through a reader of this thread's own."""
    import prune.tui.screens.contacts_screen  # noqa: F401  (the code the list runs)
    from prune.core.review.past_listing import PastListing

    session.listing()
    with context.store.reader() as reader:
        WARMED_PAST[session] = PastListing(context.store, session.snapshot_id, read_from=reader)


def past_listing(context: AppContext, session: ReviewSession) -> PastListing:
    """The past connections for the list: as warmed up, else (`a` came first) read now."""
    from prune.core.review.past_listing import PastListing

    warmed = WARMED_PAST.pop(session, None)
    return warmed if warmed is not None else PastListing(context.store, session.snapshot_id)
