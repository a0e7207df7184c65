"""What the archive page shows of a configured brief: its editions, newest first, with what was
new in each, its review and its deliveries, and the schedule. Plain data; the pages render it."""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from briefing.config import Config
from briefing.review import REVIEWED
from briefing.slots import next_slot
from briefing.store import Approval, BuildState, DeliveryRow, Store

DATED = re.compile(r"\d{4}-\d{2}-\d{2}")
FILES = {  # what a page may link to in an edition: a fixed name per kind, never a request's path
    "pdf": ("brief.pdf", "application/pdf"),
    "docx": (
        "brief.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "html": ("brief.html", "text/html; charset=utf-8"),
    "txt": ("brief.txt", "text/plain; charset=utf-8"),
    "json": ("brief.json", "application/json"),
}


@dataclass(frozen=True)
class Summary:
    """What an edition's brief.json says, read once per version of the file."""

    digest: str
    title: str
    sources: int
    points: int
    quotes: int
    new_titles: tuple[str, ...]
    new_points: int
    previous: str | None


@dataclass
class EditionView:
    """One edition as the archive lists it."""

    as_of: str
    folder: Path
    summary: Summary
    formats: list[str]
    approval: Approval | None = None
    reviewed: bool = False  # an approved rendering is on disk
    deliveries: list[DeliveryRow] = field(default_factory=list)
    held: str | None = None  # why `send` would hold it, while nobody has been sent it

    @property
    def counts(self) -> dict[str, int]:
        """Ledger rows of this edition by status."""
        return dict(Counter(row.status for row in self.deliveries))


@dataclass(frozen=True)
class Schedule:
    """When the brief is built: next run, last build and why, the latest builds."""

    next_run: str | None
    last_build: str | None
    reason: str | None
    history: list[tuple[str, str, str, int, str]]


_summaries: dict[Path, tuple[tuple[int, int], Summary]] = {}
_lock = threading.Lock()


def summary(path: Path) -> Summary:
    """The summary of a brief.json, kept while the file is unchanged (a page of 50 editions
    would otherwise parse and hash 50 briefs each time)."""
    stat = path.stat()
    key = (stat.st_mtime_ns, stat.st_size)
    with _lock:
        known = _summaries.get(path)
    if known and known[0] == key:
        return known[1]
    found = _summarize(json.loads(path.read_text(encoding="utf-8")))
    with _lock:
        _summaries[path] = (key, found)
    return found


def _summarize(data: dict[str, Any]) -> Summary:
    content = {k: v for k, v in data.items() if k != "generated_at"}  # as deliver digests it
    titles = {s["id"]: s["title"] for s in data.get("sources", [])}
    topics = data.get("topics", [])
    new = dict.fromkeys(sid for t in topics for sid in t.get("new_sources", []))
    return Summary(
        digest=hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest(),
        title=data.get("title", ""),
        sources=len(data.get("sources", [])),
        points=sum(len(t.get("summary", [])) for t in topics),
        quotes=sum(len(t.get("quotes", [])) for t in topics),
        new_titles=tuple(titles.get(sid, sid) for sid in new),
        new_points=sum(len(t.get("new_points", [])) for t in topics),
        previous=data.get("previous_as_of"),
    )


def editions(config: Config) -> list[EditionView]:
    """The brief's editions, newest first, each with its approval and ledger rows."""
    folder = config.output_dir
    found = []
    for path in sorted(folder.glob("????-??-??/brief.json"), reverse=True):
        edition = path.parent
        if not DATED.fullmatch(edition.name) or edition.is_symlink():
            continue
        formats = [f for f, (name, _) in FILES.items() if (edition / name).is_file()]
        reviewed = (edition / REVIEWED / "brief.json").is_file()
        found.append(EditionView(edition.name, edition, summary(path), formats, reviewed=reviewed))
    if found and config.state_path.is_file():
        with Store(config.state_path) as store:
            approvals = {a.digest: a for a in store.approvals()}
            rows = store.rows()
        for view in found:
            view.approval = approvals.get(view.summary.digest)
            view.deliveries = [r for r in rows if r.digest == view.summary.digest]
    for view in found:
        view.held = held(config, view)
    return found


def held(config: Config, view: EditionView) -> str | None:
    """Why `briefing send` would hold an edition nobody has been sent, as `deliver` decides."""
    dist = config.distribution
    if dist is None or view.deliveries:
        return None
    if dist.review == "required" and view.approval is None:
        return "held: waits for review"
    if view.summary.sources < dist.min_sources:
        return f"held: {view.summary.sources} sources, fewer than min_sources {dist.min_sources}"
    return None


def edition(config: Config, as_of: str) -> EditionView | None:
    """One edition by its date, or None."""
    return next((e for e in editions(config) if e.as_of == as_of), None)


def schedule(config: Config, now: datetime | None = None) -> Schedule:
    """Next scheduled run, and the last build and why, from the brief's state."""
    nxt = None
    if config.schedule:
        slot = next_slot(config.schedule.spec, config.schedule.zone, now or datetime.now(UTC))
        nxt = slot.due.astimezone(config.schedule.zone).isoformat() if slot else None
    if not config.state_path.is_file():  # never built: the page creates no state
        return Schedule(nxt, None, None, [])
    with BuildState(config.state_path) as state:
        brief = state.brief(config.brief_name)
        history = state.history(config.brief_name, 5)
    return Schedule(nxt, brief.built_at, brief.reason, history)
