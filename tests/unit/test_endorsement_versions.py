"""Two versions of the endorsements file in one archive: both read, merged, whatever their order."""

from __future__ import annotations

from pathlib import Path

import pytest

from prune.core.evidence.card_insights import insights
from prune.core.evidence.collect import Evidence, compute_evidence
from prune.core.state.importing import parse_export

from testkit.exports import connections_text, make_zip

HEADER_2021 = "First Name,Last Name,Email Address,Company,Position,Connected On"
CONNECTIONS = connections_text(
    "Ana,Doe,,Acme,CTO,07 Mar 2016",
    "Bo,Li,,Globex,Dev,01 Feb 2019",
    "Cy,Zed,,Initech,PM,03 Apr 2020",
    header=HEADER_2021,
)
ANA, BO, CY = "name:ana|doe|2016-03-07", "name:bo|li|2019-02-01", "name:cy|zed|2020-04-03"
SPACED, UNDERSCORED = "Endorsement Received Info.csv", "Endorsement_Received_Info.csv"


def utf16_version() -> bytes:
    """The 2022 file: UTF-16LE with a BOM, tabs, every field quoted, a Display Status column."""
    rows = [
        ("Endorsement Date", "Skill Name", "Endorser First Name", "Endorser Last Name",
         "Endorsement Status", "Display Status"),
        ("2022/03/01 10:00:00 UTC", "SQL", "Ana", "Doe", "ACCEPTED", "SHOWN"),
        ("2022/04/01 10:00:00 UTC", "Python", "Bo", "Li", "ACCEPTED", "SHOWN"),
        ("2022/06/01 10:00:00 UTC", "Go", "Cy", "Zed", "ACCEPTED", "HIDDEN"),
    ]  # fmt: skip
    text = "".join("\t".join(f'"{field}"' for field in row) + "\r\n" for row in rows)
    return b"\xff\xfe" + text.encode("utf-16-le")


UTF8_VERSION = (
    "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorsement Status\n"
    "2022/03/01 10:00:00 UTC,SQL,Ana,Doe,ACCEPTED\n"  # the same endorsement as in the other
    "2022/05/01 10:00:00 UTC,Go,Ana,Doe,ACCEPTED\n"  # only here
    "2022/04/01 10:00:00 UTC,Python,Bo,Li,ACCEPTED\n"  # the same again
    "2022/07/01 10:00:00 UTC,SQL,Bo,Li,ACCEPTED\n"  # only here
)


def evidence_of(path: Path) -> Evidence:
    parsed = parse_export(path)
    return compute_evidence(parsed.files, parsed.connections.contacts)


def counted(evidence: Evidence) -> dict[str, tuple[object, ...]]:
    columns = ["endorsements_received", "endorsed_skills_received", "endorsed_received_on"]
    return {
        row[0]: tuple(row[1:])
        for row in evidence.frame.select("key", *columns).sort("key").iter_rows()
    }


def zip_in_order(tmp_path: Path, first: str) -> Path:
    versions = {SPACED: utf16_version(), UNDERSCORED: UTF8_VERSION}
    second = UNDERSCORED if first == SPACED else SPACED
    path = tmp_path / f"first-{first[:13].replace(' ', '-')}" / "Complete_2022.zip"
    path.parent.mkdir()
    path.write_bytes(
        make_zip({"Connections.csv": CONNECTIONS, first: versions[first], second: versions[second]})
    )
    return path


@pytest.fixture
def exports(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "Connections.csv").write_text(CONNECTIONS)
    (folder / UNDERSCORED).write_text(UTF8_VERSION)
    (folder / SPACED).write_bytes(utf16_version())
    return [zip_in_order(tmp_path, SPACED), zip_in_order(tmp_path, UNDERSCORED), folder]


def test_both_versions_are_read_merged_and_said_so(exports: list[Path]) -> None:
    evidence = evidence_of(exports[0])
    rows = counted(evidence)
    # SQL from Ana is in both files and counts once; what only one file holds counts too.
    assert rows[ANA][:2] == (2, ["Go", "SQL"])
    assert rows[BO][:2] == (2, ["Python", "SQL"])
    assert rows[CY][:2] == (1, ["Go"])
    assert str(rows[BO][2]) == "2022-07-01"
    assert evidence.files_used == [SPACED, UNDERSCORED]
    assert [n for n in evidence.notices if "versions" in n] == [
        f"{SPACED} and {UNDERSCORED} are 2 versions of the endorsements received: merged, "
        "2 endorsements found in more than one counted once."
    ]
    assert parse_export(exports[0]).files.file_names() == ["Connections.csv", SPACED, UNDERSCORED]


def test_the_evidence_does_not_depend_on_the_order_of_the_files(exports: list[Path]) -> None:
    results = [evidence_of(path) for path in exports]
    first = results[0]
    for other in results[1:]:
        assert other.frame.sort("key").equals(first.frame.sort("key"))
        assert other.notices == first.notices
        assert other.files_used == first.files_used
    lines = [insights(result, today=first.frame["connected_on"].max()) for result in results]
    assert all(line.sort("key").equals(lines[0].sort("key")) for line in lines)


def test_a_version_that_cannot_be_read_leaves_the_other(tmp_path: Path) -> None:
    path = tmp_path / "Complete_2022.zip"
    path.write_bytes(
        make_zip(
            {
                "Connections.csv": CONNECTIONS,
                SPACED: b"\x00\x01binary\xff" * 40,
                UNDERSCORED: UTF8_VERSION,
            }
        )
    )
    evidence = evidence_of(path)
    assert counted(evidence)[ANA][:2] == (2, ["Go", "SQL"])
    assert evidence.files_used == [UNDERSCORED]
    assert any(notice.startswith(f"{SPACED} skipped") for notice in evidence.notices)
    assert not any("versions" in notice for notice in evidence.notices)
