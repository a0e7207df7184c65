"""Ingest: read every source file once, whatever its format, into clean Documents.

Readers are registered by suffix. Files whose size and mtime are unchanged come from the
document cache; the rest are parsed on all cores when there are many.
"""

from __future__ import annotations

import gc
import logging
import os
import re
import stat as stat_module
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from briefing.cache import DocumentCache, content_hash
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

__all__ = ["READERS", "get_sources", "read_documents", "read_file"]


def get_sources(
    paths: Iterable[Path],
    cache: DocumentCache | None = None,
    rules: list[tuple[re.Pattern[str], str | None]] | None = None,
    executor: Executor | None = None,
) -> tuple[list[Document], list[Skipped]]:
    """Read every file under ``paths`` (folders recursively); skip what cannot be read.

    With a cache, unchanged files are not read and unchanged contents are not parsed again.
    Files are parsed by ``executor`` (a Dask cluster), else on this machine's cores.
    """
    with _collector_paused():
        docs, skipped = _get_sources(paths, cache, executor)
    return apply_rules(docs, rules or []), skipped


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


def _get_sources(
    paths: Iterable[Path], cache: DocumentCache | None, executor: Executor | None = None
) -> tuple[list[Document], list[Skipped]]:
    skipped: list[Skipped] = []
    found: dict[Path, list[Document]] = {}
    todo: list[tuple[Path, bytes, os.stat_result]] = []
    files = _files(paths, skipped)
    for path in files:
        try:
            cached, pending = _lookup(path, cache)
        except SourceError as exc:
            skipped.append(Skipped(path, str(exc)))
            continue
        if cached is not None:
            found[path] = cached
        elif pending:
            todo.append(pending)
    for path, data, stat, result in _parse_all(todo, executor):
        if isinstance(result, str):
            skipped.append(Skipped(path, result))
            continue
        found[path] = result
        if cache:
            cache.put(path, stat.st_size, stat.st_mtime_ns, content_hash(path.name, data), result)
    for item in skipped:
        log.warning("skipped %s: %s", item.path, item.reason)
    if cache:
        cache.commit()
    docs = [doc for path in files if path in found for doc in found[path]]
    return remove_repeated(docs), skipped


def _lookup(
    path: Path, cache: DocumentCache | None
) -> tuple[list[Document] | None, tuple[Path, bytes, os.stat_result] | None]:
    """Cached documents of ``path``, or what is needed to parse it."""
    _reader(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None
    if not stat_module.S_ISREG(stat.st_mode):  # a FIFO would block, /dev/zero never ends
        raise SourceError("not a regular file")
    if stat.st_size > MAX_SOURCE_BYTES:
        raise SourceError(f"larger than {MAX_SOURCE_BYTES // 1_000_000} MB")
    if cache:
        docs = cache.unchanged(path, stat.st_size, stat.st_mtime_ns)
        if docs is not None:
            return docs, None
    data = _bytes(path)
    if cache:
        digest = content_hash(path.name, data)
        docs = cache.get(digest, path)
        if docs is not None:
            cache.put(path, stat.st_size, stat.st_mtime_ns, digest, None)
            return docs, None
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
        with ProcessPoolExecutor(workers, initializer=die_with_parent) as pool:
            results = pool.map(_parse_safely, [(p, d) for p, d, _ in todo], chunksize=16)
            for (path, data, stat), result in zip(todo, _progress(results, len(todo)), strict=True):
                yield path, data, stat, result
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
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        choices = ", ".join(sorted(READERS))
        raise SourceError(f"unsupported file type '{path.suffix}'; readable: {choices}")
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


def parse(path: Path, data: bytes) -> list[Document]:
    """Parse a file's bytes with the reader for its suffix."""
    reader = _reader(path)
    try:
        return [clean_document(doc) for doc in reader(path, data)]
    except SourceError:
        raise
    except RecursionError:
        raise SourceError("could not be parsed (nested too deeply)") from None
    except Exception as exc:  # a reader bug on one odd file must not stop the build
        raise SourceError(f"could not be parsed ({type(exc).__name__}: {exc})") from None


def _files(paths: Iterable[Path], skipped: list[Skipped]) -> list[Path]:
    """Source files under ``paths``, each once, in a stable order; hidden files are ignored."""
    seen: set[str] = set()
    found: list[Path] = []
    for root in paths:
        if root.is_dir():
            candidates = walk_files(root)
        elif root.is_file():
            candidates = [root]
        else:
            skipped.append(Skipped(root, "no such file or folder"))
            continue
        real_root, prefix, folder = os.path.realpath(root), len(str(root)), root.is_dir()
        for path in candidates:
            if not _utf8(path):  # SQLite, JSON and every writer need text
                shown = Path(str(path).encode("utf-8", "backslashreplace").decode())
                skipped.append(Skipped(shown, "the file name is not valid UTF-8; rename it"))
                continue
            # the same file named twice (overlapping roots) is read once
            key = real_root + str(path)[prefix:] if folder else os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                found.append(path)
    return found


def _utf8(path: Path) -> bool:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def walk_files(root: Path) -> list[Path]:
    """Files below ``root`` in a stable order, hidden files and folders left out."""
    out = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out += [Path(folder) / n for n in sorted(names) if not n.startswith(".")]
    return out
