"""Which demo scratch folders a new demo clears: only those whose demo is surely over."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from prune.cli.demo_scratch import OWNER_FILE, claim, clear_stale_folders, process_alive

NOW = 1_800_000_000.0
HOUR = 3600.0


def demo_folder(parent: Path, name: str, *, owner: int | None, age_hours: float) -> Path:
    folder = parent / f"prune-demo-{name}"
    (folder / "state").mkdir(parents=True)
    if owner is not None:
        (folder / OWNER_FILE).write_text(f"{owner}\n")
    stamp = NOW - age_hours * HOUR
    os.utime(folder, (stamp, stamp))
    return folder


def test_only_gone_owners_and_old_ownerless_folders_are_removed(tmp_path: Path) -> None:
    gone = demo_folder(tmp_path, "gone", owner=111, age_hours=1)
    running_old = demo_folder(tmp_path, "running", owner=222, age_hours=48)
    fresh = demo_folder(tmp_path, "fresh", owner=None, age_hours=2)  # a demo starting right now
    old = demo_folder(tmp_path, "old", owner=None, age_hours=30)
    other = tmp_path / "something-else"
    other.mkdir()
    removed = clear_stale_folders(tmp_path, now=NOW, alive=lambda pid: pid == 222)
    assert {(item.path.name, item.reason) for item in removed} == {
        ("prune-demo-gone", "its prune (pid 111) is gone"),
        ("prune-demo-old", "older than a day"),
    }
    assert not gone.exists() and not old.exists()
    assert running_old.exists() and fresh.exists() and other.exists()


def test_when_the_platform_cannot_tell_only_age_counts(tmp_path: Path) -> None:
    young = demo_folder(tmp_path, "young", owner=111, age_hours=3)
    aged = demo_folder(tmp_path, "aged", owner=111, age_hours=25)
    removed = clear_stale_folders(tmp_path, now=NOW, alive=lambda pid: None)
    assert [item.reason for item in removed] == ["older than a day"]
    assert young.exists() and not aged.exists()


def test_this_process_own_folder_and_links_are_left_alone(tmp_path: Path) -> None:
    mine = tmp_path / "prune-demo-mine"
    mine.mkdir()
    claim(mine)
    target = tmp_path / "precious"
    target.mkdir()
    (tmp_path / "prune-demo-link").symlink_to(target)
    os.utime(mine, (NOW - 48 * HOUR, NOW - 48 * HOUR))
    assert clear_stale_folders(tmp_path, now=NOW, alive=lambda pid: False) == []
    assert mine.exists() and target.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="signal 0 is a POSIX question")
def test_process_alive_knows_this_process_and_a_finished_one() -> None:
    assert process_alive(os.getpid()) is True
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # reaped: its id names no process now
    assert process_alive(child.pid) is False
