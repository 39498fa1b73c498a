"""The command line as a user or a script meets it: output, JSON and exit statuses.

Most tests run `prune` in this process (`run_cli`); the last few start the real command, for
what only a process shows: the console script, the shell's exit status and a closed pipe.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from prune.cli import main

from testkit.commands import run_cli, run_prune
from testkit.exports import connections_text, make_zip

ANA = "Ana,Doe,https://www.linkedin.com/in/ana-doe,,Acme,CTO,07 Mar 2024"
BO = 'Bo,"Li, PhD",https://www.linkedin.com/in/bo-li,,Globex,Dev,01 Feb 2019'
BO_MOVED = 'Bo,"Li, PhD",https://www.linkedin.com/in/bo-li,,Initech,Lead,01 Feb 2019'
CY = "Cy,Ng,https://www.linkedin.com/in/cy-ng,,Hooli,QA,05 May 2025"


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "Basic_LinkedInDataExport_02-01-2026.zip"
    path.write_bytes(make_zip({"Connections.csv": connections_text(ANA, BO, ",,,,,,08 Jan 2024")}))
    return path


def test_import_prints_a_summary_then_recognises_the_same_file(
    tmp_path: Path, export: Path
) -> None:
    state = tmp_path / "state"
    first = run_cli("import", str(export), data_dir=state)
    assert first.code == 0, first.err
    assert "connections to review  2" in first.out
    assert "hidden members         1" in first.out
    assert "2019-02-01 and 2024-03-07" in first.out
    second = run_cli("import", str(export), data_dir=state)
    assert second.code == 0
    assert "Already imported" in second.out


def test_stats_json_describes_the_latest_snapshot(tmp_path: Path, export: Path) -> None:
    state = tmp_path / "state"
    run_cli("import", str(export), data_dir=state)
    result = run_cli("stats", "--json", data_dir=state)
    assert result.code == 0, result.err
    stats = json.loads(result.out)
    assert stats["connections"] == 2
    assert stats["hidden"] == 1
    assert stats["snapshots"] == 1
    assert stats["first_connected_on"] == "2019-02-01"
    assert stats["last_connected_on"] == "2024-03-07"
    assert stats["decisions"] == {"keep": 0, "disconnect": 0, "later": 0, "undecided": 2}


def test_data_dir_flag_beats_the_environment(tmp_path: Path, export: Path) -> None:
    chosen = tmp_path / "chosen"
    result = run_cli("--data-dir", str(chosen), "import", str(export), data_dir=tmp_path / "env")
    assert result.code == 0, result.err
    assert (chosen / "prune.sqlite3").exists()
    assert not (tmp_path / "env").exists()


def test_without_flags_the_state_goes_where_the_environment_says(
    export: Path, state_dir: Path
) -> None:
    assert run_cli("import", str(export)).code == 0
    assert (state_dir / "prune.sqlite3").exists()


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
    run_cli("import", str(export), data_dir=state)
    before = (state / "prune.sqlite3").read_bytes()
    bad = tmp_path / "bad.csv"
    if content is not None:
        bad.write_bytes(content)
    result = run_cli("import", str(bad), data_dir=state)
    assert result.code == 2
    assert expected in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert (state / "prune.sqlite3").read_bytes() == before


def test_bad_input_creates_no_state_at_all(tmp_path: Path) -> None:
    state = tmp_path / "state"
    result = run_cli("import", str(tmp_path / "missing.zip"), data_dir=state)
    assert result.code == 2
    assert not state.exists()


def test_no_export_yet_explains_how_to_get_one(tmp_path: Path) -> None:
    result = run_cli(data_dir=tmp_path / "state")
    assert result.code == 0
    assert "Get a copy of your data" in result.out


def test_version_and_help(tmp_path: Path) -> None:
    version = run_cli("--version", data_dir=tmp_path)
    assert version.code == 0 and version.out.startswith("prune ")
    for command in ("import", "stats", "demo", "review", "changes", "farewells", "export"):
        result = run_cli(command, "--help", data_dir=tmp_path)
        assert result.code == 0 and "usage: prune" in result.out, command


def test_unknown_option_is_bad_input(tmp_path: Path) -> None:
    result = run_cli("stats", "--frobnicate", data_dir=tmp_path)
    assert result.code == 2
    assert result.err == "prune: unrecognized arguments: --frobnicate (see prune --help)\n"


def import_two_exports(tmp_path: Path) -> Path:
    """Two snapshots a month apart: Ana gone, Cy new, Bo moved from Globex to Initech."""
    state = tmp_path / "state"
    for name, rows in (("january", (ANA, BO)), ("february", (BO_MOVED, CY))):
        source = tmp_path / name / "Connections.csv"
        source.parent.mkdir()
        source.write_text(connections_text(*rows))
        assert run_cli("import", str(source), data_dir=state).code == 0
    return state


def test_changes_lists_who_left_who_is_new_and_who_moved(tmp_path: Path) -> None:
    state = import_two_exports(tmp_path)
    result = run_cli("changes", data_dir=state)
    assert result.code == 0, result.err
    assert "1 gone without you marking them, 0 you marked for disconnecting" in result.out
    assert "  Ana Doe — CTO · Acme" in result.out
    assert "  Cy Ng — QA · Hooli" in result.out
    assert "  Bo Li, PhD: Dev · Globex → Lead · Initech" in result.out
    as_json = run_cli("changes", "--json", "--from", "1", "--to", "2", data_dir=state)
    assert as_json.code == 0, as_json.err
    changes = json.loads(as_json.out)
    assert (changes["from_snapshot"], changes["to_snapshot"]) == (1, 2)
    assert [person["first_name"] for person in changes["gone"]] == ["Ana"]
    assert [person["first_name"] for person in changes["new"]] == ["Cy"]
    assert [person["new_company"] for person in changes["changed_jobs"]] == ["Initech"]


def test_changes_needs_two_snapshots_and_says_so_in_one_line(tmp_path: Path, export: Path) -> None:
    state = tmp_path / "state"
    run_cli("import", str(export), data_dir=state)
    result = run_cli("changes", data_dir=state)
    assert result.code == 2
    assert result.err == (
        "prune: only one export imported so far: import a newer export to compare the two\n"
    )
    unknown = run_cli("changes", "--from", "7", data_dir=state)
    assert (unknown.code, unknown.err) == (2, "prune: there is no snapshot 7 (snapshots: 1)\n")


def test_an_in_process_run_puts_the_environment_back(tmp_path: Path, export: Path) -> None:
    before = (dict(os.environ), Path.cwd(), sys.stdout, sys.stderr)
    result = run_cli("import", str(export), data_dir=tmp_path / "state", cwd=tmp_path)
    assert result.code == 0, result.err
    assert (dict(os.environ), Path.cwd(), sys.stdout, sys.stderr) == before


# -- the real command, in a child process ---------------------------------------------------------


def test_the_console_script_is_the_cli_main() -> None:
    (script,) = entry_points(group="console_scripts", name="prune")
    assert script.load() is main


ANSWER_AND_LIST_LIBRARIES = """
import sys
from prune.cli.main import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(sorted(name for name in ("polars", "textual") if name in sys.modules))
"""


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("export", "--help"), ("stat",)])
def test_version_help_and_a_mistyped_command_answer_before_the_heavy_libraries_load(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    """polars alone takes about 0.4 s to import; a question about prune itself needs none of it."""
    result = subprocess.run(
        [sys.executable, "-c", ANSWER_AND_LIST_LIBRARIES, *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PRUNE_DATA_DIR": str(tmp_path)},
    )
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout + result.stderr


def test_python_m_prune_prints_the_version(tmp_path: Path) -> None:
    result = run_prune("--version", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("prune ")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("import", "missing.zip"), "does not exist"),
        (("stats", "--frobnicate"), "unrecognized arguments: --frobnicate"),
    ],
)
def test_the_shell_sees_status_2_and_one_line_without_a_traceback(
    tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    result = run_prune(*args, data_dir=tmp_path / "state", cwd=tmp_path)
    assert result.returncode == 2
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_a_reader_that_has_gone_away_is_not_an_error() -> None:
    """`prune stats --json | true`: nobody is reading by the time prune writes."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        child = subprocess.run(
            [sys.executable, "-m", "prune", "stats", "--json"],
            stdout=writer,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    finally:
        os.close(writer)
    assert (child.returncode, child.stderr.decode()) == (0, "")
