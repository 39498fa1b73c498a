"""Finding Connections.csv in a csv, a zip or a folder, and refusing broken archives."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import struct
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
    monkeypatch.setattr(archive, "MAX_CONNECTIONS_BYTES", 1024 * 1024)
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


# -- damaged, hostile and odd input: one line saying what is wrong and what to do -------------


def one_line_error(action, pattern: str) -> str:  # type: ignore[no-untyped-def]
    """Run `action`, expecting an ExportError of one line matching `pattern`."""
    with pytest.raises(ExportError, match=pattern) as caught:
        action()
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert ": " in message  # what is wrong: what to do
    return message


def member_offset(data: bytes, name: str) -> int:
    """Where a member's compressed bytes start in a zip."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    header = data[info.header_offset : info.header_offset + 30]
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    return info.header_offset + 30 + name_length + extra_length


def big_connections() -> str:
    rows = [f"N{n},L,https://www.linkedin.com/in/n-{n},,Co,Dev,07 Mar 2024" for n in range(500)]
    return connections_text(*rows)


def test_damaged_deflate_stream_is_refused(tmp_path: Path) -> None:
    data = bytearray(make_zip({"Connections.csv": big_connections()}))
    start = member_offset(bytes(data), "Connections.csv")
    data[start : start + 8] = b"\xff" * 8  # a reserved block type: zlib.error
    path = tmp_path / "export.zip"
    path.write_bytes(bytes(data))
    one_line_error(
        lambda: parse_export(path),
        r"^Connections\.csv in export\.zip cannot be read \(.*\): the zip is damaged",
    )


def test_encrypted_member_is_refused(tmp_path: Path) -> None:
    data = bytearray(make_zip({"Connections.csv": connections_text(ROW)}))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("Connections.csv")
    central = bytes(data).rindex(b"PK\x01\x02")
    for flags_at in (info.header_offset + 6, central + 8):  # local and central headers
        data[flags_at] |= 0x01
    path = tmp_path / "export.zip"
    path.write_bytes(bytes(data))
    one_line_error(lambda: parse_export(path), r"is encrypted \(password-protected\)")


def test_byte_flipped_central_directory_is_refused(tmp_path: Path) -> None:
    data = bytearray(make_zip({"Connections.csv": connections_text(ROW)}))
    central = bytes(data).rindex(b"PK\x01\x02")
    data[central + 2] ^= 0xFF
    path = tmp_path / "export.zip"
    path.write_bytes(bytes(data))
    one_line_error(lambda: parse_export(path), r"^export\.zip is a damaged or incomplete zip")


def test_unreadable_file_and_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The tests run as root, who may read anything: the refusal is played by the OS calls.
    path = tmp_path / "Connections.csv"
    path.write_text(connections_text(ROW))
    folder = tmp_path / "export"
    folder.mkdir()
    real_open, real_scandir = os.open, os.scandir

    def refuse_open(target, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(target) == path:
            raise PermissionError(13, "Permission denied", str(target))
        return real_open(target, *args, **kwargs)

    def refuse_scandir(target):  # type: ignore[no-untyped-def]
        if Path(target) == folder:
            raise PermissionError(13, "Permission denied", str(target))
        return real_scandir(target)

    monkeypatch.setattr(os, "open", refuse_open)
    monkeypatch.setattr(os, "scandir", refuse_scandir)
    one_line_error(lambda: parse_export(path), r"Connections\.csv cannot be read: you lack perm")
    one_line_error(lambda: parse_export(folder), r"export cannot be read: you lack permission")


def test_unreadable_sub_folder_is_passed_over(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "private").mkdir()
    (tmp_path / "Connections.csv").write_text(connections_text(ROW))
    real_scandir = os.scandir

    def refuse_scandir(target):  # type: ignore[no-untyped-def]
        if Path(target).name == "private":
            raise PermissionError(13, "Permission denied", str(target))
        return real_scandir(target)

    monkeypatch.setattr(os, "scandir", refuse_scandir)
    assert parse_export(tmp_path).connections.contacts.height == 1


def test_dangling_symlink_and_symlink_loop(tmp_path: Path) -> None:
    dangling = tmp_path / "Connections.csv"
    dangling.symlink_to(tmp_path / "gone.csv")
    one_line_error(
        lambda: parse_export(dangling), r"is a symbolic link to .*gone\.csv, which does not exist"
    )
    loop = tmp_path / "loop" / "Connections.csv"
    loop.parent.mkdir()
    loop.symlink_to(loop)
    one_line_error(lambda: parse_export(loop), r"is a symbolic link that leads back to itself")
    # Found inside a folder, the same links are refused when read.
    one_line_error(lambda: parse_export(loop.parent), r"leads back to itself")


def test_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "Connections.csv"
    os.mkfifo(fifo)
    with deadline(10):
        one_line_error(lambda: parse_export(fifo), r"is a named pipe \(FIFO\), not a file")
        one_line_error(lambda: parse_export(tmp_path), r"is a named pipe \(FIFO\)")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused_unread(tmp_path: Path, device: str) -> None:
    with deadline(10):
        one_line_error(lambda: parse_export(Path(device)), r"is a device, not a file")
        (tmp_path / "Connections.csv").symlink_to(device)
        one_line_error(lambda: parse_export(tmp_path), r"Connections\.csv is a device")


def test_a_folder_nested_far_too_deep_is_searched_only_a_few_levels(tmp_path: Path) -> None:
    (tmp_path / "Connections.csv").write_text(connections_text(ROW))
    levels = [str(tmp_path) + "/d" * depth for depth in range(1, 1101)]
    for level in levels:  # one by one: mkdir(parents=True) and rmtree recurse
        os.mkdir(level)
    deep = Path(levels[-1])
    try:
        (deep / "messages.csv").write_text("FROM,TO,DATE\n")
        assert open_export(tmp_path).file_names() == ["Connections.csv"]
        (tmp_path / "Connections.csv").rename(deep / "Connections.csv")
        one_line_error(lambda: open_export(tmp_path), r"^No Connections\.csv in the folder")
    finally:
        for name in ("messages.csv", "Connections.csv"):
            (deep / name).unlink(missing_ok=True)
        for level in reversed(levels):
            os.rmdir(level)


def test_a_folder_holding_far_more_than_an_export_is_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(archive, "MAX_FOLDER_ENTRIES", 50)
    for number in range(60):
        (tmp_path / f"file-{number}.txt").write_text("x")
    one_line_error(lambda: open_export(tmp_path), r"holds more than 50 files and folders")


def test_connections_over_64_mb_on_disk_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    with path.open("wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # sparse: nothing is written
    one_line_error(lambda: parse_export(path), r"is 65 MB, larger than prune reads \(64 MB\)")


def test_connections_inflating_past_its_cap_is_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(archive, "MAX_CONNECTIONS_BYTES", 64 * 1024)
    path = tmp_path / "export.zip"
    path.write_bytes(make_zip({"Connections.csv": os.urandom(100 * 1024)}))
    one_line_error(lambda: parse_export(path), r"unpacks to more than 0 MB")


def test_a_header_understating_the_size_cannot_make_it_inflate_more(tmp_path: Path) -> None:
    # zipfile stops at the size the header claims, then finds the checksum wrong.
    data = bytearray(make_zip({"Connections.csv": big_connections()}))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("Connections.csv")
    central = bytes(data).rindex(b"PK\x01\x02")
    for size_at in (info.header_offset + 22, central + 24):
        data[size_at : size_at + 4] = struct.pack("<I", 1000)
    path = tmp_path / "export.zip"
    path.write_bytes(bytes(data))
    one_line_error(lambda: parse_export(path), r"cannot be read \(Bad CRC-32")


def test_a_highly_compressed_member_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(make_zip({"Connections.csv": b"A" * (40 * 1024 * 1024)}))
    one_line_error(lambda: parse_export(path), r"unpacks to more than 200 times its packed size")


def test_side_files_have_their_own_generous_cap(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(archive, "MAX_SIDE_FILE_BYTES", 64 * 1024)
    path = tmp_path / "export.zip"
    path.write_bytes(
        make_zip({"Connections.csv": big_connections(), "messages.csv": os.urandom(100 * 1024)})
    )
    files = open_export(path)
    assert files.read("connections.csv") is not None  # 30 KB: within both caps
    one_line_error(lambda: files.read("messages.csv"), r"^messages\.csv in export\.zip unpacks")


def test_every_version_of_a_same_named_file_is_read_within_the_cap(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(archive, "MAX_SIDE_FILE_BYTES", 64 * 1024)
    path = tmp_path / "export.zip"
    header = "First Name,Last Name,Skill Name,Endorsement Date\n"
    path.write_bytes(
        make_zip(
            {
                "Connections.csv": connections_text(ROW),
                "Endorsement Received Info.csv": header + "A" * (100 * 1024),
                "Endorsement_Received_Info.csv": header,
            }
        )
    )
    files = open_export(path)
    first, second = files.versions("endorsement_received_info.csv")
    assert files.read_version(second) == header.encode()
    one_line_error(lambda: files.read_version(first), r"^Endorsement Received Info\.csv in export")
    assert files.file_names() == [
        "Connections.csv",
        "Endorsement Received Info.csv",
        "Endorsement_Received_Info.csv",
    ]


def test_each_file_is_read_once_for_an_import_and_its_evidence(tmp_path: Path, monkeypatch) -> None:
    from prune.core.evidence.cache import import_evidence
    from prune.core.state.importing import record_export
    from prune.core.state.store import Store
    from prune.demo import write_sample_export

    export = write_sample_export(tmp_path, connections=40)
    reads: list[str] = []
    real_read = archive.ExportFiles.read_version  # every read, of any version, passes here

    def counting_read(self, member):  # type: ignore[no-untyped-def]
        reads.append(archive.canonical_name(member))
        return real_read(self, member)

    monkeypatch.setattr(archive.ExportFiles, "read_version", counting_read)
    parsed = parse_export(export)
    store = Store.open(tmp_path / "state")
    import_evidence(tmp_path / "state", record_export(store, parsed))
    assert "messages.csv" in reads
    # Profile.csv (a few hundred bytes) names the owner at import and again for the evidence.
    assert reads.count("profile.csv") <= 2
    others = [name for name in reads if name != "profile.csv"]
    assert sorted(others) == sorted(set(others))


def test_backslash_member_paths_from_windows_tools(tmp_path: Path) -> None:
    path = tmp_path / "Basic_LinkedInDataExport_01-02-2026.zip"
    path.write_bytes(
        make_zip(
            {
                "Basic\\Connections.csv": connections_text(ROW),
                "Basic\\Deeper\\Connections.csv": connections_text(),
                "Basic\\Invitations.csv": "From,To,Sent At\n",
            }
        )
    )
    files = open_export(path)
    assert files.members["connections.csv"] == "Basic\\Connections.csv"
    assert files.file_names() == ["Connections.csv", "Invitations.csv"]
    assert parse_export(path).connections.contacts["first_name"].to_list() == ["Ana"]


def test_zip_member_names_are_shown_without_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(
        make_zip(
            {
                "Connections.csv": connections_text("Ana,Doe,,,Acme,CTO,07 Mar 2024"),
                "x\x1b]0;owned\x07.csv": "a\n1",
            }
        )
    )
    names = open_export(path).file_names()
    assert names == ["Connections.csv", "x\\033]0;owned\\a.csv"]


def test_file_names_that_are_not_utf8_are_read(tmp_path: Path) -> None:
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/Export-caf\xe9"))
    folder.mkdir()
    (folder / "Connections.csv").write_text(connections_text("Ana,Doe,,,Acme,CTO,07 Mar 2024"))
    inner = Path(os.fsdecode(bytes(folder) + b"/Invitations-\xff.csv"))
    inner.write_text("From,To,Sent At\n")
    parsed = parse_export(folder)
    assert parsed.connections.contacts.height == 1
    assert parsed.files.file_names() == ["Connections.csv", "Invitations-\\377.csv"]


def test_zip_written_with_utf8_flag_but_other_bytes_is_refused_in_one_line(
    tmp_path: Path,
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        bundle.writestr("Connections-é.csv", "x")  # written with the UTF-8 flag
    data = buffer.getvalue().replace("é".encode(), b"\xff\xfe")
    path = tmp_path / "odd.zip"
    path.write_bytes(data)
    with pytest.raises(ExportError, match=r"^odd\.zip is a damaged or incomplete zip") as caught:
        open_export(path)
    assert "\n" not in str(caught.value)


@contextlib.contextmanager
def deadline(seconds: int):  # type: ignore[no-untyped-def]
    """Fail, rather than hang the suite, if the block blocks."""

    def expire(_signal, _frame):  # type: ignore[no-untyped-def]
        raise TimeoutError(f"still blocked after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
