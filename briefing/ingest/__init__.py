"""Ingest: read every source file once, whatever its format, into clean Documents.

Readers are registered by suffix. Files whose size and mtime are unchanged come from the
document cache; the rest are parsed on all cores when there are many.
"""

from __future__ import annotations

import gc
import importlib
import itertools
import logging
import os
import re
import signal
import stat as stat_module
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from briefing.cache import (
    READER_VERSION,
    DocumentCache,
    Known,
    Prepared,
    Scope,
    content_hash,
    prepare,
)
from briefing.errors import SourceError
from briefing.ingest.clean import clean_document
from briefing.ingest.executors import Executor
from briefing.ingest.repeated import apply_rules, remove_repeated
from briefing.model import Document, Skipped

if TYPE_CHECKING:
    from concurrent.futures import Future

log = logging.getLogger(__name__)
PROGRESS_FROM = 50  # files
MAX_SOURCE_BYTES = 200_000_000  # bigger is not a source someone reads; it is a mistake
PARALLEL_FROM = 64  # files to parse before it pays to start worker processes
PARSE_SECONDS = 30.0  # a real document takes well under a second; a crafted one, for ever
COMMIT_EVERY = 500  # parsed files written to the index per transaction
# The last transaction is written once the workers are done, with every other core idle: a
# commit this many files before the end of a large scan keeps it short (1,000 HTML pages on
# 2 cores: from 0.13 s to ~0.03 s after the last page is parsed).
LAST_COMMIT = 100
# A scan that parses this many files, and a tenth of what the index holds (a first ingest, a
# large import), merges the full-text index into one segment (see DocumentCache.compact). It
# merges at that commit, LAST_COMMIT files before the end, while the workers parse the rest:
# merged after the last write, the merge and the checkpoint of the pages it rewrote ran with
# every other core idle (1,000 HTML pages on 2 cores: 0.12 -> 0.08 s from the last page parsed
# to the process's exit). The last files' rows are then a small segment beside the merged one.
COMPACT_FROM = COMMIT_EVERY
BATCH = 16  # files per task sent to a worker process
IN_FLIGHT = 4  # batches out per worker: enough to keep it busy, few enough to hold little
RACY_NS = 2_000_000_000  # a folder changed this lately may change again within its mtime tick

Reader = Callable[[Path, bytes], list[Document]]


@dataclass(frozen=True)
class _Deferred:
    """The reader ``name`` of ``briefing.ingest.<module>``, imported when a file first needs
    it: a scan that parses nothing, as most warm scans do, is spared the readers' imports
    (lxml, feedparser, yaml, email: ~60 ms of a fresh process). ``entries``: it returns a
    list of documents (a feed's), not one."""

    module: str
    name: str
    entries: bool = False

    def __call__(self, path: Path, data: bytes) -> list[Document]:
        found = self.load()(path, data)
        return found if self.entries else [found]

    def load(self) -> Callable[[Path, bytes], Any]:
        return getattr(importlib.import_module(f"briefing.ingest.{self.module}"), self.name)


READERS: dict[str, Reader] = {
    ".txt": _Deferred("readers", "read_text"),
    ".text": _Deferred("readers", "read_text"),
    ".html": _Deferred("readers", "read_html"),
    ".htm": _Deferred("readers", "read_html"),
    ".md": _Deferred("readers", "read_markdown"),
    ".markdown": _Deferred("readers", "read_markdown"),
    ".pdf": _Deferred("office", "read_pdf"),
    ".docx": _Deferred("office", "read_docx"),
    ".rss": _Deferred("feeds", "read_feed", entries=True),
    ".atom": _Deferred("feeds", "read_feed", entries=True),
    ".xml": _Deferred("feeds", "read_feed", entries=True),
    ".eml": _Deferred("feeds", "read_eml"),
}

__all__ = [
    "READERS",
    "get_sources",
    "collector_paused",
    "index_sources",
    "read_documents",
    "read_file",
    "walk_files",
    "walk_names",
]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while documents are built or files checked (also
    as a decorator). Loading a large corpus creates hundreds of thousands of objects and no
    cycles; the collector's passes over them made a warm 10,000-file scan half as slow again,
    and unpredictably so; each pass costs more the more files an archive has."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def get_sources(
    paths: Iterable[Path],
    cache: DocumentCache | None = None,
    rules: list[tuple[regex.Pattern, str | None]] | None = None,
    executor: Executor | None = None,
) -> tuple[list[Document], list[Skipped]]:
    """Read every file under ``paths`` (folders recursively); skip what cannot be read.

    With a cache, unchanged files are not read and unchanged contents are not parsed again.
    Files are parsed by ``executor`` (a Dask cluster), else on this machine's cores.
    """
    with collector_paused():
        if cache is None:
            docs, skipped = _get_sources(paths, executor)
        else:
            scope, skipped = index_sources(paths, cache, executor)
            docs = [doc for _, doc in cache.documents(cache.doc_ids(scope), scope)]
    return apply_rules(remove_repeated(docs), rules or []), skipped


@collector_paused()  # a scan holds a few objects per file, and makes no cycles
def index_sources(
    paths: Iterable[Path],
    cache: DocumentCache,
    executor: Executor | None = None,
    *,
    quick: bool = False,
) -> tuple[Scope, list[Skipped]]:
    """Bring the index up to date with the files under ``paths`` and return them as a scope:
    new and changed files are parsed, files that are gone leave the index.

    Every file is stat'ed, and read only when its size or mtime changed. With ``quick`` (for
    search), a folder indexed before is listed again only when its own mtime changed, which
    adding, removing, renaming or replacing a file in it does; a file edited in place in an
    unchanged folder is seen by the next build (see search.py, which checks its results)."""
    skipped: list[Skipped] = []
    scope = Scope()
    checks: list[tuple[str, str]] = []  # (path as found, key) of the files to look at
    indexed: dict[str, Known] = {}  # what the index had of them
    resolved: dict[str, str] = {}  # folder of a file named -> its real path
    for root in paths:
        folder = root.is_dir()
        if not folder and not root.is_file():
            skipped.append(Skipped(root, "no such file or folder"))
            continue
        real = os.path.realpath(root) if folder else _real_file(str(root), resolved)
        listed = cache.folders(real) if folder and quick else {}
        if real in listed:
            found, rows = _changed_folders(str(root), real, listed, cache)
            scope.roots.append((real + "/", str(root) + "/"))
        else:
            found, folders = _rooted_files(root, real, folder)
            rows = cache.known(os.path.join(real, "") if folder else real)
            cache.keep_folders(folders)
        checks += found
        indexed.update(rows)
    scope.files, scope.updated = _check_files(checks, indexed, cache, executor, skipped)
    for item in skipped:
        log.warning("skipped %s: %s", item.path, item.reason)
    return scope, skipped


def _real_file(name: str, resolved: dict[str, str]) -> str:
    """``os.path.realpath`` of a file, its folder resolved once for every file named in it
    (``resolved``): a listing of 1,000 files took five lstat calls a file."""
    if os.path.islink(name):
        return os.path.realpath(name)
    head, tail = os.path.split(name)
    if head not in resolved:
        resolved[head] = os.path.realpath(head)
    return os.path.join(resolved[head], tail)


def _check_files(
    checks: list[tuple[str, str]],
    indexed: dict[str, Known],
    cache: DocumentCache,
    executor: Executor | None,
    skipped: list[Skipped],
) -> tuple[dict[int, str], int]:
    """Index each file as it is now ((id -> path as found), how many were indexed again or
    removed); indexed files not among them, or not readable, leave the index."""
    ids, keys, todo, updated = _look_up(checks, indexed, cache, skipped)
    early = len(todo) - LAST_COMMIT  # see LAST_COMMIT
    merged = False  # see COMPACT_FROM
    parsed = _parse_all(todo, executor, prepared=True)
    for done, (name, key, digest, stat, result) in enumerate(parsed, 1):
        if isinstance(result, str):
            skipped.append(Skipped(Path(name), result))
        else:
            ids[key] = cache.put(Path(name), key=key, stat=stat, sha256=digest, docs=result)
        if done == early and _worth_compacting(len(todo), cache):
            cache.compact()
            merged = True
        if done % COMMIT_EVERY == 0 or done == early:  # others reading are not held up
            cache.commit()
    gone = [
        row[1]
        for key, row in indexed.items()
        if key not in ids and (key in keys or not os.path.lexists(key))
    ]
    cache.remove(gone)
    cache.forget_unused()  # analyses and runs of documents gone, or of older code
    if not merged and _worth_compacting(len(todo), cache):
        cache.compact()
    cache.commit()
    return {ids[key]: name for key, name in keys.items() if key in ids}, updated + len(gone)


def _worth_compacting(parsed: int, cache: DocumentCache) -> bool:
    """Whether a scan parsing ``parsed`` files merges the full-text index (see COMPACT_FROM)."""
    return parsed >= COMPACT_FROM and 10 * parsed >= cache.size()


def _look_up(
    checks: list[tuple[str, str]],
    indexed: dict[str, Known],
    cache: DocumentCache,
    skipped: list[Skipped],
) -> tuple[dict[str, int], dict[str, str], list[tuple[str, str]], int]:
    """(key -> id of the files indexed as they are now, key -> path as found of every source
    file, the files to parse, how many changed). A file is stat'ed, and read only when its
    size or mtime changed: then its content may have been parsed before (moved, copied,
    touched), and is indexed again without parsing."""
    ids: dict[str, int] = {}
    keys: dict[str, str] = {}
    todo: list[tuple[str, str]] = []
    changed = 0
    known_contents = cache.holds_contents()  # else no file needs its hash taken here
    for name, key in checks:
        if not name.isascii() and not _utf8(name):  # SQLite, JSON and every writer need text
            shown = Path(name.encode("utf-8", "backslashreplace").decode())
            skipped.append(Skipped(shown, "the file name is not valid UTF-8; rename it"))
            continue
        if key in keys:  # the same file named twice (overlapping roots) is read once
            continue
        keys[key] = name
        try:
            now = _check(name)
        except SourceError as exc:
            skipped.append(Skipped(Path(name), str(exc)))
            continue
        row = indexed.get(key)  # unchanged, the common case: checked here, per file, at once
        if row and row[2:] == (now.st_size, now.st_mtime_ns, READER_VERSION):
            ids[key] = row[1]
            continue
        changed += 1
        digest = _digest(name) if known_contents else None
        if digest and cache.has_content(digest):
            ids[key] = cache.put(Path(name), key=key, stat=_stat(now), sha256=digest, docs=None)
        else:
            todo.append((name, key))
    return ids, keys, todo, changed


def _changed_folders(
    root: str, real: str, listed: dict[str, int], cache: DocumentCache
) -> tuple[list[tuple[str, str]], dict[str, Known]]:
    """The files to look at in the folders under ``root`` whose mtime changed since they were
    listed (``listed``: real path -> mtime), and what the index holds of those folders."""
    checks: list[tuple[str, str]] = []
    rows: dict[str, Known] = {}
    relisted: dict[str, int] = {}
    for folder, mtime in sorted(listed.items()):
        named = root + folder[len(real) :]
        try:
            now = os.stat(named)
        except OSError:
            now = None
        if now is None or not stat_module.S_ISDIR(now.st_mode):  # gone, with all below it
            rows.update(cache.known(folder + "/"))
            cache.forget_folders(folder)
            continue
        if now.st_mtime_ns == mtime:
            continue
        rows.update(cache.children(folder))
        relisted[folder] = _stamp(now.st_mtime_ns)
        names, subfolders = _listing(named)
        checks += [(os.path.join(named, n), os.path.join(folder, n)) for n in names]
        for sub in subfolders:
            if os.path.join(folder, sub) not in listed:  # new: everything in it is new
                found, folders = _rooted_files(
                    Path(os.path.join(named, sub)), os.path.join(folder, sub), True
                )
                checks += found
                relisted.update(folders)
    cache.keep_folders(relisted)
    return checks, rows


def _stamp(mtime_ns: int) -> int:
    """A folder's mtime to record; 0 (list it again next time) when it changed so lately that
    a file added in the same clock tick would leave it unchanged."""
    return 0 if time.time_ns() - mtime_ns < RACY_NS else mtime_ns


def _listing(folder: str) -> tuple[list[str], list[str]]:
    """A folder's files and subfolders (not hidden, not symlinked folders), sorted."""
    names: list[str] = []
    subfolders: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if not is_dir:
                    names.append(entry.name)
                elif not entry.is_symlink():  # as os.walk: a linked folder is not entered
                    subfolders.append(entry.name)
    except OSError:  # unreadable: as os.walk, it looks empty
        pass
    return sorted(names), sorted(subfolders)


def _stat(stat: os.stat_result) -> tuple[int, int]:
    return stat.st_size, stat.st_mtime_ns


def _get_sources(
    paths: Iterable[Path], executor: Executor | None = None
) -> tuple[list[Document], list[Skipped]]:
    """Every file parsed, no cache."""
    skipped: list[Skipped] = []
    found: dict[str, list[Document]] = {}
    todo: list[tuple[str, str]] = []
    files = _files(paths, skipped)
    for path in files:
        try:
            _check(str(path))
            todo.append((str(path), str(path)))
        except SourceError as exc:
            skipped.append(Skipped(path, str(exc)))
    for name, _, _, _, result in _parse_all(todo, executor):
        if isinstance(result, str):
            skipped.append(Skipped(Path(name), result))
        elif not isinstance(result, Prepared):  # documents, not prepared: not asked for
            found[name] = result
    for item in skipped:
        log.warning("skipped %s: %s", item.path, item.reason)
    return [doc for path in files if str(path) in found for doc in found[str(path)]], skipped


def _check(path: str) -> os.stat_result:
    """A source's stat, or SourceError when it is not one to read."""
    name = path.rpartition("/")[2]
    _not_documentation(name)
    _suffix_reader(os.path.splitext(name)[1])
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None
    if not stat_module.S_ISREG(stat.st_mode):  # a FIFO would block, /dev/zero never ends
        raise SourceError("not a regular file")
    if stat.st_size > MAX_SOURCE_BYTES:
        raise SourceError(f"larger than {MAX_SOURCE_BYTES // 1_000_000} MB")
    return stat


def _digest(name: str) -> str:
    """The content hash of a file (its bytes are not kept)."""
    path = Path(name)
    return content_hash(path.name, _bytes(path))


# digest, stat, and the documents (or them prepared for the cache) or why they are not
Parsed = tuple[str, tuple[int, int], list[Document] | Prepared | str]


def _parse_all(
    todo: list[tuple[str, str]], executor: Executor | None = None, prepared: bool = False
) -> Iterator[tuple[str, str, str, tuple[int, int], list[Document] | Prepared | str]]:
    """Parse files, on every core when there are many; errors come back as strings. Files go
    to the workers by path, a few batches at a time, so no process holds every file's bytes.
    With ``prepared``, the workers send the documents prepared for the cache (see Prepared)."""
    if executor is not None:
        items = _Lazy([name for name, _ in todo])
        for i, result in _progress(executor.parse(items), len(todo)):
            yield *todo[i], *items.read[i], result
        return
    workers = min(os.cpu_count() or 1, 8)
    names = [name for name, _ in todo]
    if len(todo) >= PARALLEL_FROM and workers > 1:
        done = _in_pool(names, workers, prepared)
    else:
        done = (_parse_path(name) for name in names)
    for (name, key), (digest, stat, result) in zip(todo, _progress(done, len(todo)), strict=True):
        yield name, key, digest, stat, result


def _in_pool(names: list[str], workers: int, prepared: bool) -> Iterator[Parsed]:
    """Results in order from a process pool, at most IN_FLIGHT batches out at a time."""
    from concurrent.futures import ProcessPoolExecutor  # here: a scan parsing little starts none

    suffixes = {os.path.splitext(name)[1].lower() for name in names}
    pool = ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(suffixes,))
    batches = _batches(names, workers)
    out: deque[Future[list[Parsed]]] = deque()
    try:
        for batch in itertools.islice(batches, IN_FLIGHT * workers):
            out.append(pool.submit(_parse_paths, batch, prepared))
        while out:
            results = out.popleft().result()
            following = next(batches, None)
            if following is not None:
                out.append(pool.submit(_parse_paths, following, prepared))
            yield from results
    except BaseException:  # stopped: waiting for the workers' documents may take minutes
        for process in list(pool._processes.values()):
            process.kill()
        raise
    finally:
        pool.shutdown(cancel_futures=True)


def _batches(names: list[str], workers: int) -> Iterator[list[str]]:
    """``names`` in batches of BATCH, the last ``workers`` batches' files in batches a quarter
    the size: the workers then finish within a small batch of each other, where a whole batch
    left to one of them kept the other cores idle (16 pages: 0.07 s) before the scan's end."""
    end = max(0, len(names) - workers * BATCH)
    yield from (names[i : min(i + BATCH, end)] for i in range(0, end, BATCH))
    small = max(1, BATCH // 4)
    yield from (names[i : i + small] for i in range(end, len(names), small))


def _start_worker(suffixes: set[str]) -> None:
    """Pool worker initializer (see die_with_parent), which then imports the readers for files
    of these suffixes. Each worker imports them, all at once, rather than the parent before it
    forks them: that took as long, with the other cores idle, and left the parent holding
    modules it never uses (trafilatura, lxml: its exit's last garbage collection walked them,
    0.03 s at the end of a scan)."""
    from briefing.locks import die_with_parent

    die_with_parent()
    _load_readers(suffixes)


def _load_readers(suffixes: set[str]) -> None:
    """Import the readers of these suffixes (and trafilatura for HTML, yaml for Markdown)."""
    from briefing.ingest.readers import load_html_reader

    for suffix in suffixes:
        reader = READERS.get(suffix)
        if isinstance(reader, _Deferred):
            reader.load()
    if suffixes & {".html", ".htm"}:
        load_html_reader()
    if suffixes & {".md", ".markdown"}:
        import yaml  # noqa: F401  (front matter)


def _parse_paths(names: list[str], prepared: bool) -> list[Parsed]:
    """What a pool worker runs: a batch of files, in order (``prepared``: see Prepared)."""
    out = [_parse_path(name) for name in names]
    if prepared:
        out = [_prepared(name, parsed) for name, parsed in zip(names, out, strict=True)]
    return out


def _prepared(name: str, parsed: Parsed) -> Parsed:
    digest, stat, result = parsed
    return digest, stat, prepare(result, Path(name)) if isinstance(result, list) else result


def _parse_path(name: str) -> Parsed:
    """Read and parse one file (in a worker): its content hash, stat and documents."""
    path = Path(name)
    try:
        stat = _stat(os.stat(name))
        data = _bytes(path)
    except (OSError, SourceError) as exc:
        return "", (0, 0), str(exc) if isinstance(exc, SourceError) else f"cannot read: {exc}"
    return content_hash(path.name, data), stat, _parse_safely((path, data))


class _Lazy(Sequence[tuple[Path, bytes]]):
    """Files as (path, bytes) read when an executor asks for them, for a Dask cluster whose
    workers cannot see the files; the hash and stat of what was read are kept."""

    def __init__(self, names: list[str]):
        self.names = names
        self.read: dict[int, tuple[str, tuple[int, int]]] = {}

    def __len__(self) -> int:
        return len(self.names)

    def __getitem__(self, i):  # type: ignore[no-untyped-def, override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        path = Path(self.names[i])
        try:
            stat, data = _stat(os.stat(path)), _bytes(path)
        except (OSError, SourceError):
            stat, data = (0, 0), b""  # parsed as empty: the reader says why
        self.read[i] = (content_hash(path.name, data), stat)
        return path, data


def _parse_safely(item: tuple[Path, bytes]) -> list[Document] | str:
    try:
        return parse(*item)
    except SourceError as exc:
        return str(exc)


def _progress(items: Iterator, total: int) -> Iterator:  # type: ignore[type-arg]
    """A progress bar on a terminal when there is enough to parse to wait for."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        return items
    from rich.console import Console
    from rich.progress import track

    console = Console(stderr=True)
    return iter(track(items, total=total, description="Reading sources", console=console))


def read_documents(path: Path) -> list[Document]:
    """Every document in one file (a feed holds many)."""
    _reader(path)
    return parse(path, _bytes(path))


def read_file(path: Path) -> Document:
    """The (first) document in one file."""
    return read_documents(path)[0]


# A folder's own documentation: what a collection of sources says about itself (its origin,
# its licence), not one of them.
FOLDER_DOCUMENTATION = re.compile(r"(?:README|SOURCE|LICEN[CS]E|CHANGELOG)(?:\.\w+)?$", re.I)


def _reader(path: Path) -> Reader:
    _not_documentation(path.name)
    return _suffix_reader(path.suffix)


def is_source_name(path: Path) -> bool:
    """Whether a file's name may be a source's (not a folder's README, SOURCE, LICENSE …)."""
    return not FOLDER_DOCUMENTATION.match(path.name)


def _not_documentation(name: str) -> None:
    if FOLDER_DOCUMENTATION.match(name):
        raise SourceError("a folder's own documentation (README, SOURCE, LICENSE), not a source")


def _suffix_reader(suffix: str) -> Reader:
    reader = READERS.get(suffix.lower())
    if reader is None:
        choices = ", ".join(sorted(READERS))
        raise SourceError(f"unsupported file type '{suffix}'; readable: {choices}")
    return reader


def _bytes(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            # read(n) allocates n bytes first: ask for the file's size, not the limit's
            size = min(os.fstat(handle.fileno()).st_size, MAX_SOURCE_BYTES)
            data = handle.read(size + 1)
            if len(data) > size:  # grown meanwhile: read on, a file still growing cut off too
                data += handle.read(MAX_SOURCE_BYTES + 1 - len(data))
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(f"larger than {MAX_SOURCE_BYTES // 1_000_000} MB")
    return data


class _TooSlow(BaseException):
    """Raised by the alarm inside a reader; not an Exception, so no reader's handler eats it."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise _TooSlow after ``seconds`` (in the main thread; other threads are not limited)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(*_: object) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def parse(path: Path, data: bytes) -> list[Document]:
    """Parse a file's bytes with the reader for its suffix, in at most PARSE_SECONDS."""
    reader = _reader(path)
    try:
        with _time_limit(PARSE_SECONDS):
            return [clean_document(doc) for doc in reader(path, data)]
    except _TooSlow:
        raise SourceError(f"took more than {PARSE_SECONDS:g} s to read; skipped") from None
    except SourceError:
        raise
    except RecursionError:
        raise SourceError("could not be parsed (nested too deeply)") from None
    except Exception as exc:  # a reader bug on one odd file must not stop the build
        raise SourceError(f"could not be parsed ({type(exc).__name__}: {exc})") from None


def _files(paths: Iterable[Path], skipped: list[Skipped]) -> list[Path]:
    """Source files under ``paths``, each once, in a stable order; hidden files are ignored."""
    seen: set[str] = set()
    out: list[Path] = []
    for root in paths:
        if not root.is_dir() and not root.is_file():
            skipped.append(Skipped(root, "no such file or folder"))
            continue
        real = os.path.realpath(root)
        for name, key in _rooted_files(root, real, root.is_dir())[0]:
            if not _utf8(name):
                shown = Path(name.encode("utf-8", "backslashreplace").decode())
                skipped.append(Skipped(shown, "the file name is not valid UTF-8; rename it"))
            elif key not in seen:  # the same file named twice (overlapping roots) is read once
                seen.add(key)
                out.append(Path(name))
    return out


def _rooted_files(
    root: Path, real: str, folder: bool
) -> tuple[list[tuple[str, str]], dict[str, int]]:
    """The files under ``root`` as found and as keys (its real path ``real`` in place of
    ``root``), in a stable order; and its folders' mtimes (real path -> mtime_ns), each taken
    before the folder is listed. Folders are walked from a stack, not by a recursive closure:
    that closure's reference to itself is a cycle, which kept every file's pair alive until
    the garbage collector's next pass found it (a pass over 20,000 pairs)."""
    if not folder:
        return [(str(root), real)], {}
    found: list[tuple[str, str]] = []
    folders: dict[str, int] = {}
    start = len(str(root))
    stack = [str(root)]
    while stack:
        named = stack.pop()
        try:
            mtime = os.stat(named).st_mtime_ns
        except OSError:
            continue
        names, subfolders = _listing(named)
        key = real + named[start:]
        folders[key] = _stamp(mtime)
        named, key = os.path.join(named, ""), os.path.join(key, "")  # each file: two joins
        found.extend([(named + name, key + name) for name in names])
        stack.extend(named + sub for sub in reversed(subfolders))  # the first on top
    return found, folders


def _utf8(path: Path | str) -> bool:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def walk_files(root: Path) -> list[Path]:
    """Files below ``root`` in a stable order, hidden files and folders left out."""
    return [Path(name) for name in walk_names(root)]


def walk_names(root: Path | str) -> Iterator[str]:
    """``walk_files`` as strings."""
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        yield from (os.path.join(folder, n) for n in sorted(names) if not n.startswith("."))
