"""Working through a long list in two halves at once, one on a thread of its own.

polars lets go of the interpreter's lock while it computes, so two halves of a 30,000-row list
are rendered side by side on a machine with two cores or more, where one frame's expressions of
this size mostly keep to one. Only steps that work row by row may be split: each row's result
must depend on that row alone (and on values worked out from the whole list beforehand).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import polars as pl

SPLIT_FROM = 8_000
"""Fewer rows than this are worked through in one piece: a thread would cost more than it saves."""


def in_halves(frame: pl.DataFrame, step: Callable[[pl.DataFrame], pl.DataFrame]) -> pl.DataFrame:
    """`step(frame)`, worked out as `step` of each half, the halves put back in order."""
    if frame.height < SPLIT_FROM:
        return step(frame)
    middle = frame.height // 2
    with ThreadPoolExecutor(max_workers=1) as aside:
        second = aside.submit(step, frame.slice(middle))
        first = step(frame.slice(0, middle))
        return pl.concat([first, second.result()], how="vertical", rechunk=False)
