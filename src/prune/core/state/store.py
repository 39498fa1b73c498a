"""The SQLite file that holds every snapshot, decision and farewell: the one place state lives.

Decisions are keyed by contact, not by snapshot, so they survive re-imports. Every change to a
decision is also appended to a journal, which is what makes many-level undo and history possible.
WAL mode with synchronous=NORMAL commits in well under a millisecond and survives an application
crash; each write is its own transaction, committed before the caller moves on.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, date, datetime
from pathlib import Path

import polars as pl

from prune.core.model import ANSWERS, CONTACT_COLUMNS, FAREWELL_STATUSES, QUESTION_IDS, VERDICTS
from prune.core.paths import ensure_private_dir

DB_NAME = "prune.sqlite3"


class StoreError(Exception):
    """The state file cannot be used (locked, damaged, or from a newer prune)."""


_MIGRATIONS: list[str] = [
    # 1: the first schema.
    """
    CREATE TABLE snapshots (
        id INTEGER PRIMARY KEY,
        imported_at TEXT NOT NULL,
        source TEXT NOT NULL,
        source_kind TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        export_date TEXT,
        connections INTEGER NOT NULL,
        hidden INTEGER NOT NULL,
        duplicates INTEGER NOT NULL,
        first_connected_on TEXT,
        last_connected_on TEXT,
        files TEXT NOT NULL
    );
    CREATE TABLE contacts (
        snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
        key TEXT NOT NULL,
        first_name TEXT,
        last_name TEXT,
        url TEXT,
        email TEXT,
        company TEXT,
        position TEXT,
        connected_on TEXT,
        PRIMARY KEY (snapshot_id, key)
    ) WITHOUT ROWID;
    CREATE TABLE decisions (
        key TEXT PRIMARY KEY,
        verdict TEXT CHECK (verdict IN ('keep', 'disconnect', 'later')),
        known TEXT CHECK (known IN ('yes', 'no', 'maybe')),
        interacted TEXT CHECK (interacted IN ('yes', 'no', 'maybe')),
        favour TEXT CHECK (favour IN ('yes', 'no', 'maybe')),
        note TEXT,
        later_seq INTEGER,
        decided_at TEXT,
        updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE journal (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        key TEXT NOT NULL,
        action TEXT NOT NULL,
        before TEXT,
        after TEXT,
        undoes INTEGER REFERENCES journal(id)
    );
    CREATE INDEX journal_undoes ON journal(undoes);
    CREATE TABLE farewells (
        key TEXT PRIMARY KEY,
        tone TEXT,
        text TEXT,
        status TEXT NOT NULL DEFAULT 'drafted'
            CHECK (status IN ('drafted', 'copied', 'sent', 'removed')),
        updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE settings (
        name TEXT PRIMARY KEY,
        value TEXT
    ) WITHOUT ROWID;
    """,
]
SCHEMA_VERSION = len(_MIGRATIONS)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Snapshot:
    """One imported export."""

    id: int
    imported_at: str
    source: str
    source_kind: str
    sha256: str
    export_date: str | None
    connections: int
    hidden: int
    duplicates: int
    first_connected_on: str | None
    last_connected_on: str | None
    files: list[str]


@dataclass(frozen=True)
class Decision:
    """What the user said about one contact; `verdict` None means not decided yet."""

    key: str
    verdict: str | None = None
    known: str | None = None
    interacted: str | None = None
    favour: str | None = None
    note: str | None = None
    later_seq: int | None = None
    decided_at: str | None = None
    updated_at: str | None = None


@dataclass(frozen=True)
class Farewell:
    """The per-contact farewell state: chosen tone, the user's own edit, and follow-through."""

    key: str
    tone: str | None = None
    text: str | None = None
    status: str = "drafted"
    updated_at: str | None = None


@dataclass(frozen=True)
class ImportOutcome:
    """What recording an import did."""

    snapshot: Snapshot
    already_imported: bool
    relinked: bool = False  # same connections, fuller archive: the snapshot now points at it
    carried_decisions: int = 0


@dataclass
class DecisionCounts:
    keep: int = 0
    disconnect: int = 0
    later: int = 0
    undecided: int = 0
    extra: dict[str, int] = field(default_factory=dict)

    @property
    def decided(self) -> int:
        return self.keep + self.disconnect

    def as_dict(self) -> dict[str, int]:
        return {
            "keep": self.keep,
            "disconnect": self.disconnect,
            "later": self.later,
            "undecided": self.undecided,
        }


_DECISION_FIELDS = [f.name for f in fields(Decision)]
_CONTACT_COLUMNS = CONTACT_COLUMNS


class Store:
    """Open with `Store.open(data_dir)`; every method commits its own writes."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, folder: Path) -> Store:
        """Open (or create) the state file in `folder`, private to the user, migrated."""
        ensure_private_dir(folder)
        path = folder / DB_NAME
        if not path.exists():
            # Create it private before SQLite writes a byte into it.
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        os.chmod(path, 0o600)
        try:
            connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA foreign_keys=ON")
            connection.execute("PRAGMA busy_timeout=2000")
            store = cls(connection, path)
            store._migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(
                f"the state file {path} cannot be used ({error}); move it aside to start afresh"
            ) from None
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.chmod(side, 0o600)
        return store

    def reader(self) -> Store:
        """A read-only store on a connection of its own, for one worker thread.

        The rule for threads is written here, once: the connection `open` made belongs to the
        thread that opened it (the UI thread in the app). A thread that needs the store opens a
        reader, uses it only on that thread, and closes it; a thread never writes.
        """
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        try:
            connection = sqlite3.connect(uri, uri=True, isolation_level=None)
            connection.execute("PRAGMA busy_timeout=2000")
        except sqlite3.DatabaseError as error:
            raise StoreError(f"the state file {self.path} cannot be read ({error})") from None
        return type(self)(connection, self.path)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the state file {self.path} was written by a newer prune (schema {version}); "
                "upgrade prune"
            )
        for number in range(version, SCHEMA_VERSION):
            with self._transaction():
                self._apply(number)

    def _apply(self, number: int) -> None:
        for statement in _split_sql(_MIGRATIONS[number]):
            self._db.execute(statement)
        self._db.execute(f"PRAGMA user_version={number + 1}")

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    @property
    def journal_mode(self) -> str:
        return self._db.execute("PRAGMA journal_mode").fetchone()[0]

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

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
    ) -> ImportOutcome:
        """Keep an export as a new snapshot, unless the same Connections.csv is already stored."""
        existing = self._snapshot_where("sha256 = ?", (sha256,))
        if existing is not None:
            # Point the snapshot at this copy when it is fuller, or when the one recorded has
            # been moved away (evidence is read from the recorded path).
            moved = source != existing.source and not Path(existing.source).exists()
            relinked = len(files) > len(existing.files) or (
                moved and len(files) >= len(existing.files)
            )
            if relinked:
                with self._transaction() as db:
                    db.execute(
                        "UPDATE snapshots SET source = ?, source_kind = ?, files = ? WHERE id = ?",
                        (source, source_kind, json.dumps(files), existing.id),
                    )
                existing = self._snapshot_where("id = ?", (existing.id,))
                assert existing is not None
            return ImportOutcome(existing, already_imported=True, relinked=relinked)
        dates = contacts["connected_on"].drop_nulls()
        first = dates.min() if dates.len() else None
        last = dates.max() if dates.len() else None
        rows = contacts.select(_CONTACT_COLUMNS).with_columns(
            pl.col("connected_on").cast(pl.String)
        )
        with self._transaction() as db:
            cursor = db.execute(
                """INSERT INTO snapshots (imported_at, source, source_kind, sha256, export_date,
                   connections, hidden, duplicates, first_connected_on, last_connected_on, files)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    _now(),
                    source,
                    source_kind,
                    sha256,
                    export_date.isoformat() if export_date else None,
                    contacts.height,
                    hidden,
                    duplicates,
                    first.isoformat() if first else None,
                    last.isoformat() if last else None,
                    json.dumps(files),
                ),
            )
            snapshot_id = cursor.lastrowid
            db.executemany(
                f"INSERT INTO contacts (snapshot_id, {', '.join(_CONTACT_COLUMNS)}) "
                f"VALUES ({snapshot_id}, {', '.join('?' * len(_CONTACT_COLUMNS))})",
                rows.iter_rows(),
            )
        self._write_contacts_copy(
            snapshot_id, contacts.select(_CONTACT_COLUMNS).sort("key", maintain_order=True)
        )
        snapshot = self._snapshot_where("id = ?", (snapshot_id,))
        assert snapshot is not None
        carried = self._db.execute(
            """SELECT COUNT(*) FROM decisions JOIN contacts USING (key)
               WHERE contacts.snapshot_id = ? AND decisions.verdict IS NOT NULL""",
            (snapshot_id,),
        ).fetchone()[0]
        return ImportOutcome(snapshot, already_imported=False, carried_decisions=carried)

    def _snapshot_where(self, clause: str, parameters: tuple[object, ...]) -> Snapshot | None:
        row = self._db.execute(
            f"SELECT * FROM snapshots WHERE {clause} ORDER BY id DESC LIMIT 1", parameters
        ).fetchone()
        return None if row is None else self._snapshot(row)

    def _snapshot(self, row: tuple[object, ...]) -> Snapshot:
        values = list(row)
        values[-1] = json.loads(str(values[-1]))
        return Snapshot(*values)  # type: ignore[arg-type]

    def snapshots(self) -> list[Snapshot]:
        """All imports, oldest first."""
        rows = self._db.execute("SELECT * FROM snapshots ORDER BY id").fetchall()
        return [self._snapshot(row) for row in rows]

    def latest_snapshot(self) -> Snapshot | None:
        """The snapshot the user works on: the most recently imported."""
        return self._snapshot_where("1", ())

    def snapshot(self, snapshot_id: int) -> Snapshot | None:
        return self._snapshot_where("id = ?", (snapshot_id,))

    def contacts(self, snapshot_id: int) -> pl.DataFrame:
        """The reviewable contacts of a snapshot, ordered by key.

        A snapshot never changes once imported, so a columnar copy of its contacts is kept
        beside the database: reading it takes milliseconds where SQLite takes ~0.1 s at 30,000
        rows, and that is on the way to the first card. The database stays the record; the
        copy is rebuilt from it whenever it is missing or unreadable.
        """
        copy = self._contacts_copy(snapshot_id)
        try:
            return pl.read_ipc(copy.read_bytes())
        except (OSError, pl.exceptions.PolarsError):
            pass
        cursor = self._db.execute(
            f"SELECT {', '.join(_CONTACT_COLUMNS)} FROM contacts WHERE snapshot_id = ? "
            "ORDER BY key",
            (snapshot_id,),
        )
        frame = pl.DataFrame(
            cursor.fetchall(),
            schema={column: pl.String for column in _CONTACT_COLUMNS},
            orient="row",
        ).with_columns(pl.col("connected_on").str.to_date("%Y-%m-%d", strict=False))
        self._write_contacts_copy(snapshot_id, frame)
        return frame

    def _contacts_copy(self, snapshot_id: int) -> Path:
        return self.path.parent / f"contacts-{snapshot_id}.arrow"

    def _write_contacts_copy(self, snapshot_id: int, frame: pl.DataFrame) -> None:
        """Best effort, private to the user, never half-written; failing only costs speed."""
        target = self._contacts_copy(snapshot_id)
        temporary = target.with_name(target.name + ".tmp")
        try:
            descriptor = os.open(temporary, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                frame.select(_CONTACT_COLUMNS).write_ipc(handle)
            os.replace(temporary, target)
        except OSError:
            temporary.unlink(missing_ok=True)

    # -- decisions -----------------------------------------------------------------------------

    def decision(self, key: str) -> Decision | None:
        row = self._db.execute(
            f"SELECT {', '.join(_DECISION_FIELDS)} FROM decisions WHERE key = ?", (key,)
        ).fetchone()
        return None if row is None else Decision(*row)

    def decisions(self) -> pl.DataFrame:
        """Every decision ever made, keyed by contact (also for contacts no longer connected)."""
        cursor = self._db.execute(f"SELECT {', '.join(_DECISION_FIELDS)} FROM decisions")
        schema = {name: pl.String for name in _DECISION_FIELDS} | {"later_seq": pl.Int64}
        return pl.DataFrame(cursor.fetchall(), schema=schema, orient="row")

    def save_decision(self, key: str, action: str, **changes: object) -> Decision:
        """Change a contact's decision and journal it, in one committed transaction.

        Setting `verdict` stamps `decided_at`; setting it to `later` puts the contact at the end
        of the later queue.
        """
        unknown = set(changes) - set(_DECISION_FIELDS)
        if unknown:
            raise ValueError(f"unknown decision fields: {sorted(unknown)}")
        now = _now()
        with self._transaction() as db:
            before = self.decision(key)
            current = asdict(before) if before else asdict(Decision(key=key))
            updated = current | changes | {"updated_at": now}
            if "verdict" in changes:
                verdict = changes["verdict"]
                if verdict is not None and verdict not in VERDICTS:
                    raise ValueError(f"unknown verdict {verdict!r}")
                updated["decided_at"] = now if verdict else None
                if verdict == "later":
                    top = db.execute("SELECT MAX(later_seq) FROM decisions").fetchone()[0]
                    updated["later_seq"] = (top or 0) + 1
            for question in QUESTION_IDS:
                if updated[question] is not None and updated[question] not in ANSWERS:
                    raise ValueError(f"unknown answer {updated[question]!r} for {question}")
            self._write_decision(db, updated)
            db.execute(
                "INSERT INTO journal (at, key, action, before, after) VALUES (?, ?, ?, ?, ?)",
                (
                    now,
                    key,
                    action,
                    json.dumps(asdict(before)) if before else None,
                    json.dumps(updated),
                ),
            )
        return Decision(**updated)

    @staticmethod
    def _write_decision(db: sqlite3.Connection, values: dict[str, object]) -> None:
        db.execute(
            f"INSERT OR REPLACE INTO decisions ({', '.join(_DECISION_FIELDS)}) "
            f"VALUES ({', '.join('?' * len(_DECISION_FIELDS))})",
            [values[name] for name in _DECISION_FIELDS],
        )

    def undo(self) -> str | None:
        """Undo the latest change not undone yet; return the contact's key, or None if none."""
        now = _now()
        with self._transaction() as db:
            row = db.execute(
                """SELECT id, key, before FROM journal
                   WHERE undoes IS NULL
                     AND id NOT IN (SELECT undoes FROM journal WHERE undoes IS NOT NULL)
                   ORDER BY id DESC LIMIT 1"""
            ).fetchone()
            if row is None:
                return None
            entry_id, key, before = row
            if before is None:
                db.execute("DELETE FROM decisions WHERE key = ?", (key,))
            else:
                self._write_decision(db, json.loads(before))
            db.execute(
                "INSERT INTO journal (at, key, action, before, after, undoes) "
                "VALUES (?, ?, 'undo', NULL, ?, ?)",
                (now, key, before, entry_id),
            )
        return key

    def history(self, key: str | None = None) -> list[dict[str, object]]:
        """Journal entries, oldest first, optionally for one contact."""
        query = "SELECT id, at, key, action, before, after, undoes FROM journal"
        rows = self._db.execute(
            query + (" WHERE key = ? ORDER BY id" if key else " ORDER BY id"),
            (key,) if key else (),
        ).fetchall()
        names = ("id", "at", "key", "action", "before", "after", "undoes")
        return [dict(zip(names, row, strict=True)) for row in rows]

    def counts(self, snapshot_id: int) -> DecisionCounts:
        """Keep / disconnect / later / undecided among the contacts of one snapshot."""
        rows = self._db.execute(
            """SELECT decisions.verdict, COUNT(*) FROM contacts
               LEFT JOIN decisions USING (key)
               WHERE contacts.snapshot_id = ? GROUP BY decisions.verdict""",
            (snapshot_id,),
        ).fetchall()
        counts = DecisionCounts()
        for verdict, number in rows:
            if verdict in VERDICTS:
                setattr(counts, verdict, number)
            else:
                counts.undecided += number
        return counts

    # -- farewells -----------------------------------------------------------------------------

    def farewell(self, key: str) -> Farewell:
        row = self._db.execute(
            "SELECT key, tone, text, status, updated_at FROM farewells WHERE key = ?", (key,)
        ).fetchone()
        return Farewell(key=key) if row is None else Farewell(*row)

    def farewells(self) -> pl.DataFrame:
        cursor = self._db.execute("SELECT key, tone, text, status, updated_at FROM farewells")
        schema = {name: pl.String for name in ("key", "tone", "text", "status", "updated_at")}
        return pl.DataFrame(cursor.fetchall(), schema=schema, orient="row")

    def save_farewell(self, key: str, **changes: object) -> Farewell:
        """Change the tone, the edited text (None returns to the template) or the status."""
        unknown = set(changes) - {"tone", "text", "status"}
        if unknown:
            raise ValueError(f"unknown farewell fields: {sorted(unknown)}")
        status = changes.get("status")
        if status is not None and status not in FAREWELL_STATUSES:
            raise ValueError(f"unknown farewell status {status!r}")
        with self._transaction() as db:
            updated = asdict(self.farewell(key)) | changes | {"updated_at": _now()}
            db.execute(
                "INSERT OR REPLACE INTO farewells (key, tone, text, status, updated_at) "
                "VALUES (:key, :tone, :text, :status, :updated_at)",
                updated,
            )
        return Farewell(**updated)

    # -- settings ------------------------------------------------------------------------------

    def setting(self, name: str, default: str | None = None) -> str | None:
        row = self._db.execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
        return default if row is None else row[0]

    def set_setting(self, name: str, value: str | None) -> None:
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO settings (name, value) VALUES (?, ?)", (name, value))


def _split_sql(script: str) -> Iterable[str]:
    for statement in script.split(";"):
        if statement.strip():
            yield statement
