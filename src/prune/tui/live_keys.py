"""The keys each binding answers to, as the user reads them on screen.

Hints on the card, the notices line and the help sheet are built from these, with the same
`[keys]` remaps applied as Textual applies them, so a remap changes every place that names a
key, never only the one Textual dispatches on.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

KEY_NAMES = {
    "slash": "/",
    "question_mark": "?",
    "exclamation_mark": "!",
    "asterisk": "*",
    "enter": "enter",
    "space": "space",
}


def shown_keys(keys: list[str]) -> str:
    """Textual's key names as printed on a keyboard, joined with ` / `."""
    return " / ".join(KEY_NAMES.get(key, key) for key in keys)


def declared_bindings(kind: type[DOMNode]) -> list[Binding]:
    """The bindings prune's own classes declare on `kind` (not Textual's), expanded per key."""
    declared = [
        binding
        for cls in reversed(kind.__mro__)
        if cls.__module__.startswith("prune.")
        for binding in vars(cls).get("BINDINGS", [])
    ]
    return list(Binding.make_bindings(declared))


def bound_keys(kinds: list[type[DOMNode]], keymap: Mapping[str, str]) -> dict[str, list[str]]:
    """Binding id -> its keys, for the bindings of `kinds` with the keymap applied."""
    pressed: dict[str, list[str]] = {}
    for kind in kinds:
        bindings = BindingsMap(declared_bindings(kind))
        bindings.apply_keymap(dict(keymap))
        for key, binding in bindings:
            if binding.id is not None:
                pressed.setdefault(binding.id, []).append(key)
    return pressed


class KeyNames:
    """The keys as shown for each binding id of some screens; `self[id]` for a hint."""

    def __init__(self, kinds: list[type[DOMNode]], keymap: Mapping[str, str]) -> None:
        self._keys = {key: shown_keys(keys) for key, keys in bound_keys(kinds, keymap).items()}

    def __getitem__(self, binding_id: str) -> str:
        """The keys, or `-` when the remaps left nothing bound (Textual forbids that anyway)."""
        return self._keys.get(binding_id, "-")

    def first(self, binding_id: str) -> str:
        """Only the first key, for hints that have room for one."""
        return self[binding_id].split(" / ")[0]
