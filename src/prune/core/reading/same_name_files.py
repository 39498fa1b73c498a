"""Files an export holds under one name more than once, and which one counts.

LinkedIn varies its file names (`Endorsement Received Info.csv` in 2022 beside
`Endorsement_Received_Info.csv`), and an unzipped folder may hold a second copy deeper down. Files
are compared by canonical name (archive.canonical_name): the one nearest the top counts; files of
the same name at that same level are versions of one another, kept so a reader may merge them.
Which is chosen never depends on the order of the zip or of the folder listing: the first by name.
"""

from __future__ import annotations

from collections.abc import Iterable


def pick_files(
    found: Iterable[tuple[str, int, str]],
) -> tuple[dict[str, str], dict[str, list[str]]]:
    """From (canonical name, folder depth, path) triples: the file chosen for each name, and the
    other versions at its depth (sorted by path), for the names that have any.
    """
    nearest: dict[str, tuple[int, list[str]]] = {}
    for canonical, depth, path in found:
        known = nearest.get(canonical)
        if known is None or depth < known[0]:
            nearest[canonical] = (depth, [path])
        elif depth == known[0]:
            known[1].append(path)
    chosen: dict[str, str] = {}
    others: dict[str, list[str]] = {}
    for canonical, (_depth, paths) in nearest.items():
        first, *rest = sorted(paths)
        chosen[canonical] = first
        if rest:
            others[canonical] = rest
    return chosen, others
