"""The whole archive together: the card's evidence line, the score, the details, the notices."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from prune.core.evidence.cache import cache_paths, load_or_compute
from prune.core.evidence.card_insights import insights
from prune.core.evidence.collect import compute_evidence
from prune.core.evidence.details import details
from prune.core.model import INSIGHT_COLUMNS
from prune.core.reading.archive import open_export
from prune.core.reading.connections import read_connections
from prune.core.review.rules import RULES
from prune.core.review.session import ReviewSession
from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store

from testkit.exports import connections_text, make_zip

TODAY = date(2026, 11, 2)
ROBIN = "https://www.linkedin.com/in/robin-owner"
ANA = "https://www.linkedin.com/in/ana-doe"
BO = "https://www.linkedin.com/in/bo-li"
CONNECTIONS = connections_text(
    f"Ana,Doe,{ANA},,Acme Inc.,CTO,07 Mar 2016",
    f"Bo,Li,{BO},,Globex,Dev,01 Feb 2026",
    "Dee,Quiet,https://www.linkedin.com/in/dee-quiet,,Umbrella,Ops,06 Jun 2016",
    "FAKE,PERSON,https://www.linkedin.com/in/fake,,,,01 Jan 2025",
    "Sam,Lee,https://www.linkedin.com/in/sam-lee-1,,Foo,Dev,01 Jan 2017",
    "Sam,Lee,https://www.linkedin.com/in/sam-lee-2,,Bar,Ops,02 Jan 2017",
)


def q(line: str) -> str:
    """A fully quoted CSV row from fields separated by `|`."""
    return ",".join('"' + field.replace('"', '""') + '"' for field in line.split("|"))


FAKE = "https://www.linkedin.com/in/fake"
MESSAGES = "\n".join(
    [
        q(
            "CONVERSATION ID|CONVERSATION TITLE|FROM|SENDER PROFILE URL|TO|"
            "RECIPIENT PROFILE URLS|DATE|SUBJECT|CONTENT|FOLDER|ATTACHMENTS|IS MESSAGE DRAFT"
        ),
        q(f"c1||Ana Doe|{ANA}|Robin Owner|{ROBIN}|2020-01-05 08:00:00 UTC||Hi,\nRobin|INBOX||No"),
        q(f"c1||Robin Owner|{ROBIN}|Ana Doe|{ANA}|2021-03-02 09:00:00 UTC||Hello|INBOX||No"),
        q(f"c2||Bo Li|{BO}|Robin Owner|{ROBIN}|2026-10-01 09:00:00 UTC||Hi there|INBOX||No"),
        q(f"c2||Robin Owner|{ROBIN}|Bo Li|{BO}|2026-10-02 09:00:00 UTC||Likewise|INBOX||No"),
        q(f"c2||Bo Li|{BO}|Robin Owner|{ROBIN}|2026-10-03 09:00:00 UTC||See you|INBOX||No"),
        q(f"c3||Fake Person|{FAKE}|Robin Owner|{ROBIN}|2025-02-01 09:00:00 UTC||Buy|INBOX||No"),
    ]
)
SIDE_FILES = {
    "Profile.csv": "First Name,Last Name,Headline\nRobin,Owner,Ops\n",
    "Positions.csv": (
        "Company Name,Title,Description,Location,Started On,Finished On\n"
        "Blue Harbor,Lead,,,Mar 2023,\n"
        '"Acme, Inc.",Analyst,,,Sep 2015,May 2019\n'
    ),
    "messages.csv": MESSAGES,
    "Invitations.csv": (
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        f'Robin Owner,Bo Li,"1/30/26, 8:56 PM",Hello Bo,OUTGOING,{ROBIN},{BO}\n'
    ),
    "Endorsement_Received_Info.csv": (
        "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,"
        "Endorser Public Url,Endorsement Status\n"
        "2023/06/20 13:05:02 UTC,SQL,Ana,Doe,www.linkedin.com/in/ana-doe,ACCEPTED\n"
    ),
    "Recommendations_Received.csv": (
        "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
        'Ana,Doe,Acme,CTO,"Great, really.","09/19/24, 12:47 AM",VISIBLE\n'
        'Sam,Lee,Foo,Dev,"Kind.","01/02/23, 10:00 AM",VISIBLE\n'
    ),
}


def write_export(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data.encode() if isinstance(data, str) else data)
    return folder


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return write_export(tmp_path / "export", {"Connections.csv": CONNECTIONS, **SIDE_FILES})


def evidence_of(folder: Path):
    parsed = parse_export(folder)
    return compute_evidence(parsed.files, parsed.connections.contacts)


def card(frame: pl.DataFrame, key: str) -> dict[str, object]:
    return frame.filter(pl.col("key") == key).row(0, named=True)


def test_the_card_line_and_pre_answer_for_each_contact(export: Path) -> None:
    evidence = evidence_of(export)
    assert evidence.notices == [
        "Recommendations_Received.csv: the recommendation from Sam Lee was not counted: "
        "2 connections share that name."
    ]
    assert evidence.messages == 6
    assert evidence.contacts_with_messages == 3
    assert evidence.describe() == (
        "evidence from 6 archive files: 6 messages, 3 connections written with"
    )
    frame = insights(evidence, today=TODAY)
    assert tuple(frame.columns) == INSIGHT_COLUMNS
    ana = card(frame, "url:in/ana-doe")
    assert ana["evidence"] == (
        "2 messages, last 2 Mar 2021 · you wrote last · endorsed you · "
        "recommended you (by name) · former colleague? (Acme Inc.)"
    )
    assert ana["proves_interaction"] is True
    assert ana["reasons"] == "last message 5 years ago"
    bo = card(frame, "url:in/bo-li")
    assert bo["evidence"] == (
        "3 messages, last 3 Oct 2026 · they wrote last · you invited them, with a note"
    )
    assert bo["reasons"] is None
    dee = card(frame, "url:in/dee-quiet")
    assert dee["evidence"] is None
    assert dee["proves_interaction"] is False
    assert dee["reasons"] == "no messages in 10 years of connection"
    fake = card(frame, "url:in/fake")
    assert fake["evidence"] == "1 message, 1 Feb 2025 · only they wrote"
    assert fake["flags"] == "no company or position; name in capitals"
    assert fake["reasons"] == "you never replied; bare-bones profile"
    assert fake["proves_interaction"] is False  # a pitch you never answered is no interaction
    sam = card(frame, "url:in/sam-lee-1")
    assert sam["evidence"] is None  # the shared-name recommendation is not theirs for sure


def test_likely_disconnects_come_first(export: Path) -> None:
    frame = insights(evidence_of(export), today=TODAY).sort("score", descending=True)
    score = dict(zip(frame["key"], frame["score"], strict=True))
    # Ten years without a message outranks a recent connection who writes back.
    assert score["url:in/dee-quiet"] > score["url:in/bo-li"]
    # A flagged, never-answered profile ranks above an ordinary silent one.
    assert score["url:in/fake"] > score["url:in/ana-doe"]
    assert frame["key"][0] == "url:in/dee-quiet"
    assert frame["key"][-1] in ("url:in/bo-li", "url:in/ana-doe")


def test_the_review_session_pre_answers_proven_contacts_only(export: Path, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "state")
    snapshot = record_export(store, parse_export(export)).outcome.snapshot
    session = ReviewSession(store, snapshot.id, RULES["any"])
    assert session.queue[0] == "url:in/ana-doe"  # oldest first until the evidence arrives
    session.set_insights(insights(evidence_of(export), today=TODAY))
    # The card on screen stays; the likeliest disconnect comes next.
    assert session.queue[:2] == ["url:in/ana-doe", "url:in/dee-quiet"]
    assert session.view("url:in/ana-doe").suggestion == "keep"
    assert session.view("url:in/fake").suggestion is None  # flagged: never decided for you
    assert session.view("url:in/fake").flags == ["no company or position", "name in capitals"]
    store.close()


def test_details_say_every_fact_in_plain_words(export: Path) -> None:
    evidence = evidence_of(export)
    assert details(evidence, "url:in/ana-doe") == [
        "Connected on 7 Mar 2016.",
        "2 messages: you sent 1, they sent 1, from 5 Jan 2020 to 2 Mar 2021.",
        "They wrote first; you wrote last.",
        "They endorsed you for SQL (latest 20 Jun 2023).",
        "They recommended you on 19 Sep 2024; matched by name (the file has no profile URL, "
        "and no other connection has this name).",
        "Former colleague? They work at Acme Inc., where you worked from Sep 2015 to May 2019.",
    ]
    assert details(evidence, "url:in/bo-li")[1:] == [
        "3 messages: you sent 1, they sent 2, from 1 Oct 2026 to 3 Oct 2026.",
        "They wrote first; they wrote last.",
        "You invited them on 30 Jan 2026, writing: “Hello Bo”.",
    ]
    assert "No messages exchanged." in details(evidence, "url:in/dee-quiet")
    assert any(
        "2 connections share the name" in line for line in details(evidence, "url:in/sam-lee-2")
    )


def test_connections_only_gives_flags_and_an_age_based_order(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "basic", {"Connections.csv": CONNECTIONS})
    evidence = evidence_of(folder)
    assert evidence.files_used == []
    assert evidence.messages is None
    assert evidence.describe() == "no archive evidence (profile flags only)"
    assert len(evidence.notices) == 1 and "Only Connections.csv" in evidence.notices[0]
    frame = insights(evidence, today=TODAY)
    fake = card(frame, "url:in/fake")
    assert fake["flags"] == "no company or position; name in capitals"
    assert frame["evidence"].null_count() == frame.height
    dee = card(frame, "url:in/dee-quiet")
    # Without messages.csv nobody is said to have no messages: only the age is known.
    assert dee["reasons"] == "connected 10 years ago"
    assert dee["score"] > card(frame, "url:in/bo-li")["score"]
    assert details(evidence, "url:in/dee-quiet")[-1].startswith("Messages unknown")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("messages.csv", b"\x00\x01\x02binary\xff\x00" * 50, "not a CSV file"),
        ("Invitations.csv", "Totally,Different\n1,2\n", "no header line"),
        ("Endorsement_Received_Info.csv", "", "is empty"),
        ("Positions.csv", 'Company Name\n"unterminated\n', "not valid CSV"),
    ],
)
def test_a_bad_side_file_gives_a_notice_and_the_rest_still_counts(
    tmp_path: Path, name: str, data: str | bytes, reason: str
) -> None:
    folder = write_export(
        tmp_path / "bad", {"Connections.csv": CONNECTIONS, **SIDE_FILES, name: data}
    )
    evidence = evidence_of(folder)
    skipped = [notice for notice in evidence.notices if notice.startswith(f"{name} skipped")]
    assert len(skipped) == 1 and reason in skipped[0]
    assert name not in evidence.files_used
    frame = insights(evidence, today=TODAY)
    assert card(frame, "url:in/ana-doe")["proves_interaction"] is True


def test_a_missing_messages_file_is_explained(tmp_path: Path) -> None:
    files = {"Connections.csv": CONNECTIONS, **SIDE_FILES}
    del files["messages.csv"]
    evidence = evidence_of(write_export(tmp_path / "no-messages", files))
    assert any(notice.startswith("No messages.csv in this export") for notice in evidence.notices)
    assert evidence.contacts_with_messages is None


def test_the_2022_utf16_endorsement_file_inside_a_zip(tmp_path: Path) -> None:
    text = (
        '"Endorsement Date"\t"Skill Name"\t"Endorser First Name"\t"Endorser Last Name"\t'
        '"Endorsement Status"\t"Display Status"\r\n'
        '"2022/03/01 10:00:00 UTC"\t"SQL"\t"Ana"\t"Doe"\t"ACCEPTED"\t"SHOWN"\r\n'
    )
    archive = tmp_path / "Complete_LinkedInDataExport_03-01-2022.zip"
    archive.write_bytes(
        make_zip(
            {
                "Connections.csv": CONNECTIONS,
                "Endorsement Received Info.csv": b"\xff\xfe" + text.encode("utf-16-le"),
            }
        )
    )
    evidence = evidence_of(archive)
    assert evidence.files_used == ["Endorsement Received Info.csv"]
    line = card(insights(evidence, today=TODAY), "url:in/ana-doe")["evidence"]
    assert line == "endorsed you (by name)"  # that file had no URL column


# -- the cache ------------------------------------------------------------------------------


def test_cache_round_trip_without_the_export(export: Path, tmp_path: Path) -> None:
    state = tmp_path / "state"
    store = Store.open(state)
    parsed = parse_export(export)
    snapshot = record_export(store, parsed).outcome.snapshot
    people = store.contacts(snapshot.id)
    store.close()
    first = load_or_compute(state, snapshot, people)
    for path in cache_paths(state, snapshot.id):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    for path in export.iterdir():  # the export is gone: the cache still answers
        path.unlink()
    again = load_or_compute(state, snapshot, people)
    assert again.frame.equals(first.frame)
    assert (again.notices, again.files_used, again.sources) == (
        first.notices,
        first.files_used,
        first.sources,
    )
    assert (again.messages, again.contacts_with_messages) == (6, 3)
    assert insights(again, today=TODAY).equals(insights(first, today=TODAY))


def test_a_moved_export_without_cache_leaves_flags_and_a_notice(
    export: Path, tmp_path: Path
) -> None:
    state = tmp_path / "state"
    store = Store.open(state)
    snapshot = record_export(store, parse_export(export)).outcome.snapshot
    people = store.contacts(snapshot.id)
    store.close()
    export.rename(tmp_path / "moved")
    evidence = load_or_compute(state, snapshot, people)
    assert evidence.files_used == []
    assert "no longer there" in evidence.notices[0]
    assert card(insights(evidence, today=TODAY), "url:in/fake")["flags"]
    assert not cache_paths(state, snapshot.id)[0].exists()  # comes back with the export

    # Importing it from its new place points the snapshot there, and evidence returns.
    store = Store.open(state)
    relinked = record_export(store, parse_export(tmp_path / "moved")).outcome
    store.close()
    assert relinked.relinked
    assert load_or_compute(state, relinked.snapshot, people).messages == 6


def test_a_stale_cache_is_not_used(export: Path, tmp_path: Path) -> None:
    state = tmp_path / "state"
    store = Store.open(state)
    snapshot = record_export(store, parse_export(export)).outcome.snapshot
    people = store.contacts(snapshot.id)
    store.close()
    load_or_compute(state, snapshot, people)
    # Same snapshot, now pointing at an archive with another file list: read afresh.
    (export / "Invitations.csv").unlink()
    changed = type(snapshot)(**{**snapshot.__dict__, "files": snapshot.files[:-1]})
    evidence = load_or_compute(state, changed, people)
    assert "Invitations.csv" not in evidence.files_used


def test_contacts_frame_from_the_store_and_from_the_file_agree(
    export: Path, tmp_path: Path
) -> None:
    files = open_export(export)
    from_file = read_connections((export / "Connections.csv").read_bytes()).contacts
    store = Store.open(tmp_path / "state")
    snapshot = record_export(store, parse_export(export)).outcome.snapshot
    from_store = store.contacts(snapshot.id)
    store.close()
    a = insights(compute_evidence(files, from_file), today=TODAY).sort("key")
    b = insights(compute_evidence(files, from_store), today=TODAY).sort("key")
    assert a.equals(b)


def test_side_files_with_only_a_header_give_nothing_and_no_notice(tmp_path: Path) -> None:
    headers = {name: text.split("\n", 1)[0] + "\n" for name, text in SIDE_FILES.items()}
    headers["Recommendations_Given.csv"] = "First Name,Last Name\n"  # no date column either
    evidence = evidence_of(
        write_export(tmp_path / "empty", {"Connections.csv": CONNECTIONS, **headers})
    )
    assert evidence.notices == []
    assert len(evidence.files_used) == len(headers)
    assert (evidence.messages, evidence.contacts_with_messages) == (0, 0)
    assert insights(evidence, today=TODAY)["evidence"].null_count() == 6


def test_unanswered_pitches_rank_with_the_silent_not_with_friends(tmp_path: Path) -> None:
    people = connections_text(
        f"Ana,Doe,{ANA},,Acme,CTO,07 Mar 2024",
        "Rex,Pitch,https://www.linkedin.com/in/rex,,Leads Inc,Sales,07 Mar 2024",
    )
    rex = "https://www.linkedin.com/in/rex"
    header = MESSAGES.split("\n", 1)[0]
    rows = [header]
    for day in range(1, 9):  # eight messages both ways with Ana
        sender, url, to, to_url = (
            ("Ana Doe", ANA, "Robin Owner", ROBIN)
            if day % 2
            else ("Robin Owner", ROBIN, "Ana Doe", ANA)
        )
        rows.append(q(f"a||{sender}|{url}|{to}|{to_url}|2026-09-0{day} 10:00:00 UTC||Hi|||No"))
    for day in range(1, 4):  # three pitches from Rex, never answered
        rows.append(
            q(f"r||Rex Pitch|{rex}|Robin Owner|{ROBIN}|2026-09-1{day} 10:00:00 UTC||Buy|||No")
        )
    folder = write_export(
        tmp_path / "pitch",
        {
            "Connections.csv": people,
            "Profile.csv": SIDE_FILES["Profile.csv"],
            "messages.csv": "\n".join(rows),
        },
    )
    frame = insights(evidence_of(folder), today=TODAY)
    ana, pitched = card(frame, "url:in/ana-doe"), card(frame, "url:in/rex")
    assert pitched["evidence"] == "3 messages, last 13 Sep 2026 · only they wrote"
    assert pitched["reasons"] == "you never replied"
    assert pitched["score"] > ana["score"]
