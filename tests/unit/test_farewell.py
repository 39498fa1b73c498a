"""Farewell templates: what each placeholder becomes, missing data, tones, edits and the limit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from prune.core.farewell.length import LINKEDIN_MESSAGE_LIMIT, check_length, message_length
from prune.core.farewell.message import message_for, render
from prune.core.farewell.settings import FarewellSettings
from prune.core.farewell.template import (
    Field,
    Literal,
    Optional,
    parse_template,
    validate_template,
)
from prune.core.farewell.tones import BUILTIN_TONES, next_tone, tone_names
from prune.core.farewell.values import years_phrase
from prune.core.state.store import Farewell

TODAY = date(2026, 11, 2)
ANA = {
    "first_name": "Ana",
    "last_name": "Doe",
    "company": "Acme",
    "position": "CTO",
    "connected_on": date(2018, 3, 7),
}
SETTINGS = FarewellSettings(templates=BUILTIN_TONES, my_name="Robin", today=TODAY)
EVERY_PLACEHOLDER = (
    "{first_name}|{last_name}|{company}|{position}|{years}|{my_name}|{note}|{{literal}}|[[x]]"
)


def test_every_placeholder_is_filled() -> None:
    text = render(EVERY_PLACEHOLDER, ANA, my_name="Robin", today=TODAY, note="met at PyCon")
    assert text == "Ana|Doe|Acme|CTO|8 years|Robin|met at PyCon|{literal}|[x]"


def test_the_note_comes_from_the_decision_when_not_given() -> None:
    class Decision:
        note = "from the card"

    class View:
        first_name, last_name, company, position, connected_on = "Bo", "Li", None, None, None
        decision = Decision()

    assert render("{note}", View(), my_name=None, today=TODAY) == "from the card"


@pytest.mark.parametrize(
    ("connected_on", "expected"),
    [
        (date(2026, 6, 1), "less than a year"),
        (date(2025, 11, 3), "less than a year"),
        (date(2025, 11, 2), "1 year"),
        (date(2024, 11, 3), "1 year"),
        (date(2018, 3, 7), "8 years"),
        ("2016-11-02", "10 years"),
        (date(2027, 1, 1), "less than a year"),  # a clock set wrong must not give "-1 years"
        (None, ""),
    ],
)
def test_years_are_worded_like_a_person_would(connected_on: date | None, expected: str) -> None:
    assert years_phrase(connected_on, TODAY) == expected


def test_optional_parts_disappear_with_missing_data() -> None:
    template = "Hi[ {first_name}],[ all the best at {company}][ as {position}]. [Since {years}.]"
    bare = {"first_name": None, "company": "", "position": "  ", "connected_on": None}
    assert render(template, bare, my_name=None, today=TODAY) == "Hi,."
    assert render(template, ANA, my_name=None, today=TODAY) == (
        "Hi Ana, all the best at Acme as CTO. Since 8 years."
    )


@pytest.mark.parametrize("tone", list(BUILTIN_TONES))
def test_built_ins_read_naturally_without_company_name_or_date(tone: str) -> None:
    contact = {"first_name": "", "last_name": "", "company": None, "connected_on": None}
    text = render(BUILTIN_TONES[tone], contact, my_name=None, today=TODAY)
    for hole in (" ,", "at .", "at !", "for .", "  ", "{", "}", "[", "]", "\n\n\n"):
        assert hole not in text, (tone, hole, text)
    assert not text.rstrip().endswith(",")  # the sign-off does not dangle without a name


@pytest.mark.parametrize("tone", list(BUILTIN_TONES))
def test_built_ins_use_the_data_when_it_is_there(tone: str) -> None:
    text = render(BUILTIN_TONES[tone], ANA, my_name="Robin", today=TODAY)
    assert "Ana" in text and "Acme" in text and text.rstrip().endswith("Robin")


def test_a_company_ending_in_a_full_stop_gets_no_second_one() -> None:
    contact = ANA | {"company": "Acme, Inc."}
    text = render(BUILTIN_TONES["warm"], contact, my_name=None, today=TODAY)
    assert "Acme, Inc. " in text and "Inc.." not in text


def test_placeholder_companies_like_self_employed_count_as_none() -> None:
    text = render(
        "all the best[ at {company}]!",
        ANA | {"company": "Self-employed"},
        my_name=None,
        today=TODAY,
    )
    assert text == "all the best!"


def test_emoji_and_non_ascii_names_pass_through_intact() -> None:
    contact = {"first_name": "Zoë 🌻", "last_name": "Ødegård", "company": "Kōbō Kumo"}
    text = render(
        "Hi {first_name} {last_name} at {company}", contact, my_name="Łukasz", today=TODAY
    )
    assert text == "Hi Zoë 🌻 Ødegård at Kōbō Kumo"
    warm = render(
        BUILTIN_TONES["warm"], contact | {"first_name": "美咲"}, my_name="Łukasz", today=TODAY
    )
    assert warm.startswith("Hi 美咲,") and warm.endswith("Łukasz")


LONG = {
    "first_name": "Maximiliana-Josefina",
    "last_name": "van der Westhuizen-Okonkwo",
    "company": "Harbourlight Hospital Trust International Holdings, Ltd.",
    "position": "Senior Director, Strategic Partnerships & Business Development (EMEA)",
    "connected_on": date(2009, 5, 1),
}


@pytest.mark.parametrize("tone", ["warm", "brief", "formal"])
def test_each_built_in_stays_under_600_characters_with_long_data(tone: str) -> None:
    text = render(BUILTIN_TONES[tone], LONG, my_name="Anne-Catherine", today=TODAY)
    assert message_length(text) < 600, (tone, message_length(text))


BLAME = (
    "inactive",
    "spam",
    "irrelevant",
    "don't know you",
    "do not know you",
    "never",
    "stranger",
    "no longer useful",
    "not useful",
    "notif",  # and no promise either way about LinkedIn's notifications
)


@pytest.mark.parametrize("tone", list(BUILTIN_TONES))
def test_built_ins_put_no_blame_on_the_person(tone: str) -> None:
    lowered = BUILTIN_TONES[tone].lower()
    for word in BLAME:
        assert word not in lowered, (tone, word)


def test_built_ins_are_valid_templates() -> None:
    assert {"warm", "brief", "formal"} <= set(BUILTIN_TONES)
    for text in BUILTIN_TONES.values():
        assert validate_template(text) == []


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("Hi {nickname}", "unknown placeholder {nickname}"),
        ("Hi {First_Name}", "unknown placeholder {First_Name}"),
        ("Hi {first_name", "a { is never closed"),
        ("Hi first_name}", "a } has no opening {"),
        ("Hi[ {first_name}", "a [ is never closed"),
        ("Hi {first_name}]", "a ] has no opening ["),
        ("[a [b {first_name}]]", "cannot be nested"),
        ("See [this link]", "[this link] has no placeholder inside"),
        ("   ", "the text is empty"),
        ("{first_name.__class__}", "unknown placeholder {first_name.__class__}"),
    ],
)
def test_faulty_templates_are_explained(template: str, expected: str) -> None:
    problems = validate_template(template)
    assert any(expected in problem for problem in problems), problems


def test_a_template_parses_into_literals_fields_and_optional_parts() -> None:
    parsed = parse_template("Hi[ {first_name}], {{x}} at {company}[!]")
    assert parsed.parts == (
        Literal("Hi"),
        Optional((Literal(" "), Field("first_name"))),
        Literal(", {x} at "),
        Field("company"),
        Optional((Literal("!"),)),
    )
    assert len(parsed.problems) == 1 and "[!] has no placeholder" in parsed.problems[0]


def test_a_template_of_megabytes_is_validated_with_its_fault_found() -> None:
    """Checking takes time in proportion to the text: a 2 MB tone in the config is no hang."""
    prose = "Thank you for the years of good work together[ at {company}], {{truly}}. "
    template = prose * 14_000 + "{nickname}" + prose * 14_000 + "{ unclosed " * 5_000
    assert len(template) > 2_000_000
    assert validate_template(template) == [
        "unknown placeholder {nickname}",
        "a { is never closed (write {{ for a literal brace)",
    ]


def test_a_faulty_template_still_renders_readably() -> None:
    text = render("Hi {nickname} {first_name", ANA, my_name=None, today=TODAY)
    assert text == "Hi {nickname} {first_name"


def test_tones_cycle_through_built_ins_then_the_users_own() -> None:
    names = tone_names(dict(BUILTIN_TONES) | {"cheerful": "Bye {first_name}!"})
    assert names == ["warm", "brief", "formal", "cheerful"]
    assert tone_names() == ["warm", "brief", "formal"]
    assert next_tone("warm", names) == "brief"
    assert next_tone("cheerful", names) == "warm"
    assert next_tone("vanished", names) == "warm"
    assert next_tone(None) == "warm"


def test_a_saved_edit_is_preferred_over_the_template() -> None:
    edited = Farewell(key="k", tone="formal", text="My own words, {not a placeholder}.")
    message = message_for(edited, ANA, SETTINGS, tone="brief")
    assert message == "My own words, {not a placeholder}."


def test_without_an_edit_the_saved_tone_then_the_default_is_used() -> None:
    formal = message_for(Farewell(key="k", tone="formal"), ANA, SETTINGS)
    assert formal.startswith("Dear Ana,")
    fallback = message_for(Farewell(key="k", tone="deleted"), ANA, SETTINGS)
    assert fallback.startswith("Hi Ana,")
    brief = message_for(None, ANA, replace(SETTINGS, default_tone="brief"))
    assert brief == render(BUILTIN_TONES["brief"], ANA, my_name="Robin", today=TODAY)


def test_messages_over_linkedins_limit_are_refused_with_the_numbers() -> None:
    assert check_length("Bye!") is None
    assert check_length("x" * LINKEDIN_MESSAGE_LIMIT) is None
    note = check_length("x" * (LINKEDIN_MESSAGE_LIMIT + 25))
    assert note is not None
    assert "8,025" in note and "8,000" in note and "by 25" in note
    assert check_length("  \n ") is not None


def test_emoji_count_twice_towards_the_limit() -> None:
    assert message_length("🌻") == 2
    assert check_length("🌻" * (LINKEDIN_MESSAGE_LIMIT // 2)) is None
    assert check_length("🌻" * (LINKEDIN_MESSAGE_LIMIT // 2 + 1)) is not None
