"""A small fuzz pass over the readers: real sources of every format, truncated, with bytes
flipped, under another format's suffix, as random binary, and blown up in size. Every file
is either read into clean text or skipped with a reason, each in bounded time; the survivors
go through the cache and the writers. Seeded, so a failure is found again; under a minute."""

from __future__ import annotations

import io
import random
import time
from pathlib import Path

import pytest

from briefing.cache import DocumentCache
from briefing.errors import SourceError
from briefing.ingest import READERS, get_sources, parse
from briefing.ingest.clean import CONTROL, HIDING, UNENCODABLE

ROOT = Path(__file__).resolve().parent
SEED = 20261202
LIMIT = 3  # seconds of parsing per file (PARSE_SECONDS, lowered so that the pass is quick)


def seeds() -> dict[str, bytes]:
    """One real file of each format: the fixture sources, and a Word file, a PDF, a feed and
    a message made here."""
    out = {p.suffix: p.read_bytes() for p in sorted((ROOT / "projects" / "mixed").rglob("*.*"))}
    out.pop(".yaml", None)
    text = (ROOT / "projects" / "mixed" / "sources" / "2026-11-19_press-briefing.txt").read_text()
    out[".docx"] = _docx(text)
    out[".pdf"] = _pdf(text)
    out[".rss"] = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item>'
        b"<title>Russia answers</title><link>https://wire.example.com/a</link>"
        b"<pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate><description>Moscow said on Friday "
        b"that the Kremlin would answer the sanctions.</description></item></channel></rss>"
    )
    out[".eml"] = (
        b"From: Desk <desk@example.org>\r\nSubject: Russia note\r\nDate: Fri, 20 Nov 2026 "
        b"10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nMoscow said on "
        b"Friday that the Kremlin would answer the sanctions.\r\n"
    )
    return out


def _docx(text: str) -> bytes:
    from docx import Document as Docx

    doc = Docx()
    doc.add_heading("Department Press Briefing", 1)
    for paragraph in text.split("\n\n")[:30]:
        doc.add_paragraph(paragraph)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _pdf(text: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    y = 800
    for line in text.splitlines()[:120]:
        page.drawString(40, y, line[:100])
        y -= 14
        if y < 40:
            page.showPage()
            y = 800
    page.save()
    return out.getvalue()


def variants(rng: random.Random, suffix: str, data: bytes) -> list[tuple[str, bytes]]:
    """Broken copies of one file, each named by how it was broken."""
    out = []
    for share in (0.0, 0.01, 0.3, 0.5, 0.9):
        out.append((f"cut{int(share * 100)}", data[: int(len(data) * share)]))
    for k in range(3):
        flipped = bytearray(data)
        for _ in range(max(1, len(data) // 200)):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        out.append((f"flip{k}", bytes(flipped)))
    out.append(("random", rng.randbytes(5000)))
    out.append(("zeros", bytes(3000)))
    out.append(("utf16", data.decode("latin-1").encode("utf-16")))
    out.append(("huge", data * max(1, 1_500_000 // max(1, len(data)))))
    out.append(("one-line", b"Russia " * 150_000))
    out.append(("nested", b"<div>" * 20_000 + b"Russia" + b"</div>" * 20_000))
    return out


def fuzz_files(folder: Path) -> list[Path]:
    rng = random.Random(SEED)
    made = []
    originals = seeds()
    for suffix, data in originals.items():
        for how, broken in variants(rng, suffix, data):
            path = folder / f"{suffix[1:]}-{how}{suffix}"
            path.write_bytes(broken)
            made.append(path)
        for other in originals:  # the right bytes under the wrong suffix
            if other != suffix:
                path = folder / f"{suffix[1:]}-as{other}"
                path.write_bytes(data)
                made.append(path)
    return made


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory) -> list[Path]:
    return fuzz_files(tmp_path_factory.mktemp("fuzz"))


@pytest.fixture(autouse=True)
def time_limit(monkeypatch):
    import briefing.ingest

    monkeypatch.setattr(briefing.ingest, "PARSE_SECONDS", LIMIT)


def test_every_reader_reads_or_skips_each_broken_file_in_bounded_time(fuzzed):
    assert {p.suffix for p in fuzzed} >= set(READERS) - {
        ".text",
        ".htm",
        ".markdown",
        ".atom",
        ".xml",
    }
    slow, read, skipped = [], 0, 0
    for path in fuzzed:
        started = time.monotonic()
        try:
            docs = parse(path, path.read_bytes())
        except SourceError as exc:
            assert str(exc), path
            skipped += 1
        else:
            read += 1
            for doc in docs:
                assert isinstance(doc.text, str) and isinstance(doc.title, str)
                for text in (doc.text, doc.title):
                    assert not CONTROL.search(text) and not UNENCODABLE.search(text), path
                assert not HIDING.search(doc.title), path
                assert all(0 <= t.start <= t.end <= len(doc.text) for t in doc.turns), path
        if time.monotonic() - started > LIMIT + 2:  # the limit, and the cleaning after it
            slow.append(path.name)
    assert not slow, slow
    assert read and skipped  # both happen: the pass is not all one or the other


def test_broken_files_go_through_the_cache_and_the_writers(fuzzed, tmp_path):
    from datetime import date

    from briefing.build import build
    from briefing.config import load_config

    folder = fuzzed[0].parent
    with DocumentCache(tmp_path / "cache.sqlite") as cache:
        docs, skipped = get_sources([folder], cache)
    with DocumentCache(tmp_path / "cache.sqlite") as cache:  # now from the cache
        again, _ = get_sources([folder], cache)
    # a file read the first time comes back the same from the cache; one that ran out of
    # time the first time under load may be read the second (a timeout is not cached)
    first = {(d.path, d.text) for d in docs}
    assert first <= {(d.path, d.text) for d in again}
    assert len(again) >= len(docs)
    assert all(s.reason for s in skipped)
    config = tmp_path / "config.yaml"
    config.write_text(
        f"title: Fuzz\nsources: ['{folder}']\noutput: out\nformats: [docx, html, txt, json]\n"
        "topics:\n  - name: Russia\n    keywords: [Russia, Moscow, Kremlin]\n"
    )
    result = build(load_config(config), as_of=date(2026, 11, 30))
    assert {p.name for p in result.files} >= {"brief.docx", "brief.html", "brief.txt", "brief.json"}
