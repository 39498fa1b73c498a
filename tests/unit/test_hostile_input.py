"""Text other people wrote never steers the terminal: control characters go when it is read.

And paths prune echoes are escaped like `ls -b`, and cells a spreadsheet would run are defused.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import polars as pl
import pytest

from prune.core.lists.formats import neutralise_formulas
from prune.core.reading.connections import read_connections
from prune.core.reading.csv_table import locate_table, read_table, scan_table, without_controls
from prune.core.text.control import clean_line, shown_path

from testkit.exports import connections_text

# ESC sequences that clear the screen, retitle the window (OSC 0) and write the clipboard (OSC 52),
# a BEL, a C1 CSI (U+009B, which some terminals take for ESC [), DEL and backspace.
HOSTILE_FIRST = "Esc\x1b[2J"
HOSTILE_LAST = "\x1b]0;owned\x07Doe"
HOSTILE_COMPANY = "\x1b]52;c;ZXZpbA==\x07Acme\x9b31m"
HOSTILE_POSITION = "CTO\x7f\x08"
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def hostile_connections() -> bytes:
    row = (
        f'"{HOSTILE_FIRST}","{HOSTILE_LAST}",https://www.linkedin.com/in/ana\x1b[0m,,'
        f'"{HOSTILE_COMPANY}","{HOSTILE_POSITION}",07 Mar 2024'
    )
    return connections_text(row, 'Bo,"Li\nJr",,"b@x.org\t",Globex,"Dev\tOps",01 Feb 2023').encode()


def test_contacts_hold_no_control_character_whatever_the_file_held() -> None:
    contacts = read_connections(hostile_connections()).contacts
    text_columns = [name for name, dtype in contacts.schema.items() if dtype == pl.String]
    for row in contacts.select(text_columns).iter_rows():
        for value in row:
            assert value is None or not CONTROL.search(value), value
    first = contacts.row(0, named=True)
    assert (first["first_name"], first["last_name"]) == ("Esc[2J", "]0;ownedDoe")
    assert (first["company"], first["position"]) == ("]52;c;ZXZpbA==Acme31m", "CTO")
    assert first["url"] == "https://www.linkedin.com/in/ana[0m"


def test_a_nul_past_the_start_is_dropped_too() -> None:
    # A NUL near the start marks a binary file (refused); further on it is one more control.
    rows = [f"N{n},L,https://www.linkedin.com/in/n-{n},,Co,Dev,07 Mar 2024" for n in range(100)]
    raw = connections_text(*rows, "Ana\x00,Doe,,,Acme,CTO,07 Mar 2024").encode()
    assert raw.index(b"\x00") > 4096
    assert read_connections(raw).contacts["first_name"][-1] == "Ana"


def test_line_breaks_and_tabs_in_one_line_fields_become_spaces() -> None:
    second = read_connections(hostile_connections()).contacts.row(1, named=True)
    assert (second["last_name"], second["email"], second["position"]) == (
        "Li Jr",
        "b@x.org",
        "Dev Ops",
    )


def test_message_bodies_keep_their_paragraphs_but_lose_escapes() -> None:
    raw = (
        b'FROM,TO,DATE,SUBJECT,CONTENT\n"Ana\x1b[2J","Bo\tLi",2025-06-01 14:03:22 UTC,'
        b'"Re:\x07 hi","Line one\n\tLine two\x1b]52;c;eA==\x07"\n'
    )
    table = locate_table(raw, "messages.csv")
    frame = read_table(table)
    assert frame.row(0) == (
        "Ana[2J",
        "Bo Li",
        "2025-06-01 14:03:22 UTC",
        "Re: hi",
        "Line one\n\tLine two]52;c;eA==",
    )
    cleaned = ("Ana[2J", "Bo Li", "Line one\n\tLine two]52;c;eA==")
    assert scan_table(table, ["FROM", "TO", "CONTENT"]).collect().row(0) == cleaned
    # A caller that groups the rows first cleans what it collects, at the same result.
    raw_rows = scan_table(table, ["FROM", "TO", "CONTENT"], clean=False).collect()
    assert raw_rows.row(0)[0] == "Ana\x1b[2J"
    assert without_controls(raw_rows).row(0) == cleaned


def test_header_names_are_cleaned_so_columns_are_still_found() -> None:
    raw = b"First Name\x1b,Last Name,Connected On\x07\nAna,Doe,07 Mar 2024"
    contacts = read_connections(raw).contacts
    assert contacts.select("first_name", "last_name").row(0) == ("Ana", "Doe")


def test_shown_path_escapes_like_ls_b_and_leaves_printable_paths_alone() -> None:
    assert shown_path("/home/zoë/Exports/Connections (1).csv") == (
        "/home/zoë/Exports/Connections (1).csv"
    )
    assert shown_path("a\nb\tc\x1b[2J\x07") == "a\\nb\\tc\\033[2J\\a"
    assert shown_path("\x9b31m") == "\\302\\23331m"  # a C1 control, as its UTF-8 bytes
    assert shown_path(os.fsdecode(b"caf\xe9.zip")) == "caf\\351.zip"  # not UTF-8: the byte
    assert shown_path(Path("/tmp/\u202eevil")) == "/tmp/\\342\\200\\256evil"  # bidi override


def test_clean_line_for_single_strings() -> None:
    assert clean_line("A\x1b[1m\tB\r\nC\x85") == "A[1m B  C"
    assert clean_line("Zoë 🌻") == "Zoë 🌻"


@pytest.mark.parametrize("trigger", ["＝", "＋", "－", "＠"])
def test_full_width_formula_starts_are_neutralised_too(trigger: str) -> None:
    dangerous = f'{trigger}HYPERLINK("http://example.com","x")'
    frame = pl.DataFrame({"first_name": [dangerous, f"Ana {trigger}"]})
    assert neutralise_formulas(frame)["first_name"].to_list() == [f"'{dangerous}", f"Ana {trigger}"]


def test_a_placeholder_hidden_behind_a_control_character_still_reads_as_empty() -> None:
    raw = b'FROM,TO,CONTENT\n"N/A\x07","Bo\x1b[2J",#N/A\n'
    table = locate_table(raw, "messages.csv")
    assert read_table(table).row(0) == (None, "Bo[2J", None)
    assert scan_table(table, ["FROM", "TO", "CONTENT"]).collect().row(0) == (None, "Bo[2J", None)
    kept = read_table(table, keep_placeholders=True)
    assert kept.row(0) == ("N/A", "Bo[2J", "#N/A")  # cleaned, the placeholders left to count
