"""Backing up, moving and restoring the state, as a user does it from the command line."""

from __future__ import annotations

import json
import sqlite3
import stat
import zipfile
from pathlib import Path

import pytest

from prune.core.state.backups import keep_rolling_copy, rolling_copies

from testkit.commands import run_cli
from testkit.exports import connections_text, make_zip
from testkit.tui import build_app, loaded

ANA = "Ana,Doe,https://www.linkedin.com/in/ana-doe,,Acme,CTO,07 Mar 2024"
BO = "Bo,Li,https://www.linkedin.com/in/bo-li,,Globex,Dev,01 Feb 2019"
CY = "Cy,Ng,https://www.linkedin.com/in/cy-ng,,Hooli,QA,05 May 2025"


def write_export(folder: Path, name: str, *rows: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(make_zip({"Connections.csv": connections_text(*rows)}))
    return path


def stats(state: Path) -> dict:
    result = run_cli("stats", "--json", data_dir=state)
    assert result.code == 0, result.err
    return json.loads(result.out)


async def test_a_backup_taken_during_a_review_restores_elsewhere_with_the_same_stats(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path)
    backup = tmp_path / "prune-backup.zip"
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("y")  # keep the first card, then back up with the review still open
        made = run_cli("backup", str(backup), data_dir=tmp_path / "state")
        assert made.code == 0, made.err
    assert "1 snapshot, 1 decision and 0 farewells" in made.out
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    with zipfile.ZipFile(backup) as archive:
        assert {"manifest.json", "prune.sqlite3"} <= set(archive.namelist())

    moved = tmp_path / "new-laptop"
    restored = run_cli("restore", str(backup), data_dir=moved)
    assert restored.code == 0, restored.err
    assert "Restored 1 snapshot, 1 decision and 0 farewells" in restored.out
    assert "kept in" not in restored.out  # there was nothing there to keep aside
    assert stats(moved) == stats(tmp_path / "state")


def test_backup_refuses_to_replace_a_file_without_force(tmp_path: Path) -> None:
    state = tmp_path / "state"
    run_cli("import", str(write_export(tmp_path, "a.zip", ANA)), data_dir=state)
    target = tmp_path / "backup.zip"
    target.write_text("keep me")
    refused = run_cli("backup", str(target), data_dir=state)
    assert refused.code == 2
    assert "--force" in refused.err
    assert target.read_text() == "keep me"
    assert run_cli("backup", str(target), "--force", data_dir=state).code == 0
    assert zipfile.is_zipfile(target)


def test_restore_asks_first_and_keeps_the_replaced_state_aside(tmp_path: Path) -> None:
    state = tmp_path / "state"
    run_cli("import", str(write_export(tmp_path, "a.zip", ANA)), data_dir=state)
    backup = tmp_path / "one-snapshot.zip"
    assert run_cli("backup", str(backup), data_dir=state).code == 0
    run_cli("import", str(write_export(tmp_path, "b.zip", ANA, BO, CY)), data_dir=state)
    assert stats(state)["snapshots"] == 2

    unasked = run_cli("restore", str(backup), data_dir=state)  # no terminal to ask on
    assert unasked.code == 2
    assert "already holds 2 snapshots" in unasked.err and "--force" in unasked.err
    assert stats(state)["snapshots"] == 2

    forced = run_cli("restore", str(backup), "--force", data_dir=state)
    assert forced.code == 0, forced.err
    assert "Restored 1 snapshot, 0 decisions and 0 farewells" in forced.out
    assert "prune restore --latest brings it back" in forced.out
    assert stats(state)["connections"] == 1

    undone = run_cli("restore", "--latest", "--force", data_dir=state)
    assert undone.code == 0, undone.err
    assert stats(state)["snapshots"] == 2 and stats(state)["connections"] == 3


def test_each_import_keeps_a_rolling_copy_listed_by_backup_list(tmp_path: Path) -> None:
    state = tmp_path / "state"
    first = write_export(tmp_path, "a.zip", ANA)
    assert "No copies yet" in run_cli("backup", "--list", data_dir=state).out
    run_cli("import", str(first), data_dir=state)  # nothing to lose yet: no copy
    run_cli("import", str(first), data_dir=state)  # already imported: no copy
    assert rolling_copies(state) == []
    run_cli("import", str(write_export(tmp_path, "b.zip", ANA, BO)), data_dir=state)
    listed = run_cli("backup", "--list", data_dir=state)
    assert listed.code == 0
    (line,) = [line for line in listed.out.splitlines() if "prune-" in line]
    assert "UTC" in line and "1 snapshot, 0 decisions and 0 farewells" in line
    assert "prune restore --latest" in listed.out


def test_only_the_newest_rolling_copies_are_kept(tmp_path: Path) -> None:
    state = tmp_path / "state"
    run_cli("import", str(write_export(tmp_path, "a.zip", ANA)), data_dir=state)
    made = [keep_rolling_copy(state / "prune.sqlite3", keep=2) for _ in range(3)]
    kept = [copy.path for copy in rolling_copies(state)]
    assert kept == [made[2], made[1]]  # newest first, even within one second
    assert stat.S_IMODE(made[2].stat().st_mode) == 0o600


def test_restore_latest_without_any_copy_says_so(tmp_path: Path) -> None:
    result = run_cli("restore", "--latest", data_dir=tmp_path / "state")
    assert result.code == 2
    assert "no copy has been kept" in result.err


def newer_schema_file(path: Path) -> Path:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE snapshots (id INTEGER)")
    db.execute("PRAGMA user_version=99")
    db.commit()
    db.close()
    return path


def damaged_file(path: Path) -> Path:
    path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (newer_schema_file, "written by a newer prune (schema 99"),
        (damaged_file, "is damaged"),
        (
            lambda path: path.write_bytes(make_zip({"notes.txt": "hi"})) and path,
            "not a prune backup",
        ),
    ],
    ids=["newer-schema", "damaged", "foreign-zip"],
)
def test_restore_refuses_a_file_it_cannot_trust_and_changes_nothing(
    tmp_path: Path, make, reason: str
) -> None:
    state = tmp_path / "state"
    run_cli("import", str(write_export(tmp_path, "a.zip", ANA, BO)), data_dir=state)
    before = stats(state)
    result = run_cli("restore", str(make(tmp_path / "suspect.bin")), "--force", data_dir=state)
    assert result.code == 2
    assert reason in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert stats(state) == before
    assert rolling_copies(state) == []  # nothing was even set aside


def test_restore_latest_replaces_a_damaged_state_and_keeps_it_aside(tmp_path: Path) -> None:
    state = tmp_path / "state"
    run_cli("import", str(write_export(tmp_path, "a.zip", ANA)), data_dir=state)
    run_cli("import", str(write_export(tmp_path, "b.zip", ANA, BO)), data_dir=state)
    live = state / "prune.sqlite3"
    for side in ("-wal", "-shm"):
        live.with_name(live.name + side).unlink(missing_ok=True)
    live.write_bytes(b"scrambled by a disk failure" * 200)
    assert run_cli("stats", data_dir=state).code == 1

    result = run_cli("restore", "--latest", data_dir=state)  # no question: nothing readable to lose
    assert result.code == 0, result.err
    assert "Restored 1 snapshot" in result.out
    assert "damaged state file it replaced is kept in" in result.out
    (damaged,) = (state / "backups").glob("damaged-*.sqlite3")
    assert damaged.read_bytes().startswith(b"scrambled")
    assert stats(state)["connections"] == 1


def test_a_refused_restore_into_a_new_folder_leaves_no_folder(tmp_path: Path) -> None:
    target = tmp_path / "fresh"
    result = run_cli("restore", str(damaged_file(tmp_path / "bad.sqlite3")), data_dir=target)
    assert result.code == 2
    assert not target.exists()


class AnsweringTerminal:
    """Standard input as a person at a terminal who types `answer`."""

    def __init__(self, answer: str) -> None:
        self.answer = answer

    def isatty(self) -> bool:
        return True

    def readline(self) -> str:
        return self.answer + "\n"


@pytest.mark.parametrize(("answer", "snapshots"), [("y", 1), ("n", 2)])
def test_restore_asks_at_a_terminal_and_does_what_the_answer_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: str, snapshots: int
) -> None:
    state = tmp_path / "state"
    run_cli("import", str(write_export(tmp_path, "a.zip", ANA)), data_dir=state)
    backup = tmp_path / "one.zip"
    run_cli("backup", str(backup), data_dir=state)
    run_cli("import", str(write_export(tmp_path, "b.zip", ANA, BO)), data_dir=state)
    monkeypatch.setattr("sys.stdin", AnsweringTerminal(answer))
    result = run_cli("restore", str(backup), data_dir=state)
    assert "Replace it with 1 snapshot" in result.out
    assert result.code == (0 if answer == "y" else 2)
    assert stats(state)["snapshots"] == snapshots


def test_backup_without_state_or_without_a_file_says_what_to_do(tmp_path: Path) -> None:
    state = tmp_path / "state"
    nothing = run_cli("backup", str(tmp_path / "b.zip"), data_dir=state)
    assert nothing.code == 0 and "No state to back up yet" in nothing.out
    assert not (tmp_path / "b.zip").exists() and not state.exists()
    unnamed = run_cli("backup", data_dir=state)
    assert unnamed.code == 2 and "--list" in unnamed.err


def test_the_settings_travel_with_the_backup_and_different_ones_are_kept_aside(
    tmp_path: Path,
) -> None:
    state = tmp_path / "state"
    run_cli("import", str(write_export(tmp_path, "a.zip", ANA)), data_dir=state)
    (state / "cfg").mkdir()
    (state / "cfg" / "config.toml").write_text('[you]\nfirst_name = "Sam"\n')
    backup = tmp_path / "b.zip"
    run_cli("backup", str(backup), data_dir=state)

    moved = tmp_path / "moved"
    (moved / "cfg").mkdir(parents=True)
    (moved / "cfg" / "config.toml").write_text('[you]\nfirst_name = "Other"\n')
    result = run_cli("restore", str(backup), data_dir=moved)
    assert result.code == 0, result.err
    assert "Settings restored to" in result.out
    assert "Sam" in (moved / "cfg" / "config.toml").read_text()
    (kept,) = (moved / "cfg").glob("config-*.toml")
    assert "Other" in kept.read_text()
