"""`prune changes`: who disappeared, who is new and who changed jobs between two snapshots."""

from __future__ import annotations

import argparse
import json

from prune.cli.commands.opening import open_store
from prune.cli.exit_codes import EXIT_OK
from prune.core.state.changes import change_lines, compare, pick_snapshots


def run_changes(args: argparse.Namespace) -> int:
    """Compare `--from` with `--to` (by default the two latest snapshots)."""
    with open_store(args) as store:
        older, newer = pick_snapshots(store, args.older, args.newer)
        changes = compare(store, older, newer)
    if args.json:
        print(json.dumps(changes.as_dict(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(change_lines(changes)))
    return EXIT_OK
