"""Reading Connections.csv in every variant LinkedIn and spreadsheets have produced."""

from __future__ import annotations

from datetime import date

import pytest

from prune.core.errors import ExportError
from prune.core.reading.connections import read_connections

from testkit.exports import HEADER_2023, connections_text

ROW_ANA = 'Ana,"Doe, PhD",https://www.linkedin.com/in/ana-doe,,"Acme, Inc.",CTO,07 Mar 2024'


def names(result) -> list[str]:
    return [
        f"{row['first_name']} {row['last_name']}" for row in result.contacts.iter_rows(named=True)
    ]


def test_current_export_with_preamble_is_read_by_header_name() -> None:
    text = connections_text(
        ROW_ANA, "Bo,Li,https://www.linkedin.com/in/bo-li,,Globex,Dev,01 Feb 2023"
    )
    result = read_connections(text.encode())
    assert names(result) == ["Ana Doe, PhD", "Bo Li"]
    first = result.contacts.row(0, named=True)
    assert first["company"] == "Acme, Inc."
    assert first["connected_on"] == date(2024, 3, 7)
    assert first["key"] == "url:in/ana-doe"


def test_2018_export_without_preamble_or_url_and_with_am_pm_dates() -> None:
    header = "First Name,Last Name,Email Address,Company,Position,Connected On"
    text = connections_text(
        'Ana,Doe,ana@example.org,Acme,CTO,"1/8/18, 6:14 PM"',
        'Bo,Li,,Globex,Dev,"12/18/18, 11:05 AM"',
        header=header,
        preamble=False,
    )
    result = read_connections(text.encode())
    assert result.contacts["connected_on"].to_list() == [date(2018, 1, 8), date(2018, 12, 18)]
    assert result.contacts["key"].to_list() == ["name:ana|doe|2018-01-08", "name:bo|li|2018-12-18"]
    assert result.contacts["email"][0] == "ana@example.org"


def test_2021_six_columns_with_preamble() -> None:
    header = "First Name,Last Name,Email Address,Company,Position,Connected On"
    result = read_connections(
        connections_text("Ana,Doe,,Acme,CTO,07 Mar 2024", header=header).encode()
    )
    assert result.contacts["url"].to_list() == [None]
    assert result.contacts["connected_on"].to_list() == [date(2024, 3, 7)]


def test_columns_are_found_by_name_not_position() -> None:
    header = "Connected On,URL,Last Name,First Name,Company,Position,Email Address"
    text = connections_text(
        "07 Mar 2024,https://www.linkedin.com/in/x,Doe,Ana,Acme,CTO,", header=header
    )
    assert names(read_connections(text.encode())) == ["Ana Doe"]


def test_spreadsheet_resave_bom_crlf_semicolon_lowercase_short_dates_cp1252() -> None:
    text = (
        "Notes:;;;;;;\r\n"
        "First Name;Last Name;URL;Email Address;Company;Position;Connected on\r\n"
        "José;Müller;https://www.linkedin.com/in/jose-m;;Café Crème;Barista;7-Mar-24\r\n"
    )
    raw = b"\xef\xbb\xbf" + text.encode(
        "cp1252"
    )  # a BOM in front of cp1252 bytes: seen in the wild
    result = read_connections(raw)
    row = result.contacts.row(0, named=True)
    assert (row["first_name"], row["last_name"], row["company"]) == ("José", "Müller", "Café Crème")
    assert row["connected_on"] == date(2024, 3, 7)


def test_utf8_bom_and_crlf() -> None:
    raw = ("\ufeff" + connections_text(ROW_ANA)).replace("\n", "\r\n").encode()
    assert names(read_connections(raw)) == ["Ana Doe, PhD"]


def test_padded_preamble_is_skipped() -> None:
    text = (
        "Notes:,,,,,,\n" + '"Some note, with commas",,,,,,\n,,,,,,\n' + HEADER_2023 + "\n" + ROW_ANA
    )
    assert names(read_connections(text.encode())) == ["Ana Doe, PhD"]


def test_stray_spaces_emoji_quotes_and_percent_encoded_slugs() -> None:
    text = connections_text(
        "  Zoë 🌻 , Bauer ,https://www.linkedin.com/in/zo%C3%AB-bauer-1a2b,, Blue Harbor , Lead ,"
        "02 Jan 2020",
        'Sam,"O""Neil",https://www.linkedin.com/in/sam-oneil,,Initech,,03 Jan 2020',
    )
    result = read_connections(text.encode())
    first = result.contacts.row(0, named=True)
    assert (first["first_name"], first["last_name"], first["company"]) == (
        "Zoë 🌻",
        "Bauer",
        "Blue Harbor",
    )
    assert first["key"] == "url:in/zoë-bauer-1a2b"
    assert result.contacts["last_name"][1] == 'O"Neil'
    assert result.contacts["position"][1] is None


def test_hidden_members_are_counted_not_reviewed() -> None:
    text = connections_text(ROW_ANA, ",,,,,,08 Jan 2024", ",,,,,,09 Jan 2024")
    result = read_connections(text.encode())
    assert result.hidden == 2
    assert result.contacts.height == 1


def test_duplicate_urls_are_merged_and_counted_but_duplicate_names_are_not() -> None:
    text = connections_text(
        "Ana,Doe,https://www.linkedin.com/in/ana-doe,,Acme,CTO,07 Mar 2024",
        "Ana,Doe,https://www.linkedin.com/in/ANA-DOE/,,Acme,CTO,07 Mar 2024",
        "Ana,Doe,https://www.linkedin.com/in/ana-doe-2,,Globex,CEO,01 Mar 2020",
    )
    result = read_connections(text.encode())
    assert result.duplicates == 1
    assert result.contacts.height == 2


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"just some words\nand more words", "not a LinkedIn Connections.csv"),
        (
            b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,"
            b"CONTENT,FOLDER\n",
            "messages file",
        ),
        (b"First Name,Last Name,Company\nAna,Doe,Acme", "Connected On"),
        (
            (HEADER_2023 + "\nAna,Doe,,,,,someday\nBo,Li,,,,,whenever").encode(),
            "dates prune cannot read",
        ),
    ],
)
def test_bad_input_is_refused_with_a_reason(raw: bytes, expected: str) -> None:
    with pytest.raises(ExportError) as caught:
        read_connections(raw)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message


def test_a_year_no_calendar_holds_reads_as_no_date_instead_of_failing() -> None:
    """Polars reads "01 Jan 0000"; Python's dates start at year 1, so such a cell broke the
    import with a traceback. It is an unreadable date like any other now."""
    header = "First Name,Last Name,Email Address,Company,Position,Connected On"
    rows = [f"N{number},L,,Co,Dev,0{number % 9 + 1} Feb 2022" for number in range(20)]
    text = connections_text("Bo,Li,,Globex,Dev,01 Jan 0000", *rows, header=header)
    result = read_connections(text.encode())
    assert result.contacts.height == 21
    assert result.contacts["connected_on"].null_count() == 1
    assert result.first_connected_on == date(2022, 2, 1)
    bad = [f"B{number},Li,,Globex,Dev,01 Jan 0000" for number in range(3)]
    alone = connections_text(*bad, "Ana,Doe,,Acme,CTO,07 Mar 2024", header=header)
    with pytest.raises(ExportError, match="01 Jan 0000"):  # most dates like it: refused
        read_connections(alone.encode())


def test_dates_in_several_formats_within_one_file_are_each_read() -> None:
    header = "First Name,Last Name,Email Address,Company,Position,Connected On"
    text = connections_text(
        "Ana,Doe,,Acme,CTO,07 Mar 2024",
        'Bo,Li,,Globex,Dev,"1/8/18, 6:14 PM"',
        "Cy,Ng,,Initech,Ops,7-Mar-24",  # two-digit year: 2024, not year 24
        "Di,Ot,,Hooli,PM,07-Mar-2024",
        "Ed,Po,,Umbrella,QA,2023-12-31",
        "Fa,Qi,,Stark,CEO,3/9/21",
        "Gu,Ra,,Wayne,CFO,07 March 2024",
        *[f"N{number},L,,Co,Dev,0{number} Feb 2022" for number in range(1, 8)],
        header=header,
    )
    result = read_connections(text.encode())
    assert result.contacts["connected_on"].to_list()[:7] == [
        date(2024, 3, 7),
        date(2018, 1, 8),
        date(2024, 3, 7),
        date(2024, 3, 7),
        date(2023, 12, 31),
        date(2021, 3, 9),
        date(2024, 3, 7),
    ]
    assert result.contacts["key"][1] == "name:bo|li|2018-01-08"


def test_rows_without_url_beside_hidden_members_on_the_same_day() -> None:
    # A row with a company but no name or URL is a contact; a date-only row beside it is hidden.
    text = connections_text(
        ROW_ANA,
        ",,,,Acme,,08 Jan 2024",
        ",,,,,,08 Jan 2024",
        "Bo,Li,,,Globex,Dev,08 Jan 2024",
        "Bo,Li,https://www.linkedin.com/in/bo-li,,Globex,Dev,08 Jan 2024",
        ",,,,Acme,,08 Jan 2024",
    )
    result = read_connections(text.encode())
    assert result.contacts["key"].to_list() == [
        "url:in/ana-doe",
        "name:||2024-01-08",
        "name:bo|li|2024-01-08",
        "url:in/bo-li",
    ]
    assert (result.hidden, result.duplicates, result.rows) == (1, 1, 6)


def test_cp1252_without_bom_is_found_past_the_first_64_kb() -> None:
    rows = [
        f"Ana{n},Doe,https://www.linkedin.com/in/ana-{n},,Acme,CTO,07 Mar 2024" for n in range(1200)
    ]
    text = connections_text(*rows, "José,Müller,https://www.linkedin.com/in/jose-m,,Café,,7-Mar-24")
    result = read_connections(text.encode("cp1252"))
    last = result.contacts.row(-1, named=True)
    assert (last["first_name"], last["last_name"], last["company"]) == ("José", "Müller", "Café")
    assert result.contacts.height == 1201


def test_a_cp1252_file_too_large_to_check_up_front_is_still_decoded() -> None:
    # Past 8 MB only the start is checked before reading; the reader finds the rest out.
    row = "Ana,Doe,,,Acme,Engineer with a rather long position title,07 Mar 2024"
    text = connections_text(*[row] * 120_000, "José,Müller,,,Café,,07 Mar 2024", header=HEADER_2023)
    raw = text.encode("cp1252")
    assert len(raw) > 8 * 1024 * 1024
    result = read_connections(raw)
    assert result.contacts.row(-1, named=True)["company"] == "Café"


def test_cr_only_line_ends_from_a_mac_spreadsheet() -> None:
    raw = connections_text(
        ROW_ANA, "Bo,Li,https://www.linkedin.com/in/bo-li,,Globex,Dev,01 Feb 2023"
    )
    result = read_connections(raw.replace("\n", "\r").encode())
    assert names(result) == ["Ana Doe, PhD", "Bo Li"]
    assert result.contacts["connected_on"].to_list() == [date(2024, 3, 7), date(2023, 2, 1)]


# -- rows cut short -------------------------------------------------------------------------

ROW_BO = "Bo,Li,https://www.linkedin.com/in/bo-li,,Globex,Dev,01 Feb 2023"


@pytest.mark.parametrize(
    "cut",
    [
        "Cy,Ng,https://www.linkedin.com",  # fewer fields than the header
        'Cy,Ng,https://www.linkedin.com/in/cy-ng,,"Initech, Inc',  # a quote never closed
        "Cy,Ng,https://www.linkedin.com/in/cy-ng,,Initech,Ops,",  # stopped before the date
        "Cy,Ng,https://www.linkedin.com/in/cy-ng,,Initech,Ops,07 Ma",  # inside the date
        "Cy,Ng,https://www.linkedin.com/in/cy-ng,,Initech,Ops,07 Mar 20",  # inside the year
        ",,,,,,08 Ja",  # a hidden member's row
    ],
)
def test_a_last_row_cut_short_is_left_out_and_counted(cut: str) -> None:
    result = read_connections(connections_text(ROW_ANA, ROW_BO, cut).encode())
    assert names(result) == ["Ana Doe, PhD", "Bo Li"]
    assert (result.cut_rows, result.last_row_cut) == (1, True)
    assert (result.rows, result.hidden, result.duplicates) == (3, 0, 0)


def test_a_complete_last_row_is_kept_whatever_it_holds() -> None:
    # Ends with a line break, so it is whole even without a date; a 2018 quoted date is whole.
    header = "First Name,Last Name,Email Address,Company,Position,Connected On"
    whole = connections_text('Ana,Doe,,Acme,CTO,"1/8/18, 6:14 PM"', header=header, preamble=False)
    assert read_connections(whole.encode()).cut_rows == 0
    result = read_connections((connections_text(ROW_ANA, ROW_BO, "Cy,Ng,,,,,") + "\n").encode())
    assert (result.contacts.height, result.cut_rows) == (3, 0)


def test_short_rows_inside_the_file_are_left_out_too() -> None:
    raw = connections_text(ROW_ANA, "Cy,Ng,https://www.linkedin.com/in/cy-ng", ROW_BO).encode()
    result = read_connections(raw)
    assert names(result) == ["Ana Doe, PhD", "Bo Li"]
    assert (result.cut_rows, result.last_row_cut) == (1, False)


def test_a_quoted_line_break_in_a_resaved_file_does_not_hide_a_cut_row() -> None:
    spanning = 'Cy,Ng,https://www.linkedin.com/in/cy-ng,,"Initech\nLabs",Ops,02 Feb 2022'
    raw = connections_text(ROW_ANA, spanning, ROW_BO, 'Di,Ot,,,"Hoo').encode()
    result = read_connections(raw)
    assert names(result) == ["Ana Doe, PhD", "Cy Ng", "Bo Li"]
    assert result.contacts["company"][1] == "Initech Labs"
    assert (result.cut_rows, result.last_row_cut) == (1, True)


def test_escaped_quotes_are_not_taken_for_a_cut() -> None:
    raw = connections_text(ROW_ANA, 'Bo,Li,,,Globex,"27"" screens, ""big""",', ROW_BO).encode()
    result = read_connections(raw)
    assert result.contacts["position"][1] == '27" screens, "big"'
    assert result.cut_rows == 0


def test_placeholders_are_counted_beside_a_row_cut_short() -> None:
    placeholder_row = "Bo,Li,https://www.linkedin.com/in/bo-li,,NA,#N/A,01 Feb 2023"
    raw = connections_text(ROW_ANA, placeholder_row, "Cy,Ng,,,Initech,Ops,07 Ma").encode()
    result = read_connections(raw)
    assert names(result) == ["Ana Doe, PhD", "Bo Li"]
    assert (result.cut_rows, result.last_row_cut) == (1, True)
    assert result.placeholders == {"#N/A": 1, "NA": 1}
    assert result.contacts.row(1, named=True)["company"] is None
