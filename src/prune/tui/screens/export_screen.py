"""ctrl+e: write a list of contacts to a file, with the same choices as `prune export`.

The file name follows the list and format chosen until the user types their own. An existing file
is replaced only after a second, explicit yes. The list is built and written in a thread worker
(reading through a store reader of its own), so a full network never freezes the screen, and it
is written all or nothing. Whatever goes wrong there comes back as one line, the dialog still
open to try again.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, RadioButton, RadioSet, Static
from textual.worker import Worker

from prune.core.errors import ExportError
from prune.core.farewell.followthrough import message_renderer
from prune.core.lists.atomic_write import target_exists
from prune.core.lists.formats import FORMAT_LABELS, FORMATS, default_file_name, prepare_export
from prune.core.lists.selection import LISTS
from prune.tui.context import AppContext
from prune.tui.styles import screen_styles
from prune.tui.workers import failure_of, one_line, result_of


class ExportScreen(ModalScreen[Path | None]):
    """Returns the path written, or None when the user backs out."""

    DEFAULT_CSS = screen_styles("export")

    DEFAULT_CLASSES = "dialog"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, context: AppContext, *, folder: Path | None = None) -> None:
        super().__init__()
        self.context = context
        self.folder = folder or Path.cwd()
        self.which = "disconnect"
        self.fmt = "csv"
        self._default_name = default_file_name(self.which, self.fmt)
        self._confirming: Path | None = None  # the existing file the user is asked about
        self._writing = False
        self._export_worker: Worker[tuple[Path, str]] | None = None

    def compose(self) -> ComposeResult:
        counts = self.context.store.counts(self.context.snapshot_id)
        sizes = counts.as_dict() | {"all": sum(counts.as_dict().values())}
        with Vertical(classes="dialog-box") as box:
            box.border_title = "Export a list"
            with Horizontal(id="choices"):
                with Vertical(id="list-column"):
                    yield Static("List", classes="label")
                    with RadioSet(id="list", compact=True):
                        for which in LISTS:
                            yield RadioButton(
                                f"{which} ({sizes[which]:,})", value=which == self.which, name=which
                            )
                with Vertical(id="format-column"):
                    yield Static("Format", classes="label")
                    with RadioSet(id="format", compact=True):
                        for fmt in FORMATS:
                            label = Content.assemble((f"{fmt:<6}", "bold"), FORMAT_LABELS[fmt])
                            yield RadioButton(label, value=fmt == self.fmt, name=fmt)
            with Horizontal(id="file-row"):
                yield Static("File")
                yield Input(self._default_name, id="file")
            yield Static(Content(f"A name without a folder is saved in {self.folder}"), id="where")
            yield Checkbox(
                "Start the CSV with a byte-order mark, so Excel reads accents correctly",
                id="excel",
                compact=True,
            )
            with Horizontal(classes="buttons", id="form-buttons"):
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Export", variant="primary", id="export", compact=True)
            yield Static("", id="question")
            with Horizontal(classes="buttons", id="confirm-buttons"):
                yield Button("Keep it", id="keep", compact=True)
                yield Button("Replace", variant="error", id="replace", compact=True)

    def on_mount(self) -> None:
        self._show_question(None)
        self.query_one("#list", RadioSet).focus()

    # -- choices ----------------------------------------------------------------------------------

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        chosen = event.pressed.name or ""
        if event.radio_set.id == "list":
            self.which = chosen
        else:
            self.fmt = chosen
        excel = self.query_one("#excel", Checkbox)
        excel.disabled = self.fmt != "csv"
        if excel.disabled:
            excel.value = False
        file_input = self.query_one("#file", Input)
        typed = file_input.value.strip()
        new_default = default_file_name(self.which, self.fmt)
        if typed in ("", self._default_name):  # the user has not typed a name of their own
            file_input.value = new_default
        self._default_name = new_default

    def on_input_changed(self) -> None:
        if self._confirming is not None and self.target() != self._confirming:
            self._show_question(None)  # the question was about another file

    def on_input_submitted(self) -> None:
        self._start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "export":
                self._start()
            case "replace":
                if self._confirming is not None:
                    self._write(self._confirming)
            case "keep":
                self._show_question(None)
                self.query_one("#file", Input).focus()
            case _:
                self.action_cancel()

    def action_cancel(self) -> None:
        if self._confirming is not None:  # escape steps back from the question first
            self._show_question(None)
            self.query_one("#file", Input).focus()
        elif not self._writing:
            self.dismiss(None)

    # -- writing ----------------------------------------------------------------------------------

    def target(self) -> Path | None:
        """The path typed, made absolute against the folder the app was started in."""
        typed = self.query_one("#file", Input).value.strip()
        if not typed:
            return None
        path = Path(typed).expanduser()
        return path if path.is_absolute() else self.folder / path

    def _start(self) -> None:
        if self._writing:
            return
        path = self.target()
        if path is None:
            self._refuse("give a file name to write to")
            return
        try:
            exists = target_exists(path)
        except ExportError as error:
            self._refuse(str(error))
            return
        if exists:
            self._show_question(path)
            self.query_one("#keep", Button).focus()
            return
        self._write(path)

    def _show_question(self, path: Path | None) -> None:
        """Ask before replacing `path`, or (None) go back to the plain form."""
        self._confirming = path
        asking = path is not None
        question = self.query_one("#question", Static)
        question.update(
            Content(f"{path.name} already exists in {path.parent}. Replace it?" if path else "")
        )
        question.display = asking
        self.query_one("#confirm-buttons").display = asking
        self.query_one("#form-buttons").display = not asking

    def _refuse(self, reason: str) -> None:
        self.app.notify(
            reason[:1].upper() + reason[1:], title="Not exported", severity="error", markup=False
        )

    def _write(self, path: Path) -> None:
        self._writing = True
        self._show_question(None)
        for button in self.query(Button):
            button.disabled = True
        excel = self.fmt == "csv" and self.query_one("#excel", Checkbox).value
        self._export_worker = self._export(path, self.which, self.fmt, excel)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, path: Path, which: str, fmt: str, excel: bool) -> tuple[Path, str]:
        """Build the list and write it off the UI thread; the result comes back as a message."""
        snapshot_id = self.context.snapshot_id
        with self.context.store.reader() as reader:
            renderer = message_renderer(self.context.farewell.settings(self.context.today()))
            export = prepare_export(reader, snapshot_id, which, fmt, excel=excel, messages=renderer)
        written = export.write(path, force=True)
        return written, export.summary(written)

    @on(Worker.StateChanged)
    def _worker_done(self, event: Worker.StateChanged) -> None:
        if (done := result_of(event, self._export_worker)) is not None:
            self._done(*done)
        elif isinstance(error := failure_of(event, self._export_worker), ExportError):
            self._failed(str(error))
        elif error is not None:
            self._failed(f"the list could not be written ({one_line(error)})")

    def _done(self, path: Path, summary: str) -> None:
        self.app.notify(summary, title="Exported", timeout=6, markup=False)
        self.dismiss(path)

    def _failed(self, reason: str) -> None:
        self._writing = False
        for button in self.query(Button):
            button.disabled = False
        self._refuse(reason)
