"""Whatever bytes an export holds, the loaders give a result or an ExportError, nothing else.

Real-shaped exports (the invented sample, and LinkedIn's older layouts) are damaged at random:
bytes changed, tricky bytes (quotes, line ends, NUL, escapes, BOMs) put in, runs deleted, the
file cut short, zip headers hit. hypothesis shrinks any failure to a small case. The example
budget is fixed, and on CI (CI=true) the run is derandomised, so it takes the same few seconds
every time.
"""

from __future__ import annotations

import functools
import io
import os
import re
import struct
import zipfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prune.core.errors import ExportError
from prune.core.reading.archive import open_export
from prune.core.reading.connections import read_connections
from prune.core.reading.csv_table import locate_table, read_table, scan_table
from prune.core.state.importing import parse_export
from prune.demo import write_sample_export
from prune.demo.connections import connections_text as demo_connections_text
from prune.demo.population import build_population

from testkit.exports import connections_text

settings.register_profile(
    "prune-ci",
    max_examples=300,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "prune-dev",
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PROFILE = settings.get_profile("prune-ci" if os.environ.get("CI") == "true" else "prune-dev")

TRICKY = (
    b'"',
    b'""',
    b",",
    b";",
    b"\t",
    b"\n",
    b"\r",
    b"\r\n",
    b"\x00",
    b"\x1b]52;c;",
    b"\x07",
    b"\xc2\x9b",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xc3",
    b"PK\x03\x04",
)
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06")


@functools.cache
def connections_seeds() -> tuple[bytes, ...]:
    old = "First Name,Last Name,Email Address,Company,Position,Connected On"
    return (
        demo_connections_text(build_population(12, seed=3)).encode(),
        connections_text('Ana,"Doe, PhD",,,"Acme, Inc.",CTO,07 Mar 2024', ",,,,,,08 Jan 2024")
        .replace("\n", "\r\n")
        .encode(),
        connections_text('Bo,Li,,Globex,Dev,"1/8/18, 6:14 PM"', header=old, preamble=False).encode(
            "cp1252"
        ),
    )


@functools.cache
def zip_seed(folder: Path) -> bytes:
    return write_sample_export(folder, connections=12, messages=40).read_bytes()


@st.composite
def damaged(draw: st.DrawFn, seed: bytes) -> bytes:
    """`seed` with a few random changes: bytes, inserts, deletions, a cut, a hit zip header."""
    data = bytearray(seed)
    headers = [match.start() for sig in _ZIP_SIGNATURES for match in re.finditer(sig, seed)]
    for _change in range(draw(st.integers(1, 5))):
        if not data:
            break
        kind = draw(st.sampled_from(["byte", "insert", "delete", "cut", "header"]))
        at = draw(st.integers(0, len(data) - 1))
        if kind == "byte":
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from(TRICKY) | st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "cut":
            del data[at:]
        elif headers:
            spot = min(draw(st.sampled_from(headers)) + draw(st.integers(0, 45)), len(data) - 1)
            data[spot] = draw(st.integers(0, 255))
    return bytes(data)


def connections_input() -> st.SearchStrategy[bytes]:
    return st.sampled_from(connections_seeds()).flatmap(damaged)


def assert_one_line(error: ExportError) -> None:
    message = str(error)
    assert message and "\n" not in message and not CONTROL.search(message), message


def check_connections(raw: bytes) -> None:
    try:
        result = read_connections(raw)
    except ExportError as error:
        assert_one_line(error)
        return
    text = result.contacts.select(pl.col(pl.String))
    for column in text.columns:
        assert not text[column].str.contains(CONTROL.pattern).any(), column
    assert result.rows == (
        result.contacts.height + result.hidden + result.duplicates + result.cut_rows
    )


@PROFILE
@given(raw=connections_input())
def test_any_damaged_connections_file_reads_or_is_refused_in_one_line(raw: bytes) -> None:
    check_connections(raw)


@PROFILE
@given(data=st.data())
def test_any_damaged_zip_opens_or_is_refused_in_one_line(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.getbasetemp() / "loader-properties"
    raw = data.draw(damaged(zip_seed(folder)))
    path = folder / "damaged.zip"
    path.write_bytes(raw)
    try:
        files = open_export(path)
        parse_export(path)
    except ExportError as error:
        assert_one_line(error)
        return
    for canonical in files.members:
        try:
            content = files.read(canonical)
        except ExportError as error:
            assert_one_line(error)
            continue
        assert content is not None
        check_side_table(content)


def check_side_table(raw: bytes) -> None:
    """A side file's table: read, or an ExportError, or polars refusing it (a notice then)."""
    try:
        table = locate_table(raw, "side.csv")
        read_table(table)
        if table.header:
            scan_table(table, table.header[:3]).collect()
    except ExportError as error:
        assert_one_line(error)
    except pl.exceptions.PolarsError:
        pass  # the evidence reader turns it into a notice naming the file


@functools.cache
def messages_seed() -> bytes:
    with zipfile.ZipFile(io.BytesIO(_sample_zip_in_memory())) as bundle:
        return bundle.read("messages.csv")[:6000]


def _sample_zip_in_memory() -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        return write_sample_export(Path(folder), connections=12, messages=40).read_bytes()


@PROFILE
@given(data=st.data())
def test_any_damaged_side_table_reads_or_is_refused(data: st.DataObject) -> None:
    check_side_table(data.draw(damaged(messages_seed())))


def test_the_damage_reaches_every_kind_of_zip_header() -> None:
    # The strategy's header hits only work if the sample zip has the three kinds of record.
    raw = _sample_zip_in_memory()
    assert all(signature in raw for signature in _ZIP_SIGNATURES)
    assert struct.unpack("<H", raw[raw.rindex(b"PK\x05\x06") + 10 :][:2])[0] >= 2
