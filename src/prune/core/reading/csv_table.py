"""Turning the bytes of any export CSV into an all-text polars frame.

LinkedIn's own files are UTF-8 with `,`; files re-saved in a spreadsheet add a BOM, CRLF, `;`,
cp1252 or padding; a few legacy side files are UTF-16 and tab-separated. Everything is sniffed here,
once, so the readers of each file only deal with column names.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from prune.core.errors import ExportError
from prune.core.reading.placeholders import clear_placeholders

SEPARATORS = (",", ";", "\t")
HEADER_SCAN_LINES = 25
_SNIFF_BYTES = 64 * 1024
# Above this size only the start is checked for UTF-8 here, so a 100 MB messages.csv is not
# copied once more just to be checked: polars checks the rest while reading (see read_table).
_FULL_CHECK_BYTES = 8 * 1024 * 1024


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
            f"{name} is not a CSV file (it holds binary data): give the CSV file itself."
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
    best, best_count = ",", -1
    for separator in SEPARATORS:
        fields = next(csv.reader([line], delimiter=separator), [])
        if len(fields) - 1 > best_count:
            best, best_count = separator, len(fields) - 1
    fields = next(csv.reader([line], delimiter=best), [])
    return best, [field.strip().strip("\ufeff") for field in fields]


def locate_table(raw: bytes, name: str, is_header: HeaderTest | None = None) -> Table:
    """Find the header line (the first line `is_header` accepts, or the first non-empty line)."""
    data, encoding = _to_utf8(raw, name)
    if not data.strip():
        raise ExportError(f"{name} is empty: download the export again from LinkedIn.")
    head = data[:_SNIFF_BYTES].decode("utf-8", errors="replace")
    offset = 0
    for number, line in enumerate(head.split("\n")):
        if number >= HEADER_SCAN_LINES:
            break
        text = line.rstrip("\r")
        if text.strip():
            separator, fields = split_line(text)
            if is_header is None or is_header(fields):
                body = data[len(head[:offset].encode()) :]
                if b"\r" in body:
                    body = body.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
                return Table(body=body, separator=separator, header=fields, encoding=encoding)
        offset += len(line) + 1
    raise ExportError(f"{name} has no header line prune recognises.")


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
    frame = frame.rename({old: old.strip().strip("\ufeff") for old in frame.columns})
    if columns is not None:
        frame = frame.select([column for column in columns if column in frame.columns])
    return frame if keep_placeholders else clear_placeholders(frame)


def scan_table(table: Table, columns: list[str]) -> pl.LazyFrame:
    """The named columns (those present) as a lazy all-text frame, placeholders read as empty.

    Collected with the streaming engine, a 100 MB messages.csv is reduced to what is needed
    without holding every column of every row at once. Unlike read_table, text that is not
    UTF-8 past the start of a large file makes polars raise ComputeError.
    """
    position = {name: index for index, name in reversed(list(enumerate(table.header)))}
    wanted = sorted({position[name] for name in columns if name in position})
    lazy = pl.scan_csv(
        io.BytesIO(table.body),
        separator=table.separator,
        infer_schema=False,
        truncate_ragged_lines=True,
        raise_if_empty=False,
        quote_char='"',
    )
    return clear_placeholders(
        lazy.select(pl.nth(index).alias(table.header[index]) for index in wanted)
    )


def _read_csv(body: bytes, separator: str, columns: list[int] | None) -> pl.DataFrame:
    return pl.read_csv(
        io.BytesIO(body),
        separator=separator,
        infer_schema=False,
        truncate_ragged_lines=True,
        raise_if_empty=False,
        quote_char='"',
        columns=columns,
    )
