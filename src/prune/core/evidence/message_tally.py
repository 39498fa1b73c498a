"""messages.csv: how many messages went each way between the owner and each contact, and when.

Every layout LinkedIn has shipped is read by column name:

- 2018 `Messages.csv`: From, To, Date, Subject, Content, Direction, Folder. Names only, no URLs,
  so people are matched by a full name that exactly one connection bears.
- 2022 to now: CONVERSATION ID, CONVERSATION TITLE, FROM, SENDER PROFILE URL, TO,
  [RECIPIENT PROFILE URLS], DATE, SUBJECT, CONTENT, FOLDER, and later ATTACHMENTS,
  IS MESSAGE DRAFT, IS CONVERSATION DRAFT. Fully quoted, with newlines inside CONTENT.

Not counted as interaction: drafts (no conversation id, or a draft marker), sponsored
conversations, and hidden senders (`LinkedIn Member` with no URL). Sponsored messages are
advertising, so they are left out of the file's total too (and counted apart).

A message the owner sends to a group counts as sent to each recipient; a message a contact writes
in a group counts as received from them. Either is a group message (more than one recipient,
see recipients.py), counted apart: it says the two were in one conversation, not that they spoke
one to one, so it never decides who wrote first or last. The owner is the sender whose name is
the one in Profile.csv; failing that, the person in most messages (as sender or recipient: the
owner is in every one).

Speed: the file is never held as 300,000 rows. polars' streaming engine reads only the people,
date and marker columns and groups them at once by sender, recipients and whether they count (a
few thousand groups: about two per conversation), keeping the count and the first and last date.
Everything after that, matching people included, works on those groups.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl

from prune.core.evidence.matching import ContactIndex, keys_for_url_columns, keys_for_urls
from prune.core.evidence.name_matching_notice import contacts_have_urls
from prune.core.evidence.recipients import (
    RECIPIENT_URL_SCHEMA,
    name_joiner,
    recipient_names,
    recipient_urls,
)
from prune.core.reading.columns import (
    columns_by_name,
    has_columns,
    moment_formats,
    moments_expr,
    require_columns,
)
from prune.core.reading.csv_table import locate_table, scan_table, without_controls
from prune.core.reading.identity import normalised_name
from prune.core.reading.placeholders import is_placeholder

YOU, THEM = "you", "them"
MESSAGE_SCHEMA: dict[str, pl.DataType] = {
    "key": pl.String(),
    "messages_sent": pl.UInt32(),
    "messages_received": pl.UInt32(),
    "group_messages_sent": pl.UInt32(),  # of messages_sent, those to more than one person
    "group_messages_received": pl.UInt32(),  # of messages_received, those in a group
    "first_message_on": pl.Date(),
    "last_message_on": pl.Date(),
    "first_writer": pl.String(),  # of the one-to-one messages; null without any
    "last_writer": pl.String(),
    "messages_by_name": pl.Boolean(),
}
# Columns worth reading, by lower-case name; CONTENT and SUBJECT never are.
_PEOPLE = ("from", "sender profile url", "to", "recipient profile urls", "direction")
_MARKERS = ("conversation title", "is message draft", "is conversation draft")
_TRUE = ["Yes", "yes", "YES", "True", "true", "TRUE", "1"]
_HIDDEN_SENDER = ["LinkedIn Member", "Linkedin Member", "LinkedIn member"]
_SPONSORED = ["Sponsored Conversation", "Sponsored conversation"]
_MEASURES = ("n", "first", "last", "undated", "group")


@dataclass(frozen=True)
class MessageTally:
    """Per-contact message counts from one messages file, and what is worth telling the user."""

    per_contact: pl.DataFrame  # MESSAGE_SCHEMA, one row per contact with at least one message
    total: int  # every message row in the file but the sponsored ones
    remarks: list[str] = field(default_factory=list)
    sponsored: int = 0  # sponsored messages: advertising, left out of `total`


def tally_messages(
    read: Callable[[], bytes], name: str, index: ContactIndex, owner_name: str | None
) -> MessageTally:
    """Count messages per contact; raises ExportError when the file cannot be used at all.

    `read` gives the file's bytes; they are let go as soon as the file is grouped, so a 100 MB
    file is not held in memory while matching people.
    """
    return tally_groups(group_messages(read, name), index, owner_name)


def tally_groups(groups: pl.DataFrame, index: ContactIndex, owner_name: str | None) -> MessageTally:
    """Count per contact the messages `group_messages` grouped: the grouping needs neither the
    contacts nor the owner, so it can run while they are read."""
    sponsored = int(groups.filter(pl.col("sponsored"))["n"].sum())
    total = int(groups["n"].sum()) - sponsored
    remarks: list[str] = []
    groups = groups.filter(~pl.col("skip"))
    known = index.names["name"]
    if owner_name:
        known = known.append(pl.Series([owner_name], dtype=pl.String))
    if "sender" in groups.columns:
        events = _events_with_urls(groups, owner_name, known)
    else:
        events = _events_by_name(groups, owner_name, known)
        if contacts_have_urls(index.keys):  # else a notice on Connections.csv says it for all
            remarks.append(
                "this older file has no profile URLs, so people are matched by full name"
            )
    events = index.resolve(events)
    shared = int(
        events.filter(pl.col("key").is_null() & pl.col("shared_by").is_not_null())["n"].sum()
    )
    if shared:
        remarks.append(
            f"{_count(shared, 'message')} left out: the name is shared by several connections "
            "and the file gives no profile URL to tell them apart"
        )
    undated = int(events.filter(pl.col("key").is_not_null())["undated"].sum())
    if undated:
        remarks.append(
            f"{_count(undated, 'message')} with dates prune cannot read (counted, without a date)"
        )
    return MessageTally(
        per_contact=_per_contact(events), total=total, remarks=remarks, sponsored=sponsored
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def group_messages(read: Callable[[], bytes], name: str) -> pl.DataFrame:
    """Messages grouped by sender and recipients, with their count and first and last date.

    Every row lands in a group, countable or not (`skip` says which), so the counts add up to
    the number of messages in the file.
    """
    table = locate_table(read(), name, has_columns("from", "date"))
    columns = columns_by_name(table)
    require_columns(columns, ("from", "to", "date"), name)
    present = [c for c in ("conversation id", "date", *_PEOPLE, *_MARKERS) if c in columns]
    # The date and the markers are only ever tested, and a placeholder fails every test as an
    # empty cell does (no date format reads "NA"); the id is tested for placeholders itself.
    tested = [columns[c] for c in ("conversation id", "date", *_MARKERS) if c in columns]
    lazy = scan_table(table, [columns[c] for c in present], clean=False, as_written=tested).rename(
        {columns[c]: c for c in present}
    )
    formats = moment_formats(lazy.select("date").head(200).collect(engine="in-memory")["date"])
    at = moments_expr(pl.col("date"), formats)
    measures = [
        pl.len().alias("n"),
        at.min().alias("first"),
        at.max().alias("last"),
        at.null_count().alias("undated"),
    ]
    skip = _not_interaction(present)
    sponsored = pl.lit(False)
    if "conversation title" in present:
        sponsored = pl.col("conversation title").is_in(_SPONSORED).fill_null(False)
    if "sender profile url" in present:
        sender = pl.col("sender profile url")
        # Names follow from the URLs; only rows without a sender URL keep theirs apart.
        keys = [
            skip,
            sponsored.alias("sponsored"),
            sender.alias("sender"),
            pl.when(sender.is_null()).then(pl.col("from")).alias("anonymous"),
        ]
        measures.append(pl.col("from").first())
        if "recipient profile urls" in present:
            keys.append(pl.col("recipient profile urls").alias("recipients"))
            measures.append(pl.col("to").first())
        else:  # 2022: the owner's messages are told apart by the names they went to
            keys.append(pl.col("to"))
    else:
        keys = [skip, sponsored.alias("sponsored"), pl.col("from"), pl.col("to")]
        if "direction" in present:
            keys.append(pl.col("direction"))
    groups = lazy.group_by(keys).agg(measures).collect(engine="streaming")
    return without_controls(groups.drop("anonymous", strict=False))  # cleaned once grouped


def _not_interaction(present: list[str]) -> pl.Expr:
    """Drafts, sponsored conversations and hidden senders, row by row (exact, cheap tests)."""
    skip = pl.lit(False)
    if "conversation id" in present:  # read with its placeholders (see group_messages)
        conversation = pl.col("conversation id")
        skip = skip | conversation.is_null() | (conversation == "") | is_placeholder(conversation)
    for marker in ("is message draft", "is conversation draft"):
        if marker in present:
            skip = skip | pl.col(marker).is_in(_TRUE)
    if "conversation title" in present:
        skip = skip | pl.col("conversation title").is_in(_SPONSORED)
    hidden = pl.col("from").is_in(_HIDDEN_SENDER)
    if "sender profile url" in present:
        sender = pl.col("sender profile url")
        hidden = hidden & (sender.is_null() | (sender == ""))
    return (skip.fill_null(False) | hidden.fill_null(False)).alias("skip")


def _events_with_urls(
    groups: pl.DataFrame, owner_name: str | None, known: pl.Series
) -> pl.DataFrame:
    """One row per (group of messages, counterpart) from the layouts that carry profile URLs."""
    if "recipients" in groups.columns:
        parts = recipient_urls(groups["recipients"])
        # Senders and recipients are mostly the same people: their URLs are normalised at once.
        senders, recipients = keys_for_url_columns([groups["sender"], parts["url"]])
        groups = groups.with_columns(senders.alias("sender_key"))
        parts = parts.with_columns(recipients.alias("recipient_key")).select(
            "recipients", "recipient_key", "recipient_count"
        )
        groups = groups.join(
            parts.select("recipients", "recipient_count").unique(), on="recipients", how="left"
        )
        names = None
    else:  # 2021-2022: no recipient URLs; the owner's own messages then go to names
        groups = groups.with_columns(
            keys_for_urls(groups["sender"]).alias("sender_key"),
            pl.lit(None, dtype=pl.String).alias("recipients"),
        )
        parts = pl.DataFrame(schema={**RECIPIENT_URL_SCHEMA, "recipient_key": pl.String}).select(
            "recipients", "recipient_key", "recipient_count"
        )
        names = recipient_names(groups["to"], known, name_joiner(groups["to"]))
        groups = groups.join(names.select("to", "recipient_count").unique(), on="to", how="left")
    groups = groups.with_columns(_is_group())
    owner = _owner_key(groups, parts.filter(pl.col("recipient_key").is_not_null()), owner_name)
    if owner is not None:
        from_owner = pl.col("sender_key") == owner
    else:
        from_owner = normalised_name(pl.col("from")) == (owner_name or "")
    groups = groups.with_columns(from_owner.fill_null(False).alias("from_owner"))

    received = groups.filter(~pl.col("from_owner")).select(
        pl.col("sender_key").alias("url_key"),
        pl.col("from").alias("name"),
        pl.lit(THEM).alias("direction"),
        *_MEASURES,
    )
    mine = groups.filter(pl.col("from_owner"))
    if names is not None:
        sent = mine.join(names.drop("recipient_count"), on="to", how="left").select(
            pl.lit(None, dtype=pl.String).alias("url_key"),
            pl.col("recipient_name").alias("name"),
            pl.lit(YOU).alias("direction"),
            *_MEASURES,
        )
        return pl.concat([received, sent])
    sent = (
        mine.join(parts.drop("recipient_count"), on="recipients", how="left")
        .filter(pl.col("recipient_key").ne_missing(pl.lit(owner, dtype=pl.String)))
        .select(
            pl.col("recipient_key").alias("url_key"),
            # TO joins names and names hold commas, so it is used whole, and only when the
            # message went to one person (a URL the contacts do not know may match by name).
            pl.when(~pl.col("group")).then(pl.col("to")).alias("name"),
            pl.lit(YOU).alias("direction"),
            *_MEASURES,
        )
    )
    return pl.concat([received, sent])


def _is_group() -> pl.Expr:
    """More than one recipient: three people or more in the conversation."""
    return (pl.col("recipient_count").fill_null(1) > 1).alias("group")


def _owner_key(groups: pl.DataFrame, parts: pl.DataFrame, owner_name: str | None) -> str | None:
    """The owner's profile key: the URL under their Profile.csv name, else the busiest one.

    The name is looked for among senders, then among lone recipients (an owner who never wrote
    still receives). Without it, the owner is whoever is in the most messages.
    """
    if owner_name:
        as_sender = groups.filter(_written_as(groups["from"], owner_name)).select(
            pl.col("sender_key").alias("person"), "n"
        )
        owner = _busiest(as_sender)
        if owner is not None:
            return owner
        as_recipient = (
            groups.filter(_written_as(groups["to"], owner_name))
            .join(parts.filter(pl.col("recipient_count") == 1), on="recipients")
            .select(pl.col("recipient_key").alias("person"), "n")
        )
        owner = _busiest(as_recipient)
        if owner is not None:
            return owner
    as_sender = groups.select(pl.col("sender_key").alias("person"), "n")
    as_recipient = groups.join(parts, on="recipients").select(
        pl.col("recipient_key").alias("person"), "n"
    )
    return _busiest(pl.concat([as_sender, as_recipient]))


def _written_as(values: pl.Series, name: str) -> pl.Expr:
    """Whether each value, normalised, is `name` (normalised): each distinct value is
    normalised once, and groups repeat their senders' and recipients' names."""
    distinct = values.unique().to_frame("value")
    written = distinct.filter(normalised_name(pl.col("value")) == name)["value"]
    return pl.col(values.name).is_in(written.implode())


def _busiest(counts: pl.DataFrame) -> str | None:
    """The person (key) with the most messages; ties go to the first in alphabetical order."""
    ranked = (
        counts.filter(pl.col("person").is_not_null())
        .group_by("person")
        .agg(pl.col("n").sum())
        .sort(["n", "person"], descending=[True, False])
    )
    return ranked["person"][0] if ranked.height else None


def _events_by_name(groups: pl.DataFrame, owner_name: str | None, known: pl.Series) -> pl.DataFrame:
    """One row per (group of messages, counterpart) from the 2018 layout: names only."""
    groups = groups.with_columns(normalised_name(pl.col("from")).alias("from_name"))
    directions: set[str] = set()
    if "direction" in groups.columns:
        directions = set(groups["direction"].str.strip_chars().str.to_uppercase().drop_nulls())
    if directions and directions <= {"INCOMING", "OUTGOING"}:
        from_owner = pl.col("direction").str.strip_chars().str.to_uppercase() == "OUTGOING"
    else:
        owner = owner_name or _most_frequent_sender(groups)
        from_owner = pl.col("from_name") == owner
    names = recipient_names(groups["to"], known, name_joiner(groups["to"]))
    groups = groups.join(names.select("to", "recipient_count").unique(), on="to", how="left")
    groups = groups.with_columns(from_owner.fill_null(False).alias("from_owner"), _is_group())
    received = groups.filter(~pl.col("from_owner")).select(
        pl.lit(None, dtype=pl.String).alias("url_key"),
        pl.col("from").alias("name"),
        pl.lit(THEM).alias("direction"),
        *_MEASURES,
    )
    sent = (
        groups.filter(pl.col("from_owner"))
        .join(names.drop("recipient_count"), on="to", how="left")
        .select(
            pl.lit(None, dtype=pl.String).alias("url_key"),
            pl.col("recipient_name").alias("name"),
            pl.lit(YOU).alias("direction"),
            *_MEASURES,
        )
    )
    return pl.concat([received, sent])


def _most_frequent_sender(groups: pl.DataFrame) -> str | None:
    counts = (
        groups.filter(pl.col("from_name").is_not_null())
        .group_by("from_name")
        .agg(pl.col("n").sum())
        .sort(["n", "from_name"], descending=[True, False])
    )
    return counts["from_name"][0] if counts.height else None


def _per_contact(events: pl.DataFrame) -> pl.DataFrame:
    matched = events.filter(pl.col("key").is_not_null())
    sent = pl.col("direction") == YOU
    group = pl.col("group")
    one_to_one = pl.col("direction").filter(~group)
    # Who wrote first (last) is the first one-to-one row of each contact once the rows are in
    # order of that moment, undated ones after: one stable sort of every row instead of a sort
    # within each of thousands of groups (a group keeps its rows in the frame's order).
    by_first = matched.sort("first", nulls_last=True, maintain_order=True)
    by_last = matched.filter(~group).sort(
        "last", descending=True, nulls_last=True, maintain_order=True
    )
    last_writers = by_last.group_by("key").agg(pl.col("direction").first().alias("last_writer"))
    return (
        by_first.group_by("key")
        .agg(
            pl.col("n").filter(sent).sum().alias("messages_sent"),
            pl.col("n").filter(~sent).sum().alias("messages_received"),
            pl.col("n").filter(sent & group).sum().alias("group_messages_sent"),
            pl.col("n").filter(~sent & group).sum().alias("group_messages_received"),
            pl.col("first").min().dt.date().alias("first_message_on"),
            pl.col("last").max().dt.date().alias("last_message_on"),
            one_to_one.first().alias("first_writer"),
            pl.col("by_name").any().alias("messages_by_name"),
        )
        .join(last_writers, on="key", how="left")
        .select(list(MESSAGE_SCHEMA))
        .cast(MESSAGE_SCHEMA)  # type: ignore[arg-type]
    )
