"""Ingest: read every source file once, whatever its format, into clean Documents."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from pathlib import Path

from briefing.cache import DocumentCache, content_hash
from briefing.errors import SourceError
from briefing.ingest.readers import READERS, Reader
from briefing.model import Document, Skipped

log = logging.getLogger(__name__)
PROGRESS_FROM = 200  # files

__all__ = ["READERS", "get_sources", "read_file"]


def get_sources(
    paths: Iterable[Path], cache: DocumentCache | None = None
) -> tuple[list[Document], list[Skipped]]:
    """Read every file under ``paths`` (folders recursively); skip what cannot be read.

    With a cache, unchanged files are not read and unchanged contents are not parsed again.
    """
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for path in _progress(_files(paths, skipped)):
        try:
            docs.append(_read_cached(path, cache) if cache else read_file(path))
        except SourceError as exc:
            skipped.append(Skipped(path, str(exc)))
    for item in skipped:
        log.warning("skipped %s: %s", item.path, item.reason)
    if cache:
        cache.commit()
    return docs, skipped


def _progress(files: list[Path]) -> Iterable[Path]:
    """Show a progress bar on a terminal when there is enough to read to wait for."""
    if len(files) < PROGRESS_FROM or not sys.stderr.isatty():
        return files
    from rich.console import Console
    from rich.progress import track

    return track(files, description="Reading sources", console=Console(stderr=True))


def _read_cached(path: Path, cache: DocumentCache) -> Document:
    _reader(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None
    doc = cache.unchanged(path, stat.st_size, stat.st_mtime_ns)
    if doc:
        return doc
    data = _bytes(path)
    digest = content_hash(path.name, data)
    doc = cache.get(digest, path) or parse(path, data)
    cache.put(path, stat.st_size, stat.st_mtime_ns, digest, doc)
    return doc


def read_file(path: Path) -> Document:
    """Read one file with the reader registered for its suffix."""
    _reader(path)
    return parse(path, _bytes(path))


def _reader(path: Path) -> Reader:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        choices = ", ".join(sorted(READERS))
        raise SourceError(f"unsupported file type '{path.suffix}'; readable: {choices}")
    return reader


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None


def parse(path: Path, data: bytes) -> Document:
    """Parse a file's bytes with the reader for its suffix."""
    reader = _reader(path)
    try:
        return reader(path, data)
    except SourceError:
        raise
    except Exception as exc:  # a reader bug on one odd file must not stop the build
        raise SourceError(f"could not be parsed ({type(exc).__name__}: {exc})") from None


def _files(paths: Iterable[Path], skipped: list[Skipped]) -> list[Path]:
    """Source files under ``paths``, each once, in a stable order; hidden files are ignored."""
    seen: set[Path] = set()
    found: list[Path] = []
    for root in paths:
        if root.is_dir():
            candidates = sorted(
                p
                for p in root.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(root).parts)
            )
        elif root.is_file():
            candidates = [root]
        else:
            skipped.append(Skipped(root, "no such file or folder"))
            continue
        for path in candidates:
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                found.append(path)
    return found
