"""The review's first card, shown before its session exists, and the keys pressed on it.

The review paints its first card from `core.review.opening` (milliseconds) and builds the
session in a worker afterwards. The session starts on that same card, so a key pressed in the
meantime is kept and run once the session is in, in the order pressed, on the card the user saw.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from prune.core.review.opening import Opening
from prune.core.review.session import ReviewSession

P = ParamSpec("P")


class FirstCard:
    """The opening on screen until the session arrives, and the actions waiting for it."""

    def __init__(self, opening: Opening | None) -> None:
        self.opening = opening
        self.painted = threading.Event()
        """Set once the first card is on screen: the session's worker waits for it, as its
        work on another thread would slow that paint down (they share the GIL)."""
        self._waiting: list[Callable[[], None]] = []
        if opening is None:  # nothing to paint first: the session is built at once
            self.painted.set()

    def keep(self, action: Callable[[], None]) -> None:
        self._waiting.append(action)

    def session_arrived(self, session: ReviewSession) -> list[Callable[[], None]]:
        """Hand the card over to `session` and forget the opening; the actions to run, in order."""
        shown = self.opening.view.key if self.opening is not None else None
        if shown is not None and session.current is not None and session.current.key != shown:
            session.jump_to(shown)  # never happens unless the queue changed: the card stays
        self.opening = None
        self.painted.set()
        waiting, self._waiting = self._waiting, []
        return waiting


class Reviewing(Protocol):
    @property
    def session(self) -> object | None: ...

    @property
    def first_card(self) -> FirstCard: ...


R = TypeVar("R", bound=Reviewing)


def needs_session(action: Callable[Concatenate[R, P], None]) -> Callable[Concatenate[R, P], None]:
    """A review action: run now if the session is in, later if only the first card is."""

    @functools.wraps(action)
    def run(screen: R, *args: P.args, **kwargs: P.kwargs) -> None:
        if screen.session is not None:
            action(screen, *args, **kwargs)
        elif screen.first_card.opening is not None:
            screen.first_card.keep(lambda: run(screen, *args, **kwargs))

    return run
