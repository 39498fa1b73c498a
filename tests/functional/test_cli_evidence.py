"""What `prune import` and `prune stats` say about the full archive, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from prune.demo import write_sample_export

from testkit.commands import run_cli


def test_stats_json_reports_messages_and_evidence_files(tmp_path: Path) -> None:
    archive = write_sample_export(tmp_path / "export", connections=300, messages=500)
    state = tmp_path / "state"
    imported = run_cli("import", str(archive), data_dir=state)
    assert imported.code == 0, imported.err
    # The invented archive is whole and unambiguous: it sets off none of prune's notices.
    assert "Notice:" not in imported.out
    # The sample's two sponsored messages are advertising: left out of the total, and said so.
    assert "  evidence               498 messages (2 sponsored left out), with " in imported.out

    result = run_cli("stats", "--json", data_dir=state)
    assert result.code == 0, result.err
    stats = json.loads(result.out)
    assert (stats["messages"], stats["sponsored_messages_left_out"]) == (498, 2)
    assert 0 < stats["contacts_with_messages"] < stats["connections"]
    assert stats["evidence_files"] == [
        "Profile.csv",
        "Positions.csv",
        "messages.csv",
        "Invitations.csv",
        "Endorsement_Received_Info.csv",
        "Endorsement_Given_Info.csv",
        "Recommendations_Received.csv",
        "Recommendations_Given.csv",
    ]
    text = run_cli("stats", data_dir=state)
    written_with = stats["contacts_with_messages"]
    assert f"Evidence      498 messages (2 sponsored left out), with {written_with} " in text.out


def test_stats_after_a_connections_only_import(tmp_path: Path) -> None:
    archive = write_sample_export(tmp_path / "export", connections=40, as_zip=False)
    state = tmp_path / "state"
    imported = run_cli("import", str(archive / "Connections.csv"), data_dir=state)
    assert imported.code == 0, imported.err
    assert "Notice: Only Connections.csv here" in imported.out
    stats = json.loads(run_cli("stats", "--json", data_dir=state).out)
    assert (stats["messages"], stats["contacts_with_messages"], stats["evidence_files"]) == (
        None,
        None,
        [],
    )


def test_a_broken_side_file_is_a_notice_not_a_failure(tmp_path: Path) -> None:
    folder = write_sample_export(tmp_path / "export", connections=60, as_zip=False)
    (folder / "Invitations.csv").write_bytes(b"\x00\x00\x00\xff" * 100)
    state = tmp_path / "state"
    imported = run_cli("import", str(folder), data_dir=state)
    assert imported.code == 0, imported.err
    assert "Notice: Invitations.csv skipped: it " in imported.out
    stats = json.loads(run_cli("stats", "--json", data_dir=state).out)
    assert "Invitations.csv" not in stats["evidence_files"]
    assert "messages.csv" in stats["evidence_files"]


def test_stats_say_when_the_imported_export_has_moved(tmp_path: Path) -> None:
    folder = write_sample_export(tmp_path / "export", connections=40, as_zip=False)
    state = tmp_path / "state"
    assert run_cli("import", str(folder), data_dir=state).code == 0
    for cached in state.glob("evidence-*"):
        cached.unlink()  # as if the evidence had never been kept
    folder.rename(tmp_path / "elsewhere")
    result = run_cli("stats", data_dir=state)
    assert result.code == 0, result.err
    assert "Evidence      none: profile flags only (see the notices)" in result.out
    assert "Notice: The export imported from " in result.out
    assert "is no longer there" in result.out


def test_a_connections_only_notice_is_said_once_at_import(tmp_path: Path) -> None:
    archive = write_sample_export(tmp_path / "export", connections=40, as_zip=False)
    state = tmp_path / "state"
    connections = str(archive / "Connections.csv")
    assert "Notice: Only Connections.csv here" in run_cli("import", connections, data_dir=state).out
    again = run_cli("import", connections, data_dir=state)
    assert "Already imported" in again.out
    assert "Notice" not in again.out
    stats = run_cli("stats", data_dir=state)
    assert stats.code == 0, stats.err
    assert "Evidence      none: profile flags only\n" in stats.out
    assert "Notice" not in stats.out
    # The machine-readable report still lists every notice of the snapshot.
    listed = json.loads(run_cli("stats", "--json", data_dir=state).out)
    assert any("Only Connections.csv here" in n for n in listed["evidence_notices"])
    assert listed["new_evidence_notices"] == []
