"""Where in config.toml a problem is: the file, the line and the key, for every message.

prune never stops for a bad settings file, so each message must let the user find the spot at
once, even when the TOML reader itself gave up (a syntax error, or nesting too deep to read).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path


def dotted_key(text: str) -> tuple[str, ...]:
    """`a."b c".d` as ("a", "b c", "d"): a TOML key path, quotes removed."""
    parts: list[str] = []
    current = ""
    quote = ""
    for char in text:
        if quote:
            if char == quote:
                quote = ""
            else:
                current += char
        elif char in "\"'":
            quote = char
        elif char == ".":
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return tuple(parts)


TABLE_HEADER = re.compile(r"^\[\[?\s*(.+?)\s*\]\]?\s*(#.*)?$")


def line_of(text: str, section: str, key: str | None = None) -> int | None:
    """Best-effort line number of `key` inside `[section]` (or of the table itself), for messages.

    Handles dotted and quoted keys and skips the inside of multi-line strings; when the key itself
    is not written out (an inline table, say), the line of the closest enclosing table or key.
    """
    target = dotted_key(section) + ((key,) if key is not None else ())
    table: tuple[str, ...] = ()
    best_line, best_depth = None, 0
    in_string = ""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not in_string and stripped and not stripped.startswith("#"):
            header = TABLE_HEADER.match(stripped)
            if header:
                table = dotted_key(header.group(1))
                found = table
            elif "=" in stripped:
                found = table + dotted_key(stripped.split("=", 1)[0])
            else:
                found = ()
            if found == target:
                return number
            if found and target[: len(found)] == found and len(found) > best_depth:
                best_line, best_depth = number, len(found)
        for quotes in ('"""', "'''"):
            if line.count(quotes) % 2 and in_string in ("", quotes):
                in_string = "" if in_string else quotes
    return best_line


def where_in(
    path: Path, text: str, section: str, key: str | None = None, needle: str | None = None
) -> str:
    """`file, line N, [section] key`; with `needle`, the line of the value where it appears."""
    line = line_of(text, section, key)
    if line is not None and needle:
        lines = text.splitlines()
        line = next(
            (number for number in range(line, len(lines) + 1) if needle in lines[number - 1]),
            line,
        )
    return (
        f"{path}"
        + (f", line {line}" if line else "")
        + f", [{section}]"
        + (f" {key}" if key is not None else "")
    )


TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)")


def toml_problem(path: Path, text: str, error: tomllib.TOMLDecodeError) -> str:
    """One line naming the file and line of a TOML syntax error."""
    message = str(error)
    match = TOML_POSITION.search(message)
    reason = TOML_POSITION.sub("", message).strip() or "syntax error"
    if match and match.group(1):
        where = f"{path}, line {match.group(1)}"
        reason += f" at column {match.group(2)}"
    elif match:
        where = f"{path}, line {max(1, len(text.splitlines()))}"
        reason += " at the end of the file"
    else:
        where = f"{path}"
    return (
        f"{where}: not valid TOML ({reason}); prune uses its built-in settings and farewell "
        "texts until this is fixed"
    )


# What each section of the file may hold; [keys] holds binding ids, [farewell] is read apart.
DEEPEST = 50  # nesting past this is no setting of prune's: say where it starts


def shown_value(value: object) -> str:
    """A wrong value as a message quotes it: short, whatever its size."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def too_deep_problem(path: Path, text: str) -> str:
    """Where a value nests so deeply that the TOML reader gives up, as file, line and key."""
    depth, table, quote = 0, "", ""
    for number, line in enumerate(text.splitlines(), start=1):
        header = TABLE_HEADER.match(line.strip()) if depth == 0 else None
        if header:
            table = header.group(1)
            continue
        for char in line:
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'":
                quote = char
            elif char == "#":
                break
            elif char in "[{":
                depth += 1
            elif char in "]}":
                depth -= 1
            if depth > DEEPEST:
                key = line.split("=", 1)[0].strip() if "=" in line else ""
                place = f", [{table}]" if table else ""
                return (
                    f"{path}, line {number}{place}{' ' + key if key else ''}: nested too deeply "
                    "to be a setting; prune uses its built-in settings until this is fixed"
                )
        quote = ""
    return f"{path}: nested too deeply to read; prune uses its built-in settings"
