"""Turning the bytes of any export CSV into an all-text polars frame.

LinkedIn's own files are UTF-8 with `,`; files re-saved in a spreadsheet add a BOM, CRLF, `;`,
cp1252 or padding; a few legacy side files are UTF-16 and tab-separated. Everything is sniffed here,
once, so the readers of each file only deal with column names.

This is also where export text enters prune, so control characters are dropped here, once, for
every reader (see prune.core.text.control): nothing read from an export can steer a terminal.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

import polars as pl

from prune.core.errors import ExportError
from prune.core.reading.placeholders import clear_placeholders, without_placeholders
from prune.core.text.control import (
    clean_line,
    has_control,
    one_line,
    paragraph,
    shown_path,
)

SEPARATORS = (",", ";", "\t")
# The bytes of the C0 controls but the line feed, and DEL; the C1 controls take two in UTF-8.
_CONTROL_BYTES = bytes([*range(0x0A), *range(0x0B, 0x20), 0x7F])
_C1_CONTROL = re.compile(b"\xc2[\x80-\x9f]")
HEADER_SCAN_LINES = 25
_SNIFF_BYTES = 64 * 1024
# Above this size only the start is checked for UTF-8 here, so a 100 MB messages.csv is not
# copied once more just to be checked: polars checks the rest while reading (see read_table).
_FULL_CHECK_BYTES = 8 * 1024 * 1024
# Fields written as paragraphs keep their tabs and line breaks (by lower-case column name).
PARAGRAPH_COLUMNS = frozenset(
    {"content", "subject", "message", "text", "description", "summary", "notes", "note"}
)


@dataclass(frozen=True)
class Table:
    """A CSV file cut to start at its header line, re-encoded as UTF-8 with LF."""

    body: bytes
    separator: str
    header: list[str]
    encoding: str


HeaderTest = Callable[[list[str]], bool]


def _to_utf8(raw: bytes, name: str) -> tuple[bytes, str]:
    """Return UTF-8 bytes and the encoding the file was in; refuse what is not text."""
    label = "utf-8"
    if raw.startswith(codecs.BOM_UTF8):
        # Spreadsheets add this BOM even to text they then save as cp1252; validate below.
        raw, label = raw[len(codecs.BOM_UTF8) :], "utf-8-sig"
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            return raw[len(bom) :].decode(encoding, errors="replace").encode(), "utf-16"
    head = raw[:4096]
    if b"\x00" in head:
        # UTF-16 without a BOM shows a NUL in every other byte of ASCII text.
        if head[1::2].count(0) > len(head) // 4:
            return raw.decode("utf-16-le", errors="replace").encode(), "utf-16-le"
        if head[0::2].count(0) > len(head) // 4:
            return raw.decode("utf-16-be", errors="replace").encode(), "utf-16-be"
        raise ExportError(
            f"{shown_path(name)} is not a CSV file (it holds binary data): "
            "give the CSV file itself."
        )
    if len(raw) <= _FULL_CHECK_BYTES:
        valid = _is_utf8(raw)
    else:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(raw[:_SNIFF_BYTES], final=False)
            valid = True
        except UnicodeDecodeError:
            valid = False
    return (raw, label) if valid else (_from_cp1252(raw), "cp1252")


def _is_utf8(raw: bytes) -> bool:
    """Whether `raw` is valid UTF-8, as strictly as Python's codec decides it.

    polars checks the bytes in Rust without building a Python str: for a 30,000-row
    Connections.csv that is about 1 ms instead of 10.
    """
    try:
        pl.Series([raw], dtype=pl.Binary).cast(pl.String)
    except (pl.exceptions.ComputeError, pl.exceptions.InvalidOperationError):
        return False
    return True


def _from_cp1252(raw: bytes) -> bytes:
    return raw.decode("cp1252", errors="replace").encode()


def split_line(line: str) -> tuple[str, list[str]]:
    """Guess the separator of one header line and split it, honouring quotes."""
    line = line.replace("\x00", "")  # the csv module refuses NUL; it is no header's part
    best, best_count = ",", -1
    for separator in SEPARATORS:
        fields = _fields(line, separator)
        if len(fields) - 1 > best_count:
            best, best_count = separator, len(fields) - 1
    return best, [column_name(field) for field in _fields(line, best)]


def column_name(raw: str) -> str:
    """A header field as prune names the column: cleaned and stripped."""
    return clean_line(raw).strip().strip("\ufeff")


def _fields(line: str, separator: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=separator), [])
    except csv.Error:  # a stray quote or line break: split it plainly instead
        return line.split(separator)


def locate_table(raw: bytes, name: str, is_header: HeaderTest | None = None) -> Table:
    """Find the header line (the first line `is_header` accepts, or the first non-empty line)."""
    data, encoding = _to_utf8(raw, name)
    if not data.strip():
        raise ExportError(f"{shown_path(name)} is empty: download the export again from LinkedIn.")
    if b"\r" in data:
        # CRLF from Windows, or CR alone from a Mac spreadsheet's "CSV (Macintosh)".
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    head = data[:_SNIFF_BYTES].decode("utf-8", errors="replace")
    offset = 0
    for number, line in enumerate(head.split("\n")):
        if number >= HEADER_SCAN_LINES:
            break
        if line.strip():
            separator, fields = split_line(line)
            if is_header is None or is_header(fields):
                body = data[len(head[:offset].encode()) :] if offset else data
                return Table(body=body, separator=separator, header=fields, encoding=encoding)
        offset += len(line) + 1
    raise ExportError(f"{shown_path(name)} has no header line prune recognises.")


def read_table(
    table: Table, columns: list[str] | None = None, *, keep_placeholders: bool = False
) -> pl.DataFrame:
    """Read the table as strings (names stripped); `columns` keeps only those present.

    Only the requested columns are kept while parsing, so a messages file's CONTENT never has to
    fit in memory. Spreadsheet placeholders (`NA`, `#N/A`, ...) read as empty unless
    `keep_placeholders` asks for them, to be counted (see placeholders.py).
    """
    wanted: list[int] | None = None
    if columns is not None:
        position = {name: index for index, name in reversed(list(enumerate(table.header)))}
        wanted = sorted({position[name] for name in columns if name in position})
        if not wanted:
            return pl.DataFrame()
    try:
        frame = _read_csv(table.body, table.separator, wanted)
    except pl.exceptions.ComputeError as error:
        if "utf-8" not in str(error).lower():
            raise
        # A large file that turned out not to be UTF-8 past its start (see _to_utf8).
        frame = _read_csv(_from_cp1252(table.body), table.separator, wanted)
        frame = without_controls(frame.rename({old: column_name(old) for old in frame.columns}))
    else:
        frame = frame.rename({old: column_name(old) for old in frame.columns})
        if may_hold_controls(table, frame.height):
            frame = without_controls(frame)
    if columns is not None:
        frame = frame.select([column for column in columns if column in frame.columns])
    return frame if keep_placeholders else clear_placeholders(frame)


def may_hold_controls(table: Table, rows: int) -> bool:
    """Whether a field of the table's `rows` records can hold a character without_controls
    drops; False only when none can, which for a clean file costs one look at its bytes.

    Searching the parsed columns costs a regex per cell (most of reading a Connections.csv);
    the body is searched whole instead. Its line feeds end records, unless a quoted field holds
    one: then the body has more lines than records, and the columns are searched after all.
    """
    body = table.body
    if len(body.translate(None, _CONTROL_BYTES)) != len(body):
        return True  # C0 controls but the line feed (a tab too, even as the separator), or DEL
    if b"\xc2" in body and _C1_CONTROL.search(body):
        return True  # U+0080 to U+009F, the C1 controls, in UTF-8
    lines = body.count(b"\n") + (not body.endswith(b"\n"))
    return lines != rows + 1  # the header line and one line per record, or a field spans lines


def is_paragraph(column: str) -> bool:
    """Whether a column holds paragraphs (message bodies) that keep tabs and line breaks."""
    return column.lower() in PARAGRAPH_COLUMNS


def cleaned(column: str) -> pl.Expr:
    """The column's text without control characters (see prune.core.text.control)."""
    return (paragraph if is_paragraph(column) else one_line)(pl.col(column))


def without_controls(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with control characters dropped from its text.

    One cheap pass finds the columns that hold any; only those are rewritten, so a clean file
    (nearly every file) costs a scan, not a copy.
    """
    text = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    if not text or frame.is_empty():
        return frame
    hits = frame.select(
        has_control(pl.col(name), keep_layout=is_paragraph(name)).any() for name in text
    ).row(0)
    dirty = [name for name, hit in zip(text, hits, strict=True) if hit]
    return frame.with_columns(cleaned(name) for name in dirty) if dirty else frame


def scan_table(
    table: Table, columns: list[str], *, clean: bool = True, as_written: Collection[str] = ()
) -> pl.LazyFrame:
    """The named columns (those present) as a lazy all-text frame, placeholders read as empty.

    Collected with the streaming engine, a 100 MB messages.csv is reduced to what is needed
    without holding every column of every row at once. Unlike read_table, text that is not
    UTF-8 past the start of a large file makes polars raise ComputeError.

    Every row is cleaned of control characters, which for 300,000 messages costs about as much
    as parsing them. A caller that reduces the rows first (grouping them by sender) passes
    `clean=False` and calls without_controls on what it collects: a few thousand rows.

    The `as_written` columns keep their placeholders too, a pass less each: for a caller whose
    every test of them reads a placeholder as it reads an empty cell (a date that does not parse,
    a marker that is not "Yes").
    """
    position = {name: index for index, name in reversed(list(enumerate(table.header)))}
    wanted = sorted({position[name] for name in columns if name in position})
    # The bytes themselves, not a BytesIO around them: polars reads them in place rather than
    # through a Python file object (a whole scan collected at once takes half the time).
    lazy = pl.scan_csv(
        table.body,
        separator=table.separator,
        infer_schema=False,
        truncate_ragged_lines=True,
        raise_if_empty=False,
        quote_char='"',
    )
    names = [table.header[index] for index in wanted]
    lazy = lazy.select(pl.nth(index).alias(name) for index, name in zip(wanted, names, strict=True))
    # One pass per column: controls dropped (unless the caller cleans later), then placeholders.
    return lazy.with_columns(
        without_placeholders(cleaned(name) if clean else pl.col(name)).alias(name)
        for name in names
        if name not in as_written or clean
    )


def _read_csv(body: bytes, separator: str, columns: list[int] | None) -> pl.DataFrame:
    return pl.read_csv(
        body,
        separator=separator,
        infer_schema=False,
        truncate_ragged_lines=True,
        raise_if_empty=False,
        quote_char='"',
        columns=columns,
    )
