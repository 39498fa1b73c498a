"""The Textual application and the `make_app` factory shared by the CLI, tests and screenshots.

`make_app` builds the one `AppContext`; every screen that uses a service (store, clipboard, clock)
receives it, the dialogs are handed plain data. The App keeps the settings the
command palette changes (rule, order, theme) and tells the review screen through its methods;
it never reaches into a screen's attributes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from pathlib import Path

import polars as pl
from platformdirs import user_downloads_path
from textual.actions import ActionParseResult
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.markup import escape as escape_markup
from textual.screen import ModalScreen, Screen

from prune.core.config import Config, ensure_config, my_first_name
from prune.core.paths import config_file
from prune.core.review.order_names import ORDERS
from prune.core.review.rules import RULES, Rule, rule_named
from prune.core.state.store import Store
from prune.tui.app_keymap import BindingIds, checked_keys
from prune.tui.changes_on_open import changes_to_show_once, latest_changes
from prune.tui.context import AppContext, FarewellInputs
from prune.tui.copying import SystemCopy, platform_copy
from prune.tui.first_name import remember_first_name, should_ask, suggested_first_name
from prune.tui.screens.review_screen import ReviewScreen
from prune.tui.state_writes import REFUSALS, end_with, refused, saving, went_through

# The other screens are imported where they open: a launch paints its first card without
# paying for screens the user may never open (see `app_keymap` for the keymap's check).

RULE_SETTING = "review.rule"
ORDER_SETTING = "review.order"
THEME_SETTING = "ui.theme"


class PruneApp(App[None]):
    """Reviews the contacts of one snapshot."""

    TITLE = "prune"
    CSS_PATH = Path(__file__).with_name("prune.tcss")  # absolute: subclasses elsewhere find it
    BINDINGS = [
        Binding("f", "farewells", "Farewells", id="app.farewells"),
        Binding("w", "changes", "Since your last export", id="app.changes", show=False),
        # Not in the footer, which has no room left at 80 columns; help and the palette list it.
        Binding("ctrl+e", "export", "Export a list", id="app.export", show=False),
        Binding("i", "invitations", "Invitations", id="app.invitations", show=False),
        Binding("N", "nurture", "Nurture", id="app.nurture", show=False),
        Binding("g", "overview", "Overview: the whole network", id="app.overview", show=False),
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(
        self, *, context: AppContext, order: str | None = None, ask_first_name: bool = False
    ) -> None:
        super().__init__()
        # The line the app ends with (a failed load, a damaged file) stays one line however
        # narrow the terminal or long the path: Rich would otherwise cut it at 80 columns.
        self.error_console.soft_wrap = True
        self.context = context
        self._ask_first_name = ask_first_name
        store, config = context.store, context.config
        self.rule: Rule = rule_named(store.setting(RULE_SETTING) or config.rule)
        self.order = order or store.setting(ORDER_SETTING) or config.order
        self._review: ReviewScreen | None = None
        theme = store.setting(THEME_SETTING)
        if theme and theme in self.available_themes:
            self.theme = theme

    def get_default_screen(self) -> Screen:
        """The review is the app's first and bottom screen; every other one opens over it.

        As the default screen it is composed, sized and styled with the app itself, so its first
        card is on the very first frame the terminal shows.
        """
        self._review = ReviewScreen(self.context, rule=self.rule, order=self.order)
        return self._review

    def on_mount(self) -> None:
        config = self.context.config
        if config.keys:
            self.set_keymap(config.keys)
        for problem in config.problems:
            self.notify(problem, title="Settings", severity="warning", timeout=10, markup=False)
        self.theme_changed_signal.subscribe(
            self, lambda theme: self._remember_setting(THEME_SETTING, theme.name)
        )
        context = self.context
        try:
            changes = changes_to_show_once(context.store, context.snapshot_id)
        except REFUSALS as error:  # told once the review is up: ending now leaves it half-built
            self.call_after_refresh(refused, self, context.store.path, error)
            changes = None
        if changes is not None:
            from prune.tui.screens.changes_screen import ChangesScreen

            self.push_screen(ChangesScreen(changes, context.store), self._show_card)
        if self._ask_first_name and should_ask(context):
            from prune.tui.screens.name_screen import NameScreen

            self.push_screen(NameScreen(suggested_first_name(context)), self._named)

    def _named(self, name: str | None) -> None:
        """The answer to the first launch's question: the card's farewell signs with it."""
        remember_first_name(self, self.context, name)
        if self._review is not None:
            self._review.refresh_card()

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Every key's action, with a change the state file refuses told rather than raised
        (see `state_writes`): the review goes on, on the same contact, with nothing lost."""
        change = (action, id(default_namespace))  # on every key: no text built for it
        try:
            handled = await super().run_action(action, default_namespace, namespaces)
        except REFUSALS as error:
            refused(self, self.context.store.path, error, change=change)
            return True
        went_through(self, change)
        return handled

    def on_review_screen_load_failed(self, message: ReviewScreen.LoadFailed) -> None:
        """Without its contacts there is nothing to review: one line, and a failing status."""
        end_with(self, message.line)

    def on_unmount(self) -> None:
        self.context.store.close()

    # -- help and palette ---------------------------------------------------------------------

    def action_help(self) -> None:
        from prune.tui.key_help import help_rows, section_heading
        from prune.tui.screens.help_screen import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(
            HelpScreen(
                help_rows(self.screen_stack, self.context.config.keys),
                rule_text=self.rule.description,
                order_text=ORDERS.get(self.order, self.order),
                start_at=section_heading(self.screen),
            )
        )

    # -- farewells and export ------------------------------------------------------------------

    def action_farewells(self) -> None:
        """`f`: keys pressed in a dialog belong to the dialog, so only full screens react."""
        if not isinstance(self.screen, ModalScreen):
            self.show_farewells()

    def action_export(self) -> None:
        if not isinstance(self.screen, ModalScreen):
            self.show_export()

    def action_invitations(self) -> None:
        from prune.tui.screens.invitations_screen import InvitationsScreen

        if not isinstance(self.screen, ModalScreen | InvitationsScreen):
            self.show_invitations()

    def action_nurture(self) -> None:
        from prune.tui.screens.nurture_screen import NurtureScreen

        if not isinstance(self.screen, ModalScreen | NurtureScreen):
            self.show_nurture()

    def show_invitations(self) -> None:
        from prune.tui.screens.invitations_screen import InvitationsScreen

        context = self.context
        snapshot = context.store.snapshot(context.snapshot_id)
        if snapshot is not None and not isinstance(self.screen, InvitationsScreen):
            self.push_screen(
                InvitationsScreen(
                    store=context.store,
                    snapshot=snapshot,
                    rule=self.rule,
                    stale_after=context.config.stale_after,
                    today=context.today(),
                )
            )

    def show_nurture(self) -> None:
        from prune.tui.screens.nurture_screen import NurtureScreen

        context = self.context
        snapshot = context.store.snapshot(context.snapshot_id)
        if snapshot is not None and not isinstance(self.screen, NurtureScreen):
            self.push_screen(
                NurtureScreen(
                    store=context.store,
                    snapshot=snapshot,
                    cadences=context.config.cadences,
                    today=context.today(),
                )
            )

    def show_farewells(self) -> None:
        from prune.tui.screens.farewells_screen import FarewellsScreen

        if isinstance(self.screen, FarewellsScreen):
            return
        self.push_screen(FarewellsScreen(self.context))

    def show_contacts(self) -> None:
        from prune.tui.screens.contacts_screen import ContactsScreen

        if self._review is not None and not isinstance(self.screen, ContactsScreen):
            self._review.action_contacts()

    def open_contacts(self, query: str) -> None:
        """The list of all contacts filtered by `query` (a saved filter from the palette)."""
        from prune.tui.screens.contacts_screen import ContactsScreen

        self.show_contacts()
        if self.is_screen_installed(ContactsScreen.NAME):
            screen = self.get_screen(ContactsScreen.NAME)
            if isinstance(screen, ContactsScreen):
                screen.use_query(query)

    def show_export(self) -> None:
        from prune.tui.screens.export_screen import ExportScreen

        if isinstance(self.screen, ExportScreen):
            return
        self.push_screen(ExportScreen(self.context))

    # -- the overview ---------------------------------------------------------------------------

    def action_overview(self) -> None:
        if not isinstance(self.screen, ModalScreen):
            self.show_overview()

    def show_overview(self) -> None:
        """`g`: bars and counts for the whole network; `enter` on one opens the list filtered."""
        from prune.tui.screens.overview_screen import OverviewScreen

        review = self._review
        if review is None or review.session is None or isinstance(self.screen, OverviewScreen):
            return

        def evidence() -> pl.DataFrame | None:
            return None if review.evidence is None else review.evidence.frame

        screen = OverviewScreen(
            self.context, review.session, evidence=evidence, open_query=self._open_query
        )
        self.push_screen(screen)

    def _open_query(self, query: str) -> None:
        """The list filtered by `query`, over the overview (or, if the list was open under the
        overview already, back down to it)."""
        from prune.tui.screens.contacts_screen import ContactsScreen

        if self._review is None:
            return
        if any(isinstance(screen, ContactsScreen) for screen in self.screen_stack):
            contacts = self.get_screen(ContactsScreen.NAME)
            assert isinstance(contacts, ContactsScreen)
            contacts.use_query(query)
            while not isinstance(self.screen, ContactsScreen):
                self.pop_screen()
            return
        self._review.action_contacts(self._card_from_overview)
        if self.is_screen_installed(ContactsScreen.NAME):  # the query applies as it shows
            contacts = self.get_screen(ContactsScreen.NAME)
            assert isinstance(contacts, ContactsScreen)
            contacts.use_query(query)

    def _card_from_overview(self, key: str | None) -> None:
        """A card chosen in the list opened from the overview: leave the overview for it."""
        from prune.tui.screens.overview_screen import OverviewScreen

        if key is None or self._review is None:
            return
        while isinstance(self.screen, OverviewScreen):
            self.pop_screen()
        self._review.show_contact(key, from_list=True)

    def action_changes(self) -> None:
        """`w`: who left, who is new, who changed jobs since the export before this one."""
        from prune.tui.screens.changes_screen import ChangesScreen

        if isinstance(self.screen, ModalScreen | ChangesScreen):
            return
        changes = latest_changes(self.context.store, self.context.snapshot_id)
        if changes is None:
            self.notify("Only one export imported so far: import a newer one to see changes.")
            return
        self.push_screen(ChangesScreen(changes, self.context.store), self._show_card)

    def _show_card(self, key: str | None) -> None:
        if key is not None and self._review is not None:
            self._review.show_contact(key)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Farewells",
            "Copy, edit and track the farewell to everyone marked disconnect",
            self.show_farewells,
        )
        yield SystemCommand(
            "Changes",
            "Since your last export: who left, who is new, changed jobs, renamed",
            self.action_changes,
        )
        yield SystemCommand(
            "All contacts",
            "Every contact with its verdict; enter shows their card",
            self.show_contacts,
        )
        yield SystemCommand(
            "Overview",
            "Connections per year, top companies and positions, evidence, flags, pace",
            self.show_overview,
        )
        yield SystemCommand(
            "Export a list…",
            "Write the disconnect, keep, later or undecided list to a file",
            self.show_export,
        )
        yield SystemCommand(
            "Invitations",
            "The same three questions before anyone new gets in; stale ones to withdraw",
            self.show_invitations,
        )
        yield SystemCommand(
            "Nurture",
            "The contacts you kept, least recently in touch first, and who is due a word",
            self.show_nurture,
        )
        for name, query in self.context.config.filters.items():
            yield SystemCommand(
                # The palette reads titles and help as markup: a name or query is shown as typed.
                f"Filter: {escape_markup(name)}",
                f"The list of all contacts filtered by {escape_markup(query)}",
                lambda query=query: self.open_contacts(query),
            )
        for name, rule in RULES.items():
            marker = " (in use)" if name == self.rule.name else ""
            yield SystemCommand(
                f"Rule: {name}{marker}",
                f"Suggest verdicts by this rule: {rule.description}",
                lambda name=name: self.set_rule(name),
            )
        for order, label in ORDERS.items():
            yield SystemCommand(
                f"Order: {label}",
                "Review the remaining contacts in this order (remembered)",
                lambda order=order: self.set_order(order),
            )

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """The palette's Screenshot goes to ~/Downloads; without one, to the current folder."""
        if path is None and not user_downloads_path().is_dir():
            path = str(Path.cwd())
            self.notify(
                f"No {user_downloads_path()} folder: the screenshot goes in {path}.",
                title="Screenshot",
                markup=False,
            )
        return super().deliver_screenshot(filename, path, time_format)

    def _remember_setting(self, name: str, value: str) -> None:
        """A choice made in the palette, kept for the next launch; it applies now either way."""
        with saving(self, self.context.store.path):
            self.context.store.set_setting(name, value)

    def set_rule(self, name: str) -> None:
        self.rule = rule_named(name)
        self._remember_setting(RULE_SETTING, self.rule.name)
        if self._review is not None:
            self._review.use_rule(self.rule)
        self.notify(f"Rule: {self.rule.description}.", timeout=3)

    def set_order(self, order: str) -> None:
        self.order = order
        self._remember_setting(ORDER_SETTING, order)
        if self._review is not None:
            self._review.use_order(order)


def make_app(
    *,
    data_dir: Path,
    snapshot_id: int,
    config_path: str | os.PathLike[str] | None = None,
    order: str | None = None,
    today: date | None = None,
    clock: Callable[[], float] = time.monotonic,
    system_copy: SystemCopy = platform_copy,
    ask_first_name: bool = False,
    store: Store | None = None,
) -> PruneApp:
    """Build the app the way the CLI does, so tests and screenshots see the same thing.

    `today` fixes the day (tests); `clock` is the monotonic clock the pace is measured with.
    `ask_first_name` lets the first launch without the user's name ask for it (`prune review`).
    `store` is the command line's open store of `data_dir`, its pages perhaps still being
    checked; the app closes it when it ends.
    """
    settings_file = config_file(config_path)
    config = checked_keys(ensure_config(settings_file, BindingIds(PruneApp)), PruneApp)
    store = Store.open(data_dir) if store is None else store
    context = AppContext(
        store=store,
        snapshot_id=snapshot_id,
        config=config,
        farewell=_farewell_inputs(store, snapshot_id, config),
        system_copy=system_copy,
        today=date.today if today is None else (lambda: today),
        pace_clock=clock,
        config_path=settings_file,
    )
    return PruneApp(context=context, order=order, ask_first_name=ask_first_name)


def _farewell_inputs(store: Store, snapshot_id: int, config: Config) -> FarewellInputs:
    """The user's farewell settings, and their name read once (from the export's Profile.csv)."""
    return FarewellInputs(
        templates=config.tones,
        default_tone=config.default_tone,
        my_name=my_first_name(store.snapshot(snapshot_id), config),
    )
