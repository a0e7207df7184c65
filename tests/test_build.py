"""End to end: a fixture project's config and sources to PDF, DOCX, HTML, TXT and JSON."""

import json
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.build import BuildOptions, build
from briefing.config import load_config
from briefing.errors import BriefingError, RenderError
from conftest import CORPUS, ROOT, needs_shared


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode()


@pytest.fixture
def built(project):
    folder = project("mixed")
    from datetime import date

    return build(load_config(folder / "config.yaml"), as_of=date(2026, 11, 23))


def test_builds_every_format_in_a_dated_folder(built):
    names = sorted(p.name for p in built.files)
    assert names == [
        "brief.docx",
        "brief.html",
        "brief.json",
        "brief.pdf",
        "brief.txt",
        "chart.png",
    ]
    assert built.out_dir.name == "2026-11-23"
    assert all(p.is_file() and p.stat().st_size > 0 for p in built.files)
    leftovers = [
        p.name for p in built.out_dir.parent.iterdir() if ".tmp-" in p.name or ".old-" in p.name
    ]
    assert not leftovers
    assert (built.out_dir.parent / "latest").resolve() == built.out_dir.resolve()


def test_json_model(built):
    data = json.loads((built.out_dir / "brief.json").read_text())
    assert data["title"] == "Mixed Test Brief" and data["as_of"] == "2026-11-23"
    ids = {s["id"] for s in data["sources"]}
    project = built.out_dir.parents[2]  # paths are shown relative to the config's folder
    texts = {s["id"]: project / s["path"] for s in data["sources"]}
    assert all(not Path(s["path"]).is_absolute() for s in data["sources"])
    assert [t["name"] for t in data["topics"]] == ["Russia", "China and Taiwan", "Antarctica"]
    russia = data["topics"][0]
    assert russia["summary"] and russia["quotes"]
    for topic in data["topics"]:
        assert set(topic["sources"]) <= ids
        for item in topic["summary"] + topic["quotes"]:
            assert item["source"] in topic["sources"]
    from briefing.ingest import read_file

    for topic in data["topics"]:
        for q in topic["quotes"]:
            text = read_file(texts[q["source"]]).text
            assert q["spans"] and all(text[s:e] in q["text"] for s, e in q["spans"])
            assert q["speaker"] not in {"QUESTION", "OPERATOR", "Operator", ""}
            # when it was said, as a summary item says it: its source's date
            assert q["date"] == next(s["date"] for s in data["sources"] if s["id"] == q["source"])
    assert any(q["date"] for t in data["topics"] for q in t["quotes"])
    assert data["topics"][2]["sources"] == []


def test_pdf_has_every_topic_page_numbers_and_cyrillic(built):
    text = pdf_text(built.out_dir / "brief.pdf")
    for heading in ("Mixed Test Brief", "Russia", "China and Taiwan", "Antarctica", "Sources"):
        assert heading in text
    assert "No new material on this topic" in text
    pages = len(PdfReader(built.out_dir / "brief.pdf").pages)
    assert f"Page {pages} of {pages}" in text
    assert "Сергей Магнитский" in text
    assert "<font size=200>" in text and "{{ 7*7 }}" in text  # shown literally
    reader = PdfReader(built.out_dir / "brief.pdf")
    assert reader.metadata.title == "Mixed Test Brief"


def test_docx_has_headings_quotes_and_literal_markup(built):
    xml = docx_text(built.out_dir / "brief.docx")
    for heading in ("Russia", "China and Taiwan", "Antarctica"):
        assert f">{heading}<" in xml
    assert "Сергей Магнитский" in xml
    assert "&lt;font size=200&gt;" in xml and "{{ 7*7 }}" in xml
    with zipfile.ZipFile(built.out_dir / "brief.docx") as z:
        footers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/footer")]
    assert any("NUMPAGES" in f and "PAGE" in f for f in footers)


def test_html_and_text_escape_source_markup(built):
    html = (built.out_dir / "brief.html").read_text()
    assert "&lt;b&gt;and&lt;/b&gt; &amp;amp;" in html
    assert "<font" not in html
    text = (built.out_dir / "brief.txt").read_text()
    assert "<b>and</b> &amp; {{ 7*7 }} on Сергей Магнитский" in text


def test_window_and_exclusions(project):
    from datetime import date

    folder = project("mixed")
    config = load_config(folder / "config.yaml")
    with pytest.raises(BriefingError, match="no source dated 2026-12-22 to 2026-12-31"):
        build(config, as_of=date(2026, 12, 31), formats=["json"])
    assert not (config.output_dir / "2026-12-31").exists()  # nothing written
    options = BuildOptions(allow_empty=True)
    result = build(config, as_of=date(2026, 12, 31), formats=["json"], options=options)
    data = json.loads((result.out_dir / "brief.json").read_text())
    assert data["sources"] == []  # everything is older than the 10-day window


def test_exclusive_topics_list_each_source_once(project):
    from datetime import date

    folder = project("mixed")
    config = folder / "config.yaml"

    def sections(text: str) -> list[set[str]]:
        config.write_text(text)
        result = build(load_config(config), as_of=date(2026, 11, 23), formats=["json"])
        data = json.loads((result.out_dir / "brief.json").read_text())
        return [set(t["sources"]) for t in data["topics"]]

    shared = sections(config.read_text())
    assert shared[0] & shared[1]  # the press briefing is about Russia and China
    alone = sections(config.read_text() + "exclusive_topics: true\n")
    assert not alone[0] & alone[1] and set.union(*alone) == set.union(*shared)


def test_failed_build_keeps_previous_brief(project, monkeypatch):
    from datetime import date

    folder = project("mixed")
    config = load_config(folder / "config.yaml")
    first = build(config, as_of=date(2026, 11, 23), formats=["json"])
    before = (first.out_dir / "brief.json").read_text()

    def broken(*args, **kwargs):
        raise RenderError("disk on fire")

    monkeypatch.setitem(
        __import__("briefing.render", fromlist=["RENDERERS"]).RENDERERS, "json", broken
    )
    with pytest.raises(RenderError):
        build(config, as_of=date(2026, 11, 23), formats=["json"])
    assert (first.out_dir / "brief.json").read_text() == before
    names = sorted(p.name for p in first.out_dir.parent.iterdir())
    assert names == [".config", ".lock", "2026-11-23", "latest", "state.sqlite"]


def test_keeps_the_last_n_builds_and_points_latest_at_the_newest(project):
    from datetime import date

    folder = project("mixed")
    config = load_config(folder / "config.yaml")
    config.keep = 2
    for day in (21, 22, 23):
        result = build(config, as_of=date(2026, 11, day), formats=["json"])
    dated = sorted(p.name for p in config.output_dir.glob("2026-*"))
    assert dated == ["2026-11-22", "2026-11-23"]
    assert (config.output_dir / "latest" / "brief.json").is_file()
    assert (config.output_dir / "latest").resolve() == result.out_dir.resolve()


def test_second_build_reuses_the_document_cache(project, monkeypatch):
    from datetime import date

    import briefing.ingest as ingest

    folder = project("mixed")
    config = load_config(folder / "config.yaml")
    build(config, as_of=date(2026, 11, 23), formats=["json"])
    parsed = []
    real = ingest.parse
    monkeypatch.setattr(ingest, "parse", lambda path, data: parsed.append(path) or real(path, data))
    build(config, as_of=date(2026, 11, 23), formats=["json"])
    assert parsed == []
    changed = folder / "sources" / "2026-11-20_taiwan-strait-drills.md"
    changed.write_text(changed.read_text() + "\nOne more paragraph about Taiwan.\n")
    build(config, as_of=date(2026, 11, 23), formats=["json"])
    assert parsed == [changed]


def test_build_and_brief_commands(project, cli, tmp_path):
    folder = project("mixed")
    result = cli(
        "build",
        folder / "config.yaml",
        "--as-of",
        "2026-11-23",
        "--format",
        "json",
        "--topic",
        "russia",
    )
    assert result.exit_code == 0, result.output
    preview = folder / "out" / "config" / "preview" / "2026-11-23" / "brief.json"
    data = json.loads(preview.read_text())
    assert [t["name"] for t in data["topics"]] == ["Russia"]
    assert "preview (the edition is unchanged)" in result.output
    bad = cli("build", folder / "config.yaml", "--topic", "Mars")
    assert bad.exit_code == 1 and "unknown topic 'Mars'; choose one of: Russia" in bad.output
    out = tmp_path / "custom"
    result = cli(
        "brief",
        folder / "sources",
        "--topic",
        "Taiwan drills",
        "--keywords",
        "Taiwan,drills",
        "--since",
        "2026-11-19",
        "--as-of",
        "2026-11-23",
        "--format",
        "pdf",
        "--format",
        "json",
        "--out",
        out,
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "taiwan-drills" / "2026-11-23" / "brief.json").read_text())
    assert data["topics"][0]["sources"]
    assert all(s["date"] >= "2026-11-19" for s in data["sources"])
    # a query instead of keywords: only the press briefing (a transcript) about Taiwan
    result = cli(
        "brief",
        folder / "sources",
        "--topic",
        "Briefings on Taiwan",
        "--query",
        "Taiwan AND type:transcript",
        "--as-of",
        "2026-11-23",
        "--format",
        "json",
        "--out",
        out,
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "briefings-on-taiwan" / "2026-11-23" / "brief.json").read_text())
    assert [s["doc_type"] for s in data["sources"]] == ["transcript"]
    neither = cli("brief", folder / "sources", "--topic", "X", "--out", out)
    assert neither.exit_code == 1 and "--keywords or --query" in neither.output


def test_sample_config_builds(tmp_path):
    from datetime import date

    config = load_config(ROOT / "config" / "weekly.yaml")
    config.output = str(tmp_path)
    result = build(config, as_of=date(2026, 11, 23), formats=["json"])
    data = json.loads((result.out_dir / "brief.json").read_text())
    assert all(t["sources"] for t in data["topics"])
    assert len(data["sources"]) >= 8


@needs_shared
def test_state_department_corpus_brief(tmp_path):
    from briefing.config import config_from_dict
    from briefing.ingest import read_file

    config = config_from_dict(
        {
            "title": "State",
            "sources": [str(CORPUS / "docs")],
            "output": str(tmp_path),
            "formats": ["pdf", "docx", "json"],
            "topics": [
                {"name": "Russia and Ukraine", "keywords": ["Russia", "Ukraine"]},
                {"name": "China", "keywords": ["China", "PRC", "Hong Kong"]},
                {"name": "Iran", "keywords": ["Iran"]},
                {"name": "Syria", "keywords": ["Syria"]},
            ],
        },
        tmp_path / "state.yaml",
    )
    from datetime import date

    result = build(config, as_of=date(2022, 8, 31))
    data = json.loads((result.out_dir / "brief.json").read_text())
    pdf, xml = pdf_text(result.out_dir / "brief.pdf"), docx_text(result.out_dir / "brief.docx")
    paths = {s["id"]: s["path"] for s in data["sources"]}
    for topic in data["topics"]:
        assert topic["sources"] and topic["quotes"], topic["name"]
        assert topic["name"] in pdf and f">{topic['name']}<" in xml
        for q in topic["quotes"]:
            # verbatim but for an editor's marked insertions ("February 24 [2022]")
            source = read_file(Path(paths[q["source"]])).text
            assert re.sub(r" \[[^]]*\]", "", q["text"]) in source
            assert q["speaker"].upper() not in {"QUESTION", "OPERATOR"}
    # the HTML and text copies of one release are one source
    titles = [s["title"] for s in data["sources"]]
    assert len(titles) == len(set(titles))
