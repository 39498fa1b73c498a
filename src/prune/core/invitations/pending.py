"""Which invitations in Invitations.csv are still pending, and who each one is from or to.

An invitation whose person is among the connections was accepted; one whose person is not is
still pending (incoming: waiting for the user; outgoing: never answered). The file is read by
the same parser as the evidence (`evidence.invitations.invitation_events`), in its three layouts:

- profile URLs (2024 on): the URL says who it is, and is their key;
- member URNs (2023): a URN matches no contact, so the person is matched by a full name only one
  connection bears (as recommendations are); their key is the URN;
- no profile columns (2018, 2022): matched by a unique name the same way; keyed by the name.

A name several connections share settles nothing: such invitations are left out, and a notice
says how many.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from prune.core.evidence.invitations import invitation_events
from prune.core.evidence.matching import ContactIndex
from prune.core.reading.identity import URL_PREFIX, normalised_name

NAME_KEY_PREFIX = "named:"
PROFILE_ROOT = "https://www.linkedin.com/"

PENDING_SCHEMA: dict[str, pl.DataType] = {
    "key": pl.String(),
    "name": pl.String(),
    "url": pl.String(),
    "direction": pl.String(),  # "incoming" or "outgoing"
    "sent_at": pl.Datetime(),
    "message": pl.String(),
}


@dataclass(frozen=True)
class PendingRead:
    """The pending invitations (PENDING_SCHEMA, latest per person) and what else was learnt."""

    frame: pl.DataFrame
    became: dict[str, str] = field(default_factory=dict)  # invitation key -> contact key
    notices: list[str] = field(default_factory=list)


def read_pending(
    raw: bytes, name: str, contacts: pl.DataFrame, owner_name: str | None
) -> PendingRead:
    """Pending invitations in `raw` against the snapshot's `contacts`; raises ExportError."""
    owner = None
    if owner_name:
        owner = pl.select(normalised_name(pl.lit(owner_name, dtype=pl.String))).item()
    events = invitation_events(raw, name, owner)
    person_key = (
        pl.when(pl.col("url_key").is_not_null())
        .then(pl.col("url_key"))
        .when(pl.col("urn").str.starts_with("urn:li:"))
        .then(pl.col("urn"))
        .otherwise(pl.lit(NAME_KEY_PREFIX) + normalised_name(pl.col("name")))
    )
    events = events.with_columns(
        person_key.alias("invitation_key"), pl.col("name").str.strip_chars().alias("written")
    ).filter(pl.col("invitation_key").is_not_null())
    resolved = ContactIndex.build(contacts).resolve(events)
    resolved = resolved.sort("at", descending=True, nulls_last=True).unique(
        subset="invitation_key", keep="first", maintain_order=True
    )
    accepted = resolved.filter(pl.col("key").is_not_null())
    shared = resolved.filter(pl.col("key").is_null() & pl.col("shared_by").is_not_null())
    pending = resolved.filter(pl.col("key").is_null() & pl.col("shared_by").is_null())
    frame = pending.select(
        pl.col("invitation_key").alias("key"),
        pl.col("written").alias("name"),
        profile_url(pl.col("url_key")).alias("url"),
        pl.when(pl.col("outgoing"))
        .then(pl.lit("outgoing"))
        .otherwise(pl.lit("incoming"))
        .alias("direction"),
        pl.col("at").cast(pl.Datetime()).alias("sent_at"),
        pl.col("note").alias("message"),
    ).cast(PENDING_SCHEMA)  # type: ignore[arg-type]
    became = dict(zip(accepted["invitation_key"], accepted["key"], strict=True))
    return PendingRead(frame, became, _notices(name, accepted, shared, pending))


def profile_url(url_key: pl.Expr) -> pl.Expr:
    """`url:in/ana` as the link a browser opens, https://www.linkedin.com/in/ana; else null."""
    return pl.when(url_key.str.starts_with(URL_PREFIX)).then(
        pl.lit(PROFILE_ROOT) + url_key.str.strip_prefix(URL_PREFIX)
    )


def _notices(
    name: str, accepted: pl.DataFrame, shared: pl.DataFrame, pending: pl.DataFrame
) -> list[str]:
    """Say what was settled by name alone, as the card does for recommendations."""
    notices: list[str] = []
    by_name = accepted.filter(pl.col("by_name")).height
    unnamed = pending.filter(pl.col("url_key").is_null()).height
    if by_name or unnamed:
        notices.append(
            f"{name} names some people without a profile URL: {by_name} invitation"
            f"{'s were' if by_name != 1 else ' was'} matched to a connection by a name only one "
            f"connection bears, and {unnamed} {'are' if unnamed != 1 else 'is'} pending because "
            "no connection bears that name."
        )
    if shared.height:
        notices.append(
            f"{shared.height} invitation{'s name' if shared.height != 1 else ' names'} a person "
            "several connections are called: prune cannot tell whether "
            f"{'they were' if shared.height != 1 else 'it was'} accepted, so "
            f"{'they are' if shared.height != 1 else 'it is'} left out."
        )
    return notices
