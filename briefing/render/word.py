"""brief.docx with python-docx: walks the block tree; hyperlinks, bookmarks and page fields
are written as OOXML because python-docx has no API for them."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from briefing.model import Brief
from briefing.render.html import Block, Run, brief_html, parse_blocks

NAVY = RGBColor(0x1A, 0x2B, 0x4C)
LINK = RGBColor(0x1F, 0x4E, 0x9C)


def render_docx(brief: Brief, out_dir: Path, templates: Path | None = None) -> Path:
    """Write brief.docx."""
    document = docx.Document()
    _setup(document, brief)
    bookmark = iter(range(1, 1_000_000))
    for block in parse_blocks(brief_html(brief, templates)):
        _write_block(document, block, bookmark)
    path = out_dir / "brief.docx"
    document.save(str(path))
    return path


def _setup(document: docx.document.Document, brief: Brief) -> None:
    styles = document.styles
    styles["Normal"].font.name = "Calibri"
    styles["Normal"].font.size = Pt(10.5)
    for name in ("Title", "Heading 1", "Heading 2"):
        styles[name].font.color.rgb = NAVY
    if "Brief Quote" not in [s.name for s in styles]:
        quote = styles.add_style("Brief Quote", WD_STYLE_TYPE.PARAGRAPH)
        quote.base_style = styles["Normal"]
        quote.font.italic = True
        quote.paragraph_format.left_indent = Pt(18)
        quote.paragraph_format.space_before = Pt(6)
    props = document.core_properties
    props.title = brief.title
    props.author = brief.organization or "briefing"
    props.subject = f"Policy brief, {brief.as_of.isoformat()}"
    props.language = "en"
    props.keywords = ", ".join(s.name for s in brief.sections)
    when = _fixed_time()
    props.created = when
    props.modified = when
    props.last_modified_by = "briefing"
    props.revision = 1
    _footer(document, brief.title)


def _fixed_time() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _footer(document: docx.document.Document, title: str) -> None:
    document.styles["Footer"].font.size = Pt(8.5)  # field results take the paragraph's size
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.add_run(f"{title}    ").font.size = Pt(8.5)
    paragraph.add_run("Page ").font.size = Pt(8.5)
    _field(paragraph, "PAGE")
    paragraph.add_run(" of ").font.size = Pt(8.5)
    _field(paragraph, "NUMPAGES")


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that the word processor fills in."""
    run = paragraph.add_run()
    run.font.size = Pt(8.5)
    for kind, text in (
        ("begin", None),
        (None, instruction),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText" if text == instruction else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} " if text == instruction else text
        run._r.append(element)


def _write_block(
    document: docx.document.Document, block: Block, bookmark: object, *, in_quote: bool = False
) -> None:
    if block.kind in ("h1", "h2", "h3"):
        paragraph = document.add_heading("", level={"h1": 0, "h2": 1, "h3": 2}[block.kind])
    elif block.kind == "li":
        paragraph = document.add_paragraph(style="List Number" if block.ordered else "List Bullet")
    elif block.kind == "blockquote":
        for child in block.children:
            _write_block(document, child, bookmark, in_quote=True)
        return
    elif block.kind == "cite":
        paragraph = document.add_paragraph(style="Brief Quote")
        paragraph.paragraph_format.space_before = Pt(0)
    elif block.cls == "meta":
        paragraph = document.add_paragraph()
    else:
        paragraph = document.add_paragraph(style="Brief Quote" if in_quote else None)
    if block.id:
        _bookmark(paragraph, block.id, next(bookmark))  # type: ignore[call-overload]
    for run in block.runs:
        _add_run(paragraph, run, italic_cite=block.kind == "cite")


def _add_run(paragraph: Paragraph, run: Run, *, italic_cite: bool = False) -> None:
    if run.href:
        _hyperlink(paragraph, run)
        return
    added = paragraph.add_run(run.text)
    added.bold = run.bold or None
    added.italic = run.italic or None
    if run.sup:
        added.font.superscript = True
    if italic_cite:
        added.italic = False
        added.font.size = Pt(9)


def _hyperlink(paragraph: Paragraph, run: Run) -> None:
    """An external link (relationship) or an internal one (bookmark anchor)."""
    link = OxmlElement("w:hyperlink")
    href = run.href or ""
    if href.startswith("#"):
        link.set(qn("w:anchor"), href[1:].replace("-", "_"))
    else:
        rel = paragraph.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link.set(qn("r:id"), rel)
    r = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), str(LINK))
    props.append(color)
    for tag, flag in (("w:b", run.bold), ("w:i", run.italic)):
        if flag:
            props.append(OxmlElement(tag))
    if run.sup:
        align = OxmlElement("w:vertAlign")
        align.set(qn("w:val"), "superscript")
        props.append(align)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    r.append(props)
    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = run.text
    r.append(text)
    link.append(r)
    paragraph._p.append(link)


def _bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name.replace("-", "_"))
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(0, start)
    paragraph._p.append(end)
