"""Every performance budget of DESIGN.md, measured next to its floor in the same run.

    uv run python benchmarks/run.py            # the full run (a few minutes)
    uv run python benchmarks/run.py --quick    # fewer repetitions, under a minute
    uv run python benchmarks/run.py --json     # one JSON object keyed by figure

A budget is a ratio to a floor (the same job done by bare polars or a bare Textual app, measured
here, now, on this machine) or an absolute limit. This is a measurement, not a test: the exit
status is 0 whether budgets are met or not. Progress goes to stderr, results to stdout.

Each figure is one function in FIGURES; a figure whose code is not built yet reads "n/a".
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import math
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import polars as pl  # noqa: E402
from adapters import (  # noqa: E402
    EVIDENCE_COLUMNS,
    evidence_reader,
    exported_frame,
    list_exporter,
)

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


# -- the figures ---------------------------------------------------------------------------------


def measure_read_connections(context: Context) -> Result:
    """`read_connections` (sniffing, dates, URL keys, duplicates) vs a bare `pl.read_csv`."""
    from prune.core.reading.connections import read_connections

    path = context.connections_csv
    return paired(
        lambda: read_connections(path.read_bytes()),
        lambda: pl.read_csv(path, skip_lines=context.header_line),
        context.profile.repeats,
    )


def measure_evidence(context: Context) -> Result:
    """The evidence reader on messages.csv vs a bare polars scan of the columns it needs."""
    path = context.messages_csv

    def floor() -> object:
        return pl.scan_csv(path, infer_schema=False).select(EVIDENCE_COLUMNS).collect()

    read = evidence_reader()
    if read is None:
        values = [timed(floor) for _ in range(context.profile.repeats + 1)][1:]
        return Result(None, statistics.median(values) * 1000, NOT_BUILT)
    contacts = context.contacts()
    return paired(lambda: read(context.export, contacts), floor, context.profile.repeats)


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


async def _press(app: Any, pilot: Any, probe: Any, key: str, presses: int) -> list[float]:
    """Seconds from each key event entering the app to the screen update showing its effect.

    The key goes in through the driver's `send_message`, the same call a terminal driver makes
    when it reads a key; the paint is stamped by `PaintProbe` (see paint_probe.py).
    """
    from textual import events

    driver = app._driver
    samples = []
    for _ in range(presses):
        await pilot.pause()
        await asyncio.sleep(PRESS_GAP)
        probe.expect()
        start = time.perf_counter()
        driver.send_message(events.Key(key, key))
        samples.append(await probe.wait() - start)
    return samples


async def _prune_presses(context: Context) -> list[float]:
    from paint_probe import PaintProbe, TimedDisplay

    import prune.tui.app as app_module

    class TimedApp(TimedDisplay, app_module.PruneApp):
        pass

    state = context.fresh_state()
    real_app = app_module.PruneApp
    app_module.PruneApp = TimedApp  # type: ignore[misc]  # make_app builds this subclass
    try:
        app = app_module.make_app(
            data_dir=state, snapshot_id=context.snapshot_id, config_path=context.config
        )
    finally:
        app_module.PruneApp = real_app  # type: ignore[misc]
    app.probe = PaintProbe()
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.probe.watch(app.screen.query_one("#name"))
        return await _press(app, pilot, app.probe, "k", context.profile.presses)


async def _bare_presses(context: Context) -> list[float]:
    from paint_probe import PaintProbe, TimedDisplay
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.widgets import Static

    frame = context.contacts()
    names = [f"{first} {last}" for first, last in frame.select("first_name", "last_name").rows()]

    class BareKeyApp(TimedDisplay, App[None]):
        BINDINGS = [Binding("k", "next", "Next")]
        shown = 0

        def compose(self) -> ComposeResult:
            yield Static(names[0], id="name")

        def action_next(self) -> None:
            self.shown += 1
            self.query_one("#name", Static).update(names[self.shown % len(names)])

    app = BareKeyApp()
    app.probe = PaintProbe()
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        app.probe.watch(app.query_one("#name"))
        return await _press(app, pilot, app.probe, "k", context.profile.presses)


def key_press_samples(context: Context) -> tuple[list[float], list[float]]:
    """Presses of `k` on the real review (30k contacts) and on the bare app, in ms."""
    if "presses" not in context.cache:
        prune = asyncio.run(_prune_presses(context))
        bare = asyncio.run(_bare_presses(context))
        context.cache["presses"] = ([s * 1000 for s in prune], [s * 1000 for s in bare])
    return context.cache["presses"]


def measure_key_press_median(context: Context) -> Result:
    prune, bare = key_press_samples(context)
    return Result(statistics.median(prune), statistics.median(bare), f"{len(prune)} presses")


def measure_key_press_p99(context: Context) -> Result:
    prune, bare = key_press_samples(context)
    return Result(percentile(prune, 0.99), percentile(bare, 0.99), f"{len(prune)} presses")


def measure_decision(context: Context) -> Result:
    """`Store.save_decision` (one committed transaction with its journal entry), p99."""
    from prune.core.state.store import Store

    store = Store.open(context.fresh_state())
    keys = context.contacts()["key"].to_list()[: context.profile.decisions]
    samples = []
    gc.collect()
    for key in keys:
        start = time.perf_counter()
        store.save_decision(key, "keep", verdict="keep")
        samples.append(time.perf_counter() - start)
    store.close()
    median = statistics.median(samples) * 1000
    return Result(percentile(samples, 0.99) * 1000, None, f"median {median:.3f} ms")


def measure_batch_decide(context: Context) -> Result:
    """`Store.decide_batch` on 10,000 contacts: one committed transaction, one journal entry."""
    from prune.core.state.store import Store

    store = Store.open(context.fresh_state())
    keys = context.contacts()["key"].to_list()[:10_000]
    samples, undos = [], []
    for verdict in (["disconnect", "keep"] * context.profile.repeats)[
        : max(3, context.profile.repeats)
    ]:
        samples.append(timed(lambda verdict=verdict: store.decide_batch(keys, verdict)))
        undos.append(timed(lambda: store.undo_latest(any_session=False)))
    store.close()
    undo = statistics.median(undos) * 1000
    note = f"{len(keys):,} contacts; undoing it {undo:.0f} ms"
    return Result(statistics.median(samples) * 1000, None, note)


def measure_filter_keystroke(context: Context) -> Result:
    """A key typed in the workbench's filter box until the filtered list is on screen (p99).

    The query is typed and erased over and over ("acme", "-verdict:keep"), each key through the
    driver as a terminal sends it, its paint stamped by PaintProbe; there is no floor.
    """
    samples = asyncio.run(_filter_keystrokes(context))
    median = statistics.median(samples) * 1000
    return Result(
        percentile(samples, 0.99) * 1000, None, f"{len(samples)} keys, median {median:.1f} ms"
    )


async def _filter_keystrokes(context: Context) -> list[float]:
    from paint_probe import PaintProbe, TimedDisplay
    from textual import events

    import prune.tui.app as app_module

    class TimedApp(TimedDisplay, app_module.PruneApp):
        pass

    real_app = app_module.PruneApp
    app_module.PruneApp = TimedApp  # type: ignore[misc]  # make_app builds this subclass
    try:
        app = app_module.make_app(
            data_dir=context.fresh_state(),
            snapshot_id=context.snapshot_id,
            config_path=context.config,
        )
    finally:
        app_module.PruneApp = real_app  # type: ignore[misc]
    app.probe = PaintProbe()
    typed = [*"acme", *["backspace"] * 4, *"-verdict:keep", *["backspace"] * 13]
    samples = []
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("a", "slash")
        await pilot.pause()
        app.probe.watch(app.screen.query_one("#title"))
        for number in range(max(context.profile.presses // 2, len(typed))):
            key = typed[number % len(typed)]
            await pilot.pause()
            await asyncio.sleep(PRESS_GAP)
            app.probe.expect()
            start = time.perf_counter()
            character = None if key == "backspace" else key
            app._driver.send_message(
                events.Key(key if character is None else _key_name(key), character)
            )
            samples.append(await app.probe.wait() - start)
    return samples


def _key_name(character: str) -> str:
    """Textual's name for a typed character: letters are themselves, "-" and ":" have names."""
    return {"-": "minus", ":": "colon"}.get(character, character)


def measure_contact_list(context: Context) -> Result:
    """`a` in the review until the list of all contacts has painted its first screen.

    Timed in the real headless app from the key to the end of the first screen update that
    shows the list (pilot.pause waits for it); the median of several openings. Pilot's own
    press-and-pause costs more than 100 ms here, so the floor is the same key opening a screen
    with one Static in a bare app, timed the same way: the difference is the list's own cost.
    """
    samples = asyncio.run(_open_contact_list(context))
    floors = asyncio.run(_open_bare_screen(context.profile.repeats))
    return Result(
        statistics.median(samples) * 1000,
        statistics.median(floors) * 1000,
        f"{len(samples)} openings; the list's own cost is value minus floor",
    )


async def _open_bare_screen(repeats: int) -> list[float]:
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.screen import Screen
    from textual.widgets import Footer, Static

    class Bare(Screen[None]):
        BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

        def compose(self) -> ComposeResult:
            yield Static("one line")
            yield Footer()

    class BareApp(App[None]):
        BINDINGS = [Binding("a", "open", "Open")]

        def compose(self) -> ComposeResult:
            yield Static("main")

        def action_open(self) -> None:
            self.push_screen(Bare())

    app = BareApp()
    samples = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(repeats):
            start = time.perf_counter()
            await pilot.press("a")
            await pilot.pause()
            samples.append(time.perf_counter() - start)
            await pilot.press("escape")
            await pilot.pause()
    return samples


async def _open_contact_list(context: Context) -> list[float]:
    from prune.tui.app import make_app
    from prune.tui.screens.contacts_screen import ContactsScreen

    app = make_app(
        data_dir=context.fresh_state(), snapshot_id=context.snapshot_id, config_path=context.config
    )
    samples = []
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(2):
            await app.workers.wait_for_complete()
            await pilot.pause()
        for _ in range(context.profile.repeats):
            start = time.perf_counter()
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, ContactsScreen)
            samples.append(time.perf_counter() - start)
            await pilot.press("escape")
            await pilot.pause()
    return samples


def measure_export(context: Context) -> Result:
    """Writing the disconnect list with every contact on it, vs `write_csv` of the same frame."""
    from prune.core.state.store import Store

    state = context.fresh_state()
    with sqlite3.connect(state / "prune.sqlite3") as db:  # every contact marked disconnect
        db.execute(
            "INSERT INTO decisions (key, verdict, decided_at, updated_at) "
            "SELECT key, 'disconnect', '2026-11-02T09:00:00+00:00', "
            "'2026-11-02T09:00:00+00:00' FROM contacts WHERE snapshot_id = ?",
            (context.snapshot_id,),
        )
    db.close()
    store = Store.open(state)
    frame = exported_frame(store, context.snapshot_id, "disconnect")
    floor_target, target = state / "floor.csv", state / "prune-disconnect.csv"

    def floor() -> object:
        return frame.write_csv(floor_target)

    export = list_exporter()
    try:
        if export is None:
            floors = [timed(floor) for _ in range(context.profile.repeats + 1)][1:]
            return Result(None, statistics.median(floors) * 1000, NOT_BUILT)
        return paired(
            lambda: export(store, context.snapshot_id, "disconnect", target),
            floor,
            context.profile.repeats,
        )
    finally:
        store.close()


def newer_export_of(contacts: pl.DataFrame) -> pl.DataFrame:
    """The same network a month later: 2% gone, 2% new, 1% renamed, 3% changed jobs."""
    size = contacts.height
    numbered = contacts.with_row_index("row")
    gone, renamed, moved = size // 50, size // 100, size * 3 // 100
    kept = numbered.filter(pl.col("row") >= gone)
    kept = kept.with_columns(
        pl.when(pl.col("row") < gone + renamed)
        .then(pl.col(name) + "-renamed")
        .otherwise(pl.col(name))
        .alias(name)
        for name in ("key", "url")
    ).with_columns(
        pl.when(pl.col("row") >= size - moved)
        .then(pl.lit("Somewhere New"))
        .otherwise(pl.col("company"))
        .alias("company")
    )
    new = numbered.head(gone).with_columns(
        (pl.col("key") + "-new").alias("key"),
        (pl.col("url") + "-new").alias("url"),
        (pl.col("first_name") + "x").alias("first_name"),
        pl.lit(None, dtype=pl.String).alias("email"),
    )
    return pl.concat([kept, new]).drop("row")


def measure_changes_diff(context: Context) -> Result:
    """`compare` of two 30k snapshots read from the store, renames included, vs bare joins."""
    from prune.core.state.changes import compare
    from prune.core.state.store import Store

    before = context.contacts()
    after = newer_export_of(before)
    store = Store.open(context.fresh_state())
    try:
        newer = store.record_import(
            contacts=after,
            sha256="benchmark-newer-export",
            source=str(context.export),
            source_kind="folder",
            export_date=None,
            hidden=0,
            duplicates=0,
            files=[],
        ).snapshot
        older = store.snapshot(context.snapshot_id)
        assert older is not None

        def floor() -> object:
            keys_before, keys_after = before.select("key"), after.select("key")
            return (
                before.join(keys_after, on="key", how="anti"),
                after.join(keys_before, on="key", how="anti"),
                before.join(after, on="key", how="inner"),
            )

        result = paired(lambda: compare(store, older, newer), floor, context.profile.repeats)
        renamed = compare(store, older, newer).renamed.height
        result.note = f"{renamed} renames found among {after.height:,} connections"
        return result
    finally:
        store.close()


def measure_peak_memory(context: Context) -> Result:
    """A fresh `prune EXPORT`: import, evidence (once built), session, first card painted."""
    report = launch(
        "rss", str(context.root / "rss-state"), str(context.config), str(context.export)
    )
    note = "" if report["evidence"] else "evidence not built yet, so not included"
    return Result(report["maxrss_mb"], None, note)


FIGURES = [
    Figure(
        "read_connections",
        "read + normalise Connections.csv",
        "ms",
        Budget("≤ 3× floor", max_ratio=3),
        measure_read_connections,
    ),
    Figure(
        "evidence",
        "evidence from messages.csv",
        "ms",
        Budget("< 500 ms and ≤ 2× floor", max_ratio=2, limit=500),
        measure_evidence,
    ),
    Figure(
        "first_card",
        "process start → first card painted",
        "ms",
        Budget("≤ 1.3× floor", max_ratio=1.3),
        measure_first_card,
    ),
    Figure(
        "key_press_median",
        "key press → next card (median)",
        "ms",
        Budget("≤ 2× floor", max_ratio=2),
        measure_key_press_median,
    ),
    Figure(
        "key_press_p99",
        "key press → next card (p99)",
        "ms",
        Budget("< 50 ms", limit=50),
        measure_key_press_p99,
    ),
    Figure(
        "decision_commit",
        "one decision committed, synced to disk (p99)",
        "ms",
        Budget("< 10 ms", limit=10),  # synchronous=FULL: one fsync per decision, invisible by hand
        measure_decision,
    ),
    Figure(
        "batch_decide",
        "10,000 contacts decided as one batch",
        "ms",
        Budget("< 300 ms", limit=300),
        measure_batch_decide,
    ),
    Figure(
        "filter_keystroke",
        "workbench filter: key typed → list painted (p99)",
        "ms",
        Budget("< 30 ms", limit=30),
        measure_filter_keystroke,
    ),
    Figure(
        "contact_list_first_screen",
        "list of all contacts, first screen",
        "ms",
        Budget("< 100 ms", limit=100),
        measure_contact_list,
    ),
    Figure(
        "export_csv",
        "export the disconnect list to CSV",
        "ms",
        Budget("≤ 3× floor", max_ratio=3),
        measure_export,
    ),
    Figure(
        "changes_diff",
        "two snapshots compared, renames included",
        "ms",
        Budget("< 300 ms", limit=300),
        measure_changes_diff,
    ),
    Figure(
        "peak_rss",
        "peak memory (RSS)",
        "MB",
        Budget("< 300 MB", limit=300),
        measure_peak_memory,
    ),
]


# -- running and reporting ---------------------------------------------------------------------


def run(profile: Profile) -> dict[str, dict[str, Any]]:
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="prune-bench-") as scratch:
        context = prepare(profile, Path(scratch))
        for figure in FIGURES:
            say(f"measuring: {figure.label}")
            try:
                result = figure.measure(context)
            except Exception as error:  # one broken figure must not hide the others
                traceback.print_exc(file=sys.stderr)
                result = Result(None, None, f"failed: {type(error).__name__}: {error}")
            ratio = result.value / result.floor if result.value and result.floor else None
            results[figure.key] = {
                "label": figure.label,
                "unit": figure.unit,
                "value": _rounded(result.value),
                "floor": _rounded(result.floor),
                "ratio": _rounded(ratio),
                "budget": figure.budget.text,
                "ok": figure.budget.met(result.value, result.floor),
                "note": result.note,
            }
    return results


def _rounded(number: float | None) -> float | None:
    return None if number is None else round(number, 3)


def _amount(number: float | None, unit: str) -> str:
    if number is None:
        return "—"
    if unit == "MB":
        return f"{number:.0f} MB"
    return f"{number:.3f} ms" if number < 1 else f"{number:.1f} ms"


def table(results: dict[str, dict[str, Any]]) -> str:
    rows = [("figure", "value", "floor", "ratio", "budget", "ok")]
    for entry in results.values():
        value = _amount(entry["value"], entry["unit"])
        if entry["value"] is None and entry["note"]:
            value = entry["note"]
        ratio = "—" if entry["ratio"] is None else f"{entry['ratio']:.2f}×"
        ok = {True: "yes", False: "NO", None: "—"}[entry["ok"]]
        rows.append(
            (
                entry["label"],
                value,
                _amount(entry["floor"], entry["unit"]),
                ratio,
                entry["budget"],
                ok,
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = [
        " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    notes = [
        f"  {entry['label']}: {entry['note']}"
        for entry in results.values()
        if entry["note"] and entry["value"] is not None
    ]
    return "\n".join(lines + (["", "notes:", *notes] if notes else []))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure prune's budgets next to their floors.")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (under a minute)")
    parser.add_argument("--json", action="store_true", help="print one JSON object by figure")
    parser.add_argument("--tiny", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    name = "tiny" if args.tiny else "quick" if args.quick else "full"
    started = time.perf_counter()
    results = run(PROFILES[name])
    wall = time.perf_counter() - started
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        print(table(results))
        print(f"\n{name} run, {os.cpu_count()} cores, {wall:.0f} s wall time")
    say(f"{name} run done in {wall:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
