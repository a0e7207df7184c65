"""The pipeline, stage by stage: sources → matches → analyses → brief → files."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from briefing import locks, match
from briefing.assemble import assemble
from briefing.cache import DocumentCache, analysis_key, content_hash, to_json
from briefing.config import Config, Topic
from briefing.errors import BriefingError
from briefing.index import Index
from briefing.ingest import collector_paused, index_sources
from briefing.ingest.executors import executor_for
from briefing.ingest.feeds import fetch_feeds
from briefing.model import Analysis, Brief, BriefInfo, BuildResult, Document, Match, Skipped
from briefing.postag import model
from briefing.render import RenderOptions, render
from briefing.store import BuildState

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
Progress = Callable[[str], None]  # told the stage a build is in
EDITION_MARK = ".briefing-edition"  # in every dated folder a build writes; prune needs it
TEMP_MARK = ".briefing-temp"  # in a folder a build is writing; a killed build leaves it
LEFTOVER = re.compile(r"\.(\d{4}-\d{2}-\d{2})\.(tmp|old)-\d+|\.latest-\d+")


def build_time() -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set, so that builds can be reproduced."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


def preload() -> None:
    """Read what a build reads when it first needs it (the tagger's weights: 0.15 s), for a
    process that waits before it builds anyway."""
    model()


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
    options: BuildOptions | None = None,
) -> BuildResult:
    """Build the brief described by ``config`` and write it to its dated output folder.

    ``cache`` and ``memo`` let a long-running process keep parsed documents and analyses
    between builds; without ``wait``, a brief another process is building is an error.
    A build that finds no source for any topic is an error and writes nothing, unless
    ``options.allow_empty``; a ``options.preview`` goes to ``<brief>/preview/<date>/`` and
    leaves the editions alone. Every edition built is recorded in the brief's state.
    """
    options = options or BuildOptions()
    started, clock_start = clock(), time.monotonic()
    with brief_lock(config.output_dir, wait=wait):
        claim_output(config)
        clean_leftovers(config.output_dir)
        clean_leftovers(config.output_dir / "preview")
        try:
            with _opened(cache, config) as docs_cache:
                result = _build(
                    config, as_of, since, topics, formats, clock, docs_cache, memo, options
                )
        except Exception as exc:  # a bug too is a failed build `briefing status` shows
            if not options.preview:
                detail = str(exc) if isinstance(exc, BriefingError) else _bug(exc)
                _record(config, options.reason, started, ok=False, detail=detail)
            raise
        result.seconds = time.monotonic() - clock_start
        if not options.preview:
            _record(config, options.reason, started, ok=True, detail=str(result.out_dir))
        return result


@contextmanager
def _opened(cache: DocumentCache | None, config: Config) -> Iterator[DocumentCache]:
    """The caller's document cache, or the config's own for the length of one build."""
    if cache is not None:
        try:
            yield cache
        finally:  # what was parsed stays parsed, and no write lock outlives the build
            cache.commit()
            cache.forget_scope()  # a path per source file, of no use to the next build
        return
    with DocumentCache(config.cache_path) as own:
        yield own


@dataclass(frozen=True)
class BuildOptions:
    """How a build is run: why, whether it is only a preview, whether empty is fine."""

    reason: str = "manual"  # manual | schedule | change
    preview: bool = False
    allow_empty: bool = False
    progress: Progress | None = None


def _build(
    config: Config,
    as_of: date | None,
    since: date | None,
    topics: Sequence[str],
    formats: Sequence[str],
    clock: Clock,
    cache: DocumentCache,
    memo: dict[Document, Analysis] | None,
    options: BuildOptions,
) -> BuildResult:
    now = clock()
    as_of = as_of or now.date()
    since = since or config.since(as_of)
    if since and since > as_of:
        raise BriefingError(f"the window starts on {since} after it ends on {as_of}")
    step = options.progress or (lambda stage: None)
    chosen = select_topics(config.topics, topics)
    with collector_paused():  # on again once the index is let go: no pass over what it held
        found, skipped = _matches(config, cache, chosen, (since, as_of), options)
    matched = list(zip(chosen, found, strict=True))
    step(f"Analyzing {len({m.doc.path for ms in found for m in ms})} documents")
    analyses = analyze_matches(matched, {} if memo is None else memo, cache)
    if memo is not None:  # a long-running process: keep only what the next build can reuse
        forget_all_but({m.doc for ms in found for m in ms}, memo)
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
    warnings = topic_warnings(brief)  # the caller shows them with its summary
    out_dir = (config.output_dir / "preview" if options.preview else config.output_dir) / (
        as_of.isoformat()
    )
    step("Rendering " + ", ".join(formats or config.formats))
    files = write_atomically(
        out_dir,
        lambda tmp: render(
            brief,
            tmp,
            list(formats or config.formats),
            RenderOptions(templates=config.templates_dir, theme=config.theme_model),
        ),
    )
    if not options.preview:
        point_latest(out_dir)
        prune(config.output_dir, keep=config.keep)
    return BuildResult(out_dir, files, skipped, brief, warnings=warnings, preview=options.preview)


def _matches(
    config: Config,
    cache: DocumentCache,
    chosen: list[Topic],
    window: tuple[date | None, date],
    options: BuildOptions,
) -> tuple[list[list[Match]], list[Skipped]]:
    """Each topic's sources, and the files skipped. The index, with the candidates, sketches
    and runs it loaded, is let go on return: the rest of the build needs only the matches,
    and the garbage collector's passes over those objects cost more the larger the archive."""
    step = options.progress or (lambda stage: None)
    step("Reading sources")
    index, skipped = indexed_sources(config, cache)
    step(f"Matching {len(index.scope.files)} files to {len(chosen)} topics")
    since, until = window
    found = index.match_topics(chosen, since=since, until=until, exclusive=config.exclusive_topics)
    if not any(found) and not options.allow_empty:
        raise BriefingError(_nothing_found(config, index.size(), skipped, since, until))
    return found, skipped


def _nothing_found(
    config: Config, size: int, skipped: list[Skipped], since: date | None, until: date
) -> str:
    """Why a build found nothing, in one line, and what to do about it."""
    missing = [str(p) for p in config.source_paths if not p.exists()]
    if missing:
        why = "source folder not found: " + ", ".join(missing)
    elif not size:
        why = f"no readable source ({len(skipped)} files skipped)"
    elif since:
        why = f"no source dated {since} to {until} matches any topic ({size} documents read)"
    else:
        why = f"no source matches any topic ({size} documents read)"
    return f"{why}; nothing written (--allow-empty writes an empty brief)"


def topic_warnings(brief: Brief) -> list[str]:
    """A line for each topic a reader would find empty."""
    out = []
    for section in brief.sections:
        if not section.sources:
            out.append(f"topic '{section.name}': no source matched")
        elif not section.points:
            out.append(f"topic '{section.name}': {len(section.sources)} sources but no bullet")
    return out


def claim_output(config: Config, *, create: bool = True) -> None:
    """An output folder belongs to one config: a second config naming it is an error.

    The first build writes the owner's path into ``<brief>/.config``.
    """
    marker = config.output_dir / ".config"
    mine = owner_of(config)
    try:
        theirs = marker.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        if create:
            config.output_dir.mkdir(parents=True, exist_ok=True)
            marker.write_text(mine + "\n", encoding="utf-8")
        return
    except OSError as exc:
        raise BriefingError(f"cannot read {marker}: {exc.strerror or exc}") from None
    if theirs != mine:
        raise BriefingError(
            f"{config.output_dir} belongs to {theirs}, not {mine}: give this config "
            "its own `name:` or `output:`"
        )


def owner_of(config: Config) -> str:
    """The config a brief's folder belongs to, as an absolute path."""
    path = config.config_path
    return str(path.resolve()) if path and path.is_file() else "(command line)"


def _bug(exc: BaseException) -> str:
    """An unexpected error in one line: its type, its message and where it was raised."""
    tb = exc.__traceback__
    while tb and tb.tb_next:
        tb = tb.tb_next
    where = f" (at {Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno})" if tb else ""
    return f"{type(exc).__name__}: {exc}{where}"


def _record(config: Config, reason: str, started: datetime, *, ok: bool, detail: str) -> None:
    """Note a build in the brief's state, so that `briefing status` sees every build."""
    with BuildState(config.state_path) as state:
        if ok:
            state.built(
                config.brief_name, reason=reason, out_dir=detail, started_at=started.isoformat()
            )
        else:
            state.failed(
                config.brief_name, reason=reason, started_at=started.isoformat(), detail=detail
            )


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
    """What a config's sources hold: the index over them (its documents are read a page at
    a time), how many documents, files skipped, duplicates merged."""

    index: Index
    count: int
    skipped: list[Skipped]
    duplicates: list[tuple[Document, tuple[Document, ...]]]


def indexed_sources(config: Config, cache: DocumentCache) -> tuple[Index, list[Skipped]]:
    """The config's sources in the index: files brought up to date, feed URLs fetched and
    indexed under their address."""
    executor = executor_for(config.executor, config.dask_scheduler)
    scope, skipped = index_sources(config.source_paths, cache, executor)
    for url in config.source_urls:
        fetched, failed = fetch_feeds([url])
        skipped += failed
        if fetched:
            base = Path(url.split("://", 1)[-1])  # each entry's path is "<base>#<id>"
            digest = content_hash(url, to_json(fetched, base).encode())
            file_id = cache.put(base, key=f"{url}#feed", stat=(0, 0), sha256=digest, docs=fetched)
            scope.files[file_id] = str(base)
        for item in failed:
            log.warning("skipped %s: %s", item.path, item.reason)
    cache.commit()
    return Index(cache, scope, config.rules), skipped


def survey(config: Config, cache: DocumentCache) -> Survey:
    """A config's sources in the index (brought up to date), with the near-duplicates grouped;
    nothing holds every document."""
    index, skipped = indexed_sources(config, cache)
    return Survey(index, index.size(), skipped, index.near_duplicates())


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


def forget_all_but(current: set[Document], memo: dict[Document, Analysis]) -> None:
    """Forget analyses and term counts of texts this build did not use: each edit of a
    source is a new text, and a long-running process would otherwise keep every version."""
    for doc in [d for d in memo if d not in current]:
        del memo[doc]
    match.forget_counts()


def analyze_matches(
    matched: Sequence[tuple[Topic, list[Match]]],
    memo: dict[Document, Analysis],
    cache: DocumentCache | None = None,
) -> dict[Path, Analysis]:
    """Analyze each matched document once, however many topics it serves; ``memo`` keeps
    analyses of unchanged documents between builds, ``cache`` between processes."""
    analyses: dict[Path, Analysis] = {}
    for _, matches in matched:
        for m in matches:
            if m.doc not in memo:
                memo[m.doc] = _analysis(m.doc, cache)
            analyses[m.doc.path] = memo[m.doc]
    return analyses


def analyze(doc: Document) -> Analysis:
    """analyze.analyze, imported when a document first needs it: the analysers take 0.2 s
    to import, and a build whose documents were all analysed before never calls them."""
    from briefing.analyze import analyze as analyze_now

    return analyze_now(doc)


def _analysis(doc: Document, cache: DocumentCache | None) -> Analysis:
    """The document's analysis, from the cache when this code analysed this content before."""
    if cache is None:
        return analyze(doc)
    key = analysis_key(doc)
    parts = cache.analysis(key)
    if parts is not None:
        return Analysis(doc, *parts)
    found = analyze(doc)
    cache.keep_analysis(
        key, (found.sentences, found.summary, found.quotes, found.spoken, found.statements)
    )
    return found


@contextmanager
def brief_lock(folder: Path, *, wait: bool = True) -> Iterator[None]:
    """Only one process builds a brief at a time (an advisory lock on a file in its folder)."""
    with locks.hold(folder / ".lock", wait=wait, busy=f"another process is building {folder.name}"):
        yield


def point_latest(out_dir: Path) -> None:
    """Make ``<brief>/latest`` point at the newest build (a symlink, swapped in atomically)."""
    link = out_dir.parent / "latest"
    tmp = out_dir.parent / f".latest-{os.getpid()}"
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(out_dir.name, target_is_directory=True)
    os.replace(tmp, link)


def prune(folder: Path, *, keep: int) -> None:
    """Delete the oldest dated brief folders beyond ``keep``: only those this tool wrote
    (they hold its mark), never a user's folder that happens to have a dated name."""
    dated = sorted(
        p
        for p in folder.glob("????-??-??")
        if p.is_dir() and not p.is_symlink() and (p / EDITION_MARK).is_file()
    )
    for old in dated[:-keep]:
        shutil.rmtree(old, ignore_errors=True)


def clean_leftovers(folder: Path) -> None:
    """Remove what a killed build left in ``folder`` (called under the brief's lock, so no
    build is writing): its temp folders (they hold TEMP_MARK) and its ``latest`` link being
    swapped. An edition moved aside to be replaced goes back if nothing replaced it."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        m = LEFTOVER.fullmatch(path.name)
        if not m:
            continue
        if m[2] is None:
            if path.is_symlink():
                path.unlink()
        elif m[2] == "tmp" and (path / TEMP_MARK).is_file():
            shutil.rmtree(path, ignore_errors=True)
        elif m[2] == "old" and (path / EDITION_MARK).is_file():
            edition = folder / m[1]
            if edition.exists():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.rename(edition)


def write_atomically(out_dir: Path, write: Callable[[Path], list[Path]]) -> list[Path]:
    """Write into a temporary folder, then swap it in: a failed build leaves the old brief."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_dir.with_name(f".{out_dir.name}.tmp-{os.getpid()}")
    old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    (tmp / TEMP_MARK).touch()
    try:
        written = write(tmp)
        (tmp / EDITION_MARK).write_text("written by briefing; prune may delete this folder\n")
        (tmp / TEMP_MARK).unlink()
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if out_dir.exists():
        out_dir.rename(old)
    tmp.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)
    return [out_dir / p.name for p in written]
