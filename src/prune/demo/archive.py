"""The export as LinkedIn delivers it: a zip of CSV files at its root, or the unpacked folder.

This is the public entry point behind `prune demo`, the tests and the benchmarks. The zip has
fixed timestamps and attributes, so equal arguments give byte-identical archives.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from prune.demo.connections import connections_text
from prune.demo.dates import EXPORT_DATE
from prune.demo.messages import messages_csv
from prune.demo.population import build_population
from prune.demo.side_files import (
    endorsements_csv,
    invitations_csv,
    positions_csv,
    profile_csv,
    recommendations_csv,
)

EXPORT_NAME = f"Complete_LinkedInDataExport_{EXPORT_DATE:%m-%d-%Y}"
"""The name of the zip (without `.zip`) and of the folder, as LinkedIn names them."""

_ZIP_TIME = (2026, 11, 2, 9, 41, 0)


def _export_files(connections: int, messages: int | None, seed: int) -> dict[str, bytes]:
    """Every file of the export by name, in the order the zip lists them."""
    pop = build_population(connections, seed)
    total = 6 * max(0, connections) if messages is None else max(0, messages)
    received, given = endorsements_csv(pop, seed)
    recs_received, recs_given = recommendations_csv(pop, seed)
    texts = {
        "Connections.csv": connections_text(pop),
        "Invitations.csv": invitations_csv(pop, seed),
        "Endorsement_Received_Info.csv": received,
        "Endorsement_Given_Info.csv": given,
        "Recommendations_Received.csv": recs_received,
        "Recommendations_Given.csv": recs_given,
        "Positions.csv": positions_csv(),
        "Profile.csv": profile_csv(),
    }
    files = {name: text.encode("utf-8") for name, text in texts.items()}
    files["messages.csv"] = messages_csv(pop, seed, total)
    return files


def write_sample_export(
    dest: Path,
    *,
    connections: int = 300,
    messages: int | None = None,
    seed: int = 7,
    as_zip: bool = True,
) -> Path:
    """Write an invented export into directory `dest` and return the path of the zip (named
    Complete_LinkedInDataExport_11-02-2026.zip) or, with as_zip=False, of the folder
    (Complete_LinkedInDataExport_11-02-2026/) holding the CSV files.

    `messages=None` means about six per connection, enough for the demo to show real evidence;
    the benchmark asks for 300,000. The zip keeps the files at its root, one of the layouts
    LinkedIn produces.
    """
    files = _export_files(connections, messages, seed)
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    if not as_zip:
        folder = dest / EXPORT_NAME
        folder.mkdir(exist_ok=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        return folder
    target = dest / f"{EXPORT_NAME}.zip"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data)
    return target
