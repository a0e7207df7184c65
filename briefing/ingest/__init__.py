"""Ingest: read every source file once, whatever its format, into clean Documents."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from pathlib import Path

from briefing.errors import SourceError
from briefing.ingest.readers import READERS
from briefing.model import Document, Skipped

log = logging.getLogger(__name__)
PROGRESS_FROM = 200  # files

__all__ = ["READERS", "get_sources", "read_file"]


def get_sources(paths: Iterable[Path]) -> tuple[list[Document], list[Skipped]]:
    """Read every file under ``paths`` (folders recursively); skip what cannot be read."""
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for path in _progress(_files(paths, skipped)):
        try:
            docs.append(read_file(path))
        except SourceError as exc:
            skipped.append(Skipped(path, str(exc)))
    for item in skipped:
        log.warning("skipped %s: %s", item.path, item.reason)
    return docs, skipped


def _progress(files: list[Path]) -> Iterable[Path]:
    """Show a progress bar on a terminal when there is enough to read to wait for."""
    if len(files) < PROGRESS_FROM or not sys.stderr.isatty():
        return files
    from rich.console import Console
    from rich.progress import track

    return track(files, description="Reading sources", console=Console(stderr=True))


def read_file(path: Path) -> Document:
    """Read one file with the reader registered for its suffix."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        choices = ", ".join(sorted(READERS))
        raise SourceError(f"unsupported file type '{path.suffix}'; readable: {choices}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None
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
