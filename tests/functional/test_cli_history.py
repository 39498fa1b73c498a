"""`prune snapshots`, `prune forget`, `prune changes` with renames, `prune export --list past`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from testkit.commands import run_cli
from testkit.exports import connections_text

ANA = "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2024"
ANA_RENAMED = "Ana,Doe,https://www.linkedin.com/in/ana-doe,,Acme,CTO,07 Mar 2024"
DI = "Di,Ode,https://www.linkedin.com/in/di,,Acme,Sales,01 Jan 2021"


@pytest.fixture
def two_exports(tmp_path: Path) -> Path:
    """Two exports a month apart, imported: Di left, Ana changed her URL."""
    older = tmp_path / "Basic_LinkedInDataExport_10-12-2026.csv"
    older.write_text(connections_text(ANA, DI))
    newer = tmp_path / "Basic_LinkedInDataExport_11-20-2026.csv"
    newer.write_text(connections_text(ANA_RENAMED))
    assert run_cli("import", str(older)).code == 0
    assert run_cli("import", str(newer)).code == 0
    return tmp_path


def test_snapshots_lists_every_import_by_its_export_date(two_exports: Path) -> None:
    result = run_cli("snapshots")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split() == ["id", "export", "of", "imported", "connections", "source"]
    assert "12 Oct 2026" in lines[1] and "20 Nov 2026" in lines[2]
    assert lines[2].endswith("(latest)")
    data = json.loads(run_cli("snapshots", "--json").out)
    assert [(s["id"], s["export_date"], s["connections"]) for s in data] == [
        (1, "2026-10-12", 2),
        (2, "2026-11-20", 1),
    ]
    assert data[0]["source"].endswith("Basic_LinkedInDataExport_10-12-2026.csv")


def test_changes_are_labelled_by_export_date_and_report_the_rename(two_exports: Path) -> None:
    text = run_cli("changes").out
    assert text.startswith("From snapshot 1 to snapshot 2 (exports of 12 Oct 2026 → 20 Nov 2026)")
    assert "1 renamed" in text and "Di Ode" in text
    data = json.loads(run_cli("changes", "--json").out)
    assert data["renamed"] == [
        {
            "from": "https://www.linkedin.com/in/ana",
            "to": "https://www.linkedin.com/in/ana-doe",
            "name": "Ana Doe",
            "matched_by": "name and connection date",
        }
    ]
    assert [person["first_name"] for person in data["gone"]] == ["Di"]
    assert data["new"] == [] and data["purge_hint"] is None


def test_export_past_writes_the_people_no_longer_connected(two_exports: Path) -> None:
    result = run_cli("export", "--list", "past", "--format", "csv")
    assert result.code == 0
    header, *rows = result.out.splitlines()
    assert header.endswith("seen_from,seen_until,gone_since")
    assert len(rows) == 1 and rows[0].startswith("Di,Ode,https://www.linkedin.com/in/di,")
    assert rows[0].endswith("2026-10-12,2026-10-12,2026-11-20")


def test_forget_asks_refuses_the_latest_and_keeps_decisions(two_exports: Path) -> None:
    no_terminal = run_cli("forget", "1")
    assert no_terminal.code == 2 and "--yes" in no_terminal.err
    latest = run_cli("forget", "2", "--yes")
    assert latest.code == 2 and "is the latest" in latest.err
    done = run_cli("forget", "1", "--yes")
    assert done.code == 0
    assert done.out.strip() == "Forgot snapshot 1 (export of 12 Oct 2026, 2 connections)."
    assert [s["id"] for s in json.loads(run_cli("snapshots", "--json").out)] == [2]


def test_forget_asks_on_a_terminal(two_exports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda question: "n")
    assert run_cli("forget", "1").out.strip() == "Nothing forgotten."
    monkeypatch.setattr("builtins.input", lambda question: "y")
    assert run_cli("forget", "1").out.startswith("Forgot snapshot 1")


def test_import_says_who_was_followed_to_a_new_url(tmp_path: Path) -> None:
    older, newer = tmp_path / "a.csv", tmp_path / "b.csv"
    older.write_text(connections_text(ANA, DI))
    newer.write_text(connections_text(ANA_RENAMED, DI))
    run_cli("import", str(older))
    result = run_cli("import", str(newer), "--json")
    assert json.loads(result.out)["renamed"] == [
        {
            "from": "https://www.linkedin.com/in/ana",
            "to": "https://www.linkedin.com/in/ana-doe",
            "matched_by": "name and connection date",
        }
    ]
    third = tmp_path / "c.csv"
    third.write_text(connections_text(DI, ANA))  # and back to the old URL
    assert (
        "renamed, followed      1 (new profile URL, same person)"
        in run_cli("import", str(third)).out
    )
