"""The "Since your last export" screen: opened after an import that changed something."""

from __future__ import annotations

from pathlib import Path

from prune.tui.app import PruneApp, make_app
from prune.tui.copying import no_system_clipboard
from prune.tui.screens.changes_screen import ChangesScreen
from prune.tui.screens.review_screen import ReviewScreen
from prune.tui.widgets.contact_table import ContactTable

from testkit.tui import TODAY, app_after_two_exports, card_name, loaded

ANA = "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2024"
BO = "Bo,Li,https://www.linkedin.com/in/bo,,Globex,Developer,01 Feb 2019"
CY = "Cy,Ng,https://www.linkedin.com/in/cy,,Initech,Product manager,01 Feb 2015"
EVE = "Eve,[bold]Ray[/bold],https://www.linkedin.com/in/eve,,Hooli,Designer,01 Oct 2026"


def app_after_two_imports(tmp_path: Path, *newer: str) -> PruneApp:
    """Bo marked disconnect in October's export; November's is imported and the app opened."""
    return app_after_two_exports(tmp_path, (ANA, BO, CY), newer, {"url:in/bo": "disconnect"})


def table_text(app: PruneApp) -> str:
    table = app.screen.query_one(ContactTable)
    return "\n".join(" | ".join(str(cell) for cell in table.row(i)) for i in range(table.row_count))


async def test_the_app_opens_on_the_changes_once_and_escape_goes_on(tmp_path: Path) -> None:
    app = app_after_two_imports(tmp_path, EVE, ANA, CY)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        assert isinstance(app.screen, ChangesScreen)
        assert "exports of 12 Oct 2026 → 20 Nov 2026" in str(app.screen.query_one("#title").visual)
        rows = table_text(app)
        assert "gone, as you planned | Bo Li | Globex" in rows
        assert "new connection | Eve [bold]Ray[/bold] | Hooli" in rows  # data, not markup
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    again = make_app(
        data_dir=tmp_path / "state",
        snapshot_id=app.context.snapshot_id,
        config_path=tmp_path / "config.toml",
        today=TODAY,
        system_copy=no_system_clipboard,
    )
    async with again.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        assert isinstance(again.screen, ReviewScreen)  # shown once per import
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(again.screen, ChangesScreen)


async def test_enter_on_a_new_connection_shows_their_card(tmp_path: Path) -> None:
    app = app_after_two_imports(tmp_path, EVE, ANA, CY)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        table = app.screen.query_one(ContactTable)
        new_row = next(i for i in range(table.row_count) if table.row(i)[0] == "new connection")
        table.cursor_row = new_row
        await pilot.press("enter")
        await loaded(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert "Eve" in card_name(app)


async def test_the_palette_offers_changes_and_an_unchanged_import_opens_the_review(
    tmp_path: Path,
) -> None:
    app = app_after_two_imports(tmp_path, ANA, BO, "Dee,Ow,https://www.linkedin.com/in/dee,,,,")
    app_unchanged = app_after_two_imports(tmp_path / "same", CY, ANA, BO)  # reordered only
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Changes" in titles
    async with app_unchanged.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        assert len(app_unchanged.context.store.snapshots()) == 2
        assert isinstance(app_unchanged.screen, ReviewScreen)
