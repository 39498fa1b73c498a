"""`prune invitations` and `prune nurture`: after the pruning, who waits to connect and who is
due a word from you. Both read the latest snapshot; `--ics` writes atomically and privately.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

import polars as pl

from prune.cli.commands.opening import load_settings, open_store
from prune.cli.exit_codes import EXIT_OK
from prune.cli.guidance import GET_EXPORT_HELP
from prune.core.evidence.cache import load_or_compute
from prune.core.invitations.listing import InvitationList, invitation_list
from prune.core.lists.atomic_write import check_target, write_atomically
from prune.core.nurture.calendar import nurture_calendar
from prune.core.nurture.listing import nurture_list


def run_invitations(args: argparse.Namespace) -> int:
    """Every pending invitation with its decision, as lines or one JSON array."""
    config = load_settings(args)
    with open_store(args, write=True) as store:
        snapshot = store.latest_snapshot()
        if snapshot is None:
            print(GET_EXPORT_HELP)
            return EXIT_OK
        pending = invitation_list(
            store, snapshot, today=date.today(), stale_after=config.stale_after
        )
    for notice in pending.notices:
        print(f"prune: {notice}", file=sys.stderr)
    if args.json:
        print(json.dumps(pending.as_json(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(invitation_lines(pending, config.stale_after.describe())))
    return EXIT_OK


def invitation_lines(pending: InvitationList, stale: str) -> list[str]:
    """The invitations for a person to read: incoming, then outgoing, each with its note."""
    lines: list[str] = []
    for direction, heading in (("incoming", "Waiting for you"), ("outgoing", "Sent by you")):
        rows = pending.frame.filter(pl.col("direction") == direction)
        stale_count = rows.filter(pl.col("stale")).height
        extra = f", {stale_count} older than {stale}: withdraw them" if stale_count else ""
        lines.append(f"{heading}: {rows.height} pending{extra}")
        for row in rows.iter_rows(named=True):
            sent = row["sent_at"].date().isoformat() if row["sent_at"] else "date unknown"
            decision = row["decision"] or "undecided"
            parts = [row["name"] or "(no name)", sent, decision, row["url"] or "no profile URL"]
            lines.append("  " + " · ".join(parts))
            if row["flags"]:
                lines.append(f"    flags: {row['flags']}")
            if row["message"]:
                lines.append("    note: " + " ".join(row["message"].split()))
    if pending.accepted_since:
        noun = "person" if pending.accepted_since == 1 else "people"
        lines.append(f"{pending.accepted_since} {noun} you decided about have since connected.")
    return lines


def run_nurture(args: argparse.Namespace) -> int:
    """The kept contacts, least recently in touch first; or a calendar of them with `--ics`."""
    config = load_settings(args)
    if args.ics is not None:
        check_target(args.ics, force=args.force)  # refuse a bad path before any work
    today = date.today()
    with open_store(args, write=False) as store:
        snapshot = store.latest_snapshot()
        if snapshot is None:
            print(GET_EXPORT_HELP)
            return EXIT_OK
        contacts = store.contacts(snapshot.id)
        evidence = load_or_compute(store.path.parent, snapshot, contacts)
        frame = nurture_list(store, snapshot.id, evidence.frame, config.cadences, today=today)
    if args.due:
        frame = frame.filter(pl.col("due"))
    if args.ics is not None:
        data = nurture_calendar(frame, config.cadences, today=today)
        written = write_atomically(args.ics, data, force=args.force)
        events = data.count(b"BEGIN:VEVENT")
        left = frame.height - events
        note = f" ({left} never due left out)" if left else ""
        print(f"Wrote {events} reminder{'s' if events != 1 else ''} to {written}{note}")
        return EXIT_OK
    if args.json:
        print(json.dumps(nurture_json(frame), indent=2, ensure_ascii=False))
        return EXIT_OK
    due = frame.filter(pl.col("due")).height
    print(f"{frame.height} kept contact{'s' if frame.height != 1 else ''}, {due} due now")
    for row in frame.iter_rows(named=True):
        last = row["last_interaction"].isoformat() if row["last_interaction"] else "never"
        parts = ["due" if row["due"] else "   ", row["tier"], row["name"] or "(no name)"]
        parts.append(f"last in touch {last}")
        if row["reached_out"]:
            parts.append(f"reached out {row['reached_out'].isoformat()}")
        if row["url"]:
            parts.append(row["url"])
        print("  " + " · ".join(parts))
    return EXIT_OK


def nurture_json(frame: pl.DataFrame) -> list[dict[str, object]]:
    """name, url, tier, last_interaction, due, reached_out per contact; dates as ISO text."""
    rows = frame.select(
        "name",
        "url",
        "tier",
        pl.col("last_interaction").dt.to_string("%Y-%m-%d"),
        "due",
        pl.col("reached_out").dt.to_string("%Y-%m-%d"),
    )
    return list(rows.iter_rows(named=True))
