"""Renderers: one Brief, many formats. Each writes ``brief.<suffix>`` into a folder."""

from __future__ import annotations

import importlib
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from briefing.errors import RenderError
from briefing.model import Brief
from briefing.render.html import RenderOptions, brief_html

__all__ = ["RENDERERS", "RenderOptions", "render"]

Renderer = Callable[[Brief, Path, RenderOptions], Path]


def _on_first_use(module: str, function: str) -> Renderer:
    """A renderer imported when it is first used: reportlab and python-docx take a good part
    of a second to import, which a process that writes no PDF or DOCX (a poll that finds
    nothing changed, a check, a JSON-only brief) need not wait for."""

    def run(brief: Brief, out_dir: Path, options: RenderOptions) -> Path:
        writer: Renderer = getattr(importlib.import_module(module), function)
        return writer(brief, out_dir, options)

    return run


RENDERERS: dict[str, Renderer] = {
    "pdf": _on_first_use("briefing.render.pdf", "render_pdf"),
    "docx": _on_first_use("briefing.render.word", "render_docx"),
    "html": _on_first_use("briefing.render.web", "render_html"),
    "txt": _on_first_use("briefing.render.web", "render_txt"),
    "json": _on_first_use("briefing.render.web", "render_json"),
}
CHART_FORMATS = {"pdf", "docx", "html"}


def render(
    brief: Brief, out_dir: Path, formats: list[str], options: RenderOptions | None = None
) -> list[Path]:
    """Write the brief in every requested format into ``out_dir``."""
    unknown = [f for f in formats if f not in RENDERERS]
    if unknown:
        raise RenderError(
            f"unknown format '{unknown[0]}'; choose one of: {', '.join(sorted(RENDERERS))}"
        )
    options = options or RenderOptions()
    written: list[Path] = []
    # sources per topic: a chart of one topic is one bar, and says nothing
    if CHART_FORMATS & set(formats) and len(brief.sections) > 1:
        from briefing.render.chart import draw_chart  # Pillow, only when there is a chart

        chart = draw_chart(brief, out_dir / "chart.png", options.theme)
        options = replace(options, chart=chart)
        written.append(chart)
    options = replace(options, html=brief_html(brief, options))
    wanted = list(dict.fromkeys(formats))
    aside = "docx" if {"pdf", "docx"} <= set(wanted) and _can_fork() else None
    if aside is None:
        return written + [_write(fmt, brief, out_dir, options) for fmt in wanted]
    # The DOCX is written in a forked process while this one writes the PDF: on two cores
    # the two largest writers take the time of the PDF alone.
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        other = pool.submit(_write, aside, brief, out_dir, options)
        here = {fmt: _write(fmt, brief, out_dir, options) for fmt in wanted if fmt != aside}
        here[aside] = other.result()
    return written + [here[fmt] for fmt in wanted]


def _write(fmt: str, brief: Brief, out_dir: Path, options: RenderOptions) -> Path:
    try:
        return RENDERERS[fmt](brief, out_dir, options)
    except RenderError:
        raise
    except Exception as exc:
        raise RenderError(f"could not write {fmt}: {type(exc).__name__}: {exc}") from exc


def _can_fork() -> bool:
    """Whether a second process can be forked safely: a fork copies no other thread, and a
    lock one of them held would never be released (a daemon's, a test server's)."""
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and (os.cpu_count() or 1) > 1
    )
