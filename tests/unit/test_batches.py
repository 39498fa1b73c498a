"""Batch decisions: one transaction, one journal entry, and one undo that restores them exactly."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from prune.core.review.rules import RULES
from prune.core.review.session import ReviewSession
from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store

from testkit.exports import connections_text

ROWS = (
    "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2024",
    "Bo,Li,https://www.linkedin.com/in/bo,,Globex,Dev,01 Feb 2019",
    "Cy,Ng,https://www.linkedin.com/in/cy,,Initech,PM,01 Feb 2015",
)
ANA, BO, CY = "url:in/ana", "url:in/bo", "url:in/cy"


@pytest.fixture
def store(tmp_path: Path):
    opened = Store.open(tmp_path / "state")
    yield opened
    opened.close()


def journal(store: Store) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(store.path)) as db:
        return db.execute("SELECT action, key FROM journal ORDER BY id").fetchall()


def test_a_batch_decides_everyone_keeping_answers_and_notes(store: Store) -> None:
    store.save_decision("a", "answer", known="yes", note="met in Lyon")
    store.save_decision("b", "later", verdict="later")
    batch = store.decide_batch(["a", "b", "c", "a"], "disconnect")
    assert batch.keys == ["a", "b", "c"]  # each contact once
    a = store.decision("a")
    assert (a.verdict, a.known, a.note) == ("disconnect", "yes", "met in Lyon")
    assert a.decided_at is not None
    assert store.decision("c").verdict == "disconnect"
    assert journal(store)[-1] == ("batch", f"batch:{batch.id}")
    assert len(journal(store)) == 3  # two single decisions, then ONE entry for the batch


def test_one_undo_restores_every_contact_exactly(store: Store) -> None:
    store.save_decision("a", "answer", known="yes", favour="no", note="met in Lyon")
    store.save_decision("b", "later", verdict="later")
    before = {key: store.decision(key) for key in "abc"}
    store.decide_batch(["a", "b", "c"], "keep")
    undone = store.undo_latest(any_session=False)
    assert undone is not None and undone.keys == ["a", "b", "c"] and undone.verdict == "keep"
    assert {key: store.decision(key) for key in "abc"} == before  # c has no decision again
    assert store.decision("c") is None
    assert store.undo() == "b"  # then the single decisions, newest first
    assert store.decision("b") is None


def test_undecided_and_later_batches(store: Store) -> None:
    store.save_decision("a", "keep", verdict="keep")
    store.save_decision("z", "later", verdict="later")
    store.decide_batch(["b", "a"], "later")
    assert [store.decision(k).later_seq for k in "zba"] == [1, 2, 3]  # at the end, in order
    store.decide_batch(["a"], None)
    assert store.decision("a").verdict is None and store.decision("a").decided_at is None
    with pytest.raises(ValueError, match="unknown verdict"):
        store.decide_batch(["a"], "maybe")  # type: ignore[arg-type]


def test_any_session_undo_reaches_the_latest_change_of_any_run(tmp_path: Path) -> None:
    first = Store.open(tmp_path / "state")
    first.decide_batch(["a", "b"], "disconnect")
    first.close()
    second = Store.open(tmp_path / "state")
    second.save_decision("c", "keep", verdict="keep")
    second.close()
    command_line = Store.open(tmp_path / "state")
    assert command_line.undo() is None  # its own session has nothing
    assert command_line.undo_latest(any_session=True).keys == ["c"]
    undone = command_line.undo_latest(any_session=True)
    assert undone.batch is not None and undone.keys == ["a", "b"]
    assert command_line.decision("a") is None
    assert command_line.undo_latest(any_session=True) is None
    command_line.close()


def test_the_session_decides_a_batch_and_undoes_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text(connections_text(*ROWS))
    store = Store.open(tmp_path / "state")
    record_export(store, parse_export(path))
    review = ReviewSession(store, store.latest_snapshot().id, RULES["any"])
    review.answer("yes")  # Cy, the oldest, is kept with an answer
    kept = store.decision(CY)
    review.decide_many([ANA, BO, CY], "disconnect")
    progress = review.progress()
    assert (progress.disconnect, progress.keep, progress.undecided) == (3, 0, 0)
    assert review.queue == []
    outcome = review.undo()
    assert outcome is not None and outcome.contacts == 3
    assert store.decision(CY) == kept
    assert (review.progress().keep, review.progress().undecided) == (1, 2)
    assert set(review.queue) == {ANA, BO}
    assert review.listing("keep")["key"].to_list() == [CY]
    store.close()
