"""Readers for things that arrive: RSS/Atom feeds (one document per entry) and saved emails."""

from __future__ import annotations

import calendar
import email
import socket
import threading
from datetime import UTC, date, datetime
from email import policy
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path
from typing import Any

import lxml.html

from briefing.errors import SourceError
from briefing.ingest.clean import clean_document
from briefing.ingest.page import PageMeta, read_page
from briefing.model import Document, Skipped

MAX_ENTRIES = 1_000


def html_to_text(html: str) -> str:
    """Readable text of an HTML fragment: one paragraph per block element."""
    if not html.strip():
        return ""
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html
    for bad in root.xpath("//script|//style|//head"):
        bad.drop_tree()
    for block in root.xpath("//p|//div|//li|//h1|//h2|//h3|//h4|//br|//tr|//blockquote"):
        block.tail = "\n\n" + (block.tail or "")
    return "\n\n".join(" ".join(p.split()) for p in root.text_content().split("\n\n") if p.strip())


def read_feed(path: Path, data: bytes, link: str | None = None) -> list[Document]:
    """An RSS or Atom feed: each entry a document, with its full content when the feed has it.

    ``link`` is the feed's own address when it was fetched from the web."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        raise SourceError(f"not a readable feed ({type(feed.bozo_exception).__name__})")
    publisher = feed.feed.get("title")
    docs = []
    for i, entry in enumerate(feed.entries[:MAX_ENTRIES]):
        body = _entry_body(entry)
        if not body.strip():
            continue
        meta = PageMeta(
            title=" ".join(entry.get("title", "").split()) or None,
            date=_entry_date(entry),
            authors=tuple(a.get("name") for a in entry.get("authors", []) if a.get("name")),
            publisher=publisher,
            url=entry.get("link") or link,
            doc_type="news",
        )
        docs.append(read_page(Path(f"{path}#{entry.get('id') or i}"), body, meta))
    if not docs:
        raise SourceError("feed has no entries with text")
    return docs


MAX_FEED_BYTES = 20_000_000


def fetch_feeds(urls: list[str], timeout: float = 30) -> tuple[list[Document], list[Skipped]]:
    """Fetch and read RSS/Atom feeds from the web; a feed that fails is skipped with why.
    Each gets ``timeout`` seconds in all, however slowly its server answers."""
    import http.client
    import urllib.error
    import urllib.request

    docs: list[Document] = []
    skipped: list[Skipped] = []
    for url in urls:
        request = urllib.request.Request(url, headers={"User-Agent": "briefing (feed reader)"})
        watch = _Deadline(timeout)
        try:
            with watch, watch.opener().open(request, timeout=timeout) as response:
                data = _read_all(response)
            if watch.expired:  # the body was cut short, not ended
                raise TimeoutError
            if len(data) > MAX_FEED_BYTES:
                raise SourceError("feed larger than 20 MB")
            fetched = read_feed(Path(url.split("://", 1)[1]), data, link=url)
            docs += [clean_document(doc) for doc in fetched]
        except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
            why = f"no complete answer within {timeout:g} s" if watch.expired else None
            skipped.append(
                Skipped(Path(url), f"cannot fetch: {why or getattr(exc, 'reason', exc)}")
            )
        except SourceError as exc:
            skipped.append(Skipped(Path(url), str(exc)))
    return docs, skipped


def _read_all(response: Any) -> bytes:
    chunks, size = [], 0
    while size <= MAX_FEED_BYTES and (chunk := response.read1(65536)):
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


class _Deadline:
    """Shuts a request's sockets when its time is up: a socket's own time-out bounds each
    read only, and a server sending a byte every few seconds (headers or body) would never
    be cut off."""

    def __init__(self, seconds: float):
        self.sockets: list[socket.socket] = []
        self.expired = False
        self.timer = threading.Timer(seconds, self._expire)
        self.timer.daemon = True

    def __enter__(self) -> _Deadline:
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.cancel()

    def _expire(self) -> None:
        self.expired = True
        for sock in self.sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:  # already closed
                pass

    def opener(self) -> Any:
        """A urllib opener whose connections this deadline can shut."""
        import http.client
        import urllib.request

        seen = self.sockets

        class HTTP(http.client.HTTPConnection):
            def connect(self) -> None:
                super().connect()
                seen.append(self.sock)

        class HTTPS(http.client.HTTPSConnection):
            def connect(self) -> None:
                super().connect()
                seen.append(self.sock)

        class Plain(urllib.request.HTTPHandler):
            def http_open(self, req: Any) -> Any:
                return self.do_open(HTTP, req)

        class Secure(urllib.request.HTTPSHandler):
            def https_open(self, req: Any) -> Any:
                return self.do_open(HTTPS, req, context=self._context)  # type: ignore[attr-defined]

        return urllib.request.build_opener(Plain, Secure)


def _entry_body(entry: Any) -> str:
    contents = entry.get("content") or []
    html = max((c.get("value", "") for c in contents), key=len, default="")
    text = html_to_text(html) or html_to_text(entry.get("summary", ""))
    link = entry.get("link")
    if not contents and link:
        text = f"{text}\n\n{link}" if text else link  # only a summary: point to the page
    return text


def _entry_date(entry: Any) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC).date()


def read_eml(path: Path, data: bytes) -> Document:
    """A saved email newsletter: subject, sender, date, and its HTML or text body."""
    message = email.message_from_bytes(data, policy=policy.default)
    if not isinstance(message, EmailMessage) or not message.keys():
        raise SourceError("not an email message")
    html = message.get_body(("html",))
    plain = message.get_body(("plain",))
    if html is not None:
        text = html_to_text(html.get_content())
    elif plain is not None:
        text = plain.get_content()
    else:
        raise SourceError("email has no text or HTML body")
    if not text.strip():
        raise SourceError("email body is empty")
    name, address = parseaddr(str(message.get("From", "")))
    sent = message.get("Date")
    when = sent.datetime.date() if sent is not None and getattr(sent, "datetime", None) else None
    meta = PageMeta(
        title=" ".join(str(message.get("Subject", "")).split()) or None,
        date=when,
        authors=(name or address,) if (name or address) else (),
        publisher=name or (address.rpartition("@")[2] if address else None),
        doc_type="newsletter",
    )
    return read_page(path, text, meta)
