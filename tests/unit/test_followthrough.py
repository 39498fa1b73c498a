"""The farewell follow-through: who is listed, what they are sent, and status that lasts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from prune.core.config import Config
from prune.core.farewell.followthrough import (
    DIVIDER,
    cycle_tone,
    farewell_document,
    farewell_progress,
    farewell_rows,
    mark_copied,
    message_renderer,
    reload_row,
    rows_with_status,
    save_edit,
    set_status,
    template_message,
)
from prune.core.farewell.length import LINKEDIN_MESSAGE_LIMIT
from prune.core.farewell.message import render
from prune.core.farewell.settings import FarewellSettings
from prune.core.farewell.tones import BUILTIN_TONES, NO_MESSAGE
from prune.core.lists.selection import contact_list
from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store

from testkit.exports import connections_text

TODAY = date(2026, 11, 2)
ANA = "Ana,Doe,https://www.linkedin.com/in/ana-doe,,Acme,CTO,07 Mar 2024"
BO = "Bo,Li,https://www.linkedin.com/in/bo-li,,,,01 Feb 2016"
CY = "Cy,Ng,https://www.linkedin.com/in/cy-ng,,Initech,PM,01 Feb 2022"
DEE = "Dee,Ow,https://www.linkedin.com/in/dee-ow,,Globex,Dev,01 Feb 2021"
SETTINGS = FarewellSettings(templates=BUILTIN_TONES, my_name="Robin", today=TODAY)


@pytest.fixture
def store(tmp_path: Path):
    opened = Store.open(tmp_path / "state")
    yield opened
    opened.close()


def snapshot(store: Store, tmp_path: Path, name: str, *rows: str) -> int:
    path = tmp_path / name
    path.write_text(connections_text(*rows))
    return record_export(store, parse_export(path)).outcome.snapshot.id


def rows(store: Store, snapshot_id: int, **options):
    return farewell_rows(store, snapshot_id, SETTINGS, **options)


def test_only_disconnects_of_the_snapshot_are_listed_by_name(store: Store, tmp_path: Path) -> None:
    snap = snapshot(store, tmp_path, "c.csv", CY, ANA, BO, DEE)
    store.save_decision("url:in/cy-ng", "test", verdict="disconnect")
    store.save_decision("url:in/ana-doe", "test", verdict="disconnect", note="met once")
    store.save_decision("url:in/bo-li", "test", verdict="keep")
    store.save_decision("url:in/dee-ow", "test", verdict="later")
    store.save_decision("url:in/gone", "test", verdict="disconnect")  # not in this export
    listed = rows(store, snap)
    assert [row.name for row in listed] == ["Ana Doe", "Cy Ng"]
    ana = listed[0]
    assert ana.url == "https://www.linkedin.com/in/ana-doe"
    assert ana.company == "Acme" and ana.note == "met once"
    assert ana.status == "drafted" and ana.tone == "warm" and not ana.edited
    assert ana.message == render(BUILTIN_TONES["warm"], ana, my_name="Robin", today=TODAY)
    assert "2 years" in ana.message and ana.refusal is None


def test_tone_edit_and_status_are_reflected(store: Store, tmp_path: Path) -> None:
    snap = snapshot(store, tmp_path, "c.csv", ANA, BO, CY)
    for key in ("url:in/ana-doe", "url:in/bo-li", "url:in/cy-ng"):
        store.save_decision(key, "test", verdict="disconnect")
    store.save_farewell("url:in/ana-doe", tone="formal")
    store.save_farewell("url:in/bo-li", text="Bo, my own words.", status="sent")
    listed = {row.key: row for row in rows(store, snap)}
    assert listed["url:in/ana-doe"].message.startswith("Dear Ana,")
    assert listed["url:in/bo-li"].message == "Bo, my own words."
    assert listed["url:in/bo-li"].edited and listed["url:in/bo-li"].status == "sent"
    forced = {row.key: row for row in rows(store, snap, tone="brief")}
    assert forced["url:in/ana-doe"].tone == "brief"
    assert forced["url:in/ana-doe"].message.startswith("Hi Ana, a quick heads-up")
    assert forced["url:in/bo-li"].message == "Bo, my own words."  # an edit beats --tone


def test_status_and_edits_survive_a_restart_and_a_newer_export(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "state")
    first = snapshot(store, tmp_path, "old.csv", ANA, BO)
    store.save_decision("url:in/ana-doe", "test", verdict="disconnect")
    store.save_decision("url:in/bo-li", "test", verdict="disconnect")
    save_edit(store, "url:in/ana-doe", "Ana, take care!", template_message="anything else")
    mark_copied(store, "url:in/ana-doe")
    set_status(store, "url:in/bo-li", "removed")
    store.close()
    store = Store.open(tmp_path / "state")
    newer = snapshot(store, tmp_path, "new.csv", CY, ANA, BO)
    assert newer != first
    listed = {row.key: row for row in rows(store, newer)}
    assert listed["url:in/ana-doe"].status == "copied"
    assert listed["url:in/ana-doe"].message == "Ana, take care!"
    assert listed["url:in/bo-li"].status == "removed"
    assert farewell_progress(list(listed.values())).summary == "1 of 2 removed"
    store.close()


def test_progress_and_filters(store: Store, tmp_path: Path) -> None:
    snap = snapshot(store, tmp_path, "c.csv", ANA, BO, CY, DEE)
    keys = ["url:in/ana-doe", "url:in/bo-li", "url:in/cy-ng", "url:in/dee-ow"]
    for key in keys:
        store.save_decision(key, "test", verdict="disconnect")
    set_status(store, keys[0], "removed")
    set_status(store, keys[1], "removed")
    set_status(store, keys[2], "sent")
    listed = rows(store, snap)
    progress = farewell_progress(listed)
    assert progress.summary == "2 of 4 removed"
    assert (progress.drafted, progress.copied, progress.sent, progress.removed) == (1, 0, 1, 2)
    assert [row.name for row in rows_with_status(listed, "removed")] == ["Ana Doe", "Bo Li"]
    assert len(rows_with_status(listed, None)) == 4
    assert farewell_progress([]).summary == "0 of 0 removed"


def test_copying_never_moves_a_farewell_backwards(store: Store) -> None:
    assert mark_copied(store, "k").status == "copied"
    set_status(store, "k", "sent")
    assert mark_copied(store, "k").status == "sent"
    with pytest.raises(ValueError):
        set_status(store, "k", "waved")


def test_cycling_tones_is_stored_per_contact(store: Store) -> None:
    tones = ["warm", "brief", "formal", "cheerful"]
    assert cycle_tone(store, "k", tones).tone == "brief"
    assert cycle_tone(store, "k", tones).tone == "formal"
    assert cycle_tone(store, "k", tones).tone == "cheerful"
    assert cycle_tone(store, "k", tones).tone == "no message"  # after the last tone
    assert cycle_tone(store, "k", tones).tone == "warm"
    assert store.farewell("k").tone == "warm"
    assert store.farewell("other").tone is None
    assert cycle_tone(store, "k2", tones, default_tone="formal").tone == "cheerful"


def test_an_unchanged_or_blank_edit_returns_to_the_template(store: Store) -> None:
    assert save_edit(store, "k", "  Hello there \n", template_message="Hi").text == "Hello there"
    assert save_edit(store, "k", "Hi\n", template_message="Hi").text is None
    save_edit(store, "k", "Custom", template_message="Hi")
    assert save_edit(store, "k", "   ", template_message="Hi").text is None


def test_an_overlong_edit_is_kept_but_flagged(store: Store, tmp_path: Path) -> None:
    snap = snapshot(store, tmp_path, "c.csv", ANA)
    store.save_decision("url:in/ana-doe", "test", verdict="disconnect")
    save_edit(store, "url:in/ana-doe", "x" * (LINKEDIN_MESSAGE_LIMIT + 1), template_message="")
    (row,) = rows(store, snap)
    assert row.refusal is not None and "8,001" in row.refusal


def test_the_document_has_one_block_per_person(store: Store, tmp_path: Path) -> None:
    snap = snapshot(store, tmp_path, "c.csv", ANA, BO)
    store.save_decision("url:in/ana-doe", "test", verdict="disconnect")
    store.save_decision("url:in/bo-li", "test", verdict="disconnect")
    set_status(store, "url:in/bo-li", "sent")
    store.save_farewell("url:in/bo-li", tone="warm")  # chosen: Bo's bare profile starts at none
    listed = rows(store, snap)
    document = farewell_document(listed)
    header, ana, bo = document.split(f"\n\n{DIVIDER}\n\n")
    assert "2 connections marked disconnect" in header and "0 of 2 removed" in header
    assert ana.startswith("Ana Doe\nhttps://www.linkedin.com/in/ana-doe\n\nHi Ana,")
    assert bo.startswith("Bo Li\nhttps://www.linkedin.com/in/bo-li\nStatus: sent\n\nHi Bo,")
    assert bo.endswith("Robin\n")
    assert "at ." not in bo  # Bo has no company in the export


def test_a_reloaded_row_is_what_a_fresh_list_would_give(store: Store, tmp_path: Path) -> None:
    snap = snapshot(store, tmp_path, "c.csv", ANA, CY)
    store.save_decision("url:in/ana-doe", "test", verdict="disconnect", note="met once")
    store.save_decision("url:in/cy-ng", "test", verdict="disconnect")
    before = rows(store, snap)[0]
    cycle_tone(store, before.key)
    set_status(store, before.key, "sent")
    after = reload_row(store, before, SETTINGS)
    assert after == rows(store, snap)[0]
    assert after.tone == "brief" and after.status == "sent" and after.message != before.message
    save_edit(store, before.key, "Ana, all the best.", template_message=before.message)
    edited = reload_row(store, after, SETTINGS)
    assert edited.edited and edited.message == "Ana, all the best."
    assert template_message(edited, SETTINGS) == after.message


def test_exported_messages_are_the_ones_the_farewells_list_shows(
    store: Store, tmp_path: Path
) -> None:
    snap = snapshot(store, tmp_path, "c.csv", ANA, BO, CY)
    for key in ("url:in/ana-doe", "url:in/bo-li", "url:in/cy-ng"):
        store.save_decision(key, "test", verdict="disconnect")
    store.save_decision("url:in/ana-doe", "test", note="the Lisbon meetup")
    store.save_farewell("url:in/bo-li", tone="formal")
    store.save_farewell("url:in/cy-ng", text="Cy, my own words.")
    config = Config(
        first_name="Robin",
        default_tone="noted",
        tones=dict(BUILTIN_TONES) | {"noted": "Hi {first_name}, since {note}: bye. {my_name}"},
    )
    settings = config.farewell_settings(store.snapshot(snap), TODAY)
    exported = contact_list(store, snap, "disconnect", messages=message_renderer(settings))
    listed = farewell_rows(store, snap, settings)
    assert dict(zip(exported["first_name"], exported["farewell_message"], strict=True)) == {
        row.first_name: row.message for row in listed
    }
    by_name = {row.first_name: row.message for row in listed}
    assert by_name["Ana"] == "Hi Ana, since the Lisbon meetup: bye. Robin"
    assert by_name["Bo"].startswith("Dear Bo,")
    assert by_name["Cy"] == "Cy, my own words."


def test_a_new_tone_or_edit_after_copying_is_a_draft_again(store: Store) -> None:
    tones = ["warm", "brief"]
    mark_copied(store, "k")
    assert cycle_tone(store, "k", tones).status == "drafted"  # the copied text is not this one
    mark_copied(store, "k")
    assert save_edit(store, "k", "My own words", template_message="Hi").status == "drafted"
    mark_copied(store, "k")
    assert cycle_tone(store, "k", tones).status == "copied"  # the edit still wins: same text
    assert save_edit(store, "k", "My own words", template_message="Hi").status == "copied"
    set_status(store, "k", "sent")
    assert cycle_tone(store, "k", tones).status == "sent"  # what was sent stays sent


# -- no message: a flagged, bare-bones profile (Bo has no company or position) -----------------


def test_a_flagged_profile_gets_no_message_and_needs_none(store: Store, tmp_path: Path) -> None:
    snap = snapshot(store, tmp_path, "c.csv", ANA, BO)
    for key in ("url:in/ana-doe", "url:in/bo-li"):
        store.save_decision(key, "test", verdict="disconnect")
    ana, bo = rows(store, snap)
    assert bo.flagged and bo.no_message and bo.tone == NO_MESSAGE
    assert bo.status == "no message needed" and bo.message == "" and bo.refusal is None
    assert not ana.flagged and not ana.no_message and ana.status == "drafted"
    progress = farewell_progress([ana, bo])
    assert (progress.to_send, progress.no_message, progress.summary) == (1, 1, "0 of 2 removed")
    assert [row.name for row in rows_with_status([ana, bo], "no message needed")] == ["Bo Li"]
    forced = {row.first_name: row for row in rows(store, snap, tone="formal")}
    assert forced["Bo"].no_message and forced["Ana"].message.startswith("Dear Ana,")


def test_t_gives_a_flagged_profile_a_tone_and_cycles_back_to_none(
    store: Store, tmp_path: Path
) -> None:
    snap = snapshot(store, tmp_path, "c.csv", BO)
    store.save_decision("url:in/bo-li", "test", verdict="disconnect")
    (before,) = rows(store, snap)
    tones = list(BUILTIN_TONES)
    assert cycle_tone(store, before.key, tones, flagged=True).tone == "warm"
    (chosen,) = rows(store, snap)
    assert chosen.status == "drafted" and chosen.message.startswith("Hi Bo,")
    assert reload_row(store, before, SETTINGS) == chosen
    for expected in ("brief", "formal", NO_MESSAGE, "warm"):
        assert cycle_tone(store, before.key, tones, flagged=True).tone == expected


def test_no_message_chosen_for_anyone_is_marked_removed_and_back(
    store: Store, tmp_path: Path
) -> None:
    snap = snapshot(store, tmp_path, "c.csv", ANA)
    store.save_decision("url:in/ana-doe", "test", verdict="disconnect")
    store.save_farewell("url:in/ana-doe", tone=NO_MESSAGE)
    (ana,) = rows(store, snap)
    assert ana.status == "no message needed" and not ana.flagged
    set_status(store, ana.key, "removed")
    assert reload_row(store, ana, SETTINGS).status == "removed"
    set_status(store, ana.key, "no message needed")  # back to where it came from
    assert store.farewell(ana.key).status == "drafted"
    assert reload_row(store, ana, SETTINGS).status == "no message needed"


def test_the_document_and_the_export_leave_no_message_out(store: Store, tmp_path: Path) -> None:
    snap = snapshot(store, tmp_path, "c.csv", ANA, BO)
    for key in ("url:in/ana-doe", "url:in/bo-li"):
        store.save_decision(key, "test", verdict="disconnect")
    listed = rows(store, snap)
    header, ana, bo = farewell_document(listed).split(f"\n\n{DIVIDER}\n\n")
    assert "2 connections marked disconnect, 1 of them without a message" in header
    assert bo == (
        "Bo Li\nhttps://www.linkedin.com/in/bo-li\nStatus: no message needed\n"
        "No message: only remove the connection.\n"
    )
    assert "Hi Ana," in ana
    exported = contact_list(store, snap, "disconnect", messages=message_renderer(SETTINGS))
    by_name = {row["first_name"]: row for row in exported.iter_rows(named=True)}
    assert by_name["Bo"]["farewell_message"] is None
    assert by_name["Bo"]["farewell_status"] == "no message needed"
    assert by_name["Ana"]["farewell_message"] == listed[0].message
    assert by_name["Ana"]["farewell_status"] == "drafted"
