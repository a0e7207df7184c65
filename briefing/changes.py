"""Change detection as functions: fingerprints of sources, config and templates, and diffs.

Size and mtime are the fast path; a file whose stat changed is hashed to confirm, so a touch
without an edit is not a change.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from briefing.ingest import READERS, walk_names
from briefing.render.html import PACKAGE_TEMPLATES


@dataclass(frozen=True, slots=True)
class FileState:
    """What is known of one file: its stat and content hash (SHA-256, as bytes: `run` keeps
    one per source file, so they are kept small: about 250 bytes with the path, not 400)."""

    size: int
    mtime_ns: int
    digest: bytes

    @property
    def sha256(self) -> str:
        """The content hash in hex, as stored and fingerprinted."""
        return self.digest.hex()


@dataclass(frozen=True)
class Scan:
    """The source files found, and the roots that could not be read."""

    files: dict[str, FileState]
    problems: list[str]


def scan(roots: Iterable[Path], previous: Mapping[str, FileState]) -> Scan:
    """Stat every readable source file; hash only those whose stat changed since ``previous``."""
    files: dict[str, FileState] = {}
    problems: list[str] = []
    for root in roots:
        try:
            paths = _source_files(root)
        except OSError as exc:
            problems.append(f"{root}: {exc.strerror or exc}")
            continue
        for path in paths:
            state = _state(path, previous.get(path))
            if state:
                files[path] = state
    return Scan(files, problems)


def _source_files(root: Path) -> list[str]:
    """Paths as plain strings: a Path per file costs a second per 20,000 files."""
    if root.is_file():
        return [str(root)]
    if not root.is_dir():
        raise FileNotFoundError(2, "source folder is missing", str(root))
    with os.scandir(root):  # an unreadable folder raises here instead of looking empty
        pass
    return [p for p in walk_names(root) if os.path.splitext(p)[1].lower() in READERS]


def _state(path: str, before: FileState | None) -> FileState | None:
    try:
        stat = os.stat(path)
        if before and (before.size, before.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            return before
        with open(path, "rb") as handle:
            digest = hashlib.sha256(handle.read()).digest()
    except OSError:
        return None  # unreadable: ingest reports it when it builds
    return FileState(stat.st_size, stat.st_mtime_ns, digest)


def changed(old: Mapping[str, FileState], new: Mapping[str, FileState]) -> list[str]:
    """Paths added, removed or edited (by content) between two scans."""
    paths = set(old) | set(new)
    return sorted(
        p for p in paths if (old.get(p) and old[p].digest) != (new.get(p) and new[p].digest)
    )


def fingerprint(files: Mapping[str, FileState], *extra: Path | None) -> str:
    """One digest over source contents, the config file and the template folders."""
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(f"{name}\0{files[name].sha256}\n".encode("utf-8", "surrogateescape"))
    for item in (*extra, PACKAGE_TEMPLATES):
        for path in _tree(item):
            h.update(str(path).encode("utf-8", "surrogateescape") + b"\0" + path.read_bytes())
    return h.hexdigest()


def _tree(item: Path | None) -> list[Path]:
    if item is None or not item.exists():
        return []
    return [item] if item.is_file() else sorted(p for p in item.rglob("*") if p.is_file())


def dump(files: Mapping[str, FileState]) -> str:
    """Serialise a scan's files for the state database."""
    return json.dumps(
        {p: {"size": s.size, "mtime_ns": s.mtime_ns, "sha256": s.sha256} for p, s in files.items()}
    )


def load(text: str | None) -> dict[str, FileState]:
    """Read what ``dump`` wrote."""
    if not text:
        return {}
    return {
        p: FileState(s["size"], s["mtime_ns"], bytes.fromhex(s["sha256"]))
        for p, s in json.loads(text).items()
    }
