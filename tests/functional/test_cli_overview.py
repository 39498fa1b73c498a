"""`prune stats` on the whole network: connections per year and the top companies."""

from __future__ import annotations

import json
from pathlib import Path

from testkit.commands import run_cli
from testkit.exports import connections_text, make_zip

ROWS = (
    'Ana,Doe,https://www.linkedin.com/in/ana,,"Acme, Inc.",CTO,07 Mar 2014',
    'Bo,Li,https://www.linkedin.com/in/bo,,"Acme, Inc.",Dev,01 Feb 2014',
    "Cy,Ng,https://www.linkedin.com/in/cy,,Globex,QA,05 May 2019",
    "Di,Ode,https://www.linkedin.com/in/di,,Beta,QA,05 May 2019",
    "Ed,Fox,https://www.linkedin.com/in/ed,,,Founder,05 May 2022",
)


def imported(tmp_path: Path, *rows: str) -> Path:
    export = tmp_path / "Basic_LinkedInDataExport_02-01-2026.zip"
    export.write_bytes(make_zip({"Connections.csv": connections_text(*rows)}))
    state = tmp_path / "state"
    assert run_cli("import", str(export), data_dir=state).code == 0
    return state


def test_stats_json_gives_connections_per_year_and_the_top_companies(tmp_path: Path) -> None:
    state = imported(tmp_path, *ROWS)
    stats = json.loads(run_cli("stats", "--json", data_dir=state).out)
    assert stats["by_year"] == {"2014": 2, "2019": 2, "2022": 1}
    # Ties by name; a contact without a company is in no company.
    assert stats["top_companies"] == [["Acme, Inc.", 2], ["Beta", 1], ["Globex", 1]]


def test_stats_json_lists_twenty_companies_at_most(tmp_path: Path) -> None:
    rows = [
        f"P{n},Q,https://www.linkedin.com/in/p{n},,Company {n:02d},Dev,01 Jan {2000 + n}"
        for n in range(25)
    ]
    stats = json.loads(run_cli("stats", "--json", data_dir=imported(tmp_path, *rows)).out)
    assert len(stats["top_companies"]) == 20
    assert stats["top_companies"][0] == ["Company 00", 1]
    assert list(stats["by_year"]) == [str(2000 + n) for n in range(25)]


def test_stats_says_the_years_and_top_companies_in_words(tmp_path: Path) -> None:
    out = run_cli("stats", data_dir=imported(tmp_path, *ROWS)).out
    assert "Per year      2014 2 · 2019 2 · 2022 1" in out
    assert "Top companies Acme, Inc. 2 · Beta 1 · Globex 1" in out


def test_stats_json_before_any_import_has_empty_years_and_companies(tmp_path: Path) -> None:
    stats = json.loads(run_cli("stats", "--json", data_dir=tmp_path / "state").out)
    assert (stats["by_year"], stats["top_companies"]) == ({}, [])
