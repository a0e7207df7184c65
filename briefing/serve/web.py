"""What every page shares: templates, the page response, lookups and sending a brief's file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.templating import Jinja2Templates

from briefing.config import Config
from briefing.render.html import long_date
from briefing.serve.archive import FILES

HERE = Path(__file__).resolve().parent
# Our pages: our own script and style only; briefs are shown framed from this same server.
PAGE_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'self'; "
    "form-action 'self'"
)
# A brief's own HTML: no script at all, its inline styles and data: images only.
BRIEF_POLICY = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'"
)
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.filters["longdate"] = long_date


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page from its template, with what every page needs."""
    response = templates.TemplateResponse(
        request,
        name,
        {"csrf": request.state.csrf, "configs": request.app.state.configs, **context},
        status_code=status,
    )
    response.headers["Content-Security-Policy"] = PAGE_POLICY
    return response


def config_named(request: Request) -> Config:
    """The configured brief the path names (404 for any other name)."""
    config = request.app.state.configs.get(request.path_params["name"])
    if config is None:
        raise HTTPException(404, "no such brief")
    return config


def send_file(folder: Path, fmt: str, download_name: str) -> Response:
    """A brief's file by its kind: the name is ours, the folder the server's."""
    if fmt not in FILES:
        raise HTTPException(404, "no such file")
    name, media = FILES[fmt]
    path = folder / name
    if not path.is_file():
        raise HTTPException(404, "no such file")
    if fmt == "html":
        return FileResponse(
            path, media_type=media, headers={"Content-Security-Policy": BRIEF_POLICY}
        )
    disposition = "attachment" if fmt in ("pdf", "docx") else "inline"
    return FileResponse(
        path,
        media_type=media,
        filename=f"{download_name}.{fmt}",
        content_disposition_type=disposition,
    )
