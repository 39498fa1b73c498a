"""`prune import` records an export as a snapshot; `prune stats` describes the current state."""

from __future__ import annotations

import argparse
import json

from prune.cli.commands.opening import open_store
from prune.cli.exit_codes import EXIT_OK
from prune.cli.reports import (
    import_summary,
    import_summary_lines,
    state_summary,
    state_summary_lines,
)
from prune.core.evidence.cache import import_evidence
from prune.core.paths import data_dir
from prune.core.state.importing import parse_export, record_export


def run_import(args: argparse.Namespace) -> int:
    """Parse first, so that bad input leaves no state behind; then record, then read evidence."""
    parsed = parse_export(args.path)
    with open_store(args) as store:
        report = record_export(store, parsed)
    evidence = import_evidence(data_dir(args.data_dir), report)
    if args.json:
        print(json.dumps(import_summary(report, evidence), indent=2))
    else:
        print("\n".join(import_summary_lines(report, evidence)))
    return EXIT_OK


def run_stats(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        summary = state_summary(store)
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print("\n".join(state_summary_lines(summary)))
    return EXIT_OK
