"""brief.html (an email-ready page, CSS inlined), the e-mail bodies, brief.txt and brief.json.

brief.html and the e-mail are one rendering: the brief's HTML with every tag's style inlined
in the theme's colours; they differ only in how images travel (see ``embed_images``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import mimetypes
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from html import escape, unescape
from pathlib import Path
from typing import Any, TypeVar

from PIL import Image

from briefing.model import Brief, KeyQuote, Point, Section, SourceRef, Theme
from briefing.render.html import Block, RenderOptions, brief_html, parse_blocks

# Inline styles: mail clients drop <style> blocks, so each tag carries its own.
# PRIMARY and ACCENT become the theme's colours, TINT a pale shade of the accent.
STYLES = {
    "h1": "font-family:Georgia,serif;font-size:26px;color:PRIMARY;margin:0 0 8px",
    "h2": "font-family:Georgia,serif;font-size:20px;color:PRIMARY;border-bottom:2px solid PRIMARY;"
    "padding-bottom:4px;margin:28px 0 10px",
    "h3": "font-family:Georgia,serif;font-size:15px;color:PRIMARY;margin:16px 0 6px",
    "section": "margin:0 0 18px",
    "aside": "margin:10px 0;padding:6px 14px;border:1px solid ACCENT;background:TINT",
    "img": "max-width:100%;height:auto;margin:12px 0",
    "p": "margin:6px 0;line-height:1.45",
    "ul": "margin:6px 0 6px 20px;padding:0",
    "ol": "margin:6px 0 6px 20px;padding:0",
    "li": "margin:4px 0;line-height:1.45",
    "blockquote": "margin:10px 0;padding:8px 14px;border-left:4px solid ACCENT;background:TINT",
    "cite": "display:block;font-style:normal;font-size:13px;color:#555;margin-top:4px",
    "a": "color:PRIMARY",
    "sup": "font-size:10px",
}


def inline_css(html: str, theme: Theme | None = None) -> str:
    """Give every whitelisted tag its inline style, in the theme's colours."""

    theme = theme or Theme()
    colours = {"PRIMARY": theme.primary, "ACCENT": theme.accent, "TINT": tint(theme.accent)}

    def add(m: re.Match[str]) -> str:
        style = re.sub("PRIMARY|ACCENT|TINT", lambda c: colours[c[0]], STYLES[m[1]])
        return f'<{m[1]} style="{style}"{m[2]}>'

    return re.sub(r"<(" + "|".join(STYLES) + r")\b([^>]*)>", add, html)


def tint(colour: str, share: float = 0.1) -> str:
    """``colour`` (#rrggbb) mixed with white, ``share`` of it: a background for its boxes."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in rgb)


BODY_STYLE = (
    "font-family:Helvetica,Arial,sans-serif;font-size:15px;color:#222;"
    "max-width:720px;margin:0 auto;padding:24px"
)
T = TypeVar("T")
CONTENT_WIDTH = 672  # the body's 720 px less its padding
LOGO_WIDTH = 190  # about 50 mm at 96 dpi


def image_file(src: str | None, options: RenderOptions) -> Path | None:
    """The local file an <img src> names: the chart (by its name) or a path such as the logo."""
    if not src or re.match(r"[a-z][a-z0-9+.-]+:", src, re.I):
        return None  # http:, data:, cid: … are not local files
    if options.chart and src == options.chart.name:
        return options.chart
    path = Path(src)  # as the PDF and Word writers read it
    return path if path.is_file() else None


def embed_images(html: str, options: RenderOptions, to_src: Callable[[Path], str]) -> str:
    """Point every <img> that names a local file at ``to_src(file)`` instead, so the page
    does not depend on files beside it (or on the machine that built it)."""

    def swap(m: re.Match[str]) -> str:
        path = image_file(unescape(m[2]), options)
        if path is None:
            return m[0]
        width = f' width="{display_width(path, chart=path == options.chart)}"'
        return f'{m[1]}src="{escape(to_src(path))}"{width}'

    return re.sub(r'(<img\b[^>]*?)src="([^"]*)"', swap, html)


def display_width(path: Path, *, chart: bool) -> int:
    """Pixels to show an image at: the chart across the column, others (the logo) at most
    about 50 mm, as in the PDF. A width attribute, because Outlook ignores CSS max-width."""
    with Image.open(path) as image:
        natural = image.width
    return min(natural, CONTENT_WIDTH if chart else LOGO_WIDTH)


def data_uri(path: Path) -> str:
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def render_html(brief: Brief, out_dir: Path, options: RenderOptions) -> Path:
    """Write brief.html: one standalone page, its images inlined as data: URIs (a browser
    shows them, and the page can be moved or mailed without chart.png)."""
    body = embed_images(inline_css(brief_html(brief, options), options.theme), options, data_uri)
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(brief.title)}</title>\n</head>\n"
        f'<body style="{BODY_STYLE}">\n'
        f"{body}</body>\n</html>\n"
    )
    path = out_dir / "brief.html"
    path.write_text(page, encoding="utf-8")
    return path


@dataclass(frozen=True)
class InlineImage:
    """An image carried in the message itself, named in the HTML by ``cid:<cid>``."""

    cid: str
    data: bytes
    mime: str


@dataclass(frozen=True)
class MailBody:
    """The brief as an e-mail: the HTML body, its images, and the plain-text part."""

    html: str
    text: str
    images: tuple[InlineImage, ...]


def mail_body(brief: Brief, options: RenderOptions) -> MailBody:
    """The brief's own HTML (same template, blocks and inline styles as brief.html) and its
    plain text (same block tree as brief.txt), for the bodies of a message.

    Images go as parts of the message, referenced by Content-ID, not as data: URIs: Gmail and
    Outlook do not show data: images in received mail, while every common client (Gmail,
    Outlook, Apple Mail, Thunderbird) shows a cid: image of a multipart/related body.
    """
    html = brief_html(brief, options)
    images: dict[Path, InlineImage] = {}

    def to_cid(path: Path) -> str:
        if path not in images:
            data = path.read_bytes()
            cid = f"{path.stem}.{hashlib.sha256(data).hexdigest()[:16]}@briefing"
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            images[path] = InlineImage(cid, data, mime)
        return f"cid:{images[path].cid}"

    body = embed_images(inline_css(html, options.theme), options, to_cid)
    return MailBody(body, blocks_to_text(parse_blocks(html)), tuple(images.values()))


def blocks_to_text(blocks: list[Block]) -> str:
    """Plain text of the brief, for the text/plain email part."""
    lines: list[str] = []
    _text_lines(blocks, lines)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _wrap(
    text: str, width: int, initial_indent: str = "", subsequent_indent: str = ""
) -> list[str]:
    """Wrap at spaces only: a URL or a hyphenated word is never cut in two."""
    return textwrap.wrap(
        text,
        width,
        initial_indent=initial_indent,
        subsequent_indent=subsequent_indent,
        break_on_hyphens=False,
        break_long_words=False,
    )


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
            lines += _wrap(text, 72, initial_indent=bullet, subsequent_indent="  ")
        elif block.kind == "blockquote":
            for child in block.children:
                prefix = "  — " if child.kind == "cite" else "  "
                lines += _wrap(child.text, 70, initial_indent=prefix, subsequent_indent="    ")
            lines.append("")
        elif block.kind in ("section", "aside"):
            _text_lines(block.children, lines)
            lines.append("")
        elif block.kind == "img":
            continue  # the chart: each topic's "Sources:" line says the same in text
        else:
            if lines and lines[-1]:
                lines.append("")  # a paragraph after a list stands apart from it
            lines += [*_wrap(text, 72), ""]


def render_txt(brief: Brief, out_dir: Path, options: RenderOptions) -> Path:
    """Write brief.txt."""
    path = out_dir / "brief.txt"
    path.write_text(blocks_to_text(parse_blocks(brief_html(brief, options))), encoding="utf-8")
    return path


def brief_dict(brief: Brief) -> dict[str, Any]:
    """The brief as plain JSON data."""
    dates = {s.id: s.date for s in brief.sources}  # a key quote is dated by its source
    return {
        "title": brief.title,
        "name": brief.name,
        "organization": brief.organization,
        "label": brief.label,
        "as_of": brief.as_of.isoformat(),
        "period_start": brief.period_start.isoformat() if brief.period_start else None,
        "period_end": brief.period_end.isoformat() if brief.period_end else None,
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
                        "quoted_by": q.quoted_by,
                        "interpreted": q.interpreted,
                        "source": q.source,
                        "date": dates.get(q.source),
                        "spans": [list(span) for span in q.spans],
                        "page": q.page,
                    }
                    for q in s.quotes
                ],
                "sources": list(s.sources),
                "new_sources": list(s.new_sources),
                "new_points": list(s.new_points),
                "question": s.question,
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


def brief_dict_with_review(brief: Brief) -> dict[str, Any]:
    """brief_dict, plus the reviewer's paragraphs where there are any (an unreviewed brief's
    JSON, and so its edition digest, is what it always was)."""
    data = brief_dict(brief)
    for key in ("bottom_line", "analyst_note"):
        if getattr(brief, key):
            data[key] = getattr(brief, key)
    return data


def _point(p: Point) -> dict[str, Any]:
    return {
        "text": p.text,
        "source": p.source,
        "page": p.page,
        "said_by": p.said_by,
        "role": p.role,
        "date": p.date.isoformat() if p.date else None,
        "spans": [list(span) for span in p.spans],
        "reported": p.reported,
        "spoken": p.spoken,
        "interpreted": p.interpreted,
    }


def render_json(brief: Brief, out_dir: Path, options: RenderOptions) -> Path:
    """Write brief.json."""
    path = out_dir / "brief.json"
    data = brief_dict_with_review(brief)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def brief_from_dict(data: dict[str, Any]) -> Brief:
    """The Brief back from its brief.json, so a built edition can be rendered again (the mail)."""

    def day(value: Any) -> date | None:
        return date.fromisoformat(value) if value else None

    def points(items: list[dict[str, Any]]) -> tuple[Point, ...]:
        return tuple(_revive(Point, p) for p in items)

    return Brief(
        name=data["name"],
        title=data["title"],
        organization=data.get("organization"),
        as_of=date.fromisoformat(data["as_of"]),
        period_start=day(data.get("period_start")),
        period_end=day(data.get("period_end")),
        generated_at=data.get("generated_at", ""),
        sections=tuple(
            Section(
                name=t["name"],
                points=points(t.get("summary", [])),
                quotes=tuple(
                    KeyQuote(
                        q["text"],
                        q["speaker"],
                        q["source"],
                        q.get("speaker_role"),
                        tuple((a, b) for a, b in q.get("spans", [])),
                        q.get("page"),
                        q.get("quoted_by"),
                        q.get("interpreted", False),
                    )
                    for q in t.get("quotes", [])
                ),
                sources=tuple(t.get("sources", [])),
                new_sources=tuple(t.get("new_sources", [])),
                new_points=tuple(t.get("new_points", [])),
                question=t.get("question"),
            )
            for t in data.get("topics", [])
        ),
        sources=tuple(_revive(SourceRef, s) for s in data.get("sources", [])),
        executive_summary=points(data.get("executive_summary", [])),
        label=data.get("label"),
        previous_as_of=data.get("previous_as_of"),
        bottom_line=data.get("bottom_line"),
        analyst_note=data.get("analyst_note"),
    )


def _revive(cls: type[T], item: dict[str, Any]) -> T:
    """A model dataclass from its JSON object, field by field where the names are the same
    (so a field added to Point or SourceRef and to brief.json comes back without a change
    here): JSON lists become tuples, ISO text becomes a date where the field holds dates."""
    values: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name not in item:
            continue
        value = item[f.name]
        if isinstance(value, list):
            value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
        elif isinstance(value, str) and str(f.type).startswith("date"):
            value = date.fromisoformat(value)
        values[f.name] = value
    return cls(**values)
