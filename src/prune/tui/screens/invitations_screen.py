"""`i`: the invitations still pending, one per screen: the same three questions before anyone
new gets in.

Incoming ones come first, each with its note in full and the flags that deserve a second look;
`y`/`n`/`m` answer through the review's rule, `k`/`x` accept or ignore at once, `u` undoes.
Outgoing ones older than the stale span are shown as "withdraw", with `o` to open the profile
where LinkedIn lets the user withdraw them. Every decision is stored as soon as it is made.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from prune.core.invitations.listing import invitation_list
from prune.core.invitations.verdicts import invitation_decision
from prune.core.model import QUESTION_IDS, QUESTIONS, Answer, Question
from prune.core.periods import Period
from prune.core.review.rules import Rule
from prune.core.state.invitation_decisions import InvitationDecision, InvitationRecord
from prune.core.state.store import Snapshot, Store
from prune.tui.browsing import open_profile

_SHOWN = {"accept": "Accept", "ignore": "Ignore", "withdraw": "Withdraw"}


class InvitationsScreen(Screen[None]):
    """Pending invitations of one snapshot, reviewed one at a time."""

    DEFAULT_CSS = """
    InvitationsScreen #title { height: 1; padding: 0 1; background: $panel; }
    InvitationsScreen #card { padding: 1 2; height: 1fr; }
    InvitationsScreen #card Static { margin-bottom: 1; }
    InvitationsScreen #invitation-name { text-style: bold; }
    """
    BINDINGS = [
        Binding("y", "answer('yes')", "Yes", id="invitations.yes", show=False),
        Binding("n", "answer('no')", "No", id="invitations.no", show=False),
        Binding("m", "answer('maybe')", "Not sure", id="invitations.maybe", show=False),
        Binding("k", "decide('accept')", "Accept", id="invitations.accept"),
        Binding("x", "decide('ignore')", "Ignore", id="invitations.ignore"),
        Binding("u", "undo", "Undo", id="invitations.undo"),
        Binding("o", "open_profile", "Open profile", id="invitations.open"),
        Binding("down,j", "move(1)", "Next", id="invitations.next"),
        Binding("up", "move(-1)", "Previous", id="invitations.previous", show=False),
        Binding("escape", "back", "Back", id="invitations.back"),
    ]

    def __init__(
        self,
        *,
        store: Store,
        snapshot: Snapshot,
        rule: Rule,
        stale_after: Period,
        today: date,
    ) -> None:
        super().__init__()
        self.store = store
        self.snapshot = snapshot
        self.rule = rule
        self.stale_after = stale_after
        self.today = today
        self.rows: list[dict[str, Any]] = []
        self.index = 0
        self.undo_stack: list[tuple[int, str, InvitationRecord | None]] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="title")
        with Vertical(id="card"):
            for part in ("name", "where", "flags", "note", "question", "decision"):
                yield Static("", id=f"invitation-{part}")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        listed = invitation_list(
            self.store, self.snapshot, today=self.today, stale_after=self.stale_after
        )
        self.rows = list(listed.frame.iter_rows(named=True))
        for notice in listed.notices:
            self.notify(notice, title="Invitations", severity="information", timeout=8)
        if listed.accepted_since:
            self.notify(f"{listed.accepted_since} invited people have connected since.")
        self._paint()

    # -- painting --------------------------------------------------------------------------------

    def _paint(self) -> None:
        incoming = sum(row["direction"] == "incoming" for row in self.rows)
        decided = sum(row["decision"] is not None for row in self.rows)
        place = f"{self.index + 1} of {len(self.rows)}" if self.rows else "none"
        self.query_one("#title", Static).update(
            Content.assemble(
                ("Invitations  ", "bold"),
                f"{place} · {incoming} waiting for you · {len(self.rows) - incoming} sent by you"
                f" · {decided} decided",
            )
        )
        if not self.rows:
            self._set("name", Content("No pending invitation in this export."))
            for part in ("where", "flags", "note", "question", "decision"):
                self._set(part, Content(""))
            return
        row = self.rows[self.index]
        self._set("name", Content.assemble((row["name"] or "(no name)", "bold")))
        sent = row["sent_at"].date().isoformat() if row["sent_at"] else "an unknown day"
        way = "wrote to you" if row["direction"] == "incoming" else "you invited them"
        self._set(
            "where",
            Content.assemble(
                (f"{way} on {sent}", "dim"), "   ", row["url"] or ("no profile URL", "dim")
            ),
        )
        flags = row["flags"]
        self._set(
            "flags",
            Content.assemble(("⚑ ", "bold $warning"), (flags, "$warning"))
            if flags
            else Content(""),
        )
        note = row["message"]
        self._set("note", Content.assemble(("Note: ", "dim"), note) if note else Content(""))
        self._set("question", self._question(row))
        decision = row["decision"]
        shown = _SHOWN[decision] if decision else "undecided"
        stale = " (older than " + self.stale_after.describe() + ")" if row["stale"] else ""
        self._set("decision", Content.assemble(("Decision: ", "dim"), (shown, "bold"), stale))

    def _question(self, row: dict[str, Any]) -> Content:
        if row["direction"] == "outgoing":
            return Content.assemble(
                ("o opens the profile, where LinkedIn lets you withdraw", "dim")
            )
        question = self.rule.next_question(self._answers(row))
        if question is None or row["decision"] is not None:
            return Content("")
        return Content.assemble(QUESTIONS[question], ("   y yes · n no · m not sure", "dim"))

    def _set(self, part: str, content: Content) -> None:
        self.query_one(f"#invitation-{part}", Static).update(content)

    @staticmethod
    def _answers(row: dict[str, Any]) -> dict[Question, Answer | None]:
        return {question: row[question] for question in QUESTION_IDS}

    # -- actions ---------------------------------------------------------------------------------

    def _save(self, row: dict[str, Any], **changes: Any) -> None:
        """Store the changed record of `row`, remember the old one for `u`, repaint."""
        table = self.store.invitation_decisions()
        before = table.get(row["key"])
        base = before or InvitationRecord(
            row["key"], name=row["name"], url=row["url"], direction=row["direction"]
        )
        saved = table.save(replace(base, **changes))
        self.undo_stack.append((self.index, row["key"], before))
        for name in ("decision", *QUESTION_IDS):
            row[name] = getattr(saved, name)
        if saved.decision is None and row["stale"]:
            row["decision"] = "withdraw"

    def action_decide(self, decision: InvitationDecision) -> None:
        if not self.rows or self.rows[self.index]["direction"] != "incoming":
            self.notify("Accept or ignore is for invitations people sent you.", timeout=3)
            return
        self._save(self.rows[self.index], decision=decision)
        self.notify(f"{_SHOWN[decision]}: {self.rows[self.index]['name']}", timeout=2)
        self._advance()

    def action_answer(self, answer: Answer) -> None:
        if not self.rows or self.rows[self.index]["direction"] != "incoming":
            return
        row = self.rows[self.index]
        answers = self._answers(row)
        question = self.rule.next_question(answers)
        if question is None:
            return
        answers[question] = answer
        decision = invitation_decision(self.rule, answers)
        self._save(row, **{question: answer}, decision=decision)
        if decision is not None:
            self.notify(f"{_SHOWN[decision]}: {row['name']}", timeout=2)
            self._advance()
        else:
            self._paint()

    def _advance(self) -> None:
        if self.index < len(self.rows) - 1:
            self.index += 1
        self._paint()

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo.", timeout=2)
            return
        index, key, before = self.undo_stack.pop()
        self.store.invitation_decisions().restore(key, before)
        row = self.rows[index]
        restored = before or InvitationRecord(key)
        for name in ("decision", *QUESTION_IDS):
            row[name] = getattr(restored, name)
        if row["decision"] is None and row["stale"]:
            row["decision"] = "withdraw"
        self.index = index
        self._paint()

    def action_move(self, step: int) -> None:
        if self.rows:
            self.index = max(0, min(len(self.rows) - 1, self.index + step))
            self._paint()

    def action_open_profile(self) -> None:
        if self.rows:
            row = self.rows[self.index]
            open_profile(self.app, row["name"] or "this person", row["url"], "under their name")

    def action_back(self) -> None:
        self.dismiss(None)
