"""`briefing serve` in a real browser: Playwright drives the system Chromium against the app
served by uvicorn on 127.0.0.1. Ask for a brief and download its PDF; review and approve an
edition and see the mail carry the edit; a form from another origin is refused."""

from __future__ import annotations

import io
import re
import socket
import subprocess
import sys
import time
from datetime import date
from email import message_from_bytes, policy

import pytest
import yaml
from pypdf import PdfReader
from serving import browser, free_port, page, screenshot, served  # noqa: F401 (fixtures)
from test_deliver import mailing, smtp  # noqa: F401 (fixtures)

from briefing.build import build
from briefing.config import load_config
from briefing.deliver import find_edition, send_brief
from briefing.review import items
from briefing.serve.app import create_app

AS_OF = "2026-11-23"


def flat(text: str) -> str:
    return " ".join(text.split())


def test_ask_for_a_brief_see_its_sources_and_download_the_pdf(project, page):  # noqa: F811
    folder = project("mixed")
    app = create_app([folder / "config.yaml"])
    with served(app) as url:
        page.goto(url + "/")
        page.fill("input[name=topic]", "Taiwan Strait")
        page.check("input[name=mode][value=words]")
        page.fill("input[name=since]", "2026-11-01")
        page.fill("input[name=until]", AS_OF)
        page.fill("input[name=query]", "Taiwan drills")  # typed: the list follows
        first = page.locator("#matches ol.matches li").first
        first.wait_for()
        assert "why: " in first.inner_text() and "Taiwan" in first.inner_text()
        screenshot(page, "serve-ask.png")
        page.click("button.primary")
        page.wait_for_selector("#status.done", timeout=120_000)
        assert "/jobs/" in page.url
        with page.expect_download() as download:
            page.click("a.download:has-text('PDF')")
        pdf = download.value.path().read_bytes()
        text = flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
        assert text.startswith("%") is False and "Taiwan Strait" in text
        assert re.search(r"drills", text, re.I)
        assert "why: " in page.locator("#matches li").first.inner_text()  # on submit too
        frame = page.frame_locator("iframe.brief")
        assert "Taiwan Strait" in frame.locator("h1").first.inner_text()
        # where the job's brief went is the server's choice: under on-demand/, by the job id
        job_id = page.url.rsplit("/", 1)[1]
        assert (folder / "out" / "on-demand" / job_id / AS_OF / "brief.pdf").is_file()


def test_a_failed_request_says_why(project, page):  # noqa: F811
    folder = project("mixed")
    with served(create_app([folder / "config.yaml"])) as url:
        page.goto(url + "/")
        page.fill("input[name=topic]", "Nothing")
        page.fill("input[name=query]", "zzyzxqv")
        page.click("button.primary")
        status = page.wait_for_selector("#status.error")
        assert "no source" in status.inner_text()


@pytest.fixture
def under_review(mailing):  # noqa: F811
    path = mailing.config_path
    data = yaml.safe_load(path.read_text())
    data["distribution"]["review"] = "required"
    data["schedule"] = {"every": "monday at 07:00", "timezone": "Europe/London"}
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    config = load_config(path)
    build(config, as_of=date(2026, 11, 19))
    build(config, as_of=date(2026, 11, 23))
    return config


def test_review_and_approve_then_the_mail_carries_the_edit(under_review, smtp, page):  # noqa: F811
    config = under_review
    bullets = [i for i in items(find_edition(config.output_dir, AS_OF).data) if i.kind == "point"]
    dropped = bullets[0]
    assert send_brief(config).held  # waiting: nothing goes
    assert smtp.messages == []
    with served(create_app([config.config_path])) as url:
        page.goto(url + "/archive")
        row = page.locator("table.editions tbody tr").first
        assert "23 November 2026" in row.inner_text() and "waiting for review" in row.inner_text()
        assert "held: waits for review" in row.inner_text()
        assert page.locator("table.editions tbody tr").count() == 2  # newest first, both there
        screenshot(page, "serve-archive.png")
        row.locator("a.waiting").click()
        page.check(f"li#{dropped.key} input[name=drop]")
        page.check(f"li#{bullets[-1].key} input[name=pin]")
        page.fill("textarea[name=bottom_line]", "Expect a new sanctions round before the summit.")
        page.fill("textarea[name=note]", "Two sources this week; read with care.")
        with page.expect_navigation():
            page.click("button[value=save]")
        assert page.locator(f"li#{dropped.key}.dropped").count() == 1
        page.fill("input[name=reviewer]", "Dana Reviewer")
        screenshot(page, "serve-review.png")
        with page.expect_navigation():
            page.click("button[value=approve]")
        assert "Approved by Dana Reviewer" in page.inner_text("#review-status")
        page.goto(url + "/archive")
        assert (
            "approved by Dana Reviewer"
            in page.locator("table.editions tbody tr").first.inner_text()
        )
    report = send_brief(config)  # what `briefing send` and `briefing run` call
    assert len(report.sent) == 3 and len(smtp.messages) == 3
    for raw in smtp.messages:
        body = message_from_bytes(raw, policy=policy.default).get_body(("plain",)).get_content()
        assert "Expect a new sanctions round before the summit." in flat(body)
        assert flat(dropped.text) not in flat(body)
    assert send_brief(config).sent == []  # once per recipient


def test_a_form_from_another_origin_is_refused(project, page):  # noqa: F811
    folder = project("mixed")
    with served(create_app([folder / "config.yaml"])) as url:
        page.goto(url + "/")  # this browser has the app's cookie and a page of it open
        evil = url.replace("127.0.0.1", "localhost") + "/evil"
        page.route(
            evil,
            lambda route: route.fulfill(
                content_type="text/html",
                body=f'<form id="f" method="post" action="{url}/ask">'
                '<input name="topic" value="x"><input name="query" value="x"></form>'
                '<script>document.getElementById("f").submit()</script>',
            ),
        )
        with page.expect_response(f"{url}/ask") as response:
            page.goto(evil)
        assert response.value.status == 403
        assert app_jobs(folder) == []


def app_jobs(folder):
    return sorted((folder / "out" / "on-demand").glob("*")) if (folder / "out").exists() else []


def test_serve_listens_on_loopback_only_by_default(project, page):  # noqa: F811
    folder = project("mixed")
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "briefing",
            "serve",
            str(folder / "config.yaml"),
            "--port",
            str(port),
        ],
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                page.goto(f"http://127.0.0.1:{port}/archive")
                break
            except Exception:
                time.sleep(0.2)
        assert "Archive" in page.inner_text("h1")
        outward = outward_address()
        if outward:  # this machine's address on its network: nothing listens there
            with pytest.raises(OSError), socket.create_connection((outward, port), timeout=2):
                pass
    finally:
        server.terminate()
        server.wait(10)


def outward_address() -> str | None:
    """This machine's address towards other machines, if it has one (a UDP socket's connect
    sends nothing; it only picks the interface)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 9))
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address
