"""`w`, and first thing after an import that changed something: "Since your last export".

Who is gone (split into the ones the user marked for disconnecting, whose plan worked, and the
ones who went without their doing), who is new, who changed jobs and who was followed to a new
profile URL. `enter` on someone still connected brings their card up in the review; `escape`
goes on to the review. Names and companies are other people's text: plain cells, never markup.
"""

from __future__ import annotations

import polars as pl
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from prune.core.evidence.purge_hint import purge_hint
from prune.core.state.changes import SnapshotChanges
from prune.core.state.snapshots import snapshot_label
from prune.core.state.store import Store
from prune.tui.widgets.contact_table import Column, ContactTable

COLUMNS = (
    Column("What", 22),
    Column("Name"),
    Column("Company"),
    Column("Position"),
    Column("Detail"),
)
_ROW = ["what", "name", "company", "position", "detail", "key", "current"]


def change_rows(changes: SnapshotChanges) -> pl.DataFrame:
    """One row per person, section by section, with the key and whether they are connected."""
    name = pl.concat_str(["first_name", "last_name"], separator=" ", ignore_nulls=True)

    def section(frame: pl.DataFrame, what: str, detail: pl.Expr, *, current: bool) -> pl.DataFrame:
        return frame.select(
            pl.lit(what).alias("what"),
            name.alias("name"),
            pl.col("company"),
            pl.col("position"),
            detail.alias("detail"),
            pl.col("key"),
            pl.lit(current).alias("current"),
        )

    gone_since = f"gone since {snapshot_label(changes.newer)}"
    job = pl.concat_str(["old_position", "old_company"], separator=" · ", ignore_nulls=True)
    renamed = changes.renamed.with_columns(
        key=pl.col("new_key"),
        company=pl.lit(None, dtype=pl.String),
        position=pl.lit(None, dtype=pl.String),
    )
    return pl.concat(
        [
            section(changes.gone_by_you, "gone, as you planned", pl.lit(gone_since), current=False),
            section(
                changes.gone_without_you,
                "gone without your doing",
                pl.lit(gone_since),
                current=False,
            ),
            section(changes.new, "new connection", pl.lit("in the review queue"), current=True),
            section(
                changes.moved.rename({"new_company": "company", "new_position": "position"}),
                "changed job",
                pl.lit("was ") + job,
                current=True,
            ),
            section(renamed, "renamed", pl.lit("now ") + pl.col("new_url"), current=True),
        ]
    )


class ChangesScreen(Screen[str | None]):
    """Returns the key of a connected person whose card to show, or None to go on reviewing."""

    DEFAULT_CSS = """
    ChangesScreen #title { height: 1; padding: 0 1; background: $panel; }
    ChangesScreen #summary { padding: 0 1; }
    ChangesScreen #hint { padding: 0 1; color: $warning; }
    ChangesScreen ContactTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("enter", "show", "Show card", id="changes.show"),
        Binding("escape", "back", "Go on to the review", id="changes.back"),
    ]

    def __init__(self, changes: SnapshotChanges, store: Store) -> None:
        super().__init__()
        self.changes = changes
        self.rows = change_rows(changes)
        hint = purge_hint(changes, store.contacts(changes.older.id))
        self.hint = hint.text if hint else ""

    def compose(self) -> ComposeResult:
        changes = self.changes
        yield Static(
            Content.assemble(("Since your last export  ", "bold"), (changes.title, "dim")),
            id="title",
        )
        yield Static(
            f"{changes.gone_without_you.height:,} gone without your doing · "
            f"{changes.gone_by_you.height:,} you marked for disconnecting are gone · "
            f"{changes.new.height:,} new · {changes.moved.height:,} changed jobs · "
            f"{changes.renamed.height:,} renamed (your decisions followed them)",
            id="summary",
        )
        yield Static(self.hint, id="hint")
        table = ContactTable(COLUMNS, empty_text="Nobody changed.", id="changes")
        table.set_rows(self.rows.select(_ROW[:5]))
        yield table
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#hint").display = bool(self.hint)
        self.query_one(ContactTable).focus()

    def action_show(self) -> None:
        table = self.query_one(ContactTable)
        if not table.row_count:
            return
        row = self.rows.row(table.cursor_row, named=True)
        if row["current"]:
            self.dismiss(row["key"])
            return
        self.notify(
            f"{row['name'] or 'This person'} is no longer one of your connections: "
            "`prune export --list past` keeps their details.",
            markup=False,
            timeout=5,
        )

    def action_back(self) -> None:
        self.dismiss(None)
