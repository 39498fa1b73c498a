"""Exporting lists: who each list holds, every format's exact bytes, safe writing, the CLI."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import stat
from datetime import date
from pathlib import Path

import polars as pl
import pytest

import prune.core.state.store as store_module
from prune.core.errors import ExportError
from prune.core.farewell.followthrough import message_renderer
from prune.core.farewell.settings import FarewellSettings
from prune.core.farewell.tones import BUILTIN_TONES
from prune.core.lists.atomic_write import target_exists, write_atomically
from prune.core.lists.formats import default_file_name, prepare_export, render_list, rows_left_out
from prune.core.lists.selection import COLUMNS, contact_list
from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store

from testkit.commands import Result, run_cli
from testkit.exports import connections_text

DECIDED = "2026-01-02T10:00:00+00:00"
ROWS = (
    "Ana,Doe,https://www.linkedin.com/in/ana-doe,,Acme,CTO,07 Mar 2024",
    'Bo,"Li, PhD",https://www.linkedin.com/in/bo-li,,Globex,Dev,01 Feb 2019',
    "Cy,Éclair,https://www.linkedin.com/in/cy-eclair,,,Freelance,15 May 2020",
    "Dee,Adams,,,Acme,Intern,02 Jan 2018",
    "Eve,Zed,https://www.linkedin.com/in/eve-zed,,Globex,,09 Sep 2021",
    "Gus,Moss,https://www.linkedin.com/in/gus-moss,,Initech,QA,03 Mar 2022",
    "Hal,Brook,https://www.linkedin.com/in/hal-brook,,Initech,Lead,04 Apr 2023",
)
ANA_FAREWELL = "Ana, thank you for the chat in 2024.\nAll the best!"
HEADER = ",".join(COLUMNS)
NO = "no,no,no"


def build_store(folder: Path) -> tuple[Store, int]:
    """Seven contacts: three disconnects, a keep, a later and two undecided (one half-answered)."""
    source = folder / "Connections.csv"
    folder.mkdir(parents=True, exist_ok=True)
    source.write_text(connections_text(*ROWS))
    store = Store.open(folder / "state")
    snapshot = record_export(store, parse_export(source)).outcome.snapshot
    keys = dict(
        zip(
            store.contacts(snapshot.id)["first_name"].to_list(),
            store.contacts(snapshot.id)["key"].to_list(),
            strict=True,
        )
    )
    answers = {"known": "no", "interacted": "no", "favour": "no"}
    note = 'met once, at a "fair"'
    store.save_decision(keys["Ana"], "test", verdict="disconnect", note=note, **answers)
    store.save_decision(keys["Cy"], "test", verdict="disconnect", **answers)
    store.save_decision(keys["Dee"], "test", verdict="disconnect", known="no")
    store.save_decision(keys["Bo"], "test", verdict="keep", known="yes")
    store.save_decision(keys["Eve"], "test", verdict="later")
    store.save_decision(keys["Gus"], "test", known="yes")
    store.save_farewell(keys["Ana"], tone="warm", text=ANA_FAREWELL, status="copied")
    store.save_farewell(keys["Dee"], status="removed")
    store.save_farewell(keys["Bo"], text="written before I changed my mind")
    return store, snapshot.id


@pytest.fixture
def known(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(store_module, "_now", lambda: DECIDED)
    store, snapshot_id = build_store(tmp_path / "known")
    yield store, snapshot_id
    store.close()


def names(frame: pl.DataFrame) -> list[str]:
    return [f"{first} {last}" for first, last in frame.select("first_name", "last_name").rows()]


# -- which contacts each list holds ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("which", "expected"),
    [
        ("disconnect", ["Dee Adams", "Ana Doe", "Cy Éclair"]),
        ("keep", ["Bo Li, PhD"]),
        ("later", ["Eve Zed"]),
        ("undecided", ["Hal Brook", "Gus Moss"]),
        (
            "all",
            ["Dee Adams", "Hal Brook", "Ana Doe", "Cy Éclair", "Bo Li, PhD", "Gus Moss", "Eve Zed"],
        ),
    ],
)
def test_each_list_holds_its_contacts_sorted_by_last_name(known, which, expected) -> None:
    store, snapshot_id = known
    frame = contact_list(store, snapshot_id, which)
    assert frame.columns == list(COLUMNS)
    assert names(frame) == expected


def test_farewell_fields_belong_to_disconnects_only(known) -> None:
    store, snapshot_id = known
    rows = {row["first_name"]: row for row in contact_list(store, snapshot_id, "all").to_dicts()}
    assert rows["Ana"]["farewell_message"] == ANA_FAREWELL
    assert rows["Ana"]["farewell_status"] == "copied"
    assert rows["Cy"]["farewell_status"] == "drafted"  # no farewell row yet
    assert rows["Dee"]["farewell_status"] == "removed"
    assert rows["Bo"]["farewell_message"] is None  # a keep: the old draft is not exported
    assert rows["Bo"]["farewell_status"] is None
    assert rows["Gus"]["known"] == "yes" and rows["Gus"]["verdict"] is None
    assert rows["Ana"]["connected_on"] == "2024-03-07"
    assert rows["Ana"]["decided_at"] == DECIDED


def test_a_farewell_renderer_fills_only_the_unedited_disconnects(known) -> None:
    store, snapshot_id = known
    seen: list[pl.DataFrame] = []

    def render(rows: pl.DataFrame) -> pl.Series:
        seen.append(rows)
        return rows["first_name"].map_elements(lambda name: f"Goodbye {name}", pl.String)

    frame = contact_list(store, snapshot_id, "disconnect", messages=render)
    assert frame["farewell_message"].to_list() == ["Goodbye Dee", ANA_FAREWELL, "Goodbye Cy"]
    assert seen[0]["first_name"].to_list() == ["Dee", "Cy"]
    assert "tone" in seen[0].columns and "key" in seen[0].columns


def test_a_day_outside_years_1_to_9999_is_listed_and_counted_as_its_text(
    known, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Days are sorted and counted as dates only while their years have four digits; any other
    is listed as its text, and no years are counted from it."""
    store, snapshot_id = known
    first = pl.col("first_name")
    odd_days = store.contacts(snapshot_id).with_columns(
        pl.when(first == "Cy")
        .then(pl.date(0, 5, 15))
        .when(first == "Dee")
        .then(pl.date(10000, 1, 2))
        .otherwise(pl.col("connected_on"))
        .alias("connected_on")
    )
    monkeypatch.setattr(store, "contacts", lambda _snapshot_id: odd_days)
    settings = FarewellSettings(templates=BUILTIN_TONES, my_name="Robin", today=date(2026, 12, 3))
    frame = contact_list(store, snapshot_id, "disconnect", messages=message_renderer(settings))
    rows = {row["first_name"]: row for row in frame.iter_rows(named=True)}
    assert frame["first_name"].to_list() == ["Dee", "Ana", "Cy"]
    assert rows["Cy"]["connected_on"] == "0000-05-15"
    far = pl.select(pl.date(10000, 1, 2).dt.to_string("%Y-%m-%d")).item()
    assert rows["Dee"]["connected_on"] == far
    assert rows["Cy"]["farewell_message"].startswith("Hi Cy,")
    assert "connected for" not in rows["Cy"]["farewell_message"]


def test_a_renderer_returning_the_wrong_number_of_messages_is_refused(known) -> None:
    store, snapshot_id = known
    with pytest.raises(ValueError, match="returned 1 messages for 2 contacts"):
        contact_list(store, snapshot_id, "disconnect", messages=lambda rows: pl.Series(["x"]))


# -- each format's exact content ----------------------------------------------------------------


def test_csv_has_every_field_quoted_where_needed(known) -> None:
    data = prepare_export(*known, "disconnect", "csv").data
    assert data.decode() == (
        f"{HEADER}\n"
        f"Dee,Adams,,Acme,Intern,2018-01-02,disconnect,no,,,,,removed,{DECIDED}\n"
        f"Ana,Doe,https://www.linkedin.com/in/ana-doe,Acme,CTO,2024-03-07,disconnect,{NO},"
        f'"met once, at a ""fair""","{ANA_FAREWELL}",copied,{DECIDED}\n'
        f"Cy,Éclair,https://www.linkedin.com/in/cy-eclair,,Freelance,2020-05-15,disconnect,{NO},"
        f",,drafted,{DECIDED}\n"
    )


def test_json_is_a_list_of_objects_with_stable_keys_and_raw_unicode(known) -> None:
    data = prepare_export(*known, "disconnect", "json").data
    text = data.decode()
    rows = json.loads(text)
    assert [list(row) for row in rows] == [list(COLUMNS)] * 3
    assert rows[1] == {
        "first_name": "Ana",
        "last_name": "Doe",
        "url": "https://www.linkedin.com/in/ana-doe",
        "company": "Acme",
        "position": "CTO",
        "connected_on": "2024-03-07",
        "verdict": "disconnect",
        "known": "no",
        "interacted": "no",
        "favour": "no",
        "note": 'met once, at a "fair"',
        "farewell_message": ANA_FAREWELL,
        "farewell_status": "copied",
        "decided_at": DECIDED,
    }
    assert rows[0]["url"] is None and rows[0]["farewell_message"] is None
    assert '"Éclair"' in text  # not \u00c9clair
    assert text.startswith("[\n  {") and text.endswith("}\n]\n")
    assert len(text.splitlines()) == 5  # one object per line


def test_markdown_is_a_checklist_grouped_by_company(known) -> None:
    data = prepare_export(*known, "disconnect", "md").data
    assert data.decode() == (
        "# Disconnect list\n"
        "\n"
        "3 contacts, grouped by company.\n"
        "\n"
        "## Acme\n"
        "\n"
        "- [x] Dee Adams — Intern\n"
        "- [ ] Ana Doe — CTO · [profile](https://www.linkedin.com/in/ana-doe)\n"
        "\n"
        "## No company listed\n"
        "\n"
        "- [ ] Cy Éclair — Freelance · [profile](https://www.linkedin.com/in/cy-eclair)\n"
    )


def test_markdown_escapes_markup_and_keeps_one_contact_per_line() -> None:
    frame = pl.DataFrame(
        {column: [None] for column in COLUMNS}, schema=dict.fromkeys(COLUMNS, pl.String)
    ).with_columns(
        first_name=pl.lit("*Star*"),
        last_name=pl.lit("[Bracket]\nNext"),
        company=pl.lit("A_B"),
        url=pl.lit("https://www.linkedin.com/in/x (y)"),
    )
    text = render_list(frame, "md", title="Keep list").decode()
    assert "## A\\_B\n" in text
    expected = (
        r"- [ ] \*Star\* \[Bracket\] Next · [profile](https://www.linkedin.com/in/x%20%28y%29)"
    )
    assert expected in text
    assert text.startswith("# Keep list\n\n1 contact, grouped by company.\n")


def test_urls_skip_contacts_without_one(known) -> None:
    export = prepare_export(*known, "disconnect", "urls")
    assert export.data == (
        b"https://www.linkedin.com/in/ana-doe\nhttps://www.linkedin.com/in/cy-eclair\n"
    )
    assert export.left_out == 1
    assert export.summary(Path("out.txt")) == (
        "Wrote 2 of 3 contacts to out.txt (1 without a profile URL left out)"
    )


def test_names_are_first_tab_last_per_line(known) -> None:
    export = prepare_export(*known, "disconnect", "names")
    assert export.data == "Dee\tAdams\nAna\tDoe\nCy\tÉclair\n".encode()
    assert export.left_out == 0


def test_names_keep_each_contact_on_one_line_and_skip_the_nameless() -> None:
    frame = pl.DataFrame(
        {"first_name": ["Jo\tAnn", None, "Max"], "last_name": ["Line\nBreak", " ", None]}
    )
    assert render_list(frame, "names") == b"Jo Ann\tLine Break\nMax\t\n"
    assert rows_left_out(frame, "names") == 1


def test_an_empty_list_still_gives_a_well_formed_file(known) -> None:
    store, snapshot_id = known
    store.save_decision("url:in/eve-zed", "test", verdict="keep")
    assert prepare_export(store, snapshot_id, "later", "csv").data == f"{HEADER}\n".encode()
    assert prepare_export(store, snapshot_id, "later", "json").data == b"[]\n"
    assert prepare_export(store, snapshot_id, "later", "urls").data == b""
    md = prepare_export(store, snapshot_id, "later", "md")
    assert md.data == b"# Later list\n\n0 contacts, grouped by company.\n"
    assert md.summary() == "Printed 0 contacts (nobody is marked later yet)"


def test_an_empty_list_says_why_it_is_empty(known, tmp_path: Path) -> None:
    """An empty file is not a failed export: the summary says why nobody is in it."""
    store, snapshot_id = known
    everyone = store.contacts(snapshot_id)["key"].to_list()
    store.decide_batch(everyone, "keep")
    undecided = prepare_export(store, snapshot_id, "undecided", "csv")
    assert undecided.summary() == "Printed 0 contacts (everyone has a verdict)"
    queried = prepare_export(store, snapshot_id, "keep", "csv", only=["url:in/nobody"])
    assert queried.summary(tmp_path / "k.csv") == (
        f"Wrote 0 contacts to {tmp_path / 'k.csv'} (nobody the query matched is on the keep list)"
    )
    past = prepare_export(store, snapshot_id, "past", "md")
    assert past.summary() == (
        "Printed 0 contacts (nobody from an earlier export is missing from this one)"
    )
    kept = prepare_export(store, snapshot_id, "keep", "csv")
    assert kept.summary() == f"Printed {len(everyone)} contacts"


def test_default_file_names_say_what_they_hold() -> None:
    assert default_file_name("disconnect", "csv") == "prune-disconnect.csv"
    assert default_file_name("keep", "urls") == "prune-keep-urls.txt"
    assert default_file_name("all", "md") == "prune-all.md"


# -- spreadsheet safety ---------------------------------------------------------------------------


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_neutralises_cells_a_spreadsheet_would_run(trigger: str) -> None:
    dangerous = f'{trigger}HYPERLINK("http://example.com","x")'
    frame = pl.DataFrame(
        {
            "first_name": [dangerous, "Anne-Marie"],
            "note": ["a=b +c", dangerous],
            "connected_on": ["2024-01-01", "2024-01-02"],
        }
    )
    cells = list(csv.reader(io.StringIO(render_list(frame, "csv").decode(), newline="")))
    assert cells[1] == [f"'{dangerous}", "a=b +c", "2024-01-01"]
    assert cells[2] == ["Anne-Marie", f"'{dangerous}", "2024-01-02"]


def test_only_csv_is_neutralised(known) -> None:
    store, _ = known
    store.save_decision("url:in/ana-doe", "test", note="=1+1")
    csv_rows = list(csv.DictReader(io.StringIO(prepare_export(*known, "all", "csv").data.decode())))
    assert [row["note"] for row in csv_rows if row["first_name"] == "Ana"] == ["'=1+1"]
    json_rows = json.loads(prepare_export(*known, "all", "json").data)
    assert [row["note"] for row in json_rows if row["first_name"] == "Ana"] == ["=1+1"]


def test_excel_adds_a_byte_order_mark_and_nothing_else(known) -> None:
    plain = prepare_export(*known, "all", "csv").data
    excel = prepare_export(*known, "all", "csv", excel=True).data
    assert not plain.startswith(b"\xef\xbb\xbf")
    assert excel == b"\xef\xbb\xbf" + plain
    assert b"\r\n" not in plain


def test_excel_is_refused_for_formats_other_than_csv(known) -> None:
    with pytest.raises(ExportError, match="CSV only"):
        prepare_export(*known, "all", "json", excel=True)


# -- writing files safely -------------------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def test_a_new_file_is_private_to_the_user_whatever_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        written = write_atomically(tmp_path / "list.csv", b"a\n", force=False)
    finally:
        os.umask(previous)
    assert written.read_bytes() == b"a\n"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == []


def test_replacing_keeps_the_old_files_permissions(tmp_path: Path) -> None:
    target = tmp_path / "list.csv"
    target.write_bytes(b"old\n")
    target.chmod(0o600)
    write_atomically(target, b"new\n", force=True)
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    target = tmp_path / "list.csv"
    target.write_bytes(b"old\n")
    assert target_exists(target)
    with pytest.raises(ExportError, match=r"list\.csv already exists: add --force to replace it"):
        write_atomically(target, b"new\n", force=False)
    assert target.read_bytes() == b"old\n"
    assert leftovers(tmp_path) == []


class _DiskFullHalfway:
    """A file handle that writes half of what it is given, then fails like a full disk."""

    def __init__(self, handle) -> None:
        self._handle = handle

    def write(self, data: bytes) -> int:
        self._handle.write(data[: len(data) // 2])
        self._handle.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str):
        return getattr(self._handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


def test_a_failure_mid_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "list.csv"
    target.write_bytes(b"the old list\n")
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda *a, **k: _DiskFullHalfway(real_fdopen(*a, **k)))
    with pytest.raises(ExportError, match="the disk is full") as caught:
        write_atomically(target, b"x" * 10_000, force=True)
    assert "\n" not in str(caught.value)
    assert target.read_bytes() == b"the old list\n"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("fmt", ["csv", "json", "md", "urls", "names"])
def test_a_list_written_to_a_file_holds_exactly_its_printed_bytes(
    known, tmp_path: Path, fmt: str
) -> None:
    export = prepare_export(*known, "all", fmt, excel=fmt == "csv")
    written = export.write(tmp_path / "list", force=False)
    assert written.read_bytes() == export.data
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == []


def test_a_disk_full_while_a_csv_list_is_written_leaves_the_old_file(
    known, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = prepare_export(*known, "all", "csv")
    target = tmp_path / "out" / "list.csv"
    target.parent.mkdir()
    target.write_bytes(b"the old list\n")
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda *a, **k: _DiskFullHalfway(real_fdopen(*a, **k)))
    with pytest.raises(ExportError, match="the disk is full"):
        export.write(target, force=True)
    assert target.read_bytes() == b"the old list\n"
    assert leftovers(target.parent) == []


@pytest.mark.parametrize("stage", ["fsync", "replace"])
def test_a_failure_before_the_rename_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    target = tmp_path / "list.csv"
    target.write_bytes(b"the old list\n")

    def fail(*args: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, stage, fail)
    with pytest.raises(ExportError, match=r"could not write .*list\.csv: input/output error"):
        write_atomically(target, b"the new list\n", force=True)
    assert target.read_bytes() == b"the old list\n"
    assert leftovers(tmp_path) == []


def test_an_interrupt_mid_write_also_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(tmp_path / "list.csv", b"data\n", force=False)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("missing/list.csv", "does not exist: create it or choose another path"),
        ("a-file/list.csv", "is a file, not a folder"),
        ("", "is a folder: give a file name"),
    ],
)
def test_unusable_paths_are_refused_in_one_line(tmp_path: Path, where: str, message: str) -> None:
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(ExportError, match=message) as caught:
        write_atomically(tmp_path / where, b"data\n", force=True)
    assert "\n" not in str(caught.value)


def test_permission_denied_is_one_line_even_for_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def deny_creating(path, flags, *args):
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", deny_creating)
    with pytest.raises(ExportError, match="permission denied; choose a folder you can write to"):
        write_atomically(tmp_path / "list.csv", b"data\n", force=False)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_a_folder_without_write_permission_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            write_atomically(locked / "list.csv", b"data\n", force=False)
    finally:
        locked.chmod(0o700)


# -- the command line -----------------------------------------------------------------------------


@pytest.fixture
def state(tmp_path: Path) -> Path:
    store, _ = build_store(tmp_path)
    store.close()
    return tmp_path / "state"


def one_line(result: Result) -> str:
    text = result.err
    assert len(text.strip().splitlines()) == 1, text
    return text.strip()


def test_cli_defaults_to_the_disconnect_list_as_csv_on_stdout(state: Path) -> None:
    result = run_cli("export", data_dir=state)
    assert result.code == 0, result.err
    assert result.err == ""
    rows = list(csv.DictReader(io.StringIO(result.out, newline="")))
    assert [row["last_name"] for row in rows] == ["Adams", "Doe", "Éclair"]
    assert rows[1]["farewell_message"] == ANA_FAREWELL
    # Without an edit the message is the rendered farewell, as the Farewells screen shows it.
    assert rows[2]["farewell_message"].startswith("Hi Cy,\n\nI'm trimming my LinkedIn network")
    # Dee's row has no profile URL, a bare-bones flag: she gets no message, and needs none.
    assert rows[0]["farewell_message"] == "" and rows[0]["farewell_status"] == "removed"


def test_cli_lists_and_formats(state: Path) -> None:
    undecided = run_cli("export", "--list", "undecided", "--format", "names", data_dir=state)
    assert undecided.out_bytes == b"Hal\tBrook\nGus\tMoss\n"
    keep = run_cli("export", "--list", "keep", "--format", "urls", data_dir=state)
    assert keep.out_bytes == b"https://www.linkedin.com/in/bo-li\n"
    urls = run_cli("export", "--format", "urls", data_dir=state)
    assert urls.code == 0
    assert one_line(urls) == "Printed 2 of 3 contacts (1 without a profile URL left out)"


def test_cli_writes_a_file_and_says_so(state: Path, tmp_path: Path) -> None:
    result = run_cli("export", "--format", "md", "--out", "list.md", data_dir=state, cwd=tmp_path)
    assert result.code == 0
    assert one_line(result) == "Wrote 3 contacts to list.md"
    assert result.out_bytes == b""
    assert (tmp_path / "list.md").read_text().startswith("# Disconnect list\n")


def test_cli_refuses_to_replace_a_file_without_force(state: Path, tmp_path: Path) -> None:
    target = tmp_path / "list.csv"
    target.write_text("keep me\n")
    refused = run_cli("export", "--out", str(target), data_dir=state)
    assert refused.code == 2
    assert one_line(refused).endswith("list.csv already exists: add --force to replace it")
    assert target.read_text() == "keep me\n"
    forced = run_cli("export", "--out", str(target), "--force", "--excel", data_dir=state)
    assert forced.code == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbf" + HEADER.encode())


@pytest.mark.parametrize("where", ["missing/list.csv", "a-file/list.csv"])
def test_cli_bad_paths_exit_2_in_one_line(state: Path, tmp_path: Path, where: str) -> None:
    (tmp_path / "a-file").write_text("x")
    result = run_cli("export", "--out", str(tmp_path / where), data_dir=state)
    assert result.code == 2
    assert one_line(result).startswith("prune: ")


@pytest.mark.parametrize(
    "args", [("--list", "friends"), ("--format", "xlsx"), ("--format", "md", "--excel")]
)
def test_cli_unknown_choices_exit_2(state: Path, args: tuple[str, ...]) -> None:
    result = run_cli("export", *args, data_dir=state)
    assert result.code == 2
    assert one_line(result).startswith("prune: ")


def test_cli_without_an_import_says_to_import_first(tmp_path: Path) -> None:
    result = run_cli("export", "--out", str(tmp_path / "x.csv"), data_dir=tmp_path / "state")
    assert result.code == 2
    assert "prune import PATH" in one_line(result)
    assert not (tmp_path / "x.csv").exists()


def test_cli_empty_list_writes_the_header_and_says_0_contacts(state: Path, tmp_path: Path) -> None:
    result = run_cli(
        "export", "--list", "later", "--out", "later.csv", data_dir=state, cwd=tmp_path
    )
    assert result.code == 0
    assert one_line(result) == "Wrote 1 contact to later.csv"
    store = Store.open(state)
    store.save_decision("url:in/eve-zed", "test", verdict="keep")
    store.close()
    empty = run_cli("export", "--list", "later", data_dir=state)
    assert empty.code == 0
    assert empty.out_bytes == f"{HEADER}\n".encode()
    assert one_line(empty) == "Printed 0 contacts (nobody is marked later yet)"


def test_cli_help_names_every_list_and_format(tmp_path: Path) -> None:
    result = run_cli("export", "--help", data_dir=tmp_path)
    assert result.code == 0
    text = " ".join(result.out.split())
    for word in ("disconnect", "keep", "later", "undecided", "all", "csv", "json", "md", "urls"):
        assert word in text
    assert "First<TAB>Last" in text
