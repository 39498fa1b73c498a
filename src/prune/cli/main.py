"""The `prune` command: parse the arguments, run one command, and turn its end into an exit status.

The statuses are in `prune.cli.exit_codes`; each command lives in `prune.cli.commands`. No
business logic lives here, and nothing heavy is imported until a command is about to run.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Sequence

from prune.cli.exit_codes import EXIT_BAD_INPUT, EXIT_INTERRUPTED, EXIT_OK, EXIT_STATE
from prune.cli.parser import UsageError, mistyped_command, parse_arguments, wants_json
from prune.core.errors import ExportError


def main(argv: Sequence[str] | None = None) -> int:
    """Run `prune` with `argv` (default: the process's arguments); return the exit status.

    `--help` and `--version` end inside argparse with SystemExit; their status is returned like
    any other, so a caller in the same process gets a number, never an exception. Every refusal
    is one line on standard error, or with `--json` one JSON object on standard output.
    """
    words = list(sys.argv[1:] if argv is None else argv)
    as_json = wants_json(words)
    mistyped = mistyped_command(words)
    if mistyped is not None:
        return report_error(mistyped, EXIT_BAD_INPUT, as_json=as_json)
    try:
        args = parse_arguments(words)
    except UsageError as error:
        return report_error(str(error), UsageError.exit_status, as_json=as_json)
    except SystemExit as stop:
        return _status_of(stop)
    return _run(args, as_json=as_json)


def _run(args: argparse.Namespace, *, as_json: bool) -> int:
    from prune.cli.commands import handler_for
    from prune.core.state.store import StoreError

    try:
        return handler_for(args.command)(args)
    except ExportError as error:
        return report_error(str(error), EXIT_BAD_INPUT, as_json=as_json)
    except StoreError as error:
        return report_error(str(error), EXIT_STATE, as_json=as_json)
    except sqlite3.DatabaseError as error:
        # Damage the checks at open could not see (a page read later): the same one line.
        return report_error(str(damaged_store(args, error)), EXIT_STATE, as_json=as_json)
    except KeyboardInterrupt:
        return report_error("interrupted", EXIT_INTERRUPTED, as_json=as_json, quiet=True)
    except BrokenPipeError:
        # The reader stopped early (`prune stats --json | head`): not an error.
        _discard_further_output()
        return EXIT_OK


def report_error(message: str, status: int, *, as_json: bool, quiet: bool = False) -> int:
    """Say why the command stopped and return `status`.

    As text it is one `prune: …` line on standard error (none when `quiet`, as for Ctrl-C); as
    JSON, `{"error": …, "exit": …}` on standard output, where a script reading JSON looks.
    """
    if as_json:
        print(json.dumps({"error": message, "exit": status}, ensure_ascii=False), flush=True)
    elif not quiet:
        print(f"prune: {message}", file=sys.stderr)
    return status


def damaged_store(args: argparse.Namespace, error: sqlite3.DatabaseError) -> Exception:
    """What to say when SQLite finds the state file damaged in the middle of a command."""
    from prune.core.paths import data_dir
    from prune.core.state.damage import damaged
    from prune.core.state.store import DB_NAME

    return damaged(data_dir(args.data_dir) / DB_NAME, str(error))


def _status_of(stop: SystemExit) -> int:
    if stop.code is None:
        return EXIT_OK
    return stop.code if isinstance(stop.code, int) else EXIT_BAD_INPUT


def _discard_further_output() -> None:
    """Point standard output at the null device, so that Python's flush at exit finds no
    closed pipe and prints no traceback."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


if __name__ == "__main__":
    raise SystemExit(main())
