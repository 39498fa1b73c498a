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


def folded_series(text: pl.Series) -> pl.Series:
    """`folded` of a whole column, worked out only for the values outside ASCII.

    Folding ASCII is lower-casing it; normalising and searching for marks is what costs, so a
    30,000-name sort key is built several times quicker when only the few accented names pay.
    """
    text = text.cast(pl.String).fill_null("")
    wide = text.str.len_bytes() != text.str.len_chars()
    lowered = text.str.to_lowercase()
    if not wide.any():
        return lowered
    rows = wide.arg_true()
    return lowered.scatter(rows, pl.select(folded(pl.lit(text.gather(rows)))).to_series())
