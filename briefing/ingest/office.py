"""Readers for documents made in offices: PDF (pypdf) and Word (python-docx)."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from briefing.errors import SourceError
from briefing.ingest.page import PageMeta, read_page
from briefing.model import Document

MAX_PDF_PAGES = 2_000  # bounds the work on a huge file
MAX_INFLATED = 200_000_000  # a Word file's parts unpacked: as much as any source may be
_PLACEHOLDER_AUTHORS = {
    "anonymous",
    "unknown",
    "user",
    "admin",
    "administrator",
    "author",
    "owner",
    "microsoft office user",
}


def read_pdf(path: Path, data: bytes) -> Document:
    """A PDF's text, page by page; page breaks are kept as blank lines."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):  # an empty user password opens many
            raise SourceError("encrypted PDF (needs a password)")
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES]]
        info: Any = reader.metadata or {}
    except PdfReadError as exc:
        raise SourceError(f"not a readable PDF ({exc})") from None
    if not any(p.strip() for p in pages):
        raise SourceError("PDF has no text layer (a scan?)")
    title = _meta(info, "/Title")
    author = _meta(info, "/Author")
    if author and author.casefold() in _PLACEHOLDER_AUTHORS:
        author = None  # what a PDF tool writes when nobody set an author
    meta = PageMeta(title=title, authors=(author,) if author else (), doc_type="report")
    unwrapped = [_unwrap(p) for p in pages]
    doc = read_page(path, "\n\n".join(unwrapped), meta)
    return replace(doc, page_starts=_page_starts(doc.text, unwrapped))


def _page_starts(text: str, pages: list[str]) -> tuple[int, ...]:
    """Where each page begins in the cleaned text, for citations: the first of its paragraphs
    found there, searching in page order. A page whose paragraphs were all dropped (a cover,
    a blank page) begins where the next one does."""
    starts: list[int | None] = []
    pos = 0
    for page in pages:
        found = None
        for para in page.split("\n\n"):
            probe = para[:80]
            if len(probe) >= 12 and (i := text.find(probe, pos)) >= 0:
                found = pos = i
                break
        starts.append(found)
    filled: list[int] = []
    following = len(text)
    for start in reversed(starts):
        following = following if start is None else start
        filled.append(following)
    filled.reverse()
    return (0, *filled[1:]) if filled else ()


def _meta(info: object, key: str) -> str | None:
    value = info.get(key) if hasattr(info, "get") else None
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _unwrap(page: str) -> str:
    """Join lines broken by the layout into paragraphs; keep blank-line breaks."""
    paragraphs = re.split(r"\n\s*\n", page)
    joined = [re.sub(r"-\n(?=[a-z])", "", p).replace("\n", " ") for p in paragraphs]
    return "\n\n".join(" ".join(p.split()) for p in joined if p.strip())


def _check_inflated_size(data: bytes) -> None:
    """A zip names the unpacked size of each part, and reading stops there (a part that says
    less than it holds fails its checksum), so the sizes bound the work before it starts."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            inflated = sum(item.file_size for item in package.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise SourceError(f"not a readable Word document ({exc})") from None
    if inflated > MAX_INFLATED:
        raise SourceError(f"inflates to more than {MAX_INFLATED // 1_000_000} MB")


def read_docx(path: Path, data: bytes) -> Document:
    """A Word document: paragraphs, the first heading as title, core properties."""
    import docx

    _check_inflated_size(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise SourceError(f"not a readable Word document ({type(exc).__name__})") from None
    props = document.core_properties
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    heading = next(
        (
            p.text.strip()
            for p in paragraphs
            if p.style is not None and p.style.name.startswith(("Title", "Heading"))
        ),
        None,
    )
    title = (props.title or "").strip() or heading
    body = [p.text.strip() for p in paragraphs if p.text.strip() != title]
    if not body:
        raise SourceError("Word document has no text")
    meta = PageMeta(
        title=title,
        date=(props.created.date() if props.created else None),
        authors=(props.author.strip(),) if props.author and props.author.strip() else (),
    )
    return read_page(path, "\n\n".join(body), meta)
