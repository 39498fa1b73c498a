"""What the benchmark runs in a fresh process: an app from its first line to its first paint.

    python benchmarks/launch.py bare                    # the floor: textual + polars, one Static
    python benchmarks/launch.py prune DATA_DIR CONFIG   # `prune` resuming the latest snapshot
    python benchmarks/launch.py rss DATA_DIR CONFIG EXPORT

Each prints one JSON line once the app has exited: `painted`, the `time.monotonic()` reading taken
when the first card (or the floor's Static) reached the screen; `cpu`, the process's CPU time at
that moment; `maxrss_mb`, its peak resident memory. CLOCK_MONOTONIC is one clock shared by every
process of the machine (Linux, macOS), so the parent subtracts its own reading taken just before
spawning this process: the figure covers interpreter start-up, imports, opening the store, loading
the session and painting, as a user's `prune` does.

`prune` and `rss` go through `prune.cli.main.main`, exactly as the `prune` command does; the only
changes are benchmark subclasses swapped in for the app (headless, fixed size, timed display) and
the review screen (starts the probe when the loaded session is painted). `rss` imports EXPORT first
and, once the evidence reader exists, reads the evidence of its messages too.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from typing import Any

SIZE = (120, 36)


CPU_AT_PAINT: list[float] = []


def _painted(app: Any) -> None:
    """Note the CPU time used so far (steadier than wall time on a busy machine) and quit."""
    CPU_AT_PAINT.append(time.process_time())
    app.exit()


def run_bare() -> float | None:
    import polars  # noqa: F401  (the floor imports both libraries prune is built on)
    from paint_probe import PaintProbe, TimedDisplay
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    probe = PaintProbe(time.monotonic)

    class BareApp(TimedDisplay, App[None]):
        def compose(self) -> ComposeResult:
            static = Static("Ana Doe · Chief Technology Officer · Acme")
            probe.watch(static)
            probe.expect()
            probe.changed()
            yield static

    app = BareApp()
    app.probe = probe
    probe.on_paint = lambda: _painted(app)
    app.run(headless=True, size=SIZE)
    return probe.painted_at


def run_prune(argv: list[str]) -> float | None:
    from paint_probe import PaintProbe, TimedDisplay

    import prune.tui.app as app_module
    from prune import cli
    from prune.tui.screens.review_screen import ReviewScreen

    probe = PaintProbe(time.monotonic)

    class TimedReviewScreen(ReviewScreen):
        def _loaded(self, session: Any) -> None:
            probe.watch(self.query_one("#rows"))
            probe.expect()
            super()._loaded(session)

    class TimedPruneApp(TimedDisplay, app_module.PruneApp):
        def __init__(self, **options: Any) -> None:
            super().__init__(**options)
            self.probe = probe
            probe.on_paint = lambda: _painted(self)

        def run(self, **_: Any) -> Any:  # the CLI calls run(); stay headless, at a fixed size
            return super().run(headless=True, size=SIZE)

    app_module.PruneApp = TimedPruneApp  # type: ignore[misc]
    app_module.ReviewScreen = TimedReviewScreen  # type: ignore[misc]
    status = cli.main(argv)
    if status != 0:
        raise SystemExit(f"prune exited with status {status}")
    return probe.painted_at


def main(argv: list[str]) -> None:
    mode = argv[0]
    held: object = None
    if mode == "bare":
        painted = run_bare()
    elif mode == "prune":
        painted = run_prune(["--data-dir", argv[1], "--config", argv[2]])
    elif mode == "rss":
        from pathlib import Path

        from adapters import evidence_reader

        read_evidence = evidence_reader()
        if read_evidence is not None:
            from prune.core.state.importing import parse_export

            contacts = parse_export(Path(argv[3])).connections.contacts
            held = read_evidence(Path(argv[3]), contacts)  # kept alive, as the app keeps it
            del contacts
        painted = run_prune(["--data-dir", argv[1], "--config", argv[2], argv[3]])
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    report = {
        "painted": painted,
        "cpu": CPU_AT_PAINT[0] if CPU_AT_PAINT else None,
        "maxrss_mb": peak_rss_mb(),
        "evidence": held is not None,
    }
    print(json.dumps(report))


def peak_rss_mb() -> float:
    """Peak resident memory of this process since it started.

    On Linux `ru_maxrss` survives `exec`: a child spawned by a parent holding 300 MB reports at
    least that much. VmHWM is the high-water mark of this program's own memory map.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes vs KiB


if __name__ == "__main__":
    main(sys.argv[1:])
