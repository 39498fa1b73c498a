"""The Textual application and the `make_app` factory shared by the CLI, tests and screenshots."""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

from prune.core.store import Store


class PruneApp(App[None]):
    """Reviews the contacts of one snapshot."""

    TITLE = "prune"

    def __init__(self, *, data_dir: Path, snapshot_id: int) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.snapshot_id = snapshot_id
        self.store = Store.open(data_dir)

    def compose(self) -> ComposeResult:
        yield Header()
        contacts = self.store.contacts(self.snapshot_id)
        first = contacts.row(0, named=True) if contacts.height else None
        text = f"{contacts.height} connections loaded."
        if first:
            text += f"\nFirst: {first['first_name']} {first['last_name']}"
        yield Static(text, id="loaded")
        yield Footer()

    def on_unmount(self) -> None:
        self.store.close()


def make_app(
    *,
    data_dir: Path,
    snapshot_id: int,
    config_path: str | os.PathLike[str] | None = None,
    order: str | None = None,
) -> PruneApp:
    """Build the app the way the CLI does, so tests and screenshots see the same thing."""
    return PruneApp(data_dir=data_dir, snapshot_id=snapshot_id)
