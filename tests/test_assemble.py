"""Choosing a section's key quotes."""

from pathlib import Path

from briefing.analyze import analyze
from briefing.config import Topic
from briefing.ingest.page import read_page
from briefing.keyquotes import key_quotes


def analysis(name: str, body: str):
    return analyze(read_page(Path(f"{name}.txt"), f"A Story About Sanctions\n\n{body}"))


def test_key_quotes_are_one_per_speaker_on_topic_first_and_not_redundant():
    first = analysis(
        "a",
        "“The sanctions on Russia will stay in place until the war in Ukraine ends,” said "
        "Maria Delgado.\n\n“The sanctions on Russia will stay in place until this war ends for "
        "good,” said Tom Hale.\n\n“We discussed the weather and the harvest this year,” "
        "said Ana Ruiz.",
    )
    second = analysis(
        "b",
        "“Russia has found new buyers for its oil despite the price cap on exports,” said "
        "Maria Delgado.\n\n“Tankers of the shadow fleet keep carrying oil from Russia to Asia,” "
        "said Lee Park.",
    )
    topic = Topic(name="Russia", keywords=["Russia", "sanctions", "oil"])
    chosen = key_quotes(topic, [first, second])
    speakers = [q.speaker for q in chosen]
    assert len(speakers) == len(set(speakers))  # one per speaker
    assert "Tom Hale" not in speakers  # says what Maria Delgado said
    assert speakers[:2] == ["Maria Delgado", "Lee Park"]  # on the topic's words first


def test_key_quotes_choose_from_what_analyze_found_without_analysing_again(monkeypatch):
    import briefing.analyze
    import briefing.quotes
    import briefing.summarize

    statement = analysis(
        "c",
        "Press Statement\n\nThe sanctions on Russia will stay until the war in Ukraine ends.\n"
        "“Russia has found new buyers for its oil despite the cap,” said Maria Delgado.\n",
    )

    def again(*args, **kwargs):
        raise AssertionError("a document analysed twice")

    for module, name in (
        (briefing.summarize, "rank_sentences"),
        (briefing.analyze, "rank_sentences"),
        (briefing.analyze, "spoken_quotes"),
        (briefing.quotes, "find_quotes"),
        (briefing.analyze, "find_quotes"),
    ):
        monkeypatch.setattr(module, name, again)
    import briefing.keyquotes

    for name in ("rank_sentences", "spoken_quotes", "find_quotes"):  # any copy it imported
        monkeypatch.setattr(briefing.keyquotes, name, again, raising=False)
    chosen = key_quotes(Topic(name="Russia", keywords=["Russia"]), [statement])
    assert [q.speaker for q in chosen] == ["Maria Delgado"]
