"""Where prune keeps state and settings: flags beat environment beat platform defaults."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "prune"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The state folder: `--data-dir`, else `PRUNE_DATA_DIR`, else the platform's user data dir."""
    chosen = explicit or os.environ.get("PRUNE_DATA_DIR")
    return Path(chosen).expanduser() if chosen else Path(platformdirs.user_data_dir(APP_NAME))


def config_file(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The settings file: `--config`, else `$PRUNE_CONFIG_DIR/config.toml`, else the platform's."""
    if explicit:
        return Path(explicit).expanduser()
    folder = os.environ.get("PRUNE_CONFIG_DIR")
    base = Path(folder).expanduser() if folder else Path(platformdirs.user_config_dir(APP_NAME))
    return base / "config.toml"


def ensure_private_dir(path: Path) -> Path:
    """Create `path` readable by the user only (0700); tighten it if it already exists."""
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


def make_private_dirs(path: Path) -> Path:
    """Create `path` and any missing parents readable by the user only (0700).

    Folders that already exist are left as they are: this may be a folder the user named.
    """
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)  # the umask may have taken more than it should
    return path
