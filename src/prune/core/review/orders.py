"""The orders a review can walk the contacts in, with the words the palette and help show."""

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
