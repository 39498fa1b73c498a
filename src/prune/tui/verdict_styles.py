"""One colour per verdict, used by the header, the card, the lists and the Farewells screen."""

from __future__ import annotations

VERDICT_STYLES = {"keep": "bold $success", "disconnect": "bold $error", "later": "bold $warning"}
"""Textual style strings (theme variables), so every theme colours the verdicts alike."""
