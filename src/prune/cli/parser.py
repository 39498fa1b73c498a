"""The argument tree of `prune`: every command, its options and their help text.

Only the standard library and light modules are imported here, so that `prune --help` and
`prune --version` answer before polars or Textual would load.
"""

from __future__ import annotations

import argparse
import difflib
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from prune import __version__
from prune.cli.exit_codes import EXIT_BAD_INPUT
from prune.core.review.order_names import ORDERS

COMMANDS = (
    "review",
    "demo",
    "import",
    "stats",
    "snapshots",
    "changes",
    "forget",
    "decide",
    "undo",
    "farewells",
    "export",
    "invitations",
    "nurture",
    "backup",
    "restore",
    "doctor",
    "completion",
)
"""Every command name, in the order `prune --help` lists them."""

QUERY_HELP = (
    "terms all match, -term negates, quotes group words; fields: name, company, position, "
    "verdict, status, connected, messages, last, flag, evidence, colleague, invited"
)

SAVED_HELP = (
    'the query saved as NAME: [filters] NAME = "QUERY" in the config (ctrl+s in the filter box '
    "of the list of all contacts saves one)"
)

_OPTIONS_WITH_A_VALUE = {"--data-dir", "--config"}
_ANSWERED_BY_ARGPARSE = {"-h", "--help", "--version"}


class UsageError(Exception):
    """A command line argparse refused; `main` reports it (as text, or as JSON with --json)."""

    exit_status = EXIT_BAD_INPUT


class UsageErrorParser(argparse.ArgumentParser):
    """Usage errors are bad input too: one line, exit status 2, like every other refusal."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see prune --help)")


def _global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """`--data-dir` and `--config`, accepted before the command and after it.

    After the command they default to SUPPRESS, so that an option given before the command is
    not overwritten by the subcommand's own default.
    """
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="keep all state in DIR (default: $PRUNE_DATA_DIR, else your user data folder)",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        default=default,
        help="settings file (default: $PRUNE_CONFIG_DIR/config.toml, else your user config folder)",
    )


def _add_review(review: argparse.ArgumentParser) -> None:
    review.add_argument("path", nargs="?", type=Path, help="Connections.csv, export zip or folder")
    review.add_argument(
        "--order",
        choices=list(ORDERS),
        help="review order (default: oldest first, or likely "
        "disconnects first once the archive gives evidence)",
    )


def _add_demo(demo: argparse.ArgumentParser) -> None:
    demo.add_argument("--order", help=argparse.SUPPRESS)


def _add_import(imp: argparse.ArgumentParser) -> None:
    imp.add_argument("path", type=Path, help="Connections.csv, the export zip, or its folder")
    imp.add_argument("--json", action="store_true", help="print the summary as JSON")


def _add_stats(stats: argparse.ArgumentParser) -> None:
    stats.add_argument("--json", action="store_true", help="print one JSON object")


def _add_snapshots(snapshots: argparse.ArgumentParser) -> None:
    snapshots.add_argument("--json", action="store_true", help="print one JSON array")


def _add_forget(forget: argparse.ArgumentParser) -> None:
    forget.add_argument("snapshot", type=int, metavar="SNAPSHOT", help="the id `snapshots` shows")
    forget.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def _add_changes(changes: argparse.ArgumentParser) -> None:
    changes.add_argument("--from", dest="older", type=int, metavar="ID", help="older snapshot")
    changes.add_argument("--to", dest="newer", type=int, metavar="ID", help="newer snapshot")
    changes.add_argument("--json", action="store_true", help="print one JSON object")


def _add_farewells(farewells: argparse.ArgumentParser) -> None:
    farewells.add_argument(
        "--tone",
        metavar="T",
        help="write every message in tone T (built in: warm, brief, formal; add your own in the "
        "config); messages you edited stay as you wrote them",
    )
    farewells.add_argument(
        "--out", metavar="FILE", type=Path, help="write to FILE instead of printing"
    )
    farewells.add_argument("--force", action="store_true", help="replace FILE if it exists")


def _add_export(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "--list",
        dest="which",
        metavar="LIST",
        default=None,
        help="which contacts: disconnect (default; all with --where), keep, later, undecided "
        "(no verdict yet), all, past (in an earlier export, not the latest); or which pending "
        "invitations: accept, ignore, withdraw",
    )
    export.add_argument(
        "--format",
        dest="fmt",
        metavar="FORMAT",
        default="csv",
        help="csv (default) and json hold every field; md is a checklist by company; urls is "
        "one profile URL per line; names is First<TAB>Last per line",
    )
    export.add_argument(
        "--out", metavar="FILE", type=Path, help="write to FILE (default: standard output)"
    )
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    which = export.add_mutually_exclusive_group()
    which.add_argument(
        "--where", metavar="QUERY", help=f"only the contacts QUERY matches; {QUERY_HELP}"
    )
    which.add_argument("--saved", metavar="NAME", help=SAVED_HELP)
    export.add_argument(
        "--excel", action="store_true", help="start the CSV with a byte-order mark for Excel"
    )


def _add_decide(decide: argparse.ArgumentParser) -> None:
    decide.add_argument(
        "verdict", choices=["keep", "disconnect", "later", "undecided"], help="what to decide"
    )
    which = decide.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--where",
        metavar="QUERY",
        help=f"which contacts, e.g. 'company:acme connected:<2015 -verdict:keep'; {QUERY_HELP}",
    )
    which.add_argument("--saved", metavar="NAME", help=SAVED_HELP)
    decide.add_argument(
        "--dry-run", action="store_true", help="count and name them, change nothing"
    )
    decide.add_argument("--json", action="store_true", help="print one JSON object")


def _add_undo(undo: argparse.ArgumentParser) -> None:
    undo.add_argument("--json", action="store_true", help="print one JSON object")


def _add_backup(backup: argparse.ArgumentParser) -> None:
    backup.add_argument(
        "file",
        nargs="?",
        type=Path,
        help="the zip to write: the state, the evidence cache and the settings",
    )
    backup.add_argument("--force", action="store_true", help="replace FILE if it exists")
    backup.add_argument(
        "--list", action="store_true", help="list the copies kept before each import instead"
    )


def _add_restore(restore: argparse.ArgumentParser) -> None:
    source = restore.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", type=Path, help="a backup zip or a copy of the state")
    source.add_argument(
        "--latest", action="store_true", help="the newest copy kept before an import"
    )
    restore.add_argument(
        "--force", action="store_true", help="replace the current state without asking"
    )


def _add_doctor(doctor: argparse.ArgumentParser) -> None:
    doctor.add_argument("--json", action="store_true", help="print one JSON object")


def _add_completion(completion: argparse.ArgumentParser) -> None:
    completion.add_argument("shell", choices=["bash", "zsh", "fish"], help="your shell")


def _add_invitations(invitations: argparse.ArgumentParser) -> None:
    invitations.add_argument("--json", action="store_true", help="print one JSON array")


def _add_nurture(nurture: argparse.ArgumentParser) -> None:
    nurture.add_argument("--json", action="store_true", help="print one JSON array")
    nurture.add_argument("--due", action="store_true", help="only the contacts due now")
    nurture.add_argument(
        "--ics",
        metavar="FILE",
        type=Path,
        help="write a calendar with one recurring reminder per contact to FILE",
    )
    nurture.add_argument("--force", action="store_true", help="replace FILE if it exists")


_COMMAND_SPECS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "review": ("import PATH if new (or resume the latest import) and review", _add_review),
    "demo": ("open the app on invented sample data (your state is not touched)", _add_demo),
    "import": ("record an export as a snapshot and print a summary", _add_import),
    "stats": ("describe the current state", _add_stats),
    "snapshots": ("list every export imported, by the date of the export", _add_snapshots),
    "changes": (
        "who disappeared, who is new, who changed jobs and who was renamed between two exports",
        _add_changes,
    ),
    "forget": (
        "remove one snapshot that is not the latest (decisions, notes and farewells stay)",
        _add_forget,
    ),
    "decide": ("decide every contact a query matches, as one batch one undo restores", _add_decide),
    "undo": ("undo the latest decision or batch, and say what it restored", _add_undo),
    "farewells": (
        "print a farewell message for every connection marked disconnect, as plain text",
        _add_farewells,
    ),
    "export": ("write a list of contacts (the disconnect list by default)", _add_export),
    "backup": ("write all of prune's state to one file, or list the copies kept", _add_backup),
    "restore": (
        "bring back the state from a backup (your current state is kept aside)",
        _add_restore,
    ),
    "doctor": ("describe this installation and terminal, for a bug report or a fix", _add_doctor),
    "completion": ("print a completion script for bash, zsh or fish", _add_completion),
    "invitations": (
        "the invitations still pending, both ways, and what you decided about each",
        _add_invitations,
    ),
    "nurture": (
        "the contacts you kept, least recently in touch first, and who is due a word",
        _add_nurture,
    ),
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole argument tree; a new parser each call, so no run sees another's state.

    `only` names the one command the line runs: its options are all that parsing it needs, and
    building the other commands' options costs a launch several milliseconds.
    """
    parser = UsageErrorParser(
        prog="prune",
        description="Review your LinkedIn connections from the data export, one key per decision.",
        epilog="With no command: `prune PATH` imports PATH if it is new and opens the review; "
        "`prune` alone resumes the latest import.",
    )
    parser.add_argument("--version", action="version", version=f"prune {__version__}")
    _global_options(parser, top=True)
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=UsageErrorParser
    )
    for name in COMMANDS if only is None else (only,):
        help_text, add_options = _COMMAND_SPECS[name]
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _global_options(sub, top=False)
        add_options(sub)
    return parser


def with_default_command(argv: Sequence[str]) -> list[str]:
    """Let `prune PATH` and bare `prune` mean the review command.

    The first word that is neither an option nor an option's value decides: a command name is
    left alone, anything else (a path, or nothing at all) gets `review` put in front of it.
    """
    words = list(argv)
    index = _first_word(words)
    if index is None or (index < len(words) and words[index] in COMMANDS):
        return words
    return [*words[:index], "review", *words[index:]]


def _first_word(
    words: list[str], start: int = 0, with_value: frozenset[str] | set[str] = _OPTIONS_WITH_A_VALUE
) -> int | None:
    """Where the first word from `start` that is not an option (or its value) is, or would be;
    None when argparse answers the line itself (`--help`, `--version`)."""
    index = start
    while index < len(words):
        word = words[index]
        if word in with_value:
            index += 2
            continue
        if not word.startswith("-"):
            break
        if word in _ANSWERED_BY_ARGPARSE:
            return None
        index += 1
    return index


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The parsed command line; raises SystemExit for --help, --version and usage errors."""
    words = with_default_command(argv)
    index = _first_word(words)
    command = words[index] if index is not None and index < len(words) else None
    return build_parser(command if command in COMMANDS else None).parse_args(words)


def wants_json(argv: Sequence[str]) -> bool:
    """Whether `--json` is on the command line (before any `--`): then errors are JSON too."""
    words = list(argv)
    return "--json" in (words[: words.index("--")] if "--" in words else words)


def mistyped_command(argv: Sequence[str]) -> str | None:
    """Why a first word that is a misspelt command is refused, naming the closest command.

    `prune chnages` would reach the review as a path; a bare word (no folder, no extension)
    that names nothing on disk but is close to a command is far more likely a typo than an
    export. So is the path of `prune review chnages` (or `prune review changes`): the user
    typed a command after `review`. None when the line is anything else.
    """
    words = list(argv)
    index = _first_word(words)
    if index is None or index >= len(words):
        return None
    if words[index] == "review":
        path = _first_word(words, index + 1, _OPTIONS_WITH_A_VALUE | {"--order"})
        if path is None or path >= len(words):
            return None
        closest = _closest_command(words[path])
        return None if closest is None else _did_you_mean(words[path], f"prune {closest}")
    if words[index] in COMMANDS:
        return None
    closest = _closest_command(words[index])
    return None if closest is None else _did_you_mean(words[index], closest)


def _closest_command(word: str) -> str | None:
    """The command a bare word naming nothing on disk is close to, if any."""
    if any(mark in word for mark in ("/", "\\", ".")) or os.path.lexists(word):
        return None
    closest = difflib.get_close_matches(word.lower(), COMMANDS, n=1, cutoff=0.75)
    return closest[0] if closest else None


def _did_you_mean(word: str, meant: str) -> str:
    return (
        f"{word!r} is neither a command nor an existing path: did you mean `{meant}`? "
        "(see prune --help)"
    )
