"""Past connections as the workbench lists and queries them (`status:past`).

Everyone in an earlier export and not in the latest (core.state.past), with their decision and
the export date of the first snapshot they were missing from, read once per list opened. They
are listed and searched like the current contacts, but never decided: they are no longer
connected, so there is nothing left to disconnect.
"""

from __future__ import annotations

import polars as pl

from prune.core.model import CONTACT_COLUMNS
from prune.core.review.listing import ContactListing
from prune.core.review.query import PAST, folded_text, query_frame
from prune.core.state.past import past_connections
from prune.core.state.store import Store

GONE = "gone"
"""The listing's column with the day they were first missing, as "20 Nov 2026"."""


class PastListing:
    """The past connections as of one snapshot: listed by name, with a query frame of their own."""

    def __init__(self, store: Store, snapshot_id: int, *, read_from: Store | None = None) -> None:
        """`read_from` is where the past connections are read, when not `store`: a worker
        thread's reader. Their decisions are read later, from `store`, each time listed."""
        past = past_connections(store if read_from is None else read_from, as_of=snapshot_id)
        self.contacts = past.select(CONTACT_COLUMNS).with_columns(pl.lit(True).alias(PAST))
        self._gone = past.select(
            "key",
            pl.col("gone_since").str.to_date(strict=False).dt.strftime("%-d %b %Y").alias(GONE),
        )
        self._listing = ContactListing(self.contacts)
        self._store = store
        self._frame: pl.DataFrame | None = None

    @property
    def count(self) -> int:
        return self.contacts.height

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(self.contacts["key"].to_list())

    def listing(self, verdict: str | None = None) -> pl.DataFrame:
        """As ContactListing.frame, then GONE: their decisions as the store has them now."""
        decisions = self._store.decisions().filter(
            pl.col("key").is_in(self.contacts["key"].implode())
        )
        verdicts = dict(zip(decisions["key"], decisions["verdict"], strict=True))
        frame = self._listing.frame(verdicts, verdict)
        return frame.join(self._gone, on="key", how="left", maintain_order="left")

    def query_frame(self) -> pl.DataFrame:
        """What a query reads about them: their profile only (the archive is the latest's)."""
        if self._frame is None:
            self._frame = query_frame(self.contacts, text=folded_text(self.contacts))
        return self._frame
