"""Group messages: split into their recipients in every layout, counted apart, never one to one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from prune.core.evidence.card_insights import insights
from prune.core.evidence.collect import compute_evidence
from prune.core.evidence.details import details
from prune.core.evidence.matching import ContactIndex
from prune.core.evidence.message_tally import tally_messages
from prune.core.evidence.recipients import name_joiner, recipient_names
from prune.core.reading.connections import read_connections
from prune.core.review.rules import RULES
from prune.core.review.session import ReviewSession
from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store

from testkit.exports import connections_text

TODAY = date(2026, 11, 2)
ROBIN = "https://www.linkedin.com/in/robin-owner"
ANA = "https://www.linkedin.com/in/ana-doe"
BO = "https://www.linkedin.com/in/bo-li"
CY = "https://www.linkedin.com/in/cy-zed"
HEADER_2021 = "First Name,Last Name,Email Address,Company,Position,Connected On"
# A 2021 export: no URL column in Connections.csv, sender URLs but no recipient URLs in messages.
CONNECTIONS_2021 = connections_text(
    "Ana,Doe,,Acme,CTO,07 Mar 2016",
    'Bo,"Li, PhD",,Globex,Dev,01 Feb 2019',
    "Cy,Zed,,Initech,PM,03 Apr 2020",
    header=HEADER_2021,
)
ANA_KEY, BO_KEY, CY_KEY = (
    "name:ana|doe|2016-03-07",
    "name:bo|li, phd|2019-02-01",
    "name:cy|zed|2020-04-03",
)
MESSAGES_HEADER_2021 = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER"
)


def messages_2021(joiner: str) -> str:
    """Ana one to one, and an offsite group of four; `joiner` is how TO joins names."""

    def to(*names: str) -> str:
        return '"' + joiner.join(names) + '"'

    return "\n".join(
        [
            MESSAGES_HEADER_2021,
            f"c1,,Ana Doe,{ANA},Robin Owner,2021-03-01 10:00:00 UTC,,Hi,INBOX",
            f"c1,,Robin Owner,{ROBIN},Ana Doe,2021-03-02 09:00:00 UTC,,Hello,INBOX",
            # The owner writes to the group: sent to each of three, Bo's name holding a comma.
            f"c2,Offsite,Robin Owner,{ROBIN},{to('Ana Doe', 'Bo Li, PhD', 'Cy Zed')},"
            "2021-06-01 12:00:00 UTC,,Agenda,INBOX",
            f"c2,Offsite,Robin Owner,{ROBIN},{to('Ana Doe', 'Bo Li, PhD', 'Cy Zed')},"
            "2021-06-03 12:00:00 UTC,,Reminder,INBOX",
            # Cy writes to the group, the owner among the recipients.
            f"c2,Offsite,Cy Zed,{CY},{to('Robin Owner', 'Ana Doe', 'Bo Li, PhD')},"
            "2021-06-02 12:00:00 UTC,,Count me in,INBOX",
        ]
    )


def write_export(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def by_key(frame: pl.DataFrame) -> dict[str, dict[str, object]]:
    return {row["key"]: row for row in frame.iter_rows(named=True)}


@pytest.mark.parametrize("joiner", [",", ", "])
def test_2021_owner_group_messages_are_credited_to_every_recipient(joiner: str) -> None:
    people = read_connections(CONNECTIONS_2021.encode()).contacts
    raw = messages_2021(joiner).encode()
    result = tally_messages(lambda: raw, "messages.csv", ContactIndex.build(people), None)
    rows = by_key(result.per_contact)
    assert set(rows) == {ANA_KEY, BO_KEY, CY_KEY}
    ana = rows[ANA_KEY]
    assert (ana["messages_sent"], ana["messages_received"]) == (3, 1)
    assert (ana["group_messages_sent"], ana["group_messages_received"]) == (2, 0)
    # Only the one-to-one messages say who wrote first and last.
    assert (ana["first_writer"], ana["last_writer"]) == ("them", "you")
    assert ana["last_message_on"] == date(2021, 6, 3)
    bo = rows[BO_KEY]
    assert (bo["messages_sent"], bo["group_messages_sent"], bo["messages_received"]) == (2, 2, 0)
    assert (bo["first_writer"], bo["last_writer"]) == (None, None)
    cy = rows[CY_KEY]
    assert (cy["messages_sent"], cy["messages_received"]) == (2, 1)
    assert (cy["group_messages_sent"], cy["group_messages_received"]) == (2, 1)


def test_the_2021_joiner_is_told_from_the_file() -> None:
    assert name_joiner(pl.Series(["Ana Doe,Cy Zed", "Bo Li, PhD"])) == ","
    assert name_joiner(pl.Series(["Ana Doe, Cy Zed", "Bo Li, PhD"])) == ", "


def test_names_are_cut_where_a_known_name_ends_and_otherwise_at_the_joiner() -> None:
    known = pl.Series(["bo li, phd", "ana doe"])
    cut = recipient_names(
        pl.Series(["Ana Doe,Bo Li, PhD,Rex Roe, MBA", "Bo Li, PhD", "Rex Roe,Sue Poe"]),
        known,
        ",",
    )
    names = {
        to: cut.filter(pl.col("to") == to)["recipient_name"].to_list() for to in cut["to"].unique()
    }
    assert names == {
        "Ana Doe,Bo Li, PhD,Rex Roe, MBA": ["Ana Doe", "Bo Li, PhD", "Rex Roe, MBA"],
        "Bo Li, PhD": ["Bo Li, PhD"],
        "Rex Roe,Sue Poe": ["Rex Roe", "Sue Poe"],
    }
    # In a file joining with ", ", an unknown name with a comma cannot be told apart.
    newer = recipient_names(pl.Series(["Ana Doe, Bo Li, PhD, Rex Roe"]), known, ", ")
    assert newer["recipient_name"].to_list() == ["Ana Doe", "Bo Li, PhD", "Rex Roe"]
    assert newer["recipient_count"].to_list() == [3, 3, 3]


def test_the_card_counts_group_messages_apart_and_never_pre_answers_them(
    tmp_path: Path,
) -> None:
    folder = write_export(
        tmp_path / "export",
        {
            "Connections.csv": CONNECTIONS_2021,
            "Profile.csv": "First Name,Last Name\nRobin,Owner\n",
            "messages.csv": messages_2021(","),
        },
    )
    parsed = parse_export(folder)
    evidence = compute_evidence(parsed.files, parsed.connections.contacts)
    frame = by_key(insights(evidence, today=TODAY))
    ana, bo, cy = frame[ANA_KEY], frame[BO_KEY], frame[CY_KEY]
    assert ana["evidence"] == "4 messages (by name), last 3 Jun 2021 · 2 in groups · you wrote last"
    assert ana["proves_interaction"] is True
    # Two messages to a group of four: in one conversation, never one to one.
    assert bo["evidence"] == "2 group messages (by name), last 3 Jun 2021"
    assert bo["proves_interaction"] is False
    assert bo["reasons"] == "only group messages, the last 5 years ago"
    assert "wrote last" not in cy["evidence"] and "only" not in cy["evidence"]
    assert cy["proves_interaction"] is False
    assert details(evidence, BO_KEY)[1:3] == [
        "2 messages: you sent 2, they sent 0, from 1 Jun 2021 to 3 Jun 2021.",
        "All in group conversations (you wrote 2, they wrote 0): a group message is not a "
        "one-to-one exchange.",
    ]
    assert details(evidence, ANA_KEY)[2:4] == [
        "2 of them in group conversations (you wrote 2, they wrote 0): a group message is not "
        "a one-to-one exchange.",
        "One to one, they wrote first; you wrote last.",
    ]

    store = Store.open(tmp_path / "state")
    snapshot = record_export(store, parsed).outcome.snapshot
    session = ReviewSession(store, snapshot.id, RULES["any"])
    session.set_insights(insights(evidence, today=TODAY))
    assert session.view(ANA_KEY).suggestion == "keep"  # she and the owner wrote one to one
    assert session.view(BO_KEY).suggestion is None
    assert session.view(CY_KEY).suggestion is None
    store.close()
