"""Exports whose Connections.csv has no URL column say once that side files match by name."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from prune.core.evidence.collect import Evidence, compute_evidence
from prune.core.state.importing import parse_export

from testkit.exports import connections_text

HEADER_2021 = "First Name,Last Name,Email Address,Company,Position,Connected On"
ROWS = ("Ana,Doe,,Acme,CTO,07 Mar 2016", "Bo,Li,,Globex,Dev,01 Feb 2019")
ROBIN = "https://www.linkedin.com/in/robin-owner"
MESSAGES_2021 = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
    "c1,,Ana Doe,https://www.linkedin.com/in/ana-doe,Robin Owner,2021-03-01 10:00:00 UTC,,Hi,\n"
    f"c1,,Robin Owner,{ROBIN},Ana Doe,2021-03-02 10:00:00 UTC,,Hello,\n"
)
ENDORSEMENTS = (
    "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorsement Status\n"
    "2022/03/01 10:00:00 UTC,SQL,Bo,Li,ACCEPTED\n"
)
MESSAGES_2018 = (
    "From,To,Date,Subject,Content,Direction,Folder\n"
    '"Ana Doe","Robin Owner","1/8/18, 6:14 PM","Hi","Hello",INCOMING,INBOX\n'
)
RECOMMENDATIONS = (
    "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
    'Ana,Doe,Acme,CTO,"Great.","09/19/21, 12:47 AM",VISIBLE\n'
)


def evidence_of(folder: Path, files: dict[str, str]) -> Evidence:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text)
    parsed = parse_export(folder)
    return compute_evidence(parsed.files, parsed.connections.contacts)


def by_name(evidence: Evidence) -> list[str]:
    return [notice for notice in evidence.notices if "by full name" in notice]


def test_a_2021_export_says_once_that_side_files_match_by_name(tmp_path: Path) -> None:
    evidence = evidence_of(
        tmp_path / "2021",
        {
            "Connections.csv": connections_text(*ROWS, header=HEADER_2021),
            "Profile.csv": "First Name,Last Name\nRobin,Owner\n",
            "messages.csv": MESSAGES_2021,
            "Endorsement_Received_Info.csv": ENDORSEMENTS,
            "Recommendations_Received.csv": RECOMMENDATIONS,
        },
    )
    assert by_name(evidence) == [
        "Connections.csv has no profile URLs (LinkedIn's exports before mid-2023 have none), so "
        "messages.csv and Endorsement_Received_Info.csv are matched to your connections by full "
        "name, only where one connection bears it."
    ]
    assert evidence.frame.filter(pl.col("key") == "name:ana|doe|2016-03-07")[
        "messages_by_name"
    ].item()


def test_a_2018_export_says_it_once_too(tmp_path: Path) -> None:
    evidence = evidence_of(
        tmp_path / "2018",
        {
            "Connections.csv": connections_text(*ROWS, header=HEADER_2021, preamble=False),
            "Messages.csv": MESSAGES_2018,
        },
    )
    assert len(by_name(evidence)) == 1
    assert "so Messages.csv is matched" in by_name(evidence)[0]


def test_no_such_notice_when_connections_have_urls_or_nothing_is_matched(tmp_path: Path) -> None:
    with_urls = evidence_of(
        tmp_path / "2024",
        {
            "Connections.csv": connections_text(
                "Ana,Doe,https://www.linkedin.com/in/ana-doe,,Acme,CTO,07 Mar 2016"
            ),
            "messages.csv": MESSAGES_2021,
        },
    )
    assert by_name(with_urls) == []
    only_recommendations = evidence_of(
        tmp_path / "recommendations",
        {
            "Connections.csv": connections_text(*ROWS, header=HEADER_2021),
            "Recommendations_Received.csv": RECOMMENDATIONS,
        },
    )
    assert by_name(only_recommendations) == []
