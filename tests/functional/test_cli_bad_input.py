"""`prune import` on damaged or odd input: one line on stderr, exit 2, the state untouched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from prune.cli.main import main

from testkit.commands import run_prune
from testkit.exports import connections_text, make_zip

ANA = "Ana,Doe,https://www.linkedin.com/in/ana-doe,,Acme,CTO,07 Mar 2024"
BO = "Bo,Li,https://www.linkedin.com/in/bo-li,,Globex,Dev,01 Feb 2019"


def state_files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def test_a_damaged_zip_exits_2_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    whole = make_zip({"Connections.csv": connections_text(ANA, BO) * 40})
    path = tmp_path / "export.zip"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    result = run_prune("import", str(path), data_dir=tmp_path / "state")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("prune: export.zip is a damaged or incomplete zip")


@pytest.mark.parametrize(
    "bad",
    [
        lambda folder: folder / "missing.zip",
        lambda folder: Path("/dev/zero"),
        lambda folder: _fifo(folder / "Connections.csv"),
        lambda folder: _file(folder / "cut.zip", make_zip({"Connections.csv": ANA})[:40]),
        lambda folder: _file(folder / "Connections.csv", b"\x1b]0;title\x07,just,text\n"),
    ],
    ids=["missing", "device", "fifo", "truncated zip", "not connections"],
)
def test_bad_input_leaves_the_state_as_it_was(tmp_path: Path, state_dir: Path, capsys, bad) -> None:  # type: ignore[no-untyped-def]
    good = _file(tmp_path / "Connections.csv", connections_text(ANA, BO).encode())
    assert main(["import", str(good)]) == 0
    before = state_files(state_dir)
    capsys.readouterr()
    folder = tmp_path / "bad"
    folder.mkdir()
    assert main(["import", str(bad(folder))]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith("prune: ")
    assert "\x1b" not in error and "\x07" not in error
    assert state_files(state_dir) == before


def test_a_cut_short_download_says_so_in_the_import_summary(
    tmp_path: Path, state_dir: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    path = _file(
        tmp_path / "Connections.csv", connections_text(ANA, BO, "Cy,Ng,https://www.l").encode()
    )
    assert main(["import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "connections to review  2" in out
    assert "Notice: 1 row at the end looked cut short and was left out" in out


def test_an_export_under_a_name_that_is_not_utf8_imports(
    tmp_path: Path, state_dir: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/Export-caf\xe9\x1b[2J"))
    folder.mkdir()
    (folder / "Connections.csv").write_text(connections_text(ANA, BO))
    assert main(["import", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Export-caf\\351\\033[2J" in out
    assert "\x1b" not in out
    assert main(["stats"]) == 0


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
