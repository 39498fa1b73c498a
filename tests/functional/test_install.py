"""prune installs like any command-line tool: the wheel alone, in a fresh environment, works.

The wheel is built from this checkout and installed into a new virtual environment outside it,
with the dependencies pinned by uv.lock taken from uv's cache (so no network is needed once
`uv sync` has run). Then the installed `prune` runs from another folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
PACKAGE = PROJECT / "src" / "prune"

pytestmark = pytest.mark.slow


def uv() -> str:
    found = os.environ.get("UV") or shutil.which("uv")
    if not found:
        pytest.skip("uv is not on the PATH")
    return found


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def run_uv_offline_first(*arguments: str | Path, cwd: Path) -> str:
    """uv from its cache if it can; with the network (the package index) only if it must."""
    try:
        return run(uv(), *arguments, "--offline", cwd=cwd)
    except AssertionError:
        return run(uv(), *arguments, cwd=cwd)


def files_the_app_carries() -> set[str]:
    """Every file of the package in the checkout, as a wheel names it (compiled files aside)."""
    return {
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh virtual environment holding only the wheel and its deps."""
    root = tmp_path_factory.mktemp("install")
    run_uv_offline_first("build", "--wheel", "--out-dir", root / "dist", cwd=PROJECT)
    (wheel,) = (root / "dist").glob("prune-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        carried = {name for name in archive.namelist() if name.startswith("prune/")}
    missing = sorted(files_the_app_carries() - carried)
    assert not missing, f"the wheel lacks {missing}"

    pins = root / "requirements.txt"
    run(uv(), "export", "--frozen", "--no-dev", "--no-hashes", "--no-emit-project",
        "--quiet", "--output-file", pins, cwd=PROJECT)  # fmt: skip
    python = root / "venv" / "bin" / "python"
    run(uv(), "venv", "--quiet", "--python", sys.executable, root / "venv", cwd=root)
    # Exact pins from uv.lock, so nothing needs resolving (offline resolution would need the
    # index); `uv pip check` then proves the set is complete and consistent.
    run_uv_offline_first("pip", "install", "--quiet", "--no-deps", "--python", python,
                         "-r", pins, wheel, cwd=root)  # fmt: skip
    run(uv(), "pip", "check", "--python", python, cwd=root)
    return root / "venv" / "bin"


def outside_env(tmp: Path) -> dict[str, str]:
    """An environment that knows nothing of the checkout or its virtual environment."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    return env | {"PRUNE_DATA_DIR": str(tmp / "state"), "PRUNE_CONFIG_DIR": str(tmp / "cfg")}


def test_the_installed_command_runs_from_any_folder(installed: Path, tmp_path: Path) -> None:
    env = outside_env(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert run(installed / "prune", "--version", cwd=elsewhere, env=env).strip() == "prune 0.1.0"
    assert "invented sample data" in run(
        installed / "prune", "demo", "--help", cwd=elsewhere, env=env
    )
    where = run(installed / "python", "-c", "import prune; print(prune.__file__)", cwd=elsewhere)
    assert Path(where.strip()).is_relative_to(installed.parent)  # not the checkout's copy

    # The installed demo generator writes the export; the installed prune imports it.
    make = "import sys; from prune.demo import write_sample_export as w; print(w(sys.argv[1], connections=40, messages=80))"  # noqa: E501
    export = run(installed / "python", "-c", make, tmp_path / "export", cwd=elsewhere).strip()
    summary = json.loads(
        run(installed / "prune", "import", export, "--json", cwd=elsewhere, env=env)
    )
    assert summary["connections"] > 0
    assert "backup" in run(installed / "prune", "completion", "bash", cwd=elsewhere, env=env)


def test_every_module_of_the_installed_package_imports(installed: Path, tmp_path: Path) -> None:
    """Textual and its stylesheets included: the interface modules load their CSS on import."""
    walk = (
        "import importlib, pkgutil, prune\n"
        "for found in pkgutil.walk_packages(prune.__path__, 'prune.'):\n"
        "    if found.name not in ('prune.__main__',):\n"
        "        importlib.import_module(found.name)\n"
        "print('ok')"
    )
    assert run(installed / "python", "-c", walk, cwd=tmp_path).strip() == "ok"
