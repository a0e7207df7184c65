"""Readers for PDF, Word, RSS/Atom feeds and saved emails, written here and read back."""

from __future__ import annotations

import json
from datetime import date
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from briefing.cache import DocumentCache
from briefing.ingest import get_sources, read_documents, read_file

PARAGRAPHS = [
    "The ministry published its annual assessment of sanctions on Monday.",
    "Exports of dual-use goods to Russia fell by a third over the year, the report found.",
]


def make_pdf(path: Path, pages: list[list[str]], title: str = "Annual Sanctions Review") -> None:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle(title)
    pdf.setAuthor("Example Ministry")
    for lines in pages:
        y = 780
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 40
        pdf.showPage()
    pdf.save()


def test_pdf_text_title_and_author(tmp_path):
    path = tmp_path / "2026-03-01_review.pdf"
    make_pdf(path, [PARAGRAPHS, ["Page two discusses enforcement in the Baltic states."]])
    doc = read_file(path)
    assert doc.title == "Annual Sanctions Review"
    assert doc.authors == ("Example Ministry",)
    assert doc.date == date(2026, 3, 1) and doc.doc_type == "report"
    assert PARAGRAPHS[1] in doc.text and "enforcement in the Baltic" in doc.text


def test_pdf_placeholder_author_is_no_author(tmp_path):
    path = tmp_path / "review.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)  # reportlab writes "anonymous" by default
    pdf.drawString(72, 780, PARAGRAPHS[0])
    pdf.save()
    assert read_file(path).authors == ()


def test_pdf_without_text_is_skipped(tmp_path):
    path = tmp_path / "scan.pdf"
    make_pdf(path, [[]])
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    _, skipped = get_sources([tmp_path])
    reasons = {s.path.name: s.reason for s in skipped}
    assert reasons["scan.pdf"] == "PDF has no text layer (a scan?)"
    assert "broken.pdf" in reasons


def test_docx_heading_paragraphs_and_properties(tmp_path):
    document = docx.Document()
    document.core_properties.author = "A. Analyst"
    document.add_heading("Memo on Arctic Shipping", level=1)
    for text in PARAGRAPHS:
        document.add_paragraph(text)
    path = tmp_path / "memo.docx"
    document.save(str(path))
    doc = read_file(path)
    assert doc.title == "Memo on Arctic Shipping"
    assert doc.authors == ("A. Analyst",)
    assert doc.text == "\n\n".join(PARAGRAPHS)


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire: Europe</title><link>https://wire.example.com</link>
<item><title>Talks on the grain corridor resume</title>
<link>https://wire.example.com/grain</link><guid>grain-1</guid>
<pubDate>Tue, 17 Nov 2026 09:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Negotiators met in Istanbul on Tuesday.</p>
<p>“We are close to an agreement on inspections,” said the mediator, Ayse Demir.</p>
]]></content:encoded>
</item>
<item><title>Only a summary here</title><link>https://wire.example.com/summary</link>
<guid>s-2</guid><pubDate>Wed, 18 Nov 2026 10:00:00 GMT</pubDate>
<description>A short summary of a longer story about Moldova.</description></item>
</channel></rss>
"""


def test_feed_entries_become_documents(tmp_path):
    path = tmp_path / "europe.rss"
    path.write_text(FEED)
    first, second = read_documents(path)
    assert first.title == "Talks on the grain corridor resume"
    assert first.date == date(2026, 11, 17) and first.url == "https://wire.example.com/grain"
    assert first.publisher == "Example Wire: Europe"
    assert "Negotiators met in Istanbul on Tuesday." in first.text
    assert str(first.path).endswith("europe.rss#grain-1")
    assert second.text.endswith("https://wire.example.com/summary")  # summary plus link
    with DocumentCache(tmp_path / "cache.sqlite") as cache:
        docs, _ = get_sources([path], cache)
        again, _ = get_sources([path], cache)
    assert [d.path for d in again] == [d.path for d in docs] == [first.path, second.path]


def test_malformed_feed_is_skipped(tmp_path):
    (tmp_path / "bad.xml").write_text("<rss><channel><item><title>broken")
    docs, skipped = get_sources([tmp_path])
    assert docs == [] and skipped[0].path.name == "bad.xml"


def test_email_newsletter(tmp_path):
    message = EmailMessage()
    message["From"] = "Eurasia Weekly <news@eurasia.example.org>"
    message["Subject"] = "Eurasia Weekly: the Caucasus after the elections"
    message["Date"] = "Fri, 20 Nov 2026 08:00:00 +0000"
    message.set_content("Plain version.")
    message.add_alternative(
        "<html><body><h1>This week</h1><p>"
        + PARAGRAPHS[0]
        + "</p><p>"
        + PARAGRAPHS[1]
        + "</p></body></html>",
        subtype="html",
    )
    path = tmp_path / "weekly.eml"
    path.write_bytes(bytes(message))
    doc = read_file(path)
    assert doc.title == "Eurasia Weekly: the Caucasus after the elections"
    assert doc.date == date(2026, 11, 20) and doc.doc_type == "newsletter"
    assert doc.authors == ("Eurasia Weekly",)
    assert PARAGRAPHS[1] in doc.text


@pytest.mark.parametrize("count", [80])
def test_many_files_are_parsed_in_parallel_with_the_same_result(tmp_path, count):
    for i in range(count):
        (tmp_path / f"note-{i:03d}.md").write_text(f"# Note {i}\n\nRussia and item {i}.\n")
    docs, skipped = get_sources([tmp_path])  # ≥ PARALLEL_FROM files: worker processes
    assert skipped == [] and [d.title for d in docs] == [f"Note {i}" for i in range(count)]


def test_sources_command_lists_read_skipped_and_merged(tmp_path, cli):
    sources = tmp_path / "sources"
    sources.mkdir()
    body = " ".join(PARAGRAPHS * 4)
    (sources / "2026-11-20_release.txt").write_text(f"Sanctions Review Published\n\n{body}\n")
    (sources / "2026-11-20_release.html").write_text(
        "<html><head><title>Sanctions Review Published</title>"
        '<link rel="canonical" href="https://ministry.example.org/review"></head>'
        f"<body><article><h1>Sanctions Review Published</h1><p>{body}</p></article></body></html>"
    )
    (sources / "other.md").write_text("# Something else\n\nA different note about Iran.\n")
    (sources / "empty.txt").write_text("")
    config = tmp_path / "c.yaml"
    config.write_text("title: T\nsources: [sources]\ntopics: [{name: A, keywords: [a]}]\n")
    result = cli("sources", config)
    assert result.exit_code == 0, result.output
    assert (
        "3 documents read, 1 files skipped, 1 merged into 1 near-duplicate groups" in result.output
    )
    assert "duplicates of sources/2026-11-20_release.html: sources/2026-11-20_release.txt" in (
        result.output
    )
    assert "skipped sources/empty.txt: empty file" in result.output


def test_feed_fetched_from_a_url(tmp_path):
    import http.server
    import threading
    from functools import partial

    (tmp_path / "feed.rss").write_text(FEED)
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        from briefing.build import build
        from briefing.config import load_config

        port = server.server_address[1]
        config = tmp_path / "c.yaml"
        config.write_text(
            f"title: T\nsources: ['http://127.0.0.1:{port}/feed.rss',"
            f" 'http://127.0.0.1:{port}/missing.rss']\noutput: out\nformats: [json]\n"
            "topics: [{name: Grain, keywords: [grain, Istanbul]}]\n"
        )
        result = build(load_config(config), as_of=date(2026, 11, 30))
    finally:
        server.shutdown()
        server.server_close()
    import json

    data = json.loads((result.out_dir / "brief.json").read_text())
    assert [s["url"] for s in data["sources"]] == ["https://wire.example.com/grain"]
    assert [s.reason for s in result.skipped] == ["cannot fetch: File not found"]  # the 404


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        # the <h1> that says what the <title> says, without the site's name
        (
            "<title>Talks Resume in Geneva | Example News</title>",
            "<h1>Talks Resume in Geneva</h1>",
            "Talks Resume in Geneva",
        ),
        # a kicker inside the <h1>: the structured-data headline is the headline
        (
            "<title>Open Progress - Why thinking together wins | The Paper</title><script type="
            '"application/ld+json">{"@type": "NewsArticle", "headline": "Why thinking together '
            'wins"}</script>',
            "<h1><span>Open Progress</span><br><span>Why thinking together wins</span></h1>",
            "Why thinking together wins",
        ),
        # the <title> shortens the headline that the <h1> gives in full
        (
            "<title>How to Care for Hydrangeas | Real Pages</title>",
            "<h1>How to Care for Hydrangeas to Get the Best Blooms</h1>",
            "How to Care for Hydrangeas to Get the Best Blooms",
        ),
        # an <h1> that links to the home page is the site's name
        (
            "<title>Four Years Remaining » Blog Archive » Interning of Small Integers</title>",
            '<h1><a href="http://fouryears.example/">Four Years Remaining</a></h1>',
            "Interning of Small Integers",
        ),
        # structured data with a broken escape does not make the page unreadable
        (
            '<title>Talks Resume | Site</title><script type="application/ld+json">'
            '{"headline": "It\\q broke"}</script>',
            "<h1>Talks Resume</h1>",
            "Talks Resume",
        ),
        # the page's only heading, when the <title> is the page's place in the site
        (
            "<title>About Us - Shabka</title>",
            "<h1>The strategic Think &amp; Do Tank</h1>",
            "The strategic Think & Do Tank",
        ),
    ],
)
def test_html_headline(tmp_path, head, body, title):
    page = tmp_path / "page.html"
    paragraph = "<p>" + "The delegations met for a long day of talks about the accord. " * 8
    page.write_text(f"<html><head>{head}</head><body>{body}{paragraph}</p></body></html>")
    assert read_file(page).title == title


@pytest.mark.parametrize(
    ("head", "body", "day"),
    [
        # the date the page shows its readers, even an update, over dates in its metadata
        (
            '<script type="application/ld+json">{"datePublished": "2016-08-29T21:54:39Z", '
            '"dateModified": "2020-10-01T13:23:47Z"}</script>',
            '<div class="timestamp">\n  Updated May 06, 2019\n</div>',
            date(2019, 5, 6),
        ),
        (
            '<meta itemprop="dateCreated" content="01/01/2004">',
            "<div>Posted on 13 June 2019</div>",
            date(2019, 6, 13),
        ),
        # a date element beside the headline
        ("", '<span class="hl__date">Monday, 6 January 2020</span>', date(2020, 1, 6)),
        # dates far below the headline belong to teasers and lists
        (
            '<meta property="article:published_time" content="2020-01-19T12:25:36Z">',
            "<div>filler</div>" * 3000 + "<time>April 13, 2021</time>",
            date(2020, 1, 19),
        ),
        # no date shown: the publication date, not the last modification
        (
            '<meta property="og:article:modified_time" content="2020-01-20T09:49:32Z">'
            '<meta property="og:article:published_time" content="2020-01-19T12:25:36Z">',
            "<time></time>",
            date(2020, 1, 19),
        ),
        # a shown date before the page's publication is a teaser's, not this page's
        (
            '<script type="application/ld+json">{"datePublished": "2020-03-02T08:00:00Z"}</script>',
            '<ul class="related"><li><span class="card-date">4 February 2020</span></li></ul>',
            date(2020, 3, 2),
        ),
        # a date in the comments is a comment's; one beside a linked heading, a teaser's
        (
            '<script type="application/ld+json">{"datePublished": "2020-03-02T08:00:00Z"}</script>',
            '<div class="comment-meta"><time datetime="2021-05-04">4 May 2021</time></div>',
            date(2020, 3, 2),
        ),
        (
            '<link rel="canonical" href="https://example.org/2019/10/22/talks-in-geneva/">',
            '<h4><a href="/older">An older story</a></h4><p class="post-date">11 April 2009</p>',
            date(2019, 10, 22),
        ),
        # the article's date in JSON-LD, not its photo's
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "ImageObject", '
            '"datePublished": "2015-02-01"}, {"@type": "NewsArticle", "datePublished": '
            '"2020-03-02T08:00:00Z"}]}</script>',
            "",
            date(2020, 3, 2),
        ),
        # a date element whose text is more than a dateline ("Mon", "18.51 GMT")
        (
            '<meta property="article:published_time" content="2019-11-17T22:00:00Z">',
            '<div class="content__dateline">Mon 18 Nov 2019 18.51 GMT</div>',
            date(2019, 11, 18),
        ),
        # microdata, when the page shows no date
        ('<meta itemprop="datePublished" content="2019-11-19T13:16+0000">', "", date(2019, 11, 19)),
        # a <time> whose text is no date ("6 hours ago") carries it in datetime
        ("", '<time datetime="2022-04-28T22:08:28-04:00">6 hours ago</time>', date(2022, 4, 28)),
        # in any case, even with a letter that only case-insensitive matching takes for ASCII
        ("", "<DIV>UPDATED MAY 06, 2019</DIV>", date(2019, 5, 6)),
        ("", "<div>Poſted on 13 June 2019</div>", date(2019, 6, 13)),
        (
            '<META PROPERTY="ARTICLE:PUBLISHED_TIME" CONTENT="2020-01-19T12:25:36Z">',
            "",
            date(2020, 1, 19),
        ),
    ],
)
def test_html_date(tmp_path, head, body, day):
    page = tmp_path / "page.html"
    paragraph = "<p>" + "The delegations met for a long day of talks about the accord. " * 8
    page.write_text(
        f"<html><head><title>Talks in Geneva</title>{head}</head><body><h1>Talks in Geneva</h1>"
        f"{body}{paragraph}</p></body></html>"
    )
    assert read_file(page).date == day


def test_pdf_points_and_quotes_cite_their_page(tmp_path, cli):
    from datetime import date as day

    from briefing.build import build
    from briefing.config import load_config

    sources = tmp_path / "sources"
    sources.mkdir()
    filler = "The annual review covers the ministry's work across many departments."
    make_pdf(
        sources / "2026-03-01_review.pdf",
        [
            [filler, "It was prepared over the winter by a small team of analysts."],
            [
                "Exports of dual-use goods to Russia fell by a third over the year.",
                "“Sanctions on Russia are working and will be tightened,” said Anna Berg.",
            ],
        ],
    )
    doc = read_file(sources / "2026-03-01_review.pdf")
    assert doc.page_at(doc.text.index("prepared over the winter")) == 1
    assert doc.page_at(doc.text.index("Exports of dual-use")) == 2
    (tmp_path / "brief.yaml").write_text(
        "title: T\nsources: [sources]\nformats: [json, txt]\n"
        "topics:\n  - name: Russia\n    keywords: [Russia]\n"
    )
    result = build(load_config(tmp_path / "brief.yaml"), as_of=day(2026, 3, 2))
    data = json.loads((result.out_dir / "brief.json").read_text())
    [section] = data["topics"]
    points = section["summary"] + data["executive_summary"]  # a point is in one or the other
    assert {p["page"] for p in points if "Exports" in p["text"]} == {2}
    assert [q["page"] for q in section["quotes"]] == [2]
    assert "[1, p. 2]" in (result.out_dir / "brief.txt").read_text()


def test_html_furniture_is_dropped_wherever_it_stands(tmp_path):
    page = tmp_path / "page.html"
    body = "".join(
        f"<p>{text}</p>"
        for text in [
            "The council met on Monday to discuss the budget for the coming year in detail.",
            "Never miss the latest news by signing up to our newsletter today!",
            "Members argued for hours over the cost of the new bridge across the river.",
            "EXAMPLENEWS.COM",
            "Release Date:",
            "The newsletter of the council reported that sign-ups for the plan rose sharply.",
            "A final vote is expected next week, after a public hearing on the proposal.",
        ]
    )
    page.write_text(
        f"<html><head><title>Council Budget</title></head><body><article><h1>Council Budget"
        f"</h1>{body}</article></body></html>"
    )
    text = read_file(page).text
    assert "Never miss" not in text and "EXAMPLENEWS" not in text and "Release Date" not in text
    assert "sign-ups for the plan rose" in text and "cost of the new bridge" in text


def test_half_a_headline_is_no_site_name():
    from briefing.ingest.readers import _host, _site_name

    # trafilatura takes the part of a title after its dash for the site's name
    assert _site_name("Reward Offer for Information on Iranian Cyber Actors’ Interference") is None
    assert _site_name("Example Institute") == "Example Institute"
    assert _host("https://www.state.gov/x/") == "state.gov"


def test_an_organisation_cut_into_pieces_is_no_list_of_authors():
    from briefing.ingest.readers import _people

    assert _people("Bureau; Human Rights; Labor") == ""
    assert _people("Jane Doe; John Roe") == "Jane Doe; John Roe"


def test_a_date_under_the_site_logo_is_the_day_the_page_was_built_not_its_date(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Talks in Geneva</title>"
        '<meta property="article:published_time" content="2019-11-19T13:16:00Z"></head><body>'
        '<h1><a href="/">The Daily Example</a></h1><span class="today-date">Thursday, 21 November'
        " 2019</span><nav><a href='/news'>News</a></nav><h1>Talks in Geneva</h1><p>"
        + "The delegations met for a long day of talks about the accord. " * 8
        + "</p></body></html>"
    )
    assert read_file(page).date == date(2019, 11, 19)


def test_a_searched_date_that_is_only_the_copyright_year_is_no_date():
    from briefing.ingest.readers import searched_date

    assert searched_date("2004-01-01", "<footer>© 2004 Example Media</footer>") is None
    assert searched_date("2004-01-01", "<footer>Copyright 1998-2004 Example</footer>") is None
    assert searched_date("2004-01-01", "<p>No notice here</p>") == date(2004, 1, 1)
    assert searched_date("2004-03-05", "<footer>© 2004 Example</footer>") == date(2004, 3, 5)


def test_a_saved_fragment_of_a_page_is_read_as_a_page(tmp_path):
    # one paragraph with no <html> around it: trafilatura alone turns it down as no page
    page = tmp_path / "fragment.html"
    page.write_text("<p>" + "The harbour board met to discuss the dredging plan. " * 8 + "</p>")
    doc = read_file(page)
    assert doc.text.startswith("The harbour board met") and doc.title == "Fragment"


def _searches(monkeypatch) -> list[str]:
    """Record each of trafilatura's and htmldate's costly searches that a read runs."""
    import htmldate
    import trafilatura.metadata as metadata

    ran: list[str] = []

    def recorded(name, search):
        def run(*args, **kwargs):
            ran.append(name)
            return search(*args, **kwargs)

        return run

    for name in ("extract_title", "extract_author", "extract_catstags", "extract_license"):
        monkeypatch.setattr(metadata, name, recorded(name, getattr(metadata, name)))
    date_search = recorded("find_date", htmldate.find_date)
    monkeypatch.setattr(metadata, "find_date", date_search)  # as trafilatura calls it
    monkeypatch.setattr(htmldate, "find_date", date_search)
    return ran


_TALKS = "<p>" + "The delegations met for a long day of talks about the accord. " * 8 + "</p>"


def test_a_page_that_says_its_title_author_and_date_is_not_searched_for_them(tmp_path, monkeypatch):
    # the <title>, the author tag and the date beside the headline are what the reader takes,
    # so neither the headings and bylines nor the whole page (htmldate) are searched
    ran = _searches(monkeypatch)
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><title>Talks in Geneva</title><meta name="author" content="Ann Lee">'
        '</head><body><h1>Talks in Geneva</h1><p class="date">Posted on 13 June 2019</p>'
        f"{_TALKS}</body></html>"
    )
    doc = read_file(page)
    assert (doc.title, doc.authors, doc.date) == (
        "Talks in Geneva",
        ("Ann Lee",),
        date(2019, 6, 13),
    )
    assert ran == []


def test_the_date_in_a_pages_address_spares_the_search(tmp_path, monkeypatch):
    ran = _searches(monkeypatch)
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><title>Talks in Geneva</title><meta name="author" content="Ann Lee">'
        '<link rel="canonical" href="https://news.example.org/2021/03/04/talks"></head>'
        f"<body><h1>Talks in Geneva</h1>{_TALKS}</body></html>"
    )
    doc = read_file(page)
    assert (doc.date, doc.publisher) == (date(2021, 3, 4), "news.example.org")
    assert ran == []


def test_what_a_page_does_not_say_is_searched_for(tmp_path, monkeypatch):
    # no <title>, no author tag, no date beside the headline or in the address: trafilatura's
    # and htmldate's searches find them, each run once
    ran = _searches(monkeypatch)
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta name="date" content="2020-05-06"></head><body>'
        '<h1>Talks in Geneva</h1><p class="byline">By Ann Lee</p>'
        f"{_TALKS}</body></html>"
    )
    doc = read_file(page)
    assert (doc.title, doc.authors, doc.date) == ("Talks in Geneva", ("Ann Lee",), date(2020, 5, 6))
    assert sorted(ran) == ["extract_author", "extract_title", "find_date"]


_META_PAGES = [
    *(
        p.read_text(encoding="utf-8")
        for p in sorted((Path(__file__).parents[1] / "examples").rglob("*.htm*"))
    ),
    # structured data, a handle for a site name, a lower-case one, a bare host, a one-word
    # author tag beside a JSON-LD byline
    '<html><head><title>Talks resume | Example News</title><script type="application/'
    'ld+json">{"@type": "NewsArticle", "headline": "Talks resume", "datePublished": '
    '"2021-03-04", "author": {"@type": "Person", "name": "Jane Doe"}}</script>'
    '<meta property="og:site_name" content="@examplenews"><meta property="article:author" '
    'content="Desk"></head><body><article><p>'
    + "Negotiators met again on Thursday to discuss the accord. " * 6
    + "</p></article></body></html>",
    '<html><head><title>Budget</title><meta property="og:url" content="https://www.'
    'example.org/2020/01/02/budget"><meta name="application-name" content="example '
    'herald"></head><body><h1>Budget</h1><p>'
    + "The council set its budget for the year on Tuesday night. " * 6
    + "</p></body></html>",
    '<html><head><link rel="canonical" href="http://www.example.com/a"></head><body><p>'
    + "No title, no author, no date anywhere on this page at all. " * 6
    + "</p></body></html>",
]


@pytest.mark.parametrize("html", _META_PAGES)
def test_html_metadata_is_what_trafilaturas_whole_reading_gave(html):
    # the reader asks trafilatura and htmldate only for what it lacks; its fields are those it
    # took when it read the page's whole metadata with extract_metadata first
    from lxml.html import tostring
    from trafilatura.metadata import extract_metadata

    from briefing.ingest.readers import (
        _AUTHOR_TAG,
        _DATE_SEARCH,
        _host,
        _page_tree,
        _people,
        _site_name,
        _title_tag,
        html_meta,
        page_date,
        page_title,
        searched_date,
        url_date,
    )

    tree = _page_tree(html)
    info = extract_metadata(_page_tree(html), date_config=_DATE_SEARCH)
    tagged = _AUTHOR_TAG.search(html)
    authors = tagged[1] if tagged else _people(info.author or "")
    meta = html_meta(html, tree)
    assert meta.title == page_title(html, _title_tag(html) or info.title, info.sitename)
    assert meta.date == (page_date(html) or url_date(info.url) or searched_date(info.date, html))
    assert meta.authors == tuple(a.strip() for a in authors.split(";") if a.strip())
    assert meta.publisher == (_site_name(info.sitename) or _host(info.url))
    assert meta.url == info.url
    assert tostring(tree) == tostring(_page_tree(html))  # the tree is left whole for the text
