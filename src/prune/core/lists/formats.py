"""Turning a contact list into bytes: five formats and spreadsheet-safe CSV.

The same functions serve the command line (`prune export`) and the export dialog:
`prepare_export` selects the list, `atomic_write.target_exists` lets a screen ask before
replacing a file, and `ListExport.write` renders the list straight into the atomic writer's
temporary file (`ListExport.data` gives the bytes, for printing).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import BinaryIO

import polars as pl

from prune.core.errors import ExportError
from prune.core.lists.atomic_write import write_atomically_with
from prune.core.lists.halves import in_halves
from prune.core.lists.selection import (
    EXPORT_LISTS,
    INVITATION_LISTS,
    LIST_TITLES,
    OWN_WORD_COLUMNS,
    PAST,
    MessageRenderer,
    contact_list,
    invitation_rows,
)
from prune.core.state.store import Store
from prune.core.text.folding import folded

FORMATS: tuple[str, ...] = ("csv", "json", "md", "urls", "names")
"""csv/json: every column; md: a checklist by company; urls/names: one contact per line."""

FORMAT_LABELS: dict[str, str] = {
    "csv": "CSV, every field (spreadsheets)",
    "json": "JSON, every field (scripts)",
    "md": "Markdown checklist grouped by company",
    "urls": "profile URLs, one per line",
    "names": "First<TAB>Last, one per line (bulk-removal tools)",
}

_EXTENSIONS = {"csv": "csv", "json": "json", "md": "md", "urls": "txt", "names": "txt"}
# A spreadsheet treats a cell starting with one of these as a formula (tab and CR can hide one);
# some also take the full-width forms (＝ ＋ － ＠) for the ASCII ones.
_FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20"]
_NO_COMPANY = "No company listed"
_NAMES_SHOWN = 5
_VERDICT_LISTS = ("all", "keep")  # lists whose checklist says each contact's verdict


Renderer = Callable[[BinaryIO], object]
"""Writes one rendered list into an open binary file."""


@dataclass(frozen=True)
class ListExport:
    """One list in one format, ready to print or write; rendered when it is printed or written.

    `render` writes the file's bytes into a handle, so that `write` can put a 30,000-row CSV
    straight into the temporary file rather than building megabytes in memory first.
    """

    which: str
    fmt: str
    render: Renderer
    contacts: int  # rows in the list
    left_out: int  # rows the format cannot show (urls: no profile URL; names: no name)
    shared_names: tuple[str, ...] = ()  # names format: each name two or more contacts share
    queried: bool = False  # cut to the contacts a query matched

    @cached_property
    def data(self) -> bytes:
        """The bytes of the file, as `write` writes them."""
        buffer = io.BytesIO()
        self.render(buffer)
        return buffer.getvalue()

    def write(self, path: Path, *, force: bool) -> Path:
        """Write the list to `path` all or nothing (`atomic_write.write_atomically`)."""
        return write_atomically_with(path, self.render, force=force)

    def summary(self, path: Path | None = None) -> str:
        """One line for a person: how many contacts went where, and why any were left out."""
        shown = self.contacts - self.left_out
        count = f"{shown} of {self.contacts}" if self.left_out else str(shown)
        noun = "contact" if self.contacts == 1 else "contacts"
        line = f"Wrote {count} {noun} to {path}" if path else f"Printed {count} {noun}"
        if self.left_out:
            reason = "a profile URL" if self.fmt == "urls" else "a name"
            line += f" ({self.left_out} without {reason} left out)"
        elif self.contacts == 0:
            line += f" ({_why_empty(self.which, queried=self.queried)})"
        return line

    def shared_names_warning(self) -> str | None:
        """One line when the names list holds a name twice: a tool removing people by name
        (the reason for this format) could then remove the wrong one."""
        if not self.shared_names:
            return None
        shown = ", ".join(self.shared_names[:_NAMES_SHOWN])
        more = len(self.shared_names) - _NAMES_SHOWN
        if more > 0:
            shown += f" and {more} more"
        return (
            f"more than one contact is named {shown}: a tool that removes people by name could "
            "remove the wrong one, so check those by profile URL (--format urls)"
        )


def prepare_export(
    store: Store,
    snapshot_id: int,
    which: str,
    fmt: str,
    *,
    excel: bool = False,
    messages: MessageRenderer | None = None,
    invitations: pl.DataFrame | None = None,
    only: Collection[str] | None = None,
) -> ListExport:
    """Build list `which` of a snapshot and render it as `fmt` (see `render_list`).

    `only` keeps the contacts with those keys (what a query matched), for the contact lists.
    The invitation lists (accept, ignore, withdraw) are cut from `invitations`, the snapshot's
    pending invitations (core.invitations.listing), which the caller reads.
    """
    check_choices(which, fmt, excel=excel)
    if which in INVITATION_LISTS:
        if invitations is None:
            raise ValueError(f"the {which} list needs the pending invitations")
        frame = invitation_rows(invitations, which)
    else:
        frame = contact_list(store, snapshot_id, which, messages=messages, only=only)
    render = list_renderer(
        frame, fmt, excel=excel, title=LIST_TITLES[which], verdicts=which in _VERDICT_LISTS
    )
    shared = tuple(shared_names(frame)) if fmt == "names" else ()
    left_out = rows_left_out(frame, fmt)
    queried = only is not None and which not in INVITATION_LISTS
    return ListExport(which, fmt, render, frame.height, left_out, shared, queried=queried)


def _why_empty(which: str, *, queried: bool) -> str:
    """Why list `which` holds nobody, so an empty file is not mistaken for a failed export."""
    if queried:
        return f"nobody the query matched is on the {which} list"
    if which in INVITATION_LISTS:
        return f"no pending invitation is marked {which}"
    return _EMPTY_LISTS.get(which, f"nobody is marked {which} yet")


_EMPTY_LISTS = {
    "undecided": "everyone has a verdict",
    "all": "the export has no connections",
    PAST: "nobody from an earlier export is missing from this one",
}


def check_choices(which: str, fmt: str, *, excel: bool = False) -> None:
    """Refuse an unknown list or format, or the Excel mark on anything but CSV, in one line."""
    if which not in EXPORT_LISTS:
        raise ExportError(
            f"there is no list called {which!r}: choose one of {', '.join(EXPORT_LISTS)}"
        )
    _check_format(fmt, excel=excel)


def _check_format(fmt: str, *, excel: bool) -> None:
    if fmt not in FORMATS:
        raise ExportError(f"there is no format called {fmt!r}: choose one of {', '.join(FORMATS)}")
    if excel and fmt != "csv":
        raise ExportError("the Excel byte-order mark applies to CSV only: drop --excel or use csv")


def default_file_name(which: str, fmt: str) -> str:
    """A file name that says where it came from and what it holds, e.g. `prune-disconnect.csv`."""
    suffix = f"-{fmt}" if fmt in ("urls", "names") else ""
    return f"prune-{which}{suffix}.{_EXTENSIONS[fmt]}"


# -- rendering -----------------------------------------------------------------------------------


def render_list(
    frame: pl.DataFrame,
    fmt: str,
    *,
    excel: bool = False,
    title: str = "Contacts",
    verdicts: bool = False,
) -> bytes:
    """The bytes of a file holding `frame` (a `contact_list`) as `fmt`: UTF-8, LF line ends.

    `excel` starts a CSV with a byte-order mark, which Excel needs to read UTF-8; it applies to
    CSV only. `title` heads the Markdown checklist; `verdicts` puts each contact's verdict on
    its line there, for lists that mix verdicts or could be read as a to-do list.
    """
    buffer = io.BytesIO()
    list_renderer(frame, fmt, excel=excel, title=title, verdicts=verdicts)(buffer)
    return buffer.getvalue()


def list_renderer(
    frame: pl.DataFrame,
    fmt: str,
    *,
    excel: bool = False,
    title: str = "Contacts",
    verdicts: bool = False,
) -> Renderer:
    """What writes `render_list`'s bytes into a file handle, for `ListExport`."""
    _check_format(fmt, excel=excel)
    if fmt == "csv":
        safe = in_halves(frame, neutralise_formulas)  # cell by cell: a half at a time
        return lambda handle: safe.write_csv(handle, include_bom=excel)
    renderers: dict[str, Callable[[pl.DataFrame], bytes]] = {
        "json": _json,
        "md": lambda rows: _markdown(rows, title, verdicts=verdicts),
        "urls": _urls,
        "names": _names,
    }
    render = renderers[fmt]
    return lambda handle: handle.write(render(frame))


def rows_left_out(frame: pl.DataFrame, fmt: str) -> int:
    """How many contacts a format cannot show: urls skips rows without URL, names nameless rows."""
    if fmt == "urls":
        return frame.height - frame.filter(_present("url")).height
    if fmt == "names":
        return frame.height - frame.filter(_has_name()).height
    return 0


def shared_names(frame: pl.DataFrame) -> list[str]:
    """The names (first and last, as the names format writes them) of two or more contacts,
    with how many, e.g. "Ana Doe (2)", in the list's order."""
    name = pl.concat_str([_one_line("first_name"), _one_line("last_name")], separator=" ")
    named = frame.filter(_has_name()).select(name.str.strip_chars().alias("name"))
    counts = named.group_by("name", maintain_order=True).len().filter(pl.col("len") > 1)
    return [f"{shared} ({count})" for shared, count in counts.iter_rows()]


def neutralise_formulas(frame: pl.DataFrame) -> pl.DataFrame:
    """Prefix `'` to every text cell a spreadsheet would run as a formula, so it shows as text.

    One cheap pass finds the columns that hold such a cell; only those are rewritten, which keeps
    a 30,000-row export close to the cost of writing it bare. The columns of OWN_WORD_COLUMNS
    are left as they are: they hold prune's words, never a stranger's.
    """
    # A column of nulls only (a question nobody answered, say) has nothing to check, nor has
    # one of prune's own words (each costs a millisecond at 30,000 rows).
    text = [
        name
        for name, dtype in frame.schema.items()
        if dtype == pl.String
        and name not in OWN_WORD_COLUMNS
        and frame.get_column(name).null_count() < frame.height
    ]
    if not text or frame.is_empty():
        return frame
    hits = frame.select(_starts_like_formula(pl.col(text)).any()).row(0)
    risky = [name for name, hit in zip(text, hits, strict=True) if hit]
    if not risky:
        return frame
    return frame.with_columns(
        pl.when(_starts_like_formula(pl.col(name)))
        .then(pl.lit("'") + pl.col(name))
        .otherwise(pl.col(name))
        .alias(name)
        for name in risky
    )


def _starts_like_formula(text: pl.Expr) -> pl.Expr:
    """Whether a cell's first character is one of _FORMULA_STARTS. Looking the first character
    up is quicker than an anchored regex, which costs most over the long farewell messages."""
    return text.str.head(1).is_in(_FORMULA_STARTS)


def _json(frame: pl.DataFrame) -> bytes:
    """A JSON array, one object per line: readable, and far quicker than the json module."""
    if frame.is_empty():
        return b"[]\n"
    buffer = io.BytesIO()
    frame.write_ndjson(buffer)
    # JSON escapes line feeds inside strings, so every LF here ends one object.
    objects = buffer.getvalue().rstrip(b"\n").split(b"\n")
    return b"[\n  " + b",\n  ".join(objects) + b"\n]\n"


def _present(column: str) -> pl.Expr:
    return pl.col(column).str.strip_chars().fill_null("") != ""


def _has_name() -> pl.Expr:
    return _present("first_name") | _present("last_name")


def _one_line(column: str) -> pl.Expr:
    """The cell with tabs and line breaks turned into spaces, so one contact stays one line."""
    return pl.col(column).fill_null("").str.replace_all(r"[\t\r\n]+", " ").str.strip_chars()


def _lines(series: pl.Series) -> bytes:
    return "".join(line + "\n" for line in series.to_list()).encode()


def _urls(frame: pl.DataFrame) -> bytes:
    return _lines(frame.filter(_present("url")).select(_one_line("url"))["url"])


def _names(frame: pl.DataFrame) -> bytes:
    rows = frame.filter(_has_name()).select(
        pl.concat_str([_one_line("first_name"), _one_line("last_name")], separator="\t")
    )
    return _lines(rows.to_series())


def _markdown_text(column: str) -> pl.Expr:
    """The cell on one line with Markdown's inline markup characters escaped."""
    return _one_line(column).str.replace_all(r"([\\`*_\[\]<>])", r"\$1")


def _verdict_note() -> pl.Expr:
    verdict = pl.col("verdict")
    return (
        pl.when(verdict.is_null())
        .then(pl.lit(" · no verdict yet"))
        .otherwise(pl.lit(" · verdict: ") + verdict)
    )


def _markdown(frame: pl.DataFrame, title: str, *, verdicts: bool = False) -> bytes:
    """A checklist grouped under `## Company`, companies A–Z, people without one last.

    Contacts whose farewell status is `removed` are already ticked; with `verdicts` each line
    ends with the contact's verdict ("verdict: keep", "no verdict yet").
    """
    name = pl.concat_str(
        [_markdown_text("first_name"), _markdown_text("last_name")], separator=" "
    ).str.strip_chars()
    position = _markdown_text("position")
    url = (
        _one_line("url")
        .str.replace_all(" ", "%20", literal=True)
        .str.replace_all("(", "%28", literal=True)
        .str.replace_all(")", "%29", literal=True)
    )
    removed = pl.lit(False)
    if "farewell_status" in frame.columns:
        removed = pl.col("farewell_status") == "removed"
    box = pl.when(removed).then(pl.lit("- [x] ")).otherwise(pl.lit("- [ ] "))
    line = pl.concat_str(
        [
            box,
            pl.when(name != "").then(name).otherwise(pl.lit("(no name)")),
            pl.when(position != "").then(pl.lit(" — ") + position).otherwise(pl.lit("")),
            pl.when(url != "").then(pl.lit(" · [profile](") + url + ")").otherwise(pl.lit("")),
            _verdict_note() if verdicts and "verdict" in frame.columns else pl.lit(""),
        ]
    )
    company = _markdown_text("company")
    rows = frame.select(company.alias("company"), line.alias("line"))
    groups = (
        rows.group_by("company", maintain_order=True)
        .agg(pl.col("line"))
        .with_columns(
            (pl.col("company") == "").alias("no_company"),
            folded(pl.col("company")).alias("sort_key"),
        )
        .sort("no_company", "sort_key", "company")
    )
    noun = "contact" if frame.height == 1 else "contacts"
    parts = [f"# {title}\n\n{frame.height} {noun}, grouped by company.\n"]
    for company_name, lines in zip(groups["company"], groups["line"], strict=True):
        heading = company_name or _NO_COMPANY
        parts.append(f"\n## {heading}\n\n" + "".join(item + "\n" for item in lines))
    return "".join(parts).encode()
