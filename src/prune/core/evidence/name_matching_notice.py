"""The notice for exports whose Connections.csv has no URL column (2018 to mid-2023).

A contact without a URL can only be found in a side file by the full name, and only when one
connection bears it, whatever URLs the side file itself carries (messages.csv has sender URLs
since 2021). The user is told once, naming the files it affects, rather than once per file.
"""

from __future__ import annotations

import polars as pl

from prune.core.reading.archive import canonical_name

# The side files that name people and could carry their profile URLs. Recommendations never do,
# so they are matched by name whatever Connections.csv holds; Profile.csv and Positions.csv are
# the owner's own.
_PEOPLE_FILES = frozenset(
    {
        "messages.csv",
        "invitations.csv",
        "endorsement_received_info.csv",
        "endorsement_given_info.csv",
    }
)


def contacts_have_urls(keys: pl.Series) -> bool:
    """Whether any contact key is a URL one (identity.URL_PREFIX), for an export that has URLs."""
    return bool(keys.str.starts_with("url:").any())


def name_matching_notices(contacts: pl.DataFrame, files_used: list[str]) -> list[str]:
    """One notice when no contact has a URL and side files naming people were read; else none."""
    if contacts.is_empty() or contacts_have_urls(contacts["key"]):
        return []
    affected = [name for name in files_used if canonical_name(name) in _PEOPLE_FILES]
    if not affected:
        return []
    listed = (
        affected[0] if len(affected) == 1 else ", ".join(affected[:-1]) + " and " + affected[-1]
    )
    return [
        "Connections.csv has no profile URLs (LinkedIn's exports before mid-2023 have none), so "
        f"{listed} {'is' if len(affected) == 1 else 'are'} matched to your connections by full "
        "name, only where one connection bears it."
    ]
