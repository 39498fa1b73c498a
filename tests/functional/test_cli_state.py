"""The state file as the command line guards it: one writer at a time, damage and read-only
files refused in one line with exit status 1, and reading commands that keep working."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from textual.app import App

from prune.cli.commands import review_demo
from prune.tui.app import PruneApp

from testkit.commands import run_cli
from testkit.damage import digest, overwrite_middle_pages
from testkit.exports import connections_text

ANA = "Ana,Doe,https://www.linkedin.com/in/ana-doe,,Acme,CTO,07 Mar 2024"
BO = "Bo,Li,https://www.linkedin.com/in/bo-li,,Globex,Dev,01 Feb 2019"
READING_COMMANDS = (("stats",), ("export", "--list", "keep"), ("changes",), ("farewells",))

HOLD_THE_LOCK = """
import sys
from pathlib import Path
from prune.core.state.lock import WriterLock
lock = WriterLock.acquire(Path(sys.argv[1]))
print("held", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def imported(tmp_path: Path, state_dir: Path) -> Path:
    """A state folder holding two imports (Bo gone from the second), Ana kept."""
    older = tmp_path / "older" / "Connections.csv"
    older.parent.mkdir()
    older.write_text(connections_text(ANA, BO))
    assert run_cli("import", str(older)).code == 0
    export = tmp_path / "Connections.csv"
    export.write_text(connections_text(ANA))
    assert run_cli("import", str(export)).code == 0
    from prune.core.state.store import Store

    with Store.open(state_dir) as store:
        store.save_decision("url:in/ana-doe", "test", verdict="keep")
    return export


@pytest.fixture
def holder(state_dir: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the state folder's writer lock, as a running review does."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(state_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline() == "held\n"
    yield process
    process.kill()
    process.wait()


def one_line(text: str) -> str:
    lines = text.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_a_second_writer_is_refused_naming_the_holder(
    imported: Path, holder: subprocess.Popen[str]
) -> None:
    for command in (("import", str(imported)), ("review",), ("review", str(imported)), ()):
        result = run_cli(*command)
        assert result.code == 1, command
        assert f"process {holder.pid}" in one_line(result.err), command
        assert result.out == ""


def test_reading_commands_work_while_another_process_writes(
    imported: Path, holder: subprocess.Popen[str]
) -> None:
    for command in READING_COMMANDS:
        result = run_cli(*command)
        assert result.code == 0, (command, result.err)
    assert "Snapshots     2" in run_cli("stats").out
    assert "Bo Li" in run_cli("changes").out
    assert "ana-doe" in run_cli("export", "--list", "keep").out


def test_the_lock_is_freed_when_its_holder_is_killed(
    imported: Path, holder: subprocess.Popen[str]
) -> None:
    assert run_cli("import", str(imported)).code == 1
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert run_cli("import", str(imported)).code == 0


def test_a_review_holds_the_lock_while_the_app_runs(
    imported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a second window meets while the first one is open: refused, reads still fine."""
    seen: dict[str, object] = {}

    class RecordingApp:
        return_code = 0

        def run(self) -> None:
            seen["import"] = run_cli("import", str(imported))
            seen["stats"] = run_cli("stats")

    monkeypatch.setattr(review_demo, "make_app", lambda **_options: RecordingApp())
    assert run_cli("review").code == 0
    second = seen["import"]
    assert second.code == 1 and f"process {os.getpid()}" in second.err  # type: ignore[attr-defined]
    assert seen["stats"].code == 0  # type: ignore[attr-defined]
    assert run_cli("import", str(imported)).code == 0  # and let go when the app ended


# -- damaged state ---------------------------------------------------------------------------


def drop_decisions(path: Path) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("DROP TABLE decisions")


def empty_it(path: Path) -> None:
    path.write_bytes(b"")


@pytest.mark.parametrize("damage", [overwrite_middle_pages, drop_decisions, empty_it])
def test_a_damaged_state_file_is_one_line_and_left_alone(
    imported: Path, state_dir: Path, damage, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Resuming checks the pages beside the first card, so the app may start: headless here.
    monkeypatch.setattr(PruneApp, "run", lambda app: App.run(app, headless=True, size=(80, 24)))
    path = state_dir / "prune.sqlite3"
    shutil.rmtree(state_dir / "backups", ignore_errors=True)  # no copy kept: the next test has one
    damage(path)
    before = digest(path)
    for command in (*READING_COMMANDS, ("import", str(imported)), ("review",)):
        result = run_cli(*command)
        assert result.code == 1, command
        line = one_line(result.err)
        assert "damaged" in line and str(path) in line and "move it aside" in line, line
    assert digest(path) == before


def test_a_damaged_state_file_names_the_kept_backup(imported: Path, state_dir: Path) -> None:
    backups = state_dir / "backups"
    backups.mkdir(exist_ok=True)
    (backups / "prune-20260101-120000.sqlite3").write_bytes(b"a copy")
    drop_decisions(state_dir / "prune.sqlite3")
    result = run_cli("stats")
    assert result.code == 1
    assert "prune restore --latest" in one_line(result.err)


def test_an_empty_file_in_a_fresh_folder_is_a_fresh_store(state_dir: Path) -> None:
    state_dir.mkdir(parents=True)
    (state_dir / "prune.sqlite3").write_bytes(b"")
    assert run_cli("stats").code == 0


# -- a store the user made read-only -----------------------------------------------------------


def test_a_read_only_store_stays_read_only(imported: Path, state_dir: Path) -> None:
    path = state_dir / "prune.sqlite3"
    os.chmod(path, 0o400)
    for command in (("import", str(imported)), ("review",)):
        result = run_cli(*command)
        assert result.code == 1, command
        assert "read-only" in one_line(result.err)
    for command in READING_COMMANDS:
        assert run_cli(*command).code == 0, command
    assert stat.S_IMODE(path.stat().st_mode) == 0o400


def test_a_state_folder_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    export = tmp_path / "Connections.csv"
    export.write_text(connections_text(ANA))
    result = run_cli("import", str(export), data_dir=blocker / "state")
    assert result.code == 1
    assert "cannot write in the state folder" in one_line(result.err)
