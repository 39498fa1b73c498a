"""Running the `prune` command: in this process for most tests, in a child for the few that must.

`run_cli` calls `prune.cli.main` directly (no interpreter start-up), capturing what it prints.
`run_prune` starts the real command in a child process, for what only a process shows: the
console script, exit statuses as the shell sees them, and a closed pipe.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from prune.cli import main


@dataclass(frozen=True)
class Result:
    """What one in-process run of `prune` left: its exit status and what it printed."""

    code: int
    out_bytes: bytes
    err_bytes: bytes

    @property
    def out(self) -> str:
        return self.out_bytes.decode("utf-8")

    @property
    def err(self) -> str:
        return self.err_bytes.decode("utf-8")


def _capturing_stream(buffer: io.BytesIO) -> io.TextIOWrapper:
    """A text stream over `buffer`, like a piped stdout: UTF-8, with `.buffer` for raw bytes.

    write_through keeps text and bytes written through `.buffer` in the order they were written.
    """
    return io.TextIOWrapper(buffer, encoding="utf-8", newline="\n", write_through=True)


def run_cli(*args: str, data_dir: Path | None = None, cwd: Path | None = None) -> Result:
    """Run `prune ARGS` in this process and return what it printed and its exit status.

    With `data_dir`, state goes there and settings into `data_dir/cfg` (as `run_prune` does);
    without it, the test's private folders from the autouse environment are used. Everything
    the run changes is put back afterwards, even when it raises: the environment, the working
    folder, and sys.stdout/sys.stderr.
    """
    out, err = io.BytesIO(), io.BytesIO()
    with pytest.MonkeyPatch.context() as patch:
        if data_dir is not None:
            patch.setenv("PRUNE_DATA_DIR", str(data_dir))
            patch.setenv("PRUNE_CONFIG_DIR", str(data_dir / "cfg"))
        if cwd is not None:
            patch.chdir(cwd)
        stdout, stderr = _capturing_stream(out), _capturing_stream(err)
        patch.setattr(sys, "stdout", stdout)
        patch.setattr(sys, "stderr", stderr)
        code = main(list(args))
        stdout.flush()
        stderr.flush()
        return Result(code=code, out_bytes=out.getvalue(), err_bytes=err.getvalue())


def run_prune(
    *args: str, data_dir: Path, cwd: Path | None = None, text: bool = True
) -> subprocess.CompletedProcess:
    """Run the real command (`python -m prune`) with its state and settings in `data_dir`."""
    env = os.environ | {"PRUNE_DATA_DIR": str(data_dir), "PRUNE_CONFIG_DIR": str(data_dir / "cfg")}
    return subprocess.run(
        [sys.executable, "-m", "prune", *args],
        capture_output=True,
        text=text,
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )
