"""brief.docx with python-docx, from the block tree. Hyperlinks, bookmarks, the contents
field and page fields are written as OOXML because python-docx has no API for them."""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from briefing.model import Brief, Theme
from briefing.render.html import Block, RenderOptions, Run, brief_html, parse_blocks, walk
from briefing.render.layout import glue_citations, page_size_mm
from briefing.text import shorten

LINK = RGBColor(0x1F, 0x4E, 0x9C)
GREY = RGBColor(0x55, 0x55, 0x55)
MARGIN_MM = 20
# Callouts as in the PDF: the fill colours of key quotes and boxes.
QUOTE_FILL, BOX_FILL = "F7F4EC", "FBF8EF"
CALLOUTS = ("Brief Quote", "Brief Box")


def render_docx(brief: Brief, out_dir: Path, options: RenderOptions) -> Path:
    """Write brief.docx."""
    document = docx.Document()
    blocks = parse_blocks(brief_html(brief, options))
    writer = _Writer(document, options)
    writer.setup(brief)
    for i, block in enumerate(blocks):
        writer.block(block, blocks, after=blocks[i + 1] if i + 1 < len(blocks) else None)
    path = out_dir / "brief.docx"
    document.save(str(path))
    _pin_zip_times(path, _timestamp(brief))
    return path


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


class _Writer:
    def __init__(self, document: DocxDocument, options: RenderOptions):
        self.doc = document
        self.options = options
        self.theme: Theme = options.theme
        self.bookmarks: Iterator[int] = iter(range(1, 1_000_000))
        self.style_ids: dict[str, str] = {}
        self.last: Paragraph | None = None
        width, height = page_size_mm(self.theme.page_size)
        self.text_width = Mm(width - 2 * MARGIN_MM)
        self.text_height = Mm(height - 2 * MARGIN_MM)
        # The body ends with the document's last w:sectPr, which stays the same element when
        # sections are added; python-docx finds it by scanning the body for each paragraph.
        self.body = document._body
        self.end = document.element.body.get_or_add_sectPr()
        self.links = _Links(document.part)

    def setup(self, brief: Brief) -> None:
        styles = self.doc.styles
        styles["Normal"].font.name = "Calibri"
        styles["Normal"].font.size = Pt(10.5)
        for name in ("Title", "Heading 1", "Heading 2"):
            styles[name].font.color.rgb = _rgb(self.theme.primary)
        accent = self.theme.accent.lstrip("#").upper()
        for name, italic, indent, fill, sides in (
            ("Brief Quote", True, 18, QUOTE_FILL, {"left": 24}),
            ("Brief Box", False, 10, BOX_FILL, {s: 6 for s in ("top", "left", "bottom", "right")}),
        ):
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.font.italic = italic
            style.paragraph_format.left_indent = Pt(indent)
            style.paragraph_format.space_before = Pt(4)
            style.paragraph_format.keep_together = True
            _callout(style.element.get_or_add_pPr(), accent, fill, sides)
        toc_heading = styles["TOC Heading"]  # not itself listed when Word updates the contents
        toc_heading.font.color.rgb = _rgb(self.theme.primary)
        props = self.doc.core_properties
        # Word's core properties hold at most 255 characters each.
        props.title = shorten(brief.title, 255)
        props.author = shorten(brief.organization or "briefing", 255)
        props.subject = f"Policy brief, {brief.as_of.isoformat()}"
        props.language = "en"
        props.keywords = shorten(", ".join(s.name for s in brief.sections), 255)
        props.created = props.modified = _timestamp(brief)
        props.last_modified_by = "briefing"
        props.revision = 1
        section = self.doc.sections[0]
        section.page_width, section.page_height = (
            Mm(side) for side in page_size_mm(self.theme.page_size)
        )
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(MARGIN_MM))
        styles["Footer"].font.size = Pt(8.5)  # field results take the paragraph's size
        styles["Header"].font.size = Pt(8.5)

    def furniture(self, title: str, masthead: bool = False) -> None:
        """Running header and "Page X of Y" footer, after the cover; under a masthead, the
        first page has the footer only (its header would say the title again)."""
        section = self.doc.sections[-1]
        section.header.is_linked_to_previous = False
        section.footer.is_linked_to_previous = False
        section.header.paragraphs[0].text = title
        footers = [section.footer]
        if masthead:
            section.different_first_page_header_footer = True
            footers.append(section.first_page_footer)
        for part in footers:
            footer = part.paragraphs[0]
            footer.add_run("Page ")
            _field(footer, "PAGE")
            footer.add_run(" of ")
            _field(footer, "NUMPAGES")

    def block(
        self,
        block: Block,
        everything: list[Block],
        *,
        style: str | None = None,
        after: Block | None = None,
    ) -> None:
        kind = block.kind
        if kind == "section" and block.cls in ("cover", "masthead"):
            page = block.cls == "cover"  # a masthead heads the first page instead
            for child in block.children:
                self.cover_line(child, page)
            if page:
                self.doc.add_section(WD_SECTION.NEW_PAGE)
            title = next((b.text for b in walk(block.children) if b.kind == "h1"), "")
            self.furniture(title, masthead=not page)
            return
        if kind == "section" and block.cls == "toc":
            self.contents(everything)
            return
        if kind in ("section", "aside", "blockquote"):
            if kind != "section" and self.last is not None and self.last.style is not None:
                if self.last.style.name in CALLOUTS:
                    self.gap()  # else Word joins two callouts' borders into one box
            inner = (
                "Brief Quote"
                if kind == "blockquote"
                else ("Brief Box" if kind == "aside" else None)
            )
            for i, child in enumerate(block.children):
                nxt = block.children[i + 1] if i + 1 < len(block.children) else None
                self.block(child, everything, style=inner, after=nxt)
                if kind == "blockquote" and (nxt or _closes_quotes(after)):
                    # A quote stays with its attribution, and the last quote with the
                    # line that closes the run, as in the PDF.
                    self.keep_last_with_next()
            return
        if kind == "img":
            self.image(block, self.text_width if block.cls == "chart" else Mm(45))
            return
        paragraph = self.paragraph(block, style)
        if block.id:
            _bookmark(paragraph, block.id, next(self.bookmarks))
        if after is not None and (
            (kind == "p" and after.kind == "blockquote") or (kind == "li" and after.kind == "p")
        ):  # a quote stays with a memo's topic line; a list with the line that closes it
            paragraph.paragraph_format.keep_with_next = True
        if kind == "li" and block.ordered:  # a numbered entry is never split across pages
            paragraph.paragraph_format.keep_together = True
        for run in glue_citations(block.runs):
            _add_run(paragraph, run, self.links, small=kind == "cite")

    def paragraph(self, block: Block, style: str | None) -> Paragraph:
        if block.kind in ("h1", "h2", "h3"):
            name = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2"}[block.kind]
        elif block.kind == "li":
            name = "List Number" if block.ordered else "List Bullet"
        else:
            name = style or "Normal"
        return self.styled(name)

    def styled(self, name: str) -> Paragraph:
        """A new paragraph in a style. Setting the style id directly skips python-docx's
        lookup by name, which scans every style for each paragraph."""
        if name not in self.style_ids:
            self.style_ids[name] = self.doc.styles[name].style_id
        paragraph = self.add_paragraph()
        if name != "Normal":
            paragraph._p.style = self.style_ids[name]
        self.last = paragraph
        return paragraph

    def add_paragraph(self) -> Paragraph:
        """An empty paragraph at the end of the body, as python-docx adds it."""
        p = OxmlElement("w:p")
        self.end.addprevious(p)
        return Paragraph(p, self.body)

    def keep_last_with_next(self) -> None:
        if self.last is not None:
            self.last.paragraph_format.keep_with_next = True

    def gap(self) -> None:
        """A small empty paragraph between two callouts, kept with the next one."""
        spacer = self.styled("Normal")
        spacer.paragraph_format.space_after = Pt(0)
        spacer.paragraph_format.keep_with_next = True
        spacer.add_run().font.size = Pt(4)

    def cover_line(self, block: Block, page: bool = True) -> None:
        if block.kind == "img":
            self.image(block, Mm(45))
            return
        paragraph = self.styled("Title" if block.kind == "h1" else "Normal")
        if block.kind == "h1" and page:
            paragraph.paragraph_format.space_before = Pt(120)
        for run in block.runs:
            added = paragraph.add_run(run.text)
            if block.cls == "org":
                added.bold = True
                added.font.color.rgb = _rgb(self.theme.accent)
                added.font.size = Pt(13)
            elif block.cls == "label":
                added.bold = True
                added.font.color.rgb = _rgb(self.theme.primary)
            elif block.cls == "meta":
                added.font.color.rgb = GREY
                added.font.size = Pt(12)

    def contents(self, everything: list[Block]) -> None:
        """A TOC field, filled in with the headings, that Word updates when it opens. Its
        heading is in "TOC Heading", which the update does not list as an entry."""
        self.styled("TOC Heading").add_run("Contents")
        headings = [b for b in walk(everything) if b.kind == "h2" and b.id]
        first = self.add_paragraph()
        _field_start(first, r'TOC \o "1-1" \h \z \u')
        for block in headings:
            entry = self.add_paragraph()
            _hyperlink(entry, Run(block.text, href=f"#{block.id}"), self.links, color=False)
        last = self.add_paragraph()
        _field_end(last)
        last.add_run().add_break(WD_BREAK.PAGE)
        _update_fields_on_open(self.doc)

    def image(self, block: Block, width: int) -> None:
        src = block.src
        chart = self.options.chart
        path = chart if chart and src == chart.name else (Path(src) if src else None)
        if path and path.is_file():
            picture = self.doc.add_picture(str(path), width=width)
            if picture.height > self.text_height * 0.9:  # a chart of many topics
                picture.width = int(picture.width * self.text_height * 0.9 / picture.height)
                picture.height = int(self.text_height * 0.9)


def _timestamp(brief: Brief) -> dt.datetime:
    """The brief's build time (SOURCE_DATE_EPOCH when set), naive UTC, as Word stores it."""
    try:
        when = dt.datetime.fromisoformat(brief.generated_at)
    except ValueError:
        return dt.datetime(1980, 1, 1)
    return when.astimezone(dt.UTC).replace(tzinfo=None) if when.tzinfo else when


def _pin_zip_times(path: Path, when: dt.datetime) -> None:
    """Rewrite the .docx with fixed entry times so equal inputs give equal bytes."""
    stamp_of = when.timetuple()[:6]
    stamp = max((1980, 1, 1, 0, 0, 0), stamp_of)
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    tmp = path.with_suffix(".docx.tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            pinned = zipfile.ZipInfo(info.filename, date_time=stamp)
            pinned.compress_type = zipfile.ZIP_DEFLATED
            pinned.external_attr = 0o644 << 16
            target.writestr(pinned, data)
    os.replace(tmp, path)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A simple Word field (PAGE, NUMPAGES) in one run."""
    _field_start(paragraph, instruction)
    paragraph.add_run("1")
    _field_end(paragraph)


def _field_start(paragraph: Paragraph, instruction: str) -> None:
    run = paragraph.add_run()._r
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run.append(begin)
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run.append(code)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run.append(separate)


def _field_end(paragraph: Paragraph) -> None:
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def _update_fields_on_open(document: DocxDocument) -> None:
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


class _Links:
    """External hyperlink relationships of the document part, one per address, numbered as
    python-docx numbers them (the lowest free rId). python-docx scans every relationship
    to find an address and again to find a free number, for each link."""

    def __init__(self, part: Any):
        self.rels = part.rels
        self.ids: dict[str, str] = {}
        for rel in self.rels.values():
            if rel.is_external and rel.reltype == RELATIONSHIP_TYPE.HYPERLINK:
                self.ids.setdefault(rel.target_ref, rel.rId)
        self.next = 1

    def rid(self, href: str) -> str:
        if href not in self.ids:
            while f"rId{self.next}" in self.rels:  # others (images, headers) take numbers too
                self.next += 1
            rel_id = f"rId{self.next}"
            self.rels.add_relationship(RELATIONSHIP_TYPE.HYPERLINK, href, rel_id, is_external=True)
            self.ids[href] = rel_id
        return self.ids[href]


def _add_run(paragraph: Paragraph, run: Run, links: _Links, *, small: bool = False) -> None:
    """A run of text, written as python-docx writes ``add_run`` with bold, italic and font
    set (an empty w:rPr included), without its per-character and per-property walks."""
    if run.href:
        _hyperlink(paragraph, run, links)
        return
    r = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    r.append(props)
    if run.bold:
        props.append(OxmlElement("w:b"))
    if small:  # the schema's order: b, i, color, sz, vertAlign
        props.append(_with_val("w:i", "0"))
        props.append(_with_val("w:color", str(GREY)))
        props.append(_with_val("w:sz", "18"))  # half-points: 9 pt
    elif run.italic:
        props.append(OxmlElement("w:i"))
    if run.sup:
        props.append(_with_val("w:vertAlign", "superscript"))
    _append_text(r, run.text)
    paragraph._p.append(r)


def _with_val(tag: str, value: str) -> Any:
    element = OxmlElement(tag)
    element.set(qn("w:val"), value)
    return element


_BREAKS = re.compile(r"(\t|\r|\n)")


def _append_text(r: Any, text: str) -> None:
    """Text as w:t elements, a tab as w:tab and a line end as w:br, as python-docx does."""
    for piece in _BREAKS.split(text):
        if piece == "\t":
            r.append(OxmlElement("w:tab"))
        elif piece in ("\r", "\n"):
            r.append(OxmlElement("w:br"))
        elif piece:
            t = OxmlElement("w:t")
            t.text = piece
            if len(piece.strip()) < len(piece):
                t.set(qn("xml:space"), "preserve")
            r.append(t)


def _hyperlink(paragraph: Paragraph, run: Run, links: _Links, *, color: bool = True) -> None:
    """An external link (relationship) or an internal one (bookmark anchor)."""
    link = OxmlElement("w:hyperlink")
    href = run.href or ""
    if href.startswith("#"):
        link.set(qn("w:anchor"), _bookmark_name(href[1:]))
    else:
        link.set(qn("r:id"), links.rid(href))
    r = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    if color:
        colour = OxmlElement("w:color")
        colour.set(qn("w:val"), str(LINK))
        props.append(colour)
        underline = OxmlElement("w:u")
        underline.set(qn("w:val"), "single")
        props.append(underline)
    for tag, flag in (("w:b", run.bold), ("w:i", run.italic)):
        if flag:
            props.append(OxmlElement(tag))
    if run.sup:
        align = OxmlElement("w:vertAlign")
        align.set(qn("w:val"), "superscript")
        props.append(align)
    r.append(props)
    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = run.text  # Word and LibreOffice break an address at "/" and "-" themselves
    r.append(text)
    link.append(r)
    paragraph._p.append(link)


def _bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), _bookmark_name(name))
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(0, start)
    paragraph._p.append(end)


def _bookmark_name(block_id: str) -> str:
    """Word bookmark names take no hyphens."""
    return block_id.replace("-", "_")


def _closes_quotes(block: Block | None) -> bool:
    """Whether a block after a key quote belongs with it: the plain paragraph that closes
    the run (not another quote, a heading or a list)."""
    return block is not None and block.kind == "p"


def _callout(ppr: Any, colour: str, fill: str, sides: dict[str, int]) -> None:
    """Paragraph borders (eighths of a point) in the accent colour and a shaded fill: the PDF
    callout. Consecutive paragraphs of one style share the border, as one box."""
    borders = OxmlElement("w:pBdr")
    for side, size in sides.items():
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), str(size))
        edge.set(qn("w:space"), "6")
        edge.set(qn("w:color"), colour)
        borders.append(edge)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    later = next((child for child in ppr if child.tag in _AFTER_SHADING), None)
    for element in (borders, shading):  # the schema orders a pPr's children
        if later is None:
            ppr.append(element)
        else:
            later.addprevious(element)


# The children of w:pPr that the schema places after w:pBdr and w:shd.
_AFTER_SHADING = {
    qn(f"w:{tag}")
    for tag in (
        "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
        "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
        "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId "
        "cnfStyle rPr sectPr pPrChange"
    ).split()
}
