"""From evidence to what the card shows: the evidence line, the pre-answer, the disconnect score.

`insights(evidence, today=...)` returns one row per contact with the columns
`model.INSIGHT_COLUMNS` names:

- `evidence`: one line, e.g. `14 messages, last 2 Mar 2021 · 2 in groups · you wrote last ·
  endorsed you`; null when the archive says nothing about the contact;
- `proves_interaction`: a message you wrote to them alone (one only they wrote, such as an
  unanswered pitch, is not an interaction, nor is a group message; drafts, sponsored and hidden
  senders never count), an endorsement either way, or a recommendation either way (by name too);
- `score`: how likely a disconnect is, in points (0 = keep for sure; a ten-year-old connection
  never written to scores about 70); `reasons` says what raised it;
- `flags`: the bare-bones flags (see flags.py); the review never pre-answers a flagged contact.

Who wrote first or last, and whether messages went both ways, is told from the one-to-one
messages only: a group message (see message_tally) shows the two were in one conversation.

The score adds up:

| evidence | points |
|---|---|
| no messages at all (when messages.csv was read) | 30 + 4 per year connected (15 years at most) |
| group messages only | 15 + 3 per year since the last (15 years at most) |
| messages, but the last one long ago | 3 per year since the last (15 years at most) |
| messages both ways | minus 10 per doubling of their number (40 at most) |
| only they wrote (you never replied) | +25 |
| only you wrote (they never replied) | +10, minus 5 per doubling of yours (15 at most) |
| no messages.csv to tell | 2 per year connected |
| endorsements either way / recommendations either way | −15 / −30 |
| a recommendation that may be theirs (name shared) | −5 |
| colleague now / former colleague | −20 / −15 |
| you sent the invitation | −5 |
| each bare-bones flag (two at most) | +20 |

and is never below zero.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from prune.core.evidence.collect import MESSAGES, Evidence
from prune.core.evidence.flags import SEPARATOR as FLAG_SEPARATOR
from prune.core.model import INSIGHT_COLUMNS

LINE_SEPARATOR = " · "
REASON_SEPARATOR = "; "


def _day(column: str) -> pl.Expr:
    return pl.col(column).dt.strftime("%-d %b %Y")


def _plural(count: pl.Expr, noun: str) -> pl.Expr:
    return pl.concat_str(
        [
            count.cast(pl.String),
            pl.when(count == 1).then(pl.lit(f" {noun}")).otherwise(pl.lit(f" {noun}s")),
        ]
    )


def _duration(days: pl.Expr) -> pl.Expr:
    """`12 days`, `7 months`, `8 years`: a span as a person would round it (a day at least)."""
    days = days.clip(lower_bound=1)
    return (
        pl.when(days < 61)
        .then(_plural(days, "day"))
        .when(days < 730)
        .then(_plural(days // 30, "month"))
        .otherwise(_plural(days // 365, "year"))
    )


def _by_name(text: pl.Expr, marker: str) -> pl.Expr:
    return pl.when(pl.col(marker)).then(pl.concat_str([text, pl.lit(" (by name)")])).otherwise(text)


# Column shorthands, shared by the three parts below: every message, those in groups, and the
# one-to-one messages the writer, the pre-answer and the score go by.
_ALL = pl.col("messages_sent") + pl.col("messages_received")
_IN_GROUPS = pl.col("group_messages_sent") + pl.col("group_messages_received")
_SENT = pl.col("messages_sent") - pl.col("group_messages_sent")
_RECEIVED = pl.col("messages_received") - pl.col("group_messages_received")
_TOTAL = _SENT + _RECEIVED
_ENDORSED_R, _ENDORSED_G = pl.col("endorsements_received"), pl.col("endorsements_given")
_RECOMMENDED_R = pl.col("recommendations_received")
_RECOMMENDED_G = pl.col("recommendations_given")


def insights(evidence: Evidence, *, today: date) -> pl.DataFrame:
    """One row per contact: INSIGHT_COLUMNS, ready for ReviewSession.set_insights."""
    knows_messages = MESSAGES in evidence.sources
    connected_days = (pl.lit(today) - pl.col("connected_on")).dt.total_days()
    silent_days = (pl.lit(today) - pl.col("last_message_on")).dt.total_days()
    # A message only they wrote (a pitch you never answered) is no interaction, nor is a group
    # message; one you wrote to them is.
    proves = (_SENT > 0) | (_ENDORSED_R > 0) | (_ENDORSED_G > 0)
    proves = proves | (_RECOMMENDED_R > 0) | (_RECOMMENDED_G > 0)
    return evidence.frame.select(
        "key",
        _evidence_line().alias("evidence"),
        proves.fill_null(False).alias("proves_interaction"),
        _score(knows_messages, connected_days, silent_days).round(1).alias("score"),
        _reasons(knows_messages, connected_days, silent_days).alias("reasons"),
        "flags",
    ).select(INSIGHT_COLUMNS)


def _evidence_line() -> pl.Expr:
    """`14 messages, last 2 Mar 2021 · 2 in groups · you wrote last · endorsed you`, or null."""
    return pl.concat_str(
        [*_message_parts(), *_people_parts()], separator=LINE_SEPARATOR, ignore_nulls=True
    ).replace("", None)


def _message_parts() -> list[pl.Expr]:
    """`14 messages, last 2 Mar 2021`, how many in groups, and who wrote last; null without."""
    counted = _by_name(
        pl.when(_TOTAL == 0)
        .then(_plural(_ALL, "group message"))
        .otherwise(_plural(_ALL, "message")),
        "messages_by_name",
    )
    messages = (
        pl.when(_ALL == 0)
        .then(None)
        .when(pl.col("last_message_on").is_null())
        .then(counted)
        .when(_ALL == 1)
        .then(pl.concat_str([counted, pl.lit(", "), _day("last_message_on")]))
        .otherwise(pl.concat_str([counted, pl.lit(", last "), _day("last_message_on")]))
    )
    in_groups = pl.when((_TOTAL > 0) & (_IN_GROUPS > 0)).then(
        pl.concat_str([_IN_GROUPS.cast(pl.String), pl.lit(" in groups")])
    )
    writer = (
        pl.when(_TOTAL == 0)
        .then(None)
        .when(_SENT == 0)
        .then(pl.lit("only they wrote"))
        .when(_RECEIVED == 0)
        .then(pl.lit("only you wrote"))
        .when(pl.col("last_writer") == "you")
        .then(pl.lit("you wrote last"))
        .otherwise(pl.lit("they wrote last"))
    )
    return [messages, in_groups, writer]


def _people_parts() -> list[pl.Expr]:
    """Endorsements, recommendations, the invitation and colleagues, each null when absent."""
    endorsed = (
        pl.when((_ENDORSED_R > 0) & (_ENDORSED_G > 0))
        .then(pl.lit("endorsed each other"))
        .when(_ENDORSED_R > 0)
        .then(_by_name(pl.lit("endorsed you"), "endorsements_received_by_name"))
        .when(_ENDORSED_G > 0)
        .then(_by_name(pl.lit("you endorsed them"), "endorsements_given_by_name"))
    )
    recommended = (
        pl.when((_RECOMMENDED_R > 0) & (_RECOMMENDED_G > 0))
        .then(pl.lit("recommended each other (by name)"))
        .when(_RECOMMENDED_R > 0)
        .then(pl.lit("recommended you (by name)"))
        .when(_RECOMMENDED_G > 0)
        .then(pl.lit("you recommended them (by name)"))
    )
    invited: pl.Expr = (
        pl.when(pl.col("invited_by") == "you")
        .then(pl.lit("you invited them"))
        .when(pl.col("invited_by") == "them")
        .then(pl.lit("they invited you"))
    )
    invited = (
        pl.when(pl.col("invitation_note").is_not_null())
        .then(pl.concat_str([invited, pl.lit(", with a note")]))
        .otherwise(invited)
    )
    colleague: pl.Expr = (
        pl.when(pl.col("colleague") == "current")
        .then(pl.lit("colleague? ("))
        .when(pl.col("colleague") == "former")
        .then(pl.lit("former colleague? ("))
    )
    colleague = pl.concat_str([colleague, pl.col("colleague_company"), pl.lit(")")])
    return [endorsed, recommended, _by_name(invited, "invitation_by_name"), colleague]


def _score(knows_messages: bool, connected_days: pl.Expr, silent_days: pl.Expr) -> pl.Expr:
    """Likely-disconnect points, as the table in the module docstring adds them up."""
    years = (connected_days.cast(pl.Float64) / 365.25).clip(0, 15).fill_null(0)
    silent_years = (silent_days.cast(pl.Float64) / 365.25).clip(0, 15).fill_null(0)

    def doublings(count: pl.Expr) -> pl.Expr:
        return (count.cast(pl.Float64) + 1).log(2)

    if knows_messages:
        messages = (
            pl.when(_ALL == 0)
            .then(30 + 4 * years)
            .when(_TOTAL == 0)
            .then(3 * silent_years + 15)
            .when(_SENT == 0)
            .then(3 * silent_years + 25)
            .when(_RECEIVED == 0)
            .then(3 * silent_years + 10 - (5 * doublings(_SENT)).clip(0, 15))
            .otherwise(3 * silent_years - (10 * doublings(_TOTAL)).clip(0, 40))
        )
    else:
        messages = 2 * years

    def minus(condition: pl.Expr, points: int) -> pl.Expr:
        return pl.when(condition).then(points).otherwise(0)

    shared = pl.col("recommendation_received_shared_by").fill_null(0) > 0
    shared = shared | (pl.col("recommendation_given_shared_by").fill_null(0) > 0)
    flags = (pl.col("flags").str.count_matches(FLAG_SEPARATOR) + 1).fill_null(0).clip(0, 2)
    return (
        (
            messages
            - minus((_ENDORSED_R + _ENDORSED_G) > 0, 15)
            - minus((_RECOMMENDED_R + _RECOMMENDED_G) > 0, 30)
            - minus(shared, 5)
            - minus(pl.col("colleague") == "current", 20)
            - minus(pl.col("colleague") == "former", 15)
            - minus(pl.col("invited_by") == "you", 5)
            + 20 * flags
        )
        .clip(lower_bound=0)
        .cast(pl.Float64)
    )


def _reasons(knows_messages: bool, connected_days: pl.Expr, silent_days: pl.Expr) -> pl.Expr:
    """What raised the score, in words: `no messages in 8 years of connection; ...`."""
    silence: pl.Expr
    one_sided: pl.Expr
    if knows_messages:
        long_ago = pl.concat_str([_duration(silent_days), pl.lit(" ago")])
        silence = (
            pl.when((_ALL == 0) & connected_days.is_not_null())
            .then(
                pl.concat_str(
                    [pl.lit("no messages in "), _duration(connected_days), pl.lit(" of connection")]
                )
            )
            .when(_ALL == 0)
            .then(pl.lit("no messages"))
            .when((_TOTAL == 0) & (silent_days >= 730))
            .then(pl.concat_str([pl.lit("only group messages, the last "), long_ago]))
            .when(_TOTAL == 0)
            .then(pl.lit("only group messages"))
            .when(silent_days >= 730)
            .then(pl.concat_str([pl.lit("last message "), long_ago]))
        )
        one_sided = (
            pl.when(_TOTAL == 0)
            .then(None)
            .when(_SENT == 0)
            .then(pl.lit("you never replied"))
            .when(_RECEIVED == 0)
            .then(pl.lit("they never replied"))
        )
    else:
        silence = pl.when(connected_days >= 365).then(
            pl.concat_str([pl.lit("connected "), _duration(connected_days), pl.lit(" ago")])
        )
        one_sided = pl.lit(None, dtype=pl.String)
    bare = pl.when(pl.col("flags").is_not_null()).then(pl.lit("bare-bones profile"))
    return pl.concat_str(
        [silence, one_sided, bare], separator=REASON_SEPARATOR, ignore_nulls=True
    ).replace("", None)
