"""The Textual application and the `make_app` factory shared by the CLI, tests and screenshots."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import polars as pl
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from prune.core.clipboard import copy_text
from prune.core.config import Config, ensure_config
from prune.core.evidence.cache import load_or_compute
from prune.core.evidence.collect import Evidence
from prune.core.farewell.message import message_for
from prune.core.paths import config_file
from prune.core.review.orders import ORDERS
from prune.core.review.rules import RULES, Rule, rule_named
from prune.core.review.session import ContactView, ReviewSession
from prune.core.state.store import Farewell, Snapshot, Store
from prune.tui.copying import SystemCopy
from prune.tui.screens.contacts_screen import ContactsScreen
from prune.tui.screens.export_screen import ExportScreen
from prune.tui.screens.farewells_screen import FarewellsScreen
from prune.tui.screens.help_screen import HelpScreen
from prune.tui.screens.invitations_screen import InvitationsScreen
from prune.tui.screens.nurture_screen import NurtureScreen
from prune.tui.screens.review_screen import ReviewScreen

RULE_SETTING = "review.rule"
ORDER_SETTING = "review.order"
THEME_SETTING = "ui.theme"


class PruneApp(App[None]):
    """Reviews the contacts of one snapshot."""

    TITLE = "prune"
    BINDINGS = [
        Binding("f", "farewells", "Farewells", id="app.farewells"),
        # Not in the footer, which has no room left at 80 columns; help and the palette list it.
        Binding("ctrl+e", "export", "Export a list", id="app.export", show=False),
        Binding("i", "invitations", "Invitations", id="app.invitations", show=False),
        Binding("N", "nurture", "Nurture", id="app.nurture", show=False),
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(
        self,
        *,
        store: Store,
        snapshot_id: int,
        config: Config,
        order: str | None = None,
        today: date | None = None,
        clock: Callable[[], float] = time.monotonic,
        system_copy: SystemCopy = copy_text,
    ) -> None:
        super().__init__()
        self.system_copy = system_copy
        self.store = store
        self.snapshot_id = snapshot_id
        self.config = config
        self.today = today or date.today()
        self._clock = clock
        self.rule: Rule = rule_named(store.setting(RULE_SETTING) or config.rule)
        self.farewell_settings = config.farewell_settings(None, self.today)
        self.order = order or store.setting(ORDER_SETTING) or config.order
        theme = store.setting(THEME_SETTING)
        if theme and theme in self.available_themes:
            self.theme = theme

    def on_mount(self) -> None:
        if self.config.keys:
            self.set_keymap(self.config.keys)
        for problem in self.config.problems:
            self.notify(problem, title="Settings", severity="warning", timeout=10)
        self.theme_changed_signal.subscribe(
            self, lambda theme: self.store.set_setting(THEME_SETTING, theme.name)
        )
        self.push_screen(ReviewScreen(self._new_session, today=self.today))

    def _new_session(self) -> ReviewSession:
        """Build the session (runs in a worker thread: it reads the whole snapshot)."""
        snapshot = self.store.snapshot(self.snapshot_id)
        self.farewell_settings = self.config.farewell_settings(snapshot, self.today)
        # What exists now (Textual's widgets, then the session's tens of thousands of objects)
        # lives as long as the app: frozen, the cyclic collector stops walking it on every full
        # collection, which otherwise stalls the load and, later, random key presses.
        gc.freeze()
        session = ReviewSession(
            self.store, self.snapshot_id, self.rule, order=self.order, clock=self._clock
        )
        gc.freeze()
        return session

    def load_evidence(self, snapshot: Snapshot, contacts: pl.DataFrame) -> Evidence:
        """The snapshot's evidence, cached beside the state file.

        Runs in a worker thread, so it is handed the snapshot rather than reading the store,
        whose connection the UI thread is using to save decisions.
        """
        return load_or_compute(self.store.path.parent, snapshot, contacts)

    def farewell(self, view: ContactView) -> tuple[str, Farewell]:
        """The farewell to show and copy for a contact, and its stored state."""
        saved = self.store.farewell(view.key)
        message = message_for(saved, view, self.farewell_settings)
        return message, saved

    def on_unmount(self) -> None:
        self.store.close()

    @property
    def review(self) -> ReviewScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, ReviewScreen):
                return screen
        return None

    # -- help and palette ---------------------------------------------------------------------

    def key_rows(self) -> list[tuple[str, str]]:
        """Every binding with the key that currently triggers it (honouring the keymap).

        A row with an empty key is a heading: the keys after it belong to another screen.
        """
        keymap = self.config.keys

        def rows_for(bindings: list[Binding]) -> list[tuple[str, str]]:
            return [
                (
                    _display_keys(keymap.get(binding.id or "", binding.key)),
                    binding.tooltip or binding.description,
                )
                for binding in bindings
            ]

        rows = rows_for([*_bindings(ReviewScreen.BINDINGS), *_bindings(self.BINDINGS)])
        rows.append(("ctrl+p", "Command palette: order, rule, theme"))
        rows.append(("", "On the Farewells screen (f)"))
        rows.extend(rows_for(_bindings(FarewellsScreen.BINDINGS)))
        rows.append(("", "On the list of all contacts (a)"))
        rows.extend(rows_for(_bindings(ContactsScreen.BINDINGS)))
        return rows

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(
            HelpScreen(
                self.key_rows(),
                rule_text=self.rule.description,
                order_text=ORDERS.get(self.order, self.order),
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
        if not isinstance(self.screen, ModalScreen | InvitationsScreen):
            self.show_invitations()

    def action_nurture(self) -> None:
        if not isinstance(self.screen, ModalScreen | NurtureScreen):
            self.show_nurture()

    def show_invitations(self) -> None:
        snapshot = self.store.snapshot(self.snapshot_id)
        if snapshot is not None and not isinstance(self.screen, InvitationsScreen):
            self.push_screen(
                InvitationsScreen(
                    store=self.store,
                    snapshot=snapshot,
                    rule=self.rule,
                    stale_after=self.config.stale_after,
                    today=self.today,
                )
            )

    def show_nurture(self) -> None:
        snapshot = self.store.snapshot(self.snapshot_id)
        if snapshot is not None and not isinstance(self.screen, NurtureScreen):
            self.push_screen(
                NurtureScreen(
                    store=self.store,
                    snapshot=snapshot,
                    cadences=self.config.cadences,
                    today=self.today,
                )
            )

    def show_farewells(self) -> None:
        if isinstance(self.screen, FarewellsScreen):
            return
        self.push_screen(
            FarewellsScreen(
                store=self.store,
                snapshot_id=self.snapshot_id,
                config=self.config,
                today=self.today,
                system_copy=self.system_copy,
            )
        )

    def show_contacts(self) -> None:
        review = self.review
        if review is not None and not isinstance(self.screen, ContactsScreen):
            review.action_contacts()

    def show_export(self) -> None:
        if isinstance(self.screen, ExportScreen):
            return
        self.push_screen(
            ExportScreen(
                store=self.store,
                snapshot_id=self.snapshot_id,
                config=self.config,
                today=self.today,
            )
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Farewells",
            "Copy, edit and track the farewell to everyone marked disconnect",
            self.show_farewells,
        )
        yield SystemCommand(
            "All contacts",
            "Every contact with its verdict; enter shows their card",
            self.show_contacts,
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

    def set_rule(self, name: str) -> None:
        self.rule = rule_named(name)
        self.store.set_setting(RULE_SETTING, self.rule.name)
        review = self.review
        if review is not None and review.session is not None:
            review.session.set_rule(self.rule)
            review.refresh_card()
        self.notify(f"Rule: {self.rule.description}.", timeout=3)

    def set_order(self, order: str) -> None:
        self.order = order
        self.store.set_setting(ORDER_SETTING, order)
        review = self.review
        if review is not None:
            review.set_order(order)


def _bindings(bindings: list[Binding | tuple[str, ...]]) -> list[Binding]:
    """The Binding objects of a BINDINGS list (prune declares every one as a Binding)."""
    return [binding for binding in bindings if isinstance(binding, Binding)]


def _display_keys(keys: str) -> str:
    names = {"slash": "/", "question_mark": "?", "enter": "enter", "space": "space"}
    return " / ".join(names.get(key.strip(), key.strip()) for key in keys.split(","))


def make_app(
    *,
    data_dir: Path,
    snapshot_id: int,
    config_path: str | os.PathLike[str] | None = None,
    order: str | None = None,
    today: date | None = None,
    clock: Callable[[], float] = time.monotonic,
    system_copy: SystemCopy = copy_text,
) -> PruneApp:
    """Build the app the way the CLI does, so tests and screenshots see the same thing."""
    config = ensure_config(config_file(config_path))
    return PruneApp(
        store=Store.open(data_dir),
        snapshot_id=snapshot_id,
        config=config,
        order=order,
        today=today,
        clock=clock,
        system_copy=system_copy,
    )
