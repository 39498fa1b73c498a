"""Every performance budget of DESIGN.md, measured next to its floor in the same run.

    uv run python benchmarks/run.py            # the full run (a few minutes)
    uv run python benchmarks/run.py --quick    # fewer repetitions, under a minute
    uv run python benchmarks/run.py --json     # one JSON object keyed by figure
    uv run python benchmarks/run.py --quick --size 3000        # another network size
    uv run python benchmarks/run.py --quick --only export_csv  # some figures only

README.md beside this file says, figure by figure, what is measured, against which floor and why
that floor, and the budget.

A budget is a ratio to a floor (the same job done by bare polars or a bare Textual app, measured
here, now, on this machine) or an absolute limit. This is a measurement, not a test: the exit
status is 0 whether budgets are met or not. Progress goes to stderr, results to stdout.

Each figure is one function in FIGURES; a figure whose code is not built yet reads "n/a".
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from common import PROFILES, Budget, Figure, Profile, Result, at_size, prepare, say  # noqa: E402
from figures_app import (  # noqa: E402
    measure_contact_list,
    measure_filter_keystroke,
    measure_key_press_median,
    measure_key_press_p99,
)
from figures_data import (  # noqa: E402
    measure_batch_decide,
    measure_changes_diff,
    measure_decision,
    measure_evidence,
    measure_export,
    measure_read_connections,
)
from figures_launch import measure_first_card, measure_peak_memory  # noqa: E402

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
        Budget("< 500 ms and ≤ 2.5× floor", max_ratio=2.5, limit=500),
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
        Budget("≤ 1.5× floor", max_ratio=1.5),
        measure_key_press_median,
    ),
    Figure(
        "key_press_p99",
        "key press → next card (p99)",
        "ms",
        Budget("< 25 ms", limit=25),
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
        "workbench filter: key typed → list painted (median)",
        "ms",
        Budget("< 30 ms", limit=30),
        measure_filter_keystroke,
    ),
    Figure(
        "contact_list_first_screen",
        "list of all contacts, first screen",
        "ms",
        Budget("≤ 1.25× floor", max_ratio=1.25),
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
        Budget("< 250 MB", limit=250),
        measure_peak_memory,
    ),
]


# -- running and reporting ---------------------------------------------------------------------


def run(profile: Profile, only: set[str] | None = None) -> dict[str, dict[str, Any]]:
    """Every figure (or those keyed in `only`) on one synthetic export of `profile`'s size."""
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="prune-bench-") as scratch:
        context = prepare(profile, Path(scratch))
        for figure in FIGURES:
            if only is not None and figure.key not in only:
                continue
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
    parser.add_argument(
        "--size",
        type=int,
        metavar="CONNECTIONS",
        help="connections in the synthetic export, with ten messages each (default 30000)",
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=[figure.key for figure in FIGURES],
        metavar="FIGURE",
        help="measure this figure only (repeatable): " + ", ".join(f.key for f in FIGURES),
    )
    parser.add_argument("--tiny", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    name = "tiny" if args.tiny else "quick" if args.quick else "full"
    profile = PROFILES[name]
    if args.size is not None:
        if args.size < 10:
            parser.error("--size needs at least 10 connections")
        profile = at_size(profile, args.size)
        name += f" ({args.size:,} connections)"
    started = time.perf_counter()
    results = run(profile, set(args.only) if args.only else None)
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
