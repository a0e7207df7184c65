"""The command line: each command loads its inputs and makes one library call."""

from __future__ import annotations

import atexit
import functools
import gc
import json
import logging
import os
import signal
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from briefing.build import BuildOptions, build, survey
from briefing.cache import DocumentCache, default_cache_path
from briefing.config import FORMATS, Topic, config_from_dict, load_config
from briefing.deliver import send_brief
from briefing.errors import BriefingError, ConfigError, SourceError
from briefing.index import Index
from briefing.ingest import READERS, is_source_name, read_documents, walk_files
from briefing.match import Hits, left_in_passing
from briefing.match import why as why_matched
from briefing.model import BuildResult, Document
from briefing.render.html import INTERPRETER_NOTE
from briefing.scheduler import Runner, status
from briefing.search import Result, search, why_line
from briefing.store import Store
from briefing.synthesize import DEFAULT_WORDS, summarize_documents
from briefing.text import shorten

# An on-demand brief is one topic and no executive summary: its summary is the brief, about a
# page; a question in plain words may match much of an archive, so it reads the 25 best.
ON_DEMAND_WORDS = 250
ON_DEMAND_SOURCES = 25

DATE = click.DateTime(formats=["%Y-%m-%d"])
DASK = click.option(
    "--dask",
    metavar="ADDRESS",
    help="Parse sources on this Dask scheduler's cluster (tcp://host:8786); pip install "
    "'briefing[dask]'.",
)
ALLOW_EMPTY = click.option(
    "--allow-empty", is_flag=True, help="Write a brief even when no source matches any topic."
)

# A command's process ends without the garbage collector's last pass over everything it
# built (the tagger's weights, indexes, analyses): 0.1 s of a build's 2 at 10,000 documents.
# Files and caches are closed by the commands themselves, never left to a finalizer.
atexit.register(gc.freeze)


def _reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn BriefingError into "Error: …" lines and exit code 1, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ConfigError as exc:
            for problem in exc.problems:
                click.echo(f"Error: {problem}", err=True)
            sys.exit(1)
        except BriefingError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
        except sqlite3.OperationalError as exc:  # the user's cache locked for a minute, or full
            click.echo(f"Error: the document cache {default_cache_path()}: {exc}", err=True)
            sys.exit(1)
        except OSError as exc:  # a full disk, a read-only or vanished folder
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"Error: {where}{exc.strerror or exc}", err=True)
            sys.exit(1)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefing", message="briefing %(version)s")
@click.option("-q", "--quiet", is_flag=True, help="Only print errors.")
def main(quiet: bool) -> None:
    """Write policy briefs (PDF, Word, HTML, JSON) from a folder of sources."""
    logging.basicConfig(
        level=logging.ERROR if quiet else logging.INFO,
        format="%(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    for noisy in ("trafilatura", "htmldate", "courlan", "charset_normalizer", "fontTools"):
        logging.getLogger(noisy).setLevel(logging.CRITICAL)


@main.command()
@click.argument("config", type=click.Path(path_type=Path))
@_reports_errors
def check(config: Path) -> None:
    """Validate CONFIG and report every error at once."""
    cfg = load_config(config)
    missing = [p for p in cfg.source_paths if not p.exists()]
    if missing:
        raise ConfigError([f"{config}: sources: not found: {p}" for p in missing])
    click.echo(f"{config}: OK ({len(cfg.topics)} topics)")


@main.command("build")
@click.argument("config", type=click.Path(path_type=Path))
@click.option("--as-of", type=DATE, help="Build as of this date (YYYY-MM-DD); default today.")
@click.option("--topic", "topics", multiple=True, help="Only this topic (repeatable).")
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(FORMATS),
    help="Only this format (repeatable); default: the config's formats.",
)
@ALLOW_EMPTY
@DASK
@_reports_errors
def build_command(
    config: Path,
    as_of: Any,
    topics: tuple[str, ...],
    formats: tuple[str, ...],
    allow_empty: bool,
    dask: str | None,
) -> None:
    """Build the brief described by CONFIG.

    With --topic or --format the build is a preview, written to <brief>/preview/<date>/;
    the edition (and what the next brief compares with) is left as it was.
    """
    options = BuildOptions(
        preview=bool(topics or formats), allow_empty=allow_empty, progress=_progress()
    )
    loaded = load_config(config)
    if dask:
        loaded = loaded.model_copy(update={"executor": "dask", "dask_scheduler": dask})
    result = build(
        loaded,
        as_of=as_of and as_of.date(),
        topics=topics,
        formats=formats,
        options=options,
    )
    _report(result)


@main.command("brief")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--topic", required=True, help="Topic name, used as the brief's title.")
@click.option("--keywords", default="", help="Comma-separated words or phrases (any of).")
@click.option(
    "--query",
    help='A topic query: "phrases", AND/OR/NOT, type:, speaker: …; or a question in plain words.',
)
@click.option("--exclude", default="", help="Comma-separated words or phrases to rule out.")
@click.option("--since", type=DATE, help="Only sources dated on or after this day.")
@click.option("--as-of", type=DATE, help="Only sources dated up to this day; default today.")
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(FORMATS),
    default=["pdf"],
    show_default=True,
    help="Output format (repeatable).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Folder for the brief.",
)
@click.option(
    "--max-sources",
    type=click.IntRange(1, 200),
    default=ON_DEMAND_SOURCES,
    show_default=True,
    help="Most sources the brief reads, the most relevant first.",
)
@click.option(
    "--words",
    type=click.IntRange(10, 2000),
    default=ON_DEMAND_WORDS,
    show_default=True,
    help="Words in the topic's summary (about).",
)
@ALLOW_EMPTY
@DASK
@_reports_errors
def brief_command(
    sources: tuple[Path, ...],
    topic: str,
    keywords: str,
    query: str | None,
    exclude: str,
    since: Any,
    as_of: Any,
    formats: tuple[str, ...],
    out: Path,
    max_sources: int,
    words: int,
    allow_empty: bool,
    dask: str | None,
) -> None:
    """A custom topic brief from SOURCE files and folders, no config file needed."""
    if not keywords.strip() and not query:
        raise BriefingError("give --keywords or --query (or both)")
    data = {
        "name": _slug(topic),
        "title": topic,
        "output": str(out.resolve()),
        "sources": [str(s.resolve()) for s in sources],
        "formats": list(formats),
        "topics": [
            {
                "name": topic,
                "keywords": _split(keywords),
                "query": query,
                "exclude": _split(exclude),
                "max_sources": max_sources,
                "summary_words": words,
            }
        ],
    }
    if dask:
        data |= {"executor": "dask", "dask_scheduler": dask}
    config = config_from_dict(data, Path.cwd() / "(command line)")
    options = BuildOptions(allow_empty=allow_empty, progress=_progress())
    _report(
        build(config, as_of=as_of and as_of.date(), since=since and since.date(), options=options)
    )


@main.command()
@click.argument("config", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Write .eml files to outbox/ beside the brief.")
@click.option("--as-of", help="Send the brief built for this date; default the newest.")
@_reports_errors
def send(config: Path, dry_run: bool, as_of: str | None) -> None:
    """Email the brief to the config's distribution lists, once per recipient."""
    report = send_brief(load_config(config), dry_run=dry_run, as_of=as_of)
    if report.held:
        click.echo(report.held)
        return
    click.echo(
        f"edition {report.digest[:12]}: {len(report.sent)} "
        + ("written to outbox/ (dry run)" if dry_run else "sent")
        + f", {len(report.failed)} failed, {len(report.pending)} still queued, "
        + (f"{len(report.unknown)} unknown (sent, no reply), " if report.unknown else "")
        + f"{report.already} done before"
    )
    sys.exit(1 if report.failed or report.pending or report.unknown else 0)


@main.command()
@click.argument("config", type=click.Path(path_type=Path))
@_reports_errors
def deliveries(config: Path) -> None:
    """Print the delivery ledger: who got which edition, and what the server said."""
    path = load_config(config).state_path
    rows, approvals = [], []
    if path.is_file():
        with Store(path) as store:
            rows, approvals = store.rows(), store.approvals()
    for approval in approvals:
        click.echo(
            f"{approval.digest[:12]}  approved  {approval.approved_at}  {approval.as_of}  "
            f"by {approval.approved_by}"
        )
    for row in rows:
        click.echo(
            f"{row.digest[:12]}  {row.status:<7}  {row.attempts}  {row.updated_at}  "
            f"{row.recipient}  {row.last_reply[:60]}"
        )
    if not rows:
        click.echo("no deliveries yet")


@main.command()
@click.argument("configs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--once", is_flag=True, help="One check-and-build pass, then exit (for cron).")
@_reports_errors
def run(configs: tuple[Path, ...], once: bool) -> None:
    """Build each CONFIG on its schedule and whenever its sources change, until stopped."""
    stop_requested: list[int] = []
    for signum in (signal.SIGTERM, signal.SIGINT):  # first thing: a stop during start-up is clean
        signal.signal(signum, lambda number, _: stop_requested.append(number))
    runner = Runner(list(configs), send=send_brief)
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: runner.interrupt())
    if stop_requested:
        return
    if once:
        outcomes = runner.once()
        for entry, outcome in zip(runner.entries, outcomes, strict=True):
            click.echo(f"{entry.config.brief_name}: {outcome}")
        sys.exit(1 if {"error", "stopped"} & set(outcomes) else 0)
    runner.loop()


@main.command("status")
@click.argument("configs", nargs=-1, required=True, type=click.Path(path_type=Path))
@_reports_errors
def status_command(configs: tuple[Path, ...]) -> None:
    """Show each brief's last build, next scheduled run and changes not yet built."""
    for path in configs:
        s = status(load_config(path))
        click.echo(
            f"{s.name}: last build {s.last_build or 'never'}"
            + (f" ({s.reason}) → {s.out_dir}" if s.last_build else "")
        )
        click.echo(f"  next scheduled run: {s.next_run or 'none (no schedule)'}")
        click.echo(f"  pending changes: {len(s.pending)}")
        for item in s.pending[:10]:
            click.echo(f"    {item}")
        for reason, started, _, ok, detail in s.history:
            click.echo(f"  {started}  {reason:<8}  {'ok' if ok else 'FAILED'}  {detail[:70]}")


@main.command()
@click.argument("configs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; any but loopback needs BRIEFING_SERVE_TOKEN (the password).",
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@_reports_errors
def serve(configs: tuple[Path, ...], host: str, port: int) -> None:
    """Ask for briefs, read the archive and review editions in a browser."""
    from briefing.serve import serve as run_server  # the web stack only for this command

    run_server(list(configs), host=host, port=port)


@main.command()
@click.argument("config", type=click.Path(path_type=Path))
@click.option("--why", is_flag=True, help="Per topic, the sources it matches and why.")
@_reports_errors
def sources(config: Path, why: bool) -> None:
    """List what CONFIG's sources hold: documents read, files skipped, duplicates merged."""
    cfg = load_config(config)
    with DocumentCache(cfg.cache_path) as cache:
        report = survey(cfg, cache)
        merged = {d.path for _, others in report.duplicates for d in others}

        def shown(path: Path) -> str:  # as the config names it
            return (
                os.path.relpath(path, config.parent)
                if path.is_absolute() == config.is_absolute()
                else str(path)
            )

        click.echo(
            f"{report.count} documents read, {len(report.skipped)} files skipped, "
            f"{len(merged)} merged into {len(report.duplicates)} near-duplicate groups"
        )
        for _, doc in report.index.documents():
            if doc.path not in merged:
                day = doc.date.isoformat() if doc.date else "undated   "
                click.echo(
                    f"  {day}  {doc.doc_type:<13}  {shorten(doc.title, 70)}  ({shown(doc.path)})"
                )
        for best, others in report.duplicates:
            click.echo(
                f"  duplicates of {shown(best.path)}: " + ", ".join(shown(d.path) for d in others)
            )
        for item in report.skipped:
            click.echo(f"  skipped {shown(item.path)}: {item.reason}")
        if why:
            _explain_matches(cfg.topics, report.index, cfg.exclusive_topics, shown)


def _explain_matches(
    topics: list[Topic], index: Index, exclusive: bool, shown: Callable[[Path], str]
) -> None:
    """Each topic's sources (of any date), best first: score, and each term's hits by field."""
    for topic, matches in zip(topics, index.match_topics(topics, exclusive=exclusive), strict=True):
        how = [f"query: {topic.query}"] if topic.query else []
        how += [f"keywords: {', '.join(topic.keywords)}"] if topic.keywords else []
        click.echo(f"\n{topic.name} ({'; '.join(how)}): {len(matches)} sources")
        for m in matches:
            click.echo(f"  {m.score:6.2f}  {shorten(m.doc.title, 60)}  ({shown(m.doc.path)})")
            for term, hits in why_matched(topic, m.doc):
                fields = [f"{n} in {f}" for n, f in zip(hits, Hits._fields, strict=True) if n]
                click.echo(f"          {term}: {', '.join(fields)}")
        candidates = [doc for _, doc in index.candidates(topic)]
        for doc in left_in_passing(topic, candidates, matches):
            click.echo(f"  left out, mentioned in passing: {shown(doc.path)}")


@main.command("search")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--query", help='A topic query: "phrases", AND/OR/NOT, type:, speaker: …')
@click.option("--text", help="Plain words, as typed into a search box (any may match).")
@click.option("--limit", type=click.IntRange(1, 200), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help='Print {"results": [...]} as JSON.')
@_reports_errors
def search_command(
    sources: tuple[Path, ...], query: str | None, text: str | None, limit: int, as_json: bool
) -> None:
    """What CONFIG's sources (or SOURCE files and folders) hold on a subject, best first."""
    paths, rules = _search_scope(sources)
    results = search(paths, query=query, text=text, limit=limit, rules=rules)
    if as_json:
        click.echo(json.dumps({"results": [_result(r) for r in results]}, ensure_ascii=False))
        return
    for rank, r in enumerate(results, 1):
        day = r.doc.date.isoformat() if r.doc.date else "undated"
        click.echo(
            f"{rank:>3}. {r.score:6.2f}  {day}  {r.doc.doc_type}  {shorten(r.doc.title, 80)}"
        )
        click.echo(f"     {r.doc.path}")
        click.echo(f"     why: {why_line(r.why)}")
        click.echo(f"     {r.snippet}")
    if not results:
        click.echo("nothing found")


def _search_scope(sources: tuple[Path, ...]) -> tuple[list[Path], Any]:
    """A single YAML file is a config (its sources and rules); anything else is sources."""
    if len(sources) == 1 and sources[0].suffix in (".yaml", ".yml") and sources[0].is_file():
        cfg = load_config(sources[0])
        return cfg.source_paths, cfg.rules
    return [s.resolve() for s in sources], None


def _result(r: Result) -> dict[str, Any]:
    return {
        "path": str(r.doc.path),
        "score": round(r.score, 4),
        "title": r.doc.title,
        "date": r.doc.date.isoformat() if r.doc.date else None,
        "type": r.doc.doc_type,
        "snippet": r.snippet,
        "why": {term: dict(hits._asdict()) for term, hits in r.why},
    }


@main.command("summarize")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--query", default="", help="What the summary should answer (words or a question).")
@click.option("--keywords", default="", help="Comma-separated words or phrases to favour.")
@click.option("--words", type=click.IntRange(10, 5000), default=DEFAULT_WORDS, show_default=True)
@click.option("--json", "as_json", is_flag=True, help='Print {"summary": [...]} as JSON.')
@_reports_errors
def summarize_command(
    paths: tuple[Path, ...], query: str, keywords: str, words: int, as_json: bool
) -> None:
    """A summary across all SOURCE files and folders at once, one bullet a line."""
    docs = [doc for path in _expand(paths) for doc in _read(path)]
    summary = summarize_documents(docs, query=query, terms=_split(keywords), words=words)
    if as_json:
        click.echo(json.dumps({"summary": summary}, ensure_ascii=False))
        return
    for item in summary:
        who = item["said_by"] and str(item["said_by"]) + (
            INTERPRETER_NOTE if item["interpreted"] else ""
        )
        by = ", ".join(str(v) for v in (who, item["date"]) if v)
        click.echo(f"- {item['text']}" + (f" — {by}" if by else ""))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line per file.")
@click.option(
    "--explain",
    is_flag=True,
    help="Each quote with its speaker, the rule or ranker candidates that decided it, and why.",
)
@click.option(
    "--sentences",
    type=click.IntRange(1, 50),
    default=3,
    show_default=True,
    help="Summary length in sentences.",
)
@_reports_errors
def inspect(paths: tuple[Path, ...], as_json: bool, explain: bool, sentences: int) -> None:
    """Show what briefing extracts from each file: metadata, turns, quotes, summary."""
    failed = False
    for path in _expand(paths):
        try:
            docs = read_documents(path)
        except SourceError as exc:
            click.echo(f"Error: {path}: {exc}", err=True)
            failed = True
            continue
        for doc in docs:
            if explain:
                click.echo(_explain(doc))
                continue
            record = inspect_record(doc, sentences)
            click.echo(json.dumps(record, ensure_ascii=False) if as_json else _describe(record))
    sys.exit(1 if failed else 0)


def inspect_record(doc: Document, sentences: int = 3) -> dict[str, Any]:
    """What ingest and analysis found in one document, as plain data."""
    from briefing.analyze import analyze, spoken_quotes  # see build.analyze

    analysis = analyze(doc, sentences=sentences)
    quotes = list(analysis.quotes) + spoken_quotes(analysis, 5)
    return {
        "path": str(doc.path),
        "title": doc.title,
        "date": doc.date.isoformat() if doc.date else None,
        "authors": list(doc.authors),
        "publisher": doc.publisher,
        "url": doc.url,
        "doc_type": doc.doc_type,
        "text": doc.text,
        "page_starts": list(doc.page_starts),
        "turns": [
            {"speaker": t.speaker, "role": t.role, "text": doc.text[t.start : t.end]}
            for t in doc.turns
        ],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "start": q.start,
                "end": q.end,
                "parts": [list(span) for span in q.parts],
                "kind": q.kind,
                "rule": q.rule,
            }
            for q in sorted(quotes, key=lambda q: q.start)
        ],
        "summary": [s.text for s in analysis.summary],
    }


def _explain(doc: Document) -> str:
    """Each quote, its speaker and the rule, and why the winner won."""
    from briefing.analyze import analyze, explain_spoken  # see build.analyze
    from briefing.quotes import explain_quotes
    from briefing.speakers import explain as explain_speaker
    from briefing.speakers import rival_rules

    lines = [f"== {doc.path}"]
    for quote, why in explain_quotes(doc):
        lines.append(f"“{shorten(quote.text, 100)}” — {quote.speaker or 'unknown'}")
        rivals = rival_rules(doc.text, *why.marks)
        lines += ["    " + line for line in explain_speaker(why, rivals)]
    for quote, reasons in explain_spoken(analyze(doc)):  # a transcript's answers
        lines.append(f"“{shorten(quote.text, 100)}” — {quote.speaker}")
        lines += ["    " + line for line in reasons]
    return "\n".join(lines) + "\n"


def _describe(record: dict[str, Any]) -> str:
    lines = [
        f"== {record['path']}",
        f"title:     {record['title']}",
        f"date:      {record['date'] or '-'}",
        f"type:      {record['doc_type']}",
        f"authors:   {', '.join(record['authors']) or '-'}",
        f"publisher: {record['publisher'] or '-'}",
        f"text:      {len(record['text'])} characters, {len(record['turns'])} turns",
        "summary:",
        *(f"  - {s}" for s in record["summary"]),
        "quotes:",
        *(f"  “{q['text']}” — {q['speaker'] or 'unknown'}" for q in record["quotes"]),
    ]
    return "\n".join(lines) + "\n"


def _read(path: Path) -> list[Document]:
    """The documents of one named source, or an error that names it."""
    try:
        return read_documents(path)
    except SourceError as exc:
        raise SourceError(f"{path}: {exc}") from None


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():  # a folder's sources: files of a kind it reads, not its README
            out += [f for f in walk_files(p) if f.suffix.lower() in READERS and is_source_name(f)]
        else:
            out.append(p)
    return out


def _progress() -> Callable[[str], None] | None:
    """Each stage of a build as a line on a terminal (a long build is not silent)."""
    if not sys.stderr.isatty() or not logging.getLogger().isEnabledFor(logging.INFO):
        return None
    return lambda stage: click.echo(f"… {stage}", err=True)


def _report(result: BuildResult) -> None:
    """The files written, then what the brief holds: a reader's check before opening it."""
    for path in result.files:
        click.echo(str(path))
    if not logging.getLogger().isEnabledFor(logging.WARNING):
        return
    kind = "preview (the edition is unchanged)" if result.preview else "edition"
    lines = [f"Built {kind} in {result.seconds:.1f} s → {result.out_dir}"]
    sections = result.brief.sections if result.brief else ()
    width = max((len(s.name) for s in sections), default=0)
    for s in sections:
        lines.append(
            f"  {s.name:<{width}}  {_count(len(s.sources), 'source')}, "
            f"{_count(len(s.points), 'bullet')}, {_count(len(s.quotes), 'quote')}"
        )
    lines += [f"  Warning: {warning}" for warning in result.warnings]
    lines += [f"  skipped {item.path}: {item.reason}" for item in result.skipped]
    click.echo("\n".join(lines), err=True)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split()) or "brief"
