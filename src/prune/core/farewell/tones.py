"""The tones a farewell can be written in: the built-in texts, and which tone a message uses.

A farewell is sent before the connection is removed, because afterwards LinkedIn no longer lets
the user message the person. The built-in tones say why the connection goes without blaming the
person, and read naturally when the company, the date or the user's name is missing. The user's own
tones come from the config file; `t` goes through them in order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

DEFAULT_TONE = "warm"
NO_MESSAGE = "no message"
"""The choice `t` reaches after the last tone: no farewell at all. A flagged, bare-bones profile
(likely a fake account) starts with it, since nobody would read the message. Stored like a tone."""

WARM = """\
Hi[ {first_name}],

I'm trimming my LinkedIn network down to a smaller circle I can genuinely keep up with, so \
over the next few days I'll be removing a good number of connections, ours included. It's \
simply about the size of my list, nothing more.[ We've been connected for {years}, and I'm \
glad our paths crossed.]

[I hope all is going well at {company}. ]Wishing you every success, and if we cross paths \
again, I'd be happy to reconnect.

Warm wishes[,
{my_name}]"""

BRIEF = """\
Hi[ {first_name}], a quick heads-up: I'm cutting my LinkedIn connections down to a small \
circle, so I'll be removing ours shortly. It's purely about keeping my list small. Thanks for \
being connected, and all the best[ at {company}]!
[– {my_name}]"""

FORMAL = """\
[Dear {first_name},

]I am reducing my LinkedIn network to a smaller number of contacts I am regularly in touch \
with, and will therefore be removing a number of connections in the coming days, including \
ours. This reflects only how I intend to use LinkedIn from now on.[ We have been connected for \
{years}, and I am grateful for that.]

I wish you continued success[ at {company}].

Kind regards[,
{my_name}]"""

BUILTIN_TONES: dict[str, str] = {"warm": WARM, "brief": BRIEF, "formal": FORMAL}


def tone_names(templates: Mapping[str, str] | None = None) -> list[str]:
    """The tones in the order `t` cycles through them: built-ins first, then the user's own."""
    return list(BUILTIN_TONES if templates is None else templates)


def farewell_choices(tones: Sequence[str]) -> list[str]:
    """What `t` cycles through: the tones, then no message."""
    return [*tones, NO_MESSAGE]


def next_tone(current: str | None, tones: Sequence[str] = tuple(BUILTIN_TONES)) -> str:
    """The tone after `current`, wrapping round; the first tone when `current` is unknown."""
    names = list(tones)
    if not names:
        return DEFAULT_TONE
    if current not in names:
        return names[0]
    return names[(names.index(current) + 1) % len(names)]


def effective_tone(
    chosen: str | None, templates: Mapping[str, str], default_tone: str = DEFAULT_TONE
) -> str:
    """The tone a message is rendered in: the chosen one if it still exists, else the default."""
    if chosen is not None and chosen in templates:
        return chosen
    if default_tone in templates:
        return default_tone
    return next(iter(templates), DEFAULT_TONE)


def tone_template(tone: str, templates: Mapping[str, str]) -> str:
    """The text of a tone from `effective_tone`; a built-in one if `templates` lacks it."""
    return templates.get(tone, BUILTIN_TONES.get(tone, WARM))
