"""The card of the contact under review: who they are, the evidence, and the three questions.

Every line has a fixed height and is cut with an ellipsis, so the card never jumps around however
long a name or position is: the user's eyes stay on the same spot from one contact to the next.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from prune.core.model import QUESTIONS
from prune.core.review.rules import Rule as AnswerRule
from prune.core.review.session import ContactView
from prune.core.state.store import Farewell
from prune.core.text.control import shown_url
from prune.tui.card_farewell import farewell_body, farewell_heading
from prune.tui.formatting import age, day
from prune.tui.live_keys import KeyNames
from prune.tui.verdict_styles import VERDICT_STYLES
from prune.tui.widgets.card_rows import CardRows

_ANSWER_STYLE = {"yes": "bold $success", "no": "bold $error", "maybe": "bold $warning"}
_QUESTION_WIDTH = max(len(text) for text in QUESTIONS.values())


class ContactCard(Vertical):
    """Renders a `ContactView`; knows nothing about the store or the keys' effects."""

    DEFAULT_CSS = """
    ContactCard {
        width: 110;
        max-width: 100%;
        height: auto;
        border: round $primary;
        padding: 0 2;
        background: $surface;
    }
    ContactCard > Static {
        height: 1;
        width: 1fr;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ContactCard > #hint { color: $text-muted; margin-top: 1; }
    ContactCard > #farewell-head { margin-top: 1; color: $text-muted; }
    ContactCard > #farewell-box {
        height: auto;
        max-height: 12;
        border-left: thick $error;
        padding-left: 1;
        scrollbar-size-vertical: 1;
    }
    ContactCard #farewell { height: auto; width: 1fr; text-wrap: wrap; }
    ContactCard > .-hidden { display: none; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._farewell: tuple[Static, VerticalScroll, Static] | None = None  # head, box, body

    def compose(self) -> ComposeResult:
        yield CardRows(id="rows")
        yield Static("", id="hint")

    def _farewell_parts(self) -> tuple[Static, VerticalScroll, Static]:
        """The farewell's heading, box and text, mounted above the hint the first time a
        disconnect card shows one: most first cards never do, so they are not composed."""
        if self._farewell is None:
            head, body = Static("", id="farewell-head"), Static("", id="farewell")
            box = VerticalScroll(body, id="farewell-box")
            self.mount(head, box, before="#hint")
            self._farewell = (head, box, body)
        return self._farewell

    def _set(self, line: str, content: Content | str) -> None:
        _repaint(self.query_one(f"#{line}", Static), content)

    def row(self, name: str) -> str:
        """One of the card's rows (`card_rows.ROWS`) as the user reads it."""
        return self.query_one(CardRows).row(name)

    def show(
        self,
        view: ContactView,
        *,
        rule: AnswerRule,
        today: date,
        evidence_note: str,
        keys: KeyNames,
        farewell: tuple[str, Farewell] | None = None,
        farewell_beside: bool = False,
    ) -> None:
        """Paint one contact; `evidence_note` is said when the archive gave nothing on them.

        `farewell` (message and stored state) is shown in full on the card of a contact marked
        disconnect, so it can be read, copied with `c`, or selected by hand. Every key the card
        names comes from `keys`, the bindings as remapped. With `farewell_beside` the screen
        shows the farewell next to the card, so the card leaves it out.
        """
        if self.border_title is not None:
            self.border_title = None  # setting it repaints the whole card, even to the same value
        rows = _facts(view, today, evidence_note)
        rows.update(_questions(view, rule, keys))
        rows["verdict"] = _verdict(view, keys)
        current = f"q-{view.question}" if view.question else None
        self.query_one(CardRows).update(rows, current=current)
        first = keys.first
        self._set(
            "hint",
            f"{_answer_keys(keys)} answer · {first('review.keep')} keep · "
            f"{first('review.disconnect')} disconnect · {first('review.later')} later · "
            f"{first('review.undo')} undo · {first('app.help')} help",
        )
        self._show_farewell(view, None if farewell_beside else farewell, keys)

    def _show_farewell(
        self, view: ContactView, farewell: tuple[str, Farewell] | None, keys: KeyNames
    ) -> None:
        decision = view.decision
        shown = farewell is not None and decision is not None and decision.verdict == "disconnect"
        if not shown and self._farewell is None:
            return
        head, box, body = self._farewell_parts()
        for part in (head, box):
            part.set_class(not shown, "-hidden")
        if not shown or farewell is None:
            return
        _repaint(head, farewell_heading(farewell[1], keys))
        _repaint(body, farewell_body(farewell[0], farewell[1], view, keys))

    def fit_farewell(self, height: int) -> None:
        """Cap the farewell's box so the whole card fits in `height` rows; the message scrolls."""
        if self._farewell is None or (box := self._farewell[1]).has_class("-hidden"):
            return
        # Counted line by line: the card's own height is already capped by the screen.
        around = self.styles.gutter.height + sum(
            child.outer_size.height + child.styles.margin.height
            for child in self.children
            if child is not box and child.display and not child.has_class("-hidden")
        )
        room = max(2, min(12, height - around))
        if box.styles.max_height is None or box.styles.max_height.value != room:
            box.styles.max_height = room


def _facts(view: ContactView, today: date, evidence_note: str) -> dict[str, Content]:
    """The rows about who the contact is and what is known of them."""
    role = " · ".join(part for part in (view.position, view.company) if part)
    since = age(view.connected_on, today)
    reach = " · ".join(part for part in (view.email, _short_url(view.url)) if part)
    note = view.decision.note if view.decision else None
    return {
        "name": Content.assemble((view.name, "bold")),
        "role": Content(role)
        if role
        else Content.styled("no position or company listed", "italic dim"),
        "connected": Content.assemble(
            ("Connected ", "dim"), day(view.connected_on), (f"  ·  {since}" if since else "", "dim")
        ),
        "reach": Content(reach) if reach else Content.styled("no profile URL", "italic dim"),
        "flags": Content.assemble(("⚑ ", "bold $warning"), ("; ".join(view.flags), "$warning"))
        if view.flags
        else Content(),
        "evidence": Content.assemble(("✉ ", "$accent"), view.evidence)
        if view.evidence
        else Content.styled(evidence_note, "dim"),
        "reasons": Content.assemble(("why first: ", "dim"), view.reasons)
        if view.reasons
        else Content(),
        "note": Content.assemble(("✎ ", "$accent"), note) if note else Content(),
    }


def _answer_keys(keys: KeyNames) -> str:
    return " / ".join(keys.first(f"review.{a}") for a in ("yes", "no", "maybe"))


def _questions(view: ContactView, rule: AnswerRule, keys: KeyNames) -> dict[str, Content]:
    """A row per question: the answer given, the keys to answer the current one, or why not."""
    asked = set(rule.asks)
    rows = {}
    for number, (question, text) in enumerate(QUESTIONS.items(), start=1):
        answer = view.answer(question)
        if answer:
            mark = Content.styled(answer, _ANSWER_STYLE[answer])
        elif question == view.question:
            mark = Content.styled(f"▸ {_answer_keys(keys)}", "bold $accent")
        elif question not in asked:
            mark = Content.styled("not asked by this rule", "dim italic")
        else:
            mark = Content.styled("—", "dim")
        rows[f"q-{question}"] = Content.assemble(f"{number}  {text.ljust(_QUESTION_WIDTH)}  ", mark)
    return rows


def _verdict(view: ContactView, keys: KeyNames) -> Content:
    """The decision taken, the one suggested, or a word on a deferred contact."""
    verdict = view.decision.verdict if view.decision else None
    answer_keys = _answer_keys(keys)
    verdict_keys = " / ".join(keys.first(f"review.{v}") for v in ("keep", "disconnect", "later"))
    if verdict in ("keep", "disconnect"):
        return Content.assemble(
            ("Decided: ", "dim"),
            (verdict, VERDICT_STYLES[verdict]),
            (f"  ·  {verdict_keys} change it, {answer_keys} ask again", "dim"),
        )
    if view.suggestion:
        return Content.assemble(
            ("Suggested: ", "dim"),
            (view.suggestion, VERDICT_STYLES[view.suggestion]),
            (f"  ·  {keys.first('review.accept')} accepts", "dim"),
        )
    if verdict == "later":
        return Content.styled(
            f"Deferred once: decide now or {keys.first('review.later')} again", "$warning"
        )
    return Content()


def _repaint(line: Static, content: Content | str) -> None:
    """Update one line only when its text or style changed, without a layout pass.

    Every line is one row high and as wide as the card whatever it holds, so no size can change;
    skipping the unchanged lines and the relayout keeps a key press to the few lines that differ.
    Plain text is taken as written (names and companies are data, never markup).
    """
    text = content if isinstance(content, Content) else Content(content)
    shown = line.content
    if isinstance(shown, Content) and shown.is_same(text):
        return
    line.update(text, layout=False)


def _short_url(url: str | None) -> str | None:
    """Drop the scheme and `www.` and decode the slug so it reads; `o` opens the full URL."""
    if not url:
        return None
    for prefix in ("https://", "http://"):
        if url.startswith(prefix):
            url = url[len(prefix) :]
    return shown_url(url.removeprefix("www."))
