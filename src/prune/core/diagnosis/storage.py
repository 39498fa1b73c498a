"""Facts about where prune keeps things here: the data dir, the settings file, the state file.

The state file is opened read-only and never migrated, so the doctor can describe a damaged file
or one from a newer prune without touching it.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from prune.core.paths import config_file, data_dir
from prune.core.state.backups import rolling_copies, state_counts, state_file


def where_from(explicit: str | None, variable: str, environ: Mapping[str, str]) -> str:
    """Which of the three sources chose a path: the option, the variable or the platform."""
    if explicit:
        return "the command line"
    if environ.get(variable):
        return f"${variable}"
    return "the platform's default"


def path_facts(path: Path, chosen_by: str) -> dict[str, Any]:
    """A path, what chose it, whether it exists, and its permission bits ("0700")."""
    try:
        mode: str | None = f"{stat.S_IMODE(path.stat().st_mode):04o}"
    except OSError:
        mode = None
    return {"path": str(path), "chosen_by": chosen_by, "exists": path.exists(), "mode": mode}


def locations(
    data_dir_option: str | None, config_option: str | None, environ: Mapping[str, str]
) -> dict[str, Any]:
    return {
        "data_dir": path_facts(
            data_dir(data_dir_option), where_from(data_dir_option, "PRUNE_DATA_DIR", environ)
        ),
        "config_file": path_facts(
            config_file(config_option), where_from(config_option, "PRUNE_CONFIG_DIR", environ)
        ),
    }


def folder_size(folder: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            try:
                total += (Path(root) / name).stat().st_size
            except OSError:
                continue
    return total


def state_facts(folder: Path) -> dict[str, Any]:
    """The state file's size and mode, what it holds, and the copies kept before imports."""
    path = state_file(folder)
    facts: dict[str, Any] = path_facts(path, "the data dir")
    del facts["chosen_by"]
    side_files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
    facts["size"] = sum(side.stat().st_size for side in side_files if side.is_file())
    facts["data_dir_size"] = folder_size(folder) if folder.is_dir() else 0
    copies = rolling_copies(folder)
    facts["rolling_copies"] = len(copies)
    facts["newest_copy"] = str(copies[0].path) if copies else None
    facts.update(schema=None, snapshots=[], decisions=None, farewells=None, problem=None)
    if path.is_file():
        try:
            facts.update(_contents(path))
        except sqlite3.DatabaseError as error:
            facts["problem"] = (
                f"cannot be read ({error}): prune restore --latest brings a copy back"
            )
    return facts


def _contents(path: Path) -> dict[str, Any]:
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        schema: int = db.execute("PRAGMA user_version").fetchone()[0]
        if schema < 1:
            return {"schema": schema}
        counts = state_counts(db, schema)
        rows = db.execute(
            "SELECT id, imported_at, connections, source FROM snapshots ORDER BY id"
        ).fetchall()
    finally:
        db.close()
    snapshots = [
        {
            "id": snapshot_id,
            "imported_at": imported_at,
            "connections": connections,
            "source": source,
            "source_exists": Path(source).exists(),
        }
        for snapshot_id, imported_at, connections, source in rows
    ]
    return {
        "schema": schema,
        "snapshots": snapshots,
        "decisions": counts.decisions,
        "farewells": counts.farewells,
    }
