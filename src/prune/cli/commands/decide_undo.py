"""`prune decide VERDICT --where QUERY` and `prune undo`: many contacts at once, and stepping back.

`--saved NAME` stands for the query saved under that name in the config's `[filters]`. Past
connections cannot be decided (they are no longer connected): a query asking for them is refused.

A decide is one batch: one transaction and one journal entry, so one `prune undo` restores every
contact in it, answers and notes included. `prune undo` undoes the latest single decision or
batch of any session: it holds the writer lock, so no review is running to lose its own undo.
"""

from __future__ import annotations

import argparse
import json
import sys

from prune.cli.commands.opening import load_settings, open_store
from prune.cli.exit_codes import EXIT_OK
from prune.cli.guidance import GET_EXPORT_HELP
from prune.core.config import Config
from prune.core.errors import ExportError
from prune.core.model import Verdict
from prune.core.review.matching import Matches, contacts_matching
from prune.core.review.query import QueryError, asks_for_past
from prune.core.state.store import Snapshot, Store, Undone

UNDECIDED = "undecided"
SAVE_HINT = "ctrl+s in the filter box of the list of all contacts saves one"
PAST_REFUSAL = (
    "they are no longer connected, so there is nothing to decide (`prune export --list past` "
    "lists them)"
)
NAMES_SHOWN = 10  # names a dry run prints, and `undo` names


def matches_of(store: Store, snapshot: Snapshot, query: str) -> Matches:
    """The contacts `--where QUERY` matches; a bad query is bad input (exit 2), in one line."""
    try:
        matches = contacts_matching(store, snapshot, query)
    except QueryError as error:
        raise ExportError(str(error)) from None
    for notice in matches.notices:
        print(f"prune: {notice}", file=sys.stderr)
    return matches


def chosen_query(args: argparse.Namespace, config: Config | None = None) -> str | None:
    """`--where QUERY`, or the query saved as `--saved NAME` in `[filters]`; an unknown name is
    bad input, in one line naming the saved ones. `config` is the one already loaded, if any."""
    if args.saved is None:
        return str(args.where) if args.where is not None else None
    filters = (config or load_settings(args)).filters
    if args.saved in filters:
        return filters[args.saved]
    known = ", ".join(sorted(filters)) or f"none yet ({SAVE_HINT})"
    raise ExportError(f'no filter is saved as "{args.saved}"; saved filters: {known}')


def refuse_past(query: str, refusal: str) -> None:
    """Past connections are not in the latest export: a query asking for them is refused."""
    try:
        wants_past = asks_for_past(query)
    except QueryError as error:
        raise ExportError(str(error)) from None
    if wants_past:
        raise ExportError(f"{query!r} asks for past connections: {refusal}")


def run_decide(args: argparse.Namespace) -> int:
    """Decide every match as one batch, or with `--dry-run` only count and name them."""
    verdict: Verdict | None = None if args.verdict == UNDECIDED else args.verdict
    query = chosen_query(args)
    assert query is not None  # argparse requires --where or --saved
    refuse_past(query, PAST_REFUSAL)
    with open_store(args, write=not args.dry_run) as store:
        snapshot = store.latest_snapshot()
        if snapshot is None:
            print(GET_EXPORT_HELP)
            return EXIT_OK
        matches = matches_of(store, snapshot, query)
        batch = None
        if matches.keys and not args.dry_run:
            batch = store.decide_batch(matches.keys, verdict)
    names = matches.names(NAMES_SHOWN)
    if args.json:
        facts = {
            "verdict": args.verdict,
            "matched": len(matches.keys),
            "decided": 0 if batch is None else len(batch.keys),
            "dry_run": args.dry_run,
            "batch": None if batch is None else batch.id,
            "names": names,
        }
        print(json.dumps(facts, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(_decide_text(args.verdict, len(matches.keys), names, dry_run=args.dry_run))
    return EXIT_OK


def _decide_text(verdict: str, matched: int, names: list[str], *, dry_run: bool) -> str:
    noun = "contact" if matched == 1 else "contacts"
    if not matched:
        return "No contact matches; nothing changed."
    if dry_run:
        more = f", and {matched - len(names)} more" if matched > len(names) else ""
        return (
            f"{matched} {noun} match; nothing changed (dry run).\n"
            f"They would become {verdict}: {', '.join(names)}{more}."
        )
    return f"{matched} {noun} now {verdict}, as one batch: `prune undo` restores them all."


def run_undo(args: argparse.Namespace) -> int:
    """Undo the latest decision or batch and say what it restored."""
    with open_store(args, write=True) as store:
        undone = store.undo_latest(any_session=True)
        snapshot = store.latest_snapshot()
        names = _names(store, snapshot, undone)
    if args.json:
        facts = (
            {"undone": None}
            if undone is None
            else {
                "undone": "decision" if undone.batch is None else "batch",
                "batch": undone.batch,
                "verdict": undone.verdict,
                "contacts": len(undone.keys),
                "keys": undone.keys,
                "names": names,
            }
        )
        print(json.dumps(facts, indent=2, ensure_ascii=False))
    elif undone is None:
        print("Nothing to undo.")
    elif undone.batch is None:
        print(f"Undone: the last change to {names[0] if names else undone.keys[0]}.")
    else:
        count = len(undone.keys)
        print(
            f"Undone: the batch that made {count} contact{'s' if count != 1 else ''} "
            f"{undone.verdict}; each is back to what it was."
        )
    return EXIT_OK


def _names(store: Store, snapshot: Snapshot | None, undone: Undone | None) -> list[str]:
    if undone is None or snapshot is None:
        return []
    return Matches(undone.keys, store.contacts(snapshot.id)).names(NAMES_SHOWN)
