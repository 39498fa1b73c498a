"""Comparing names the way people read them: without case or accents.

"jose" should find "José", and Çelik should sort with the Cs. Used for searching and ordering
contacts; never for identity, which is the profile URL.
"""

from __future__ import annotations

import unicodedata

import polars as pl


def folded(text: pl.Expr) -> pl.Expr:
    """Text without case or accents (NFKD, combining marks dropped, lower case)."""
    return text.fill_null("").str.normalize("NFKD").str.replace_all(r"\p{M}", "").str.to_lowercase()


def fold(text: str) -> str:
    """The same for one string (what the user typed)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()
