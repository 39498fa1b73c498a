"""How far the review has come, and how long what is left will take at the user's own pace."""

from __future__ import annotations

import itertools
import statistics
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
    """The moments decisions were taken in this session; undoing one forgets the latest."""

    def __init__(self) -> None:
        self._times: list[float] = []

    def decided(self, at: float) -> None:
        self._times.append(at)

    def undone(self) -> None:
        if self._times:
            self._times.pop()

    def seconds_left(self, remaining: int) -> float | None:
        """Remaining contacts times the median of the latest gaps; breaks don't count."""
        times = self._times[-(PACE_WINDOW + 1) :]
        gaps = [b - a for a, b in itertools.pairwise(times) if 0 <= b - a < BREAK_SECONDS]
        if len(gaps) < MIN_GAPS:
            return None
        return statistics.median(gaps) * remaining
