"""The deterministic test environment, for every test without asking: private state and
settings folders, and no system clipboard.

The date is not part of it: prune reads no clock setting from the environment. Code that needs
the date takes it as a parameter (`today=`, e.g. `make_app(today=...)`, given `testkit.tui.TODAY`
by the app helpers); the CLI uses date.today(), and the store stamps decisions with its own clock.

Helpers the tests share live in the `testkit` package, not here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

# The variables through which prune.core.clipboard finds a display to copy to; without them no
# clipboard command is offered on Linux, so nothing a test copies reaches the user's clipboard.
CLIPBOARD_SESSION_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "WSL_DISTRO_NAME", "WSL_INTEROP")


@pytest.fixture(autouse=True)
def private_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point PRUNE_DATA_DIR and PRUNE_CONFIG_DIR at a fresh folder of this test's own.

    The folder sits outside `tmp_path`, so a test that checks its tmp_path is empty still can;
    nothing is created in it until prune writes there. Child processes inherit the same
    environment.
    """
    root = tmp_path_factory.mktemp("prune-env")
    monkeypatch.setenv("PRUNE_DATA_DIR", str(root / "state"))
    monkeypatch.setenv("PRUNE_CONFIG_DIR", str(root / "config"))
    for name in CLIPBOARD_SESSION_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return root


@pytest.fixture
def state_dir(private_environment: Path) -> Path:
    """This test's state folder, the one PRUNE_DATA_DIR names."""
    return private_environment / "state"


@pytest.fixture
def config_dir(private_environment: Path) -> Path:
    """This test's settings folder, the one PRUNE_CONFIG_DIR names."""
    return private_environment / "config"
