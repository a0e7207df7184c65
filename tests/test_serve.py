"""`briefing serve` without a browser: safe defaults (loopback, password, CSRF, Host), the
bounded build queue, and paths that never come from the request."""

from __future__ import annotations

import base64
import re
import threading
from datetime import date

import pytest
from starlette.testclient import TestClient

from briefing.build import build
from briefing.config import load_config
from briefing.model import BuildResult
from briefing.serve.app import create_app
from briefing.serve.security import TOKEN_ENV, is_loopback, token_for

BASE = "http://127.0.0.1:8000"


@pytest.fixture
def mixed(project):
    folder = project("mixed")
    build(load_config(folder / "config.yaml"), as_of=date(2026, 11, 23))
    return folder


def client(app, **kwargs) -> TestClient:
    return TestClient(app, base_url=BASE, **kwargs)


def csrf(web: TestClient, path: str = "/") -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', web.get(path).text)[1]


def test_another_host_needs_a_password_from_the_environment(cli, mixed, monkeypatch):
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    result = cli("serve", mixed / "config.yaml", "--host", "0.0.0.0")
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and result.output.startswith("Error: --host 0.0.0.0")
    assert TOKEN_ENV in result.output
    assert token_for("127.0.0.1", {}) is None and token_for("::1", {}) is None
    assert token_for("0.0.0.0", {TOKEN_ENV: "s3cret"}) == "s3cret"
    assert is_loopback("localhost") and not is_loopback("192.168.1.4")


def test_a_password_is_asked_for_when_set(mixed):
    app = create_app([mixed / "config.yaml"], token="s3cret", loopback=False)
    with client(app) as web:
        assert web.get("/archive").status_code == 401
        bad = base64.b64encode(b"dana:wrong").decode()
        assert web.get("/archive", headers={"Authorization": f"Basic {bad}"}).status_code == 401
        good = base64.b64encode(b"dana:s3cret").decode()
        assert web.get("/archive", headers={"Authorization": f"Basic {good}"}).status_code == 200


def test_post_without_the_csrf_token_or_from_another_origin_is_403(mixed):
    with client(create_app([mixed / "config.yaml"])) as web:
        token = csrf(web)
        form = {"topic": "Taiwan", "query": "Taiwan", "mode": "words", "until": "2026-11-23"}
        assert web.post("/ask", data=form, follow_redirects=False).status_code == 403
        assert web.post("/ask", data=form | {"csrf": "0" * 64}).status_code == 403
        evil = {"Origin": "http://evil.example"}
        refused = web.post("/ask", data=form | {"csrf": token}, headers=evil)
        assert refused.status_code == 403
        refused = web.post("/ask", data=form | {"csrf": token}, headers={"Referer": "http://x/"})
        assert refused.status_code == 403
        ok = web.post(
            "/ask", data=form | {"csrf": token}, headers={"Origin": BASE}, follow_redirects=False
        )
        assert ok.status_code == 303 and ok.headers["location"].startswith("/jobs/q")


def test_a_review_post_needs_the_token_too(mixed):
    with client(create_app([mixed / "config.yaml"])) as web:
        refused = web.post("/review/config/2026-11-23", data={"action": "approve", "reviewer": "x"})
        assert refused.status_code == 403
        assert not (mixed / "out" / "config" / "reviews").exists()


def test_a_loopback_server_answers_loopback_names_only(mixed):
    with client(create_app([mixed / "config.yaml"])) as web:
        assert web.get("/archive", headers={"Host": "attacker.example:8000"}).status_code == 400
        assert web.get("/archive", headers={"Host": "localhost:8000"}).status_code == 200


def test_a_slow_brief_does_not_block_pages_and_a_full_queue_is_busy(mixed):
    release, started = threading.Event(), threading.Event()

    def slow(config, request, progress):
        progress("Reading sources")
        started.set()
        release.wait(30)
        return BuildResult(out_dir=config.output_dir / "none")

    app = create_app([mixed / "config.yaml"], builder=slow, queue_size=1)
    with client(app) as web:
        try:
            token = csrf(web)
            form = {"topic": "T", "query": "Taiwan", "mode": "words", "csrf": token}
            first = web.post("/ask", data=form, follow_redirects=False).headers["location"]
            assert started.wait(10)
            assert "Reading sources" in web.get(first).text  # progress, page refreshing
            assert web.get("/archive").status_code == 200  # pages go on during the build
            assert web.post("/ask", data=form, follow_redirects=False).status_code == 303
            busy = web.post("/ask", data=form)
            assert busy.status_code == 503 and "busy" in busy.text
        finally:
            release.set()


@pytest.mark.parametrize(
    "path",
    [
        "/archive/config/2026-11-23/..%2F..%2Fconfig.yaml",
        "/archive/config/..%2F..%2Fsources/pdf",
        "/archive/other/2026-11-23/pdf",
        "/archive/config/2026-11-23/state",
        "/jobs/q1/pdf",
    ],
)
def test_files_are_named_by_the_server_never_by_the_request(mixed, path):
    with client(create_app([mixed / "config.yaml"])) as web:
        assert web.get(path).status_code == 404


def test_archive_lists_editions_with_files_and_schedule(mixed):
    with client(create_app([mixed / "config.yaml"])) as web:
        page = web.get("/archive").text
        assert "23 November 2026" in page and "none (no schedule)" in page
        assert "(manual)" in page  # the last build and why
        pdf = web.get("/archive/config/2026-11-23/pdf")
        assert pdf.content.startswith(b"%PDF")
        assert "attachment" in pdf.headers["content-disposition"]
        html = web.get("/archive/config/2026-11-23/html")
        assert "default-src 'none'" in html.headers["content-security-policy"]


def test_old_on_demand_briefs_are_pruned(mixed, monkeypatch):
    from briefing.serve import jobs

    monkeypatch.setattr(jobs, "KEEP_BUILT", 2)
    root = mixed / "out" / "on-demand"
    for n in range(4):
        (root / f"q20261201-00000{n}-0000000{n}").mkdir(parents=True)
    (root / "mine").mkdir()
    worker = jobs.Worker(root, {})
    worker._prune()
    assert sorted(p.name for p in root.iterdir()) == [
        "mine",
        "q20261201-000002-00000002",
        "q20261201-000003-00000003",
    ]
    worker.close()


def test_review_edits_are_saved_previewed_and_approval_needs_a_name(mixed):
    from briefing.deliver import find_edition
    from briefing.review import items, load_edits

    config = load_config(mixed / "config.yaml")
    first = items(find_edition(config.output_dir, "2026-11-23").data)[0]
    with client(create_app([mixed / "config.yaml"])) as web:
        token = csrf(web, "/review/config/2026-11-23")
        form = {
            "csrf": token,
            "drop": [first.key, "p-not-a-key"],
            "bottom_line": "The bottom line.",
            "action": "approve",
            "reviewer": "  ",
        }
        refused = web.post("/review/config/2026-11-23", data=form)
        assert refused.status_code == 400 and "say who approves" in refused.text
        assert load_edits(config, "2026-11-23").drop == (first.key,)  # saved, unknown key not
        preview = web.get("/review/config/2026-11-23/preview").text
        assert "The bottom line." in preview and first.text not in preview
        assert web.get("/archive/config/2026-11-23/html").text.count(first.text) >= 1
