"""The layers hold: the import-linter contracts in pyproject.toml are kept, and the core and the
demo stay usable without a terminal (importing any of their modules loads no Textual).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]

# Imports that break a contract on this branch and are being removed on another one. Each entry
# must still be reported: the test fails once it is gone, so this set can only shrink to empty.
KNOWN_BREAKS: set[str] = set()


def lint_imports() -> subprocess.CompletedProcess[str]:
    """`lint-imports` on pyproject.toml, run from the interpreter running the tests.

    The click command is called directly because `python -m importlinter.cli` does nothing at all
    (the module has no `__main__` block) and would pass whatever the imports are.
    """
    code = "from importlinter.cli import lint_imports_command; lint_imports_command()"
    return subprocess.run(
        [sys.executable, "-c", code, "--no-cache", "--no-logo", str(PROJECT / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env=os.environ | {"COLUMNS": "200", "NO_COLOR": "1"},
        timeout=120,
        check=False,
    )


def test_the_import_contracts_are_kept() -> None:
    result = lint_imports()
    report = result.stdout + result.stderr
    assert "Contracts:" in report, report  # the contracts were read and checked
    broken = set(re.findall(r"^- (\S+ -> \S+)", report, flags=re.MULTILINE))
    mended = sorted(KNOWN_BREAKS - broken)
    assert not mended, f"no longer broken, so remove from KNOWN_BREAKS: {mended}"
    assert broken == KNOWN_BREAKS, report
    assert result.returncode == (1 if KNOWN_BREAKS else 0), report
    if KNOWN_BREAKS:
        assert report.count(" BROKEN\n") == 1, report


WALK_AND_IMPORT = """
import importlib, json, pkgutil, sys
walked = []
for package in sys.argv[1:]:
    root = importlib.import_module(package)
    walked.append(package)
    for found in pkgutil.walk_packages(root.__path__, package + '.', onerror=sys.exit):
        importlib.import_module(found.name)
        walked.append(found.name)
loaded = sorted(name for name in sys.modules if name.split('.')[0] == 'textual'
                or name.startswith(('prune.tui', 'prune.cli')))
print(json.dumps({'walked': walked, 'loaded': loaded}))
"""


@pytest.mark.parametrize("package", ["prune.core", "prune.demo"])
def test_importing_every_module_loads_no_interface(package: str) -> None:
    """Every module at every depth is imported (walk_packages recurses into subpackages)."""
    result = subprocess.run(
        [sys.executable, "-c", WALK_AND_IMPORT, package],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found = json.loads(result.stdout)
    source = PROJECT / "src" / Path(*package.split("."))
    expected = {
        ".".join(path.relative_to(PROJECT / "src").with_suffix("").parts).removesuffix(".__init__")
        for path in source.rglob("*.py")
    }
    assert set(found["walked"]) == expected  # none missed, however deep
    assert found["loaded"] == []


def test_no_module_is_longer_than_a_newcomer_can_read_at_once() -> None:
    """The house rule: one concept per module, none over 450 lines (a long one wants splitting)."""
    long = {
        str(path.relative_to(PROJECT)): lines
        for path in sorted((PROJECT / "src").rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 450
    }
    assert long == {}
