"""`prune review` (also `prune PATH` and bare `prune`) and `prune demo`: opening the app.

This is the one command module that loads Textual; the other commands never pay for it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from prune.cli.commands.opening import writer_lock
from prune.cli.exit_codes import EXIT_OK
from prune.cli.guidance import GET_EXPORT_HELP
from prune.core.paths import data_dir
from prune.core.state.store import Store
from prune.tui.app import make_app


def run_review(args: argparse.Namespace) -> int:
    """Import PATH if it is new (or resume the latest import), then review it in the app.

    The importer is loaded only when there is a PATH: resuming paints its card sooner without it.
    """
    parsed = None
    if args.path is not None:
        from prune.core.state.importing import parse_export

        parsed = parse_export(args.path)
    with writer_lock(args):  # held while the app runs: one review window per state folder
        # Resuming writes nothing before the review's first change, so the file's pages are
        # checked beside the first card (core.state.page_check); an import checks them first.
        folder = data_dir(args.data_dir)
        with Store.open(folder, check_pages_later=parsed is None) as store:
            if parsed is not None:
                from prune.core.state.importing import record_export

                snapshot = record_export(store, parsed).outcome.snapshot
            else:
                latest = store.latest_snapshot()
                if latest is None:
                    print(GET_EXPORT_HELP)
                    return EXIT_OK
                snapshot = latest
            return _run_app(args, folder, snapshot.id, ask_first_name=True, store=store)


def run_demo(args: argparse.Namespace) -> int:
    """The app on invented people, in a scratch folder removed afterwards: real state untouched.

    Settings come from `--config` when given, else from a scratch file, so the demo never writes
    into the user's config folder either. Folders that killed demos left behind go first.
    """
    from prune.cli import demo_scratch  # the demo's own: `prune` never pays for it
    from prune.core.state.importing import parse_export, record_export
    from prune.demo import write_sample_export

    for leftover in demo_scratch.clear_stale_folders():
        print(f"prune: {leftover.describe()}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix=demo_scratch.PREFIX) as scratch:
        folder = Path(scratch)
        demo_scratch.claim(folder)
        archive = write_sample_export(folder / "export")
        with Store.open(folder / "state") as store:
            snapshot = record_export(store, parse_export(archive)).outcome.snapshot
        if getattr(args, "config", None) is None:
            args.config = str(folder / "config.toml")
        # Never asked for a name: the invented archive has a Profile.csv, and its settings go.
        return _run_app(args, folder / "state", snapshot.id, ask_first_name=False)


def _run_app(
    args: argparse.Namespace,
    state_dir: Path,
    snapshot_id: int,
    *,
    ask_first_name: bool,
    store: Store | None = None,
) -> int:
    app = make_app(
        data_dir=state_dir,
        snapshot_id=snapshot_id,
        config_path=args.config,
        order=getattr(args, "order", None),
        ask_first_name=ask_first_name,
        store=store,
    )
    app.run()
    return app.return_code or EXIT_OK
