"""Pinning a person named in a side file on one contact: by profile URL, else by a unique name.

The URL is the identity. A name is used only when the side file has no URL for that person
(recommendations never do; old messages and URN invitations neither) or when the contacts
themselves have no URL (exports from before mid-2023), and only when exactly one contact bears
that name: two connections called Sam Lee must never share one recommendation. Matches made by
name are marked, so the card can say so.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from prune.core.reading.identity import (
    URL_PREFIX,
    full_name,
    normalise_profile_urls,
    normalised_name,
)

RESOLVED_COLUMNS = ("key", "by_name", "shared_by")


def positions_in(ordered: pl.Series, wanted: pl.Series) -> pl.Series:
    """Where each wanted value is in `ordered` (sorted, nulls none), null where it is absent."""
    if ordered.is_empty():
        return pl.repeat(None, len(wanted), dtype=pl.UInt32, eager=True)
    at = ordered.search_sorted(wanted, side="left")
    found = ordered.gather(at.clip(0, len(ordered) - 1))
    checked = pl.DataFrame({"at": at, "found": found, "wanted": wanted})
    hit = ((pl.col("found") == pl.col("wanted")) & (pl.col("at") < len(ordered))).fill_null(False)
    return checked.select(pl.when(hit).then(pl.col("at")).cast(pl.UInt32)).to_series()


def keys_for_urls(urls: pl.Series) -> pl.Series:
    """Contact keys (`url:in/<slug>`) for profile URLs in any form; null where there is none.

    Normalises each distinct URL once: a messages file repeats a few thousand URLs 300,000 times.
    """
    return keys_for_url_columns([urls])[0]


def keys_for_url_columns(columns: list[pl.Series]) -> list[pl.Series]:
    """keys_for_urls of each column, every distinct URL among them all normalised once."""
    columns = [column.cast(pl.String) for column in columns]
    distinct = pl.concat([column.alias("url") for column in columns]).drop_nulls().unique()
    if distinct.is_empty():
        return [pl.Series(c.name, [None] * len(c), dtype=pl.String) for c in columns]
    paths = normalise_profile_urls(distinct)
    mapping = pl.DataFrame({"url": distinct, "mapped": (URL_PREFIX + paths).alias("mapped")})
    # Only LinkedIn member URLs name a contact; `urn:li:member:…` or other links do not.
    mapping = mapping.with_columns(
        pl.when(pl.col("mapped").str.starts_with(URL_PREFIX + "in/"))
        .then(pl.col("mapped"))
        .otherwise(None)
        .alias("mapped")
    )
    return [
        pl.DataFrame({"url": column})
        .join(mapping, on="url", how="left", maintain_order="left")["mapped"]
        .alias(column.name)
        for column in columns
    ]


@dataclass(frozen=True)
class ContactIndex:
    """The contacts' keys and names, ready for matching side-file rows against.

    Both are kept sorted, so a side file's rows are looked up by binary search: a hash set or
    join would hash all 30,000 contacts again for every file, however few rows it has.
    """

    keys: pl.Series  # every contact key, sorted
    names: pl.DataFrame  # name (sorted), name_key (when unique), holders, without_url
    holders: pl.DataFrame  # name, key: every contact under every name, for "could be" lists

    @classmethod
    def build(cls, contacts: pl.DataFrame) -> ContactIndex:
        named = (
            contacts.lazy()  # lazily, so the name is joined once for every step of normalising
            .select(
                "key",
                full_name(pl.col("first_name"), pl.col("last_name")).alias("name"),
                pl.col("url").is_null().alias("no_url"),
            )
            .filter(pl.col("name").is_not_null())
            .collect(engine="in-memory")
        )
        # Sorted first (stably, so a name's first key stays its first), then grouped in that
        # order: one sort of the contacts instead of a hash grouping and a sort of its result.
        names = (
            named.sort("name", maintain_order=True)
            .group_by("name", maintain_order=True)
            .agg(
                pl.col("key").first().alias("name_key"),
                pl.len().alias("holders"),
                pl.col("no_url").sum().alias("without_url"),
            )
        )
        return cls(
            keys=contacts["key"].sort(),
            names=names,
            holders=named.select("name", "key"),
        )

    def resolve(self, frame: pl.DataFrame) -> pl.DataFrame:
        """Add `key`, `by_name` and `shared_by` to a frame with `url_key` and `name` columns.

        `name` is the full name as the side file writes it (normalised here, and only for rows
        the URL did not settle). `key` is null when the row names nobody among the contacts;
        `shared_by` then counts the contacts bearing that name when that is why.
        """
        order = [*frame.columns, *RESOLVED_COLUMNS]
        by_url = positions_in(self.keys, frame["url_key"].cast(pl.String)).is_not_null()
        matched = (
            frame.lazy()
            .filter(by_url)
            .with_columns(
                pl.col("url_key").alias("key"),
                pl.lit(False).alias("by_name"),
                pl.lit(None, dtype=pl.UInt32).alias("shared_by"),
            )
        )
        rest = frame.filter(~by_url).with_columns(normalised_name(pl.col("name")).alias("name"))
        found = positions_in(self.names["name"], rest["name"])
        rest = rest.hstack(self.names.drop("name").select(pl.all().gather(found)))
        # A row with a URL may only land on a contact that has none (pre-2023 Connections.csv);
        # otherwise the URL already said it is someone else, however alike the names.
        no_url = pl.col("url_key").is_null()
        pinned = rest.lazy().with_columns(
            pl.when((pl.col("holders") == 1) & (no_url | (pl.col("without_url") == 1)))
            .then(pl.col("name_key"))
            .otherwise(None)
            .alias("key"),
            pl.when((pl.col("holders") > 1) & (no_url | (pl.col("without_url") > 0)))
            .then(pl.col("holders"))
            .otherwise(None)
            .cast(pl.UInt32)
            .alias("shared_by"),
        )
        pinned = pinned.with_columns(pl.col("key").is_not_null().alias("by_name"))
        # One query for both halves: a side file of a dozen rows pays for few passes.
        return pl.concat(
            [matched.select(order), pinned.select(order)], how="vertical_relaxed"
        ).collect(engine="in-memory")

    def contacts_named(self, names: list[str]) -> pl.DataFrame:
        """Every contact bearing one of these (normalised) names: name, key."""
        return self.holders.filter(pl.col("name").is_in(names))
