"""What `prune import` says about details of real exports: spreadsheet blanks, merged files."""

from __future__ import annotations

import json
from pathlib import Path

from testkit.commands import run_prune
from testkit.exports import connections_text

BO = "https://www.linkedin.com/in/bo-li"


def test_the_import_summary_says_how_many_cells_were_placeholders(tmp_path: Path) -> None:
    rows = [f"P{i},Doe,https://www.linkedin.com/in/p{i},NA,NA,NA,07 Mar 2016" for i in range(53)]
    csv = tmp_path / "Connections.csv"
    csv.write_text(connections_text(*rows, f"Bo,Li,{BO},,#N/A,Dev,01 Feb 2019"))
    done = run_prune("import", str(csv), data_dir=tmp_path / "state")
    assert done.returncode == 0, done.stderr
    assert "  spreadsheet blanks     159 'NA' cells and 1 '#N/A' cell read as empty" in done.stdout
    again = run_prune("import", "--json", str(csv), data_dir=tmp_path / "other")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["placeholders_read_as_empty"] == {"NA": 159, "#N/A": 1}
