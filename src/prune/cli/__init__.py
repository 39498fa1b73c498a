"""The `prune` command line: argument parsing, commands, exit codes and reports."""

from prune.cli.main import main

__all__ = ["main"]
