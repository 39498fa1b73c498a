"""One invented person at a time: the seeded random source, names, jobs, affinity and slug.

Every generator draws from its own `seeded_random(seed, part)`, so adding draws to one file
never shifts the people or rows of another.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from prune.demo.dates import random_day
from prune.demo.vocabulary import (
    COMPANIES,
    COMPANY_WEIGHTS,
    EMOJI,
    ENCODED_GROUPS,
    FIRST_NAMES,
    LAST_NAMES,
    POSITIONS,
    QUOTED_COMPANY,
    QUOTED_POSITION,
    SURNAME_PARTS,
    SURNAME_WEIGHTS,
)

# How close a contact is to the owner; messages, endorsements and the rest follow from it.
CLOSE, ACQUAINTANCE, STRANGER = "close", "acquaintance", "stranger"

_TRANSLIT = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "æ": "ae", "ß": "ss", "đ": "d", "ı": "i", "'": ""}
)


def seeded_random(seed: int, part: str) -> random.Random:
    """The random source for one part of the export."""
    # Seeding from a str goes through SHA-512, so it is stable across runs (unlike hash()).
    return random.Random(f"prune-sample:{seed}:{part}")


@dataclass(slots=True, eq=False)  # identity, not field equality: people can share a name
class Person:
    """A contact of the owner, as the generators of every file see them."""

    first: str
    last: str
    company: str
    position: str
    connected: int  # date ordinal
    affinity: str
    encoded: bool = False
    slug: str = ""
    email: str = ""
    pad: int = 0  # which Connections.csv field gets stray spaces; 0 for none
    forced: bool = False  # carries one of the guaranteed awkward cases

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def url(self) -> str:
        return f"https://www.linkedin.com/in/{self.slug}"


def ascii_part(text: str) -> str:
    """A name folded to lowercase ASCII words joined by `-`, as LinkedIn builds slugs."""
    folded = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    folded = "".join(ch for ch in folded if ch.isascii()).lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def hex_digits(rng: random.Random, digits: int) -> str:
    """Random lowercase hex, the suffix that keeps slugs unique."""
    return f"{rng.getrandbits(4 * digits):0{digits}x}"


def surname(rng: random.Random) -> str:
    """A family name: mostly built from parts, sometimes a whole one from the list."""
    if rng.random() < 0.15:
        return rng.choice(LAST_NAMES)
    roots, endings, joiner = rng.choices(SURNAME_PARTS, SURNAME_WEIGHTS)[0]
    return f"{rng.choice(roots)}{joiner}{rng.choice(endings)}"


def _encoded_name(rng: random.Random) -> tuple[str, str]:
    """A name whose slug keeps non-ASCII letters (percent-encoded in the URL)."""
    weights = [group[0] for group in ENCODED_GROUPS]
    _, firsts, lasts = rng.choices(ENCODED_GROUPS, weights)[0]
    first, last = rng.choice(firsts), rng.choice(lasts)
    if firsts is ENCODED_GROUPS[0][1] and rng.random() < 0.6:
        last = surname(rng)  # the first name alone keeps the slug non-ASCII
    return first, last


def _plain_name(rng: random.Random) -> tuple[str, str]:
    """A name with the usual variety: middle initials, double family names, rare emoji."""
    first, last = rng.choice(FIRST_NAMES), surname(rng)
    if rng.random() < 0.12:  # a middle initial
        first = f"{first} {rng.choice('ABCDEFGHIJKLMNOPRSTVW')}."
    roll = rng.random()
    if roll < 0.08:  # two family names, as in Spain or Portugal
        last = f"{last} {surname(rng)}"
    elif roll < 0.12:
        last = f"{last}-{surname(rng)}"
    if rng.random() < 0.007:
        first = f"{first} {rng.choice(EMOJI)}"
    return first, last


def new_person(rng: random.Random, encoded: bool) -> Person:
    """A fresh contact with a name, a job, a connection day and an affinity (no slug yet)."""
    first, last = _encoded_name(rng) if encoded else _plain_name(rng)
    company = rng.choices(COMPANIES, COMPANY_WEIGHTS)[0]
    position = rng.choice(POSITIONS)
    if rng.random() < 0.004:
        company = QUOTED_COMPANY
    if rng.random() < 0.004:
        position = QUOTED_POSITION
    draw = rng.random()
    affinity = CLOSE if draw < 0.06 else ACQUAINTANCE if draw < 0.28 else STRANGER
    return Person(first, last, company, position, random_day(rng), affinity, encoded)


def assign_slug(rng: random.Random, person: Person, used: set[str]) -> None:
    """Give `person` a public-URL slug not in `used`, in one of LinkedIn's styles."""
    if person.encoded:
        base = re.sub(r"[\s,.']+", "-", f"{person.first}-{person.last}".lower()).strip("-")
        while True:
            slug = quote(f"{base}-{hex_digits(rng, rng.choice((6, 8)))}", safe="-")
            if slug not in used:
                break
    else:
        first, last = ascii_part(person.first) or "member", ascii_part(person.last)
        style = rng.random()
        if style < 0.2:
            slug = f"{first}-{last}".strip("-")
        elif style < 0.3:
            slug = f"{first[0]}{last}".replace("-", "")
        else:
            slug = ""
        while not slug or slug in used:
            slug = f"{first}-{last}-{hex_digits(rng, rng.choice((6, 8, 9)))}".replace("--", "-")
    used.add(slug)
    person.slug = slug


def fake_outsider(rng: random.Random, used: set[str]) -> tuple[str, str]:
    """Someone who is not a connection: a recruiter, an advertiser, a stranger's invitation."""
    first, last = rng.choice(FIRST_NAMES), surname(rng)
    slug = ""
    while not slug or slug in used:
        slug = f"{ascii_part(first)}-{ascii_part(last)}-{hex_digits(rng, 8)}"
    used.add(slug)
    return f"{first} {last}", f"https://www.linkedin.com/in/{slug}"
