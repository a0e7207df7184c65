"""Topic matching: word forms, multi-word keywords, passing mentions, `sources --why`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.config import Topic
from briefing.match import Term, _hits, match, passing, stem, term_pattern
from briefing.model import Document

FILLER = "The delegation met partners to review the agenda for the coming months. " * 12


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("sanction", "new sanctions"),
        ("sanctions", "a sanction"),
        ("sanctions", "the entities sanctioned today"),
        ("sanction", "sanctioning banks"),
        ("supply chains", "a supply chain"),
        ("abuses", "abused detainees"),
        ("Russia", "Russian banks"),
        ("Russia", "Russia’s forces"),
        ("Iran", "Iranian oil"),
        ("Ukraine", "Ukrainian grain"),
    ],
)
def test_keywords_match_word_forms(term, text):
    assert term_pattern(term).search(text)


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("arms", "armed groups"),  # a short word in -s is a word of its own
        ("press", "pres"),
        ("DPRK", "DPRKian"),  # an acronym keeps its form
        ("Iran", "Irani"),
        ("sanction", "sanctity"),
    ],
)
def test_word_forms_stay_the_same_word(term, text):
    assert not term_pattern(term).search(text)


def test_stem_strips_inflections_only():
    assert stem("sanctions") == stem("sanctioned") == stem("sanctioning") == "sanction"
    assert stem("status") == "status" and stem("news") == "news"


def write(folder: Path, name: str, title: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")


def test_brief_with_a_multi_word_keyword_finds_its_words_in_one_sentence(cli, tmp_path):
    src = tmp_path / "src"
    write(
        src,
        "2022-05-01_banks.txt",
        "Treasury Targets Banks",
        "Today Treasury sanctioned three Russian banks that finance the war. "
        "The sanctions freeze their assets in the United States. " + FILLER,
    )
    write(
        src,
        "2022-05-02_iran.txt",
        "Measures on Iran",
        "Today the United States imposed sanctions on Iran's drone makers. "
        "Separately, Russia held talks in Geneva. " + FILLER,
    )
    write(src, "2022-05-03_grain.txt", "Grain Corridor", "Russia reopened a port. " + FILLER)
    out = tmp_path / "out"
    result = cli(
        "brief",
        src,
        "--topic",
        "Russia sanctions",
        "--keywords",
        "Russia sanctions",
        "--as-of",
        "2022-05-31",
        "--format",
        "json",
        "--out",
        out,
    )
    assert result.exit_code == 0, result.output
    data = json.loads(next(out.rglob("brief.json")).read_text())
    # words in two sentences (Iran) or one word only (grain) are not "Russia sanctions"
    assert [s["title"] for s in data["sources"]] == ["Treasury Targets Banks"]


def doc(name: str, title: str, text: str) -> Document:
    return Document(path=Path(name), title=title, text=text)


def test_a_source_about_the_topic_ranks_above_one_that_mentions_it_later():
    lead = doc(
        "lead.txt",
        "Election Report",
        "Belarus held a referendum on Sunday. Belarus observers were barred. " + FILLER,
    )
    later = doc(
        "later.txt",
        "Regional Notes",
        FILLER + "Belarus, Belarus, Belarus and Belarus were named in the annex.",
    )
    topic = Topic(name="Belarus", keywords=["Belarus"])
    assert [m.doc.path.name for m in match(topic, [later, lead])] == ["lead.txt", "later.txt"]


def test_a_source_titled_with_the_topic_outranks_one_that_names_it_as_often():
    """A report on a neighbour may name the country as often as the country's own report
    does: past a few dozen mentions the count says no more (BM25 saturates), and the title,
    scored as a field of its own, tells which report is on it."""

    def said(place: str, n: int) -> str:
        return " ".join(f"Ruritania detained {k} people in {place} district {k}." for k in range(n))

    courts = " ".join(
        f"The courts heard {k} appeals in the capital in week {k}." for k in range(40)
    )
    own = doc("ruritania.txt", "Ruritania", said("Varna", 40) + " " + courts)  # as long
    other = doc(
        "borduria.txt",
        "Country Reports on Human Rights Practices: Borduria",
        said("the Bordurian border", 80),
    )
    topic = Topic(name="Ruritania", keywords=["Ruritania"])
    assert [m.doc.path.name for m in match(topic, [other, own])] == [
        "ruritania.txt",
        "borduria.txt",
    ]


def test_a_passing_mention_is_left_out_when_other_sources_are_about_the_topic():
    about = doc("belarus.txt", "Belarus: Country Report", "Belarus jailed critics. " + FILLER)
    aside = doc(
        "taliban.txt",
        "Afghanistan: Country Report",
        "The Taliban restricted girls' schooling. " + FILLER + " Flights went via Belarus. ",
    )
    topic = Topic(name="Belarus", keywords=["Belarus"])
    assert passing(topic, aside) and not passing(topic, about)
    assert [m.doc.path.name for m in match(topic, [about, aside])] == ["belarus.txt"]
    # alone, a passing mention is still a match: better a thin brief than none
    assert [m.doc.path.name for m in match(topic, [aside])] == ["taliban.txt"]


def test_sources_why_shows_terms_fields_and_scores(cli, tmp_path):
    src = tmp_path / "src"
    write(src, "2022-05-01_belarus.txt", "Belarus Jails Critics", "Belarus jailed 30. " + FILLER)
    write(
        src,
        "2022-05-02_taliban.txt",
        "Taliban Curbs",
        "The Taliban closed schools. " + FILLER + " Flights went via Belarus.",
    )
    config = tmp_path / "config.yaml"
    config.write_text(
        "title: T\nsources: [src]\noutput: out\n"
        "topics:\n  - name: Belarus\n    keywords: [Belarus]\n",
        encoding="utf-8",
    )
    result = cli("sources", config, "--why")
    assert result.exit_code == 0, result.output
    section = result.output.split("\nBelarus (keywords: Belarus): 1 sources\n", 1)[1]
    first, terms = section.splitlines()[:2]
    assert "Belarus Jails Critics" in first and float(first.split()[0]) > 0
    assert terms.split() == ["Belarus:", "1", "in", "text,", "1", "in", "title,", "1", "in", "lead"]
    assert "left out, mentioned in passing: src/2022-05-02_taliban.txt" in section


ODD_CASES = [  # re.I matches these with an ASCII letter; str.lower does not lower them to it
    ("Iran", "\u0130RAN said"),
    ("Iran", "\u0131ran said"),
    ("sanction", "\u017fanctions were imposed"),
    ("Kyiv", "\u212ayiv replied"),
    ("Russia sanctions", "In \u0130stanbul, Ru\u017f\u017fia was met with sanctions."),
    ("sanction", "plain sanctions, with an en dash \u2013 and a curly \u2019 quote"),
    ("sanction", "desanctioned and \u00e9sanctions are not; SANCTIONS are"),  # a word's start
    ("U.S.", "Said the U.S. and \u00e9U.S. envoys"),
]


@pytest.mark.parametrize(("term", "text"), ODD_CASES)
def test_the_quick_absence_test_never_hides_a_form_the_pattern_finds(term, text):
    together = " " in term
    found = _hits.__wrapped__(text, "Title", Term(term, together))
    if together:
        words = [term_pattern(w) for w in term.split()]
        expected = sum(all(p.search(s) for p in words) for s in [text])
    else:
        expected = len(term_pattern(term).findall(text))
    assert found.text == expected and expected > 0
