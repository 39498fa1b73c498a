"""`prune doctor` reports what it finds on this machine: faked here through the environment and
small stand-in programs on the PATH."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from testkit.commands import run_cli
from testkit.exports import connections_text, make_zip

SESSION_VARIABLES = ("TMUX", "SSH_CONNECTION", "SSH_TTY", "TERM_PROGRAM", "NO_COLOR", "COLORTERM")


@pytest.fixture
def fake_bin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A PATH holding only stand-in programs, and none of the session variables doctor reads."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    for name in SESSION_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("LINES", "36")
    monkeypatch.setenv("TERM", "xterm-256color")
    return folder


def stand_in(folder: Path, name: str, output: str = "") -> None:
    script = folder / name
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' '{output}'\n")
    script.chmod(0o755)


def doctor() -> dict:
    result = run_cli("doctor", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_inside_tmux_with_set_clipboard_external_says_what_to_add(
    fake_bin: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stand_in(fake_bin, "tmux", "external")
    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,4242,0")
    clipboard = doctor()["clipboard"]
    assert clipboard["tmux"] == {"inside": True, "set_clipboard": "external", "problem": None}
    assert clipboard["route"] == "tmux's paste buffer, and the terminal (OSC 52)"
    assert any("set -g set-clipboard on" in advice for advice in clipboard["advice"])
    text = run_cli("doctor").out
    assert "inside tmux, set-clipboard is external" in text
    assert "add `set -g set-clipboard on` to ~/.tmux.conf" in text


def test_tmux_already_passing_copies_on_needs_no_tmux_advice(
    fake_bin: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stand_in(fake_bin, "tmux", "on")
    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,4242,0")
    clipboard = doctor()["clipboard"]
    assert clipboard["tmux"]["set_clipboard"] == "on"
    assert not any("tmux" in advice for advice in clipboard["advice"])


def test_over_ssh_the_terminal_is_the_only_way_home(
    fake_bin: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSH_CONNECTION", "192.0.2.7 50000 192.0.2.1 22")
    monkeypatch.setenv("TERM_PROGRAM", "WezTerm")
    clipboard = doctor()["clipboard"]
    assert clipboard["ssh"] is True and clipboard["tmux"]["inside"] is False
    assert clipboard["term_program"] == "WezTerm"
    assert clipboard["commands"] == []
    (advice,) = clipboard["advice"]
    assert "SSH" in advice and "OSC 52" in advice


def test_a_display_without_a_clipboard_command_asks_for_one(
    fake_bin: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    clipboard = doctor()["clipboard"]
    assert clipboard["commands"] == []
    assert clipboard["advice"] == [
        "install xclip or xsel so that copying does not depend on the terminal"
    ]


def test_a_clipboard_command_found_is_the_route_and_needs_no_advice(
    fake_bin: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    stand_in(fake_bin, "xclip")
    clipboard = doctor()["clipboard"]
    assert clipboard["commands"] == ["xclip"]
    assert clipboard["route"] == "xclip, and the terminal (OSC 52)"
    assert clipboard["advice"] == []


def test_a_small_terminal_and_its_colours_are_reported(
    fake_bin: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "70")
    monkeypatch.setenv("LINES", "20")
    monkeypatch.setenv("COLORTERM", "truecolor")
    terminal = doctor()["terminal"]
    assert (terminal["columns"], terminal["lines"], terminal["too_small"]) == (70, 20, True)
    assert (terminal["colours"], terminal["colours_from"]) == ("24-bit", "COLORTERM=truecolor")
    assert "the card needs at least 80×24" in run_cli("doctor").out
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "24")
    monkeypatch.delenv("COLORTERM")
    terminal = doctor()["terminal"]
    assert terminal["too_small"] is False
    assert terminal["colours"] == "256"


def test_versions_paths_and_state_are_those_in_use(
    fake_bin: Path, tmp_path: Path, state_dir: Path
) -> None:
    export = tmp_path / "export.zip"
    row = "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2024"
    export.write_bytes(make_zip({"Connections.csv": connections_text(row)}))
    assert run_cli("import", str(export)).code == 0
    facts = doctor()
    assert facts["versions"]["prune"] == "0.1.0"
    assert facts["versions"]["textual"] and facts["versions"]["polars"]
    data_dir = facts["paths"]["data_dir"]
    assert data_dir == {
        "path": str(state_dir),
        "chosen_by": "$PRUNE_DATA_DIR",
        "exists": True,
        "mode": "0700",
    }
    state = facts["state"]
    assert state["mode"] == "0600" and state["size"] > 0
    assert state["schema"] >= 1 and state["decisions"] == 0
    (snapshot,) = state["snapshots"]
    assert snapshot["connections"] == 1 and snapshot["source_exists"] is True
    other = tmp_path / "elsewhere"
    flagged = json.loads(run_cli("doctor", "--json", "--data-dir", str(other)).out)
    assert flagged["paths"]["data_dir"]["chosen_by"] == "the command line"
    assert not other.exists()  # the doctor looks, it creates nothing


def test_a_damaged_state_file_is_described_not_changed(fake_bin: Path, state_dir: Path) -> None:
    state_dir.mkdir(parents=True)
    damaged = state_dir / "prune.sqlite3"
    damaged.write_bytes(b"this is not a database" * 100)
    before = damaged.read_bytes()
    state = doctor()["state"]
    assert "cannot be read" in state["problem"] and "prune restore --latest" in state["problem"]
    assert damaged.read_bytes() == before
    assert os.listdir(state_dir) == ["prune.sqlite3"]
