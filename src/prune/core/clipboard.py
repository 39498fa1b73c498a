"""Putting text on the system clipboard with the platform's own command, chosen at run time.

The interface also copies through the terminal (Textual's OSC 52), which works over SSH but not in
every terminal; the platform command works locally whatever the terminal, and inside tmux the text
also goes to tmux, which drops OSC 52 from programs by default. Doing all, and saying which worked,
gives the user the best chance and an honest toast.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

COPY_TIMEOUT_SECONDS = 2.0

Which = Callable[[str], str | None]
Runner = Callable[..., subprocess.CompletedProcess[bytes]]


def _is_wsl(environ: Mapping[str, str]) -> bool:
    return bool(environ.get("WSL_DISTRO_NAME") or environ.get("WSL_INTEROP"))


def copy_commands(
    platform: str | None = None,
    which: Which = shutil.which,
    environ: Mapping[str, str] | None = None,
) -> list[list[str]]:
    """The clipboard commands present here, best first, each as an argument list.

    macOS has pbcopy. Windows, and Linux under WSL, have clip.exe (the Windows clipboard is the
    one the browser pastes from). On Linux a Wayland session prefers wl-copy and an X11 session
    xclip, then xsel; XWayland sessions have both variables and try all three. Without a
    display (a plain SSH login) no command could reach a clipboard, so none is offered.
    """
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    candidates: list[list[str]] = []
    if platform == "darwin":
        candidates.append(["pbcopy"])
    elif platform in ("win32", "cygwin"):
        candidates.append(["clip.exe"])
    else:
        if _is_wsl(environ):
            candidates.append(["clip.exe"])
        if environ.get("WAYLAND_DISPLAY"):
            candidates.append(["wl-copy"])
        if environ.get("DISPLAY"):
            candidates.append(["xclip", "-selection", "clipboard"])
            candidates.append(["xsel", "--clipboard", "--input"])
    return [command for command in candidates if which(command[0])]


def _encoded(command: Sequence[str], text: str) -> bytes:
    # clip.exe reads its input in the console code page unless it starts with a UTF-16 byte-order
    # mark, so non-ASCII names (and emoji) would arrive garbled as UTF-8.
    if os.path.basename(command[0]).lower() in ("clip.exe", "clip"):
        return "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")
    return text.encode("utf-8")


@dataclass(frozen=True)
class CopyResult:
    """Which paths took the text, and what went wrong with the others.

    Only a platform command or tmux reports back; OSC 52 is written blind (tmux with its default
    `set-clipboard external`, and many terminals, drop it silently), so it never counts as copied.
    """

    command: str | None  # the name of the platform command that worked, e.g. "wl-copy"
    failures: list[str] = field(default_factory=list)  # "xclip: exit status 1", …
    tmux: bool = False  # tmux took the text (`load-buffer -w`), which also sets the clipboard

    @property
    def copied(self) -> bool:
        """True when a path that confirms its success took the text."""
        return self.command is not None or self.tmux

    def how(self, *, terminal: bool) -> str:
        """How the text was copied, for a toast: "via wl-copy, tmux and the terminal (OSC 52)"."""
        if self.copied:
            paths = [name for name in (self.command, "tmux" if self.tmux else None) if name]
            if terminal:
                paths.append("the terminal (OSC 52)")
            return "via " + _joined(paths)
        if terminal:
            return "via the terminal (OSC 52) only"
        return "nowhere: no clipboard command worked"

    def describe(self, what: str = "the message", *, terminal: bool = True) -> str:
        """A whole sentence for a toast, e.g. "Copied the farewell to Ana via pbcopy."."""
        if self.copied:
            return f"Copied {what} {self.how(terminal=terminal)}."
        if terminal:
            return (
                f"Sent {what} to the terminal's clipboard; "
                "if pasting gives nothing, select the text on screen."
            )
        reason = "; ".join(self.failures) or "no clipboard command is installed"
        return f"Could not copy {what} ({reason}): select it on screen instead."


def _joined(words: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


TMUX_COMMAND = ["tmux", "load-buffer", "-w", "-"]
"""Hands the text to tmux's paste buffer and, with `-w`, to the clipboard of the tmux client."""


def copy_text(
    text: str,
    *,
    platform: str | None = None,
    which: Which = shutil.which,
    environ: Mapping[str, str] | None = None,
    run: Runner = subprocess.run,
    timeout: float = COPY_TIMEOUT_SECONDS,
) -> CopyResult:
    """Give `text` to the first clipboard command that accepts it, and to tmux inside tmux.

    No shell is involved and each try is cut off after `timeout` seconds. Output goes to
    /dev/null rather than a pipe: wl-copy and xclip leave a background process serving the
    clipboard, which would hold a pipe open and make the call wait for the timeout.
    """
    environ = os.environ if environ is None else environ
    failures: list[str] = []
    copied_by: str | None = None
    for command in copy_commands(platform, which, environ):
        failure = _try(command, _encoded(command, text), run, timeout)
        if failure is None:
            copied_by = os.path.basename(command[0])
            break
        failures.append(failure)
    in_tmux = False
    if environ.get("TMUX"):
        if which(TMUX_COMMAND[0]) is None:
            failures.append("tmux: not found on PATH")
        else:
            failure = _try(TMUX_COMMAND, text.encode("utf-8"), run, timeout)
            in_tmux = failure is None
            if failure is not None:
                failures.append(failure)
    return CopyResult(command=copied_by, failures=failures, tmux=in_tmux)


def _try(command: Sequence[str], data: bytes, run: Runner, timeout: float) -> str | None:
    """Run one copying command on `data`; None when it worked, else why not in a few words."""
    name = os.path.basename(command[0])
    try:
        result = run(
            list(command),
            input=data,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"{name}: no answer within {timeout:g} s"
    except OSError as error:
        return f"{name}: {error.strerror or error}"
    if result.returncode != 0:
        return f"{name}: exit status {result.returncode}"
    return None
