"""The e-mail body is the brief: the same template, blocks, theme and overrides as brief.html,
with the chart carried in the message; brief.html carries its images in itself."""

from __future__ import annotations

import base64
import html
import json
import re
import shutil
from email import message_from_bytes, policy
from pathlib import Path

import pytest
import yaml
from PIL import Image

PROJECTS = Path(__file__).parent / "projects"
CITE = re.compile("<cite.*?</cite>")


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def edition(tmp_path, cli):
    """The mixed project with a theme, a logo, a template override and a mailing list,
    built and sent as a dry run. Returns (edition folder, brief.json, .eml message)."""
    folder = tmp_path / "mixed"
    shutil.copytree(PROJECTS / "mixed", folder)
    data = yaml.safe_load((folder / "config.yaml").read_text())
    data["templates"] = "templates"
    data["theme"] = {"primary_color": "#7A1F2B", "accent_color": "#2B6A4F", "logo": "logo.png"}
    data["distribution"] = {
        "smtp": {"host": "127.0.0.1", "port": 2525, "security": "none"},
        "from": "Briefs <briefs@example.org>",
        "lists": {"all": {"recipients": ["reader@example.org"], "attach": ["pdf"]}},
    }
    (folder / "config.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    Image.new("RGB", (120, 60), "#7a1f2b").save(folder / "logo.png")
    (folder / "templates").mkdir()
    (folder / "templates" / "policy-brief.html.j2").write_text(
        '{% extends "default/policy-brief.html.j2" %}\n'
        '{% block summary %}<p class="note">Prepared for the board.</p>{{ super() }}'
        "{% endblock %}\n"
    )
    built = cli("build", folder / "config.yaml", "--as-of", "2026-11-23")
    assert built.exit_code == 0, built.output
    sent = cli("send", folder / "config.yaml", "--dry-run")
    assert sent.exit_code == 0, sent.output
    out = folder / "out" / "config" / "2026-11-23"
    raw = (out / "outbox" / "reader@example.org.eml").read_bytes()
    brief = json.loads((out / "brief.json").read_text())
    return out, brief, message_from_bytes(raw, policy=policy.default)


def first_quote(brief: dict) -> tuple[dict, dict]:
    quote = next(q for t in brief["topics"] for q in t["quotes"])
    source = next(s for s in brief["sources"] if s["id"] == quote["source"])
    return quote, source


def test_mail_html_is_the_brief_with_quotes_citations_theme_and_overrides(edition):
    _, brief, message = edition
    body = message.get_body(("html",)).get_content()
    quote, source = first_quote(brief)
    assert flat(quote["text"]) in flat(html.unescape(body))
    cites = [flat(html.unescape(re.sub("<[^>]+>", "", c))) for c in CITE.findall(body)]
    assert any(c.startswith(quote["speaker"]) and f"[{source['number']}" in c for c in cites)
    assert "#7a1f2b" in body.lower() and "#2b6a4f" in body.lower()  # the config's theme
    assert "#1a2b4c" not in body.lower()  # not the default colours
    assert "Prepared for the board." in body  # the user's template override
    assert "<style" not in body and 'style="' in body  # CSS inlined, as mail clients need
    assert f'id="src-{source["number"]}"' in body  # the sources appendix, linked


def test_mail_carries_its_images_as_related_parts(edition):
    out, _, message = edition
    body_part = message.get_body(("html",))
    body = body_part.get_content()
    assert "chart.png" not in body and "logo.png" not in body and "data:" not in body
    cids = re.findall(r'<img\b[^>]*src="cid:([^"]+)"', body)
    assert len(cids) == 2  # logo and chart
    related = next(p for p in message.walk() if p.get_content_type() == "multipart/related")
    parts = [p for p in related.iter_parts() if p.get_content_maintype() == "image"]
    images = {p["Content-ID"].strip("<>"): p.get_content() for p in parts}
    assert set(cids) <= set(images)
    assert (out / "chart.png").read_bytes() in images.values()
    assert all(data.startswith(b"\x89PNG") for data in images.values())


def test_mail_text_is_the_brief_as_text(edition):
    out, brief, message = edition
    text = message.get_body(("plain",)).get_content()
    quote, source = first_quote(brief)
    assert flat(quote["text"]) in flat(text)
    assert f"— {quote['speaker']}" in text
    brief_txt = (out / "brief.txt").read_text()
    assert flat(brief_txt) in flat(text)  # the same tree as brief.txt, plus the footer


def test_brief_html_inlines_its_images(edition):
    out, _, _ = edition
    page = (out / "brief.html").read_text()
    sources = re.findall(r'<img\b[^>]*src="([^"]*)"', page)
    assert len(sources) == 2 and all(s.startswith("data:image/png;base64,") for s in sources)
    assert "chart.png" not in page and str(out.parent.parent.parent) not in page
    inlined = {base64.b64decode(s.split(",", 1)[1]) for s in sources}
    assert (out / "chart.png").read_bytes() in inlined


def test_brief_json_reads_back_into_the_same_brief(tmp_path):
    """The mail renders brief.json again: nothing the templates show may be lost on the way."""
    from datetime import date

    from briefing.build import build
    from briefing.config import load_config
    from briefing.render.web import brief_from_dict

    folder = tmp_path / "mixed"
    shutil.copytree(PROJECTS / "mixed", folder)
    config = load_config(folder / "config.yaml")
    build(config, as_of=date(2026, 11, 19), formats=["json"])  # a previous edition: "new" marks
    result = build(config, as_of=date(2026, 11, 23), formats=["json"])
    data = json.loads((result.out_dir / "brief.json").read_text())
    assert result.brief is not None and result.brief.previous_as_of
    assert brief_from_dict(data) == result.brief
