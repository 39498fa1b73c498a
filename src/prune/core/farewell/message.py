"""One farewell for one contact: the template rendered with their values, or the user's own edit.

The Farewells screen uses this after every key (a re-toned or edited message), the review card for
the contact on screen. Thousands at once go through `batch`, which gives the same text letter for
letter; both walk the parts of `template.parse_template`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from prune.core.farewell.settings import FarewellSettings
from prune.core.farewell.template import (
    SENTENCE_ENDS,
    Field,
    Literal,
    Optional,
    parse_template,
    without_doubled_stop,
)
from prune.core.farewell.tones import NO_MESSAGE
from prune.core.farewell.values import placeholder_values

if TYPE_CHECKING:
    from prune.core.state.store import Farewell

_SPACE_RUN = re.compile(r"(?<=\S) {2,}")
_SPACE_BEFORE_STOP = re.compile(r" +(?=[,.])")
_BLANK_LINES = re.compile(r"\n{3,}")


def _tidy(text: str) -> str:
    """Smooth what empty values leave behind in templates that do not use [ ] parts: runs of
    spaces, a space before a comma or full stop, spaces at the end of a line, rows of blank lines.
    """
    lines = [
        _SPACE_BEFORE_STOP.sub("", _SPACE_RUN.sub(" ", line)).rstrip() for line in text.split("\n")
    ]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def render(
    template: str,
    contact: object,
    *,
    my_name: str | None,
    today: date,
    note: str | None = None,
) -> str:
    """The message a template gives for one contact; never raises, even on a faulty template."""
    values = placeholder_values(contact, my_name=my_name, today=today, note=note)
    chosen: list[Literal | Field] = []
    for part in parse_template(template).parts:
        if isinstance(part, Optional):
            if all(values[p.name] for p in part.parts if isinstance(p, Field)):
                chosen.extend(part.parts)
        else:
            chosen.append(part)
    pieces: list[str] = []
    previous_value = ""
    for piece in chosen:
        if isinstance(piece, Field):
            previous_value = values[piece.name]
            pieces.append(previous_value)
            continue
        ends_sentence = previous_value.endswith(SENTENCE_ENDS)
        pieces.append(without_doubled_stop(piece.text) if ends_sentence else piece.text)
        previous_value = ""
    return _tidy("".join(pieces))


def message_for(
    farewell: Farewell | None,
    contact: object,
    settings: FarewellSettings,
    *,
    tone: str | None = None,
    note: str | None = None,
    flagged: bool = False,
) -> str:
    """The message to show and copy: the user's saved edit if any, else the rendered template,
    else "" when the contact gets no message (see `FarewellSettings.choice_of`; `flagged` says
    the profile carries bare-bones flags).

    `tone` overrides the tone saved for the contact (for `prune farewells --tone`); an edit still
    wins over it, because it is what the user chose to say to this person, and so does the
    choice of no message.
    """
    if farewell is not None and farewell.text is not None:
        return farewell.text
    chosen = settings.choice_of(farewell.tone if farewell is not None else None, flagged=flagged)
    if chosen == NO_MESSAGE:
        return ""
    template = settings.template_of(settings.tone_of(tone or chosen))
    return render(template, contact, my_name=settings.my_name, today=settings.today, note=note)
