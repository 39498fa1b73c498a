"""The first card, read before the session: always the card and header the session starts on."""

from __future__ import annotations

from pathlib import Path

import pytest

from prune.core.review.opening import opening
from prune.core.review.rules import RULES
from prune.core.review.session import ReviewSession
from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store

from testkit.exports import connections_text

ROWS = (
    "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2024",
    "Bo,Li,https://www.linkedin.com/in/bo,,Globex,Dev,01 Feb 2019",
    "Cy,Ng,https://www.linkedin.com/in/cy,,Initech,PM,01 Feb 2015",
    "Di,Ode,https://www.linkedin.com/in/di,,Acme,Sales,01 Jan 2021",
)


@pytest.fixture
def store(tmp_path: Path):
    path = tmp_path / "Connections.csv"
    path.write_text(connections_text(*ROWS))
    opened = Store.open(tmp_path / "state")
    record_export(opened, parse_export(path))
    yield opened
    opened.close()


def assert_same_start(store: Store, rule: str = "any", order: str = "default") -> str | None:
    """The opening and a session built now agree on the card and the header; the card's name."""
    snapshot_id = store.latest_snapshot().id
    first = opening(store, snapshot_id, RULES[rule], order)
    review = ReviewSession(store, snapshot_id, RULES[rule], order=order)
    if review.current is None:
        assert first is None
        return None
    assert first is not None
    assert first.view == review.current
    assert first.progress == review.progress()
    return first.view.name


@pytest.mark.parametrize("order", ["default", "oldest", "newest", "name", "company"])
def test_a_fresh_review_starts_at_the_head_of_its_order(store: Store, order: str) -> None:
    assert assert_same_start(store, order=order) is not None


def test_it_resumes_where_the_last_review_stopped(store: Store) -> None:
    review = ReviewSession(store, store.latest_snapshot().id, RULES["any"])
    review.decide("keep")
    review.answer("no")  # Bo: one answer given, still on screen
    assert assert_same_start(store) == "Bo Li"
    assert store.decision("url:in/bo").known == "no"


def test_a_kept_place_that_was_decided_since_is_skipped(store: Store) -> None:
    review = ReviewSession(store, store.latest_snapshot().id, RULES["any"])
    review.decide("later")  # Cy deferred: Bo is the place kept
    store.save_decision("url:in/bo", "keep", verdict="keep")  # decided elsewhere (the CLI)
    assert assert_same_start(store) == "Di Ode"


def test_the_later_ones_come_back_once_everyone_else_is_decided(store: Store) -> None:
    review = ReviewSession(store, store.latest_snapshot().id, RULES["any"])
    review.decide("later")
    for _ in range(3):
        review.decide("disconnect")
    store.set_setting("review.current_key", None)
    assert assert_same_start(store) == "Cy Ng"


def test_nobody_left_means_no_first_card(store: Store) -> None:
    review = ReviewSession(store, store.latest_snapshot().id, RULES["any"])
    for _ in range(4):
        review.decide("keep")
    assert assert_same_start(store) is None


def test_a_contact_read_by_key_is_the_row_the_session_reads(tmp_path: Path) -> None:
    """The first card reads one row by key; it must be the session's row to the letter."""
    path = tmp_path / "Connections.csv"
    path.write_text(
        connections_text(
            "Zoë,Ødegård,https://www.linkedin.com/in/zo%C3%AB,zoe@example.org,,,07 Mar 2024",
            'Ed,,https://www.linkedin.com/in/ed,,Acme [Labs],"Head, Sales",01 Feb 2019',
            "Fay,Moe,,,Initech,PM,01 Jan 2021",
        )
    )
    with Store.open(tmp_path / "state") as store:
        snapshot_id = record_export(store, parse_export(path)).outcome.snapshot.id
        contacts = store.contacts(snapshot_id)
        for row in contacts.iter_rows(named=True):
            assert store.contact(snapshot_id, row["key"]) == row
        assert store.contact(snapshot_id, "url:in/nobody") is None
