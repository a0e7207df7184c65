"""Print-ready PDF and Word: headings, quotes and citation markers kept with what they belong
to, a readable sources appendix, paper size, and a chart that fits the page and keeps its
colours."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from briefing.config import load_config
from briefing.errors import ConfigError
from briefing.model import Brief, Section, SourceRef, Theme
from briefing.render.chart import ROW, TYPE_COLOURS, draw_chart
from briefing.render.html import Run
from briefing.render.layout import NBSP, glue_citations, url_lines
from conftest import ROOT, needs_shared

PROJECTS = Path(__file__).parent / "projects"
KEYWORDS = (["Russia", "Kremlin"], ["China", "Taiwan"], ["Arctic"], ["Russia", "tanker"])
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def many_topics(tmp_path: Path, n: int, extra: str = "") -> Path:
    """The mixed project with ``n`` topics (sections repeat the same sources)."""
    folder = tmp_path / "many"
    shutil.copytree(PROJECTS / "mixed", folder)
    topics = "".join(
        f"  - name: Topic {i:02d} {KEYWORDS[i % 4][0]}\n    keywords: {KEYWORDS[i % 4]}\n"
        for i in range(1, n + 1)
    )
    config = folder / "config.yaml"
    head = config.read_text().split("topics:")[0]
    config.write_text(head + extra + "topics:\n" + topics)
    return config


def build_cli(cli, config: Path, *extra: str) -> Path:
    result = cli("build", config, "--as-of", "2026-11-23", *extra)
    assert result.exit_code == 0, result.output
    return config.parent / "out" / config.stem / "2026-11-23"


def pages(pdf: Path) -> list[list[str]]:
    """Each page's lines of text in reading order (pdftotext; pypdf may put a heading after
    the box below it), without the running header and footer (from page 2), the contents
    page, and a page that holds only an image (a chart of many topics)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    out = []
    readers = PdfReader(pdf).pages
    for number, page in enumerate(text.split("\f")[: len(readers)]):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        lines = [line for line in lines if not re.fullmatch(r"Page \d+ of \d+", line)]
        lines = lines[1:] if number else lines
        if lines[:1] == ["Contents"] or (not lines and readers[number].images):
            continue
        out.append(lines)
    return out


def headings_of(brief: dict) -> set[str]:
    return {t["name"] for t in brief["topics"]} | {"Key quotes", "Sources", "Executive summary"}


def assert_print_ready(page_lines: list[list[str]], brief: dict) -> None:
    headings = headings_of(brief)
    speakers = {q["speaker"] for t in brief["topics"] for q in t["quotes"]}
    quotes_go_on = False  # the page before ended inside a section's key quotes
    for number, lines in enumerate(page_lines, 1):
        assert lines, f"page {number} is empty"
        assert lines[-1] not in headings, f"page {number} ends with the heading {lines[-1]!r}"
        # An attribution never starts a page apart from its quote.
        assert not any(
            lines[0].startswith(f"{s},") or lines[0].startswith(f"{s} ·") for s in speakers
        ), f"page {number} starts with an attribution"
        # A page starts with a quote only where a section's run of quotes goes on.
        assert quotes_go_on or not lines[0].startswith("“"), f"page {number} starts with a quote"
        assert not lines[0].startswith("Sources:"), f"page {number} starts with a closing line"
        if "Key quotes" in lines:
            assert lines[lines.index("Key quotes") + 1].startswith("“"), f"page {number}"
        opened = max((i for i, line in enumerate(lines) if line == "Key quotes"), default=-1)
        closed = max((i for i, line in enumerate(lines) if line.startswith("Sources:")), default=-1)
        quotes_go_on = opened > closed or (quotes_go_on and closed < 0)


@pytest.fixture(scope="module")
def thirty(tmp_path_factory):
    from click.testing import CliRunner

    from briefing.cli import main

    config = many_topics(tmp_path_factory.mktemp("thirty"), 30)

    def cli(*args):
        return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)

    return build_cli(cli, config)


def test_a_brief_of_thirty_topics_renders_with_a_chart_that_fits(thirty):
    pdf = PdfReader(thirty / "brief.pdf")
    brief = json.loads((thirty / "brief.json").read_text())
    assert len(brief["topics"]) == 30
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert brief["topics"][-1]["name"] in text
    with Image.open(thirty / "chart.png") as chart:
        assert chart.size[1] > chart.size[0]  # taller than the page is wide: scaled to fit
    assert any(page.images for page in pdf.pages[2:])


def test_no_page_ends_with_a_heading_and_quotes_stay_with_their_section(thirty):
    brief = json.loads((thirty / "brief.json").read_text())
    assert_print_ready(pages(thirty / "brief.pdf"), brief)


def test_twelve_topics_are_print_ready_too(tmp_path, cli):
    out = build_cli(cli, many_topics(tmp_path, 12))
    assert_print_ready(pages(out / "brief.pdf"), json.loads((out / "brief.json").read_text()))


def test_memo_keeps_each_quote_with_its_topic(tmp_path, cli):
    out = build_cli(cli, many_topics(tmp_path, 30, extra="theme:\n  layout: memo\n"))
    assert_print_ready(pages(out / "brief.pdf"), json.loads((out / "brief.json").read_text()))


def test_sources_appendix_numbers_and_addresses(thirty):
    brief = json.loads((thirty / "brief.json").read_text())
    page_lines = pages(thirty / "brief.pdf")
    lines = [line for page in page_lines for line in page]
    start = max(i for i, line in enumerate(lines) if line == "Sources")
    appendix = lines[start + 1 :]
    numbers = [int(m.group(1)) for m in (re.match(r"(\d+)\. \S", ln) for ln in appendix) if m]
    assert numbers == list(range(1, len(brief["sources"]) + 1))
    for source in brief["sources"]:
        url = source["url"]
        if not url:
            continue
        first = next(i for i, line in enumerate(appendix) if url.startswith(line))
        printed = [appendix[first]]
        while "".join(printed) != url:
            printed.append(appendix[first + len(printed)])
        # Broken only after a slash or before a hyphen, never inside a word.
        for line, following in zip(printed, printed[1:], strict=False):
            assert line.endswith("/") or following.startswith("-"), (line, following)
        # The whole entry is on one page: its title is on the page of its address.
        page = next(
            p for p in page_lines if printed[-1] in p and source["title"][:30] in " ".join(p)
        )
        assert page


def test_long_address_breaks_at_slashes_and_hyphens():
    url = "https://www.example.org/press-releases/2026/a-very-long-name-of-a-page/"
    lines = url_lines(url, 30, len)
    assert "".join(lines) == url
    assert lines[:2] == ["https://www.example.org/press", "-releases/2026/a-very-long"]
    assert all(len(line) <= 30 for line in lines)
    for line, following in zip(lines, lines[1:], strict=False):
        assert line.endswith("/") or following.startswith("-")
    assert url_lines("https://x.org/" + "a" * 50, 30, len)[1] == "a" * 50  # left whole


def test_citation_marker_is_glued_to_the_word_before(tmp_path, cli):
    runs = glue_citations([Run("The last word "), Run("[12]", sup=True)])
    assert runs[0].text == "The last word" + NBSP
    cite = glue_citations([Run("Speaker · "), Run("Title", href="#s"), Run(", 2026-11-18 [3]")])
    assert cite[-1].text == ", 2026-11-18" + NBSP + "[3]" and cite[0].text == "Speaker · "
    out = build_cli(cli, many_topics(tmp_path, 12))
    # pypdf keeps a raised marker on its line (pdftotext gives it a line of its own).
    for page in PdfReader(out / "brief.pdf").pages:
        lines = [line.strip() for line in page.extract_text().splitlines()]
        alone = [line for line in lines if re.fullmatch(r"\[\d+(, p\. \d+)?\]", line)]
        assert not alone
    xml = zipfile.ZipFile(out / "brief.docx").read("word/document.xml").decode()
    assert re.search(NBSP + r"</w:t></w:r><w:hyperlink w:anchor=\"src_\d+\"", xml)


def test_word_sets_off_quotes_and_keeps_them_with_what_follows(tmp_path, cli):
    out = build_cli(cli, many_topics(tmp_path, 3))
    with zipfile.ZipFile(out / "brief.docx") as z:
        styles = z.read("word/styles.xml").decode()
        document = z.read("word/document.xml").decode()
    quote_style = re.search(r'<w:style [^>]*w:styleId="BriefQuote".*?</w:style>', styles).group(0)
    assert "<w:pBdr><w:left " in quote_style and "<w:shd " in quote_style
    assert "<w:keepLines/>" in quote_style
    from lxml import etree

    body = etree.fromstring(document.encode())
    paragraphs = list(body.iter(f"{W}p"))

    def style(p):
        found = p.find(f"{W}pPr/{W}pStyle")
        return found.get(f"{W}val") if found is not None else "Normal"

    def keeps(p):
        return p.find(f"{W}pPr/{W}keepNext") is not None

    quotes = [i for i, p in enumerate(paragraphs) if style(p) == "BriefQuote"]
    assert quotes
    for i in quotes:  # a quote holds on to its attribution, the last one to "Sources:"
        nxt = "".join(paragraphs[i + 1].itertext())
        if style(paragraphs[i + 1]) == "BriefQuote" or nxt.startswith("Sources:"):
            assert keeps(paragraphs[i]), "".join(paragraphs[i].itertext())
    numbered = [p for p in paragraphs if style(p) == "ListNumber"]
    assert numbered and all(p.find(f"{W}pPr/{W}keepLines") is not None for p in numbered)
    contents = [p for p in paragraphs if "".join(p.itertext()) == "Contents"]
    assert style(contents[0]) == "TOCHeading"


def test_page_size_letter_in_pdf_and_word(tmp_path, cli):
    config = many_topics(tmp_path, 2, extra="theme:\n  page_size: letter\n")
    out = build_cli(cli, config)
    box = PdfReader(out / "brief.pdf").pages[1].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    document = zipfile.ZipFile(out / "brief.docx").read("word/document.xml").decode()
    assert re.findall(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"', document) == [("12240", "15840")] * 2


def test_page_size_defaults_to_a4_and_rejects_other_values(tmp_path, cli):
    out = build_cli(cli, many_topics(tmp_path / "a", 2))
    box = PdfReader(out / "brief.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    config = many_topics(tmp_path / "b", 2, extra="theme:\n  page_size: tabloid\n")
    line = config.read_text().splitlines().index("  page_size: tabloid") + 1
    with pytest.raises(ConfigError, match=rf"config.yaml:{line}: theme.page_size: .*'a4'"):
        load_config(config)


def _brief(sections: list[tuple[str, list[str]]]) -> Brief:
    """A brief whose topics cite sources of the given document types."""
    sources, made = [], []
    for name, types in sections:
        ids = []
        for doc_type in types:
            sid = f"s{len(sources) + 1}"
            sources.append(SourceRef(sid, len(sources) + 1, sid, sid, None, None, None, doc_type))
            ids.append(sid)
        made.append(Section(name, (), (), tuple(ids)))
    from datetime import date

    return Brief("b", "B", None, date(2026, 1, 1), None, "", tuple(made), tuple(sources))


def _bar_colours(path: Path, rows: int) -> list[str]:
    with Image.open(path) as image:
        rgb = image.convert("RGB")
        out = []
        for i in range(rows):
            pixel = rgb.getpixel((525, 110 + i * ROW + ROW // 2))
            out.append("#{:02x}{:02x}{:02x}".format(*pixel))
        return out


def test_chart_colour_means_one_document_type_in_every_brief(tmp_path):
    one = _brief([("A", ["news"]), ("B", ["report"])])
    two = _brief([("A", ["interview", "transcript"]), ("B", ["news"]), ("C", ["report"])])
    draw_chart(one, tmp_path / "one.png", Theme())
    draw_chart(two, tmp_path / "two.png", Theme())
    assert _bar_colours(tmp_path / "one.png", 2) == [TYPE_COLOURS["news"], TYPE_COLOURS["report"]]
    assert _bar_colours(tmp_path / "two.png", 3)[1:] == [
        TYPE_COLOURS["news"],
        TYPE_COLOURS["report"],
    ]
    assert len(set(TYPE_COLOURS.values())) == len(TYPE_COLOURS)


def test_a_topic_without_sources_is_not_a_bar(tmp_path):
    brief = _brief([("A", ["news"]), ("Empty", []), ("C", ["report"])])
    draw_chart(brief, tmp_path / "c.png", Theme())
    with Image.open(tmp_path / "c.png") as image:
        assert image.size[1] == 150 + ROW * 2 + 90  # two rows, not three
    assert _bar_colours(tmp_path / "c.png", 2) == [TYPE_COLOURS["news"], TYPE_COLOURS["report"]]


def libreoffice_pdf(docx: Path, folder: Path) -> Path:
    """The Word file as LibreOffice lays it out."""
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{folder / 'profile'}",  # its own, not the user's
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "lo"),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return folder / "lo" / "brief.pdf"


no_libreoffice = pytest.mark.skipif(
    shutil.which("libreoffice") is None, reason="libreoffice is not installed"
)


@no_libreoffice
@pytest.mark.parametrize("topics", [5, 12])
def test_word_file_through_libreoffice_is_print_ready(tmp_path, cli, topics):
    out = build_cli(cli, many_topics(tmp_path, topics))
    brief = json.loads((out / "brief.json").read_text())
    assert_print_ready(pages(libreoffice_pdf(out / "brief.docx", tmp_path)), brief)


@needs_shared
def test_state_department_brief_is_print_ready(tmp_path):
    from datetime import date

    from briefing.build import build

    config = load_config(ROOT / "config" / "state-dept.yaml")
    config.output = str(tmp_path)
    out = build(config, as_of=date(2022, 12, 31), formats=["pdf", "json"]).out_dir
    assert_print_ready(pages(out / "brief.pdf"), json.loads((out / "brief.json").read_text()))


@needs_shared
@no_libreoffice
def test_state_department_word_file_is_print_ready(tmp_path):
    from datetime import date

    from briefing.build import build

    config = load_config(ROOT / "config" / "state-dept.yaml")
    config.output = str(tmp_path)
    out = build(config, as_of=date(2022, 12, 31), formats=["docx", "json"]).out_dir
    brief = json.loads((out / "brief.json").read_text())
    assert_print_ready(pages(libreoffice_pdf(out / "brief.docx", tmp_path)), brief)
