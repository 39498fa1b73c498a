"""The review as a user drives it with keys, checked against what the store holds."""

from __future__ import annotations

import sqlite3
import threading
import webbrowser
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from prune.tui import loading
from prune.tui.screens.help_screen import HelpScreen
from prune.tui.screens.review_screen import ReviewScreen
from prune.tui.screens.summary_screen import SummaryScreen
from prune.tui.widgets.contact_table import ContactTable
from prune.tui.widgets.key_rows import KeyRows

from testkit.tui import (
    ROWS,
    build_app,
    card_name,
    card_row,
    first_card,
    help_lines,
    loaded,
    platform_clipboard,
    progress_line,
    reopen,
    shown,
    store_of,
    text_of,
    toasts,
    workers_done,
)


async def test_one_yes_keeps_and_the_next_card_shows(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        assert card_name(app) == "Cy Ng"  # oldest connection first
        assert "Do you know them?" in card_row(app, "q-known")
        await pilot.press("y")
        assert card_name(app) == "Bo Li, PhD"
        assert "1 / 4 reviewed" in progress_line(app, "reviewed")
    store = store_of(tmp_path)
    saved = store.decision("url:in/cy")
    assert (saved.verdict, saved.known) == ("keep", "yes")


async def test_three_noes_disconnect_and_answers_show_as_given(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        assert "no" in card_row(app, "q-known")
        await pilot.press("m")
        assert "maybe" in card_row(app, "q-interacted")
        assert card_name(app) == "Cy Ng"
        await pilot.press("n")
        assert card_name(app) == "Bo Li, PhD"
    saved = store_of(tmp_path).decision("url:in/cy")
    assert (saved.verdict, saved.known, saved.interacted, saved.favour) == (
        "disconnect",
        "no",
        "maybe",
        "no",
    )


async def test_direct_keys_override_and_later_comes_back_at_the_end(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    seen = []
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        for key in ("l", "x", "k", "d"):
            seen.append(card_name(app))
            await pilot.press(key)
        assert card_name(app) == "Cy Ng"  # deferred, now back
        assert "later 1" in progress_line(app, "counts")
    assert seen == ["Cy Ng", "Bo Li, PhD", "Di Ode", "Ana Doe"]
    store = store_of(tmp_path)
    verdicts = [store.decision(f"url:in/{slug}").verdict for slug in ("cy", "bo", "di", "ana")]
    assert verdicts == ["later", "disconnect", "keep", "disconnect"]


async def test_undo_steps_back_through_several_decisions(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("n", "n")  # Cy: two answers, undecided
        await pilot.press("k")  # Cy kept by override
        await pilot.press("x")  # Bo disconnected
        await pilot.press("u")
        assert card_name(app) == "Bo Li, PhD"
        await pilot.press("u")
        assert card_name(app) == "Cy Ng"
        assert "no" in card_row(app, "q-interacted")  # answers restored with the contact
        await pilot.press("u")
        assert "▸" in card_row(app, "q-interacted")  # asked again
    store = store_of(tmp_path)
    assert store.decision("url:in/bo") is None
    cy = store.decision("url:in/cy")
    assert (cy.verdict, cy.known, cy.interacted) == (None, "no", None)


async def test_quit_and_restart_resumes_at_the_same_contact(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("k", "n")  # Cy kept; Bo half answered
        await pilot.press("q")
    again = reopen(tmp_path)
    async with again.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        assert card_name(again) == "Bo Li, PhD"
        assert "no" in card_row(again, "q-known")
        assert "1 / 4 reviewed" in progress_line(again, "reviewed")


async def test_names_and_companies_that_look_like_markup_are_shown_as_written(
    tmp_path: Path,
) -> None:
    eve = "Eve,Doe [/b],https://www.linkedin.com/in/eve,,[b]Acme[/b],CTO [/],01 Jan 2010"
    app = build_app(tmp_path, eve, ROWS[0])
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        assert card_name(app) == "Eve Doe [/b]"
        assert card_row(app, "role") == "CTO [/] · [b]Acme[/b]"
        await pilot.press("x", "slash", *"eve", "enter")  # back to Eve, marked disconnect
        assert text_of(app, "#farewell").startswith("Hi Eve,")


async def test_search_jumps_to_the_chosen_contact(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await pilot.press(*"sales")
        await pilot.press("enter")
        assert card_name(app) == "Di Ode"
        await pilot.press("k")
        assert card_name(app) == "Cy Ng"  # the queue carries on where it was
    assert store_of(tmp_path).decision("url:in/di").verdict == "keep"


async def test_note_is_saved_and_shown(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("e")
        app.screen.query_one(Input).value = "met at the 2015 meetup"
        await pilot.press("enter")
        await pilot.pause()
        assert "met at the 2015 meetup" in card_row(app, "note")
    assert store_of(tmp_path).decision("url:in/cy").note == "met at the 2015 meetup"


async def test_finishing_shows_the_summary_and_undo_returns(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("k", "k", "x", "y")
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("u")
        assert not isinstance(app.screen, SummaryScreen)
        assert card_name(app) == "Ana Doe"


async def test_evidence_after_the_last_decision_leaves_one_summary_and_u_undoes_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive_read = threading.Event()
    read_the_archive = loading.load_or_compute

    def slow_archive(*args):
        archive_read.wait(timeout=10)
        return read_the_archive(*args)

    monkeypatch.setattr(loading, "load_or_compute", slow_archive)
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await first_card(pilot)  # the evidence is still being read
        await pilot.press("k", "k", "x", "y")
        assert isinstance(app.screen, SummaryScreen)
        archive_read.set()
        await loaded(pilot)
        assert [type(screen) for screen in app.screen_stack].count(SummaryScreen) == 1
        await pilot.press("u")
        assert isinstance(app.screen, ReviewScreen)
        assert card_name(app) == "Ana Doe"
    store = store_of(tmp_path)
    verdicts = [store.decision(f"url:in/{slug}") for slug in ("cy", "bo", "di", "ana")]
    assert [saved.verdict if saved else None for saved in verdicts] == [
        "keep",
        "keep",
        "disconnect",
        None,
    ]


async def test_contacts_that_cannot_be_loaded_end_the_app_with_one_line_and_status_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def unreadable(*args) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(loading, "build_session", unreadable)
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await workers_done(pilot)
    assert app.return_code == 1
    assert capsys.readouterr().err == (
        "prune: the contacts could not be loaded (database disk image is malformed)\n"
    )


async def test_keys_can_be_remapped_in_the_config(tmp_path: Path) -> None:
    app = build_app(tmp_path, config='[keys]\n"review.keep" = "j"\n')
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("j")
        assert card_name(app) == "Bo Li, PhD"
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        lines = help_lines(app)
        assert "j Keep" in lines and "k Keep" not in lines
    assert store_of(tmp_path).decision("url:in/cy").verdict == "keep"


async def test_help_lists_every_key_of_the_review_and_of_the_screens_it_opens(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path, config='[keys]\n"review.note" = "ctrl+n"\n"app.farewells" = "F"\n')
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("f1")
        lines = help_lines(app)
    for line in ("/ Search", "ctrl+n Note", "space Evidence", "x / d Disconnect", "? / f1 Help"):
        assert line in lines
    assert "F Farewells" in lines and "ctrl+e Export a list" in lines
    assert "ctrl+p Command palette: order, rule, theme" in lines
    farewells = lines.index("On the Farewells screen (F)")
    contacts = lines.index("On the list of all contacts (a)")
    assert "e Write this message in your own words" in lines[farewells:contacts]
    assert "v Filter" in lines[contacts:]
    assert "ctrl+s Save the filter (in the query box)" in lines[contacts:]
    assert len(lines) == len(set(lines))  # each key once


def _first_visible_line(app) -> str:
    """The first line the help box shows, as the user reads it."""
    box = app.screen.query_one(VerticalScroll)
    top = box.content_region.y
    shown = [w for w in box.query(Static) if w.region.height and w.region.y >= top]
    first = min(shown, key=lambda widget: widget.region.y)
    return " ".join(str(first.visual).splitlines()[0].split())


@pytest.mark.parametrize(
    ("opener", "heading"),
    [("a", "On the list of all contacts (a)"), ("f", "On the Farewells screen (f)"), ("", "")],
)
async def test_help_opens_at_the_keys_of_the_screen_it_was_opened_on(
    tmp_path: Path, opener: str, heading: str
) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        if opener:
            await pilot.press(opener)
            await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        if heading:  # scrolled down to that screen's own keys
            assert _first_visible_line(app) == heading
        else:  # the review's keys are the first on the sheet
            assert app.screen.query_one(VerticalScroll).scroll_y == 0
            assert _first_visible_line(app) == "prune: keys"


async def test_a_key_description_too_long_for_its_line_carries_on_under_itself(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        sections = list(app.screen.query(KeyRows))
        shown = [str(line) for rows in sections for line in rows.lines_at(rows.content_size.width)]
        copy = next(n for n, line in enumerate(shown) if "Copy the message;" in line)
        width, room = sections[0].key_width, sections[0].content_size.width
    assert all(len(line.rstrip()) <= room for line in shown)
    assert shown[copy + 1].startswith(" " * width) and shown[copy + 1][width] != " "
    whole = " ".join([shown[copy][width:].strip(), shown[copy + 1].strip()])
    assert whole == "Copy the message; marked copied only when a clipboard confirms it"


async def test_help_gives_the_query_box_keys_as_remapped(tmp_path: Path) -> None:
    app = build_app(tmp_path, config='[keys]\n"query-box.save" = "ctrl+w"\n')
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        lines = help_lines(app)
    assert "ctrl+w Save the filter (in the query box)" in lines
    assert not any(line.startswith("ctrl+s ") for line in lines)


async def test_help_on_the_summary_adds_its_keys(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("k", "k", "k", "k", "question_mark")
        lines = help_lines(app)
    assert lines[lines.index("At the end of the review") + 1] == "u Undo last"


async def test_a_bad_setting_is_reported_and_the_default_used(tmp_path: Path) -> None:
    app = build_app(tmp_path, config='[review]\nrule = "gut feeling"\n')
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await loaded(pilot)
        assert any("line 2, [review] rule" in toast for toast in toasts(app))
        await pilot.press("n", "n", "n")  # the default rule asks all three
    assert store_of(tmp_path).decision("url:in/cy").verdict == "disconnect"


async def test_stricter_rule_from_the_palette_is_remembered(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        app.set_rule("favour")
        await pilot.pause()
        assert "▸" in card_row(app, "q-favour")
        await pilot.press("y")
    again = reopen(tmp_path)
    assert again.rule.name == "favour"
    again.context.store.close()
    assert store_of(tmp_path).decision("url:in/cy").favour == "yes"


async def test_open_profile_without_a_browser_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_browser() -> None:
        raise webbrowser.Error("none")

    monkeypatch.setattr(webbrowser, "get", no_browser)
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("o")
        assert any("No browser found" in t and "linkedin.com/in/cy" in t for t in toasts(app))


async def test_a_disconnect_card_shows_its_farewell_to_copy_and_retone(tmp_path: Path) -> None:
    app = build_app(tmp_path, system_copy=platform_clipboard)
    async with app.run_test(size=(100, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("x")  # Cy marked disconnect; Bo's card shows
        assert not shown(app, "#farewell-box")
        await pilot.press("u")  # back to Cy, undecided again: no farewell
        assert not shown(app, "#farewell-box")
        await pilot.press("x", "slash", *"cy", "enter")
        first = text_of(app, "#farewell")
        assert "Cy" in first and shown(app, "#farewell-box")
        await pilot.press("c")
        assert app.clipboard == first
        assert "copied" in text_of(app, "#farewell-head")
        await pilot.press("t")
        assert text_of(app, "#farewell") != first
        # Not the text that was copied any more: a draft again, until copied once more.
        assert "drafted" in text_of(app, "#farewell-head")
    saved = store_of(tmp_path).farewell("url:in/cy")
    assert (saved.status, saved.tone) == ("drafted", "brief")


async def test_tone_and_copy_on_an_undecided_card_explain_themselves(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("c")
        assert any("Farewells are for contacts marked disconnect" in t for t in toasts(app))
        assert app.clipboard == ""


async def test_each_decision_is_announced_once_and_says_u_undoes(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("y")
        assert text_of(app, "#decision-toast") == "Keep: Cy Ng. u undoes."
        await pilot.press("x")
        assert text_of(app, "#decision-toast") == "Disconnect: Bo Li, PhD. u undoes."
        assert len(app.screen.query("#decision-toast")) == 1
        assert shown(app, "#decision-toast")


async def test_the_list_of_all_contacts_filters_and_jumps_to_a_card(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("x")  # Cy marked disconnect
        await pilot.press("a")
        table = app.screen.query_one(ContactTable)
        names = [table.row(index)[1] for index in range(table.row_count)]
        assert names == ["Ana Doe", "Bo Li, PhD", "Cy Ng", "Di Ode"]  # by last name
        assert table.row(2)[0] == "disconnect"
        await pilot.press("v")  # undecided only
        assert [table.row(i)[1] for i in range(table.row_count)] == [
            "Ana Doe",
            "Bo Li, PhD",
            "Di Ode",
        ]
        await pilot.press("v", "v")  # disconnect only
        assert [table.row(i)[1] for i in range(table.row_count)] == ["Cy Ng"]
        await pilot.press("enter")
        assert card_name(app) == "Cy Ng"
        assert "disconnect" in card_row(app, "verdict")
        await pilot.press("k")  # changed my mind
    assert store_of(tmp_path).decision("url:in/cy").verdict == "keep"
