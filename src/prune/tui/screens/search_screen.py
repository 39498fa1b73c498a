"""`/`: find a contact by name or company and jump to their card.

The box keeps the keys for typing while `down` and `up` move the highlight through the results,
and `enter` opens the highlighted one, so no one needs Tab to pick the second match.
"""

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
from prune.tui.styles import screen_styles
from prune.tui.verdict_styles import VERDICT_STYLES

SearchFunction = Callable[[str], list[ContactView]]


class SearchScreen(ModalScreen[str | None]):
    """Returns the key of the chosen contact, or None."""

    DEFAULT_CSS = screen_styles("search")

    DEFAULT_CLASSES = "dialog"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="search.cancel"),
        Binding("down", "move(1)", "Next match", show=False, id="search.results"),
        Binding("up", "move(-1)", "Previous match", show=False, id="search.previous"),
    ]

    def __init__(self, search: SearchFunction) -> None:
        super().__init__()
        self.search = search

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Input(placeholder="name or company: down / up choose, enter opens", id="query")
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

    def action_move(self, step: int) -> None:
        """Move the highlight while the box keeps the typing (the results move on their own)."""
        options = self.query_one(OptionList)
        if not options.option_count:
            return
        now = options.highlighted if options.highlighted is not None else -1
        options.highlighted = max(0, min(options.option_count - 1, now + step))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _label(view: ContactView) -> Content:
    role = " · ".join(part for part in (view.position, view.company) if part)
    verdict = view.decision.verdict if view.decision else None
    return Content.assemble(
        (view.name, "bold"),
        (f"  {role}" if role else "", "dim"),
        ("  " if verdict else "", ""),
        (verdict or "", VERDICT_STYLES.get(verdict or "", "")),
    )
