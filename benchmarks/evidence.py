"""How long the archive's evidence takes, and how much memory, at LinkedIn's full size.

    uv run python benchmarks/evidence.py [--connections 30000] [--messages 300000] [--zip]

Writes the invented sample export, then times (best of several runs, after one warm-up) reading
every side file into evidence, and the card insights from it, next to a floor measured in the
same run: a bare `polars.read_csv` of the same messages.csv. Peak memory is taken in a fresh
process that only imports prune and computes the evidence once. The budget (DESIGN.md) is
0.5 s and 300 MB; nothing here asserts it, the numbers are for people to read.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

from prune.core.evidence.card_insights import insights
from prune.core.evidence.collect import compute_evidence
from prune.core.reading.archive import open_export
from prune.core.reading.connections import read_connections
from prune.demo import EXPORT_DATE, write_sample_export

_PEAK_PROBE = """
import json, sys
from pathlib import Path
from prune.core.reading.archive import open_export
from prune.core.reading.connections import read_connections
from prune.core.evidence.collect import compute_evidence


def high_water_mb():  # VmHWM: this process's peak resident memory (unlike ru_maxrss, which
    # a child started with fork and exec inherits from its parent)
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


files = open_export(Path(sys.argv[1]))
contacts = read_connections(files.read("connections.csv")).contacts
before = high_water_mb()
evidence = compute_evidence(files, contacts)
print(json.dumps({"before_mb": before, "peak_mb": high_water_mb()}))
"""


def best_of(runs: int, action) -> float:  # type: ignore[no-untyped-def]
    action()  # warm-up: imports, caches, the page cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=30_000)
    parser.add_argument("--messages", type=int, default=300_000)
    parser.add_argument("--zip", action="store_true", help="read from the zip, not a folder")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="prune-bench-") as scratch:
        export = write_sample_export(
            Path(scratch),
            connections=args.connections,
            messages=args.messages,
            as_zip=args.zip,
        )
        files = open_export(export)
        contacts = read_connections(files.read("connections.csv")).contacts
        raw = files.read("messages.csv")
        assert raw is not None

        floor = best_of(
            args.runs, lambda: pl.read_csv(io.BytesIO(raw), infer_schema=False, quote_char='"')
        )
        evidence = compute_evidence(files, contacts)
        timed = best_of(args.runs, lambda: compute_evidence(files, contacts))
        cards = best_of(args.runs, lambda: insights(evidence, today=EXPORT_DATE))
        probe = subprocess.run(
            [sys.executable, "-c", _PEAK_PROBE, str(export)],
            capture_output=True,
            text=True,
            check=True,
        )
        memory = json.loads(probe.stdout)

    print(f"export: {args.connections} connections, {args.messages} messages")
    print(f"  ({'zip' if args.zip else 'folder'}; {evidence.contacts_with_messages} contacts")
    print(f"   with messages, {len(evidence.files_used)} side files)")
    print(f"bare polars.read_csv of messages.csv  {floor * 1000:7.0f} ms   (floor)")
    print(f"compute_evidence, every side file      {timed * 1000:7.0f} ms   (budget 500 ms)")
    print(f"insights for the cards                 {cards * 1000:7.0f} ms")
    print(
        f"peak memory computing evidence         {memory['peak_mb']:7.0f} MB   "
        f"(of which {memory['before_mb']:.0f} MB before it; budget 300 MB)"
    )


if __name__ == "__main__":
    main()
