"""Analyze one document: its sentences, an extractive summary and its quotes."""

from __future__ import annotations

from dataclasses import replace

from briefing.model import Analysis, Document, Quote
from briefing.quotes import find_quotes
from briefing.summarize import doc_sentences, eligible, rank_sentences, summarize

STATEMENT_CANDIDATES = 8  # a statement's best sentences kept as quotable


def analyze(doc: Document, *, sentences: int = 3) -> Analysis:
    """Split ``doc`` into sentences, summarize it and find its quotes: direct ones, a
    transcript's answers and a named person's statement, each ranked once, here."""
    all_sentences = tuple(doc_sentences(doc))
    summary = summarize(doc, list(all_sentences), sentences)
    found = Analysis(doc, all_sentences, tuple(summary), tuple(find_quotes(doc)))
    return replace(
        found, spoken=tuple(spoken_quotes(found)), statements=tuple(_statement_quotes(found))
    )


def spoken_quotes(analysis: Analysis, limit: int | None = None) -> list[Quote]:
    """Answer sentences of transcripts and interviews: verbatim words of a named speaker."""
    answers = [s for s in analysis.sentences if s.role == "answer" and s.speaker and eligible(s)]
    ranked = sorted(rank_sentences(answers), key=lambda item: -item[0])[:limit]
    doc = analysis.doc
    return [
        Quote(
            s.text,
            s.speaker,
            s.start,
            s.end,
            kind="spoken",
            position=doc.position_of(s.speaker),
            rule="transcript_turn",  # the turn's label or the interview's answer
        )
        for _, s in ranked
    ]


def explain_spoken(analysis: Analysis, limit: int = 5) -> list[tuple[Quote, list[str]]]:
    """Each quotable answer of a transcript with why it is its speaker's: the turn it sits
    in, that turn's label, and its rank among the answers."""
    turns = sorted(analysis.doc.turns, key=lambda t: t.start)
    out = []
    for rank, quote in enumerate(spoken_quotes(analysis, limit), 1):
        turn = next((t for t in turns if t.start <= quote.start < t.end), None)
        label = f"“{turn.speaker}”" if turn else "unknown"
        out.append(
            (
                quote,
                [
                    f"rule {quote.rule}: a sentence of an answer turn labelled {label}",
                    f"  answer {rank} of the document's quotable answers, ranked by centrality"
                    " and position",
                ],
            )
        )
    return out


def _statement_quotes(analysis: Analysis) -> list[Quote]:
    """A statement issued in a named person's name ("Press Statement, Antony J. Blinken,
    Secretary of State") is in that person's words: its best sentences are quotable."""
    doc = analysis.doc
    signer = None if doc.turns else doc.signer()
    if signer is None:
        return []
    person, position = signer
    ranked = sorted(rank_sentences([s for s in analysis.sentences if eligible(s)]))
    return [
        Quote(s.text, person, s.start, s.end, kind="statement", position=position)
        for _, s in ranked[::-1][:STATEMENT_CANDIDATES]
    ]
