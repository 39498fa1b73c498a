"""Killed at any moment, the state file keeps every decision it acknowledged, and stays whole.

A writer process records decisions through the core Store and says so on stdout after each
commit; it is SIGKILLed at random moments, twenty times, on the same state folder. After each
kill every acknowledged decision must be there, `PRAGMA integrity_check` must pass, and the
next writer must get the lock the dead one held.

To keep this fast the interpreter and its imports start once: a parent process forks one writer
per round, so a round costs a fork, not a Python start-up.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

ROUNDS = 20
LONGEST_LIFE = 0.25  # seconds: long enough for dozens of commits, short enough to kill mid-open

FORKING_WRITER = r"""
import os, sys
from pathlib import Path
from prune.core.state.lock import WriterLock
from prune.core.state.store import Store

folder = Path(sys.argv[1])
print("started", flush=True)
for line in sys.stdin:
    prefix = line.strip()
    child = os.fork()
    if child == 0:
        os.write(1, f"pid {os.getpid()}\n".encode())
        try:
            lock = WriterLock.acquire(folder)
            store = Store.open(folder)
            number = 0
            while True:
                key = f"{prefix}-{number}"
                store.save_decision(key, "crash-test", verdict="keep", note=key)
                os.write(1, f"ack {key}\n".encode())
                number += 1
        except BaseException as error:
            os.write(1, f"failed {type(error).__name__}: {error}\n".encode())
            os._exit(1)
    os.waitpid(child, 0)
    print("reaped", flush=True)
"""


def _read_until(stream, marker: str) -> list[str]:
    lines = []
    while True:
        line = stream.readline()
        assert line, f"the writer process ended before saying {marker!r}"
        lines.append(line.strip())
        if line.startswith(marker):
            return lines


def test_every_acknowledged_decision_survives_sigkill(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    chance = random.Random(11)
    parent = subprocess.Popen(
        [sys.executable, "-c", FORKING_WRITER, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert parent.stdin is not None and parent.stdout is not None
    acknowledged: list[str] = []
    try:
        _read_until(parent.stdout, "started")
        for round_number in range(ROUNDS):
            parent.stdin.write(f"round{round_number}\n")
            parent.stdin.flush()
            pid = int(_read_until(parent.stdout, "pid ")[-1].split()[1])
            time.sleep(chance.uniform(0, LONGEST_LIFE))
            os.kill(pid, signal.SIGKILL)
            lines = _read_until(parent.stdout, "reaped")
            assert not [line for line in lines if line.startswith("failed")], lines
            acknowledged += [line.split()[1] for line in lines if line.startswith("ack ")]
            with closing(sqlite3.connect(folder / "prune.sqlite3")) as db:
                assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                present = {key for (key,) in db.execute("SELECT key FROM decisions")}
            missing = [key for key in acknowledged if key not in present]
            assert not missing, f"round {round_number}: acknowledged but lost: {missing[:5]}"
    finally:
        parent.kill()
        parent.wait()
    assert len(acknowledged) > ROUNDS  # the writers did get to commit, round after round
