"""`prune completion SHELL` prints a script, generated from the parser, that knows every command."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from prune.cli.parser import COMMANDS

from testkit.commands import run_cli


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_completion_script_names_every_command_option_and_choice(shell: str) -> None:
    result = run_cli("completion", shell)
    assert result.code == 0, result.err
    script = result.out
    for command in COMMANDS:
        assert command in script, f"{command} missing from the {shell} script"
    for option in ("list", "format", "order", "tone", "data-dir", "latest"):
        assert (f"-l {option}" if shell == "fish" else f"--{option}") in script
    for value in (
        "disconnect",
        "undecided",
        "urls",
        "names",
        "warm",
        "formal",
        "likely-disconnects",
    ):
        assert value in script


def test_the_bash_script_is_valid_bash() -> None:
    if shutil.which("bash") is None:
        pytest.skip("no bash here")
    script = run_cli("completion", "bash").out
    checked = subprocess.run(["bash", "-n"], input=script, text=True, capture_output=True)
    assert checked.returncode == 0, checked.stderr


def test_an_unknown_shell_is_a_usage_error() -> None:
    result = run_cli("completion", "tcsh")
    assert result.code == 2
    assert "invalid choice" in result.err
