"""Readers for text formats: plain text, HTML and Markdown. Each turns bytes into a Document."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from briefing.errors import SourceError
from briefing.ingest.meta import find_date, parse_dateline, parse_iso
from briefing.ingest.page import PageMeta, read_page
from briefing.model import Document
from briefing.text import ascii_folded, lacks


def decode(data: bytes) -> str:
    """Decode text in UTF-8/UTF-16 (with or without BOM), else Windows-1252, else Latin-1."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        if _looks_utf16(data):
            return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
        raise SourceError("binary file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few broken bytes (a truncated download, a bad paste) stays UTF-8: decoding
    # it all as Windows-1252 would garble every curly quote and accent in it
    text = data.decode("utf-8-sig", errors="replace")
    sample = text[:1_000_000]  # enough to judge, and a 50 MB file is not walked char by char
    broken = sample.count("\ufffd")
    valid = sum(1 for c in sample if c > "\x7f") - broken
    if valid and broken <= 2 * valid:
        return text
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    zeros_odd = sample[1::2].count(0)
    zeros_even = sample[0::2].count(0)
    return max(zeros_odd, zeros_even) > len(sample) * 0.4 and min(zeros_odd, zeros_even) == 0


# Control characters no text file holds (not tab, newline, form feed or carriage return)
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# The same as bytes: in UTF-8 these bytes stand only for themselves
_BINARY_BYTES = bytes(c for c in range(0x20) if _BINARY.match(chr(c)))


def _text_of(data: bytes) -> str:
    text = decode(data)
    if not text or text.isspace():
        raise SourceError("empty file")
    head = text[:4096].encode("utf-8", "surrogatepass")  # counted as bytes: twice as quick
    if len(head) - len(head.translate(None, _BINARY_BYTES)) > 8:
        raise SourceError("binary file")
    return text


def read_text(path: Path, data: bytes) -> Document:
    """A plain-text dump of a page, article or transcript."""
    return read_page(path, _text_of(data))


# htmldate's search as trafilatura runs it for its metadata
_DATE_SEARCH: dict[str, Any] = {"original_date": True, "extensive_search": True}


def load_html_reader() -> None:
    """Import what reading HTML needs (trafilatura, lxml: about 0.15 s of CPU), as a pool
    worker does when it starts, before its first page."""
    import trafilatura.metadata  # noqa: F401

    import briefing.ingest.chrome  # noqa: F401


def read_html(path: Path, data: bytes) -> Document:
    """A saved web page: trafilatura finds the main text; the metadata is ours first, with
    trafilatura and htmldate asked only for what the page does not say plainly (html_meta)."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    from briefing.ingest.chrome import (
        MAX_BYTES,
        MIN_PARAGRAPH_TEXT,
        container_paragraphs,
        remove_chrome,
    )

    html = _text_of(data)
    # Parsed once, for the metadata and the main text: the metadata is read from the whole
    # page (the chrome may hold the date or the site name; nothing in html_meta changes the
    # tree), then the chrome is cut from the same tree and the main text sought in the rest.
    tree = _page_tree(html)
    meta = html_meta(html, tree)
    prunable = len(html) <= MAX_BYTES  # a larger page is left to the extractor as it is
    if prunable:
        remove_chrome(tree)
    # bare_extraction works on a copy of the tree: the pruned page is still whole below
    found: Any = trafilatura.bare_extraction(tree, options=_extractor())
    if found is None or not (found.text or "").strip():
        raise SourceError("no main text found in the page")
    text = found.text
    if "\n" not in text.strip() and len(text) > MIN_PARAGRAPH_TEXT:
        # one run-on paragraph: the extractor fell back to the page's whole text
        paragraphs = container_paragraphs(tree) if prunable else None
        if paragraphs and sum(map(len, paragraphs)) >= 0.8 * len(text):
            text = "\n".join(paragraphs)
    # trafilatura separates paragraphs by one newline; the page reader wants blank lines.
    return read_page(path, text.replace("\n", "\n\n"), meta)


# <meta name="author" content="...">: taken as written (trafilatura's reading of author strings
# cuts organisations: "Office of the Spokesperson" -> "Office")
_AUTHOR_TAG = re.compile(r'<meta\s+name=["\']author["\']\s+content=["\']([^"\']+)', re.I)


def html_meta(html: str, tree: Any) -> PageMeta:
    """A page's title, date, authors, publisher and address. What the page says plainly is
    taken first and found by us: its <title>, its author tag, the date shown beside its
    headline or in its structured data, the day in its address. trafilatura and htmldate are
    asked only for what is still missing, each search when its field is wanted: a title from
    the headings only for a page without a <title>, a byline only without an author tag,
    htmldate's search of the whole page only when neither the page nor its address dates it.
    trafilatura's reading of meta tags and JSON-LD (cheap: the <head> and a few scripts) is
    always wanted, for the address and the site's name."""
    from htmldate import find_date as search_date
    from trafilatura.metadata import (
        examine_meta,
        extract_author,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )

    declared = examine_meta(tree)  # Open Graph and other meta tags
    if declared.author and " " not in declared.author:
        # one word is a desk or a site, no byline (see _people): dropped before JSON-LD's
        # authors are added to it, so that a real byline there is not judged with it
        declared.author = None
    try:
        declared = extract_meta_json(tree, declared)
    except Exception:  # a bug in trafilatura's JSON-LD reading costs the page its JSON-LD only
        pass
    url = _tidy(declared.url) or _tidy(extract_url(tree))
    sitename = _site_label(_tidy(declared.sitename) or _tidy(extract_sitename(tree)))
    site = sitename or _host(url)

    title_tag = _title_tag(html)
    title = title_tag or _tidy(declared.title) or _tidy(extract_title(tree))
    day = page_date(html) or url_date(url)
    if day is None:
        day = searched_date(search_date(tree, **_DATE_SEARCH, url=url), html)
    tagged = _AUTHOR_TAG.search(html)
    if tagged:
        authors = tagged[1]
    else:
        authors = _people(_tidy(declared.author or extract_author(tree)) or "")
    return PageMeta(
        title=page_title(html, title, site),
        date=day,
        authors=tuple(a.strip() for a in re.split(r";", authors) if a.strip()),
        publisher=_site_name(sitename) or _host(url),
        url=url,
        boilerplate=False,  # trafilatura has removed it; only the edges are trimmed
        keep_head=True,
    )


def _tidy(value: str | None) -> str | None:
    """A metadata string as a reader sees it: entities decoded, spaces and control characters
    made plain (trafilatura's line cleaning); None when nothing is left."""
    from trafilatura.utils import line_processing

    return line_processing(unescape(value)) or None if value else None


def _site_label(name: str | None) -> str | None:
    """A site's name as it is written for readers: a Twitter handle without its "@", a name
    written in lower case ("example herald") with capitals; a domain name is left alone."""
    name = name.lstrip("@") if name else None
    if name and "." not in name and not name[0].isupper():
        name = name.title()
    return name or None


@lru_cache(maxsize=1)
def _extractor() -> Any:
    """The options of our bare_extraction call (comments left out), made once: building them
    for each page took 0.05 ms of its ~4.5 (bare_extraction never changes them)."""
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", comments=False)


def _page_tree(html: str) -> Any:
    """The page as trafilatura parses it. A fragment (no <html>, which trafilatura may turn
    down or take as one element) is first made a whole page, as lxml's document parser
    makes it, so that it has a <body> to prune."""
    import lxml.html
    import trafilatura

    tree = trafilatura.load_html(html)
    if tree is None or tree.tag != "html":
        try:
            page = lxml.html.tostring(lxml.html.document_fromstring(html), encoding="unicode")
        except (ValueError, lxml.etree.ParserError):
            raise SourceError("no main text found in the page") from None
        tree = trafilatura.load_html(page)
    if tree is None:
        raise SourceError("no main text found in the page")
    return tree


_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.I | re.S)
# <h1><a href="https://site/">Site name</a></h1>: a logo, not a headline
_HOME_LINK = re.compile(r"\A\s*<a\s[^>]*href=[\"'](?:https?://[^/\"']+)?/?[\"'][^>]*>", re.I)
_HEADLINE = re.compile(r'"headline"\s*:\s*"((?:[^"\\]|\\.){3,400})"')
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|»)\s+")


def page_title(html: str, title: str | None, sitename: str | None) -> str | None:
    """The article's headline. Pages put menus, logos and kickers in <h1>s and the site's
    name in the <title>, so: the structured-data headline when an <h1> shows it; else an <h1>
    that says much the same as the <title>; else the structured-data headline; else the
    page's only <h1>; else the <title> without the site's name ("Headline | Site")."""
    headings = [
        text
        for m in _H1.finditer(html[:400_000])
        if not _HOME_LINK.match(m[1])
        and 2 <= len(re.findall(r"\w+", text := _plain(m[1]))) <= 40
        and text.casefold() != (sitename or "").casefold()
    ]
    found = _HEADLINE.search(html, 0, 2_000_000)
    headline = _json_string(found[1]) if found else None
    if headline and any(headline.casefold() in h.casefold() for h in headings):
        return headline
    bare = _bare_title(title, sitename) if title else None
    if bare:
        title_words = set(re.findall(r"\w+", bare.casefold()))
        for text in headings:
            words = re.findall(r"\w+", text.casefold())
            shared = sum(1 for w in words if w in title_words) / len(words)
            if shared >= 0.5 or text.casefold().startswith(bare.casefold()):
                return text
    return headline or (headings[0] if len(headings) == 1 else None) or bare


# A date shown to readers: "Updated May 06, 2019", "Posted on 13 June 2019" opening a text
# node, or the whole text of a <time> or of an element whose class names a date.
_SHOWN_DATE = re.compile(
    r"(?<=>)\s*(?:Last\s+)?(?:Updated|Published|Posted)(?:\s+on)?:?\s+(?P<lead>[^<]{6,60}?)\s*<"
    r"|(?P<tag><(?:time\b|\w+\s[^>]*class=[\"'][^\"']*date[^\"']*[\"'])[^>]*>)"
    r"(?=\s*(?P<only>[^<]{6,60}?)\s*<)",
    re.I,
)
# The machine-readable form of a shown date: <time datetime="2019-11-19T13:16+00:00">
_ISO_ATTRIBUTE = re.compile(r"\b(?:datetime|content)=[\"']([^\"']{10,40})", re.I)
# The page's own dates in its structured data: JSON-LD, Open Graph article tags, microdata.
_PUBLISHED = re.compile(
    r'"datePublished"\s*:\s*"([^"]{10,40})"'
    r"|<meta\s[^>]*(?:property|name)=[\"'](?:og:)?article:published_time[\"'][^>]*>"
    r"|<\w+\s[^>]*itemprop=[\"']datePublished[\"'][^>]*>",
    re.I,
)
# One of which every match of _PUBLISHED holds. "published" alone, in the text of one page in
# thirty, let the pattern run there (half a millisecond: `<\w+\s[^>]*` at every tag).
_PUBLISHED_WORDS = (b"datepublished", b"published_time")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.I | re.S)
_H1_OPEN = re.compile(r"<h1\b[^>]*>", re.I)
HEADER_CHARS = 12_000  # how far past the headline's <h1> an article's header runs
SLACK = timedelta(days=1)  # a shown local day against a structured UTC timestamp


def page_date(html: str) -> date | None:
    """The date a page shows beside its headline, even a last update (what a reader of the
    brief would check it against); else the publication date in its structured data. None
    leaves it to the page's address and trafilatura's search. Dates further down belong to
    teasers and lists, and so does a shown date before the structured publication date. (A
    shown date after the structured data's last change is kept: pages republish without
    updating their metadata.)"""
    published = _linked_data_date(html)
    if not published and not lacks(html[:2_000_000], _PUBLISHED_WORDS):
        published = _structured_date(_PUBLISHED, html)
    for shown in _shown_dates(html):
        if not published or shown >= published - SLACK:
            return shown
    return published


def _shown_dates(html: str) -> Iterator[date]:
    """Dates shown in the header under the headline: the first <h1> that is not the site's
    logo (a home link)."""
    headline = next(
        (
            h
            for h in _H1_OPEN.finditer(html, 0, 2_000_000)
            if not _HOME_LINK.match(html[h.end() : h.end() + 400])
        ),
        None,
    )
    if not headline:
        return
    header = html[headline.start() : headline.start() + 2 * HEADER_CHARS]
    if not _may_show_date(header):
        return  # no need to run _SHOWN_DATE (a tenth of a ms a page)
    header = _SCRIPT.sub(" ", header)
    for m in _SHOWN_DATE.finditer(header, 0, _header_end(header)):
        if m["lead"]:
            shown = find_date(m["lead"])
        else:
            shown = parse_dateline(m["only"])
            if not shown:  # "Mon 18 Nov 2019 18.51 GMT", "6 hours ago" in a <time datetime>
                attribute = _ISO_ATTRIBUTE.search(m["tag"])
                shown = find_date(m["only"]) or (parse_iso(attribute[1]) if attribute else None)
        if shown:
            yield shown


# Where an article's header has ended: at the comments (their dates are the comments'), or at
# a heading that is a link (the title of a teaser for another page, its date beside it).
_HEADER_ENDS = re.compile(
    r"<(?:div|section|ol|ul|article|aside|header|footer)\s[^>]*(?:class|id)=[\"'][^\"']*comment"
    r"|<h[2-6]\b[^>]*>\s*<a\s",
    re.I,
)


def _header_end(header: str) -> int:
    found = _HEADER_ENDS.search(header, 1, HEADER_CHARS)
    return found.start() if found else HEADER_CHARS


def _may_show_date(header: str) -> bool:
    """Whether _SHOWN_DATE may match in ``header``: it needs "Updated", "Published" or
    "Posted", or a <time>, or a class naming a date (found by a plain search, see lacks)."""
    folded = ascii_folded(header)
    if folded is None:
        return True
    if any(word in folded for word in (b"updated", b"published", b"posted", b"<time")):
        return True
    return b"class=" in folded and b"date" in folded


_LINKED_DATA = re.compile(
    r"<script\b[^>]*type=[\"']application/ld\+json[\"'][^>]*>(.*?)</script>", re.I | re.S
)
# JSON-LD nodes whose datePublished is not the article's: a photo's, a video's, the site's.
_NOT_THE_ARTICLE = frozenset(
    "ImageObject VideoObject AudioObject MediaObject Organization Person WebSite Comment"
    " SiteNavigationElement BreadcrumbList".split()
)
MOST_NODES = 500  # bounded work on a page's structured data


def _linked_data_date(html: str) -> date | None:
    """The datePublished of the page's article in its JSON-LD: an Article-like node first,
    else any node that is not a picture, a video, a person or the site."""
    article = other = None
    for m in _LINKED_DATA.finditer(html, 0, 2_000_000):
        try:
            data = json.loads(m[1])
        except ValueError:
            continue
        stack, seen = [data], 0
        while stack and seen < MOST_NODES:
            node = stack.pop(0)
            seen += 1
            if isinstance(node, list):
                stack.extend(node)
                continue
            if not isinstance(node, dict):
                continue
            stack.extend(v for v in node.values() if isinstance(v, dict | list))
            value = node.get("datePublished")
            kinds = node.get("@type") or ()
            kinds = {kinds} if isinstance(kinds, str) else set(map(str, kinds))
            if not isinstance(value, str) or kinds & _NOT_THE_ARTICLE:
                continue
            found = parse_iso(value) or find_date(value)
            if any(k.endswith(("Article", "Posting", "Report")) for k in kinds):
                article = article or found
            else:
                other = other or found
        if article:
            return article
    return article or other


def _structured_date(pattern: re.Pattern[str], html: str) -> date | None:
    found = pattern.search(html, 0, 2_000_000)
    if not found:
        return None
    if found[1]:
        return parse_iso(found[1]) or find_date(found[1])
    content = _ISO_ATTRIBUTE.search(found[0])
    return (parse_iso(content[1]) or find_date(content[1])) if content else None


_COPYRIGHT_YEAR = re.compile(
    r"(?:©|&copy;|&#169;|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?(\d{4})", re.I
)


def searched_date(found: str | None, html: str) -> date | None:
    """The date trafilatura's search of the page found, unless it is only a year read as
    1 January from the page's copyright notice ("© 2004"): the site's year, not the page's."""
    day = parse_iso(found)
    if day and (day.month, day.day) == (1, 1):
        if any(int(m[1]) == day.year for m in _COPYRIGHT_YEAR.finditer(html, 0, 2_000_000)):
            return None
    return day


# A full date in a page's address: /2019/08/02/, /2019-03-29-slug
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/-]|$)")


SITE_NAME_WORDS = 6


def _site_name(name: str | None) -> str | None:
    """A site's name as the page's metadata gives it; a longer one is half a headline split at
    its dash ("Rewards for Justice – Reward Offer for Information on …"), not a name."""
    return name if name and len(name.split()) <= SITE_NAME_WORDS else None


def _host(url: str | None) -> str | None:
    host = urlparse(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def url_date(url: str | None) -> date | None:
    """The day in a page's address. Trusted after the page's own dates (shown beside the
    headline, in its structured data) and before a search of the page's text."""
    found = _URL_DATE.search(urlparse(url).path) if url else None
    if not found:
        return None
    try:
        return date(*map(int, found.groups()))
    except ValueError:
        return None


_TITLE_TAG = re.compile(r"<title\b[^>]*>(.*?)</title>", re.I | re.S)


def _people(authors: str) -> str:
    """trafilatura's authors, unless it cut an organisation into pieces ("Bureau of
    Democracy, Human Rights, and Labor" → "Bureau; Human Rights; Labor"): a piece of one word
    is no byline's name."""
    names = [a.strip() for a in authors.split(";") if a.strip()]
    return "" if any(len(a.split()) == 1 for a in names) else authors


def _title_tag(html: str) -> str | None:
    found = _TITLE_TAG.search(html[:200_000])
    return (_plain(found[1]) or None) if found else None


def _json_string(body: str) -> str:
    """A JSON string's text; a page's broken escape ("It\\'s") is kept as written."""
    try:
        return _plain(json.loads(f'"{body}"'))
    except ValueError:
        return _plain(body)


def _plain(markup: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def _bare_title(title: str, sitename: str | None) -> str:
    """The <title> without the site's name: "Headline | Site", "Site » Section » Headline"."""
    parts = _SEPARATOR.split(title)
    if len(parts) == 1:
        return title
    site = (sitename or "").casefold()
    rest = [p for p in parts if p.casefold() != site]
    if len(parts) > 2 or len(rest) < len(parts):
        return max(rest or parts, key=len)  # the headline is the longest of the parts
    return parts[0] if len(parts[0].split()) >= 2 else title


_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n(?:---|\.\.\.)\s*\n", re.S)


def read_markdown(path: Path, data: bytes) -> Document:
    """Markdown, with optional YAML front matter (title, date, author, url, publisher, type)."""
    import yaml  # here: ~10 ms of a process's start, which only front matter needs

    text = _text_of(data)
    front: dict = {}
    m = _FRONT_MATTER.match(text)
    if m:
        try:
            loaded = yaml.safe_load(m[1])
        except yaml.YAMLError as exc:
            raise SourceError(f"invalid front matter: {exc}") from None
        front = _scalars(loaded)
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


def _scalars(loaded: object) -> dict[str, object]:
    """Front matter with plain values, lists keeping only their strings (authors): nested
    structures, which aliases can make huge, are never turned into text."""
    if not isinstance(loaded, dict):
        return {}
    out: dict[str, object] = {}
    for key, value in loaded.items():
        if isinstance(value, str | int | float | date):
            out[str(key)] = value
        elif isinstance(value, list):
            out[str(key)] = [item for item in value if isinstance(item, str)]
    return out


def _strip_markdown(text: str) -> str:
    text = re.sub(r"^#{1,6}\s+", "", text, flags=re.M)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)", r"\1", text)
    text = re.sub(r"^\s*>\s?", "", text, flags=re.M)
    return re.sub(r"^\s*[-*+]\s+", "", text, flags=re.M)
