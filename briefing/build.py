"""The pipeline, stage by stage: sources → matches → analyses → brief → files."""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from briefing.analyze import analyze
from briefing.assemble import assemble
from briefing.cache import DocumentCache
from briefing.config import Config, Topic
from briefing.errors import BriefingError
from briefing.ingest import get_sources
from briefing.ingest.feeds import fetch_feeds
from briefing.match import match_topics, near_duplicates
from briefing.model import Analysis, BriefInfo, BuildResult, Document, Match, Skipped
from briefing.render import RenderOptions, render

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


def build_time() -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set, so that builds can be reproduced."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


def build(
    config: Config,
    *,
    as_of: date | None = None,
    since: date | None = None,
    topics: Sequence[str] = (),
    formats: Sequence[str] = (),
    clock: Clock = build_time,
    cache: DocumentCache | None = None,
    memo: dict[Document, Analysis] | None = None,
    wait: bool = True,
) -> BuildResult:
    """Build the brief described by ``config`` and write it to its dated output folder.

    ``cache`` and ``memo`` let a long-running process keep parsed documents and analyses
    between builds; without ``wait``, a brief another process is building is an error.
    """
    with brief_lock(config.output_dir, wait=wait):
        if cache is None:
            with DocumentCache(config.cache_path) as own_cache:
                return _build(config, as_of, since, topics, formats, clock, own_cache, memo)
        return _build(config, as_of, since, topics, formats, clock, cache, memo)


def _build(
    config: Config,
    as_of: date | None,
    since: date | None,
    topics: Sequence[str],
    formats: Sequence[str],
    clock: Clock,
    cache: DocumentCache,
    memo: dict[Document, Analysis] | None,
) -> BuildResult:
    now = clock()
    as_of = as_of or now.date()
    since = since or config.since(as_of)
    chosen = select_topics(config.topics, topics)
    docs, skipped = sources_of(config, cache)
    found = match_topics(chosen, docs, since=since, until=as_of, exclusive=config.exclusive_topics)
    matched = list(zip(chosen, found, strict=True))
    analyses = analyze_matches(matched, {} if memo is None else memo)
    brief = assemble(
        info=BriefInfo(
            name=config.brief_name,
            title=config.title,
            as_of=as_of,
            generated_at=now.isoformat(),
            since=since,
            organization=config.organization,
            label=config.label,
            base=config.config_path.parent if config.config_path else None,
            summary_words=config.summary_words,
        ),
        topics=matched,
        analyses=analyses,
        previous=previous_edition(config.output_dir, as_of),
    )
    out_dir = config.output_dir / as_of.isoformat()
    files = write_atomically(
        out_dir,
        lambda tmp: render(
            brief,
            tmp,
            list(formats or config.formats),
            RenderOptions(templates=config.templates_dir, theme=config.theme_model),
        ),
    )
    point_latest(out_dir)
    prune(config.output_dir, keep=config.keep)
    return BuildResult(out_dir, files, skipped, brief)


def previous_edition(folder: Path, as_of: date) -> dict[str, Any] | None:
    """The brief.json of the newest edition before ``as_of``, if there is one."""
    earlier = sorted(
        p for p in folder.glob("????-??-??/brief.json") if p.parent.name < as_of.isoformat()
    )
    if not earlier:
        return None
    try:
        data = json.loads(earlier[-1].read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("cannot read the previous edition %s: %s", earlier[-1], exc)
        return None
    return data if isinstance(data, dict) else None


@dataclass(frozen=True)
class Survey:
    """What a config's sources hold: documents read, files skipped, duplicates merged."""

    docs: list[Document]
    skipped: list[Skipped]
    duplicates: list[tuple[Document, tuple[Document, ...]]]


def sources_of(config: Config, cache: DocumentCache) -> tuple[list[Document], list[Skipped]]:
    """The config's documents: files through the cache, feed URLs fetched."""
    docs, skipped = get_sources(config.source_paths, cache, config.rules)
    if config.source_urls:
        fetched, failed = fetch_feeds(config.source_urls)
        docs, skipped = docs + fetched, skipped + failed
        for item in failed:
            log.warning("skipped %s: %s", item.path, item.reason)
    return docs, skipped


def survey(config: Config) -> Survey:
    """Read a config's sources (through the cache) and group the near-duplicates."""
    with DocumentCache(config.cache_path) as cache:
        docs, skipped = sources_of(config, cache)
    return Survey(docs, skipped, near_duplicates(docs))


def select_topics(topics: Sequence[Topic], names: Sequence[str]) -> list[Topic]:
    """The topics named (all when none are), or an error listing the valid names."""
    if not names:
        return list(topics)
    by_name = {t.name.casefold(): t for t in topics}
    missing = [n for n in names if n.casefold() not in by_name]
    if missing:
        choices = ", ".join(t.name for t in topics)
        raise BriefingError(f"unknown topic '{missing[0]}'; choose one of: {choices}")
    return [by_name[n.casefold()] for n in names]


def analyze_matches(
    matched: Sequence[tuple[Topic, list[Match]]], memo: dict[Document, Analysis]
) -> dict[Path, Analysis]:
    """Analyze each matched document once, however many topics it serves; ``memo`` keeps
    analyses of unchanged documents between builds."""
    analyses: dict[Path, Analysis] = {}
    for _, matches in matched:
        for m in matches:
            if m.doc not in memo:
                memo[m.doc] = analyze(m.doc)
            analyses[m.doc.path] = memo[m.doc]
    return analyses


@contextmanager
def brief_lock(folder: Path, *, wait: bool = True) -> Iterator[None]:
    """Only one process builds a brief at a time (an advisory lock on a file in its folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BriefingError(f"another process is building {folder.name}") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def point_latest(out_dir: Path) -> None:
    """Make ``<brief>/latest`` point at the newest build (a symlink, swapped in atomically)."""
    link = out_dir.parent / "latest"
    tmp = out_dir.parent / f".latest-{os.getpid()}"
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(out_dir.name, target_is_directory=True)
    os.replace(tmp, link)


def prune(folder: Path, *, keep: int) -> None:
    """Delete the oldest dated brief folders beyond ``keep``."""
    dated = sorted(p for p in folder.glob("????-??-??") if p.is_dir() and not p.is_symlink())
    for old in dated[:-keep]:
        shutil.rmtree(old, ignore_errors=True)


def write_atomically(out_dir: Path, write: Callable[[Path], list[Path]]) -> list[Path]:
    """Write into a temporary folder, then swap it in: a failed build leaves the old brief."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_dir.with_name(f".{out_dir.name}.tmp-{os.getpid()}")
    old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        written = write(tmp)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if out_dir.exists():
        out_dir.rename(old)
    tmp.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)
    return [out_dir / p.name for p in written]
