"""Connections.csv: a notes preamble, minimal quoting, newest first, no final line end.

Hidden members appear as date-only rows and a few people appear twice, as in real exports.
"""

from __future__ import annotations

from prune.demo.formatting import connected_on, quote_minimal
from prune.demo.people import Person
from prune.demo.population import Population

_PREAMBLE = (
    "Notes:\n"
    '"This list only shows an email address when the contact chose to share it with their '
    "connections; everyone else appears without one. Your privacy settings decide what others "
    'see of yours."\n'
    "\n"
)
_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"


def _connection_row(person: Person, date: int, company: str, position: str) -> str:
    """One row; `person.pad` picks the field that gets stray spaces."""
    fields = [person.first, person.last, person.url, person.email, company, position]
    if person.pad == 1:
        fields[0] = " " + fields[0]
    elif person.pad == 2:
        fields[1] = fields[1] + " "
    elif person.pad == 3 and fields[4]:
        fields[4] = fields[4] + " "
    elif person.pad == 4 and fields[5]:
        fields[5] = " " + fields[5] + " "
    return ",".join(quote_minimal(v) for v in fields) + "," + connected_on(date)


def connections_text(pop: Population) -> str:
    """The whole file; rows of one day keep the order they were made in."""
    rows: list[tuple[int, int, str]] = []
    for seq, person in enumerate(pop.people):
        row = _connection_row(person, person.connected, person.company, person.position)
        rows.append((-person.connected, seq, row))
    seq = len(rows)
    for day in pop.hidden:
        rows.append((-day, seq, ",,,,,," + connected_on(day)))
        seq += 1
    for person, day, company, position in pop.repeats:
        rows.append((-day, seq, _connection_row(person, day, company, position)))
        seq += 1
    rows.sort()
    return _PREAMBLE + _HEADER + "\n" + "\n".join(r[2] for r in rows)
