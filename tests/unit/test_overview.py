"""The overview's counts: equal to a plain Python count, and each query opens exactly them."""

from __future__ import annotations

from collections import Counter
from datetime import date

import polars as pl
import pytest

from prune.core.evidence.collect import compute_evidence
from prune.core.review.overview import (
    PACE_DAYS,
    TOP,
    by_year,
    overview,
    quoted,
    top_companies,
)
from prune.core.review.query import matching_keys, parse_terms, query_frame
from prune.core.state.importing import parse_export
from prune.core.text.folding import fold
from prune.demo import write_sample_export

TODAY = date(2026, 11, 2)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[pl.DataFrame, pl.DataFrame]:
    export = write_sample_export(tmp_path_factory.mktemp("export"), connections=500)
    parsed = parse_export(export)
    people = parsed.connections.contacts
    return people, compute_evidence(parsed.files, people).frame


def decisions_for(keys: list[str]) -> pl.DataFrame:
    """Every third contact decided, in turn keep, disconnect, later, over the last few days."""
    chosen = keys[::3]
    verdicts = [("keep", "disconnect", "later")[n % 3] for n in range(len(chosen))]
    days = [f"2026-11-0{1 + n % 2}T09:30:00+00:00" for n in range(len(chosen))]
    return pl.DataFrame({"key": chosen, "verdict": verdicts, "decided_at": days})


def contacts_of(rows: list[tuple[str, str | None, str | None, date | None]]) -> pl.DataFrame:
    """A small contacts frame: key, company, position, connected_on; names made up."""
    return pl.DataFrame(
        [
            (key, "Ann", f"Lee{key}", None, None, company, position, on)
            for key, company, position, on in rows
        ],
        schema={
            "key": pl.String,
            "first_name": pl.String,
            "last_name": pl.String,
            "url": pl.String,
            "email": pl.String,
            "company": pl.String,
            "position": pl.String,
            "connected_on": pl.Date,
        },
        orient="row",
    )


NO_DECISIONS = pl.DataFrame(
    schema={"key": pl.String, "verdict": pl.String, "decided_at": pl.String}
)


def test_years_and_verdicts_equal_a_plain_count(generated) -> None:
    people, facts = generated
    decisions = decisions_for(people["key"].to_list())
    facts_now = overview(people, decisions, facts, today=TODAY)
    verdict_of = dict(zip(decisions["key"], decisions["verdict"], strict=True))
    expected: Counter[tuple[int, str]] = Counter(
        (on.year, verdict_of.get(key, "undecided"))
        for key, on in zip(people["key"], people["connected_on"], strict=True)
        if on is not None
    )
    assert len(facts_now.years) > 5
    assert [group.label for group in facts_now.years] == sorted({str(y) for y, _ in expected})
    for group in facts_now.years:
        for verdict, count in group.verdicts.items():
            assert count == expected[(int(group.label), verdict)], (group.label, verdict)
        assert group.count == sum(group.verdicts.values())
    assert facts_now.total == people.height
    assert facts_now.verdicts == {
        "keep": Counter(verdict_of.values())["keep"],
        "disconnect": Counter(verdict_of.values())["disconnect"],
        "later": Counter(verdict_of.values())["later"],
        "undecided": people.height - len(verdict_of),
    }


def test_top_companies_and_positions_equal_a_plain_count(generated) -> None:
    people, facts = generated
    facts_now = overview(people, decisions_for(people["key"].to_list()), facts, today=TODAY)
    for field, groups in (("company", facts_now.companies), ("position", facts_now.positions)):
        counted = Counter(fold(text) for text in people[field] if text and text.strip())
        ranked = sorted(counted.items(), key=lambda item: (-item[1], item[0]))[:TOP]
        assert [(fold(group.label), group.count) for group in groups] == ranked, field
        assert 0 < len(groups) <= TOP


def test_every_query_opens_exactly_the_contacts_counted(generated) -> None:
    people, facts = generated
    decisions = decisions_for(people["key"].to_list())
    facts_now = overview(people, decisions, facts, today=TODAY)
    frame = query_frame(people, facts)
    rows = people.to_dicts()
    verdict_of = dict(zip(decisions["key"], decisions["verdict"], strict=True))

    def expected(group, test) -> set[str]:
        return {row["key"] for row in rows if test(row)}

    for group in facts_now.years:
        keys = matching_keys(frame, decisions, group.query)
        year = int(group.label)
        assert set(keys) == expected(
            group, lambda r, y=year: r["connected_on"] is not None and r["connected_on"].year == y
        )
        assert len(keys) == group.count
        kept = matching_keys(frame, decisions, group.query + " verdict:keep")
        assert len(kept) == group.verdicts["keep"]
        assert all(verdict_of[key] == "keep" for key in kept)
    for field, groups in (("company", facts_now.companies), ("position", facts_now.positions)):
        for group in groups:
            keys = matching_keys(frame, decisions, group.query)
            wanted = fold(group.label)
            assert set(keys) == expected(group, lambda r, f=field, w=wanted: fold(r[f] or "") == w)
            assert len(keys) == group.count, group.query
    for count in [*facts_now.flags, *(facts_now.coverage or [])]:
        assert len(matching_keys(frame, decisions, count.query)) == count.count, count.query


def test_coverage_parts_add_up_and_are_unknown_before_the_archive(generated) -> None:
    people, facts = generated
    with_archive = overview(people, NO_DECISIONS, facts, today=TODAY)
    assert with_archive.coverage is not None
    messages, other, nothing = (part.count for part in with_archive.coverage)
    assert messages > 0 and other > 0 and nothing > 0
    assert messages + other + nothing == people.height
    written_with = sum(
        1
        for sent, received in zip(facts["messages_sent"], facts["messages_received"], strict=True)
        if (sent or 0) + (received or 0) > 0
    )
    assert messages == written_with
    assert overview(people, NO_DECISIONS, None, today=TODAY).coverage is None


def test_flags_are_counted_without_the_archive_too() -> None:
    people = contacts_of(
        [("a", None, None, date(2020, 1, 1)), ("b", "Acme", "CTO", date(2020, 1, 1))]
    )
    flags = {
        count.query: count.count for count in overview(people, NO_DECISIONS, today=TODAY).flags
    }
    assert flags["flag:bare"] == 1
    assert flags["flag:any"] == 1


def test_spellings_group_a_part_is_not_the_whole_and_empty_is_no_company() -> None:
    people = contacts_of(
        [
            ("a", "Acme", None, date(2014, 3, 1)),
            ("b", "ACME", None, date(2014, 4, 1)),
            ("c", "Acme", None, None),
            ("d", "Acme Labs", None, date(2015, 1, 1)),
            ("e", "", "Engineer", date(2015, 1, 1)),
            ("f", "   ", "Engineer", date(2015, 1, 1)),
            ("g", None, "Engineer", date(2015, 1, 1)),
            ("h", "Zeta", None, date(2016, 1, 1)),
            ("i", "Beta", None, date(2016, 1, 1)),
        ]
    )
    facts_now = overview(people, NO_DECISIONS, today=TODAY)
    shown = [(group.label, group.count, group.query) for group in facts_now.companies]
    assert shown == [
        ("Acme", 3, 'company:="Acme"'),  # as most write it
        ("Acme Labs", 1, 'company:"Acme Labs"'),
        ("Beta", 1, 'company:"Beta"'),  # ties by name
        ("Zeta", 1, 'company:"Zeta"'),
    ]
    assert facts_now.undated == 1
    frame = query_frame(people)
    assert matching_keys(frame, NO_DECISIONS, 'company:="Acme"') == ["a", "b", "c"]
    assert matching_keys(frame, NO_DECISIONS, 'company:"Acme"') == ["a", "b", "c", "d"]


@pytest.mark.parametrize(
    "company",
    [
        'The "Best" Company',
        "Acme: Research & Development",
        "Back\\slash Ltd",
        "  Spaced   Out  ",
        '-"=Dash, Inc."\\',
        "=Equals",
    ],
)
def test_a_company_with_quotes_colons_or_spaces_round_trips(company: str) -> None:
    people = contacts_of(
        [
            ("a", company, None, date(2020, 1, 1)),
            ("b", company, None, date(2021, 1, 1)),
            ("c", company + " Labs", None, date(2021, 1, 1)),
            ("d", "Other", None, date(2021, 1, 1)),
        ]
    )
    top = overview(people, NO_DECISIONS, today=TODAY).companies[0]
    assert (top.label, top.count) == (company, 2)
    (term,) = parse_terms(top.query)
    assert (term.field, term.value, term.exact) == ("company", company, True)
    assert matching_keys(query_frame(people), NO_DECISIONS, top.query) == ["a", "b"]


def test_quoted_escapes_only_quotes_and_backslashes() -> None:
    assert quoted('Acme, "Inc."') == '"Acme, \\"Inc.\\""'
    assert quoted("a\\b") == '"a\\\\b"'
    assert [term.value for term in parse_terms(f"company:{quoted('a:b c')} x")] == ["a:b c", "x"]


def test_pace_counts_decisions_per_day_and_the_days_left(generated) -> None:
    people, _ = generated
    decisions = decisions_for(people["key"].to_list())
    facts_now = overview(people, decisions, today=TODAY)
    pace = facts_now.pace
    assert len(pace.days) == PACE_DAYS
    assert pace.days[-1][0] == TODAY
    per_day = dict(pace.days)
    decided = decisions.height
    assert per_day[date(2026, 11, 1)] + per_day[TODAY] == decided
    assert pace.per_day == decided / 2
    assert pace.remaining == facts_now.verdicts["undecided"] + facts_now.verdicts["later"]
    assert pace.days_left == -(-pace.remaining * 2 // decided)
    quiet = overview(people, NO_DECISIONS, today=TODAY).pace
    assert (quiet.per_day, quiet.days_left) == (None, None)


def test_stats_by_year_and_top_companies(generated) -> None:
    people, _ = generated
    years = by_year(people)
    assert list(years) == sorted(years)
    assert sum(years.values()) == people["connected_on"].drop_nulls().len()
    top = top_companies(people)
    assert len(top) <= TOP
    assert [count for _, count in top] == sorted((count for _, count in top), reverse=True)


def test_the_whole_field_form_negates_and_a_quoted_equals_sign_is_text() -> None:
    people = contacts_of(
        [
            ("a", "Acme", None, date(2020, 1, 1)),
            ("b", "Acme Labs", None, date(2020, 1, 1)),
            ("c", "=Acme", None, date(2020, 1, 1)),
        ]
    )
    frame = query_frame(people)
    assert matching_keys(frame, NO_DECISIONS, "company:=acme") == ["a"]
    assert matching_keys(frame, NO_DECISIONS, '-company:="ACME"') == ["b", "c"]
    assert matching_keys(frame, NO_DECISIONS, 'company:"=acme"') == ["c"]
    assert matching_keys(frame, NO_DECISIONS, "position:=x") == []
