"""`prune completion SHELL` prints a completion script made by shtab from the argument parser.

The script is generated, never kept by hand, so it always knows every command and option. A few
options check their values in prune itself rather than in argparse (to give a better message);
their values are handed to shtab here, on a parser built only for this.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import shtab

from prune.cli.exit_codes import EXIT_OK
from prune.cli.parser import build_parser
from prune.core.farewell.tones import BUILTIN_TONES
from prune.core.lists.formats import FORMATS
from prune.core.lists.selection import LISTS

_VALUES_BY_DEST: dict[str, list[str]] = {
    "which": list(LISTS),  # export --list
    "fmt": list(FORMATS),  # export --format
    "tone": list(BUILTIN_TONES),  # farewells --tone (tones of your own are not known here)
}


def parser_for_completion() -> argparse.ArgumentParser:
    """The parser of `prune`, with the values and the kinds of path each option takes."""
    parser = build_parser()
    for action in _all_actions(parser):
        if action.dest in _VALUES_BY_DEST:
            action.choices = _VALUES_BY_DEST[action.dest]
        elif action.dest == "data_dir":
            action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
        elif action.dest == "config" or action.type is Path:
            action.complete = shtab.FILE  # type: ignore[attr-defined]
    return parser


def _all_actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    found = list(parser._actions)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                found.extend(_all_actions(sub))
    return found


def run_completion(args: argparse.Namespace) -> int:
    print(shtab.complete(parser_for_completion(), shell=args.shell), end="")
    return EXIT_OK
