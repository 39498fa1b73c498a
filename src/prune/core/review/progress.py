"""How far the review has come, and how long what is left will take at the user's own pace."""

from __future__ import annotations

from dataclasses import dataclass

# A gap longer than this is a break, not the time a decision took.
BREAK_SECONDS = 300.0
# The pace follows the latest decisions only: people speed up as they go.
PACE_WINDOW = 30
# Fewer gaps than this are not a pace yet.
MIN_GAPS = 3


@dataclass(frozen=True)
class Progress:
    total: int
    keep: int
    disconnect: int
    later: int
    undecided: int
    seconds_left: float | None

    @property
    def reviewed(self) -> int:
        return self.keep + self.disconnect

    @property
    def finished(self) -> bool:
        return self.reviewed == self.total


class Pace:
    """How long each decision of this session took; undoing one forgets its time.

    Each decision's time is measured from the decision (or undo) before it, so an undo neither
    leaves a gap spanning two decisions nor counts the moment spent undoing as a slow one; the
    time left is the median of the latest decisions' times, which one odd gap cannot swing.
    """

    def __init__(self) -> None:
        self._gaps: list[float | None] = []  # None: the first decision, with nothing before it
        self._last: float | None = None

    def decided(self, at: float) -> None:
        self._gaps.append(None if self._last is None else at - self._last)
        self._last = at

    def undone(self, at: float | None = None) -> None:
        """Forget the latest decision's time; the next one is timed from `at` (the undo)."""
        if self._gaps:
            self._gaps.pop()
        if at is not None:
            self._last = at

    def seconds_left(self, remaining: int) -> float | None:
        """Remaining contacts times the median of the latest gaps; breaks don't count."""
        recent = self._gaps[-PACE_WINDOW:]
        gaps = [gap for gap in recent if gap is not None and 0 <= gap < BREAK_SECONDS]
        if len(gaps) < MIN_GAPS:
            return None
        import statistics  # only once there is a pace: not before the first card

        return statistics.median(gaps) * remaining
