"""State in SQLite beside the briefs: the delivery ledger, approvals and build history."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

from briefing.errors import BriefingError

SCHEMA = """
CREATE TABLE IF NOT EXISTS deliveries (
    digest     TEXT NOT NULL,
    recipient  TEXT NOT NULL,          -- lower-cased address
    status     TEXT NOT NULL,          -- queued | sending | sent | failed | unknown
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_reply TEXT NOT NULL DEFAULT '',
    message_id TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (digest, recipient)
);
CREATE TABLE IF NOT EXISTS briefs (
    name        TEXT PRIMARY KEY,
    fingerprint TEXT,               -- of the last good build's inputs
    files       TEXT,               -- that build's source file states (JSON)
    built_at    TEXT,
    reason      TEXT,               -- schedule | change | manual
    out_dir     TEXT,
    slot_key    TEXT,               -- the last schedule slot done
    slot_due    TEXT,
    pending     TEXT                -- a changed fingerprint seen once, waiting to be stable
);
CREATE TABLE IF NOT EXISTS approvals (
    digest      TEXT PRIMARY KEY,   -- the edition as built (its content, not its build time)
    name        TEXT NOT NULL,
    as_of       TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    approved_at TEXT NOT NULL,
    edits       TEXT NOT NULL       -- the reviewer's edits approved with it (JSON)
);
CREATE TABLE IF NOT EXISTS builds (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    ok          INTEGER NOT NULL,
    detail      TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class DeliveryRow:
    """One ledger row: a brief edition (digest) to one recipient."""

    digest: str
    recipient: str
    status: str
    attempts: int
    last_reply: str
    message_id: str
    updated_at: str


@dataclass(frozen=True)
class Approval:
    """A reviewer's approval of one edition (by its digest), in the ledger beside its rows."""

    digest: str
    name: str
    as_of: str
    approved_by: str
    approved_at: str
    edits: str  # JSON of the review edits approved


class Store:
    """The project's SQLite state file; every change is committed at once."""

    def __init__(self, path: Path):
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        try:
            self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")  # a 'sent' row must survive a power cut
            self.db.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:  # not rebuilt: the ledger says who has had what
            raise BriefingError(
                f"cannot use the state file {path}: {exc} (move it aside to start afresh; "
                "it holds the delivery ledger and build history)"
            ) from None

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def queue(self, digest: str, recipients: list[str]) -> None:
        """Add recipients for an edition; rows that exist keep their status."""
        now = _now()
        with self.db:
            self.db.executemany(
                "INSERT OR IGNORE INTO deliveries (digest, recipient, status, updated_at) "
                "VALUES (?, ?, 'queued', ?)",
                [(digest, r, now) for r in recipients],
            )

    def mark(
        self,
        digest: str,
        recipient: str,
        status: str,
        *,
        reply: str | None = None,
        message_id: str | None = None,
        attempt: bool = False,
    ) -> None:
        """Record a recipient's new status (and reply, message id, one more attempt)."""
        self.db.execute(
            "UPDATE deliveries SET status = ?, last_reply = COALESCE(?, last_reply), "
            "message_id = COALESCE(?, message_id), attempts = attempts + ?, updated_at = ? "
            "WHERE digest = ? AND recipient = ?",
            (status, reply, message_id, int(attempt), _now(), digest, recipient),
        )

    def claim(self, digest: str, recipient: str, attempts: int, message_id: str) -> bool:
        """Mark a row 'sending' (one more attempt) if nobody has touched it since it was read
        with ``attempts``; False means another run has it, so it must not be sent here."""
        cursor = self.db.execute(
            "UPDATE deliveries SET status = 'sending', attempts = attempts + 1, message_id = ?, "
            "updated_at = ? WHERE digest = ? AND recipient = ? AND attempts = ? "
            "AND status IN ('queued', 'sending')",
            (message_id, _now(), digest, recipient, attempts),
        )
        return cursor.rowcount == 1

    def unclaim(self, digest: str, recipient: str, reply: str) -> None:
        """Back to 'queued' without counting the attempt: the message never left."""
        self.db.execute(
            "UPDATE deliveries SET status = 'queued', attempts = attempts - 1, last_reply = ?, "
            "updated_at = ? WHERE digest = ? AND recipient = ?",
            (reply, _now(), digest, recipient),
        )

    def approve(self, approval: Approval) -> None:
        """Record (or replace) the approval of an edition, with the edits approved."""
        self.db.execute(
            "INSERT OR REPLACE INTO approvals VALUES (?, ?, ?, ?, ?, ?)",
            (
                approval.digest,
                approval.name,
                approval.as_of,
                approval.approved_by,
                approval.approved_at,
                approval.edits,
            ),
        )

    def approval(self, digest: str) -> Approval | None:
        """Who approved this edition and when, or None."""
        row = self.db.execute("SELECT * FROM approvals WHERE digest = ?", (digest,)).fetchone()
        return Approval(*row) if row else None

    def approvals(self) -> list[Approval]:
        """Every approval, oldest first."""
        return [Approval(*r) for r in self.db.execute("SELECT * FROM approvals ORDER BY rowid")]

    def rows(self, digest: str | None = None) -> list[DeliveryRow]:
        """Ledger rows, of one edition or all, oldest edition first."""
        query = "SELECT * FROM deliveries"
        params: tuple[str, ...] = ()
        if digest:
            query += " WHERE digest = ?"
            params = (digest,)
        cursor = self.db.execute(query + " ORDER BY rowid", params)
        return [DeliveryRow(*row) for row in cursor.fetchall()]


@dataclass(frozen=True)
class BriefState:
    """What the state file knows of one brief."""

    name: str
    fingerprint: str | None = None
    files: str | None = None
    built_at: str | None = None
    reason: str | None = None
    out_dir: str | None = None
    slot_key: str | None = None
    slot_due: str | None = None
    pending: str | None = None


class BuildState(Store):
    """Build history, last fingerprint and schedule slot of each brief."""

    def brief(self, name: str) -> BriefState:
        """The state of one brief (empty before its first build)."""
        row = self.db.execute("SELECT * FROM briefs WHERE name = ?", (name,)).fetchone()
        return BriefState(*row) if row else BriefState(name)

    def _upsert(self, name: str, **values: str | None) -> None:
        self.db.execute("INSERT OR IGNORE INTO briefs (name) VALUES (?)", (name,))
        assignments = ", ".join(f"{key} = ?" for key in values)
        self.db.execute(f"UPDATE briefs SET {assignments} WHERE name = ?", (*values.values(), name))

    def built(self, name: str, *, reason: str, out_dir: str, started_at: str) -> None:
        """Record a good build."""
        with self.db:
            self._upsert(name, built_at=_now(), reason=reason, out_dir=out_dir)
            self._log(name, reason, started_at, True, out_dir)

    def inputs_built(self, name: str, *, fingerprint: str, files: str) -> None:
        """Record the inputs of the last good build, which change detection compares with."""
        self._upsert(name, fingerprint=fingerprint, files=files, pending=None)

    def failed(self, name: str, *, reason: str, started_at: str, detail: str) -> None:
        """Record a failed build; the last good one stays current."""
        self._log(name, reason, started_at, False, detail)

    def _log(self, name: str, reason: str, started_at: str, ok: bool, detail: str) -> None:
        self.db.execute(
            "INSERT INTO builds (name, reason, started_at, finished_at, ok, detail) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (name, reason, started_at, _now(), int(ok), detail),
        )

    def slot_done(self, name: str, key: str, due: str) -> None:
        """Record that a schedule slot has been built (or deliberately skipped)."""
        self._upsert(name, slot_key=key, slot_due=due)

    def set_pending(self, name: str, fingerprint: str | None) -> None:
        """Remember a changed fingerprint until the next poll confirms it."""
        self._upsert(name, pending=fingerprint)

    def history(self, name: str, limit: int = 10) -> list[tuple[str, str, str, int, str]]:
        """The latest builds: (reason, started, finished, ok, detail), newest first."""
        return self.db.execute(
            "SELECT reason, started_at, finished_at, ok, detail FROM builds WHERE name = ? "
            "ORDER BY id DESC LIMIT ?",
            (name, limit),
        ).fetchall()


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()
