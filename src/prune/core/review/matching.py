"""The contacts of a snapshot a query matches, read from the store: what `--where` evaluates.

The archive's evidence is loaded (from its cache, else the export) only when the query asks
about it, so `prune decide keep --where company:acme` never reads a messages file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from prune.core.evidence.cache import load_or_compute
from prune.core.review.query import matching_keys, parse_terms, query_expression, query_frame
from prune.core.state.store import Snapshot, Store

EVIDENCE_FIELDS = frozenset({"messages", "last", "evidence", "colleague", "invited"})
"""The fields read from the archive's side files rather than Connections.csv."""


@dataclass(frozen=True)
class Matches:
    """The keys matched, in the snapshot's order, and any notice on evidence left unread."""

    keys: list[str]
    contacts: pl.DataFrame  # the snapshot's contacts, for names
    notices: list[str] = field(default_factory=list)

    def names(self, limit: int) -> list[str]:
        """The first `limit` matches' names as a person reads them."""
        first = pl.DataFrame({"key": self.keys[:limit]}, schema={"key": pl.String}).join(
            self.contacts, on="key", how="left", maintain_order="left"
        )
        return [
            " ".join(part for part in (row["first_name"], row["last_name"]) if part) or "(no name)"
            for row in first.iter_rows(named=True)
        ]


def contacts_matching(store: Store, snapshot: Snapshot, query: str) -> Matches:
    """Every contact of `snapshot` that `query` matches; raises QueryError before any reading."""
    query_expression(query)  # refuse a bad query before the export is opened
    contacts = store.contacts(snapshot.id)
    evidence = None
    notices: list[str] = []
    if any(term.field in EVIDENCE_FIELDS for term in parse_terms(query)):
        found = load_or_compute(store.path.parent, snapshot, contacts)
        evidence, notices = found.frame, found.notices
    frame = query_frame(contacts, evidence)
    return Matches(matching_keys(frame, store.decisions(), query), contacts, notices)
