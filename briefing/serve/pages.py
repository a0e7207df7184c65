"""The pages: ask for a brief (with the sources it would match), its job, and the archive."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from briefing import review
from briefing.errors import BriefingError
from briefing.search import Result, search, why_line
from briefing.serve import web
from briefing.serve.archive import DATED, FILES, editions, schedule
from briefing.serve.archive import edition as edition_of
from briefing.serve.jobs import Busy
from briefing.serve.jobs import Request as BriefRequest
from briefing.serve.security import posted

LISTED = 12  # sources listed as someone types
FORMATS = ("pdf", "docx")  # the downloads offered; HTML is always written, to show


@dataclass(frozen=True)
class Found:
    """A source the query matches, as the list shows it."""

    title: str
    date: str
    kind: str
    score: float
    why: str
    snippet: str


async def ask(request: Request) -> Response:
    """The form; with a query in the address (the no-script button), its matches too."""
    fields, matches, error = await _asked(request)
    return web.page(
        request, "ask.html", fields=fields, matches=matches, error=error, today=_today()
    )


async def sources(request: Request) -> Response:
    """The matching sources as an HTML fragment, for the list under the form."""
    fields, matches, error = await _asked(request)
    return web.page(request, "_matches.html", matches=matches, error=error, fields=fields)


async def _asked(request: Request) -> tuple[dict[str, str], list[Found], str | None]:
    """The form's fields in the address, and the sources its query matches (none without)."""
    fields = dict(request.query_params)
    if not fields.get("query", "").strip():
        return fields, [], None
    matches, error = await run_in_threadpool(_matches, request, fields)
    return fields, matches, error


def _matches(request: Request, fields: Mapping[str, str]) -> tuple[list[Found], str | None]:
    """Search the scope's sources as `briefing search` does, kept to the date window."""
    try:
        brief = _checked(request, fields)
        config = request.app.state.configs[brief.scope]
        words = {"query": brief.query} if brief.mode == "query" else {"text": brief.query}
        results = search(config.source_paths, limit=4 * LISTED, rules=config.rules, **words)
    except BriefingError as exc:
        return [], str(exc).replace("--query: ", "").replace("--text: ", "")
    except sqlite3.OperationalError as exc:  # the index held by a build for too long
        return [], f"the index is busy ({exc}); try again in a moment"
    inside = [r for r in results if _in_window(r, brief.since, brief.until)]
    return [_found(r) for r in inside[:LISTED]], None


def _in_window(result: Result, since: date | None, until: date) -> bool:
    day = result.doc.date
    return day is None or ((since is None or day >= since) and day <= until)


def _found(r: Result) -> Found:
    return Found(
        title=r.doc.title,
        date=r.doc.date.isoformat() if r.doc.date else "undated",
        kind=r.doc.doc_type,
        score=r.score,
        why=why_line(r.why),
        snippet=r.snippet,
    )


@posted
async def submit(request: Request, form: FormData) -> Response:
    """Queue the brief asked for and go to its job page; a full queue says so."""
    fields = {k: str(v) for k, v in form.items()}
    fields["formats"] = ",".join(str(v) for v in form.getlist("formats"))
    try:
        brief = _checked(request, fields)
        job = request.app.state.worker.submit(brief)
    except Busy as exc:
        return web.page(request, "error.html", 503, message=str(exc), busy=True)
    except BriefingError as exc:
        return web.page(
            request, "ask.html", 400, fields=fields, matches=[], error=str(exc), today=_today()
        )
    return RedirectResponse(f"/jobs/{job.id}", 303)


def _checked(request: Request, fields: Mapping[str, str]) -> BriefRequest:
    """The form's fields as a request, or an error saying what is wrong."""
    configs = request.app.state.configs
    scope = fields.get("scope") or next(iter(configs))
    if scope not in configs:
        raise BriefingError(f"unknown sources '{scope}'")
    topic = " ".join(fields.get("topic", "").split())[:200]
    query = fields.get("query", "").strip()[:2000]
    if not query:
        raise BriefingError("say what to look for: a query or some words")
    mode = "words" if fields.get("mode") == "words" else "query"
    until = _day(fields.get("until"), "until") or _today()
    since = _day(fields.get("since"), "since")
    if since and since > until:
        raise BriefingError(f"'since' ({since}) is after 'until' ({until})")
    formats = tuple(f for f in FORMATS if f in fields.get("formats", "").split(","))
    return BriefRequest(scope, topic or query[:80], query, mode, since, until, formats)


def _day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BriefingError(f"'{name}' is not a date (YYYY-MM-DD): {value[:20]!r}") from None


def _today() -> date:
    return datetime.now(UTC).date()


async def job(request: Request) -> Response:
    """A job's progress (the page reloads itself until it is done), then the brief."""
    found = request.app.state.worker.get(request.path_params["job"])
    if found is None:
        raise HTTPException(404, "no such brief request (the server was restarted?)")
    files = []
    if found.status == "done" and found.out_dir:
        files = [f for f in FORMATS if (found.out_dir / FILES[f][0]).is_file()]
    if found.matches is None and found.status in ("done", "failed"):
        found.matches = await run_in_threadpool(_matches, request, _fields(found.request))
    return web.page(request, "job.html", job=found, files=files)


def _fields(asked: BriefRequest) -> dict[str, str]:
    """A request as the form's fields, to list the sources it matches."""
    return {
        "scope": asked.scope,
        "query": asked.query,
        "mode": asked.mode,
        "since": asked.since.isoformat() if asked.since else "",
        "until": asked.until.isoformat(),
    }


async def job_file(request: Request) -> Response:
    """A finished job's brief.pdf, .docx or .html."""
    found = request.app.state.worker.get(request.path_params["job"])
    if found is None or found.status != "done" or found.out_dir is None:
        raise HTTPException(404, "no such brief")
    return web.send_file(found.out_dir, request.path_params["fmt"], _slug(found.request.topic))


async def archive(request: Request) -> Response:
    """Every configured brief: schedule, editions newest first, reviews and deliveries."""
    briefs = await run_in_threadpool(_briefs, request)
    return web.page(request, "archive.html", briefs=briefs)


def _briefs(request: Request) -> list[dict[str, object]]:
    return [
        {"config": config, "schedule": schedule(config), "editions": editions(config)}
        for config in request.app.state.configs.values()
    ]


async def edition(request: Request) -> Response:
    """One edition: the brief itself, its downloads, what was new, review and ledger."""
    config, as_of = web.config_named(request), _as_of(request)
    found = await run_in_threadpool(edition_of, config, as_of)
    if found is None:
        raise HTTPException(404, "no such edition")
    required = bool(config.distribution and config.distribution.review == "required")
    return web.page(request, "edition.html", config=config, edition=found, required=required)


async def edition_file(request: Request) -> Response:
    """An edition's file; ``?reviewed=1`` for the approved rendering with the edits."""
    config, as_of = web.config_named(request), _as_of(request)
    folder = config.output_dir / as_of
    if request.query_params.get("reviewed"):
        folder = folder / review.REVIEWED
    return web.send_file(folder, request.path_params["fmt"], f"{config.brief_name}-{as_of}")


def _as_of(request: Request) -> str:
    as_of = request.path_params["as_of"]
    if not DATED.fullmatch(as_of):
        raise HTTPException(404, "no such edition")
    return str(as_of)


def _slug(text: str) -> str:
    return (
        "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())[:60] or "brief"
    )
