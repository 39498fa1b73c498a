"""An invented LinkedIn data export, written deterministically from a seed.

`prune demo`, the tests and the benchmark need an export that behaves like a real one (quoting,
hidden members, duplicate names, percent-encoded URLs, the 2026 messages file with newlines in
fields) without shipping anyone's data. Every person, company and sentence here is made up, and
the same arguments always give byte-identical files, so tests and timings can be compared.

The data tells one story: each contact gets an affinity once (close, acquaintance or stranger)
and the messages, endorsements, recommendations and invitations all follow from it.
"""

from __future__ import annotations

import base64
import datetime as dt
import random
import re
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

__all__ = ["EXPORT_DATE", "EXPORT_NAME", "connections_csv", "write_sample_export"]

EXPORT_DATE: dt.date = dt.date(2026, 11, 2)
"""The day the invented export was requested; every date in it lies before this one."""

EXPORT_NAME = f"Complete_LinkedInDataExport_{EXPORT_DATE:%m-%d-%Y}"

_EXPORT_ORD = EXPORT_DATE.toordinal()
_EPOCH_ORD = dt.date(1970, 1, 1).toordinal()
_EXPORT_TS = (_EXPORT_ORD - _EPOCH_ORD) * 86400
_DAY = 86400
_YEARS = 15
# Fixed English month names: strftime("%b") would follow the machine's locale.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ZIP_TIME = (2026, 11, 2, 9, 41, 0)

CLOSE, ACQUAINTANCE, STRANGER = "close", "acquaintance", "stranger"

# --------------------------------------------------------------------------------------------
# Invented vocabulary. Combinations are random, so no row describes a real person.


def _words(text: str) -> tuple[str, ...]:
    """Split a `;`-separated list; one string per list keeps the vocabulary readable."""
    return tuple(word.strip() for word in text.split(";") if word.strip())


_FIRST = _words(
    "Amara; Liam; Sofia; Mateo; Aisha; Kenji; Ingrid; Tomasz; Priya; Oluwaseun; Chen; Fatima; "
    "Lars; Noor; Diego; Hannah; Rahul; Yuki; Elif; Mohammed; Chiara; Kwame; Anouk; Ravi; Leila; "
    "Jonas; Mei; Thabo; Camille; Arjun; Siobhan; Emeka; Greta; Tariq; Valentina; Hiroshi; "
    "Zanele; Marta; Pedro; Ayşe; Zoë; Søren; Łukasz; José; Renée; Björn; Inês; Sam; Alex; "
    "Jordan; Taylor; Chris; Maria; Anna; David; Sarah; Michael; Laura; Daniel; Julia; Ana; Luca; "
    "Nadia; Omar; Kofi; Wei; Ji-woo; Mariam; Hugo; Freya; Elena; Tobias; Aditi; Yaw; Rosa; "
    "Ibrahim; Astrid; Carmen; Pablo; Emma; Noah; Mia; Oscar; Lina; Felix; Keira; Rania; Bongani; "
    "Ilse; Tuan; Malia; Abena; Adrián; Akira; Alejandra; Amir; Ananya; Andrei; Aoife; Bashir; "
    "Beatriz; Bilal; Bruno; Caio; Cato; Dalia; Dario; Deepika; Dmitri; Ebo; Efua; Eitan; Esra; "
    "Farah; Fenna; Gabriel; Gwen; Hamid; Hana; Ida; Ifeoma; Imani; Isak; Jamal; Jana; Joaquín; "
    "Kaito; Kalani; Karim; Kasia; Lea; Lorenzo; Lucía; Magnus; Mahmoud; Maren; Mateus; Milan; "
    "Mirela; Nia; Nikhil; Olga; Oren; Paula; Quentin; Rashid; Riya; Ruth; Sakura; Salma; "
    "Santiago; Selin; Shira; Sipho; Soraya; Stefan; Tamar; Teodora; Thiago; Uma; Vera; Vikram; "
    "Wanjiru; Xin; Yara; Yusuf; Zainab; Zeynep; Zhen; Aarav; Bea; Cyrus; Dina; Eamon; Femi; "
    "Goran; Helga; Jae-min; Kemal; Linnea; Moana; Nils; Otieno; Petra; Rafael; Saoirse; Tendai; "
    "Ugo; Viktor; Willa; Ximena; Yosef"
)
_LAST = _words(
    "Okafor; Lindqvist; García; Nakamura; Kowalski; Patel; Mensah; Dubois; Schneider; Rossi; "
    "Haddad; van der Berg; O'Brien; Nguyễn; Müller; Østergaard; Wiśniewska; Çelik; Fernández; "
    "Zhang; Kim; Singh; Andersen; Moreau; Bianchi; Adeyemi; Cohen; Silva; Santos; Yilmaz; Novak; "
    "Horvat; Jansen; Bauer; Ferreira; Mwangi; Tanaka; Ivanova; Papadopoulos; Nilsson; Kaur; "
    "Rahman; Abebe; Costa; Lopez; Smith; Brown; Wilson; Murphy; Chen; Wong; Sato; Park; Das; Eze; "
    "Diallo; Hoffmann; Lefèvre; Navarro; Kovačević; Sørensen; Ahmed; Hussain; Varga; MacLeod; "
    "de la Cruz; Ben-David; St. Clair; Achterberg; Quispe; Tremblay; Halvorsen; Osei; Marchetti; "
    "Baptiste; Lindgren; Farouk; Acheampong; Banerjee; Castillo; Dlamini; Esposito; Fofana; "
    "Gallagher; Hakimi; Iyer; Jovanović; Kiplagat; Lam; Mahlangu; Nowicki; Ortega; Petrov; "
    "Rezaei; Sandoval; Takahashi; Uchenna; Vasquez; Whitfield; Yamamoto; Zapata; Mbeki-Lund"
)
# Family names built from parts, per naming tradition: a large, plausible-looking space keeps
# duplicate full names rare (about 10 % of rows at 30,000 contacts instead of most of them).
_SURNAME_PARTS: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = (
    (
        _words(
            "Ek; Lind; Sand; Ny; Hall; Berg; Fors; Ljung; Sjö; Ahl; Blom; Dahl; Fager; Hag; "
            "Stål; Vik; Ask; Norr; Öst; Wall"
        ),
        _words("berg; ström; lund; qvist; dahl; gren; holm; vik; stedt; mark"),
        "",
    ),
    (
        _words(
            "Ash; Black; Brad; Bright; Cald; Cole; Crane; Fair; Hart; Hay; Kings; Mar; Nor; "
            "Red; Stan; Thorn; West; Whit; Wood; Ather"
        ),
        _words(
            "ford; wood; ley; ton; field; well; brook; by; worth; more; stead; wick; combe; shaw"
        ),
        "",
    ),
    (
        _words(
            "Kowal; Wiśniew; Kamin; Lewand; Zielin; Szyman; Woźni; Dąbrow; Kozłow; Jankow; "
            "Mazur; Kraw; Piotrow; Grabow; Pawłow; Michal; Król; Wieczor; Jabłoń; Sobie; Zawad; "
            "Borow; Chmiel; Gór; Kaczor; Ostrow; Rutkow; Sikor; Tomaszew; Wróblew"
        ),
        _words("ski; ska; wicz; czyk; ak; ek"),
        "",
    ),
    (
        _words(
            "Bert; Mar; Ross; Fior; Gall; Lomb; Capr; Ferr; Sant; Bell; Grim; Pell; Mont; Ricc; "
            "Tozz; Vitt; Cost; Lucc; Benedett; Cardin; Donat; Ginn; Marin; Orsin; Pagan; Rinald; "
            "Sorrent; Valent"
        ),
        _words("ini; etti; elli; ucci; one; ato; ese; otti"),
        "",
    ),
    (
        _words(
            "Naka; Yama; Kawa; Taka; Mori; Hashi; Ishi; Matsu; Fuji; Kita; Shima; Sugi; Hoshi; "
            "Nishi; Ao"
        ),
        _words("moto; mura; da; no; hara; saki; ta; gawa; uchi; oka"),
        "",
    ),
    (
        _words(
            "Ade; Olu; Chi; Ife; Oke; Obi; Ayo; Eme; Ola; Ogun; Ako; Adu; Ibe; Oni; Nwo; Uzo; Fola"
        ),
        _words("yemi; wale; nwa; kwe; for; bayo; tunde; dike; ke; sanya"),
        "",
    ),
    (
        _words("van der; van den; de; ter; van"),
        _words(
            "Berg; Meer; Linden; Veen; Heide; Wal; Brink; Bosch; Molen; Horst; Velde; Beek; Dijk; "
            "Laan; Kamp; Haar; Graaf; Hoek; Leeuw; Sluis; Hof; Weide"
        ),
        " ",
    ),
)
# Each tradition in proportion to its combinations: the flattest spread of names.
_SURNAME_WEIGHTS = tuple(len(roots) * len(ends) for roots, ends, _ in _SURNAME_PARTS)
# Names whose public URL keeps its letters, so the slug ends up percent-encoded UTF-8.
_ENCODED_GROUPS: tuple[tuple[float, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        0.6,
        _words(
            "Zoë; Søren; Łukasz; José; Chloé; Björn; Renée; Zoltán; Ángela; Joël; Małgorzata; "
            "Çağla; Agnès; Jürgen; Íñigo; Dóra; Bjørn; Læticia"
        ),
        _words(
            "Bauer; Müller; Østergaard; Wiśniewska; Nguyễn; Fernández; Lefèvre; Sørensen; "
            "Kovačević; Çelik; Jiménez; Ødegård; Dvořák; Silva; Novak; Håkansson; Şahin"
        ),
    ),
    (0.06, _words("Ольга; Анна; Ирина; Наталья"), _words("Смирнова; Петрова; Волкова; Лебедева")),
    (0.06, _words("Дмитрий; Сергей; Алексей; Михаил"), _words("Козлов; Орлов; Соколов; Морозов")),
    (
        0.08,
        _words("Ελένη; Νίκος; Μαρία; Γιώργος; Κατερίνα"),
        _words("Γεωργίου; Αντωνίου; Νικολάου; Οικονόμου; Δημητρίου; Παύλου"),
    ),
    (0.08, _words("美咲; 健太; 陽菜; 翔; 結衣"), _words("田中; 佐藤; 高橋; 鈴木; 伊藤; 渡辺")),
    (0.06, _words("지우; 민준; 서연; 하은; 도윤"), _words("김; 박; 이; 최; 정")),
    (
        0.06,
        _words("ليلى; عمر; سارة; يوسف; نور"),
        _words("حداد; منصور; خليل; سليمان; عيسى"),
    ),
)
_EMOJI = ("🌻", "🚀", "✨", "🌍", "☕", "🎨", "🌱", "💡")
_COMPANIES = _words(
    "Acme, Inc.; Northwind Traders; Blue Harbor Labs; Quillfeather Analytics; "
    "Redwood & Rye Consulting; Tessellate Robotics; Moss Lane Studio; Brightwater Logistics; "
    "Kestrel Health; Lumen Grove Energy; Paper Lantern Media; Orchid Bay Foods; "
    "Granite Peak Capital; Saffron Street Bakery; Tidewell Systems; Cobalt Finch Software; "
    "Marigold Ventures; Ironleaf Manufacturing; Little Otter Games; Sable & Stone Architects; "
    "Verdant Loop; Foxglove Insurance; Société Lumière Verte; Bäckerei Sonnenschein GmbH; "
    "Kōbō Kumo; Harbourlight Hospital Trust; Pinecone Schools; "
    "Windrose Travel, Ltd.; Copperkettle Coffee Co.; Self-employed; Freelance; "
    "Stillwater University; Amberfield Council; Nimbus & Vale LLP; Driftwood Outdoor"
)
_COMPANY_WEIGHTS = tuple(5 if i < 4 else 2 for i in range(len(_COMPANIES)))
_POSITIONS = _words(
    "Software Engineer; Senior Software Engineer; Staff Engineer; Product Manager; "
    "Senior Product Manager; Director, Partnerships; Head of Talent; Data Scientist; "
    "UX Researcher; Founder & CEO; Account Executive; Technical Recruiter; "
    "Sales Development Representative; Marketing Lead; Operations Manager; Consultant; Student; "
    "Ingénieure logiciel; Freelance Illustrator; VP, Engineering; Office Manager; "
    "Nurse Practitioner; Teacher; Research Assistant; Chief of Staff; Designer; "
    "Helping founders scale 🚀 | Coach | Speaker; Customer Success Manager; Analyst; "
    "Engineering Manager; Project Manager, EMEA; Architect"
)
# Rare values with quotes inside, which need the "" escape.
_QUOTED_COMPANY, _QUOTED_POSITION = 'The "Quiet" Company', 'Lead "Chaos" Coordinator'
_SKILLS = _words(
    "Product Management; Agile Methodologies; Stakeholder Management; SQL; Roadmapping; "
    "User Research; Data Analysis; Leadership; Process Improvement; Public Speaking; "
    "Project Management; Go-to-Market Strategy; A/B Testing; Python; Negotiation"
)
_OTHER_SKILLS = _words(
    "Python; JavaScript; Recruiting; Sales; Illustration; Machine Learning; UX Design; "
    "Marketing Strategy; Accounting; Teaching; Logistics; Team Building; Research; Copywriting; "
    "Kubernetes; Customer Success; Financial Modeling; Nursing"
)

# The owner of the export. Fixed, so the demo always greets the same person.
_OWNER_FIRST, _OWNER_LAST = "Robin", "Marchetti-Osei"
_OWNER_NAME = f"{_OWNER_FIRST} {_OWNER_LAST}"
_OWNER_URL = "https://www.linkedin.com/in/robin-marchetti-osei-5b2e9a"


@dataclass(frozen=True, slots=True)
class _Job:
    company: str
    title: str
    description: str
    location: str
    start: tuple[int, int]  # (year, month); month 0 means the export shows the year only
    end: tuple[int, int] | None

    def start_ord(self) -> int:
        return dt.date(self.start[0], self.start[1] or 1, 1).toordinal()

    def end_ord(self) -> int:
        if self.end is None:
            return _EXPORT_ORD - 1
        return dt.date(self.end[0], self.end[1] or 12, 28).toordinal()


_OWNER_JOBS = (
    _Job(
        "Blue Harbor Labs",
        "Head of Product Operations",
        "Runs planning, tooling and the release calendar for four product teams.",
        "Lisbon, Portugal",
        (2023, 3),
        None,
    ),
    _Job(
        "Northwind Traders",
        "Senior Product Manager",
        "Owned the wholesale ordering app, from discovery to a checkout 40% faster.",
        "Rotterdam, Netherlands",
        (2019, 6),
        (2023, 2),
    ),
    _Job(
        "Acme, Inc.",
        "Product Analyst",
        'Built the first self-serve dashboards and wrote "the metrics handbook".',
        "Toronto, Ontario, Canada",
        (2015, 9),
        (2019, 5),
    ),
    _Job(
        "Paper Lantern Media",
        "Marketing Intern",
        "",
        "Montréal, Quebec, Canada",
        (2013, 0),
        (2014, 0),
    ),
)

# Sentences for messages. Owner lines are written by Robin, the others by contacts.
_SMALL_TALK = (
    "Great to see you at the meetup last week.",
    "How did the move go?",
    "Thanks for the intro, I really appreciated it.",
    "Let me know when you're back in town.",
    "Happy new job! I hope the first weeks are kind to you.",
    "Coffee on Thursday?",
    "Sure, 10:30 works for me.",
    "Ha, that's exactly what I thought.",
    "Congrats on the launch!",
    "Sorry for the slow reply, it has been a week.",
    "Yes please!",
    "That sounds great.",
    "Thanks!",
    "Talk soon.",
    'Did you ever finish that "weekend project" of yours?',
    "No rush, whenever suits you.",
    "I owe you one.",
    "The kids say hi 🙂",
    "Merci, à bientôt !",
    "Deal. I'll book the room.",
    "Running ten minutes late, sorry!",
    "Saw this and thought of you.",
    "How are things at the new place?",
    "Happy birthday! 🎂",
    "Let's not wait another year, ok?",
)
_WORK_TALK = (
    "We're hiring a data engineer, do you know anyone good?",
    "Could you review the proposal draft by Friday?",
    "Attaching the updated timeline; the milestones moved by two weeks.",
    "The client signed, so we start on the 4th.",
    "Quick question about the pricing model: do you have five minutes?",
    "I've put your name forward for the panel.",
    "Let's sync after the quarterly review.",
    "Happy to give a reference, just send me the details.",
    "Sending you the notes from our call.",
    "Can you share the deck when you get a chance?",
    "I'll be in Rotterdam in March, are you around?",
    "Budget got approved, finally.",
)
_PITCHES = (
    "I help teams like yours cut cloud costs by 30%.",
    "Would you be open to a quick 15-minute call next week?",
    "I noticed we share an interest in operations and thought I'd reach out.",
    "Our platform automates onboarding, end to end.",
    "Are you the right person to talk to about tooling?",
    "Just following up on my last message.",
    "I have a role that might interest you: remote, senior, great team.",
    "Bumping this to the top of your inbox!",
)
_BRUSH_OFFS = (
    "Thanks, but not right now.",
    "Not a fit for us at the moment, good luck!",
    "Thanks for connecting!",
    "Appreciate it, I'll pass.",
    "Nice to meet you here.",
)
_GROUP_TITLES = ("Offsite planning", "Book club 📚", "Alumni, class of 2014", "", "Hackathon team")
_RECOMMENDATION_LINES = (
    "{name} is the person you want in the room when a plan has to become real.",
    "I worked with {name} for three years and never once saw a deadline slip quietly.",
    "{name} asks the question everyone else was avoiding, kindly.",
    'Our team still uses the "one page rule" {name} introduced.',
    "Calm under pressure, generous with credit, and relentless about the details.",
    "Any team would be lucky to have {name}.",
    "{name} turned a messy process into something people actually enjoy using.",
)
_INVITE_NOTES = (
    "Hi, we met at the product meetup, great talk!",
    "Loved your post on planning, would be glad to connect.",
    "Hello, I'm building a team in Lisbon and would like to stay in touch.",
    'Hi! A friend said I should "definitely" talk to you.',
)


@dataclass(slots=True, eq=False)  # identity, not field equality: people can share a name
class _Person:
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


@dataclass(slots=True)
class _Population:
    people: list[_Person]
    hidden: list[int]  # connected-on ordinals of date-only rows
    repeats: list[tuple[_Person, int, str, str]]  # person, date, company, position
    ambiguous: tuple[_Person, _Person] | None  # two contacts sharing a name, for recommendations


def _rng(seed: int, part: str) -> random.Random:
    # Seeding from a str goes through SHA-512, so it is stable across runs (unlike hash()).
    return random.Random(f"prune-sample:{seed}:{part}")


# --------------------------------------------------------------------------------------------
# Formatting helpers.


def _q(value: str) -> str:
    """Minimal RFC 4180 quoting, as Connections.csv and the small files use."""
    if "," in value or '"' in value or "\n" in value or "\r" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


def _qa(value: str) -> str:
    """Quote always, as messages.csv does since 2026."""
    return '"' + value.replace('"', '""') + '"'


def _row(values: list[str] | tuple[str, ...]) -> str:
    return ",".join(_q(v) for v in values)


def _ts_parts(ts: int) -> tuple[dt.date, int, int, int]:
    days, rest = divmod(ts, _DAY)
    hour, rest = divmod(rest, 3600)
    return dt.date.fromordinal(_EPOCH_ORD + days), hour, rest // 60, rest % 60


def _us_time(ts: int, *, padded: bool) -> str:
    """`8/26/22, 8:56 PM` (Invitations) or `08/26/22, 08:56 PM` (Recommendations)."""
    day, hour, minute, _ = _ts_parts(ts)
    half = "AM" if hour < 12 else "PM"
    hour12 = hour % 12 or 12
    if padded:
        return (
            f"{day.month:02d}/{day.day:02d}/{day.year % 100:02d}, {hour12:02d}:{minute:02d} {half}"
        )
    return f"{day.month}/{day.day}/{day.year % 100:02d}, {hour12}:{minute:02d} {half}"


def _slash_time(ts: int) -> str:
    day, hour, minute, second = _ts_parts(ts)
    return f"{day.year}/{day.month:02d}/{day.day:02d} {hour:02d}:{minute:02d}:{second:02d} UTC"


def _connected_on(ordinal: int) -> str:
    day = dt.date.fromordinal(ordinal)
    return f"{day.day:02d} {_MONTHS[day.month - 1]} {day.year}"


def _month_year(year: int, month: int) -> str:
    return str(year) if month == 0 else f"{_MONTHS[month - 1]} {year}"


_TRANSLIT = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "æ": "ae", "ß": "ss", "đ": "d", "ı": "i", "'": ""}
)


def _ascii_part(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    folded = "".join(ch for ch in folded if ch.isascii()).lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def _hex(rng: random.Random, digits: int) -> str:
    return f"{rng.getrandbits(4 * digits):0{digits}x}"


# --------------------------------------------------------------------------------------------
# The population of contacts.


def _random_day(rng: random.Random) -> int:
    """A day in the 15 years before the export, denser in recent years like a growing network."""
    return _EXPORT_ORD - 1 - int(_YEARS * 365 * rng.random() ** 1.4)


def _surname(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return rng.choice(_LAST)
    roots, endings, joiner = rng.choices(_SURNAME_PARTS, _SURNAME_WEIGHTS)[0]
    return f"{rng.choice(roots)}{joiner}{rng.choice(endings)}"


def _new_person(rng: random.Random, encoded: bool) -> _Person:
    if encoded:
        weights = [group[0] for group in _ENCODED_GROUPS]
        _, firsts, lasts = rng.choices(_ENCODED_GROUPS, weights)[0]
        first, last = rng.choice(firsts), rng.choice(lasts)
        if firsts is _ENCODED_GROUPS[0][1] and rng.random() < 0.6:
            last = _surname(rng)  # the first name alone keeps the slug non-ASCII
    else:
        first, last = rng.choice(_FIRST), _surname(rng)
        if rng.random() < 0.12:  # a middle initial
            first = f"{first} {rng.choice('ABCDEFGHIJKLMNOPRSTVW')}."
        roll = rng.random()
        if roll < 0.08:  # two family names, as in Spain or Portugal
            last = f"{last} {_surname(rng)}"
        elif roll < 0.12:
            last = f"{last}-{_surname(rng)}"
        if rng.random() < 0.007:
            first = f"{first} {rng.choice(_EMOJI)}"
    company = rng.choices(_COMPANIES, _COMPANY_WEIGHTS)[0]
    position = rng.choice(_POSITIONS)
    if rng.random() < 0.004:
        company = _QUOTED_COMPANY
    if rng.random() < 0.004:
        position = _QUOTED_POSITION
    draw = rng.random()
    affinity = CLOSE if draw < 0.06 else ACQUAINTANCE if draw < 0.28 else STRANGER
    return _Person(first, last, company, position, _random_day(rng), affinity, encoded)


def _assign_slug(rng: random.Random, person: _Person, used: set[str]) -> None:
    if person.encoded:
        base = re.sub(r"[\s,.']+", "-", f"{person.first}-{person.last}".lower()).strip("-")
        while True:
            slug = quote(f"{base}-{_hex(rng, rng.choice((6, 8)))}", safe="-")
            if slug not in used:
                break
    else:
        first, last = _ascii_part(person.first) or "member", _ascii_part(person.last)
        style = rng.random()
        if style < 0.2:
            slug = f"{first}-{last}".strip("-")
        elif style < 0.3:
            slug = f"{first[0]}{last}".replace("-", "")
        else:
            slug = ""
        while not slug or slug in used:
            slug = f"{first}-{last}-{_hex(rng, rng.choice((6, 8, 9)))}".replace("--", "-")
    used.add(slug)
    person.slug = slug


def _population(connections: int, seed: int) -> _Population:
    """Everyone in Connections.csv, with the awkward cases the brief guarantees forced in."""
    rng = _rng(seed, "people")
    n = max(0, connections)
    n_hidden = max(2, round(n * 0.015)) if n >= 20 else 0
    n_repeats = (3 if n >= 200 else 2) if n >= 20 else 0
    n_people = n - n_hidden - n_repeats
    # Exactly a tenth of the slugs are percent-encoded, so even the demo shows the share.
    encoded = set(rng.sample(range(n_people), round(n_people * 0.10))) if n_people > 0 else set()
    people = [_new_person(rng, i in encoded) for i in range(n_people)]
    # A few empty Company or Position fields (the forced cases below add some more).
    blanks = rng.sample(people, 3 * round(n_people * 0.005))
    for i, person in enumerate(blanks):
        if i % 3 != 1:
            person.company = ""
        if i % 3 != 2:
            person.position = ""

    # Former and current colleagues of the owner: connected while working together.
    colleagues: list[_Person] = []
    if n_people >= 20:
        for i, index in enumerate(rng.sample(range(n_people), max(6, round(n_people * 0.02)))):
            person = people[index]
            # The first six surely sit at a past employer; the rest anywhere Robin worked.
            job = _OWNER_JOBS[1 + i % 3] if i < 6 else rng.choice(_OWNER_JOBS)
            person.company = job.company
            person.position = person.position or rng.choice(_POSITIONS)
            person.connected = rng.randint(job.start_ord(), job.end_ord())
            person.affinity = rng.choices((CLOSE, ACQUAINTANCE, STRANGER), (3, 5, 2))[0]
            colleagues.append(person)

    ambiguous: tuple[_Person, _Person] | None = None
    if n_people >= 30:
        ambiguous = _force_awkward_cases(rng, people, colleagues)
    else:
        # Tiny populations still get one shared name, for the recommendation files.
        if n_people >= 2:
            people[1].first, people[1].last = people[0].first, people[0].last
            people[1].encoded = people[0].encoded
            ambiguous = (people[0], people[1])

    used: set[str] = set()
    for person in people:
        _assign_slug(rng, person, used)

    # Emails: shown for 3 % of contacts, plus one odd member URN.
    latin = [p for p in people if not p.encoded]
    for person in rng.sample(latin, min(len(latin), round(len(people) * 0.03))):
        local = f"{_ascii_part(person.first)}.{_ascii_part(person.last)}".strip(".")
        domain = rng.choice(("example.com", "example.org", "example.net", "mail.example"))
        person.email = f"{local.replace('-', '')}@{domain}"
    if n_people >= 30:
        target = next(p for p in reversed(people) if not p.forced and not p.email)
        target.email = f"urn:li:member:{rng.randint(10**8, 10**9 - 1)}"

    hidden = [_random_day(rng) for _ in range(n_hidden)]
    repeats: list[tuple[_Person, int, str, str]] = []
    if n_repeats:
        plain = [p for p in people if not p.forced and p.company and p.position]
        plain = [p for p in plain if not p.email.startswith("urn:")]  # keep that one unique
        for i, person in enumerate(rng.sample(plain, n_repeats)):
            if i == 0:  # an exact copy of the row
                repeats.append((person, person.connected, person.company, person.position))
            else:  # the same profile under an older job, as after a removal and reconnection
                older = max(_EXPORT_ORD - _YEARS * 365, person.connected - rng.randint(200, 1500))
                company = rng.choice([c for c in _COMPANIES if c != person.company])
                repeats.append((person, older, company, rng.choice(_POSITIONS)))
    return _Population(people, hidden, repeats, ambiguous)


def _force_awkward_cases(
    rng: random.Random, people: list[_Person], colleagues: list[_Person]
) -> tuple[_Person, _Person]:
    """Make sure every quirk a loader must survive shows up even in the 300-contact demo."""
    taken = {id(p) for p in colleagues}
    free = [p for p in people if id(p) not in taken and not p.encoded]
    chosen = rng.sample(free, 17)
    for person in chosen:
        person.forced = True
    doe, mba, comma_company, comma_position, quoted, quoted_company = chosen[:6]
    emoji1, emoji2, pad1, pad2, bare, caps, digits = chosen[6:13]
    no_company, no_position, dup_a, dup_b = chosen[13:]

    doe.last = f"{rng.choice(_LAST)}, PhD"
    mba.last = f"{rng.choice(_LAST)}, MBA"
    comma_company.company = "Acme, Inc."
    comma_position.position = "Director, Partnerships"
    quoted_company.company, quoted_company.position = _QUOTED_COMPANY, _QUOTED_POSITION
    quoted.first = (
        f'{rng.choice(("Katherine", "Robert", "Elizabeth"))} "{rng.choice(("Kit", "Bo"))}"'
    )
    emoji1.first = "Ana 🌻"
    emoji2.last = f"{rng.choice(_LAST)} {rng.choice(_EMOJI)}"
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

    # Stray spaces in about 1 % of other rows too.
    for person in people:
        if not person.pad and rng.random() < 0.01:
            person.pad = rng.randint(1, 4)

    # The pair behind the ambiguous recommendation: one name, two profiles.
    dup_b.first, dup_b.last = rng.choice(_FIRST), rng.choice(_LAST)
    dup_a.first, dup_a.last = dup_b.first, dup_b.last
    dup_b.affinity = CLOSE  # writes a recommendation that cannot be pinned on one of the two

    # Top duplicate full names up to about 3 % of rows (big networks exceed it on their own).
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
    return dup_b, dup_a


# --------------------------------------------------------------------------------------------
# Connections.csv


_PREAMBLE = (
    "Notes:\n"
    '"This list only shows an email address when the contact chose to share it with their '
    "connections; everyone else appears without one. Your privacy settings decide what others "
    'see of yours."\n'
    "\n"
)
_CONNECTIONS_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"


def _connection_row(person: _Person, date: int, company: str, position: str) -> str:
    fields = [person.first, person.last, person.url, person.email, company, position]
    if person.pad == 1:
        fields[0] = " " + fields[0]
    elif person.pad == 2:
        fields[1] = fields[1] + " "
    elif person.pad == 3 and fields[4]:
        fields[4] = fields[4] + " "
    elif person.pad == 4 and fields[5]:
        fields[5] = " " + fields[5] + " "
    return ",".join(_q(v) for v in fields) + "," + _connected_on(date)


def _connections_text(pop: _Population) -> str:
    rows: list[tuple[int, int, str]] = []
    for seq, person in enumerate(pop.people):
        row = _connection_row(person, person.connected, person.company, person.position)
        rows.append((-person.connected, seq, row))
    seq = len(rows)
    for day in pop.hidden:
        rows.append((-day, seq, ",,,,,," + _connected_on(day)))
        seq += 1
    for person, day, company, position in pop.repeats:
        rows.append((-day, seq, _connection_row(person, day, company, position)))
        seq += 1
    rows.sort()
    return _PREAMBLE + _CONNECTIONS_HEADER + "\n" + "\n".join(r[2] for r in rows)


def connections_csv(connections: int = 300, *, seed: int = 7) -> bytes:
    """Only the Connections.csv bytes (used by the loader benchmark and tests).

    Identical to the Connections.csv inside `write_sample_export` with the same arguments.
    """
    return _connections_text(_population(connections, seed)).encode("utf-8")


# --------------------------------------------------------------------------------------------
# messages.csv


_MESSAGES_HEADER = (
    b'"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO",'
    b'"RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER","ATTACHMENTS","IS MESSAGE DRAFT"'
)


def _pool(rng: random.Random, lines: tuple[str, ...], size: int, sign: str = "") -> list[str]:
    """Message bodies: 1-3 sentences, some across several lines, a few signed."""
    out = []
    for _ in range(size):
        parts = rng.sample(lines, rng.choice((1, 1, 1, 2, 2, 3)))
        sep = "\n\n" if rng.random() < 0.12 else "\n" if rng.random() < 0.08 else " "
        text = sep.join(parts)
        if sign and rng.random() < 0.1:
            text += "\n\n" + sign
        out.append(text)
    return out


def _qb(value: str) -> bytes:
    return _qa(value).encode()


def _message_row(*fields: str) -> bytes:
    """One fully quoted row; used for the few special rows, the bulk takes a faster path."""
    return ",".join(_qa(value) for value in fields).encode()


def _utc(ts: int) -> str:
    day, hour, minute, second = _ts_parts(ts)
    return f"{day.isoformat()} {hour:02d}:{minute:02d}:{second:02d} UTC"


class _Stamps:
    """Quoted DATE fields as bytes, fast: the day is cached, the clock comes from tables."""

    def __init__(self) -> None:
        self._days: dict[int, bytes] = {}
        self._hours = [f" {hour:02d}:".encode() for hour in range(24)]
        self._rest = [f'{m:02d}:{s:02d} UTC"'.encode() for m in range(60) for s in range(60)]

    def __call__(self, ts: int) -> bytes:
        days, rest = divmod(ts, _DAY)
        day = self._days.get(days)
        if day is None:
            day = self._days[days] = (
                b'"' + dt.date.fromordinal(_EPOCH_ORD + days).isoformat().encode()
            )
        hour, rest = divmod(rest, 3600)
        return day + self._hours[hour] + self._rest[rest]


def _conversation_id(rng: random.Random) -> str:
    raw = f"{rng.getrandbits(128):032x}"
    suffix = rng.choice(("010", "100"))
    uuid = f"{raw[:8]}-{raw[8:12]}-{raw[12:16]}-{raw[16:20]}-{raw[20:]}_{suffix}"
    return "2-" + base64.b64encode(uuid.encode()).decode()


def _allocate(rng: random.Random, weights: list[float], total: int) -> list[int]:
    """Split `total` messages over conversations in proportion to weight, at least one each."""
    if not weights or total <= 0:
        return [0] * len(weights)
    if total < len(weights):
        return [1] * total + [0] * (len(weights) - total)
    scale = total / sum(weights)
    counts = [max(1, int(w * scale)) for w in weights]
    diff = total - sum(counts)
    if diff > 0:
        for index in rng.choices(range(len(weights)), weights, k=diff):
            counts[index] += 1
    for index in sorted(range(len(counts)), key=counts.__getitem__, reverse=True):
        if diff >= 0:
            break
        take = min(-diff, counts[index] - 1)
        counts[index] -= take
        diff += take
    return counts


def _folder(rng: random.Random) -> str:
    roll = rng.random()
    return "INBOX" if roll < 0.8 else "ARCHIVE" if roll < 0.95 else ""


def _fake_outsider(rng: random.Random, used: set[str]) -> tuple[str, str]:
    """Someone who is not a connection: a recruiter, an advertiser, a stranger's invitation."""
    first, last = rng.choice(_FIRST), _surname(rng)
    slug = ""
    while not slug or slug in used:
        slug = f"{_ascii_part(first)}-{_ascii_part(last)}-{_hex(rng, 8)}"
    used.add(slug)
    return f"{first} {last}", f"https://www.linkedin.com/in/{slug}"


def _spread(rng: random.Random, start: int, span: int, count: int) -> list[int]:
    """`count` sorted moments from `start` over `span` seconds, never after the export."""
    start = min(start, _EXPORT_TS - 3600)
    span = max(60, min(span, _EXPORT_TS - 1 - start))
    rnd = rng.random
    return sorted(start + int(rnd() * span) for _ in range(count))


class _Messages:
    """Builds messages.csv: a few special conversations, then one-to-one threads by affinity."""

    def __init__(self, pop: _Population, seed: int) -> None:
        self.pop = pop
        self.rng = rng = _rng(seed, "messages")
        self.stamp = _Stamps()
        self.used = {p.slug for p in pop.people}
        self.owner_casual = _pool(rng, _SMALL_TALK + _WORK_TALK, 400, "Cheers,\nRobin")
        self.owner_brush = _pool(rng, _BRUSH_OFFS, 40)
        self.contact_casual = _pool(rng, _SMALL_TALK + _WORK_TALK, 400, "Best")
        self.contact_pitch = _pool(rng, _PITCHES, 80, "Best regards")
        self.quoted = {
            id(pool): [_qb(text) for text in pool]
            for pool in (
                self.owner_casual,
                self.owner_brush,
                self.contact_casual,
                self.contact_pitch,
            )
        }

    def build(self, total: int) -> bytes:
        specials = self.specials()
        flat = [row for rows in specials for row in rows]
        if len(flat) >= total:
            return b"\n".join([_MESSAGES_HEADER, *flat[: max(0, total)]])
        conversations = self.one_to_one(total - len(flat))
        conversations.extend(specials)
        self.rng.shuffle(conversations)  # rows are not sorted by date in the real file either
        return b"\n".join([_MESSAGES_HEADER, *(row for rows in conversations for row in rows)])

    def thread(
        self,
        cid: str,
        person: _Person,
        times: list[int],
        owner_first: bool,
        pools: tuple[list[str], list[str]],
        folder: str,
        draft: str = "No",
    ) -> list[bytes]:
        """A one-to-one conversation, newest message first, speakers taking irregular turns."""
        rng, stamp = self.rng, self.stamp
        owner, contact = (
            _qa(_OWNER_NAME) + "," + _qa(_OWNER_URL),
            _qa(person.name) + "," + _qa(person.url),
        )
        head = _qa(cid) + ',"",'
        mine = (head + owner + "," + contact + ",").encode()
        theirs = (head + contact + "," + owner + ",").encode()
        tail = b',"",'  # the empty SUBJECT between DATE and CONTENT
        end = f',{_qa(folder)},"",{_qa(draft)}'.encode()
        own, their = self.quoted[id(pools[0])], self.quoted[id(pools[1])]
        rnd, n_own, n_their = rng.random, len(own), len(their)
        owner_turn = owner_first
        rows = []
        for ts in times:
            if owner_turn:
                rows.append(mine + stamp(ts) + tail + own[int(rnd() * n_own)] + end)
            else:
                rows.append(theirs + stamp(ts) + tail + their[int(rnd() * n_their)] + end)
            if rnd() < 0.6:
                owner_turn = not owner_turn
        rows.reverse()
        return rows

    def specials(self) -> list[list[bytes]]:
        """Group chats, hidden senders, sponsored and recruiter messages, unsent drafts."""
        rng, people = self.rng, self.pop.people
        out: list[list[bytes]] = []
        warm = [p for p in people if p.affinity != STRANGER]
        for g in range(max(3, len(people) // 1000) if len(warm) >= 4 else 0):
            members = rng.sample(warm, rng.randint(2, 4))
            if g == 0:  # a name with a comma: TO cannot be split on ", "
                comma = next((p for p in people if ", " in p.last), None)
                if comma is not None and comma not in members:
                    members[0] = comma
            title = _GROUP_TITLES[g % len(_GROUP_TITLES)]
            cid, folder = _conversation_id(rng), _folder(rng)
            everyone = [(_OWNER_NAME, _OWNER_URL)] + [(p.name, p.url) for p in members]
            start = (max(p.connected for p in members) - _EPOCH_ORD) * _DAY
            rows = []
            for ts in _spread(rng, start + rng.randrange(_DAY), 400 * _DAY, rng.randint(4, 20)):
                who = rng.randrange(len(everyone))
                others = [pair for i, pair in enumerate(everyone) if i != who]
                pool = self.owner_casual if who == 0 else self.contact_casual
                rows.append(
                    _message_row(
                        cid,
                        title,
                        *everyone[who],
                        ", ".join(name for name, _ in others),
                        ",".join(url for _, url in others),
                        _utc(ts),
                        "",
                        rng.choice(pool),
                        folder,
                        "",
                        "No",
                    )
                )
            rows.reverse()
            out.append(rows)

        for h in range(max(2, len(people) // 3000)):  # hidden senders: "LinkedIn Member"
            cid = _conversation_id(rng)
            times = _spread(rng, _EXPORT_TS - rng.randint(30, 2000) * _DAY, 5 * _DAY, 1 + (h == 0))
            rows = [
                _message_row(
                    cid,
                    "",
                    "LinkedIn Member",
                    "",
                    _OWNER_NAME,
                    _OWNER_URL,
                    _utc(times[0]),
                    "",
                    rng.choice(self.contact_pitch),
                    "INBOX",
                    "",
                    "No",
                )
            ]
            if len(times) > 1:  # the owner answered someone they cannot see
                rows.insert(
                    0,
                    _message_row(
                        cid,
                        "",
                        _OWNER_NAME,
                        _OWNER_URL,
                        "LinkedIn Member",
                        "",
                        _utc(times[1]),
                        "",
                        rng.choice(self.owner_brush),
                        "INBOX",
                        "",
                        "No",
                    ),
                )
            out.append(rows)

        for _ in range(2 + len(people) // 10000):  # sponsored messages, with HTML bodies
            name, url = _fake_outsider(rng, self.used)
            html = (
                f"<p>Hi {_OWNER_FIRST},</p><p>Teams like yours are moving their reporting to "
                f"<strong>{rng.choice(_COMPANIES[:20])}</strong>. Want to see how?</p>"
                '<p><a href="https://example.com/demo?src=li">Book a demo</a></p>'
            )
            ts = _EXPORT_TS - rng.randint(1, 900) * _DAY + rng.randrange(_DAY)
            out.append(
                [
                    _message_row(
                        _conversation_id(rng),
                        "Sponsored Conversation",
                        name,
                        url,
                        _OWNER_NAME,
                        _OWNER_URL,
                        _utc(ts),
                        f"A quick idea for {_OWNER_FIRST}",
                        html,
                        "INBOX",
                        "",
                        "No",
                    )
                ]
            )

        for _ in range(max(2, len(people) // 1000)):  # recruiter InMails from non-connections
            name, url = _fake_outsider(rng, self.used)
            ts = _EXPORT_TS - rng.randint(1, 1500) * _DAY + rng.randrange(_DAY)
            out.append(
                [
                    _message_row(
                        _conversation_id(rng),
                        "",
                        name,
                        url,
                        _OWNER_NAME,
                        _OWNER_URL,
                        _utc(ts),
                        f"Opportunity at {rng.choice(_COMPANIES[:20])}",
                        rng.choice(self.contact_pitch),
                        rng.choice(("INBOX", "SPAM")),
                        "",
                        "No",
                    )
                ]
            )

        for person in rng.sample(people, min(3, len(people))):  # drafts: no conversation yet
            ts = _EXPORT_TS - rng.randint(1, 60) * _DAY + rng.randrange(_DAY)
            pools = (self.owner_casual, self.contact_casual)
            out.append(self.thread("", person, [ts], True, pools, "", "Yes"))
        return out

    def one_to_one(self, budget: int) -> list[list[bytes]]:
        """About a fifth of contacts have a thread; close ones write a lot, strangers pitch once."""
        rng = self.rng
        talk_rate = {CLOSE: 0.95, ACQUAINTANCE: 0.45, STRANGER: 0.06}
        talkers = [p for p in self.pop.people if rng.random() < talk_rate[p.affinity]]
        strangers = [p for p in talkers if p.affinity == STRANGER]
        friends = [p for p in talkers if p.affinity != STRANGER]
        stranger_counts = [rng.choice((1, 1, 2, 2, 3)) for _ in strangers]
        if sum(stranger_counts) > budget // 3:
            stranger_counts = [1] * len(strangers)
        weights = [
            rng.lognormvariate(0.0, 1.0) * (8.0 if p.affinity == CLOSE else 2.0) for p in friends
        ]
        if friends:
            counts = _allocate(rng, weights, max(0, budget - sum(stranger_counts)))
        else:
            stranger_counts, counts = _allocate(rng, [1.0] * len(strangers), budget), []

        out: list[list[bytes]] = []
        for person, count in zip(strangers + friends, stranger_counts + counts, strict=True):
            if count <= 0:
                continue
            conn_ts = (person.connected - _EPOCH_ORD) * _DAY + rng.randrange(_DAY)
            pools = (self.owner_casual, self.contact_casual)
            if person.affinity == STRANGER:  # a pitch soon after connecting, then silence
                start = conn_ts + rng.randrange(20 * _DAY)
                times = _spread(rng, start, rng.randrange(1, 10) * _DAY, count)
                owner_first, pools = rng.random() < 0.25, (self.owner_brush, self.contact_pitch)
            elif person.affinity == ACQUAINTANCE:  # one burst at some point
                start = conn_ts + int(rng.random() * max(0, _EXPORT_TS - conn_ts))
                times = _spread(rng, start, rng.randint(30, 700) * _DAY, count)
                owner_first = rng.random() < 0.5
            else:  # close: talking on and off ever since
                start = conn_ts + rng.randrange(30 * _DAY)
                span = _EXPORT_TS - rng.randrange(90 * _DAY) - start
                times = _spread(rng, start, span, count)
                owner_first = rng.random() < 0.5
            cid = _conversation_id(rng)
            out.append(self.thread(cid, person, times, owner_first, pools, _folder(rng)))
        return out


# --------------------------------------------------------------------------------------------
# The smaller files.


def _invitations_text(pop: _Population, seed: int) -> str:
    """Only the last 12 months, as LinkedIn keeps; accepted ones became connections."""
    rng = _rng(seed, "invitations")
    used = {p.slug for p in pop.people}
    floor_ts = (_EXPORT_ORD - 365 - _EPOCH_ORD) * _DAY
    rows: list[tuple[int, str]] = []

    def add(ts: int, sender: tuple[str, str], invitee: tuple[str, str], outgoing: bool) -> None:
        note = rng.choice(_INVITE_NOTES) if rng.random() < 0.08 else ""
        direction = "OUTGOING" if outgoing else "INCOMING"
        values = (
            sender[0],
            invitee[0],
            _us_time(ts, padded=False),
            note,
            direction,
            sender[1],
            invitee[1],
        )
        rows.append((ts, _row(values)))

    owner = (_OWNER_NAME, _OWNER_URL)
    for person in pop.people:
        conn_ts = (person.connected - _EPOCH_ORD) * _DAY + rng.randrange(_DAY)
        if conn_ts < floor_ts:
            continue
        ts = min(conn_ts, max(floor_ts + rng.randrange(_DAY), conn_ts - rng.randrange(10 * _DAY)))
        outgoing = rng.random() < (0.25 if person.affinity == STRANGER else 0.6)
        them = (person.name, person.url)
        add(ts, owner if outgoing else them, them if outgoing else owner, outgoing)
    # Still pending: strangers asking to connect, and a few the owner sent unanswered.
    pending = max(3, len(pop.people) // 100)
    for i in range(pending + pending // 2):
        outsider = _fake_outsider(rng, used)
        ts = _EXPORT_TS - rng.randrange(1, 364 * _DAY)
        outgoing = i >= pending
        add(ts, owner if outgoing else outsider, outsider if outgoing else owner, outgoing)
    rows.sort(key=lambda r: -r[0])
    header = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl"
    return header + "\n" + "".join(r[1] + "\n" for r in rows)


def _bare_url(person: _Person) -> str:
    return f"www.linkedin.com/in/{person.slug}"


def _after(rng: random.Random, ordinal: int) -> int:
    """A moment between a connection day and the export."""
    start = (ordinal - _EPOCH_ORD) * _DAY
    return start + int(rng.random() * (_EXPORT_TS - start - 1))


def _endorsements(pop: _Population, seed: int) -> tuple[str, str]:
    rng = _rng(seed, "endorsements")
    received: list[tuple[int, str]] = []
    given: list[tuple[int, str]] = []
    for person in pop.people:
        if person.affinity == STRANGER:
            continue
        close = person.affinity == CLOSE
        if rng.random() < (0.7 if close else 0.15):
            for skill in rng.sample(_SKILLS, rng.randint(1, 5 if close else 2)):
                ts = _after(rng, person.connected)
                values = (
                    _slash_time(ts),
                    skill,
                    person.first,
                    person.last,
                    _bare_url(person),
                    "ACCEPTED",
                )
                received.append((ts, _row(values)))
        if rng.random() < (0.5 if close else 0.08):
            for skill in rng.sample(_OTHER_SKILLS, rng.randint(1, 3 if close else 1)):
                ts = _after(rng, person.connected)
                values = (
                    _slash_time(ts),
                    skill,
                    person.first,
                    person.last,
                    _bare_url(person),
                    "ACCEPTED",
                )
                given.append((ts, _row(values)))
    received.sort(key=lambda r: -r[0])
    given.sort(key=lambda r: -r[0])
    head = (
        "Endorsement Date,Skill Name,{0} First Name,{0} Last Name,{0} Public Url,Endorsement Status"
    )
    return (
        head.format("Endorser") + "\n" + "".join(r[1] + "\n" for r in received),
        head.format("Endorsee") + "\n" + "".join(r[1] + "\n" for r in given),
    )


def _recommendations(pop: _Population, seed: int) -> tuple[str, str]:
    rng = _rng(seed, "recommendations")
    header = "First Name,Last Name,Company,Job Title,Text,Creation Date,Status"
    close = [p for p in pop.people if p.affinity == CLOSE and p.company and p.position]
    cap = max(2, min(12, len(pop.people) // 60))

    def text(name: str) -> str:
        return " ".join(line.format(name=name) for line in rng.sample(_RECOMMENDATION_LINES, 3))

    def rows(people: list[_Person], about_owner: bool) -> str:
        out: list[tuple[int, str]] = []
        for i, person in enumerate(people):
            ts = _after(rng, person.connected)
            status = "HIDDEN" if i == len(people) - 1 and len(people) > 3 else "VISIBLE"
            name = _OWNER_FIRST if about_owner else person.first
            values = (
                person.first,
                person.last,
                person.company,
                person.position,
                text(name),
                _us_time(ts, padded=True),
                status,
            )
            out.append((ts, _row(values)))
        out.sort(key=lambda r: -r[0])
        return header + "\n" + "".join(r[1] + "\n" for r in out)

    received = rng.sample(close, min(cap, len(close)))
    if pop.ambiguous is not None:
        writer = pop.ambiguous[0]
        if writer not in received:
            received = [writer, *received[: cap - 1]]
    given = rng.sample(close, min(max(2, cap // 2), len(close)))
    return rows(received, True), rows(given, False)


def _profile_text() -> str:
    header = (
        "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
        "Geo Location,Twitter Handles,Websites,Instant Messengers"
    )
    values = (
        _OWNER_FIRST,
        _OWNER_LAST,
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
    return header + "\n" + _row(values) + "\n"


def _positions_text() -> str:
    header = "Company Name,Title,Description,Location,Started On,Finished On"
    lines = [header]
    for job in _OWNER_JOBS:
        end = "" if job.end is None else _month_year(*job.end)
        lines.append(
            _row(
                (
                    job.company,
                    job.title,
                    job.description,
                    job.location,
                    _month_year(*job.start),
                    end,
                )
            )
        )
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------
# The export.


def _export_files(connections: int, messages: int | None, seed: int) -> dict[str, bytes]:
    pop = _population(connections, seed)
    total = 6 * max(0, connections) if messages is None else max(0, messages)
    received, given = _endorsements(pop, seed)
    recs_received, recs_given = _recommendations(pop, seed)
    texts = {
        "Connections.csv": _connections_text(pop),
        "Invitations.csv": _invitations_text(pop, seed),
        "Endorsement_Received_Info.csv": received,
        "Endorsement_Given_Info.csv": given,
        "Recommendations_Received.csv": recs_received,
        "Recommendations_Given.csv": recs_given,
        "Positions.csv": _positions_text(),
        "Profile.csv": _profile_text(),
    }
    files = {name: text.encode("utf-8") for name, text in texts.items()}
    # Built as bytes directly: 300,000 rows of str with emoji would be joined as UCS-4 text.
    files["messages.csv"] = _Messages(pop, seed).build(total)
    return files


def write_sample_export(
    dest: Path,
    *,
    connections: int = 300,
    messages: int | None = None,
    seed: int = 7,
    as_zip: bool = True,
) -> Path:
    """Write an invented export into directory `dest` and return the path of the zip (named
    Complete_LinkedInDataExport_11-02-2026.zip) or, with as_zip=False, of the folder
    (Complete_LinkedInDataExport_11-02-2026/) holding the CSV files.

    `messages=None` means about six per connection, enough for the demo to show real evidence;
    the benchmark asks for 300,000. The zip keeps the files at its root, one of the layouts
    LinkedIn produces, and has fixed timestamps so equal arguments give equal bytes.
    """
    files = _export_files(connections, messages, seed)
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    if not as_zip:
        folder = dest / EXPORT_NAME
        folder.mkdir(exist_ok=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        return folder
    target = dest / f"{EXPORT_NAME}.zip"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data)
    return target
