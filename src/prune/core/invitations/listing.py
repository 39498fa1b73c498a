"""The pending invitations of a snapshot, each with its decision: accept, ignore or withdraw.

The decision is the one the user stored; an outgoing invitation older than the stale span and
not decided otherwise is listed as `withdraw` (LinkedIn restricts accounts with too many
invitations outstanding). People the export now lists as connections are marked accepted in
the store here, so a decision on a pending person follows them once they connect.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

import polars as pl

from prune.core.errors import ExportError
from prune.core.evidence.cache import reopen_export
from prune.core.evidence.collect import INVITATIONS
from prune.core.invitations.defaults import DEFAULT_STALE_AFTER
from prune.core.invitations.flags import invitation_flags
from prune.core.invitations.pending import PENDING_SCHEMA, read_pending
from prune.core.periods import Period
from prune.core.state.records import Snapshot
from prune.core.state.store import Store

INVITATION_COLUMNS: tuple[str, ...] = (
    "key",
    "name",
    "url",
    "direction",
    "sent_at",
    "message",
    "decision",
    "stale",
    "flags",
    "known",
    "interacted",
    "favour",
)
"""Columns of `InvitationList.frame`; sent_at is a datetime, stale a bool, the rest text."""

JSON_FIELDS: tuple[str, ...] = ("url", "name", "direction", "sent_at", "message", "decision")


@dataclass(frozen=True)
class InvitationList:
    """Pending invitations (INVITATION_COLUMNS): incoming first, newest first; and notices."""

    frame: pl.DataFrame
    notices: list[str] = field(default_factory=list)
    accepted_since: int = 0  # stored decisions that became connections in this snapshot

    def as_json(self) -> list[dict[str, object]]:
        """One object per invitation with JSON_FIELDS; sent_at as ISO text."""
        rows = self.frame.select(
            *(name for name in JSON_FIELDS if name != "sent_at"),
            pl.col("sent_at").dt.to_string("%Y-%m-%dT%H:%M:%S"),
        )
        return [{name: row[name] for name in JSON_FIELDS} for row in rows.iter_rows(named=True)]


def invitation_list(
    store: Store,
    snapshot: Snapshot,
    *,
    today: date,
    stale_after: Period = DEFAULT_STALE_AFTER,
    record_accepts: bool = True,
) -> InvitationList:
    """Read Invitations.csv of the snapshot's export again and list what is still pending.

    Never raises for a missing or unreadable file: the notices say why the list is empty.
    Writes to the store (people now connected are marked accepted), so use the UI thread's store;
    a reader that may not write (an export while a review runs) passes `record_accepts=False`:
    the pending list is the same, since people now connected are not pending.
    """
    contacts = store.contacts(snapshot.id)
    files, problem = reopen_export(snapshot)
    if files is None:
        return InvitationList(_empty(), [problem])
    raw = files.read(INVITATIONS)
    if raw is None:
        return InvitationList(_empty(), ["This export has no Invitations.csv: no invitations."])
    try:
        pending = read_pending(raw, "Invitations.csv", contacts, snapshot.owner_name)
    except ExportError as error:
        return InvitationList(_empty(), [f"Invitations.csv was not read: {error}"])
    table = store.invitation_decisions()
    became = dict(pending.became)
    contact_keys = set(contacts["key"].to_list())
    for key in table.frame()["key"].to_list():
        if key in contact_keys:
            became.setdefault(key, key)
    accepted = table.mark_connected(became) if record_accepts else 0
    stored = table.frame().select("key", "decision", "known", "interacted", "favour")
    stale_before = datetime.combine(stale_after.before(today), time())
    frame = pending.frame.join(stored, on="key", how="left", maintain_order="left")
    stale = (pl.col("direction") == "outgoing") & (pl.col("sent_at") < stale_before)
    frame = (
        frame.with_columns(stale.fill_null(False).alias("stale"))
        .with_columns(
            pl.when(pl.col("decision").is_null() & pl.col("stale"))
            .then(pl.lit("withdraw"))
            .otherwise(pl.col("decision"))
            .alias("decision"),
            invitation_flags(frame).alias("flags"),
        )
        .sort(["direction", "sent_at", "key"], descending=[False, True, False], nulls_last=True)
    )
    return InvitationList(frame.select(INVITATION_COLUMNS), pending.notices, accepted)


def _empty() -> pl.DataFrame:
    schema = PENDING_SCHEMA | {
        "decision": pl.String(),
        "stale": pl.Boolean(),
        "flags": pl.String(),
        **{question: pl.String() for question in ("known", "interacted", "favour")},
    }
    return pl.DataFrame(schema=schema).select(INVITATION_COLUMNS)
