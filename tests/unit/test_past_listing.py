"""Past connections as the workbench lists them: by name, their decision, the day they left,
and a query frame that `status:past` matches."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from prune.core.review.past_listing import GONE, PastListing
from prune.core.review.query import matching_keys
from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store

from testkit.exports import connections_text

ANA = "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2024"
BO = "Bo,Li,https://www.linkedin.com/in/bo,,Globex,Dev,01 Feb 2019"
CY = "Cy,Ng,https://www.linkedin.com/in/cy,,Initech,Recruiter,01 Feb 2015"
DI = "Di,Ode,https://www.linkedin.com/in/di,,Acme,Sales,01 Jan 2021"


def imported(store: Store, folder: Path, *exports: tuple[str, tuple[str, ...]]) -> int:
    snapshot_id = 0
    for name, rows in exports:
        path = folder / name
        path.write_text(connections_text(*rows))
        snapshot_id = record_export(store, parse_export(path)).outcome.snapshot.id
    return snapshot_id


def test_those_gone_are_listed_by_name_with_their_decision_and_day(tmp_path: Path) -> None:
    with Store.open(tmp_path / "state") as store:
        latest = imported(
            store,
            tmp_path,
            ("Basic_LinkedInDataExport_09-01-2026.csv", (ANA, BO, CY, DI)),
            ("Basic_LinkedInDataExport_10-12-2026.csv", (ANA, BO, DI)),
            ("Basic_LinkedInDataExport_11-20-2026.csv", (ANA,)),
        )
        store.save_decision("url:in/di", "test", verdict="disconnect")
        past = PastListing(store, latest)
        assert past.count == 3 and past.keys == {"url:in/bo", "url:in/cy", "url:in/di"}
        listed = past.listing()
        assert listed.select("verdict", "name", GONE).rows() == [
            ("—", "Bo Li", "20 Nov 2026"),
            ("—", "Cy Ng", "12 Oct 2026"),  # the first export without them
            ("disconnect", "Di Ode", "20 Nov 2026"),
        ]
        assert past.listing("disconnect")["name"].to_list() == ["Di Ode"]
        frame = past.query_frame()
        none = pl.DataFrame(schema={"key": pl.String, "verdict": pl.String})
        assert matching_keys(frame, none, "status:past recruiter") == ["url:in/cy"]
        assert matching_keys(frame, none, "status:current") == []


def test_one_export_has_no_past_connections(tmp_path: Path) -> None:
    with Store.open(tmp_path / "state") as store:
        latest = imported(store, tmp_path, ("Connections.csv", (ANA, BO)))
        past = PastListing(store, latest)
        assert past.count == 0 and past.listing().is_empty()
