"""Notices about the export on one line under the header, and every key hint from the keymap."""

from __future__ import annotations

from pathlib import Path

from prune.tui.screens.notices_screen import NoticesScreen

from testkit.tui import build_app, first_card, help_lines, loaded, reopen, text_of, toasts


async def test_a_connections_only_export_says_so_once_on_a_line_not_a_toast(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await loaded(pilot)
        assert text_of(app, "#notices-line") == "! 1 notice about this export  ·  ! shows it"
        assert not any("Only Connections.csv" in toast for toast in toasts(app))
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, NoticesScreen)
        assert any(line.startswith("• Only Connections.csv here") for line in help_lines(app))
        await pilot.press("escape")
        assert not app.screen.query_one("#notices-line").display  # read: the line goes
    async with reopen(tmp_path).run_test(size=(100, 30), notifications=True) as pilot:
        app = pilot.app
        await loaded(pilot)
        assert not app.screen.query_one("#notices-line").display  # said once per snapshot
        await pilot.press("exclamation_mark")  # and still there for whoever wants them
        assert any(line.startswith("• Only Connections.csv here") for line in help_lines(app))


async def test_the_card_hints_follow_a_remapped_key(tmp_path: Path) -> None:
    config = '[keys]\n"review.yes" = "j"\n"review.keep" = "K"\n'
    app = build_app(tmp_path, config=config)
    async with app.run_test(size=(110, 36)) as pilot:
        await first_card(pilot)
        hint = text_of(app, "#hint")
        assert hint.startswith("j / n / m answer · K keep · x disconnect")
        assert "▸ j / n / m" in text_of(app, "#q-known")
