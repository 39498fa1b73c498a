"""The list of all contacts with their verdicts, sorted by name, for the contacts screen."""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from prune.core.model import Verdict
from prune.core.text.folding import folded

UNDECIDED = "undecided"  # the `verdict` filter for contacts with no verdict yet
NO_VERDICT = "—"  # how a contact without a verdict shows in the list


class ContactListing:
    """Lists one snapshot's contacts; names are folded and sorted once, on the first listing."""

    def __init__(self, contacts: pl.DataFrame) -> None:
        self._contacts = contacts
        self._by_name: pl.DataFrame | None = None

    def frame(
        self, verdicts: Mapping[str, Verdict | None], verdict: str | None = None
    ) -> pl.DataFrame:
        """Columns verdict, name, company, position, connected (ISO date), then key (not shown).

        `verdicts` maps contact keys to their verdict; `verdict` keeps one kind: keep,
        disconnect, later, or "undecided".
        """
        known = pl.DataFrame(
            {"key": list(verdicts), "verdict": list(verdicts.values())},
            schema={"key": pl.String, "verdict": pl.String},
        )
        frame = self._sorted().join(known, on="key", how="left", maintain_order="left")
        if verdict == UNDECIDED:
            frame = frame.filter(pl.col("verdict").is_null())
        elif verdict is not None:
            frame = frame.filter(pl.col("verdict") == verdict)
        return frame.select(
            pl.col("verdict").fill_null(NO_VERDICT),
            "name",
            "company",
            "position",
            "connected",
            "key",
        )

    def _sorted(self) -> pl.DataFrame:
        if self._by_name is None:  # names never change in a session
            name = pl.concat_str(
                [pl.col("first_name").fill_null(""), pl.col("last_name").fill_null("")],
                separator=" ",
            )
            self._by_name = self._contacts.sort(
                folded(pl.col("last_name")), folded(pl.col("first_name")), "key"
            ).select(
                name.str.strip_chars().alias("name"),
                "company",
                "position",
                pl.col("connected_on").cast(pl.String).alias("connected"),
                "key",
            )
        return self._by_name
