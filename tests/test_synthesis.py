"""Topic synthesis and the editorial checks that make its bullets stand on their own."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from briefing.analyze import analyze
from briefing.editorial import edit, first_person, leans_back
from briefing.model import Document, Sentence, Turn
from briefing.summarize import doc_sentences
from briefing.synthesize import candidates, source_id, synthesize
from tests.conftest import ROOT, needs_shared

# Openings a bullet may not start on: it would lean on a sentence the reader was not shown.
DANGLING = re.compile(
    r"^(?:But|However|And|Also|Yet|So|This|That|These|Those|It|They|He|She|First|Second|"
    r"Finally|Moreover|In addition)\b(?! (?:week|morning|afternoon|evening|year|month)\b)"
)


def verbatim(text: str) -> str:
    """A bullet without its editorial insertions: what its spans should join to."""
    return re.sub(r"^\[\w\]", "", re.sub(r" \[[^]]*\]", "", text))


def doc(text: str, **kw) -> Document:
    return Document(Path(kw.pop("path", "/tmp/a.txt")), kw.pop("title", "A"), text, **kw)


def edited(d: Document, index: int = -1):
    sentences = doc_sentences(d)
    return edit(d, sentences, index % len(sentences))



def written(text: str) -> bool:
    """Whether a written (not spoken) sentence leans on one the reader was not shown."""
    return leans_back(text, [], spoken=False)

def test_openings_that_lean_on_an_unseen_sentence_are_recognised():
    before = [Sentence("The Treasury designated four tankers carrying Russian oil.", 0, 10)]
    assert leans_back("But it will not replace the talks in Geneva next month.", [])
    assert leans_back("This is a step in the right direction for everyone.", [])
    assert leans_back("First, the Secretary will travel to Brussels on Monday.", [])
    # an elaboration or a consequence of what came before (Halliday & Hasan's conjunction)
    assert leans_back("Specifically, we are designating two banks in Minsk under the order.", [])
    assert leans_back("Consequently, the talks were postponed until June.", [])
    assert leans_back("The designations mark a new stage in the campaign.", before)
    assert leans_back("There is also money at stake in the Arctic.", [])
    assert leans_back("That’s what we will continue to do for the people of Ukraine.", [])
    assert leans_back("Doing so is not only the right thing to do but the smart thing.", [])
    assert leans_back("Part of it is impressing upon the Taliban the imperative to act.", [])
    assert leans_back("Much of it was destroyed in the fire at the depot last week.", [])
    # inside a sentence "it" may be what the sentence itself named
    assert not leans_back("Russia shelled the city in March, and much of it was destroyed.", [])
    assert leans_back("In doing so, the council broke with two decades of practice.", [])
    assert not leans_back("The council must act now and do so before the vote in May.", [])
    assert leans_back("We have done so over the course of several weeks.", [])
    assert leans_back("With regard to others who may be considering such moves, we urge care.", [])
    assert not leans_back("The ministry and others in the region signed the accord in May.", [])
    assert written("Many of the prisons designated today held political detainees.")
    assert written("Two of the detainees were released on bail on Friday.")
    assert not written("One of the largest protests in years took place in Minsk.")
    assert not written("Most of the world's cobalt is mined in the Congo.")
    assert leans_back("The ministry did so without consulting the unions.", [])
    assert not leans_back("The designations mark a new stage in the campaign.", [])
    assert not leans_back("The United States designated four tankers on Monday.", before)
    assert not leans_back("This week, the council adopted its third resolution on the war.", [])
    # a time's possessive too: this year's report is no report the reader missed
    assert not leans_back("This year’s Policy Act Report documents the arrests of 20 lawyers.", [])


def test_a_written_sentence_presupposing_an_unseen_event_or_set_leans_back():
    """An iterative presupposes an earlier event, an "other" set one the reader was told of
    (Levinson 1983; Modjeska 2003); not an "other" closing a list or one the sentence names."""

    assert written("Petrov was arrested again in June as he tried to cross the border.")
    assert written("In May the broadcaster moved its newsroom back to Vilnius.")
    assert written("In May thousands of families went back to their villages in the north.")
    # a return to a routine a bare noun names presupposes only what every reader knows
    assert not written("The ban denied thousands of girls the chance to go back to school.")
    assert written("Police confiscated the passports of other pastors detained in March.")
    assert written("Officials later fined other independent newspapers for the same reports.")
    assert not written("Police detained lawyers, bloggers and other critics of the mayor.")
    assert not written("Among other things, the decree bans gatherings of more than ten people.")
    assert not written("Our allies share the burden; other allies outside Europe send funds.")
    assert not written("No party other than the ruling one may hold rallies in the capital.")
    assert not written("Ruritania and 12 other states asked the court for an inquiry in May.")
    assert not written("Police beat protesters in May, as well as other abuses by guards.")
    assert not written("Petrov was arrested in June as he tried to cross the border.")
    # a speaker's "again" is mostly of what the room has heard
    spoken = "We will meet the minister again next week about the prisoners."
    assert not leans_back(spoken, [], spoken=True)


def test_an_also_after_a_long_subject_adds_to_what_came_before():
    """Past a subject set off by commas, the main clause's "also" adds to what came before;
    not "also known as", nor one inside the subject's own clause."""
    assert leans_back("Protesters, including people under 18 and women, also reported abuse.", [])
    assert leans_back("The ministry, which runs the prisons in the north, also denied access.", [])
    assert not leans_back("Reza Karimi, also known as Reza the Tailor, was released in May.", [])
    court = "The revolutionary court of the province of Tabriz, which also hears appeals, ruled."
    assert not leans_back(court, [])


def test_a_written_sentence_timed_by_an_event_it_never_told_of_leans_back():
    """A bare definite event after a preposition of time places the act at an event told of
    before; not one the sentence tells of itself or names in full."""

    assert written("Her neighbors reported that security forces assaulted her during the arrest.")
    assert written("Two journalists were detained after the raid and held for a week.")
    assert written("Protests resumed in the capital following the hearing.")
    assert not written("Police arrested Petrov in May and beat him during the arrest.")
    assert not written("Forces fired on crowds during the protests of September 2022 in Zahedan.")
    assert not written("Guards beat him during the interrogation at the Evin prison in May.")
    assert not written("The law was passed after the meeting of the council in May.")
    assert not written("Police detained him in May and beat him during the detention.")
    assert not written("The court overturned the verdict after the trial court ignored evidence.")
    # a word that only begins like the event's is no telling of it
    assert written("Researchers were detained after the search and held for a week.")


def test_first_person_counts_only_outside_quotation_marks():
    assert first_person("We will not allow Iran to acquire a nuclear weapon.")
    assert first_person("Diplomacy remains our preferred path to a deal.")
    assert not first_person("“We will not retreat,” the minister told parliament on Friday.")
    assert not first_person("The US and Japan signed a supply chain accord in Tokyo.")


def test_a_first_person_sentence_carries_its_speaker_or_is_left_out():
    text = "Diplomacy remains our preferred path, but pressure will continue on the regime."
    assert edited(doc(text)) is None  # nobody to say "our"
    named = edited(doc(text, authors=("Ned Price, Department Spokesperson",)))
    assert named is not None and named.said_by == "Ned Price"
    turn = doc(text, turns=(Turn("Antony J. Blinken", "answer", 0, len(text)),))
    assert edited(turn).said_by == "Antony J. Blinken"
    org = edited(doc(text, publisher="U.S. Department of State"))
    assert org.said_by == "State Department"


def test_relative_days_are_anchored_in_brackets_and_spans_stay_verbatim():
    text = (
        "Foreign ministers met in Paris to discuss the sanctions package at length. "
        "Yesterday, we joined 30 partners in announcing new export controls on Russian oil."
    )
    d = doc(text, date=date(2026, 11, 17), authors=("Jane Roe",))
    e = edited(d)
    assert e.text.startswith("Yesterday [16 November 2026], we joined")
    assert "".join(text[s:t] for s, t in e.spans) == verbatim(e.text)
    monday = doc(
        "The Secretary will travel to Kyiv on Monday to meet ministers.", date=date(2026, 11, 18)
    )
    assert "on Monday [23 November 2026]" in edited(monday).text  # "will": the next Monday


def test_an_opening_connective_is_repaired_in_brackets_when_the_rest_stands_alone():
    text = "But the fund has paid 200 claims since March, officials said in Ottawa."
    e = edited(doc(text, publisher="Example Wire"))
    assert e.text == "[T]he fund has paid 200 claims since March, officials said in Ottawa."
    assert "".join(text[s:t] for s, t in e.spans) == verbatim(e.text)
    assert edited(doc("But it will not replace the talks in Geneva next month.")) is None
    # one more case of what came before, said in a phrase: the phrase goes, as the word does
    for text, repaired in (
        (
            "In another example, journalist Ivo Rann was arrested in April on charges of "
            "spreading false information.",
            "[J]ournalist Ivo Rann was arrested in April",
        ),
        (
            "In a separate case, police detained two reporters at the border with Sarn.",
            "[P]olice detained two reporters",
        ),
    ):
        e = edited(doc(text, publisher="Example Wire", date=date(2023, 12, 1)))
        assert e is not None and e.text.startswith(repaired), text
        assert "".join(text[s:t] for s, t in e.spans) == verbatim(e.text)


def test_datelines_bylines_and_greetings_are_not_bullets():
    dateline = doc("KYIV — Russian missiles struck three power stations overnight, officials said.")
    e = edited(dateline)
    assert e is not None and e.text.startswith("Russian missiles struck")
    assert e.spans[0][0] == dateline.text.index("Russian")
    greeting = doc("Good morning, and it's wonderful to welcome each of you here to the forum.")
    assert candidates([analyze(greeting)]) == []
    assert edited(doc("As you heard from the Secretary, the talks will go on in Geneva.")) is None
    assert edited(doc("By Jane Roe and John Doe, Staff Writers")) is None
    menu = "HomeReportsBureau of Democracy, Human Rights, and Labor Country Reports on Practices."
    assert edited(doc(menu)) is None
    toc = "Rights a. Freedom of Association b. Prohibition of Forced Labor EXECUTIVE SUMMARY There."
    assert edited(doc(toc)) is None
    assert edited(doc("Individuals eligible for the new resettlement program include:")) is None


def test_a_sentence_listing_names_is_not_a_menu():
    """Capitalised words listed the way a sentence lists them, commas between them and "and"
    before the last, are names in a sentence; run together without commas they are a menu."""
    listed = (
        "The Department designated Chen Dong, Yang Jianping, Qiu Hong, and Yin Zonghua, "
        "Deputy Directors of the Liaison Office in Hong Kong."
    )
    e = edited(doc(listed))
    assert e is not None and e.text == listed
    menu = "Home News World Politics Business Technology Science Health Sport The Council met."
    assert edited(doc(menu)) is None
    header = (
        "Bureau of Democracy, Human Rights, and Labor Country Reports on Human Rights "
        "Practices for Iran."
    )
    assert edited(doc(header)) is None  # names linked by "of", "and", "on": no sentence


def test_a_decision_undone_right_after_is_never_told_alone():
    """ "… were sentenced to death" is not a bullet when the next sentence of its paragraph
    says a court overturned the sentences: alone it would tell the opposite of what happened."""
    sentenced = "In January, two protesters were sentenced to death by a court in Tehran."
    undone = "In May, the Supreme Court overturned their death sentences."
    texts = [c.edited.text for c in candidates([analyze(doc(f"{sentenced} {undone}\n"))])]
    assert texts == [f"{sentenced} {undone}"]
    beaten = "Guards beat both men in custody for two days."  # told between them
    texts = [c.edited.text for c in candidates([analyze(doc(f"{sentenced} {beaten} {undone}"))])]
    assert sentenced not in texts and any(t.endswith(undone) for t in texts)
    # undoing nothing told: an event, not a decision; or aimed at a sentence that stands alone
    for after in (
        "In May, the court heard the appeals of both men.",
        "In May, protesters overturned police cars outside the court.",
        "Police arrested the journalist Niloofar Hamedi in February. "
        "In May, prosecutors dropped the charges against her.",
    ):
        texts = [c.edited.text for c in candidates([analyze(doc(f"{sentenced} {after}\n"))])]
        assert sentenced in texts, after


def test_of_two_tellings_of_one_fact_the_more_exact_is_kept():
    """A bullet gives way to a sentence that says it again with all its figures and more."""
    from briefing.synthesize import _more_specific, _similarities, _tfidf

    text = (
        "Authorities executed 37 percent more persons during 2023 than in 2022, activists said.\n"
        "A total of 798 persons were executed during 2023, a 37 percent increase from 2022.\n"
        "Courts executed 12 persons for drug offences during 2023, up from 2022.\n"
        "The government imprisoned lawyers who defended protesters in the courts.\n"
    )
    pool = candidates([analyze(doc(text))])
    at = {c.edited.text.split()[0]: i for i, c in enumerate(pool)}
    sims = _similarities(_tfidf([c.edited.text for c in pool]))
    reward = [1.0] * len(pool)
    kept = _more_specific(pool, [at["Authorities"], at["The"]], sims, reward, 100)
    assert kept == [at["A"], at["The"]]
    # other figures are another fact ("12 persons" is not the 37 percent told again)
    kept = _more_specific(pool, [at["Courts"]], sims, reward, 100)
    assert kept == [at["Courts"]]
    # a date is no figure: a bullet with only its year is not told again with 798 executions
    dated = "Authorities closed independent newspapers across the country during 2023.\n"
    pool = candidates([analyze(doc(dated + text))])
    sims = _similarities(_tfidf([c.edited.text for c in pool]))
    assert _more_specific(pool, [0], sims, [1.0] * len(pool), 100) == [0]


def test_synthesis_covers_all_sources_within_budget_without_repeating():
    shared = "The council approved a 12 billion euro aid package for Ukraine on 14 November."
    docs = [
        doc(
            f"{shared} Ministers from 27 countries signed the accord in Brussels after talks. "
            "Hungary abstained in the vote and said it would challenge the decision in court.",
            path="/tmp/one.txt",
            publisher="Council of the EU",
        ),
        doc(
            f"{shared} The first tranche of 3 billion euros will be paid in January 2027. "
            "Kyiv said the money would go to repairing the power grid before winter.",
            path="/tmp/two.txt",
            publisher="Example Wire",
        ),
    ]
    points = synthesize([analyze(d) for d in docs], words=45)
    texts = [p.text for p in points]
    assert texts.count(shared) <= 1 and len(set(texts)) == len(texts)
    assert len({p.source for p in points}) == 2  # across sources, not one lead from one
    assert sum(len(t.split()) for t in texts[:-1]) < 45  # only the last may run over
    assert all(p.said_by for p in points)


def test_query_biases_the_selection():
    text = (
        "The ministers discussed fisheries quotas for the North Sea at length on Monday. "
        "Norway agreed to cut its cod catch by 20 percent from January. "
        "Separately, the ministers approved new rules on drone exports to Iran and Russia. "
        "The export rules take effect in March and cover 40 categories of components."
    )
    d = doc(text, publisher="Nordic Council")
    points = synthesize([analyze(d)], query="drone exports", words=20)
    assert "drone exports" in points[0].text


def test_summarize_command_prints_json_with_spans_into_the_sources(cli, project):
    folder = project("mixed") / "sources"
    result = cli("summarize", folder, "--keywords", "Russia,sanctions", "--words", "80", "--json")
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)["summary"]
    # the issue's fields, and whether said_by spoke through an interpreter
    fields = {"text", "source", "said_by", "date", "spans", "interpreted"}
    assert items and set(items[0]) == fields
    from briefing.ingest import read_documents

    for item in items:
        text = next(d.text for d in read_documents(Path(item["source"])))
        pieces = [text[s:e] for s, e in item["spans"]]
        assert verbatim(item["text"]) == "".join(pieces)
    plain = cli("summarize", folder, "--query", "Taiwan drills", "--words", "50")
    assert plain.exit_code == 0 and all(line.startswith("- ") for line in plain.output.splitlines())


def editorial_problems(brief: dict) -> list[str]:
    """What a policy director would send back: a dangling opening, a first-person bullet
    without its speaker, a sentence twice, a topic with sources and no bullet."""
    problems = []
    seen: set[str] = set()
    items = [("executive summary", p) for p in brief["executive_summary"]]
    for topic in brief["topics"]:
        items += [(topic["name"], p) for p in topic["summary"]]
        items += [
            (topic["name"], {"text": q["text"], "said_by": q["speaker"], "quote": True})
            for q in topic["quotes"]
        ]
        if topic["sources"] and not topic["summary"]:
            problems.append(f"{topic['name']}: sources but no bullet")
    for where, item in items:
        text = item["text"]
        # each sentence once: a bullet of two sentences repeats one shown alone elsewhere too
        # (not after an initialism: "The U.S. Department …" is one sentence)
        for sentence in re.split(r"(?<!\b[A-Z]\.[A-Z]\.)(?<=[.!?”])\s+(?=[“A-Z\[])", text):
            key = " ".join(sentence.lower().split())
            if key in seen:
                problems.append(f"{where}: twice: {sentence}")
            seen.add(key)
        if DANGLING.match(text) and not item.get("quote"):  # a quote is shown with its speaker
            problems.append(f"{where}: dangling: {text}")
        if first_person(text) and not item.get("said_by"):
            problems.append(f"{where}: first person without said_by: {text}")
        if PROCEDURE.search(text):
            problems.append(f"{where}: procedure or ceremony: {text}")
        speaker = (item.get("said_by") or "").split()
        if item.get("quote") and speaker[:1] == ["The"] and speaker[-1].lower() in DOCUMENTS:
            problems.append(f"{where}: a document as speaker: {item['said_by']}")
    return problems


# What runs an event rather than says something (the test's own list, not the library's).
PROCEDURE = re.compile(
    r"\b(?:thank you|good (?:morning|afternoon)|next question|go ahead|welcome to|"
    r"(?:pleased|glad) to (?:be|introduce)|(?:Via interpreter)|Laughter)\b",
    re.I,
)
DOCUMENTS = {"report", "addendum", "statement", "resolution", "document", "study", "law"}


@needs_shared
@pytest.mark.shared
@pytest.mark.parametrize("country", ["Belarus", "China"])
def test_a_country_brief_from_the_human_rights_reports_passes_the_editorial_checks(
    cli, tmp_path, country
):
    reports = ROOT.parent / "shared" / "corpus" / "state-dept-human-rights-2023" / "html"
    result = cli(
        "brief",
        reports,
        "--topic",
        country,
        "--keywords",
        country,
        "--format",
        "json",
        "--as-of",
        "2024-12-31",
        "--out",
        tmp_path,
    )
    assert result.exit_code == 0, result.output
    brief = json.loads(next(tmp_path.glob("**/brief.json")).read_text())
    assert editorial_problems(brief) == []
    # an annual report's months carry the year it covers
    texts = [p["text"] for t in brief["topics"] for p in t["summary"]]
    month = (
        "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    )
    no_year = re.compile(rf"(?:In|On) {month}\b(?: \d{{1,2}}\b)?(?!\d| \d)(?!,? (?:\[|\d{{4}}))")
    assert not any(no_year.match(t) for t in texts)


def test_the_sample_brief_passes_the_editorial_checks(cli, project):
    folder = project("mixed")
    result = cli("build", folder / "config.yaml", "--as-of", "2026-11-23", "--format", "json")
    assert result.exit_code == 0, result.output
    brief = json.loads(next((folder / "out").glob("**/brief.json")).read_text())
    assert editorial_problems(brief) == []
    summary = brief["topics"][0]["summary"]
    assert summary and all(p["said_by"] and p["date"] for p in summary)


@needs_shared
@pytest.mark.shared
def test_the_state_department_brief_passes_the_editorial_checks(cli, tmp_path):
    config = (ROOT / "config" / "state-dept.yaml").read_text()
    corpus = ROOT.parent / "shared" / "corpus" / "state-dept-2021-2022" / "docs"
    path = tmp_path / "state-dept.yaml"
    config = config.replace("../../shared/corpus/state-dept-2021-2022/docs", str(corpus))
    path.write_text(config.replace("output: ../output", f"output: {tmp_path / 'out'}"))
    result = cli("build", path, "--as-of", "2022-12-31", "--format", "json")
    assert result.exit_code == 0, result.output
    brief = json.loads(next((tmp_path / "out").glob("**/brief.json")).read_text())
    assert editorial_problems(brief) == []


def test_summary_words_sets_the_length_of_each_topic_summary(cli, project):
    folder = project("mixed")
    config = folder / "config.yaml"

    def words_per_topic() -> list[int]:
        result = cli("build", config, "--as-of", "2026-11-23", "--format", "json")
        assert result.exit_code == 0, result.output
        brief = json.loads(next((folder / "out").glob("**/brief.json")).read_text())
        return [sum(len(p["text"].split()) for p in t["summary"]) for t in brief["topics"]]

    default = words_per_topic()
    config.write_text(config.read_text().replace("output: out", "output: out\nsummary_words: 30"))
    short = words_per_topic()
    assert sum(short) < sum(default)
    assert all(n <= 30 + 70 for n in short)  # about 30: only the last bullet may run over


def test_the_bundled_sample_brief_passes_the_editorial_checks(cli, tmp_path):
    # the sample's topics share a source (the Arctic interview speaks of Russia): a topic
    # chosen again after the executive summary took its point must not take another's bullet
    for part in ("config", "examples", "templates"):
        shutil.copytree(ROOT / part, tmp_path / part)
    result = cli("build", tmp_path / "config" / "weekly.yaml", "--as-of", "2026-11-23")
    assert result.exit_code == 0, result.output
    brief = json.loads((tmp_path / "output" / "weekly" / "2026-11-23" / "brief.json").read_text())
    assert editorial_problems(brief) == []


TOWNS = [
    "Arnhem", "Bonn", "Koblenz", "Mainz", "Worms", "Speyer", "Basel", "Emmerich", "Wesel",
    "Duisburg", "Neuss", "Remagen", "Bingen", "Rastatt", "Kehl",
]  # fmt: skip


def flood_reports(folder: Path, count: int = 15) -> Path:
    """``count`` short news reports on one flood, each from its own town, with no 5-word run
    in common (so none is a near-duplicate of another)."""
    folder.mkdir()
    for i, town in enumerate(TOWNS[:count]):
        n, m = 100 + 37 * i, 3 + i
        (folder / f"2026-11-{10 + i:02d}_{town.lower()}.txt").write_text(
            f"{town} flood report {i}\n\n"
            f"{town} officials evacuated {n} residents {town} side after the Rhine crested "
            f"{m} metres above normal on day {i + 1}. "
            f"The {town} council opened {m} shelters, and {town} engineers raised "
            f"{n + 7} sandbags along {town} levees overnight. "
            f"Insurers in {town} estimated {m * 11} million euros of damage to {n // 2} homes "
            f"across {town} districts.\n"
        )
    return folder


def test_brief_answers_a_question_in_plain_words_over_every_source(cli, tmp_path):
    folder = flood_reports(tmp_path / "floods")
    question = "What measures have been taken after the floods? Describe the damage."
    words = {}
    for budget in (40, 200):
        out = tmp_path / f"out{budget}"
        result = cli(
            "brief", folder, "--topic", "Rhine floods", "--query", question,
            "--words", budget, "--format", "json", "--out", out, "--as-of", "2026-12-01",
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        brief = json.loads(next(out.rglob("brief.json")).read_text())
        topic = brief["topics"][0]
        assert len(topic["sources"]) == 15  # the default reads all of them, not the first 12
        words[budget] = sum(len(p["text"].split()) for p in topic["summary"])
    assert words[40] < 80 < 150 < words[200]


def test_a_question_widens_to_the_words_of_the_sentences_that_answer_it():
    from collections import Counter

    from briefing.synthesize import _relevance, _tfidf

    sentences = [
        "Measures taken after the floods: the council evacuated residents near the levees.",
        "Engineers raised sandbags along the levees and evacuated residents overnight.",
        "The football club signed a striker from Lisbon for the new season.",
    ]
    relevance = _relevance(_tfidf(sentences), Counter(["measur", "taken", "flood"]))
    # the second names none of the question's words, but says what the first says
    assert relevance[0] > relevance[1] > relevance[2] == 0


def test_the_feedback_sentences_are_those_the_question_itself_retrieves():
    from briefing.synthesize import QUERY_TERMS, _relevance, _tfidf

    sentences = [
        "Reporters were detained by police after covering the protest in the capital.",
        "Police detained reporters and confiscated their cameras at the border crossing.",
        "Courts sentenced opposition leaders to long prison terms for organising rallies.",
        "Opposition leaders faced prison terms and travel bans after the rallies ended.",
    ]
    # the question asks about reporters; "opposition" is a word of the sources' topic
    # signature, weighed in the sentences' own relevance but not choosing the feedback
    weights = {"reporter": QUERY_TERMS, "opposition": 1 - QUERY_TERMS}
    asked = _relevance(_tfidf(sentences), weights, asked={"reporter"})
    assert min(asked[0], asked[1]) > max(asked[2], asked[3])
    # chosen by every weighed word instead, the feedback holds the opposition's sentences too
    either = _relevance(_tfidf(sentences), weights)
    assert either[3] > asked[3]


def test_a_single_long_source_is_read_to_its_end():
    body = " ".join(
        f"The board of district {i} approved {100 + i} new classrooms for {1990 + i} pupils."
        for i in range(120)
    )
    found = [analyze(doc(body, path="/tmp/long.txt", doc_type="report"))]
    pool = candidates(found)
    assert max(c.index for c in pool) > 100  # not only the first 60 sentences


def test_a_brief_of_one_topic_keeps_its_first_point_in_its_summary(cli, tmp_path):
    folder = flood_reports(tmp_path / "floods")
    out = tmp_path / "out"
    result = cli(
        "brief", folder, "--topic", "Rhine floods", "--keywords", "flood",
        "--format", "json", "--out", out, "--as-of", "2026-12-01",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    brief = json.loads(next(out.rglob("brief.json")).read_text())
    # no executive summary that is the topic's own first bullet moved out of it
    assert brief["executive_summary"] == []
    assert len(brief["topics"][0]["summary"]) > 1


def test_a_story_whose_first_sentence_names_the_topic_is_about_it_without_a_headline():
    story = doc(
        "Flood waters along the Rhine rose two metres overnight in Koblenz on Monday.\n"
        "Engineers raised 4,000 sandbags along the old town walls before dawn.\n",
        title="Doc 01",  # a plain-text file: no headline
    )
    texts = [c.edited.text for c in candidates([analyze(story)], terms=["Rhine"])]
    assert any(t.startswith("Engineers raised") for t in texts)


def test_a_source_that_names_the_topic_again_and_again_is_about_it():
    text = (
        "Officials met in Geneva on Tuesday to review the season's shipping figures.\n"
        "Rhine barge traffic fell by a third in October.\n"
        "Freight firms moved 2,000 containers to rail lines near Basel.\n"
        "Low water on the Rhine idled 140 barges at Duisburg.\n"
        "The Rhine commission will publish revised depth charts in January.\n"
    )
    story = doc(text, title="Doc 02")
    texts = [c.edited.text for c in candidates([analyze(story)], terms=["Rhine"])]
    assert any(t.startswith("Freight firms moved") for t in texts)  # names no Rhine itself
    once = doc(text.replace("Rhine barge", "Barge").replace("on the Rhine", "here"), title="Doc 03")
    texts = [c.edited.text for c in candidates([analyze(once)], terms=["Rhine"])]
    assert texts and all("Rhine" in t for t in texts)  # a passing mention: its sentence only


def test_a_topic_in_a_speakers_office_is_not_what_the_title_says_a_source_is_about():
    text = (
        "The Under Secretary opened the briefing on Thursday.\n"
        "A migration strategy funds 40 shelters in Guatemala and Honduras.\n"
        "Human rights monitors will visit every shelter twice a year.\n"
    )
    titled = "Under Secretary for Democracy and Human Rights Ana Ruiz On the New Migration Strategy"
    texts = [
        c.edited.text
        for c in candidates([analyze(doc(text, title=titled))], terms=["human rights"])
    ]
    assert texts and all("human rights" in t.lower() for t in texts), texts
    # a title whose subject (after "On") names the topic is about it throughout
    about = "Briefing with Envoy Ana Ruiz On Human Rights in the New Migration Strategy"
    texts = [
        c.edited.text
        for c in candidates([analyze(doc(text, title=about))], terms=["human rights"])
    ]
    assert any(t.startswith("A migration strategy funds") for t in texts), texts


def test_a_headline_with_an_office_and_a_lower_case_on_keeps_its_whole_subject():
    from briefing.synthesize import title_subject

    for title in (
        "Ambassador to Iran Testifies on Sanctions Relief",
        "Secretary Blinken's Travel to Israel on the Hostage Negotiations",
        "Secretary Blinken's Remarks to the Press in Kyiv on May 5",
        "Ambassador To Iran Testifies On Sanctions Relief",  # a headline in capitals
    ):
        assert title_subject(title) == title
    assert title_subject("Envoy for Democracy Ana Ruiz On the Migration Strategy") == (
        "the Migration Strategy"
    )


def test_appeals_intentions_and_anniversaries_are_stances():
    from briefing.synthesize import STANCE

    for rhetoric in (
        "We once again call on the authorities to allow the voices of all residents to be heard.",
        "We emphasized the urgency of continuing to provide support to refugees.",
        "The United States is taking action to promote accountability for those responsible.",
        "Today marks the tenth anniversary of the endorsement of the principles.",
        "We aim to promote the involvement of small businesses in supply chains.",
        "We urge manufacturers and distributors to strengthen their due diligence.",
        "We call for concrete outcomes from the next round of the constitutional talks.",
        "The coalition remains critically important to our efforts to defeat the group.",
    ):
        assert STANCE.search(rhetoric), rhetoric
    for news in (
        "The Department is pleased to announce that Matt Murray will be the new Senior Official.",
        "The United States is imposing sanctions on a militia that took part in the offensive.",
        "Protesters set fire to an urgent shipment bound for the port.",
        "The unions call for a general strike on Monday, the federation said.",
    ):
        assert not STANCE.search(news), news


def test_one_source_saying_a_thing_twice_in_other_words_gives_one_bullet():
    from types import SimpleNamespace

    from briefing.synthesize import chosen_near

    a, b = SimpleNamespace(doc_type="news"), SimpleNamespace(doc_type="news")

    def cand(d, start, words=12):
        sentence = SimpleNamespace(start=start)
        return SimpleNamespace(
            doc=d, sentence=sentence, words=words, edited=SimpleNamespace(text="")
        )

    pool = [cand(a, 0), cand(a, 90), cand(b, 0), cand(a, 0, 30)]
    sims = [{1: 0.45, 2: 0.45, 3: 0.7}, {0: 0.45}, {0: 0.45}, {0: 0.7}]
    assert chosen_near(1, [0], sims, pool)  # the same source, in other words
    assert not chosen_near(2, [0], sims, pool)  # another source on the same point
    # a sentence taken with the next one, which leaned on it, continues its bullet
    assert not chosen_near(3, [0], sims, pool) and chosen_near(0, [3], sims, pool)


def test_a_question_reaches_the_section_of_long_reports_that_answers_it():
    # ten long country reports whose press section comes after their first 60 sentences: a
    # question about the press is answered from those sections, not from the reports' leads
    def report(country: str) -> Document:
        acts = (
            "Police in {c} detained {n} protesters in the {d} district in March.",
            "Courts in {c} sentenced {n} opposition members to prison terms in {d}.",
            "Flooding in the {d} region of {c} displaced {n} families in April.",
            "The {c} health ministry opened {n} clinics across {d} province.",
            "Officials in {c} reported {n} cases of forced labour on farms in {d}.",
        )
        districts = ("northern", "southern", "eastern", "western", "central", "coastal")
        lead = " ".join(
            acts[i % 5].format(c=country, n=10 + i, d=districts[i % 6]) for i in range(80)
        )
        press = (
            f"Authorities in {country} closed two independent newspapers and jailed three "
            f"journalists for their reporting on the elections.",
            f"In {country} a new media law let censors suspend newspapers without a court order "
            f"and fine journalists who cite foreign outlets.",
            f"Reporters covering the {country} border war had their press cards withdrawn, and "
            f"two foreign journalists were expelled.",
            f"State television in {country} dismissed editors, and newspapers printing "
            f"criticism of the president lost their licences.",
            f"Journalists in {country} said police confiscated cameras and forced newspapers to "
            f"reveal their sources after the protests.",
        )[sum(map(ord, country)) % 5]
        return doc(f"{lead} {press}", path=f"/tmp/{country}.txt", doc_type="report")

    found = [analyze(report(c)) for c in ("Arland", "Borsk", "Cevia", "Dorn", "Estra")]
    found += [analyze(report(c)) for c in ("Falk", "Gorn", "Havel", "Istra", "Jorvik")]
    question = "What restrictions do governments place on journalists and newspapers?"
    points = synthesize(found, query=question, words=120)
    answers = [p for p in points if re.search(r"journalists|newspapers", p.text)]
    assert len(answers) >= 3  # none could be before: only the first 60 sentences were read


def test_a_sentence_leaning_on_the_one_before_it_is_taken_together_with_it():
    text = (
        "The ministry opened a clinic in Tromsø with forty beds in March. "
        "It treated more than two thousand patients in its first month.\n"
        "The council cut its housing budget by a tenth for the coming year.\n"
        "It cut the waiting lists for social housing by half within a month.\n"
    )
    pool = candidates([analyze(doc(text))])
    pair = [c.edited for c in pool if "two thousand" in c.edited.text]
    assert [e.text[:16] for e in pair] == ["The ministry ope"]
    assert [text[s:e] for s, e in pair[0].spans] == [pair[0].text]
    # across paragraphs the sentence before is not what it leans on: it is left out
    assert not any("social housing" in c.edited.text for c in pool)
    # the sentence before it must stand on its own too, or the one before that
    lone = doc("It opened in Tromsø in March. It treated two thousand patients in its first month.")
    assert candidates([analyze(lone)]) == []
    run = doc(
        "The ministry opened a clinic in Tromsø in March. It treated two thousand patients in "
        "its first month. That is more than the old hospital treated in a year.\n"
    )
    texts = [c.edited.text for c in candidates([analyze(run)])]
    assert any(t.startswith("The ministry") and t.endswith("in a year.") for t in texts)
    # nor is a remark too slight to be a bullet on its own the start of one
    slight = doc(
        "The talks went on for a long time. It ended with an agreement on sharing the water "
        "of the river between the two provinces.\n"
    )
    assert candidates([analyze(slight)]) == []
    # a sentence left out for more than leaning back (all in quotation marks) stays out
    quoted = doc(
        "The ministry opened a clinic in Tromsø with forty beds in March. “It is the first "
        "clinic of its kind anywhere in the north of the country.”\n"
    )
    assert [c.edited.text[-6:] for c in candidates([analyze(quoted)])] == ["March."]


def test_a_chair_running_the_meeting_gives_no_bullet_nor_does_a_labelled_short_turn():
    transcript = (
        "The Acting Chair (Mr. Bruce Stanton): We will now suspend the sitting for a few "
        "minutes to allow the staff to replace each other safely.\n"
        "Hon. Jane Doe (Minister of Health): We opened four clinics in the north of the "
        "province this spring.\n"
        "Hon. John Roe (Critic of Health, Conservative Party): No, Mr. Chair.\n"
    )
    said = [(c.edited.said_by, c.edited.text[:12]) for c in candidates([analyze(doc(transcript))])]
    assert said == [("Jane Doe", "We opened fo")]


def test_a_named_member_s_claims_before_their_question_are_theirs_not_the_question():
    asked = (
        "Hon. Anne Roe (Critic of Health): The ministry closed nine rural clinics in the north "
        "last winter. Will the minister reopen them before the spring?\n"
    )
    answer = "Hon. Jane Doe (Minister of Health): We will reopen four of the clinics in April.\n"
    unnamed = "QUESTION: The ministry closed nine rural clinics in the north last winter. Why?\n"
    text = asked + answer + unnamed
    turns = (
        Turn(None, "question", 0, len(asked) - 1),
        Turn(None, "answer", len(asked), len(asked) + len(answer) - 1),
        Turn(None, "question", len(asked) + len(answer), len(text) - 1),
    )
    said = [
        (c.edited.said_by, c.edited.text) for c in candidates([analyze(doc(text, turns=turns))])
    ]
    claim = "The ministry closed nine rural clinics in the north last winter."
    assert said == [("Anne Roe", claim)]  # not the question, nor a question without a name


def test_a_long_report_is_read_in_the_section_whose_heading_names_the_question():
    from briefing.synthesize import _reading_list
    from briefing.text import content_words

    # the press section's sentences never say "press"; its heading does, past the first
    # sentences a long report's pool takes in order
    lead = "\n\n".join(
        f"Police detained {100 + i} protesters in district {i} in March." for i in range(200)
    )
    report = (
        f"EXECUTIVE SUMMARY\n\n{lead}\n\n"
        "Freedom of Expression, Including for Members of the Press\n\n"
        "Authorities closed four independent newspapers and revoked two broadcast licences.\n\n"
        "Prison Conditions\n\n"
        "Cells held up to 40 inmates and lacked water and heating during the winter.\n"
    )
    d = doc(report, doc_type="report")
    sentences = analyze(d).sentences
    words = set(content_words("restrictions on the press"))
    order = _reading_list(d.text, sentences, words, per_source=60)
    texts = [sentences[i].text for i in order]
    assert any(t.startswith("Authorities closed") for t in texts)
    assert not any(t.startswith("Cells held") for t in texts)


def test_a_heading_naming_the_query_raises_the_relevance_of_its_sentences():
    from briefing.synthesize import _under_headings, candidates

    report = (
        "Freedom of the Press\n\n"
        "Authorities closed four independent newspapers and revoked two broadcast licences.\n\n"
        "Prison Conditions\n\n"
        "Cells held up to 40 inmates and lacked water and heating during the winter.\n"
    )
    pool = candidates([analyze(doc(report, doc_type="report"))])
    raised = _under_headings(pool, [1.0, 1.0], {"pres"})
    assert raised[0] > raised[1] == 1.0


def test_a_bullet_right_after_another_in_its_source_is_read_after_it():
    from types import SimpleNamespace

    from briefing.synthesize import reading_order

    def cand(sid, index, development, doc_type="news", rank=0):
        return SimpleNamespace(
            key=(sid, index * 100),
            index=index,
            doc=SimpleNamespace(date=None, doc_type=doc_type),
            rank=rank,
            sentence=SimpleNamespace(start=index * 100),
            development=development,
        )

    lead, details, other, far = cand("a", 0, 2), cand("a", 1, 0), cand("b", 0, 1), cand("a", 9, 3)
    order = [c.key for c in reading_order([lead, details, other, far])]
    assert order == [("a", 0), ("b", 0), ("a", 100), ("a", 900)]
    # far apart, a source's points keep the order of their importance
    assert [c.key for c in reading_order([far, other])] == [("b", 0), ("a", 900)]
    first = cand("a", 20, 0)
    assert [c.key for c in reading_order([lead, first])] == [("a", 2000), ("a", 0)]


def test_a_briefing_on_several_subjects_gives_only_what_it_says_on_the_topic():
    """A title listing three subjects ("… on Ruritania, the Defeat-ISIS Ministerial, and the
    G20") is about each in part; and a sentence naming the topic only in an opening
    concession is about something else ("Despite setbacks in Iraq and Ruritania, ISIS …")."""
    from briefing.synthesize import one_of_several

    title = "Briefing With Ann Lee On the Meeting on Ruritania, The D-ISIS Ministerial, and the G20"
    assert one_of_several(title, {"ruritania"})
    people = "Briefing With Ann Lee, Bo Chan, and Cy Dow on Ruritania"
    assert not one_of_several(people, {"ruritania"})
    text = (
        "Police in Ruritania arrested 12 protesters in Varna on May 3, 2021.\n"
        "Despite territorial setbacks in Iraq and Ruritania, ISIS is actively expanding globally.\n"
        "The G20 finance ministers will meet in Venice on July 9 to discuss a global tax.\n"
    )
    briefing = doc(text, title=title, doc_type="transcript", path="/tmp/briefing.txt")
    texts = [c.edited.text for c in candidates([analyze(briefing)], terms=["Ruritania"])]
    assert any(t.startswith("Police in Ruritania") for t in texts)
    assert not any(t.startswith(("Despite", "The G20")) for t in texts)


def test_a_long_reports_first_pages_outweigh_its_last():
    """Edmundson's location method: a country report opens on its findings and goes from the
    gravest matters to the lesser ones; its refugee-settlement detail near the end gives way
    to the abuse of detainees near the start, though the detail names more."""
    abuse = "Police in Ruritania beat detainees in pretrial detention centres during 2023."
    detail = (
        "The government of Ruritania cooperated with UNHCR on the settlement of 300 Borduria "
        "refugees in Varna and Osk during 2023."
    )
    filler = ["Rain fell often and the roads were bad."] * 40  # too short to be bullets
    text = "\n".join([*filler[:8], abuse, *filler, detail]) + "\n"
    report = doc(text, doc_type="report", path="/tmp/ruritania.txt", title="Report: Ruritania")
    from briefing.synthesize import _rewards, _similarities, _tfidf

    pool = candidates([analyze(report)], terms=["Ruritania"])
    vectors = _tfidf([c.edited.text for c in pool])
    cover_all = [1.0 + sum(row.values()) for row in _similarities(vectors)]
    texts = [c.edited.text for c in pool]
    reward = dict(zip(texts, _rewards(pool, vectors, cover_all, ""), strict=True))
    assert reward[abuse] > reward[detail]


def test_bullets_from_reports_are_read_report_by_report_in_each_ones_order():
    """A country report leads with its findings: "Genocide … occurred" opens the brief, not a
    case from its fourth section that the synthesis weighed higher."""
    from types import SimpleNamespace

    from briefing.synthesize import reading_order

    def cand(sid, start, development, rank):
        return SimpleNamespace(
            key=(sid, start),
            index=start // 100,
            doc=SimpleNamespace(date=date(2024, 4, 22), doc_type="report"),
            rank=rank,
            sentence=SimpleNamespace(start=start),
            development=development,
        )

    case, finding = cand("a", 9000, 0, 0), cand("a", 100, 3, 0)
    neighbour, prison = cand("b", 500, 1, 1), cand("a", 4000, 2, 0)
    order = [c.key for c in reading_order([case, neighbour, prison, finding])]
    assert order == [("a", 100), ("a", 4000), ("a", 9000), ("b", 500)]


def test_the_executive_summary_gives_each_topic_what_most_of_its_sources_report(tmp_path):
    from briefing.assemble import executive_point
    from briefing.ingest import read_file

    texts = [
        "Ukraine Designations\n\nThe ministry today designated the Kharkiv Bolt Company, the "
        "Lviv Wire Works and Dnipro Cable Ltd for selling parts to the army of Russia.",
        "Missiles Hit Odesa Port\n\nRussian missiles struck the port of Odesa in Ukraine on "
        "Monday, killing 12 people and damaging the grain terminal, officials said.",
        "Strike Kills 12 in Odesa\n\nA Russian missile strike on the Odesa grain terminal in "
        "Ukraine killed 12 people on Monday, the governor of the region said.",
        "Grain Terminal Bombed\n\nTwelve people died when Russian missiles hit the grain port "
        "of Odesa in Ukraine, emergency services reported.",
    ]
    found = []
    for i, text in enumerate(texts):
        path = tmp_path / f"2026-11-2{i}_source-{i}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        found.append(analyze(read_file(path)))
    pool = candidates(found, terms=["Ukraine"])
    designated = next(c for c in pool if "designated the Kharkiv" in c.edited.text)
    struck = next(c for c in pool if "struck the port of Odesa" in c.edited.text)
    # the synthesis put the designation first; three of four sources tell of the strike
    assert executive_point([designated, struck], pool) is struck


def test_the_executive_summary_takes_the_decision_its_release_is_titled_by(tmp_path):
    """Two decisions as many sources tell: the one its release's headline announces is that
    release's news; the other, a release's tenth item, is not, however central its formula."""
    from briefing.assemble import executive_point

    def release(title: str, lines: list[str], kind: str = "press release") -> Document:
        text = "\n\n".join(lines) + "\n"
        return doc(text, title=title, doc_type=kind, path=tmp_path / f"{len(title)}.txt")

    found = [
        analyze(
            release(
                "Accountability for Shipping in the Siege of Varna",
                ["The ministry is restricting visas for 900 officers of the army of Arland.",
                 "The officers took part in the siege of Varna in the spring.",
                 "Today the ministry is designating six shipping companies of Arland."],
            )
        ),
        analyze(
            release(
                "War Crimes by the Forces of Arland in Varna",
                ["The ministry today announced that the forces of Arland committed war crimes in "
                 "Varna, after its review of the siege."],
            )
        ),
        analyze(
            release(
                "Sanctions on Arland",
                ["The ministry is designating four banks of Arland.",
                 "Investigators say forces of Arland committed war crimes in Varna."],
            )
        ),
    ]  # fmt: skip
    pool = candidates(found, terms=["Arland"])
    shipping = next(c for c in pool if "six shipping" in c.edited.text)
    crimes = next(c for c in pool if "announced that" in c.edited.text)
    shipping.development, crimes.development = 0, 1  # the synthesis weighed the formula higher
    assert executive_point([shipping, crimes], pool) is crimes
    # a news story's headline is written to draw a reader: the synthesis's order stands
    found[1] = analyze(dataclasses.replace(found[1].doc, doc_type="news"))
    pool = candidates(found, terms=["Arland"])
    shipping = next(c for c in pool if "six shipping" in c.edited.text)
    crimes = next(c for c in pool if "announced that" in c.edited.text)
    shipping.development, crimes.development = 0, 1
    assert executive_point([shipping, crimes], pool) is shipping
    # nor does a release's headline outrank a news story the synthesis put first
    shipping.development, crimes.development = 1, 0
    assert executive_point([shipping, crimes], pool) is crimes


def test_the_executive_summary_takes_a_releases_decision_before_the_figures_behind_it():
    from briefing.assemble import executive_point

    text = (
        "The Ministry is sanctioning eight prisons and five officials who run them in Varna.\n"
        "More than 14,000 detainees have reportedly died in prisons in Varna since 2011.\n"
    )
    release = doc(text, doc_type="press release", path="/tmp/release.txt")
    pool = candidates([analyze(release)], terms=["prisons"])
    sanctioning = next(c for c in pool if c.edited.text.startswith("The Ministry"))
    died = next(c for c in pool if "14,000" in c.edited.text)
    for c in (sanctioning, died):
        c.development = 0 if c is died else 1  # the synthesis weighed the figures higher
    assert executive_point([died, sanctioning], pool) is sanctioning
    # a news story's figure may be its news: the synthesis's order stands
    story = doc(text, doc_type="news", path="/tmp/story.txt")
    pool = candidates([analyze(story)], terms=["prisons"])
    died = next(c for c in pool if "14,000" in c.edited.text)
    sanctioning = next(c for c in pool if c.edited.text.startswith("The Ministry"))
    died.development, sanctioning.development = 0, 1
    assert executive_point([died, sanctioning], pool) is died


def test_one_source_reports_one_decision_once_and_a_decision_in_progress_counts():
    from briefing.synthesize import decision_words

    assert decision_words("The United States is designating six entities today.")
    assert not decision_words("There were reports of killings in the north of the country.")
    text = (
        "The United States is designating six entities that sold Iranian "
        "oil to buyers in Asia, the department said on Monday in Washington.\n\n"
        "Pioneer Ship Management, a Singapore firm managing one tanker, is also being "
        "designated by the Treasury for its part in the trade.\n\n"
        "Oil exports from Iran rose to 1.2 million barrels a day in June, traders in London said.\n"
    )
    d = doc(text, title="Sanctions on Iran", publisher="State Department")
    points = [p.text for p in synthesize([analyze(d)], terms=["Iran"], words=200)]
    assert any(p.startswith("The United States is designating six entities") for p in points)
    assert not any("Pioneer" in p for p in points)  # a part of the decision above
    assert any(p.startswith("Oil exports from Iran rose") for p in points)


def test_asked_of_a_report_what_it_is_not_titled_by_its_opening_gets_no_lead_weight():
    from briefing.synthesize import _rewards, _tfidf

    line = "Police in Arland detained {n} protesters in the northern district in March."
    text = " ".join(line.format(n=10 + i) for i in range(12))
    report = doc(text, doc_type="report", title="Human Rights Report: Arland")
    pool = candidates([analyze(report)])
    first, later = pool[0], pool[10]
    vectors = _tfidf([c.edited.text for c in pool])
    cover = [1.0] * len(pool)
    question = "protesters detained northern district"
    plain = _rewards(pool, vectors, cover, question, feedback=False)
    asked = _rewards(pool, vectors, cover, question, feedback=True)
    # asked a question, the report's opening sums up the report, not the answer
    assert asked[pool.index(first)] < 1.1 * asked[pool.index(later)]
    # so it does for keywords the report is not titled by (a report on Arland, asked for
    # "protesters" in it); for those its title names, its opening is a lead, as news
    assert plain[pool.index(first)] < 1.1 * plain[pool.index(later)]
    titled = _rewards(pool, vectors, cover, "Arland", feedback=False)
    assert titled[pool.index(first)] > 1.5 * titled[pool.index(later)]


def test_one_source_may_announce_two_things():
    from types import SimpleNamespace

    from briefing.synthesize import same_decision

    def cand(text: str) -> SimpleNamespace:
        return SimpleNamespace(edited=SimpleNamespace(text=text))

    # only a decision that lists its parts is one development across its sentences
    assert same_decision(
        cand("The United States is designating six entities for selling Iranian oil."),
        cand("The department also designated Pioneer Ship Management, a tanker operator."),
    )
    assert not same_decision(
        cand("The Treasury announced sanctions on 12 Iranian oil firms on Monday."),
        cand("The department also announced $40 million in aid for Afghan refugees."),
    )


def test_developments_are_read_most_important_first_not_in_the_order_picked():
    from briefing.synthesize import developments

    # picked: a short low-reward sentence (cluster 7), then the report's finding (cluster 3),
    # then a second sentence of cluster 7 with a higher reward than its first
    order = developments([0, 1, 2], cluster=[7, 3, 7], reward=[0.03, 0.10, 0.12])
    assert order == {0: 0, 1: 1, 2: 0}
    assert developments([0, 1], cluster=[7, 3], reward=[0.03, 0.10]) == {0: 1, 1: 0}


def test_asked_a_question_a_report_answers_it_in_its_section_on_it():
    from types import SimpleNamespace

    from briefing.synthesize import in_asked_sections

    press = [f"Police detained {n} journalists in the capital in month {n}." for n in range(12)]
    press += [f"The government closed newspaper {n} in the capital." for n in range(8)]
    prison = [f"Guards beat {n} inmates in the central prison in month {n}." for n in range(12)]
    prison += [f"The government moved {n} inmates to the northern prison." for n in range(6)]
    prison += ["Two journalists held at the central prison said guards beat them."]
    prison += ["The government placed new restrictions on visits to the central prison."]
    graft = [f"The government fired {n} officials for taking bribes." for n in range(5)]
    text = "Freedom of the Press\n\n" + "\n".join(press) + "\n\nPrison Conditions\n\n"
    text += "\n".join(prison) + "\n\nCorruption in Government\n\n" + "\n".join(graft)
    report = SimpleNamespace(doc_type="report", text=text)

    def cand(sentence: str):
        return SimpleNamespace(
            key=("report", text.index(sentence)),
            doc=report,
            sentence=SimpleNamespace(start=text.index(sentence)),
            edited=SimpleNamespace(text=sentence),
        )

    pool = [cand(t) for t in press + prison + graft]
    asked = {"pres", "journalist", "government", "restriction"}
    kept = {c.edited.text for c in in_asked_sections(pool, asked)}
    assert set(press) <= kept  # under the heading that names what was asked
    # a word the section on it uses significantly more than the others do: the subject
    assert "Two journalists held at the central prison said guards beat them." in kept
    # words of the question's frame, used as much elsewhere, are not enough
    assert not kept & set(prison[:-2] + prison[-1:])
    # a heading that names only the frame ("Corruption in Government") is no section on it:
    # its sentences name nothing else the question asks
    assert not kept & set(graft)
    # a report with no section on what was asked keeps every sentence, as does other writing
    assert len(in_asked_sections(pool, {"election"})) == len(pool)
    news = [SimpleNamespace(**{**vars(c), "doc": SimpleNamespace(doc_type="news")}) for c in pool]
    assert len(in_asked_sections(news, asked)) == len(news)


def test_the_summary_spreads_over_its_sources_unless_a_question_is_asked():
    from types import SimpleNamespace

    from briefing.synthesize import _greedy

    def cand(source, i):
        return SimpleNamespace(
            key=(source, i),
            words=10,
            doc=SimpleNamespace(),
            sentence=SimpleNamespace(start=i),
            edited=SimpleNamespace(text=f"Sentence {i} of the source {source}."),
        )

    # four sentences of one source, each worth a little more than the other source's one
    pool = [cand("a", 0), cand("a", 1), cand("a", 2), cand("a", 3), cand("b", 4)]
    args = (pool, [{} for _ in pool], [1.0] * 5, [1.0, 1.0, 1.0, 1.0, 0.8], list(range(5)))
    assert sorted(_greedy(*args, 20, [1.0] * 5)) == [0, 1]
    assert sorted(_greedy(*args, 20, [1.0] * 5, 3.0)) == [0, 4]


def test_the_executive_summary_takes_the_most_important_of_equally_supported_points():
    from briefing.assemble import executive_point

    docs = [
        doc(
            "The Treasury designated 14 companies and 22 vessels that carried crude oil "
            "above the price cap agreed by the G7.",
            path="/tmp/designated.txt",
            publisher="Treasury",
        ),
        doc(
            "The navy has opened or reopened more than 12 military sites in the Arctic over "
            "the past decade, satellite images show.",
            path="/tmp/arctic.txt",
            publisher="Example Wire",
        ),
    ]
    pool = candidates([analyze(d) for d in docs])
    designation, arctic = pool[0], pool[1]
    # picked first by the greedy, but the less important development
    arctic.development, designation.development = 1, 0
    assert executive_point([arctic, designation], pool) is designation
    arctic.development, designation.development = 0, 1
    assert executive_point([arctic, designation], pool) is arctic


def test_a_named_persons_event_told_before_leans_back():
    """"Berezikov's death" presupposes a death the source told of before: with the surname
    completed in brackets the name is clear, but not the death."""
    d = doc(
        "Police in Rostov detained the activist Anatoly Berezikov in June. He died in custody "
        "two weeks later, and his lawyer said he had been beaten. Officials did not comment. "
        "The Investigative Committee opened a criminal investigation into Berezikov’s death.",
        doc_type="report",
    )
    assert edited(d, 3) is None
    # a news story's sources all tell its one event: "Berezikov's death" is the story
    assert edited(dataclasses.replace(d, doc_type="news"), 3) is not None
    from briefing.editorial import TOLD_EVENT

    assert TOLD_EVENT.search("Observers believed Lv [Gengsong]’s conviction was related to …")
    d = doc(
        "Police in Rostov detained the activist Anatoly Berezikov in June. Officials did not "
        "comment. A court in Rostov fined Berezikov 30,000 roubles for an unsanctioned picket.",
        doc_type="report",
    )
    assert edited(d, 2).text.startswith("A court in Rostov fined [activist Anatoly] Berezikov")


def test_a_reports_finding_comes_with_the_example_that_shows_it():
    report = doc(
        "The ministry of Ruritania opened four new prisons in the south during the year. "
        "There were reports of government officials threatening to attack journalists. "
        "For example, during a March meeting of the city council, two local officials "
        "threatened journalist Anna Marek with violence.",
        doc_type="report",
    )
    texts = [c.edited.text for c in candidates([analyze(report)])]
    assert not any(t.endswith("threatening to attack journalists.") for t in texts)
    assert any(t.startswith("There were reports") and "Anna Marek" in t for t in texts)
    # elsewhere a lead stands as it is, its example a choice for the summary
    news = dataclasses.replace(report, doc_type="news")
    texts = [c.edited.text for c in candidates([analyze(news)])]
    assert any(t.endswith("attack journalists.") for t in texts)


def test_a_sentence_its_source_qualifies_right_after_is_no_bullet_alone():
    d = doc(
        "The ministry of Ruritania supports all forms of aid to the north, including the "
        "convoys from the capital. But the crossing from Borduria remains critical, and no "
        "other route can replace it.\n\nThe ministry of Ruritania opened two new clinics in "
        "the north on Monday.",
        doc_type="press release",
    )
    texts = [c.edited.text for c in candidates([analyze(d)])]
    assert not any(t.startswith("The ministry of Ruritania supports") for t in texts)
    assert any(t.startswith("The ministry of Ruritania opened") for t in texts)
    # in a news story the "But" is mostly another side's: the sentence stays
    news = [c.edited.text for c in candidates([analyze(dataclasses.replace(d, doc_type="news"))])]
    assert any(t.startswith("The ministry of Ruritania supports") for t in news)


def test_a_report_sets_the_record_against_what_it_relays_and_the_relayed_is_no_bullet():
    """ "Official statements asserted …" before "The party, however, retained a monopoly …":
    alone, the first reads as the report's own word. A contrast in the middle of the next
    sentence's first clause sets it against the one before, as an opening "However" does."""
    report = doc(
        "Official statements asserted that the party system of Ruritania is one of multiparty "
        "cooperation. The ruling party, however, retained a monopoly on political power in "
        "Ruritania.\n\nPolice detained 40 protesters in the capital of Ruritania in May.\n",
        title="2023 Country Reports on Human Rights Practices: Ruritania",
        doc_type="report",
    )
    relayed = "Official statements asserted that the party system of Ruritania is one of "
    texts = [c.edited.text for c in candidates([analyze(report)])]
    # with what sets it right, or not at all
    assert all("monopoly" in t for t in texts if t.startswith(relayed)), texts
    assert any(t.startswith("Police detained 40") for t in texts)
    # a comma after the subject that is no contrast qualifies nothing
    plain = dataclasses.replace(report, text=report.text.replace(", however,", ", in fact,"))
    texts = [c.edited.text for c in candidates([analyze(plain)])]
    assert any(t.startswith(relayed) and "monopoly" not in t for t in texts), texts


def test_a_sentence_that_only_names_a_text_whose_content_comes_next_is_read_with_it():
    """ "… issued censorship instructions to bloggers …" says what the next sentence tells
    ("The instructions banned …"): alone it cuts off its point; the two are one bullet. A
    text the sentence names as known ("the new media law") is no new one."""
    report = doc(
        "On June 2, the platform Kestrel issued censorship instructions to bloggers in "
        "Ruritania. The instructions banned candle emojis before the June 4 anniversary.\n\n"
        "The parliament of Ruritania passed the new media law of the government in May. The "
        "law requires every blogger to register with the police.\n",
        title="2023 Country Reports on Human Rights Practices: Ruritania",
        doc_type="report",
    )
    texts = [c.edited.text for c in candidates([analyze(report)])]
    issued = [t for t in texts if "issued censorship instructions" in t]
    assert issued and all("banned candle emojis" in t for t in issued), texts
    passed = "The parliament of Ruritania passed the new media law of the government in May [2023]."
    assert passed in texts
    # a decision taken tells itself whole: "… approved new rules …" stands alone
    from briefing.synthesize import elaborates

    assert not elaborates(
        "The ministers approved new rules on drone exports to Ruritania.",
        "The export rules take effect in March.",
    )
    assert elaborates(
        "The platform issued censorship instructions to bloggers.",
        "The instructions banned candle emojis.",
    )


def test_a_report_on_another_country_gives_no_sentence_about_its_own_state():
    """In a report on Ruritania, "Government authorities [of Ruritania] jammed phones along the
    Borduria border" is Ruritania's act: Borduria is only where."""
    report = doc(
        "Police detained 40 protesters in the capital of Ruritania in May.\n\n"
        "Government authorities frequently jammed mobile phones along the Borduria border.\n\n"
        "Borduria forcibly returned 600 refugees to Ruritania in October, NGOs reported.\n\n"
        "Borduria border guards and government authorities jammed phones in the north.\n",
        title="2023 Country Reports on Human Rights Practices: Ruritania",
        doc_type="report",
    )
    texts = [c.edited.text for c in candidates([analyze(report)], terms=["Borduria"])]
    assert texts == [
        "Borduria forcibly returned 600 refugees to Ruritania in October [2023], NGOs reported."
    ]
    # asked of an act, not a place, the state's own act is the answer ("cut off the internet")
    acts = doc(
        "Police detained 40 protesters in the capital of Ruritania in May.\n\n"
        "The government frequently cut off access to the internet during protests.\n",
        title="2023 Country Reports on Human Rights Practices: Ruritania",
        doc_type="report",
    )
    texts = [c.edited.text for c in candidates([analyze(acts)], terms=["internet"])]
    assert texts == [
        "The government [of Ruritania] frequently cut off access to the internet during "
        "protests."
    ]


def test_a_brief_on_the_country_a_report_is_about_does_not_bracket_its_name_in():
    """"Police [of Ruritania] beat …" tells a reader of a brief on many countries whose police;
    in a brief on Ruritania it says what the title says."""
    report = doc(
        "Police regularly beat detainees during arrests in 2023, NGOs reported.\n\n"
        "Authorities closed 14 independent newspapers across the country in March 2023.\n",
        title="2023 Country Reports on Human Rights Practices: Ruritania",
        doc_type="report",
    )
    on_it = [p.text for p in synthesize([analyze(report)], terms=["Ruritania"], words=40)]
    assert on_it == [
        "Police regularly beat detainees during arrests in 2023, NGOs reported.",
        "Authorities closed 14 independent newspapers across the country in March 2023.",
    ]
    asked = [p.text for p in synthesize([analyze(report)], query="police", words=40)]
    assert asked[0] == (
        "Police [of Ruritania] regularly beat detainees during arrests in 2023, NGOs reported."
    )


def test_a_source_about_the_topic_outranks_one_that_only_touches_on_it():
    about = doc(
        "Rain fell across the north of the country for a third week.\n"
        "Rivers rose in the provinces along the border with Thailand.\n"
        "Floods in Laos displaced thousands of families in the south.\n",
        title="Laos: the rainy season", path="/tmp/laos.txt",
    )
    passing = doc(
        "Hanoi reported record rice exports in October.\n"
        "Floods in Laos displaced 3,000 families and closed 40 schools in Savannakhet on "
        "October 12, 2023.\n"
        "Vietnam's central bank held its rate at 4.5 percent.\n"
        "Exporters in the Mekong Delta shipped 800,000 tonnes of rice in October.\n",
        title="Vietnam: the economy", path="/tmp/vietnam.txt",
    )
    points = synthesize([analyze(passing), analyze(about)], terms=["Laos"], words=5)
    assert [p.text for p in points] == [
        "Floods in Laos displaced thousands of families in the south."
    ]


def test_a_governments_background_does_not_pad_a_topic_that_has_news_enough():
    text = (
        "The Ministry today designated 12 shipping firms that carried arms to the coast.\n"
        "Customs officers seized 40 containers of rifles at the port of Varna on May 3, 2023.\n"
        "The Ministry froze $8 million held by the firms' owners in three banks.\n"
        "Arms smugglers continue to use the northern ports to reach the militias inland.\n"
    )
    release = doc(text, doc_type="press release", path="/tmp/release.txt")
    points = synthesize([analyze(release)], terms=["arms"], words=200)
    assert len(points) == 3 and not any(p.text.startswith("Arms smugglers") for p in points)
    # nor does a report's: "There were no significant changes …" opens its summary
    report = doc(
        "There were no significant changes in the arms trade through the northern ports.\n"
        "Customs officers seized 40 containers of rifles at the port of Varna on May 3.\n"
        "The Ministry designated 12 shipping firms that carried arms to the coast in May.\n"
        "The Ministry froze $8 million held by the arms firms' owners in three banks.\n",
        doc_type="report",
        path="/tmp/report.txt",
    )
    points = synthesize([analyze(report)], terms=["arms"], words=200)
    assert len(points) >= 3 and not any(p.text.startswith("There were no") for p in points)
    # a news story's background is mostly its own context: it stays
    story = doc(text, doc_type="news", path="/tmp/story.txt")
    points = synthesize([analyze(story)], terms=["arms"], words=200)
    assert any(p.text.startswith("Arms smugglers") for p in points)


def test_an_event_recalled_from_years_before_does_not_pad_news_that_has_enough():
    text = (
        "Coast guard ships fired water cannon at a supply boat near the shoal on May 3, 2026.\n"
        "The Ministry lodged a protest with the embassy over the attack on May 4, 2026.\n"
        "Navy officials said 14 sailors were hurt and two boats were damaged in the attack.\n"
        "A tribunal ruled in 2016 that the sweeping claims to the shoal had no legal basis.\n"
    )
    story = doc(text, doc_type="news", path="/tmp/story.txt", date=date(2026, 5, 5))
    points = synthesize([analyze(story)], terms=["shoal"], words=200)
    assert len(points) == 3 and not any(p.text.startswith("A tribunal") for p in points)
    # the same story without news enough keeps it: a topic is not left empty
    short = doc(text.split("\n", 2)[2], doc_type="news", path="/tmp/s.txt", date=date(2026, 5, 5))
    points = synthesize([analyze(short)], terms=["shoal"], words=200)
    assert any(p.text.startswith("A tribunal") for p in points)


def test_a_government_naming_itself_in_a_stance_is_background():
    from briefing.synthesize import self_stance

    assert self_stance("The United States harbors no hostile intent towards the DPRK.")
    assert self_stance(
        "The United States underscores that attacks against UN personnel are contrary to law."
    )
    assert self_stance("The Government remains committed to a negotiated settlement.")
    # a decision it announces, what it did, and a coalition it leads are news
    assert not self_stance("The United States will impose visa restrictions on ten officials.")
    assert not self_stance("The United States imposed visa restrictions on ten officials.")
    assert not self_stance("The United States and 44 other countries invoked the mechanism.")
    # another's state of affairs is the news of a release, not its stance
    assert not self_stance("Ahrar al-Sharqiya is reportedly involved in looting property.")


def test_a_release_listing_the_parts_of_a_decision_is_told_by_its_lead():
    text = (
        "The Ministry is designating six firms that have been facilitating the illicit shipment "
        "and the sale of oil products that are a key source of revenue for the regime and its "
        "security services.\n"
        "The Ministry is also publishing guidance for banks on Monday.\n"
        "The Ministry is designating Acme Shipping Ltd of Port Louis, Mauritius, for its oil.\n"
    )
    release = doc(text, doc_type="press release", path="/tmp/release.txt")
    points = synthesize([analyze(release)], terms=["oil"], words=45)
    texts = [p.text[:40] for p in points]
    assert "The Ministry is designating six firms th" in texts
    assert "The Ministry is designating Acme Shippin" not in texts
    # within the budget: a lead too long for it leaves the part
    points = synthesize([analyze(release)], terms=["oil"], words=12)
    assert [p.text[:40] for p in points] == ["The Ministry is designating Acme Shippin"]


def test_asked_a_question_reports_answer_it_rather_than_with_what_they_all_say():
    """Country reports share a template ("There were reports that the government or its agents
    committed arbitrary killings"): asked about journalists, each answers with its sentence on
    them, not with the template every report repeats."""
    template = (
        "There were numerous reports that the government or its agents committed arbitrary "
        "or unlawful killings during the year."
    )
    own = {
        "Ruritania": "Police detained 12 journalists and seized their cameras in May 2023.",
        "Borduria": "Authorities jailed 5 journalists and closed two newspapers in April 2023.",
        "Syldavia": "A court sentenced 3 journalists to prison for their reporting in June 2023.",
        "Carpania": "Security services beat 4 journalists covering a protest in July 2023.",
    }
    found = [
        analyze(
            doc(
                f"{template}\n\nProsecutors charged 20 people with fraud in 2023.\n\n{line}\n",
                title=f"Human Rights Report: {country}",
                doc_type="report",
                path=f"/tmp/{country.lower()}.txt",
            )
        )
        for country, line in own.items()
    ]
    points = synthesize(found, query="How are journalists treated?", words=40)
    texts = [p.text for p in points]
    assert not any("arbitrary or unlawful killings" in t for t in texts)
    assert sum("journalists" in t for t in texts) >= 3


def test_asked_a_question_a_report_answers_with_its_nouns_and_its_verbs_together():
    """Asked how journalists are detained and tortured, a report answers with its sentences on
    journalists detained ("detaining", "torture": any form of the verbs), not with one on
    journalists who fled, where it has both."""
    lines = {
        "Ruritania": [
            "More than 400 journalists had fled the country since 2020 because of the war.",
            "Police were detaining 12 journalists in the capital in May 2023.",
        ],
        "Borduria": [
            "The union said 50 journalists moved abroad in the last twenty years.",
            "Guards subjected 3 journalists to torture in the central prison in June 2023.",
        ],
        "Syldavia": [
            "Many journalists left state media for online outlets in 2023.",
            "Security services detained 4 journalists covering a protest in July 2023.",
        ],
    }
    found = [
        analyze(
            doc(
                "\n\n".join(text) + "\n",
                title=f"Human Rights Report: {country}",
                doc_type="report",
                path=f"/tmp/{country.lower()}.txt",
            )
        )
        for country, text in lines.items()
    ]
    points = synthesize(found, query="How are journalists detained and tortured?", words=60)
    texts = " ".join(p.text for p in points)
    assert all(w in texts for w in ("detaining 12", "torture in the central", "detained 4"))
    assert not any(w in texts for w in ("fled", "moved abroad", "left state media"))


def test_asked_a_question_a_set_of_country_reports_answers_it_country_by_country():
    def report(country: str, lines: list[str]) -> Document:
        return doc(
            "\n".join(lines) + "\n", title=f"Human Rights Report: {country}",
            doc_type="report", path=f"/tmp/{country.lower()}.txt",
        )  # fmt: skip

    many = report("Ruritania", [
        "Police in Ruritania arrested 12 journalists for their reporting in May 2023.",
        "A court sentenced the journalist Ivan Petrov to 9 years in prison in June 2023.",
        "The media ministry revoked the licenses of 15 journalists in July 2023.",
        "Security forces raided the homes of 7 journalists in August 2023.",
        "The government blocked 11 news websites run by exiled journalists in March 2023.",
    ])  # fmt: skip
    others = [
        report("Borduria", ["Authorities in Borduria closed a newspaper in April 2023."]),
        report("Syldavia", ["A court in Syldavia fined a journalist for libel in 2023."]),
    ]
    question = "What restrictions do governments place on journalists?"
    found = [analyze(d) for d in (many, *others)]
    points = synthesize(found, query=question, words=30)
    assert {p.source for p in points} == {source_id(d) for d in (many, *others)}


def test_a_question_naming_a_country_is_answered_from_what_is_said_of_that_country():
    """"What sanctions has the United States imposed on Russia?" over a government's releases:
    every release names the United States, so that name says nothing of what is asked; Russia
    is what the question is about. A release on Iran's sanctions gives no bullet; one on
    Russia's does, and so does a sentence on Russia in a release about something else."""
    releases = {
        "russia": "The United States is designating eight Russian shipping companies for "
        "carrying arms to the front.",
        "iran": "The United States is designating five Iranian entities for sanctions over "
        "ballistic missile procurement networks.",
        "syria": "The United States is sanctioning eight Syrian prisons and five regime "
        "officials who run those facilities.",
        "dprk": "The United States is designating two North Korean banks for sanctions over "
        "missile financing. Russia received 40 shipments of shells from the two banks' "
        "clients this year.",
    }
    found = [
        analyze(
            doc(
                text + "\n",
                path=f"/tmp/{name}.txt",
                title=f"Sanctions on {name}",
                doc_type="press release",
                date=date(2022, 5, 1),
            )
        )
        for name, text in releases.items()
    ]
    points = synthesize(found, query="What sanctions has the United States imposed on Russia?")
    texts = " ".join(p.text for p in points)
    assert "eight Russian shipping companies" in texts
    assert "Russia received 40 shipments" in texts
    assert "Iranian" not in texts and "Syrian" not in texts


def test_a_name_of_several_words_is_asked_by_its_rarest_word_and_holds_for_transcripts():
    """"… North Korea's missile launches?": "Korea" stands for the name ("North" is in "North
    and Central America" too), and a briefing's answer on migration does not answer it."""
    from briefing.synthesize import asked_names

    def source(name: str, text: str, doc_type: str = "press release"):
        return analyze(doc(text, path=f"/tmp/{name}.txt", title=name, doc_type=doc_type))

    found = [
        source("launches", "North Korea launched eight ballistic missiles at the United States.\n"),
        source("advisory", "The United States warns firms about North Korea's IT workers.\n"),
        source(
            "briefing",
            "Department Press Briefing\n\nMR PRICE: The strategy of the United States covers "
            "migration across North and Central America, with 40 new processing centres this "
            "year.\n\nQUESTION: And North Korea?\n\nMR PRICE: We condemn North Korea's launch "
            "of eight ballistic missiles on Sunday.\n",
            "transcript",
        ),
    ]
    question = "How has the United States responded to North Korea's missile launches?"
    assert asked_names(question, found) == []  # every source names it: nothing to tell apart
    found.append(source("iran", "The United States designated five Iranian firms today.\n"))
    assert asked_names(question, found) == ["Korea", "Korean"]
    texts = " ".join(p.text for p in synthesize(found, query=question, words=200))
    assert "processing centres" not in texts and "Iranian" not in texts
    assert "launched eight ballistic missiles" in texts


def test_a_question_with_an_initialism_or_a_title_in_it_still_gets_its_answer():
    """"U.S." gives the one-letter "U", "the Secretary" a title: neither is a name to focus on,
    so the brief is not left empty; a question about a person keeps that person's quotes."""
    from briefing.synthesize import asked_names

    def source(name: str, text: str):
        return analyze(doc(text, path=f"/tmp/{name}.txt", title=name, doc_type="news"))

    found = [
        source("steel", "The U.S. raised tariffs on steel imports to 25 percent on Monday.\n"),
        source("aluminium", "Canada answered the U.S. tariffs with duties on 40 goods.\n"),
        source("cars", "Japan's carmakers expect the tariffs to cost them $3 billion.\n"),
    ]
    assert asked_names("What tariffs has the U.S. imposed on steel?", found) == []
    assert synthesize(found, query="What tariffs has the U.S. imposed on steel?")
    assert asked_names("What did the Secretary say about steel?", found) == []


def test_a_place_asked_about_is_found_by_its_peoples_irregular_adjective():
    """"… China …?": a sentence on "Chinese authorities" in a source about another country
    answers it; the adjective is the sources' own word whose stem begins the name."""
    from briefing.synthesize import asked_names

    def source(name: str, text: str):
        return analyze(doc(text, path=f"/tmp/{name}.txt", title=name, doc_type="report"))

    found = [
        source(
            "north-korea",
            "Defectors described forced labour in state mines during the year.\n\n"
            "Chinese authorities repatriated 600 North Koreans in October despite appeals.\n",
        ),
        source("china", "China detained at least 102 journalists during the year.\n"),
        source("cuba", "Cuba arrested 41 independent journalists during the year.\n"),
    ]
    from briefing.synthesize import _name_forms

    # not another place's people whose stem begins the name
    near = frozenset({"Austrian", "Christian", "Indian"})
    assert not near & {*_name_forms("Australia", near), *_name_forms("Christchurch", near)}
    assert "Indian" not in _name_forms("Indiana", near)
    question = "How has China treated North Korean defectors?"
    assert asked_names(question, found)[:1] == ["China"]
    assert "Chinese" in asked_names(question, found)
    texts = " ".join(p.text for p in synthesize(found, query=question, words=200))
    assert "Chinese authorities repatriated 600 North Koreans" in texts
    assert "forced labour" not in texts


def test_a_reports_own_summary_section_weighs_as_its_lead():
    """A section its author heads as the summary ("Executive Summary", "Key Findings") sums up
    the whole report: each of its sentences weighs as a news lead does, not only the first.
    The report's subject, named in its title, is no query within it: asked for "Ruritania",
    a report on Ruritania weighs its sentences as it would unasked."""
    from briefing.synthesize import _rewards, _similarities, _tfidf

    finding = "Courts sentenced 412 people to death during 2023, twice as many as during 2022."
    body = [
        f"Police in Ruritania’s {town} district detained protesters and held them without "
        f"charge for {days} days in overcrowded detention centres, NGOs reported."
        for town, days in [("northern", 12), ("eastern", 30), ("coastal", 9), ("border", 21)]
    ]

    def rewards(heading: str, query: str = "") -> dict[str, float]:
        text = "\n\n".join(
            [
                heading,
                "Conditions worsened in several areas during 2023.",
                "Women continued to face discrimination in employment and before the courts.",
                finding,
                "a. Arbitrary Arrest or Detention",
                *body,
            ]
        )
        report = doc(
            text + "\n",
            title="2023 Country Reports on Human Rights Practices: Ruritania",
            doc_type="report",
        )
        pool = candidates([analyze(report)], terms=[query] if query else [])
        vectors = _tfidf([c.edited.text for c in pool])
        cover_all = [1.0 + sum(row.values()) for row in _similarities(vectors)]
        values = _rewards(pool, vectors, cover_all, query)
        return {c.edited.text: r for c, r in zip(pool, values, strict=True)}

    for heading in ("EXECUTIVE SUMMARY", "Key Findings", "Overview"):
        assert rewards(heading)[finding] > 1.5 * rewards("Background")[finding]
    assert rewards("Background", "Ruritania") == pytest.approx(rewards("Background"))


def country_report(country: str, lines: list[str], kind: str = "report") -> Document:
    """A one-country human-rights report (or, with ``kind``, another document) of ``lines``."""
    return doc(
        "\n".join(lines) + "\n",
        title=f"Human Rights Report: {country}",
        doc_type=kind,
        path=f"/tmp/{country.lower()}-{kind}.txt",
    )


def test_a_questions_verbs_say_what_it_asks_of_its_nouns():
    """"How are journalists detained and treated?" asks about journalists: a report's
    sentence on farmers detained at a protest does not answer it, one on journalists
    threatened into silence does, though it does not say "detained" (the question's verbs
    do not select sentences on their own; Lioma & Blanco 2009)."""

    def report(country: str) -> Document:
        lines = [
            f"Security forces in {country} detained 300 farmers and 14 union leaders in Varna on "
            "May 3, 2023.",
            f"Officials in {country} threatened journalists with prosecution over their "
            "reporting on corruption.",
            f"The courts of {country} heard 40 disputes over water rights during 2023.",
        ]
        return country_report(country, lines)

    reports = [report(c) for c in ("Ruritania", "Borduria", "Syldavia")]
    found = [analyze(d) for d in reports]
    points = synthesize(found, query="How are journalists detained and treated?", words=45)
    on_journalists = {p.source for p in points if "journalists" in p.text}
    assert on_journalists == {source_id(d) for d in reports}


def test_a_questions_answer_type_is_no_topic_of_it():
    """"What restrictions do women face?" is about women: "restrictions" names the kind of
    answer wanted (its "what" phrase), and restrictions on someone else are no answer."""
    from briefing.synthesize import asked_actions
    from briefing.text import content_words

    asked = asked_actions("What restrictions do women face?")
    assert set(content_words("restrictions")) <= asked
    assert not set(content_words("women")) & asked
    assert set(content_words("countries")) <= asked_actions("Which countries executed protesters?")
    assert not asked_actions("Sanctions on Russia")  # no question: keywords
    assert not set(content_words("Iranian Russia")) & asked_actions("What Russia wants?")
    # the "what" phrase of a later clause asks for its kind as an opening one does, when it
    # is the object of an inverted question ("what restrictions do they face")
    both = asked_actions("How are women and girls treated and what restrictions do they face?")
    assert set(content_words("restrictions")) <= both
    assert not set(content_words("women girls")) & both
    # not a subject ("which women are affected"), an embedded clause or a relative one
    for question in (
        "Which laws restrict women, and which women are affected?",
        "Describe the laws and what women face.",
        "How does Iran treat the protests, which women lead?",
        "How are women treated under the hijab laws, which police enforce?",
    ):
        assert not set(content_words("women police")) & asked_actions(question), question

    def report(country: str) -> Document:
        lines = [
            f"Authorities in {country} imposed restrictions on travel by 200 refugees in 2023.",
            f"Women in {country} were barred from 12 professions under a 2023 decree.",
            f"The courts of {country} heard 40 disputes over water rights during 2023.",
        ]
        return country_report(country, lines)

    reports = [report(c) for c in ("Ruritania", "Borduria", "Syldavia")]
    found = [analyze(d) for d in reports]
    points = synthesize(found, query="What restrictions do women face?", words=45)
    assert {p.source for p in points if "Women" in p.text} == {source_id(d) for d in reports}


def test_drawing_on_one_more_report_is_rewarded_for_its_answer_not_its_centre():
    """Asked of a set of reports, a question is answered country by country: the reward for
    drawing on one more report is that report's answer (``by_source``, its relevance), so a
    report whose central sentence says nothing on the question earns no bonus for being new."""
    from briefing.synthesize import _greedy, candidates

    a = country_report("Ruritania", [
        "A military court sentenced fourteen protesters to death in the capital in early May.",
        "Two students arrested at the March protests were executed in secret in late June.",
    ])  # fmt: skip
    abroad = "Any travel abroad required an exit permit from the old ministry of the interior."
    b = country_report("Borduria", [abroad])
    pool = candidates([analyze(a), analyze(b)])
    country = [c.doc.title.split(": ")[1] for c in pool]
    assert country == ["Ruritania", "Ruritania", "Borduria"]
    reward, answer = [1.0, 0.9, 0.8], [1.0, 0.9, 0.0]
    n, words = len(pool), {c.words for c in pool}
    assert len(words) == 1  # room for two of them, any two
    args = (pool, [{} for _ in pool], [10.0] * n, reward, [0] * n, 2 * words.pop(), [0.0] * n)
    central = _greedy(*args, spread=3.0)
    answering = _greedy(*args, spread=3.0, by_source=answer)
    # the new report's centre, for being new; with by_source, the second answer instead
    assert [country[k] for k in central] == ["Ruritania", "Borduria"]
    assert [country[k] for k in answering] == ["Ruritania", "Ruritania"]


def test_a_question_asked_of_many_reports_draws_on_them_for_their_answers(monkeypatch):
    """The wiring of the test above: asked of a set of reports, the selection's reward for one
    more report (``by_source``) is not the sentences' whole reward; asked of news, it is."""
    from briefing import synthesize as s

    seen = []
    greedy = s._greedy

    def spy(pool, sims, cap, reward, *args, **kwargs):
        seen.append((list(reward), args[-1] if len(args) > 4 else kwargs.get("by_source")))
        return greedy(pool, sims, cap, reward, *args, **kwargs)

    monkeypatch.setattr(s, "_greedy", spy)

    def report(country: str, kind: str = "report") -> Document:
        lines = [
            f"Police in {country} arrested 40 people and held them without charge for weeks.",
            f"A court in {country} sentenced 14 protesters to death after a one-day trial.",
            f"Travel outside {country} required an exit permit from the interior ministry.",
            f"Police in {country} beat protesters who marched to the parliament in May.",
        ]
        return country_report(country, lines, kind)

    for kind in ("report", "news"):
        seen.clear()
        found = [analyze(report(c, kind)) for c in ("Ruritania", "Borduria", "Syldavia")]
        synthesize(found, query="Which countries executed protesters?", words=40)
        [(reward, by_source)] = seen
        assert (by_source == reward) is (kind == "news"), kind


def test_a_question_of_many_reports_keeps_to_sentences_on_what_it_asks():
    # "Which countries …": "country" is the kind of answer wanted; a report's sentence that
    # shares no other word with the question ("… left the country …") answers something else,
    # however central it is to its report; a report that answers gives only its answers, one
    # that does not may answer in its own words
    def report(country: str, answer: str = "") -> Document:
        others = (
            f"Several families reportedly left the country for {country}'s neighbours in March.",
            f"Foreign observers described the situation in the country as grave in {country}.",
            f"Officials in {country} opened four new clinics in the capital city in April.",
        )
        return doc(" ".join([*others, answer]), path=f"/tmp/{country}.txt", doc_type="report")

    found = [
        analyze(report("Arland", "Courts in Arland executed two protesters in May after a trial.")),
        analyze(report("Borsk")),
        analyze(report("Cevia", "In Cevia, no protesters were executed in the year, courts said.")),
    ]
    points = synthesize(found, query="Which countries executed protesters?", words=120)
    assert not any("the country" in p.text for p in points)
    by = {source_id(d.doc): d.doc.path.stem for d in found}
    answered = [p for p in points if by[p.source] != "Borsk"]
    assert {by[p.source] for p in answered} == {"Arland", "Cevia"}
    assert all("protesters" in p.text for p in answered)


def test_only_a_class_of_named_things_is_an_answer_type_that_says_nothing_of_the_topic():
    from briefing.config import Topic
    from briefing.match import mentions
    from briefing.synthesize import answer_class

    assert answer_class("Which countries executed protesters?") == {"country"}
    assert answer_class("Which Iranian officials were sanctioned?") == {"official"}
    # "What executions …" asks about executions: they are its topic
    assert answer_class("What executions took place in Iran?") == frozenset()
    # a term with no content words of its own is never taken for the answer type
    topic = Topic(name="t", keywords=["US", "executions"], query="Which countries executed?")
    assert mentions(topic, "The US saw more executions.", skip={"country"}) == 2


def test_a_report_sentence_that_only_says_its_section_heading_was_reported_is_no_bullet():
    """"There were numerous NGO reports of political prisoners and detainees." under the
    heading "Political Prisoners and Detainees" tells the reader nothing the heading does not;
    the section's facts do."""
    text = (
        "Country Report: Ruritania\n\n"
        "e. Political Prisoners and Detainees\n\n"
        "There were numerous NGO reports of political prisoners and detainees.\n\n"
        "A rights group counted 1,074 prisoners of conscience held in Ruritania at year's end.\n\n"
        "Corruption in Government\n\n"
        # an annual report's "during the year" says no more than that it was reported
        "There were numerous reports of government corruption during the year.\n\n"
        "Prosecutors charged the mayor of Ruritania's capital with taking bribes in May 2023.\n"
    )
    report = doc(text, title="Country Report: Ruritania", doc_type="report")
    texts = [p.text for p in synthesize([analyze(report)], terms=["Ruritania"], words=200)]
    assert any("1,074" in t for t in texts) and any("bribes" in t for t in texts)
    assert not any("numerous" in t for t in texts)


def test_a_report_on_the_topic_is_summarised_from_all_its_parts():
    """A long report whose title names the topic is on it throughout: its summary draws on its
    parts (the "Section N." of a country report), not only on its first, however much more
    the first part says in words the others share."""
    from briefing.synthesize import report_parts

    parts = {
        # longer than a source's share of the candidates (MAX_PER_SOURCE, MAX_POOL)
        "Detention": [
            f"Police in Ruritania detained {n} protesters in {town} and held them without "
            f"charge for {n % 9 + 2} weeks."
            for n, town in zip(
                range(20, 7020, 10), ["Varna", "Tavro", "Osk", "Brel"] * 175, strict=True
            )
        ],
        "Freedom of Expression": [
            "The press council closed four newspapers that covered the strikes in 2023.",
            "Authorities blocked 2,300 websites, including three foreign news services.",
        ],
        "Elections": [
            "Election officials barred 41 opposition candidates from the ballot in the March vote."
        ],
        "Workers": ["The labour ministry raised the minimum wage by 18 percent in March."],
    }
    lines = ["Ruritania Human Rights Report", ""]
    for n, (heading, sentences) in enumerate(parts.items(), start=1):
        lines += [f"Section {n}.", "", heading, "", *sentences, ""]
    report = doc(
        "\n".join(lines), title="Ruritania Human Rights Report", doc_type="report",
        path="/tmp/ruritania-report.txt",
    )  # fmt: skip
    assert len(report_parts(report.text)) == 4
    summary = synthesize([analyze(report)], terms=["Ruritania"], words=90)
    said = " ".join(p.text for p in summary)
    drawn = [h for h, sentences in parts.items() if any(s[:40] in said for s in sentences)]
    assert drawn == list(parts), said


def test_a_reports_parts_are_its_numbered_sections_not_its_lettered_ones():
    from briefing.synthesize import report_parts

    text = (
        "Summary\n\nIt was a bad year.\n\nSection 1.\n\nIntegrity of the Person\n\n"
        "a. Killings\n\nThere were many.\n\nb. Torture\n\nIt was common.\n\n"
        "Section 2.\n\nCivil Liberties\n\nThe press was not free.\n"
    )
    assert [text[at:].split("\n")[0] for at in report_parts(text)] == ["Section 1.", "Section 2."]
    numbered = "1. Findings\n\nThe audit found gaps.\n\nII. Recommendations\n\nFix them.\n"
    assert len(report_parts(numbered)) == 2
    # a numbered list of sentences is no set of parts, nor is one part alone
    assert report_parts("1. The ministry should publish its data.\n\n2. It should act.\n") == ()
    assert report_parts("Section 1.\n\nAll of it\n\nThe whole report.\n") == ()


def test_an_answer_s_definite_noun_gets_the_place_the_question_gave_it():
    def answered(question: str, answer: str) -> str:
        asked = f"QUESTION: {question}\n"
        said = f"MS ROE: {answer}\n"
        text = asked + said
        turns = (
            Turn(None, "question", 0, len(asked) - 1),
            Turn("Ms Roe", "answer", len(asked), len(text) - 1),
        )
        d = doc(text, turns=turns, doc_type="transcript")
        sentences = [s for s in doc_sentences(d) if s.start >= len(asked)]
        return edit(d, sentences, 0).text

    question = "What do you make of the strikes spreading in Lowland Province this week?"
    assert answered(question, "So the strikes today show how deep the anger over wages runs.") == (
        "[T]he strikes [in Lowland Province] today show how deep the anger over wages runs."
    )
    # the answer names the place itself; the question's word is a verb there, not a noun
    named = "The strikes in Lowland Province show how deep the anger over wages runs."
    assert answered(question, named) == named
    verb = "Are the unions striking in Lowland Province again?"
    plain = "The striking is a matter for the province and its employers to settle."
    assert answered(verb, plain) == plain
    # a time is no place; the answer's noun may have a place or a pointer of its own
    when = "Will the election in May be fair?"
    assert answered(when, "The election will be watched by observers.") == (
        "The election will be watched by observers."
    )
    for own in ("in Highland Province", "there"):
        said = f"The strikes {own} show how deep the anger over wages runs."
        assert answered(question, said) == said
    named = "What of the protests in Lowland I understand spread?"
    assert answered(named, "The protests grew after the wage talks failed in June.") == (
        "The protests [in Lowland] grew after the wage talks failed in June."
    )


def test_a_spoken_discourse_marker_ties_a_turn_to_talk_the_reader_did_not_hear():
    from briefing.editorial import discourse_marker

    assert discourse_marker("Look, I think there was great hope for the new technology.")
    assert discourse_marker("Well, the talks in Geneva went on for three days.")
    assert discourse_marker("“I mean, the sanctions cut the firm's revenue by half.")
    assert not discourse_marker("Well over 100 people were detained in the capital.")
    assert not discourse_marker("Look at the numbers: exports fell by a third in May.")
    # a bullet drops the marker as it drops a connective
    text = "MS ROE: Look, the sanctions cut the shipping firm's revenue by half in May.\n"
    turn = doc(text, turns=(Turn("Ms Roe", "answer", 0, len(text) - 1),), doc_type="transcript")
    assert edited(turn, 0).text == "[T]he sanctions cut the shipping firm's revenue by half in May."


def test_a_country_reports_continuing_practice_is_a_finding_not_background():
    """In a report of a series on one country, every sentence is of that country and of the
    report's year: "Women continued to face discrimination …" is one of its findings. In a
    statement the same sentence names no one and tells a course, not the news."""
    from briefing.synthesize import background

    finding = "Women continued to face discrimination in employment and before the courts."
    text = f"Conditions worsened in several areas during 2023.\n\n{finding}\n"
    report = doc(
        text,
        title="2023 Country Reports on Human Rights Practices: Ruritania",
        doc_type="report",
    )
    statement = doc(text, title="On Ruritania", doc_type="press release")
    for source, expected in ((report, False), (statement, True)):
        pool = candidates([analyze(source)])
        told = [c for c in pool if c.edited.text == finding]
        assert told and background(told[0]) is expected, source.doc_type


def test_a_sentence_presenting_things_is_read_with_the_next_that_takes_them_up():
    """"… there have been protests against the mission …" sets the scene; "A number of these
    protests have turned violent, resulting in …" is the news. They make one bullet (van
    Dijk's circumstance and main event), not the scene alone."""
    scene = "Over the past four days, there have been protests against the UN mission in Ruritania."
    news = "A number of these protests have turned violent, resulting in the deaths of 12 guards."
    # what comes next is about other things, though it tells of a decision
    other = "The government of Ruritania condemned the attack and arrested 40 people on Monday."
    texts = [
        c.edited.text
        for c in candidates([analyze(doc(f"{scene} {news}\n\n{scene} {other}\n"))])
    ]
    assert f"{scene} {news}" in texts
    assert texts.count(scene) == 1  # the second scene: its next sentence is about other things
    assert other in texts
    # the noun is the phrase's last word, whatever comes before it
    many = scene.replace("been protests", "been numerous violent protests")
    texts = [c.edited.text for c in candidates([analyze(doc(f"{many} {news}\n"))])]
    assert f"{many} {news}" in texts and many not in texts


def test_a_government_announcing_what_it_did_is_told_apart_from_its_stance():
    from briefing.synthesize import announces

    for text in (
        "The Department of State has designated Ilo Vesk and Mara Tuun under the order.",
        "Today [16 July 2021], the Department of State, together with [the Department of "
        "Commerce], released a business advisory on Arland.",
        "The United States is designating 15 individuals and entities.",
        "During Part One, Secretary Blinken and the members welcomed the new Secretary General.",
        "The United States today [24 March 2022] announced sanctions on five entities.",
    ):
        assert announces(text), text
    for text in (
        "Over the past year, Arland officials have undermined the courts.",  # someone else
        "The United States condemns the attack on the convoy.",  # a stance
        "The United States is committed to the people of Arland.",
        "We will continue to stand up for the rights of people in Arland.",  # to come
        "We are taking action.",  # no act named
        "Secretary General Ana Ruiz served the organization with dedication.",  # not its own
    ):
        assert not announces(text), text


ARLAND_CONTEXT = (
    "Over the past year, Arland officials have undermined the democratic institutions of "
    "Arland, jailed critics of the Arland government and closed newspapers in Arland."
)


def test_a_release_is_told_by_its_news_not_the_circumstance_it_opens_on():
    from briefing.synthesize import _news_of_releases, _similarities, _tfidf

    release = doc(
        f"{ARLAND_CONTEXT} Arland's courts no longer protect critics of the Arland "
        "government.\n\nThe Department of State has designated Ilo Vesk, Mara Tuun, and "
        "Pek Sarn, who are deputy directors of the security office that has repeatedly "
        "undermined the courts of Arland.\n",
        title="One Year of Arland's Security Law",
        doc_type="press release",
    )
    pool = candidates([analyze(release)], terms=["Arland"])
    sims = _similarities(_tfidf([c.edited.text for c in pool]))
    opening = next(k for k, c in enumerate(pool) if c.edited.text.startswith("Over the past"))
    news = next(k for k, c in enumerate(pool) if "has designated" in c.edited.text)
    # the greedy took the release's circumstance: its news takes that place
    assert _news_of_releases(pool, [opening], sims, budget=40) == [news]
    # not when the release's news is told already, nor in a story by a reporter
    assert _news_of_releases(pool, [opening, news], sims, budget=80) == [opening, news]
    story = dataclasses.replace(release, doc_type="news")
    pool = candidates([analyze(story)], terms=["Arland"])
    assert [c.edited.text for c in pool][0].startswith("Over the past")
    assert _news_of_releases(pool, [0], sims, budget=40) == [0]


def test_a_release_gives_up_for_its_news_the_circumstance_that_would_stay():
    """Where enough news is told for a release's background to go anyway, its news takes the
    place of the circumstance that would stay ("The PRC has fundamentally altered …"), not of
    the background that costs nothing."""
    from briefing.synthesize import (
        _news_after,
        _news_of_releases,
        _similarities,
        _tfidf,
        background,
    )

    release = doc(
        "At the end of June 2019, Arland imposed a sweeping security law on the city of Sarn. "
        "Arland has fundamentally altered the institutions of Sarn and suppressed its press. "
        "Today, President Roe directed Deferred Enforced Departure for Sarn residents in the "
        "United States for 18 months.\n",
        title="Safe Haven for Sarn",
        doc_type="press release",
        date=date(2021, 8, 5),
    )
    pool = candidates([analyze(release)], terms=["Arland"])
    sims = _similarities(_tfidf([c.edited.text for c in pool]))
    law, altered, news = range(3)
    assert pool[news].edited.text.startswith("Today [5 August 2021], President Roe directed")
    assert background(pool[law]) and not background(pool[altered])
    spent = pool[altered].words
    # the law goes with the padding: the news is told in place of what would stay
    assert _news_of_releases(pool, [law, altered], sims, budget=spent, told=3) == [law, news]
    # short of news, the background stays until the news takes its place
    assert _news_of_releases(pool, [law, altered], sims, budget=80) == [news, altered]
    # the law went as padding: what follows it was given up for the news, and stays out
    assert _news_after(pool, [law], [news], sims) == [altered]
    assert _news_after(pool, [law], [news], sims, given_up=[altered]) == []


def test_a_release_restating_how_things_stand_is_told_once():
    from briefing.synthesize import _similarities, _tfidf, chosen_near

    text = (
        "Over the past year, officials in Arland have closed three newspapers and jailed "
        "their editors. As the anniversary of the handover approaches, freedoms in Arland "
        "are diminishing while the capital tightens its rule. The differences between Arland "
        "and the cities of the mainland are shrinking under ongoing repression.\n"
    )

    def pool_of(doc_type: str):
        pool = candidates([analyze(doc(text, doc_type=doc_type))], terms=["Arland"])
        return pool, _similarities(_tfidf([c.edited.text for c in pool]))

    pool, sims = pool_of("press release")
    event, diminishing, shrinking = range(3)
    assert pool[shrinking].edited.text.startswith("The differences")
    assert chosen_near(shrinking, [diminishing], sims, pool)  # in other words, said again
    assert not chosen_near(shrinking, [event], sims, pool)  # what happened is another point
    pool, sims = pool_of("news")
    assert not chosen_near(shrinking, [diminishing], sims, pool)  # a reporter's, each its own


def test_what_a_government_recalls_having_done_before_is_background():
    from briefing.synthesize import background

    def cand(text: str, doc_type: str = "press release"):
        return candidates([analyze(doc(text, doc_type=doc_type))], terms=["Arland"])[0]

    for text in (
        "The United States has previously issued a number of advisories on Arland's shipping.",
        "For many years, the United States has prioritized support for refugees from Arland.",
        "The European Union and Japan have previously designated the Arland minister.",
    ):
        assert background(cand(text)), text
    # today's news, and a reporter's story of what was done before (its own news)
    assert not background(
        cand("The United States issued an advisory on the risks of Arland's shipping today.")
    )
    # a reporter's story: "previously" changes nothing
    for doc_type in ("news", "report"):
        assert background(
            cand("Arland police have previously jailed two reporters on 4 May.", doc_type)
        ) == background(cand("Arland police have jailed two reporters on 4 May.", doc_type))


def test_a_decision_told_by_its_kind_is_told_with_the_sentence_naming_its_parts():
    from briefing.synthesize import _names_its_parts

    release = doc(
        "Arland's army shelled the port again this week, the ministry said.\n\n"
        "The Department of State is designating Arland officials and state-owned companies "
        "pursuant to Executive Order 14024. The Department is designating three officials: "
        "Ilo Vesk, Mara Tuun, and Pek Sarn.\n\n"
        "Arland's navy has blockaded the port since March.\n",
        title="Imposing Costs on Arland",
        doc_type="press release",
    )
    points = [p.text for p in synthesize([analyze(release)], terms=["Arland"], words=40)]
    named = [p for p in points if p.startswith("The Department of State is designating")]
    assert named and named[0].endswith("Ilo Vesk, Mara Tuun, and Pek Sarn.")
    assert not any(p.startswith("The Department is designating three") for p in points)
    # a decision with its count, or a part after its lead, is whole already
    lead = "The United States is designating six entities that shipped Arland's oil."
    parts = "The Department is designating Ilo Vesk and Mara Tuun for their part in it."
    assert not _names_its_parts(lead, parts)
    kind = "The United States is designating Arland's oil traders under the order."
    assert _names_its_parts(kind, parts)
    assert not _names_its_parts(kind, parts, before=[lead])


def test_a_decision_whose_parts_open_the_next_paragraph_is_told_by_them():
    """A bullet is one paragraph's words: when the sentence naming the decision's parts opens
    the next paragraph ("Specifically, we are designating …"), it tells the decision in place
    of the sentence that names no one."""
    from briefing.synthesize import _naming_parts

    release = doc(
        "Arland's army shelled the port again this week. The Department of State is "
        "designating more Arland officials today, in addition to family members of those "
        "officials.\n\n"
        "Specifically, we are designating Ilo Vesk, one of the richest men in Europe, "
        "pursuant to Executive Order 14024.\n\n"
        "Arland's navy has blockaded the port since March.\n",
        title="Imposing Costs on Arland",
        doc_type="press release",
        date=date(2022, 6, 2),
    )
    pool = candidates([analyze(release)], terms=["Arland"])
    (decision,) = [c for c in pool if c.edited.text.startswith("The Department of State")]
    (told,) = _naming_parts([decision], budget=40)
    assert told.edited.text.startswith("[W]e are designating Ilo Vesk, one of the richest")
    assert told.edited.said_by == decision.edited.said_by
    # chosen already on its own, it is told once
    naming = next(c for c in pool if c.edited.text.startswith("[W]e are designating"))
    assert [c.edited.text for c in _naming_parts([decision, naming], budget=60)] == [
        told.edited.text
    ]
    # a swap that adds no words is made past the budget, after a run that went over it
    listed = doc(
        "The Department of State is designating Arland officials and state-owned companies "
        "pursuant to Executive Order 14024. The Department is designating three officials: "
        "Mara Tuun, Pek Sarn, and Oda Lenn.\n",
        path="/tmp/b.txt",
        doc_type="press release",
    )
    (kind,) = candidates([analyze(listed)], terms=["Arland"])[:1]
    assert [c.edited.text for c in _naming_parts([kind, decision], budget=20)][1:] == [
        told.edited.text
    ]


def test_an_it_that_stands_for_nothing_does_not_lean_back():
    """The "it" of a cleft or of an extraposed clause is a placeholder (Quirk et al. 1985,
    18.25-18.33), not a pointer at something said before."""
    for text in (
        "It is with the welfare of ordinary Arlanders in mind that we are announcing the "
        "provision of nearly $54 million in humanitarian assistance.",
        "It is important that the world responds to the crisis in Arland now.",
        "It’s critical to hold the Arland government accountable for the attacks.",
        "It was not until 2019 that the Arland parliament changed the election law.",
        "It is in everyone's interest to end the war in Arland this year.",
    ):
        assert not written(text), text
    for text in (
        "It is a step in the right direction for the people of Arland.",
        "It is unacceptable and must stop at once, the minister of Arland said.",
        "It was adopted by the Arland parliament in a late-night vote on Tuesday.",
        "It is due to be completed by the Arland government in 2004.",
        "It was about honour and the truth in Arland; everything that we honour.",
    ):
        assert written(text), text


def test_padding_only_fills_a_section_short_of_news_to_its_minimum():
    """A topic with too little news keeps background, but only as much as brings its section
    to ENOUGH_NEWS bullets, the first chosen first: the budget is a limit, not a quota."""
    from briefing.synthesize import ENOUGH_NEWS, _without_padding, background

    text = (
        "The Department of State sanctioned five Arland entities for missile work on Monday. "
        "The United States remains committed to a peaceful and prosperous future for Arland. "
        "Special Representative Ilo Vesk will travel to Arland next week for consultations. "
        "There is still much work to do in Arland, where the militias sow fear in the towns. "
        "The United States supports the people of Arland in their pursuit of a better life.\n"
    )
    pool = candidates(
        [analyze(doc(text, doc_type="press release", date=date(2021, 6, 1)))], terms=["Arland"]
    )
    news, *padding = range(5)
    assert not background(pool[news]) and all(background(pool[k]) for k in padding)
    chosen = [news, padding[2], padding[0], padding[1], padding[3]]
    room = ENOUGH_NEWS - 1
    assert _without_padding(pool, chosen) == chosen[: 1 + room]
    # news told elsewhere in the brief (the executive summary's) counts toward the minimum
    assert _without_padding(pool, chosen, told=room) == [news]


def test_the_words_padding_left_go_to_the_best_news_not_chosen():
    """Padding that went leaves the budget short: the best news not chosen that gives a count
    comes in, once, as the greedy's last sentence may run over; not news without a figure to
    check, never background, nor a repeat."""
    from briefing.synthesize import _after_padding, _similarities, _tfidf, background

    text = (
        "The Department of State sanctioned five Arland entities for missile work on Monday. "
        "Arland has now launched 31 ballistic missiles in 2022, the most it has ever launched. "
        "Special Representative Ilo Vesk will be accompanied by Deputy Special Representative "
        "Mara Tuun on the trip to Arland. "
        "The Department of State sanctioned five Arland entities for their missile work. "
        "Arland's foreign minister resigned after the vote in the capital of Arland. "
        "Arland's parliament met for the first time in 15 years on the anniversary. "
        "Today marks a new era of cooperation between the many parties of Arland.\n"
    )
    pool = candidates(
        [analyze(doc(text, doc_type="press release", date=date(2021, 6, 1)))], terms=["Arland"]
    )
    sims = _similarities(_tfidf([c.edited.text for c in pool]))
    sanctioned, launched, trip, again, aside, since, era = range(7)
    assert background(pool[trip]) and not background(pool[launched])
    assert not background(pool[aside])  # news, but nothing to check
    assert pool[era].edited.text.startswith("Today [1 June 2021] marks")
    # "15 years" is how long, not how many; "Today [1 June 2021]" is when
    reward = [0.4, 0.3, 0.2, 0.35, 0.33, 0.32, 0.31]
    kept = [sanctioned]
    budget = pool[sanctioned].words + pool[trip].words
    # the trip went: the launches come in, past the budget once
    assert _after_padding(pool, kept, [trip], reward, sims, budget) == [sanctioned, launched]
    # nothing went, or the budget is spent: nothing comes in
    assert _after_padding(pool, kept, [], reward, sims, budget) == kept
    assert _after_padding(pool, kept, [trip], reward, sims, pool[sanctioned].words) == kept
    # a circumstance given up for its release's news was replaced, not freed: not back
    assert launched not in _after_padding(pool, kept, [trip], reward, sims, budget, [launched])


def test_a_report_section_is_read_opening_first_then_its_first_dated_event():
    """Edmundson's location and cue methods: each section's opening, then the first sentence
    of each that opens on a day or a month (an event that bears the finding out), then the
    sections' second sentences."""
    from briefing.synthesize import _by_section, _headings

    text = (
        "Arland restricted freedoms during the year.\n\n"
        "Freedom of Expression\n\n"
        "Authorities restricted the press in Arland. Many reporters worked in fear. "
        "Restrictions on the Press: On May 2, the president signed a law on treason.\n\n"
        "Freedom of Assembly\n\n"
        "Authorities restricted assemblies in Arland. Police dispersed many protests. "
        "In October, police detained 40 protesters in the capital.\n"
    )
    report = doc(text, doc_type="report")
    sentences = doc_sentences(report)
    starts = [at for at, _ in _headings(text)]
    order = [sentences[i].text[:20] for i in _by_section(sentences, starts)]
    assert [t for t in order if not t.startswith(("Freedom of", "Arland restricted"))] == [
        "Authorities restrict",
        "Authorities restrict",
        "Restrictions on the ",
        "In October, police d",
        "Many reporters worke",
        "Police dispersed man",
    ]


def test_a_meeting_told_only_by_its_agenda_is_a_frame():
    from briefing.synthesize import only_frame

    assert only_frame(
        "Representatives of Egypt, France, and the United States met in Washington D.C. on "
        "March 3 [2022] to discuss the ongoing crisis in Arland."
    )
    assert only_frame("The conference opened a session on Arland's elections in Geneva.")
    assert only_frame("Envoys met in Brussels on May 10, 2022, to discuss the crisis in Arland.")
    # what came of it is news
    assert not only_frame(
        "Envoys met in Paris on April 28 to discuss Arland and agreed to provide $40 million."
    )
    assert not only_frame("Arland's president met the envoy and released 40 prisoners.")


def test_likewise_and_similarly_compare_with_what_the_reader_was_not_shown():
    assert written("The Department of State is similarly designating Ilo Vesk, an Arland elite.")
    assert written("The ministry likewise banned two newspapers in the capital on Monday.")
    # "similarly to …" names what it is like
    assert not written("The court treated the case similarly to a 2019 ruling by the high court.")


def test_a_stance_on_the_days_news_is_news():
    from briefing.synthesize import background

    def cand(text: str):
        d = doc(text, doc_type="press release", date=date(2022, 3, 24), authors=("Jane Doe",))
        return candidates([analyze(d)], terms=["Taliban"])[0]

    # the decision it condemns was taken the day before: what was decided, and when
    assert not background(
        cand("We condemn the Taliban’s decision on March 23 to keep secondary schools closed.")
    )
    # no day, or a day to come, or one long before: a stance
    assert background(cand("We condemn the Taliban’s decision to keep secondary schools closed."))
    assert background(
        cand("As we near the Taliban’s anniversary on April 15, we condemn its decisions.")
    )
    assert background(
        cand("We condemn the Taliban’s decision on August 15, 2021 to close the schools.")
    )
    # a day the text counts back from its own ("yesterday", "on Monday"), as the editor
    # dates it, is such a day too; "today" is the stance's own day, not what it answers
    support = "in expressing support for the girls the Taliban keep from school."
    joined = cand(f"Yesterday, we joined the Board {support}")
    assert joined.edited.text.startswith("Yesterday [23 March 2022]")
    assert not background(joined)
    today = cand(f"Today, we join the Board {support}")
    assert background(today)
    # nor is it a bare stance the pool leaves out
    from briefing.synthesize import bare_stance

    assert not bare_stance(joined) and bare_stance(today)
    # a weekday the editor dated may be one to come ("to attend Monday's talks"): only a
    # day that is surely past, yesterday, is the day of the news
    coming = cand("We call on the Taliban to attend Monday’s talks on secondary schools.")
    assert "[21 March 2022]" in coming.edited.text and bare_stance(coming)


def test_review_an_announcement_is_the_own_governments_act_in_its_main_clause():
    from briefing.synthesize import (
        _names_its_parts,
        _news_of_releases,
        _similarities,
        _tfidf,
        announces,
        background,
        chosen_near,
        own_announcement,
    )

    assert announces("[T]he Department of State has designated Ilo Vesk, an Arland general.")
    assert announces("[T]oday, the United States imposed visa restrictions on 12 officials.")
    # an opening of a phrase, not of a clause whose verb is someone else's act
    assert announces(
        "As part of our commitment to the people of Arland, the United States is providing "
        "more than $266 million in new humanitarian assistance."
    )
    assert not announces("After Arland invaded Sarn, the United States condemns the attack.")
    assert not announces("The Administration has been clear about the sanctions on Arland.")
    assert not announces("We have seen reports of arrests in the capital of Arland.")
    # another country's head is not the release's government
    assert not own_announcement("President Vesk of Arland has claimed the vote was free.")
    putin = "Russian President Vladimir Putin met the envoy. President Putin has launched a war."
    assert not own_announcement("President Putin has launched a war on Arland.", putin)
    assert own_announcement("Today, President Roe directed protection for Arland residents.")
    # "previously" outside the main clause does not make today's news background
    designation = (
        "Today, the Department of State is designating Ilo Vesk and Mara Tuun, two Arland "
        "generals previously sanctioned by the European Union, for the shelling of the port."
    )
    pool = candidates([analyze(doc(designation, doc_type="press release"))], terms=["Arland"])
    assert not background(pool[0])
    # what a release will do, or a fact of the present, restates no trend
    text = (
        "Freedoms in Arland are diminishing as the capital tightens its rule over the city. "
        "The United States will impose visa restrictions on the Arland officials responsible. "
        "Arland's election law now bars opposition candidates from running for the legislature.\n"
    )
    pool = candidates([analyze(doc(text, doc_type="press release"))], terms=["Arland"])
    sims = _similarities(_tfidf([c.edited.text for c in pool]))
    assert not chosen_near(1, [0], sims, pool) and not chosen_near(2, [0], sims, pool)
    # a talk to come names no parts of a decision
    assert not _names_its_parts(
        "The United States is imposing sanctions on Arland's defense sector.",
        "Secretary Blinken will discuss further sanctions with European Union ministers.",
    )
    # the circumstance given up is the release's background, not its other news
    text = (
        "Arland police arrested the editors of the Daily Sarn at their homes on Monday.\n\n"
        "The United States stands with the brave journalists of Arland.\n\n"
        "The Department of State has designated Ilo Vesk, Mara Tuun, and Pek Sarn, who are "
        "deputy directors of the security office that ordered the arrests in Arland.\n"
    )
    pool = candidates([analyze(doc(text, doc_type="press release"))], terms=["Arland"])
    sims = _similarities(_tfidf([c.edited.text for c in pool]))
    arrest, stance, news = range(3)
    assert background(pool[stance]) and not background(pool[arrest])
    assert _news_of_releases(pool, [arrest, stance], sims, budget=80) == [arrest, news]
    assert _news_of_releases(pool, [stance, arrest], sims, budget=80) == [news, arrest]


def test_review_forms_that_looked_like_leaning_back_or_logistics():
    from briefing.model import Sentence
    from briefing.summarize import eligible

    assert not written("The Department will treat similarly situated applicants the same way.")
    assert not written("The vote in the assembly was pushed back to March because of the storm.")
    assert written("[O]ther pastors detained in March remain in custody in the capital.")
    line = "Our allies in Europe are with us to hold Russia accountable for its crimes in Ukraine."
    assert eligible(Sentence(line, 0, len(line), "Jane Doe", "answer"))


def test_review_openings_frames_dates_and_placeholders_of_this_session():
    from briefing.editorial import expletive_it
    from briefing.synthesize import DATED_EVENT, _by_section, _headings, announces, only_frame

    # an opening with a verb of its own is a clause: its "… said" reports words, not an act
    assert not announces("The sanctions on Arland are working, President Roe said.")
    assert not announces("We will not be intimidated by Arland, President Roe said on Monday.")
    # a relative "that", a "so … that", an adjective whose "it" acts: the "it" points back
    for text in (
        "It is near a town that Arland forces shelled in March.",
        "It is at the centre of a dispute that has strained relations with Arland.",
        "It is so large that it can hold 3,000 prisoners from Arland.",
        "It is able to strike targets in Arland 2,000 kilometres away.",
    ):
        assert not expletive_it(text), text
    assert expletive_it("It seems that the talks with Arland failed.")
    assert expletive_it("It remains unclear whether talks with Arland will resume.")
    # a meeting's frame is only that: not "are met", nor a meeting that did more
    assert not only_frame("Once the terms are met, Arland will sit down to discuss a truce.")
    assert not only_frame("Protesters gathered to discuss the law and were beaten by police.")
    assert not only_frame("Arland has met none of its demands and refused to discuss reparations.")
    # a day written first; not a place that begins like a month
    assert DATED_EVENT.match("On 30 November, the Supreme Court of Arland granted bail.")
    assert not DATED_EVENT.match("In Mar del Plata, police detained 40 people.")
    # a dated opening is its section's dated event: no second one moves up
    text = (
        "Arland detained many.\n\nDetention\n\nOn May 2, police detained 40 people in Sarn. "
        "Conditions were poor. Food was scarce. On June 5, the court freed 12 of them.\n"
    )
    sentences = doc_sentences(doc(text, doc_type="report"))
    order = _by_section(sentences, [at for at, _ in _headings(text)])
    last = [sentences[i].text[:10] for i in order][-3:]
    assert last == ["Conditions", "Food was s", "On June 5,"]


def test_the_grounds_of_a_designation_lean_on_the_decision_that_names_their_subject():
    """ "The Ministry is designating one company, Borsk Trading Ltd., for …", then "Borsk
    Trading Ltd. served as the manager of a tanker …": alone, the second hides that the
    company was sanctioned; it is the decision's grounds and comes with it or not at all."""
    release = (
        "The Ministry of Trade is designating one Arland-based company, Borsk Trading Ltd., for "
        "shipping fuel from Sarn. Borsk Trading Ltd. served as the manager of a tanker that "
        "carried fuel from Sarn.\n"
        "The Ministry is also imposing sanctions on the armed group Ahrar al-Tarif, for "
        "abductions. Ahrar al-Tarif is reportedly involved in looting homes in the north.\n"
    )
    texts = [c.edited.text for c in candidates([analyze(doc(release, doc_type="press release"))])]
    assert not any(t.startswith(("Borsk", "Ahrar")) for t in texts)
    assert any(t.startswith("The Ministry of Trade is designating") for t in texts)
    # the designator going on is no grounds, nor is a name the decision did not concern
    assert not leans_back(
        "The Ministry of Trade said the tanker carried fuel worth $40 million.",
        doc_sentences(doc(release))[:1],
        spoken=False,
    )
    news = "The Council is sanctioning two generals of Sarn. Arland Airways resumed its flights."
    assert not leans_back(
        "Arland Airways resumed its flights.", doc_sentences(doc(news))[:1], spoken=False
    )
    # a name in the decision's grounds or in a clause of its own is not whom it concerns
    for decision, text in (
        (
            "The Ministry is designating two officials for their abuses in North Arland.",
            "North Arland executed 81 men on March 12, the largest number in a decade.",
        ),
        (
            "The Ministry is sanctioning three firms that helped North Arland evade sanctions.",
            "North Arland launched 12 ballistic missiles in 2023, a record for the country.",
        ),
    ):
        assert not leans_back(text, doc_sentences(doc(decision)), spoken=False), text


def test_a_present_negative_existential_is_how_things_stand_not_news():
    """ "There is no change in the respective one China policies …" of a statement whose news
    is the concern it voices: a state, told as a report's "There were no reports of …"."""
    from briefing.synthesize import NOTHING_HAPPENED, background

    def cand(text: str):
        d = doc(text, doc_type="press release", date=date(2022, 8, 3), authors=("Jane Doe",))
        return candidates([analyze(d)], terms=["Arland"])[0]

    assert background(cand("There is no change in the policies of the members on Arland."))
    assert background(cand("There is no justification to use a visit to Arland as pretext."))
    assert background(cand("There are no reports of Arland’s troops leaving the border area."))
    # what there is, is not nothing; what is no longer, or is counted, or was done, is news
    assert not NOTHING_HAPPENED.match("There is a new ban on exports of Arland’s grain.")
    for text in (
        "There is no longer any functioning hospital in the north of Arland.",
        "There are no more than 900 troops left in Arland after the withdrawal.",
        "There is no electricity in Arland after the army cut the last power line.",
    ):
        assert not background(cand(text)), text
    # nor, in a news story, is a present state of none a stance
    news = doc(
        "There are no survivors among the passengers of the ferry off Arland, officials said.",
        doc_type="news",
    )
    assert not background(candidates([analyze(news)], terms=["Arland"])[0])


def test_a_stance_gone_on_in_the_sentence_after_is_still_a_stance():
    from briefing.synthesize import background

    text = (
        "The United States has been sincere and steadfast in pursuing a path of meaningful "
        "diplomacy with Arland. It is Arland that has failed to show a similar commitment to "
        "that path.\n"
    )
    release = doc(text, doc_type="press release", date=date(2022, 7, 6), authors=("Jane Doe",))
    pair = [c for c in candidates([analyze(release)]) if "that path" in c.edited.text]
    assert pair and all(background(c) for c in pair)
    # a sentence after a stance that tells what happened makes the pair news
    text = (
        "The United States has been sincere and steadfast in pursuing a path of meaningful "
        "diplomacy with Arland. It expelled 12 of Arland’s diplomats on Monday.\n"
    )
    release = doc(text, doc_type="press release", date=date(2022, 7, 6), authors=("Jane Doe",))
    pair = [c for c in candidates([analyze(release)]) if "expelled" in c.edited.text]
    assert pair and not any(background(c) for c in pair)
    # nor one with an event of its own, dated or not
    text = (
        "The United States has been sincere and steadfast in pursuing a path of meaningful "
        "diplomacy with Arland. Its forces shot down a U.S. drone over the Gulf.\n"
    )
    release = doc(text, doc_type="press release", date=date(2022, 7, 6), authors=("Jane Doe",))
    pair = [c for c in candidates([analyze(release)]) if "drone" in c.edited.text]
    assert pair and not any(background(c) for c in pair)
    # and "U.S." does not end a sentence: one sentence is no stance gone on
    from briefing.synthesize import _stance_goes_on

    one = doc(
        "The United States supports Arland and the U.S. Embassy in Arland resumed operations.\n",
        doc_type="press release",
        date=date(2022, 7, 6),
        authors=("Jane Doe",),
    )
    assert not any(_stance_goes_on(c) for c in candidates([analyze(one)]))


def test_a_word_that_begins_like_a_month_is_no_date():
    from briefing.synthesize import stative

    # "Dec-reasing", "Mar-iupol", "Jun-ta": no date makes these news
    assert stative("Decreasing the number of seats will not foster stability for Arland.")
    assert stative("The Junta remains the main obstacle to a settlement in Marovia.")
    assert not stative("The council will meet again in December to decide on the seats.")
    assert not stative("The council will meet again on Dec. 4 to decide on the seats.")


def test_a_noun_in_ing_after_is_no_progressive():
    from briefing.synthesize import stative

    # "is something", "is nothing": a pronoun, not an event under way ("is designating")
    assert stative("The border is something that we are very concerned about in Arland.")
    assert stative("The delay is nothing new for the people of Marovia.")
    assert not stative("The United States is designating five Arland entities.")
    assert not stative("Marovia is building up forces along the Arland border.")


def test_the_editors_date_of_today_makes_no_event():
    from briefing.synthesize import stative

    # "Today [29 July 2022]" says when it was said; the source's own date says what was done
    assert stative("Today [29 July 2022], I look forward to discussing trade with Arland.")
    assert not stative("Today, I look forward to discussing trade with Arland on 2 August.")
    assert not stative("Today [29 July 2022], we are convening the ministers of Arland.")


def test_a_governments_spoken_remarks_are_background_when_a_release_is():
    """Remarks a government publishes (a release with speakers' turns) are read by outsiders
    as its writing is: a stance in the first person, or a tribute to what another always
    said, is background there too."""
    from briefing.model import Turn
    from briefing.synthesize import background

    text = (
        "As the two largest economies of the region, it is critical that we work together "
        "to defend an open economic order in Arland. "
        "Former Prime Minister Ilo Vesk always said the alliance is the cornerstone of our "
        "diplomacy with Arland. "
        "We are convening the first meeting of the economic council of Arland and Marovia "
        "to discuss supply chains.\n"
    )
    turns = (Turn("Jane Roe", "answer", 0, len(text)),)
    remarks = doc(text, turns=turns, doc_type="press release", date=date(2022, 7, 29))
    pool = candidates([analyze(remarks)], terms=["Arland"])
    assert [background(c) for c in pool] == [True, True, False]


def test_an_appointment_is_background_unless_the_release_is_about_it():
    """A government's personnel notice is its office's business, except in the release whose
    title names the appointee: there it is the news ("Announcement of Matt Murray as …")."""
    from briefing.synthesize import background

    def cand(text: str, title: str):
        d = doc(text, title=title, doc_type="press release", authors=("Office of Ann Lee",))
        return candidates([analyze(d)], terms=["APEC"])[0]

    text = "The Department is pleased to announce that Jane Roe will be the new Senior Official."
    assert not background(cand(text, "Announcement of Jane Roe as Senior Official for APEC"))
    titled = "Ambassador Jane Roe has been appointed the new Senior Official for APEC."
    assert not background(cand(titled, "Announcement of Jane Roe as Senior Official for APEC"))
    assert background(cand(text, "The United States and APEC partners meet in Lima"))


def test_a_definite_subject_under_a_sources_report_leans_back_in_a_report():
    """ "IPYS reported the abuses affected reporters …" after a sentence about abuses, in a
    report of many cases: the report is of the abuses the reader was not shown, as "The
    abuses affected …" would be. In a news story the definite is mostly the story's own."""
    from briefing.editorial import reports_what_came_before

    before = doc_sentences(doc("Police committed abuses against reporters in Arland in May."))
    assert leans_back("The abuses affected women reporters most often.", before, spoken=False)
    for text in (
        "Arland Press reported the abuses affected women reporters most often.",
        "Human rights groups said that the abuses affected women reporters most often.",
    ):
        assert reports_what_came_before(text, before), text
    # a report of something the reader has not read of before stands alone
    for text in (
        "Arland Press reported the police closed 12 newspapers in March.",
        "Arland Press reported 12 newspapers closed in March.",
    ):
        assert not reports_what_came_before(text, before[:0]), text
    text = (
        "Police committed abuses against reporters in Arland in May. Arland Press reported the "
        "abuses affected women reporters most often."
    )
    report = doc(text, title="2023 Country Reports on Human Rights Practices: Arland")
    assert edited(dataclasses.replace(report, doc_type="report")) is None
    assert edited(report) is not None  # a news story


def test_asked_a_question_a_report_answers_with_any_act_of_the_kind_its_verb_asks_for():
    """Asked how journalists are detained, a report's "A court sentenced 3 journalists to ten
    years in prison" answers as its "Officials routinely detained journalists" does: a verb
    asks for any act of its kind (lexicon.VERB_CLASSES); "fled" is still no answer."""
    from briefing.synthesize import _on_question, answer_class, asked_actions

    lines = [
        "Officials routinely detained journalists who covered protests in the capital.",
        "A court sentenced 3 journalists to ten years in prison in June 2023.",
        "More than 400 journalists had fled the country since 2020 because of the war.",
        # a conviction is of the officers, not the journalist's detention
        "A court convicted two police officers of beating a journalist at a rally in 2022.",
    ]
    found = [
        analyze(
            doc(
                "\n\n".join(lines) + "\n",
                title=f"Human Rights Report: {country}",
                doc_type="report",
                path=f"/tmp/{country.lower()}.txt",
            )
        )
        for country in ("Ruritania", "Borduria", "Syldavia")
    ]
    question = "How are journalists detained?"
    pool = candidates(found, terms=[question], focus=[])  # as synthesize() asks
    kept = _on_question(
        pool, {"journalist", "detained"}, set(answer_class(question)), asked_actions(question)
    )
    assert {c.edited.text[:9] for c in kept} == {"Officials", "A court s"}


def test_a_response_whose_cause_is_not_said_leans_back():
    """ "The PRC’s escalatory response risks increasing tensions …": a response, reaction or
    reply is to something (a relational noun); without its "to …" it is to what the sentence
    before told."""
    for text in (
        "The PRC’s escalatory response risks increasing tensions and destabilizing the region.",
        "Moscow’s reaction was swift and included the expulsion of ten diplomats.",
        "The government’s initial reply has not addressed the lack of cooperation.",
        "The Chinese government’s response was swift and included new tariffs.",
        "The U.S. response has been muted so far, officials in the region say.",
        "The allies’ response was swift and included new sanctions on the regime.",
    ):
        assert written(text), text
    for text in (
        "The PRC’s response to the visit risks increasing tensions in the region.",
        "The emergency response teams reached the village of Arkhol on Monday.",
        "The immune response was stronger in older adults who received the vaccine.",
        "The reaction speed of the missile is classified by the ministry.",
        "The response need is greatest in the north of the country.",
    ):
        assert not written(text), text


def test_of_two_bullets_telling_one_fact_the_one_with_fewer_figures_goes():
    """ "… executed 37 percent more persons …" beside "A total of 798 citizens were executed
    …, marking a 37 percent increase": one fact, told more exactly once. A bullet with no
    figure, or with figures of its own, stays."""
    from briefing.synthesize import _similarities, _tfidf, _without_less_exact

    report = doc(
        "A total of 798 citizens were executed during the year, marking a 37 percent increase "
        "from 2022.\n\n"
        "NGOs said 37 percent more citizens were executed during the year than in 2022.\n\n"
        "Authorities executed protesters during the year after trials that lasted one day.\n\n"
        "The parliament passed a law on media licences for 12 outlets in May.\n",
        title="2023 Country Reports on Human Rights Practices: Ruritania",
        doc_type="report",
    )
    pool = candidates([analyze(report)])
    sims = _similarities(_tfidf([c.edited.text for c in pool]))
    kept = _without_less_exact(pool, list(range(len(pool))), sims)
    assert [pool[i].edited.text[:20] for i in kept] == [
        "A total of 798 citiz",
        "Authorities [of Ruri",
        "The parliament passe",
    ]
    assert len(pool) == 4
    # two sources' "3 killed" may be two strikes
    strikes = [
        doc(f"3 people{more} were killed in a missile strike on {city} on {day}, officials said.\n",
            title=f"Strike on {city}", path=f"/tmp/{city}.txt")
        for city, day, more in (("Kyiv", "Tuesday", ""), ("Lviv", "Wednesday", " and 12 injured"))
    ]  # fmt: skip
    pool = candidates([analyze(d) for d in strikes])
    sims = _similarities(_tfidf([c.edited.text for c in pool]))
    assert len(_without_less_exact(pool, list(range(len(pool))), sims)) == 2


def test_a_keyword_verb_says_what_the_topic_asks_of_its_noun():
    """Keywords "journalists, detained": the topic is journalists, and "detained" what it asks
    of them, as a question's verb is (Lioma & Blanco 2009). A sentence with the verb alone
    (farmers detained) is about someone else; one on journalists in other words is the topic's."""
    from briefing.synthesize import keyword_actions

    assert keyword_actions(["journalists", "detained"]) == {"detained"}
    assert keyword_actions(["detained", "arrested"]) == set()  # verbs alone: their own subject
    assert keyword_actions(["press freedom", "Iran"]) == set()
    assert keyword_actions(["Cuba", "embargo"]) == set()  # a noun the tagger alone calls a verb
    # the topic's name says it too
    assert keyword_actions(["journalists", "detained"], "Detention of journalists") == {
        "detained",
        "detention",
    }
    body = {
        "Arland": [
            "Police detained 40 farmers who protested against the land law in the north.",
            "Border guards detained 12 traders at the eastern crossing in May.",
            "The court sentenced two journalists to 12 years in prison for reporting on a death.",
        ],
        "Borduria": [
            "Police detained 30 students who protested against fees at the university.",
            "Soldiers detained nine fishermen near the coast in June.",
            "Three journalists were beaten by police while covering a strike in the capital.",
        ],
        "Carpania": [
            "Police detained 25 workers who protested against unpaid wages at a mine.",
            "Officials detained six clerics accused of preaching without a licence.",
            "A radio journalist was sentenced to five years for insulting the president.",
        ],
    }
    found = [analyze(country_report(country, lines)) for country, lines in body.items()]
    points = [p.text for p in synthesize(found, terms=["journalists", "detained"], words=40)]
    assert sum("journalist" in p for p in points) >= 2  # none when "detained" weighs as a noun


def test_a_keyword_weighs_as_much_in_a_case_as_in_a_finding():
    """Keywords say what a topic is about; a sentence is on it or not. A case names people and
    figures beside the keyword; weighed by its share of the words, the keyword counted for
    less there than in a generic finding, and briefs over reports told findings, not cases."""
    from briefing.synthesize import _keyword_relevance, _tfidf, phrases

    texts = [
        "Authorities harassed journalists.",
        "In October, Niloufar Hamedi and Elaheh Mohammadi, two of the first journalists to "
        "report on the death of Mahsa Amini, were sentenced to 13 and 12 years in jail.",
        "Russian forces shelled the port of Odesa on Tuesday.",
        "Police beat farmers in the north.",
    ]
    finding, case, adjective, other = _keyword_relevance(
        _tfidf(texts), phrases(["journalists", "Russia"]), set()
    )
    assert case == finding > other
    assert adjective == finding  # "Russian" names Russia


def test_a_government_recalling_what_it_did_before_is_background():
    from briefing.synthesize import RETROSPECT

    assert RETROSPECT.search(
        "The Department previously authorized the voluntary departure of U.S. direct hire "
        "employees on January 23, 2022."
    )
    assert RETROSPECT.search("[W]e previously designated four banks in Minsk.")
    assert not RETROSPECT.search("The EU named two generals previously sanctioned by the UK.")
    # "previously" inside the subject is no recall: the sanctions take effect today
    assert not RETROSPECT.search("The previously announced sanctions take effect today.")


def test_a_keyword_of_several_words_is_named_by_them_all():
    """"South China Sea" is not named by "the Red Sea": a source that only touches on a topic
    gives the sentences naming a keyword whole."""
    text = (
        "Shipping insurers raised their rates for the third time this year on Monday.\n\n"
        "Houthi attacks on merchant ships in the Red Sea continued through the week.\n\n"
        "Coast guard ships fired water cannon at a supply boat in the South China Sea.\n\n"
        "Brokers expect rates to stay high until the spring, traders in London said.\n"
    )
    pool = candidates([analyze(doc(text, title="Insurers Raise Rates"))], terms=["South China Sea"])
    texts = [c.edited.text for c in pool]
    assert any("South China Sea" in t for t in texts)
    assert not any("Red Sea" in t for t in texts)


def test_a_lead_that_lists_the_topic_among_others_is_about_something_else():
    """A release that sanctions suppliers "in Iran, China and the United Arab Emirates" is
    about the sanctions, not about China: for a China topic only its sentences naming China
    are candidates, as for any source that touches on the topic."""
    text = (
        "Today the United States is sanctioning eight entities in Iran, China and the United "
        "Arab Emirates for supplying components used in Iranian drones.\n\n"
        "Iranian drones have been used by Russia in attacks on Ukrainian cities this year.\n\n"
        "We urge manufacturers to strengthen their due diligence on exports.\n"
    )
    release = doc(text, title="Statement on Sanctions Against Drone Suppliers")
    pool = candidates([analyze(release)], terms=["China", "Beijing"])
    assert [c.edited.text[:5] for c in pool] == ["Today"]
    # a lead that names the topic outside a list is the source's subject
    lead = text.replace("in Iran, China and the United Arab Emirates", "in China")
    pool = candidates([analyze(doc(lead, title="Statement"))], terms=["China"])
    assert any(c.edited.text.startswith("Iranian drones") for c in pool)


def test_a_keyword_of_several_words_weighs_only_whole():
    from briefing.synthesize import _keyword_relevance, _tfidf, phrases

    texts = [
        "Houthi attacks on ships in the Red Sea continued through the week.",
        "Coast guard ships fired water cannon at a boat in the South China Sea.",
        "China sent warships near the island on Tuesday.",
    ]
    red, south, chinese = _keyword_relevance(
        _tfidf(texts), phrases(["South China Sea", "China"]), set()
    )
    assert south == chinese > red


def test_a_keyword_verb_is_no_focus_of_its_own():
    """Keywords "journalists, detained": a report that only touches on the topic gives the
    sentences on journalists, not every sentence on someone detained."""
    from briefing.config import Topic
    from briefing.synthesize import focus_terms

    topic = Topic(name="Detention of journalists", keywords=["journalists", "detained"])
    assert focus_terms(topic) == ["journalists"]
    assert focus_terms(topic.model_copy(update={"keywords": ["journalists", "Detained"]})) == [
        "journalists"
    ]
    text = (
        "Conditions in the prisons of Arland remained harsh throughout the year.\n\n"
        "Police detained 40 farmers who protested against the land law in the north.\n\n"
        "The court sentenced two journalists to 12 years in prison for their reporting.\n\n"
        "Border guards detained 12 traders at the eastern crossing in May.\n\n"
        "Floods destroyed three bridges in the south of the country in April.\n\n"
        "The harvest was the smallest in a decade, the farmers' union said.\n"
    )
    report = doc(text, title="Human Rights Report: Arland", doc_type="report")
    pool = candidates(
        [analyze(report)], terms=topic.terms, focus=focus_terms(topic)
    )
    assert [c.edited.text[:9] for c in pool] == ["The court"]


@needs_shared
@pytest.mark.shared
def test_a_brief_across_the_reports_answers_its_keywords_country_by_country(cli, tmp_path):
    """Journalists detained, over the ten 2023 country reports: every bullet is on journalists
    (not on anyone detained), and they come from most of the countries, not from one long
    report's chapters (seven reports, three bullets from Syria's, before)."""
    reports = ROOT.parent / "shared" / "corpus" / "state-dept-human-rights-2023" / "html"
    result = cli(
        "brief", reports, "--topic", "Detention of journalists", "--keywords",
        "journalists,detained", "--format", "json", "--out", tmp_path,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    brief = json.loads(next(tmp_path.glob("**/brief.json")).read_text())
    summary = brief["topics"][0]["summary"]
    assert all(re.search(r"(?i)journalist", p["text"]) for p in summary)
    assert len({p["source"] for p in summary}) >= 8


def test_a_names_last_word_stands_for_it_where_nothing_else_shares_it():
    from briefing.synthesize import in_source

    ocalan = "Abdullah Ocalan was arrested in Rome. Ocalan asked for asylum on Monday."
    assert frozenset({"ocalan"}) in in_source(["Abdullah Ocalan"], ocalan)
    seas = "Ships crossed the South China Sea. Attacks in the Red Sea went on."
    assert frozenset({"sea"}) not in in_source(["South China Sea"], seas)


def test_a_keyword_topic_weighs_what_it_asks_of_its_subject():
    """Keywords "journalists, detained": journalists detained are the topic; journalists who
    fled are its subject only, and farmers detained not even that."""
    from briefing.synthesize import _keyword_relevance, _tfidf, phrases

    texts = [
        "Police detained two journalists in the capital in March.",
        "Two journalists fled the country in March after threats.",
        "Police detained two farmers in the capital in March.",
    ]
    both, subject, act = _keyword_relevance(
        _tfidf(texts), phrases(["journalists"]), set(), {"detain"}
    )
    assert both > subject > act == 0.0


def test_review_cases_of_keyword_phrases():
    """A place of several words in its people's adjective names it; a sentence-opening time
    is no item of a list; a common noun is no name's last word alone; a query in the query
    language asks for each of its terms."""
    from briefing.synthesize import _outside_lists, _query_terms, in_source, names, phrases

    assert names("North Korean hackers stole 300 million dollars.", phrases(["North Korea"]))
    lead = "On Tuesday, Iran and the IAEA agreed to resume inspections."
    assert _outside_lists(lead) == lead
    house = "The White House announced it. He was under house arrest."
    assert frozenset({"house"}) not in in_source(["White House"], house)
    assert _query_terms("Russia OR Ukraine") == ["Russia", "Ukraine"]
    assert not names("Median wages rose.", phrases(["media"]))


def test_a_series_page_titled_by_its_subject_alone_is_listed_with_the_series_name():
    from briefing.synthesize import series_title

    url = "https://www.state.gov/reports/2023-country-reports-on-human-rights-practices/russia/"
    page = doc("Text.", title="Russia", doc_type="report", url=url)
    assert series_title(page) == "2023 Country Reports on Human Rights Practices: Russia"
    full = "2023 Country Reports on Human Rights Practices: Syria"
    assert series_title(doc("Text.", title=full, doc_type="report", url=url)) == full
    assert series_title(doc("Text.", title="Russia", doc_type="news", url=url)) == "Russia"
