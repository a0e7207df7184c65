"""Readers for text formats: plain text, HTML and Markdown. Each turns bytes into a Document."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from briefing.errors import SourceError
from briefing.ingest.meta import parse_iso
from briefing.ingest.page import PageMeta, read_page
from briefing.model import Document


def decode(data: bytes) -> str:
    """Decode text in UTF-8/UTF-16 (with or without BOM), else Windows-1252, else Latin-1."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        if _looks_utf16(data):
            return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
        raise SourceError("binary file")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    zeros_odd = sample[1::2].count(0)
    zeros_even = sample[0::2].count(0)
    return max(zeros_odd, zeros_even) > len(sample) * 0.4 and min(zeros_odd, zeros_even) == 0


def _text_of(data: bytes) -> str:
    text = decode(data)
    if not text.strip():
        raise SourceError("empty file")
    if sum(1 for c in text[:4096] if c < " " and c not in "\n\r\t\f") > 8:
        raise SourceError("binary file")
    return text


def read_text(path: Path, data: bytes) -> Document:
    """A plain-text dump of a page, article or transcript."""
    return read_page(path, _text_of(data))


def read_html(path: Path, data: bytes) -> Document:
    """A saved web page: trafilatura finds the main text and metadata."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    html = _text_of(data)
    found: Any = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if found is None or not (found.text or "").strip():
        raise SourceError("no main text found in the page")
    url = found.url or None
    # trafilatura trims author strings ("Office of the Spokesperson" -> "Office"): prefer the tag
    tagged = re.search(r'<meta\s+name=["\']author["\']\s+content=["\']([^"\']+)', html, re.I)
    authors = tagged[1] if tagged else found.author or ""
    meta = PageMeta(
        title=page_title(html, found.title, found.sitename),
        date=parse_iso(found.date),
        authors=tuple(a.strip() for a in re.split(r";", authors) if a.strip()),
        publisher=found.sitename or (urlparse(url).hostname if url else None),
        url=url,
        boilerplate=False,  # trafilatura has removed it; only the edges are trimmed
        keep_head=True,
    )
    # trafilatura separates paragraphs by one newline; the page reader wants blank lines.
    return read_page(path, found.text.replace("\n", "\n\n"), meta)


_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.I | re.S)
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·)\s+")


def page_title(html: str, title: str | None, sitename: str | None) -> str | None:
    """The article's headline: an <h1> that says much the same as the <title> (pages put
    menus and adverts in <h1>s too), else the <title> without the site name that pages
    append ("Headline | Site", "Headline - Site")."""
    if not title:
        return None
    parts = _SEPARATOR.split(title)
    site_suffix = len(parts) > 1 and parts[-1].casefold() == (sitename or "").casefold()
    bare = parts[0] if len(parts) > 1 and (len(parts[0].split()) >= 2 or site_suffix) else title
    title_words = set(
        re.findall(r"\w+", " ".join(parts[:1] if len(parts) > 1 else parts).casefold())
    )
    site_names = {p.casefold() for p in parts[1:]} | {(sitename or "").casefold()}
    for match in _H1.finditer(html[:400_000]):
        text = " ".join(unescape(re.sub(r"<[^>]+>", " ", match[1])).split())
        words = re.findall(r"\w+", text.casefold())
        if 2 <= len(words) <= 40 and text.casefold() not in site_names:
            shared = sum(1 for w in words if w in title_words) / len(words)
            if shared >= 0.5:
                return text
    return bare


_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n(?:---|\.\.\.)\s*\n", re.S)


def read_markdown(path: Path, data: bytes) -> Document:
    """Markdown, with optional YAML front matter (title, date, author, url, publisher, type)."""
    text = _text_of(data)
    front: dict = {}
    m = _FRONT_MATTER.match(text)
    if m:
        try:
            loaded = yaml.safe_load(m[1])
        except yaml.YAMLError as exc:
            raise SourceError(f"invalid front matter: {exc}") from None
        front = loaded if isinstance(loaded, dict) else {}
        text = text[m.end() :]
    heading = re.search(r"^#\s+(.+)$", text, re.M)
    title = front.get("title") or (heading[1].strip() if heading else None)
    if heading and heading[1].strip() == title:
        text = text[: heading.start()] + text[heading.end() :]
    author = front.get("author") or front.get("authors") or []
    meta = PageMeta(
        title=str(title) if title else None,
        date=parse_iso(str(front["date"])) if front.get("date") else None,
        authors=tuple([author] if isinstance(author, str) else map(str, author)),
        publisher=front.get("publisher"),
        url=front.get("url"),
        doc_type=front.get("type"),
    )
    return read_page(path, _strip_markdown(text), meta)


def _strip_markdown(text: str) -> str:
    text = re.sub(r"^#{1,6}\s+", "", text, flags=re.M)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)", r"\1", text)
    text = re.sub(r"^\s*>\s?", "", text, flags=re.M)
    return re.sub(r"^\s*[-*+]\s+", "", text, flags=re.M)
