"""Who a contact is: the normalised profile URL, or a stable fallback for rows without one.

A name is never an identity (duplicate names are routine); the URL is. LinkedIn writes the same
profile as `https://www.linkedin.com/in/zo%C3%AB-b`, `www.linkedin.com/in/Zoë-B/` or with a query,
depending on the file, so every form is reduced to `in/zoë-b` before comparing.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

URL_PREFIX = "url:"
FALLBACK_PREFIX = "name:"
# How Connections.csv writes every profile URL: cut as a literal, it needs no regex.
_USUAL_PREFIX = "https://www.linkedin.com/"
# Any character outside this set (space, query, escape, capital, non-ASCII letter, ...) means
# a path may still change under the rules.
_UNUSUAL_CHARACTER = r"[^a-z0-9._~/-]"
# A run of adjacent %XX escapes, the unit urllib.parse.unquote decodes together.
_ESCAPE_RUN = r"(?:%[0-9A-Fa-f]{2})+"


def normalise_profile_urls(urls: pl.Series) -> pl.Series:
    """Each profile URL reduced to its comparable path (`in/<slug>`): scheme, host, query and
    trailing slash dropped, percent escapes decoded, lower case; null when nothing is left.

    Nearly every URL has the shape Connections.csv writes, `https://www.linkedin.com/in/<slug>`
    with a slug of lower-case letters, digits and dashes: for those, cutting the prefix is the
    whole job. Only the other rows (percent-encoded slugs, other hosts, queries, capitals) go
    through every rule; at 30,000 rows each whole-column pass costs about a millisecond.
    """
    urls = urls.cast(pl.String)
    paths = urls.str.strip_prefix(_USUAL_PREFIX)
    usual = (
        urls.str.starts_with(_USUAL_PREFIX)
        & ~paths.str.contains(_UNUSUAL_CHARACTER)
        & ~paths.str.ends_with("/")
    ).fill_null(False)
    others = ~usual & urls.is_not_null()
    if others.any():
        paths = paths.scatter(others.arg_true(), _normalise_by_rules(urls.filter(others)))
    return paths.replace("", None)


def _normalise_by_rules(urls: pl.Series) -> pl.Series:
    """Every rule of `normalise_profile_urls`, each applied only to the rows it can change."""
    text = urls.str.strip_chars()
    path = text.str.strip_prefix(_USUAL_PREFIX)
    path = _change_where(path, ~text.str.starts_with(_USUAL_PREFIX), _drop_scheme_and_host)
    path = _change_where(path, path.str.contains_any(["?", "#"]), _drop_query)
    path = path.str.strip_chars_end("/")
    path = _change_where(path, path.str.contains("%", literal=True), _percent_decode)
    return path.str.to_lowercase().replace("", None)


def _change_where(
    values: pl.Series, mask: pl.Series, change: Callable[[pl.Series], pl.Series]
) -> pl.Series:
    """`values` with `change` applied to the rows `mask` selects (in place: pass a fresh one)."""
    mask = mask.fill_null(False)
    if not mask.any():
        return values
    return values.scatter(mask.arg_true(), change(values.filter(mask)))


def _drop_scheme_and_host(values: pl.Series) -> pl.Series:
    return values.str.replace(r"^[A-Za-z][A-Za-z0-9+.-]*://", "").str.replace(
        r"^[^/]*linkedin\.com(?::\d+)?/", ""
    )


def _drop_query(values: pl.Series) -> pl.Series:
    return values.str.replace(r"[?#].*$", "")


def _percent_decode(values: pl.Series) -> pl.Series:
    """Decode %XX escapes exactly as `urllib.parse.unquote` does, without a Python loop per row.

    unquote turns each run of adjacent escapes into bytes and decodes them as UTF-8 (invalid
    bytes become U+FFFD); a run ends at a plain ASCII character or at non-ASCII text, and neither
    can change how the run decodes. So each distinct run is decoded once in Python (runs repeat
    across slugs: the same accented letters and name parts) and put back with one literal
    multi-pattern replace, longest run first so a run is never cut short.
    """
    runs = values.str.extract_all(_ESCAPE_RUN).explode().drop_nulls().unique().to_list()
    if not runs:
        return values
    runs.sort(key=len, reverse=True)
    # A run holds nothing but escapes, so its bytes are its hex digits: what unquote would make
    # of it, decoded the same way (invalid UTF-8 becomes U+FFFD), without its per-call overhead.
    decoded = [bytes.fromhex(run.replace("%", "")).decode("utf-8", "replace") for run in runs]
    return values.str.replace_many(runs, decoded, leftmost=True)


def contact_keys(contacts: pl.DataFrame, wanted: pl.Series | None = None) -> pl.Series:
    """The key of each row of a normalised connections frame, None for rows `wanted` leaves out.

    `url:<path>` when there is a URL; otherwise `name:<first>|<last>|<connected on>`, which stays
    the same across re-imports of the same person (exports from before 2023 have no URL column).
    The name key is built only for the rows that need it.
    """
    keys = (URL_PREFIX + normalise_profile_urls(contacts["url"])).alias("key")
    by_name = keys.is_null() if wanted is None else keys.is_null() & wanted
    if by_name.any():
        name_keys = contacts.filter(by_name).select(_name_key_expr()).to_series()
        keys = keys.scatter(by_name.arg_true(), name_keys)
    return keys


def _name_key_expr() -> pl.Expr:
    return pl.concat_str(
        [
            pl.lit(FALLBACK_PREFIX),
            pl.col("first_name").fill_null("").str.to_lowercase(),
            pl.lit("|"),
            pl.col("last_name").fill_null("").str.to_lowercase(),
            pl.lit("|"),
            pl.col("connected_on").cast(pl.String).fill_null(""),
        ]
    )


def normalised_name(expr: pl.Expr) -> pl.Expr:
    """A name as compared: NFC, lower case, single spaces; empty becomes null."""
    return (
        expr.str.normalize("NFC")
        .str.to_lowercase()
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
        .replace("", None)
    )


def full_name(first: pl.Expr, last: pl.Expr) -> pl.Expr:
    """`first last`, normalised for comparison."""
    return normalised_name(pl.concat_str([first.fill_null(""), last.fill_null("")], separator=" "))
