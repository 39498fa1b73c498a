"""The rows of the help sheet (`?`), read from the bindings Textual dispatches on.

A screen on the stack gives its live bindings (`Screen.active_bindings`: the keymap applied, the
keys its `check_action` refuses left out, the App's keys after its own); a screen the user can
open but has not opened yet gives its declared bindings with the same keymap applied. So the
sheet lists what the keys do now, a remapped key under its new key, and nothing is written
twice. Only prune's own bindings are listed (Textual's focus and quit keys are not), each once,
in the order its class declares them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from prune.tui.live_keys import bound_keys, declared_bindings, shown_keys
from prune.tui.screens.contacts_screen import ContactsScreen
from prune.tui.screens.farewells_screen import FarewellsScreen
from prune.tui.screens.overview_screen import OverviewScreen
from prune.tui.screens.review_screen import ReviewScreen
from prune.tui.screens.summary_screen import SummaryScreen
from prune.tui.widgets.query_box import QueryBox

KeyRow = tuple[str, str]
"""(keys, what they do); a row with no keys is a heading for the rows after it."""

ALWAYS_LISTED: tuple[type[Screen[Any]], ...] = (ReviewScreen, FarewellsScreen, ContactsScreen)
"""The full screens, listed whether or not they are open (the review's keys come first)."""
HEADINGS: dict[type[Screen[Any]], tuple[str, str | None]] = {
    FarewellsScreen: ("On the Farewells screen", "app.farewells"),
    ContactsScreen: ("On the list of all contacts", "review.contacts"),
    SummaryScreen: ("At the end of the review", None),
    OverviewScreen: ("On the Overview", "app.overview"),
}
"""A screen's heading, and the binding whose key opens it (said in the heading)."""
INSIDE: dict[type[Screen[Any]], tuple[type[DOMNode], str]] = {
    ContactsScreen: (QueryBox, "in the query box"),
}
"""A widget whose keys work only while it has the focus, listed after its screen's keys (the
help sheet takes the focus, so they are never live while it is open)."""
PALETTE = "Command palette: order, rule, theme"


def section_heading(screen: Screen[Any]) -> str | None:
    """The heading of `screen`'s own section on the sheet (None: the review's, which is first)."""
    found = HEADINGS.get(type(screen))
    return None if found is None else found[0]


def help_rows(stack: Sequence[Screen[Any]], keymap: Mapping[str, str]) -> list[KeyRow]:
    """The sheet for the screens on `stack` (bottom first) and those the user can open."""
    open_screens = {type(screen): screen for screen in stack}
    kinds = [*ALWAYS_LISTED]
    kinds += [kind for kind in open_screens if kind not in kinds and kind in HEADINGS]
    sections = [
        _live_keys(open_screens[kind]) if kind in open_screens else _declared_keys(kind, keymap)
        for kind in kinds
    ]
    rows: list[KeyRow] = []
    listed: set[str] = set()
    for kind, keys in zip(kinds, sections, strict=True):
        if rows:
            heading, opener = HEADINGS.get(kind, ("On this screen", None))
            opened_with = sections[0].get(opener or "")
            rows.append(("", f"{heading} ({opened_with[0]})" if opened_with else heading))
        if kind in INSIDE:
            keys.update(_keys_inside(*INSIDE[kind], keymap))
        for binding_id, (shown, description) in keys.items():
            if binding_id not in listed:
                listed.add(binding_id)
                rows.append((shown, description))
    return rows


def _keys_inside(widget: type[DOMNode], where: str, keymap: Mapping[str, str]) -> Keys:
    """A focused widget's own keys, each said to work there (`where`)."""
    declared = _described(declared_bindings(widget), bound_keys([widget], keymap))
    return {
        binding_id: (shown, f"{what} ({where})") for binding_id, (shown, what) in declared.items()
    }


Keys = dict[str, tuple[str, str]]
"""Binding id -> (its keys as shown, what it does), in the order the sheet lists them."""


def _live_keys(screen: Screen[Any]) -> Keys:
    """What the keys do on `screen` now, then the App's keys that reach it, then the palette."""
    pressed: dict[str, list[str]] = {}
    palette: list[str] = []
    for key, active in screen.active_bindings.items():
        if active.binding.id is not None:
            pressed.setdefault(active.binding.id, []).append(key)
        elif active.binding.action in ("command_palette", "app.command_palette"):
            palette.append(key)
    keys = _in_declared_order([screen, screen.app], pressed)
    if palette and isinstance(screen, ReviewScreen):
        keys["palette"] = (shown_keys(palette), PALETTE)
    return keys


def _declared_keys(kind: type[Screen[Any]], keymap: Mapping[str, str]) -> Keys:
    """What the keys will do on a screen of this kind, with the keymap applied as Textual does."""
    return _described(declared_bindings(kind), bound_keys([kind], keymap))


def _in_declared_order(namespaces: Iterable[DOMNode], pressed: dict[str, list[str]]) -> Keys:
    keys: Keys = {}
    for namespace in namespaces:
        keys.update(_described(declared_bindings(type(namespace)), pressed))
    return keys


def _described(declared: list[Binding], pressed: dict[str, list[str]]) -> Keys:
    return {
        binding.id: (shown_keys(pressed[binding.id]), binding.tooltip or binding.description)
        for binding in declared
        if binding.id is not None and binding.id in pressed
    }
