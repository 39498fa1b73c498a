"""`[keys]` remaps checked before Textual applies them: each bad one is named and left out.

A remap is refused when a key in it is not a key Textual knows (`",,,,"` names none at all), or
when it puts a binding on a key another binding of the same screen already answers to (on a
full screen the App's keys count too, as they reach it). Refusing the remap keeps the built-in
key, so the card, footer and help never name a key that does something else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from textual.dom import DOMNode
from textual.keys import KEY_NAME_REPLACEMENTS, Keys, key_to_character

from prune.tui.live_keys import declared_bindings, shown_keys

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_NAMED_KEYS = frozenset(key.value for key in Keys) | frozenset(KEY_NAME_REPLACEMENTS.values())


def is_key_name(name: str) -> bool:
    """True for a key Textual can bind: `k`, `K`, `!`, `f1`, `ctrl+e`, `exclamation_mark`…"""
    *modifiers, base = name.split("+") if name != "+" else [name]
    if any(modifier not in MODIFIERS for modifier in modifiers) or not base:
        return False
    if len(base) == 1:
        return base.isprintable() and base not in " ,"
    return base in _NAMED_KEYS or key_to_character(base) is not None


@dataclass
class CheckedKeymap:
    """The remaps that may be applied, and one sentence per remap that may not."""

    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def check_keymap(
    keymap: Mapping[str, str],
    places: Mapping[str, str],
    screens: Sequence[tuple[str, list[type[DOMNode]]]],
) -> CheckedKeymap:
    """Keep the remaps of `keymap` that name real keys and clash with nothing.

    `screens` are (name as said to the user, the classes whose bindings share its keys);
    `places` say where each remap was written (`config.toml, line 3, [keys] review.yes`).
    """
    checked = CheckedKeymap()
    named: dict[str, str] = {}
    for binding_id, value in keymap.items():
        keys = [key.strip() for key in value.split(",")]
        wrong = [key for key in keys if not is_key_name(key)]
        if wrong or not keys:
            what = ", ".join(f'"{key}"' for key in wrong) if any(wrong) else "no key"
            checked.problems.append(
                f"{places.get(binding_id, binding_id)}: {what} is not a key name (such as "
                f'"k", "K", "ctrl+e" or "f2"); the key stays as it was'
            )
        else:
            named[binding_id] = ",".join(keys)
    refused: set[str] = set()
    while clash := _first_clash({k: v for k, v in named.items() if k not in refused}, screens):
        binding_id, key, other, screen = clash
        refused.add(binding_id)
        checked.problems.append(
            f"{places.get(binding_id, binding_id)}: {shown_keys([key])} is already {other} on "
            f"{screen}; the key stays as it was"
        )
    checked.keys = {k: v for k, v in named.items() if k not in refused}
    return checked


def _first_clash(
    keymap: dict[str, str], screens: Sequence[tuple[str, list[type[DOMNode]]]]
) -> tuple[str, str, str, str] | None:
    """(remapped id, key, the other binding's id, screen) of the first key bound twice."""
    for screen, kinds in screens:
        holders: dict[str, list[str]] = {}
        for binding_id, keys in _keys_after(kinds, keymap).items():
            for key in keys:
                holders.setdefault(key, []).append(binding_id)
        for key, ids in holders.items():
            remapped = [binding_id for binding_id in ids if binding_id in keymap]
            if len(ids) > 1 and remapped:
                blamed = remapped[-1]
                other = next(binding_id for binding_id in ids if binding_id != blamed)
                return blamed, key, other, screen
    return None


def _keys_after(kinds: list[type[DOMNode]], keymap: dict[str, str]) -> dict[str, list[str]]:
    """Binding id -> keys once `keymap` is applied, clashes kept (Textual would drop them)."""
    keys: dict[str, list[str]] = {}
    for kind in kinds:
        for binding in declared_bindings(kind):
            if binding.id is None:
                continue
            if binding.id in keymap:
                keys[binding.id] = keymap[binding.id].split(",")
            else:
                keys.setdefault(binding.id, []).append(binding.key)
    return keys


def binding_ids(kinds: Sequence[type[DOMNode]]) -> set[str]:
    """Every binding id the classes declare: what `[keys]` may name."""
    return {
        binding.id
        for kind in kinds
        for binding in declared_bindings(kind)
        if binding.id is not None
    }
