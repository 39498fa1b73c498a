"""The names of the orders a review can walk the contacts in, and the words shown for them.

Kept apart from the orders themselves (`orders`), which need polars: the command line builds
its `--order` choices from these names, and `prune --help` or `--version` should not wait for a
dataframe library to load.
"""

from __future__ import annotations

from typing import Final

ORDERS: Final[dict[str, str]] = {
    "default": "oldest connection first (likely disconnects first once evidence is in)",
    "oldest": "oldest connection first",
    "newest": "newest connection first",
    "name": "by name",
    "company": "by company",
    "likely-disconnects": "likely disconnects first",
}
DEFAULT_ORDER: Final = "default"


def known_order(order: str) -> str:
    """`order` when it is one of ORDERS, else the default."""
    return order if order in ORDERS else DEFAULT_ORDER
