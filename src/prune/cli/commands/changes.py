"""`prune changes`: who disappeared, who is new, who changed jobs and who was renamed."""

from __future__ import annotations

import argparse
import json

from prune.cli.commands.opening import open_store
from prune.cli.exit_codes import EXIT_OK
from prune.core.evidence.purge_hint import purge_hint
from prune.core.state.changes import change_lines, compare, pick_snapshots


def run_changes(args: argparse.Namespace) -> int:
    """Compare `--from` with `--to` (by default the two latest snapshots)."""
    with open_store(args, write=False) as store:
        older, newer = pick_snapshots(store, args.older, args.newer)
        changes = compare(store, older, newer)
        hint = purge_hint(changes, store.contacts(older.id))
    if args.json:
        facts = changes.as_dict() | {"purge_hint": hint.as_dict() if hint else None}
        print(json.dumps(facts, indent=2, ensure_ascii=False, default=str))
    else:
        print("\n".join(change_lines(changes, [hint.text] if hint else None)))
    return EXIT_OK
