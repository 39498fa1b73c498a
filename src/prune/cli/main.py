"""The `prune` command: parses arguments, calls the core, prints, and picks the exit status.

Exit status: 0 done, 1 the state file cannot be used, 2 bad input (with a one-line reason).
No business logic lives here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from prune import __version__
from prune.core.errors import ExportError
from prune.core.paths import data_dir
from prune.core.review.orders import ORDERS

EXIT_OK = 0
EXIT_STATE = 1
EXIT_BAD_INPUT = 2

GET_EXPORT_HELP = """\
prune has no export yet. To get one from LinkedIn:
  1. Open linkedin.com › Me › Settings & Privacy › Data privacy › Get a copy of your data.
  2. Tick "Connections" for a quick download (minutes), or ask for the larger archive to
     also get messages, endorsements and invitations (up to 24 hours).
  3. Download the zip from the e-mail LinkedIn sends (the link lasts 72 hours).
  4. Run: prune path/to/the-export.zip
To look around first with invented people, run: prune demo"""


class _Parser(argparse.ArgumentParser):
    """Usage errors are bad input too: one line, exit status 2, like every other refusal."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"prune: {message} (see prune --help)\n")


def _global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="keep all state in DIR (default: $PRUNE_DATA_DIR, else your user data folder)",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        default=default,
        help="settings file (default: $PRUNE_CONFIG_DIR/config.toml, else your user config folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="prune",
        description="Review your LinkedIn connections from the data export, one key per decision.",
        epilog="With no command: `prune PATH` imports PATH if it is new and opens the review; "
        "`prune` alone resumes the latest import.",
    )
    parser.add_argument("--version", action="version", version=f"prune {__version__}")
    _global_options(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _global_options(sub, top=False)
        return sub

    review = command("review", "import PATH if new (or resume the latest import) and review")
    review.add_argument("path", nargs="?", type=Path, help="Connections.csv, export zip or folder")
    review.add_argument(
        "--order",
        choices=list(ORDERS),
        help="review order (default: oldest first, or likely "
        "disconnects first once the archive gives evidence)",
    )

    demo = command("demo", "open the app on invented sample data (your state is not touched)")
    demo.add_argument("--order", help=argparse.SUPPRESS)

    imp = command("import", "record an export as a snapshot and print a summary")
    imp.add_argument("path", type=Path, help="Connections.csv, the export zip, or its folder")
    imp.add_argument("--json", action="store_true", help="print the summary as JSON")

    stats = command("stats", "describe the current state")
    stats.add_argument("--json", action="store_true", help="print one JSON object")

    changes = command(
        "changes", "who disappeared, who is new and who changed jobs between two exports"
    )
    changes.add_argument("--from", dest="older", type=int, metavar="ID", help="older snapshot")
    changes.add_argument("--to", dest="newer", type=int, metavar="ID", help="newer snapshot")
    changes.add_argument("--json", action="store_true", help="print one JSON object")
    farewells = command(
        "farewells",
        "print a farewell message for every connection marked disconnect, as plain text",
    )
    farewells.add_argument(
        "--tone",
        metavar="T",
        help="write every message in tone T (built in: warm, brief, formal; add your own in the "
        "config); messages you edited stay as you wrote them",
    )
    farewells.add_argument(
        "--out", metavar="FILE", type=Path, help="write to FILE instead of printing"
    )
    farewells.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export = command("export", "write a list of contacts (the disconnect list by default)")
    export.add_argument(
        "--list",
        dest="which",
        metavar="LIST",
        default="disconnect",
        help="which contacts: disconnect (default), keep, later, undecided (no verdict yet), all",
    )
    export.add_argument(
        "--format",
        dest="fmt",
        metavar="FORMAT",
        default="csv",
        help="csv (default) and json hold every field; md is a checklist by company; urls is "
        "one profile URL per line; names is First<TAB>Last per line",
    )
    export.add_argument(
        "--out", metavar="FILE", type=Path, help="write to FILE (default: standard output)"
    )
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.add_argument(
        "--excel", action="store_true", help="start the CSV with a byte-order mark for Excel"
    )
    return parser


def _normalise_argv(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """Let `prune PATH` and bare `prune` mean the review command."""
    commands = {"review", "demo", "import", "stats", "changes", "farewells", "export"}
    takes_value = {"--data-dir", "--config"}
    index = 0
    while index < len(argv):
        token = argv[index]
        if token in takes_value:
            index += 2
            continue
        if token.startswith("-"):
            if token in ("-h", "--help", "--version"):
                return argv
            index += 1
            continue
        if token in commands:
            return argv
        break
    return [*argv[:index], "review", *argv[index:]]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(_normalise_argv(list(sys.argv[1:] if argv is None else argv), parser))
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "review": _review,
        "demo": _demo,
        "import": _import,
        "stats": _stats,
        "changes": _changes,
        "farewells": _farewells,
        "export": _export,
    }
    from prune.core.state.store import StoreError

    try:
        return handlers[args.command](args)
    except ExportError as error:
        print(f"prune: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except StoreError as error:
        print(f"prune: {error}", file=sys.stderr)
        return EXIT_STATE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader stopped early (`prune stats --json | head`): not an error, and no
        # traceback when Python flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _open_store(args: argparse.Namespace):
    from prune.core.state.store import Store

    return Store.open(data_dir(args.data_dir))


def _import(args: argparse.Namespace) -> int:
    from prune.cli.reports import import_summary, import_summary_lines
    from prune.core.evidence.cache import import_evidence
    from prune.core.state.importing import parse_export, record_export

    parsed = parse_export(args.path)
    store = _open_store(args)
    try:
        report = record_export(store, parsed)
    finally:
        store.close()
    evidence = import_evidence(data_dir(args.data_dir), report)
    if args.json:
        print(json.dumps(import_summary(report, evidence), indent=2))
    else:
        print("\n".join(import_summary_lines(report, evidence)))
    return EXIT_OK


def _stats(args: argparse.Namespace) -> int:
    from prune.cli.reports import state_summary, state_summary_lines

    store = _open_store(args)
    try:
        summary = state_summary(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print("\n".join(state_summary_lines(summary)))
    return EXIT_OK


def _changes(args: argparse.Namespace) -> int:
    from prune.core.state.changes import change_lines, compare, pick_snapshots

    store = _open_store(args)
    try:
        older, newer = pick_snapshots(store, args.older, args.newer)
        changes = compare(store, older, newer)
    finally:
        store.close()
    if args.json:
        print(json.dumps(changes.as_dict(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(change_lines(changes)))


def _farewells(args: argparse.Namespace) -> int:
    from datetime import date

    from prune.core.config import ensure_config
    from prune.core.farewell.followthrough import farewell_document, farewell_rows
    from prune.core.farewell.message import my_first_name
    from prune.core.lists.atomic_write import check_target, write_atomically
    from prune.core.paths import config_file

    config = ensure_config(config_file(args.config))
    for problem in config.problems:
        print(f"prune: {problem}", file=sys.stderr)
    if args.tone is not None and args.tone not in config.tones:
        raise ExportError(
            f"there is no tone called {args.tone!r}: choose one of {', '.join(config.tones)}."
        )
    if args.out is not None:
        check_target(args.out, force=args.force)  # refuse a bad path before any work
    store = _open_store(args)
    try:
        snapshot = store.latest_snapshot()
        if snapshot is None:
            print(GET_EXPORT_HELP)
            return EXIT_OK
        rows = farewell_rows(
            store,
            snapshot.id,
            config.tones,
            my_first_name(snapshot, config),
            date.today(),
            default_tone=config.default_tone,
            tone=args.tone,
        )
    finally:
        store.close()
    if not rows:
        print("No connection is marked disconnect yet: review first (run `prune`), then come back.")
        return EXIT_OK
    document = farewell_document(rows, tone=args.tone)
    if args.out is None:
        sys.stdout.write(document)
        return EXIT_OK
    write_atomically(args.out, document.encode(), force=args.force)
    print(f"Wrote {len(rows)} farewell message{'s' if len(rows) != 1 else ''} to {args.out}")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from datetime import date

    from prune.core.config import ensure_config
    from prune.core.farewell.followthrough import message_renderer
    from prune.core.lists.atomic_write import check_target, write_atomically
    from prune.core.lists.formats import check_choices, prepare_export
    from prune.core.paths import config_file

    check_choices(args.which, args.fmt, excel=args.excel)
    if args.out is not None:
        check_target(args.out, force=args.force)  # refuse a bad path before any work
    config = ensure_config(config_file(args.config))
    for problem in config.problems:
        print(f"prune: {problem}", file=sys.stderr)
    store = _open_store(args)
    try:
        snapshot = store.latest_snapshot()
        if snapshot is None:
            raise ExportError(
                "nothing to export yet: import your LinkedIn data first (prune import PATH)"
            )
        export = prepare_export(
            store,
            snapshot.id,
            args.which,
            args.fmt,
            excel=args.excel,
            messages=message_renderer(config, snapshot, date.today()),
        )
    finally:
        store.close()
    if args.out is None:
        sys.stdout.buffer.write(export.data)
        sys.stdout.buffer.flush()
        if export.left_out or not export.contacts:
            print(export.summary(), file=sys.stderr)
    else:
        written = write_atomically(args.out, export.data, force=args.force)
        print(export.summary(written), file=sys.stderr)
    return EXIT_OK


def _review(args: argparse.Namespace) -> int:
    from prune.core.state.importing import parse_export, record_export

    parsed = parse_export(args.path) if args.path is not None else None
    store = _open_store(args)
    try:
        if parsed is not None:
            snapshot = record_export(store, parsed).outcome.snapshot
        else:
            snapshot = store.latest_snapshot()
            if snapshot is None:
                print(GET_EXPORT_HELP)
                return EXIT_OK
    finally:
        store.close()
    return _run_app(args, data_dir(args.data_dir), snapshot.id)


def _demo(args: argparse.Namespace) -> int:
    from prune.core.state.importing import parse_export, record_export
    from prune.core.state.store import Store
    from prune.demo.sample import write_sample_export

    with tempfile.TemporaryDirectory(prefix="prune-demo-") as scratch:
        folder = Path(scratch)
        archive = write_sample_export(folder / "export")
        store = Store.open(folder / "state")
        try:
            snapshot = record_export(store, parse_export(archive)).outcome.snapshot
        finally:
            store.close()
        if getattr(args, "config", None) is None:
            args.config = str(folder / "config.toml")
        return _run_app(args, folder / "state", snapshot.id)


def _run_app(args: argparse.Namespace, state_dir: Path, snapshot_id: int) -> int:
    from prune.tui.app import make_app

    app = make_app(
        data_dir=state_dir,
        snapshot_id=snapshot_id,
        config_path=args.config,
        order=getattr(args, "order", None),
    )
    app.run()
    return app.return_code or EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
