"""Bare-bones profiles: contacts whose Connections.csv row looks empty or odd.

Flags need nothing but Connections.csv, so they exist even for a Connections-only export. A
flagged contact may be a fake or abandoned account, which is why the review never pre-answers one
from evidence: the user decides. The flags, joined by "; " on the card:

- `no company or position`: both fields empty;
- `no profile URL`: the row has none while the export gives URLs for others (exports from before
  mid-2023 have no URL column at all, and that says nothing about the person);
- `no name`, `name without letters` (emoji or symbols only), `name in capitals`,
  `digits in name`: names people rarely give themselves.
"""

from __future__ import annotations

import polars as pl

NO_COMPANY = "no company or position"
NO_URL = "no profile URL"
NO_NAME = "no name"
NO_LETTERS = "name without letters"
CAPITALS = "name in capitals"
DIGITS = "digits in name"
SEPARATOR = "; "


def bare_bones_flags(contacts: pl.DataFrame, *, any_url: bool | None = None) -> pl.DataFrame:
    """key and flags (text joined by "; ", null when the profile looks ordinary).

    `any_url` says whether the export gives URLs at all, for flagging a few contacts picked from
    it (by default: whether any of `contacts` has one).

    A name with a lower-case letter and no digit raises no flag of its own (see is_bare_bones):
    for those, nearly every contact, only the company and URL are looked at, and the other
    names, a handful, go through every check.
    """
    if any_url is None:
        any_url = bool(contacts["url"].is_not_null().any())
    name = pl.concat_str(
        [pl.col("first_name").fill_null(""), pl.col("last_name").fill_null("")], separator=" "
    )
    quick = contacts.select(
        "key",
        _joined(_profile_checks(any_url)).alias("flags"),
        name.str.contains(_ORDINARY).fill_null(False).alias("ordinary"),
    )
    ordinary = quick.get_column("ordinary")
    if ordinary.all():
        return quick.drop("ordinary")
    rows = (~ordinary).arg_true()
    odd = _every_flag(contacts[rows], any_url=any_url).get_column("flags")
    return quick.select("key").with_columns(quick.get_column("flags").scatter(rows, odd))


def _empty(column: str) -> pl.Expr:
    return pl.col(column).str.strip_chars().replace("", None).is_null()


def _profile_checks(any_url: bool) -> list[tuple[pl.Expr, str]]:
    """The checks that are not about the name, in the order their flags are written."""
    return [
        (_empty("company") & _empty("position"), NO_COMPANY),
        (_empty("url") & pl.lit(any_url), NO_URL),
    ]


def _joined(checks: list[tuple[pl.Expr, str]]) -> pl.Expr:
    """The labels of the checks a row fails, joined by SEPARATOR; null when it fails none."""
    return pl.concat_str(
        [pl.when(test.fill_null(False)).then(pl.lit(label)) for test, label in checks],
        separator=SEPARATOR,
        ignore_nulls=True,
    ).replace("", None)


def _every_flag(contacts: pl.DataFrame, *, any_url: bool) -> pl.DataFrame:
    """bare_bones_flags, every check on every row."""
    # The name is built once: an eager select would build it again for each check using it.
    contacts = contacts.with_columns(
        pl.concat_str(
            [pl.col("first_name").fill_null(""), pl.col("last_name").fill_null("")], separator=" "
        )
        .str.strip_chars()
        .alias("_name")
    )
    name = pl.col("_name")
    checks = [
        *_profile_checks(any_url),
        (name == "", NO_NAME),
        ((name != "") & ~name.str.contains(r"\p{L}"), NO_LETTERS),
        (_capitals(name), CAPITALS),
        (name.str.contains(r"\p{Nd}"), DIGITS),
    ]
    return contacts.select("key", _joined(checks).alias("flags"))


def _capitals(name: pl.Expr) -> pl.Expr:
    """Three capitals or more and no small letter. Capitals are counted only in names without
    a small letter (the others are null for the count): nearly every name has one."""
    lowerless = pl.when(~name.str.contains(r"\p{Ll}")).then(name)
    return (lowerless.str.count_matches(r"\p{Lu}") >= 3).fill_null(False)


def is_bare_bones(contacts: pl.DataFrame, *, any_url: bool) -> pl.Series:
    """Whether `bare_bones_flags` gives each contact any flag, worked out several times quicker.

    A name with a lower-case letter and no digit has letters and is not in capitals, so it
    raises no flag of its own: one search finds those names, and only the others, a handful,
    go through every check.
    """
    name = pl.concat_str(
        [pl.col("first_name").fill_null(""), pl.col("last_name").fill_null("")], separator=" "
    )
    checks = [_empty("company").alias("bare"), name.str.contains(_ORDINARY).alias("ordinary")]
    quick = contacts.select(checks + ([_empty("url").alias("no_url")] if any_url else []))
    bare, ordinary = quick.get_column("bare"), quick.get_column("ordinary")
    if bare.any():  # the position matters only without a company
        rows = bare.arg_true()
        bare = bare.scatter(rows, contacts[rows].select(_empty("position")).to_series())
    if any_url:
        bare = bare | quick.get_column("no_url")
    if ordinary.all():
        return bare
    rows = (~ordinary).arg_true()
    checked = contacts.select("key", "first_name", "last_name", "company", "position", "url")[rows]
    unusual = _every_flag(checked, any_url=any_url).get_column("flags").is_not_null()
    return bare.scatter(rows, unusual)


# A name with a lower-case letter and no digit raises no flag of its own.
_ORDINARY = r"^[^\p{Nd}]*\p{Ll}[^\p{Nd}]*$"
