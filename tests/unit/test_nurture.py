"""Nurture: the kept contacts by last interaction, their tiers, when they are due, a calendar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import icalendar
import pytest

from prune.core.evidence.cache import load_or_compute
from prune.core.nurture.calendar import nurture_calendar, reminder_uid
from prune.core.nurture.listing import nurture_list
from prune.core.nurture.tiers import Cadences
from prune.core.periods import Period, parse_period
from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store

from testkit.exports import connections_text

TODAY = date(2026, 11, 2)
ROBIN = "https://www.linkedin.com/in/robin-owner"
ANA_URL = "https://www.linkedin.com/in/ana-doe"
BO_URL = "https://www.linkedin.com/in/bo-li"
CONNECTIONS = (
    f"Ana,Doe,{ANA_URL},,Acme,CTO,07 Mar 2020",
    f"Bo,Li,{BO_URL},,Globex,Dev,01 Feb 2021",
    "Cy,Ng,https://www.linkedin.com/in/cy-ng,,Initech,PM,01 Feb 2022",
    "Dee,Gone,https://www.linkedin.com/in/dee-gone,,Umbrella,Ops,01 Feb 2019",
)
MESSAGE_HEADER = (
    '"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO",'
    '"RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER"'
)


def message(conversation: str, sender: tuple[str, str], to: tuple[str, str], when: str) -> str:
    fields = (conversation, "", sender[0], sender[1], to[0], to[1], when, "", "Hello", "INBOX")
    return ",".join(f'"{field}"' for field in fields)


ME, ANA, BO = ("Robin Owner", ROBIN), ("Ana Doe", ANA_URL), ("Bo Li", BO_URL)
MESSAGES = "\n".join(
    [
        MESSAGE_HEADER,
        message("c1", ANA, ME, "2025-12-01 10:00:00 UTC"),
        message("c1", ME, ANA, "2026-01-10 10:00:00 UTC"),  # the last message with Ana
        message("c2", BO, ME, "2026-06-01 10:00:00 UTC"),  # the last with Bo, written by Bo
    ]
)


@pytest.fixture
def kept(tmp_path: Path):
    """A store with one export imported: Ana would be asked a favour, Bo is known, Cy was kept
    directly, Dee was disconnected."""
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Connections.csv").write_text(connections_text(*CONNECTIONS))
    (folder / "messages.csv").write_text(MESSAGES)
    (folder / "Profile.csv").write_text("First Name,Last Name\nRobin,Owner\n")
    store = Store.open(tmp_path / "state")
    snapshot = record_export(store, parse_export(folder)).outcome.snapshot
    store.save_decision("url:in/ana-doe", "test", verdict="keep", favour="yes")
    store.save_decision("url:in/bo-li", "test", verdict="keep", known="yes", favour="no")
    store.save_decision("url:in/cy-ng", "test", verdict="keep")
    store.save_decision("url:in/dee-gone", "test", verdict="disconnect")
    evidence = load_or_compute(store.path.parent, snapshot, store.contacts(snapshot.id))
    yield store, snapshot.id, evidence.frame
    store.close()


def test_least_recently_in_touch_first_with_tiers_and_due(kept) -> None:
    store, snapshot_id, evidence = kept
    frame = nurture_list(store, snapshot_id, evidence, Cadences(), today=TODAY)
    rows = list(frame.select("name", "tier", "last_interaction", "due_on", "due").iter_rows())
    assert rows == [
        # No message with Cy: the day of connecting; kept directly is never due by default.
        ("Cy Ng", "kept", date(2022, 2, 1), None, False),
        ("Ana Doe", "close", date(2026, 1, 10), date(2026, 4, 10), True),
        ("Bo Li", "known", date(2026, 6, 1), date(2027, 6, 1), False),
    ]


def test_reaching_out_resets_the_clock(kept) -> None:
    store, snapshot_id, evidence = kept
    store.outreach().reached_out("url:in/ana-doe", date(2026, 10, 30))
    store.outreach().note("url:in/ana-doe", "  her new team  ")
    frame = nurture_list(store, snapshot_id, evidence, Cadences(), today=TODAY)
    ana = frame.row(frame["name"].to_list().index("Ana Doe"), named=True)
    assert ana["reached_out"] == date(2026, 10, 30)
    assert ana["talked_about"] == "her new team"
    assert ana["last_interaction"] == date(2026, 1, 10)  # what the export says is unchanged
    assert (ana["due_on"], ana["due"]) == (date(2027, 1, 30), False)
    assert frame["name"].to_list() == ["Cy Ng", "Bo Li", "Ana Doe"]


def test_cadences_decide_who_is_due(kept) -> None:
    store, snapshot_id, evidence = kept
    weekly = Cadences(close=None, known=Period(2, "week"), kept=Period(1, "year"))
    frame = nurture_list(store, snapshot_id, evidence, weekly, today=TODAY)
    due = dict(zip(frame["name"], frame["due"], strict=True))
    assert due == {"Cy Ng": True, "Ana Doe": False, "Bo Li": True}


def test_calendar_parses_back_with_one_event_per_kept_contact(kept) -> None:
    store, snapshot_id, evidence = kept
    cadences = Cadences(kept=Period(6, "month"))
    frame = nurture_list(store, snapshot_id, evidence, cadences, today=TODAY)
    first = nurture_calendar(frame, cadences, today=TODAY)
    again = nurture_calendar(frame, cadences, today=TODAY)
    events = icalendar.Calendar.from_ical(first).walk("VEVENT")
    assert len(events) == frame.height == 3
    by_summary = {str(event["SUMMARY"]): event for event in events}
    ana = by_summary["Reach out to Ana Doe"]
    assert ana["UID"] == reminder_uid("url:in/ana-doe")
    assert str(ana["URL"]) == ANA_URL
    assert ana.decoded("DTSTART") == TODAY  # overdue since April: the reminder starts today
    assert ana["RRULE"]["FREQ"] == ["MONTHLY"] and ana["RRULE"]["INTERVAL"] == [3]
    bo = by_summary["Reach out to Bo Li"]
    assert bo.decoded("DTSTART") == date(2027, 6, 1)
    assert bo["RRULE"]["FREQ"] == ["YEARLY"]
    uids = [str(event["UID"]) for event in events]
    assert uids == [str(e["UID"]) for e in icalendar.Calendar.from_ical(again).walk("VEVENT")]
    assert len(set(uids)) == 3


def test_a_tier_never_due_has_no_reminder(kept) -> None:
    store, snapshot_id, evidence = kept
    frame = nurture_list(store, snapshot_id, evidence, Cadences(), today=TODAY)
    events = icalendar.Calendar.from_ical(nurture_calendar(frame, Cadences(), today=TODAY))
    assert sorted(str(e["SUMMARY"]) for e in events.walk("VEVENT")) == [
        "Reach out to Ana Doe",
        "Reach out to Bo Li",
    ]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("3 months", Period(3, "month")),
        ("1 year", Period(1, "year")),
        (" 2 Weeks ", Period(2, "week")),
        ("10 days", Period(10, "day")),
        ("never", None),
    ],
)
def test_periods_read_as_written(text: str, period: Period | None) -> None:
    assert parse_period(text) == period


@pytest.mark.parametrize("text", ["soon", "0 days", "3", 3, "3 fortnights"])
def test_periods_refuse_what_they_cannot_read(text: object) -> None:
    with pytest.raises(ValueError, match="not a span of time"):
        parse_period(text)


def test_a_month_after_a_month_end_stays_in_its_month() -> None:
    assert Period(1, "month").after(date(2026, 1, 31)) == date(2026, 2, 28)
    assert Period(1, "year").after(date(2024, 2, 29)) == date(2025, 2, 28)
    assert Period(3, "week").before(date(2026, 11, 2)) == date(2026, 10, 12)
    assert Period(1, "month").before(date(2026, 3, 31)) == date(2026, 2, 28)
