"""What the global options name, opened the same way by every command: the store, the settings."""

from __future__ import annotations

import argparse
import sys

from prune.core.config import Config, ensure_config
from prune.core.paths import config_file, data_dir
from prune.core.state.store import Store


def open_store(args: argparse.Namespace) -> Store:
    """The state store in `--data-dir` (else `$PRUNE_DATA_DIR`, else the user data folder)."""
    return Store.open(data_dir(args.data_dir))


def load_settings(args: argparse.Namespace) -> Config:
    """The settings file named by `--config`, written with defaults on first use.

    Each problem found in it is one line on standard error; the command goes on with the
    built-in values for whatever could not be read.
    """
    config = ensure_config(config_file(args.config))
    for problem in config.problems:
        print(f"prune: {problem}", file=sys.stderr)
    return config
