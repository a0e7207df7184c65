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
CLOSING_MARKER = re.compile(r"\[\d+(?:, p\. \d+)?\]$")
URL_BREAK = re.compile(r"(?<=/)(?!/)|(?=-)")


def page_size_mm(name: str) -> tuple[float, float]:
    """The paper size of ``theme.page_size`` (already validated by the config)."""
    return PAGE_SIZES_MM[name]


def glue_citations(runs: list[Run]) -> list[Run]:
    """Make the space before a citation marker non-breaking, so the marker never wraps onto a
    line by itself: before every superscript marker, and before the bracketed marker
    ("[3]", "[3, p. 2]") that ends a block, such as a quote's attribution."""
    out = list(runs)
    for i in range(1, len(out)):
        if out[i].sup and not out[i - 1].sup:
            out[i - 1] = _glue_end(out[i - 1])
    if not out:
        return out
    closing = CLOSING_MARKER.search(out[-1].text)
    if closing and closing.start() > 0:
        head, marker = out[-1].text[: closing.start()], closing.group(0)
        out[-1] = replace(out[-1], text=_glue_end(replace(out[-1], text=head)).text + marker)
    elif closing and len(out) > 1:
        out[-2] = _glue_end(out[-2])
    return out


def _glue_end(run: Run) -> Run:
    """The run with its trailing space made non-breaking."""
    if not run.text.endswith(" "):
        return run
    return replace(run, text=run.text.rstrip(" ") + NBSP)


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
