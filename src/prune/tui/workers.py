"""Reading a thread worker's end from its `Worker.StateChanged` message, typed.

Every prune worker runs with `exit_on_error=False`: what it returns and what it raises both
arrive on the UI thread as a state change, and the screen that started it decides what the user
sees (one line, never a traceback).
"""

from __future__ import annotations

from typing import TypeVar

from textual.worker import Worker, WorkerState

T = TypeVar("T")


def result_of(event: Worker.StateChanged, worker: Worker[T] | None) -> T | None:
    """What `worker` returned, when `event` says it has just succeeded; otherwise None."""
    if worker is None or event.worker is not worker or event.state != WorkerState.SUCCESS:
        return None
    return worker.result


def failure_of(event: Worker.StateChanged, worker: Worker[T] | None) -> BaseException | None:
    """What `worker` raised, when `event` says it has just failed; otherwise None."""
    if worker is None or event.worker is not worker or event.state != WorkerState.ERROR:
        return None
    return worker.error


def one_line(error: BaseException) -> str:
    """An error as the one line a user reads: its message, or at least its kind."""
    return " ".join(str(error).split()) or type(error).__name__
