"""Reading any export CSV: only the columns asked for, and big files in any encoding."""

from __future__ import annotations

from prune.core.tables import locate_table, read_table, scan_table


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
