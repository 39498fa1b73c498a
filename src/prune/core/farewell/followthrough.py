"""The follow-through after review: every contact marked disconnect, their farewell and its status.

Each farewell moves drafted → copied → sent → removed; a contact who gets no message (a flagged
profile by default, or by the user's choice) is "no message needed" until removed. The status
and any edit are stored by contact key, like decisions, so they survive restarts and
re-imports. The Farewells screen and `prune farewells` both read the list built here, so they
always agree.

A newer export closes the loop by itself: someone marked disconnect who is in an earlier
snapshot but not this one is removed, whatever status was set by hand; someone marked before this
export was imported (or set to removed) who is still in it is flagged "still connected".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date

import polars as pl

from prune.core.evidence.flags import bare_bones_flags
from prune.core.farewell.batch import effective_tones, messages_in_tones, refusals
from prune.core.farewell.length import check_length
from prune.core.farewell.message import message_for
from prune.core.farewell.settings import FarewellSettings
from prune.core.farewell.tones import (
    BUILTIN_TONES,
    DEFAULT_TONE,
    NO_MESSAGE,
    farewell_choices,
    next_tone,
)
from prune.core.lists.selection import MessageRenderer
from prune.core.model import (
    CONTACT_COLUMNS,
    FAREWELL_MARKS,
    NO_MESSAGE_NEEDED,
    FarewellMark,
    FarewellStatus,
)
from prune.core.state.past import past_connections
from prune.core.state.store import Farewell, Store

DIVIDER = "-" * 72
STILL_CONNECTED = "still connected: finish the job"


@dataclass(frozen=True)
class FarewellRow:
    """One contact to say goodbye to, with the message as it would be copied now."""

    key: str
    first_name: str
    last_name: str
    url: str | None
    company: str | None
    position: str | None
    connected_on: date | None
    note: str | None
    tone: str  # the tone the message is in, or NO_MESSAGE (meaningless when `edited`)
    status: str  # drafted | copied | sent | removed | no message needed
    edited: bool  # the message is the user's own edit, not a template
    message: str
    refusal: str | None  # why the message cannot be copied as it is (too long, empty), or None
    gone: bool = False  # in an earlier export only: removed, whatever the stored status says
    # Marked before this export was imported (or set to removed), yet still in it.
    still_connected: bool = False
    flagged: bool = False  # a bare-bones profile: without a chosen tone it gets no message

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part) or "(no name)"

    @property
    def no_message(self) -> bool:
        """Nothing to send: the connection is only to be removed."""
        return not self.edited and self.tone == NO_MESSAGE


_ROW_FIELDS = tuple(field.name for field in fields(FarewellRow))


@dataclass(frozen=True)
class FarewellProgress:
    """How far the follow-through has got."""

    total: int
    drafted: int = 0
    copied: int = 0
    sent: int = 0
    removed: int = 0
    no_message: int = 0  # "no message needed", still to be removed

    @property
    def to_send(self) -> int:
        """Messages still to send: drafted or copied."""
        return self.drafted + self.copied

    @property
    def summary(self) -> str:
        """The headline figure: "31 of 98 removed"."""
        return f"{self.removed} of {self.total} removed"


def farewell_rows(
    store: Store, snapshot_id: int, settings: FarewellSettings, *, tone: str | None = None
) -> list[FarewellRow]:
    """Contacts marked disconnect, by name, with their messages: those of the snapshot, and those
    of earlier snapshots who are gone from it (status removed).

    `tone` renders every message without an edit in that tone (for `prune farewells --tone`)
    instead of the tone chosen per contact; those who get no message still get none.
    """
    decisions = store.decisions().filter(pl.col("verdict") == "disconnect")
    farewells = store.farewells().select("key", "tone", "text", "status")
    snapshot = store.snapshot(snapshot_id)
    imported_at = snapshot.imported_at if snapshot else ""
    current = store.contacts(snapshot_id)
    marked = decisions.select("key", "note", "decided_at")
    people = pl.concat(
        [
            _flagged(current.join(marked, on="key", how="semi"), current).with_columns(
                gone=pl.lit(False)
            ),
            _flagged(past := past_connections(store, snapshot_id), past).with_columns(
                gone=pl.lit(True)
            ),
        ]
    )
    frame = (
        people.join(marked, on="key", how="inner")
        .join(farewells, on="key", how="left")
        .sort(
            pl.col("first_name").fill_null("").str.to_lowercase(),
            pl.col("last_name").fill_null("").str.to_lowercase(),
            "key",
        )
    )
    chosen = effective_tones(frame["tone"], settings, tone=tone, flagged=frame["flagged"])
    messages = messages_in_tones(frame, settings, chosen)
    frame = frame.with_columns(
        chosen, (pl.col("text").is_null() & (chosen == NO_MESSAGE)).alias("no_message")
    )
    columns = frame.with_columns(
        pl.col("first_name", "last_name").fill_null(""),
        pl.when(pl.col("gone"))
        .then(pl.lit("removed"))
        .when(pl.col("no_message") & ~pl.col("status").is_in(["sent", "removed"]).fill_null(False))
        .then(pl.lit(NO_MESSAGE_NEEDED))
        .otherwise(pl.col("status").fill_null("drafted"))
        .alias("status"),
        (
            ~pl.col("gone")
            & ((pl.col("status") == "removed") | (pl.col("decided_at") < imported_at)).fill_null(
                False
            )
        ).alias("still_connected"),
        pl.col("text").is_not_null().alias("edited"),
        messages.alias("message"),
        pl.when(~pl.col("no_message")).then(refusals(messages)).alias("refusal"),
    ).select(_ROW_FIELDS)
    # Positional arguments from plain tuples build 30,000 rows far quicker than named rows.
    return [FarewellRow(*values) for values in columns.iter_rows()]


def _flagged(people: pl.DataFrame, export: pl.DataFrame) -> pl.DataFrame:
    """The contact columns of `people` and `flagged`: bare-bones flags as on the review card,
    with URLs judged over the whole `export` they come from."""
    any_url = bool(export["url"].is_not_null().any())
    flags = bare_bones_flags(people, any_url=any_url).get_column("flags")
    return people.select(CONTACT_COLUMNS).with_columns(flagged=flags.is_not_null())


def shown_status(saved: FarewellMark, *, gone: bool, no_message: bool) -> FarewellStatus:
    """The status a farewell is shown with: removed once gone from the export; "no message
    needed" for a contact without a message, until marked sent or removed."""
    if gone:
        return "removed"
    if no_message and saved not in ("sent", "removed"):
        return NO_MESSAGE_NEEDED
    return saved


def reload_row(store: Store, row: FarewellRow, settings: FarewellSettings) -> FarewellRow:
    """The same contact after a change to their farewell (tone, edit or status).

    Re-reading one contact keeps a screen with thousands of farewells quick after every key;
    the result is what `farewell_rows` would now give for this contact.
    """
    saved = store.farewell(row.key)
    message = message_for(saved, row, settings, flagged=row.flagged)
    tone = settings.choice_of(saved.tone, flagged=row.flagged)
    no_message = saved.text is None and tone == NO_MESSAGE
    return replace(
        row,
        tone=tone,
        status=shown_status(saved.status, gone=row.gone, no_message=no_message),
        edited=saved.text is not None,
        message=message,
        refusal=None if no_message else check_length(message),
    )


def template_message(row: FarewellRow, settings: FarewellSettings) -> str:
    """The message the row's tone gives, ignoring any edit: what an editor compares against."""
    unedited = Farewell(key=row.key, tone=row.tone)
    return message_for(unedited, row, settings)


def message_renderer(settings: FarewellSettings) -> MessageRenderer:
    """The farewell text for exported lists, rendered exactly as the Farewells screen shows it.

    `prune export` and the export dialog both pass this to `prepare_export`, so a CSV or JSON
    row holds the message the user would copy: their chosen tone, their name, their note; null
    for a contact who gets no message (nothing to copy).
    """

    def render_messages(rows: pl.DataFrame) -> pl.Series:
        flagged = rows["flagged"] if "flagged" in rows.columns else None
        chosen = effective_tones(rows["tone"], settings, flagged=flagged)
        messages = messages_in_tones(rows, settings, chosen, edits=None, unsent=None)
        return messages.rename("farewell_message")

    return render_messages


def farewell_progress(rows: Sequence[FarewellRow]) -> FarewellProgress:
    """Counts per status, for "31 of 98 removed"."""
    counts = Counter(row.status for row in rows)
    return FarewellProgress(
        total=len(rows),
        drafted=counts["drafted"],
        copied=counts["copied"],
        sent=counts["sent"],
        removed=counts["removed"],
        no_message=counts[NO_MESSAGE_NEEDED],
    )


def rows_with_status(rows: Sequence[FarewellRow], status: str | None) -> list[FarewellRow]:
    """The rows a status filter shows; None shows them all."""
    return list(rows) if status is None else [row for row in rows if row.status == status]


# -- actions the screens call -------------------------------------------------------------------


def cycle_tone(
    store: Store,
    key: str,
    tones: Sequence[str] = tuple(BUILTIN_TONES),
    *,
    default_tone: str = DEFAULT_TONE,
    flagged: bool = False,
) -> Farewell:
    """Store the next choice for a contact: the next tone, or after the last one no message.
    A saved edit is kept and still wins over the choice.

    A flagged profile with nothing chosen starts at no message, so `t` gives it the first tone.
    A copied message whose text the new tone changes is no longer the one copied: it goes
    back to drafted (an edit keeps its text, so its status stays).
    """
    saved = store.farewell(key)
    choices = farewell_choices(tones)
    unchosen = NO_MESSAGE if flagged else default_tone
    current = saved.tone if saved.tone in choices else unchosen
    changed = store.save_farewell(key, tone=next_tone(current, choices))
    if saved.status == "copied" and saved.text is None:
        return store.save_farewell(key, status="drafted")
    return changed


def save_edit(store: Store, key: str, text: str, *, template_message: str) -> Farewell:
    """Keep the user's own wording for a contact; unchanged or blank text returns to the template.

    Treating an unchanged text as no edit keeps `t` useful after the user merely looked at the
    editor. Text over LinkedIn's limit is still saved (typing is never thrown away); copying it is
    what gets refused.
    """
    cleaned = text.strip()
    new_text = None if not cleaned or cleaned == template_message.strip() else cleaned
    before = store.farewell(key)
    saved = store.save_farewell(key, text=new_text)
    if before.status == "copied" and (before.text or template_message.strip()) != (
        new_text or template_message.strip()
    ):
        return store.save_farewell(key, status="drafted")  # not the text that was copied
    return saved


def mark_copied(store: Store, key: str) -> Farewell:
    """Record a copy; a farewell already sent or removed keeps its later status."""
    saved = store.farewell(key)
    if saved.status != "drafted":
        return saved
    return store.save_farewell(key, status="copied")


def set_status(store: Store, key: str, status: str) -> Farewell:
    """Mark a farewell sent or removed (or put it back), as the user says.

    "no message needed" follows from the choice of no message, so putting a farewell back to
    it stores drafted, which that choice shows as "no message needed" again.
    """
    if status == NO_MESSAGE_NEEDED:
        status = "drafted"
    if status not in FAREWELL_MARKS:
        raise ValueError(f"unknown farewell status {status!r}")
    return store.save_farewell(key, status=status)


# -- the plain-text document --------------------------------------------------------------------


def farewell_document(rows: Sequence[FarewellRow], *, tone: str | None = None) -> str:
    """All messages as plain text: a short header, then one block per person (name, URL, text).

    Blocks are separated by a line of dashes so a person working from the document can tell
    where one message ends and the next begins. Someone who gets no message has a block
    without text, which says so: there is nothing of theirs to copy.
    """
    progress = farewell_progress(rows)
    unsent = sum(row.no_message for row in rows)
    header = [
        f"Farewell messages for {progress.total} "
        f"connection{'s' if progress.total != 1 else ''} marked disconnect"
        + (f" ({tone} tone, except messages you edited)" if tone else "")
        + (f", {unsent} of them without a message" if unsent else "")
        + f"; {progress.summary}.",
        "Send each message before removing the connection: once removed, LinkedIn no longer "
        "lets you write to them.",
    ]
    blocks: list[str] = []
    for row in rows:
        lines = [row.name, row.url or "(no profile URL in the export)"]
        if row.still_connected:
            lines.append(f"Status: {row.status}, {STILL_CONNECTED}")
        elif row.gone:
            lines.append("Status: removed (gone from your newest export)")
        elif row.status != "drafted":
            lines.append(f"Status: {row.status}")
        if row.refusal:
            lines.append(f"Note: {row.refusal}")
        if row.no_message:
            lines.append("No message: only remove the connection.")
            blocks.append("\n".join(lines))
        else:
            blocks.append("\n".join([*lines, "", row.message]))
    separator = f"\n\n{DIVIDER}\n\n"
    return separator.join(["\n".join(header), *blocks]) + "\n"
