"""Knowing when a widget's new content has reached the screen, for the benchmark only.

How Textual 8 paints a change: `Static.update` stores the new content and marks the widget for
refresh; the widget tells its screen, which resumes its 60 Hz update timer; the timer's callback
(`Screen._on_timer_update`) asks the compositor to render the dirty widgets (this is where
`Widget.render_lines` runs) and hands the result to `App._display`, which turns it into terminal
escape codes and writes them. So a change is on screen at the end of the first `App._display`
that follows a `render_lines` of the watched widget made after its content changed. That is the
moment `PaintProbe` records: not `pilot.pause()` (which waits for every queue to drain), not the
end of the key handler (before anything is rendered).

Headless apps skip the escape-code step in `_display`; `TimedDisplay` performs it anyway and
throws the text away, so the product and its floor both pay what a real terminal costs except the
final write. Nothing here is imported by prune itself.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from textual._compositor import CompositorUpdate
from textual.widget import Widget


class PaintProbe:
    """Stamps the first screen update that shows a watched widget's new content."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        self._clock = clock
        self._armed = False
        self._changed = False
        self._rendered = False
        self.painted_at: float | None = None
        self._painted = asyncio.Event()
        self.on_paint: Callable[[], None] | None = None

    def watch(self, widget: Widget) -> None:
        """Follow `widget`: its `update` (if any) counts as the change, its renders as drawing."""
        render_lines = widget.render_lines

        def rendered(crop: Any) -> Any:
            lines = render_lines(crop)
            if self._changed:
                self._rendered = True
            return lines

        widget.render_lines = rendered  # type: ignore[method-assign]
        update = getattr(widget, "update", None)
        if callable(update):

            def updated(*args: Any, **kwargs: Any) -> Any:
                result = update(*args, **kwargs)
                self.changed()
                return result

            widget.update = updated  # type: ignore[attr-defined]

    def expect(self) -> None:
        """Start waiting for the next change to be painted."""
        self._armed = True
        self._changed = self._rendered = False
        self.painted_at = None
        self._painted.clear()

    def changed(self) -> None:
        """The watched widget holds new content (called by the wrapped `update`, or by hand)."""
        if self._armed:
            self._changed = True

    def displayed(self) -> None:
        """Called after each real screen update; stamps the first one carrying the change."""
        if self._armed and self._rendered:
            self.painted_at = self._clock()
            self._armed = False
            self._painted.set()
            if self.on_paint is not None:
                self.on_paint()

    async def wait(self, timeout: float = 10.0) -> float:
        await asyncio.wait_for(self._painted.wait(), timeout)
        assert self.painted_at is not None
        return self.painted_at


class TimedDisplay:
    """App mixin: encode each screen update as a terminal would, then tell the probe."""

    probe: PaintProbe

    def _display(self, screen: Any, renderable: Any) -> None:
        app: Any = self
        shown = renderable is not None and not app._batch_count
        if shown and app.is_headless and isinstance(renderable, CompositorUpdate):
            renderable.render_segments(app.console)
        super()._display(screen, renderable)  # type: ignore[misc]
        if shown:
            self.probe.displayed()
