"""The state file: snapshots, decisions that survive re-imports, undo, privacy and WAL."""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import polars as pl
import pytest

from prune.core.state.importing import parse_export, record_export
from prune.core.state.schema import FIRST_SCHEMA, SCHEMA_VERSION
from prune.core.state.store import Store, StoreError
from prune.demo import write_sample_export

from testkit.exports import connections_text, make_zip

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


def test_the_owner_is_kept_with_the_snapshot_though_the_export_is_deleted(
    tmp_path: Path, store: Store
) -> None:
    archive = write_sample_export(tmp_path / "export", connections=20)
    snapshot = record_export(store, parse_export(archive)).outcome.snapshot
    archive.unlink()  # the user has since deleted the download
    assert (snapshot.owner_name, snapshot.owner_first_name) == ("Robin Marchetti-Osei", "Robin")
    with Store.open(tmp_path / "state") as reopened:
        kept = reopened.latest_snapshot()
        assert kept is not None and kept.owner_first_name == "Robin"


def test_a_fuller_copy_of_the_same_connections_names_the_owner(
    tmp_path: Path, store: Store
) -> None:
    alone = write(tmp_path, "Connections.csv", ANA, BO)
    first = record_export(store, parse_export(alone)).outcome.snapshot
    archive = tmp_path / "archive.zip"
    archive.write_bytes(
        make_zip(
            {
                "Connections.csv": alone.read_bytes(),
                "Profile.csv": "First Name,Last Name\nRobin,Owner\n",
            }
        )
    )
    again = record_export(store, parse_export(archive)).outcome
    assert first.owner_name is None
    assert again.relinked and again.snapshot.id == first.id
    assert (again.snapshot.owner_name, again.snapshot.owner_first_name) == ("Robin Owner", "Robin")


def test_an_older_state_file_learns_who_owns_each_export(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    folder.mkdir()
    archive = write_sample_export(tmp_path / "export", connections=20)
    with closing(sqlite3.connect(folder / "prune.sqlite3")) as db:
        db.executescript(FIRST_SCHEMA)
        for number, source in enumerate([archive, tmp_path / "moved-away.zip"], start=1):
            db.execute(
                "INSERT INTO snapshots (imported_at, source, source_kind, sha256, connections, "
                "hidden, duplicates, files) VALUES ('2025-01-01', ?, 'zip', ?, 20, 0, 0, '[]')",
                (str(source), f"sha-{number}"),
            )
        db.execute(
            "INSERT INTO decisions (key, verdict, updated_at) VALUES ('a', 'keep', '2025-01-01')"
        )
        db.execute("PRAGMA user_version=1")
        db.commit()
    with Store.open(folder) as store:
        owners = [(s.owner_name, s.owner_first_name) for s in store.snapshots()]
        assert owners == [("Robin Marchetti-Osei", "Robin"), (None, None)]
        assert store.decision("a").verdict == "keep"


def test_a_state_file_from_a_newer_prune_is_refused_and_left_alone(tmp_path: Path) -> None:
    Store.open(tmp_path / "state").close()
    with closing(sqlite3.connect(tmp_path / "state" / "prune.sqlite3")) as db:
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer prune"):
        Store.open(tmp_path / "state")
    with closing(sqlite3.connect(tmp_path / "state" / "prune.sqlite3")) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1


def test_each_commit_is_synced_to_disk(store: Store) -> None:
    """synchronous=FULL: a decision shown as made survives a power cut, not just a crash."""
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_undo_never_reaches_into_another_sessions_decisions(tmp_path: Path) -> None:
    first, second = Store.open(tmp_path / "state"), Store.open(tmp_path / "state")
    first.save_decision("a", "keep", verdict="keep")
    second.save_decision("b", "keep", verdict="disconnect")
    assert first.undo() == "a"
    assert first.undo() is None
    assert second.decision("b").verdict == "disconnect"
    second.close()
    later_run = Store.open(tmp_path / "state")
    assert later_run.undo() is None  # an earlier run's decision is not this run's to undo
    assert later_run.decision("b").verdict == "disconnect"
    later_run.close()
    first.close()


def test_a_read_only_store_opens_for_reading_and_is_refused_for_writing(tmp_path: Path) -> None:
    Store.open(tmp_path / "state").close()
    path = tmp_path / "state" / "prune.sqlite3"
    path.chmod(0o400)
    with pytest.raises(StoreError, match="read-only"):
        Store.open(tmp_path / "state")
    reader = Store.open_read_only(tmp_path / "state")
    assert reader is not None and reader.snapshots() == []
    reader.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o400


def test_reading_an_older_state_file_leaves_its_migration_to_a_writer(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    folder.mkdir()
    with closing(sqlite3.connect(folder / "prune.sqlite3")) as db:
        db.executescript(FIRST_SCHEMA)
        db.execute("PRAGMA user_version=1")
    assert Store.open_read_only(folder) is None
    assert Store.open_read_only(tmp_path / "nowhere") is None


@pytest.mark.parametrize(
    "fields", [("key", "verdict", "note", "later_seq"), ("verdict",), ("note", "key")]
)
def test_decisions_of_one_verdict_are_those_of_all_decisions_with_it(
    store: Store, fields: tuple[str, ...]
) -> None:
    store.save_decision("url:in/a", "test", verdict="disconnect", note="met once")
    store.save_decision("url:in/b", "test", verdict="later")
    store.save_decision("url:in/c", "test", verdict="disconnect")
    store.save_decision("url:in/d", "test", known="yes")
    every = store.decisions()
    for verdict in ("disconnect", "later", "keep"):
        chosen = store.decisions(verdict=verdict, fields=fields)
        expected = every.filter(pl.col("verdict") == verdict).select(fields)
        assert chosen.schema == expected.schema
        ordered = list(fields)
        assert chosen.sort(ordered, nulls_last=True).equals(expected.sort(ordered, nulls_last=True))
