"""The long lists sort everyone before their decisions arrive: same order, same flags, same cells.

The order and flags worked out for a snapshot are kept beside it (list_order) and read back
for its later lists; a kept file that no longer fits is worked out again.

`contact_list` sorts the disconnect, undecided and all lists before joining the decisions (read
meanwhile on a thread), and works out bare-bones flags for a list with profile URLs; the other
lists are sorted after the join. Both ways must give exactly the order and messages of sorting
the list itself.
"""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from prune.core.farewell.followthrough import message_renderer
from prune.core.farewell.settings import FarewellSettings
from prune.core.farewell.tones import BUILTIN_TONES
from prune.core.lists import halves
from prune.core.lists.formats import neutralise_formulas, render_list
from prune.core.lists.selection import OWN_WORD_COLUMNS, contact_list
from prune.core.state.contacts_copy import copy_path, order_path
from prune.core.state.importing import parse_export, record_export
from prune.core.state.snapshots import forget_snapshot
from prune.core.state.store import Store
from prune.core.text.folding import fold

from testkit.exports import HEADER_2023, connections_text

# Names that fold alike, differ only in case, tie on name and day (the key decides), fold outside
# ASCII, or are missing.
PEOPLE = (
    ("José", "Çelik", "jose-1", "01 Mar 2020"),
    ("Jose", "Celik", "jose-2", "01 Mar 2020"),
    ("josé", "çelik", "jose-3", "28 Feb 2020"),
    ("Ana", "Doe", "ana-2", "01 Jan 2021"),
    ("Ana", "Doe", "ana-1", "01 Jan 2021"),
    ("ANA", "DOE", "ana-3", "01 Jan 2019"),
    ("Straße", "ß", "sz", "01 Mar 2019"),
    ("ǅemal", "İstanbul", "dz", "01 Mar 2019"),
    ("ﬁona", "ﬂores", "ligature", "02 Mar 2019"),
    ("", "", "nameless", "04 Jan 2020"),
    ("Zoë", "", "zoe", "10 Oct 2010"),
)
KEPT = ("ana-1", "jose-2", "sz", "zoe")
SETTINGS = FarewellSettings(templates=BUILTIN_TONES, my_name="Robin", today=date(2026, 12, 3))


def store_of(folder: Path, rows: list[str], header: str = HEADER_2023) -> tuple[Store, int]:
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "Connections.csv"
    source.write_text(connections_text(*rows, header=header))
    store = Store.open(folder / "state")
    return store, record_export(store, parse_export(source)).outcome.snapshot.id


@pytest.fixture
def hostile(tmp_path: Path):
    rows = [
        f"{first},{last},https://www.linkedin.com/in/{slug},,Acme,Dev,{day}"
        for first, last, slug, day in PEOPLE
    ]
    store, snapshot_id = store_of(tmp_path, rows)
    contacts = store.contacts(snapshot_id)
    for key, url in contacts.select("key", "url").iter_rows():
        verdict = "keep" if url.rsplit("/", 1)[-1] in KEPT else "disconnect"
        store.save_decision(key, "test", verdict=verdict)
    yield store, snapshot_id
    store.close()


def expected_order(frame: pl.DataFrame) -> list[str]:
    """Last name, first name (folded), day connected (none last), then key: worked out here
    one contact at a time with Python's own folding."""

    def sort_key(row: dict[str, object]) -> tuple[object, ...]:
        day = row["connected_on"]
        return (
            fold(str(row["last_name"] or "")),
            fold(str(row["first_name"] or "")),
            day is None,
            day or "",
            row["key"],
        )

    return [str(row["key"]) for row in sorted(frame.iter_rows(named=True), key=sort_key)]


@pytest.mark.parametrize("which", ["disconnect", "keep", "all"])
def test_each_list_is_in_name_order_whether_sorted_before_or_after_the_join(hostile, which) -> None:
    store, snapshot_id = hostile
    listed = contact_list(store, snapshot_id, which)
    keyed = listed.join(
        store.contacts(snapshot_id).select("key", "url"),
        on="url",
        how="left",
        maintain_order="left",
    )
    sizes = {"keep": len(KEPT), "disconnect": len(PEOPLE) - len(KEPT), "all": len(PEOPLE)}
    assert keyed.height == sizes[which]
    assert keyed["key"].to_list() == expected_order(keyed)


def test_a_list_whose_people_have_no_profile_url_flags_no_one_for_it(tmp_path: Path) -> None:
    """Flags worked out ahead assume a list with URLs; a list without any is judged again, so
    a contact is not flagged (and left without a message) only for lacking one."""
    header = "First Name,Last Name,Email Address,Company,Position,Connected On"
    store, snapshot_id = store_of(tmp_path, ["Ana,Doe,,Acme,CTO,07 Mar 2024"], header=header)
    key = store.contacts(snapshot_id)["key"].item()
    store.save_decision(key, "test", verdict="disconnect")
    frame = contact_list(store, snapshot_id, "disconnect", messages=message_renderer(SETTINGS))
    assert frame["farewell_status"].to_list() == ["drafted"]
    assert frame["farewell_message"].item().startswith("Hi Ana,")
    store.close()


def test_a_nameless_profile_is_flagged_in_a_list_with_profile_urls(hostile) -> None:
    store, snapshot_id = hostile
    frame = contact_list(store, snapshot_id, "disconnect", messages=message_renderer(SETTINGS))
    statuses = dict(
        zip(frame["url"].str.split("/").list.last(), frame["farewell_status"], strict=True)
    )
    assert statuses["nameless"] == "no message needed"  # no name: a bare-bones profile
    assert statuses["ana-2"] == "drafted"


def test_prunes_own_words_are_not_searched_for_formulas_but_strangers_text_is() -> None:
    frame = pl.DataFrame(
        {
            "first_name": ["=cmd", "Ana"],
            "note": ["+1", None],
            **{name: ["disconnect", None] for name in sorted(OWN_WORD_COLUMNS)},
        }
    )
    safe = neutralise_formulas(frame)
    assert safe["first_name"].to_list() == ["'=cmd", "Ana"]
    assert safe["note"].to_list() == ["'+1", None]
    assert safe.select(sorted(OWN_WORD_COLUMNS)).equals(frame.select(sorted(OWN_WORD_COLUMNS)))


def _listed_keys(store: Store, snapshot_id: int, which: str = "all") -> list[str]:
    frame = contact_list(store, snapshot_id, which, messages=message_renderer(SETTINGS))
    urls = store.contacts(snapshot_id).select("key", "url")
    return frame.join(urls, on="url", how="left", maintain_order="left")["key"].to_list()


def test_the_order_a_list_works_out_is_kept_and_gives_the_same_list_again(hostile) -> None:
    store, snapshot_id = hostile
    kept = order_path(store.path.parent, snapshot_id)
    assert not kept.exists()
    first = contact_list(store, snapshot_id, "disconnect", messages=message_renderer(SETTINGS))
    assert kept.exists() and stat.S_IMODE(kept.stat().st_mode) == 0o600
    again = contact_list(store, snapshot_id, "disconnect", messages=message_renderer(SETTINGS))
    assert again.equals(first)
    assert _listed_keys(store, snapshot_id) == expected_order(store.contacts(snapshot_id))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong rows", "older than the copy"])
def test_a_kept_order_that_does_not_fit_the_contacts_is_worked_out_again(hostile, damage) -> None:
    store, snapshot_id = hostile
    expected = _listed_keys(store, snapshot_id)
    kept = order_path(store.path.parent, snapshot_id)
    if damage == "garbage":
        kept.write_bytes(b"not an arrow file")
    elif damage == "truncated":
        kept.write_bytes(kept.read_bytes()[:40])
    else:
        frame = pl.read_ipc(kept.read_bytes())
        if damage == "wrong rows":  # one row twice, one missing: not a permutation
            column = frame.columns[0]
            rows = frame.get_column(column)
            frame = frame.with_columns(rows.set(rows == 0, 1))
        else:  # a whole reversed order, from before the contacts copy was rebuilt
            frame = frame.reverse()
        frame.write_ipc(kept)
        if damage == "older than the copy":
            copy = copy_path(store.path.parent, snapshot_id)
            os.utime(kept, ns=(copy.stat().st_mtime_ns - 10**9,) * 2)
    assert _listed_keys(store, snapshot_id) == expected
    assert pl.read_ipc(kept.read_bytes()).height == len(PEOPLE)  # written again, whole


def test_forgetting_a_snapshot_removes_its_kept_order(tmp_path: Path) -> None:
    older, _ = store_of(
        tmp_path / "a", ["Ana,Doe,https://www.linkedin.com/in/ana,,A,B,01 Jan 2020"]
    )
    older.close()
    store = Store.open(tmp_path / "a" / "state")
    source = tmp_path / "b" / "Connections.csv"
    source.parent.mkdir()
    source.write_text(connections_text("Bo,Li,https://www.linkedin.com/in/bo,,A,B,01 Jan 2021"))
    newer = record_export(store, parse_export(source)).outcome.snapshot.id
    first = store.snapshots()[0].id
    contact_list(store, first, "all")
    contact_list(store, newer, "all")
    forget_snapshot(store, first)
    assert not order_path(store.path.parent, first).exists()
    assert order_path(store.path.parent, newer).exists()
    store.close()


def test_a_long_list_rendered_in_two_halves_is_the_list_rendered_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first half of the alphabet has no profile URLs, formulas and no-break spaces sit in
    the second: each half must still be judged as part of the whole list."""
    rows = [f"Al,Aaron{n},,,Acme,Dev,01 Jan 2020" for n in "abcdef"] + [
        f"Zed,Zulu{n},https://www.linkedin.com/in/z{n},,=Evil\u00a0Co,Dev,01 Jan 2021"
        for n in "abcdef"
    ]
    store, snapshot_id = store_of(tmp_path, rows)
    for key in store.contacts(snapshot_id)["key"]:
        store.save_decision(key, "test", verdict="disconnect")
    renderer = message_renderer(SETTINGS)

    def exported() -> pl.DataFrame:
        frame = contact_list(store, snapshot_id, "disconnect", messages=renderer)
        return pl.read_csv(render_list(frame, "csv"), infer_schema=False)

    monkeypatch.setattr(halves, "SPLIT_FROM", 10**9)
    whole = exported()
    monkeypatch.setattr(halves, "SPLIT_FROM", 2)
    split = exported()
    assert whole.height == 12
    assert split.equals(whole)
    no_url, with_url = (
        whole.filter(pl.col("url").is_null()),
        whole.filter(pl.col("url").is_not_null()),
    )
    assert no_url["farewell_status"].unique().to_list() == ["no message needed"]
    assert with_url["farewell_status"].unique().to_list() == ["drafted"]
    assert with_url["company"].str.starts_with("'=").all()
    assert with_url["farewell_message"].str.contains("\u00a0Co").all()
    store.close()
