"""Helpers for driving the real app in tests: a small store, a fixed date, readable card text."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static
from textual.worker import WorkerCancelled, WorkerFailed

from prune.core.clipboard import CopyResult
from prune.core.model import Verdict
from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store
from prune.tui.app import PruneApp, make_app
from prune.tui.copying import no_system_clipboard
from prune.tui.screens.review_screen import ReviewScreen
from prune.tui.widgets.contact_card import ContactCard
from prune.tui.widgets.key_rows import KeyRows
from prune.tui.widgets.progress_header import ProgressHeader

from testkit.exports import connections_text

TODAY = date(2026, 11, 2)
ROWS = (
    "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2024",
    'Bo,"Li, PhD",https://www.linkedin.com/in/bo,,Globex,Developer,01 Feb 2019',
    "Cy,Ng,https://www.linkedin.com/in/cy,,Initech,Product manager,01 Feb 2015",
    "Di,Ode,https://www.linkedin.com/in/di,,Acme,Sales lead,01 Jan 2021",
)


def import_rows(tmp_path: Path, *rows: str) -> tuple[Path, int]:
    """Import a small export into a fresh data dir; return the dir and the snapshot id."""
    export = tmp_path / "Connections.csv"
    export.write_text(connections_text(*(rows or ROWS)))
    data_dir = tmp_path / "state"
    store = Store.open(data_dir)
    snapshot_id = record_export(store, parse_export(export)).outcome.snapshot.id
    store.close()
    return data_dir, snapshot_id


def build_app(tmp_path: Path, *rows: str, config: str | None = None, **options) -> PruneApp:
    data_dir, snapshot_id = import_rows(tmp_path, *rows)
    config_path = tmp_path / "config.toml"
    if config is not None:
        config_path.write_text(config)
    options.setdefault("system_copy", no_system_clipboard)
    return make_app(
        data_dir=data_dir, snapshot_id=snapshot_id, config_path=config_path, today=TODAY, **options
    )


OCTOBER = "Basic_LinkedInDataExport_10-12-2026.csv"
NOVEMBER = "Basic_LinkedInDataExport_11-20-2026.csv"


def app_after_two_exports(
    tmp_path: Path,
    october: Sequence[str],
    november: Sequence[str],
    decided: Mapping[str, Verdict] | None = None,
) -> PruneApp:
    """October's export imported and the `decided` verdicts made, then November's imported and
    the app opened on it: how a user meets changes and past connections.
    """
    store = Store.open(tmp_path / "state")
    for number, (name, rows) in enumerate(((OCTOBER, october), (NOVEMBER, november))):
        path = tmp_path / name
        path.write_text(connections_text(*rows))
        snapshot_id = record_export(store, parse_export(path)).outcome.snapshot.id
        for key, verdict in (decided or {}).items() if number == 0 else ():
            store.save_decision(key, "test", verdict=verdict)
    store.close()
    return make_app(
        data_dir=tmp_path / "state",
        snapshot_id=snapshot_id,
        config_path=tmp_path / "config.toml",
        today=TODAY,
        system_copy=no_system_clipboard,
    )


def platform_clipboard(text: str) -> CopyResult:
    """A clipboard command that always takes the text, as pbcopy does on a Mac."""
    return CopyResult(command="pbcopy")


def reopen(tmp_path: Path) -> PruneApp:
    """The same data dir again, as after quitting and running prune once more."""
    store = Store.open(tmp_path / "state")
    snapshot_id = store.latest_snapshot().id
    store.close()
    return make_app(
        data_dir=tmp_path / "state",
        snapshot_id=snapshot_id,
        config_path=tmp_path / "config.toml",
        today=TODAY,
        system_copy=no_system_clipboard,
    )


async def workers_done(pilot: Pilot) -> None:
    """Wait until every worker running now has ended, however it ended, and the app caught up.

    A failed worker is the app's to report (that is what the tests check), not the test's.
    """
    for worker in list(pilot.app.workers):
        with contextlib.suppress(WorkerFailed, WorkerCancelled):
            await worker.wait()
    await pilot.pause()


async def loaded(pilot: Pilot) -> None:
    """Wait until the contacts are loaded, the first card painted and the evidence applied.

    The evidence worker starts only once the loading worker is done, hence two rounds.
    """
    for _ in range(2):
        await workers_done(pilot)


async def first_card(pilot: Pilot) -> None:
    """Wait until the first card is painted, without waiting for the archive's evidence."""
    for _ in range(200):
        await pilot.pause(0.02)
        if isinstance(pilot.app.screen, ReviewScreen) and card_name(pilot.app):
            return
    raise AssertionError("no card was painted")


def text_of(app: PruneApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).visual)


def progress_line(app: PruneApp, part: str) -> str:
    """A part of the review's progress line: `reviewed` (`1 / 4 reviewed`) or `counts`."""
    header = app.screen.query_one(ProgressHeader)
    return header.reviewed if part == "reviewed" else header.counts


def shown(app: PruneApp, selector: str) -> bool:
    """Whether a part of the screen is shown; False too for a part never mounted (the review
    mounts its farewell, side panel, toast and notices line only once they have something)."""
    found = app.screen.query(selector)
    return bool(found) and all(node.display and not node.has_class("-hidden") for node in found)


def help_lines(app: PruneApp) -> list[str]:
    """The help sheet on screen, line by line as the user reads it (a key's description on one
    line however it wraps), spaces between words folded."""
    parts = []
    for widget in app.screen.query("Static, KeyRows"):
        if isinstance(widget, KeyRows):
            parts.extend(str(line) for line in widget.lines_at(10_000))
        else:
            parts.append(str(widget.visual))
    text = "\n".join(parts)
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def card_row(app: PruneApp, name: str) -> str:
    """One row of the review's card (`card_rows.ROWS`: name, role, q-known, verdict...)."""
    return app.screen.query_one(ContactCard).row(name)


def card_name(app: PruneApp) -> str:
    return card_row(app, "name")


def toasts(app: PruneApp) -> list[str]:
    """The notifications on screen now, as the user reads them: title, line break, message.

    Textual shows them only when the app runs with `run_test(notifications=True)`.
    """
    return [str(toast.render()) for toast in app.screen.query("Toast")]


def error_toasts(app: PruneApp) -> list[str]:
    """The notifications on screen now that are shown as errors."""
    return [str(toast.render()) for toast in app.screen.query("Toast.-error")]


def store_of(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "state")
