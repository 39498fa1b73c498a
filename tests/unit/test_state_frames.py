"""Rows of the state file read into polars column by column: every value exactly as stored."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import polars as pl
import pytest

from prune.core.state.frames import query_frame
from prune.core.state.records import DECISION_FIELDS
from prune.core.state.store import Store

SCHEMA = {"text": pl.String, "number": pl.Int64, "other": pl.String}
# Text a JSON round trip could get wrong: quotes, backslashes, NUL and other controls, line and
# paragraph separators, astral characters, and strings that read as JSON themselves.
AWKWARD = [
    ('say "hi" \\ bye', 1, None),
    ("a\x00b\x1f\r\n\t", -7, "null"),
    ("\u2028\u2029 😀 é", None, "[1, 2]"),
    ("", 9_007_199_254_740_993, "true"),  # over 2**53: a float would round it
    (None, 0, '{"a": 1}'),
]


@pytest.fixture
def db():
    with closing(sqlite3.connect(":memory:")) as connection:
        connection.execute("CREATE TABLE t (text TEXT, number INTEGER, other TEXT)")
        yield connection


def test_every_value_comes_back_as_stored(db: sqlite3.Connection) -> None:
    db.executemany("INSERT INTO t VALUES (?, ?, ?)", AWKWARD)
    frame = query_frame(db, SCHEMA, "FROM t")
    assert frame.schema == pl.Schema(SCHEMA)
    assert frame.rows() == AWKWARD


def test_a_where_clause_and_its_parameters_pick_the_rows(db: sqlite3.Connection) -> None:
    db.executemany("INSERT INTO t VALUES (?, ?, ?)", AWKWARD)
    frame = query_frame(db, {"number": pl.Int64}, "FROM t WHERE number > ?", (0,))
    assert sorted(frame["number"].to_list()) == [1, 9_007_199_254_740_993]


def test_columns_of_nulls_only_come_back_as_nulls_of_their_type(db: sqlite3.Connection) -> None:
    rows = [("null", None, None), ("[null]", None, None), (None, None, None)]
    db.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
    frame = query_frame(db, SCHEMA, "FROM t")
    assert frame.schema == pl.Schema(SCHEMA)
    assert frame.rows() == rows
    only_nulls = query_frame(db, {"other": pl.String, "text": pl.String}, "FROM t")
    assert only_nulls.rows() == [(None, "null"), (None, "[null]"), (None, None)]


def test_no_rows_give_an_empty_frame_with_the_columns(db: sqlite3.Connection) -> None:
    frame = query_frame(db, SCHEMA, "FROM t")
    assert frame.height == 0
    assert frame.schema == pl.Schema(SCHEMA)


def test_without_sqlites_json_functions_the_rows_are_read_one_by_one(
    db: sqlite3.Connection,
) -> None:
    db.executemany("INSERT INTO t VALUES (?, ?, ?)", AWKWARD)
    expected = query_frame(db, SCHEMA, "FROM t")

    class NoJson:
        """A connection whose SQLite was built without JSON1."""

        def execute(self, sql: str, parameters: object = ()) -> sqlite3.Cursor:
            if "json_group_array" in sql:
                raise sqlite3.OperationalError("no such function: json_group_array")
            return db.execute(sql, parameters)  # type: ignore[arg-type]

    assert query_frame(NoJson(), SCHEMA, "FROM t").equals(expected)  # type: ignore[arg-type]


def test_a_column_too_long_for_one_sqlite_string_is_read_row_by_row(
    db: sqlite3.Connection,
) -> None:
    db.executemany("INSERT INTO t VALUES (?, ?, ?)", [("x" * 600, 1, None), ("y" * 600, 2, "z")])
    db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 1000)  # one value fits, an array of both does not
    frame = query_frame(db, SCHEMA, "FROM t")
    assert sorted(frame.rows()) == [("x" * 600, 1, None), ("y" * 600, 2, "z")]


def test_other_sql_errors_are_not_hidden(db: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        query_frame(db, SCHEMA, "FROM missing")


def test_store_decisions_by_verdict_and_fields(tmp_path: Path) -> None:
    with Store.open(tmp_path / "state") as store:
        store.save_decision("ana", "test", verdict="disconnect", note='said "bye"\n')
        store.save_decision("bo", "test", verdict="keep", known="yes")
        store.save_decision("cy", "test", verdict="later")
        store.save_decision("dee", "test", known="no")
        every = store.decisions()
        assert every.columns == list(DECISION_FIELDS)
        assert every.schema["later_seq"] == pl.Int64
        assert sorted(every["key"]) == ["ana", "bo", "cy", "dee"]
        assert every.filter(pl.col("key") == "cy")["later_seq"].item() == 1
        gone = store.decisions(verdict="disconnect", fields=("key", "note"))
        assert gone.rows() == [("ana", 'said "bye"\n')]
        assert store.decisions(verdict="keep").height == 1
        with pytest.raises(ValueError, match="unknown decision fields"):
            store.decisions(fields=("key", "colour"))
