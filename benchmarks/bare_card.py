"""The floor of the key press figure: a bare Textual app repainting a card like the review's.

The review's card (tui/widgets/contact_card.py) is a bordered box 110 columns wide of sixteen
one-row lines: eight about the contact, a heavy rule, three questions, the verdict line and the
key hint below a blank row; a progress header (count, bar, verdict counts) is docked on top and
a footer at the bottom. Pressing `k` there commits a decision and paints the next contact.
(prune draws the thirteen rows from the name to the verdict as one widget, `CardRows`; this
floor keeps a Static per line, the plain way to write such a card.)

This app has the same widgets at the same sizes and, on the same key, puts the next contact's
lines on them the way the card does (`update(..., layout=False)` on the lines that changed) and
moves the header on. What it leaves out is what prune adds: the session, the store and the card
text built from the evidence. So value over this floor is prune's own cost per key, not
Textual's cost of painting a card, which no code of prune can avoid.
"""

from __future__ import annotations

from typing import Any

import polars as pl
from paint_probe import TimedDisplay
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.widgets import Footer, ProgressBar, Rule, Static

LINES = ("name", "role", "connected", "reach", "flags", "evidence", "reasons", "note")
QUESTIONS = (
    "Do you know them?",
    "Have you ever interacted?",
    "Would you ask them for a professional favour?",
)
WIDTH = max(len(text) for text in QUESTIONS)

CSS = """
#header { height: 1; dock: top; background: $panel; padding: 0 1; }
#header > #reviewed { width: auto; padding-right: 1; text-style: bold; }
#header > ProgressBar { width: 18; }
#header > ProgressBar > Bar { width: 16; }
#header > #counts { width: 1fr; padding-left: 1; text-wrap: nowrap; text-overflow: ellipsis; }
#body { align: center middle; }
#card {
    width: 110; max-width: 100%; height: auto;
    border: round $primary; padding: 0 2; background: $surface;
}
#card > Static { height: 1; width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
#card > #name { text-style: bold; color: $text; }
#card > #role { color: $text-muted; }
#card > Rule.-horizontal { margin: 0; color: $primary-muted; }
#card > .question { padding-left: 1; }
#card > .question.-current { background: $boost; text-style: bold; }
#card > #hint { color: $text-muted; margin-top: 1; }
"""


def card_lines(row: dict[str, Any]) -> dict[str, Content]:
    """What the card shows of one contact, styled as the review styles it."""
    role = " · ".join(part for part in (row["position"], row["company"]) if part)
    marks = [Content.styled("▸ y / n / m", "bold $accent"), *[Content.styled("—", "dim")] * 2]
    lines = {
        "name": Content.assemble((f"{row['first_name']} {row['last_name']}", "bold")),
        "role": Content(role) if role else Content.styled("no position or company", "dim"),
        "connected": Content.assemble(("Connected ", "dim"), str(row["connected_on"])),
        "reach": Content(row["url"] or ""),
        "flags": Content(""),
        "evidence": Content.styled("nothing in the archive with them", "dim"),
        "reasons": Content.assemble(("why first: ", "dim"), "no messages since connecting"),
        "note": Content(""),
        "verdict": Content(""),
        "hint": Content("y / n / m answer · k keep · x disconnect · l later · u undo · ? help"),
    }
    for number, (text, mark) in enumerate(zip(QUESTIONS, marks, strict=True), start=1):
        lines[f"q-{number}"] = Content.assemble(f"{number}  {text.ljust(WIDTH)}  ", mark)
    return lines


class BareCardApp(TimedDisplay, App[None]):
    """A header, a card of sixteen lines and a footer; `k` paints the next contact."""

    CSS = CSS
    BINDINGS = [Binding("k", "next", "Keep")]

    def __init__(self, contacts: pl.DataFrame) -> None:
        super().__init__()
        columns = ["first_name", "last_name", "position", "company", "connected_on", "url"]
        # In key order neighbours often share a name; the review's order mixes them up.
        self.rows = contacts.select(columns).sample(min(contacts.height, 5000), seed=1).to_dicts()
        self.shown = 0

    def compose(self) -> ComposeResult:
        with Horizontal(id="header"):
            yield Static("0 reviewed", id="reviewed")
            yield ProgressBar(total=len(self.rows), show_eta=False, show_percentage=False)
            yield Static("", id="counts")
        with Vertical(id="body"), Center(), Vertical(id="card"):
            for line in LINES:
                yield Static("", id=line)
            yield Rule(line_style="heavy")
            for number in range(1, len(QUESTIONS) + 1):
                yield Static("", id=f"q-{number}", classes="question")
            yield Static("", id="verdict")
            yield Static("", id="hint")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#q-1").add_class("-current")
        self.paint()

    def action_next(self) -> None:
        self.shown += 1
        self.paint()

    def paint(self) -> None:
        """The header's count, bar and counts, then each card line whose content changed (the
        name always: the probe waits for it to be painted)."""
        reviewed = f"{self.shown:,} / {len(self.rows):,} reviewed"
        self.query_one("#reviewed", Static).update(reviewed)
        self.query_one(ProgressBar).update(progress=self.shown)
        self.query_one("#counts", Static).update(
            Content.assemble(("keep ", "dim"), (f"{self.shown:,}", "bold $success"))
        )
        lines = card_lines(self.rows[self.shown % len(self.rows)])
        for line, content in lines.items():
            widget = self.query_one(f"#{line}", Static)
            shown = widget.content
            if line == "name" or not (isinstance(shown, Content) and shown.is_same(content)):
                widget.update(content, layout=False)
