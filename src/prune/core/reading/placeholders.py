"""Spreadsheet placeholders: what a spreadsheet writes into a cell it found empty.

A `Connections.csv` re-saved from a spreadsheet or a data tool holds `NA` (R, pandas), `N/A` or
`n/a`, `#N/A` (Excel) or `-` where LinkedIn left the cell empty. Taken as text, they would make
"NA" a company and hide a bare-bones profile. So a cell that is exactly one of these, once
stripped of surrounding spaces, reads as empty in every reader. The case rules:

- `N/A` and `#N/A` in any case (`n/a`, `N/a`, `#n/a`, ...): no name or company is spelled so;
- `NA` in capitals only: `Na` is a family name, and `na` is no spreadsheet's placeholder;
- `-` as it is.

Cells are compared with one hash lookup per cell against every accepted spelling, never a
regex or a case fold, so a 300,000-row messages file pays next to nothing for it.
"""

from __future__ import annotations

from itertools import product
from typing import TypeVar

import polars as pl


def _every_case(word: str) -> list[str]:
    """`n/a` -> `n/a`, `n/A`, `N/a`, `N/A`: each letter in either case."""
    choices = [(c.lower(), c.upper()) if c.isalpha() else (c,) for c in word]
    return sorted({"".join(letters) for letters in product(*choices)})


PLACEHOLDERS: tuple[str, ...] = ("NA", "-", *_every_case("n/a"), *_every_case("#n/a"))

Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)


def is_placeholder(expr: pl.Expr) -> pl.Expr:
    """Whether each cell of a text column is a placeholder (null stays null)."""
    return expr.is_in(PLACEHOLDERS)


def without_placeholders(expr: pl.Expr) -> pl.Expr:
    """The column with placeholder cells made null, everything else untouched."""
    return pl.when(is_placeholder(expr).fill_null(False)).then(None).otherwise(expr)


def clear_placeholders(frame: Frame) -> Frame:
    """Every text column of `frame` (eager or lazy) with its placeholder cells made null."""
    texts = [name for name, dtype in frame.collect_schema().items() if dtype == pl.String]
    if not texts:
        return frame
    return frame.with_columns(without_placeholders(pl.col(name)).alias(name) for name in texts)


def count_placeholders(frame: pl.DataFrame) -> dict[str, int]:
    """How many cells of each placeholder, as written, the text columns hold."""
    texts = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    if not texts or frame.is_empty():
        return {}
    # Nearly every file has none: one lookup per cell says so, without gathering any.
    if not frame.select(pl.any_horizontal(is_placeholder(pl.col(texts)).any())).item():
        return {}
    cells = pl.concat(
        [
            frame.select(pl.col(name).alias("cell")).filter(is_placeholder(pl.col("cell")))
            for name in texts
        ]
    )
    counted = cells.group_by("cell").len().sort(["len", "cell"], descending=[True, False])
    return dict(zip(counted["cell"].to_list(), counted["len"].to_list(), strict=True))


def describe_placeholders(counts: dict[str, int]) -> str:
    """`159 'NA' cells and 3 '-' cells read as empty`, or "" when there were none."""
    parts = [f"{count} '{text}' cell{'' if count == 1 else 's'}" for text, count in counts.items()]
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{listed} read as empty"
