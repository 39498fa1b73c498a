"""Shared fixtures: small exports written on the fly, and a private state folder per test."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, some e-mail addresses may be missing, and so on."\n'
    "\n"
)
HEADER_2023 = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"


def connections_text(*rows: str, header: str = HEADER_2023, preamble: bool = True) -> str:
    """A Connections.csv as LinkedIn writes it: preamble, header, rows, no final newline."""
    return (PREAMBLE if preamble else "") + "\n".join([header, *rows])


def make_zip(files: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data.encode() if isinstance(data, str) else data)
    return buffer.getvalue()


@pytest.fixture
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A throwaway data dir, also exported as PRUNE_DATA_DIR so nothing touches real state."""
    folder = tmp_path / "state"
    monkeypatch.setenv("PRUNE_DATA_DIR", str(folder))
    monkeypatch.setenv("PRUNE_CONFIG_DIR", str(tmp_path / "config"))
    return folder


def run_prune(
    *args: str, data_dir: Path, cwd: Path | None = None, text: bool = True
) -> subprocess.CompletedProcess:
    """Run the real `prune` command with its state and settings in `data_dir`."""
    env = os.environ | {"PRUNE_DATA_DIR": str(data_dir), "PRUNE_CONFIG_DIR": str(data_dir / "cfg")}
    return subprocess.run(
        [sys.executable, "-m", "prune", *args],
        capture_output=True,
        text=text,
        env=env,
        cwd=cwd,
        timeout=120,
    )
