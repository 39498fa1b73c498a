"""Reading any export CSV: only the columns asked for, and big files in any encoding."""

from __future__ import annotations

import pytest

from prune.core.reading.csv_table import locate_table, read_table, scan_table


def test_only_the_requested_columns_are_read_by_header_name() -> None:
    table = locate_table(b'\xef\xbb\xbf"A ",B,C\n1,"two, 2",3\n4,5\n', "x.csv")
    frame = read_table(table, ["C", "A", "missing"])
    assert frame.columns == ["C", "A"]  # in the order asked, whatever the file's order
    assert frame.rows() == [("3", "1"), (None, "4")]
    lazy = scan_table(table, ["B"]).collect()
    assert lazy["B"].to_list() == ["two, 2", "5"]


def test_a_large_cp1252_file_is_still_decoded_correctly() -> None:
    # Past the first 64 KB of a big file the encoding is only found out while reading.
    filler = b"Name,Note\n" + b"plain,ascii text that goes on\n" * 300_000
    raw = filler + "Zoë,café\n".encode("cp1252")
    table = locate_table(raw, "big.csv")
    frame = read_table(table)
    assert frame.height == 300_001
    assert frame.row(-1) == ("Zoë", "café")


@pytest.mark.parametrize(
    ("snippet", "utf8"),
    [
        (b"caf\xc3\xa9", True),  # é
        (b"\xf0\x9f\x8c\xbb", True),  # 🌻, four bytes
        (b"caf\xe9", False),  # é in cp1252
        (b"\xc0\xaf", False),  # overlong encoding of /
        (b"\xed\xa0\x80", False),  # a UTF-16 surrogate written as UTF-8
        (b"\xf4\x90\x80\x80", False),  # beyond U+10FFFF
        (b"\xe2\x82", False),  # a sequence cut short at the end of the file
    ],
)
def test_utf8_is_told_from_cp1252_exactly_as_pythons_codec_does(snippet: bytes, utf8: bool) -> None:
    raw = b"Name,Note\n" + b"plain,text\n" * 10_000 + b"x," + snippet
    table = locate_table(raw, "x.csv")
    assert table.encoding == ("utf-8" if utf8 else "cp1252")
    expected = snippet.decode("utf-8" if utf8 else "cp1252", errors="replace")
    assert read_table(table).row(-1) == ("x", expected)


@pytest.mark.parametrize(
    ("row", "cleaned"),
    [
        ('Ana,"Doe\nSmith",Acme', ("Ana", "Doe Smith", "Acme")),  # a quoted line break
        ("Ana,Do\te,Acme", ("Ana", "Do e", "Acme")),  # a tab inside a comma-separated field
        ("Ana,Doe\x7f,Acme\x1b[2J", ("Ana", "Doe", "Acme[2J")),  # DEL and ESC
        ("Ana\u0085,Doe\u009b31m,Acme", ("Ana", "Doe31m", "Acme")),  # C1 controls, 2 bytes each
        ("Ana,Doe,Açme ½", ("Ana", "Doe", "Açme ½")),  # \xc2 in UTF-8, yet no control
    ],
)
def test_every_control_is_dropped_however_the_file_is_laid_out(
    row: str, cleaned: tuple[str, ...]
) -> None:
    # A clean file skips the search of every cell; any of these must not.
    table = locate_table(f"First,Last,Company\nBo,Li,Initech\n{row}\n".encode(), "x.csv")
    assert read_table(table).rows() == [("Bo", "Li", "Initech"), cleaned]
