"""The alphabetical order every list is written in, and each contact's bare-bones flags.

Both depend on a snapshot's contacts alone, which never change once imported, yet working them
out is a third of what exporting 30,000 contacts costs (folding the names for the sort, judging
every profile for flags). So the first list of a snapshot keeps them beside its contacts copy
(`contacts_copy.order_path`), and every later list of it reads them back in a millisecond. Like
the copy, the file is a shortcut only: one that is missing, unreadable, older than the copy it
was worked out from, or written under other rules is worked out again.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from prune.core.evidence.flags import is_bare_bones
from prune.core.state.contacts_copy import copy_path, order_path, read_arrow, write_arrow
from prune.core.state.store import Store
from prune.core.text.folding import folded_series

FLAGGED = "_flagged"
"""The column of bare-bones flags, judged as for a list with profile URLs (the usual one)."""

# Each contact's row in the snapshot's contacts (in key order), in list order. The number is
# the rules': raise it when the sort or the flags change, and files of older rules go unread.
_ROW = "row_in_key_order_1"


def in_list_order(
    store: Store, snapshot_id: int, people: pl.DataFrame, *, flags: bool
) -> pl.DataFrame:
    """`people`, every contact of the snapshot as `store.contacts` gives them (in key order),
    in list order (`sorted_by_name`), with a FLAGGED column when `flags`."""
    folder = store.path.parent
    order = _kept_order(folder, snapshot_id, people.height)
    if order is None:
        numbered = sorted_by_name(people.with_row_index(_ROW))
        order = numbered.select(_ROW, is_bare_bones(numbered, any_url=True).alias(FLAGGED))
        write_arrow(order_path(folder, snapshot_id), order)
    arranged = people[order.get_column(_ROW)]
    return arranged.with_columns(order.get_column(FLAGGED)) if flags else arranged


def _kept_order(folder: Path, snapshot_id: int, height: int) -> pl.DataFrame | None:
    """The kept order, if it still describes the snapshot's contacts: a permutation of their
    rows, written after the copy they were read from."""
    path = order_path(folder, snapshot_id)
    try:
        if path.stat().st_mtime_ns < copy_path(folder, snapshot_id).stat().st_mtime_ns:
            return None  # the copy was rebuilt since
    except OSError:
        return None
    order = read_arrow(path, [_ROW, FLAGGED])
    if order is None or order.height != height or order.schema[FLAGGED] != pl.Boolean:
        return None
    rows = order.get_column(_ROW)
    if height == 0:
        return order
    top = rows.max()
    if rows.dtype != pl.UInt32 or not isinstance(top, int) or top >= height:
        return None
    return order if rows.n_unique() == height else None


def sorted_by_name(frame: pl.DataFrame) -> pl.DataFrame:
    """Last name, then first name, then the day connected (a stable tie-break), then the key.

    The folded names are worked out once, as columns, before the sort (see `folded_series`).
    Rows already in key order (contacts are read so) need no key to break ties when the sort
    keeps their order, and text keys are the costly ones to sort by.
    """
    keys = [
        folded_series(frame.get_column("last_name")),
        folded_series(frame.get_column("first_name")),
        frame.get_column("connected_on"),
    ]
    if frame.get_column("key").is_sorted():
        return frame.sort(keys, nulls_last=True, maintain_order=True)
    return frame.sort([*keys, frame.get_column("key")], nulls_last=True)
