"""Who a contact is: the normalised profile URL, or a stable fallback for rows without one.

A name is never an identity (duplicate names are routine); the URL is. LinkedIn writes the same
profile as `https://www.linkedin.com/in/zo%C3%AB-b`, `www.linkedin.com/in/Zoë-B/` or with a query,
depending on the file, so every form is reduced to `in/zoë-b` before comparing.
"""

from __future__ import annotations

from urllib.parse import unquote

import polars as pl

URL_PREFIX = "url:"
FALLBACK_PREFIX = "name:"


def normalise_profile_url(url: str | None) -> str | None:
    """Reduce one profile URL to its comparable path (`in/<slug>`), or None when empty."""
    if url is None:
        return None
    return normalise_profile_urls(pl.Series([url], dtype=pl.String))[0]


def normalise_profile_urls(urls: pl.Series) -> pl.Series:
    """Vectorised `normalise_profile_url`: scheme, host, query and trailing slash dropped."""
    path = (
        urls.cast(pl.String)
        .str.strip_chars()
        .str.replace(r"^[A-Za-z][A-Za-z0-9+.-]*://", "")
        .str.replace(r"^[^/]*linkedin\.com(?::\d+)?/", "")
        .str.replace(r"[?#].*$", "")
        .str.strip_chars_end("/")
    )
    path = _percent_decode(path)
    path = path.str.to_lowercase()
    return path.replace("", None)


def _percent_decode(values: pl.Series) -> pl.Series:
    """Decode %XX escapes, touching only the ~10 % of values that have any (Python is slow)."""
    mask = values.str.contains("%", literal=True).fill_null(False)
    if not mask.any():
        return values
    positions = mask.arg_true()
    decoded = [unquote(value) for value in values.filter(mask).to_list()]
    return values.scatter(positions, pl.Series(decoded, dtype=pl.String))


def contact_key_expr() -> pl.Expr:
    """Key of each row of a normalised connections frame.

    `url:<path>` when there is a URL; otherwise `name:<first>|<last>|<connected on>`, which stays
    the same across re-imports of the same person (exports from before 2023 have no URL column).
    """
    fallback = pl.concat_str(
        [
            pl.lit(FALLBACK_PREFIX),
            pl.col("first_name").fill_null("").str.to_lowercase(),
            pl.lit("|"),
            pl.col("last_name").fill_null("").str.to_lowercase(),
            pl.lit("|"),
            pl.col("connected_on").cast(pl.String).fill_null(""),
        ]
    )
    return (
        pl.when(pl.col("profile_path").is_not_null())
        .then(pl.lit(URL_PREFIX) + pl.col("profile_path"))
        .otherwise(fallback)
    )


def key_for_url(url: str | None) -> str | None:
    """The contact key a profile URL from any side file maps to."""
    path = normalise_profile_url(url)
    return None if path is None else URL_PREFIX + path
