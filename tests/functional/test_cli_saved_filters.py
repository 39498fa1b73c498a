"""`prune decide --saved NAME` and `prune export --saved NAME`: a query saved in [filters];
and past connections, which no command decides."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import polars as pl
import pytest

from prune.core.config.editing import set_config_value
from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store
from prune.demo import write_sample_export

from testkit.commands import run_cli


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_export(tmp_path_factory.mktemp("export"), connections=60)


@pytest.fixture
def state(tmp_path: Path, archive: Path) -> Path:
    """The sample imported, with two saved filters in the config run_cli uses."""
    folder = tmp_path / "state"
    with Store.open(folder) as store:
        record_export(store, parse_export(archive))
    config = folder / "cfg" / "config.toml"
    config.parent.mkdir(parents=True)
    set_config_value(config, "filters", "old ones", "connected:<2016")
    set_config_value(config, "filters", "recent", "connected:>=2022")
    return folder


def everyone(state: Path) -> pl.DataFrame:
    with Store.open(state) as store:
        snapshot = store.latest_snapshot()
        assert snapshot is not None
        return store.contacts(snapshot.id)


def before_2016(state: Path, column: str = "key") -> list[str]:
    frame = everyone(state).filter(pl.col("connected_on") < pl.date(2016, 1, 1))
    return frame[column].to_list()


def test_decide_saved_uses_the_saved_query(state: Path) -> None:
    keys = before_2016(state)
    dry = run_cli("decide", "later", "--saved", "old ones", "--dry-run", "--json", data_dir=state)
    assert dry.code == 0, dry.err
    assert json.loads(dry.out)["matched"] == len(keys) > 1
    done = run_cli("decide", "later", "--saved", "old ones", data_dir=state)
    assert done.code == 0, done.err
    assert done.out.startswith(f"{len(keys)} contacts now later, as one batch")
    with Store.open(state) as store:
        decided = store.decisions().filter(pl.col("verdict") == "later")["key"].to_list()
    assert sorted(decided) == sorted(keys)


def test_an_unknown_saved_name_lists_the_saved_ones_with_exit_2(state: Path) -> None:
    result = run_cli("decide", "keep", "--saved", "recruiters", data_dir=state)
    assert result.code == 2
    assert result.err == (
        'prune: no filter is saved as "recruiters"; saved filters: old ones, recent\n'
    )


def test_saved_and_where_together_are_refused(state: Path) -> None:
    result = run_cli("decide", "keep", "--saved", "recent", "--where", "acme", data_dir=state)
    assert result.code == 2
    assert "not allowed with argument" in result.err
    assert "\n" not in result.err.strip()


def test_export_saved_exports_the_matches(state: Path) -> None:
    result = run_cli("export", "--saved", "old ones", data_dir=state)
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert sorted(row["url"] for row in rows) == sorted(before_2016(state, "url"))


def test_no_saved_filter_yet_says_how_to_save_one(tmp_path: Path, archive: Path) -> None:
    folder = tmp_path / "state"
    with Store.open(folder) as store:
        record_export(store, parse_export(archive))
    result = run_cli("decide", "keep", "--saved", "x", data_dir=folder)
    assert result.code == 2
    assert "saved filters: none yet (ctrl+s in the filter box" in result.err


@pytest.mark.parametrize("query", ["status:past", "-status:current acme"])
def test_decide_refuses_a_query_for_past_connections(state: Path, query: str) -> None:
    result = run_cli("decide", "disconnect", "--where", query, data_dir=state)
    assert result.code == 2
    assert result.err == (
        f"prune: {query!r} asks for past connections: they are no longer connected, so there "
        "is nothing to decide (`prune export --list past` lists them)\n"
    )
    exported = run_cli("export", "--where", query, data_dir=state)
    assert exported.code == 2 and "use --list past" in exported.err


def test_status_current_decides_the_current_connections(state: Path) -> None:
    result = run_cli(
        "decide", "keep", "--where", "status:current", "--dry-run", "--json", data_dir=state
    )
    assert result.code == 0, result.err
    assert json.loads(result.out)["matched"] == everyone(state).height
