"""What every reader of the archive's side files shares: finding columns by name, and dates.

Each side file dates things its own way (`2025-06-01 14:03:22 UTC`, `8/26/22, 8:56 PM`,
`2023/06/20 13:05:02 UTC`); rather than trust one format per file, the formats that read a sample
of the column are found first, and only those are applied to the whole column.
"""

from __future__ import annotations

import polars as pl

from prune.core.errors import ExportError
from prune.core.reading.csv_table import HeaderTest, Table
from prune.core.text.control import shown_path

# A date format and the type it parses to (pl.Datetime, or pl.Date for day-only formats).
DateFormat = tuple[str, type[pl.datatypes.TemporalType]]

MOMENT_FORMATS = (
    "%Y-%m-%d %H:%M:%S UTC",
    "%Y/%m/%d %H:%M:%S UTC",
    "%m/%d/%y, %I:%M %p",
    "%m/%d/%Y, %I:%M %p",
    "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d %H:%M:%S",
    "%m/%d/%y %I:%M %p",
    "%Y-%m-%dT%H:%M:%S%.fZ",
    "%Y-%m-%dT%H:%M:%SZ",
)
_DAY_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%m/%d/%y", "%m/%d/%Y", "%d %b %Y")
_SAMPLE = 200


def columns_by_name(table: Table) -> dict[str, str]:
    """Lower-case header name -> the name as written (the first, when a name repeats)."""
    found: dict[str, str] = {}
    for column in table.header:
        found.setdefault(column.lower(), column)
    return found


def require_columns(columns: dict[str, str], needed: tuple[str, ...], name: str) -> None:
    """Refuse a side file lacking a column its evidence cannot do without."""
    missing = [column.title() for column in needed if column not in columns]
    if len(missing) == 1:
        raise ExportError(f"{shown_path(name)} lacks the column {missing[0]}")
    if missing:
        raise ExportError(f"{shown_path(name)} lacks the columns {', '.join(missing)}")


def has_columns(*needed: str) -> HeaderTest:
    """A header test for locate_table: every one of these names, compared in lower case."""

    def test(fields: list[str]) -> bool:
        lowered = {field.lower() for field in fields}
        return all(column in lowered for column in needed)

    return test


def moment_formats(sample: pl.Series) -> list[DateFormat]:
    """The formats (in MOMENT_FORMATS, then day-only ones) that between them read `sample`."""
    text = sample.cast(pl.String).str.strip_chars().drop_nulls()
    left = text.filter(text != "").head(_SAMPLE)
    candidates: list[DateFormat] = [(fmt, pl.Datetime) for fmt in MOMENT_FORMATS]
    candidates += [(fmt, pl.Date) for fmt in _DAY_FORMATS]
    formats: list[DateFormat] = []
    for fmt, dtype in candidates:
        if left.is_empty():
            break
        parsed = left.str.strptime(dtype, fmt, strict=False)
        if parsed.is_not_null().any():
            formats.append((fmt, dtype))
            left = left.filter(parsed.is_null())
    return formats


def moments_expr(expr: pl.Expr, formats: list[DateFormat]) -> pl.Expr:
    """`expr` parsed with these formats (see moment_formats) to pl.Datetime, null where none fit."""
    text = expr.str.strip_chars()
    # No cache: message dates are nearly all distinct, and caching makes parsing 5x slower.
    attempts = [
        text.str.strptime(dtype, fmt, strict=False, cache=False).cast(pl.Datetime("us"))
        for fmt, dtype in formats
    ]
    if not attempts:
        return pl.lit(None, dtype=pl.Datetime("us"))
    return attempts[0] if len(attempts) == 1 else pl.coalesce(attempts)


def parse_moments(values: pl.Series) -> pl.Series:
    """Text dates in any of the export's formats to pl.Datetime (null where none fits)."""
    formats = moment_formats(values)
    expr = moments_expr(pl.col(values.name), formats)
    return values.to_frame().with_columns(expr.alias(values.name)).to_series()
