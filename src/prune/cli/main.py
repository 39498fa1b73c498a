"""The `prune` command: parse the arguments, run one command, and turn its end into an exit status.

The statuses are in `prune.cli.exit_codes`; each command lives in `prune.cli.commands`. No
business logic lives here, and nothing heavy is imported until a command is about to run.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from prune.cli.exit_codes import EXIT_BAD_INPUT, EXIT_INTERRUPTED, EXIT_OK, EXIT_STATE
from prune.cli.parser import parse_arguments
from prune.core.errors import ExportError


def main(argv: Sequence[str] | None = None) -> int:
    """Run `prune` with `argv` (default: the process's arguments); return the exit status.

    Usage errors, `--help` and `--version` end inside argparse with SystemExit; their status is
    returned like any other, so a caller in the same process gets a number, never an exception.
    """
    try:
        args = parse_arguments(sys.argv[1:] if argv is None else argv)
    except SystemExit as stop:
        return _status_of(stop)

    from prune.cli.commands import handler_for
    from prune.core.state.store import StoreError

    try:
        return handler_for(args.command)(args)
    except ExportError as error:
        print(f"prune: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except StoreError as error:
        print(f"prune: {error}", file=sys.stderr)
        return EXIT_STATE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader stopped early (`prune stats --json | head`): not an error.
        _discard_further_output()
        return EXIT_OK


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
