"""messages.csv in every layout: who wrote how often, to whom, and what never counts."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from prune.core.errors import ExportError
from prune.core.evidence.matching import ContactIndex
from prune.core.evidence.message_tally import tally_messages
from prune.core.reading.connections import read_connections

from testkit.exports import connections_text

OWNER = "robin owner"
ROBIN = "https://www.linkedin.com/in/robin-owner"
ANA_URL = "https://www.linkedin.com/in/ana-doe"
BO_URL = "https://www.linkedin.com/in/bo-li"
CY_URL = "https://www.linkedin.com/in/cy-zed"
CONTACTS = (
    f"Ana,Doe,{ANA_URL},,Acme,CTO,07 Mar 2016",
    f'Bo,"Li, PhD",{BO_URL},,Globex,Dev,01 Feb 2019',
    f"Cy,Zed,{CY_URL},,Initech,PM,03 Apr 2020",
    "Zoë,B,https://www.linkedin.com/in/zo%C3%AB-b,,Hooli,Eng,05 May 2021",
    "Dee,Quiet,https://www.linkedin.com/in/dee-quiet,,Umbrella,Ops,06 Jun 2015",
)
HEADER_2026 = (
    '"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO",'
    '"RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER","ATTACHMENTS",'
    '"IS MESSAGE DRAFT"'
)


def quoted(*fields: str) -> str:
    return ",".join('"' + field.replace('"', '""') + '"' for field in fields)


def row(line: str, draft: str = "No") -> str:
    """One fully quoted 2026 row from `id|title|from|from url|to|to urls|date|content`."""
    cid, title, sender, sender_url, to, to_urls, when, content = line.split("|")
    return quoted(
        cid, title, sender, sender_url, to, to_urls, when, "", content, "INBOX", "", draft
    )


ZOE_URL = "https://www.linkedin.com/in/zo%C3%AB-b"
GROUP = f"{ANA_URL},{BO_URL},{CY_URL}"
MESSAGES_2026 = "\n".join(
    [
        HEADER_2026,
        # Rows are not sorted by date, and content holds newlines, quotes and commas.
        row(f"c1||Ana Doe|{ANA_URL}|Robin Owner|{ROBIN}|2021-03-01 10:00:00 UTC|Hi,\nlong time!"),
        row(f'c1||Robin Owner|{ROBIN}|Ana Doe|{ANA_URL}|2021-03-02 09:00:00 UTC|Sure, "coffee"?'),
        row(f"c1||Ana Doe|{ANA_URL}|Robin Owner|{ROBIN}|2020-01-05 08:00:00 UTC|Thanks"),
        # A group: the owner's message counts as sent to each of three contacts...
        row(
            f"c2|Offsite|Robin Owner|{ROBIN}|Ana Doe, Bo Li, PhD, Cy Zed|{GROUP}|"
            "2022-06-01 12:00:00 UTC|Agenda attached"
        ),
        # ... and Bo's as received from Bo only.
        row(
            f"c2|Offsite|Bo Li, PhD|{BO_URL}|Robin Owner, Ana Doe, Cy Zed|"
            f"{ROBIN},{ANA_URL},{CY_URL}|2022-06-02 12:00:00 UTC|Count me in"
        ),
        # A hidden sender, and the owner's answer to them: nobody to credit.
        row(f"c3||LinkedIn Member||Robin Owner|{ROBIN}|2023-01-01 10:00:00 UTC|Quick question"),
        row(f"c3||Robin Owner|{ROBIN}|LinkedIn Member||2023-01-02 10:00:00 UTC|Not interested"),
        # Sponsored, even when it comes from a connection's URL: not interaction.
        row(
            f"c4|Sponsored Conversation|Zoë B|{ZOE_URL}|Robin Owner|{ROBIN}|"
            '2024-02-02 10:00:00 UTC|<p>Hi, <a href="x">book a demo</a></p>'
        ),
        # A draft: no conversation id, and marked as such.
        row(f"||Robin Owner|{ROBIN}|Zoë B|{ZOE_URL}|2025-05-05 10:00:00 UTC|Unsent", draft="Yes"),
        # The same profile written another way still lands on Zoë.
        row(
            "c5||Zoë B|https://www.linkedin.com/in/Zo%C3%AB-B/|Robin Owner|"
            f"{ROBIN}|2025-06-01 10:00:00 UTC|Hello from Zoë"
        ),
        # A recruiter who is not a connection.
        row(
            "c6||Rex Cruiter|https://www.linkedin.com/in/rex|Robin Owner|"
            f"{ROBIN}|2025-07-01 10:00:00 UTC|A role for you"
        ),
    ]
)


def contacts(*rows: str, **options: object) -> pl.DataFrame:
    return read_connections(connections_text(*rows, **options).encode()).contacts  # type: ignore[arg-type]


def tally(text: str | bytes, people: pl.DataFrame, owner: str | None = OWNER):
    raw = text.encode() if isinstance(text, str) else text
    return tally_messages(lambda: raw, "messages.csv", ContactIndex.build(people), owner)


def by_key(frame: pl.DataFrame) -> dict[str, dict[str, object]]:
    return {row["key"]: row for row in frame.iter_rows(named=True)}


def test_2026_layout_counts_each_direction_and_skips_what_is_not_interaction() -> None:
    result = tally(MESSAGES_2026, contacts(*CONTACTS))
    assert (result.total, result.sponsored) == (10, 1)  # the sponsored message is advertising
    rows = by_key(result.per_contact)
    assert set(rows) == {"url:in/ana-doe", "url:in/bo-li", "url:in/cy-zed", "url:in/zoë-b"}
    ana = rows["url:in/ana-doe"]
    assert (ana["messages_sent"], ana["messages_received"]) == (2, 2)
    assert ana["first_message_on"] == date(2020, 1, 5)
    assert ana["last_message_on"] == date(2022, 6, 1)
    assert (ana["group_messages_sent"], ana["group_messages_received"]) == (1, 0)
    assert (ana["first_writer"], ana["last_writer"]) == ("them", "you")
    bo = rows["url:in/bo-li"]
    assert (bo["messages_sent"], bo["messages_received"]) == (1, 1)
    # Bo only ever wrote in the group: nobody wrote to anybody one to one.
    assert (bo["group_messages_sent"], bo["group_messages_received"]) == (1, 1)
    assert (bo["first_writer"], bo["last_writer"]) == (None, None)
    cy = rows["url:in/cy-zed"]
    assert (cy["messages_sent"], cy["messages_received"], cy["group_messages_sent"]) == (1, 0, 1)
    zoe = rows["url:in/zoë-b"]  # the sponsored message and the draft did not count
    assert (zoe["messages_sent"], zoe["messages_received"]) == (0, 1)
    assert not any(row["messages_by_name"] for row in rows.values())
    assert result.remarks == []


def test_the_owner_is_found_without_profile_csv() -> None:
    with_profile = tally(MESSAGES_2026, contacts(*CONTACTS))
    without = tally(MESSAGES_2026, contacts(*CONTACTS), owner=None)
    assert without.per_contact.sort("key").equals(with_profile.per_contact.sort("key"))


def test_2024_12_layout_with_both_draft_markers() -> None:
    header = HEADER_2026 + ',"IS CONVERSATION DRAFT"'
    sent = row(f"c1||Robin Owner|{ROBIN}|Ana Doe|{ANA_URL}|2024-12-20 10:00:00 UTC|Hi") + ',"No"'
    draft = row(f"c2||Robin Owner|{ROBIN}|Bo Li|{BO_URL}|2024-12-21 10:00:00 UTC|Hi") + ',"Yes"'
    result = tally("\n".join([header, sent, draft]), contacts(*CONTACTS))
    assert result.total == 2
    assert result.per_contact["key"].to_list() == ["url:in/ana-doe"]


def test_2022_layout_without_recipient_urls_matches_urlless_contacts_by_name() -> None:
    # Exports from mid-2021 to mid-2023 have no URL in Connections.csv, but URLs in messages.
    header = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT"
    header += ",FOLDER"
    rows = [
        f"c1,,Ana Doe,{ANA_URL},Robin Owner,2022-05-01 10:00:00 UTC,,Hi,INBOX",
        f"c1,,Robin Owner,{ROBIN},Ana Doe,2022-05-02 10:00:00 UTC,,Hello,INBOX",
        f"c2,,Robin Owner,{ROBIN},Cy Zed,2022-05-03 10:00:00 UTC,,Hello Cy,INBOX",
        f"c2,,Robin Owner,{ROBIN},Cy Zed,2022-05-04 10:00:00 UTC,,Still there?,INBOX",
    ]
    people = contacts(
        "Ana,Doe,,Acme,CTO,07 Mar 2016",
        "Cy,Zed,,Initech,PM,03 Apr 2020",
        header="First Name,Last Name,Email Address,Company,Position,Connected On",
    )
    result = tally("\n".join([header, *rows]), people)
    rows_by_key = by_key(result.per_contact)
    ana = rows_by_key["name:ana|doe|2016-03-07"]
    assert (ana["messages_sent"], ana["messages_received"], ana["messages_by_name"]) == (1, 1, True)
    cy = rows_by_key["name:cy|zed|2020-04-03"]
    assert (cy["messages_sent"], cy["messages_received"], cy["last_writer"]) == (2, 0, "you")


MESSAGES_2018 = "\n".join(
    [
        "From,To,Date,Subject,Content,Direction,Folder",
        '"Ana Doe","Robin Owner","1/8/18, 6:14 PM","Hi","Hello\nthere",INCOMING,INBOX',
        '"Robin Owner","Ana Doe","1/9/18, 9:05 AM","Re: Hi","Hi Ana",OUTGOING,SENT',
        # A name with a comma, whole in To.
        '"Robin Owner","Bo Li, PhD","2/1/18, 10:00 AM","Lunch","Lunch?",OUTGOING,SENT',
        # Two recipients: the whole field is nobody, so it is split.
        '"Robin Owner","Ana Doe, Cy Zed","3/1/18, 11:30 AM","Intro","Meet Cy",OUTGOING,SENT',
        # Two connections are called Sam Lee: nobody gets this one.
        '"Sam Lee","Robin Owner","4/1/18, 1:00 PM","Hey","Hey",INCOMING,INBOX',
    ]
)
CONTACTS_2018 = (
    "Ana,Doe,,Acme,CTO,07 Mar 2016",
    'Bo,"Li, PhD",,Globex,Dev,01 Feb 2017',
    "Cy,Zed,,Initech,PM,03 Apr 2017",
    "Sam,Lee,,Foo,Dev,01 Jan 2017",
    "Sam,Lee,,Bar,Ops,02 Jan 2017",
)


@pytest.mark.parametrize("owner", [OWNER, None])
def test_2018_layout_matches_people_by_unique_full_name(owner: str | None) -> None:
    people = contacts(
        *CONTACTS_2018,
        header="First Name,Last Name,Email Address,Company,Position,Connected On",
    )
    result = tally(MESSAGES_2018, people, owner=owner)
    assert result.total == 5
    rows = by_key(result.per_contact)
    ana = rows["name:ana|doe|2016-03-07"]
    assert (ana["messages_sent"], ana["messages_received"]) == (2, 1)
    assert ana["first_message_on"] == date(2018, 1, 8)
    assert ana["last_message_on"] == date(2018, 3, 1)
    assert ana["messages_by_name"] is True
    assert rows["name:bo|li, phd|2017-02-01"]["messages_sent"] == 1
    assert rows["name:cy|zed|2017-04-03"]["messages_sent"] == 1
    assert not [key for key in rows if key.startswith("name:sam|lee")]
    assert any("1 message left out" in remark for remark in result.remarks)


def test_2018_layout_without_direction_uses_the_owner_name() -> None:
    text = MESSAGES_2018.replace(",Direction,Folder", ",Folder")
    for direction in (",INCOMING", ",OUTGOING"):
        text = text.replace(direction, "")
    people = contacts(
        *CONTACTS_2018,
        header="First Name,Last Name,Email Address,Company,Position,Connected On",
    )
    rows = by_key(tally(text, people).per_contact)
    ana = rows["name:ana|doe|2016-03-07"]
    assert (ana["messages_sent"], ana["messages_received"]) == (2, 1)


def test_crlf_and_a_byte_order_mark_change_nothing() -> None:
    plain = tally(MESSAGES_2026, contacts(*CONTACTS))
    resaved_bytes = b"\xef\xbb\xbf" + MESSAGES_2026.replace("\n", "\r\n").encode()
    resaved = tally(resaved_bytes, contacts(*CONTACTS))
    assert resaved.total == plain.total
    # Newlines inside CONTENT became CRLF too, which must not split any record.
    assert resaved.per_contact.sort("key").equals(plain.per_contact.sort("key"))


def test_a_file_that_is_not_a_messages_file_is_refused_with_a_reason() -> None:
    with pytest.raises(ExportError, match="no header line"):
        tally("First Name,Last Name\nAna,Doe\n", contacts(*CONTACTS))


def test_messages_with_unreadable_dates_still_count() -> None:
    text = "\n".join(
        [
            HEADER_2026,
            row(f"c1||Ana Doe|{ANA_URL}|Robin Owner|{ROBIN}|2021-03-01 10:00:00 UTC|Hi"),
            row(f"c1||Ana Doe|{ANA_URL}|Robin Owner|{ROBIN}|sometime in spring|Hi again"),
        ]
    )
    result = tally(text, contacts(*CONTACTS))
    [ana] = result.per_contact.iter_rows(named=True)
    assert (ana["messages_received"], ana["last_message_on"]) == (2, date(2021, 3, 1))
    assert result.remarks == ["1 message with dates prune cannot read (counted, without a date)"]


def test_who_wrote_first_and_last_when_messages_share_a_moment_or_have_none() -> None:
    # At the same second, or with no readable date at all, the message the contact sent counts
    # before the owner's (received messages come first): the same answer every time.
    same = "2021-03-01 10:00:00 UTC"
    text = "\n".join(
        [
            HEADER_2026,
            row(f"c1||Ana Doe|{ANA_URL}|Robin Owner|{ROBIN}|{same}|Hi"),
            row(f"c1||Robin Owner|{ROBIN}|Ana Doe|{ANA_URL}|{same}|Hi back"),
            row(f"c2||Robin Owner|{ROBIN}|Cy Zed|{CY_URL}|someday|Hello"),
            row(f"c2||Cy Zed|{CY_URL}|Robin Owner|{ROBIN}|someday|Hello"),
            row(f"c3||Robin Owner|{ROBIN}|Bo Li, PhD|{BO_URL}|2020-01-01 10:00:00 UTC|Early"),
            row(f"c3||Bo Li, PhD|{BO_URL}|Robin Owner|{ROBIN}|2020-01-02 10:00:00 UTC|Later"),
            row(f"c3||Robin Owner|{ROBIN}|Bo Li, PhD|{BO_URL}|nope|Undated"),
        ]
    )
    rows = by_key(tally(text, contacts(*CONTACTS)).per_contact)
    writers = {key: (row["first_writer"], row["last_writer"]) for key, row in rows.items()}
    assert writers == {
        "url:in/ana-doe": ("them", "them"),
        "url:in/cy-zed": ("them", "them"),
        "url:in/bo-li": ("you", "them"),
    }
