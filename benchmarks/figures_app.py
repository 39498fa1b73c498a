"""The figures of the app itself, run in process through Textual's Pilot: key presses on the
review, keystrokes in the workbench filter, and opening the list of all contacts.

Key presses go in through the driver as a terminal's keys do and their paint is stamped by
paint_probe.PaintProbe; each figure's floor is a bare Textual app doing the same screen work.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from typing import Any

from common import PRESS_GAP, SIZE, Context, Result, percentile


async def _press(app: Any, pilot: Any, probe: Any, key: str, presses: int) -> list[float]:
    """Seconds from each key event entering the app to the screen update showing its effect.

    The key goes in through the driver's `send_message`, the same call a terminal driver makes
    when it reads a key; the paint is stamped by `PaintProbe` (see paint_probe.py).
    """
    from textual import events

    driver = app._driver
    samples = []
    for _ in range(presses):
        await pilot.pause()
        await asyncio.sleep(PRESS_GAP)
        probe.expect()
        start = time.perf_counter()
        driver.send_message(events.Key(key, key))
        samples.append(await probe.wait() - start)
    return samples


async def _prune_presses(context: Context) -> list[float]:
    from paint_probe import PaintProbe, TimedDisplay

    import prune.tui.app as app_module

    class TimedApp(TimedDisplay, app_module.PruneApp):
        pass

    state = context.fresh_state()
    real_app = app_module.PruneApp
    app_module.PruneApp = TimedApp  # type: ignore[misc]  # make_app builds this subclass
    try:
        app = app_module.make_app(
            data_dir=state, snapshot_id=context.snapshot_id, config_path=context.config
        )
    finally:
        app_module.PruneApp = real_app  # type: ignore[misc]
    app.probe = PaintProbe()
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.probe.watch(app.screen.query_one("#rows"))
        return await _press(app, pilot, app.probe, "k", context.profile.presses)


async def _bare_presses(context: Context) -> list[float]:
    """The same key on a bare app painting a card of the review's size (see bare_card.py)."""
    from bare_card import BareCardApp
    from paint_probe import PaintProbe

    app = BareCardApp(context.contacts())
    app.probe = PaintProbe()
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        app.probe.watch(app.query_one("#name"))
        return await _press(app, pilot, app.probe, "k", context.profile.presses)


def key_press_samples(context: Context) -> tuple[list[float], list[float]]:
    """Presses of `k` on the real review (30k contacts) and on the bare app, in ms."""
    if "presses" not in context.cache:
        prune = asyncio.run(_prune_presses(context))
        bare = asyncio.run(_bare_presses(context))
        context.cache["presses"] = ([s * 1000 for s in prune], [s * 1000 for s in bare])
    return context.cache["presses"]


def measure_key_press_median(context: Context) -> Result:
    prune, bare = key_press_samples(context)
    return Result(statistics.median(prune), statistics.median(bare), f"{len(prune)} presses")


def measure_key_press_p99(context: Context) -> Result:
    prune, bare = key_press_samples(context)
    return Result(percentile(prune, 0.99), percentile(bare, 0.99), f"{len(prune)} presses")


def measure_filter_keystroke(context: Context) -> Result:
    """A key typed in the workbench's filter box until the filtered list is on screen (median,
    the issue's figure; the p99 goes in the note).

    The query is typed and erased over and over ("acme", "-verdict:keep"), each key through the
    driver as a terminal sends it, its paint stamped by PaintProbe; there is no floor.
    """
    samples = asyncio.run(_filter_keystrokes(context))
    p99 = percentile(samples, 0.99) * 1000
    return Result(statistics.median(samples) * 1000, None, f"{len(samples)} keys, p99 {p99:.1f} ms")


async def _filter_keystrokes(context: Context) -> list[float]:
    from paint_probe import PaintProbe, TimedDisplay
    from textual import events

    import prune.tui.app as app_module

    class TimedApp(TimedDisplay, app_module.PruneApp):
        pass

    real_app = app_module.PruneApp
    app_module.PruneApp = TimedApp  # type: ignore[misc]  # make_app builds this subclass
    try:
        app = app_module.make_app(
            data_dir=context.fresh_state(),
            snapshot_id=context.snapshot_id,
            config_path=context.config,
        )
    finally:
        app_module.PruneApp = real_app  # type: ignore[misc]
    app.probe = PaintProbe()
    typed = [*"acme", *["backspace"] * 4, *"-verdict:keep", *["backspace"] * 13]
    samples = []
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("a", "slash")
        await pilot.pause()
        app.probe.watch(app.screen.query_one("#title"))
        for number in range(max(context.profile.presses // 2, len(typed))):
            key = typed[number % len(typed)]
            await pilot.pause()
            await asyncio.sleep(PRESS_GAP)
            app.probe.expect()
            start = time.perf_counter()
            character = None if key == "backspace" else key
            app._driver.send_message(
                events.Key(key if character is None else _key_name(key), character)
            )
            samples.append(await app.probe.wait() - start)
    return samples


def _key_name(character: str) -> str:
    """Textual's name for a typed character: letters are themselves, "-" and ":" have names."""
    return {"-": "minus", ":": "colon"}.get(character, character)


def measure_contact_list(context: Context) -> Result:
    """`a` in the review until the list of all contacts has painted its first screen.

    Timed in the real headless app from the key to the end of the first screen update that
    shows the list (pilot.pause waits for it); the median of several openings. Pilot's own
    press-and-pause costs more than 100 ms here, so no absolute limit could be met: the floor
    is the same key pushing a screen of one Static and a footer in a bare app, timed the same
    way, and the budget is a ratio to it (the difference is the list's own cost).
    """
    samples = asyncio.run(_open_contact_list(context))
    floors = asyncio.run(_open_bare_screen(context.profile.repeats))
    return Result(
        statistics.median(samples) * 1000,
        statistics.median(floors) * 1000,
        f"{len(samples)} openings; the list's own cost is value minus floor",
    )


async def _open_bare_screen(repeats: int) -> list[float]:
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.screen import Screen
    from textual.widgets import Footer, Static

    class Bare(Screen[None]):
        BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

        def compose(self) -> ComposeResult:
            yield Static("one line")
            yield Footer()

    class BareApp(App[None]):
        BINDINGS = [Binding("a", "open", "Open")]

        def compose(self) -> ComposeResult:
            yield Static("main")

        def action_open(self) -> None:
            self.push_screen(Bare())

    app = BareApp()
    samples = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(repeats):
            start = time.perf_counter()
            await pilot.press("a")
            await pilot.pause()
            samples.append(time.perf_counter() - start)
            await pilot.press("escape")
            await pilot.pause()
    return samples


async def _open_contact_list(context: Context) -> list[float]:
    from prune.tui.app import make_app
    from prune.tui.screens.contacts_screen import ContactsScreen

    app = make_app(
        data_dir=context.fresh_state(), snapshot_id=context.snapshot_id, config_path=context.config
    )
    samples = []
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(2):
            await app.workers.wait_for_complete()
            await pilot.pause()
        for _ in range(context.profile.repeats):
            start = time.perf_counter()
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, ContactsScreen)
            samples.append(time.perf_counter() - start)
            await pilot.press("escape")
            await pilot.pause()
    return samples
