"""The query language shared by the workbench and `prune decide --where`: GitHub-search style.

Space-separated terms must all match; `-term` negates one; double quotes group words
(`company:"Acme, Inc."`, `"jane doe"`; `\"` inside quotes is a quote itself). A bare word looks
in the name, company and position, without case or accents; `field:value` looks at one fact
(FIELDS), and `name:=`, `company:=`, `position:=` at the whole field, so that the overview can
open "Acme" without "Acme Labs"; `status:past` asks for past connections, which the caller adds
to the frame (see PAST). A term that cannot be read raises QueryError with one line that names
it and lists the fields.

    frame = query_frame(contacts, evidence.frame)      # once per snapshot: folded text, evidence
    keys = matching_keys(frame, decisions, "company:acme -verdict:keep connected:<2015")

The query becomes one polars expression over that frame, never a loop over rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Final

import polars as pl

from prune.core.evidence.flags import CAPITALS, DIGITS, NO_COMPANY, NO_LETTERS, NO_NAME, NO_URL
from prune.core.text.folding import fold, folded

FIELDS: Final = (
    "name",
    "company",
    "position",
    "verdict",
    "status",
    "connected",
    "messages",
    "last",
    "flag",
    "evidence",
    "colleague",
    "invited",
)
VERDICT_VALUES: Final = ("keep", "disconnect", "later", "undecided")
STATUS_VALUES: Final = ("current", "past")
PAST: Final = "past"
"""The query frame's column saying a contact is a past connection (see core.state.past): given
as a boolean column of `contacts`, else false for everyone."""
FLAG_VALUES: Final = {
    "any": None,  # any flag at all
    "bare": (NO_COMPANY,),
    "url": (NO_URL,),
    "name": (NO_NAME, NO_LETTERS, CAPITALS, DIGITS),
}
_TEXT_FIELDS = {"name": "name_folded", "company": "company_folded", "position": "position_folded"}
_COMPARISON = re.compile(r"(<=|>=|<|>|=)?(.*)", re.DOTALL)
_PERIOD = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
_DATE_HINT = "a date such as 2019, 2019-06 or 2019-06-30, after <, <=, > or >= if wanted"


class QueryError(ValueError):
    """A term the query language cannot read; the message is one line for the user."""


@dataclass(frozen=True)
class Term:
    """One term: `field` None for a bare word; `negated` for a leading `-`."""

    field: str | None
    value: str
    negated: bool = False
    text: str = ""  # the term as typed, for messages
    exact: bool = False  # `company:=...`: the whole field, not a part of it


def parse_terms(query: str) -> list[Term]:
    """Split a query into terms; an unclosed quote runs to the end (the user is still typing)."""
    return [_term(raw, quoted_from) for raw, quoted_from in _tokens(query)]


def folded_text(contacts: pl.DataFrame) -> pl.DataFrame:
    """key, connected_on and the folded name, company and position: the costly part of a
    query frame (~70 ms at 30,000), kept apart so evidence arriving later does not redo it."""
    name = pl.concat_str(
        [pl.col("first_name").fill_null(""), pl.col("last_name").fill_null("")], separator=" "
    )
    past = pl.col(PAST) if PAST in contacts.columns else pl.lit(False).alias(PAST)
    return contacts.select(
        "key",
        folded(name).alias("name_folded"),
        folded(pl.col("company")).alias("company_folded"),
        folded(pl.col("position")).alias("position_folded"),
        "connected_on",
        past,
    )


def query_frame(
    contacts: pl.DataFrame,
    evidence: pl.DataFrame | None = None,
    *,
    text: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """One row per contact with every column a query reads, text already folded.

    `contacts` is the store's frame; `evidence` the Evidence.frame (None: profile flags only);
    `text` what `folded_text(contacts)` gave, when the caller keeps it. Built once per
    snapshot; decisions are joined at each evaluation (`with_verdicts`).
    """
    # Here, not at the top: the settings check queries with this module before the first card,
    # and the evidence reader is not needed for that.
    from prune.core.evidence.collect import EVIDENCE_SCHEMA, flags_only

    if evidence is None:
        evidence = flags_only(contacts).frame
    counts = [
        name
        for name, dtype in EVIDENCE_SCHEMA.items()
        if dtype == pl.UInt32() and "shared" not in name
    ]
    anything = pl.any_horizontal(
        [pl.col(c).fill_null(0) > 0 for c in counts] + [pl.col("invited_by").is_not_null()]
    )
    base = folded_text(contacts) if text is None else text
    joined = base.join(evidence.drop("connected_on"), on="key", how="left", maintain_order="left")
    return joined.select(
        *base.columns,
        (pl.col("messages_sent").fill_null(0) + pl.col("messages_received").fill_null(0))
        .cast(pl.Int64)
        .alias("messages"),
        "last_message_on",
        "flags",
        anything.fill_null(False).alias("has_evidence"),
        "colleague",
        "invited_by",
    )


def with_verdicts(frame: pl.DataFrame, decisions: pl.DataFrame) -> pl.DataFrame:
    """The query frame with each contact's current `verdict` (null when undecided).

    `decisions` has at least the columns key and verdict (Store.decisions()).
    """
    verdicts = decisions.select(pl.col("key").cast(pl.String), pl.col("verdict").cast(pl.String))
    return frame.join(verdicts, on="key", how="left", maintain_order="left")


def query_expression(query: str) -> pl.Expr:
    """The polars filter for a query over `with_verdicts(query_frame(...))`; raises QueryError."""
    expression = pl.lit(True)
    for term in parse_terms(query):
        matched = _expression(term).fill_null(False)
        expression = expression & (~matched if term.negated else matched)
    return expression


def mentions_status(query: str) -> bool:
    """Whether the query says which connections it wants, current or past; raises QueryError.

    Without a `status:` term the workbench shows the current connections only."""
    return any(term.field == "status" for term in parse_terms(query))


def asks_for_past(query: str) -> bool:
    """Whether the query picks past connections (`status:past`, `-status:current`)."""
    return any(
        term.field == "status" and (term.value.strip().lower() == PAST) != term.negated
        for term in parse_terms(query)
    )


def matching_keys(frame: pl.DataFrame, decisions: pl.DataFrame, query: str) -> list[str]:
    """Keys of the contacts the query matches, in the frame's order; raises QueryError."""
    expression = query_expression(query)
    return with_verdicts(frame, decisions).filter(expression)["key"].to_list()


# -- reading the text -------------------------------------------------------------------------


def _tokens(query: str) -> list[tuple[str, int | None]]:
    """Each token without its quotes, and where its first quoted part began (None: unquoted)."""
    tokens: list[tuple[str, int | None]] = []
    current: list[str] = []
    quoted_from: int | None = None
    in_quotes = started = escaped = False
    for char in query:
        if escaped:
            current.append(char)
            escaped = False
        elif in_quotes and char == "\\":
            escaped = True  # inside quotes, \" is a quote and \\ a backslash
        elif char == '"':
            if quoted_from is None:
                quoted_from = len(current)
            in_quotes = not in_quotes
            started = True
        elif char.isspace() and not in_quotes:
            if started:
                tokens.append(("".join(current), quoted_from))
            current, quoted_from, started = [], None, False
        else:
            current.append(char)
            started = True
    if started:
        tokens.append(("".join(current), quoted_from))
    return tokens


def _term(raw: str, quoted_from: int | None) -> Term:
    text = raw
    negated = raw.startswith("-") and len(raw) > 1 and quoted_from != 0
    if negated:
        raw = raw[1:]
        quoted_from = None if quoted_from is None else quoted_from - 1
    head = raw if quoted_from is None else raw[:quoted_from]
    if ":" not in head:
        return Term(None, raw, negated, text)
    field, value = raw.split(":", 1)
    field = field.lower()
    if field not in FIELDS:
        raise QueryError(f'unknown field "{field}" in "{text}"; {_fields()}')
    # `company:="="`: an `=` before any quote asks for the whole field; a quoted one is text.
    exact = field in _TEXT_FIELDS and value.startswith("=") and quoted_from != len(field) + 1
    if exact:
        value = value[1:]
    if not value.strip():
        raise QueryError(f'"{text}" needs a value after "{field}:"; {_fields()}')
    return Term(field, value, negated, text, exact)


def _fields() -> str:
    return "the fields are " + ", ".join(FIELDS)


def _refuse(term: Term, wanted: str) -> QueryError:
    return QueryError(f'cannot read "{term.text}": {term.field} takes {wanted}; {_fields()}')


# -- one term to one expression ---------------------------------------------------------------


def _expression(term: Term) -> pl.Expr:
    if term.field is None:
        word = fold(term.value)
        return pl.any_horizontal(
            [pl.col(column).str.contains(word, literal=True) for column in _TEXT_FIELDS.values()]
        )
    if term.field in _TEXT_FIELDS:
        column = pl.col(_TEXT_FIELDS[term.field])
        if term.exact:
            return column == fold(term.value)
        return column.str.contains(fold(term.value), literal=True)
    value = term.value.strip().lower()
    if term.field == "verdict":
        return _choice(term, value, VERDICT_VALUES, _verdict)
    if term.field == "status":
        return _choice(term, value, STATUS_VALUES, _status)
    if term.field == "connected":
        return _period(term, "connected_on")
    if term.field == "last":
        return _period(term, "last_message_on")
    if term.field == "messages":
        return _count(term)
    if term.field == "flag":
        return _choice(term, value, tuple(FLAG_VALUES), _flag)
    if term.field == "evidence":
        return _choice(term, value, ("none", "any"), _evidence)
    if term.field == "colleague":
        return _choice(term, value, ("yes", "no"), _colleague)
    return _choice(term, value, ("me", "them"), _invited)


def _choice(
    term: Term, value: str, allowed: tuple[str, ...], build: Callable[[str], pl.Expr]
) -> pl.Expr:
    if value not in allowed:
        raise _refuse(term, ", ".join(allowed[:-1]) + " or " + allowed[-1])
    return build(value)


def _verdict(value: str) -> pl.Expr:
    return pl.col("verdict").is_null() if value == "undecided" else pl.col("verdict") == value


def _status(value: str) -> pl.Expr:
    return pl.col(PAST) if value == PAST else ~pl.col(PAST)


def _flag(value: str) -> pl.Expr:
    labels = FLAG_VALUES[value]
    if labels is None:
        return pl.col("flags").is_not_null()
    return pl.any_horizontal(
        [pl.col("flags").str.contains(label, literal=True) for label in labels]
    )


def _evidence(value: str) -> pl.Expr:
    return ~pl.col("has_evidence") if value == "none" else pl.col("has_evidence")


def _colleague(value: str) -> pl.Expr:
    known = pl.col("colleague").is_not_null()
    return known if value == "yes" else ~known


def _invited(value: str) -> pl.Expr:
    return pl.col("invited_by") == ("you" if value == "me" else "them")


def _split_comparison(value: str) -> tuple[str, str]:
    found = _COMPARISON.fullmatch(value.strip())
    assert found is not None  # the pattern matches any text
    return found.group(1) or "=", found.group(2).strip()


def _count(term: Term) -> pl.Expr:
    operator, number = _split_comparison(term.value)
    if not number.isdigit():
        raise _refuse(term, "a number such as 0 or >10")
    return _compare(pl.col("messages"), operator, int(number), int(number) + 1)


def _period(term: Term, column: str) -> pl.Expr:
    """A year, month or day: `=` is inside it, `<` before it, `>` after it."""
    operator, text = _split_comparison(term.value)
    found = _PERIOD.fullmatch(text)
    if found is None:
        raise _refuse(term, _DATE_HINT)
    year = int(found.group(1))
    month, day = (int(part) if part else None for part in found.groups()[1:])
    try:
        start = date(year, month or 1, day or 1)
        if day is not None:
            end = date.fromordinal(start.toordinal() + 1)
        elif month is not None:
            end = date(year + (month == 12), month % 12 + 1, 1)
        else:
            end = date(year + 1, 1, 1)
    except ValueError:
        raise _refuse(term, _DATE_HINT) from None
    return _compare(pl.col(column), operator, start, end)


def _compare(column: pl.Expr, operator: str, start: object, end: object) -> pl.Expr:
    """Compare against the span [start, end): a number n is the span [n, n + 1)."""
    if operator == "<":
        return column < start
    if operator == "<=":
        return column < end
    if operator == ">":
        return column >= end
    if operator == ">=":
        return column >= start
    return (column >= start) & (column < end)
