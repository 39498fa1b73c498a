"""`prune doctor` prints what a bug report needs and what a user can change themselves.

Every line is a fact gathered by `prune.core.diagnosis` on this machine; with --json the same
facts come as one object.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from prune.cli.exit_codes import EXIT_OK
from prune.core.diagnosis.collect import diagnose
from prune.core.text.sizes import human_size


def run_doctor(args: argparse.Namespace) -> int:
    facts = diagnose(args.data_dir, args.config)
    if args.json:
        print(json.dumps(facts, indent=2))
    else:
        print("\n".join(doctor_lines(facts)))
    return EXIT_OK


def _row(label: str, text: str) -> str:
    return f"{label:<14}{text}"


def doctor_lines(facts: dict[str, Any]) -> list[str]:
    """The facts as aligned lines, a label on the left."""
    return [
        *_version_lines(facts["versions"]),
        *_path_lines(facts["paths"]),
        *_state_lines(facts["state"]),
        *_clipboard_lines(facts["clipboard"]),
        *_terminal_lines(facts["terminal"]),
    ]


def _version_lines(versions: dict[str, str | None]) -> list[str]:
    names = {"prune": "prune", "python": "Python", "textual": "Textual", "polars": "polars"}
    parts = [f"{label} {versions[key] or 'not installed'}" for key, label in names.items()]
    return [
        _row("Versions", ", ".join([*parts, f"SQLite {versions['sqlite']}"])),
        _row("Platform", str(versions["platform"])),
    ]


def _described_path(facts: dict[str, Any], missing: str) -> str:
    if not facts["exists"]:
        return f"{facts['path']} ({missing}; chosen by {facts['chosen_by']})"
    return f"{facts['path']} (mode {facts['mode']}, chosen by {facts['chosen_by']})"


def _path_lines(paths: dict[str, Any]) -> list[str]:
    return [
        _row("Data dir", _described_path(paths["data_dir"], "not created yet")),
        _row("Config file", _described_path(paths["config_file"], "not written yet")),
    ]


def _state_lines(state: dict[str, Any]) -> list[str]:
    if not state["exists"]:
        return [_row("State file", f"{state['path']} (none yet: nothing imported)")]
    lines = [
        _row(
            "State file",
            f"{state['path']} (mode {state['mode']}), {human_size(state['size'])}; "
            f"the data dir holds {human_size(state['data_dir_size'])} in all",
        )
    ]
    if state["problem"]:
        return [*lines, _row("Problem", f"the state file {state['problem']}")]
    lines.append(_row("Schema", str(state["schema"])))
    snapshots = state["snapshots"]
    if not snapshots:
        lines.append(_row("Snapshots", "none"))
    for index, snapshot in enumerate(snapshots):
        present = "present" if snapshot["source_exists"] else "moved or deleted"
        lines.append(
            _row(
                "Snapshots" if index == 0 else "",
                f"#{snapshot['id']} imported {snapshot['imported_at']}, "
                f"{snapshot['connections']} connections, from {snapshot['source']} ({present})",
            )
        )
    if state["decisions"] is not None:
        lines.append(
            _row(
                "Decisions",
                f"{state['decisions']} with a verdict; {state['farewells']} farewells kept",
            )
        )
    newest = f", newest {state['newest_copy']}" if state["newest_copy"] else ""
    lines.append(_row("Backups", f"{state['rolling_copies']} copies kept before imports{newest}"))
    return lines


def _clipboard_lines(clipboard: dict[str, Any]) -> list[str]:
    tmux = clipboard["tmux"]
    if not tmux["inside"]:
        tmux_text = "not inside tmux ($TMUX is unset)"
    elif tmux["set_clipboard"] is not None:
        tmux_text = f"inside tmux, set-clipboard is {tmux['set_clipboard']}"
    else:
        tmux_text = f"inside tmux; {tmux['problem']}"
    commands = ", ".join(clipboard["commands"]) or "none found"
    ssh = "yes ($SSH_CONNECTION or $SSH_TTY is set)" if clipboard["ssh"] else "no"
    program = clipboard["term_program"] or "not named ($TERM_PROGRAM is unset)"
    lines = [
        _row("Copying", f"goes to {clipboard['route']}"),
        _row("Clipboard cmd", f"{commands} (on {clipboard['platform']})"),
        _row("tmux", tmux_text),
        _row("SSH session", ssh),
        _row("Terminal app", program),
    ]
    lines.extend(_row("To fix", advice) for advice in clipboard["advice"])
    return lines


def _terminal_lines(terminal: dict[str, Any]) -> list[str]:
    colours = f"{terminal['colours']} colours ({terminal['colours_from']})"
    if terminal["measured_from"] is None:
        return [_row("Terminal", f"size unknown: no terminal attached; {colours}")]
    size = f"{terminal['columns']}×{terminal['lines']} (from {terminal['measured_from']})"
    lines = [_row("Terminal", f"{size}; {colours}")]
    if terminal["too_small"]:
        lines.append(_row("To fix", "the card needs at least 80×24: enlarge the window"))
    return lines
