"""The farewell on a disconnect card: the message or the choice of none, and the keys t and c.

A flagged, bare-bones profile (likely a fake account) starts without a message; `t` goes through
the tones and then back to no message. The card, the panel beside it and the Farewells screen
word a farewell alike, so these steps live apart from the review screen's layout code.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.content import Content
from textual.screen import Screen

from prune.core.farewell.message import message_for
from prune.core.farewell.tones import NO_MESSAGE
from prune.core.review.session import ContactView
from prune.core.state.store import Farewell
from prune.tui.context import AppContext
from prune.tui.copying import copy_message
from prune.tui.live_keys import KeyNames


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
    from prune.tui.screens.confirm_screen import ConfirmScreen, farewell_gone_question  # rarely

    question = farewell_gone_question(view.name, context.store.farewell(view.key).status)
    if question is None:
        change()
    else:
        app.push_screen(ConfirmScreen(question), lambda yes: change() if yes else None)


def card_farewell(context: AppContext, view: ContactView) -> tuple[str, Farewell]:
    """The message to show and copy ("" for none) and the stored state, its tone being the
    choice in use (a tone, or NO_MESSAGE)."""
    saved = context.store.farewell(view.key)
    settings = context.farewell.settings(context.today())
    flagged = bool(view.flags)
    message = message_for(saved, view, settings, flagged=flagged)
    return message, dataclasses.replace(saved, tone=settings.choice_of(saved.tone, flagged=flagged))


def gets_no_message(saved: Farewell) -> bool:
    """Whether a farewell from `card_farewell` has nothing to send."""
    return saved.text is None and saved.tone == NO_MESSAGE


def farewell_heading(saved: Farewell, keys: KeyNames) -> Content:
    """`Farewell · tone warm · drafted · t tone · c copy`, worded as on the Farewells screen.

    `saved.tone` is the choice in use (see `card_farewell`).
    """
    tone_key, copy_key = keys.first("review.tone"), keys.first("review.copy")
    if gets_no_message(saved):
        from prune.core.farewell.followthrough import shown_status  # the list's code, on demand

        status = shown_status(saved.status, gone=False, no_message=True)
        return Content.assemble(
            ("Farewell", "bold"),
            f"  ·  no message  ·  {status}  ·  ",
            (f"{tone_key} for a message", "$accent"),
        )
    wording = "your own words" if saved.text is not None else f"tone {saved.tone}"
    return Content.assemble(
        ("Farewell", "bold"),
        f"  ·  {wording}  ·  {saved.status}  ·  ",
        (f"{tone_key} tone · {copy_key} copy", "$accent"),
    )


def farewell_body(message: str, saved: Farewell, view: ContactView, keys: KeyNames) -> Content:
    """The message itself, or why there is none and how to write one after all."""
    if not gets_no_message(saved):
        return Content(message)  # a message is data, never markup
    why = "likely a fake account (a bare-bones profile)" if view.flags else "your choice"
    return Content.assemble(
        ("No message: ", "bold"),
        f"{why}. Just remove the connection; {keys.first('review.tone')} for a message.",
    )


def cycle_card_tone(screen: Screen[Any], context: AppContext, view: ContactView) -> None:
    """`t`: the next tone, or no message after the last one."""
    from prune.core.farewell.followthrough import cycle_tone

    inputs = context.farewell
    saved = cycle_tone(
        context.store,
        view.key,
        inputs.tones,
        default_tone=inputs.default_tone,
        flagged=bool(view.flags),
    )
    if saved.text is not None:
        chosen = "No message chosen" if saved.tone == NO_MESSAGE else f"Tone set to {saved.tone}"
        screen.notify(
            f"{chosen}, but your own words for {view.name} still win: "
            "clear the edit on the Farewells screen to use it.",
            timeout=5,
            markup=False,
        )


def copy_card_farewell(
    screen: Screen[Any], context: AppContext, view: ContactView, keys: KeyNames
) -> bool:
    """`c`: copy the farewell; True when it was marked copied. None is copied for no message."""
    message, saved = card_farewell(context, view)
    if gets_no_message(saved):
        screen.notify(
            f"Nothing to copy: {view.name} gets no message ({keys.first('review.tone')} for one).",
            timeout=4,
            markup=False,
        )
        return False
    if copy_message(screen.app, message, view.name, context.system_copy):
        from prune.core.farewell.followthrough import mark_copied

        mark_copied(context.store, view.key)
        return True
    return False
