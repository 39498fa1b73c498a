"""Rendering thousands of farewells at once gives, letter for letter, what `render` gives alone.

The batch renderer walks the same parsed template as `render` but re-expresses the placeholder
values and the tidying in polars; every test here holds its output against the scalar functions on
the same rows, so a user sees the same message in the export, the Farewells screen and the editor.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta

import polars as pl
import pytest

from prune.core.farewell.batch import effective_tones, messages_many, refusals
from prune.core.farewell.length import check_length
from prune.core.farewell.message import message_for, render
from prune.core.farewell.settings import FarewellSettings
from prune.core.farewell.tidying import PYTHON_WHITESPACE
from prune.core.farewell.tones import BUILTIN_TONES
from prune.core.farewell.values import years_phrase
from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Farewell, Store
from prune.demo import write_sample_export

TODAY = date(2026, 11, 2)
# Days on which anniversaries fall awkwardly: a leap day, the day before and after one.
TODAYS = (TODAY, date(2025, 2, 28), date(2025, 3, 1), date(2028, 2, 29))

EVERY_PLACEHOLDER = (
    "[Dear {first_name} {last_name},\n\n]We have known each other for {years}[ since you joined "
    "{company}][ as {position}].[ I noted: {note}.]\n\n[Best,\n{my_name}]"
)
USER_TONES = {
    "every placeholder": EVERY_PLACEHOLDER,
    "no brackets": (
        "Hi {first_name} {last_name},\n\n{note}\n\nAt {company} as {position} for {years} .\n\n"
        "  Thanks  ,  {my_name}  "
    ),
    "stops": "{company}. {position}.[ {company}.] [{note}]. Done.. {years}.{note}..[{company}].x",
    "escapes and faults": "{{literal}} [[x]] ]] {unknown} {first_name [{first_name}[{last_name}]]",
    "leading stop": ".{first_name}[{company}].[.{position}]{note}.",
    "blank lines": "  {first_name}  ,  {company} .  \n\n\n\n\t{note}\t\n\n\n  end  ",
    "wide spaces": "\u00a0Hi {first_name}\u00a0\n\u3000{note}\u2028 [at {company}\u00a0]",
    # Brackets without a placeholder are always kept; forty of them must not take forever.
    "empty brackets": "{company}" + "[]" * 40 + ". [.{position}]" * 12 + ".",
    "empty": "",
    "only brackets": "[]",
    "literal brackets": "[plain]",
}
TEMPLATES = {**BUILTIN_TONES, **USER_TONES}

NAMES = [
    None,
    "",
    "   ",
    "Ana",
    " Ana ",
    "🦊 Foxy",
    "{first_name}",
    "[Bo]",
    "}}{{ ]] [[",
    "Zoë",
    "Ana\u00a0",
    "\x1cAna\x1d",
    "李",
    "A  B",
    "Jo ,",
    "Dr.",
    "$1 ${1} \\1",
    "Ana\n",
    "\u3000Ken\u3000",
    "👩‍👩‍👧 Family",
]
COMPANIES = [
    None,
    "",
    "Self-employed",
    "SELF-EMPLOYED",
    " self employed ",
    "Freelance",
    "Open to Work",
    "n/a",
    "-",
    "ſelf-employed",  # a long s: casefold makes it "self-employed"
    "conﬁdential",  # an fi ligature: casefold makes it "confidential"
    "İndependent",
    "Acme",
    "Acme, Inc.",
    "Yahoo!",
    "What?",
    "Acme...",
    "Stealth  Startup",
    "Acme\nLtd",
    "A . B",
    "Self-employed 🦊",
]
POSITIONS = [
    None,
    "",
    "CTO",
    "Head of  Sales",
    "Dev ,",
    "VP.",
    "Manager\u00a0",
    "\t",
    "Lead\r\nDev",
]
NOTES = [
    None,
    "",
    "  ",
    "met at a conference",
    "line one\nline two",
    "line\r\nnext",
    "trailing  \n  next",
    "a\n\n\n\nb",
    "x\u00a0\ny",
    "ends with space ",
    " , then",
    "double  space",
    "\x1c\x1d",
    "a separator\x1f  then spaces",
    "note. ",
    "Yes!",
    "…",
]
MY_NAMES = [None, "", "Robin", " Robin ", "Robin\u00a0"]


def connected_days(today: date) -> list[date | None]:
    return [
        None,
        today,
        today - timedelta(days=335),  # about eleven months
        today.replace(year=today.year - 1) if (today.month, today.day) != (2, 29) else None,
        date(today.year - 1, today.month, 1) + timedelta(days=today.day),  # a year less a bit
        date(2016, 2, 29),
        date(2024, 2, 29),
        date(2018, 12, 31),
        date(2019, 1, 1),
        today + timedelta(days=40),  # a date in the future
    ]


def batch_of(
    template: str,
    contacts: pl.DataFrame,
    *,
    my_name: str | None,
    today: date,
    notes: str | None = "note",
) -> pl.Series:
    """`messages_many` with `template` as the only tone, and no saved tones or edits."""
    settings = FarewellSettings(
        {"only": template}, my_name=my_name, today=today, default_tone="only"
    )
    return messages_many(contacts, settings, saved_tones=None, edits=None, notes=notes)


def scalar(template: str, frame: pl.DataFrame, *, my_name: str | None, today: date) -> list[str]:
    return [
        render(template, row, my_name=my_name, today=today) for row in frame.iter_rows(named=True)
    ]


def edge_rows(today: date, count: int = 240, seed: int = 11) -> pl.DataFrame:
    """Every awkward value at least once, the rest mixed at random (the same mix every run)."""
    rng = random.Random(seed)
    days = connected_days(today)
    pools = {
        "first_name": NAMES,
        "last_name": NAMES,
        "company": COMPANIES,
        "position": POSITIONS,
        "connected_on": days,
        "note": NOTES,
    }
    longest = max(len(pool) for pool in pools.values())
    rows = []
    for index in range(count):
        if index < longest:  # one pass through every pool first
            rows.append({name: pool[index % len(pool)] for name, pool in pools.items()})
        else:
            rows.append({name: rng.choice(pool) for name, pool in pools.items()})
    return pl.DataFrame(
        rows,
        schema={
            "first_name": pl.String,
            "last_name": pl.String,
            "company": pl.String,
            "position": pl.String,
            "connected_on": pl.Date,
            "note": pl.String,
        },
    )


@pytest.fixture(scope="module")
def sample_contacts(tmp_path_factory: pytest.TempPathFactory) -> pl.DataFrame:
    """The sample export imported into a store, with a note on every fifth contact."""
    folder = tmp_path_factory.mktemp("sample")
    store = Store.open(folder / "state")
    archive = write_sample_export(folder, connections=300)
    snapshot_id = record_export(store, parse_export(archive)).outcome.snapshot.id
    contacts = store.contacts(snapshot_id)
    store.close()
    notes = [
        NOTES[index % len(NOTES)] if index % 5 == 0 else None for index in range(len(contacts))
    ]
    return contacts.with_columns(note=pl.Series(notes, dtype=pl.String))


@pytest.mark.parametrize("today", TODAYS)
@pytest.mark.parametrize("tone", list(TEMPLATES))
def test_the_sample_export_renders_as_one_by_one(
    sample_contacts: pl.DataFrame, tone: str, today: date
) -> None:
    template = TEMPLATES[tone]
    expected = scalar(template, sample_contacts, my_name="Robin", today=today)
    batch = batch_of(template, sample_contacts, my_name="Robin", today=today)
    assert batch.to_list() == expected


def test_dates_as_iso_text_give_the_same_years_as_dates(sample_contacts: pl.DataFrame) -> None:
    as_text = sample_contacts.with_columns(pl.col("connected_on").dt.to_string("%Y-%m-%d"))
    for template in BUILTIN_TONES.values():
        batch = batch_of(template, as_text, my_name="Robin", today=TODAY)
        assert batch.to_list() == scalar(template, as_text, my_name="Robin", today=TODAY)
        assert batch.to_list() == scalar(template, sample_contacts, my_name="Robin", today=TODAY)


@pytest.mark.parametrize("today", TODAYS)
@pytest.mark.parametrize("tone", list(TEMPLATES))
def test_awkward_values_render_as_one_by_one(tone: str, today: date) -> None:
    template = TEMPLATES[tone]
    rows = edge_rows(today)
    for my_name in MY_NAMES:
        batch = batch_of(template, rows, my_name=my_name, today=today)
        assert batch.to_list() == scalar(template, rows, my_name=my_name, today=today), my_name


def test_random_templates_render_as_one_by_one() -> None:
    """Templates pieced together from the language's every token, faulty ones included."""
    tokens = [
        "Hi",
        " ",
        "  ",
        ",",
        ".",
        "..",
        "!",
        "\n",
        "\n\n\n",
        "\t",
        "\u00a0",
        "[",
        "]",
        "{",
        "}",
        "{{",
        "}}",
        "[[",
        "]]",
        "{nope}",
        *(f"{{{name}}}" for name in ("first_name", "last_name", "company", "position")),
        *(f"{{{name}}}" for name in ("years", "my_name", "note")),
    ]
    rng = random.Random(5)
    rows = edge_rows(TODAY, count=120, seed=3)
    for _ in range(150):
        template = "".join(rng.choice(tokens) for _ in range(rng.randint(0, 24)))
        batch = batch_of(template, rows, my_name="Robin", today=TODAY)
        assert batch.to_list() == scalar(template, rows, my_name="Robin", today=TODAY), template


def test_templates_using_some_placeholders_render_as_one_by_one_whatever_my_name() -> None:
    """Only the placeholders a template uses are worked out, my own name checked once for all
    rows; messages whose edges cannot be blank skip the final strip."""
    templates = [
        "Hi[ {first_name}],\n\nbye[ at {company}].[\n{my_name}]",
        "[{my_name}]",
        "{my_name}",
        " {my_name} ",
        "{years}\u00a0",
        "[. {company}]. [{position}.]",
        "\u3000[{note}]",
        "Bye.",
    ]
    rows = edge_rows(TODAY, count=80, seed=7)
    for my_name in ("Robin", None, " Zo\u00eb\u00a0Ann\u3000 ", "Al \u00a0\nBo", "\u00a0"):
        for template in templates:
            batch = batch_of(template, rows, my_name=my_name, today=TODAY)
            expected = scalar(template, rows, my_name=my_name, today=TODAY)
            assert batch.to_list() == expected, (template, my_name)


def test_missing_columns_and_notes_count_as_empty() -> None:
    rows = pl.DataFrame({"first_name": ["Ana", None], "note": ["seen at the fair", None]})
    template = EVERY_PLACEHOLDER
    assert batch_of(template, rows, my_name=None, today=TODAY).to_list() == scalar(
        template, rows, my_name=None, today=TODAY
    )
    without_notes = batch_of(template, rows, my_name=None, today=TODAY, notes=None)
    assert without_notes.to_list() == scalar(template, rows.drop("note"), my_name=None, today=TODAY)
    assert "seen at the fair" not in without_notes[0]
    assert batch_of(template, rows.clear(), my_name=None, today=TODAY).to_list() == []


@pytest.mark.parametrize(
    "text",
    [
        "2024-01-05",
        "2025-11-02",
        "2025-11-03",
        "2024-02-29",
        "2023-02-29",  # no such day
        "0000-01-01",  # a year Python's dates do not have
        "2024-1-5",
        " 2024-01-05",
        "20240105",  # also ISO 8601, read by date.fromisoformat
        "2024-W01-1",
        "not a date",
        "",
        None,
    ],
)
def test_connection_dates_given_as_text_are_read_as_python_reads_them(text: str | None) -> None:
    rows = pl.DataFrame(
        {"first_name": ["Ana"], "connected_on": [text]},
        schema_overrides={"connected_on": pl.String},
    )
    batch = batch_of("{years}", rows, my_name=None, today=TODAY)
    assert batch.to_list() == [years_phrase(text, TODAY)]


def test_the_whitespace_set_is_pythons() -> None:
    everything = (chr(code) for code in range(sys.maxunicode + 1))
    assert "".join(char for char in everything if char.isspace()) == PYTHON_WHITESPACE


# -- tones and edits ------------------------------------------------------------------------------


TONE_CHOICES = [None, "", "warm", "brief", "formal", "every placeholder", "deleted tone"]
EDITS = [None, None, "", "My own words,  kept  as typed "]


def saved_rows(count: int = 120) -> pl.DataFrame:
    rng = random.Random(9)
    rows = edge_rows(TODAY, count=count)
    return rows.with_columns(
        tone=pl.Series([rng.choice(TONE_CHOICES) for _ in range(count)], dtype=pl.String),
        text=pl.Series([rng.choice(EDITS) for _ in range(count)], dtype=pl.String),
    )


@pytest.mark.parametrize(
    ("templates", "default_tone"),
    [
        (TEMPLATES, "warm"),
        (TEMPLATES, "every placeholder"),
        (TEMPLATES, "deleted tone"),
        ({"every placeholder": EVERY_PLACEHOLDER}, "warm"),
        ({}, "warm"),
    ],
)
@pytest.mark.parametrize("override", [None, "", "brief", "deleted tone"])
def test_each_row_gets_its_edit_or_its_tone_as_message_for_gives(
    templates: dict[str, str], default_tone: str, override: str | None
) -> None:
    rows = saved_rows()
    settings = FarewellSettings(templates, my_name="Robin", today=TODAY, default_tone=default_tone)
    expected = [
        message_for(
            Farewell(key=str(index), tone=row["tone"], text=row["text"]),
            row,
            settings,
            tone=override,
        )
        for index, row in enumerate(rows.iter_rows(named=True))
    ]
    batch = messages_many(rows, settings, tone=override)
    assert batch.to_list() == expected


def test_without_tone_or_edit_columns_every_row_takes_the_default_tone() -> None:
    rows = edge_rows(TODAY, count=30)
    settings = FarewellSettings(TEMPLATES, my_name="Ana", today=TODAY, default_tone="brief")
    batch = messages_many(rows, settings)
    expected = scalar(BUILTIN_TONES["brief"], rows, my_name="Ana", today=TODAY)
    assert batch.to_list() == expected


def test_effective_tones_fall_back_like_effective_tone() -> None:
    saved = pl.Series(["brief", None, "deleted tone", "", "formal"], dtype=pl.String)
    formal = FarewellSettings(BUILTIN_TONES, my_name=None, today=TODAY, default_tone="formal")
    assert effective_tones(saved, formal).to_list() == [
        "brief",
        "formal",
        "formal",
        "formal",
        "formal",
    ]
    assert effective_tones(saved, formal, tone="warm").to_list() == ["warm"] * 5


def test_refusals_are_the_ones_check_length_gives() -> None:
    messages = [
        "",
        "   ",
        "\x1c\n",
        "\u3000",
        "Bye for now.",
        "x" * 8000,
        "x" * 8001,
        "🦊" * 4000,  # 8,000 UTF-16 code units in 16,000 bytes: allowed
        "🦊" * 4000 + "!",
        "é" * 8000,
        "é" * 8001,
    ]
    found = refusals(pl.Series(messages, dtype=pl.String)).to_list()
    assert found == [check_length(message) for message in messages]
    assert found[4] is None and found[6] is not None and found[8] is not None
