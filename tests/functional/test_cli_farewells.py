"""`prune farewells`: the plain-text document, its options and its refusals, as a user runs it."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

import pytest

from prune.core.farewell.followthrough import DIVIDER
from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store
from prune.demo import write_sample_export

from testkit.commands import run_cli
from testkit.exports import connections_text


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_export(tmp_path_factory.mktemp("export"), connections=30)


@pytest.fixture
def state(tmp_path: Path, archive: Path) -> Path:
    """A sample export imported, with three contacts marked disconnect and one kept."""
    folder = tmp_path / "state"
    store = Store.open(folder)
    snapshot = record_export(store, parse_export(archive)).outcome.snapshot
    contacts = store.contacts(snapshot.id).sort("key")
    keys = contacts["key"].to_list()
    for key in keys[:3]:
        store.save_decision(key, "test", verdict="disconnect")
    store.save_decision(keys[3], "test", verdict="keep")
    store.save_farewell(keys[1], status="removed")
    store.close()
    return folder


def names_of_disconnects(state: Path) -> list[str]:
    store = Store.open(state)
    snapshot = store.latest_snapshot()
    assert snapshot is not None
    contacts = store.contacts(snapshot.id).sort("key").head(3)
    store.close()
    return [f"{row['first_name']} {row['last_name']}" for row in contacts.iter_rows(named=True)]


def blocks(document: str) -> list[str]:
    return document.split(f"\n\n{DIVIDER}\n\n")[1:]


def test_prints_one_block_per_disconnect_with_name_url_and_message(state: Path) -> None:
    result = run_cli("farewells", data_dir=state)
    assert result.code == 0, result.err
    assert result.err == ""
    found = blocks(result.out)
    assert len(found) == 3
    assert sorted(block.splitlines()[0] for block in found) == sorted(names_of_disconnects(state))
    for block in found:
        assert block.splitlines()[1].startswith("https://www.linkedin.com/in/")
        assert "Robin" in block  # the owner's first name, from Profile.csv in the archive
    assert "1 of 3 removed" in result.out
    assert (state / "cfg" / "config.toml").exists()  # first run wrote the settings file


def test_tone_option_changes_every_message(state: Path) -> None:
    result = run_cli("farewells", "--tone", "formal", data_dir=state)
    assert result.code == 0, result.err
    found = blocks(result.out)
    assert len(found) == 3
    assert all("\nKind regards,\nRobin" in block for block in found)


def test_an_unknown_tone_exits_2_listing_the_tones(state: Path) -> None:
    result = run_cli("farewells", "--tone", "sarcastic", data_dir=state)
    assert result.code == 2
    assert result.err.strip().splitlines() == [
        "prune: there is no tone called 'sarcastic': choose one of warm, brief, formal."
    ]
    assert result.out == ""


def test_a_tone_from_the_config_can_be_chosen(state: Path) -> None:
    run_cli("farewells", data_dir=state)  # writes the default config
    config = state / "cfg" / "config.toml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + '\n[farewell.tones.short]\ntext = "So long[, {first_name}]!"\n',
        encoding="utf-8",
    )
    result = run_cli("farewells", "--tone", "short", data_dir=state)
    assert result.code == 0, result.err
    found = blocks(result.out)
    assert len(found) == 3
    assert all(block.endswith("!\n") or block.endswith("!") for block in found)
    assert "So long, " in result.out


def test_out_writes_the_same_document_privately(state: Path, tmp_path: Path) -> None:
    target = tmp_path / "farewells.txt"
    result = run_cli("farewells", "--out", str(target), data_dir=state)
    assert result.code == 0, result.err
    assert "Wrote 3 farewell messages" in result.out
    assert target.read_text(encoding="utf-8") == run_cli("farewells", data_dir=state).out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".tmp")] == []


def test_out_refuses_to_overwrite_without_force(state: Path, tmp_path: Path) -> None:
    target = tmp_path / "farewells.txt"
    target.write_text("my notes")
    refused = run_cli("farewells", "--out", str(target), data_dir=state)
    assert refused.code == 2
    assert len(refused.err.strip().splitlines()) == 1
    assert "already exists" in refused.err and "--force" in refused.err
    assert target.read_text() == "my notes"
    forced = run_cli("farewells", "--out", str(target), "--force", data_dir=state)
    assert forced.code == 0, forced.err
    assert len(blocks(target.read_text(encoding="utf-8"))) == 3


@pytest.mark.parametrize("where", ["missing-folder/out.txt", "."])
def test_a_bad_out_path_exits_2_with_one_line(state: Path, tmp_path: Path, where: str) -> None:
    result = run_cli("farewells", "--out", str(tmp_path / where), data_dir=state)
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1
    assert result.err.startswith("prune: ")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_a_folder_without_permission_exits_2(state: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = run_cli("farewells", "--out", str(locked / "out.txt"), data_dir=state)
    assert result.code == 2
    assert "permission" in result.err


def test_no_disconnects_yet_says_so(tmp_path: Path, archive: Path) -> None:
    state = tmp_path / "state"
    assert run_cli("import", str(archive), data_dir=state).code == 0
    result = run_cli("farewells", data_dir=state)
    assert result.code == 0
    assert "No connection is marked disconnect yet" in result.out


def test_a_broken_config_is_reported_and_built_ins_used(state: Path) -> None:
    (state / "cfg").mkdir(parents=True)
    (state / "cfg" / "config.toml").write_text("[farewell\n")
    result = run_cli("farewells", data_dir=state)
    assert result.code == 0
    assert "config.toml, line 1: not valid TOML" in result.err
    assert len(blocks(result.out)) == 3


def test_the_exported_csv_holds_the_message_the_farewells_list_shows(state: Path) -> None:
    store = Store.open(state)
    keys = store.decisions().filter(verdict="disconnect").sort("key")["key"].to_list()
    store.save_farewell(keys[0], tone="brief")
    store.save_farewell(keys[2], text="Thank you for everything, truly.")
    store.close()
    exported = run_cli("export", "--format", "csv", data_dir=state)
    listed = run_cli("farewells", data_dir=state)
    assert exported.code == 0 and listed.code == 0, exported.err + listed.err
    in_csv = {
        row["url"]: row["farewell_message"]
        for row in csv.DictReader(io.StringIO(exported.out, newline=""))
    }
    in_document = {}
    for block in blocks(listed.out):
        head, message = block.rstrip("\n").split("\n\n", 1)
        in_document[head.splitlines()[1]] = message
    assert len(in_csv) == 3
    assert in_csv == in_document
    messages = sorted(in_csv.values())
    assert "Thank you for everything, truly." in messages
    assert any("a quick heads-up" in message for message in messages)  # the brief tone
    assert any("I'm trimming my LinkedIn network" in message for message in messages)  # warm


def test_a_bare_bones_profile_is_listed_without_a_message_to_copy(tmp_path: Path) -> None:
    export = tmp_path / "Connections.csv"
    export.write_text(
        connections_text(
            "Zed,Quill,https://www.linkedin.com/in/zed,,,,01 Jan 2010",
            "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2024",
        )
    )
    store = Store.open(tmp_path / "state")
    record_export(store, parse_export(export))
    for key in ("url:in/zed", "url:in/ana"):
        store.save_decision(key, "test", verdict="disconnect")
    store.close()
    result = run_cli("farewells", data_dir=tmp_path / "state")
    assert result.code == 0, result.err
    assert "2 connections marked disconnect, 1 of them without a message" in result.out
    ana, zed = blocks(result.out)
    assert "Hi Ana," in ana
    assert zed.splitlines()[2:] == [
        "Status: no message needed",
        "No message: only remove the connection.",
    ]
