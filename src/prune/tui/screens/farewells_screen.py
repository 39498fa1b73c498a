"""The follow-through: every contact marked disconnect, their farewell, and how far it has got.

Each farewell moves drafted → copied → sent → removed as the user works through LinkedIn by hand;
a contact who gets no message (a likely fake account, by default) is only to be removed.
The list draws only the rows on screen, so a large network stays quick; after a key only the
contact it touched is re-read from the store. The highlighted contact's whole message stays on
screen, so it can always be selected by hand when copying is not possible.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker

from prune.core.farewell.followthrough import (
    STILL_CONNECTED,
    FarewellRow,
    cycle_tone,
    farewell_progress,
    farewell_rows,
    mark_copied,
    reload_row,
    rows_with_status,
    save_edit,
    set_status,
    template_message,
)
from prune.core.farewell.length import message_length
from prune.core.farewell.settings import FarewellSettings
from prune.core.farewell.tones import NO_MESSAGE
from prune.core.model import FAREWELL_STATUSES, NO_MESSAGE_NEEDED
from prune.core.text.control import shown_url
from prune.tui.browsing import open_profile
from prune.tui.context import AppContext
from prune.tui.copying import copy_message
from prune.tui.farewell_table import COLUMNS, STATUS_STYLES, FarewellTableRows
from prune.tui.screens.message_edit_screen import MessageEditScreen
from prune.tui.styles import screen_styles
from prune.tui.widgets.contact_table import ContactTable
from prune.tui.workers import failure_of, one_line, result_of

FILTERS: tuple[str | None, ...] = (None, *FAREWELL_STATUSES)
# What pressing `s` or `r` again does: the mark is taken back one step.
_UNDO_MARK = {"sent": "copied", "removed": "sent"}


class FarewellsScreen(Screen[None]):
    """Lists the farewells to send; keys copy, edit, re-tone and mark them."""

    DEFAULT_CSS = screen_styles("farewells")

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding(
            "c",
            "copy",
            "Copy",
            tooltip="Copy the message; marked copied only when a clipboard confirms it",
            id="farewells.copy",
        ),
        Binding(
            "s",
            "mark('sent')",
            "Sent",
            tooltip="Mark it sent (again: back to what it was)",
            id="farewells.sent",
        ),
        Binding(
            "r",
            "mark('removed')",
            "Removed",
            tooltip="Mark it removed (again: back to what it was)",
            id="farewells.removed",
        ),
        Binding(
            "e", "edit", "Edit", tooltip="Write this message in your own words", id="farewells.edit"
        ),
        Binding("t", "tone", "Tone", tooltip="Next tone for this message", id="farewells.tone"),
        Binding(
            "o",
            "open_profile",
            "Open profile",
            tooltip="Open the profile in your browser",
            id="farewells.open",
            show=False,
        ),
        # The header shows "showing all (f)", so the footer can leave this out at 80 columns.
        Binding(
            "f",
            "filter",
            "Filter",
            tooltip="Show only one status; press again for the next",
            id="farewells.filter",
            show=False,
        ),
        Binding("escape", "back", "Back", tooltip="Back to the review", id="farewells.back"),
    ]

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.rows: list[FarewellRow] | None = None  # None until loaded
        self.shown: list[FarewellRow] = []
        self.status_filter: str | None = None
        self._rows_worker: Worker[list[FarewellRow]] | None = None
        self._marked_from: dict[tuple[str, str], str] = {}  # (key, status) -> status before

    def compose(self) -> ComposeResult:
        with Horizontal(id="header"):
            yield Static(Content.styled("Farewells", "bold"), id="title")
            yield Static("loading…", id="progress")
            yield Static("", id="detail")
            yield Static("", id="filter")
        with Container(id="body"):
            yield ContactTable(COLUMNS, empty_text="Loading…", id="list")
            with VerticalScroll(id="panel", can_focus=False):
                yield Static("", id="meta")
                yield Static("", id="refusal")
                yield Static("", id="message")
        yield Footer(compact=True)

    def _settings(self) -> FarewellSettings:
        """The farewells' settings as of today (the day `{years}` counts to)."""
        return self.context.farewell.settings(self.context.today())

    def on_mount(self) -> None:
        self.query_one(ContactTable).focus()
        self._rows_worker = self._load()

    @work(thread=True, exclusive=True, group="farewells", exit_on_error=False)
    def _load(self) -> list[FarewellRow]:
        """Render every message off the UI thread: thousands of disconnects take a moment.

        The worker reads through a store reader of its own; the UI thread keeps the context's.
        """
        with self.context.store.reader() as reader:
            return farewell_rows(
                reader,
                self.context.snapshot_id,
                self._settings(),
            )

    @on(Worker.StateChanged)
    def _worker_done(self, event: Worker.StateChanged) -> None:
        if (rows := result_of(event, self._rows_worker)) is not None:
            self._loaded(rows)
        elif (error := failure_of(event, self._rows_worker)) is not None:
            self.app.notify(
                f"The farewells could not be read ({one_line(error)}).",
                title="Farewells",
                severity="error",
                markup=False,
            )
            self.dismiss(None)

    def _loaded(self, rows: list[FarewellRow]) -> None:
        if self not in self.app.screen_stack:  # the user left before the list was ready
            return
        self.rows = rows
        self.refresh_bindings()
        self._apply_filter()

    # -- painting ---------------------------------------------------------------------------------

    @property
    def current(self) -> FarewellRow | None:
        """The highlighted contact, if any."""
        index = self.query_one(ContactTable).cursor_row
        return self.shown[index] if 0 <= index < len(self.shown) else None

    def _apply_filter(self, *, cursor: int | None = None) -> None:
        """Show the rows the filter lets through; the cursor keeps its place unless told."""
        assert self.rows is not None
        self.shown = rows_with_status(self.rows, self.status_filter)
        table = self.query_one(ContactTable)
        table.empty_text = self._empty_text()
        table.set_rows(FarewellTableRows(self.shown), cursor=cursor)
        self._paint_header()
        self._paint_panel()

    def _paint_header(self) -> None:
        rows = self.rows or []
        progress = farewell_progress(rows)
        self.query_one("#progress", Static).update(
            Content.styled(progress.summary, "bold $text-success")
        )
        counts = [
            f"{getattr(progress, status):,} {status}" for status in ("drafted", "copied", "sent")
        ]
        if progress.no_message:
            counts.append(f"{progress.no_message:,} need no message")
        detail = ", ".join(counts)
        self.query_one("#detail", Static).update(f"({detail})" if rows else "")
        showing = self.status_filter or "all"
        self.query_one("#filter", Static).update(
            Content.assemble(("showing ", "dim"), (showing, "bold"), (" (f)", "dim"))
        )

    def _paint_panel(self) -> None:
        panel = self.query_one("#panel", VerticalScroll)
        row = self.current
        meta, refusal, message = (
            self.query_one(f"#{part}", Static) for part in ("meta", "refusal", "message")
        )
        if row is None:
            panel.border_title = "No message"
            panel.border_subtitle = ""
            meta.update(self._empty_hint())
            refusal.display = False
            message.update("")
            return
        panel.border_title = Content(row.name)  # a name is data, never markup
        length = message_length(row.message)
        panel.border_subtitle = (
            "no message" if row.no_message else f"{length:,} character{'s' * (length != 1)}"
        )
        if row.edited:
            wording = Content.assemble(("your own wording", "bold"), " (e edits it)")
        elif row.no_message:
            wording = Content.assemble(("no message", "bold"), " (t for a tone)")
        else:
            wording = Content.assemble(("tone ", ""), (row.tone, "bold"), " (t for the next)")
        meta.update(
            Content.assemble(
                (row.status, f"bold {STATUS_STYLES[row.status]}"),
                _follow_through(row),
                "  ·  ",
                wording,
                "\n",
                shown_url(row.url) if row.url else "no profile URL in the export",
            )
        )
        refusal.display = row.refusal is not None
        refusal.update(row.refusal or "")
        message.update(Content(row.message) if not row.no_message else _no_message_text(row))
        panel.scroll_home(animate=False)

    def _empty_text(self) -> str:
        if self.status_filter is None:
            return "Nobody is marked disconnect yet."
        if self.status_filter == NO_MESSAGE_NEEDED:
            return "Everyone marked disconnect gets a message."
        return f"No farewell is {self.status_filter}."

    def _empty_hint(self) -> str:
        if self.rows is None:
            return "Loading…"
        if not self.rows:
            return (
                "Nobody is marked disconnect yet. Mark contacts with x in the review; each one "
                "gets a farewell to send here before you remove them on LinkedIn."
            )
        return f"{self._empty_text()} f shows the next status."

    def on_contact_table_row_highlighted(self, event: ContactTable.RowHighlighted) -> None:
        if self.rows is not None:
            self._paint_panel()

    def _replace(self, new: FarewellRow) -> None:
        """Put a re-read contact in place and repaint what shows it."""
        assert self.rows is not None
        self.rows = [new if row.key == new.key else row for row in self.rows]
        table = self.query_one(ContactTable)
        if self.status_filter is not None and new.status != self.status_filter:
            self._apply_filter()  # the contact leaves this view; the next one takes its place
            return
        index = next(i for i, row in enumerate(self.shown) if row.key == new.key)
        self.shown[index] = new
        table.refresh_row(index)
        self._paint_header()
        self._paint_panel()

    def _reload(self, row: FarewellRow) -> FarewellRow:
        new = reload_row(self.context.store, row, self._settings())
        self._replace(new)
        return new

    # -- actions ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that act on a contact wait until the list is loaded."""
        if action in ("back", "filter"):
            return True
        return self.rows is not None

    def action_copy(self) -> None:
        row = self.current
        if row is None:
            return
        if row.no_message:
            self.notify(
                f"Nothing to copy: {row.name} gets no message (t picks a tone).",
                timeout=4,
                markup=False,
            )
            return
        if copy_message(self.app, row.message, row.name, self.context.system_copy):
            mark_copied(self.context.store, row.key)
            self._reload(row)

    def action_mark(self, status: str) -> None:
        row = self.current
        if row is None:
            return
        if status == "sent" and row.no_message:
            self.notify(
                f"{row.name} gets no message, so there is none to send: r marks them removed.",
                timeout=4,
                markup=False,
            )
            return
        # The same key again takes the mark back to where it came from (copied, or drafted
        # when it was never copied); after a restart, to the step before it.
        if row.status == status:
            before = NO_MESSAGE_NEEDED if row.no_message else _UNDO_MARK[status]
            new_status = self._marked_from.pop((row.key, status), before)
        else:
            self._marked_from[(row.key, status)] = row.status
            new_status = status
        set_status(self.context.store, row.key, new_status)
        self._reload(row)
        if new_status == status:
            key = "s" if status == "sent" else "r"
            self.notify(
                f"{row.name}: marked {status}. {key} again takes it back.", timeout=3, markup=False
            )
        else:
            self.notify(f"{row.name}: back to {new_status}.", timeout=3, markup=False)

    def action_tone(self) -> None:
        row = self.current
        if row is None:
            return
        inputs = self.context.farewell
        cycle_tone(
            self.context.store,
            row.key,
            inputs.tones,
            default_tone=inputs.default_tone,
            flagged=row.flagged,
        )
        new = self._reload(row)
        if new.edited and new.tone == NO_MESSAGE:
            self.notify(
                "No message chosen, but your own wording still wins: press e and clear it "
                "to send nothing.",
                severity="warning",
                timeout=6,
                markup=False,
            )
        elif new.edited:
            self.notify(
                f"Tone is now {new.tone}, but your own wording still wins: press e and choose "
                "'Back to the template' to use the tone.",
                severity="warning",
                timeout=6,
                markup=False,
            )
        elif new.no_message:
            self.notify(f"No message for {new.name}; t again for a tone.", timeout=3, markup=False)
        else:
            self.notify(f"Tone: {new.tone}.", timeout=2, markup=False)

    def action_edit(self) -> None:
        row = self.current
        if row is None:
            return
        template = template_message(row, self._settings())

        def save(text: str | None) -> None:
            if text is None:
                return
            save_edit(self.context.store, row.key, text, template_message=template)
            new = self._reload(row)
            if not new.edited and not row.edited:
                self.notify(f"No change to the message for {new.name}.", timeout=3, markup=False)
            elif not new.edited:
                back = "no message" if new.no_message else f"the {new.tone} template"
                self.notify(f"Back to {back} for {new.name}.", timeout=3, markup=False)
            elif new.refusal:
                self.notify(
                    new.refusal, title="Saved, but not copyable", severity="warning", markup=False
                )
            else:
                self.notify(f"Saved your wording for {new.name}.", timeout=3, markup=False)

        self.app.push_screen(MessageEditScreen(row.name, row.message, edited=row.edited), save)

    def action_open_profile(self) -> None:
        row = self.current
        if row is not None:
            open_profile(self.app, row.name, row.url, "beside the message")

    def action_filter(self) -> None:
        if self.rows is None:
            return
        position = FILTERS.index(self.status_filter)
        self.status_filter = FILTERS[(position + 1) % len(FILTERS)]
        self._apply_filter(cursor=0)

    def action_back(self) -> None:
        self.dismiss(None)


def _follow_through(row: FarewellRow) -> str:
    """What a newer export says about the contact, worded as `prune farewells` words it."""
    if row.still_connected:
        return f", {STILL_CONNECTED}"
    if row.gone:
        return " (gone from your newest export)"
    return ""


def _no_message_text(row: FarewellRow) -> Content:
    """What the message area says when there is nothing to send."""
    why = (
        "a bare-bones profile, likely a fake account, needs no farewell"
        if row.flagged
        else "you chose to send no message"
    )
    return Content.assemble(
        ("No message: ", "bold"),
        f"{why}. Remove the connection on LinkedIn, then r marks it removed; "
        "t picks a tone to write after all.",
    )
