"""Ingest: titles, datelines, boilerplate, Q&A turns, transcript labels, encodings, bad files."""

import json
import os
from datetime import date
from pathlib import Path

from briefing.ingest import get_sources, read_file
from conftest import CORPUS, SEED, needs_shared


@needs_shared
def test_seed_comes_out_clean():
    doc = read_file(SEED)
    assert doc.title == "Reassessing the U.S.-Russia ’Reset’"
    assert doc.date == date(2012, 12, 13)
    assert doc.doc_type == "interview"
    for junk in (
        "More From Our Experts",
        "More on:",
        "To help readers",
        "Top Stories",
        "Opioid addiction",
        "Middle East and North Africa",
    ):
        assert junk not in doc.text
    assert doc.text.count("Reassessing") == 0
    answers = [t for t in doc.turns if t.role == "answer"]
    questions = [t for t in doc.turns if t.role == "question"]
    assert len(answers) == len(questions) == 7
    assert {t.speaker for t in answers} == {"Stephen Sestanovich"}
    assert all(doc.text[t.start : t.end].endswith("?") for t in questions)


@needs_shared
def test_transcript_labels_map_to_full_names():
    doc = read_file(CORPUS / "docs" / "2021-06-02_department-press-briefing-june-2-2021.txt")
    assert doc.doc_type == "transcript"
    speakers = {t.speaker for t in doc.turns}
    assert "Jalina Porter" in speakers and "Operator" in speakers
    assert all(t.speaker is None for t in doc.turns if t.role == "question")
    blinken = read_file(
        CORPUS
        / "docs"
        / "2022-06-07_secretary-antony-j-blinken-with-maria-ressa-on-digital-diplo.txt"
    )
    assert {t.speaker for t in blinken.turns if t.role == "answer"} == {"Antony J. Blinken"}


@needs_shared
def test_corpus_titles_and_dates_match_metadata():
    hits = total = 0
    for line in (CORPUS / "metadata.jsonl").read_text().splitlines():
        meta = json.loads(line)
        for key in ("html_file", "text_file"):
            doc = read_file(CORPUS / meta[key])
            total += 2
            hits += (doc.title == meta["title"]) + (str(doc.date) == _day_of(meta))
    assert hits / total >= 0.98


def _day_of(meta: dict) -> str:
    """The metadata's date, which is the feed's publication time in UTC; a record whose title
    ends on its day and went up in the small hours of the next day UTC (the US evening) is of
    its title's day ("Department Press Briefing – February 2, 2022", published 00:25 UTC on
    3 February)."""
    import re
    from datetime import datetime, timedelta

    found = re.search(r"[–-] (\w+ \d{1,2}, \d{4})$", meta["title"])
    published = datetime.strptime(meta["published"], "%a, %d %b %Y %H:%M:%S %z")
    if found and published.hour < 6:
        titled = datetime.strptime(found[1], "%B %d, %Y").date()
        if published.date() - titled == timedelta(days=1):
            return str(titled)
    return meta["date"]


def test_title_rules(tmp_path: Path):
    titled = tmp_path / "a.txt"
    titled.write_text("A Short Title\n\nFirst paragraph here. It goes on.\n\nSecond one.\n")
    assert read_file(titled).title == "A Short Title"
    sentence = tmp_path / "2021-05-27_one-per-line.txt"
    sentence.write_text(
        "The minister spoke on Monday.\nShe said talks would go on.\nNo deal yet.\n"
    )
    doc = read_file(sentence)
    assert doc.title == "One per line"  # no title line: named after the file
    assert doc.text.startswith("The minister spoke")
    assert doc.date == date(2021, 5, 27)


def test_encodings(tmp_path: Path):
    text = "Title Line\n\n“Curly” quotes and café — fine.\n"
    for name, data in {
        "utf8bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf16.txt": text.encode("utf-16"),
        "cp1252.txt": text.encode("cp1252"),
    }.items():
        (tmp_path / name).write_bytes(data)
        doc = read_file(tmp_path / name)
        assert doc.title == "Title Line", name
        assert "“Curly” quotes and café — fine." in doc.text, name


def test_markdown_front_matter(tmp_path: Path):
    path = tmp_path / "note.md"
    path.write_text(
        "---\ntitle: Front Title\ndate: 2024-03-01\nauthor: A. Writer\n"
        "url: https://example.org/x\n---\n\n# Front Title\n\nSome **bold** text "
        "with a [link](https://example.org).\n"
    )
    doc = read_file(path)
    assert (doc.title, doc.date, doc.authors, doc.url) == (
        "Front Title",
        date(2024, 3, 1),
        ("A. Writer",),
        "https://example.org/x",
    )
    assert doc.text == "Some bold text with a link."


def test_bad_files_are_skipped_with_a_reason(tmp_path: Path, caplog):
    (tmp_path / "good.txt").write_text("Good Title\n\nA real paragraph about things.\n")
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n")
    as_root = os.geteuid() == 0  # root reads any file, so only test permissions as a user
    if not as_root:
        (tmp_path / "locked.txt").write_text("x")
        (tmp_path / "locked.txt").chmod(0)
    docs, skipped = get_sources([tmp_path, tmp_path / "missing-folder"])
    assert [d.title for d in docs] == ["Good Title"]
    reasons = {s.path.name: s.reason for s in skipped}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"] == "binary file"
    assert "unsupported file type '.png'" in reasons["picture.png"]
    assert "missing-folder" in reasons
    if not as_root:
        assert "cannot read" in reasons["locked.txt"]
    assert sum("skipped" in r.message for r in caplog.records) == len(skipped)


def test_hostile_files_are_read_or_skipped_and_never_hang(tmp_path: Path):
    from briefing.analyze import analyze

    (tmp_path / "truncated.html").write_text(
        "<html><head><title>Half a Page</title></head><body><h1>Half a Page</h1><p>The talks "
        "resumed on Monday in Geneva and the delegations met for hours to discuss the accord"
    )
    (tmp_path / "invalid.txt").write_bytes(
        "Broken Bytes\n\nThe minister’s “plan” was discussed at length in Geneva on Monday "
        "by the delegations \ufffd and more.".encode().replace("\ufffd".encode(), b"\xff\xfe\xc3")
    )
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    (tmp_path / "loop").mkdir()
    (tmp_path / "loop" / "again").symlink_to(tmp_path)  # a folder that contains itself
    paragraph = "The delegations met for a long day of talks about the accord in Geneva. " * 10
    (tmp_path / "big.txt").write_text("Big File\n\n" + "\n\n".join([paragraph] * 70_000))
    assert (tmp_path / "big.txt").stat().st_size > 50_000_000
    docs, skipped = get_sources([tmp_path])
    assert sorted(d.title for d in docs) == ["Big File", "Broken Bytes", "Half a Page"]
    assert {s.path.name for s in skipped} == {"a.txt", "b.txt"}
    assert all("symbolic links" in s.reason for s in skipped)
    for doc in docs:
        assert analyze(doc).summary  # bounded work, sensible output
    broken = next(d for d in docs if d.title == "Broken Bytes")
    assert broken.text.startswith("The minister’s “plan”")  # still UTF-8 around the bad bytes


def test_paragraphs_repeated_across_a_sites_dumps_are_removed(tmp_path: Path):
    furniture = "Listen to our weekly podcast on every major platform"
    for i in range(4):
        (tmp_path / f"page-{i}.txt").write_text(
            f"Story Number {i}\n\nThe first real paragraph of story {i} about Moldova.\n\n"
            f"{furniture}\n\nMR SMITH: The second real paragraph of story {i}, said in a "
            f"briefing.\n\nQUESTION: And a question {i}?\n\nMR SMITH: An answer {i}.\n"
        )
    docs, _ = get_sources([tmp_path])
    for doc in docs:
        assert furniture not in doc.text
        assert "The first real paragraph" in doc.text
        for turn in doc.turns:  # offsets still point at the right words
            assert doc.text[turn.start : turn.end].strip()
        answers = [doc.text[t.start : t.end] for t in doc.turns if t.role == "answer"]
        assert answers[0].startswith("The second real paragraph")
    single, _ = get_sources([tmp_path / "page-0.txt"])  # alone, nothing repeats
    assert furniture in single[0].text


def test_boilerplate_rules_from_the_config(tmp_path: Path):
    from datetime import date

    from briefing.build import build
    from briefing.config import load_config

    (tmp_path / "src").mkdir()
    for name, furniture in (("a.txt", "Sponsored: buy our report today"), ("b.txt", "Keep me")):
        (tmp_path / "src" / name).write_text(
            f"Title {name}\n\nRussia said the talks would resume on Monday.\n\n{furniture}\n"
        )
    config = tmp_path / "c.yaml"
    config.write_text(
        "title: T\nsources: [src]\noutput: out\nformats: [json]\n"
        "topics: [{name: Russia, keywords: [Russia]}]\n"
        "boilerplate:\n  - pattern: '^Sponsored:'\n  - pattern: '^Keep me$'\n    where: elsewhere\n"
    )
    cfg = load_config(config)
    docs, _ = get_sources(cfg.source_paths, rules=cfg.rules)
    texts = {d.path.name: d.text for d in docs}
    assert "Sponsored" not in texts["a.txt"] and "Keep me" in texts["b.txt"]
    assert build(cfg, as_of=date(2026, 1, 1)).files
    config.write_text(config.read_text().replace("'^Sponsored:'", "'(unclosed'"))
    import pytest

    from briefing.errors import ConfigError

    with pytest.raises(
        ConfigError, match="boilerplate\\[0\\].pattern: Value error, invalid regular"
    ):
        load_config(config)


SERIES_PAGE = """Talks on Trade Resume

The passage of a new trade bill could complicate relations between the two countries, says \
Jane Doe of the institute.

March 3, 2021 10:00 am (EST)

{first}

The trade bill passed the Senate on Tuesday after months of debate over tariffs and quotas.

Jane Doe said relations would survive the bill, though tariffs on steel would rise.

The institute expects the talks on tariffs to resume in the spring.
"""


def test_a_series_blurb_under_the_dateline_is_dropped_by_its_form_and_place(tmp_path: Path):
    # a sentence about the series, not the story, in the seed's place, in other words
    blurb = (
        "Our editors speak with scholars, diplomats and officials around the world each week "
        "about the ideas shaping policy."
    )
    page = tmp_path / "interview.txt"
    page.write_text(SERIES_PAGE.format(first=blurb), encoding="utf-8")
    doc = read_file(page)
    assert "Our editors" not in doc.text and "The trade bill passed" in doc.text
    # the story's own first sentence in that place stays
    lead = "Senators voted on Tuesday to pass the trade bill, raising tariffs on imported steel."
    page.write_text(SERIES_PAGE.format(first=lead), encoding="utf-8")
    assert lead in read_file(page).text


def test_a_folders_own_readme_and_licence_are_not_sources(tmp_path: Path):
    from briefing.cache import DocumentCache

    (tmp_path / "release.md").write_text("# Sanctions on Shipping\n\nThe Treasury acted today.\n")
    (tmp_path / "README.md").write_text("# Our clippings\n\nCollected for the Arctic desk.\n")
    (tmp_path / "SOURCE.md").write_text("# Origin\n\nLicence: public domain.\n")
    (tmp_path / "LICENSE").write_text("MIT\n")
    docs, skipped = get_sources([tmp_path])
    assert [d.title for d in docs] == ["Sanctions on Shipping"]
    assert {s.path.name for s in skipped} >= {"README.md", "SOURCE.md"}
    assert all("documentation" in s.reason for s in skipped if s.path.name != "LICENSE")
    with DocumentCache(tmp_path / "cache.sqlite") as cache:  # the index path says the same
        docs, skipped = get_sources([tmp_path], cache)
    assert [d.title for d in docs] == ["Sanctions on Shipping"]
    assert {s.path.name for s in skipped} >= {"README.md", "SOURCE.md"}


def test_summarize_reads_a_folder_without_its_readme_and_names_a_refused_file(tmp_path: Path):
    from click.testing import CliRunner

    from briefing.cli import main

    (tmp_path / "release.md").write_text(
        "# Sanctions on Shipping\n\nThe Treasury sanctioned six shipping firms on Friday.\n"
    )
    (tmp_path / "README.md").write_text(
        "# Our clippings\n\nCollected for the Gulf desk by interns.\n"
    )
    runner = CliRunner()
    result = runner.invoke(main, ["summarize", str(tmp_path)])
    assert result.exit_code == 0 and "six shipping firms" in result.output
    assert "interns" not in result.output
    refused = runner.invoke(main, ["summarize", str(tmp_path / "README.md")])
    assert refused.exit_code == 1
    assert refused.output.strip().splitlines() == [
        f"Error: {tmp_path / 'README.md'}: a folder's own documentation (README, SOURCE, LICENSE), "
        "not a source"
    ]


def test_a_position_run_into_its_bureau_gets_its_separator_back(tmp_path: Path):
    # Two page elements, the position and the bureau, joined without a space by the site.
    page = tmp_path / "briefing.html"
    page.write_text(
        "<html><body><article><h1>Briefing on Migration</h1>"
        "<p>Marta Youth, Deputy Assistant SecretaryBureau of Population, Refugees, and "
        "Migration</p>"
        "<p>Ned Price, Department Spokesperson</p>"
        "<p>MS YOUTH: We expanded the programme to three more countries this year.</p>"
        "</article></body></html>"
    )
    positions = dict(read_file(page).positions)
    assert positions["Marta Youth"] == (
        "Deputy Assistant Secretary, Bureau of Population, Refugees, and Migration"
    )
    assert positions["Ned Price"] == "Department Spokesperson"


def test_a_date_in_the_title_is_the_day_of_the_event_it_records(tmp_path: Path):
    """A briefing's page went up after midnight UTC: the title's day is the briefing's, and
    its "today" is that day."""
    body = "\n\nNed Price, Department Spokesperson\n\nMR PRICE: Good afternoon, everyone.\n"
    late = tmp_path / "2022-02-03_briefing.txt"
    late.write_text("Department Press Briefing – February 2, 2022" + body, encoding="utf-8")
    assert read_file(late).date == date(2022, 2, 2)
    # a title's date long before the document's is what the document is about, not its day
    old = tmp_path / "2022-02-20_anniversary.txt"
    old.write_text("Remembering the Briefing of February 2, 2022" + body, encoding="utf-8")
    assert read_file(old).date == date(2022, 2, 20)


def test_a_scan_that_parses_nothing_imports_no_reader(tmp_path):
    """The readers' imports (lxml, trafilatura, feedparser, yaml) wait for a file to parse:
    a fresh process re-scanning an unchanged folder is spared them."""
    import subprocess
    import sys

    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "a.txt").write_text("A note\n\nThe ministry met on trade.\n")
    (folder / "b.html").write_text("<html><body><article><p>Trade talks.</p></article></body>")
    code = (
        "import sys\nfrom pathlib import Path\nfrom briefing.cache import DocumentCache\n"
        "from briefing.ingest import index_sources\n"
        "with DocumentCache() as cache:\n"
        "    index_sources([Path(sys.argv[1])], cache)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('lxml', 'trafilatura', 'yaml',"
        " 'feedparser', 'briefing.ingest.readers', 'briefing.ingest.feeds'))))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, str(folder)], env=env, capture_output=True, text=True
        )
        for _ in range(2)
    ]
    assert "briefing.ingest.readers" in runs[0].stdout  # the first scan parsed both files
    assert runs[1].stdout.strip() == "[]", runs[1].stderr


def test_a_release_that_publishes_a_report_is_a_release_and_a_report_is_a_report(tmp_path):
    """A headline that says someone releases a report ("OSCE Releases the Second Expert
    Mission Report on …") announces it: a press release, a page long. A report's own title
    names it ("Report on …", "… Review: …")."""
    body = (
        "Office of the Spokesperson\n\nJuly 14, 2022\n\nThe mission of experts found clear "
        "patterns of serious violations of international humanitarian law in the region.\n"
    )
    kinds = {}
    for title in (
        "OSCE Releases the Second Expert Mission Report on Abuses in the War",
        "Ministry Publishes Its Annual Review of Export Controls",
        "Second Expert Mission Report on Abuses in the War",
        "Annual Review of Export Controls: 2022",
    ):
        path = tmp_path / f"{len(kinds)}.txt"
        path.write_text(f"{title}\n\n{body}", encoding="utf-8")
        kinds[title.split()[1]] = read_file(path).doc_type
    assert kinds == {
        "Releases": "press release",
        "Publishes": "press release",
        "Expert": "report",
        "Review": "report",
    }


def test_a_space_that_markup_left_before_a_comma_or_full_stop_is_not_text(tmp_path: Path):
    # a link ends on an icon's empty span: the page puts a space between a word and its comma
    page = tmp_path / "guidance.html"
    page.write_text(
        "<html><body><article><h1>Guidance on Shipping Advisories</h1>"
        "<p>The department has issued advisories on <a href='/a.pdf'>cyber threats"
        "<span class='icon-pdf'> </span></a>, illicit <a href='/b.pdf'>maritime activities"
        "<span class='icon-pdf'> </span></a>, and supply chain links <a href='/c.pdf'>here"
        "<span> </span></a>. They name the risks to shippers in the region ... and more.</p>"
        "</article></body></html>"
    )
    text = read_file(page).text
    assert "on cyber threats, illicit maritime activities, and supply chain links here." in text
    assert "region ... and more." in text  # an ellipsis keeps its space
    plain = tmp_path / "guidance.txt"
    plain.write_text("Advisories\n\nThey cover cyber threats , illicit shipping , and links .\n")
    assert "They cover cyber threats, illicit shipping, and links." in read_file(plain).text


def test_a_titles_last_portfolio_is_no_given_name(tmp_path):
    """"Minister of Economy, Trade, and Industry Rusu": "Industry" closes the title's list of
    portfolios, so the label MINISTER RUSU is not "Industry Rusu"; a name after a plain "and"
    still is one."""
    path = tmp_path / "remarks.txt"
    path.write_text(
        "Remarks with Foreign Minister Ana Popa and Minister of Economy, Trade, and Industry "
        "Rusu Ion\n\nSECRETARY BLINKEN: Good morning. We welcome Ministers Popa and Rusu.\n\n"
        "MINISTER RUSU: We signed a new gas contract with Romania in June.\n\n"
        "FOREIGN MINISTER POPA: We will hold elections on July 11 with 2,000 observers.\n",
        encoding="utf-8",
    )
    speakers = {t.speaker for t in read_file(path).turns}
    assert "Industry Rusu" not in speakers and "Minister Rusu" in speakers
    assert "Ana Popa" in speakers


def test_a_list_of_places_before_a_name_is_no_title():
    from briefing.ingest.meta import full_name

    # a title's portfolios with or without the comma before "and"
    assert full_name("Rusu", "the Minister of Trade and Industry Rusu met them") is None
    assert full_name("Rusu", "Minister of Economy, Trade and Industry Rusu spoke") is None
    # a list of countries ends on a person's name
    assert (
        full_name("Macron", "with the support of Germany, France, and Emmanuel Macron today")
        == "Emmanuel Macron"
    )
