"""The pipeline, stage by stage: sources → matches → analyses → brief → files."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from briefing.analyze import analyze
from briefing.assemble import assemble
from briefing.config import Config, Topic
from briefing.errors import BriefingError
from briefing.ingest import get_sources
from briefing.match import match
from briefing.model import Analysis, BuildResult, Match
from briefing.render import render

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
) -> BuildResult:
    """Build the brief described by ``config`` and write it to its dated output folder."""
    now = clock()
    as_of = as_of or now.date()
    since = since or config.since(as_of)
    chosen = select_topics(config.topics, topics)
    docs, skipped = get_sources(config.source_paths)
    matched = [(t, match(t, docs, since=since, until=as_of)) for t in chosen]
    analyses = analyze_matches(matched)
    brief = assemble(
        meta={
            "name": config.brief_name,
            "title": config.title,
            "as_of": as_of,
            "since": since,
            "organization": config.organization,
            "generated_at": now.isoformat(),
        },
        topics=matched,
        analyses=analyses,
    )
    out_dir = config.output_dir / as_of.isoformat()
    files = write_atomically(
        out_dir,
        lambda tmp: render(
            brief,
            tmp,
            list(formats or config.formats),
            templates=config.templates_dir,
            font=config.font_path,
        ),
    )
    return BuildResult(out_dir, files, skipped, brief)


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


def analyze_matches(matched: Sequence[tuple[Topic, list[Match]]]) -> dict[Path, Analysis]:
    """Analyze each matched document once, however many topics it serves."""
    analyses: dict[Path, Analysis] = {}
    for _, matches in matched:
        for m in matches:
            if m.doc.path not in analyses:
                analyses[m.doc.path] = analyze(m.doc)
    return analyses


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
