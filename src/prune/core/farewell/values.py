"""What each placeholder stands for: a contact's values as a farewell writes them.

The one-contact renderer calls `placeholder_values`; the polars renderer computes the same values
for whole columns and falls back on the functions here wherever polars cannot match Python.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

# What people type in the Company field when they have no employer to name: "all the best at
# Freelance" or "going well at Open to Work" reads badly, so these count as no company. They are
# compared case-folded.
NOT_A_COMPANY = frozenset(
    {
        "-",
        "--",
        "n/a",
        "na",
        "none",
        "self-employed",
        "self employed",
        "selfemployed",
        "freelance",
        "freelancer",
        "independent",
        "retired",
        "unemployed",
        "between jobs",
        "open to work",
        "looking for opportunities",
        "confidential",
        "stealth",
        "stealth mode",
        "stealth startup",
    }
)


def years_phrase(connected_on: date | str | None, today: date) -> str:
    """How long two people have been connected, in words; empty when the date is unknown."""
    if isinstance(connected_on, str):
        try:
            connected_on = date.fromisoformat(connected_on)
        except ValueError:
            return ""
    if connected_on is None:
        return ""
    years = today.year - connected_on.year
    if (today.month, today.day) < (connected_on.month, connected_on.day):
        years -= 1
    return years_in_words(years)


def years_in_words(years: int) -> str:
    """Whole years connected as `{years}` says them: "less than a year", "1 year", "8 years"."""
    if years < 1:
        return "less than a year"
    return "1 year" if years == 1 else f"{years} years"


def value_text(value: object) -> str:
    """A value as a placeholder writes it: stripped text, empty when missing."""
    return "" if value is None else str(value).strip()


def company_text(value: object) -> str:
    """The company as `{company}` writes it: empty for entries such as "Self-employed"."""
    text = value_text(value)
    return "" if text.casefold() in NOT_A_COMPANY else text


def _value(contact: object, name: str) -> object:
    if isinstance(contact, Mapping):
        return contact.get(name)
    return getattr(contact, name, None)


def placeholder_values(
    contact: object, *, my_name: str | None, today: date, note: str | None = None
) -> dict[str, str]:
    """The value of every placeholder for one contact (empty text where the export has none).

    `contact` is anything with the contact columns as keys or attributes: a row of
    `Store.contacts()`, a `ContactView`, a `FarewellRow`. The note is taken from `note`, else
    from the contact's `note`, else from its `decision.note`.
    """
    found_note: object = note
    if found_note is None:
        found_note = _value(contact, "note")
    if found_note is None:
        found_note = _value(_value(contact, "decision"), "note")
    connected_on = _value(contact, "connected_on")
    return {
        "first_name": value_text(_value(contact, "first_name")),
        "last_name": value_text(_value(contact, "last_name")),
        "company": company_text(_value(contact, "company")),
        "position": value_text(_value(contact, "position")),
        "years": years_phrase(
            connected_on if isinstance(connected_on, date | str) else None, today
        ),
        "my_name": value_text(my_name),
        "note": value_text(found_note),
    }
