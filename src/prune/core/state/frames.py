"""Reading many rows of the state file into a polars frame, column by column.

Python's sqlite3 builds a tuple and a Python object for every cell, and polars then reads them
back one by one: for 30,000 decisions that is most of the time a list export takes. Asking SQLite
for each column as one JSON array (`json_group_array`) hands over a handful of strings instead,
which polars decodes natively, in about half the time. Every value comes back as it is stored:
JSON escapes any character in a text, and a NULL stays null.

SQLite builds without the JSON functions (older than 3.38 and built without JSON1), and columns
too long for one SQLite string, fall back to the row-by-row way, with the same result.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence

import polars as pl


def query_frame(
    db: sqlite3.Connection,
    columns: Mapping[str, type[pl.DataType] | pl.DataType],
    source: str,
    parameters: Sequence[object] = (),
    *,
    fixed: Mapping[str, str] | None = None,
) -> pl.DataFrame:
    """The rows of `SELECT <columns> <source>` as a frame of those columns and dtypes.

    `columns` maps each column (a column name of the tables in `source`) to its polars dtype,
    String or Int64; `source` is the statement's `FROM ... WHERE ...` part, without ORDER BY
    (the rows come in SQLite's order, as they would without one). `fixed` names text columns
    whose one value the WHERE clause fixes: they are written in, not read from every row.
    """
    read = {name: dtype for name, dtype in columns.items() if name not in (fixed or {})}
    if fixed and read:
        frame = query_frame(db, read, source, parameters)
        written = [pl.lit(fixed[name], dtype=pl.String).alias(name) for name in fixed]
        return frame.with_columns(written).select(list(columns))
    schema = dict(columns)
    arrays = ", ".join(f"json_group_array({name})" for name in schema)
    try:
        row = db.execute(f"SELECT {arrays} {source}", parameters).fetchone()
    except (sqlite3.OperationalError, sqlite3.DataError) as error:
        # No JSON functions, or a column whose array would pass SQLite's longest string (a
        # gigabyte by default): read it row by row. Any other error is the query's own.
        if "json_group_array" not in str(error) and "too big" not in str(error):
            raise
        return _row_by_row(db, schema, source, parameters)
    if row[0] == "[]":  # no rows: exploding empty lists would give one row of nulls
        return pl.DataFrame(schema=schema)
    return _decoded(schema, row)


def _decoded(
    schema: dict[str, type[pl.DataType] | pl.DataType], arrays: Sequence[str]
) -> pl.DataFrame:
    """The frame of one JSON array per column. A column of nulls only (a question nobody was
    asked, say) is written in rather than decoded, which at 30,000 rows saves milliseconds."""
    columns: list[pl.Series] = []
    nulls = ""
    for (name, dtype), text in zip(schema.items(), arrays, strict=True):
        if columns and text == nulls:
            columns.append(pl.repeat(None, columns[0].len(), dtype=dtype, eager=True).alias(name))
            continue
        column = pl.Series(name, [text], dtype=pl.String).str.json_decode(pl.List(dtype)).explode()
        columns.append(column.cast(dtype))
        if not nulls:
            nulls = "[" + ",".join(["null"] * column.len()) + "]"
    return pl.DataFrame(columns)


def _row_by_row(
    db: sqlite3.Connection,
    schema: dict[str, type[pl.DataType] | pl.DataType],
    source: str,
    parameters: Sequence[object],
) -> pl.DataFrame:
    cursor = db.execute(f"SELECT {', '.join(schema)} {source}", parameters)
    return pl.DataFrame(cursor.fetchall(), schema=schema, orient="row")
