"""Clipboard commands: the right one per platform, text really handed over, honest results."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from prune.core.clipboard import CopyResult, copy_commands, copy_text

EVERYTHING = {"pbcopy", "clip.exe", "wl-copy", "xclip", "xsel"}


def which_of(*present: str):
    return lambda name: f"/usr/bin/{name}" if name in present else None


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("darwin", {}, [["pbcopy"]]),
        ("win32", {}, [["clip.exe"]]),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0"}, [["wl-copy"]]),
        (
            "linux",
            {"DISPLAY": ":0"},
            [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]],
        ),
        (
            "linux",
            {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"},
            [["wl-copy"], ["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]],
        ),
        (
            "linux",
            {"WSL_DISTRO_NAME": "Ubuntu", "DISPLAY": ":0"},
            [
                ["clip.exe"],
                ["xclip", "-selection", "clipboard"],
                ["xsel", "--clipboard", "--input"],
            ],
        ),
        ("linux", {}, []),  # an SSH login without a display: only the terminal can copy
    ],
)
def test_the_command_follows_the_platform_and_session(
    platform: str, environ: dict[str, str], expected: list[list[str]]
) -> None:
    assert copy_commands(platform, which_of(*EVERYTHING), environ) == expected


def test_commands_that_are_not_installed_are_skipped() -> None:
    environ = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}
    assert copy_commands("linux", which_of("xsel"), environ) == [["xsel", "--clipboard", "--input"]]
    assert copy_commands("darwin", which_of("xclip"), {"DISPLAY": ":0"}) == []


@pytest.fixture
def fake_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Fake wl-copy and xsel (record what they read) and xclip (always fails), first on PATH."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for name in ("wl-copy", "xsel"):
        (folder / name).write_text(f"#!/bin/sh\ncat > '{tmp_path / name}.received'\n")
    (folder / "xclip").write_text("#!/bin/sh\ncat > /dev/null\nexit 1\n")
    for script in folder.iterdir():
        script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    return tmp_path


@pytest.mark.skipif(sys.platform == "win32", reason="uses shell scripts as fake commands")
def test_the_text_reaches_the_command_byte_for_byte(fake_commands: Path) -> None:
    text = "Hi Zoë 🌻,\n\nAll the best!\n– Robin"
    result = copy_text(text, platform="linux", environ={"WAYLAND_DISPLAY": "wayland-0"})
    assert result == CopyResult(command="wl-copy", failures=[])
    assert (fake_commands / "wl-copy.received").read_text(encoding="utf-8") == text
    assert result.describe("the farewell to Zoë") == (
        "Copied the farewell to Zoë via wl-copy and the terminal (OSC 52)."
    )


@pytest.mark.skipif(sys.platform == "win32", reason="uses shell scripts as fake commands")
def test_a_failing_command_gives_way_to_the_next(fake_commands: Path) -> None:
    result = copy_text("Bye", platform="linux", environ={"DISPLAY": ":0"})
    assert result.command == "xsel"
    assert result.failures == ["xclip: exit status 1"]
    assert (fake_commands / "xsel.received").read_text() == "Bye"
    assert result.how(terminal=False) == "via xsel"


def test_clip_exe_gets_utf16_with_a_byte_order_mark() -> None:
    seen: dict[str, object] = {}

    def run(command, **options):
        seen.update(options, command=command)
        return subprocess.CompletedProcess(command, 0)

    result = copy_text("Zoë 🌻", platform="win32", which=which_of("clip.exe"), environ={}, run=run)
    assert result.command == "clip.exe"
    assert seen["input"] == b"\xff\xfe" + "Zoë 🌻".encode("utf-16-le")
    assert seen["stdout"] == subprocess.DEVNULL  # no pipe a background process could hold open
    assert "shell" not in seen


def test_a_hanging_command_is_cut_off_and_reported() -> None:
    def run(command, **options):
        raise subprocess.TimeoutExpired(command, options["timeout"])

    result = copy_text("x", platform="darwin", which=which_of("pbcopy"), environ={}, run=run)
    assert not result.copied
    assert result.failures == ["pbcopy: no answer within 2 s"]


def test_the_terminal_alone_is_not_called_copied() -> None:
    result = copy_text("x", platform="linux", which=which_of(), environ={})
    assert result == CopyResult(command=None, failures=[])
    assert not result.copied  # OSC 52 gives no answer: nothing confirms the text arrived
    assert result.describe() == (
        "Sent the message to the terminal's clipboard; "
        "if pasting gives nothing, select the text on screen."
    )
    refused = result.describe("the message", terminal=False)
    assert refused.startswith("Could not copy the message (no clipboard command is installed)")


@pytest.fixture
def fake_tmux(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake tmux first on PATH: records its arguments and what it reads; fails when asked to."""
    folder = tmp_path / "tmux-bin"
    folder.mkdir()
    script = folder / "tmux"
    script.write_text(
        "#!/bin/sh\n"
        f"echo \"$@\" > '{tmp_path}/tmux.args'\n"
        f"cat > '{tmp_path}/tmux.received'\n"
        f"[ -e '{tmp_path}/tmux.fail' ] && exit 1\n"
        "exit 0\n"
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    return tmp_path


INSIDE_TMUX = {"TMUX": "/tmp/tmux-1000/default,4242,0"}


@pytest.mark.skipif(sys.platform == "win32", reason="uses shell scripts as fake commands")
def test_inside_tmux_the_text_also_goes_to_tmux_and_that_counts(fake_tmux: Path) -> None:
    text = "Hi Zoë 🌻,\nAll the best!"
    result = copy_text(text, platform="linux", environ=INSIDE_TMUX)  # over SSH: no display
    assert result == CopyResult(command=None, failures=[], tmux=True)
    assert (fake_tmux / "tmux.args").read_text().split() == ["load-buffer", "-w", "-"]
    assert (fake_tmux / "tmux.received").read_text(encoding="utf-8") == text
    assert result.copied
    assert result.describe("the farewell to Zoë") == (
        "Copied the farewell to Zoë via tmux and the terminal (OSC 52)."
    )


@pytest.mark.skipif(sys.platform == "win32", reason="uses shell scripts as fake commands")
def test_inside_tmux_a_platform_command_and_tmux_both_get_it(
    fake_tmux: Path, fake_commands: Path
) -> None:
    result = copy_text("Bye", platform="linux", environ={**INSIDE_TMUX, "DISPLAY": ":0"})
    assert (result.command, result.tmux) == ("xsel", True)
    assert (fake_tmux / "tmux.received").read_text() == "Bye"
    assert result.describe() == "Copied the message via xsel, tmux and the terminal (OSC 52)."


@pytest.mark.skipif(sys.platform == "win32", reason="uses shell scripts as fake commands")
def test_a_failing_tmux_leaves_only_the_terminal_and_says_so(fake_tmux: Path) -> None:
    (fake_tmux / "tmux.fail").touch()
    result = copy_text("Bye", platform="linux", environ=INSIDE_TMUX)
    assert not result.copied
    assert result.failures == ["tmux: exit status 1"]
    assert "if pasting gives nothing, select the text on screen" in result.describe()


def test_outside_tmux_tmux_is_left_alone() -> None:
    calls: list[list[str]] = []

    def run(command, **options):
        calls.append(command)
        return subprocess.CompletedProcess(command, 0)

    result = copy_text("x", platform="linux", which=which_of("tmux"), environ={}, run=run)
    assert calls == [] and not result.copied


def test_tmux_missing_from_path_inside_tmux_is_reported() -> None:
    result = copy_text("x", platform="linux", which=which_of(), environ=INSIDE_TMUX)
    assert result.failures == ["tmux: not found on PATH"] and not result.copied
