"""The palette's Screenshot: saved where the user can find it, and the toast says where."""

from __future__ import annotations

from pathlib import Path

import pytest

from prune.tui import app as app_module

from testkit.tui import build_app, loaded, toasts


async def run_screenshot_command(tmp_path: Path) -> list[str]:
    """Pick Screenshot in the palette and wait for the file; return the toasts shown."""
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+p", *"screenshot")
        await pilot.pause(0.3)
        await pilot.press("enter")
        for _ in range(40):  # the palette waits 0.1 s, then a thread writes the file
            await pilot.pause(0.05)
            if any("Saved screenshot" in toast for toast in toasts(app)):
                break
        return toasts(app)


async def test_without_a_downloads_folder_the_screenshot_goes_in_the_current_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    missing = tmp_path / "home" / "Downloads"
    monkeypatch.setattr(app_module, "user_downloads_path", lambda: missing)
    shown = await run_screenshot_command(tmp_path)
    assert any(f"No {missing} folder: the screenshot goes in {here}." in t for t in shown)
    assert any("Saved screenshot" in t and str(here) in t for t in shown)
    assert [path.suffix for path in here.iterdir()] == [".svg"]
    assert not missing.exists()


async def test_with_a_downloads_folder_it_goes_there_without_a_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    monkeypatch.setattr(app_module, "user_downloads_path", lambda: downloads)
    monkeypatch.setattr("textual.app.user_downloads_path", lambda: downloads)
    shown = await run_screenshot_command(tmp_path)
    assert not any("No " in t and "folder" in t for t in shown)
    assert [path.suffix for path in downloads.iterdir()] == [".svg"]
