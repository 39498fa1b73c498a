"""Everything `prune doctor` reports, gathered in one call (and so in one JSON object)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from prune.core.clipboard import Which
from prune.core.diagnosis.environment import Runner, clipboard_route, terminal, versions
from prune.core.diagnosis.storage import locations, state_facts


def diagnose(
    data_dir_option: str | None = None,
    config_option: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    which: Which = shutil.which,
    run: Runner = subprocess.run,
) -> dict[str, Any]:
    """The facts, by topic: versions, paths, state, clipboard, terminal."""
    environ = os.environ if environ is None else environ
    paths = locations(data_dir_option, config_option, environ)
    return {
        "versions": versions(),
        "paths": paths,
        "state": state_facts(Path(paths["data_dir"]["path"])),
        "clipboard": clipboard_route(environ, which=which, run=run),
        "terminal": terminal(environ),
    }
