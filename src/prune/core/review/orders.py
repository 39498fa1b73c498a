"""The orders a review can walk the contacts in, with the words the palette and help show."""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from prune.core.review.order_names import DEFAULT_ORDER
from prune.core.state.store import Decision
from prune.core.text.folding import folded


def ordered_keys(contacts: pl.DataFrame, order: str, scores: pl.DataFrame | None) -> list[str]:
    """Every contact key in `order`; `scores` (key, score) is None until the evidence is in."""
    return ordered(contacts, order, scores)["key"].to_list()


def order_columns(order: str) -> list[str]:
    """The contact columns `ordered` reads for `order` (without scores): a first card reads
    only these of the snapshot's copy."""
    by = {"name": ["first_name", "last_name"], "company": ["company", "first_name", "last_name"]}
    return ["key", *by.get(order, []), "connected_on"]


def ordered(contacts: pl.DataFrame, order: str, scores: pl.DataFrame | None) -> pl.DataFrame:
    """The contacts (a few columns, `key` among them) in `order`, as `ordered_keys` lists them.

    `contacts` needs at least `order_columns(order)`.
    """
    wanted = ("key", "first_name", "last_name", "company", "connected_on")
    frame = contacts.select(column for column in wanted if column in contacts.columns)
    if order == DEFAULT_ORDER:
        order = "likely-disconnects" if scores is not None else "oldest"
    names = [folded(pl.col("first_name")), folded(pl.col("last_name"))]
    if order == "likely-disconnects" and scores is not None:
        frame = frame.join(scores, on="key", how="left")
        frame = frame.sort(
            [pl.col("score").fill_null(0.0), pl.col("connected_on")],
            descending=[True, False],
            nulls_last=True,
        )
    elif order == "newest":
        frame = frame.sort("connected_on", descending=True, nulls_last=True)
    elif order == "name":
        frame = frame.sort(names, nulls_last=True)
    elif order == "company":
        no_company = pl.col("company").is_null()  # people without one come last
        frame = frame.sort([no_company, folded(pl.col("company")), *names])
    else:
        frame = frame.sort("connected_on", nulls_last=True, maintain_order=True)
    return frame


def queue_of(ordered: list[str], decisions: Mapping[str, Decision]) -> list[str]:
    """The review's queue: `ordered` keys without a verdict, then the later ones as deferred."""
    decided = {key for key, decision in decisions.items() if decision.verdict}
    later = sorted(
        (key for key, decision in decisions.items() if decision.verdict == "later"),
        key=lambda key: decisions[key].later_seq or 0,
    )
    return [key for key in ordered if key not in decided] + later
