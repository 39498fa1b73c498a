"""File sizes as a person reads them: "812 B", "48 KB", "3.4 MB"."""

from __future__ import annotations


def human_size(size: int) -> str:
    """`size` bytes in the largest unit that keeps the number at or above 1 (powers of 1024)."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            break
        value /= 1024
    if unit == "B":
        return f"{size} B"
    return f"{value:.1f} {unit}" if value < 10 else f"{value:.0f} {unit}"
