"""Everyone in Connections.csv, with the awkward cases a loader must survive forced in.

Built once per export from `seeded_random(seed, "people")`; every other file reads this
population, so a contact's messages, endorsements and recommendations agree with their row.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

from prune.demo.dates import EXPORT_ORD, YEARS, random_day
from prune.demo.owner import OWNER_JOBS
from prune.demo.people import (
    ACQUAINTANCE,
    CLOSE,
    STRANGER,
    Person,
    ascii_part,
    assign_slug,
    new_person,
    seeded_random,
)
from prune.demo.vocabulary import (
    COMPANIES,
    EMOJI,
    FIRST_NAMES,
    LAST_NAMES,
    POSITIONS,
    QUOTED_COMPANY,
    QUOTED_POSITION,
)


@dataclass(slots=True)
class Population:
    """The rows of Connections.csv, as people plus the rows that are not one person each."""

    people: list[Person]
    hidden: list[int]  # connected-on ordinals of date-only rows
    repeats: list[tuple[Person, int, str, str]]  # person, date, company, position
    ambiguous: tuple[Person, Person] | None  # two contacts sharing one name


def build_population(connections: int, seed: int) -> Population:
    """`connections` rows in all: people, a few hidden members and a few repeated rows."""
    rng = seeded_random(seed, "people")
    n = max(0, connections)
    n_hidden = max(2, round(n * 0.015)) if n >= 20 else 0
    n_repeats = (3 if n >= 200 else 2) if n >= 20 else 0
    n_people = n - n_hidden - n_repeats
    # Exactly a tenth of the slugs are percent-encoded, so even the demo shows the share.
    encoded = set(rng.sample(range(n_people), round(n_people * 0.10))) if n_people > 0 else set()
    people = [new_person(rng, i in encoded) for i in range(n_people)]
    # A few empty Company or Position fields (the forced cases below add some more).
    blanks = rng.sample(people, 3 * round(n_people * 0.005))
    for i, person in enumerate(blanks):
        if i % 3 != 1:
            person.company = ""
        if i % 3 != 2:
            person.position = ""

    colleagues = _hire_colleagues(rng, people) if n_people >= 20 else []
    ambiguous: tuple[Person, Person] | None = None
    if n_people >= 30:
        ambiguous = _force_awkward_cases(rng, people, colleagues)
    elif n_people >= 2:  # tiny populations still get one shared name (two profiles, one name)
        people[1].first, people[1].last = people[0].first, people[0].last
        people[1].encoded = people[0].encoded
        ambiguous = (people[0], people[1])

    used: set[str] = set()
    for person in people:
        assign_slug(rng, person, used)
    _show_emails(rng, people, with_urn=n_people >= 30)

    hidden = [random_day(rng) for _ in range(n_hidden)]
    repeats = _repeated_rows(rng, people, n_repeats) if n_repeats else []
    return Population(people, hidden, repeats, ambiguous)


def _hire_colleagues(rng: random.Random, people: list[Person]) -> list[Person]:
    """Former and current colleagues of the owner: connected while working together."""
    colleagues: list[Person] = []
    for i, index in enumerate(rng.sample(range(len(people)), max(6, round(len(people) * 0.02)))):
        person = people[index]
        # The first six surely sit at a past employer; the rest anywhere Robin worked.
        job = OWNER_JOBS[1 + i % 3] if i < 6 else rng.choice(OWNER_JOBS)
        person.company = job.company
        person.position = person.position or rng.choice(POSITIONS)
        person.connected = rng.randint(job.start_ord(), job.end_ord())
        person.affinity = rng.choices((CLOSE, ACQUAINTANCE, STRANGER), (3, 5, 2))[0]
        colleagues.append(person)
    return colleagues


def _show_emails(rng: random.Random, people: list[Person], *, with_urn: bool) -> None:
    """Emails shown for 3 % of contacts, plus (in populations big enough) one odd member URN."""
    latin = [p for p in people if not p.encoded]
    for person in rng.sample(latin, min(len(latin), round(len(people) * 0.03))):
        local = f"{ascii_part(person.first)}.{ascii_part(person.last)}".strip(".")
        domain = rng.choice(("example.com", "example.org", "example.net", "mail.example"))
        person.email = f"{local.replace('-', '')}@{domain}"
    if with_urn:
        target = next(p for p in reversed(people) if not p.forced and not p.email)
        target.email = f"urn:li:member:{rng.randint(10**8, 10**9 - 1)}"


def _repeated_rows(
    rng: random.Random, people: list[Person], count: int
) -> list[tuple[Person, int, str, str]]:
    """Rows repeating a person: one exact copy, the others under an older job."""
    plain = [p for p in people if not p.forced and p.company and p.position]
    plain = [p for p in plain if not p.email.startswith("urn:")]  # keep that one unique
    repeats: list[tuple[Person, int, str, str]] = []
    for i, person in enumerate(rng.sample(plain, count)):
        if i == 0:  # an exact copy of the row
            repeats.append((person, person.connected, person.company, person.position))
        else:  # the same profile under an older job, as after a removal and reconnection
            older = max(EXPORT_ORD - YEARS * 365, person.connected - rng.randint(200, 1500))
            company = rng.choice([c for c in COMPANIES if c != person.company])
            repeats.append((person, older, company, rng.choice(POSITIONS)))
    return repeats


def _force_awkward_cases(
    rng: random.Random, people: list[Person], colleagues: list[Person]
) -> tuple[Person, Person]:
    """Make sure every quirk a loader must survive shows up even in the 300-contact demo.

    Returns the two contacts sharing one name, the recommender first.
    """
    taken = {id(p) for p in colleagues}
    free = [p for p in people if id(p) not in taken and not p.encoded]
    chosen = rng.sample(free, 17)
    for person in chosen:
        person.forced = True
    _spell_awkwardly(rng, chosen[:15])

    # Stray spaces in about 1 % of other rows too.
    for person in people:
        if not person.pad and rng.random() < 0.01:
            person.pad = rng.randint(1, 4)

    # Two profiles under one name, as real networks have.
    dup_a, dup_b = chosen[15:]
    dup_b.first, dup_b.last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    dup_a.first, dup_a.last = dup_b.first, dup_b.last
    dup_b.affinity = CLOSE
    _share_names(rng, people)
    return dup_b, dup_a


def _spell_awkwardly(rng: random.Random, chosen: list[Person]) -> None:
    """Commas, quotes, emoji, stray spaces, capitals, digits and empty fields, one each."""
    doe, mba, comma_company, comma_position, quoted, quoted_company = chosen[:6]
    emoji1, emoji2, pad1, pad2, bare, caps, digits = chosen[6:13]
    no_company, no_position = chosen[13:]

    doe.last = f"{rng.choice(LAST_NAMES)}, PhD"
    mba.last = f"{rng.choice(LAST_NAMES)}, MBA"
    comma_company.company = "Acme, Inc."
    comma_position.position = "Director, Partnerships"
    quoted_company.company, quoted_company.position = QUOTED_COMPANY, QUOTED_POSITION
    quoted.first = (
        f'{rng.choice(("Katherine", "Robert", "Elizabeth"))} "{rng.choice(("Kit", "Bo"))}"'
    )
    emoji1.first = "Ana 🌻"
    emoji2.last = f"{rng.choice(LAST_NAMES)} {rng.choice(EMOJI)}"
    pad1.pad, pad2.pad = 1, rng.choice((2, 3, 4))
    bare.company = bare.position = ""
    caps.first, caps.last = caps.first.upper(), caps.last.upper()
    caps.company = caps.position = ""
    digits.last = f"{digits.last}{rng.randint(2, 99)}"
    digits.company = digits.position = ""
    no_company.company = ""
    no_position.position = ""
    for person in (bare, caps, digits):
        person.affinity = STRANGER


def _share_names(rng: random.Random, people: list[Person]) -> None:
    """Top duplicate full names up to about 3 % of rows (big networks exceed it on their own)."""
    names = Counter((p.first, p.last) for p in people)
    shared = sum(count for count in names.values() if count > 1)
    plain = [p for p in people if not p.forced and not p.encoded]
    want = round(len(people) * 0.03)
    for _ in range(100 * want):  # bounded: a tiny population may run out of candidates
        if shared >= want:
            break
        source, target = rng.sample(plain, 2)
        old, new = (target.first, target.last), (source.first, source.last)
        if names[old] != 1 or old == new:
            continue
        names[old] -= 1
        shared += 2 if names[new] == 1 else 1
        names[new] += 1
        target.first, target.last = new
