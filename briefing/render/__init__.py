"""Renderers: one Brief, many formats. Each writes ``brief.<suffix>`` into a folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from briefing.errors import RenderError
from briefing.model import Brief
from briefing.render.chart import draw_chart
from briefing.render.html import RenderOptions, brief_html
from briefing.render.pdf import render_pdf
from briefing.render.web import render_html, render_json, render_txt
from briefing.render.word import render_docx

__all__ = ["RENDERERS", "RenderOptions", "render"]

Renderer = Callable[[Brief, Path, RenderOptions], Path]
RENDERERS: dict[str, Renderer] = {
    "pdf": render_pdf,
    "docx": render_docx,
    "html": render_html,
    "txt": render_txt,
    "json": render_json,
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
