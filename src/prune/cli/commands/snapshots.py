"""`prune snapshots` and `prune forget`: every export kept, and removing one of them."""

from __future__ import annotations

import argparse
import json
import sys

from prune.cli.commands.opening import open_store
from prune.cli.exit_codes import EXIT_OK
from prune.core.errors import ExportError
from prune.core.evidence.cache import cache_paths
from prune.core.state.snapshots import (
    forget_snapshot,
    snapshot_facts,
    snapshot_label,
    snapshot_lines,
    snapshot_to_forget,
)


def run_snapshots(args: argparse.Namespace) -> int:
    """Every import, oldest first, labelled by the day of its export."""
    with open_store(args, write=False) as store:
        snapshots = store.snapshots()
    if args.json:
        facts = [snapshot_facts(snapshot) for snapshot in snapshots]
        print(json.dumps(facts, indent=2, ensure_ascii=False))
    else:
        print("\n".join(snapshot_lines(snapshots)))
    return EXIT_OK


def run_forget(args: argparse.Namespace) -> int:
    """Remove one snapshot after the user confirms (or `--yes`); the latest is refused."""
    with open_store(args, write=True) as store:
        snapshot = snapshot_to_forget(store, args.snapshot)
        what = (
            f"snapshot {snapshot.id} (export of {snapshot_label(snapshot)}, "
            f"{snapshot.connections:,} connections)"
        )
        if not args.yes and not _confirmed(f"Forget {what}? Decisions, notes and farewells stay."):
            print("Nothing forgotten.")
            return EXIT_OK
        forget_snapshot(store, snapshot.id)
        for path in cache_paths(store.path.parent, snapshot.id):
            path.unlink(missing_ok=True)
    print(f"Forgot {what}.")
    return EXIT_OK


def _confirmed(question: str) -> bool:
    """Ask on the terminal; without one, refuse rather than guess (`--yes` says it outright)."""
    if not sys.stdin.isatty():
        raise ExportError("forgetting a snapshot needs a yes: run it in a terminal, or add --yes")
    answer = input(f"{question} [y/N] ")
    return answer.strip().lower() in ("y", "yes")
