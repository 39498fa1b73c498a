"""What `prune import` and `prune stats` report, as data for `--json` and as lines for people."""

from __future__ import annotations

from typing import Any

import polars as pl

from prune.core.evidence.cache import load_evidence, load_or_compute
from prune.core.evidence.collect import Evidence
from prune.core.reading.connections import Connections
from prune.core.reading.placeholders import describe_placeholders
from prune.core.review.overview import by_year, top_companies
from prune.core.state.importing import ImportReport
from prune.core.state.store import Store


def evidence_summary(evidence: Evidence | None) -> dict[str, Any]:
    """What the archive's side files gave: totals (None when unknown) and the files used."""
    return {
        "messages": None if evidence is None else evidence.messages,
        "sponsored_messages_left_out": None if evidence is None else evidence.sponsored_messages,
        "contacts_with_messages": None if evidence is None else evidence.contacts_with_messages,
        "evidence_files": [] if evidence is None else list(evidence.files_used),
    }


def _evidence_line(facts: dict[str, Any], notices_follow: bool = True) -> str:
    if not facts["evidence_files"]:
        return "none: profile flags only" + (" (see the notices)" if notices_follow else "")
    text = ""
    if facts["messages"] is not None:
        sponsored = facts["sponsored_messages_left_out"]
        left_out = f" ({sponsored} sponsored left out)" if sponsored else ""
        text = (
            f"{facts['messages']} messages{left_out}, with {facts['contacts_with_messages']} "
            "of your connections; "
        )
    return text + "from " + ", ".join(facts["evidence_files"])


def import_summary(report: ImportReport, evidence: Evidence | None = None) -> dict[str, Any]:
    """The facts of one import, as plain data (with the evidence, when it was read)."""
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
        "rows_cut_short": connections.cut_rows,
        # Spreadsheet placeholder cells (NA, N/A, #N/A, -) read as empty, by placeholder
        "placeholders_read_as_empty": dict(connections.placeholders),
        "first_connected_on": snapshot.first_connected_on,
        "last_connected_on": snapshot.last_connected_on,
        "files": report.parsed.files.file_names(),
        "decisions_carried_over": report.outcome.carried_decisions,
        # People found under a new profile URL; their decision, note and farewell followed them
        "renamed": report.renamed.select(
            pl.col("old_url").alias("from"), pl.col("new_url").alias("to"), "matched_by"
        ).to_dicts(),
        **evidence_summary(evidence),
        "notices": [] if evidence is None else list(evidence.notices),
    }


def import_summary_lines(report: ImportReport, evidence: Evidence | None = None) -> list[str]:
    """The same facts, worded for a person; one line per evidence notice at the end.

    The notices are said when the export is first imported (or pointed at a new archive);
    importing the same export again repeats none.
    """
    facts = import_summary(report, evidence)
    notices = [f"Notice: {notice}" for notice in facts["notices"]]
    if facts["already_imported"]:
        lines = [
            f"Already imported as snapshot {facts['snapshot']} "
            f"({report.outcome.snapshot.imported_at}): nothing changed."
        ]
        if not report.outcome.relinked:
            return lines
        return [*lines, "The snapshot now points at this archive for evidence.", *notices]
    lines = [
        f"Imported snapshot {facts['snapshot']} from {facts['source']}",
        f"  connections to review  {facts['connections']}",
        f"  hidden members         {facts['hidden']} (date only: counted, never reviewed)",
        f"  duplicates merged      {facts['duplicates_merged']}",
        *_placeholder_lines(facts),
        f"  connected between      {facts['first_connected_on']} and {facts['last_connected_on']}",
        f"  files found            {', '.join(facts['files'])}",
    ]
    if evidence is not None:
        lines.append(f"  evidence               {_evidence_line(facts)}")
    if facts["decisions_carried_over"]:
        lines.append(f"  decisions carried over {facts['decisions_carried_over']}")
    if facts["renamed"]:
        lines.append(
            f"  renamed, followed      {len(facts['renamed'])} (new profile URL, same person)"
        )
    cut = _cut_rows_line(report.parsed.connections)
    return lines + ([f"Notice: {cut}"] if cut else []) + notices


def _cut_rows_line(connections: Connections) -> str:
    """The rows of Connections.csv left out because they were cut short, in one sentence."""
    count = connections.cut_rows
    if not count:
        return ""
    where = " at the end" if count == 1 and connections.last_row_cut else ""
    rows, verb = ("1 row", "was") if count == 1 else (f"{count} rows", "were")
    return (
        f"{rows}{where} looked cut short and {verb} left out "
        "(if the download stopped early, download the export again)."
    )


def _placeholder_lines(facts: dict[str, Any]) -> list[str]:
    said = describe_placeholders(facts["placeholders_read_as_empty"])
    return [f"  spreadsheet blanks     {said} (a spreadsheet wrote them)"] if said else []


def state_summary(store: Store) -> dict[str, Any]:
    """The state of the latest snapshot, for `prune stats`.

    The evidence comes from the cache beside the state file, or is read from the export (and
    cached) the first time. Cached notices were said at import, so only fresh ones are marked
    to be said again (`new_evidence_notices`).
    """
    snapshots = store.snapshots()
    latest = snapshots[-1] if snapshots else None
    evidence = None
    cached = False
    contacts = None
    if latest is not None:
        contacts = store.contacts(latest.id)
        evidence = load_evidence(store.path.parent, latest)
        cached = evidence is not None
        if evidence is None:
            evidence = load_or_compute(store.path.parent, latest, contacts)
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
        "by_year": {} if contacts is None else by_year(contacts),
        "top_companies": [] if contacts is None else [list(t) for t in top_companies(contacts)],
        **evidence_summary(evidence),
        "evidence_notices": [] if evidence is None else list(evidence.notices),
        "new_evidence_notices": [] if evidence is None or cached else list(evidence.notices),
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
        f"Evidence      {_evidence_line(summary, bool(summary['new_evidence_notices']))}",
        *_wrapped("Per year      ", [f"{year} {n}" for year, n in summary["by_year"].items()]),
        *_wrapped("Top companies ", [f"{name} {n}" for name, n in summary["top_companies"][:5]]),
        *(f"Notice: {notice}" for notice in summary["new_evidence_notices"]),
    ]


def _wrapped(heading: str, parts: list[str], width: int = 80) -> list[str]:
    """`heading` then the parts joined by " · ", on as many lines as `width` columns need."""
    lines: list[str] = []
    line = ""
    for part in parts:
        if line and len(heading) + len(line) + len(" · ") + len(part) > width:
            lines.append(line)
            line = part
        else:
            line = f"{line} · {part}" if line else part
    if line:
        lines.append(line)
    indent = " " * len(heading)
    return [(heading if index == 0 else indent) + text for index, text in enumerate(lines)]
