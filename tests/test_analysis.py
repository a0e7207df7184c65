"""Sentences, summaries and quotes: verbatim, attributed, never from questions."""

import json

import pytest

from briefing.analyze import analyze, spoken_quotes
from briefing.ingest import get_sources, read_file
from briefing.text import split_sentences
from conftest import SEED, SHARED, assert_verbatim, needs_shared


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_sentence_splitting_survives_abbreviations():
    text = (
        "Antony J. Blinken met Dr. Smith in the U.S. Capitol at 2 p.m. EDT on Monday. "
        "He left at 5 p.m. The talks went on. Was it useful? Yes."
    )
    assert sentences(text) == [
        "Antony J. Blinken met Dr. Smith in the U.S. Capitol at 2 p.m. EDT on Monday.",
        "He left at 5 p.m.",
        "The talks went on.",
        "Was it useful?",
        "Yes.",
    ]


def test_sentences_a_page_ran_together_are_two():
    text = "Its freedoms are diminishing as the PRC tightens its rule.The gap is shrinking."
    assert sentences(text) == [
        "Its freedoms are diminishing as the PRC tightens its rule.",
        "The gap is shrinking.",
    ]
    # a web address, an abbreviation and an acronym glued to a word are not boundaries
    assert len(sentences("See state.gov for the U.S.Department of the Treasury list.")) == 1
    # after a year or a score too: "… in August 2013.Leeds Crown Court heard …"
    assert sentences("He was hit in August 2013.Leeds Crown Court heard he was drunk.") == [
        "He was hit in August 2013.",
        "Leeds Crown Court heard he was drunk.",
    ]
    assert len(sentences("The kit cost £9.99 and sold well.")) == 1


def test_bad_text_is_bounded():
    assert sentences("") == []
    long_word = "x" * 200_000
    assert all(e - s <= 2_000 for s, e in split_sentences(long_word))
    doc_path_text = "“unbalanced quote and no end " * 50
    from pathlib import Path

    from briefing.ingest.page import read_page

    doc = read_page(Path("u.txt"), doc_path_text)
    assert analyze(doc).quotes == ()


@needs_shared
def test_seed_summary_and_quotes():
    result = analyze(read_file(SEED))
    assert result.summary and not any(s.text.endswith("?") for s in result.summary)
    assert {q.speaker for q in result.quotes} == {"Stephen Sestanovich"}
    questions = [t for t in result.doc.turns if t.role == "question"]
    for s in result.summary:
        assert not any(t.start <= s.start < t.end for t in questions)


@needs_shared
def test_every_quote_in_the_corpus_is_verbatim_and_never_a_question():
    docs, _ = get_sources([SHARED / "corpus", SHARED / "seed"])  # every document there
    checked = 0
    for doc in docs:
        result = analyze(doc)
        for q in list(result.quotes) + spoken_quotes(result):
            assert_verbatim(q, doc.text)
            assert q.speaker not in {"QUESTION", "OPERATOR", "Operator", "Question"}
            checked += 1
        questions = [t for t in doc.turns if t.role == "question"]
        for s in result.summary:
            assert not any(t.start <= s.start < t.end for t in questions), doc.path
    assert checked > 100


def test_inspect_json_contract(cli, project):
    folder = project("mixed")
    result = cli("inspect", "--json", folder / "sources" / "nested")
    record = json.loads(result.output.splitlines()[0])
    assert set(record) >= {
        "path",
        "title",
        "date",
        "authors",
        "publisher",
        "doc_type",
        "text",
        "turns",
        "quotes",
        "summary",
    }
    assert record["date"] == "2026-11-18" and record["doc_type"] == "interview"
    for q in record["quotes"]:
        assert q["parts"][0][0] == q["start"] and q["parts"][-1][1] == q["end"]
        assert all(record["text"][s:e] in q["text"] for s, e in q["parts"])
    assert {t["role"] for t in record["turns"]} <= {"question", "answer", "statement"}


@pytest.mark.parametrize("n", [1, 3, 5])
def test_inspect_sentences_option(cli, project, n):
    folder = project("mixed")
    result = cli("inspect", "--json", "--sentences", n, folder / "sources" / "nested")
    assert len(json.loads(result.output)["summary"]) == n


def test_analysis_of_a_huge_document_reads_a_bounded_part():
    from pathlib import Path

    from briefing.ingest.page import read_page
    from briefing.text import MAX_ANALYZED_CHARS

    para = "Officials said “the talks will resume soon and bring progress,” and left. " * 40
    doc = read_page(Path("huge.txt"), "Huge File\n\n" + "\n\n".join([para] * 1500))
    assert len(doc.text) > 4_000_000
    result = analyze(doc)
    assert result.summary and result.quotes
    assert max(s.end for s in result.sentences) <= MAX_ANALYZED_CHARS
    assert max(q.end for q in result.quotes) <= MAX_ANALYZED_CHARS


@pytest.mark.parametrize(
    "sentence",
    [
        "I have three updates at the top and then we’ll resume taking your questions.",
        "Good afternoon, everyone, and thank you for joining today’s call.",
        "And thank you really for the work that you and your team are doing on food security.",
        "The text of the following statement was released by the G7 foreign ministers today.",
        "Next question, please, from the line of Said Arikat.",
        "And I’m especially pleased to introduce Jessica Stern on this momentous occasion.",
        "We’re very glad to have Special Representative Kim with us today to tell you more.",
        "Now today, Special Envoy Stern is with us to unveil the first annual report on it.",
        "So I’d ask that you limit your questions to those topics, please, everyone.",
        "It’s my pleasure to welcome you to this call previewing the Secretary’s trip to Italy.",
        "Today, we are joined by the Under Secretary and the Special Envoy to discuss these.",
        "Yes, we have seen those reports and we are looking into them.",
        "Great, thank you all for coming out this morning to the briefing.",
        "Yes we have seen those reports and we are looking into all of them.",
        "EMBARGO: not for release until 10:00 GMT on the day of the summit.",
    ],
)
def test_logistics_are_never_summary_material(sentence):
    from briefing.model import Sentence
    from briefing.summarize import eligible

    assert not eligible(Sentence(sentence, 0, len(sentence), "Jalina Porter", "answer"))
    for fact in (
        "The United States will send an additional 500 million dollars in aid.",
        # an answer word as a determiner, an adjective in a name: news
        "No casualties were reported after the second blast in the port.",
        "Great Britain has ended its embargo on arms sales to the region.",
        "The embargo on arms sales to the region remains in force until March.",
    ):
        assert eligible(Sentence(fact, 0, len(fact), "Jalina Porter", "answer")), fact


@pytest.mark.parametrize(
    "body",
    [
        "外交部发言人表示，中方将继续推动和平谈判。" * 200,  # no spaces, no Latin full stops
        "قال المتحدث إن المحادثات ستستأنف الأسبوع المقبل في جنيف. " * 200,
        "Министр заявил: «Переговоры продолжатся на следующей неделе в Женеве». " * 200,
    ],
    ids=["chinese", "arabic", "russian"],
)
def test_text_in_another_script_is_analyzed_without_trouble(body):
    from pathlib import Path

    from briefing.ingest.page import read_page

    doc = read_page(Path("other.txt"), "Other Script\n\n" + body)
    result = analyze(doc)
    assert all(len(s.text) <= 2_000 for s in result.sentences)
    assert result.summary and len(result.summary[0].text) < 200  # split into real sentences
    for q in result.quotes:  # whatever is found is verbatim
        assert_verbatim(q, doc.text)


def test_a_news_summary_is_its_lead_without_the_lines_that_are_not_article_sentences():
    from pathlib import Path

    from briefing.ingest.page import read_page

    text = (
        "Harbour strike ends\n\n"
        "By Jane Doe, Transport Editor\n\n"
        "Dockers at the port of Felixstowe voted on Monday to end a two-week strike over pay.\n\n"
        "Scroll down for video and pictures of the picket line:\n\n"
        "Back to work: Dockers at the port of Felixstowe voted on Monday to end the strike"
        " over pay.\n\n"
        "The union said members accepted an offer of a seven per cent rise this year.\n\n"
        "Ships had queued in the North Sea for days, and retailers warned of empty shelves.\n\n"
        "Talks on pensions will continue next month, the employer said in a statement.\n"
    )
    summary = [s.text for s in analyze(read_page(Path("strike.txt"), text)).summary]
    assert summary == [
        "Dockers at the port of Felixstowe voted on Monday to end a two-week strike over pay.",
        "The union said members accepted an offer of a seven per cent rise this year.",
        "Ships had queued in the North Sea for days, and retailers warned of empty shelves.",
    ]


def test_a_sentence_broken_across_lines_is_read_whole():
    """In a file of one paragraph a line, a hard wrap or a copy breaks a sentence where no
    punctuation stops it and the next line goes on in lower case: it is one sentence, in the
    summary as in the text. Short lines stay apart (a heading, list items)."""
    from pathlib import Path

    from briefing.ingest.page import read_page

    lines = [
        "Ferry services to the islands resumed on Tuesday after a week",
        "of storms kept every boat in harbour, the operator said.",
        "Passengers who missed sailings will be offered a refund or a later crossing.",
        "Engineers checked each pier before the first boat left the mainland at dawn.",
    ]
    doc = read_page(Path("ferries.txt"), "\n".join(lines) + "\n")
    summary = [s.text for s in analyze(doc).summary]
    assert summary[0] == lines[0] + " " + lines[1]
    # short lines (a heading, list items) stay apart, with or without blank lines between
    for gap in ("\n", "\n\n"):
        kit = gap.join([*lines[2:], "What to pack", "flour", "two spare batteries", "a kit"])
        listed = read_page(Path("kit.txt"), kit + "\n")
        assert "flour\n\ntwo spare batteries\n\na kit" in listed.text
    # a line that stops on a preposition goes on in the next, whatever its case
    wrapped = read_page(
        Path("pier.txt"),
        "The lifeboat crew were called out to\nBrook Point on Friday night after a yacht "
        "lost power.\nAll four sailors were brought ashore.\n",
    )
    assert "called out to Brook Point on Friday night" in wrapped.text
    # ... but not into a transcript's next turn
    turns = read_page(
        Path("call.txt"),
        "MS. WILLIAMS: I think we should begin with the budget and\n"
        "MR. MORGAN: Hold on, let me finish first, because the costs matter.\n"
        "MS. WILLIAMS: Fine, go on then, we have the time.\n",
    )
    assert len(turns.turns) == 3
