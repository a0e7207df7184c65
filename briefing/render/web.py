"""brief.html (an email-ready page, CSS inlined), brief.txt and brief.json."""

from __future__ import annotations

import json
import re
import textwrap
from html import escape
from pathlib import Path
from typing import Any

from briefing.model import Brief, Point, Theme
from briefing.render.html import Block, RenderOptions, brief_html, parse_blocks

# Inline styles: mail clients drop <style> blocks, so each tag carries its own.
# PRIMARY and ACCENT become the theme's colours.
STYLES = {
    "h1": "font-family:Georgia,serif;font-size:26px;color:PRIMARY;margin:0 0 8px",
    "h2": "font-family:Georgia,serif;font-size:20px;color:PRIMARY;border-bottom:2px solid PRIMARY;"
    "padding-bottom:4px;margin:28px 0 10px",
    "h3": "font-family:Georgia,serif;font-size:15px;color:PRIMARY;margin:16px 0 6px",
    "section": "margin:0 0 18px",
    "aside": "margin:10px 0;padding:6px 14px;border:1px solid ACCENT;background:#fbf8ef",
    "img": "max-width:100%;height:auto;margin:12px 0",
    "p": "margin:6px 0;line-height:1.45",
    "ul": "margin:6px 0 6px 20px;padding:0",
    "ol": "margin:6px 0 6px 20px;padding:0",
    "li": "margin:4px 0;line-height:1.45",
    "blockquote": "margin:10px 0;padding:8px 14px;border-left:4px solid ACCENT;background:#f7f4ec",
    "cite": "display:block;font-style:normal;font-size:13px;color:#555;margin-top:4px",
    "a": "color:#1f4e9c",
    "sup": "font-size:10px",
}


def inline_css(html: str, theme: Theme | None = None) -> str:
    """Give every whitelisted tag its inline style, in the theme's colours."""

    theme = theme or Theme()

    def add(m: re.Match[str]) -> str:
        assert theme
        style = STYLES[m[1]].replace("PRIMARY", theme.primary).replace("ACCENT", theme.accent)
        return f'<{m[1]} style="{style}"{m[2]}>'

    return re.sub(r"<(" + "|".join(STYLES) + r")\b([^>]*)>", add, html)


def render_html(brief: Brief, out_dir: Path, options: RenderOptions) -> Path:
    """Write brief.html: a standalone page that doubles as the HTML email body."""
    body = inline_css(brief_html(brief, options), options.theme)
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(brief.title)}</title>\n</head>\n"
        '<body style="font-family:Helvetica,Arial,sans-serif;font-size:15px;color:#222;'
        'max-width:720px;margin:0 auto;padding:24px">\n'
        f"{body}</body>\n</html>\n"
    )
    path = out_dir / "brief.html"
    path.write_text(page, encoding="utf-8")
    return path


def blocks_to_text(blocks: list[Block]) -> str:
    """Plain text of the brief, for the text/plain email part."""
    lines: list[str] = []
    _text_lines(blocks, lines)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _text_lines(blocks: list[Block], lines: list[str]) -> None:
    counter = 0
    for block in blocks:
        text = block.text
        if block.kind == "h1":
            lines += [text, "=" * min(len(text), 72), ""]
        elif block.kind == "h2":
            lines += ["", text, "-" * min(len(text), 72), ""]
        elif block.kind == "h3":
            lines += ["", text, ""]
        elif block.kind == "li":
            counter = counter + 1 if block.ordered else 0
            bullet = f"{counter}. " if block.ordered else "- "
            lines += textwrap.wrap(text, 72, initial_indent=bullet, subsequent_indent="  ")
        elif block.kind == "blockquote":
            for child in block.children:
                prefix = "  — " if child.kind == "cite" else "  "
                lines += textwrap.wrap(
                    child.text, 70, initial_indent=prefix, subsequent_indent="    "
                )
            lines.append("")
        elif block.kind in ("section", "aside"):
            _text_lines(block.children, lines)
            lines.append("")
        elif block.kind == "img":
            lines += [f"[{block.alt}]", ""] if block.alt and block.cls == "chart" else []
        else:
            lines += [*textwrap.wrap(text, 72), ""]


def render_txt(brief: Brief, out_dir: Path, options: RenderOptions) -> Path:
    """Write brief.txt."""
    path = out_dir / "brief.txt"
    path.write_text(blocks_to_text(parse_blocks(brief_html(brief, options))), encoding="utf-8")
    return path


def brief_dict(brief: Brief) -> dict[str, Any]:
    """The brief as plain JSON data."""
    return {
        "title": brief.title,
        "name": brief.name,
        "organization": brief.organization,
        "label": brief.label,
        "as_of": brief.as_of.isoformat(),
        "period_start": brief.period_start.isoformat() if brief.period_start else None,
        "generated_at": brief.generated_at,
        "previous_as_of": brief.previous_as_of,
        "executive_summary": [_point(p) for p in brief.executive_summary],
        "topics": [
            {
                "name": s.name,
                "summary": [_point(p) for p in s.points],
                "quotes": [
                    {
                        "text": q.text,
                        "speaker": q.speaker,
                        "speaker_role": q.position,
                        "source": q.source,
                        "spans": [list(span) for span in q.spans],
                        "page": q.page,
                    }
                    for q in s.quotes
                ],
                "sources": list(s.sources),
                "new_sources": list(s.new_sources),
                "new_points": list(s.new_points),
            }
            for s in brief.sections
        ],
        "sources": [
            {
                "id": s.id,
                "number": s.number,
                "path": s.path,
                "title": s.title,
                "date": s.date,
                "publisher": s.publisher,
                "url": s.url,
                "doc_type": s.doc_type,
            }
            for s in brief.sources
        ],
    }


def _point(p: Point) -> dict[str, Any]:
    return {
        "text": p.text,
        "source": p.source,
        "page": p.page,
        "said_by": p.said_by,
        "date": p.date.isoformat() if p.date else None,
        "spans": [list(span) for span in p.spans],
    }


def render_json(brief: Brief, out_dir: Path, options: RenderOptions) -> Path:
    """Write brief.json."""
    path = out_dir / "brief.json"
    path.write_text(
        json.dumps(brief_dict(brief), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return path
