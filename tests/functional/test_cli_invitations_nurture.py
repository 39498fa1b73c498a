"""`prune invitations`, `prune export --list accept|ignore|withdraw` and `prune nurture`."""

from __future__ import annotations

import json
import stat
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest

from prune.core.state.invitation_decisions import InvitationRecord
from prune.core.state.store import Store

from testkit.commands import run_cli
from testkit.exports import connections_text

ROBIN = "https://www.linkedin.com/in/robin-owner"
ANA_URL = "https://www.linkedin.com/in/ana-doe"
BO_URL = "https://www.linkedin.com/in/bo-li"
CONNECTIONS = (
    f"Ana,Doe,{ANA_URL},,Acme,CTO,07 Mar 2020",
    f"Bo,Li,{BO_URL},,Globex,Dev,01 Feb 2021",
)


def days_ago(days: int) -> date:
    return date.today() - timedelta(days=days)


def us_moment(day: date) -> str:
    return f'"{day.month}/{day.day}/{day.year % 100:02d}, 9:00 AM"'


def invitations_file() -> str:
    rex = "https://www.linkedin.com/in/rex"
    olaf = "https://www.linkedin.com/in/olaf"
    return "\n".join(
        [
            "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl",
            f"Rex Cruiter,Robin Owner,{us_moment(days_ago(2))},Quick call about sales?,INCOMING,"
            f"{rex},{ROBIN}",
            f"Robin Owner,Olaf Old,{us_moment(days_ago(60))},,OUTGOING,{ROBIN},{olaf}",
            f"Robin Owner,Ana Doe,{us_moment(days_ago(90))},,OUTGOING,{ROBIN},{ANA_URL}",
        ]
    )


def messages_file() -> str:
    header = '"CONVERSATION ID","FROM","SENDER PROFILE URL","TO","RECIPIENT PROFILE URLS","DATE"'
    rows = [
        ("c1", "Ana Doe", ANA_URL, "Robin Owner", ROBIN, f"{days_ago(200)} 10:00:00 UTC"),
        ("c2", "Robin Owner", ROBIN, "Bo Li", BO_URL, f"{days_ago(10)} 10:00:00 UTC"),
    ]
    return "\n".join([header, *(",".join(f'"{v}"' for v in row) for row in rows)])


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    """The state folder after importing a small archive; Ana and Bo are kept."""
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Connections.csv").write_text(connections_text(*CONNECTIONS))
    (folder / "Invitations.csv").write_text(invitations_file())
    (folder / "messages.csv").write_text(messages_file())
    (folder / "Profile.csv").write_text("First Name,Last Name\nRobin,Owner\n")
    state = tmp_path / "state"
    result = run_cli("import", str(folder), data_dir=state)
    assert result.code == 0, result.err
    with Store.open(state) as store:
        store.save_decision("url:in/ana-doe", "test", verdict="keep", favour="yes")
        store.save_decision("url:in/bo-li", "test", verdict="keep", known="yes")
    return state


def test_invitations_json_lists_the_pending_ones_with_decisions(imported: Path) -> None:
    result = run_cli("invitations", "--json", data_dir=imported)
    assert result.code == 0, result.err
    listed = json.loads(result.out)
    assert [(i["name"], i["direction"], i["decision"]) for i in listed] == [
        ("Rex Cruiter", "incoming", None),
        ("Olaf Old", "outgoing", "withdraw"),  # 60 days old: stale after 3 weeks
    ]
    assert listed[0] == {
        "url": "https://www.linkedin.com/in/rex",
        "name": "Rex Cruiter",
        "direction": "incoming",
        "sent_at": f"{days_ago(2).isoformat()}T09:00:00",
        "message": "Quick call about sales?",
        "decision": None,
    }
    text = run_cli("invitations", data_dir=imported).out
    assert "Waiting for you: 1 pending" in text
    assert "    flags: reads like a pitch" in text
    assert "Sent by you: 1 pending, 1 older than 3 weeks: withdraw them" in text


def test_export_lists_of_invitations(imported: Path, tmp_path: Path) -> None:
    withdraw = run_cli("export", "--list", "withdraw", "--format", "urls", data_dir=imported)
    assert withdraw.code == 0, withdraw.err
    assert withdraw.out == "https://www.linkedin.com/in/olaf\n"
    with Store.open(imported) as store:
        store.invitation_decisions().save(InvitationRecord("url:in/rex", decision="accept"))
    accept = run_cli("export", "--list", "accept", "--format", "names", data_dir=imported)
    assert accept.out == "Rex\tCruiter\n"
    csv = run_cli("export", "--list", "accept", "--format", "csv", data_dir=imported)
    assert csv.out.splitlines()[0] == (
        "first_name,last_name,url,company,position,direction,sent_at,message,decision,flags"
    )
    assert run_cli("export", "--list", "ignore", "--format", "json", data_dir=imported).out == (
        "[]\n"
    )
    unknown = run_cli("export", "--list", "maybe", data_dir=imported)
    assert unknown.code == 2
    assert "accept, ignore, withdraw" in unknown.err


def test_nurture_json_and_due(imported: Path) -> None:
    result = run_cli("nurture", "--json", data_dir=imported)
    assert result.code == 0, result.err
    assert json.loads(result.out) == [
        {
            "name": "Ana Doe",
            "url": ANA_URL,
            "tier": "close",
            "last_interaction": days_ago(200).isoformat(),
            "due": True,
            "reached_out": None,
        },
        {
            "name": "Bo Li",
            "url": BO_URL,
            "tier": "known",
            "last_interaction": days_ago(10).isoformat(),
            "due": False,
            "reached_out": None,
        },
    ]
    due = json.loads(run_cli("nurture", "--json", "--due", data_dir=imported).out)
    assert [contact["name"] for contact in due] == ["Ana Doe"]
    with Store.open(imported) as store:
        store.outreach().reached_out("url:in/ana-doe", date.today())
    assert json.loads(run_cli("nurture", "--json", "--due", data_dir=imported).out) == []
    text = run_cli("nurture", data_dir=imported).out
    assert text.startswith("2 kept contacts, 0 due now\n")
    assert f"reached out {date.today().isoformat()}" in text


def test_nurture_ics_is_private_atomic_and_stable(imported: Path, tmp_path: Path) -> None:
    target = tmp_path / "keep-in-touch.ics"
    first = run_cli("nurture", "--ics", str(target), data_dir=imported)
    assert first.code == 0, first.err
    assert first.out == f"Wrote 2 reminders to {target}\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    uids = sorted(str(event["UID"]) for event in events)
    refused = run_cli("nurture", "--ics", str(target), data_dir=imported)
    assert refused.code == 2
    assert "already exists: add --force to replace it" in refused.err
    again = run_cli("nurture", "--ics", str(target), "--force", data_dir=imported)
    assert again.code == 0, again.err
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert sorted(str(event["UID"]) for event in events) == uids


def test_without_an_import_both_commands_explain(tmp_path: Path) -> None:
    for command in ("invitations", "nurture"):
        result = run_cli(command, data_dir=tmp_path / "empty")
        assert result.code == 0
        assert "prune has no export yet" in result.out
