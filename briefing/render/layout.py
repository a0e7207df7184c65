"""Print rules the PDF and Word writers share: paper sizes, citation markers that never start a
line alone, and where a printed web address may break."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from briefing.render.html import Run

# Paper sizes in millimetres (width, height), by the name used in the config.
PAGE_SIZES_MM: dict[str, tuple[float, float]] = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
NBSP = "\u00a0"
# A web address may break after a slash (not inside "//") or before a hyphen, so the hyphen
# that starts the next line reads as part of the address, not as word hyphenation.
URL_BREAK = re.compile(r"(?<=/)(?!/)|(?=-)")


def page_size_mm(name: str) -> tuple[float, float]:
    """The paper size of ``theme.page_size`` (already validated by the config)."""
    return PAGE_SIZES_MM[name]


def glue_citations(runs: list[Run]) -> list[Run]:
    """Make the space before a superscript citation marker non-breaking, so the marker never
    wraps onto a line by itself."""
    out = list(runs)
    for i in range(1, len(out)):
        before = out[i - 1]
        if out[i].sup and not before.sup and before.text.endswith(" "):
            out[i - 1] = replace(before, text=before.text.rstrip(" ") + NBSP)
    return out


def shows_address(run: Run) -> bool:
    """A link whose visible text is its own web address (as in a sources list)."""
    return bool(run.href) and run.text == run.href and run.href.startswith(("http://", "https://"))


def url_lines(url: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Cut an address into lines no wider than ``width`` at its break points (greedy); a piece
    with no break point that is still too wide is left whole for the writer to split."""
    lines: list[str] = []
    for piece in URL_BREAK.split(url):
        if lines and measure(lines[-1] + piece) <= width:
            lines[-1] += piece
        elif piece:
            lines.append(piece)
    return lines
