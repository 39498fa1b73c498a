"""The lists a user takes away from prune: who to disconnect, keep, see later, or not yet decided.

A list is one polars frame per snapshot, joining each contact with their decision and farewell, in
alphabetical order by last name then first name. That order is chosen over the review order
because these lists are worked through by hand on LinkedIn, where people are found by name, and
because it does not shift when decisions change or the review order is switched.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

import polars as pl

from prune.core.evidence.flags import is_bare_bones
from prune.core.lists.halves import in_halves
from prune.core.lists.list_order import FLAGGED, in_list_order, sorted_by_name
from prune.core.model import NO_MESSAGE_NEEDED, VERDICTS, Verdict
from prune.core.state.past import past_connections
from prune.core.state.records import DECISION_FIELDS
from prune.core.state.store import Store

LISTS: tuple[str, ...] = ("disconnect", "keep", "later", "undecided", "all")
"""The lists of the snapshot's own contacts; `undecided` means no verdict yet, `all` every one."""

PAST = "past"
EXPORTABLE_LISTS: tuple[str, ...] = (*LISTS, PAST)
"""Every list `contact_list` can build: also `past`, the people in an earlier export only."""

INVITATION_LISTS: tuple[str, ...] = ("accept", "ignore", "withdraw")
"""The lists `invitation_rows` builds from pending invitations, one per decision."""

EXPORT_LISTS: tuple[str, ...] = EXPORTABLE_LISTS + INVITATION_LISTS
"""Every list `prune export --list` takes."""

LIST_TITLES: dict[str, str] = {
    "disconnect": "Disconnect list",
    "keep": "Keep list",
    "later": "Later list",
    "undecided": "Undecided contacts",
    "all": "All contacts",
    PAST: "Past connections",
    "accept": "Invitations to accept",
    "ignore": "Invitations to ignore",
    "withdraw": "Invitations to withdraw",
}

INVITATION_LIST_COLUMNS: tuple[str, ...] = (
    "first_name",
    "last_name",
    "url",
    "company",
    "position",
    "direction",
    "sent_at",
    "message",
    "decision",
    "flags",
)
"""The columns of an invitation list; company and position are empty (an invitation has none),
and kept so the checklist and name formats read both kinds of list alike."""

COLUMNS: tuple[str, ...] = (
    "first_name",
    "last_name",
    "url",
    "company",
    "position",
    "connected_on",
    "verdict",
    "known",
    "interacted",
    "favour",
    "note",
    "farewell_message",
    "farewell_status",
    "decided_at",
)
"""The columns of every list, in the order files show them. All are strings (or null)."""

OWN_WORD_COLUMNS: frozenset[str] = frozenset(
    {"verdict", "known", "interacted", "favour", "farewell_status"}
)
"""The columns of a contact list that only ever hold one of prune's own words (a verdict, an
answer, a farewell status: the state file's CHECK constraints and `_with_farewells` see to it),
or null. None of those starts like a formula, so the CSV writer need not search them."""

PAST_COLUMNS: tuple[str, ...] = (*COLUMNS, "seen_from", "seen_until", "gone_since")
"""The past list adds the export dates they were first and last seen in, and the first without."""

EMAIL_COLUMN = "email"
"""Added last to a list when the export gives anyone's e-mail address (most connections hide it),
so lists of an export without any keep exactly the columns above."""

_LIST_DECISION_FIELDS = [
    name for name in DECISION_FIELDS if name not in ("later_seq", "updated_at")
]
# Lists that are usually most of the network: put in order before the join (in the order kept
# for the snapshot: list_order), while the decisions are read.
_SORTED_BEFORE_JOIN = ("disconnect", "undecided", "all")
# The stored farewell columns a list reads, and the names they go by in it.
_FAREWELL_PARTS = {"tone": "tone", "text": "edited_text", "status": "stored_status"}

MessageRenderer = Callable[[pl.DataFrame], pl.Series]
"""Supplies the farewell text for disconnects the user has not edited.

It receives one row per such contact, with the columns key, first_name, last_name, url, company,
position, connected_on (a date; ISO text when some year is outside 1 to 9999), note (the user's
note, or null), tone (the stored tone, or null) and flagged (whether the profile has bare-bones
flags), and returns a string series of the same length and order: null where the contact gets no
message, whose status is then "no message needed" (unless marked sent or removed). The user's
own edit always wins over what it returns. Each row's text must depend on that row alone: a long
list is rendered in two halves at once (core.lists.halves).
"""


def contact_list(
    store: Store,
    snapshot_id: int,
    which: str,
    *,
    messages: MessageRenderer | None = None,
    only: Collection[str] | None = None,
) -> pl.DataFrame:
    """The contacts of one snapshot that belong to list `which`, with COLUMNS, sorted by name.

    `only` keeps just the contacts with those keys (the matches of a query), when given.
    `past` lists the people of earlier snapshots who are not in this one, with PAST_COLUMNS.
    Either ends with EMAIL_COLUMN when any of the people it is cut from has an e-mail address.
    `farewell_message` and `farewell_status` are filled for disconnects only: the message is the
    user's edit, else what `messages` renders (null without a renderer, or for no message); the
    status is the stored one, else `drafted`, or "no message needed" where the renderer gave none.
    """
    if which not in EXPORTABLE_LISTS:
        raise ValueError(f"unknown list {which!r}; expected one of {', '.join(EXPORTABLE_LISTS)}")
    people, decisions, presorted = _read_list_parts(
        store, snapshot_id, which, only=only, flags=messages is not None and which != "undecided"
    )
    columns = PAST_COLUMNS if which == PAST else COLUMNS
    if EMAIL_COLUMN in people.columns:
        columns = (*columns, EMAIL_COLUMN)
    farewells = store.farewells()

    def joined(rows: pl.DataFrame, order: Literal["left", "none"]) -> pl.DataFrame:
        if which in VERDICTS:  # the decisions read are those of this verdict only
            return rows.join(decisions, on="key", how="inner", maintain_order=order)
        rows = rows.join(decisions, on="key", how="left", maintain_order=order)
        return rows.filter(pl.col("verdict").is_null()) if which == "undecided" else rows

    if presorted:  # in list order already: joined a half at a time, each keeping its order
        frame = in_halves(people, lambda rows: _with_farewells(joined(rows, "left"), farewells))
        as_days = True  # `_read_list_parts` checked every day of the people
    else:
        frame = joined(people, "none")
        # A day of years 1 to 9999 sorts (and is rendered) as its ISO text does, and is far
        # cheaper to sort and to count years from; any other day is turned into text first.
        as_days = _days_read_as_text(frame.get_column("connected_on"))
        if not as_days:
            frame = frame.with_columns(_iso_text("connected_on"))
        frame = _with_farewells(sorted_by_name(frame), farewells)
    any_url = bool(frame.get_column("url").is_not_null().any())

    def finish(rows: pl.DataFrame) -> pl.DataFrame:  # row by row, so a half at a time
        if messages is not None:
            rows = _fill_messages(rows, messages, any_url=any_url)
        return rows.with_columns(_iso_text("connected_on")) if as_days else rows

    return in_halves(frame, finish).select(columns)


def _read_list_parts(
    store: Store, snapshot_id: int, which: str, *, only: Collection[str] | None, flags: bool
) -> tuple[pl.DataFrame, pl.DataFrame, bool]:
    """The people list `which` is cut from (without EMAIL_COLUMN when nobody gives one), its
    decisions, and whether the people are in list order already.

    SQLite lets go of the GIL while it reads, so the decisions are read on a thread of their
    own while the contacts are read and, for the lists that are usually most of them, put in
    list order (ordering them all gives the order sorting the list would: the key breaks the
    last ties, and the join keeps it) with, when `flags`, their bare-bones flags.
    """
    verdict = which if which in VERDICTS else None
    with ThreadPoolExecutor(max_workers=1) as aside:
        reading = aside.submit(_list_decisions, store, verdict)
        people = (
            past_connections(store, snapshot_id) if which == PAST else store.contacts(snapshot_id)
        )
        if not _any_present(people[EMAIL_COLUMN]):
            people = people.drop(EMAIL_COLUMN)
        presorted = which in _SORTED_BEFORE_JOIN and _days_read_as_text(people["connected_on"])
        if presorted:
            people = in_list_order(store, snapshot_id, people, flags=flags)
        if only is not None:
            keys = pl.Series(list(only), dtype=pl.String).implode()
            people = people.filter(pl.col("key").is_in(keys))
        return people, reading.result(), presorted


def _list_decisions(store: Store, verdict: Verdict | None) -> pl.DataFrame:
    """The decisions a list shows, read on a connection of this thread's own."""
    reader = store.reader()
    try:
        return reader.decisions(verdict=verdict, fields=_LIST_DECISION_FIELDS)
    finally:
        reader.close()


def _with_farewells(frame: pl.DataFrame, farewells: pl.DataFrame) -> pl.DataFrame:
    """The stored farewells joined in, and each disconnect's message (an edit) and status."""
    if farewells.is_empty():  # none stored yet (the Farewells screen never opened): no join
        frame = frame.with_columns(
            pl.lit(None, dtype=pl.String).alias(name) for name in _FAREWELL_PARTS.values()
        )
    else:
        read = [pl.col(stored).alias(name) for stored, name in _FAREWELL_PARTS.items()]
        frame = frame.join(
            farewells.select("key", *read), on="key", how="left", maintain_order="left"
        )
    is_disconnect = pl.col("verdict") == "disconnect"
    return frame.with_columns(
        pl.when(is_disconnect).then(pl.col("edited_text")).alias("farewell_message"),
        pl.when(is_disconnect)
        .then(pl.col("stored_status").fill_null("drafted"))
        .alias("farewell_status"),
    )


def _iso_text(column: str) -> pl.Expr:
    return pl.col(column).dt.to_string("%Y-%m-%d")


def _days_read_as_text(days: pl.Series) -> bool:
    """Whether every day has a year of four digits (1 to 9999), so that sorting the days and
    sorting their ISO text agree, and the farewell renderer reads both alike."""
    years = days.dt.year()
    low, high = years.min(), years.max()
    return low is None or (
        isinstance(low, int) and isinstance(high, int) and low >= 1 and high <= 9999
    )


def _any_present(values: pl.Series) -> bool:
    """Whether any value is more than blanks (most e-mail addresses are hidden: null)."""
    given = values.drop_nulls().cast(pl.String)
    return bool((given.str.strip_chars() != "").any())


def invitation_rows(invitations: pl.DataFrame, which: str) -> pl.DataFrame:
    """The pending invitations (core.invitations.listing) decided `which`, sorted by name.

    The one name an invitation gives is split at its last space into first and last name.
    """
    if which not in INVITATION_LISTS:
        raise ValueError(f"unknown list {which!r}; expected one of {', '.join(INVITATION_LISTS)}")
    name = pl.col("name").fill_null("").str.strip_chars()
    last_space = name.str.find(r" [^ ]*$")
    rows = invitations.filter(pl.col("decision") == which).with_columns(
        pl.when(last_space.is_null())
        .then(name)
        .otherwise(name.str.slice(0, last_space))
        .alias("first_name"),
        pl.when(last_space.is_null())
        .then(pl.lit(None, dtype=pl.String))
        .otherwise(name.str.slice(last_space + 1))
        .alias("last_name"),
        pl.lit(None, dtype=pl.String).alias("company"),
        pl.lit(None, dtype=pl.String).alias("position"),
        pl.col("sent_at").dt.to_string("%Y-%m-%dT%H:%M:%S"),
        pl.col("stale").alias("connected_on"),  # only to share the name sort below
    )
    return sorted_by_name(rows).select(INVITATION_LIST_COLUMNS)


def _fill_messages(
    frame: pl.DataFrame, messages: MessageRenderer, *, any_url: bool
) -> pl.DataFrame:
    """Ask the renderer for the disconnects without an edit, and put its text in their rows.

    `any_url` says whether anyone in the whole list has a profile URL: flags are judged by it.
    """
    needs = frame.select(
        pl.col("farewell_status").is_not_null() & pl.col("farewell_message").is_null()
    ).to_series()
    every = bool(needs.all())  # the usual disconnect list: no copying rows out and back
    wanted = frame if every else frame.filter(needs)
    if wanted.is_empty():
        return frame
    if any_url and FLAGGED in wanted.columns:  # worked out while the decisions were read
        flagged = wanted.get_column(FLAGGED)
    else:
        flagged = is_bare_bones(wanted, any_url=any_url)
    rendered = messages(
        wanted.with_columns(flagged=flagged).select(
            "key",
            "first_name",
            "last_name",
            "url",
            "company",
            "position",
            "connected_on",
            "note",
            "tone",
            "flagged",
        )
    )
    if rendered.len() != wanted.height:
        raise ValueError(
            f"the farewell renderer returned {rendered.len()} messages for {wanted.height} contacts"
        )
    text = rendered.cast(pl.String)
    # No text for a contact who needs none; one sent or removed keeps that mark.
    unneeded = text.is_null() & ~wanted.get_column("farewell_status").is_in(["sent", "removed"])
    status = frame.get_column("farewell_status")
    if every:
        message = text
        if unneeded.any():
            status = status.set(unneeded, NO_MESSAGE_NEEDED)
    else:
        rows = needs.arg_true()
        message = frame.get_column("farewell_message").clone().scatter(rows, text)
        status = status.clone()
        if unneeded.any():
            status = status.scatter(rows.filter(unneeded), NO_MESSAGE_NEEDED)
    return frame.with_columns(message.alias("farewell_message"), status.alias("farewell_status"))
