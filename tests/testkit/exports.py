"""Small LinkedIn exports written on the fly: Connections.csv text and zips."""

from __future__ import annotations

import io
import zipfile

PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, some e-mail addresses may be missing, and so on."\n'
    "\n"
)
HEADER_2023 = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"


def connections_text(*rows: str, header: str = HEADER_2023, preamble: bool = True) -> str:
    """A Connections.csv as LinkedIn writes it: preamble, header, rows, no final newline."""
    return (PREAMBLE if preamble else "") + "\n".join([header, *rows])


def make_zip(files: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data.encode() if isinstance(data, str) else data)
    return buffer.getvalue()
