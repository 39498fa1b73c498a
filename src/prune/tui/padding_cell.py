"""A blank cell drawn in a line of text where a widget's padding used to be.

Joined to the text beside it, a space is exported in a screenshot's SVG as the start of that
text, and SVG renderers drop a leading space: the text would shift one cell left in pictures
(never in a terminal). As a span with a style of its own (one that changes nothing a space
shows), it stays a cell apart, drawn exactly as the padding was.
"""

from __future__ import annotations

from textual.content import Content
from textual.style import Style

PADDING_CELL = Content.styled(" ", Style(underline=False))
