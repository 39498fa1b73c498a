"""The SQLite file that holds every snapshot, decision and farewell: the one place state lives.

Decisions are keyed by contact, not by snapshot, so they survive re-imports. Every change to a
decision is also appended to a journal, which is what makes many-level undo possible. The tables
and their migrations are in `schema`, the values handed back in `records`.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Unpack

import polars as pl

from prune.core.model import ANSWERS, CONTACT_COLUMNS, QUESTION_IDS, Verdict
from prune.core.state.batches import Batch, Undone, decide_batch, undo_latest, write_decisions
from prune.core.state.checked_open import (
    open_checked_reader,
    open_checked_writer,
    remember_closed_whole,
)
from prune.core.state.connection import (
    DB_NAME,
    StoreError,
    StoreReadOnly,
    open_reader,
    transaction,
)
from prune.core.state.contacts_copy import read_copy, write_copy
from prune.core.state.damage import StoreDamaged
from prune.core.state.frames import query_frame
from prune.core.state.invitation_decisions import InvitationDecisions
from prune.core.state.outreach import Outreach
from prune.core.state.page_check import PageCheck
from prune.core.state.records import (
    DECISION_FIELDS,
    FAREWELL_FIELDS,
    Decision,
    DecisionChanges,
    DecisionCounts,
    Farewell,
    FarewellChanges,
    ImportOutcome,
    Snapshot,
    check_decision_changes,
    check_farewell_changes,
)
from prune.core.state.snapshot_rows import (
    SNAPSHOT_COLUMNS,
    contact_row,
    decision_counts,
    insert_snapshot,
    iso_day,
    snapshot_from_row,
)

__all__ = [
    "DB_NAME",
    "Batch",
    "Decision",
    "DecisionChanges",
    "DecisionCounts",
    "Farewell",
    "ImportOutcome",
    "Snapshot",
    "Store",
    "StoreDamaged",
    "StoreError",
    "StoreReadOnly",
    "Undone",
]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """Open with `Store.open(data_dir)`; every method commits its own writes.

    Each open store is one session: the journal stamps its changes with `session`, and `undo`
    steps back through those alone.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path,
        *,
        writer: bool = False,
        page_check: PageCheck | None = None,
    ) -> None:
        self._db = connection
        self.path = path
        self.session = uuid.uuid4().hex
        self._writer = writer
        self._page_check = page_check

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, folder: Path, *, check_pages_later: bool = False) -> Store:
        """Open (or create) the state file in `folder`, private to the user, checked, migrated.

        Raises StoreDamaged (the file left untouched) when it cannot be trusted, and
        StoreReadOnly when the user made it read-only. Whoever writes holds the folder's
        `lock.WriterLock`; the CLI takes it before opening. `check_pages_later`: see
        `page_check`; the first write, or `pages_checked`, waits for the check.
        """
        connection, path, later = open_checked_writer(folder, check_pages_later=check_pages_later)
        return cls(connection, path, writer=True, page_check=later)

    def pages_checked(self) -> None:
        """Wait for a page check still running; raises StoreDamaged if it found damage."""
        if self._page_check is not None:
            self._page_check.wait()

    @classmethod
    def open_read_only(cls, folder: Path) -> Store | None:
        """The state file for a command that only reads it, checked as `open` checks it.

        Takes no lock and changes nothing, so it works while a review runs and on a file the
        user made read-only. None when there is no usable file yet, or it needs migrating:
        then the caller opens it for writing.
        """
        opened = open_checked_reader(folder)
        return None if opened is None else cls(*opened)

    def reader(self) -> Store:
        """A read-only store on a connection of its own, for one worker thread.

        The rule for threads is written here, once: the connection `open` made belongs to the
        thread that opened it (the UI thread in the app). A thread that needs the store opens a
        reader, uses it only on that thread, and closes it; a thread never writes.
        """
        return type(self)(open_reader(self.path), self.path)

    def close(self) -> None:
        self._db.close()
        if self._writer and (self._page_check is None or self._page_check.passed):
            remember_closed_whole(self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- snapshots -----------------------------------------------------------------------------

    def record_import(
        self,
        *,
        contacts: pl.DataFrame,
        sha256: str,
        source: str,
        source_kind: str,
        export_date: date | None,
        hidden: int,
        duplicates: int,
        files: list[str],
        owner_name: str | None = None,
        owner_first_name: str | None = None,
    ) -> ImportOutcome:
        """Keep an export as a new snapshot, unless the same Connections.csv is already stored.

        `owner_name` and `owner_first_name` say who the export belongs to (reading.owner).
        """
        existing = self._snapshot_where("sha256 = ?", (sha256,))
        if existing is not None:
            owner = (owner_name, owner_first_name)
            return self._recognise(existing, source, source_kind, files, owner)
        dates = contacts["connected_on"].drop_nulls()
        row = {
            "imported_at": _now(),
            "source": source,
            "source_kind": source_kind,
            "sha256": sha256,
            "export_date": export_date.isoformat() if export_date else None,
            "connections": contacts.height,
            "hidden": hidden,
            "duplicates": duplicates,
            "first_connected_on": iso_day(dates.min()),
            "last_connected_on": iso_day(dates.max()),
            "files": json.dumps(files),
            "owner_name": owner_name,
            "owner_first_name": owner_first_name,
        }
        with self.writing() as db:
            snapshot_id = insert_snapshot(db, row, contacts)
        write_copy(
            self.path.parent,
            snapshot_id,
            contacts.select(CONTACT_COLUMNS).sort("key", maintain_order=True),
        )
        carried: int = self._db.execute(
            """SELECT COUNT(*) FROM decisions JOIN contacts USING (key)
               WHERE contacts.snapshot_id = ? AND decisions.verdict IS NOT NULL""",
            (snapshot_id,),
        ).fetchone()[0]
        return ImportOutcome(
            self._snapshot_by_id(snapshot_id), already_imported=False, carried_decisions=carried
        )

    def _recognise(
        self,
        existing: Snapshot,
        source: str,
        source_kind: str,
        files: list[str],
        owner: tuple[str | None, str | None],
    ) -> ImportOutcome:
        """The same connections again: point the snapshot at this copy when it is fuller, or
        when the one recorded has been moved away (evidence is read from the recorded path).

        The owner this copy names is kept where the snapshot did not know it yet."""
        moved = source != existing.source and not Path(existing.source).exists()
        relinked = len(files) > len(existing.files) or (moved and len(files) >= len(existing.files))
        if relinked:
            with self.writing() as db:
                db.execute(
                    """UPDATE snapshots SET source = ?, source_kind = ?, files = ?,
                       owner_name = COALESCE(owner_name, ?),
                       owner_first_name = COALESCE(owner_first_name, ?)
                       WHERE id = ?""",
                    (source, source_kind, json.dumps(files), *owner, existing.id),
                )
            existing = self._snapshot_by_id(existing.id)
        return ImportOutcome(existing, already_imported=True, relinked=relinked)

    def _snapshot_where(self, clause: str, parameters: tuple[object, ...]) -> Snapshot | None:
        row = self._db.execute(
            f"SELECT {SNAPSHOT_COLUMNS} FROM snapshots WHERE {clause} ORDER BY id DESC LIMIT 1",
            parameters,
        ).fetchone()
        return None if row is None else snapshot_from_row(row)

    def _snapshot_by_id(self, snapshot_id: int) -> Snapshot:
        snapshot = self._snapshot_where("id = ?", (snapshot_id,))
        assert snapshot is not None, f"snapshot {snapshot_id} was just written"
        return snapshot

    def snapshots(self) -> list[Snapshot]:
        """All imports, oldest first."""
        rows = self._db.execute(f"SELECT {SNAPSHOT_COLUMNS} FROM snapshots ORDER BY id").fetchall()
        return [snapshot_from_row(row) for row in rows]

    def latest_snapshot(self) -> Snapshot | None:
        """The snapshot the user works on: the most recently imported."""
        return self._snapshot_where("1", ())

    def snapshot(self, snapshot_id: int) -> Snapshot | None:
        return self._snapshot_where("id = ?", (snapshot_id,))

    def contacts(self, snapshot_id: int, columns: Sequence[str] | None = None) -> pl.DataFrame:
        """The reviewable contacts of a snapshot, ordered by key (see contacts_copy); only
        `columns` when given."""
        copy = read_copy(self.path.parent, snapshot_id, columns)
        if copy is not None:
            return copy
        cursor = self._db.execute(
            f"SELECT {', '.join(CONTACT_COLUMNS)} FROM contacts WHERE snapshot_id = ? ORDER BY key",
            (snapshot_id,),
        )
        frame = pl.DataFrame(
            cursor.fetchall(),
            schema={column: pl.String for column in CONTACT_COLUMNS},
            orient="row",
        ).with_columns(pl.col("connected_on").str.to_date("%Y-%m-%d", strict=False))
        write_copy(self.path.parent, snapshot_id, frame)
        return frame if columns is None else frame.select(columns)

    def contact(self, snapshot_id: int, key: str) -> dict[str, object] | None:
        """One contact of the snapshot, as a row of `contacts` (named), read by key."""
        return contact_row(self._db, snapshot_id, key)

    # -- decisions -----------------------------------------------------------------------------

    def decision(self, key: str) -> Decision | None:
        row = self._db.execute(
            f"SELECT {', '.join(DECISION_FIELDS)} FROM decisions WHERE key = ?", (key,)
        ).fetchone()
        return None if row is None else Decision(*row)

    def decisions(
        self, *, verdict: Verdict | None = None, fields: Sequence[str] = DECISION_FIELDS
    ) -> pl.DataFrame:
        """Every decision ever made, keyed by contact (also for contacts no longer connected).

        `verdict` keeps the decisions with that verdict only; `fields` picks the columns (the
        fewer, the quicker: reading them is most of what a list export costs at 30,000).
        """
        unknown = set(fields) - set(DECISION_FIELDS)
        if unknown:
            raise ValueError(f"unknown decision fields: {sorted(unknown)}")
        schema = {name: pl.Int64 if name == "later_seq" else pl.String for name in fields}
        if verdict is None:
            return query_frame(self._db, schema, "FROM decisions")
        where = "FROM decisions WHERE verdict = ?"
        return query_frame(self._db, schema, where, (verdict,), fixed={"verdict": verdict})

    def verdicts(self) -> pl.DataFrame:
        """(key, verdict) of each contact with a verdict: all that counting needs, read in far
        less time than `decisions()` (the first card's header is counted from it)."""
        rows = self._db.execute(
            "SELECT key, verdict FROM decisions WHERE verdict IS NOT NULL"
        ).fetchall()
        return pl.DataFrame(rows, schema={"key": pl.String, "verdict": pl.String}, orient="row")

    def save_decision(
        self,
        key: str,
        action: str,
        *,
        settings: Mapping[str, str | None] | None = None,
        **changes: Unpack[DecisionChanges],
    ) -> Decision:
        """Change a contact's decision and journal it, in one committed transaction.

        Setting `verdict` stamps `decided_at`; setting it to `later` puts the contact at the end
        of the later queue. `settings` are written in the same transaction (the review's place
        in its queue): one commit, so one sync to disk, per key press.
        """
        check_decision_changes(dict(changes))
        now = _now()
        with self.writing() as db:
            for name, value in (settings or {}).items():
                _write_setting(db, name, value)
            before = self.decision(key)
            updated = asdict(before or Decision(key=key)) | dict(changes) | {"updated_at": now}
            if "verdict" in changes:
                verdict = changes["verdict"]
                updated["decided_at"] = now if verdict else None
                if verdict == "later":
                    top = db.execute("SELECT MAX(later_seq) FROM decisions").fetchone()[0]
                    updated["later_seq"] = (top or 0) + 1
            for question in QUESTION_IDS:
                if updated[question] is not None and updated[question] not in ANSWERS:
                    raise ValueError(f"unknown answer {updated[question]!r} for {question}")
            write_decisions(db, [[updated[name] for name in DECISION_FIELDS]])
            db.execute(
                "INSERT INTO journal (at, key, action, before, after, session) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    now,
                    key,
                    action,
                    json.dumps(asdict(before)) if before else None,
                    json.dumps(updated),
                    self.session,
                ),
            )
        return Decision(**updated)

    def undo(self) -> str | None:
        """Undo this session's latest change not undone yet; return the contact's key, or None.

        Only this session's own changes: another process's, or an earlier run's, are its own.
        A batch is undone whole; its first contact's key is returned (see `undo_latest`).
        """
        undone = self.undo_latest(any_session=False)
        return None if undone is None else undone.keys[0]

    def undo_latest(self, *, any_session: bool) -> Undone | None:
        """Undo the latest single decision or batch, of this session or (`any_session`) of any:
        the command line's `prune undo`, which holds the lock, so no other session is writing."""
        with self.writing() as db:
            return undo_latest(db, None if any_session else self.session, _now(), self.session)

    def decide_batch(self, keys: Sequence[str], verdict: Verdict | None) -> Batch:
        """Decide many contacts in one transaction and one journal entry (state.batches)."""
        with self.writing() as db:
            return decide_batch(db, keys, verdict, _now(), self.session)

    def counts(self, snapshot_id: int) -> DecisionCounts:
        """Keep / disconnect / later / undecided among the contacts of one snapshot."""
        return decision_counts(self._db, snapshot_id)

    # -- farewells -----------------------------------------------------------------------------

    def farewell(self, key: str) -> Farewell:
        row = self._db.execute(
            f"SELECT {', '.join(FAREWELL_FIELDS)} FROM farewells WHERE key = ?", (key,)
        ).fetchone()
        return Farewell(key=key) if row is None else Farewell(*row)

    def farewells(self) -> pl.DataFrame:
        cursor = self._db.execute(f"SELECT {', '.join(FAREWELL_FIELDS)} FROM farewells")
        schema = dict.fromkeys(FAREWELL_FIELDS, pl.String)
        return pl.DataFrame(cursor.fetchall(), schema=schema, orient="row")

    def save_farewell(self, key: str, **changes: Unpack[FarewellChanges]) -> Farewell:
        """Change the tone, the edited text (None returns to the template) or the status."""
        check_farewell_changes(dict(changes))
        with self.writing() as db:
            updated = asdict(self.farewell(key)) | dict(changes) | {"updated_at": _now()}
            db.execute(
                "INSERT OR REPLACE INTO farewells (key, tone, text, status, updated_at) "
                "VALUES (:key, :tone, :text, :status, :updated_at)",
                updated,
            )
        return Farewell(**updated)

    # -- after the pruning: invitations and keeping in touch ------------------------------------

    def invitation_decisions(self) -> InvitationDecisions:
        """Accept / ignore / withdraw per invited person (state.invitation_decisions)."""
        self.pages_checked()  # they write on this connection
        return InvitationDecisions(self._db)

    def outreach(self) -> Outreach:
        """When the user last reached out to a kept contact (state.outreach)."""
        self.pages_checked()
        return Outreach(self._db)

    # -- settings ------------------------------------------------------------------------------

    def setting(self, name: str, default: str | None = None) -> str | None:
        row = self._db.execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
        return default if row is None else (None if row[0] is None else str(row[0]))

    def set_setting(self, name: str, value: str | None) -> None:
        with self.writing() as db:
            _write_setting(db, name, value)

    # -- for the modules of core.state with tables of their own (renames, snapshots) ------------

    def writing(self) -> AbstractContextManager[sqlite3.Connection]:
        """One write transaction on this store's connection, committed when the block ends;
        never before the file's pages are known sound (`pages_checked`)."""
        self.pages_checked()
        return transaction(self._db)

    def query(self, sql: str, parameters: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        """Every row one read statement gives."""
        return self._db.execute(sql, parameters).fetchall()


def _write_setting(db: sqlite3.Connection, name: str, value: str | None) -> None:
    db.execute("INSERT OR REPLACE INTO settings (name, value) VALUES (?, ?)", (name, value))
