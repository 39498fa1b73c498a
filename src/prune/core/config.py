"""Settings from a TOML file the user may edit: read with tomllib, first written with tomli-w.

A bad file never stops prune: every problem becomes a message naming the file, line and key, and
the built-in value is used instead.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from prune.core.rules import RULES

ORDERS: dict[str, str] = {
    "default": "oldest connection first (likely disconnects first once evidence is in)",
    "oldest": "oldest connection first",
    "newest": "newest connection first",
    "name": "by name",
    "company": "by company",
    "likely-disconnects": "likely disconnects first",
}


@dataclass
class Config:
    """Settings in effect, plus the problems found while reading them."""

    rule: str = "any"
    order: str = "default"
    first_name: str = ""
    keys: dict[str, str] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    path: Path | None = None


def default_document() -> dict[str, Any]:
    """What a fresh config file holds: every setting with its default, ready to edit."""
    return {
        "review": {"rule": "any", "order": "default"},
        "you": {"first_name": ""},
        "keys": {},
    }


def write_default_config(path: Path) -> bool:
    """Write the default file if none exists yet (private to the user); True if written."""
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    data = tomli_w.dumps(default_document()).encode()
    descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    return True


def _line_of(text: str, section: str, key: str) -> int | None:
    """Best-effort line number of `key` inside `[section]`, for messages."""
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            current = stripped.strip("[]").strip()
        elif current == section and stripped.split("=", 1)[0].strip().strip('"') == key:
            return number
    return None


def load_config(path: Path) -> Config:
    """Read settings; a missing file means defaults, a bad one means defaults plus problems."""
    config = Config(path=path)
    if not path.exists():
        return config
    try:
        text = path.read_text(encoding="utf-8")
        document = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        config.problems.append(f"{path}: cannot be read ({error}); using built-in settings")
        return config
    except tomllib.TOMLDecodeError as error:
        config.problems.append(f"{path}: not valid TOML ({error}); using built-in settings")
        return config
    config.raw = document

    def where(section: str, key: str) -> str:
        line = _line_of(text, section, key)
        return f"{path}" + (f", line {line}" if line else "") + f", [{section}] {key}"

    review = document.get("review", {})
    rule = review.get("rule", config.rule)
    if rule in RULES:
        config.rule = rule
    else:
        config.problems.append(
            f"{where('review', 'rule')}: {rule!r} is not a rule; use one of {', '.join(RULES)}"
        )
    order = review.get("order", config.order)
    if order in ORDERS:
        config.order = order
    else:
        config.problems.append(
            f"{where('review', 'order')}: {order!r} is not an order; use one of {', '.join(ORDERS)}"
        )
    first_name = document.get("you", {}).get("first_name", "")
    if isinstance(first_name, str):
        config.first_name = first_name.strip()
    else:
        config.problems.append(f"{where('you', 'first_name')}: must be text")
    keys = document.get("keys", {})
    for binding_id, key in keys.items():
        if isinstance(key, str) and key.strip():
            config.keys[binding_id] = key.strip()
        else:
            config.problems.append(f'{where("keys", binding_id)}: must be a key name such as "k"')
    return config
