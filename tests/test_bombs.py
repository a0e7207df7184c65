"""Inputs built to exhaust: a DOCX that inflates to gigabytes, an HTML page of a million
paragraphs, a regex that backtracks for ever, a feed that drips, a parse that never ends."""

from __future__ import annotations

import io
import socket
import threading
import time
import zipfile
from pathlib import Path

import pytest

from briefing.errors import SourceError
from briefing.ingest import read_file
from briefing.ingest.feeds import fetch_feeds


def drip_server(
    interval: float, for_seconds: float, *, headers: bool = False
) -> tuple[socket.socket, str]:
    """An HTTP server on 127.0.0.1 that answers with a feed one byte every ``interval`` (its
    headers too, with ``headers``)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def serve() -> None:
        conn, _ = listener.accept()
        conn.recv(65536)
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
        conn.sendall(b"" if headers else head + b"\r\n")
        end = time.monotonic() + for_seconds
        try:
            while time.monotonic() < end:
                conn.sendall(head[:1] if headers else b"<")
                head = head[1:] or b"X-Slow: 1\r\n"
                time.sleep(interval)
        except OSError:  # the client hung up: what it should do
            pass
        finally:
            conn.close()

    threading.Thread(target=serve, daemon=True).start()
    return listener, f"http://127.0.0.1:{listener.getsockname()[1]}/feed.rss"


@pytest.mark.parametrize("headers", [False, True])
def test_a_feed_that_drips_a_byte_at_a_time_is_cut_off_by_a_total_deadline(headers):
    listener, url = drip_server(interval=0.5, for_seconds=20, headers=headers)
    try:
        started = time.monotonic()
        docs, skipped = fetch_feeds([url], timeout=2)
        took = time.monotonic() - started
    finally:
        listener.close()
    assert docs == [] and took < 5, took
    assert [s.reason for s in skipped] == ["cannot fetch: no complete answer within 2 s"]


def docx_bomb(inflated: int) -> bytes:
    """A valid DOCX whose document.xml inflates to ``inflated`` bytes of one repeated run."""
    from docx import Document as Docx

    plain = io.BytesIO()
    doc = Docx()
    doc.add_paragraph("Russia and the Kremlin answered the sanctions on Monday.")
    doc.save(plain)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(plain.getvalue())) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                head, tail = data.split(b"</w:body>")
                run = b"<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>"
                with dst.open(item.filename, "w", force_zip64=True) as member:
                    member.write(head)
                    chunk = run * (1_000_000 // len(run))
                    for _ in range(inflated // len(chunk)):
                        member.write(chunk)
                    member.write(b"</w:body>" + tail)
            else:
                dst.writestr(item, data)
    return out.getvalue()


def test_a_docx_that_inflates_to_gigabytes_is_skipped_before_it_is_read(tmp_path):
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(docx_bomb(400_000_000))
    assert bomb.stat().st_size < 5_000_000
    started = time.monotonic()
    with pytest.raises(SourceError, match="inflates to more than"):
        read_file(bomb)
    assert time.monotonic() - started < 2


def million_paragraphs(path):
    path.write_text(
        "<html><body>"
        + "".join(f"<p>Russia said {i} things.</p>" for i in range(1_000_000))
        + "</body></html>"
    )
    return path


def test_an_html_page_of_a_million_paragraphs_is_stopped_by_the_time_limit(tmp_path, monkeypatch):
    import briefing.ingest

    monkeypatch.setattr(briefing.ingest, "PARSE_SECONDS", 2)
    page = million_paragraphs(tmp_path / "million.html")
    started = time.monotonic()
    with pytest.raises(SourceError, match="took more than 2 s to read"):
        read_file(page)
    assert time.monotonic() - started < 8


def test_a_boilerplate_regex_that_backtracks_is_a_config_error(project):
    from briefing.config import load_config
    from briefing.errors import ConfigError

    folder = project("mixed")
    path = folder / "config.yaml"
    path.write_text(path.read_text() + "boilerplate:\n  - pattern: '(\\w+\\s?)+$'\n")
    started = time.monotonic()
    with pytest.raises(ConfigError, match=r"boilerplate\[0\]\.pattern: .*this pattern backtracks"):
        load_config(path)
    assert time.monotonic() - started < 5


def test_a_boilerplate_regex_is_given_a_time_limit_on_each_paragraph(caplog):
    import regex

    from briefing.ingest.repeated import apply_rules
    from briefing.model import Document

    slow = regex.compile(r"(a|aa)+$")  # a probe at config load might miss some shape
    doc = Document(path=Path("x.txt"), title="T", text="Russia.\n\n" + "a" * 3000 + "!")
    started = time.monotonic()
    assert apply_rules([doc, doc], [(slow, None)]) == [doc, doc]
    assert time.monotonic() - started < 5
    assert sum("took more than" in r.message for r in caplog.records) == 1  # then left out


@pytest.mark.parametrize("once", [False, True])
def test_run_answers_sigterm_within_seconds_while_a_bomb_is_being_parsed(project, once):
    import signal
    import subprocess
    import sys

    folder = project("mixed")
    million_paragraphs(folder / "sources" / "2026-11-21_million.html")
    config = folder / "config.yaml"
    config.write_text(config.read_text() + "watch:\n  poll_seconds: 1\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "run", str(config), *(["--once"] if once else [])],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        time.sleep(4)  # the first build is reading the page
        assert process.poll() is None
        process.send_signal(signal.SIGTERM)
        started = time.monotonic()
        out, _ = process.communicate(timeout=30)
        took = time.monotonic() - started
    finally:
        process.kill()
    assert took < 5, (took, out)
    if once:  # the pass did not finish: exit 1, and the brief says why
        assert process.returncode == 1 and "config: stopped" in out, out
    else:
        assert process.returncode == 0 and "stopped during a build" in out, out
    leftovers = [p.name for p in (folder / "out" / "config").iterdir() if ".tmp-" in p.name]
    assert leftovers == []


STOPPED_IN_PARALLEL_PARSE = """
import os, signal, sys, time
from pathlib import Path
import briefing.ingest
from briefing.build import build
from briefing.config import load_config
from briefing.scheduler import Stopped

def slow(path, data):
    (Path(sys.argv[2]) / str(os.getpid())).touch()
    time.sleep(60)

def interrupt(*_):
    raise Stopped

briefing.ingest.parse = slow
signal.signal(signal.SIGTERM, interrupt)  # as `briefing run` does during a build
try:
    build(load_config(Path(sys.argv[1])))
except Stopped:
    print("stopped")
"""


def test_a_build_stopped_during_the_parallel_parse_does_not_wait_for_its_workers(project, tmp_path):
    import signal
    import subprocess
    import sys

    from briefing.ingest import PARALLEL_FROM

    folder = project("mixed")
    for i in range(PARALLEL_FROM + 6):
        (folder / "sources" / f"extra-{i}.txt").write_text(f"Note {i} on Russia.\n")
    seen = tmp_path / "workers"
    seen.mkdir()
    script = tmp_path / "stopped.py"
    script.write_text(STOPPED_IN_PARALLEL_PARSE)
    process = subprocess.Popen(
        [sys.executable, str(script), str(folder / "config.yaml"), str(seen)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not any(seen.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGTERM)
        started = time.monotonic()
        out, _ = process.communicate(timeout=30)
        took = time.monotonic() - started
    finally:
        process.kill()
    assert out.strip() == "stopped" and took < 5, (took, out)
