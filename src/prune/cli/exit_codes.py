"""The exit statuses of `prune`, which scripts rely on: one meaning each, never reused."""

from __future__ import annotations

from typing import Final

EXIT_OK: Final = 0
"""Done, including "nothing to do yet" and a reader that stopped early (`prune … | head`)."""

EXIT_STATE: Final = 1
"""The state file cannot be used (damaged, or written by a newer prune)."""

EXIT_BAD_INPUT: Final = 2
"""Bad input, with a one-line reason on standard error: a usage error, an unusable export or
path, an unknown tone or list."""

EXIT_INTERRUPTED: Final = 130
"""Stopped with Ctrl-C, as shells report a SIGINT."""
