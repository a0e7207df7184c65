"""Ingest: read every source file once, whatever its format, into clean Documents.

Readers are registered by suffix. Files whose size and mtime are unchanged come from the
document cache; the rest are parsed on all cores when there are many.
"""

from __future__ import annotations

import gc
import logging
import os
import signal
import stat as stat_module
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import regex

from briefing.cache import READER_VERSION, DocumentCache, Scope, content_hash
from briefing.errors import SourceError
from briefing.ingest.clean import clean_document
from briefing.ingest.executors import Executor
from briefing.ingest.feeds import read_eml, read_feed
from briefing.ingest.office import read_docx, read_pdf
from briefing.ingest.readers import read_html, read_markdown, read_text
from briefing.ingest.repeated import apply_rules, remove_repeated
from briefing.locks import die_with_parent
from briefing.model import Document, Skipped

log = logging.getLogger(__name__)
PROGRESS_FROM = 50  # files
MAX_SOURCE_BYTES = 200_000_000  # bigger is not a source someone reads; it is a mistake
PARALLEL_FROM = 64  # files to parse before it pays to start worker processes
PARSE_SECONDS = 30.0  # a real document takes well under a second; a crafted one, for ever
COMMIT_EVERY = 500  # parsed files written to the index per transaction

Reader = Callable[[Path, bytes], list[Document]]


def _one(reader: Callable[[Path, bytes], Document]) -> Reader:
    return lambda path, data: [reader(path, data)]


READERS: dict[str, Reader] = {
    ".txt": _one(read_text),
    ".text": _one(read_text),
    ".html": _one(read_html),
    ".htm": _one(read_html),
    ".md": _one(read_markdown),
    ".markdown": _one(read_markdown),
    ".pdf": _one(read_pdf),
    ".docx": _one(read_docx),
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
    ".eml": _one(read_eml),
}

__all__ = [
    "READERS",
    "get_sources",
    "index_sources",
    "read_documents",
    "read_file",
    "walk_files",
    "walk_names",
]


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
    with _collector_paused():
        if cache is None:
            docs, skipped = _get_sources(paths, executor)
        else:
            scope, skipped = index_sources(paths, cache, executor)
            docs = [doc for _, doc in cache.documents(cache.doc_ids(scope), scope)]
    return apply_rules(remove_repeated(docs), rules or []), skipped


def index_sources(
    paths: Iterable[Path], cache: DocumentCache, executor: Executor | None = None
) -> tuple[Scope, list[Skipped]]:
    """Bring the index up to date with the files under ``paths`` and return them as a scope:
    new and changed files are parsed, files that are gone leave the index."""
    skipped: list[Skipped] = []
    keys: dict[str, str] = {}  # paths as found (plain strings: 100,000 Paths cost a second)
    indexed: dict[str, tuple[int, int, int, str, int]] = {}
    ids: dict[str, int] = {}
    todo: list[tuple[Path, bytes, os.stat_result]] = []
    for prefix, files in _rooted_files(paths, skipped):
        known = cache.known(prefix)
        indexed.update(known)
        for name, key in files:
            keys[name] = key
            try:
                file_id, pending = _lookup(name, key, known.get(key), cache)
            except SourceError as exc:
                skipped.append(Skipped(Path(name), str(exc)))
                continue
            if file_id is not None:
                ids[key] = file_id
            elif pending:
                todo.append(pending)
    for done, (path, data, stat, result) in enumerate(_parse_all(todo, executor), 1):
        if isinstance(result, str):
            skipped.append(Skipped(path, result))
            continue
        digest = content_hash(path.name, data)
        key = keys[str(path)]
        ids[key] = cache.put(path, key=key, stat=_stat(stat), sha256=digest, docs=result)
        if done % COMMIT_EVERY == 0:  # other processes reading the cache are not held up
            cache.commit()
    seen = set(keys.values())
    cache.remove(
        row[0]
        for key, row in indexed.items()
        if key not in ids and (key in seen or not os.path.lexists(key))
    )
    cache.commit()
    for item in skipped:
        log.warning("skipped %s: %s", item.path, item.reason)
    return Scope({ids[key]: name for name, key in keys.items() if key in ids}), skipped


def _stat(stat: os.stat_result) -> tuple[int, int]:
    return stat.st_size, stat.st_mtime_ns


def _get_sources(
    paths: Iterable[Path], executor: Executor | None = None
) -> tuple[list[Document], list[Skipped]]:
    """Every file parsed, no cache."""
    skipped: list[Skipped] = []
    found: dict[Path, list[Document]] = {}
    todo: list[tuple[Path, bytes, os.stat_result]] = []
    files = _files(paths, skipped)
    for path in files:
        try:
            _check(path)
            todo.append((path, _bytes(path), path.stat()))
        except SourceError as exc:
            skipped.append(Skipped(path, str(exc)))
    for path, _, _, result in _parse_all(todo, executor):
        if isinstance(result, str):
            skipped.append(Skipped(path, result))
        else:
            found[path] = result
    for item in skipped:
        log.warning("skipped %s: %s", item.path, item.reason)
    return [doc for path in files if path in found for doc in found[path]], skipped


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while documents are built. Loading a large corpus
    creates hundreds of thousands of objects and no cycles; the collector's passes over them
    made a warm 10,000-file scan half as slow again, and unpredictably so."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _check(path: Path | str) -> os.stat_result:
    """A source's stat, or SourceError when it is not one to read."""
    _suffix_reader(os.path.splitext(path)[1])
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None
    if not stat_module.S_ISREG(stat.st_mode):  # a FIFO would block, /dev/zero never ends
        raise SourceError("not a regular file")
    if stat.st_size > MAX_SOURCE_BYTES:
        raise SourceError(f"larger than {MAX_SOURCE_BYTES // 1_000_000} MB")
    return stat


def _lookup(
    name: str, key: str, row: tuple[int, int, int, str, int] | None, cache: DocumentCache
) -> tuple[int | None, tuple[Path, bytes, os.stat_result] | None]:
    """The index id of a file when it is indexed as it is now, or what is needed to parse it."""
    stat = _check(name)
    if row and row[1:3] == _stat(stat) and row[4] == READER_VERSION:
        return row[0], None
    path = Path(name)
    data = _bytes(path)
    digest = content_hash(path.name, data)
    if cache.has_content(digest):  # moved, copied or touched: indexed without parsing
        return cache.put(path, key=key, stat=_stat(stat), sha256=digest, docs=None), None
    return None, (path, data, stat)


def _parse_all(
    todo: list[tuple[Path, bytes, os.stat_result]], executor: Executor | None = None
) -> Iterator[tuple[Path, bytes, os.stat_result, list[Document] | str]]:
    """Parse files, on every core when there are many; errors come back as strings."""
    if executor is not None:
        done = executor.parse([(p, d) for p, d, _ in todo])
        for i, result in _progress(done, len(todo)):
            yield *todo[i], result
        return
    workers = min(os.cpu_count() or 1, 8)
    if len(todo) >= PARALLEL_FROM and workers > 1:
        pool = ProcessPoolExecutor(workers, initializer=die_with_parent)
        try:
            results = pool.map(_parse_safely, [(p, d) for p, d, _ in todo], chunksize=16)
            for (path, data, stat), result in zip(todo, _progress(results, len(todo)), strict=True):
                yield path, data, stat, result
        except BaseException:  # stopped: waiting for the workers' documents may take minutes
            for process in list(pool._processes.values()):
                process.kill()
            raise
        finally:
            pool.shutdown(cancel_futures=True)
        return
    for path, data, stat in _progress(iter(todo), len(todo)):
        yield path, data, stat, _parse_safely((path, data))


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


def _reader(path: Path) -> Reader:
    return _suffix_reader(path.suffix)


def _suffix_reader(suffix: str) -> Reader:
    reader = READERS.get(suffix.lower())
    if reader is None:
        choices = ", ".join(sorted(READERS))
        raise SourceError(f"unsupported file type '{suffix}'; readable: {choices}")
    return reader


def _bytes(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)  # a file still growing is cut off too
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
    return [Path(name) for _, files in _rooted_files(paths, skipped) for name, _ in files]


def _rooted_files(
    paths: Iterable[Path], skipped: list[Skipped]
) -> list[tuple[str, list[tuple[str, str]]]]:
    """Per root: its resolved path (a folder's ending in '/'), and its files, each once, as
    found and resolved."""
    seen: set[str] = set()
    out: list[tuple[str, list[tuple[str, str]]]] = []
    for root in paths:
        if root.is_dir():
            candidates = list(walk_names(root))
        elif root.is_file():
            candidates = [str(root)]
        else:
            skipped.append(Skipped(root, "no such file or folder"))
            continue
        real_root, prefix, folder = os.path.realpath(root), len(str(root)), root.is_dir()
        found: list[tuple[str, str]] = []
        for name in candidates:
            if not _utf8(name):  # SQLite, JSON and every writer need text
                shown = Path(name.encode("utf-8", "backslashreplace").decode())
                skipped.append(Skipped(shown, "the file name is not valid UTF-8; rename it"))
                continue
            # the same file named twice (overlapping roots) is read once
            key = real_root + name[prefix:] if folder else os.path.realpath(name)
            if key not in seen:
                seen.add(key)
                found.append((name, key))
        out.append((os.path.join(real_root, "") if folder else real_root, found))
    return out


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
