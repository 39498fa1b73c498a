"""Each screen's styles, one `.tcss` file per screen in this folder, read as its DEFAULT_CSS.

Textual parses a screen's DEFAULT_CSS when the screen is first shown, so none of these rules
costs the first card anything; `prune.tcss` holds what the review and every dialog share.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).parent


def screen_styles(name: str) -> str:
    """The rules of `name.tcss`, for a screen's DEFAULT_CSS."""
    return (FOLDER / f"{name}.tcss").read_text(encoding="utf-8")
