"""The compact footer follows the keys the screen offers, and only rebuilds when they change."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from prune.tui.widgets.compact_footer import KEY_TYPE, CompactFooter

from testkit.tui import ROWS, build_app, loaded


class Toggling(Screen[None]):
    """A key (`k`) its screen refuses until told otherwise, like the review while loading."""

    BINDINGS = [
        Binding("k", "keep", "Keep", id="t.keep"),
        Binding("escape", "app.pop_screen", "Back", id="t.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.allowed = False

    def compose(self) -> ComposeResult:
        yield Static("a screen")
        yield CompactFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "keep" and not self.allowed else True

    def action_keep(self) -> None:
        pass


class FooterApp(App[None]):
    BINDINGS = [Binding("o", "open", "Open", id="t.open")]

    def __init__(self) -> None:
        super().__init__()
        self.kept = Toggling()

    def compose(self) -> ComposeResult:
        yield Static("main")

    def on_mount(self) -> None:
        self.install_screen(self.kept, "kept")

    def action_open(self) -> None:
        self.push_screen("kept")


def footer_keys(screen: Screen[None]) -> list[Widget]:
    return [w for w in screen.query_one(CompactFooter).children if type(w).__name__ == KEY_TYPE]


async def test_a_key_the_screen_starts_allowing_shows_as_enabled_in_the_footer() -> None:
    app = FooterApp()
    async with app.run_test() as pilot:
        await pilot.press("o")
        await pilot.pause()
        (keep,) = [key for key in footer_keys(app.kept) if "Keep" in str(key.render())]
        assert keep.has_class("-disabled")
        app.kept.allowed = True
        app.kept.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        (keep,) = [key for key in footer_keys(app.kept) if "Keep" in str(key.render())]
        assert not keep.has_class("-disabled")


async def test_a_screen_shown_again_with_the_same_keys_keeps_its_footer_keys() -> None:
    app = FooterApp()
    async with app.run_test() as pilot:
        await pilot.press("o")
        await pilot.pause()
        before = footer_keys(app.kept)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert before and footer_keys(app.kept) == before


async def test_keys_that_do_not_fit_never_show_beside_the_palette_key(tmp_path: Path) -> None:
    """At 80 columns the nurture screen's keys overflow the footer; the last cell belongs to
    the palette key, not to a key cut off under it (a stray letter after "palette")."""
    app = build_app(tmp_path, *ROWS)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("N")
        await pilot.pause()
        for column in (79, 78):
            widget, _ = app.screen.get_widget_at(column, 23)
            assert widget.has_class("-command-palette"), (column, widget)
