"""What every figure shares: the run's sizes, budgets, results, the synthetic export, timing.

The figures themselves are in figures_data.py (prune's core on polars and SQLite),
figures_app.py (the Textual app in process) and figures_launch.py (fresh processes); run.py
lists them and prints the table.
"""

from __future__ import annotations

import gc
import math
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import polars as pl

HERE = Path(__file__).resolve().parent

NOT_BUILT = "n/a (not built yet)"
SIZE = (120, 36)  # terminal size of every app run, in and out of process
# Pause between two key presses once the app is idle: more than one 60 Hz frame, so Textual's
# screen-update timer has gone back to sleep and paints as soon as a key changes something,
# as it does between a person's key strokes.
PRESS_GAP = 0.025


@dataclass(frozen=True)
class Profile:
    """Sizes and repetitions of one kind of run."""

    connections: int
    messages: int
    repeats: int  # timed runs per side for in-process figures (the median is reported)
    launches: int  # fresh processes per side for start-up
    presses: int  # key presses per side
    decisions: int  # decisions committed
    warm_up: bool = True  # one untimed launch per side first (byte-code cache, config file)


PROFILES = {
    "full": Profile(30_000, 300_000, repeats=7, launches=7, presses=500, decisions=2000),
    # --quick keeps the sizes (the budgets are stated at 30k / 300k) and repeats less.
    "quick": Profile(30_000, 300_000, repeats=3, launches=3, presses=150, decisions=1000),
    # --tiny (hidden) exists for the test suite: it checks the machinery, not the numbers.
    "tiny": Profile(300, 3_000, repeats=1, launches=1, presses=5, decisions=50, warm_up=False),
}


def at_size(profile: Profile, connections: int) -> Profile:
    """The same repetitions at another network size, with ten messages per connection as at
    LinkedIn's cap (30,000 connections, 300,000 messages), to see how each figure grows."""
    return replace(profile, connections=connections, messages=connections * 10)


@dataclass(frozen=True)
class Budget:
    """`max_ratio`: value / floor at most this; `limit`: value strictly under this."""

    text: str
    max_ratio: float | None = None
    limit: float | None = None

    def met(self, value: float | None, floor: float | None) -> bool | None:
        if value is None:
            return None
        checks = []
        if self.max_ratio is not None:
            if not floor:
                return None
            checks.append(value / floor <= self.max_ratio)
        if self.limit is not None:
            checks.append(value < self.limit)
        return all(checks)


@dataclass
class Result:
    value: float | None
    floor: float | None = None
    note: str = ""


@dataclass
class Figure:
    key: str
    label: str
    unit: str
    budget: Budget
    measure: Callable[[Context], Result]


@dataclass
class Context:
    """What every figure shares: one synthetic export and one imported snapshot of it."""

    profile: Profile
    root: Path
    export: Path = Path()
    state: Path = Path()
    config: Path = Path()
    snapshot_id: int = 0
    header_line: int = 0  # lines before the header of Connections.csv (LinkedIn's notes)
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def connections_csv(self) -> Path:
        return self.export / "Connections.csv"

    @property
    def messages_csv(self) -> Path:
        return self.export / "messages.csv"

    def fresh_state(self) -> Path:
        """A private copy of the imported state, for figures that write decisions."""
        copy = Path(tempfile.mkdtemp(prefix="state-", dir=self.root))
        shutil.copytree(self.state, copy, dirs_exist_ok=True)
        return copy

    def contacts(self) -> pl.DataFrame:
        if "contacts" not in self.cache:
            from prune.core.state.store import Store

            store = Store.open(self.state)
            self.cache["contacts"] = store.contacts(self.snapshot_id)
            store.close()
        return self.cache["contacts"]


def prepare(profile: Profile, root: Path) -> Context:
    """Write the synthetic export once and import it, as `prune import` would."""
    from prune.core.state.importing import parse_export, record_export
    from prune.core.state.store import Store
    from prune.demo import write_sample_export

    context = Context(profile=profile, root=root)
    say(
        f"writing a synthetic export: {profile.connections:,} connections, "
        f"{profile.messages:,} messages"
    )
    context.export = write_sample_export(
        root / "export", connections=profile.connections, messages=profile.messages, as_zip=False
    )
    context.state = root / "state"
    store = Store.open(context.state)
    context.snapshot_id = record_export(store, parse_export(context.export)).outcome.snapshot.id
    store.close()
    context.config = root / "config.toml"
    head = context.connections_csv.read_bytes()[:65536].split(b"\n")
    context.header_line = next(
        number for number, line in enumerate(head) if line.startswith(b"First Name")
    )
    return context


# -- measuring helpers -------------------------------------------------------------------------


def say(text: str) -> None:
    print(f"· {text}", file=sys.stderr, flush=True)


def timed(action: Callable[[], object]) -> float:
    """Seconds one call takes, after a collection so garbage from earlier runs is not billed."""
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def paired(value: Callable[[], object], floor: Callable[[], object], repeats: int) -> Result:
    """Median milliseconds of each side; one untimed warm-up each, then the sides alternate."""
    value()
    floor()
    values, floors = [], []
    for _ in range(repeats):
        floors.append(timed(floor))
        values.append(timed(value))
    return Result(statistics.median(values) * 1000, statistics.median(floors) * 1000)


def percentile(samples: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest sample with `share` of all samples at or below it."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]
