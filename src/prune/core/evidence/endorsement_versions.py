"""Two versions of one endorsements file in one archive, merged into one set of endorsements.

A 2022 archive ships `Endorsement Received Info.csv` (UTF-16, tabs) beside
`Endorsement_Received_Info.csv` (UTF-8), mostly the same endorsements twice. Every version is
read; an endorsement is the same one when its endorser's name, its skill and its moment agree,
and it then counts once. Duplicates inside one file still count as often as that file has them:
each distinct endorsement counts as often as the version holding it most often, so the result is
the same whichever file is read first.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl

from prune.core.evidence.endorsements import endorsements_per_contact
from prune.core.evidence.matching import ContactIndex
from prune.core.reading.identity import normalised_name

_SAME = ["same_name", "same_skill", "at"]


@dataclass(frozen=True)
class VersionedEndorsements:
    """Endorsements per contact from every readable version, and what to tell the user."""

    per_contact: pl.DataFrame  # endorsements.endorsement_schema(direction)
    notices: list[str] = field(default_factory=list)


def endorsements_of_versions(
    members: list[str],
    read_rows: Callable[[str], pl.DataFrame | None],
    index: ContactIndex,
    direction: str,
    name_of: Callable[[str], str] = os.path.basename,
) -> VersionedEndorsements | None:
    """Read each version (`read_rows` gives its endorsement_rows, None when it was skipped with a
    notice of its own), merge them and count per contact; None when no version could be read.
    `name_of` names a version in the notice (ExportFiles.name_of_version escapes it).
    """
    read = [(name_of(member), read_rows(member)) for member in sorted(members)]
    versions = [(name, rows) for name, rows in read if rows is not None]
    if not versions:
        return None
    merged = merge_versions([rows for _name, rows in versions])
    notices = []
    if len(versions) > 1:
        notices.append(merged_notice([name for name, _rows in versions], direction, merged))
    return VersionedEndorsements(
        per_contact=endorsements_per_contact(merged.rows, index, direction), notices=notices
    )


@dataclass(frozen=True)
class MergedEndorsements:
    rows: pl.DataFrame  # as endorsements.endorsement_rows gives them
    in_both: int  # endorsements more than one version holds, counted once


def merge_versions(versions: list[pl.DataFrame]) -> MergedEndorsements:
    """One frame of endorsement rows from several versions, same endorsements counted once."""
    if len(versions) == 1:
        return MergedEndorsements(rows=versions[0], in_both=0)
    columns = versions[0].columns
    marked = pl.concat(
        [
            rows.with_columns(
                normalised_name(pl.col("name")).alias("same_name"),
                pl.col("skill").str.to_lowercase().alias("same_skill"),
                pl.lit(number).alias("version"),
            ).with_columns(pl.int_range(pl.len()).over(_SAME).alias("occurrence"))
            for number, rows in enumerate(versions)
        ],
        how="vertical_relaxed",
    )
    # Of the copies of one endorsement the one with a profile URL is kept; then any, by content.
    merged = marked.sort([*_SAME, "occurrence", "url_key", "name", "skill"], nulls_last=True)
    merged = merged.unique(subset=[*_SAME, "occurrence"], keep="first", maintain_order=True)
    in_both = (
        marked.group_by([*_SAME, "occurrence"])
        .agg(pl.col("version").n_unique().alias("versions"))
        .filter(pl.col("versions") > 1)
        .height
    )
    return MergedEndorsements(rows=merged.select(columns), in_both=in_both)


def merged_notice(names: list[str], direction: str, merged: MergedEndorsements) -> str:
    """The notice saying the versions were merged, naming each file."""
    files = ", ".join(names[:-1]) + " and " + names[-1]
    both = merged.in_both
    return (
        f"{files} are {len(names)} versions of the endorsements {direction}: merged, "
        f"{both} endorsement{'' if both == 1 else 's'} found in more than one counted once."
    )
