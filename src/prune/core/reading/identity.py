"""Who a contact is: the normalised profile URL, or a stable fallback for rows without one.

A name is never an identity (duplicate names are routine); the URL is. LinkedIn writes the same
profile as `https://www.linkedin.com/in/zo%C3%AB-b`, `www.linkedin.com/in/Zoë-B/` or with a query,
depending on the file, so every form is reduced to `in/zoë-b` before comparing.
"""

from __future__ import annotations

import polars as pl

URL_PREFIX = "url:"
FALLBACK_PREFIX = "name:"
# How Connections.csv writes every profile URL (the endorsement files leave out the scheme): cut
# as literals, it needs no regex.
_USUAL_PREFIX = "https://www.linkedin.com/"
_SCHEME, _HOST = "https://", "www.linkedin.com/"
# What follows that prefix, when nothing in it is a character outside these (and it does not end
# in `/`), is the key as it is; one character-class search says so.
_PLAIN_PATH_CHARACTER = r"[^a-z0-9._~/-]"
# With escapes or capitals too, decoding and lower case are all the rules would do to it.
_ENCODED_PATH_CHARACTER = r"[^A-Za-z0-9._~/%-]"
# What `\s+` -> " " changes: a run of whitespace, or a lone whitespace character but the space.
_UNEVEN_SPACE = r"\s{2,}|[^\S ]"
# A run of adjacent %XX escapes, the unit urllib.parse.unquote decodes together.
_ESCAPE_RUN = r"(?:%[0-9A-Fa-f]{2})+"


def normalise_profile_urls(urls: pl.Series) -> pl.Series:
    """Each profile URL reduced to its comparable path (`in/<slug>`): scheme, host, query and
    trailing slash dropped, percent escapes decoded, lower case; null when nothing is left.

    Nearly every URL has the shape Connections.csv writes, `https://www.linkedin.com/in/<slug>`
    with a slug of lower-case letters, digits and dashes, or that without `https://` (as the
    endorsement files write it): for those, cutting the prefix is the whole job. A slug of that
    shape with escapes or capitals (`bj%C3%B8rn`, about one in ten) is only decoded and lowered;
    only the rest (other hosts, queries, spaces, trailing slashes) go through every rule.
    """
    text = urls.cast(pl.String)
    url, path = pl.col("url"), pl.col("path")
    shape = (
        text.to_frame("url")
        .select(
            url.str.strip_prefix(_SCHEME).str.strip_prefix(_HOST).alias("path"),
            (url.str.starts_with(_USUAL_PREFIX) | url.str.starts_with(_HOST)).alias("prefixed"),
        )
        .with_columns(
            (path.str.contains(_PLAIN_PATH_CHARACTER) | path.str.ends_with("/"))
            .fill_null(False)
            .alias("odd")
        )
    )
    paths = shape.get_column("path")
    rest = shape.select(pl.col("odd") | ~pl.col("prefixed").fill_null(True)).to_series()
    rest = rest & text.is_not_null()
    if not rest.any():
        return paths.replace("", None)
    # Only the few rows left are looked at again: which need only decoding, which every rule.
    odd = shape.filter(rest).select(
        pl.col("prefixed").fill_null(False)
        & ~path.str.contains(_ENCODED_PATH_CHARACTER).fill_null(True)
        & ~path.str.ends_with("/").fill_null(True)
    )
    encoded = odd.to_series()
    rows = rest.arg_true()
    if encoded.any():
        paths = paths.scatter(
            rows.filter(encoded), _decoded_lowered(paths.gather(rows.filter(encoded)))
        )
    if not encoded.all():
        by_rules = rows.filter(~encoded)
        paths = paths.scatter(by_rules, _normalise_by_rules(text.gather(by_rules)))
    return paths.replace("", None)


def _decoded_lowered(paths: pl.Series) -> pl.Series:
    """What every rule makes of a path with nothing but escapes and capitals to undo."""
    runs = paths.to_frame("path").select(pl.col("path").str.extract_all(_ESCAPE_RUN))
    return _percent_decode(paths, runs.to_series()).str.to_lowercase()


def _normalise_by_rules(urls: pl.Series) -> pl.Series:
    """Every rule of `normalise_profile_urls`: scheme and host, query and trailing slashes
    dropped, percent escapes decoded, lower case. Each rule leaves a URL it does not apply to
    as it is, so all run over every row, in one select."""
    text = pl.col("url").str.strip_chars()
    path = (
        pl.when(text.str.starts_with(_USUAL_PREFIX))
        .then(text.str.strip_prefix(_USUAL_PREFIX))
        .otherwise(_drop_scheme_and_host(text))
    )
    path = path.str.replace(r"[?#].*$", "").str.strip_chars_end("/")
    cut = urls.to_frame("url").select(
        path.alias("path"), path.str.extract_all(_ESCAPE_RUN).alias("runs")
    )
    decoded = _percent_decode(cut.get_column("path"), cut.get_column("runs"))
    return decoded.str.to_lowercase().replace("", None)


def _drop_scheme_and_host(values: pl.Expr) -> pl.Expr:
    return values.str.replace(r"^[A-Za-z][A-Za-z0-9+.-]*://", "").str.replace(
        r"^[^/]*linkedin\.com(?::\d+)?/", ""
    )


def _percent_decode(values: pl.Series, found: pl.Series) -> pl.Series:
    """Decode %XX escapes exactly as `urllib.parse.unquote` does, without a Python loop per row.

    `found` holds each value's runs of adjacent escapes (`_ESCAPE_RUN`). unquote turns each run
    into bytes and decodes them as UTF-8 (invalid bytes become U+FFFD); a run ends at a plain
    ASCII character or at non-ASCII text, and neither can change how the run decodes. So each
    distinct run is decoded once in Python (runs repeat across slugs: the same accented letters
    and name parts) and put back with one literal multi-pattern replace, longest run first so a
    run is never cut short.
    """
    runs = found.explode().drop_nulls().unique().to_list()
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
    """A name as compared: NFC, lower case, single spaces; empty becomes null.

    NFC, the costly step, runs only on names with a non-ASCII character (ASCII text is NFC
    already): the others are null for it and taken back as they are.
    """
    ascii_only = expr.str.len_bytes() == expr.str.len_chars()
    composed = pl.coalesce(pl.when(~ascii_only).then(expr).str.normalize("NFC"), expr)
    # Every full name has a space: matching only what needs changing (two or more whitespace
    # characters, or one that is not a space) leaves most names untouched, at half the cost.
    return (
        composed.str.to_lowercase()
        .str.replace_all(_UNEVEN_SPACE, " ")
        .str.strip_chars()
        .replace("", None)
    )


def full_name(first: pl.Expr, last: pl.Expr) -> pl.Expr:
    """`first last`, normalised for comparison."""
    return normalised_name(pl.concat_str([first.fill_null(""), last.fill_null("")], separator=" "))
