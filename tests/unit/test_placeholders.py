"""Spreadsheet placeholders (NA, N/A, n/a, #N/A, -) read as empty cells, in every reader."""

from __future__ import annotations

from datetime import date

import pytest

from prune.core.evidence.flags import NO_COMPANY, bare_bones_flags
from prune.core.evidence.invitations import read_invitations
from prune.core.evidence.matching import ContactIndex
from prune.core.evidence.message_tally import tally_messages
from prune.core.reading.connections import read_connections
from prune.core.reading.placeholders import describe_placeholders

from testkit.exports import connections_text

ANA = "https://www.linkedin.com/in/ana-doe"
BO = "https://www.linkedin.com/in/bo-li"


@pytest.mark.parametrize("placeholder", ["NA", "N/A", "n/a", "-", "#N/A", "#n/a", " NA "])
def test_a_resave_with_placeholders_reads_them_as_empty(placeholder: str) -> None:
    text = connections_text(
        f"Ana,Doe,{ANA},{placeholder},{placeholder},{placeholder},07 Mar 2016",
        f"Bo,{placeholder},{BO},,Globex,Dev,01 Feb 2019",
        "Cy,Zed,https://www.linkedin.com/in/cy-zed,,Initech,PM,03 Apr 2020",
    )
    connections = read_connections(text.encode())
    rows = {row["key"]: row for row in connections.contacts.iter_rows(named=True)}
    ana, bo = rows["url:in/ana-doe"], rows["url:in/bo-li"]
    assert (ana["email"], ana["company"], ana["position"], bo["last_name"]) == (None,) * 4
    assert connections.placeholders == {placeholder.strip(): 4}
    flags = dict(bare_bones_flags(connections.contacts).iter_rows())
    assert flags["url:in/ana-doe"] == NO_COMPANY  # the spreadsheet hid a bare-bones profile
    assert flags["url:in/cy-zed"] is None


def test_only_whole_cells_and_the_chosen_cases_are_placeholders() -> None:
    text = connections_text(
        # `Na` is a family name, `na` no placeholder; `NA Corp` and `N/A-ish` are real text.
        f"Li,Na,{ANA},,NA Corp,N/A-ish,07 Mar 2016",
        f"Bo,na,{BO},,-,Dev-Ops,01 Feb 2019",
    )
    connections = read_connections(text.encode())
    rows = {row["key"]: row for row in connections.contacts.iter_rows(named=True)}
    assert rows["url:in/ana-doe"]["last_name"] == "Na"
    assert (rows["url:in/ana-doe"]["company"], rows["url:in/ana-doe"]["position"]) == (
        "NA Corp",
        "N/A-ish",
    )
    assert (rows["url:in/bo-li"]["last_name"], rows["url:in/bo-li"]["company"]) == ("na", None)
    assert connections.placeholders == {"-": 1}


def test_a_row_of_placeholders_beside_its_date_is_a_hidden_member() -> None:
    connections = read_connections(
        connections_text(
            f"Ana,Doe,{ANA},,Acme,CTO,07 Mar 2016", "NA,NA,NA,NA,NA,NA,08 Jan 2024"
        ).encode()
    )
    assert (connections.contacts.height, connections.hidden) == (1, 1)


def test_side_files_read_placeholders_as_empty() -> None:
    people = read_connections(
        connections_text(
            f"Ana,Doe,{ANA},,Acme,CTO,07 Mar 2016", f"Bo,Li,{BO},,Globex,Dev,01 Feb 2019"
        ).encode()
    ).contacts
    invitations = (
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        f'Ana Doe,Robin Owner,"1/30/26, 8:56 PM",N/A,INCOMING,{ANA},#N/A\n'
        f'Robin Owner,Bo Li,"1/31/26, 8:56 PM",-,OUTGOING,NA,{BO}\n'
    )
    frame = read_invitations(
        invitations.encode(), "Invitations.csv", ContactIndex.build(people), None
    )
    notes = dict(frame.select("key", "invitation_note").iter_rows())
    assert notes == {"url:in/ana-doe": None, "url:in/bo-li": None}


@pytest.mark.parametrize("placeholder", ["NA", "N/A", "-", "#n/a"])
def test_a_messages_file_reads_placeholders_as_empty_cells(placeholder: str) -> None:
    """messages.csv keeps placeholders in the columns it only tests (id, title, date, draft
    marker): each must still count as the empty cell it stands for."""
    people = read_connections(
        connections_text(
            f"Ana,Doe,{ANA},,Acme,CTO,07 Mar 2016", f"Bo,Li,{BO},,Globex,Dev,01 Feb 2019"
        ).encode()
    ).contacts
    owner = "https://www.linkedin.com/in/robin-owner"
    header = (
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
        "DATE,CONTENT,IS MESSAGE DRAFT"
    )
    lines = [
        header,
        f"c1,{placeholder},Ana Doe,{ANA},Robin Owner,{owner},2024-01-02 10:00:00 UTC,Hi,No",
        f"c1,,Ana Doe,{ANA},Robin Owner,{owner},{placeholder},Undated,{placeholder}",
        f"c1,,Robin Owner,{owner},Ana Doe,{ANA},2024-01-03 10:00:00 UTC,Hello,No",
        # A placeholder for the conversation id marks a draft, as an empty id does.
        f"{placeholder},,Robin Owner,{owner},Bo Li,{BO},2024-01-04 10:00:00 UTC,Draft,No",
    ]
    raw = "\n".join(lines).encode()
    result = tally_messages(lambda: raw, "messages.csv", ContactIndex.build(people), "robin owner")
    rows = {row["key"]: row for row in result.per_contact.iter_rows(named=True)}
    assert set(rows) == {"url:in/ana-doe"}
    ana = rows["url:in/ana-doe"]
    assert (ana["messages_received"], ana["messages_sent"]) == (2, 1)
    assert (ana["first_message_on"], ana["last_message_on"]) == (date(2024, 1, 2), date(2024, 1, 3))
    assert result.remarks == ["1 message with dates prune cannot read (counted, without a date)"]


def test_the_counts_are_worded_per_placeholder() -> None:
    assert describe_placeholders({}) == ""
    assert describe_placeholders({"NA": 159}) == "159 'NA' cells read as empty"
    assert describe_placeholders({"NA": 159, "-": 1, "N/A": 2}) == (
        "159 'NA' cells, 1 '-' cell and 2 'N/A' cells read as empty"
    )
