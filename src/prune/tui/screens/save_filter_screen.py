"""`ctrl+s` in the workbench's filter box: name the query, to find it again in the palette.

The query is saved in the config's `[filters]` as `NAME = "QUERY"`, the user's comments and
layout kept (core.config.editing); a file that cannot be edited is said so in a toast and left
as it was. The settings in effect gain the filter at once, so the palette lists it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from prune.core.config.editing import ConfigEditError, set_config_value
from prune.tui.context import AppContext

FILTERS_TABLE = "filters"


class SaveFilterScreen(ModalScreen[str | None]):
    """Returns the name the query was saved as, or None (cancelled, or it could not be saved)."""

    DEFAULT_CLASSES = "dialog"
    DEFAULT_CSS = "SaveFilterScreen > .dialog-box { width: 72; }"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="save-filter.cancel")]

    def __init__(self, query: str, context: AppContext) -> None:
        super().__init__()
        self.query_text = query
        self.context = context

    def compose(self) -> ComposeResult:
        names = ", ".join(self.context.config.filters)
        with Vertical(classes="dialog-box"):
            yield Static(
                Content.assemble(
                    "Save ", (self.query_text, "bold"), " as: enter saves, escape cancels"
                ),
                id="save-filter-question",
            )
            yield Input(placeholder="e.g. recruiters", id="save-filter-name")
            if names:  # the same name again replaces its query
                yield Static(Content.assemble(("Saved already: ", "dim"), names))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        if not name:
            self.notify("A saved filter needs a name (escape cancels).", severity="warning")
            return
        self.dismiss(name if self._saved(name) else None)

    def _saved(self, name: str) -> bool:
        path = self.context.config_path
        if path is None:
            self.notify("Not saved: these settings have no file.", severity="error")
            return False
        try:
            set_config_value(path, FILTERS_TABLE, name, self.query_text)
        except ConfigEditError as refused:
            self.notify(str(refused), title="Not saved", severity="error", markup=False)
            return False
        self.context.config.filters[name] = self.query_text  # the palette lists it from now on
        self.notify(f"Saved: the palette lists it as Filter: {name}.", timeout=4, markup=False)
        return True

    def action_cancel(self) -> None:
        self.dismiss(None)
