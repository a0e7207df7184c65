"""Renderers: one Brief, many formats. Each writes ``brief.<suffix>`` into a folder."""

from __future__ import annotations

import importlib
from collections.abc import Callable
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
    if CHART_FORMATS & set(formats) and brief.sections:
        from briefing.render.chart import draw_chart  # Pillow, only when there is a chart

        chart = draw_chart(brief, out_dir / "chart.png", options.theme)
        options = replace(options, chart=chart)
        written.append(chart)
    options = replace(options, html=brief_html(brief, options))
    for fmt in dict.fromkeys(formats):
        try:
            written.append(RENDERERS[fmt](brief, out_dir, options))
        except RenderError:
            raise
        except Exception as exc:
            raise RenderError(f"could not write {fmt}: {type(exc).__name__}: {exc}") from exc
    return written
