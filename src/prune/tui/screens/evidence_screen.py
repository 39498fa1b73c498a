"""`space`: every fact the archive gave about the contact on screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from prune.core.evidence.collect import Evidence
from prune.core.evidence.details import details
from prune.tui.styles import screen_styles


class EvidenceScreen(ModalScreen[None]):
    """A read-only sheet; escape, space or q closes it."""

    DEFAULT_CSS = screen_styles("evidence")

    DEFAULT_CLASSES = "dialog"
    BINDINGS = [Binding("escape,space,q", "dismiss", "Close", id="evidence.close")]

    def __init__(self, name: str, facts: list[str], source: str) -> None:
        super().__init__()
        self.contact_name = name
        self.facts = facts
        self.source = source

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box"):
            yield Static(Content(f"What the archive says about {self.contact_name}"), id="title")
            if not self.facts:
                yield Static(
                    Content.styled(
                        "Nothing: no messages, invitations, endorsements or "
                        "recommendations with them.",
                        "italic",
                    )
                )
            for fact in self.facts:
                yield Static(Content.assemble(("• ", "$accent"), fact), classes="fact")
            yield Static(Content(f"{self.source}. escape closes."), id="source")


def evidence_sheet(evidence: Evidence, key: str, name: str) -> EvidenceScreen:
    """The sheet for contact `key`: its facts, and where they came from."""
    return EvidenceScreen(name, details(evidence, key), evidence.describe().capitalize())
