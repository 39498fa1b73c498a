"""Who a message went to: the recipients of one `TO` or `RECIPIENT PROFILE URLS` value, one by one.

`RECIPIENT PROFILE URLS` joins URLs with "," (a URL holds no comma), so it is split there.
`TO` holds names, and names hold commas themselves ("Bo Li, PhD"). Files since 2022 join names
with ", ", the 2021 layout with a bare "," (`Ana Doe,Bo Li, PhD`). So a run of pieces between
commas is taken as one recipient when it is a name a contact (or the owner) bears; any other name
ends where the file's own joiner stands (see `name_joiner`).

How many people a message went to also says whether it was a group message: more than one
recipient means more than two people in the conversation (see message_tally).
"""

from __future__ import annotations

import re

import polars as pl

from prune.core.reading.identity import normalised_name

BARE_COMMA, COMMA_SPACE = ",", ", "
# The most pieces between commas one name may span ("Doe, Jr., PhD" is three).
_LONGEST_NAME = 3
_SEPARATOR = re.compile(r"(,\s*)")
_BARE_COMMA_JOIN = r",[^\s,]"

RECIPIENT_NAME_SCHEMA: dict[str, pl.DataType] = {
    "to": pl.String(),
    "recipient_name": pl.String(),
    "recipient_count": pl.UInt32(),
}
RECIPIENT_URL_SCHEMA: dict[str, pl.DataType] = {
    "recipients": pl.String(),
    "url": pl.String(),
    "recipient_count": pl.UInt32(),
}


def recipient_urls(recipients: pl.Series) -> pl.DataFrame:
    """One row per URL of each distinct value (RECIPIENT_URL_SCHEMA), with how many it holds."""
    distinct = recipients.drop_nulls().unique()
    parts = (
        pl.DataFrame({"recipients": distinct}, schema={"recipients": pl.String})
        .with_columns(pl.col("recipients").str.split(",").alias("url"))
        .explode("url")
        .with_columns(pl.col("url").str.strip_chars().replace("", None))
        .filter(pl.col("url").is_not_null())
    )
    return parts.with_columns(
        pl.len().over("recipients").cast(pl.UInt32).alias("recipient_count")
    ).select(list(RECIPIENT_URL_SCHEMA))


def name_joiner(to: pl.Series) -> str:
    """ "," when some value joins names with a bare comma (the 2021 layout), else ", "."""
    bare = to.drop_nulls().str.contains(_BARE_COMMA_JOIN).any()
    return BARE_COMMA if bare else COMMA_SPACE


def recipient_names(to: pl.Series, known: pl.Series, joiner: str) -> pl.DataFrame:
    """One row per recipient of each distinct `TO` value (RECIPIENT_NAME_SCHEMA).

    `known` holds the names worth keeping whole, normalised (identity.normalised_name); `joiner`
    is the file's (name_joiner). Each distinct value is cut once: a messages file repeats a few
    thousand of them.
    """
    values = [value for value in to.drop_nulls().unique().to_list() if value.strip()]
    pieces = {value: _pieces(value) for value in values}
    spans = {
        _joined(parts[start:end])
        for parts in pieces.values()
        for start in range(len(parts))
        for end in range(start + 2, min(len(parts), start + _LONGEST_NAME) + 1)
    }
    whole = _known(sorted(spans), known)
    rows: list[tuple[str, str]] = []
    for value, parts in pieces.items():
        rows.extend((value, name) for name in _cut(parts, whole, joiner))
    frame = pl.DataFrame(rows, schema=["to", "recipient_name"], orient="row")
    return frame.with_columns(pl.len().over("to").cast(pl.UInt32).alias("recipient_count")).select(
        list(RECIPIENT_NAME_SCHEMA)
    )


def _pieces(value: str) -> list[tuple[str, str]]:
    """The text between commas, each with the separator that follows it ("" for the last)."""
    cut = _SEPARATOR.split(value)
    texts, separators = cut[0::2], [*cut[1::2], ""]
    return [
        (text, BARE_COMMA if separator == BARE_COMMA else COMMA_SPACE if separator else "")
        for text, separator in zip(texts, separators, strict=True)
    ]


def _joined(parts: list[tuple[str, str]]) -> str:
    text = "".join(piece + separator for piece, separator in parts[:-1])
    return (text + parts[-1][0]).strip()


def _known(candidates: list[str], known: pl.Series) -> set[str]:
    """The candidates that, normalised, are one of the `known` names."""
    if not candidates:
        return set()
    frame = pl.DataFrame({"text": candidates}, schema={"text": pl.String})
    matched = frame.filter(normalised_name(pl.col("text")).is_in(known.implode()))
    return set(matched["text"].to_list())


def _cut(parts: list[tuple[str, str]], whole: set[str], joiner: str) -> list[str]:
    """The names in one value: the longest known name at each point, else up to the joiner."""
    names: list[str] = []
    start = 0
    while start < len(parts):
        end = start + 1
        for longer in range(min(len(parts), start + _LONGEST_NAME), start + 1, -1):
            if _joined(parts[start:longer]) in whole:
                end = longer
                break
        else:
            # An unknown name: it runs on over the separators that are not the file's joiner.
            while end < len(parts) and parts[end - 1][1] != joiner:
                end += 1
        name = _joined(parts[start:end])
        if name:
            names.append(name)
        start = end
    return names
