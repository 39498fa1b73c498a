"""How old a sent invitation gets before it counts as stale: the settings' default.

Apart from the listing so that reading the settings does not load the export reader with it.
"""

from __future__ import annotations

from prune.core.periods import Period

DEFAULT_STALE_AFTER = Period(3, "week")
