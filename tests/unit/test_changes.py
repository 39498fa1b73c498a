"""Comparing two exports: who left, who is new, who changed jobs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from prune.core.errors import ExportError
from prune.core.state.changes import change_lines, compare, pick_snapshots
from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store

from testkit.exports import connections_text

ANA = "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2024"
BO = "Bo,Li,https://www.linkedin.com/in/bo,,Globex,Dev,01 Feb 2019"
CY = "Cy,Ng,https://www.linkedin.com/in/cy,,Initech,PM,01 Feb 2015"
CY_MOVED = "Cy,Ng,https://www.linkedin.com/in/cy/,,Umbrella,Head of product,01 Feb 2015"
DI = "Di,Ode,https://www.linkedin.com/in/di,,Acme,Sales,01 Jan 2021"
EVE = "Eve,Ray,https://www.linkedin.com/in/eve,,Hooli,Designer,01 Oct 2026"


def import_file(store: Store, tmp_path: Path, name: str, *rows: str) -> None:
    path = tmp_path / name
    path.write_text(connections_text(*rows))
    record_export(store, parse_export(path))


@pytest.fixture
def store(tmp_path: Path):
    opened = Store.open(tmp_path / "state")
    import_file(opened, tmp_path, "march.csv", ANA, BO, CY, DI)
    opened.save_decision("url:in/bo", "test", verdict="disconnect")
    import_file(opened, tmp_path, "april.csv", EVE, ANA, CY_MOVED)
    yield opened
    opened.close()


def test_gone_people_are_split_by_whether_you_marked_them(store: Store) -> None:
    changes = compare(store, *pick_snapshots(store))
    gone = {row["first_name"]: row["you_removed"] for row in changes.gone.iter_rows(named=True)}
    assert gone == {"Bo": True, "Di": False}
    assert changes.new["first_name"].to_list() == ["Eve"]
    moved = changes.moved.row(0, named=True)
    assert (moved["first_name"], moved["old_company"], moved["new_company"]) == (
        "Cy",
        "Initech",
        "Umbrella",
    )
    text = "\n".join(change_lines(changes))
    assert "Gone (they left, or removed you):\n  Di Ode — Sales · Acme" in text
    assert "Cy Ng: PM · Initech → Head of product · Umbrella" in text


def test_one_snapshot_is_not_enough(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "solo")
    import_file(store, tmp_path, "only.csv", ANA)
    with pytest.raises(ExportError, match="only one export"):
        pick_snapshots(store)
    with pytest.raises(ExportError, match="no snapshot 9"):
        pick_snapshots(store, 9, None)
    store.close()


def test_changes_command_prints_json_and_refuses_unknown_snapshots(
    store: Store, tmp_path: Path
) -> None:
    env = os.environ | {"PRUNE_DATA_DIR": str(tmp_path / "state")}
    run = [sys.executable, "-m", "prune", "changes"]
    result = subprocess.run([*run, "--json"], capture_output=True, text=True, env=env, check=True)
    data = json.loads(result.stdout)
    assert [person["first_name"] for person in data["gone"]] == ["Bo", "Di"]
    assert data["new"][0]["url"] == "https://www.linkedin.com/in/eve"
    bad = subprocess.run([*run, "--from", "42"], capture_output=True, text=True, env=env)
    assert bad.returncode == 2
    assert "no snapshot 42" in bad.stderr
