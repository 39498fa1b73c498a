"""Pinning side-file rows on contacts: by URL first, then by a name exactly one contact bears."""

from __future__ import annotations

import polars as pl

from prune.core.evidence.matching import ContactIndex, positions_in
from prune.core.reading.connections import read_connections

from testkit.exports import connections_text

# Keys out of alphabetical order, two contacts sharing a name, one without a URL.
PEOPLE = (
    "Zoe,Ng,https://www.linkedin.com/in/zoe-ng,,Acme,CTO,07 Mar 2016",
    "Sam,Lee,https://www.linkedin.com/in/sam-lee-1,,Globex,Dev,01 Feb 2019",
    "Sam,Lee,https://www.linkedin.com/in/sam-lee-2,,Initech,PM,03 Apr 2020",
    "Ana,Doe,,,Umbrella,QA,04 May 2021",
)


def rows(*pairs: tuple[str | None, str | None]) -> pl.DataFrame:
    return pl.DataFrame(
        {"url_key": [url for url, _ in pairs], "name": [name for _, name in pairs]},
        schema={"url_key": pl.String, "name": pl.String},
    )


def resolved(index: ContactIndex, frame: pl.DataFrame) -> list[tuple[object, ...]]:
    found = index.resolve(frame).sort("url_key", "name", nulls_last=True)
    return found.select("key", "by_name", "shared_by").rows()


def test_each_row_lands_on_its_url_or_on_the_one_contact_with_its_name() -> None:
    index = ContactIndex.build(read_connections(connections_text(*PEOPLE).encode()).contacts)
    frame = rows(
        ("url:in/zoe-ng", "Someone Else"),  # the URL wins over the name
        ("url:in/nobody", "Zoe Ng"),  # a URL no contact has: Zoe has a URL, so not her
        (None, "  ana   DOE "),  # no URL: the name, normalised, names one contact
        (None, "Sam Lee"),  # two contacts bear it: nobody, and how many
        (None, "Unknown Person"),
        (None, None),
    )
    ana = index.keys.filter(index.keys.str.starts_with("name:")).item()
    assert resolved(index, frame) == [
        (None, False, None),
        ("url:in/zoe-ng", False, None),
        (ana, True, None),
        (None, False, 2),
        (None, False, None),
        (None, False, None),
    ]


def test_without_contacts_nothing_is_matched() -> None:
    empty = read_connections(connections_text().encode()).contacts
    frame = rows(("url:in/zoe-ng", "Zoe Ng"), (None, "Ana Doe"))
    assert resolved(ContactIndex.build(empty), frame) == [(None, False, None)] * 2


def test_positions_are_found_in_a_sorted_series_and_null_where_absent() -> None:
    ordered = pl.Series(["b", "d", "f"])
    wanted = pl.Series(["f", "a", "d", None, "g", "b"])
    assert positions_in(ordered, wanted).to_list() == [2, None, 1, None, None, 0]
