"""What `prune import` and `prune stats` report, as data for `--json` and as lines for people."""

from __future__ import annotations

from typing import Any

from prune.core.importing import ImportReport
from prune.core.store import Store


def import_summary(report: ImportReport) -> dict[str, Any]:
    """The facts of one import, as plain data."""
    snapshot = report.outcome.snapshot
    connections = report.parsed.connections
    return {
        "snapshot": snapshot.id,
        "already_imported": report.outcome.already_imported,
        "source": snapshot.source,
        "export_date": snapshot.export_date,
        "connections": connections.contacts.height,
        "hidden": connections.hidden,
        "duplicates_merged": connections.duplicates,
        "first_connected_on": snapshot.first_connected_on,
        "last_connected_on": snapshot.last_connected_on,
        "files": report.parsed.files.file_names(),
        "decisions_carried_over": report.outcome.carried_decisions,
    }


def import_summary_lines(report: ImportReport) -> list[str]:
    """The same facts, worded for a person."""
    facts = import_summary(report)
    if facts["already_imported"]:
        lines = [
            f"Already imported as snapshot {facts['snapshot']} "
            f"({report.outcome.snapshot.imported_at}): nothing changed."
        ]
        if report.outcome.relinked:
            lines.append("The snapshot now points at this fuller archive for evidence.")
        return lines
    lines = [
        f"Imported snapshot {facts['snapshot']} from {facts['source']}",
        f"  connections to review  {facts['connections']}",
        f"  hidden members         {facts['hidden']} (date only: counted, never reviewed)",
        f"  duplicates merged      {facts['duplicates_merged']}",
        f"  connected between      {facts['first_connected_on']} and {facts['last_connected_on']}",
        f"  files found            {', '.join(facts['files'])}",
    ]
    if facts["decisions_carried_over"]:
        lines.append(f"  decisions carried over {facts['decisions_carried_over']}")
    return lines


def state_summary(store: Store) -> dict[str, Any]:
    """The state of the latest snapshot, for `prune stats`."""
    snapshots = store.snapshots()
    latest = snapshots[-1] if snapshots else None
    counts = (
        store.counts(latest.id).as_dict()
        if latest
        else {
            "keep": 0,
            "disconnect": 0,
            "later": 0,
            "undecided": 0,
        }
    )
    return {
        "connections": latest.connections if latest else 0,
        "hidden": latest.hidden if latest else 0,
        "snapshots": len(snapshots),
        "first_connected_on": latest.first_connected_on if latest else None,
        "last_connected_on": latest.last_connected_on if latest else None,
        "decisions": counts,
        "latest_snapshot": None
        if latest is None
        else {
            "id": latest.id,
            "imported_at": latest.imported_at,
            "export_date": latest.export_date,
            "source": latest.source,
            "files": latest.files,
        },
    }


def state_summary_lines(summary: dict[str, Any]) -> list[str]:
    if not summary["snapshots"]:
        return ["No export imported yet: run `prune import PATH` (see prune --help)."]
    decisions = summary["decisions"]
    reviewed = decisions["keep"] + decisions["disconnect"]
    return [
        f"Connections   {summary['connections']} (+{summary['hidden']} hidden members)",
        f"Connected     {summary['first_connected_on']} to {summary['last_connected_on']}",
        f"Snapshots     {summary['snapshots']}",
        f"Reviewed      {reviewed} of {summary['connections']}: keep {decisions['keep']}, "
        f"disconnect {decisions['disconnect']}, later {decisions['later']}, "
        f"undecided {decisions['undecided']}",
    ]
