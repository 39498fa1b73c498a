"""Saved filters: `[filters] NAME = "QUERY"` in config.toml, written by the app, read back,
and a query that does not parse reported with its line and skipped."""

from __future__ import annotations

from pathlib import Path

from prune.core.config.editing import set_config_value
from prune.core.config.loading import load_config, write_default_config


def test_a_saved_filter_written_in_the_default_file_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    write_default_config(path)
    set_config_value(path, "filters", "recruiters", 'position:recruiter -company:"Acme, Inc."')
    set_config_value(path, "filters", "old ones", "connected:<2012")
    config = load_config(path)
    assert config.filters == {
        "recruiters": 'position:recruiter -company:"Acme, Inc."',
        "old ones": "connected:<2012",
    }
    assert config.problems == []


def test_a_filter_written_by_hand_that_does_not_parse_is_skipped_naming_its_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[filters]\nold = "connected:<2012"\nbad = "colour:red"\nnumber = 3\n', encoding="utf-8"
    )
    config = load_config(path)
    assert config.filters == {"old": "connected:<2012"}
    bad, number = config.problems
    assert bad.startswith(f'{path}, line 3, [filters] bad: unknown field "colour"')
    assert bad.endswith("; it is skipped")
    assert number.startswith(f"{path}, line 4, [filters] number: must be a query in quotes")


def test_no_filters_section_means_no_saved_filters(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    write_default_config(path)
    assert load_config(path).filters == {}
