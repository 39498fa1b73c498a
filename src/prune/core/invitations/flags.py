"""What deserves a second look in an incoming invitation: no note, a pitch, a bare-bones name.

The pitch test is a short list of words and phrases salespeople and growth hackers lean on; it
is a hint on the card, never a verdict, so it errs on the side of saying little.
"""

from __future__ import annotations

import polars as pl

NO_NOTE = "no note"
PITCH = "reads like a pitch"
BARE_NAME = "bare-bones name"
SEPARATOR = "; "

PITCH_PHRASES: tuple[str, ...] = (
    "quick call",
    "quick chat",
    "hop on a call",
    "jump on a call",
    "book a call",
    "book a meeting",
    "schedule a call",
    "15 minutes",
    "calendly",
    "10x",
    "2x",
    "grow your business",
    "growth",
    "scale your",
    "scaling",
    "revenue",
    "leads",
    "lead generation",
    "pipeline",
    "roi",
    "b2b",
    "saas",
    "sales",
    "outsourcing",
    "agency",
    "our services",
    "offer",
    "discount",
    "free trial",
    "demo",
    "partnership",
    "opportunity",
    "investment",
    "crypto",
    "boost",
    "funnel",
    "conversion",
    "marketing",
)
_PITCH_PATTERN = r"(?i)\b(?:" + "|".join(p.replace(" ", r"\s+") for p in PITCH_PHRASES) + r")\b"


def invitation_flags(frame: pl.DataFrame) -> pl.Series:
    """One text per row of a pending frame (name, direction, message): the flags joined by
    "; ", null when nothing stands out. Only incoming invitations are flagged: an outgoing
    note is the user's own."""
    message = pl.col("message").fill_null("").str.strip_chars()
    name = pl.col("name").fill_null("").str.strip_chars()
    words = name.str.split(" ").list.eval(pl.element().filter(pl.element() != ""))
    bare = (words.list.len() < 2) | name.str.contains(r"^\p{L}\.?(\s|$)|\s\p{L}\.?$")
    checks = [
        (message == "", NO_NOTE),
        (message.str.contains(_PITCH_PATTERN), PITCH),
        (bare, BARE_NAME),
    ]
    incoming = pl.col("direction") == "incoming"
    flags = pl.concat_str(
        [pl.when(incoming & test.fill_null(False)).then(pl.lit(label)) for test, label in checks],
        separator=SEPARATOR,
        ignore_nulls=True,
    )
    return frame.select(flags.replace("", None).alias("flags")).to_series()
