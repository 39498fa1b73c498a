"""Which keys each of the app's screens answers to, for checking the `[keys]` remaps.

Every screen has to be imported to read its bindings, which costs a launch tens of
milliseconds; so they are imported only when the settings do remap a key (or name one).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterator

from textual.dom import DOMNode

from prune.core.config import Config

Screens = list[tuple[str, list[type[DOMNode]]]]


def keymap_screens(app: type[DOMNode]) -> Screens:
    """Each screen, by the name the user knows it, with the classes whose keys it answers to
    (`app`, the App's class, answers on every full screen)."""
    from prune.tui.screens.changes_screen import ChangesScreen
    from prune.tui.screens.contacts_screen import ContactsScreen
    from prune.tui.screens.evidence_screen import EvidenceScreen
    from prune.tui.screens.export_screen import ExportScreen
    from prune.tui.screens.farewells_screen import FarewellsScreen
    from prune.tui.screens.help_screen import HelpScreen
    from prune.tui.screens.invitations_screen import InvitationsScreen
    from prune.tui.screens.message_edit_screen import MessageEditScreen
    from prune.tui.screens.name_screen import NameScreen
    from prune.tui.screens.note_screen import NoteScreen
    from prune.tui.screens.notices_screen import NoticesScreen
    from prune.tui.screens.nurture_screen import NurtureScreen
    from prune.tui.screens.overview_screen import OverviewScreen
    from prune.tui.screens.review_screen import ReviewScreen
    from prune.tui.screens.save_filter_screen import SaveFilterScreen
    from prune.tui.screens.search_screen import SearchScreen
    from prune.tui.screens.summary_screen import SummaryScreen
    from prune.tui.widgets.contact_table import ContactTable
    from prune.tui.widgets.query_box import QueryBox

    full: Screens = [
        ("the review", [ReviewScreen, app]),
        ("the Farewells screen", [FarewellsScreen, ContactTable, app]),
        ("the list of all contacts", [ContactsScreen, ContactTable, QueryBox, app]),
        ("the Changes screen", [ChangesScreen, ContactTable, app]),
        ("the Invitations screen", [InvitationsScreen, app]),
        ("the Nurture screen", [NurtureScreen, ContactTable, app]),
        ("the summary", [SummaryScreen, app]),
        ("the Overview", [OverviewScreen, app]),
    ]
    dialogs: Screens = [
        ("the help sheet", [HelpScreen]),
        ("the evidence sheet", [EvidenceScreen]),
        ("the notices sheet", [NoticesScreen]),
        ("the search", [SearchScreen]),
        ("the note dialog", [NoteScreen]),
        ("the save-filter dialog", [SaveFilterScreen]),
        ("the export dialog", [ExportScreen]),
        ("the message editor", [MessageEditScreen]),
        ("the name question", [NameScreen]),
    ]
    return full + dialogs


class BindingIds(Collection[str]):
    """Every binding id `[keys]` may name, gathered the first time a remap is looked up."""

    def __init__(self, app: type[DOMNode]) -> None:
        self._app = app
        self._ids: set[str] | None = None

    def _all(self) -> set[str]:
        if self._ids is None:
            from prune.tui.keymap_check import binding_ids

            screens = keymap_screens(self._app)
            self._ids = binding_ids([kind for _, kinds in screens for kind in kinds])
        return self._ids

    def __contains__(self, binding_id: object) -> bool:
        return binding_id in self._all()

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def checked_keys(config: Config, app: type[DOMNode]) -> Config:
    """The settings with only the `[keys]` remaps that name real keys and clash with none."""
    if not config.keys:
        return config  # no remap, nothing that could clash
    from prune.tui.keymap_check import check_keymap

    checked = check_keymap(config.keys, config.key_places, keymap_screens(app))
    return dataclasses.replace(
        config, keys=checked.keys, problems=[*config.problems, *checked.problems]
    )
