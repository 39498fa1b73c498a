"""Pending invitations: who still waits, both ways, in every layout; decisions that last."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from prune.core.invitations.flags import BARE_NAME, NO_NOTE, PITCH, invitation_flags
from prune.core.invitations.listing import invitation_list
from prune.core.invitations.pending import read_pending
from prune.core.invitations.verdicts import invitation_decision
from prune.core.periods import Period
from prune.core.reading.connections import read_connections
from prune.core.review.rules import RULES
from prune.core.state.importing import parse_export, record_export
from prune.core.state.invitation_decisions import InvitationRecord
from prune.core.state.store import Store

from testkit.exports import connections_text

OWNER = "Robin Owner"
ROBIN = "https://www.linkedin.com/in/robin-owner"
ANA = "Ana,Doe,https://www.linkedin.com/in/ana-doe,,Acme,CTO,07 Mar 2024"
BO = "Bo,Li,https://www.linkedin.com/in/bo-li,,Globex,Dev,01 Feb 2023"
SAM_1 = "Sam,Lee,https://www.linkedin.com/in/sam-lee-1,,Acme,Dev,01 Feb 2023"
SAM_2 = "Sam,Lee,https://www.linkedin.com/in/sam-lee-2,,Hooli,Ops,01 Mar 2023"
TODAY = date(2026, 11, 2)

URL_HEADER = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl"
URL_FILE = "\n".join(
    [
        URL_HEADER,
        # Accepted both ways: Ana and Bo are connections.
        f'Robin Owner,Ana Doe,"3/7/24, 8:56 PM",,OUTGOING,{ROBIN},https://www.linkedin.com/in/ana-doe',
        f'Bo Li,Robin Owner,"2/1/23, 9:00 AM",,INCOMING,https://www.linkedin.com/in/bo-li,{ROBIN}',
        # Pending incoming: a pitch, no note, a bare-bones name.
        f'Rex Cruiter,Robin Owner,"10/30/26, 7:00 AM","Quick call about 10x growth?",INCOMING,'
        f"https://www.linkedin.com/in/rex,{ROBIN}",
        f'Una Known,Robin Owner,"10/20/26, 7:00 AM",,INCOMING,https://www.linkedin.com/in/una,{ROBIN}',
        f'Zed,Robin Owner,"10/21/26, 7:00 AM","We met at the meetup, remember?",INCOMING,'
        f"https://www.linkedin.com/in/zed,{ROBIN}",
        # Pending outgoing: one fresh, one stale (older than three weeks).
        f'Robin Owner,Fay Fresh,"10/25/26, 9:00 AM",Hello!,OUTGOING,{ROBIN},'
        "https://www.linkedin.com/in/fay",
        f'Robin Owner,Olaf Old,"9/1/26, 9:00 AM",,OUTGOING,{ROBIN},https://www.linkedin.com/in/olaf',
    ]
)


def contacts(*rows: str) -> pl.DataFrame:
    return read_connections(connections_text(*rows).encode(), "Connections.csv").contacts


def by_name(frame: pl.DataFrame) -> dict[str, dict[str, object]]:
    return {row["name"]: row for row in frame.iter_rows(named=True)}


def test_profile_url_file_pending_both_ways() -> None:
    read = read_pending(URL_FILE.encode(), "Invitations.csv", contacts(ANA, BO), OWNER)
    rows = by_name(read.frame)
    assert set(rows) == {"Rex Cruiter", "Una Known", "Zed", "Fay Fresh", "Olaf Old"}
    assert rows["Rex Cruiter"]["direction"] == "incoming"
    assert rows["Rex Cruiter"]["url"] == "https://www.linkedin.com/in/rex"
    assert rows["Rex Cruiter"]["key"] == "url:in/rex"
    assert rows["Olaf Old"]["direction"] == "outgoing"
    assert rows["Fay Fresh"]["message"] == "Hello!"
    assert read.became == {"url:in/ana-doe": "url:in/ana-doe", "url:in/bo-li": "url:in/bo-li"}
    assert read.notices == []


def test_urn_file_matches_by_unique_name_and_says_so() -> None:
    text = "\n".join(
        [
            "From,To,Sent At,Message,Direction,inviterProfileUrn,inviteeProfileUrn",
            'Ana Doe,Robin Owner,"1/15/23, 9:00 AM",,INCOMING,urn:li:member:111,urn:li:member:1',
            'Robin Owner,Sam Lee,"1/16/23, 9:00 AM",,OUTGOING,urn:li:member:1,urn:li:member:222',
            'Nia New,Robin Owner,"1/17/23, 9:00 AM",Hi,INCOMING,urn:li:member:333,urn:li:member:1',
        ]
    )
    read = read_pending(text.encode(), "Invitations.csv", contacts(ANA, SAM_1, SAM_2), OWNER)
    # Ana is the one connection of that name: accepted. Sam Lee is two connections: left out.
    assert read.became == {"urn:li:member:111": "url:in/ana-doe"}
    rows = by_name(read.frame)
    assert list(rows) == ["Nia New"]
    assert rows["Nia New"]["key"] == "urn:li:member:333"
    assert rows["Nia New"]["url"] is None
    assert any(
        "matched to a connection by a name only one connection bears" in n for n in read.notices
    )
    assert any(
        "1 invitation names a person several connections are called" in n for n in read.notices
    )


def test_oldest_file_without_profile_columns_keys_by_name() -> None:
    text = (
        "From,To,Sent At,Message,Direction\n"
        'Robin Owner,Bo Li,"5/6/18, 1:02 PM",Hi!,OUTGOING\n'
        'Robin Owner,Kim Park,"5/7/18, 1:02 PM",,OUTGOING\n'
    )
    read = read_pending(text.encode(), "Invitations.csv", contacts(BO), OWNER)
    assert read.became == {"named:bo li": "url:in/bo-li"}
    assert read.frame["key"].to_list() == ["named:kim park"]


def test_flags_on_incoming_invitations() -> None:
    read = read_pending(URL_FILE.encode(), "Invitations.csv", contacts(ANA, BO), OWNER)
    flags = dict(zip(read.frame["name"], invitation_flags(read.frame), strict=True))
    assert flags["Rex Cruiter"] == PITCH
    assert flags["Una Known"] == NO_NOTE
    assert flags["Zed"] == BARE_NAME
    assert flags["Olaf Old"] is None  # an outgoing note is the user's own: never flagged


def test_the_rule_reads_as_accept_or_ignore() -> None:
    rule = RULES["any"]
    assert invitation_decision(rule, {"known": "yes"}) == "accept"
    assert invitation_decision(rule, {"known": "no", "interacted": "no"}) is None
    assert invitation_decision(rule, dict.fromkeys(("known", "interacted", "favour"), "no")) == (
        "ignore"
    )


# -- through the store: decisions, staleness, later imports -----------------------------------


def export_folder(folder: Path, *connection_rows: str, invitations: str = URL_FILE) -> Path:
    folder.mkdir(parents=True)
    (folder / "Connections.csv").write_text(connections_text(*connection_rows))
    (folder / "Invitations.csv").write_text(invitations)
    return folder


@pytest.fixture
def store(tmp_path: Path):
    opened = Store.open(tmp_path / "state")
    yield opened
    opened.close()


def test_stale_outgoing_invitations_are_listed_as_withdraw(tmp_path: Path, store: Store) -> None:
    report = record_export(store, parse_export(export_folder(tmp_path / "one", ANA, BO)))
    listed = invitation_list(store, report.outcome.snapshot, today=TODAY)
    rows = by_name(listed.frame)
    assert rows["Olaf Old"]["decision"] == "withdraw"
    assert rows["Olaf Old"]["stale"] is True
    assert rows["Fay Fresh"]["decision"] is None
    # Incoming first, newest first.
    assert listed.frame["name"].to_list()[:3] == ["Rex Cruiter", "Zed", "Una Known"]
    longer = invitation_list(
        store, report.outcome.snapshot, today=TODAY, stale_after=Period(1, "year")
    )
    assert by_name(longer.frame)["Olaf Old"]["decision"] is None


def test_a_decision_survives_a_reimport_and_turns_to_accept_once_connected(
    tmp_path: Path, store: Store
) -> None:
    first = record_export(store, parse_export(export_folder(tmp_path / "one", ANA, BO)))
    table = store.invitation_decisions()
    table.save(InvitationRecord("url:in/una", name="Una Known", decision="ignore"))
    table.save(InvitationRecord("url:in/rex", name="Rex Cruiter", decision="accept"))
    listed = by_name(invitation_list(store, first.outcome.snapshot, today=TODAY).frame)
    assert (listed["Una Known"]["decision"], listed["Rex Cruiter"]["decision"]) == (
        "ignore",
        "accept",
    )
    # A later export: Rex accepted, so he is a connection now.
    rex = "Rex,Cruiter,https://www.linkedin.com/in/rex,,Sales Inc,SDR,01 Nov 2026"
    second = record_export(store, parse_export(export_folder(tmp_path / "two", ANA, BO, rex)))
    again = invitation_list(store, second.outcome.snapshot, today=TODAY)
    assert "Rex Cruiter" not in by_name(again.frame)
    assert by_name(again.frame)["Una Known"]["decision"] == "ignore"
    record = table.get("url:in/rex")
    assert record is not None
    assert (record.decision, record.connected_key) == ("accept", "url:in/rex")


def test_an_ignored_person_who_connects_anyway_is_accepted(tmp_path: Path, store: Store) -> None:
    """Whatever was decided: someone among the connections now was let in."""
    first = record_export(store, parse_export(export_folder(tmp_path / "one", ANA)))
    assert "Bo Li" in by_name(invitation_list(store, first.outcome.snapshot, today=TODAY).frame)
    store.invitation_decisions().save(InvitationRecord("url:in/bo-li", decision="ignore"))
    second = record_export(store, parse_export(export_folder(tmp_path / "two", ANA, BO)))
    listed = invitation_list(store, second.outcome.snapshot, today=TODAY)
    assert listed.accepted_since == 1
    assert "Bo Li" not in by_name(listed.frame)
    record = store.invitation_decisions().get("url:in/bo-li")
    assert record is not None and record.decision == "accept"
    # Listing again changes nothing more.
    assert invitation_list(store, second.outcome.snapshot, today=TODAY).accepted_since == 0


def test_undo_puts_the_previous_record_back(store: Store) -> None:
    table = store.invitation_decisions()
    before = table.get("url:in/rex")
    table.save(InvitationRecord("url:in/rex", decision="accept"))
    table.restore("url:in/rex", before)
    assert table.get("url:in/rex") is None
    with pytest.raises(ValueError, match="unknown invitation decision"):
        table.save(InvitationRecord("url:in/rex", decision="maybe"))  # type: ignore[arg-type]


def test_no_invitations_file_is_a_notice(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "bare"
    folder.mkdir()
    (folder / "Connections.csv").write_text(connections_text(ANA))
    report = record_export(store, parse_export(folder))
    listed = invitation_list(store, report.outcome.snapshot, today=TODAY)
    assert listed.frame.is_empty()
    assert listed.notices == ["This export has no Invitations.csv: no invitations."]
