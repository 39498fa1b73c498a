"""Blank cells drawn in a line of text where a widget's padding used to be, or as an indent.

Joined to the text beside it, a space is exported in a screenshot's SVG as the start of that
text, and SVG renderers drop a leading space: the text would shift one cell left in pictures
(never in a terminal). As a span with a style of its own (one that changes nothing a space
shows), it stays a cell apart, drawn exactly as the padding was.
"""

from __future__ import annotations

from textual.content import Content
from textual.style import Style


def padding(width: int) -> Content:
    """`width` blank cells that keep their place in a screenshot (see above)."""
    return Content.styled(" " * width, Style(underline=False))


PADDING_CELL = padding(1)
