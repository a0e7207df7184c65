"""The document cache: parsed sources in SQLite, keyed by path and stat, then by content hash.

A file whose size and mtime are unchanged is not read again; a file whose content is unchanged
(same SHA-256, same reader version) is not parsed again, wherever it has moved.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from briefing.model import Document, Turn

log = logging.getLogger(__name__)
READER_VERSION = 10  # bump when a reader's output changes, to re-parse everything once

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path     TEXT PRIMARY KEY,
    size     INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256   TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    sha256   TEXT NOT NULL,
    version  INTEGER NOT NULL,
    doc      TEXT NOT NULL,
    PRIMARY KEY (sha256, version)
);
"""


class DocumentCache:
    """Parsed documents on disk; use as a context manager."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = _open(path)
        except sqlite3.DatabaseError as exc:  # only a cache: start it again
            log.warning("the document cache %s is unreadable (%s); rebuilding it", path, exc)
            for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                stale.unlink(missing_ok=True)
            self.db = _open(path)
        # Documents already decoded in this process, by (path, size, mtime): a long-running
        # 'briefing run' rebuilds without decoding unchanged sources again.
        self.memory: dict[tuple[str, int, int], list[Document]] = {}
        self._stored: dict[str, tuple[int, int, str]] | None = None  # path -> size, mtime, doc

    def __enter__(self) -> DocumentCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def commit(self) -> None:
        """Write what was added."""
        self.db.commit()

    def close(self) -> None:
        """Write and close."""
        self.db.commit()
        self.db.close()

    def unchanged(self, path: Path, size: int, mtime_ns: int) -> list[Document] | None:
        """The documents of a file whose size and mtime are as recorded."""
        key = (str(path), size, mtime_ns)
        if key in self.memory:
            return self.memory[key]
        if self._stored is None:  # one query for the whole corpus beats one per file
            self._stored = {
                row[0]: (row[1], row[2], row[3])
                for row in self.db.execute(
                    "SELECT f.path, f.size, f.mtime_ns, d.doc FROM files f JOIN documents d "
                    "ON d.sha256 = f.sha256 AND d.version = ?",
                    (READER_VERSION,),
                )
            }
        stored = self._stored.get(_key(path))
        if stored is None or stored[:2] != (size, mtime_ns):
            return None
        docs = from_json(stored[2], path)
        self.memory[key] = docs
        return docs

    def forget_old_versions(self) -> None:
        """Keep in memory only the newest version of each file (the last one recorded)."""
        newest = {key[0]: key for key in self.memory}
        self.memory = {key: self.memory[key] for key in newest.values()}

    def get(self, sha256: str, path: Path) -> list[Document] | None:
        """The documents parsed from this content, placed at ``path``."""
        row = self.db.execute(
            "SELECT doc FROM documents WHERE sha256 = ? AND version = ?", (sha256, READER_VERSION)
        ).fetchone()
        return from_json(row[0], path) if row else None

    def put(
        self, path: Path, size: int, mtime_ns: int, sha256: str, docs: list[Document] | None
    ) -> None:
        """Remember a file's stat and hash, and the documents parsed from it."""
        self.db.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", (_key(path), size, mtime_ns, sha256)
        )
        if docs is not None:
            self.memory[(str(path), size, mtime_ns)] = docs
            self.db.execute(
                "INSERT OR REPLACE INTO documents VALUES (?, ?, ?)",
                (sha256, READER_VERSION, to_json(docs, path)),
            )


def _open(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=30)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.executescript(SCHEMA)
        db.execute("SELECT count(*) FROM files").fetchone()
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


def _key(path: Path) -> str:
    """A path as text SQLite can store, even when its name is not valid UTF-8."""
    return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


def content_hash(name: str, data: bytes) -> str:
    """SHA-256 of a file's name and bytes (readers take dates and titles from names too)."""
    return hashlib.sha256(name.encode("utf-8", "surrogateescape") + b"\0" + data).hexdigest()


def to_json(docs: list[Document], path: Path) -> str:
    """A file's Documents as JSON. Paths are stored relative to the file (a feed entry is
    "<file>#<id>"), so the same content can be found again wherever it lives."""
    return json.dumps([_doc_dict(doc, path) for doc in docs], ensure_ascii=False)


def _doc_dict(doc: Document, path: Path) -> dict[str, Any]:
    return {
        "suffix": str(doc.path)[len(str(path)) :] if str(doc.path).startswith(str(path)) else "",
        "title": doc.title,
        "text": doc.text,
        "date": doc.date.isoformat() if doc.date else None,
        "authors": list(doc.authors),
        "publisher": doc.publisher,
        "url": doc.url,
        "doc_type": doc.doc_type,
        "standfirst": doc.standfirst,
        "turns": [[t.speaker, t.role, t.start, t.end] for t in doc.turns],
        "positions": [list(p) for p in doc.positions],
        "pages": list(doc.page_starts),
    }


def from_json(text: str, path: Path) -> list[Document]:
    """The Documents stored by ``to_json``, placed at ``path``."""
    return [
        Document(
            path=Path(str(path) + data["suffix"]) if data["suffix"] else path,
            title=data["title"],
            text=data["text"],
            date=date.fromisoformat(data["date"]) if data["date"] else None,
            authors=tuple(data["authors"]),
            publisher=data["publisher"],
            url=data["url"],
            doc_type=data["doc_type"],
            standfirst=data["standfirst"],
            turns=tuple(Turn(*t) for t in data["turns"]),
            positions=tuple((name, pos) for name, pos in data["positions"]),
            page_starts=tuple(data.get("pages", ())),
        )
        for data in json.loads(text)
    ]
