"""The command line as a user or a script meets it: output, JSON and exit statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from testkit.commands import run_prune
from testkit.exports import connections_text, make_zip

ANA = "Ana,Doe,https://www.linkedin.com/in/ana-doe,,Acme,CTO,07 Mar 2024"
BO = 'Bo,"Li, PhD",https://www.linkedin.com/in/bo-li,,Globex,Dev,01 Feb 2019'


prune = run_prune


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "Basic_LinkedInDataExport_02-01-2026.zip"
    path.write_bytes(make_zip({"Connections.csv": connections_text(ANA, BO, ",,,,,,08 Jan 2024")}))
    return path


def test_import_prints_a_summary_then_recognises_the_same_file(
    tmp_path: Path, export: Path
) -> None:
    state = tmp_path / "state"
    first = prune("import", str(export), data_dir=state)
    assert first.returncode == 0, first.stderr
    assert "connections to review  2" in first.stdout
    assert "hidden members         1" in first.stdout
    assert "2019-02-01 and 2024-03-07" in first.stdout
    second = prune("import", str(export), data_dir=state)
    assert second.returncode == 0
    assert "Already imported" in second.stdout


def test_stats_json_describes_the_latest_snapshot(tmp_path: Path, export: Path) -> None:
    state = tmp_path / "state"
    prune("import", str(export), data_dir=state)
    result = prune("stats", "--json", data_dir=state)
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert stats["connections"] == 2
    assert stats["hidden"] == 1
    assert stats["snapshots"] == 1
    assert stats["first_connected_on"] == "2019-02-01"
    assert stats["last_connected_on"] == "2024-03-07"
    assert stats["decisions"] == {"keep": 0, "disconnect": 0, "later": 0, "undecided": 2}


def test_data_dir_flag_beats_the_environment(tmp_path: Path, export: Path) -> None:
    chosen = tmp_path / "chosen"
    result = prune("--data-dir", str(chosen), "import", str(export), data_dir=tmp_path / "env")
    assert result.returncode == 0, result.stderr
    assert (chosen / "prune.sqlite3").exists()
    assert not (tmp_path / "env").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "does not exist"),
        (b"", "is empty"),
        (b"CONVERSATION ID,FROM,SENDER PROFILE URL,TO,DATE,CONTENT,FOLDER\n", "messages file"),
        (b"PK\x03\x04 this zip was cut short", "damaged or incomplete zip"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_leaves_state_alone(
    tmp_path: Path, export: Path, content: bytes | None, expected: str
) -> None:
    state = tmp_path / "state"
    prune("import", str(export), data_dir=state)
    before = (state / "prune.sqlite3").read_bytes()
    bad = tmp_path / "bad.csv"
    if content is not None:
        bad.write_bytes(content)
    result = prune("import", str(bad), data_dir=state)
    assert result.returncode == 2
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert (state / "prune.sqlite3").read_bytes() == before


def test_bad_input_creates_no_state_at_all(tmp_path: Path) -> None:
    state = tmp_path / "state"
    result = prune("import", str(tmp_path / "missing.zip"), data_dir=state)
    assert result.returncode == 2
    assert not state.exists()


def test_no_export_yet_explains_how_to_get_one(tmp_path: Path) -> None:
    result = prune(data_dir=tmp_path / "state")
    assert result.returncode == 0
    assert "Get a copy of your data" in result.stdout


def test_version_and_help(tmp_path: Path) -> None:
    version = prune("--version", data_dir=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("prune ")
    for command in ("import", "stats", "demo", "review"):
        result = prune(command, "--help", data_dir=tmp_path)
        assert result.returncode == 0 and "usage: prune" in result.stdout


def test_unknown_option_is_bad_input(tmp_path: Path) -> None:
    result = prune("stats", "--frobnicate", data_dir=tmp_path)
    assert result.returncode == 2
    assert "unrecognized arguments" in result.stderr
