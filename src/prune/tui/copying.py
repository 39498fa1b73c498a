"""Copying a farewell: the same steps from the review card and from the Farewells screen.

A message LinkedIn would refuse is not copied. Otherwise the text goes to the terminal's
clipboard (OSC 52, works over SSH), to the platform's clipboard command where one exists and to
tmux inside tmux, and a toast says which worked. OSC 52 gives no answer, so when it was the only
path the toast says so and the farewell is not marked copied. The text itself always stays on
screen to select by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App

from prune.core.farewell.length import check_length

if TYPE_CHECKING:  # the clipboard's code loads with the first copy, not before the first card
    from prune.core.clipboard import CopyResult

SystemCopy = Callable[[str], "CopyResult"]


def no_system_clipboard(text: str) -> CopyResult:
    """For tests and locked-down machines: only the terminal's clipboard is used."""
    from prune.core.clipboard import CopyResult

    return CopyResult(command=None)


def platform_copy(text: str) -> CopyResult:
    """The platform's clipboard command (and tmux), loaded on the first copy."""
    from prune.core.clipboard import copy_text

    return copy_text(text)


def copy_message(app: App[object], text: str, whom: str, system_copy: SystemCopy) -> bool:
    """Copy `text` or explain why not; True only when a path that confirms (a platform command,
    or tmux) took it, which is when the farewell may be marked copied."""
    refusal = check_length(text)
    if refusal:
        app.notify(refusal, title="Not copied", severity="warning", timeout=6, markup=False)
        return False
    app.copy_to_clipboard(text)
    result = system_copy(text)
    app.notify(
        result.describe(f"the farewell to {whom}", terminal=True),
        timeout=4 if result.copied else 8,
        markup=False,
    )
    return result.copied
