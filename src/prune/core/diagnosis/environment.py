"""Facts about this machine's programs and terminal: versions, the clipboard route, the screen.

Each fact comes from something looked at here (a package's metadata, an environment variable,
`tmux show`, the terminal's reported size), and says where it came from.
"""

from __future__ import annotations

import platform
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Mapping
from importlib import metadata
from typing import Any

from prune import __version__
from prune.core.clipboard import Which, copy_commands

CARD_COLUMNS, CARD_LINES = 80, 24
TMUX_TIMEOUT_SECONDS = 2.0
TMUX_ADVICE = (
    "add `set -g set-clipboard on` to ~/.tmux.conf, then run `tmux source-file ~/.tmux.conf`"
)

Runner = Callable[..., subprocess.CompletedProcess[str]]


def versions() -> dict[str, str | None]:
    """prune, Python, the libraries the app runs on, SQLite, and the operating system."""

    def installed(name: str) -> str | None:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return None

    return {
        "prune": __version__,
        "python": platform.python_version(),
        "textual": installed("textual"),
        "polars": installed("polars"),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
    }


def tmux_set_clipboard(environ: Mapping[str, str], run: Runner) -> dict[str, Any]:
    """Whether prune runs inside tmux, and tmux's `set-clipboard` value as tmux reports it."""
    if not environ.get("TMUX"):
        return {"inside": False, "set_clipboard": None, "problem": None}
    try:
        result = run(
            ["tmux", "show", "-gv", "set-clipboard"],
            capture_output=True,
            text=True,
            timeout=TMUX_TIMEOUT_SECONDS,
            check=False,
        )
    except FileNotFoundError:
        return {"inside": True, "set_clipboard": None, "problem": "the tmux command is not found"}
    except (OSError, subprocess.TimeoutExpired) as error:
        return {"inside": True, "set_clipboard": None, "problem": f"tmux did not answer ({error})"}
    if result.returncode != 0:
        reason = (result.stderr or "").strip() or f"exit status {result.returncode}"
        return {"inside": True, "set_clipboard": None, "problem": f"tmux show failed: {reason}"}
    return {"inside": True, "set_clipboard": result.stdout.strip(), "problem": None}


def clipboard_route(
    environ: Mapping[str, str],
    *,
    platform_name: str | None = None,
    which: Which = shutil.which,
    run: Runner = subprocess.run,
) -> dict[str, Any]:
    """The way a copied farewell will leave prune here, and what to change when it cannot arrive.

    The app always writes OSC 52 to the terminal, hands the text to the first platform command
    found and, inside tmux, to tmux's paste buffer (`prune.core.clipboard`); the system clipboard
    is then reached only through a platform command, or through tmux with set-clipboard on.
    """
    platform_name = sys.platform if platform_name is None else platform_name
    commands = [command[0] for command in copy_commands(platform_name, which, environ)]
    tmux = tmux_set_clipboard(environ, run)
    ssh = bool(environ.get("SSH_CONNECTION") or environ.get("SSH_TTY"))
    ways = [*commands[:1], *(["tmux's paste buffer"] if tmux["inside"] else [])]
    route = (
        f"{', '.join(ways)}, and the terminal (OSC 52)" if ways else "the terminal only (OSC 52)"
    )
    advice: list[str] = []
    if not commands:
        advice.extend(_osc52_only_advice(environ, platform_name, tmux, ssh))
    return {
        "platform": platform_name,
        "commands": commands,
        "route": route,
        "tmux": tmux,
        "ssh": ssh,
        "term_program": environ.get("TERM_PROGRAM") or None,
        "advice": advice,
    }


def _osc52_only_advice(
    environ: Mapping[str, str], platform_name: str, tmux: dict[str, Any], ssh: bool
) -> list[str]:
    advice: list[str] = []
    if tmux["inside"] and tmux["set_clipboard"] != "on":
        if tmux["set_clipboard"] is None:
            advice.append(f"could not read tmux's set-clipboard ({tmux['problem']}); {TMUX_ADVICE}")
        else:
            advice.append(
                f"tmux's set-clipboard is {tmux['set_clipboard']!r}, so prune's copy stays in "
                "tmux's paste buffer (prefix ]) and never reaches the system clipboard: "
                + TMUX_ADVICE
            )
    if ssh:
        advice.append(
            "over SSH the copy reaches your own machine only through its terminal: "
            "that terminal must allow OSC 52 clipboard writes"
        )
    elif platform_name.startswith("linux"):
        if not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
            advice.append("no display here ($DISPLAY and $WAYLAND_DISPLAY are unset), so no "
                          "clipboard command can be used")  # fmt: skip
        else:
            wanted = "wl-copy (wl-clipboard)" if environ.get("WAYLAND_DISPLAY") else "xclip or xsel"
            advice.append(f"install {wanted} so that copying does not depend on the terminal")
    return advice


def terminal(environ: Mapping[str, str]) -> dict[str, Any]:
    """The terminal's size (from $COLUMNS/$LINES or the terminal itself) and its colour depth."""
    size = shutil.get_terminal_size(fallback=(0, 0))
    if environ.get("COLUMNS") and environ.get("LINES"):
        measured_from: str | None = "$COLUMNS and $LINES"
    elif size.columns and size.lines:
        measured_from = "the terminal"
    else:
        measured_from = None
    columns, lines = (size.columns, size.lines) if measured_from else (None, None)
    too_small = None if columns is None or lines is None else (
        columns < CARD_COLUMNS or lines < CARD_LINES
    )  # fmt: skip
    colours, colours_from = colour_depth(environ)
    return {
        "columns": columns,
        "lines": lines,
        "measured_from": measured_from,
        "too_small": too_small,
        "colours": colours,
        "colours_from": colours_from,
    }


def colour_depth(environ: Mapping[str, str]) -> tuple[str, str]:
    """How many colours the terminal announces, and the variable that says so."""
    if "NO_COLOR" in environ:
        return "none", "NO_COLOR is set"
    colorterm = environ.get("COLORTERM", "")
    if colorterm.lower() in ("truecolor", "24bit"):
        return "24-bit", f"COLORTERM={colorterm}"
    term = environ.get("TERM", "")
    if not term:
        return "unknown", "TERM is unset"
    if term == "dumb":
        return "none", "TERM=dumb"
    if "256color" in term:
        return "256", f"TERM={term}"
    return "16", f"TERM={term}"
