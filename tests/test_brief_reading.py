"""What a reader of an on-demand country brief found: bullets from a neighbouring country's
report, "The government" and "The 2021" as quote speakers."""

from __future__ import annotations

from pathlib import Path

from briefing.analyze import analyze
from briefing.editorial import edit
from briefing.keyquotes import _resolve
from briefing.model import Document, Quote
from briefing.synthesize import candidates


def doc(text: str, title: str = "Report", **kw) -> Document:
    return Document(path=Path("/x/report.txt"), title=title, text=text, **kw)


def test_a_source_about_something_else_gives_only_its_on_topic_sentences():
    other = doc(
        "Overcrowding remained a problem in several pretrial detention centres this year.\n"
        "Observers said refugees from Belarus faced the loss of their residence permits.\n",
        title="Report on Ukraine",
    )
    texts = [c.edited.text for c in candidates([analyze(other)], terms=["Belarus"])]
    assert len(texts) == 1 and texts[0].startswith("Observers said refugees from Belarus")
    about = doc(other.text, title="Report on Belarus")
    assert len(candidates([analyze(about)], terms=["Belarus"])) == 2


def said_by_all(text: str) -> list:
    d = doc(text)
    sentences = analyze(d).sentences
    return [e for e in (edit(d, sentences, i) for i in range(len(sentences))) if e]


def test_a_label_opening_a_paragraph_says_who_speaks():
    transcript = (
        "The Chair: We will now proceed to the questions on the clinics programme.\n"
        "Jane Doe (Minister of Health): We opened four clinics in the north this spring.\n"
        "Hon. John Roe (Critic): The clinics budget rises by ten percent next year.\n"
    )
    said = {e.text[:12]: e.said_by for e in said_by_all(transcript)}
    assert said.get("We opened fo") == "Jane Doe" and said.get("We will now ") == "The Chair"


def test_a_speaker_a_reader_cannot_identify_is_no_speaker():
    d = doc("x" * 10)
    for speaker in ("The government", "The 2021", "the official", "The report"):
        assert _resolve(Quote("words", speaker, 0, 5), d, {}) is None, speaker
    assert _resolve(Quote("words", "The Kremlin", 0, 5), d, {}) is not None
