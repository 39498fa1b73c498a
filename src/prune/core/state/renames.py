"""The same person under a new profile URL: found by email, or by name and connection date.

A contact's key is their profile URL, and a vanity URL can change; without this, one person turns
into "gone" plus "new" and their decision is lost. A person gone under one key is the same as a
person new under another when both have the same email address, or the same first and last name
(compared without case or accents) and the same `Connected On` day, and that match is unique on
both sides. Anything less certain is not guessed at: both stay listed, with the reason.

Following a rename moves the rows keyed by contact (decision, farewell, journal) to the new key,
in one transaction, and records the pair in `renames`. Moving the rows, rather than keeping an
alias every reader would have to consult, means the review, the lists, the farewells and the
evidence all see the person under their current key without knowing renames exist; the
`renames` table is the record of what was moved, and keeps the old key out of past connections.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import polars as pl

from prune.core.state.batches import move_journal_keys
from prune.core.state.store import Store
from prune.core.text.folding import folded

BY_EMAIL = "email"
BY_NAME_AND_DATE = "name and connection date"

PAIR_COLUMNS = ("old_key", "new_key", "first_name", "last_name", "old_url", "new_url", "matched_by")
_PAIR_SCHEMA = dict.fromkeys(PAIR_COLUMNS, pl.String)
_DOUBT_SCHEMA = {
    "first_name": pl.String,
    "last_name": pl.String,
    "connected_on": pl.Date,
    "gone": pl.UInt32,
    "new": pl.UInt32,
    "reason": pl.String,
}


@dataclass(frozen=True)
class RenameMatches:
    """Pairs found (PAIR_COLUMNS) and the name-and-date groups left unmatched as ambiguous."""

    pairs: pl.DataFrame
    ambiguous: pl.DataFrame  # first_name, last_name, connected_on, gone, new, reason


def match_renames(gone: pl.DataFrame, new: pl.DataFrame) -> RenameMatches:
    """Pair contacts gone under one key with contacts new under another (see the module)."""
    by_email = _unique_pairs(gone, new, [_email().alias("match")], BY_EMAIL)
    gone_left = gone.join(by_email.select(key=pl.col("old_key")), on="key", how="anti")
    new_left = new.join(by_email.select(key=pl.col("new_key")), on="key", how="anti")
    by_name = _unique_pairs(gone_left, new_left, _name_and_day(), BY_NAME_AND_DATE)
    pairs = pl.concat([by_email, by_name]).sort("last_name", "first_name", "old_key")
    return RenameMatches(pairs=pairs, ambiguous=_ambiguous(gone_left, new_left))


def _email() -> pl.Expr:
    return pl.col("email").str.strip_chars().str.to_lowercase().replace("", None)


def _name_and_day() -> list[pl.Expr]:
    """The accent-blind full name (null when empty) and the day connected, as match columns."""
    first = folded(pl.col("first_name")).str.strip_chars()
    last = folded(pl.col("last_name")).str.strip_chars()
    name = pl.concat_str([first, last], separator="\u001f")
    return [
        pl.when((first != "") | (last != "")).then(name).alias("match"),
        pl.col("connected_on").alias("day"),
    ]


def _candidates(frame: pl.DataFrame, match: list[pl.Expr]) -> pl.DataFrame:
    """Rows with every match column known, and how many rows of the frame share them."""
    columns = [expr.meta.output_name() for expr in match]
    return (
        frame.with_columns(match)
        .drop_nulls(columns)
        .with_columns(pl.len().over(columns).alias("sharing"))
    )


def _unique_pairs(
    gone: pl.DataFrame, new: pl.DataFrame, match: list[pl.Expr], matched_by: str
) -> pl.DataFrame:
    columns = [expr.meta.output_name() for expr in match]
    before = _candidates(gone, match).filter(pl.col("sharing") == 1)
    after = _candidates(new, match).filter(pl.col("sharing") == 1)
    if before.is_empty() or after.is_empty():
        return pl.DataFrame(schema=_PAIR_SCHEMA)
    return before.join(after, on=columns, how="inner", suffix="_new").select(
        pl.col("key").alias("old_key"),
        pl.col("key_new").alias("new_key"),
        pl.col("first_name_new").alias("first_name"),
        pl.col("last_name_new").alias("last_name"),
        pl.col("url").alias("old_url"),
        pl.col("url_new").alias("new_url"),
        pl.lit(matched_by).alias("matched_by"),
    )


def _ambiguous(gone: pl.DataFrame, new: pl.DataFrame) -> pl.DataFrame:
    """Name-and-date groups present on both sides but not one-to-one: listed, not guessed."""
    match = _name_and_day()
    counted = [
        _candidates(frame, match)
        .group_by("match", "day")
        .agg(pl.col("first_name").first(), pl.col("last_name").first(), pl.len().alias(side))
        for frame, side in ((gone, "gone"), (new, "new"))
    ]
    both = counted[0].join(counted[1].drop("first_name", "last_name"), on=["match", "day"])
    doubtful = both.filter((pl.col("gone") > 1) | (pl.col("new") > 1))
    if doubtful.is_empty():
        return pl.DataFrame(schema=_DOUBT_SCHEMA)
    name = pl.concat_str(
        [pl.col("first_name").fill_null(""), pl.col("last_name").fill_null("")], separator=" "
    ).str.strip_chars()
    reason = pl.format(
        "{} gone and {} new share the name {} and the connection date {}: "
        "not guessing which is the same person",
        pl.col("gone"),
        pl.col("new"),
        name,
        pl.col("day").dt.to_string("%Y-%m-%d"),
    )
    return doubtful.select(
        "first_name",
        "last_name",
        pl.col("day").alias("connected_on"),
        pl.col("gone").cast(pl.UInt32),
        pl.col("new").cast(pl.UInt32),
        reason.alias("reason"),
    ).sort("last_name", "first_name", "connected_on")


def follow_renames(store: Store, pairs: pl.DataFrame, snapshot_id: int) -> int:
    """Move each renamed person's decision, farewell and journal to the new key; record the pair.

    One transaction for all of them. A new key that somehow has a decision of its own keeps it
    (the old one stays behind under the old key). Returns how many decisions moved.
    """
    if pairs.is_empty():
        return 0
    at = datetime.now(UTC).isoformat(timespec="seconds")
    rows = pairs.select(PAIR_COLUMNS).rows()
    moves = [(new_key, old_key) for old_key, new_key, *_ in rows]
    with store.writing() as db:
        before = db.total_changes
        db.executemany("UPDATE OR IGNORE decisions SET key = ? WHERE key = ?", moves)
        moved = db.total_changes - before
        db.executemany("UPDATE OR IGNORE farewells SET key = ? WHERE key = ?", moves)
        move_journal_keys(db, moves)
        # A person renamed twice: the first record now points at where they are.
        db.executemany("UPDATE renames SET new_key = ? WHERE new_key = ?", moves)
        db.execute("DELETE FROM renames WHERE old_key = new_key")  # back to an earlier URL
        db.executemany(
            "INSERT OR REPLACE INTO renames "
            "(old_key, new_key, snapshot_id, old_url, new_url, matched_by, at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(old, new, snapshot_id, ou, nu, by, at) for old, new, _f, _l, ou, nu, by in rows],
        )
    return moved


def renamed_keys(store: Store) -> pl.DataFrame:
    """Every key a person has left for a new one: old_key, new_key."""
    rows = store.query("SELECT old_key, new_key FROM renames")
    return pl.DataFrame(rows, schema={"old_key": pl.String, "new_key": pl.String}, orient="row")
