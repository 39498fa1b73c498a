"""Finding Connections.csv in a csv, a zip or a folder, and refusing broken archives."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from prune.core.errors import ExportError
from prune.core.reading import archive
from prune.core.reading.archive import open_export
from prune.core.state.importing import parse_export

from testkit.exports import connections_text, make_zip

ROW = "Ana,Doe,https://www.linkedin.com/in/ana-doe,,Acme,CTO,07 Mar 2024"


def test_zip_with_files_under_one_folder_is_read_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "Complete_LinkedInDataExport_03-15-2025.zip"
    path.write_bytes(
        make_zip(
            {
                "Export/Connections.csv": connections_text(ROW),
                "Export/messages.csv": "CONVERSATION ID\n",
                "Export/Jobs/Job Applications.csv": "a\n",
                "Export/Endorsement Received Info.csv": "x\n",
            }
        )
    )
    files = open_export(path)
    assert files.kind == "zip"
    assert files.export_date == date(2025, 3, 15)
    assert files.has("messages.csv") and files.has("endorsement_received_info.csv")
    assert parse_export(path).connections.contacts.height == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # nothing extracted


def test_unzipped_folder_is_searched_recursively(tmp_path: Path) -> None:
    folder = tmp_path / "Basic_LinkedInDataExport_01-02-2026"
    (folder / "inner").mkdir(parents=True)
    (folder / "inner" / "Connections.csv").write_text(connections_text(ROW))
    files = open_export(folder)
    assert files.kind == "folder"
    assert files.export_date == date(2026, 1, 2)
    assert parse_export(folder).connections.contacts["first_name"].to_list() == ["Ana"]


def test_any_csv_name_is_taken_as_connections(tmp_path: Path) -> None:
    path = tmp_path / "Connections (1).csv"
    path.write_text(connections_text(ROW))
    assert parse_export(path).connections.contacts.height == 1


def test_zip_without_connections_says_what_to_request(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(make_zip({"messages.csv": "CONVERSATION ID\n"}))
    with pytest.raises(ExportError, match=r"No Connections\.csv in the zip"):
        open_export(path)


def test_truncated_zip_is_refused(tmp_path: Path) -> None:
    whole = make_zip({"Connections.csv": connections_text(ROW) * 50})
    path = tmp_path / "cut.zip"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ExportError, match="damaged or incomplete zip"):
        open_export(path)


def test_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(archive, "MAX_MEMBER_BYTES", 1024 * 1024)
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("Connections.csv", b"A" * (4 * 1024 * 1024))
    with pytest.raises(ExportError, match="unpacks to more than"):
        parse_export(path)


def test_missing_and_empty_paths(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        open_export(tmp_path / "nope.zip")
    empty = tmp_path / "Connections.csv"
    empty.write_bytes(b"")
    with pytest.raises(ExportError, match="is empty"):
        open_export(empty)
