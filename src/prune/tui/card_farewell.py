"""The farewell on a disconnect card: what it says, changing its tone, copying it.

The review card shows the farewell of a contact marked disconnect; `t` and `c` act on it there,
as on the Farewells screen, with the same stored state (core.farewell).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from textual.app import App

from prune.core.farewell.followthrough import cycle_tone, mark_copied
from prune.core.farewell.message import message_for
from prune.core.review.card import ContactView
from prune.core.state.store import Farewell
from prune.tui.context import AppContext
from prune.tui.copying import copy_message
from prune.tui.live_keys import KeyNames
from prune.tui.screens.confirm_screen import ConfirmScreen, farewell_gone_question


def farewell_of(context: AppContext, view: ContactView) -> tuple[str, Farewell]:
    """The farewell to show and copy for a contact, and its stored state."""
    saved = context.store.farewell(view.key)
    inputs = context.farewell
    message = message_for(saved, view, inputs.settings(context.today()))
    return message, dataclasses.replace(saved, tone=saved.tone or inputs.default_tone)


def disconnect_card(
    app: App[object], view: ContactView | None, keys: KeyNames
) -> ContactView | None:
    """`view` if it is marked disconnect; otherwise say why a farewell key does nothing."""
    if view is not None and view.decision is not None and view.decision.verdict == "disconnect":
        return view
    key = keys.first("review.disconnect")
    app.notify(f"Farewells are for contacts marked disconnect ({key}).", timeout=3)
    return None


def unless_farewell_went(
    app: App[object], context: AppContext, view: ContactView | None, change: Callable[[], None]
) -> None:
    """Run `change` to a disconnect card, but ask first if its farewell was sent or removed."""
    decided = view.decision.verdict if view and view.decision else None
    if view is None or decided != "disconnect":
        change()
        return
    question = farewell_gone_question(view.name, context.store.farewell(view.key).status)
    if question is None:
        change()
    else:
        app.push_screen(ConfirmScreen(question), lambda yes: change() if yes else None)


def next_tone(app: App[object], context: AppContext, view: ContactView) -> None:
    """`t`: the next tone; the user's own words, when there are some, still win (say so)."""
    inputs = context.farewell
    saved = cycle_tone(context.store, view.key, inputs.tones, default_tone=inputs.default_tone)
    if saved.text is not None:
        app.notify(
            f"Tone set to {saved.tone}, but your own words for {view.name} still win: "
            "clear the edit on the Farewells screen to use the tone.",
            timeout=5,
            markup=False,
        )


def copy_farewell(app: App[object], context: AppContext, view: ContactView) -> bool:
    """`c`: copy the farewell; True when it was marked copied (the card then says so)."""
    message, _ = farewell_of(context, view)
    if not copy_message(app, message, view.name, context.system_copy):
        return False
    mark_copied(context.store, view.key)
    return True
