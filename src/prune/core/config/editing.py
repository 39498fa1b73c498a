"""Changing one setting in config.toml from the app, keeping everything else the user wrote.

tomli-w can only write a whole document, which would drop the user's comments and layout. So a
value is set by editing lines: the `key = …` line inside `[table]` is replaced, or added under
the table's header, or the table is appended. The result is read back with tomllib before it is
written, and the file is replaced in one step: a change either lands whole or not at all.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import tomli_w

from prune.core.config.locating import TABLE_HEADER, dotted_key
from prune.core.errors import ExportError
from prune.core.lists.atomic_write import write_atomically


class ConfigEditError(Exception):
    """The setting could not be saved; the message says why, in one line."""


def set_config_value(path: Path, table: str, key: str, value: str) -> None:
    """Set `[table] key = value` in the file at `path` (created if missing), comments kept.

    Raises ConfigEditError when the file cannot be read as TOML (the user's own edit is then
    never overwritten) or cannot be written.
    """
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigEditError(f"{path}: cannot be read ({error})") from error
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigEditError(f"{path}: not valid TOML ({error}); fix it first") from error
    section = expected.setdefault(table, {})
    if not isinstance(section, dict):
        raise ConfigEditError(f"{path}: {table} is not a table; fix it first")
    section[key] = value
    edited = with_value(text, table, key, value)
    try:
        document = tomllib.loads(edited)
    except tomllib.TOMLDecodeError:
        document = None
    if document != expected:  # written in a way this line editor does not follow: touch nothing
        raise ConfigEditError(
            f"{path}: cannot set {table}.{key} without disturbing the file; edit it by hand"
        )
    try:
        write_atomically(path, edited.encode("utf-8"), force=True)
    except (ExportError, OSError) as error:
        raise ConfigEditError(f"{path}: cannot be written ({error})") from error


def with_value(text: str, table: str, key: str, value: str) -> str:
    """`text` with `key = value` set inside `[table]`: the line replaced, added or appended."""
    line = tomli_w.dumps({key: value}).strip()
    lines = text.splitlines()
    header, end = _table_span(lines, table)
    if header is None:
        tail = (
            "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
        )
        return f"{text}{tail}[{_table_name(table)}]\n{line}\n"
    for number in range(header + 1, end):
        stripped = lines[number].strip()
        is_setting = "=" in stripped and not stripped.startswith("#")
        if is_setting and dotted_key(stripped.split("=", 1)[0]) == (key,):
            lines[number] = line
            return "\n".join(lines) + "\n"
    lines.insert(header + 1, line)
    return "\n".join(lines) + "\n"


def _table_span(lines: list[str], table: str) -> tuple[int | None, int]:
    """Index of `[table]`'s header line and of the line after its last one (None: no such table)."""
    header: int | None = None
    for number, line in enumerate(lines):
        match = TABLE_HEADER.match(line.strip())
        if not match:
            continue
        if header is not None:
            return header, number
        if not line.strip().startswith("[[") and dotted_key(match.group(1)) == (table,):
            header = number
    return header, len(lines)


def _table_name(table: str) -> str:
    """The table's name as a header writes it: bare when it can be, quoted otherwise."""
    return tomli_w.dumps({table: {}}).strip().strip("[]")
