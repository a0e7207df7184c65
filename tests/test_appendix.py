"""What a reader sees of sources and dates: no local file path in any format, the cover's
period ending at the newest source, dates written as dates."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

PROJECTS = Path(__file__).parent / "projects"
READER_FORMATS = ("pdf", "docx", "html", "txt")


def pdf_text(path: Path) -> str:
    """The PDF's text as pdftotext reads it (what a reader copies), else pypdf's."""
    if shutil.which("pdftotext"):
        run = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
        return run.stdout.decode()
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode()


def reader_texts(folder: Path) -> dict[str, str]:
    """Every format a reader opens, as text with its whitespace removed: a path wrapped over
    two lines still shows."""
    texts = {
        "pdf": pdf_text(folder / "brief.pdf"),
        "docx": docx_text(folder / "brief.docx"),
        "html": (folder / "brief.html").read_text(),
        "txt": (folder / "brief.txt").read_text(),
    }
    return {fmt: "".join(text.split()) for fmt, text in texts.items()}


def russia_brief(cli, sources: Path, out: Path, formats: tuple[str, ...]) -> Path:
    """`briefing brief` on Russia over ``sources`` as of 23 November 2026: its edition folder."""
    result = cli(
        "brief",
        sources,
        *("--topic", "Russia", "--keywords", "Russia,Kremlin", "--as-of", "2026-11-23"),
        *(arg for fmt in formats for arg in ("--format", fmt)),
        *("--out", out),
    )
    assert result.exit_code == 0, result.output
    return out / "russia" / "2026-11-23"


def test_on_demand_brief_names_sources_without_their_paths(tmp_path, cli):
    sources = tmp_path / "my files"
    shutil.copytree(PROJECTS / "mixed" / "sources", sources)
    folder = russia_brief(cli, sources, tmp_path / "out", (*READER_FORMATS, "json"))
    data = json.loads((folder / "brief.json").read_text())
    local = [s for s in data["sources"] if not s["url"]]
    assert local, "the fixture has sources without a URL"
    assert all(Path(s["path"]).is_absolute() for s in local)  # brief.json keeps the path
    for fmt, text in reader_texts(folder).items():
        assert "".join(str(tmp_path).split()) not in text, fmt
        for s in data["sources"]:
            assert "".join(Path(s["path"]).name.split()) not in text, (fmt, s["path"])
    # a source without a URL: title, type (no publisher given) and date, nothing after
    briefing = next(s for s in local if s["doc_type"] == "transcript")
    entry = f"{briefing['number']}. {briefing['title']}. Transcript, 19 November 2026."
    txt = " ".join((folder / "brief.txt").read_text().split())
    assert entry in txt


@pytest.mark.parametrize("layout", ["policy-brief", "memo"])
def test_config_brief_shows_no_relative_path(project, cli, layout):
    folder = project("mixed")
    config = folder / "config.yaml"
    config.write_text(config.read_text() + f"theme:\n  layout: {layout}\n")
    result = cli("build", folder / "config.yaml", "--as-of", "2026-11-23")
    assert result.exit_code == 0, result.output
    edition = folder / "out" / "config" / "2026-11-23"
    data = json.loads((edition / "brief.json").read_text())
    for fmt, text in reader_texts(edition).items():
        for s in data["sources"]:
            assert "".join(s["path"].split()) not in text, (fmt, s["path"])
            assert Path(s["path"]).stem not in text, (fmt, s["path"])


def test_cover_period_ends_at_the_newest_source(project, cli):
    folder = project("mixed")
    # the newest source is dated 21 November; built four days later, with a 10-day window
    result = cli("build", folder / "config.yaml", "--as-of", "2026-11-25")
    assert result.exit_code == 0, result.output
    edition = folder / "out" / "config" / "2026-11-25"
    data = json.loads((edition / "brief.json").read_text())
    assert data["as_of"] == "2026-11-25"
    assert data["period_end"] == max(s["date"] for s in data["sources"]) == "2026-11-21"
    cover = " ".join(PdfReader(edition / "brief.pdf").pages[0].extract_text().split())
    assert "Period covered: 16–21 November 2026" in cover
    assert "Published 25 November 2026" in cover
    txt = (edition / "brief.txt").read_text()
    assert "Period covered: 16–21 November 2026" in txt
    assert "2026-11" not in txt  # every date reads as a date, the appendix's too
    assert "Example Ministry Newsroom, press release, 17 November 2026." in " ".join(txt.split())


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (date(2026, 11, 17), date(2026, 11, 23), "17–23 November 2026"),
        (date(2026, 10, 28), date(2026, 11, 3), "28 October – 3 November 2026"),
        (date(2025, 12, 30), date(2026, 1, 5), "30 December 2025 – 5 January 2026"),
        (date(2026, 11, 17), date(2026, 11, 17), "17 November 2026"),
        ("2026-11-01", "2026-11-09", "1–9 November 2026"),
    ],
)
def test_date_range(start, end, text):
    from briefing.render.html import date_range

    assert date_range(start, end) == text


def test_date_filters_are_shared_by_every_template():
    from briefing.render.html import environment, long_date

    env = environment()
    assert long_date("2026-11-17") == "17 November 2026"
    assert long_date("sometime") == "sometime"  # not a date: left as written
    template = env.from_string("{{ d|longdate }} / {{ a|daterange(b) }}")
    assert template.render(d=date(2026, 11, 7), a="2026-11-17", b="2026-11-23") == (
        "7 November 2026 / 17–23 November 2026"
    )


def test_sources_all_of_one_day_are_dated_not_called_a_period(tmp_path, cli):
    sources = tmp_path / "src"
    sources.mkdir()
    body = "The ministry reported that courts sentenced 40 activists to prison terms in 2023.\n"
    for name in ("a", "b"):
        (sources / f"2024-04-17_{name}.md").write_text(f"# Report {name} on Belarus\n\n{body}")
    result = cli(
        "brief",
        sources,
        "--topic",
        "Belarus",
        "--keywords",
        "Belarus",
        "--format",
        "txt",
        "--as-of",
        "2024-12-31",
        "--out",
        tmp_path / "out",
    )
    assert result.exit_code == 0, result.output
    [txt] = (tmp_path / "out").rglob("brief.txt")
    text = txt.read_text()
    assert "Sources dated: 17 April 2024" in text and "Period covered" not in text


def test_reports_on_a_year_say_which_year_beside_the_day_they_are_dated(tmp_path, cli):
    """A country report published on 17 April 2024 reports on 2023: "Sources dated: 17 April
    2024" alone reads as if what it tells happened in 2024."""
    sources = tmp_path / "src"
    sources.mkdir()
    for country, text in (
        ("Belarus", "The ministry reported that courts sentenced 40 activists in Belarus."),
        ("Russia", "Courts in Belarus sentenced 12 journalists to prison terms during the year."),
    ):
        title = f"# 2023 Country Report on Human Rights Practices: {country}"
        (sources / f"2024-04-17_{country.lower()}.md").write_text(f"{title}\n\n{text}\n")
    result = cli(
        "brief", sources, "--topic", "Belarus", "--keywords", "Belarus", "--format", "txt",
        "--format", "html", "--as-of", "2024-12-31", "--out", tmp_path / "out",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    for name in ("brief.txt", "brief.html"):
        [path] = (tmp_path / "out").rglob(f"2024-12-31/{name}")
        assert "Sources dated: 17 April 2024 (reports on 2023)" in path.read_text(), name
    # a report titled by the year it was published in reports on the year before: its
    # title's year is no year it reports on
    for path in sources.iterdir():
        path.write_text(path.read_text().replace("# 2023 ", "# 2024 "))
    result = cli(
        "brief", sources, "--topic", "Belarus", "--keywords", "Belarus", "--format", "txt",
        "--as-of", "2025-01-02", "--out", tmp_path / "out2",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [path] = (tmp_path / "out2").rglob("2025-01-02/brief.txt")
    assert "Sources dated: 17 April 2024\n" in path.read_text()


def test_a_brief_of_one_topic_opens_on_its_bullets_not_a_cover_page(tmp_path, cli):
    """An on-demand brief is one topic, about a page: its title and dates head the first page
    and its bullets follow there, its title shown once (a cover page of three lines before one
    page of bullets is a page the reader turns for nothing)."""
    import docx

    formats = ("pdf", "docx", "json")
    folder = russia_brief(cli, PROJECTS / "mixed" / "sources", tmp_path / "out", formats)
    first = json.loads((folder / "brief.json").read_text())["topics"][0]["summary"][0]["text"]
    page = " ".join(PdfReader(folder / "brief.pdf").pages[0].extract_text().split())
    assert "Published 23 November 2026" in page
    opening = " ".join(first.split()[:6])
    assert opening in page
    assert page[: page.index(opening)].count("Russia") == 1  # the title, once
    document = docx.Document(str(folder / "brief.docx"))
    assert len(document.sections) == 1  # no page of its own for the title
