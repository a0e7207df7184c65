"""State in SQLite beside the briefs: the delivery ledger (and, later, build history)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS deliveries (
    digest     TEXT NOT NULL,
    recipient  TEXT NOT NULL,          -- lower-cased address
    status     TEXT NOT NULL,          -- queued | sending | sent | failed
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_reply TEXT NOT NULL DEFAULT '',
    message_id TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (digest, recipient)
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


class Store:
    """The project's SQLite state file; every change is committed at once."""

    def __init__(self, path: Path):
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")  # a 'sent' row must survive a power cut
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def __enter__(self) -> Store:
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

    def rows(self, digest: str | None = None) -> list[DeliveryRow]:
        """Ledger rows, of one edition or all, oldest edition first."""
        query = "SELECT * FROM deliveries"
        params: tuple[str, ...] = ()
        if digest:
            query += " WHERE digest = ?"
            params = (digest,)
        cursor = self.db.execute(query + " ORDER BY rowid", params)
        return [DeliveryRow(*row) for row in cursor.fetchall()]


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()
