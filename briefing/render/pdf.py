"""brief.pdf with reportlab: cover, contents with page numbers, outline, running header and
"Page X of Y" footer, callouts and chart, all from the block tree."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from briefing.model import Brief, Theme
from briefing.render.fonts import FontFamily, find_family
from briefing.render.html import (
    Block,
    RenderOptions,
    brief_html,
    parse_blocks,
    runs_to_html,
    walk,
)
from briefing.render.layout import glue_citations, page_size_mm, shows_address, url_lines

MARGIN = 20 * mm
BOTTOM = 22 * mm
GREY = colors.HexColor("#555555")
LIST_INDENT = 14


def register_fonts(family: FontFamily | None, bold: Path | None = None) -> tuple[str, str]:
    """Register the family with reportlab; return (regular, bold) font names."""
    if family is None:
        return "Helvetica", "Helvetica-Bold"
    files = (family.regular, bold or family.bold, family.italic, family.bold_italic)
    # One registration per distinct set of files; a stable name keeps the bytes reproducible.
    tag = hashlib.sha1("|".join(map(str, files)).encode()).hexdigest()[:8]
    names = tuple(f"Brief{tag}-{style}" for style in ("R", "B", "I", "BI"))
    for name, path in zip(names, files, strict=True):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        names[0], normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3]
    )
    return names[0], names[1]


@dataclass(frozen=True)
class Look:
    """Fonts, colours and paragraph styles of one rendering."""

    regular: str
    bold: str
    primary: colors.Color
    accent: colors.Color
    styles: dict[str, ParagraphStyle]


def _look(theme: Theme) -> Look:
    regular, bold = register_fonts(find_family(theme.font), theme.font_bold)
    primary, accent = colors.HexColor(theme.primary), colors.HexColor(theme.accent)
    base = ParagraphStyle(
        "body",
        fontName=regular,
        bulletFontName=regular,
        fontSize=10.5,
        leading=14.5,
        spaceAfter=4,
        splitLongWords=1,
        allowWidows=0,  # the last line of a paragraph never stands alone atop a page
    )
    heading = ParagraphStyle("heading", base, fontName=bold, textColor=primary, keepWithNext=1)
    styles = {
        "p": base,
        "h1": ParagraphStyle("h1", heading, fontSize=30, leading=36, spaceAfter=14),
        "h2": ParagraphStyle("h2", heading, fontSize=16, leading=20, spaceBefore=14, spaceAfter=6),
        "h3": ParagraphStyle("h3", heading, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=4),
        "meta": ParagraphStyle("meta", base, textColor=GREY, fontSize=12, leading=17),
        "org": ParagraphStyle(
            "org", base, fontName=bold, textColor=accent, fontSize=13, leading=17, spaceAfter=10
        ),
        "label": ParagraphStyle(
            "label",
            base,
            fontName=bold,
            textColor=colors.white,
            backColor=primary,
            borderPadding=(4, 6, 4, 6),
            fontSize=10,
            spaceBefore=18,
        ),
        "li": ParagraphStyle("li", base, spaceAfter=3, leftIndent=LIST_INDENT, bulletIndent=0),
        "cite": ParagraphStyle("cite", base, fontSize=9, leading=12, textColor=GREY),
        "toc1": ParagraphStyle("toc1", base, fontSize=11, leading=17),
    }
    return Look(regular, bold, primary, accent, styles)


class _Para(Paragraph):
    """A paragraph that breaks its lines once per width. reportlab wraps a paragraph again
    whenever it asks its height (a group kept together, then each of its members, then the
    frame, on each pass): breaking lines was most of the PDF's time. The lines depend only
    on the text, the style and the width; a split drops them (``blPara``), and then they
    are broken again."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        lines, memo = self.__dict__.get("blPara"), getattr(self, "_wrapped", None)
        if memo and lines is not None and memo[0] == availWidth and memo[1] is lines:
            self.width, self.height = memo[2]  # as wrap leaves them
            return memo[2]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, self.blPara, size)
        return size


class _Heading(_Para):
    """A heading that goes into the contents and the PDF outline."""

    def __init__(self, text: str, style: ParagraphStyle, *, key: str, level: int, title: str):
        super().__init__(text, style)
        self.toc = (level, title, key)


class _BriefDoc(BaseDocTemplate):
    """Two passes, as the contents need: the first only finds the page of each heading, so it
    lays the story out without drawing it (drawing was half of it); the second draws."""

    def multiBuild(self, story: list[Any], **kwargs: Any) -> Any:  # noqa: N802
        self._sketch(any(f.isIndexing() for f in story))
        return super().multiBuild(story, **kwargs)

    def _allSatisfied(self) -> bool:  # noqa: N802
        if self.pageTemplates[0].frames[0].sketch:  # a pass that drew nothing is not saved
            self._sketch(False)
            return False
        return bool(super()._allSatisfied())

    def _sketch(self, on: bool) -> None:
        for template in self.pageTemplates:
            for frame in template.frames:
                frame.sketch = on

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        toc = getattr(flowable, "toc", None)
        if toc:
            level, title, key = toc
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)
            self.notify("TOCEntry", (level, title, self.page, key))


class _Frame(Frame):
    """A frame that, in the document's sketch pass, places flowables without drawing them.
    (reportlab copies frames deeply while it lays out: no reference to the document here.)"""

    sketch = False

    def add(self, flowable: Flowable, canv: Any, trySplit: int = 0) -> Any:  # noqa: N803
        if not self.sketch:
            return super().add(flowable, canv, trySplit)
        flowable.drawOn = _not_drawn  # type: ignore[method-assign]  # this call only
        try:
            return super().add(flowable, canv, trySplit)
        finally:
            del flowable.drawOn


def _not_drawn(*args: Any, **kwargs: Any) -> None:
    """What a flowable draws in the sketch pass: nothing."""


class _NumberedCanvas(rl_canvas.Canvas):
    """Holds pages until the end so each footer can say "Page X of Y"."""

    title = ""
    font = "Helvetica"
    rule = colors.black
    cover = True
    masthead = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            if not (self.cover and self._pageNumber == 1):
                # under a masthead the first page's header would say the title again
                self._furniture(total, header=self._pageNumber > 1 or not self.masthead)
            super().showPage()
        super().save()

    def _furniture(self, total: int, header: bool = True) -> None:
        width, height = self._pagesize
        self.saveState()
        self.setFont(self.font, 8.5)
        self.setFillColor(GREY)
        self.setStrokeColor(self.rule)
        if header:
            self.drawString(MARGIN, height - 12 * mm, self.title[:100])
            self.line(MARGIN, height - 13.5 * mm, width - MARGIN, height - 13.5 * mm)
        self.line(MARGIN, 14 * mm, width - MARGIN, 14 * mm)
        self.drawRightString(width - MARGIN, 10 * mm, f"Page {self._pageNumber} of {total}")
        self.restoreState()


class _Story:
    """Turns blocks into flowables for a frame of the given size."""

    def __init__(
        self,
        look: Look,
        chart: Path | None,
        frame: tuple[float, float],
        headings: list[Block] | None = None,
    ):
        self.headings = headings or []
        self.look = look
        self.chart = chart
        self.width, self.height = frame
        self.flow: list[Any] = []
        self.items: list[Block] = []
        self.ordered = False

    def add(self, blocks: list[Block]) -> list[Any]:
        for block in blocks:
            self.block(block)
        self.flush()
        return _keep_together(self.flow)

    def flush(self) -> None:
        """The pending list items as bulleted or numbered paragraphs. No item is split across
        pages: a bullet's attribution ("— Sung Kim, …, 7 June 2022") never opens a page apart
        from what was said, and a source in the appendix stays whole. A number gets the room
        of the widest number, so "10." keeps its space."""
        if not self.items:
            return
        style = self.look.styles["li"]
        if self.ordered:
            widest = stringWidth(f"{len(self.items)}.", style.bulletFontName, style.fontSize)
            indent = max(float(LIST_INDENT), widest + 5)
            style = ParagraphStyle("li-n", style, leftIndent=indent)
        for number, item in enumerate(self.items, 1):
            bullet = f"{number}." if self.ordered else "•"
            para = _Para(self.markup(item, style), style, bulletText=bullet)
            self.flow.append(KeepTogether([para]))
        self.items = []

    def block(self, block: Block) -> None:
        if block.kind == "li":
            if self.items and block.ordered != self.ordered:
                self.flush()
            self.ordered = block.ordered
            self.items.append(block)
            return
        self.flush()
        if block.kind == "section" and block.cls in ("cover", "masthead"):
            self.cover(block, page=block.cls == "cover")
        elif block.kind == "section" and block.cls == "toc":
            self.contents(self.headings)
        elif block.kind == "section":
            for child in block.children:
                self.block(child)
            self.flush()
        elif block.kind in ("blockquote", "aside"):
            self.flow.append(self.box(block))
        elif block.kind == "img":
            self.image(block, self.width if block.cls == "chart" else 50 * mm)
        elif block.kind == "h2" and block.id:  # sections go into contents and outline
            style = self.look.styles["h2"]
            self.flow.append(
                _Heading(self.markup(block, style), style, key=block.id, level=0, title=block.text)
            )
        else:
            style = self.look.styles.get(block.cls or "", self.look.styles.get(block.kind))
            self.flow.append(self.para(block, style or self.look.styles["p"]))

    def cover(self, block: Block, page: bool = True) -> None:
        """The title, dates and label: on a page of their own, or heading the first page."""
        self.flow.append(Spacer(1, 45 * mm if page else 0))
        for child in block.children:
            if child.kind == "img":
                self.image(child, 45 * mm)
                self.flow.append(Spacer(1, 8 * mm))
            else:
                style = self.look.styles.get(child.cls or "", self.look.styles[child.kind])
                self.flow.append(self.para(child, style))
        if page:
            self.flow += [NextPageTemplate("body"), PageBreak()]
        else:
            self.flow.append(Spacer(1, 6 * mm))

    def contents(self, headings: list[Block]) -> None:
        toc = TableOfContents(dotsMinLevel=0)
        # Entries known up front, with placeholder page numbers, give the contents its final
        # size on the first pass: two passes instead of three.
        toc._entries = [(0 if h.kind == "h2" else 1, h.text, 999, h.id) for h in headings]
        toc.tableStyle = TableStyle(
            [  # the default names Helvetica, which would not be embedded
                ("FONTNAME", (0, 0), (-1, -1), self.look.regular),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
        toc.levelStyles = [self.look.styles["toc1"]]
        self.flow += [_Para("Contents", self.look.styles["h2"]), toc, PageBreak()]

    def box(self, block: Block) -> Any:
        inner_width = self.width - 8 * mm
        story = _Story(self.look, self.chart, (inner_width - 16, self.height))
        # a cell is laid out whole: a KeepTogether inside one would ask for a page of its own
        inner = _unwrapped(story.add(block.children))
        # A one-cell table never splits, so a quote stays with its attribution.
        table = Table([[inner]], colWidths=[inner_width])
        quote = block.kind == "blockquote"
        table.quote = quote  # type: ignore[attr-defined]
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.look.regular),  # cells default to Helvetica
                    (
                        "BACKGROUND",
                        (0, 0),
                        (-1, -1),
                        colors.HexColor("#f7f4ec") if quote else colors.HexColor("#fbf8ef"),
                    ),
                    (
                        "LINEBEFORE" if quote else "BOX",
                        (0, 0),
                        (-1, -1),
                        3 if quote else 0.8,
                        self.look.accent,
                    ),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return KeepTogether([Spacer(1, 3), table, Spacer(1, 5)])

    def image(self, block: Block, width: float) -> None:
        """An image at the width asked, made smaller if it would be taller than the frame
        (a chart of many topics)."""
        path = self.resolve(block.src)
        if path is None:
            return
        w, h = ImageReader(str(path)).getSize()
        width = min(width, self.width, self.height * 0.95 * w / h)
        self.flow.append(Image(str(path), width=width, height=width * h / w))

    def resolve(self, src: str | None) -> Path | None:
        if not src:
            return None
        if self.chart and src == self.chart.name:
            return self.chart
        path = Path(src)
        return path if path.is_file() else None

    @staticmethod
    def anchor(block: Block) -> str:
        return f'<a name="{block.id}"/>' if block.id else ""

    def markup(self, block: Block, style: ParagraphStyle) -> str:
        """The block's runs as paragraph markup: citation markers glued to the word before,
        a shown web address on lines of its own, broken at "/" and "-"."""
        parts: list[str] = []
        for run in glue_citations(block.runs):
            if shows_address(run):
                lines = self.address_lines(run.text, style)
                if parts:
                    parts[-1] = parts[-1].rstrip()
                parts += ["<br/>" + runs_to_html([replace(run, text=line)]) for line in lines]
            else:
                parts.append(runs_to_html([run]))
        return self.anchor(block) + "".join(parts)

    def address_lines(self, url: str, style: ParagraphStyle) -> list[str]:
        width = self.width - style.leftIndent - style.rightIndent
        return url_lines(url, width, lambda t: stringWidth(t, style.fontName, style.fontSize))

    def para(self, block: Block, style: ParagraphStyle) -> Paragraph:
        return _Para(self.markup(block, style), style)


def _keep_together(flow: list[Any]) -> list[Any]:
    """Group flowables that must share a page: a heading with what follows it (reportlab's
    keepWithNext does not reach into lists or callout boxes), and the last key quote with
    the line that closes the run. A group taller than a page is still split by reportlab."""
    out: list[Any] = []
    for item in flow:
        if out and _holds_on(_solid(out[-1])[-1:], _solid(item)[:1], item):
            out[-1] = KeepTogether(_parts(out[-1]) + _parts(item))
        else:
            out.append(item)
    return out


def _parts(item: Any) -> list[Any]:
    return list(item._content) if isinstance(item, KeepTogether) else [item]


def _unwrapped(flow: list[Any]) -> list[Any]:
    return [
        part
        for item in flow
        for part in (_unwrapped(_parts(item)) if isinstance(item, KeepTogether) else [item])
    ]


def _solid(item: Any) -> list[Any]:
    return [f for f in _parts(item) if not isinstance(f, Spacer)]


def _holds_on(last: list[Any], first: list[Any], item: Any) -> bool:
    """Whether ``item`` (whose first flowable is ``first``) must go on the page of the
    flowable ``last``."""
    if not last or not first or getattr(item, "isIndexing", lambda: False)():
        return False  # the contents must stay a top-level flowable to be filled in
    before, after = last[0], first[0]
    if isinstance(before, Paragraph) and _sticks(before):
        return True
    if _is_quote(after) and _plain(before):
        return True  # a quote goes with the paragraph it follows (a memo's topic line)
    if _is_item(before) and _plain(after):
        return True  # a list's closing line ("Sources: …") never starts a page alone
    # The last quote of a run goes with the line that closes it; the run itself may go on
    # over a page (kept whole, a section's quotes left a third of a page blank).
    return _is_quote(before) and _plain(after)


def _plain(flowable: Any) -> bool:
    """A paragraph that is neither a heading nor a list item."""
    return isinstance(flowable, Paragraph) and not flowable.bulletText and not _sticks(flowable)


def _is_item(flowable: Any) -> bool:
    return isinstance(flowable, Paragraph) and bool(flowable.bulletText)


def _is_quote(flowable: Any) -> bool:
    return isinstance(flowable, Table) and getattr(flowable, "quote", False)


def render_pdf(brief: Brief, out_dir: Path, options: RenderOptions) -> Path:
    """Write brief.pdf."""
    look = _look(options.theme)
    blocks = parse_blocks(brief_html(brief, options))
    has_cover = any(b.kind == "section" and b.cls == "cover" for b in blocks)
    masthead = any(b.kind == "section" and b.cls == "masthead" for b in blocks)
    path = out_dir / "brief.pdf"
    page = tuple(side * mm for side in page_size_mm(options.theme.page_size))
    doc = _BriefDoc(
        str(path),
        pagesize=page,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=BOTTOM,
        title=brief.title,
        author=brief.organization or "briefing",
        subject=f"Policy brief, {brief.as_of.isoformat()}",
        creator="briefing",
        lang="en",
        initialFontName=look.regular,  # else an unembedded Helvetica is referenced
        invariant=1 if os.environ.get("SOURCE_DATE_EPOCH") else 0,
    )
    size = (page[0] - 2 * MARGIN, page[1] - MARGIN - BOTTOM)
    frame = _Frame(MARGIN, BOTTOM, *size, id="body")
    doc.addPageTemplates(
        [PageTemplate("cover", [frame]), PageTemplate("body", [frame])]
        if has_cover
        else [PageTemplate("body", [frame])]
    )
    canvas_class = type(
        "BriefCanvas",
        (_NumberedCanvas,),
        {
            "title": brief.title,
            "font": look.regular,
            "rule": look.accent,
            "cover": has_cover,
            "masthead": masthead,
        },
    )
    headings = [b for b in walk(blocks) if b.kind == "h2" and b.id]
    # The frame's padding (6 pt a side) leaves this much room for the flowables.
    story = _Story(look, options.chart, (size[0] - 12, size[1] - 12), headings).add(blocks)
    doc.multiBuild(story, canvasmaker=canvas_class)
    return path


def _sticks(para: Paragraph) -> bool:
    """A heading: its style keeps it with the next flowable."""
    return bool(getattr(para.style, "keepWithNext", False))
