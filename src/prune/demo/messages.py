"""messages.csv as LinkedIn writes it since 2026: every field quoted, newlines inside fields.

A few special conversations (group chats, hidden senders, sponsored messages, recruiter
InMails, drafts) come first, then one-to-one threads whose length follows each contact's
affinity. The file is built as bytes: 300,000 rows of str with emoji would be joined as UCS-4.
"""

from __future__ import annotations

import base64
import datetime as dt
import random

from prune.demo.dates import DAY, EPOCH_ORD, EXPORT_TS, midnight
from prune.demo.formatting import quote_always, utc_time
from prune.demo.owner import OWNER_FIRST, OWNER_NAME, OWNER_URL
from prune.demo.people import ACQUAINTANCE, CLOSE, STRANGER, Person, fake_outsider, seeded_random
from prune.demo.population import Population
from prune.demo.sentences import BRUSH_OFFS, GROUP_TITLES, PITCHES, SMALL_TALK, WORK_TALK
from prune.demo.vocabulary import COMPANIES

_HEADER = (
    b'"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO",'
    b'"RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER","ATTACHMENTS","IS MESSAGE DRAFT"'
)

_OWNER = (OWNER_NAME, OWNER_URL)
_HIDDEN = ("LinkedIn Member", "")  # a sender whose profile the owner cannot see

Conversation = list[bytes]
"""The rows of one conversation, newest first."""


def messages_csv(pop: Population, seed: int, total: int) -> bytes:
    """The whole file with exactly `total` messages (the special ones alone if fewer)."""
    return _MessagesWriter(pop, seed).build(total)


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


def _special_row(
    cid: str,
    title: str,
    sender: tuple[str, str],
    recipients: tuple[str, str],
    ts: int,
    subject: str,
    content: str,
    folder: str,
) -> bytes:
    """One fully quoted row; used for the few special rows, the bulk takes a faster path.

    `sender` is a (name, URL) pair; `recipients` pairs the joined names with the joined URLs.
    """
    fields = (cid, title, *sender, *recipients, utc_time(ts), subject, content, folder)
    return ",".join(quote_always(value) for value in (*fields, "", "No")).encode()


class _Stamps:
    """Quoted DATE fields as bytes, fast: the day is cached, the clock comes from tables."""

    def __init__(self) -> None:
        self._days: dict[int, bytes] = {}
        self._hours = [f" {hour:02d}:".encode() for hour in range(24)]
        self._rest = [f'{m:02d}:{s:02d} UTC"'.encode() for m in range(60) for s in range(60)]

    def __call__(self, ts: int) -> bytes:
        days, rest = divmod(ts, DAY)
        day = self._days.get(days)
        if day is None:
            day = self._days[days] = (
                b'"' + dt.date.fromordinal(EPOCH_ORD + days).isoformat().encode()
            )
        hour, rest = divmod(rest, 3600)
        return day + self._hours[hour] + self._rest[rest]


def _conversation_id(rng: random.Random) -> str:
    """An id shaped like LinkedIn's: `2-` and a base64-encoded UUID with a suffix."""
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


def _spread(rng: random.Random, start: int, span: int, count: int) -> list[int]:
    """`count` sorted moments from `start` over `span` seconds, never after the export."""
    start = min(start, EXPORT_TS - 3600)
    span = max(60, min(span, EXPORT_TS - 1 - start))
    rnd = rng.random
    return sorted(start + int(rnd() * span) for _ in range(count))


class _MessagesWriter:
    """Draws every conversation from one random source, in a fixed order."""

    def __init__(self, pop: Population, seed: int) -> None:
        self.pop = pop
        self.rng = rng = seeded_random(seed, "messages")
        self.stamp = _Stamps()
        self.used = {p.slug for p in pop.people}
        self.owner_casual = _pool(rng, SMALL_TALK + WORK_TALK, 400, "Cheers,\nRobin")
        self.owner_brush = _pool(rng, BRUSH_OFFS, 40)
        self.contact_casual = _pool(rng, SMALL_TALK + WORK_TALK, 400, "Best")
        self.contact_pitch = _pool(rng, PITCHES, 80, "Best regards")
        pools = (self.owner_casual, self.owner_brush, self.contact_casual, self.contact_pitch)
        self.quoted = {id(pool): [quote_always(text).encode() for text in pool] for pool in pools}

    def build(self, total: int) -> bytes:
        specials = self.specials()
        flat = [row for rows in specials for row in rows]
        if len(flat) >= total:
            return b"\n".join([_HEADER, *flat[: max(0, total)]])
        conversations = self.one_to_one(total - len(flat))
        conversations.extend(specials)
        self.rng.shuffle(conversations)  # rows are not sorted by date in the real file either
        return b"\n".join([_HEADER, *(row for rows in conversations for row in rows)])

    def thread(
        self,
        cid: str,
        person: Person,
        times: list[int],
        owner_first: bool,
        pools: tuple[list[str], list[str]],
        folder: str,
        draft: str = "No",
    ) -> Conversation:
        """A one-to-one conversation, newest message first, speakers taking irregular turns."""
        rng, stamp = self.rng, self.stamp
        owner, contact = (
            quote_always(OWNER_NAME) + "," + quote_always(OWNER_URL),
            quote_always(person.name) + "," + quote_always(person.url),
        )
        head = quote_always(cid) + ',"",'
        mine = (head + owner + "," + contact + ",").encode()
        theirs = (head + contact + "," + owner + ",").encode()
        tail = b',"",'  # the empty SUBJECT between DATE and CONTENT
        end = f',{quote_always(folder)},"",{quote_always(draft)}'.encode()
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

    def specials(self) -> list[Conversation]:
        """Group chats, hidden senders, sponsored and recruiter messages, unsent drafts."""
        out = self.group_chats()
        out.extend(self.hidden_senders())
        out.extend(self.sponsored())
        out.extend(self.recruiter_mails())
        out.extend(self.drafts())
        return out

    def group_chats(self) -> list[Conversation]:
        """Chats of the owner with two to four warm contacts, one of them with a comma name."""
        rng, people = self.rng, self.pop.people
        out: list[Conversation] = []
        warm = [p for p in people if p.affinity != STRANGER]
        for g in range(max(3, len(people) // 1000) if len(warm) >= 4 else 0):
            members = rng.sample(warm, rng.randint(2, 4))
            if g == 0:  # a name with a comma: TO cannot be split on ", "
                comma = next((p for p in people if ", " in p.last), None)
                if comma is not None and comma not in members:
                    members[0] = comma
            title = GROUP_TITLES[g % len(GROUP_TITLES)]
            cid, folder = _conversation_id(rng), _folder(rng)
            everyone = [_OWNER] + [(p.name, p.url) for p in members]
            start = midnight(max(p.connected for p in members))
            rows = []
            for ts in _spread(rng, start + rng.randrange(DAY), 400 * DAY, rng.randint(4, 20)):
                who = rng.randrange(len(everyone))
                others = [pair for i, pair in enumerate(everyone) if i != who]
                to = (", ".join(name for name, _ in others), ",".join(url for _, url in others))
                pool = self.owner_casual if who == 0 else self.contact_casual
                content = rng.choice(pool)
                rows.append(_special_row(cid, title, everyone[who], to, ts, "", content, folder))
            rows.reverse()
            out.append(rows)
        return out

    def hidden_senders(self) -> list[Conversation]:
        """Pitches from "LinkedIn Member" (a profile the owner cannot see), one answered."""
        rng, people = self.rng, self.pop.people
        out: list[Conversation] = []
        for h in range(max(2, len(people) // 3000)):
            cid = _conversation_id(rng)
            times = _spread(rng, EXPORT_TS - rng.randint(30, 2000) * DAY, 5 * DAY, 1 + (h == 0))
            pitch = rng.choice(self.contact_pitch)
            rows = [_special_row(cid, "", _HIDDEN, _OWNER, times[0], "", pitch, "INBOX")]
            if len(times) > 1:  # the owner answered someone they cannot see
                answer = rng.choice(self.owner_brush)
                rows.insert(
                    0, _special_row(cid, "", _OWNER, _HIDDEN, times[1], "", answer, "INBOX")
                )
            out.append(rows)
        return out

    def sponsored(self) -> list[Conversation]:
        """Sponsored messages from advertisers, with HTML bodies."""
        rng = self.rng
        out: list[Conversation] = []
        for _ in range(2 + len(self.pop.people) // 10000):
            sender = fake_outsider(rng, self.used)
            html = (
                f"<p>Hi {OWNER_FIRST},</p><p>Teams like yours are moving their reporting to "
                f"<strong>{rng.choice(COMPANIES[:20])}</strong>. Want to see how?</p>"
                '<p><a href="https://example.com/demo?src=li">Book a demo</a></p>'
            )
            ts = EXPORT_TS - rng.randint(1, 900) * DAY + rng.randrange(DAY)
            title, subject = "Sponsored Conversation", f"A quick idea for {OWNER_FIRST}"
            cid = _conversation_id(rng)
            out.append([_special_row(cid, title, sender, _OWNER, ts, subject, html, "INBOX")])
        return out

    def recruiter_mails(self) -> list[Conversation]:
        """InMails from recruiters who are not connections, some filed as spam."""
        rng = self.rng
        out: list[Conversation] = []
        for _ in range(max(2, len(self.pop.people) // 1000)):
            sender = fake_outsider(rng, self.used)
            ts = EXPORT_TS - rng.randint(1, 1500) * DAY + rng.randrange(DAY)
            cid = _conversation_id(rng)
            subject = f"Opportunity at {rng.choice(COMPANIES[:20])}"
            pitch = rng.choice(self.contact_pitch)
            folder = rng.choice(("INBOX", "SPAM"))
            out.append([_special_row(cid, "", sender, _OWNER, ts, subject, pitch, folder)])
        return out

    def drafts(self) -> list[Conversation]:
        """Unsent drafts to a few contacts: no conversation id yet."""
        rng, people = self.rng, self.pop.people
        out: list[Conversation] = []
        for person in rng.sample(people, min(3, len(people))):
            ts = EXPORT_TS - rng.randint(1, 60) * DAY + rng.randrange(DAY)
            pools = (self.owner_casual, self.contact_casual)
            out.append(self.thread("", person, [ts], True, pools, "", "Yes"))
        return out

    def one_to_one(self, budget: int) -> list[Conversation]:
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

        out: list[Conversation] = []
        for person, count in zip(strangers + friends, stranger_counts + counts, strict=True):
            if count > 0:
                out.append(self.one_thread(person, count))
        return out

    def one_thread(self, person: Person, count: int) -> Conversation:
        """`count` messages with one contact, timed by how close they are."""
        rng = self.rng
        conn_ts = midnight(person.connected) + rng.randrange(DAY)
        pools = (self.owner_casual, self.contact_casual)
        if person.affinity == STRANGER:  # a pitch soon after connecting, then silence
            start = conn_ts + rng.randrange(20 * DAY)
            times = _spread(rng, start, rng.randrange(1, 10) * DAY, count)
            owner_first, pools = rng.random() < 0.25, (self.owner_brush, self.contact_pitch)
        elif person.affinity == ACQUAINTANCE:  # one burst at some point
            start = conn_ts + int(rng.random() * max(0, EXPORT_TS - conn_ts))
            times = _spread(rng, start, rng.randint(30, 700) * DAY, count)
            owner_first = rng.random() < 0.5
        else:  # close: talking on and off ever since
            start = conn_ts + rng.randrange(30 * DAY)
            span = EXPORT_TS - rng.randrange(90 * DAY) - start
            times = _spread(rng, start, span, count)
            owner_first = rng.random() < 0.5
        cid = _conversation_id(rng)
        return self.thread(cid, person, times, owner_first, pools, _folder(rng))
