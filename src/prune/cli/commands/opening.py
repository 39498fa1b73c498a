"""What the global options name, opened the same way by every command: the store, the settings."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from prune.core.config import Config, ensure_config
from prune.core.paths import config_file, data_dir
from prune.core.state.lock import WriterLock
from prune.core.state.store import Store


def writer_lock(args: argparse.Namespace) -> WriterLock:
    """The one-writer lock of the state folder, or StoreBusy naming the process holding it.

    A command that changes state holds it from before its first write until it ends; the
    review app runs inside it, so two windows never write to one folder.
    """
    return WriterLock.acquire(data_dir(args.data_dir))


@contextmanager
def open_store(args: argparse.Namespace, *, write: bool) -> Iterator[Store]:
    """The state store in `--data-dir` (else `$PRUNE_DATA_DIR`, else the user data folder).

    With `write`, under the writer lock; without it, a read-only connection that needs no lock,
    except to create or migrate the file the first time.
    """
    folder = data_dir(args.data_dir)
    if not write:
        reader = Store.open_read_only(folder)
        if reader is not None:
            with reader:
                yield reader
            return
    with WriterLock.acquire(folder), Store.open(folder) as store:
        yield store


def load_settings(args: argparse.Namespace) -> Config:
    """The settings file named by `--config`, written with defaults on first use.

    Each problem found in it is one line on standard error; the command goes on with the
    built-in values for whatever could not be read.
    """
    config = ensure_config(config_file(args.config))
    for problem in config.problems:
        print(f"prune: {problem}", file=sys.stderr)
    return config
