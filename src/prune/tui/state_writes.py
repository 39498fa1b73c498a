"""What the app does when the state file refuses a change: say so, and never lose what is saved.

A write can fail in the middle of a review: the disk fills up, the drive goes away, or SQLite
finds a page damaged. Every change is one transaction, so a refused one leaves the file as it
was and the screen on the contact it was made on. A full disk or a failing drive is a passing
problem: a toast says what happened and what to do, and the same key works once it is fixed.
A damaged file cannot be trusted with the next change: the app ends with the one line the
command line gives for it, and a failing status. So does a page check still running at the
first change (`core.state.page_check`) that finds damage.
"""

from __future__ import annotations

import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import App

from prune.core.state.connection import StoreError
from prune.core.state.damage import damaged
from prune.tui.workers import one_line

EXIT_STATE = 1  # as the command line's: the state could not be used


REFUSALS = (sqlite3.DatabaseError, StoreError)
"""What a change to the state file may raise instead of being saved."""

# The change each app was last told was not saved (an action, or a dialog's answer), while the
# toast saying so may still be showing.
_UNSAVED: weakref.WeakKeyDictionary[App[Any], object] = weakref.WeakKeyDictionary()
_DIALOG_ANSWER = "a dialog's answer"


def refused(
    app: App[Any],
    state_file: Path,
    error: sqlite3.DatabaseError | StoreError,
    *,
    change: object = _DIALOG_ANSWER,
) -> None:
    """Tell the user the change was not saved (a toast), or end on a damaged file (one line).

    `change` names what was refused (an action and where it ran, say), so that `went_through`
    can take the toast back once that same change is saved."""
    if isinstance(error, sqlite3.OperationalError):
        _UNSAVED[app] = change
        app.clear_notifications()  # a key pressed again and again says so once, not in a pile
        app.notify(
            f"The state file refused the change ({one_line(error)}). Free some disk space or "
            "check the drive, then press the key again; everything saved before is kept.",
            title="Not saved",
            severity="error",
            timeout=10,
            markup=False,
        )
        return
    said = error if isinstance(error, StoreError) else damaged(state_file, str(error))
    end_with(app, one_line(said))


def went_through(app: App[Any], change: object = _DIALOG_ANSWER) -> None:
    """`change` ran without a refusal: when it is the one refused last, it has now been saved,
    so the toast asking to press its key again is taken back rather than left to contradict the
    card for the rest of its ten seconds."""
    if _UNSAVED.get(app) == change:
        del _UNSAVED[app]
        app.clear_notifications()


def end_with(app: App[Any], line: str) -> None:
    """End the app with `line` (as `prune: line`) and a failing status, said once: a failed
    load and a refused change may both come of one damaged file."""
    if app.return_code is None:
        message = Text(f"prune: {line}", no_wrap=True, overflow="ignore")
        app.exit(return_code=EXIT_STATE, message=message)


@contextmanager
def saving(app: App[Any], state_file: Path) -> Iterator[None]:
    """Around a change made outside a key's action (a dialog's answer, say): a refusal is told,
    not raised, so the screen goes on working."""
    try:
        yield
    except REFUSALS as error:
        refused(app, state_file, error)
    else:
        went_through(app)
