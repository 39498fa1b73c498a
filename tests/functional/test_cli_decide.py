"""`prune decide --where`, `prune undo` and `prune export --where`, run as a user runs them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import polars as pl
import pytest

from prune.core.review.query import FIELDS
from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store
from prune.demo import write_sample_export

from testkit.commands import run_cli


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_export(tmp_path_factory.mktemp("export"), connections=60)


@pytest.fixture
def state(tmp_path: Path, archive: Path) -> Path:
    """The sample imported; the first contact kept with an answer and a note."""
    folder = tmp_path / "state"
    with Store.open(folder) as store:
        snapshot = record_export(store, parse_export(archive)).outcome.snapshot
        first = store.contacts(snapshot.id)["key"][0]
        store.save_decision(first, "test", verdict="keep", known="yes", note="old friend")
    return folder


def decisions(state: Path) -> pl.DataFrame:
    with Store.open(state) as store:
        return store.decisions().sort("key")


def contacts(state: Path) -> pl.DataFrame:
    with Store.open(state) as store:
        snapshot = store.latest_snapshot()
        assert snapshot is not None
        return store.contacts(snapshot.id)


def connected_before_2016(state: Path) -> list[str]:
    frame = contacts(state).filter(pl.col("connected_on") < pl.date(2016, 1, 1))
    return frame["key"].to_list()


def test_dry_run_counts_and_names_without_changing_anything(state: Path) -> None:
    before = decisions(state)
    expected = len(connected_before_2016(state))
    assert expected > 1
    result = run_cli(
        "decide", "disconnect", "--where", "connected:<2016", "--dry-run", data_dir=state
    )
    assert result.code == 0, result.err
    assert result.out.startswith(f"{expected} contacts match; nothing changed (dry run).")
    assert "They would become disconnect: " in result.out
    assert decisions(state).equals(before)


def test_decide_json_then_undo_restores_the_batch_exactly(state: Path) -> None:
    before = decisions(state)
    keys = connected_before_2016(state)
    result = run_cli("decide", "disconnect", "--where", "connected:<2016", "--json", data_dir=state)
    assert result.code == 0, result.err
    facts = json.loads(result.out)
    assert facts["matched"] == facts["decided"] == len(keys)
    assert facts["dry_run"] is False and facts["batch"]
    after = decisions(state).filter(pl.col("key").is_in(keys))
    assert after["verdict"].to_list() == ["disconnect"] * len(keys)
    kept = decisions(state).filter(pl.col("note") == "old friend")
    assert kept.height == 1 and kept["known"][0] == "yes"  # answers and notes stay

    undone = run_cli("undo", "--json", data_dir=state)
    assert undone.code == 0, undone.err
    facts = json.loads(undone.out)
    assert facts["undone"] == "batch" and facts["contacts"] == len(keys)
    assert sorted(facts["keys"]) == sorted(keys)
    assert decisions(state).equals(before)
    # then the single decision made before the batch
    text = run_cli("undo", data_dir=state)
    assert text.out.startswith("Undone: the last change to ")
    assert decisions(state).filter(pl.col("verdict").is_not_null()).height == 0
    assert run_cli("undo", data_dir=state).out == "Nothing to undo.\n"


def test_undo_after_a_single_decision_and_the_text_of_a_batch(state: Path) -> None:
    result = run_cli("decide", "later", "--where", "verdict:undecided", data_dir=state)
    assert result.code == 0, result.err
    total = contacts(state).height
    assert (
        result.out
        == f"{total - 1} contacts now later, as one batch: `prune undo` restores them all.\n"
    )
    undone = run_cli("undo", data_dir=state)
    assert undone.out == (
        f"Undone: the batch that made {total - 1} contacts later; each is back to what it was.\n"
    )


def test_an_unknown_field_is_refused_in_one_line_with_exit_2(state: Path) -> None:
    before = decisions(state)
    result = run_cli("decide", "keep", "--where", "colour:red", data_dir=state)
    assert result.code == 2
    assert result.out == ""
    assert result.err == (
        f'prune: unknown field "colour" in "colour:red"; the fields are {", ".join(FIELDS)}\n'
    )
    bad = run_cli("decide", "keep", "--where", "connected:<soon", data_dir=state)
    assert bad.code == 2 and bad.err.startswith('prune: cannot read "connected:<soon"')
    assert decisions(state).equals(before)


def test_no_match_changes_nothing(state: Path) -> None:
    result = run_cli("decide", "keep", "--where", "name:zzzzzz", data_dir=state)
    assert (result.code, result.out) == (0, "No contact matches; nothing changed.\n")
    assert run_cli("undo", "--json", data_dir=state).code == 0


def test_export_where_alone_and_with_a_list(state: Path) -> None:
    keys = connected_before_2016(state)
    result = run_cli("export", "--where", "connected:<2016", data_dir=state)
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert len(rows) == len(keys)
    assert all(row["connected_on"] < "2016" for row in rows)
    run_cli("decide", "disconnect", "--where", "connected:<2014", data_dir=state)
    listed = run_cli(
        "export",
        "--list",
        "disconnect",
        "--where",
        "connected:>=2013",
        "--format",
        "urls",
        data_dir=state,
    )
    assert listed.code == 0, listed.err
    expected = contacts(state).filter(
        (pl.col("connected_on") < pl.date(2014, 1, 1))
        & (pl.col("connected_on") >= pl.date(2013, 1, 1))
    )
    assert sorted(listed.out.split()) == sorted(expected["url"].drop_nulls().to_list())
    refused = run_cli("export", "--list", "past", "--where", "x", data_dir=state)
    assert refused.code == 2 and "--where picks among the contacts" in refused.err
