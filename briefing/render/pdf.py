"""brief.pdf with reportlab: walks the block tree; Unicode font embedded; "Page X of Y"."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from briefing.model import Brief
from briefing.render.fonts import FontFamily, find_family
from briefing.render.html import Block, brief_html, parse_blocks, runs_to_html

NAVY = colors.HexColor("#1a2b4c")
GOLD = colors.HexColor("#b8860b")
MARGIN = 20 * mm


def register_fonts(family: FontFamily | None) -> tuple[str, str]:
    """Register the family with reportlab; return (regular, bold) font names."""
    if family is None:
        return "Helvetica", "Helvetica-Bold"
    names = ("BriefSans", "BriefSans-Bold", "BriefSans-Italic", "BriefSans-BoldItalic")
    files = (family.regular, family.bold, family.italic, family.bold_italic)
    for name, path in zip(names, files, strict=True):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        "BriefSans", normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3]
    )
    return names[0], names[1]


def _styles(regular: str, bold: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body",
        fontName=regular,
        bulletFontName=regular,
        fontSize=10.5,
        leading=14.5,
        alignment=TA_LEFT,
        spaceAfter=4,
    )
    return {
        "h1": ParagraphStyle(
            "h1", base, fontName=bold, fontSize=22, leading=27, textColor=NAVY, spaceAfter=6
        ),
        "h2": ParagraphStyle(
            "h2",
            base,
            fontName=bold,
            fontSize=15,
            leading=19,
            textColor=NAVY,
            spaceBefore=14,
            spaceAfter=6,
        ),
        "h3": ParagraphStyle(
            "h3",
            base,
            fontName=bold,
            fontSize=11.5,
            leading=15,
            textColor=NAVY,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "p": base,
        "meta": ParagraphStyle("meta", base, textColor=colors.HexColor("#555555"), spaceAfter=10),
        "li": ParagraphStyle("li", base, spaceAfter=3),
        "quote": ParagraphStyle("quote", base, fontSize=10.5, leading=14.5, fontName=regular),
        "cite": ParagraphStyle(
            "cite", base, fontSize=9, leading=12, textColor=colors.HexColor("#555555")
        ),
    }


class _NumberedCanvas(rl_canvas.Canvas):
    """Holds pages until the end so each footer can say "Page X of Y"."""

    title = ""
    font = "Helvetica"

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
            self._footer(total)
            super().showPage()
        super().save()

    def _footer(self, total: int) -> None:
        width, _ = self._pagesize
        self.saveState()
        self.setFont(self.font, 8.5)
        self.setFillColor(colors.HexColor("#666666"))
        self.setStrokeColor(GOLD)
        self.line(MARGIN, 14 * mm, width - MARGIN, 14 * mm)
        self.drawString(MARGIN, 10 * mm, self.title[:90])
        self.drawRightString(width - MARGIN, 10 * mm, f"Page {self._pageNumber} of {total}")
        self.restoreState()


def _flowables(blocks: list[Block], styles: dict[str, ParagraphStyle]) -> list[Any]:
    """Turn blocks into reportlab flowables; consecutive list items become one list."""
    story: list[Any] = []
    items: list[ListItem] = []
    ordered = False

    def flush() -> None:
        nonlocal items
        if items:
            kind = {"bulletType": "1"} if ordered else {"bulletType": "bullet", "start": "•"}
            story.append(
                ListFlowable(
                    items,
                    leftIndent=14,
                    bulletFontSize=9,
                    bulletFontName=styles["p"].fontName,
                    **kind,
                )
            )
            items = []

    for block in blocks:
        if block.kind == "li":
            ordered = block.ordered
            items.append(ListItem(_para(block, styles["li"]), value=None))
            continue
        flush()
        if block.kind == "blockquote":
            story.append(_quote_box(block, styles))
        else:
            style = styles["meta"] if block.cls == "meta" else styles.get(block.kind, styles["p"])
            story.append(_para(block, style))
    flush()
    return story


def _para(block: Block, style: ParagraphStyle) -> Paragraph:
    anchor = f'<a name="{block.id}"/>' if block.id else ""
    return Paragraph(anchor + runs_to_html(block.runs), style)


def _quote_box(block: Block, styles: dict[str, ParagraphStyle]) -> Any:
    cells = [
        [_para(c, styles["cite"] if c.kind == "cite" else styles["quote"])] for c in block.children
    ]
    table = Table(cells, colWidths=[A4[0] - 2 * MARGIN - 8 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles["p"].fontName),  # cells default to Helvetica
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f7f4ec")),
                ("LINEBEFORE", (0, 0), (0, -1), 3, GOLD),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return KeepTogether([Spacer(1, 3), table, Spacer(1, 5)])


def render_pdf(
    brief: Brief, out_dir: Path, templates: Path | None = None, font: Path | None = None
) -> Path:
    """Write brief.pdf."""
    regular, bold = register_fonts(find_family(font))
    blocks = parse_blocks(brief_html(brief, templates))
    path = out_dir / "brief.pdf"
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=22 * mm,
        title=brief.title,
        author=brief.organization or "briefing",
        subject=f"Policy brief, {brief.as_of.isoformat()}",
        creator="briefing",
        lang="en",
        initialFontName=regular,  # else an unembedded Helvetica is referenced
        invariant=1 if os.environ.get("SOURCE_DATE_EPOCH") else 0,
    )
    canvas_class = type("BriefCanvas", (_NumberedCanvas,), {"title": brief.title, "font": regular})
    doc.build(_flowables(blocks, _styles(regular, bold)), canvasmaker=canvas_class)
    return path
