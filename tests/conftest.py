"""Shared fixtures: a private state and settings folder for every test."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A throwaway data dir, also exported as PRUNE_DATA_DIR so nothing touches real state."""
    folder = tmp_path / "state"
    monkeypatch.setenv("PRUNE_DATA_DIR", str(folder))
    monkeypatch.setenv("PRUNE_CONFIG_DIR", str(tmp_path / "config"))
    return folder
