"""Reading a table without its rows cut short.

A download that stopped early ends in the middle of a row: fewer fields than the header, or a
quote that never closes. Such a row is not a person, yet polars fills a short row's missing
fields with empty text (and refuses a file whose last quote never closes).

Measuring every row would cost more than reading the file, so it is done only when a row may be
short: a short row lacks its last fields, so in a file whose last column is always filled
(Connections.csv ends with Connected On) a clean file shows none, and costs one null count.
Then the rows are measured on the text, in polars: the quoted fields are taken out of each
record, the separators left are counted, and a field-opening quote that is left never closed.
A line is one record, unless a quoted field spans lines (Connections.csv never has one; a
re-saved file might): then Python's csv module says where each record ends.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace

import polars as pl

from prune.core.reading.csv_table import Table, read_table

_SEPARATOR_PATTERN = {",": ",", ";": ";", "\t": r"\t"}


@dataclass(frozen=True)
class Records:
    """A table without its rows cut short, and how many were left out."""

    table: Table
    cut: int  # data rows left out: fewer fields than the header, or a quote never closed
    last_cut: bool  # the file's last row was one of them (a download cut short)


@dataclass(frozen=True)
class WholeRows:
    """A table read as text (see read_table), with the rows cut short left out and counted."""

    frame: pl.DataFrame
    cut: int
    last_cut: bool


def read_whole_rows(table: Table, *, keep_placeholders: bool = False) -> WholeRows:
    """read_table without the rows cut short; raises polars' errors when the file is unreadable.

    `keep_placeholders` is read_table's: spreadsheet placeholders kept, to be counted.
    """
    try:
        frame: pl.DataFrame | None = read_table(table, keep_placeholders=keep_placeholders)
    except pl.exceptions.ComputeError:  # a quote that never closes, perhaps
        frame = None
    if frame is not None and not (frame.width and frame.to_series(-1).is_null().any()):
        return WholeRows(frame=frame, cut=0, last_cut=False)
    records = whole_records(table)
    if frame is None or records.cut:
        frame = read_table(records.table, keep_placeholders=keep_placeholders)
    return WholeRows(frame=frame, cut=records.cut, last_cut=records.last_cut)


def whole_records(table: Table) -> Records:
    """The table with every row cut short left out (the header line is never one)."""
    text = _text(table.body)
    lines = pl.Series("record", [text]).str.split("\n").explode()
    shape = _shape(lines.to_frame(), table.separator)
    if _quote_spans_lines(shape):
        shape = _shape(_records_spanning_lines(text, table.separator), table.separator)
    width = len(table.header)
    cut = (
        (pl.int_range(pl.len()) > 0)
        & (pl.col("record") != "")
        & ((pl.col("fields") < width) | pl.col("open"))
    )
    marked = shape.with_columns(cut.alias("cut"))
    count = int(marked["cut"].sum())
    if not count:
        return Records(table=table, cut=0, last_cut=False)
    rows = marked.filter(pl.col("record") != "")
    last_cut = bool(rows["cut"][-1])
    kept = marked.filter(~pl.col("cut"))["record"].str.join("\n").item()
    return Records(table=replace(table, body=kept.encode()), cut=count, last_cut=last_cut)


def _quote_spans_lines(shape: pl.DataFrame) -> bool:
    """Whether a quote opens on a line before the last one (the last may just be cut short)."""
    if not shape["open"].any():
        return False
    last = int(shape["record"].ne("").arg_true()[-1])
    return bool(shape["open"].slice(0, last).any())


def _text(body: bytes) -> str:
    """The body as text; a large file only partly checked for UTF-8 may turn out cp1252."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


def _shape(records: pl.DataFrame, separator: str) -> pl.DataFrame:
    """Each record with its number of fields and whether a quoted field in it never closed."""
    sep = _SEPARATOR_PATTERN.get(separator, ",")
    record = pl.col("record")
    bare = record.str.replace_all(f'(^|{sep})"(?:[^"]|"")*"', "$1")
    return records.with_columns(
        (bare.str.count_matches(separator, literal=True) + 1).alias("fields"),
        bare.str.contains(f'(^|{sep})"').alias("open"),
    )


def _records_spanning_lines(text: str, separator: str) -> pl.DataFrame:
    """Records as the csv module reads them, each its own lines joined again."""
    lines = text.split("\n")
    reader = csv.reader(io.StringIO(text.replace("\x00", "")), delimiter=separator, strict=False)
    ends: list[int] = []
    try:
        for _row in reader:
            ends.append(reader.line_num)
    except csv.Error:  # a field beyond the csv module's limit: the rest is one record
        pass
    if not ends or ends[-1] < len(lines):
        ends.append(len(lines))
    starts = [0, *ends[:-1]]
    return pl.DataFrame(
        {"record": ["\n".join(lines[start:end]) for start, end in zip(starts, ends, strict=True)]}
    )
