"""The state file: snapshots, decisions that survive re-imports, undo, privacy and WAL."""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest

from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store, StoreError

from testkit.exports import connections_text

ANA = "Ana,Doe,https://www.linkedin.com/in/ana-doe,,Acme,CTO,07 Mar 2024"
BO = "Bo,Li,https://www.linkedin.com/in/bo-li,,Globex,Dev,01 Feb 2023"
CY = "Cy,Ng,https://www.linkedin.com/in/cy-ng,,Initech,PM,01 Feb 2022"


def write(tmp_path: Path, name: str, *rows: str) -> Path:
    path = tmp_path / name
    path.write_text(connections_text(*rows))
    return path


@pytest.fixture
def store(tmp_path: Path):
    opened = Store.open(tmp_path / "state")
    yield opened
    opened.close()


def journal_actions(store: Store) -> list[str]:
    with closing(sqlite3.connect(store.path)) as db:
        return [action for (action,) in db.execute("SELECT action FROM journal ORDER BY id")]


def test_state_is_private_and_in_wal_mode(tmp_path: Path, store: Store) -> None:
    with closing(sqlite3.connect(store.path)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert stat.S_IMODE((tmp_path / "state").stat().st_mode) == 0o700
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    store.save_decision("url:in/x", "test", verdict="keep")
    for side in store.path.parent.iterdir():
        assert stat.S_IMODE(side.stat().st_mode) == 0o600, side.name


def test_reimport_of_the_same_file_changes_nothing(tmp_path: Path, store: Store) -> None:
    path = write(tmp_path, "Connections.csv", ANA, BO)
    first = record_export(store, parse_export(path))
    again = record_export(store, parse_export(path))
    assert not first.outcome.already_imported
    assert again.outcome.already_imported
    assert again.outcome.snapshot.id == first.outcome.snapshot.id
    assert len(store.snapshots()) == 1


def test_newer_export_keeps_every_decision(tmp_path: Path, store: Store) -> None:
    old = record_export(store, parse_export(write(tmp_path, "old.csv", ANA, BO)))
    store.save_decision("url:in/ana-doe", "keep", verdict="keep", known="yes")
    store.save_decision("url:in/bo-li", "disconnect", verdict="disconnect", known="no")
    new = record_export(store, parse_export(write(tmp_path, "new.csv", CY, ANA)))
    assert new.outcome.snapshot.id != old.outcome.snapshot.id
    assert new.outcome.carried_decisions == 1
    counts = store.counts(new.outcome.snapshot.id)
    assert counts.as_dict() == {"keep": 1, "disconnect": 0, "later": 0, "undecided": 1}
    assert store.decision("url:in/bo-li").verdict == "disconnect"  # kept though Bo is gone
    assert store.contacts(old.outcome.snapshot.id).height == 2  # the past snapshot is intact


def test_undo_walks_back_many_steps(store: Store) -> None:
    store.save_decision("a", "answer", known="no")
    store.save_decision("a", "answer", interacted="no")
    store.save_decision("a", "verdict", verdict="disconnect", favour="no")
    store.save_decision("b", "verdict", verdict="keep")
    assert store.undo() == "b"
    assert store.decision("b") is None
    assert store.undo() == "a"
    assert store.decision("a").verdict is None
    assert store.decision("a").interacted == "no"
    assert store.undo() == "a"
    assert store.undo() == "a"
    assert store.decision("a") is None
    assert store.undo() is None
    assert journal_actions(store).count("undo") == 4  # the journal only grows


def test_later_goes_to_the_end_of_the_queue(store: Store) -> None:
    first = store.save_decision("a", "later", verdict="later")
    second = store.save_decision("b", "later", verdict="later")
    again = store.save_decision("a", "later", verdict="later")
    assert first.later_seq < second.later_seq < again.later_seq


def test_decisions_survive_reopening(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "state")
    store.save_decision("a", "keep", verdict="keep", note="met at a meetup")
    store.close()
    reopened = Store.open(tmp_path / "state")
    assert reopened.decision("a").note == "met at a meetup"
    reopened.close()


def test_a_damaged_state_file_is_reported_not_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    folder.mkdir()
    (folder / "prune.sqlite3").write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="move it aside"):
        Store.open(folder)
    assert (folder / "prune.sqlite3").read_bytes().startswith(b"this is not a database")


def test_contacts_read_back_the_same_from_the_fast_copy_or_the_database(
    tmp_path: Path, store: Store
) -> None:
    path = write(tmp_path, "Connections.csv", ANA, BO, CY)
    snapshot_id = record_export(store, parse_export(path)).outcome.snapshot.id
    fast = store.contacts(snapshot_id)
    copy = store.path.parent / f"contacts-{snapshot_id}.arrow"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    copy.write_bytes(b"damaged")  # a broken copy is ignored and rebuilt from the database
    assert store.contacts(snapshot_id).equals(fast)
    assert fast["key"].to_list() == ["url:in/ana-doe", "url:in/bo-li", "url:in/cy-ng"]


def test_a_worker_reader_sees_committed_decisions_and_cannot_write(
    tmp_path: Path, store: Store
) -> None:
    record_export(store, parse_export(write(tmp_path, "c.csv", ANA, BO)))
    store.save_decision("url:in/ana-doe", "test", verdict="keep")
    with store.reader() as reader:
        seen = reader.decisions()
        assert seen.select("key", "verdict").rows() == [("url:in/ana-doe", "keep")]
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.save_decision("url:in/bo-li", "test", verdict="keep")
    assert store.decisions().height == 1
