"""What every farewell of a run is rendered with: the tones, the user's name, the date, the default.

These travel together from the config file and the snapshot to every renderer, so they are one
value; `Config.farewell_settings` builds it. The tone a single message is forced into (`prune
farewells --tone`) is not part of it: that is a choice per call.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from prune.core.farewell.tones import DEFAULT_TONE, NO_MESSAGE, effective_tone, tone_template


@dataclass(frozen=True)
class FarewellSettings:
    """The settings farewells are rendered with."""

    templates: Mapping[str, str]  # tone name -> template text, in the order `t` cycles
    my_name: str | None  # the user's first name for `{my_name}`, None when unknown
    today: date  # the day `{years}` counts up to
    default_tone: str = DEFAULT_TONE

    def tone_of(self, chosen: str | None) -> str:
        """The tone a message is rendered in: `chosen` if it still exists, else the default."""
        return effective_tone(chosen, self.templates, self.default_tone)

    def choice_of(self, chosen: str | None, *, flagged: bool = False) -> str:
        """A tone from `tone_of`, or NO_MESSAGE: when the user chose it, or when they chose
        nothing (or a tone since deleted) for a flagged profile, which starts without a message.
        """
        if chosen == NO_MESSAGE:
            return NO_MESSAGE
        if chosen is not None and chosen in self.templates:
            return chosen
        return NO_MESSAGE if flagged else self.tone_of(None)

    def template_of(self, tone: str) -> str:
        """The text of a tone given by `tone_of`."""
        return tone_template(tone, self.templates)
