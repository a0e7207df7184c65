"""Renderers: one Brief, many formats. Each writes ``brief.<suffix>`` into a folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing.errors import RenderError
from briefing.model import Brief
from briefing.render.pdf import render_pdf
from briefing.render.web import render_html, render_json, render_txt
from briefing.render.word import render_docx

Renderer = Callable[..., Path]
RENDERERS: dict[str, Renderer] = {
    "pdf": render_pdf,
    "docx": render_docx,
    "html": render_html,
    "txt": render_txt,
    "json": render_json,
}


def render(
    brief: Brief,
    out_dir: Path,
    formats: list[str],
    *,
    templates: Path | None = None,
    font: Path | None = None,
) -> list[Path]:
    """Write the brief in every requested format into ``out_dir``."""
    unknown = [f for f in formats if f not in RENDERERS]
    if unknown:
        raise RenderError(
            f"unknown format '{unknown[0]}'; choose one of: {', '.join(sorted(RENDERERS))}"
        )
    written = []
    for fmt in dict.fromkeys(formats):
        try:
            if fmt == "pdf":
                written.append(render_pdf(brief, out_dir, templates, font))
            else:
                written.append(RENDERERS[fmt](brief, out_dir, templates))
        except RenderError:
            raise
        except Exception as exc:
            raise RenderError(f"could not write {fmt}: {type(exc).__name__}: {exc}") from exc
    return written
