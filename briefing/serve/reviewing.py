"""The review page: drop or pin bullets and quotes, add a note and a bottom line, approve."""

from __future__ import annotations

import tempfile
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from briefing import review as reviews
from briefing.config import Config
from briefing.deliver import find_edition
from briefing.errors import BriefingError
from briefing.serve import web
from briefing.serve.archive import DATED
from briefing.serve.security import posted


def _edition(request: Request) -> tuple[Config, str]:
    config = web.config_named(request)
    as_of = str(request.path_params["as_of"])
    if not DATED.fullmatch(as_of) or not (config.output_dir / as_of / "brief.json").is_file():
        raise HTTPException(404, "no such edition")
    return config, as_of


async def review_page(
    request: Request, *, message: str | None = None, status: int = 200
) -> Response:
    """Every bullet and quote with drop and pin boxes, the two paragraphs, and approval."""
    config, as_of = _edition(request)
    edition = find_edition(config.output_dir, as_of)
    edits = reviews.load_edits(config, as_of)
    approval = await run_in_threadpool(reviews.approval_of, config, edition)
    items = reviews.items(edition.data)
    topics: dict[str, list[reviews.Item]] = {}
    for item in items:
        topics.setdefault(item.topic, []).append(item)
    return web.page(
        request,
        "review.html",
        status,
        config=config,
        as_of=as_of,
        topics=topics,
        edits=edits,
        approval=approval,
        approved_now=approval is not None and approval.edits == edits.to_json(),
        message=message,
        user=request.state.user,
    )


async def review(request: Request) -> Response:
    """The review page of an edition."""
    return await review_page(request)


@posted
async def save(request: Request, form: FormData) -> Response:
    """Save the edits; with ``action=approve``, approve the edition with them too."""
    config, as_of = _edition(request)
    known = {i.key for i in reviews.items(find_edition(config.output_dir, as_of).data)}
    edits = reviews.Edits(
        drop=tuple(k for k in map(str, form.getlist("drop")) if k in known),
        pin=tuple(k for k in map(str, form.getlist("pin")) if k in known),
        note=str(form.get("note", ""))[: reviews.MAX_TEXT],
        bottom_line=str(form.get("bottom_line", ""))[: reviews.MAX_TEXT],
    )
    reviews.save_edits(config, as_of, edits)
    if form.get("action") == "approve":
        try:
            await run_in_threadpool(
                reviews.approve, config, as_of, by=str(form.get("reviewer", ""))
            )
        except BriefingError as exc:
            return await review_page(request, message=str(exc), status=400)
    return RedirectResponse(f"/review/{config.brief_name}/{as_of}", 303)


async def preview(request: Request) -> Response:
    """The edition as it would be mailed with the saved edits (not yet approved)."""
    config, as_of = _edition(request)
    html = await run_in_threadpool(_preview_html, config, as_of)
    return HTMLResponse(html, headers={"Content-Security-Policy": web.BRIEF_POLICY})


def _preview_html(config: Config, as_of: str) -> str:
    from briefing.render import RenderOptions
    from briefing.render.web import brief_from_dict, render_html

    data = reviews.apply(
        find_edition(config.output_dir, as_of).data, reviews.load_edits(config, as_of)
    )
    looks = RenderOptions(templates=config.templates_dir, theme=config.theme_model)
    with tempfile.TemporaryDirectory() as tmp:
        return render_html(brief_from_dict(data), Path(tmp), looks).read_text(encoding="utf-8")
