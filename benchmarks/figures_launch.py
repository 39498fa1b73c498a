"""The figures that need a fresh interpreter: process start to first card, and peak memory.

Each launch runs benchmarks/launch.py in a new process, so imports, opening the store and the
first paint are all paid as a user's `prune` pays them.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import HERE, Context, Result


def _launch_env() -> dict[str, str]:
    """The environment of a user's shell, with byte-code caching on.

    An installed prune runs from cached byte code; a sandbox or CI that sets
    PYTHONDONTWRITEBYTECODE would make every launch recompile Textual and polars' Python
    modules and time the compiler. The cache goes to a scratch folder, not into the venv.
    """
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "prune-bench-pycache")
    return env


def launch(*arguments: str) -> dict[str, Any]:
    """Run benchmarks/launch.py in a fresh interpreter; add `elapsed` from just before spawn."""
    command = [sys.executable, str(HERE / "launch.py"), *arguments]
    start = time.monotonic()
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=300, check=False, env=_launch_env()
    )
    if done.returncode != 0:
        raise RuntimeError(f"launch.py {arguments[0]} failed: {done.stderr.strip()[-500:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    if report.get("painted") is not None:
        report["elapsed"] = report["painted"] - start
    return report


def measure_first_card(context: Context) -> Result:
    """Fresh process to first card painted, vs a fresh bare app painting one Static."""
    prune = ("prune", str(context.state), str(context.config))
    if context.profile.warm_up:  # byte-code cache, page cache, the default config file
        launch(*prune)
        launch("bare")
    values, floors = [], []
    for _ in range(context.profile.launches):
        floors.append(launch("bare"))
        values.append(launch(*prune))

    def median(reports: list[dict[str, Any]], name: str) -> float:
        return statistics.median(report[name] for report in reports) * 1000

    cpu = f"CPU time to paint {median(values, 'cpu'):.0f} ms vs {median(floors, 'cpu'):.0f} ms"
    return Result(median(values, "elapsed"), median(floors, "elapsed"), cpu)


def measure_peak_memory(context: Context) -> Result:
    """A fresh `prune EXPORT`: import, evidence (once built), session, first card painted."""
    report = launch(
        "rss", str(context.root / "rss-state"), str(context.config), str(context.export)
    )
    note = "" if report["evidence"] else "evidence not built yet, so not included"
    return Result(report["maxrss_mb"], None, note)
