"""Putting text on the system clipboard with the platform's own command, chosen at run time.

The interface also copies through the terminal (Textual's OSC 52), which works over SSH but not in
every terminal; the platform command works locally whatever the terminal. Doing both, and saying
which worked, gives the user the best chance and an honest toast.
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
    """Which clipboard command took the text, if any, and what went wrong with the others."""

    command: str | None  # the name of the command that worked, e.g. "wl-copy"
    failures: list[str] = field(default_factory=list)  # "xclip: exit status 1", …

    @property
    def copied(self) -> bool:
        return self.command is not None

    def how(self, *, terminal: bool) -> str:
        """How the text was copied, for a toast: "via wl-copy and the terminal (OSC 52)"."""
        if self.command and terminal:
            return f"via {self.command} and the terminal (OSC 52)"
        if self.command:
            return f"via {self.command}"
        if terminal:
            return "via the terminal (OSC 52) only"
        return "nowhere: no clipboard command worked"

    def describe(self, what: str = "the message", *, terminal: bool = True) -> str:
        """A whole sentence for a toast, e.g. "Copied the farewell to Ana via pbcopy."."""
        if not self.command and not terminal:
            reason = "; ".join(self.failures) or "no clipboard command is installed"
            return f"Could not copy {what} ({reason}): select it on screen instead."
        return f"Copied {what} {self.how(terminal=terminal)}."


def copy_text(
    text: str,
    *,
    platform: str | None = None,
    which: Which = shutil.which,
    environ: Mapping[str, str] | None = None,
    run: Runner = subprocess.run,
    timeout: float = COPY_TIMEOUT_SECONDS,
) -> CopyResult:
    """Give `text` to the first clipboard command that accepts it.

    No shell is involved and each try is cut off after `timeout` seconds. Output goes to
    /dev/null rather than a pipe: wl-copy and xclip leave a background process serving the
    clipboard, which would hold a pipe open and make the call wait for the timeout.
    """
    failures: list[str] = []
    for command in copy_commands(platform, which, environ):
        name = os.path.basename(command[0])
        try:
            result = run(
                command,
                input=_encoded(command, text),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            failures.append(f"{name}: no answer within {timeout:g} s")
            continue
        except OSError as error:
            failures.append(f"{name}: {error.strerror or error}")
            continue
        if result.returncode == 0:
            return CopyResult(command=name, failures=failures)
        failures.append(f"{name}: exit status {result.returncode}")
    return CopyResult(command=None, failures=failures)
