"""Settings from a TOML file the user may edit: read with tomllib, first written with tomli-w.

`loading` reads and checks the file (a bad file never stops prune: each problem is a message and
the built-in value is used); `locating` finds the file, line and key each message names.
"""

from prune.core.config.loading import (
    SECTIONS,
    Config,
    default_document,
    ensure_config,
    load_config,
    my_first_name,
    write_default_config,
)

__all__ = [
    "SECTIONS",
    "Config",
    "default_document",
    "ensure_config",
    "load_config",
    "my_first_name",
    "write_default_config",
]
