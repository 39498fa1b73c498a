"""The core must stay usable without a terminal: importing it must not pull in Textual."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_core_does_not_import_textual() -> None:
    code = (
        "import importlib, pkgutil, sys, prune.core\n"
        "for module in pkgutil.iter_modules(prune.core.__path__):\n"
        "    importlib.import_module('prune.core.' + module.name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
