"""The web app: its routes, its guard, and what it keeps (the configs and the build worker)."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from briefing.config import Config, load_config
from briefing.errors import ConfigError
from briefing.serve import pages, reviewing
from briefing.serve.jobs import Builder, Worker, build_on_demand
from briefing.serve.security import Guard
from briefing.serve.web import HERE, page

ON_DEMAND = "on-demand"  # beside the configured briefs, in the first config's output folder


def create_app(
    config_paths: list[Path],
    *,
    token: str | None = None,
    loopback: bool = True,
    builder: Builder = build_on_demand,
    queue_size: int | None = None,
) -> Starlette:
    """The app for these configs; ``builder`` and ``queue_size`` are for tests."""
    configs = _configs(config_paths)
    root = next(iter(configs.values())).output_dir.parent / ON_DEMAND
    extra = {} if queue_size is None else {"size": queue_size}
    secret = secrets.token_bytes(32)  # CSRF tokens are good for this process's life
    app = Starlette(
        routes=[
            Route("/", pages.ask),
            Route("/sources", pages.sources),
            Route("/ask", pages.submit, methods=["POST"]),
            Route("/jobs/{job}", pages.job),
            Route("/jobs/{job}/{fmt}", pages.job_file),
            Route("/archive", pages.archive),
            Route("/archive/{name}/{as_of}", pages.edition),
            Route("/archive/{name}/{as_of}/{fmt}", pages.edition_file),
            Route("/review/{name}/{as_of}", reviewing.review),
            Route("/review/{name}/{as_of}", reviewing.save, methods=["POST"]),
            Route("/review/{name}/{as_of}/preview", reviewing.preview),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ],
        middleware=[Middleware(Guard, token=token, loopback=loopback, secret=secret)],
        exception_handlers={HTTPException: _error_page},
        lifespan=_lifespan,
    )
    app.state.configs = configs
    app.state.worker = Worker(root, configs, builder=builder, **extra)
    app.state.secret = secret
    return app


@asynccontextmanager
async def _lifespan(app: Starlette) -> AsyncIterator[None]:
    yield
    await run_in_threadpool(app.state.worker.close)  # a build under way ends cleanly


def _configs(paths: list[Path]) -> dict[str, Config]:
    """The configs by brief name; two with one name (one folder) is an error."""
    configs: dict[str, Config] = {}
    for path in paths:
        config = load_config(path)
        if config.brief_name in configs:
            raise ConfigError([f"{path}: a second config named '{config.brief_name}'"])
        configs[config.brief_name] = config
    return configs


async def _error_page(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if not hasattr(request.state, "csrf"):
        return HTMLResponse(exc.detail, exc.status_code)
    return page(request, "error.html", exc.status_code, message=exc.detail)
