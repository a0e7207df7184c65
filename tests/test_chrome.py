"""Report pages: the text starts at the report's first heading, with no site chrome."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from briefing.ingest import read_file
from briefing.ingest.chrome import container_paragraphs, without_chrome
from conftest import PROJECTS, SHARED

REPORT = PROJECTS / "report-page" / "2026-10-05_country-report.html"
REPORTS = SHARED / "corpus" / "state-dept-human-rights-2023"
CHROME = (
    "Download Report", "Translations", "In this section", "Home", "Choose another country",
    "Syldavia", "Build Your Custom Report", "Privacy", "Offices",
)  # fmt: skip


def test_a_report_page_opens_at_its_first_heading():
    doc = read_file(REPORT)
    assert doc.title == "2026 Report on Water Rights: Freedonia"
    assert doc.text.startswith("Summary of Findings\n\nFreedonia's water authority closed")
    assert doc.text.rstrip().endswith("confidentiality of state water surveys.")
    for word in CHROME:
        assert word not in doc.text.split("\n\n")[0] and f"\n{word}" not in doc.text


def test_link_lists_go_and_prose_with_links_stays():
    html = (
        "<html><body><div><a href='/1'>One</a> <a href='/2'>Two</a> <a href='/3'>Three</a></div>"
        "<p>The ministry's <a href='/r'>annual report</a> lists the closures, district by "
        "district, and the <a href='/d'>data annex</a> gives the dates.</p>"
        "<h3><a href='/x'>Share</a></h3><h3>Findings</h3></body></html>"
    )
    out = without_chrome(html)
    assert "One" not in out and "Share" not in out
    assert "annual report" in out and "Findings" in out


def test_a_paragraph_that_is_one_link_to_another_story_goes():
    html = (
        "<html><body><p>The council voted on Monday to close the <a href='/b'>bridge</a> for "
        "repairs over the summer.</p>"
        "<p>Related: <a href='/other'>Ten bridges that fell down in the last decade</a></p>"
        "<p><a href='/report'>The engineers' report</a> says the cables are worn.</p>"
        "</body></html>"
    )
    out = without_chrome(html)
    assert "Ten bridges" not in out
    assert "close the" in out and "the cables are worn" in out  # prose with a link stays


def test_run_on_text_is_split_at_the_article_containers_paragraphs():
    sentence = "Paragraph {} says something of its own. "
    paragraphs = "".join("<p>" + sentence.format(i) * 10 + "</p>" for i in range(6))
    html = f"<html><body><div><div><h2>Heading</h2>{paragraphs}</div></div></body></html>"
    found = container_paragraphs(html)
    assert found is not None and found[0] == "Heading" and len(found) == 7
    assert container_paragraphs("<html><body><p>short</p></body></html>") is None


@pytest.mark.skipif(not REPORTS.is_dir(), reason="../shared is not beside the repo")
def test_state_department_country_reports_are_clean():
    spec = importlib.util.spec_from_file_location("scoring", SHARED / "eval" / "scoring.py")
    assert spec and spec.loader
    scoring = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scoring)
    golds, preds = {}, {}
    for page in sorted((REPORTS / "html").glob("*.html")):
        gold = (REPORTS / "text" / f"{page.stem}.txt").read_text(encoding="utf-8")
        golds[page.stem] = gold.split("\n", 1)[1]  # without the title line added to text/
        doc = read_file(page)
        preds[page.stem] = doc.text
        first = doc.text.split("\n\n", 1)[0]
        assert len(first.split()) <= 6 and "Home" not in first, (page.name, first)
    assert scoring.score_extraction(golds, preds)["precision"] >= 0.99


def test_text_pages_are_untouched(tmp_path: Path):
    page = tmp_path / "note.txt"
    page.write_text("Title line\n\nHome Reports Download Report is just text here.\n")
    assert "Download Report" in read_file(page).text


def test_a_date_in_the_address_comes_before_a_search_of_the_text(tmp_path: Path):
    from briefing.ingest.readers import url_date

    assert str(url_date("https://example.org/news/2019/08/02/slug/")) == "2019-08-02"
    assert str(url_date("https://example.org/2019-03-29-leader-spotlight")) == "2019-03-29"
    assert url_date("https://example.org/2019/13/02/x") is None
    assert url_date("https://example.org/item/20190802") is None
    page = tmp_path / "page.html"
    body = "<p>" + "The council met again to discuss the harbour dredging plan. " * 8 + "</p>"
    page.write_text(
        "<html><head><title>Harbour plan</title>"
        '<link rel="canonical" href="https://news.example.org/2021/06/14/harbour-plan/">'
        f"</head><body><h1>Harbour plan</h1>{body}<p>Archive: 3 January 2005</p></body></html>"
    )
    assert str(read_file(page).date) == "2021-06-14"
