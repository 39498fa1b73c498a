"""Asking a new user's first name once, and keeping the answer.

Farewells sign with the user's first name, which Profile.csv gives; a Connections.csv-only
export, or an archive without Profile.csv, leaves it unknown. Then the first launch asks, with
the owner guessed from the messages as the suggestion. The name goes to `[you] first_name` in
the settings; the fact that the question was answered (or skipped) goes to the state file, so a
skip is remembered without writing a name nobody gave into the user's config.
"""

from __future__ import annotations

from typing import Any

from textual.app import App

from prune.tui.context import AppContext
from prune.tui.state_writes import saving

ASKED_SETTING = "you.first_name_asked"
"""Set in the state file once the user answered or skipped the question: "given" or "skipped"."""


def should_ask(context: AppContext) -> bool:
    """Whether the name is unknown and the user has not been asked before."""
    return context.farewell.my_name is None and context.store.setting(ASKED_SETTING) is None


def suggested_first_name(context: AppContext) -> str | None:
    """The first word of the owner's name as the import guessed it (the person in most messages)."""
    snapshot = context.store.snapshot(context.snapshot_id)
    name = (snapshot.owner_name or "").split() if snapshot is not None else []
    return name[0] if name else None


def remember_first_name(app: App[Any], context: AppContext, name: str | None) -> None:
    """Use `name` for this run's farewells and save it in the settings; None records a skip.

    A settings file that cannot be changed gets a one-line error; the name still signs the
    farewells until prune quits.
    """
    with saving(app, context.store.path):
        context.store.set_setting(ASKED_SETTING, "skipped" if name is None else "given")
    if name is None:
        return
    context.farewell.sign_with(name)
    if context.config_path is None:
        return
    from prune.core.config.editing import ConfigEditError, set_config_value  # only when named

    try:
        set_config_value(context.config_path, "you", "first_name", name)
    except ConfigEditError as error:
        app.notify(
            f"Your name signs the farewells until you quit, but was not saved: {error}",
            title="Settings",
            severity="error",
            markup=False,
        )
        return
    app.notify(f"Your farewells now end with {name}.", timeout=4, markup=False)
