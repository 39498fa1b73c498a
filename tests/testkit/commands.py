"""Running the real `prune` command in a child process, for exit codes and the console script."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_prune(
    *args: str, data_dir: Path, cwd: Path | None = None, text: bool = True
) -> subprocess.CompletedProcess:
    """Run the real `prune` command with its state and settings in `data_dir`."""
    env = os.environ | {"PRUNE_DATA_DIR": str(data_dir), "PRUNE_CONFIG_DIR": str(data_dir / "cfg")}
    return subprocess.run(
        [sys.executable, "-m", "prune", *args],
        capture_output=True,
        text=text,
        env=env,
        cwd=cwd,
        timeout=120,
    )
