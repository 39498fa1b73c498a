"""`prune backup` writes all of the state to one file or lists the rolling copies; `prune restore`
brings a backup or a rolling copy back, after checking it and keeping the current state aside."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from prune.cli.exit_codes import EXIT_BAD_INPUT, EXIT_OK, EXIT_STATE
from prune.core.lists.atomic_write import check_target, write_atomically
from prune.core.paths import config_file, data_dir
from prune.core.state.backups import (
    KEEP_ROLLING,
    BackupError,
    StateCounts,
    backups_dir,
    read_counts,
    rolling_copies,
    state_file,
)
from prune.core.state.state_archive import (
    Restored,
    build_archive,
    current_state,
    put_in_place,
    unpack,
)
from prune.core.text.sizes import human_size


def run_backup(args: argparse.Namespace) -> int:
    folder = data_dir(args.data_dir)
    if args.list:
        if args.file is not None:
            return _refuse("give either FILE or --list, not both (see prune backup --help)")
        return _list_copies(folder)
    if args.file is None:
        return _refuse(
            "name the FILE to write the backup to, or add --list (see prune backup --help)"
        )
    if not state_file(folder).is_file():
        print(f"No state to back up yet in {folder}: import an export first (prune import PATH).")
        return EXIT_OK
    target = check_target(args.file, force=args.force)
    try:
        data, counts = build_archive(folder, config_file(args.config))
    except BackupError as error:
        print(f"prune: {error}", file=sys.stderr)
        return EXIT_STATE
    write_atomically(target, data, force=args.force)
    os.chmod(target, 0o600)  # it holds everything, even when it replaced a shared file
    print(f"Backed up {counts.describe()} to {target} ({human_size(len(data))}).")
    return EXIT_OK


def _list_copies(folder: Path) -> int:
    copies = rolling_copies(folder)
    where = backups_dir(folder)
    if not copies:
        print(f"No copies yet: one is kept in {where} before each import.")
        return EXIT_OK
    print(
        f"Copies kept before each import in {where} (newest first; the newest {KEEP_ROLLING} stay):"
    )
    for copy in copies:
        counts = read_counts(copy.path)
        held = counts.describe() if counts is not None else "unreadable"
        taken = copy.taken_at.strftime("%Y-%m-%d %H:%M:%S UTC")
        print(f"  {taken}  {human_size(copy.size):>8}  {held}  {copy.path.name}")
    print("Bring the newest back with: prune restore --latest")
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    folder = data_dir(args.data_dir)
    source = args.file
    if args.latest:
        copies = rolling_copies(folder)
        if not copies:
            return _refuse(
                f"no copy has been kept in {backups_dir(folder)} yet "
                "(one is made before each import)"
            )
        source = copies[0].path
    try:
        with unpack(source, folder) as unpacked:
            current = current_state(folder)
            if (
                current is not None
                and not args.force
                and not _confirmed(folder, current, unpacked.counts)
            ):
                return EXIT_BAD_INPUT
            restored = put_in_place(unpacked, folder, config_file(args.config))
    except BackupError as error:
        return _refuse(str(error))
    print("\n".join(_restored_lines(restored, source, folder)))
    return EXIT_OK


def _confirmed(folder: Path, current: StateCounts, incoming: StateCounts) -> bool:
    """Ask on the terminal; with no one to ask, refuse with a line saying how to go ahead."""
    holds = f"{folder} already holds {current.describe()}"
    if sys.stdin is None or not sys.stdin.isatty():
        print(
            f"prune: {holds}: add --force to replace it with {incoming.describe()} "
            "(the current state is kept aside)",
            file=sys.stderr,
        )
        return False
    try:
        answer = input(f"{holds}. Replace it with {incoming.describe()}? It is kept aside. [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().lower() not in ("y", "yes"):
        print("Nothing was restored.", file=sys.stderr)
        return False
    return True


def _restored_lines(restored: Restored, source: Path, folder: Path) -> list[str]:
    lines = [f"Restored {restored.counts.describe()} from {source} into {folder}."]
    if restored.damaged_aside is not None:
        lines.append(f"The damaged state file it replaced is kept in {restored.damaged_aside}.")
    if restored.set_aside is not None:
        lines.append(
            f"The state it replaced is kept in {restored.set_aside} "
            "(prune restore --latest brings it back)."
        )
    if restored.config_written is not None:
        kept = (
            f"; yours is kept in {restored.config_set_aside}" if restored.config_set_aside else ""
        )
        lines.append(f"Settings restored to {restored.config_written}{kept}.")
    return lines


def _refuse(reason: str) -> int:
    print(f"prune: {reason}", file=sys.stderr)
    return EXIT_BAD_INPUT
