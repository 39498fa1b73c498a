"""The person whose export this is: a fixed name, profile URL and career.

Fixed, so the demo always greets the same person; the career decides where some contacts work
(former colleagues) and what Positions.csv lists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from prune.demo.dates import EXPORT_ORD

OWNER_FIRST, OWNER_LAST = "Robin", "Marchetti-Osei"
OWNER_NAME = f"{OWNER_FIRST} {OWNER_LAST}"
OWNER_URL = "https://www.linkedin.com/in/robin-marchetti-osei-5b2e9a"


@dataclass(frozen=True, slots=True)
class Job:
    """One position the owner held, as Positions.csv lists it."""

    company: str
    title: str
    description: str
    location: str
    start: tuple[int, int]  # (year, month); month 0 means the export shows the year only
    end: tuple[int, int] | None

    def start_ord(self) -> int:
        """The first day of the job, as a date ordinal."""
        return dt.date(self.start[0], self.start[1] or 1, 1).toordinal()

    def end_ord(self) -> int:
        """The last day of the job (the day before the export for the current one)."""
        if self.end is None:
            return EXPORT_ORD - 1
        return dt.date(self.end[0], self.end[1] or 12, 28).toordinal()


OWNER_JOBS = (
    Job(
        "Blue Harbor Labs",
        "Head of Product Operations",
        "Runs planning, tooling and the release calendar for four product teams.",
        "Lisbon, Portugal",
        (2023, 3),
        None,
    ),
    Job(
        "Northwind Traders",
        "Senior Product Manager",
        "Owned the wholesale ordering app, from discovery to a checkout 40% faster.",
        "Rotterdam, Netherlands",
        (2019, 6),
        (2023, 2),
    ),
    Job(
        "Acme, Inc.",
        "Product Analyst",
        'Built the first self-serve dashboards and wrote "the metrics handbook".',
        "Toronto, Ontario, Canada",
        (2015, 9),
        (2019, 5),
    ),
    Job(
        "Paper Lantern Media",
        "Marketing Intern",
        "",
        "Montréal, Quebec, Canada",
        (2013, 0),
        (2014, 0),
    ),
)
