"""The review flow without a terminal: answers, verdicts, later, undo, search and resume."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from prune.core.review.progress import Pace
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


def session(store: Store, rule: str = "any", **options) -> ReviewSession:
    return ReviewSession(store, store.latest_snapshot().id, RULES[rule], **options)


def names(review: ReviewSession) -> list[str]:
    return [review.view(key).first_name for key in review.queue]


def test_default_order_is_oldest_connection_first(store: Store) -> None:
    assert names(session(store)) == ["Cy", "Bo", "Di", "Ana"]
    assert names(session(store, order="newest")) == ["Ana", "Di", "Bo", "Cy"]
    assert names(session(store, order="company")) == ["Ana", "Di", "Bo", "Cy"]


def test_one_yes_keeps_and_three_noes_disconnect(store: Store) -> None:
    review = session(store)
    assert review.current.question == "known"
    kept = review.answer("yes")
    assert kept.verdict == "keep" and kept.name == "Cy Ng"
    assert store.decision("url:in/cy").verdict == "keep"
    assert review.current.first_name == "Bo"
    assert review.answer("no").verdict is None
    assert review.current.question == "interacted"
    assert review.answer("maybe").verdict is None
    assert review.answer("no").verdict == "disconnect"
    saved = store.decision("url:in/bo")
    assert (saved.known, saved.interacted, saved.favour) == ("no", "maybe", "no")


def test_favour_rule_asks_only_the_favour_question(store: Store) -> None:
    review = session(store, rule="favour")
    assert review.current.question == "favour"
    assert review.answer("no").verdict == "disconnect"
    assert review.answer("yes").verdict == "keep"


def test_direct_verdicts_and_the_later_queue(store: Store) -> None:
    review = session(store)
    assert review.decide("later").verdict == "later"
    assert names(review) == ["Bo", "Di", "Ana", "Cy"]
    review.decide("disconnect")
    review.decide("keep")
    review.decide("keep")
    assert names(review) == ["Cy"]
    progress = review.progress()
    assert (progress.keep, progress.disconnect, progress.later, progress.reviewed) == (2, 1, 1, 3)
    assert not progress.finished
    review.decide("keep")
    assert review.current is None and review.progress().finished


def test_undo_brings_back_the_previous_contact_with_its_answers(store: Store) -> None:
    review = session(store)
    review.answer("no")  # Cy: known = no
    review.answer("no")  # Cy: interacted = no
    review.answer("no")  # Cy: disconnect
    review.decide("keep")  # Bo
    assert review.undo().name == "Bo Li"
    assert review.current.first_name == "Bo" and store.decision("url:in/bo") is None
    assert review.undo().name == "Cy Ng"
    assert review.current.first_name == "Cy"
    assert review.current.question == "favour"
    assert review.current.answer("interacted") == "no"
    assert review.progress().disconnect == 0


def test_restart_resumes_at_the_same_contact(store: Store) -> None:
    review = session(store)
    review.decide("keep")
    review.answer("no")  # Bo, half answered
    resumed = session(store)
    assert resumed.current.first_name == "Bo"
    assert resumed.current.question == "interacted"
    assert resumed.progress().keep == 1


def test_search_ignores_accents_and_case(tmp_path: Path) -> None:
    path = tmp_path / "accents.csv"
    path.write_text(
        connections_text(
            "José,Müller,https://www.linkedin.com/in/jm,,Café Crème,Barista,07 Mar 2024",
            "Jose,Smith,https://www.linkedin.com/in/js,,,,07 Mar 2023",
        )
    )
    store = Store.open(tmp_path / "accents")
    record_export(store, parse_export(path))
    review = session(store)
    assert [view.last_name for view in review.search("jose")] == ["Müller", "Smith"]
    assert [view.last_name for view in review.search("CAFE muller")] == ["Müller"]
    by_company = session(store, order="company")
    assert [by_company.view(key).last_name for key in by_company.queue] == ["Müller", "Smith"]
    store.close()


def test_search_by_name_or_company_and_jump(store: Store) -> None:
    review = session(store)
    assert [view.first_name for view in review.search("acme")] == ["Ana", "Di"]
    assert [view.first_name for view in review.search("di ACME")] == ["Di"]
    review.jump_to("url:in/ana")
    assert review.current.first_name == "Ana"
    review.decide("keep")
    assert review.current.first_name == "Cy"


def test_evidence_pre_answers_and_enter_accepts(store: Store) -> None:
    review = session(store)
    insights = pl.DataFrame(
        {
            "key": ["url:in/cy", "url:in/bo"],
            "evidence": ["14 messages", None],
            "proves_interaction": [True, False],
            "score": [0.1, 0.9],
            "reasons": [None, "no messages in 7 years of connection"],
            "flags": [None, None],
        }
    )
    review.set_insights(insights)
    assert review.current.first_name == "Cy"  # the card on screen stays
    assert review.current.suggestion == "keep"
    assert review.accept_suggestion().verdict == "keep"
    assert store.decision("url:in/cy").interacted == "yes"
    assert review.current.first_name == "Bo"  # likely disconnects first now
    assert review.current.suggestion is None
    assert review.accept_suggestion() is None


def test_pace_estimates_time_left_from_the_users_own_speed(store: Store) -> None:
    ticks = iter([0.0, 2.0, 4.0, 6.0])
    review = session(store, clock=lambda: next(ticks))
    assert review.progress().seconds_left is None
    for _ in range(3):
        review.decide("keep")
    assert review.progress().seconds_left is None  # two gaps are not a pace yet
    review.decide("later")
    assert review.progress().seconds_left == pytest.approx(2.0 * 1)


def test_an_undo_does_not_swing_the_time_left() -> None:
    pace = Pace()
    for at in (0.0, 10.0, 20.0, 30.0, 40.0):
        pace.decided(at)
    assert pace.seconds_left(10) == pytest.approx(100.0)
    pace.undone(at=45.0)  # the decision at 40 s was a slip: forgotten, and timing restarts
    pace.decided(55.0)  # taken 10 s after the undo, not 35 s after the decision at 20 s
    assert pace.seconds_left(10) == pytest.approx(100.0)
    pace.decided(200.0)  # one slow card moves the median, not the whole estimate
    assert pace.seconds_left(10) == pytest.approx(100.0)


def test_the_listing_is_kept_until_a_decision_changes_it(store: Store) -> None:
    review = session(store)
    first = review.listing()
    assert review.listing() is first  # reopening the list of all contacts costs no join
    review.decide("keep")
    after = review.listing()
    assert after.filter(pl.col("key") == "url:in/cy")["verdict"].item() == "keep"
    review.undo()
    assert review.listing().filter(pl.col("key") == "url:in/cy")["verdict"].item() == "—"
