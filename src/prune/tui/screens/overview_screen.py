"""`g`: the whole network at once, for the people who would rather look than read.

Connections per year as bars split by verdict, the top companies and positions, how much of
the network the archive says anything about, the bare-bones flags and the review pace. Every
bar is a way in: `enter` opens the workbench filtered to exactly its contacts (the query each
row carries, core.review.overview), `escape` comes back. The arrow keys move along a panel,
left and right (or tab) between panels. Narrow terminals stack the panels and scroll; wide
ones set them side by side.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Sparkline, Static

from prune.core.model import VERDICTS
from prune.core.review.overview import Count, Group, Overview, Pace, overview
from prune.core.review.query import query_frame
from prune.core.review.session import ReviewSession
from prune.core.text.control import clean_line
from prune.tui.context import AppContext
from prune.tui.formatting import duration
from prune.tui.screens.contacts_screen import EvidenceSource
from prune.tui.verdict_styles import VERDICT_STYLES
from prune.tui.widgets.bar_list import LIGHT, Bar, BarList, Part

UNDECIDED_STYLE = "$text-muted"
COUNT_STYLE = "$accent"
PANELS = (
    ("years", "Connections per year"),
    ("companies", "Top companies"),
    ("positions", "Top positions"),
    ("coverage", "Evidence in the archive"),
    ("flags", "Bare-bones profiles"),
)
BIG_PANELS = ("years", "companies", "positions")
"""The panels that share the height left on a wide terminal; the others take what they need."""
EVIDENCE_CHECK_SECONDS = 1.0
"""How often an open overview looks whether the archive's evidence has arrived."""


class OverviewScreen(Screen[None]):
    """Draws `core.review.overview` and hands the query of a picked bar to `open_query`."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide"), (180, "-widest")]
    DEFAULT_CSS = """
    OverviewScreen { layout: vertical; }
    OverviewScreen #title, OverviewScreen #detail {
        height: auto; padding: 0 1; background: $panel;
    }
    OverviewScreen #panels { height: 1fr; }
    OverviewScreen.-narrow #panels { overflow-y: auto; }
    OverviewScreen .panel {
        height: auto; border: round $primary 60%; border-title-color: $text; padding: 0 1;
        background: $surface;
    }
    OverviewScreen .panel:focus-within { border: round $accent; }
    OverviewScreen #pace-days { height: 2; }
    OverviewScreen #coverage-note { color: $text-muted; }
    OverviewScreen.-narrow BarList { max-height: 12; }
    OverviewScreen.-wide #panels, OverviewScreen.-widest #panels { layout: grid; }
    OverviewScreen.-wide #panels {
        grid-size: 2 4; grid-columns: 1fr 1fr; grid-rows: 1fr 1fr auto auto;
    }
    OverviewScreen.-wide #years-panel { row-span: 2; }
    OverviewScreen.-wide #pace-panel { column-span: 2; }
    OverviewScreen.-widest #panels {
        grid-size: 3 2; grid-columns: 1fr 1fr 1fr; grid-rows: 1fr auto;
    }
    OverviewScreen.-wide .big, OverviewScreen.-widest .big { height: 100%; }
    OverviewScreen.-wide .big > BarList, OverviewScreen.-widest .big > BarList {
        height: 1fr; max-height: 100%;
    }
    """
    BINDINGS = [
        Binding("enter", "open", "Open in the list", id="overview.open"),
        Binding("right", "next_panel", "Next panel", id="overview.next", show=False),
        Binding("left", "previous_panel", "Previous panel", id="overview.previous", show=False),
        Binding("escape", "back", "Back", id="overview.back"),
    ]

    def __init__(
        self,
        context: AppContext,
        session: ReviewSession,
        *,
        evidence: EvidenceSource,
        open_query: Callable[[str], None],
    ) -> None:
        super().__init__()
        self.context = context
        self.session = session
        self.evidence = evidence
        self.open_query = open_query
        self._rows: dict[str, list[Group] | list[Count]] = {}
        self._base: pl.DataFrame | None = None
        self._base_evidence: pl.DataFrame | None = None
        self._title_facts: Overview | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="title")
        with Container(id="panels"):
            for name, title in PANELS:
                kind = "panel big" if name in BIG_PANELS else "panel"
                with Vertical(id=f"{name}-panel", classes=kind) as panel:
                    panel.border_title = title
                    if name == "coverage":
                        yield Static("", id="coverage-note")
                    yield BarList(
                        id=name, label_share=0.6 if name in ("coverage", "flags") else 0.45
                    )
            with Vertical(id="pace-panel", classes="panel") as panel:
                panel.border_title = "Review pace"
                yield Sparkline([], id="pace-days")
                yield Static("", id="pace-text")
        yield Static("", id="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.set_interval(EVIDENCE_CHECK_SECONDS, self._evidence_arrived)

    def on_screen_resume(self) -> None:
        """Shown again after the workbench: the decisions made there count now."""
        self.refresh_facts()
        if not isinstance(self.focused, BarList):
            self.query_one("#years", BarList).focus()
        self._describe()

    # -- what is shown ----------------------------------------------------------------------------

    def refresh_facts(self) -> None:
        """Count everything again from the store's decisions and the evidence read so far."""
        evidence = self.evidence()
        contacts = self.session.contacts
        if self._base is None or evidence is not self._base_evidence:
            self._base = query_frame(contacts, evidence)  # the folding: the costly part, kept
            self._base_evidence = evidence
        facts = overview(
            contacts,
            self.context.store.decisions(),
            evidence,
            today=self.context.today(),
            base=self._base,
        )
        self._title(facts)
        self._fill("years", facts.years, _verdict_bar)
        self._fill("companies", facts.companies, _verdict_bar)
        self._fill("positions", facts.positions, _verdict_bar)
        self._fill("flags", facts.flags, _count_bar)
        note = self.query_one("#coverage-note", Static)
        note.display = facts.coverage is None
        note.update(Content("The archive is still being read; its evidence shows here when it is."))
        self._fill("coverage", facts.coverage or [], _count_bar)
        self._pace(facts.pace)

    def _fill(
        self, name: str, rows: list[Group] | list[Count], bar: Callable[[Group | Count], Bar]
    ) -> None:
        self._rows[name] = rows
        bars = self.query_one(f"#{name}", BarList)
        bars.display = bool(rows)
        bars.show([bar(row) for row in rows])

    def _title(self, facts: Overview) -> None:
        self._title_facts = facts
        room = self.size.width - 2  # the title's padding
        self.query_one("#title", Static).update(title_line(facts, room))

    def on_resize(self) -> None:
        if self._title_facts is not None:
            self._title(self._title_facts)

    def _pace(self, pace: Pace) -> None:
        days = self.query_one("#pace-days", Sparkline)
        days.data = [float(count) for _, count in pace.days]
        days.display = pace.per_day is not None
        left = f"{pace.remaining:,} left to decide (undecided and later)"
        if pace.per_day is None:
            lines = [f"No decisions in the last {len(pace.days)} days · {left}."]
        else:
            decided = sum(count for _, count in pace.days)
            active = sum(1 for _, count in pace.days if count)
            first = pace.days[0][0]
            lines = [
                f"Since {first.day} {first:%b}: {decided:,} decisions on {active} "
                f"day{'s' * (active != 1)}, about {pace.per_day:,.0f} a day · {left}",
                f"At that rate: about {pace.days_left:,} more day{'s' * (pace.days_left != 1)}"
                " of reviewing.",
            ]
        session_left = self.session.progress().seconds_left
        if session_left is not None:
            lines.append(f"At this session's pace: {duration(session_left)}.")
        self.query_one("#pace-text", Static).update(Content("\n".join(lines)))

    def _describe(self) -> None:
        """The detail line: the highlighted row in full, with its numbers and its query."""
        focused = self.focused
        detail = self.query_one("#detail", Static)
        if not isinstance(focused, BarList) or focused.highlighted is None:
            detail.update("")
            return
        row = self._rows[str(focused.id)][focused.highlighted]
        parts: list[tuple[str, str] | str] = [(clean_line(row.label), "bold"), f": {row.count:,}"]
        if isinstance(row, Group):
            for verdict in VERDICTS:
                parts += [" · ", (verdict, VERDICT_STYLES[verdict]), f" {row.verdicts[verdict]:,}"]
            parts += [" · ", ("undecided", UNDECIDED_STYLE), f" {row.verdicts['undecided']:,}"]
        parts += [("  enter opens ", "dim"), clean_line(row.query)]
        detail.update(Content.assemble(*parts))

    def _evidence_arrived(self) -> None:
        if self.is_current and self.evidence() is not self._base_evidence:
            self.refresh_facts()
            self._describe()

    # -- keys -------------------------------------------------------------------------------------

    def on_option_list_option_highlighted(self, _: OptionList.OptionHighlighted) -> None:
        self._describe()

    def on_descendant_focus(self) -> None:
        self._describe()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option_list)

    def action_open(self) -> None:
        self._open(self.focused)

    def _open(self, widget: object) -> None:
        if isinstance(widget, BarList) and widget.current is not None:
            query = widget.current.query
            if query:
                self.open_query(query)

    def action_next_panel(self) -> None:
        self.focus_next(BarList)

    def action_previous_panel(self) -> None:
        self.focus_previous(BarList)

    def action_back(self) -> None:
        self.dismiss(None)


def title_line(facts: Overview, room: int) -> Content:
    """The screen's first line: the network and its verdicts, worded shorter when the long
    wording would not fit in `room` cells (30,000 connections at 80 columns)."""
    for short in (False, True):
        gap = " " if short else "  "
        parts: list[tuple[str, str] | str] = [
            ("Overview" + gap, "bold"),
            f"{facts.total:,}" + (gap if short else " connections   "),
        ]
        for verdict in VERDICTS:
            word = "disc" if short and verdict == "disconnect" else verdict
            parts += [("█ ", VERDICT_STYLES[verdict]), f"{word} {facts.verdicts[verdict]:,}{gap}"]
        parts += [(f"{LIGHT} ", UNDECIDED_STYLE), f"undecided {facts.verdicts['undecided']:,}"]
        line = Content.assemble(*parts)
        if line.cell_length <= room:
            break
    return line


def _verdict_bar(row: Group | Count) -> Bar:
    assert isinstance(row, Group)
    parts = tuple(Part(row.verdicts[verdict], VERDICT_STYLES[verdict]) for verdict in VERDICTS)
    undecided = Part(row.verdicts["undecided"], UNDECIDED_STYLE, LIGHT)
    return Bar(row.label, row.count, (*parts, undecided), row.query)


def _count_bar(row: Group | Count) -> Bar:
    return Bar(row.label, row.count, (Part(row.count, COUNT_STYLE),), row.query)
