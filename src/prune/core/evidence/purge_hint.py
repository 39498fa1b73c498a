"""Telling a purge of fake accounts from people leaving: the bare-bones share of those gone.

LinkedIn removes fake and abandoned accounts in waves and says nothing to the members they were
connected to; from the exports it looks as if dozens of people removed you at once. When most of
those gone without the user's doing had bare-bones profiles (see flags), the purge is the likely
cause, and saying so, with the numbers, spares the user a wrong conclusion.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from prune.core.evidence.flags import bare_bones_flags
from prune.core.state.changes import SnapshotChanges

PURGE_SHARE = 0.5  # at least half of those gone without your doing were bare-bones…
PURGE_MINIMUM = 10  # …and at least this many of them: a handful of odd profiles is no purge


@dataclass(frozen=True)
class PurgeHint:
    """How many of those gone without the user's doing had bare-bones profiles."""

    flagged: int
    gone: int

    @property
    def text(self) -> str:
        return (
            f"{self.flagged} of {self.gone} who went without your doing had bare-bones "
            "profiles: LinkedIn's removal of fake accounts is the likely cause, not people "
            "removing you."
        )

    def as_dict(self) -> dict[str, object]:
        return {"flagged": self.flagged, "gone_without_you": self.gone, "text": self.text}


def purge_hint(changes: SnapshotChanges, older_contacts: pl.DataFrame) -> PurgeHint | None:
    """The hint when the share is large enough (PURGE_SHARE and PURGE_MINIMUM), else None.

    Flags are worked out over the whole older snapshot, as the review saw them there: whether a
    missing URL counts depends on the rest of that export having URLs.
    """
    gone = changes.gone_without_you.select("key")
    if gone.height < PURGE_MINIMUM:
        return None
    flags = bare_bones_flags(older_contacts).filter(pl.col("flags").is_not_null())
    flagged = gone.join(flags, on="key", how="semi").height
    if flagged < PURGE_MINIMUM or flagged < PURGE_SHARE * gone.height:
        return None
    return PurgeHint(flagged=flagged, gone=gone.height)
