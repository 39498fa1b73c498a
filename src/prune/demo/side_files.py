"""The smaller files: invitations, endorsements, recommendations, the profile and positions.

Who appears in them follows each contact's affinity: close contacts endorse and recommend,
strangers mostly arrived by invitation. Each file has its own random source, so its rows never
shift another file's.
"""

from __future__ import annotations

import random
from collections import Counter

from prune.demo.dates import DAY, EXPORT_ORD, EXPORT_TS, midnight, moment_after
from prune.demo.formatting import csv_row, month_year, slash_time, us_time
from prune.demo.owner import OWNER_FIRST, OWNER_JOBS, OWNER_LAST, OWNER_NAME, OWNER_URL
from prune.demo.people import CLOSE, STRANGER, Person, fake_outsider, seeded_random
from prune.demo.population import Population
from prune.demo.sentences import INVITE_NOTES, RECOMMENDATION_LINES
from prune.demo.vocabulary import OTHER_SKILLS, SKILLS

Rows = list[tuple[int, str]]
"""Rows of a file with the moment each is sorted by."""


def _newest_first(header: str, rows: Rows) -> str:
    """The file text: the header, then the rows newest first, every line ended."""
    rows.sort(key=lambda r: -r[0])
    return header + "\n" + "".join(r[1] + "\n" for r in rows)


def invitations_csv(pop: Population, seed: int) -> str:
    """Only the last 12 months, as LinkedIn keeps; accepted ones became connections."""
    rng = seeded_random(seed, "invitations")
    used = {p.slug for p in pop.people}
    floor_ts = midnight(EXPORT_ORD - 365)
    rows: Rows = []

    def add(ts: int, sender: tuple[str, str], invitee: tuple[str, str], outgoing: bool) -> None:
        note = rng.choice(INVITE_NOTES) if rng.random() < 0.08 else ""
        direction = "OUTGOING" if outgoing else "INCOMING"
        values = (
            sender[0],
            invitee[0],
            us_time(ts, padded=False),
            note,
            direction,
            sender[1],
            invitee[1],
        )
        rows.append((ts, csv_row(values)))

    owner = (OWNER_NAME, OWNER_URL)
    for person in pop.people:
        conn_ts = midnight(person.connected) + rng.randrange(DAY)
        if conn_ts < floor_ts:
            continue
        ts = min(conn_ts, max(floor_ts + rng.randrange(DAY), conn_ts - rng.randrange(10 * DAY)))
        outgoing = rng.random() < (0.25 if person.affinity == STRANGER else 0.6)
        them = (person.name, person.url)
        add(ts, owner if outgoing else them, them if outgoing else owner, outgoing)
    # Still pending: strangers asking to connect, and a few the owner sent unanswered.
    pending = max(3, len(pop.people) // 100)
    for i in range(pending + pending // 2):
        outsider = fake_outsider(rng, used)
        ts = EXPORT_TS - rng.randrange(1, 364 * DAY)
        outgoing = i >= pending
        add(ts, owner if outgoing else outsider, outsider if outgoing else owner, outgoing)
    header = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl"
    return _newest_first(header, rows)


def _bare_url(person: Person) -> str:
    """The profile URL without its scheme, as the endorsement files write it."""
    return f"www.linkedin.com/in/{person.slug}"


def _endorsed(rng: random.Random, person: Person, skills: tuple[str, ...], most: int) -> Rows:
    """Between one and `most` of `skills` endorsed by or for `person`, each at its moment."""
    rows: Rows = []
    for skill in rng.sample(skills, rng.randint(1, most)):
        ts = moment_after(rng, person.connected)
        values = (slash_time(ts), skill, person.first, person.last, _bare_url(person), "ACCEPTED")
        rows.append((ts, csv_row(values)))
    return rows


def endorsements_csv(pop: Population, seed: int) -> tuple[str, str]:
    """Endorsement_Received_Info.csv and Endorsement_Given_Info.csv, mostly close contacts."""
    rng = seeded_random(seed, "endorsements")
    received: Rows = []
    given: Rows = []
    for person in pop.people:
        if person.affinity == STRANGER:
            continue
        close = person.affinity == CLOSE
        if rng.random() < (0.7 if close else 0.15):
            received.extend(_endorsed(rng, person, SKILLS, 5 if close else 2))
        if rng.random() < (0.5 if close else 0.08):
            given.extend(_endorsed(rng, person, OTHER_SKILLS, 3 if close else 1))
    head = (
        "Endorsement Date,Skill Name,{0} First Name,{0} Last Name,{0} Public Url,Endorsement Status"
    )
    return (
        _newest_first(head.format("Endorser"), received),
        _newest_first(head.format("Endorsee"), given),
    )


def recommendations_csv(pop: Population, seed: int) -> tuple[str, str]:
    """Recommendations_Received.csv and _Given.csv, by contacts whose name is theirs alone.

    A recommendation names its writer but not their profile, so one from a shared name cannot
    be counted and prune says so; the demo's own archive should not set off that notice.
    """
    rng = seeded_random(seed, "recommendations")
    header = "First Name,Last Name,Company,Job Title,Text,Creation Date,Status"
    names = Counter((p.first, p.last) for p in pop.people)
    close = [
        p
        for p in pop.people
        if p.affinity == CLOSE and p.company and p.position and names[(p.first, p.last)] == 1
    ]
    cap = max(2, min(12, len(pop.people) // 60))

    def text(name: str) -> str:
        return " ".join(line.format(name=name) for line in rng.sample(RECOMMENDATION_LINES, 3))

    def rows(people: list[Person], about_owner: bool) -> str:
        out: Rows = []
        for i, person in enumerate(people):
            ts = moment_after(rng, person.connected)
            status = "HIDDEN" if i == len(people) - 1 and len(people) > 3 else "VISIBLE"
            name = OWNER_FIRST if about_owner else person.first
            values = (
                person.first,
                person.last,
                person.company,
                person.position,
                text(name),
                us_time(ts, padded=True),
                status,
            )
            out.append((ts, csv_row(values)))
        return _newest_first(header, out)

    received = rng.sample(close, min(cap, len(close)))
    given = rng.sample(close, min(max(2, cap // 2), len(close)))
    return rows(received, True), rows(given, False)


def profile_csv() -> str:
    """Profile.csv: the owner's one row."""
    header = (
        "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
        "Geo Location,Twitter Handles,Websites,Instant Messengers"
    )
    values = (
        OWNER_FIRST,
        OWNER_LAST,
        "",
        "",
        "Apr 12",
        "Product operations | turning messy processes into calm ones",
        "I like plans that survive contact with reality. Ten years across analytics, product "
        "and operations, mostly in teams of under fifty people.",
        "Software Development",
        "",
        "Lisbon, Portugal",
        "",
        "[PERSONAL:https://robin.example.org]",
        "",
    )
    return header + "\n" + csv_row(values) + "\n"


def positions_csv() -> str:
    """Positions.csv: the owner's career, current job first."""
    header = "Company Name,Title,Description,Location,Started On,Finished On"
    lines = [header]
    for job in OWNER_JOBS:
        end = "" if job.end is None else month_year(*job.end)
        lines.append(
            csv_row(
                (
                    job.company,
                    job.title,
                    job.description,
                    job.location,
                    month_year(*job.start),
                    end,
                )
            )
        )
    return "\n".join(lines) + "\n"
