"""One pass over every Document a reader makes: characters no writer can hold are replaced,
and a link is kept only when it is one a reader can safely follow.

Replacement is one character for one, so the offsets of turns and pages stay true.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from briefing.model import Document, Turn

# XML 1.0 cannot hold these (the DOCX and HTML writers, the JSON cache's UTF-8 neither can
# hold a lone surrogate); tab, newline and carriage return are kept.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
UNENCODABLE = re.compile(r"[\ud800-\udfff\ufffe\uffff]")
# Invisible characters that reorder or hide text: harmless in a body, misleading in a title.
INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# The same, less the joiners (U+200C, U+200D) Persian, Indic scripts and emoji need: taken out
# of a page's text before its speakers and sentences are found, so a name broken by one is
# still a name and a bullet never reorders itself.
HIDING = re.compile(r"[\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
LIVE_SCHEMES = ("http://", "https://", "mailto:")


# CONTROL as bytes: in UTF-8 these bytes stand only for themselves
CONTROL_BYTES = bytes(c for c in range(0x20) if chr(c) not in "\t\n\r") + b"\x7f"


def clean_text(text: str) -> str:
    """``text`` with control characters as spaces and unencodable ones as U+FFFD."""
    if _clean(text):  # the common case, told eight times quicker than by the patterns
        return text
    return UNENCODABLE.sub("\ufffd", CONTROL.sub(" ", text))


def _clean(text: str) -> bool:
    """Whether ``text`` holds nothing that CONTROL or UNENCODABLE would replace."""
    try:
        data = text.encode("utf-8")  # a lone surrogate cannot be encoded
    except UnicodeEncodeError:
        return False
    if len(data.translate(None, CONTROL_BYTES)) != len(data):
        return False
    return "\ufffe" not in text and "\uffff" not in text


def clean_title(text: str) -> str:
    """A title or name: clean, without invisible reordering characters, on one line."""
    return " ".join(INVISIBLE.sub("", clean_text(text)).split())


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s) or mailto (a javascript: or data: link is dropped)."""
    if not url:
        return None
    url = clean_title(url)
    return url if url.lower().startswith(LIVE_SCHEMES) else None


def _optional(text: str | None) -> str | None:
    return clean_title(text) if text is not None else None


def clean_document(doc: Document) -> Document:
    """The document with every text field cleaned and its URL checked."""
    return dataclasses.replace(
        doc,
        title=clean_title(doc.title),
        text=clean_text(doc.text),
        authors=tuple(clean_title(a) for a in doc.authors),
        publisher=_optional(doc.publisher),
        url=safe_url(doc.url),
        standfirst=clean_text(doc.standfirst) if doc.standfirst is not None else None,
        turns=_clean_turns(doc.turns),
        positions=tuple((clean_title(n), clean_title(p)) for n, p in doc.positions),
    )


def _clean_turns(turns: Sequence[Turn]) -> tuple[Turn, ...]:
    """Turns with their speakers' names cleaned: each name once (a transcript's hundred turns
    have a few speakers), and the turns made again only when a name changed."""
    names = {name: _optional(name) for name in {t.speaker for t in turns}}
    if all(name == clean for name, clean in names.items()):
        return tuple(turns)
    return tuple(Turn(names[t.speaker], t.role, t.start, t.end) for t in turns)
