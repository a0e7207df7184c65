"""The document cache and index: parsed sources in SQLite, one database per user.

Files are keyed by resolved path, stat and content hash: a file whose size and mtime are
unchanged is not read again; a file whose content is unchanged (same SHA-256, same reader
version) is not parsed again, wherever it has moved. Every document of an indexed file has a
row with the fields the query language filters on and an FTS5 row (title, text), kept in step
as files are parsed, changed or removed. Analyses (and the runs near-duplicates are compared
by) are kept by document content, and forgotten once unused for a month.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import sqlite3
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlparse

from briefing.model import Document, Turn

log = logging.getLogger(__name__)
READER_VERSION = 29  # bump when a reader's output changes, to re-parse everything once
SCHEMA_VERSION = 4  # bump when the tables change: an older cache is started again
CACHE_ENV = "BRIEFING_CACHE"  # a folder for the cache instead of the user's cache folder
SHORT_PARAGRAPH = 300  # characters; see ingest/repeated.py
TEXT_DUMPS = (".txt", ".text")  # the files whose repeated short paragraphs are furniture
# A document's id is its date's day number shifted by DAY_BITS, plus a count (undated: day 0),
# so that a date window is a range of ids, which FTS5 can seek to (see index.id_range).
DAY_BITS = 24
# Analyses and runs are kept by content, so nothing says when their document is gone or their
# code is old; the day each was last used is noted beside it instead (in a table of its own,
# which a version without it leaves alone), and one unused for this many days is forgotten (a
# document back in a brief after that is analysed again).
UNUSED_DAYS = 30
USED_TABLES = ("analyses", "runs")
# Full-text rows are held back and written in id order when the transaction is committed:
# FTS5 writes out its pending rows as a new segment whenever an id is lower than the last one,
# and ids follow dates, not the order files are parsed in (one segment per document: 0.24 ->
# 0.15 ms a document). At most this many characters of text are held back.
PENDING_TEXT = 16_000_000
# Documents are read a page at a time: two queries a page rather than one a document.
PAGE = 100
# SQLite's page size for a new cache (an existing one keeps its own). A first ingest writes
# every page to the write-ahead log and again to the database, a system call or two per page:
# with 16 KiB pages rather than 4 KiB, a first ingest's writes cost a fifth less CPU (1,000
# HTML pages: 0.37 -> 0.31 ms a file). Text and full-text rows (FTS5 leaves of ~4 kB) fill
# them as well; lookups by path read a few pages either way.
PAGE_BYTES = 16_384
# Seconds a write waits for another process's write lock before "database is locked".
LOCK_WAIT = 60.0
# What a build learns while it reads (sketches, runs, analyses, days of use) is held back and
# written at commit, in a transaction of its own. The read phase reads in one transaction
# (``use`` writes the temp table ``scope``), and SQLite cannot let such a transaction write
# once another process has written since it began: it answers "database is locked" at once,
# without waiting (two builds sharing the user's cache stopped each other that way).
Known = tuple[str, int, int, int, int]  # an indexed file: key, id, size, mtime_ns, reader version

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    id       INTEGER PRIMARY KEY,
    path     TEXT UNIQUE NOT NULL,
    size     INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256   TEXT NOT NULL,
    version  INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS contents (
    sha256   TEXT NOT NULL,
    version  INTEGER NOT NULL,
    doc      TEXT NOT NULL,
    PRIMARY KEY (sha256, version)
);
CREATE TABLE IF NOT EXISTS docs (
    id        INTEGER PRIMARY KEY,
    file_id   INTEGER NOT NULL,
    n         INTEGER NOT NULL,
    date      TEXT,
    type      TEXT NOT NULL,
    publisher TEXT NOT NULL,
    host      TEXT NOT NULL,
    authors   TEXT NOT NULL,
    people    TEXT NOT NULL,
    length    INTEGER NOT NULL,
    folder    TEXT NOT NULL,
    dump      INTEGER NOT NULL,
    sketch    BLOB
);
CREATE INDEX IF NOT EXISTS docs_file ON docs (file_id);
CREATE INDEX IF NOT EXISTS docs_date ON docs (date);
-- a folder's furniture is counted from this index and shortpars_doc_hash alone
DROP INDEX IF EXISTS docs_folder;
CREATE INDEX IF NOT EXISTS docs_folder_file ON docs (folder, dump, file_id);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5 (title, text, tokenize = 'unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS fts_vocab USING fts5vocab (fts, 'row');
CREATE TABLE IF NOT EXISTS shortpars (doc_id INTEGER NOT NULL, hash INTEGER NOT NULL);
DROP INDEX IF EXISTS shortpars_hash;
DROP INDEX IF EXISTS shortpars_doc;
CREATE INDEX IF NOT EXISTS shortpars_doc_hash ON shortpars (doc_id, hash);
CREATE TABLE IF NOT EXISTS analyses (key TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS runs (key BLOB PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS analyses_used (key TEXT PRIMARY KEY, day INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS analyses_used_day ON analyses_used (day);
CREATE TABLE IF NOT EXISTS runs_used (key BLOB PRIMARY KEY, day INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS runs_used_day ON runs_used (day);
CREATE TABLE IF NOT EXISTS folders (path TEXT PRIMARY KEY, mtime_ns INTEGER NOT NULL);
"""


def default_cache_path() -> Path:
    """The user's cache: $BRIEFING_CACHE, else $XDG_CACHE_HOME/briefing, else ~/.cache/briefing."""
    folder = os.environ.get(CACHE_ENV)
    if not folder:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = os.path.join(base, "briefing")
    return Path(folder) / "index.sqlite"


@dataclass
class Scope:
    """The files of one set of sources: by file id, at the paths the scan found them, and
    every indexed file under ``roots`` ((indexed prefix, the prefix as named) pairs), which
    are not listed one by one. ``updated`` counts the files indexed again or removed."""

    files: dict[int, str] = field(default_factory=dict)
    roots: list[tuple[str, str]] = field(default_factory=list)
    updated: int = 0

    def name(self, file_id: int, key: str) -> str | None:
        """Where the scan found a file (None: not in the scope)."""
        found = self.files.get(file_id)
        if found is not None:
            return found
        for prefix, named in self.roots:
            if key.startswith(prefix):
                return named + key[len(prefix) :]
        return None


class DocumentCache:
    """Parsed documents and their index on disk; use as a context manager."""

    def __init__(self, path: Path | None = None):
        path = path or default_cache_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        try:
            self.db = _open(path)
        except sqlite3.DatabaseError as exc:  # only a cache: start it again
            if _locked(exc):  # another process's, in use: never delete it
                raise
            log.warning("the document cache %s is unreadable (%s); rebuilding it", path, exc)
            for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                stale.unlink(missing_ok=True)
            self.db = _open(path)
        self._scope: Scope | None = None
        self._fts: dict[int, tuple[int, str, str]] = {}  # doc id -> full-text row, unwritten
        self._fts_chars = 0
        self._memos: dict[tuple[str, str | bytes], bytes] = {}  # (table, key) -> data, unwritten
        self._sketches: dict[int, bytes] = {}  # doc id -> sketch, unwritten
        self._days: dict[tuple[str, str | bytes], int] = {}  # (table, key) -> day used, unwritten

    def __enter__(self) -> DocumentCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def commit(self) -> None:
        """Write what was added, then what reading learnt (see LOCK_WAIT)."""
        self._write_fts()
        self.db.commit()
        if self._memos or self._sketches or self._days:
            self._write_memos()
            self.db.commit()

    def _write_memos(self) -> None:
        for (table, key), data in self._memos.items():
            self.db.execute(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", (key, data))
        for (table, key), day in self._days.items():
            self.db.execute(f"INSERT OR REPLACE INTO {table}_used VALUES (?, ?)", (key, day))
        rows = [(blob, doc_id) for doc_id, blob in self._sketches.items()]
        self.db.executemany("UPDATE docs SET sketch = ? WHERE id = ?", rows)
        self._memos.clear()
        self._sketches.clear()
        self._days.clear()

    def close(self) -> None:
        """Write and close."""
        self.commit()
        self.db.close()

    def folders(self, root: str) -> dict[str, int]:
        """The folders at and below ``root`` as last listed: path -> mtime_ns (see
        ingest.index_sources: an unchanged folder has the same files as then)."""
        rows = self.db.execute(
            "SELECT path, mtime_ns FROM folders WHERE path = ? OR (path >= ? AND path < ?)",
            (root, root + "/", root + "/\U0010ffff"),
        )
        return dict(rows.fetchall())

    def keep_folders(self, folders: dict[str, int]) -> None:
        """Record folders as listed (mtime_ns 0: list it again next time)."""
        self.db.executemany("INSERT OR REPLACE INTO folders VALUES (?, ?)", folders.items())

    def forget_folders(self, root: str) -> None:
        """A folder that is gone, and every folder below it."""
        self.db.execute(
            "DELETE FROM folders WHERE path = ? OR (path >= ? AND path < ?)",
            (root, root + "/", root + "/\U0010ffff"),
        )

    def children(self, folder: str) -> dict[str, Known]:
        """Indexed files directly in ``folder``: key -> (key, id, size, mtime, version)."""
        prefix = folder + "/"
        rows = self.db.execute(
            "SELECT path, id, size, mtime_ns, version FROM files "
            "WHERE path >= ? AND path < ? AND instr(substr(path, ?), '/') = 0",
            (prefix, prefix + "\U0010ffff", len(prefix) + 1),
        )
        return {row[0]: row for row in rows}

    def known(self, prefix: str) -> dict[str, Known]:
        """Indexed files under ``prefix``: key -> (key, id, size, mtime, version) (the row as
        SQLite gives it: a slice per file would cost more than the query)."""
        rows = self.db.execute(
            "SELECT path, id, size, mtime_ns, version FROM files WHERE path >= ? AND path < ?",
            (prefix, prefix + "\U0010ffff"),
        )
        return {row[0]: row for row in rows}

    def holds_contents(self) -> bool:
        """Whether any content was ever parsed into this index (not so on a first ingest)."""
        return self.db.execute("SELECT 1 FROM contents LIMIT 1").fetchone() is not None

    def has_content(self, sha256: str) -> bool:
        """Whether this content was parsed by the current readers."""
        row = self.db.execute(
            "SELECT 1 FROM contents WHERE sha256 = ? AND version = ?", (sha256, READER_VERSION)
        ).fetchone()
        return row is not None

    def get(self, sha256: str, path: Path) -> list[Document] | None:
        """The documents parsed from this content, placed at ``path``."""
        row = self.db.execute(
            "SELECT doc FROM contents WHERE sha256 = ? AND version = ?", (sha256, READER_VERSION)
        ).fetchone()
        return from_json(row[0], path) if row else None

    def put(
        self,
        path: Path,
        *,
        key: str,
        stat: tuple[int, int],
        sha256: str,
        docs: list[Document] | Prepared | None,
    ) -> int:
        """Index a file found at ``path`` (really at ``key``): its size and mtime, its hash and
        its documents, or them prepared where they were parsed (see Prepared; None: this
        content was parsed before)."""
        size, mtime_ns = stat
        if docs is not None:
            prepared = docs if isinstance(docs, Prepared) else prepare(docs, path)
            self.db.execute(
                "INSERT OR REPLACE INTO contents VALUES (?, ?, ?)",
                (sha256, READER_VERSION, prepared.stored),
            )
            rows = prepared.rows
        else:
            rows = index_rows(self.get(sha256, Path(key)) or [], Path(key))
        self.db.execute(
            "INSERT INTO files (path, size, mtime_ns, sha256, version) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, "
            "sha256 = excluded.sha256, version = excluded.version",
            (key, size, mtime_ns, sha256, READER_VERSION),
        )
        # Read back in the same write transaction, which no other process can write between.
        # Not by RETURNING: a statement with RETURNING opens a savepoint, and FTS5 writes its
        # pending rows out as a new segment at each savepoint (one per file: 0.17 ms a file).
        file_id = self.db.execute("SELECT id FROM files WHERE path = ?", (key,)).fetchone()[0]
        self._drop_docs(file_id)
        for n, row in enumerate(rows):  # indexed where the file really is: a feed entry at
            self._index_doc(file_id, n, row, Path(key + row.suffix))  # "<it>#<id>"
        return file_id

    def _index_doc(self, file_id: int, n: int, row: IndexRow, path: Path) -> None:
        """Index a document of a file, at ``path`` (the file's real path, or "<it>#<id>")."""
        dump = path.suffix.lower() in TEXT_DUMPS
        cursor = self.db.execute(
            "INSERT INTO docs (id, file_id, n, date, type, publisher, host, authors, people, "
            "length, folder, dump) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self._new_id(row.date),
                file_id,
                n,
                row.date.isoformat() if row.date else None,
                *row.fields,
                len(row.text),
                str(path.parent),
                int(dump),
            ),
        )
        doc_id = cursor.lastrowid
        assert doc_id is not None
        self._fts[doc_id] = (doc_id, row.title, row.text)
        self._fts_chars += len(row.text)
        if self._fts_chars > PENDING_TEXT:
            self._write_fts()
        if dump:
            self.db.executemany(
                "INSERT INTO shortpars VALUES (?, ?)",
                [(doc_id, h) for h in short_paragraph_hashes(row.text)],
            )

    def _new_id(self, day: date | None) -> int:
        """The next free id of the day's range (see DAY_BITS)."""
        start = (day.toordinal() if day else 0) << DAY_BITS
        last = self.db.execute(
            "SELECT max(id) FROM docs WHERE id >= ? AND id < ?", (start, start + (1 << DAY_BITS))
        ).fetchone()[0]
        if last is not None and last + 1 >= start + (1 << DAY_BITS):
            raise ValueError(f"more than {1 << DAY_BITS} documents dated {day}")
        return start if last is None else last + 1

    def _write_fts(self) -> None:
        """Write the full-text rows held back, in id order (see PENDING_TEXT)."""
        if self._fts:
            rows = sorted(self._fts.values())
            self.db.executemany("INSERT INTO fts (rowid, title, text) VALUES (?, ?, ?)", rows)
        self._fts.clear()
        self._fts_chars = 0

    def _drop_docs(self, file_id: int) -> None:
        ids = [r[0] for r in self.db.execute("SELECT id FROM docs WHERE file_id = ?", (file_id,))]
        if not ids:  # a file new to the index, as every file of a first ingest is
            return
        if any(i in self._fts for i in ids):  # indexed in this transaction (rare): write it first
            self._write_fts()
        for i in ids:  # an id may be given again to the file's new text: not its old sketch
            self._sketches.pop(i, None)
        for table, column in (("fts", "rowid"), ("shortpars", "doc_id"), ("docs", "id")):
            self.db.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(i,) for i in ids])

    def remove(self, file_ids: Iterable[int]) -> None:
        """Files that are gone leave the index."""
        for file_id in file_ids:
            self._drop_docs(file_id)
            self.db.execute("DELETE FROM files WHERE id = ?", (file_id,))

    def size(self) -> int:
        """How many documents the index holds, for every scope."""
        return int(self.db.execute("SELECT count(*) FROM docs").fetchone()[0])

    def compact(self) -> None:
        """Merge the full-text index into one segment. FTS5 keeps each transaction's rows in
        segments of their own, merged only now and then, and every lookup (a word, each
        word a prefix starts, BM25's count of each phrase over the whole index) visits
        them all: after a first ingest of 20,000 files in transactions of 500, a warm
        build's queries took twice as long. About a second per 20,000 documents, so done
        after large scans only (see ingest.COMPACT_FROM)."""
        self._write_fts()
        self.db.execute("INSERT INTO fts (fts) VALUES ('optimize')")

    def doc_ids(self, scope: Scope) -> list[int]:
        """Every document of ``scope``, file by file in the scope's order (the files listed,
        then those under its roots by path)."""
        self.use(scope)
        order = {file_id: i for i, file_id in enumerate(scope.files)}
        rows = self.db.execute(
            "SELECT d.id, d.file_id, d.n, f.path FROM docs d JOIN scope s ON s.file_id = d.file_id "
            "JOIN files f ON f.id = d.file_id"
        ).fetchall()
        last = len(order)
        return [r[0] for r in sorted(rows, key=lambda r: (order.get(r[1], last), r[3], r[2]))]

    def use(self, scope: Scope) -> None:
        """Make ``scope`` the set of files that queries look at (the temp table ``scope``)."""
        if self._scope is scope:
            return
        self.db.execute("DELETE FROM scope")
        self.db.execute(  # one JSON array rather than a statement per file: a third the time
            "INSERT OR IGNORE INTO scope SELECT value FROM json_each(?)",
            (json.dumps([*scope.files]),),
        )
        for prefix, _ in scope.roots:  # in SQLite: 100,000 ids through Python cost 0.1 s
            self.db.execute(
                "INSERT OR IGNORE INTO scope SELECT id FROM files WHERE path >= ? AND path < ?",
                (prefix, prefix + "\U0010ffff"),
            )
        self._scope = scope

    def forget_scope(self) -> None:
        """Let go of the scope in use (its file paths), as a long-running process does between
        builds: each build brings a new scope, which fills the table again anyway."""
        self._scope = None

    def scope_size(self, scope: Scope) -> int:
        """How many files ``scope`` holds."""
        self.use(scope)
        return int(self.db.execute("SELECT count(*) FROM scope").fetchone()[0])

    def documents(self, doc_ids: Iterable[int], scope: Scope) -> Iterator[tuple[int, Document]]:
        """The documents with these ids, at the paths of ``scope``, in the order given."""
        decoded: dict[int, list[Document]] = {}  # a feed's entries share one row
        for page in _pages(doc_ids, PAGE):
            rows = self._rows(page)
            texts = self._texts({row[0] for row in rows.values()} - decoded.keys())
            for doc_id in page:
                row = rows.get(doc_id)
                name = scope.name(row[0], row[2]) if row else None
                if row is None or name is None:
                    continue
                file_id, n, _ = row
                if file_id not in decoded:
                    decoded = {file_id: from_json(texts[file_id], Path(name))}
                yield doc_id, decoded[file_id][n]

    def _rows(self, doc_ids: tuple[int, ...]) -> dict[int, tuple[int, int, str]]:
        """doc id -> (file id, place in the file, indexed path) of the documents."""
        rows = self.db.execute(
            "SELECT d.id, d.file_id, d.n, f.path FROM docs d JOIN files f ON f.id = d.file_id "
            "WHERE d.id IN (SELECT value FROM json_each(?))",
            (json.dumps(doc_ids),),
        )
        return {row[0]: row[1:] for row in rows}

    def _texts(self, file_ids: set[int]) -> dict[int, str]:
        """file id -> the JSON of its documents, one row per file (a feed's entries share it)."""
        rows = self.db.execute(
            "SELECT f.id, c.doc FROM files f "
            "JOIN contents c ON c.sha256 = f.sha256 AND c.version = f.version "
            "WHERE f.id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(file_ids)),),
        )
        return dict(rows.fetchall())

    def sketch(self, doc_id: int) -> frozenset[int] | None:
        """A document's near-duplicate sketch (match.sketch), once one was stored."""
        if doc_id in self._sketches:
            return frozenset(array("I", self._sketches[doc_id]))
        row = self.db.execute("SELECT sketch FROM docs WHERE id = ?", (doc_id,)).fetchone()
        if not row or row[0] is None:
            return None
        return frozenset(array("I", row[0]))

    def keep_sketch(self, doc_id: int, sketch: frozenset[int]) -> None:
        """Store a document's sketch (computed when it is first compared)."""
        self._sketches[doc_id] = array("I", sorted(sketch)).tobytes()

    def runs(self, text: str) -> frozenset[int] | None:
        """The runs of a text (match.run_hashes), once stored (keyed by the text's digest)."""
        row = self._used("runs", text_key(text))
        return frozenset(array("I", row)) if row is not None else None

    def keep_runs(self, text: str, runs: frozenset[int]) -> None:
        """Store the runs of a text (computed when it is first compared run by run)."""
        self._keep("runs", text_key(text), array("I", sorted(runs)).tobytes())

    def analysis(self, key: str) -> Any | None:
        """A stored analysis (see analyze.cached), or None."""
        row = self._used("analyses", key)
        # pickle: the cache is the user's own file, written only by this code
        return pickle.loads(row) if row is not None else None

    def keep_analysis(self, key: str, value: Any) -> None:
        """Store an analysis by its key."""
        self._keep("analyses", key, pickle.dumps(value, protocol=5))

    def _used(self, table: str, key: str | bytes) -> bytes | None:
        """A row's data; its day of use brought up to today (written once a day at most)."""
        if (table, key) in self._memos:
            self._days[table, key] = today()
            return self._memos[table, key]
        row = self.db.execute(
            f"SELECT t.data, u.day FROM {table} t LEFT JOIN {table}_used u ON u.key = t.key "
            "WHERE t.key = ?",
            (key,),
        ).fetchone()
        if row is None:
            return None
        if row[1] is None or row[1] < today():
            self._days[table, key] = today()
        data: bytes = row[0]
        return data

    def _keep(self, table: str, key: str | bytes, data: bytes) -> None:
        self._memos[table, key] = data
        self._days[table, key] = today()

    def forget_unused(self) -> int:
        """Forget the analyses and runs no process has used for UNUSED_DAYS days: those of
        documents gone or edited, and of older code. A warm build uses, and so keeps, its
        own. Returns how many went."""
        self._write_memos()  # in the transaction that deletes: it writes anyway
        oldest = today() - UNUSED_DAYS
        gone = 0
        for table in USED_TABLES:
            stale = f"SELECT key FROM {table}_used WHERE day < ?"
            gone += self.db.execute(
                f"DELETE FROM {table} WHERE key IN ({stale})", (oldest,)
            ).rowcount
            self.db.execute(f"DELETE FROM {table}_used WHERE day < ?", (oldest,))
        return gone


class IndexRow(NamedTuple):
    """What the index holds of a document besides its stored JSON: where it is in its file
    ("" for the file itself, "#<id>" for a feed's entry), its date, the fields the query
    language filters on (type, publisher, host, authors, people; folded), its title and text."""

    suffix: str
    date: date | None
    fields: tuple[str, str, str, str, str]
    title: str
    text: str


@dataclass(frozen=True)
class Prepared:
    """A file's documents as the cache stores (``stored``, their JSON) and indexes them
    (``rows``). A pool worker prepares the documents it parsed and sends these instead: the
    coordinating process, which alone writes the index, then neither unpickles Documents nor
    encodes their JSON (1,000 HTML pages: 0.07 ms a file off its CPU, 0.03 ms added to the
    workers', which send plain strings, quicker to pickle than Documents)."""

    stored: str
    rows: tuple[IndexRow, ...]


def prepare(docs: list[Document], path: Path) -> Prepared:
    """The documents of the file found at ``path``, as the cache stores and indexes them."""
    return Prepared(_stored_json(docs, path), index_rows(docs, path))


def index_rows(docs: list[Document], path: Path) -> tuple[IndexRow, ...]:
    """What the index holds of each of the documents of the file found at ``path``."""
    rows = []
    for doc in docs:
        host = (urlparse(doc.url).hostname or "") if doc.url else ""
        people = list(doc.authors) + [t.speaker for t in doc.turns if t.speaker]
        people += [name for name, _ in doc.positions]
        fields = (
            doc.doc_type.casefold(),
            (doc.publisher or "").casefold(),
            host,
            "\n".join(a.casefold() for a in doc.authors),
            "\n".join(p.casefold() for p in people),
        )
        rows.append(IndexRow(_suffix(doc.path, path), doc.date, fields, doc.title, doc.text))
    return tuple(rows)


def analysis_key(doc: Document) -> str:
    """What an analysis depends on: the document (its path too) and the code that analyses."""
    text = to_json([doc], doc.path) + "\0" + str(doc.path) + "\0" + code_version()
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of this package's code and data: any change to the analysis (or anything
    else) starts the cached analyses again, with no version number to forget to bump."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".txt", ".json") and path.is_file():
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def text_key(text: str) -> bytes:
    """A digest of a text, to key what is computed from it alone."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def short_paragraph_hashes(text: str) -> set[int]:
    """Stable 63-bit hashes of a text's short paragraphs (the candidates for furniture)."""
    return {paragraph_hash(p) for p in text.split("\n\n") if len(p) <= SHORT_PARAGRAPH}


def paragraph_hash(paragraph: str) -> int:
    """A hash that is the same in every process (Python's ``hash`` of a str is not)."""
    digest = hashlib.blake2b(paragraph.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def _open(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=LOCK_WAIT)
    try:
        db.execute(f"PRAGMA page_size={PAGE_BYTES}")  # before WAL: a new database only
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # a cache: a power cut may lose the last write
        if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            _start_again(db)
        dated = _has_table(db, "analyses_used")
        db.executescript(SCHEMA)
        if not dated:
            _date_every_row(db)
        db.execute("CREATE TEMP TABLE IF NOT EXISTS scope (file_id INTEGER PRIMARY KEY)")
        db.execute("SELECT count(*) FROM files").fetchone()
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


def _locked(exc: sqlite3.Error) -> bool:
    """Whether SQLite gave up waiting for another connection's lock."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    found = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
    return found.fetchone() is not None


def _date_every_row(db: sqlite3.Connection) -> None:
    """Date the analyses and runs of a cache from before days of use as used today: those no
    process uses (an older version's analyses, every one of them) go a month from now."""
    for table in USED_TABLES:
        db.execute(f"INSERT OR IGNORE INTO {table}_used SELECT key, ? FROM {table}", (today(),))
    db.commit()


def today() -> int:
    """Today's day number (date.toordinal), the unit of a row's last use."""
    return date.today().toordinal()


def _start_again(db: sqlite3.Connection) -> None:
    """Drop an older cache's tables (it is only a cache) and mark the schema as current."""
    names = db.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'fts_%'"
    ).fetchall()
    for (name,) in names:
        db.execute(f'DROP TABLE IF EXISTS "{name}"')
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.commit()


def file_key(path: Path) -> str:
    """A path as text SQLite can store, even when its name is not valid UTF-8."""
    return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


def content_hash(name: str, data: bytes) -> str:
    """SHA-256 of a file's name and bytes (readers take dates and titles from names too)."""
    return hashlib.sha256(name.encode("utf-8", "surrogateescape") + b"\0" + data).hexdigest()


def to_json(docs: list[Document], path: Path) -> str:
    """A file's Documents as JSON. Paths are stored relative to the file (a feed entry is
    "<file>#<id>"), so the same content can be found again wherever it lives."""
    return json.dumps([_doc_dict(doc, path) for doc in docs], ensure_ascii=False)


def _stored_json(docs: list[Document], path: Path) -> str:
    """``to_json`` as the cache stores it: every character past ASCII escaped, which the JSON
    encoder writes quicker, and SQLite takes (and gives back) as its own UTF-8 without
    converting it (a few more bytes: "\\u2019" for "’"). ``from_json`` reads either form."""
    return json.dumps([_doc_dict(doc, path) for doc in docs])


def _suffix(doc_path: Path, path: Path) -> str:
    """Where a document is in the file found at ``path``: "" (the file itself) or "#<id>"."""
    name, found = str(doc_path), str(path)
    return name[len(found) :] if name.startswith(found) else ""


def _doc_dict(doc: Document, path: Path) -> dict[str, Any]:
    return {
        "suffix": _suffix(doc.path, path),
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
        "sentence_lines": doc.sentence_lines,
    }


def _pages(items: Iterable[int], size: int) -> Iterator[tuple[int, ...]]:
    """``items`` in tuples of ``size`` (the last shorter)."""
    rest = iter(items)
    while page := tuple(islice(rest, size)):
        yield page


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
            turns=tuple(map(Turn._make, data["turns"])),
            positions=tuple((name, pos) for name, pos in data["positions"]),
            page_starts=tuple(data.get("pages", ())),
            sentence_lines=data.get("sentence_lines", False),
        )
        for data in json.loads(text)
    ]
