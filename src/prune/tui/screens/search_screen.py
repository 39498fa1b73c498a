"""`/`: find a contact by name or company and jump to their card."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from prune.core.review.session import ContactView

SearchFunction = Callable[[str], list[ContactView]]


class SearchScreen(ModalScreen[str | None]):
    """Returns the key of the chosen contact, or None."""

    DEFAULT_CLASSES = "dialog"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="search.cancel"),
        Binding("down", "focus_results", "Results", show=False, id="search.results"),
    ]

    def __init__(self, search: SearchFunction) -> None:
        super().__init__()
        self.search = search

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Input(placeholder="name or company: enter jumps to the first match", id="query")
            yield Static("", id="count")
            yield OptionList(id="results")

    def on_input_changed(self, event: Input.Changed) -> None:
        results = self.search(event.value)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(_label(view), id=view.key) for view in results])
        if results:
            options.highlighted = 0
        count = "no match" if event.value.strip() and not results else ""
        if len(results) >= 50:
            count = "first 50 matches: type more to narrow"
        self.query_one("#count", Static).update(count)

    def on_input_submitted(self) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            self.dismiss(options.get_option_at_index(options.highlighted or 0).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_focus_results(self) -> None:
        self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


def _label(view: ContactView) -> Content:
    role = " · ".join(part for part in (view.position, view.company) if part)
    verdict = view.decision.verdict if view.decision else None
    return Content.assemble(
        (view.name, "bold"),
        (f"  {role}" if role else "", "dim"),
        (f"  [{verdict}]" if verdict else "", "italic"),
    )
