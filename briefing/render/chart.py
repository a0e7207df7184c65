"""The brief's chart: sources per topic, by document type, drawn with Pillow as a PNG."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from briefing.model import Brief, Theme
from briefing.render.fonts import find_family

WIDTH = 1600
ROW = 74
# One fixed colour per document type (the Okabe-Ito colour-blind-safe set), so a colour means
# the same type in every brief, whatever types a brief happens to hold.
TYPE_COLOURS = {
    "press release": "#0072b2",
    "transcript": "#e69f00",
    "interview": "#009e73",
    "news": "#56b4e9",
    "report": "#d55e00",
    "newsletter": "#cc79a7",
}
OTHER_COLOUR = "#999999"  # a type not in the table above


def draw_chart(brief: Brief, path: Path, theme: Theme) -> Path:
    """Draw horizontal bars: how many sources each topic drew on, split by type. A topic
    without sources has no bar."""
    types = {s.id: s.doc_type for s in brief.sources}
    rows = [
        (sec.name, [types.get(sid, "news") for sid in sec.sources])
        for sec in brief.sections
        if sec.sources
    ]
    present = [t for t in TYPE_COLOURS if any(t in kinds for _, kinds in rows)]
    present += sorted({k for _, kinds in rows for k in kinds} - set(present))
    colours = [TYPE_COLOURS.get(kind, OTHER_COLOUR) for kind in present]
    height = 150 + ROW * max(1, len(rows)) + 90
    image = Image.new("RGB", (WIDTH, height), "white")
    pen = ImageDraw.Draw(image)
    regular, bold = _fonts(theme)
    pen.text((40, 28), "Sources per topic, by type", font=bold, fill=theme.primary)
    label_w = 520
    most = max((len(kinds) for _, kinds in rows), default=1) or 1
    unit = (WIDTH - label_w - 140) / most
    for i, (name, kinds) in enumerate(rows):
        y = 110 + i * ROW
        pen.text((40, y + 12), _fit(pen, name, regular, label_w - 60), font=regular, fill="#222222")
        x = float(label_w)
        for kind, colour in zip(present, colours, strict=True):
            n = kinds.count(kind)
            if n:
                pen.rectangle([x, y + 8, x + n * unit - 3, y + ROW - 14], fill=colour)
                x += n * unit
        pen.text((x + 14, y + 12), str(len(kinds)), font=regular, fill="#222222")
    _legend(pen, present, colours, regular, height - 70)
    image.save(path, format="PNG", optimize=False)
    return path


def _legend(
    pen: ImageDraw.ImageDraw,
    kinds: list[str],
    colours: list[str],
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
    y: int,
) -> None:
    x = 40
    for kind, colour in zip(kinds, colours, strict=True):
        pen.rectangle([x, y + 6, x + 30, y + 36], fill=colour)
        pen.text((x + 42, y + 4), kind, font=font, fill="#222222")
        x += 60 + int(pen.textlength(kind, font=font))


def _fonts(theme: Theme) -> tuple[ImageFont.FreeTypeFont | ImageFont.ImageFont, ...]:
    family = find_family(theme.font)
    if family is None:
        return ImageFont.load_default(), ImageFont.load_default()
    bold = theme.font_bold or family.bold
    return ImageFont.truetype(str(family.regular), 34), ImageFont.truetype(str(bold), 42)


def _fit(
    pen: ImageDraw.ImageDraw,
    text: str,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
    width: int,
) -> str:
    """Cut a label to the width, with an ellipsis."""
    if pen.textlength(text, font=font) <= width:
        return text
    while text and pen.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…"
