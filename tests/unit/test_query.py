"""The query language: every term, negation, quoting, each refusal, and plain Python agreeing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from prune.core.evidence.collect import EVIDENCE_SCHEMA, compute_evidence
from prune.core.review.query import (
    FIELDS,
    QueryError,
    asks_for_past,
    matching_keys,
    mentions_status,
    parse_terms,
    query_frame,
)
from prune.core.state.importing import parse_export
from prune.core.text.folding import fold
from prune.demo import write_sample_export

PEOPLE = [
    # key, first, last, company, position, connected
    ("a", "José", "Núñez", "Acme, Inc.", "Technical Recruiter", date(2014, 3, 2)),
    ("b", "Jane", "Doe", "Globex", "Engineer", date(2019, 6, 30)),
    ("c", "DOE", "JOHN", "", "", date(2023, 6, 1)),
    ("d", "Ann", "Lee", "Acme Labs", "Doe Researcher", date(2012, 12, 31)),
]


def contacts() -> pl.DataFrame:
    rows = [(k, f, la, c or None, p or None, d) for k, f, la, c, p, d in PEOPLE]
    frame = pl.DataFrame(
        rows,
        schema=["key", "first_name", "last_name", "company", "position", "connected_on"],
        orient="row",
    )
    return frame.with_columns(pl.lit("https://x").alias("url"), pl.lit(None).alias("email"))


def evidence() -> pl.DataFrame:
    base = pl.DataFrame({"key": ["a", "b", "c", "d"]})
    values = {
        "messages_sent": [0, 7, 0, 1],
        "messages_received": [0, 5, 0, 0],
        "last_message_on": [None, date(2021, 1, 5), None, date(2016, 2, 2)],
        "flags": [None, None, "no company or position; name in capitals", None],
        "invited_by": ["you", "them", None, None],
        "colleague": [None, None, None, "former"],
    }
    frame = base.with_columns(pl.Series(name, column) for name, column in values.items())
    missing = [
        pl.lit(0 if dtype == pl.UInt32() else None, dtype=dtype).alias(name)
        for name, dtype in EVIDENCE_SCHEMA.items()
        if name not in frame.columns
    ]
    return frame.with_columns(missing).select(list(EVIDENCE_SCHEMA)).cast(EVIDENCE_SCHEMA)  # type: ignore[arg-type]


DECISIONS = pl.DataFrame({"key": ["a", "b"], "verdict": ["keep", "disconnect"]})


def found(query: str) -> list[str]:
    return matching_keys(query_frame(contacts(), evidence()), DECISIONS, query)


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("", ["a", "b", "c", "d"]),
        ("jose", ["a"]),  # accents and case do not matter
        ("NUNEZ recruiter", ["a"]),
        ("doe", ["b", "c", "d"]),  # name or position
        ("name:doe", ["b", "c"]),
        ("company:acme", ["a", "d"]),
        ('company:"acme, inc."', ["a"]),
        ("position:engineer", ["b"]),
        ("verdict:keep", ["a"]),
        ("verdict:disconnect", ["b"]),
        ("verdict:later", []),
        ("verdict:undecided", ["c", "d"]),
        ("connected:<2015", ["a", "d"]),
        ("connected:2019", ["b"]),
        ("connected:>=2023-06", ["c"]),
        ("connected:>2019-06", ["c"]),
        ("connected:<=2019-06", ["a", "b", "d"]),
        ("connected:2012-12-31", ["d"]),
        ("connected:>2019-06-29", ["b", "c"]),
        ("messages:0", ["a", "c"]),
        ("messages:>10", ["b"]),
        ("messages:<=1", ["a", "c", "d"]),
        ("last:<2020", ["d"]),
        ("last:2021-01", ["b"]),
        ("flag:any", ["c"]),
        ("flag:bare", ["c"]),
        ("flag:name", ["c"]),
        ("flag:url", []),
        ("evidence:none", ["c"]),
        ("evidence:any", ["a", "b", "d"]),
        ("colleague:yes", ["d"]),
        ("colleague:no", ["a", "b", "c"]),
        ("invited:me", ["a"]),
        ("invited:them", ["b"]),
        ("Verdict:KEEP", ["a"]),  # field names and values any case
    ],
)
def test_every_term(query: str, keys: list[str]) -> None:
    assert found(query) == keys


def test_negation_includes_the_unknown() -> None:
    assert found("-verdict:keep") == ["b", "c", "d"]
    assert found("-last:<2020") == ["a", "b", "c"]  # no message at all: not before 2020
    assert found("-invited:me") == ["b", "c", "d"]
    assert found("-doe") == ["a"]


def test_terms_all_must_match() -> None:
    assert found("company:acme -verdict:keep connected:<2015") == ["d"]
    assert found("doe -name:doe") == ["d"]


def test_quotes_group_words_and_keep_colons() -> None:
    assert found('"jane doe"') == ["b"]
    assert found('"doe jane"') == []
    assert found('-"jane doe"') == ["a", "c", "d"]
    assert found('"a:b"') == []  # quoted: a word, not a field
    assert parse_terms('company:"Acme, Inc." -"x y" z') == [
        parse_terms('company:"Acme, Inc."')[0],
        parse_terms('-"x y"')[0],
        parse_terms("z")[0],
    ]
    assert [t.value for t in parse_terms('company:"Acme, Inc." -"x y" z')] == [
        "Acme, Inc.",
        "x y",
        "z",
    ]
    assert parse_terms('"unclosed quote')[0].value == "unclosed quote"  # still typing


FIELD_LIST = "the fields are " + ", ".join(FIELDS)


@pytest.mark.parametrize(
    ("query", "start"),
    [
        ("recruiter colour:red", 'unknown field "colour" in "colour:red"'),
        ("-colour:red", 'unknown field "colour" in "-colour:red"'),
        ("company:", '"company:" needs a value after "company:"'),
        ("connected:<soon", 'cannot read "connected:<soon": connected takes a date such as 2019'),
        ("connected:2019-13", 'cannot read "connected:2019-13": connected takes a date'),
        ("last:yesterday", 'cannot read "last:yesterday": last takes a date'),
        ("messages:lots", 'cannot read "messages:lots": messages takes a number such as 0 or >10'),
        ("verdict:maybe", 'cannot read "verdict:maybe": verdict takes keep, disconnect, later or'),
        ("flag:weird", 'cannot read "flag:weird": flag takes any, bare, url or name'),
        ("evidence:some", 'cannot read "evidence:some": evidence takes none or any'),
        ("colleague:maybe", 'cannot read "colleague:maybe": colleague takes yes or no'),
        ("invited:us", 'cannot read "invited:us": invited takes me or them'),
    ],
)
def test_each_refusal_is_one_line_naming_the_term_and_the_fields(query: str, start: str) -> None:
    with pytest.raises(QueryError) as refused:
        found(query)
    message = str(refused.value)
    assert message.startswith(start)
    assert message.endswith(FIELD_LIST)
    assert "\n" not in message


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[pl.DataFrame, pl.DataFrame]:
    export = write_sample_export(tmp_path_factory.mktemp("export"), connections=400)
    parsed = parse_export(export)
    people = parsed.connections.contacts
    return people, compute_evidence(parsed.files, people).frame


def test_the_expression_agrees_with_a_plain_python_filter(
    generated: tuple[pl.DataFrame, pl.DataFrame],
) -> None:
    people, facts = generated
    keys = people["key"].to_list()
    decisions = pl.DataFrame(
        {
            "key": keys[::3],
            "verdict": ["keep", "later"] * (len(keys[::3]) // 2) + ["keep"] * (len(keys[::3]) % 2),
        }
    )
    rows = {row["key"]: row for row in people.join(facts.drop("connected_on"), on="key").to_dicts()}
    verdict_of = dict(zip(decisions["key"], decisions["verdict"], strict=True))

    def words(row: dict[str, object]) -> list[str]:
        name = f"{row['first_name'] or ''} {row['last_name'] or ''}"
        return [fold(str(text or "")) for text in (name, row["company"], row["position"])]

    def messages(row: dict[str, object]) -> int:
        return int(row["messages_sent"] or 0) + int(row["messages_received"] or 0)  # type: ignore[call-overload]

    checks = {
        "engineer -verdict:keep": lambda r: (
            any("engineer" in w for w in words(r)) and verdict_of.get(r["key"]) != "keep"
        ),
        "connected:<2016 messages:0": lambda r: (
            r["connected_on"] < date(2016, 1, 1) and messages(r) == 0
        ),
        "verdict:undecided last:>=2022": lambda r: (
            r["key"] not in verdict_of
            and r["last_message_on"] is not None
            and r["last_message_on"] >= date(2022, 1, 1)
        ),
        "-evidence:none colleague:yes": lambda r: (
            r["colleague"] is not None
            and (messages(r) > 0 or r["invited_by"] is not None or _people_counts(r) > 0)
        ),
        "invited:them messages:>2": lambda r: r["invited_by"] == "them" and messages(r) > 2,
        "flag:any": lambda r: r["flags"] is not None,
    }
    frame = query_frame(people, facts)
    for query, keep in checks.items():
        expected = [key for key in keys if keep(rows[key])]
        assert matching_keys(frame, decisions, query) == expected, query
        assert expected or query == "flag:any", f"{query} matched nobody: a weak check"


def _people_counts(row: dict[str, object]) -> int:
    counted = [
        name
        for name, dtype in EVIDENCE_SCHEMA.items()
        if dtype == pl.UInt32()
        and "shared" not in name
        and not name.startswith(("messages", "group"))
    ]
    return sum(int(row[name] or 0) for name in counted)  # type: ignore[call-overload]


def test_the_frame_is_built_without_evidence_too(tmp_path: Path) -> None:
    frame = query_frame(contacts())
    assert matching_keys(frame, DECISIONS, "flag:bare") == ["c"]
    assert matching_keys(frame, DECISIONS, "evidence:none") == ["a", "b", "c", "d"]


def with_past(*past_keys: str) -> pl.DataFrame:
    """The four people, those named being past connections (gone from the latest export)."""
    return contacts().with_columns(pl.col("key").is_in(list(past_keys)).alias("past"))


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("status:past", ["b", "d"]),
        ("status:current", ["a", "c"]),
        ("-status:past", ["a", "c"]),
        ("-status:current", ["b", "d"]),
        ("Status:PAST doe", ["b", "d"]),
        ("status:past verdict:undecided", ["d"]),
        ("status:past status:current", []),
    ],
)
def test_status_picks_past_or_current_connections(query: str, keys: list[str]) -> None:
    frame = query_frame(with_past("b", "d"), evidence())
    assert matching_keys(frame, DECISIONS, query) == keys


def test_without_past_connections_in_the_frame_everyone_is_current() -> None:
    frame = query_frame(contacts(), evidence())
    assert matching_keys(frame, DECISIONS, "status:current") == ["a", "b", "c", "d"]
    assert matching_keys(frame, DECISIONS, "status:past") == []


def test_a_bad_status_is_refused_in_one_line() -> None:
    with pytest.raises(QueryError) as refused:
        found("status:gone")
    assert str(refused.value) == (
        f'cannot read "status:gone": status takes current or past; {FIELD_LIST}'
    )


@pytest.mark.parametrize(
    ("query", "mentions", "past"),
    [
        ("acme", False, False),
        ("acme status:current", True, False),
        ("status:past", True, True),
        ("-status:current", True, True),
        ("-status:past", True, False),
        ('"status:past"', False, False),  # quoted: a word
    ],
)
def test_which_queries_ask_for_past_connections(query: str, mentions: bool, past: bool) -> None:
    assert (mentions_status(query), asks_for_past(query)) == (mentions, past)


def test_status_agrees_with_a_plain_python_filter(
    generated: tuple[pl.DataFrame, pl.DataFrame],
) -> None:
    people, facts = generated
    keys = people["key"].to_list()
    gone = set(keys[::4])
    frame = query_frame(people.with_columns(pl.col("key").is_in(list(gone)).alias("past")), facts)
    rows = {row["key"]: row for row in people.to_dicts()}
    checks = {
        "status:past": lambda r: r["key"] in gone,
        "-status:past connected:<2018": lambda r: (
            r["key"] not in gone and r["connected_on"] < date(2018, 1, 1)
        ),
        "status:current engineer": lambda r: (
            r["key"] not in gone and "engineer" in fold(str(r["position"] or ""))
        ),
    }
    for query, keep in checks.items():
        expected = [key for key in keys if keep(rows[key])]
        assert expected, f"{query} matched nobody: a weak check"
        assert matching_keys(frame, pl.DataFrame(schema={"key": str, "verdict": str}), query) == (
            expected
        ), query
