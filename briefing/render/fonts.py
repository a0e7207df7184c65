"""Find a Unicode TrueType font family at run time: reportlab's built-in fonts lack Cyrillic."""

from __future__ import annotations

import functools
import logging
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

# (regular, bold, italic, bold italic) file names of families with wide Unicode coverage.
FAMILIES = [
    (
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique.ttf",
    ),
    (
        "LiberationSans-Regular.ttf",
        "LiberationSans-Bold.ttf",
        "LiberationSans-Italic.ttf",
        "LiberationSans-BoldItalic.ttf",
    ),
    ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf"),
    ("arial.ttf", "arialbd.ttf", "ariali.ttf", "arialbi.ttf"),
    ("Arial.ttf", "Arial Bold.ttf", "Arial Italic.ttf", "Arial Bold Italic.ttf"),
]
FONT_DIRS = [
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".fonts",
    Path.home() / ".local/share/fonts",
    Path("/Library/Fonts"),
    Path("/System/Library/Fonts"),
    Path.home() / "Library/Fonts",
    Path("C:/Windows/Fonts"),
]


@dataclass(frozen=True)
class FontFamily:
    """Files of a font family; a missing style falls back to the regular face."""

    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


@functools.cache
def find_family(explicit: Path | None = None) -> FontFamily | None:
    """The configured font, else the first wide-coverage family installed, else None."""
    if explicit:
        return FontFamily(explicit, explicit, explicit, explicit)
    for names in FAMILIES:
        regular = _locate(names[0])
        if regular:
            styles = [
                regular.parent / n if (regular.parent / n).is_file() else regular for n in names[1:]
            ]
            return FontFamily(regular, *styles)
    matched = _fc_match()
    if matched:
        return FontFamily(matched, matched, matched, matched)
    log.warning(
        "no Unicode TrueType font found; PDF uses Helvetica (no Cyrillic). "
        "Set 'font:' in the config to a .ttf file."
    )
    return None


def _locate(name: str) -> Path | None:
    for root in FONT_DIRS:
        if root.is_dir():
            direct = root / name
            if direct.is_file():
                return direct
            for hit in root.rglob(name):
                return hit
    return None


def _fc_match() -> Path | None:
    if not shutil.which("fc-match"):
        return None
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{file}", "sans"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    path = Path(out)
    return path if out.lower().endswith(".ttf") and path.is_file() else None
