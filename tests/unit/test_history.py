"""The network over time: dated snapshots, renames followed, past connections, the purge hint."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from prune.core.errors import ExportError
from prune.core.evidence.purge_hint import purge_hint
from prune.core.farewell.followthrough import STILL_CONNECTED, farewell_document, farewell_rows
from prune.core.farewell.settings import FarewellSettings
from prune.core.farewell.tones import BUILTIN_TONES
from prune.core.lists.formats import FORMATS, prepare_export
from prune.core.lists.selection import PAST_COLUMNS, contact_list
from prune.core.state.changes import change_lines, compare, pick_snapshots
from prune.core.state.importing import ImportReport, parse_export, record_export
from prune.core.state.past import past_connections
from prune.core.state.schema import FIRST_SCHEMA, OWNER_COLUMNS
from prune.core.state.snapshots import forget_snapshot, snapshot_label
from prune.core.state.store import Store

from testkit.exports import connections_text

ANA = "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2024"
ANA_RENAMED = "Ána,DOE,https://www.linkedin.com/in/ana-doe-7,,Acme,CTO,07 Mar 2024"
BO = "Bo,Li,https://www.linkedin.com/in/bo,bo@example.com,Globex,Dev,01 Feb 2019"
BO_NEW_NAME = "Bo,Li-Park,https://www.linkedin.com/in/bo-park,BO@example.com,Globex,Dev,01 Feb 2019"
CY = "Cy,Ng,https://www.linkedin.com/in/cy,,Initech,PM,01 Feb 2015"
DI = "Di,Ode,https://www.linkedin.com/in/di,,Acme,Sales,01 Jan 2021"
SAM_1 = "Sam,Lee,https://www.linkedin.com/in/sam-lee,,Acme,Dev,05 May 2020"
SAM_2 = "Sam,Lee,https://www.linkedin.com/in/sam-lee-2,,Hooli,Dev,05 May 2020"
SAM_3 = "Sam,Lee,https://www.linkedin.com/in/sam-lee-3,,Umbrella,Ops,05 May 2020"
SETTINGS = FarewellSettings(templates=BUILTIN_TONES, my_name="Robin", today=date(2026, 11, 20))


@pytest.fixture
def store(tmp_path: Path):
    opened = Store.open(tmp_path / "state")
    yield opened
    opened.close()


def import_rows(store: Store, folder: Path, name: str, *rows: str) -> ImportReport:
    path = folder / name
    path.write_text(connections_text(*rows))
    return record_export(store, parse_export(path))


def test_a_snapshot_is_dated_by_its_archive_name_else_its_file_time(
    store: Store, tmp_path: Path
) -> None:
    import_rows(store, tmp_path, "Basic_LinkedInDataExport_10-12-2026.csv", ANA, CY)
    path = tmp_path / "Connections.csv"
    path.write_text(connections_text(CY, DI))
    os.utime(path, (1_794_000_000, 1_794_000_000))  # 6 Nov 2026, as unzipped from the archive
    record_export(store, parse_export(path))
    first, second = store.snapshots()
    assert first.export_date == "2026-10-12"
    assert second.export_date == "2026-11-06"  # not its newest Connected On, 1 Jan 2021
    assert snapshot_label(first) == "12 Oct 2026"
    changes = compare(store, first, second)
    assert changes.title == "exports of 12 Oct 2026 → 6 Nov 2026"


def test_a_file_time_before_the_newest_connection_gives_way_to_it(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text(connections_text(CY, DI))
    os.utime(path, (1_500_000_000, 1_500_000_000))  # 2017: before anyone in it connected
    record_export(store, parse_export(path))
    assert store.latest_snapshot().export_date == "2021-01-01"  # the newest Connected On


def test_without_name_or_dates_the_file_time_dates_the_export(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text(connections_text("Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,"))
    os.utime(path, (1_790_000_000, 1_790_000_000))  # 21 Sep 2026
    record_export(store, parse_export(path))
    assert store.latest_snapshot().export_date == "2026-09-21"


def test_an_older_state_file_gets_its_snapshots_dated(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    folder.mkdir()
    with closing(sqlite3.connect(folder / "prune.sqlite3")) as db:
        db.executescript(FIRST_SCHEMA + OWNER_COLUMNS)
        db.execute(
            "INSERT INTO snapshots (imported_at, source, source_kind, sha256, connections, "
            "hidden, duplicates, files, last_connected_on) VALUES ('2026-12-01', "
            "'/gone/Basic_LinkedInDataExport_11-20-2026.zip', 'zip', 'x', 1, 0, 0, '[]', "
            "'2026-11-02')"
        )
        db.execute("PRAGMA user_version=2")
        db.commit()
    with Store.open(folder) as store:
        assert store.latest_snapshot().export_date == "2026-11-20"


def test_a_unique_name_and_date_match_is_a_rename_and_the_decision_follows(
    store: Store, tmp_path: Path
) -> None:
    import_rows(store, tmp_path, "a.csv", ANA, CY)
    store.save_decision("url:in/ana", "test", verdict="keep", known="yes", note="old friend")
    store.save_farewell("url:in/ana", tone="brief")
    report = import_rows(store, tmp_path, "b.csv", ANA_RENAMED, CY)
    assert report.renamed["new_key"].to_list() == ["url:in/ana-doe-7"]
    moved = store.decision("url:in/ana-doe-7")
    assert (moved.verdict, moved.known, moved.note) == ("keep", "yes", "old friend")
    assert store.decision("url:in/ana") is None
    assert store.farewell("url:in/ana-doe-7").tone == "brief"
    assert report.outcome.carried_decisions == 1
    changes = compare(store, *pick_snapshots(store))
    assert changes.gone.is_empty() and changes.new.is_empty()
    assert changes.as_dict()["renamed"] == [
        {
            "from": "https://www.linkedin.com/in/ana",
            "to": "https://www.linkedin.com/in/ana-doe-7",
            "name": "Ána DOE",
            "matched_by": "name and connection date",
        }
    ]
    assert past_connections(store).is_empty()  # not past under the old URL either
    assert store.undo() == "url:in/ana-doe-7"  # the journal followed too


def test_a_person_renamed_back_is_past_under_neither_url_until_they_leave(
    store: Store, tmp_path: Path
) -> None:
    import_rows(store, tmp_path, "a.csv", ANA, CY)
    store.save_decision("url:in/ana", "test", verdict="later")
    import_rows(store, tmp_path, "b.csv", ANA_RENAMED, CY)
    import_rows(store, tmp_path, "c.csv", CY, ANA)  # back to the first URL
    assert store.decision("url:in/ana").verdict == "later"
    assert past_connections(store).is_empty()
    import_rows(store, tmp_path, "d.csv", CY)
    assert past_connections(store)["key"].to_list() == ["url:in/ana"]


def test_an_email_match_is_a_rename_even_under_another_name(store: Store, tmp_path: Path) -> None:
    import_rows(store, tmp_path, "a.csv", BO, CY)
    store.save_decision("url:in/bo", "test", verdict="disconnect")
    import_rows(store, tmp_path, "b.csv", BO_NEW_NAME, CY)
    assert store.decision("url:in/bo-park").verdict == "disconnect"
    changes = compare(store, *pick_snapshots(store))
    assert changes.renamed["matched_by"].to_list() == ["email"]
    assert changes.gone.is_empty() and changes.new.is_empty()


def test_an_ambiguous_match_is_listed_as_gone_and_new_with_the_reason(
    store: Store, tmp_path: Path
) -> None:
    import_rows(store, tmp_path, "a.csv", SAM_1, CY)
    store.save_decision("url:in/sam-lee", "test", verdict="keep")
    import_rows(store, tmp_path, "b.csv", SAM_2, SAM_3, CY)
    assert store.decision("url:in/sam-lee").verdict == "keep"  # not guessed onto either
    assert store.decision("url:in/sam-lee-2") is None
    changes = compare(store, *pick_snapshots(store))
    assert changes.renamed.is_empty()
    assert changes.gone["key"].to_list() == ["url:in/sam-lee"]
    assert sorted(changes.new["key"]) == ["url:in/sam-lee-2", "url:in/sam-lee-3"]
    text = "\n".join(change_lines(changes))
    assert "Not matched as renames" in text
    assert "1 gone and 2 new share the name Sam Lee and the connection date 2020-05-05" in text


def test_past_connections_keep_their_last_fields_dates_and_decision(
    store: Store, tmp_path: Path
) -> None:
    import_rows(store, tmp_path, "Export_10-12-2026.csv", ANA, DI, CY)
    store.save_decision("url:in/di", "test", verdict="later", note="ask about Acme")
    cy_moved = "Cy,Ng,https://www.linkedin.com/in/cy,,Umbrella,Head,01 Feb 2015"
    import_rows(store, tmp_path, "Export_11-20-2026.csv", ANA, DI, cy_moved)
    import_rows(store, tmp_path, "Export_12-01-2026.csv", ANA)
    past = past_connections(store)
    assert past["key"].to_list() == ["url:in/cy", "url:in/di"]
    cy = past.row(0, named=True)
    assert (cy["company"], cy["position"]) == ("Umbrella", "Head")  # as last seen
    assert (cy["seen_from"], cy["seen_until"], cy["gone_since"]) == (
        "2026-10-12",
        "2026-11-20",
        "2026-12-01",
    )
    listed = contact_list(store, store.latest_snapshot().id, "past")
    assert listed.columns == list(PAST_COLUMNS)
    di = listed.filter(pl.col("first_name") == "Di").row(0, named=True)
    assert (di["verdict"], di["note"]) == ("later", "ask about Acme")
    assert past_connections(store, as_of=2)["key"].to_list() == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_past_list_exports_in_every_format(store: Store, tmp_path: Path, fmt: str) -> None:
    import_rows(store, tmp_path, "a.csv", ANA, DI)
    import_rows(store, tmp_path, "b.csv", ANA)
    export = prepare_export(store, store.latest_snapshot().id, "past", fmt)
    text = export.data.decode()
    assert export.contacts == 1
    assert ("Ode" in text) or ("https://www.linkedin.com/in/di" in text)
    assert "Ana" not in text and "/in/ana" not in text
    if fmt in ("csv", "json"):
        assert "gone_since" in text


def test_forgetting_a_snapshot_keeps_decisions_and_refuses_the_latest(
    store: Store, tmp_path: Path
) -> None:
    import_rows(store, tmp_path, "a.csv", ANA, DI)
    store.save_decision("url:in/di", "test", verdict="disconnect")
    import_rows(store, tmp_path, "b.csv", ANA)
    with pytest.raises(ExportError, match="is the latest"):
        forget_snapshot(store, 2)
    with pytest.raises(ExportError, match="no snapshot 7"):
        forget_snapshot(store, 7)
    forget_snapshot(store, 1)
    assert [snapshot.id for snapshot in store.snapshots()] == [2]
    assert not (store.path.parent / "contacts-1.arrow").exists()
    assert store.decision("url:in/di").verdict == "disconnect"


def test_a_disconnect_gone_from_the_newer_export_counts_as_removed(
    store: Store, tmp_path: Path
) -> None:
    import_rows(store, tmp_path, "a.csv", ANA, BO, CY)
    for key in ("url:in/ana", "url:in/bo"):
        store.save_decision(key, "test", verdict="disconnect")
    store.save_farewell("url:in/bo", status="copied")
    with store.writing() as db:  # decided a month before the newer export was imported
        db.execute("UPDATE decisions SET decided_at = '2026-10-20T10:00:00+00:00'")
    newer = import_rows(store, tmp_path, "b.csv", ANA, CY).outcome.snapshot.id
    rows = {row.name: row for row in farewell_rows(store, newer, SETTINGS)}
    assert set(rows) == {"Ana Doe", "Bo Li"}
    assert (rows["Bo Li"].status, rows["Bo Li"].gone) == ("removed", True)
    assert rows["Ana Doe"].still_connected and rows["Ana Doe"].status == "drafted"
    document = farewell_document(list(rows.values()))
    assert f"Status: drafted, {STILL_CONNECTED}" in document
    assert "1 of 2 removed" in document


def test_a_disconnect_decided_after_the_latest_import_is_not_nagged(
    store: Store, tmp_path: Path
) -> None:
    snapshot = import_rows(store, tmp_path, "a.csv", ANA).outcome.snapshot.id
    store.save_decision("url:in/ana", "test", verdict="disconnect")
    (row,) = farewell_rows(store, snapshot, SETTINGS)
    assert not row.still_connected and not row.gone


def bare_bones_pair(store: Store, folder: Path, *, fakes_gone: int, people_gone: int) -> None:
    """40 ordinary people and 40 bare-bones profiles; then some of each gone."""

    def tag(n: int) -> str:  # letters only: a digit in a name is a flag of its own
        return chr(97 + n // 26) + chr(97 + n % 26)

    people = [
        f"Pa{tag(n)},Person,https://www.linkedin.com/in/p{n},,Acme,Dev,01 Jan 2020"
        for n in range(40)
    ]
    fakes = [f"Fe{tag(n)},Fake,https://www.linkedin.com/in/f{n},,,,01 Jan 2021" for n in range(40)]
    import_rows(store, folder, "a.csv", *people, *fakes)
    import_rows(store, folder, "b.csv", *people[people_gone:], *fakes[fakes_gone:])


def test_a_wave_of_bare_bones_profiles_gone_points_at_a_purge(store: Store, tmp_path: Path) -> None:
    bare_bones_pair(store, tmp_path, fakes_gone=31, people_gone=9)
    older, newer = pick_snapshots(store)
    changes = compare(store, older, newer)
    hint = purge_hint(changes, store.contacts(older.id))
    assert hint is not None and (hint.flagged, hint.gone) == (31, 40)
    assert hint.text.startswith("31 of 40 who went without your doing had bare-bones profiles")
    assert "removal of fake accounts" in hint.text


def test_no_purge_hint_when_the_bare_bones_share_is_small(store: Store, tmp_path: Path) -> None:
    bare_bones_pair(store, tmp_path, fakes_gone=9, people_gone=20)
    older, newer = pick_snapshots(store)
    assert purge_hint(compare(store, older, newer), store.contacts(older.id)) is None


def test_undo_after_a_rename_restores_the_person_under_their_new_url(
    store: Store, tmp_path: Path
) -> None:
    import_rows(store, tmp_path, "a.csv", ANA, CY)
    store.save_decision("url:in/ana", "test", verdict="later", note="ask Bo")
    store.save_decision("url:in/ana", "test", verdict="keep")
    store.decide_batch(["url:in/ana", "url:in/cy"], "disconnect")
    import_rows(store, tmp_path, "b.csv", ANA_RENAMED, CY)
    new_key = "url:in/ana-doe-7"
    undone = store.undo_latest(any_session=True)  # the batch
    assert undone is not None and set(undone.keys) == {new_key, "url:in/cy"}
    assert store.decision(new_key).verdict == "keep"
    assert store.decision("url:in/cy") is None
    assert store.undo() == new_key  # back to `later`, the note kept
    restored = store.decision(new_key)
    assert (restored.verdict, restored.note) == ("later", "ask Bo")
    assert store.decision("url:in/ana") is None  # no ghost under the old URL
