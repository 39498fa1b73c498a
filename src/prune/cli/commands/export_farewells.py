"""`prune export` and `prune farewells`: what the decisions produced, printed or written to a file.

Both refuse an unusable `--out` before doing any work, and write files atomically and privately.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from prune.cli.commands.decide_undo import chosen_query, matches_of, refuse_past
from prune.cli.commands.opening import load_settings, open_store
from prune.cli.exit_codes import EXIT_OK
from prune.cli.guidance import GET_EXPORT_HELP, NO_DISCONNECTS_YET, NOTHING_TO_EXPORT
from prune.core.config import Config
from prune.core.errors import ExportError
from prune.core.farewell.followthrough import farewell_document, farewell_rows, message_renderer
from prune.core.invitations.listing import invitation_list
from prune.core.lists.atomic_write import check_target, write_atomically
from prune.core.lists.formats import ListExport, check_choices, prepare_export
from prune.core.lists.selection import INVITATION_LISTS, LISTS


def run_farewells(args: argparse.Namespace) -> int:
    """One block per disconnect: name, profile URL and the message, as a plain-text document."""
    config = load_settings(args)
    if args.tone is not None and args.tone not in config.tones:
        raise ExportError(
            f"there is no tone called {args.tone!r}: choose one of {', '.join(config.tones)}."
        )
    if args.out is not None:
        check_target(args.out, force=args.force)  # refuse a bad path before any work
    with open_store(args, write=False) as store:
        snapshot = store.latest_snapshot()
        if snapshot is None:
            print(GET_EXPORT_HELP)
            return EXIT_OK
        settings = config.farewell_settings(snapshot, date.today())
        rows = farewell_rows(store, snapshot.id, settings, tone=args.tone)
    if not rows:
        print(NO_DISCONNECTS_YET)
        return EXIT_OK
    document = farewell_document(rows, tone=args.tone)
    if args.out is None:
        sys.stdout.write(document)
        return EXIT_OK
    write_atomically(args.out, document.encode(), force=args.force)
    print(f"Wrote {len(rows)} farewell message{'s' if len(rows) != 1 else ''} to {args.out}")
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    """One list in one format, to standard output or `--out`; the summary goes to stderr.

    `--where QUERY` (or `--saved NAME`) keeps the contacts it matches; alone it searches every
    contact."""
    config = load_settings(args)
    args.where = chosen_query(args, config)
    if args.where is not None:
        refuse_past(args.where, "they have a list of their own: use --list past")
    if args.which is None:
        args.which = "all" if args.where else "disconnect"
    check_choices(args.which, args.fmt, excel=args.excel)
    if args.where and args.which not in LISTS:
        raise ExportError(
            f"--where picks among the contacts of the latest export: use it with --list "
            f"{', '.join(LISTS)}, not {args.which}"
        )
    if args.out is not None:
        check_target(args.out, force=args.force)  # refuse a bad path before any work
    export = _prepare(args, config)
    warning = export.shared_names_warning()
    if warning is not None:
        print(f"prune: {warning}", file=sys.stderr)
    if args.out is None:
        sys.stdout.buffer.write(export.data)
        sys.stdout.buffer.flush()
        if export.left_out or not export.contacts:
            print(export.summary(), file=sys.stderr)
    else:
        written = export.write(args.out, force=args.force)
        print(export.summary(written), file=sys.stderr)
    return EXIT_OK


def _prepare(args: argparse.Namespace, config: Config) -> ListExport:
    """The chosen list of the latest snapshot, with every unedited farewell rendered."""
    with open_store(args, write=False) as store:
        snapshot = store.latest_snapshot()
        if snapshot is None:
            raise ExportError(NOTHING_TO_EXPORT)
        invitations = None
        if args.which in INVITATION_LISTS:
            pending = invitation_list(
                store,
                snapshot,
                today=date.today(),
                stale_after=config.stale_after,
                record_accepts=False,  # an export only reads, even while a review runs
            )
            for notice in pending.notices:
                print(f"prune: {notice}", file=sys.stderr)
            invitations = pending.frame
        only = None if not args.where else matches_of(store, snapshot, args.where).keys
        return prepare_export(
            store,
            snapshot.id,
            args.which,
            args.fmt,
            excel=args.excel,
            only=only,
            messages=message_renderer(config.farewell_settings(snapshot, date.today())),
            invitations=invitations,
        )
