"""Print-grade output: reproducible bytes, contents and outline, themes, layouts, overrides,
hostile source text."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from briefing.build import build
from briefing.config import load_config
from briefing.errors import ConfigError

PROJECTS = Path(__file__).parent / "projects"


def make(tmp_path: Path, name: str = "mixed", extra: str = "") -> Path:
    folder = tmp_path / name
    shutil.copytree(PROJECTS / "mixed", folder)
    config = folder / "config.yaml"
    config.write_text(config.read_text() + extra)
    return config


def run(config: Path, **kwargs):
    return build(load_config(config), as_of=date(2026, 11, 23), **kwargs)


def text_of(pdf: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(pdf).pages)


def test_same_inputs_give_identical_pdf_and_docx(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    first = run(make(tmp_path / "a"), formats=["pdf", "docx"]).out_dir
    second = run(make(tmp_path / "b"), formats=["pdf", "docx"]).out_dir
    for name in ("brief.pdf", "brief.docx", "chart.png"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_contents_outline_and_metadata(tmp_path):
    out = run(make(tmp_path), formats=["pdf", "docx"]).out_dir
    reader = PdfReader(out / "brief.pdf")
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == ["Executive summary", "Russia", "China and Taiwan", "Antarctica", "Sources"]
    contents = reader.pages[1].extract_text()
    assert "Contents" in contents and "China and Taiwan" in contents
    assert reader.metadata.title == "Mixed Test Brief"
    assert reader.metadata.author == "Test Institute"
    assert "Page 1 of" not in reader.pages[0].extract_text()  # the cover has no furniture
    with zipfile.ZipFile(out / "brief.docx") as z:
        settings = z.read("word/settings.xml").decode()
        document = z.read("word/document.xml").decode()
        core = z.read("docProps/core.xml").decode()
    assert "updateFields" in settings and "TOC \\o" in document
    assert "<dc:title>Mixed Test Brief</dc:title>" in core and "<dc:language>en" in core
    assert 'w:anchor="topic_2"' in document  # contents entries link to their headings


def test_chart_is_placed_in_pdf_and_docx(tmp_path):
    out = run(make(tmp_path), formats=["pdf", "docx"]).out_dir
    with Image.open(out / "chart.png") as chart:
        assert chart.size[0] == 1600
    assert any(page.images for page in PdfReader(out / "brief.pdf").pages)
    with zipfile.ZipFile(out / "brief.docx") as z:
        assert any(n.startswith("word/media/") for n in z.namelist())


def test_new_since_the_last_brief(tmp_path):
    config = make(tmp_path)
    build(load_config(config), as_of=date(2026, 11, 19), formats=["json"])
    out = run(config, formats=["pdf", "json"]).out_dir
    text = text_of(out / "brief.pdf")
    assert "New since the last brief (19 November 2026)" in text
    import json

    data = json.loads((out / "brief.json").read_text())
    china = data["topics"][1]
    assert data["previous_as_of"] == "2026-11-19"
    assert china["new_sources"] and set(china["new_sources"]) <= set(china["sources"])


def test_memo_layout_is_short(tmp_path):
    out = run(make(tmp_path, extra="theme:\n  layout: memo\n"), formats=["pdf", "docx"]).out_dir
    pages = PdfReader(out / "brief.pdf").pages
    assert len(pages) <= 2
    assert "Summary" in pages[0].extract_text()


def test_theme_colours_logo_and_template_override(tmp_path):
    config = make(
        tmp_path,
        extra=(
            "label: Restricted · board only\n"
            "templates: templates\n"
            "theme:\n  primary_color: '#7A1F2B'\n  logo: logo.png\n"
        ),
    )
    Image.new("RGB", (120, 60), "#7a1f2b").save(config.parent / "logo.png")
    (config.parent / "templates").mkdir()
    (config.parent / "templates" / "policy-brief.html.j2").write_text(
        '{% extends "default/policy-brief.html.j2" %}\n'
        '{% block summary %}<p class="note">Prepared for the board.</p>{{ super() }}'
        "{% endblock %}\n"
    )
    out = run(config, formats=["pdf", "docx", "html"]).out_dir
    assert "Prepared for the board." in text_of(out / "brief.pdf")
    assert "Restricted · board only" in PdfReader(out / "brief.pdf").pages[0].extract_text()
    assert "Prepared for the board." in (out / "brief.html").read_text()
    assert "#7a1f2b" in (out / "brief.html").read_text()
    assert len(PdfReader(out / "brief.pdf").pages[0].images) == 1  # the logo on the cover


def test_bad_theme_values_are_config_errors(tmp_path):
    config = make(tmp_path, extra="theme:\n  primary_color: red\n  logo: missing.png\n")
    with pytest.raises(ConfigError, match="theme.primary_color: Value error, write a colour"):
        load_config(config)
    config.write_text(config.read_text().replace("primary_color: red", "primary_color: '#aa0000'"))
    with pytest.raises(ConfigError, match=r"theme.logo: file not found: .*missing.png"):
        load_config(config)


HOSTILE = (
    "Hostile Text About Russia\n\nNovember 22, 2026\n\n"
    "Russia " + "x" * 300 + " and https://example.org/" + "a/" * 150 + " were seen.\n\n"
    'A quote “<a href="javascript:alert(1)">click</a> &amp; {{ 7*7 }} {% raw %} about Russia '
    "today,” said Officer Jane Doe.\n\n" + "Russia words " * 1600 + "end.\n\n"
    "שלום עולם — Russia مرحبا بالعالم in right-to-left scripts.\n"
)


def test_hostile_source_text_is_shown_literally_and_wrapped(tmp_path):
    config = make(tmp_path)
    (config.parent / "sources" / "2026-11-22_hostile.txt").write_text(HOSTILE)
    out = run(config).out_dir
    html = (out / "brief.html").read_text()
    assert 'href="javascript' not in html
    assert "&lt;a href=&#34;javascript:alert(1)&#34;&gt;" in html or "&lt;a href=" in html
    text = text_of(out / "brief.pdf")
    assert "{{ 7*7 }}" in text and "javascript:alert(1)" in text
    with zipfile.ZipFile(out / "brief.docx") as z:
        assert "javascript:alert(1)" in z.read("word/document.xml").decode()


def test_docx_links_one_relationship_per_address_and_no_clashing_ids(tmp_path):
    """The DOCX writer numbers hyperlink relationships itself: every link must still point
    at its own address, an address used twice has one relationship, and no number is taken
    twice (the chart image, header and footer take numbers too)."""
    from lxml import etree

    out = run(make(tmp_path), formats=["docx"]).out_dir
    with zipfile.ZipFile(out / "brief.docx") as z:
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        body = etree.fromstring(z.read("word/document.xml"))
    ids = [r.get("Id") for r in rels]
    assert len(ids) == len(set(ids))
    targets = {r.get("Id"): r.get("Target") for r in rels if r.get("TargetMode") == "External"}
    assert len(set(targets.values())) == len(targets)  # one relationship per address
    r_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    links = [h for h in body.iter() if h.tag.endswith("}hyperlink") and h.get(r_id)]
    assert links and all(h.get(r_id) in targets for h in links)
    assert any(r.get("Type").endswith("/image") for r in rels)  # the chart took a number


def test_docx_written_beside_the_pdf_in_a_second_process_is_the_same(tmp_path, monkeypatch):
    """PDF and DOCX are written at once (the DOCX in a forked process) when it is safe: in a
    fresh `briefing build` process, not in this one, whose other tests leave threads behind.
    The files are those one process writes, and a failure in the second process is
    reported."""
    import os
    import subprocess
    import sys

    import briefing.render as rendering

    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: one process writes both")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    forked = make(tmp_path / "a")
    command = [sys.executable, "-m", "briefing", "-q", "build", str(forked), "--as-of"]
    subprocess.run([*command, "2026-11-23"], check=True, capture_output=True, timeout=120)
    monkeypatch.setattr(rendering, "_can_fork", lambda: False)
    alone = run(make(tmp_path / "b")).out_dir
    together = forked.parent / "out" / alone.relative_to(tmp_path / "b" / "mixed" / "out")
    for name in ("brief.pdf", "brief.docx"):
        assert (together / name).read_bytes() == (alone / name).read_bytes()

    broken = (
        "import sys, briefing.render as r\n"
        "def broken(*a, **k): raise ValueError('disk on fire')\n"
        "r.RENDERERS['docx'] = broken\n"
        "from briefing.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    failed = subprocess.run(
        [sys.executable, "-c", broken, "build", str(make(tmp_path / "c")), "--as-of", "2026-11-23"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert failed.returncode == 1
    assert "could not write docx: ValueError: disk on fire" in failed.stdout + failed.stderr


def test_a_brief_whose_newest_source_is_old_says_so_in_every_format(cli, tmp_path):
    sources = PROJECTS / "mixed" / "sources"
    for as_of, stale in (("2026-11-23", False), ("2028-07-01", True)):
        out = tmp_path / as_of
        result = cli(
            "brief", sources, "--topic", "Russia", "--keywords", "Russia", "--as-of", as_of,
            "--format", "txt", "--format", "pdf", "--format", "docx", "--out", out,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        txt = next(out.rglob("brief.txt")).read_text()
        note = "Its newest source is 1 year and 7 months older than this brief."
        assert (note in txt) is stale, txt[:400]
        assert (note in " ".join(text_of(next(out.rglob("brief.pdf"))).split())) is stale
        with zipfile.ZipFile(next(out.rglob("brief.docx"))) as docx:
            assert (note in docx.read("word/document.xml").decode()) is stale


def test_a_topic_asked_as_a_question_shows_the_question_it_answers(cli, tmp_path):
    import json

    question = "What sanctions has Russia faced this month?"
    out = tmp_path / "out"
    result = cli(
        "brief", PROJECTS / "mixed" / "sources", "--topic", "Russia", "--query", question,
        "--as-of", "2026-11-23", "--format", "txt", "--format", "json", "--format", "pdf",
        "--out", out,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"Question: {question}" in next(out.rglob("brief.txt")).read_text()
    assert f"Question: {question}" in " ".join(text_of(next(out.rglob("brief.pdf"))).split())
    data = json.loads(next(out.rglob("brief.json")).read_text())
    assert data["topics"][0]["question"] == question
    # the memo layout too
    from briefing.model import Theme
    from briefing.render.html import RenderOptions, brief_html
    from briefing.render.web import brief_from_dict

    memo = brief_html(brief_from_dict(data), RenderOptions(theme=Theme(layout="memo")))
    assert f"Question: {question}" in memo
    # keywords are no question
    out = tmp_path / "kw"
    cli("brief", PROJECTS / "mixed" / "sources", "--topic", "Russia", "--keywords", "Russia",
        "--as-of", "2026-11-23", "--format", "json", "--out", out)  # fmt: skip
    assert json.loads(next(out.rglob("brief.json")).read_text())["topics"][0]["question"] is None


def test_a_quote_within_a_key_quote_takes_single_marks(cli, tmp_path):
    """“… working ‘by, with, and through’ the SDF …”: the inner marks made single, as an
    editor sets a quote within a quote; the words stay the source's."""
    import json

    from briefing.model import Theme
    from briefing.render.html import RenderOptions, brief_html, quoted
    from briefing.render.web import brief_from_dict

    assert quoted('They work "by, with" and “through” it') == (
        "“They work ‘by, with’ and ‘through’ it”"
    )
    assert quoted('The 12" pipe and the 6" valve') == '“The 12" pipe and the 6" valve”'  # inches
    out = tmp_path / "out"
    result = cli(
        "brief", PROJECTS / "mixed" / "sources", "--topic", "Russia", "--keywords", "Russia",
        "--as-of", "2026-11-23", "--format", "json", "--out", out,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(next(out.rglob("brief.json")).read_text())
    quote = data["topics"][0]["quotes"][0]
    quote["text"] = "Working “by, with, and through” partners, the coalition held the line."
    for layout in ("policy-brief", "memo"):
        html = brief_html(brief_from_dict(data), RenderOptions(theme=Theme(layout=layout)))
        assert "“Working ‘by, with, and through’ partners, the coalition held the line.”" in html
    # a report relaying the quote is named once, as the source it is ("quoted by the State
    # Department report on Iran, 17 April 2024 [1]", not "… on Iran · Iran, 17 April 2024")
    from html import escape

    from briefing.attribution import cite_title

    source = next(s for s in data["sources"] if s["id"] == quote["source"])
    source["doc_type"] = "report"
    brief = brief_from_dict(data)
    title = cite_title(next(s for s in brief.sources if s.id == quote["source"]))
    quote["quoted_by"] = f"Example Institute report on {title}"
    html = brief_html(brief_from_dict(data), RenderOptions())
    relayer = escape(f"Example Institute report on {title}")  # the fixture's title is markup
    assert "quoted by the <a href=" in html and f">{relayer}</a>" in html
    assert '· <a href="#src-' not in html.split("Key quotes")[1].split("</blockquote>")[0]
    # a person relaying it is not the source's link, whatever the source's title
    source["title"], quote["quoted_by"] = "", "Antony J. Blinken"
    html = brief_html(brief_from_dict(data), RenderOptions())
    assert "quoted by Antony J. Blinken · <a href=" in html


def test_a_brief_of_one_topic_has_no_contents_no_chart_and_one_shared_attribution(cli, tmp_path):
    """Contents and a chart of sources per topic tell a reader nothing when there is one topic;
    points that all come from one speaker on one day say so once, above them."""
    out = tmp_path / "one"
    result = cli(
        "brief", PROJECTS / "mixed" / "sources", "--topic", "Russia", "--keywords", "Russia",
        "--as-of", "2026-11-23", "--format", "txt", "--format", "pdf", "--format", "docx",
        "--format", "json", "--out", out,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    folder = next(out.rglob("brief.pdf")).parent
    assert not (folder / "chart.png").exists()
    pdf = PdfReader(folder / "brief.pdf")
    assert not any(page.images for page in pdf.pages)
    assert "Contents" not in text_of(folder / "brief.pdf")
    with zipfile.ZipFile(folder / "brief.docx") as z:
        assert "TOC \\o" not in z.read("word/document.xml").decode()
    import json

    from briefing.render.html import RenderOptions, brief_html
    from briefing.render.web import brief_from_dict

    data = json.loads((folder / "brief.json").read_text())
    txt = " ".join((folder / "brief.txt").read_text().split())
    assert "All points:" not in txt  # its points are of several speakers and days
    # a point an interviewee or a briefer said opens on the speaker, in quotation marks,
    # whatever its person
    assert "Helena Varga: “The Kola Peninsula is the single most important" in txt
    assert "” — 18 November 2026 [2]" in txt
    assert "Daniel Okafor, Department Spokesperson: “Russia’s strikes on Ukraine’s" in txt
    assert "before temperatures drop further.” — 19 November 2026 [4]" in txt
    for point in data["topics"][0]["summary"]:
        point.update(said_by="Office of the Spokesperson", date="2026-11-18")
        point.update(role=None, reported=False, spoken=False)
    html = brief_html(brief_from_dict(data), RenderOptions())
    assert html.count("All points: Office of the Spokesperson, 18 November 2026") == 1
    assert "— Office of the Spokesperson" not in html
    # a brief of several topics keeps both
    many = run(make(tmp_path), formats=["pdf"]).out_dir
    assert (many / "chart.png").exists() and "Contents" in text_of(many / "brief.pdf")


def test_a_first_person_bullet_is_quoted_once_named_and_only_for_a_pronoun():
    from briefing.render.html import bullet

    def point(text, **more):
        return {"text": text, "said_by": "Ned Price", "date": "2022-05-20", **more}

    assert bullet(point("I can confirm the visit to the prison.")) == (
        "Ned Price: “I can confirm the visit to the prison.” — 20 May 2022"
    )
    # a transcript's speaker's words are theirs in the third person too
    assert bullet(point("Trade and security have become inseparable.", spoken=True)) == (
        "Ned Price: “Trade and security have become inseparable.” — 20 May 2022"
    )
    # under a shared attribution, still in the speaker's quotation marks
    assert bullet(point("I can confirm the visit."), "Ned Price") == "“I can confirm the visit.”"
    # a point that names its speaker says it once; "World War I" is no "I"; a reporter's
    # byline is no speaker
    for text, more in (
        ("We will respond in kind, Ned Price said.", {}),
        ("Veterans of World War I attended the ceremony in the capital.", {}),
        ("We saw the convoy cross the border at dawn.", {"reported": True}),
    ):
        assert not bullet(point(text, **more)).startswith("Ned Price:"), text


def test_a_brief_whose_sources_leave_a_long_gap_says_so(cli, tmp_path):
    """A director reads "Period covered: 5 January – 20 June 2026" as all of it: when the
    sources say nothing for months of it, the brief says which months."""
    sources = tmp_path / "sources"
    sources.mkdir()
    events = {
        "2026-01-05": "The ministry of Arland arrested 40 reporters at a rally in the capital.",
        "2026-01-20": "A court in Arland sentenced the editor of a weekly to six years in jail.",
        "2026-06-10": "Arland closed its border with Sarn to freight trucks for ten days.",
        "2026-06-20": "The parliament of Arland passed a budget that doubles military spending.",
    }
    for day, event in events.items():
        (sources / f"{day}_arland.txt").write_text(
            f"Arland Update\n\n{event}\n", encoding="utf-8"
        )
    note = (
        "No source is dated between 20 January 2026 and 10 June 2026: what happened then is"
        " not in this brief."
    )
    for names, gap in (
        (("2026-01-05", "2026-01-20", "2026-06-10", "2026-06-20"), True),
        (("2026-06-10", "2026-06-20"), False),
    ):
        folder = tmp_path / f"only{len(names)}"
        folder.mkdir()
        for name in names:
            shutil.copy(sources / f"{name}_arland.txt", folder)
        out = tmp_path / f"out{len(names)}"
        result = cli(
            "brief", folder, "--topic", "Arland", "--keywords", "Arland", "--as-of",
            "2026-06-21", "--format", "txt", "--format", "pdf", "--format", "docx", "--out", out,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        txt = " ".join(next(out.rglob("brief.txt")).read_text().split())
        assert (note in txt) is gap, txt[:500]
        assert (note in " ".join(text_of(next(out.rglob("brief.pdf"))).split())) is gap
        with zipfile.ZipFile(next(out.rglob("brief.docx"))) as docx:
            assert (note in docx.read("word/document.xml").decode()) is gap


def test_a_topics_sources_not_cited_are_offered_as_further_reading(cli, tmp_path):
    """A source matched to a topic but giving it no bullet or quote is listed after the cited
    ones in words a reader understands: "further reading", not "also read"."""
    sources = tmp_path / "sources"
    sources.mkdir()
    for day, what in (("17", "grain exports"), ("18", "gas prices"), ("19", "rail freight")):
        (sources / f"2026-11-{day}_russia-{day}.txt").write_text(
            f"Russia {what.title()} Report\n\nRussia reported changes in {what} on Monday. "
            f"Officials in Moscow said the figures for {what} would be revised next month.\n"
        )
    result = cli(
        "brief", sources, "--topic", "Russia", "--keywords", "Russia", "--words", "10",
        "--as-of", "2026-11-23", "--format", "txt", "--out", tmp_path / "out",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    txt = next((tmp_path / "out").rglob("brief.txt")).read_text()
    assert "; further reading: [" in txt
    assert "also read" not in txt


def test_a_bullet_said_through_an_interpreter_says_so_even_where_it_names_its_speaker():
    from briefing.render.html import bullet

    def point(text, **more):
        return {"text": text, "said_by": "Ion Rusu", "date": "2022-05-20", **more}

    assert bullet(point("Trade and security are one.", spoken=True, interpreted=True)) == (
        "Ion Rusu (through an interpreter): “Trade and security are one.” — 20 May 2022"
    )
    assert bullet(point("We will sign it in June, Ion Rusu said.", interpreted=True)) == (
        "We will sign it in June, Ion Rusu said. — (through an interpreter), 20 May 2022"
    )
