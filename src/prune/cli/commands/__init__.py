"""The commands of `prune`, one module per group; each module is imported only when it runs.

`import_stats` records and describes snapshots, `snapshots` lists and forgets them, `changes`
compares two of them, `decide_undo` decides many at once and steps back,
`export_farewells` writes what the decisions produced, `invitations_nurture`
lists who waits to connect and who is due a word, `review_demo` opens the app, `backup` keeps and
restores the state, `doctor` describes this machine and `completion` prints shell scripts.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

Handler = Callable[[argparse.Namespace], int]
"""Runs one command from its parsed arguments and returns the exit status."""


def handler_for(command: str) -> Handler:
    """The function that runs `command`, importing its module (and so the core) only now."""
    if command in ("import", "stats"):
        from prune.cli.commands import import_stats

        return {"import": import_stats.run_import, "stats": import_stats.run_stats}[command]
    if command == "changes":
        from prune.cli.commands import changes

        return changes.run_changes
    if command in ("snapshots", "forget"):
        from prune.cli.commands import snapshots

        return {"snapshots": snapshots.run_snapshots, "forget": snapshots.run_forget}[command]
    if command in ("export", "farewells"):
        from prune.cli.commands import export_farewells

        return {
            "export": export_farewells.run_export,
            "farewells": export_farewells.run_farewells,
        }[command]
    if command in ("decide", "undo"):
        from prune.cli.commands import decide_undo

        return {"decide": decide_undo.run_decide, "undo": decide_undo.run_undo}[command]
    if command in ("backup", "restore"):
        from prune.cli.commands import backup

        return {"backup": backup.run_backup, "restore": backup.run_restore}[command]
    if command == "doctor":
        from prune.cli.commands import doctor

        return doctor.run_doctor
    if command == "completion":
        from prune.cli.commands import completion

        return completion.run_completion
    if command in ("invitations", "nurture"):
        from prune.cli.commands import invitations_nurture

        return {
            "invitations": invitations_nurture.run_invitations,
            "nurture": invitations_nurture.run_nurture,
        }[command]
    if command in ("review", "demo"):
        from prune.cli.commands import review_demo  # the only group that loads Textual

        return {"review": review_demo.run_review, "demo": review_demo.run_demo}[command]
    raise ValueError(f"no handler for the command {command!r}")
